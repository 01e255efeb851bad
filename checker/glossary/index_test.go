package glossary

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mtlint/mtlint/checker/text"
)

const testCSV = `term,variants,kind,note
Nayib Bukele,,person,President of El Salvador
Camilo Montoya-Galvez,,person,reporter
Tren de Aragua,,organization,gang
El Salvador,Salvador Republic,place,
Getty Images,Getty Pictures Agency,organization,photo agency
safe third country,Security Third Kingdom|security third country,term,
safe third country agreement,Security Third Agreement,term,
Tijuana,,place,
Chiapas,,place,
`

func testIndex(t *testing.T) *Index {
	t.Helper()
	es, err := Read("t.csv", strings.NewReader(testCSV))
	if err != nil {
		t.Fatal(err)
	}
	return New(es).Index()
}

func TestMatchAt(t *testing.T) {
	ix := testIndex(t)
	for _, c := range []struct {
		s, want string
	}{
		{"He met Nayib Bukele today", "Nayib Bukele"},
		{"the SAFE third Country agreement was", "safe third country agreement"},
		{"a security third country", "security third country"},
		{"in el salvador", "El Salvador"},
		{"Camilo Montoya-Galvez said", "Camilo Montoya-Galvez"},
		{"Camilo Montoya - Galvez said", ""},
		{"Tren de Aragua", "Tren de Aragua"},
		{"Nayib said", ""},
		{"Bukele's party and Nayib Bukele's party", "Nayib Bukele"},
	} {
		toks := text.Tokenize(nil, c.s, text.Span{End: len(c.s)})
		got := ""
		for i := range toks {
			if forms, n, _ := ix.MatchAt(c.s, toks, i); n > 0 {
				got = ix.Forms[forms[0]].Text
				break
			}
		}
		if got != c.want {
			t.Errorf("%q: matched %q, want %q", c.s, got, c.want)
		}
	}
}

func TestBest(t *testing.T) {
	ix := testIndex(t)
	for _, c := range []struct{ s, want string }{
		{"Naibbuckley", "Nayib Bukele"},
		{"Bakle", "Bukele"},
		{"Terren De Alagua", "Tren de Aragua"},
		{"Torone Alagua", "Tren de Aragua"},
		{"Carmiro Monto Galves", "Camilo Montoya-Galvez"},
		{"Titiana", "Tijuana"},
		{"Chapas", "Chiapas"},
		{"Salvado", "El Salvador"},
	} {
		f, ok := ix.Best(c.s)
		if !ok || f.Suggestion != c.want {
			t.Errorf("Best(%q) = %q %.2f %s, want %q", c.s, f.Suggestion, f.Match.Score, f.Match.Measure, c.want)
		}
	}
	if f, ok := ix.Best("Zanzibar"); ok && f.Match.Score > 0.5 {
		t.Errorf("Best(Zanzibar) = %q %.2f", f.Suggestion, f.Match.Score)
	}
}

func TestIsTermPart(t *testing.T) {
	ix := testIndex(t)
	if !ix.IsTermPart("Bukele") || !ix.IsTermPart("salvador") || ix.IsTermPart("Pictures") {
		t.Error("IsTermPart")
	}
}

// TestBestIgnoresVariants checks that fuzzy matching compares against terms
// only: a listed wrong form is found exactly (glossary-variant), and a
// string near a wrong form is scored against the term, never the wrong form
// ("Dllis" is one letter from the variant "Dllys" of "Dellys").
func TestBestIgnoresVariants(t *testing.T) {
	g := New([]Entry{{Term: "Dellys", Variants: []string{"Dllys"}, Kind: Place}})
	ix := g.Index()
	for _, s := range []string{"Dllis", "DLLs", "Delys"} {
		if fz, ok := ix.Best(s); ok && ix.Forms[fz.Form].Variant {
			t.Errorf("Best(%q) matched the wrong form %q", s, ix.Forms[fz.Form].Text)
		}
	}
	if fz, ok := ix.Best("Delys"); !ok || fz.Suggestion != "Dellys" {
		t.Errorf("Best(%q) = %+v, %v; want Dellys", "Delys", fz, ok)
	}
}

// TestBestConcurrent checks that concurrent lookups, which prepare the
// forms they score on first use, agree with lookups one at a time.
func TestBestConcurrent(t *testing.T) {
	es := append(Synthetic(2000, 3), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"})
	names := append([]string{}, lookupNames...)
	for _, e := range es[:200] {
		names = append(names, e.Term, e.Term+"a", "X"+e.Term)
	}
	want := make([]Fuzzy, len(names))
	seq := NewIndex(es)
	for i, s := range names {
		want[i], _ = seq.best(s, 0)
	}
	ix := NewIndex(es)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range names {
				i := (k + g*len(names)/4) % len(names)
				if got, _ := ix.best(names[i], 0); got != want[i] {
					t.Errorf("best(%q) = %+v, want %+v", names[i], got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// TestBestAbove checks that a lookup with a floor gives what Best gives
// when that scores the floor or more, and nothing otherwise, whatever was
// looked up before in the shared cache.
func TestBestAbove(t *testing.T) {
	es := append(Synthetic(2000, 5), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"})
	names := append([]string{"Naibbuckley", "Bakle", "Terren De Alagua", "Torone Alagua"}, lookupNames...)
	for _, e := range es[:300] {
		names = append(names, e.Term+"a", "X"+e.Term, e.Term[:len(e.Term)/2+1]+"ie")
	}
	plain := NewIndex(es)
	for _, floor := range []float64{0.6, 0.7, 0.8, 0.9} {
		ix := NewIndex(es)
		for k, s := range names {
			if k%3 == 0 {
				ix.BestAbove(s, floor-0.1) // a lower floor first: its answer is reused
			}
			want, ok := plain.best(s, 0)
			ok = ok && want.Match.Score >= floor
			got, gotOK := ix.BestAbove(s, floor)
			if gotOK != ok || ok && got != want {
				t.Errorf("BestAbove(%q, %v) = %+v, %v; want %+v, %v", s, floor, got, gotOK, want, ok)
			}
		}
	}
}

// TestHashWord checks hashWord against its definition, the folded
// bytes taken one at a time, on words in several cases, of every length
// around the eight bytes taken at once, inside and outside ASCII; and
// that different folded words get different hashes.
func TestHashWord(t *testing.T) {
	ref := func(h uint64, w string, spaced bool) uint64 {
		if spaced {
			h = hashMix(h ^ ' ')
		}
		f := text.Fold(w)
		var chunk, n uint64
		for i := 0; i < len(f); i++ {
			chunk |= uint64(f[i]) << (8 * (i % 8))
			if i%8 == 7 {
				h, chunk = hashMix(h^chunk), 0
			}
			n++
		}
		return hashMix(h ^ chunk ^ n<<56)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	alphabet := []rune("aAzZ@[`{09'-.éÉøØßİı北")
	seen := map[uint64]string{}
	for range 20000 {
		r := make([]rune, rng.IntN(20))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		w := string(r)
		for _, spaced := range []bool{false, true} {
			if got, want := hashWord(fnvOffset, w, spaced), ref(fnvOffset, w, spaced); got != want {
				t.Fatalf("hashWord(%q, %v) = %x, want %x", w, spaced, got, want)
			}
		}
		f := text.Fold(w)
		h := hashWord(fnvOffset, w, false)
		if o, ok := seen[h]; ok && o != f {
			t.Fatalf("%q and %q hash alike", o, f)
		}
		seen[h] = f
	}
}

// NewIndexJobs builds on several goroutines the index NewIndex builds on
// one: a synthetic glossary of several chunks of forms, with variants, and
// the project's real one.
func TestNewIndexJobs(t *testing.T) {
	real, err := Load(filepath.Join("..", "..", "testdata", "names", "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, entries := range [][]Entry{Synthetic(3*indexChunk+17, 9), real.Entries, nil} {
		want := NewIndex(entries)
		for _, jobs := range []int{2, 3, 8} {
			if got := NewIndexJobs(entries, jobs); !reflect.DeepEqual(got, want) {
				t.Errorf("%d entries: the index built by %d goroutines differs from one's", len(entries), jobs)
			}
		}
	}
}

// IsTermPart, whose filter turns most strings away before the map, agrees
// with the map alone: on every run of words of the terms and variants of
// a large glossary, in other cases, and on runs of them that are none.
func TestIsTermPartFilter(t *testing.T) {
	es := append(Synthetic(5000, 7), Entry{Term: "Camilo Montoya-Galvez", Kind: Person}, Entry{Term: "El Salvador", Variants: []string{"San Salvador"}})
	ix := NewIndex(es)
	inMap := func(w string) bool { _, ok := ix.words[partKeyHash(w)]; return ok }
	n := 0
	for _, e := range es {
		for _, f := range append([]string{e.Term}, e.Variants...) {
			ws := strings.Fields(f)
			for a := range ws {
				for b := a; b < len(ws); b++ {
					for _, w := range []string{strings.Join(ws[a:b+1], " "), strings.ToUpper(strings.Join(ws[a:b+1], "  ")), strings.Join(ws[a:b+1], "") + "s"} {
						got, want := ix.IsTermPart(w), inMap(w)
						if got != want {
							t.Fatalf("IsTermPart(%q) = %v, the map says %v", w, got, want)
						}
						if want {
							n++
						}
					}
				}
			}
		}
	}
	if n < 5000 {
		t.Fatalf("only %d runs are term parts", n)
	}
}

// TestBestCache checks that a result read from the cache, which keeps it
// without its strings, is the one best returned, found or not, whatever
// the floor; and that a name whose hash another name holds is neither
// read nor stored in its place.
func TestBestCache(t *testing.T) {
	es := append(Synthetic(2000, 5), Entry{Term: "Nayib Bukele", Kind: Person}, Entry{Term: "Tren de Aragua"})
	names := append([]string{"Naibbuckley", "Bakle", "Terren De Alagua", "Torone Alagua", "Zzzz"}, lookupNames...)
	for _, e := range es[:300] {
		names = append(names, e.Term+"a", e.Term[:len(e.Term)/2+1]+"ie")
	}
	ix := NewIndex(es)
	for _, floor := range []float64{0, 0.7, 0.85} {
		for _, s := range names {
			want, wantOK := ix.best(s, floor)
			c, keep := toCached(want, wantOK, floor)
			if !keep {
				t.Fatalf("%q: measure %q not kept", s, want.Match.Measure)
			}
			if got := ix.fromCache(&c); got != want || c.ok != wantOK {
				t.Errorf("cached %q at %v: %+v, %v; want %+v, %v", s, floor, got, c.ok, want, wantOK)
			}
		}
	}
	var c bestCache
	h := cacheHash("Bakle")
	c.store("Bakle", h, cached{form: 1, ok: true})
	c.store("Bakle", h, cached{form: 2, ok: true}) // replaces
	if v, ok := c.load("Bakle", h); !ok || v.form != 2 || len(c.res) != 1 {
		t.Errorf("load after replace: %+v, %v (%d results)", v, ok, len(c.res))
	}
	// "Other" as if its hash were that of "Bakle".
	if _, ok := c.load("Other", h); ok {
		t.Error("load of a name under another's hash")
	}
	c.store("Other", h, cached{form: 3})
	if v, ok := c.load("Bakle", h); !ok || v.form != 2 || len(c.res) != 1 {
		t.Errorf("a colliding store replaced another name's result: %+v, %v", v, ok)
	}
}

// TestLookupShared checks the forms of a spelling shared by several
// entries, entered between others: all of them, ascending, each once.
func TestLookupShared(t *testing.T) {
	es := []Entry{
		{Term: "San Jose", Variants: []string{"San Hose"}},
		{Term: "Santa Ana"},
		{Term: "san jose", Variants: []string{"Santa Anna"}},
		{Term: "San"},
		{Term: "SAN JOSE", Variants: []string{"San Hose"}},
	}
	ix := NewIndex(es)
	want := map[string][]int32{
		"San Jose":  {0, 3, 6},
		"San Hose":  {1, 7},
		"Santa Ana": {2},
		"San":       {5},
		"Santa":     nil,
	}
	for s, w := range want {
		if got := ix.Lookup(s); !slices.Equal(got, w) {
			t.Errorf("Lookup(%q) = %v, want %v", s, got, w)
		}
	}
}

// TestIsVariant checks the index's bit set of variants against the forms.
func TestIsVariant(t *testing.T) {
	for _, ix := range []*Index{testIndex(t), NewIndex(Synthetic(500, 3))} {
		variants := 0
		for id := range ix.Forms {
			if got := ix.isVariant(int32(id)); got != ix.Forms[id].Variant {
				t.Fatalf("isVariant(%d) = %v, form %q Variant %v", id, got, ix.Forms[id].Text, ix.Forms[id].Variant)
			}
			if ix.Forms[id].Variant {
				variants++
			}
		}
		if variants == 0 {
			t.Fatal("no variant among the forms")
		}
	}
}

// TestBestCacheTable checks the cache's table against a map, through
// several doublings: every name stored loads what was last stored for it,
// names not stored load nothing, and names under another's hash (hashes
// made to collide) are neither stored nor loaded.
func TestBestCacheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var c bestCache
	want := map[uint64]int32{} // by hash: a name may be stored under two
	hashOf := map[uint64]string{}
	name := func(k int) string {
		return "name" + strings.Repeat("x", k%7) + string(rune('a'+k%26)) + string(rune('A'+k/26%26)) + string(rune('0'+k/676%10))
	}
	for range 20000 {
		s := name(rng.IntN(6000))
		h := cacheHash(s)
		if rng.IntN(10) == 0 {
			h &= 0xffffffff000003ff // many alike in their low bits, a few equal
		}
		form := int32(rng.IntN(1000))
		c.store(s, h, cached{form: form})
		if o, ok := hashOf[h]; !ok || o == s {
			hashOf[h] = s
			want[h] = form
		}
		if v, ok := c.load(s, h); ok != (hashOf[h] == s) || ok && v.form != want[h] {
			t.Fatalf("load(%q) after store = %+v, %v; want %v, %v", s, v, ok, want[h], hashOf[h] == s)
		}
	}
	for h, s := range hashOf {
		if v, ok := c.load(s, h); !ok || v.form != want[h] {
			t.Fatalf("load(%q) = %+v, %v; want form %v", s, v, ok, want[h])
		}
		if _, ok := c.load(s+"?", h); ok {
			t.Fatalf("load of another name under the hash of %q", s)
		}
	}
	if len(c.res) != len(hashOf) || 2*len(c.res) > len(c.slot) {
		t.Fatalf("%d results in %d slots, want %d at most half full", len(c.res), len(c.slot), len(hashOf))
	}
}
