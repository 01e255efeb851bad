package glossary

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"unsafe"
)

// TestPostings checks the postings built from pairs against a plain map
// (and those built by several goroutines against one's):
// every key finds its forms, once each and ascending, keys that differ
// only in the low bit share them (as in the hash table that came before),
// and absent keys find nothing. The largest case fills several blocks of
// pairs and a directory of many coarse buckets.
func TestPostings(t *testing.T) {
	for _, n := range []int{0, 1, 10, 1000, 50000, 300000} {
		rng := rand.New(rand.NewPCG(uint64(n), 1))
		want := map[uint64][]int32{}
		var adds [][]uint64 // the keys of each form
		nkeys := n/3 + 1
		for id := int32(0); int(id) < n/5+1; id++ {
			var keys []uint64
			for range rng.IntN(12) {
				// Few distinct keys, some shared by many forms, some repeated.
				h := uint64(rng.IntN(nkeys))*0x9e3779b97f4a7c15 + uint64(rng.IntN(2))
				if rng.IntN(50) == 0 {
					h = 42 // a key of nearly every form
				}
				keys = append(keys, h)
				if l := want[h|1]; len(l) == 0 || l[len(l)-1] != id {
					want[h|1] = append(l, id)
				}
			}
			adds = append(adds, keys)
		}
		var one postings
		for _, jobs := range []int{1, 2, 3, 8} {
			var ps pairs
			for id, keys := range adds {
				ps.add(keys, int32(id))
			}
			p := ps.build(jobs)
			if jobs == 1 {
				one = p
				checkPostings(t, n, p, want, rng)
			} else if !reflect.DeepEqual(p, one) {
				// Built in parallel, the postings are the same.
				t.Fatalf("n=%d: the postings built by %d goroutines differ from one's", n, jobs)
			}
		}
	}
}

func checkPostings(t *testing.T, n int, p postings, want map[uint64][]int32, rng *rand.Rand) {
	t.Helper()
	for h, ids := range want {
		for _, k := range []uint64{h, h &^ 1} {
			if got := p.find(k); !slices.Equal(got, ids) {
				t.Fatalf("n=%d: find(%x) = %v, want %v", n, k, got, ids)
			}
		}
	}
	for range 1000 {
		h := rng.Uint64()
		if _, ok := want[h|1]; !ok && len(p.find(h)) != 0 {
			t.Fatalf("n=%d: find(%x) = %v, want none", n, h, p.find(h))
		}
	}
}

// TestHitCounter checks the counting of Near against sorting: the forms
// sharing most keys, ties to the lower id, sorted by id.
func TestHitCounter(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		var all []int32
		var sbuf [256]int32
		hc := hitCounter{slots: sbuf[:]}
		for range rng.IntN(40) {
			ids := make([]int32, rng.IntN(30))
			for i := range ids {
				ids[i] = int32(rng.IntN(1 + rng.IntN(400)))
			}
			all = append(all, ids...)
			hc = hc.add(ids)
		}
		// The plain way: sort, count runs, keep the maxScored most shared.
		slices.Sort(all)
		var hits []hit
		for i := 0; i < len(all); {
			j := i
			for j < len(all) && all[j] == all[i] {
				j++
			}
			hits = append(hits, hit{all[i], int32(j - i)})
			i = j
		}
		for _, keep := range []int{0, 1, 2, maxScored, 20} {
			kept := slices.Clone(hits)
			if len(kept) > keep {
				slices.SortStableFunc(kept, func(a, b hit) int { return int(b.n - a.n) })
				kept = kept[:keep]
			}
			var want []int32
			for _, h := range kept {
				want = append(want, h.id)
			}
			slices.Sort(want)
			if got := hc.appendBest(nil, keep); !slices.Equal(got, want) {
				t.Fatalf("appendBest(%d) = %v, want %v", keep, got, want)
			}
		}
	}
}

// TestFormShapeSize checks that a formShape fills one cache line, no more:
// best reads one line of each form it turns away.
func TestFormShapeSize(t *testing.T) {
	if n := unsafe.Sizeof(formShape{}); n != 64 {
		t.Fatalf("a formShape takes %d bytes, want 64", n)
	}
}
