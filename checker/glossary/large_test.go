package glossary_test

import (
	"bytes"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker/glossary"
)

// TestMillionEntryGlossary loads a CSV glossary of 1,000,000 made-up
// entries, builds its index and looks a few names up, logging the time and
// memory each step takes. It needs a minute or more and about 2 GB, so it runs
// only when asked:
//
//	MTLINT_LARGE=1 go test -run MillionEntry -v ./checker/glossary
func TestMillionEntryGlossary(t *testing.T) {
	if testing.Short() || os.Getenv("MTLINT_LARGE") == "" {
		t.Skip("set MTLINT_LARGE=1 to load a 1,000,000-entry glossary")
	}
	const n = 1000000
	var buf bytes.Buffer
	if err := glossary.WriteCSV(&buf, glossary.Synthetic(n, 1)); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	base := heap()

	start := time.Now()
	entries, err := glossary.Read("big.csv", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	afterRead := heap()

	g := glossary.New(entries)
	start = time.Now()
	ix := g.Index()
	build := time.Since(start)
	afterIndex := heap()

	t.Logf("%d entries, %d MB of CSV", len(entries), len(data)>>20)
	t.Logf("read: %v, %d MB of heap", read, (afterRead-base)>>20)
	t.Logf("index: %v, %d MB more heap, %d forms", build, (afterIndex-afterRead)>>20, ix.Len())
	if len(entries) != n || ix.Len() < n {
		t.Fatalf("%d entries, %d forms; want %d", len(entries), ix.Len(), n)
	}

	// Every term is found exactly; fuzzy lookups stay fast.
	for i := 0; i < n; i += n / 1000 {
		if len(ix.Lookup(entries[i].Term)) == 0 {
			t.Fatalf("term %q not found", entries[i].Term)
		}
	}
	names := []string{"Brashoo Tremin", "Kholaiz Group", "Bank of Zhuosta", "Abcdefgh", "Villa de Leyva"}
	start = time.Now()
	const lookups = 2000
	for i := 0; i < lookups; i++ {
		ix.Best(names[i%len(names)] + string(rune('a'+i%26)))
	}
	per := time.Since(start) / lookups
	t.Logf("fuzzy lookup: %v each", per)
	if per > 50*time.Millisecond {
		t.Errorf("fuzzy lookup takes %v at %d entries", per, n)
	}
	runtime.KeepAlive(g)
}
