package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/text"
)

// TestDropLowerCaseWords checks dropLowerCaseWords against the
// definition, for few and many words: a one-word hit goes when a word
// token of the document is its lower-case form ("readlink", not
// "readlinks" or "xreadlink").
func TestDropLowerCaseWords(t *testing.T) {
	for _, n := range []int{3, 32, 40, 100} {
		var b strings.Builder
		var want []string
		for i := range n {
			w := fmt.Sprintf("word%cq", 'a'+rune(i%26)) + strings.Repeat("z", i/26)
			fmt.Fprintf(&b, "Then %s%s came. ", strings.ToUpper(w[:1]), w[1:])
			switch i % 3 {
			case 0:
				fmt.Fprintf(&b, "Later %s was used. ", w) // written in lower case: dropped
			case 1:
				fmt.Fprintf(&b, "Later %ss and x%s were used. ", w, w) // only inside other words: kept
				want = append(want, strings.ToUpper(w[:1])+w[1:])
			default:
				want = append(want, strings.ToUpper(w[:1])+w[1:])
			}
		}
		doc, err := input.Parse("doc.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		var hits []garbledHit
		for _, tk := range doc.Tokens {
			if w := doc.Text[tk.Start:tk.End]; strings.HasPrefix(w, "Word") {
				hits = append(hits, garbledHit{lo: 0, hi: 1, span: checker.Span{Start: tk.Start, End: tk.End}, text: w})
			}
		}
		var got []string
		for _, h := range dropLowerCaseWords(hits, doc) {
			got = append(got, doc.Text[h.span.Start:h.span.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d words: kept %q, want %q", n, got, want)
		}
	}
}

// TestDropLowerCaseWordsUnicode checks words outside ASCII and a word
// whose lower-case form is only a prefix of a token.
func TestDropLowerCaseWordsUnicode(t *testing.T) {
	doc, err := input.Parse("doc.txt", []byte("Éclair came. Later éclair was eaten. Then Ørsted came, and ørsteds went. Zed."))
	if err != nil {
		t.Fatal(err)
	}
	var hits []garbledHit
	for _, w := range []string{"Éclair", "Ørsted", "Zed"} {
		i := strings.Index(doc.Text, w)
		hits = append(hits, garbledHit{lo: 0, hi: 1, span: checker.Span{Start: i, End: i + len(w)}, text: w})
	}
	var got []string
	for _, h := range dropLowerCaseWords(hits, doc) {
		got = append(got, h.text)
	}
	if want := []string{"Ørsted", "Zed"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// TestTokenAt checks tokenAt against a binary search of all the tokens,
// from every starting point that a candidate's earlier words may leave.
func TestTokenAt(t *testing.T) {
	// Long enough for the search to go by doubling steps.
	doc, err := input.Parse("doc.txt", []byte(strings.Repeat("Then Camilo Montoya-Galvez's report, by J. R. R. Tolkien and O'Brien, came (late). ", 12)))
	if err != nil {
		t.Fatal(err)
	}
	toks := doc.Tokens
	for off := 0; off <= len(doc.Text); off++ {
		want, wok := slices.BinarySearchFunc(toks, off, func(t checker.Token, off int) int { return t.Start - off })
		for lo := 0; lo <= want; lo++ {
			if got, ok := tokenAt(toks, lo, off); got != want || ok != wok {
				t.Fatalf("tokenAt(%d, %d) = %d %v, want %d %v", lo, off, got, ok, want, wok)
			}
		}
	}
}

// TestDropLowerCaseWordsAllFound checks the early end of the pass over
// the tokens: once every word sought is found, the hits of all of them
// go, those written twice too.
func TestDropLowerCaseWordsAllFound(t *testing.T) {
	doc, err := input.Parse("doc.txt", []byte("Readlink came, then Stat. Later readlink and stat ran. Readlink again, stat again, readlink."))
	if err != nil {
		t.Fatal(err)
	}
	var hits []garbledHit
	for _, tk := range doc.Tokens {
		if w := doc.Text[tk.Start:tk.End]; w == "Readlink" || w == "Stat" {
			hits = append(hits, garbledHit{lo: 0, hi: 1, span: checker.Span{Start: tk.Start, End: tk.End}, text: w})
		}
	}
	if len(hits) != 3 {
		t.Fatalf("%d hits, want 3", len(hits))
	}
	if got := dropLowerCaseWords(hits, doc); len(got) != 0 {
		t.Errorf("kept %v, want none", got)
	}
}

// TestDropLowerCaseWordsMap checks dropLowerCaseWords against the
// version that looked the words up in a map, on texts of words alike in
// their first byte, length and last byte, in lower case, capitalised and
// in capitals, ASCII and not (a word of another script beside a
// lower-case one of the same first byte and length), with and without
// the early end.
func TestDropLowerCaseWordsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	vocab := []string{"readlink", "readlinx", "reallink", "rexdlink", "read", "reed", "rend", "élan", "éclat", "ørsted", "øre", "zed", "zeds", "dirfs", "dirfx", "x", "ab", "abc", "ªbc", "µbc", "ªb", "ªbcd"}
	for n := range 1000 {
		var b strings.Builder
		words := vocab[:5+rng.IntN(len(vocab)-5)]
		for range 5 + rng.IntN(60) {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToUpper(w)
			case 1, 2:
				r, size := utf8.DecodeRuneInString(w)
				w = string(unicode.ToUpper(r)) + w[size:]
			}
			b.WriteString(w)
			b.WriteString([]string{" ", ", ", ". ", "-", "'s "}[rng.IntN(5)])
		}
		doc, err := input.Parse("doc.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		var hits []garbledHit
		for _, tk := range doc.Tokens {
			if tk.Kind == text.Word && rng.IntN(3) > 0 {
				hi := 1 + rng.IntN(2)
				hits = append(hits, garbledHit{lo: 0, hi: hi, span: checker.Span{Start: tk.Start, End: tk.End}, text: doc.Text[tk.Start:tk.End]})
			}
		}
		got := dropLowerCaseWords(slices.Clone(hits), doc)
		want := dropLowerCaseWordsMap(slices.Clone(hits), doc)
		if !slices.EqualFunc(got, want, func(a, b garbledHit) bool { return a.span == b.span && a.hi == b.hi }) {
			t.Fatalf("text %d %q: kept %d hits, want %d", n, doc.Text, len(got), len(want))
		}
	}
}

// dropLowerCaseWordsMap is dropLowerCaseWords as it was, with a map of
// the words sought and a filter of their last bytes: the reference of
// TestDropLowerCaseWordsMap.
func dropLowerCaseWordsMap(hits []garbledHit, doc *checker.Document) []garbledHit {
	lower := map[string]bool{}
	// filter has a bit per length (mod 64) and first byte of the words
	// sought, so that most tokens are passed over without a map lookup:
	// filter[c] has bit n&63 for a word of n bytes that starts with c.
	var filter [256]uint64
	// last has a bit per last byte of the words: a token that passes
	// filter goes to the map only if its last byte passes too.
	var last [4]uint64
	for _, h := range hits {
		if h.hi-h.lo != 1 {
			continue
		}
		w := strings.ToLower(h.text)
		if _, ok := lower[w]; ok {
			continue
		}
		lower[w] = false
		if w != "" {
			last[w[len(w)-1]>>6] |= 1 << (w[len(w)-1] & 63)
		}
		// Only a word that starts in lower case can be written so.
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			filter[w[0]] |= 1 << (len(w) & 63)
		}
	}
	if len(lower) == 0 {
		return hits
	}
	// todo counts the words sought that are not found yet: once all are,
	// the rest of the tokens cannot change a thing.
	todo := len(lower)
	// One pass over the tokens answers for all: a word token equal to a
	// lower-case form.
	m := doc.Masked
	toks := doc.Tokens
	for i := range toks {
		// The filter first: it turns nearly every token away, where
		// a test of the kind, word or not in no foreseeable order, is
		// mispredicted often (this loop took twice as long so).
		t := &toks[i]
		if filter[m[t.Start]]&(1<<((t.End-t.Start)&63)) == 0 {
			continue
		}
		if t.Kind != text.Word {
			continue
		}
		if e := m[t.End-1]; last[e>>6]&(1<<(e&63)) == 0 {
			continue
		}
		if found, ok := lower[m[t.Start:t.End]]; ok && !found {
			lower[m[t.Start:t.End]] = true
			if todo--; todo == 0 {
				break // every word sought is found
			}
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if h.hi-h.lo != 1 || !lower[strings.ToLower(h.text)] {
			kept = append(kept, h)
		}
	}
	return kept
}

// TestLowerSoughtNext checks lowerSought.next against a plain walk of the
// tokens: it stops at every token whose first byte and length filter
// lets through and whose last byte and length last lets through, and at
// no other, from every starting point.
func TestLowerSoughtNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	vocab := []string{"readlink", "Readlink", "read", "reed", "rend", "élan", "Éclat", "x", "ab", "abc", "ab's", "3.5", ",", "(", "zed", "zeds"}
	for n := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			b.WriteString([]string{" ", ", ", ". ", "-"}[rng.IntN(4)])
		}
		doc, err := input.Parse("doc.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		var ls lowerSought
		for _, w := range vocab[:1+rng.IntN(len(vocab)-1)] {
			ls.words = append(ls.words, strings.ToLower(w))
		}
		ls.prepare()
		m, toks := doc.Masked, doc.Tokens
		var want []int
		for i, tk := range toks {
			n := uint(tk.End-tk.Start) & 63
			if ls.filter[m[tk.Start]]&(1<<n) != 0 && ls.last[m[tk.End-1]]&(1<<n) != 0 {
				want = append(want, i)
			}
		}
		for from := 0; from <= len(toks); from++ {
			var got []int
			for i := ls.next(m, toks, from); i < len(toks); i = ls.next(m, toks, i+1) {
				got = append(got, i)
			}
			k, _ := slices.BinarySearch(want, from)
			if !slices.Equal(got, want[k:]) {
				t.Fatalf("text %d %q from %d: stops at %v, want %v", n, doc.Text, from, got, want[k:])
			}
		}
	}
}

// TestGarbledNameSeekMayCount checks that seeking in lower case only the
// words of the one-word hits that may count reports what seeking all
// reports: on the names test set, and on a text of garbled names and
// words the lexicon knows near terms, written capitalised and also in
// lower case, beside the terms themselves or not.
func TestGarbledNameSeekMayCount(t *testing.T) {
	extra := []glossary.Entry{{Term: "Nayib Bukele", Kind: glossary.Person}, {Term: "Tren de Aragua"}, {Term: "Milton Keynes", Kind: glossary.Place},
		{Term: "Melton", Kind: glossary.Place}, {Term: "Buckley", Kind: glossary.Person}, {Term: "Readlink"}}
	entries := namesTestEntries(t, extra, 1500, 5)
	var words []string
	for _, e := range entries {
		words = append(words, strings.Fields(e.Term)...)
	}
	words = append(words, "Milton", "Bakle", "Bukelle", "Readlinc", "Melten", "Thomas", "Market", "Station", "Garden")
	rng := rand.New(rand.NewPCG(31, 32))
	garble := func(w string) string { return garbleName(rng, w, 1+rng.IntN(2)) }
	var b strings.Builder
	for range 3000 {
		w := words[rng.IntN(len(words))]
		if rng.IntN(2) == 0 {
			w = garble(w)
		}
		switch rng.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "Then %s spoke, and %s was heard. ", w, strings.ToLower(w))
		case 1:
			fmt.Fprintf(&b, "They met %s. ", w)
		case 2:
			e := entries[rng.IntN(len(entries))]
			fmt.Fprintf(&b, "%s and %s left.\n\n", e.Term, w)
		default:
			fmt.Fprintf(&b, "In %s, the %s came. ", w, strings.ToLower(words[rng.IntN(len(words))]))
		}
	}
	checkGarbledSwitch(t, b.String(), entries, &seekMayCount, "seeking the words that may count", "seeking all")
}
