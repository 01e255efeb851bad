package rules

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/glossary"
)

// TestGarbledNameFind checks that the quicker lookups of ranges in
// capitals and of runs of common words (bestMemos.find) report what
// looking every range up in full reports, on a text of garbled terms in
// capitals, of common words and of names, each in several spellings.
func TestGarbledNameFind(t *testing.T) {
	extra := []glossary.Entry{{Term: "NATO"}, {Term: "ATEX"}, {Term: "UNICEF"}, {Term: "FIBEX"}, {Term: "White House"}, {Term: "Ho Chi Minh City", Kind: glossary.Place},
		{Term: "Power Management Group"}, {Term: "Cache Structure Office"}, {Term: "Nayib Bukele", Kind: glossary.Person}, {Term: "Tren de Aragua"}}
	entries := namesTestEntries(t, extra, 2000, 3)
	var names []string
	for _, e := range entries[len(entries)-2000-len(extra):] {
		names = append(names, e.Term)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	garble := func(w string) string { return garbleName(rng, w, rng.IntN(3)) }
	common := []string{"White Horse", "White House", "Power Management", "Cache Structure", "Ho Chi Min City", "Reference Manual", "Black House", "Power Management Bus", "The Power", "Red House"}
	var b strings.Builder
	for i := range 3000 {
		var w string
		switch r := rng.IntN(6); r {
		case 0:
			w = strings.ToUpper(garble(extra[rng.IntN(4)].Term))
		case 1:
			w = strings.ToUpper(garble(names[rng.IntN(len(names))]))
		case 2:
			w = common[rng.IntN(len(common))]
		case 3:
			w = garble(common[rng.IntN(len(common))])
		default:
			w = garble(names[rng.IntN(len(names))])
		}
		fmt.Fprintf(&b, "Then %s spoke", w)
		if i%3 == 0 {
			fmt.Fprintf(&b, " with %s", strings.ToUpper(w))
		}
		b.WriteString(". ")
	}
	doc := b.String()
	run := func(full bool) []checker.Finding {
		findInFull = full
		defer func() { findInFull = false }()
		return checkertest.Check(t, "doc.txt", doc, GarbledName, glossary.New(entries))
	}
	quick, plain := run(false), run(true)
	if len(plain) < 100 {
		t.Fatalf("only %d findings: the text garbles too little", len(plain))
	}
	if !slices.EqualFunc(quick, plain, func(a, b checker.Finding) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Errorf("quick lookups: %d findings, in full: %d", len(quick), len(plain))
		for i := range min(len(quick), len(plain)) {
			if fmt.Sprint(quick[i]) != fmt.Sprint(plain[i]) {
				t.Fatalf("first difference:\n%v\n%v", quick[i], plain[i])
			}
		}
	}
	t.Logf("%d findings", len(plain))
}

// namesTestEntries returns the entries of the names test set's glossary,
// then extra, then n made-up ones (glossary.Synthetic(n, seed)).
func namesTestEntries(t *testing.T, extra []glossary.Entry, n int, seed uint64) []glossary.Entry {
	t.Helper()
	g, err := glossary.Load(filepath.Join(namesSet, "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return append(append(append([]glossary.Entry(nil), g.Entries...), extra...), glossary.Synthetic(n, seed)...)
}

// garbleName returns w with edits random edits after its first byte, as
// a translation engine makes them: a letter replaced by a vowel or a
// consonant often confused, doubled or dropped.
func garbleName(rng *rand.Rand, w string, edits int) string {
	b := []byte(w)
	for k := edits; k > 0 && len(b) > 2; k-- {
		j := 1 + rng.IntN(len(b)-1)
		switch rng.IntN(3) {
		case 0:
			b[j] = "aeiourlbpdtkgsmn"[rng.IntN(16)]
		case 1:
			b = append(b[:j+1], b[j:]...)
		default:
			b = append(b[:j], b[j+1:]...)
		}
	}
	return string(b)
}
