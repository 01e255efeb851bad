package glossary

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/mtlint/mtlint/checker/text"
)

// proseNames returns the capitalised words, and pairs of them, of the
// prose corpus: the kind of names garbled-name asks the index about.
func proseNames(tb testing.TB) []string {
	files, _ := filepath.Glob("../../testdata/prose/*.txt")
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		words := strings.FieldsFunc(string(data), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		for i, w := range words {
			if len(w) < 3 || !unicode.IsUpper([]rune(w)[0]) {
				continue
			}
			for _, n := range []string{w, w + " " + words[min(i+1, len(words)-1)]} {
				if !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	if len(out) == 0 {
		tb.Skip("no prose corpus")
	}
	return out
}

// BenchmarkBestProse is the uncached fuzzy lookup (probe and scoring) of
// every name-like string of the prose corpus against the seed-sized
// glossary plus 10,000 made-up entries: the work of garbled-name on a
// first pass over real text.
func BenchmarkBestProse(b *testing.B) {
	names := proseNames(b)
	es := append(Synthetic(10000, 1), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"}, Entry{Term: "Volodymyr Zelensky", Kind: Person})
	ix := NewIndex(es)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range names {
			ix.best(s, 0)
		}
	}
}

// exactnessSetup returns the names of the prose corpus (500 of them with
// -short), and a glossary of 10,000 made-up entries and a few real ones,
// with its index: the setting of the tests that check lookups with
// cut-offs against a plain scoring.
func exactnessSetup(t *testing.T) ([]string, []Entry, *Index) {
	names := proseNames(t)
	if testing.Short() {
		names = names[:min(len(names), 500)]
	}
	es := append(Synthetic(10000, 1), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"}, Entry{Term: "Volodymyr Zelensky", Kind: Person})
	return names, es, NewIndex(es)
}

// TestSimilarityAboveExact checks that the cut-offs of best (Bound against
// the best score so far, SimilarityAbove's floor) change no result: best
// equals a plain scoring of every candidate, and SimilarityAbove agrees
// with Similarity at or above its floor and stays under it otherwise.
func TestSimilarityAboveExact(t *testing.T) {
	names, _, ix := exactnessSetup(t)
	floors := []float64{0.2, 0.4, 0.55, 0.6, 0.7, 0.8, 0.9}
	for _, s := range append(names, lookupNames...) {
		ids := ix.Near(nil, s)
		q := text.PrepareName(s)
		var want Fuzzy
		found := false
		for _, id := range ids {
			f := &ix.Forms[id]
			name := ix.name(id)
			if f.Variant || q.Bound(name) < minBound {
				continue
			}
			m := q.Similarity(name)
			if m.Score > q.Bound(name)+1e-9 {
				t.Errorf("%q / %q: score %v above bound %v", s, f.Text, m.Score, q.Bound(name))
			}
			for _, fl := range floors {
				got := q.SimilarityAbove(name, fl)
				if m.Score >= fl && got != m || m.Score < fl && got.Score >= fl {
					t.Errorf("%q / %q floor %v: %+v, want %+v", s, f.Text, fl, got, m)
				}
			}
			if found && (m.Score < want.Match.Score || m.Score == want.Match.Score && f.Entry >= want.Entry) {
				continue
			}
			want, found = Fuzzy{Form: id, Entry: f.Entry, Match: m}, true
		}
		got, ok := ix.best(s, 0)
		if ok != found || got.Form != want.Form || got.Match != want.Match {
			t.Errorf("best(%q) = %+v %v, want %+v %v", s, got, ok, want, found)
		}
	}
}

// TestBestAboveFiltered checks that the filters of best at a floor (the
// Shape bounds of MayReach, the letter counts, the distance cut at the
// floor) drop no form that scores at or above the floor: best equals a
// plain scoring of every form Near returns, on prose names and on garbled
// spellings of the glossary's own terms, which score near the floors.
func TestBestAboveFiltered(t *testing.T) {
	names, es, ix := exactnessSetup(t)
	rng := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 3000; i++ {
		w := []byte(es[rng.IntN(len(es))].Term)
		for k := rng.IntN(3); k >= 0 && len(w) > 1; k-- {
			j := rng.IntN(len(w))
			switch rng.IntN(3) {
			case 0:
				w[j] = "aeioulrbpdtkgszmn"[rng.IntN(17)]
			case 1:
				w = append(w[:j+1], w[j:]...)
			default:
				w = append(w[:j], w[j+1:]...)
			}
		}
		names = append(names, string(w))
	}
	names = append(names, lookupNames...)
	reached := 0
	for _, floor := range []float64{0.5, 0.6, 0.7, 0.8, 0.85, 0.95} {
		for _, s := range names {
			q := text.PrepareName(s)
			var want Fuzzy
			found := false
			for _, id := range ix.Near(nil, s) {
				f := &ix.Forms[id]
				name := ix.name(id)
				if f.Variant || q.Bound(name) < minBound {
					continue
				}
				m := q.Similarity(name)
				if m.Score < floor || found && (m.Score < want.Match.Score || m.Score == want.Match.Score && f.Entry >= want.Entry) {
					continue
				}
				want, found = Fuzzy{Form: id, Entry: f.Entry, Match: m}, true
			}
			got, ok := ix.best(s, floor)
			if ok != found || got.Form != want.Form || got.Match != want.Match {
				t.Fatalf("best(%q, %v) = %+v %v, want %+v %v", s, floor, got, ok, want, found)
			}
			if ok {
				reached++
			}
		}
	}
	if reached == 0 {
		t.Error("no name reaches a floor")
	}
	t.Logf("%d names, %d lookups reach their floor", len(names), reached)
}
