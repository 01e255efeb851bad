package cluster

import (
	"hash/maphash"
	"math"
)

// An Index numbers distinct strings 0, 1, 2, … in the order they are first
// added, like a map[string]int32 that gives each new key len(map). It holds
// no pointers: the keys are copied into one array of bytes and found through
// a table of numbers, so that the garbage collector need not scan it and a
// few arrays, made once when it is sized well, take the place of a map's
// many buckets of strings. Every key is a tag byte and a string, so that
// keys of several sorts share one Index.
type Index struct {
	slots []int32  // open addressing: 1 + a key's number, 0 for none
	hash  []uint32 // each key's hash, by number
	at    []int32  // where each key starts in bytes, then the end of the last
	bytes []byte   // the keys, each its tag and its string
	seed  maphash.Seed
}

// NewIndex returns an Index sized for about n keys of about size bytes in
// all; it grows beyond them as it must.
func NewIndex(n, size int) *Index {
	x := &Index{seed: maphash.MakeSeed()}
	x.slots = make([]int32, indexSlots(n))
	x.hash = make([]uint32, 0, n)
	x.at = make([]int32, 1, n+1)
	x.bytes = make([]byte, 0, size+n)
	return x
}

// indexSlots returns the table size for n keys: half as large again as n,
// so that probes stay short (not rounded to a power of two: a key's hash
// is scaled to the table's size).
func indexSlots(n int) int { return max(16, n+n/2+1) }

// slot returns where hash h starts its probes in a table of n slots.
func slot(h uint32, n int) int { return int(uint64(h) * uint64(n) >> 32) }

// Len returns the number of keys.
func (x *Index) Len() int { return len(x.hash) }

// Find returns the number of key (tag, s), or -1 if it was never added.
func (x *Index) Find(tag byte, s string) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	h := x.sum(tag, s)
	for i := slot(h, len(x.slots)); ; i++ {
		if i == len(x.slots) {
			i = 0
		}
		v := x.slots[i]
		if v == 0 {
			return -1
		}
		if id := v - 1; x.hash[id] == h && x.equal(id, tag, s) {
			return id
		}
	}
}

// Add returns the number of key (tag, s), adding it with the next number
// if it is new; added says whether it was.
func (x *Index) Add(tag byte, s string) (id int32, added bool) {
	if n := len(x.hash) + 1; n+n/2 >= len(x.slots) {
		x.grow()
	}
	h := x.sum(tag, s)
	i := slot(h, len(x.slots))
	for x.slots[i] != 0 {
		if id := x.slots[i] - 1; x.hash[id] == h && x.equal(id, tag, s) {
			return id, false
		}
		if i++; i == len(x.slots) {
			i = 0
		}
	}
	id = int32(len(x.hash))
	x.slots[i] = id + 1
	x.hash = append(x.hash, h)
	x.bytes = append(x.bytes, tag)
	x.bytes = append(x.bytes, s...)
	if len(x.bytes) > math.MaxInt32 {
		// The offsets are int32: say so rather than wrap.
		panic("cluster: an Index's keys exceed 2 GB")
	}
	x.at = append(x.at, int32(len(x.bytes)))
	return id, true
}

func (x *Index) sum(tag byte, s string) uint32 {
	h := maphash.String(x.seed, s)
	return uint32(h ^ h>>32 ^ uint64(tag)*0x9e3779b9)
}

// equal reports whether key id is (tag, s).
func (x *Index) equal(id int32, tag byte, s string) bool {
	k := x.bytes[x.at[id]:x.at[id+1]]
	return k[0] == tag && string(k[1:]) == s
}

// grow doubles the table (or makes the first one).
func (x *Index) grow() {
	if x.at == nil {
		x.at = []int32{0}
		x.seed = maphash.MakeSeed()
	}
	x.slots = make([]int32, indexSlots(2*len(x.hash)+1))
	for id, h := range x.hash {
		i := slot(h, len(x.slots))
		for x.slots[i] != 0 {
			if i++; i == len(x.slots) {
				i = 0
			}
		}
		x.slots[i] = int32(id) + 1
	}
}
