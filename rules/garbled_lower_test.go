package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
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
