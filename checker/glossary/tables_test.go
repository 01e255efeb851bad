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

// possMask and possBytes tell the possessives among short words as the
// test of their last two bytes does, for every pair of last bytes.
func TestPossessiveTables(t *testing.T) {
	for n := range 8 {
		for a := range 256 {
			for _, c := range []byte{'s', 'S', 'x', '\'', 's' | 0x80, 'S' &^ 0x20, 0x53 ^ 0x20, 0} {
				w := []byte("abcdefgh")[:n]
				if n >= 2 {
					w[n-2], w[n-1] = byte(a), c
				}
				var x uint64
				for k := n - 1; k >= 0; k-- {
					x = x<<8 | uint64(w[k])
				}
				want := n >= 4 && w[n-2] == '\'' && w[n-1]|0x20 == 's'
				if got := x&possMask[n] == possBytes[n]; got != want {
					t.Fatalf("%q: possessive %v, want %v", w, got, want)
				}
				if sb := shortBytes[n]; sb.low != lowBytes[n] || (x&sb.possMask == sb.possBytes) != want {
					t.Fatalf("%q: shortBytes[%d] = %x, not as lowBytes, possMask and possBytes", w, n, sb)
				}
				if sb := shortBytes[n]; x&0x8080808080808080 == 0 && x|sb.key != shortKey(x, n) {
					t.Fatalf("%q: x | shortBytes[%d].key = %#x, want shortKey %#x", w, n, x|sb.key, shortKey(x, n))
				}
			}
		}
	}
}
