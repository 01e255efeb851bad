package text

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestFastPathsAgree checks the fast paths of AppendCandidates against the
// plain tests they stand for, over the words of the benchmark prose and a
// few awkward ones.
func TestFastPathsAgree(t *testing.T) {
	words := strings.Fields(benchProse)
	words = append(words, "de", "De", "DE", "dé", "Dé", "d\u0301e", "the", "The", "thé", "y", "Y", "é", "st", "St",
		"bint", "BINT", "binte", "ibn", "İbn", "ıbn", "al", "ál", "'de", "-", "’s", "x", "", "ﬁ", "Ｄe", "dos", "Dos", "ter")
	for _, w := range words {
		if got, want := isLowerConnector(w), !IsCapitalized(w) && isConnector(w); got != want {
			t.Errorf("isLowerConnector(%q) = %v, want %v", w, got, want)
		}
		if w != "" && isLowerConnector(w) && !mayBeLowerConnector(w[0]) {
			t.Errorf("mayBeLowerConnector(%q) = false", w[0])
		}
	}
}

// TestFastSkipAgrees checks that the fast path of AppendCandidates skips
// no token where a name unit starts.
func TestFastSkipAgrees(t *testing.T) {
	s := benchProse + " al-Assad bin-Laden iPhone d'Estaing de -Presse x‐Ray 'de-Gaulle' éclair-Roy ébène"
	toks := Tokenize(nil, s, Span{0, len(s)})
	for i, tok := range toks {
		if tok.Kind != Word {
			continue
		}
		if _, ok := nameUnit(s, toks, i); ok && plainWord(s, toks, i) {
			t.Errorf("token %d %q: skipped but starts a unit", i, tok.Text(s))
		}
	}
}

// TestPlainWord checks plainWord against its definition on random words
// of ASCII letters, digits, apostrophes and a few non-ASCII letters, at
// every distance from the end of the text.
func TestPlainWord(t *testing.T) {
	parts := []string{"a", "b", "z", "A", "M", "Z", "@", "[", "`", "{", "0", "9", "'", "é", "É", "ß", "’", "-"}
	rng := rand.New(rand.NewSource(1))
	for range 200000 {
		var b strings.Builder
		for n := 1 + rng.Intn(12); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		tail := strings.Repeat(" x", rng.Intn(6))
		s := b.String() + tail
		toks := Tokenize(nil, s, Span{0, len(s)})
		for i, tok := range toks {
			if tok.Kind != Word {
				continue
			}
			w := tok.Text(s)
			c := w[0]
			want := c < 0x80 && (c < 'A' || c > 'Z') && !hasHyphenAfter(s, toks, i) && !isNameWord(w)
			if got := plainWord(s, toks, i); got && !want || !got && !mayHyphenAfter(s, toks, i) && want {
				t.Fatalf("plainWord(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// TestCapitalFrom checks capitalFrom against a plain scan of the flags,
// from every token on.
func TestCapitalFrom(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 2000 {
		toks := make([]Token, rng.Intn(20))
		for k := range toks {
			toks[k].lower = uint8(min(rng.Intn(4), 1))
		}
		for from := 0; from <= len(toks); from++ {
			want := from
			for want < len(toks) && toks[want].lower != 0 {
				want++
			}
			f := CandidateFinder{toks: toks}
			if got := min(f.capitalFrom(from), len(toks)); got != want {
				t.Fatalf("capitalFrom(%v, %d) = %d, want %d", toks, from, got, want)
			}
		}
		// From the list of capitals, the tokens after others, asked
		// about in order, some of them twice.
		pre := rng.Intn(3)
		all := append(make([]Token, pre), toks...)
		f := NewCandidateFinderCaps("", nil, nil, capsOf(all))
		f.toks, f.base = all[pre:], pre
		for from := 0; from <= len(toks)+1; from += rng.Intn(3) {
			want := from
			for want < len(toks) && toks[want].lower != 0 {
				want++
			}
			if got := min(f.capitalFrom(from), len(toks)); got != min(want, len(toks)) {
				t.Fatalf("capitalFrom(%v, %d) from the list = %d, want %d", toks, from, got, want)
			}
		}
	}
}

// TestLowerStartsNoUnit checks what the finder's skips rest on: no name
// unit starts at a token the tokenizer marks lower, nor at one whose
// token two on is lower.
func TestLowerStartsNoUnit(t *testing.T) {
	s := benchProse + " al-Assad bin-Laden iPhone d'Estaing de -Presse x‐Ray 'de-Gaulle' éclair-Roy ébène eBay mp3Player"
	toks := Tokenize(nil, s, Span{0, len(s)})
	for i := range toks {
		if _, ok := nameUnit(s, toks, i); ok && toks[i].lower != 0 && (i+2 >= len(toks) || toks[i+2].lower != 0) {
			t.Errorf("token %d %q: lower but starts a unit", i, toks[i].Text(s))
		}
	}
}

// TestSkipAgrees checks the candidates found skipping the tokens before
// the next capital against those found reading every token, on random
// texts of capitals, connectors, hyphens and other runes.
func TestSkipAgrees(t *testing.T) {
	parts := []string{"Nayib", "Bukele", "al", "de", "la", "the", "of", "and", "x", "é", "É", "US", "U.S.", "I", "iPhone", "3rd",
		"-", "‐", "–", "“", "’s", "'", ".", ",", " ", " ", " ", " ", "  ", "\n", "Assad", "bin", "Laden", "May", "New", "York"}
	rng := rand.New(rand.NewSource(2))
	texts := []string{benchProse}
	for range 30000 {
		texts = append(texts, randomParts(rng, parts, 30))
	}
	for _, s := range texts {
		toks := Tokenize(nil, s, Span{0, len(s)})
		want, _ := appendCandidates(nil, nil, s, toks, false)
		// The tokens as the tokenizer makes them, and as made
		// otherwise, without the lower flags.
		plain := slices.Clone(toks)
		for k := range plain {
			plain[k].lower = 0
		}
		for _, toks := range [][]Token{toks, plain} {
			got, _ := appendCandidates(nil, nil, s, toks, true)
			f := NewCandidateFinderCaps(s, nil, nil, capsOf(toks))
			f.SentenceAt(toks, 0, len(toks))
			if !equalCandidates(f.List, got) {
				t.Fatalf("%q: the finder with capitals gives %+v, want %+v", s, f.List, got)
			}
			if len(got) != len(want) {
				t.Fatalf("%q: %d candidates, want %d", s, len(got), len(want))
			}
			for k := range got {
				if got[k].Span != want[k].Span || got[k].Initial != want[k].Initial || !slices.Equal(got[k].Words, want[k].Words) {
					t.Fatalf("%q: candidate %d: %+v, want %+v", s, k, got[k], want[k])
				}
			}
		}
	}
}

// TestEndsRun checks endsRun against add's loop: when it holds, no
// connector starts at toks[k] and no name unit either.
func TestEndsRun(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		s := randomParts(rng, candidateParts, 12)
		toks := Tokenize(nil, s, Span{0, len(s)})
		for k := 0; k <= len(toks); k++ {
			if !endsRun(s, toks, k) || k == len(toks) {
				continue
			}
			w := toks[k].Text(s)
			if toks[k].Kind == Word && isLowerConnector(w) {
				t.Fatalf("%q: endsRun at %q, a connector", s, w)
			}
			if _, ok := nameUnit(s, toks, k); ok {
				t.Fatalf("%q: endsRun at %q, a name unit", s, w)
			}
		}
	}
}
