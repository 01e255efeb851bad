package glossary

import "testing"

// The tables NextStart and firstBits read agree with the shifts they
// replace.
func TestShiftTables(t *testing.T) {
	for n := range 8 {
		if got, want := lowBytes[n], uint64(1)<<(8*uint(n))-1; got != want {
			t.Errorf("lowBytes[%d] = %#x, want %#x", n, got, want)
		}
	}
	for k := range 64 {
		if got, want := bit64[k], uint64(1)<<uint(k); got != want {
			t.Errorf("bit64[%d] = %#x, want %#x", k, got, want)
		}
	}
	// firstBits as it was written with shifts.
	slow := func(h uint64, nw int) (int, uint64) {
		m := h * 0xd6e8feb86659fd93
		return int(m>>32) & (nw - 1), 1<<(m>>58) | 1<<(m>>52&63)
	}
	h := uint64(1)
	for range 100000 {
		h = h*6364136223846793005 + 1442695040888963407
		for _, nw := range []int{16, 1024} {
			w1, b1 := firstBits(h, nw)
			w2, b2 := slow(h, nw)
			if w1 != w2 || b1 != b2 {
				t.Fatalf("firstBits(%#x, %d) = %d, %#x, want %d, %#x", h, nw, w1, b1, w2, b2)
			}
		}
	}
}
