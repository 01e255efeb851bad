package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestIndex checks Index against a map numbering its keys as they come,
// sized well, sized too small and not sized at all.
func TestIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	type key struct {
		tag byte
		s   string
	}
	for _, x := range []*Index{NewIndex(3000, 20000), NewIndex(10, 10), {}} {
		want := map[key]int32{}
		for range 20000 {
			k := key{byte(rng.IntN(3)), fmt.Sprint(rng.IntN(5000))}
			if rng.IntN(50) == 0 {
				k.s = ""
			}
			if rng.IntN(3) == 0 {
				id, ok := want[k]
				if got := x.Find(k.tag, k.s); ok && got != id || !ok && got != -1 {
					t.Fatalf("Find(%v) = %d, want %d (%v)", k, got, id, ok)
				}
				continue
			}
			id, ok := want[k]
			if !ok {
				id = int32(len(want))
				want[k] = id
			}
			if got, added := x.Add(k.tag, k.s); got != id || added == ok {
				t.Fatalf("Add(%v) = %d, %v, want %d, %v", k, got, added, id, !ok)
			}
		}
		if x.Len() != len(want) {
			t.Errorf("Len = %d, want %d", x.Len(), len(want))
		}
	}
}
