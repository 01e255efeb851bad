package glossary

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/text"
)

var sizes = []int{1000, 10000, 100000}

// BenchmarkLoadIndex reads a CSV glossary of n entries and builds its index.
func BenchmarkLoadIndex(b *testing.B) {
	for _, n := range sizes {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, Synthetic(n, 1)); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				es, err := Read("g.csv", bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				New(es).Index()
			}
		})
	}
}

// BenchmarkIndexJobs builds the index of n entries on one goroutine and
// on two (NewIndexJobs), as a run with --jobs 1 and --jobs 2 does.
func BenchmarkIndexJobs(b *testing.B) {
	for _, n := range sizes[1:] {
		entries := Synthetic(n, 1)
		for _, jobs := range []int{1, 2} {
			b.Run(fmt.Sprintf("%d/jobs=%d", n, jobs), func(b *testing.B) {
				for b.Loop() {
					NewIndexJobs(entries, jobs)
				}
			})
		}
	}
}

// lookupNames are what a check run asks the index: garbled and unrelated names.
var lookupNames = []string{"Naibbuckley", "Bakle", "Terren De Alagua", "Volodimir Zelenski", "Microsoft", "Thompson", "Kharkov", "Smith Jones", "Geneva", "Abcdefgh"}

// BenchmarkBest is the cost of one fuzzy lookup (index probe plus scoring
// of the forms it returns) at each glossary size; it should stay nearly
// flat from 1,000 to 100,000 entries.
func BenchmarkBest(b *testing.B) {
	for _, n := range sizes {
		es := append(Synthetic(n, 1), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"}, Entry{Term: "Volodymyr Zelensky", Kind: Person})
		ix := NewIndex(es)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				ix.best(lookupNames[i%len(lookupNames)], 0) // uncached
				i++
			}
		})
	}
}

// BenchmarkMatchAt is the exact lookup at every token of a sentence.
func BenchmarkMatchAt(b *testing.B) {
	ix := NewIndex(Synthetic(10000, 1))
	s := "The spokesman for Nayib Bukele said on Tuesday that the safe third country agreement would be signed in Washington."
	toks := text.Tokenize(nil, s, text.Span{End: len(s)})
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for i := range toks {
			ix.MatchAt(s, toks, i)
		}
	}
}

// TestLargeGlossaryRecall checks that the index keeps its promise at
// 100,000 entries: a lookup scores at most maxScored forms, and the entry
// a garbled name comes from is still among them.
func TestLargeGlossaryRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-entry index")
	}
	for _, n := range []int{1000, 100000} {
		ix := NewIndex(Synthetic(n, 1))
		found, total := 0, 0
		for i := 0; i < 300; i++ {
			e := ix.Entries[i*(n/300)]
			if len(e.Term) < 6 {
				continue
			}
			// Garble it as machine translation does: one vowel changed,
			// one consonant doubled.
			g := []byte(e.Term)
			for k := len(g) - 1; k > 0; k-- {
				if strings.IndexByte("aeiou", g[k]) >= 0 {
					g[k] = "eioua"[strings.IndexByte("aeiou", g[k])]
					break
				}
			}
			garbled := string(g[:2]) + string(g[1:])
			total++
			if ids := ix.Near(nil, garbled); len(ids) > maxScored {
				t.Fatalf("Near(%q) returned %d forms, more than %d", garbled, len(ids), maxScored)
			}
			if f, ok := ix.Best(garbled); ok && f.Entry == i*(n/300) {
				found++
			}
		}
		t.Logf("%d entries: %d of %d garbled terms found", n, found, total)
		if found < total*9/10 {
			t.Errorf("%d entries: only %d of %d garbled terms found", n, found, total)
		}
	}
}

// BenchmarkNextStart is the pass over a sentence's tokens that
// glossaryMatches makes: the tokens at which no form can start are
// passed over, and MatchAt is tried at the others.
func BenchmarkNextStart(b *testing.B) {
	ix := NewIndex(Synthetic(10000, 1))
	s := "The spokesman for Nayib Bukele said on Tuesday that the safe third country agreement would be signed in Washington."
	toks := text.Tokenize(nil, s, text.Span{End: len(s)})
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for i := ix.NextStart(s, toks, 0); i < len(toks); i = ix.NextStart(s, toks, i+1) {
			ix.MatchAt(s, toks, i)
		}
	}
}
