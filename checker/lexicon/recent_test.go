package lexicon

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/mtlint/mtlint/checker/lexicon/internal/lexhash"
)

// find answers as the table does, whether recent holds the hash, holds
// another one in its slot, or is being filled by other goroutines.
func TestFindRecent(t *testing.T) {
	words := []string{"the", "of", "government", "naibbuckley", "walked", "zzzz", "don't", "a", "paris", "x"}
	var hashes []uint64
	for _, w := range words {
		h, _ := lexhash.SumFold(w, hashSeed)
		hashes = append(hashes, h, h^1<<13, h+recentSize) // the same slot with other tags
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		hashes = append(hashes, r.Uint64())
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 9))
			for range 50000 {
				h := hashes[r.IntN(len(hashes))]
				got, ok := find(h)
				want, wantOK := findTable(h)
				if !wantOK {
					want = 0
				}
				if ok && got != want || ok != wantOK {
					t.Errorf("find(%#x) = %v, %v; the table gives %v, %v", h, got, ok, want, wantOK)
					return
				}
			}
		}()
	}
	wg.Wait()
}
