package rules

import (
	"math"
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/text"
)

func TestMidSentenceCapital(t *testing.T) {
	checkertest.Run(t, "testdata/mid-sentence-capital", MidSentenceCapital)
}

// TestCapTokenAt checks capTokenAt against a walk over the tokens.
func TestCapTokenAt(t *testing.T) {
	s := "One two, Three (four) five-Six. seven"
	toks := text.Tokenize(nil, s, text.Span{Start: 0, End: len(s)})
	for at := 0; at <= len(s)+1; at++ {
		want := 0
		for want < len(toks) && toks[want].Start < at {
			want++
		}
		if got := capTokenAt(toks, at); got != want {
			t.Errorf("capTokenAt(%d) = %d, want %d", at, got, want)
		}
	}
}

// TestCapIsTitleWord checks capIsTitleWord, with its ASCII fast path,
// against the rune by rune reading it stands for.
func TestCapIsTitleWord(t *testing.T) {
	slow := func(w string) bool {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || n == len(w) {
			return false
		}
		if r2, _ := utf8.DecodeRuneInString(w[n:]); text.IsApostrophe(r2) {
			return false
		}
		for _, r := range w[n:] {
			if !unicode.IsLower(r) && !text.IsApostrophe(r) {
				return false
			}
		}
		return true
	}
	rng := rand.New(rand.NewPCG(91, 92))
	parts := []string{"A", "Z", "a", "z", "'", "’", "é", "É", "1", "-", "ß", "Σ", "σ", "\xff", "@", "[", "`", "{"}
	for range 50000 {
		w := randtext.Join(rng, parts, 6)
		if got, want := capIsTitleWord(w), slow(w); got != want {
			t.Fatalf("capIsTitleWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCapNext checks capNext against a walk over the tokens.
func TestCapNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	parts := []string{"the", "The", "IBM", "iPhone", "é", "Élan", "3", "3D", ",", "“", " ", " ", "\n"}
	for range 5000 {
		s := randtext.Join(rng, parts, 12)
		toks := text.Tokenize(nil, s, text.Span{Start: 0, End: len(s)})
		for i := 0; i <= len(toks)+1; i++ {
			want := i
			for want < len(toks) && !(toks[want].Kind == text.Word && (s[toks[want].Start] >= utf8.RuneSelf || 'A' <= s[toks[want].Start] && s[toks[want].Start] <= 'Z')) {
				want++
			}
			want = min(want, len(toks))
			if got := capNext(toks, s, i); got != want {
				t.Fatalf("capNext(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestCapWalk checks that mid-sentence-capital finds the same with the
// document's list of capitals as with a walk over every token, on random
// prose with capitals, names, words that are not ASCII and words with
// capitals inside.
func TestCapWalk(t *testing.T) {
	parts := []string{"the ", "border ", "personnel ", "power ", "to ", "expel ", "aircraft ", "in ", "use ",
		"The ", "They ", "However ", "Now ", "In ", "Walking ", "IBM ", "iPhone ", "é ", "Élan ", "Über ", "über ",
		"Bora ", "3 ", "3D ", "I ", "May ", "Department ", "of ", "State ", "walking ",
		"\n", "\n\n", ", ", ". ", ": ", "“", "”", "(", ")", "- ", "# ", "`x` "}
	compareFastPath(t, MidSentenceCapital, rand.New(rand.NewPCG(45, 46)), parts, 80, func(on bool) {
		capNoList = !on
	})
}

// TestCapWalkNext checks capWalk.next, over the capitals the tokenizer
// lists, against capNext.
func TestCapWalkNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	parts := []string{"the", "The", "IBM", "iPhone", "é", "Élan", "über", "3", "3D", ",", "“", " ", " ", "\n"}
	for range 5000 {
		s := randtext.Join(rng, parts, 16)
		toks, _, _, caps := text.TokenizeCaps(nil, s, text.Span{Start: 0, End: len(s)}, nil, nil)
		w := capWalk{caps: append(caps, math.MaxInt)}
		for k := 0; k <= len(toks); k += rng.IntN(3) {
			end := k + rng.IntN(len(toks)-k+1)
			if got, want := w.next(toks, s, k, end), capNext(toks[:end], s, k); got != want {
				t.Fatalf("next(%q, %d, %d) = %d, want %d", s, k, end, got, want)
			}
		}
	}
}
