package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/glossary"
)

// TestGarbledNameKnownByScan checks that asking MatchAt only about the
// words at which the pass of glossaryMatches found that a term may start
// reports what asking about every word of every candidate reports: on the
// names test set, and on a text of exact terms and variants, written as
// they are, in other cases, possessive, split by a sentence end, at a
// sentence's end, beside garbled names and accented words.
func TestGarbledNameKnownByScan(t *testing.T) {
	extra := []glossary.Entry{{Term: "Nayib Bukele", Kind: glossary.Person}, {Term: "Tren de Aragua", Variants: []string{"Train of Aragua"}},
		{Term: "El Salvador", Kind: glossary.Place}, {Term: "Élysée Palace", Variants: []string{"Elysee Castle"}}, {Term: "Montoya-Galvez", Kind: glossary.Person},
		{Term: "New York Times", Variants: []string{"NY Times"}}, {Term: "New York"}, {Term: "Al-Shabaab"}, {Term: "3M"}, {Term: "O'Brien", Kind: glossary.Person}}
	entries := namesTestEntries(t, extra, 1500, 5)
	var forms []string
	for _, e := range entries {
		forms = append(forms, e.Term)
		forms = append(forms, e.Variants...)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	garble := func(w string) string { return garbleName(rng, w, 1+rng.IntN(2)) }
	var b strings.Builder
	for range 4000 {
		f := forms[rng.IntN(len(forms))]
		switch rng.IntN(9) {
		case 0:
			f = strings.ToUpper(f)
		case 1:
			f = strings.ToLower(f)
		case 2:
			f += "'s"
		case 3:
			f = garble(f)
		case 4:
			// Split by a sentence end, or with a name of its own after it.
			if i := strings.IndexByte(f, ' '); i > 0 {
				f = f[:i] + ". " + f[i+1:]
			} else {
				f += " Bukele"
			}
		case 5:
			f = "Ángel " + f + " Dalí"
		}
		switch rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "Then %s spoke. ", f)
		case 1:
			fmt.Fprintf(&b, "They met %s. ", f)
		case 2:
			fmt.Fprintf(&b, "%s and %s left.\n\n", f, garble(forms[rng.IntN(len(forms))]))
		default:
			fmt.Fprintf(&b, "In %s, %s.%s ", f, forms[rng.IntN(len(forms))], forms[rng.IntN(len(forms))])
		}
	}
	checkGarbledSwitch(t, b.String(), entries, &knownByScan, "by the scan", "asking about every word")
}

// checkGarbledSwitch checks that GarbledName reports the same with the
// quick path *on set as with it cleared, on doc (which must give at least
// 100 findings) and on the names test set's texts; fast and slow name the
// two ways in a failure.
func checkGarbledSwitch(t *testing.T, doc string, entries []glossary.Entry, on *bool, fast, slow string) {
	t.Helper()
	docs := map[string]string{"doc.txt": doc}
	for _, name := range []string{"garbled.txt", "clean.txt"} {
		data, err := os.ReadFile(filepath.Join(namesSet, name))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(data)
	}
	gl := glossary.New(entries)
	for name, doc := range docs {
		run := func(v bool) []checker.Finding {
			*on = v
			defer func() { *on = true }()
			return checkertest.Check(t, name, doc, GarbledName, gl)
		}
		quick, all := run(true), run(false)
		if name == "doc.txt" && len(all) < 100 {
			t.Fatalf("%s: only %d findings", name, len(all))
		}
		if !slices.EqualFunc(quick, all, func(a, b checker.Finding) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
			t.Errorf("%s: %d findings %s, %d %s", name, len(quick), fast, len(all), slow)
			for i := range min(len(quick), len(all)) {
				if fmt.Sprint(quick[i]) != fmt.Sprint(all[i]) {
					t.Fatalf("first difference:\n%v\n%v", quick[i], all[i])
				}
			}
		}
		t.Logf("%s: %d findings", name, len(all))
	}
}
