package glossary

import (
	"math/bits"
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

// TestBuildRange checks buildRange against the version that sorted each
// directory bucket on its own (buildRangeEach, kept here): the same
// keys, ids and directory, on pairs of few and many keys, with keys
// repeated and shared, directory buckets of one pair and of hundreds
// (sorted otherwise), in one coarse bucket and in many, and ranges of
// coarse buckets.
func TestBuildRange(t *testing.T) {
	for _, n := range []int{1, 5, 100, 3000, 70000} {
		for _, spread := range []int{1, 7, n/2 + 1, 4 * n} {
			rng := rand.New(rand.NewPCG(uint64(n), uint64(spread)))
			var ps pairs
			for id := int32(0); ps.n < n; id++ {
				var keys []uint64
				for range 1 + rng.IntN(20) {
					h := uint64(rng.IntN(spread)) * 0x9e3779b97f4a7c15
					if rng.IntN(8) == 0 {
						h = uint64(rng.IntN(spread)) // keys close together: one directory bucket
					}
					keys = append(keys, h)
				}
				ps.add(keys, id)
			}
			nb := 1 << max(4, bits.Len(uint(ps.n/4)))
			dirBits := uint(bits.Len(uint(nb - 1)))
			shift := 64 - dirBits
			cKeys, cIds := ps.keys[:], ps.ids[:]
			if dirBits < 8 {
				var all []uint64
				var allIds []int32
				for b := range coarse {
					all, allIds = append(all, ps.keys[b]...), append(allIds, ps.ids[b]...)
				}
				cKeys, cIds = [][]uint64{all}, [][]int32{allIds}
			}
			top := len(cKeys)
			fine := nb / top
			topStart := make([]uint32, top+1)
			for t := range top {
				topStart[t+1] = topStart[t] + uint32(len(cKeys[t]))
			}
			for _, r := range [][2]int{{0, top}, {0, top / 2}, {top / 3, top}} {
				ids, dir := make([]int32, ps.n), make([]uint32, nb+1)
				got := buildRange(cKeys, cIds, ids, topStart, r[0], r[1], fine, shift, dir)
				keys2, ids2, dir2 := make([]uint64, ps.n), make([]int32, ps.n), make([]uint32, nb+1)
				want := buildRangeEach(cKeys, cIds, keys2, ids2, topStart, r[0], r[1], fine, shift, dir2)
				// The entries, as the keys and offsets of want, and each
				// key's number of ids, up to the next key's offset.
				var keys []uint64
				var off []uint32
				for k := 0; k < len(got.ents); k += 2 {
					keys, off = append(keys, got.ents[k]), append(off, uint32(got.ents[k+1]))
				}
				lo, hi := int(want.lo), int(want.lo)+want.w // the ids written
				if got.t0 != want.t0 || got.t1 != want.t1 || got.lo != want.lo || got.w != want.w ||
					!slices.Equal(keys, want.keys) || !slices.Equal(off, want.off) || !slices.Equal(ids[lo:hi], ids2[lo:hi]) || !slices.Equal(dir, dir2) {
					t.Fatalf("n=%d spread=%d range %v: buildRange differs from sorting each directory bucket", n, spread, r)
				}
				for k := range off {
					next := uint32(hi)
					if k+1 < len(off) {
						next = off[k+1]
					}
					if c := uint32(got.ents[2*k+1] >> 32); off[k]+c != next {
						t.Fatalf("n=%d spread=%d range %v: key %d has %d ids, want %d", n, spread, r, k, c, next-off[k])
					}
				}
			}
		}
	}
}

// A builtRangeEach is what buildRangeEach returns: the coarse buckets t0
// to t1, whose pairs start at lo; their w ids are compacted to ids[lo:],
// keys and off are their keys and offsets (in the whole ids).
type builtRangeEach struct {
	t0, t1 int
	lo     uint32
	w      int
	keys   []uint64
	off    []uint32
}

// buildRangeEach moves the coarse buckets t0 to t1 (cKeys, cIds) into their
// directory buckets in keys and ids, sorted, and sets dir[d+1], for each
// directory bucket d of them, to the number of distinct keys of the range
// up to its end.
func buildRangeEach(cKeys [][]uint64, cIds [][]int32, keys []uint64, ids []int32, topStart []uint32, t0, t1, fine int, shift uint, dir []uint32) builtRangeEach {
	lo0 := topStart[t0]
	n := int(topStart[t1] - lo0)
	br := builtRangeEach{t0: t0, t1: t1, lo: lo0, keys: make([]uint64, 0, n/2), off: make([]uint32, 0, n/2+1)}
	w := int(lo0) // ids written, from lo0
	start := make([]uint32, fine+1)
	fpos := make([]uint32, fine)
	for t := t0; t < t1; t++ {
		bk, bi := cKeys[t], cIds[t]
		lo, hi := int(topStart[t]), int(topStart[t+1])
		// start[b]: where directory bucket t*fine+b begins, from lo.
		clear(start)
		if fine > 1 {
			for _, m := range bk {
				start[m>>shift&uint64(fine-1)+1]++
			}
			for b := 1; b <= fine; b++ {
				start[b] += start[b-1]
			}
			copy(fpos, start[:fine])
			scatter(bk, bi, keys[lo:hi], ids[lo:hi], shift, uint64(fine-1), fpos)
		} else {
			start[1] = uint32(hi - lo)
			copy(keys[lo:hi], bk)
			copy(ids[lo:hi], bi)
		}
		for b := range fine {
			blo, bhi := lo+int(start[b]), lo+int(start[b+1])
			sortPairs(keys[blo:bhi], ids[blo:bhi])
			for i := blo; i < bhi; i++ {
				m, id := keys[i], ids[i]
				if len(br.keys) == 0 || br.keys[len(br.keys)-1] != m {
					br.keys = append(br.keys, m)
					br.off = append(br.off, uint32(w))
				} else if ids[w-1] == id {
					continue
				}
				ids[w] = id
				w++
			}
			dir[t*fine+b+1] = uint32(len(br.keys))
		}
	}
	br.w = w - int(lo0)
	return br
}
