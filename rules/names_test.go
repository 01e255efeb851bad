package rules

import (
	"slices"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/glossary"
)

func TestGlossaryVariant(t *testing.T) {
	checkertest.Run(t, "testdata/glossary-variant", GlossaryVariant)
}

func TestNameCasing(t *testing.T) {
	checkertest.Run(t, "testdata/name-casing", NameCasing)
}

func TestGarbledName(t *testing.T) {
	checkertest.Run(t, "testdata/garbled-name", GarbledName)
}

// TestGarbledNameSeverity asserts when a garbled name is an error and when
// only a warning: an error needs firm evidence of its own (a long word
// that is no known name, not a surname alone, not a plain word beside a
// CamelCase brand) or the support of the rest of the document.
func TestGarbledNameSeverity(t *testing.T) {
	g, err := glossary.Load("testdata/garbled-name/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, want string // want: the found text and its severity
	}{
		{"Migrants gathered in Guadarajara.", "Guadarajara error"},
		{"They met in Plani last year.", "Plani warning"},
		{"They met in Plani and later in Plano.", "Plani error"},
		{"Later, Bakle said the plan would work.", ""}, // a surname alone, below error: needs support
		{"Nayib Bukele spoke first. Later, Bakle said the plan would work.", "Bakle warning"},
		{"Later, Bukelle said the plan would work.", "Bukelle warning"},
		{"Nayib Bukele spoke first. Later, Bukelle said the plan would work.", "Bukelle error"},
		{"If the link is relative, Readlink returns it.", "Readlink warning"},
	} {
		got := []string{}
		for _, f := range checkertest.Check(t, "doc.txt", tc.text, GarbledName, g) {
			got = append(got, f.Text+" "+f.Severity.String())
		}
		want := []string{}
		if tc.want != "" {
			want = append(want, tc.want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, want)
		}
	}
}
