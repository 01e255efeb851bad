package rules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
)

// TestScanDocument checks the pass over all of a document's tokens
// (scanDocument) against the pass over each sentence on its own: the same
// matches and places where a term may start, on plain and Markdown texts
// of terms and variants in any case, possessive, split by a sentence end
// or a line break, at a sentence's start and end, beside headings, list
// items and code blocks (whose tokens are in no sentence), and on texts
// of a few words.
func TestScanDocument(t *testing.T) {
	extra := []glossary.Entry{{Term: "Nayib Bukele", Kind: glossary.Person}, {Term: "Tren de Aragua", Variants: []string{"Train of Aragua"}},
		{Term: "The Hague"}, {Term: "In Situ"}, {Term: "A-ha"}, {Term: "New York Times", Variants: []string{"NY Times"}}, {Term: "New York"}}
	entries := namesTestEntries(t, extra, 1500, 7)
	ix := glossary.New(entries).Index()
	var forms []string
	for _, e := range entries {
		forms = append(forms, e.Term)
		forms = append(forms, e.Variants...)
	}
	rng := rand.New(rand.NewPCG(41, 42))
	for n := range 60 {
		var b strings.Builder
		for range rng.IntN(200) {
			f := forms[rng.IntN(len(forms))]
			switch rng.IntN(7) {
			case 0:
				f = strings.ToUpper(f)
			case 1:
				f = strings.ToLower(f)
			case 2:
				f += "'s"
			case 3:
				if i := strings.IndexByte(f, ' '); i > 0 {
					f = f[:i] + []string{". ", "\n\n", "\n"}[rng.IntN(3)] + f[i+1:]
				}
			}
			switch rng.IntN(9) {
			case 0:
				fmt.Fprintf(&b, "%s. ", f)
			case 1:
				fmt.Fprintf(&b, "\n\n# %s\n\n", f)
			case 2:
				fmt.Fprintf(&b, "\n\n- %s and the\n- %s\n\n", f, forms[rng.IntN(len(forms))])
			case 3:
				fmt.Fprintf(&b, "\n\n```\n%s the %s\n```\n\n", f, f)
			case 4:
				fmt.Fprintf(&b, "the %s", f)
			default:
				fmt.Fprintf(&b, "Then %s met the %s in %s. ", f, strings.ToLower(forms[rng.IntN(len(forms))]), forms[rng.IntN(len(forms))])
			}
		}
		for _, name := range []string{"doc.txt", "doc.md"} {
			doc, err := input.Parse(name, []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			if !inOrder(doc.Sentences) {
				t.Fatalf("text %d %s: sentences out of order", n, name)
			}
			got := scanDocument(doc, ix)
			scanBySentence = true
			want := scanGlossary(doc, ix)
			scanBySentence = false
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d %s: %d matches, %d starts; by sentence %d, %d", n, name, len(got.matches), len(got.starts), len(want.matches), len(want.starts))
			}
		}
	}
}
