package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
)

// TestDropLowerCaseWords checks both ways dropLowerCaseWords decides, a
// search per word and one pass over the tokens, against the definition: a
// one-word hit goes when a word token of the document is its lower-case
// form ("readlink", not "readlinks" or "xreadlink").
func TestDropLowerCaseWords(t *testing.T) {
	for _, n := range []int{3, maxLowerSearches, maxLowerSearches + 8} {
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
