package lexhash

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSumFold(t *testing.T) {
	for _, w := range []string{"", "a", "The", "GOVERNMENT", "Naibbuckley", "don't", "abcdefgh", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "x's"} {
		got, ok := SumFold(w, 7)
		if !ok {
			t.Fatalf("SumFold(%q) not ok", w)
		}
		if want := Sum(strings.ToLower(w), 7); got != want {
			t.Errorf("SumFold(%q) = %x, want Sum of lower case %x", w, got, want)
		}
		if b := Sum([]byte(strings.ToLower(w)), 7); b != got {
			t.Errorf("Sum([]byte(%q)) = %x, want %x", w, b, got)
		}
	}
	for _, w := range []string{"café", "Zürich", "abcdefghé", "don’t"} {
		if _, ok := SumFold(w, 0); ok {
			t.Errorf("SumFold(%q) ok on non-ASCII", w)
		}
	}
	if Sum("ab", 0) == Sum("ba", 0) || Sum("abcdefgh", 0) == Sum("abcdefgh\x00", 0) {
		t.Error("trivial collision")
	}
}

// refSum is sum as first written, a byte at a time: the hashes of the
// embedded table were made with it, so sum must agree with it on every
// input.
func refSum(s string, seed uint64, fold bool) (uint64, bool) {
	h := seed ^ uint64(len(s))*prime
	i := 0
	for ; i+8 <= len(s); i += 8 {
		var v uint64
		for j := 7; j >= 0; j-- {
			v = v<<8 | uint64(s[i+j])
		}
		if fold {
			if v&hi != 0 {
				return 0, false
			}
			v = foldASCII(v)
		}
		h = (h ^ v) * prime
		h ^= h >> 32
	}
	if i < len(s) {
		var v uint64
		for j := len(s) - 1; j >= i; j-- {
			v = v<<8 | uint64(s[j])
		}
		if fold {
			if v&hi != 0 {
				return 0, false
			}
			v = foldASCII(v)
		}
		h = (h ^ v) * prime
	}
	return Mix(h), true
}

// TestSumAgainstRef checks sum, which reads eight bytes at once and the
// last ones overlapping those before, against refSum on words of every
// length up to 40.
func TestSumAgainstRef(t *testing.T) {
	alphabet := []byte("aZz@[`{'-0\x00\x7f\x80\xc3\xff")
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 40; n++ {
		for range 300 {
			b := make([]byte, n)
			for i := range b {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
			if r.IntN(2) == 0 {
				for i := range b {
					b[i] &= 0x7f // ASCII, which fold hashes
				}
			}
			w := string(b)
			seed := r.Uint64()
			for _, fold := range []bool{false, true} {
				want, wantOK := refSum(w, seed, fold)
				if got, ok := sum(w, seed, fold); got != want || ok != wantOK {
					t.Fatalf("sum(%q, %d, %v) = %x, %v; want %x, %v", w, seed, fold, got, ok, want, wantOK)
				}
				if got, ok := sum(b, seed, fold); got != want || ok != wantOK {
					t.Fatalf("sum([]byte(%q), %d, %v) = %x, %v; want %x, %v", w, seed, fold, got, ok, want, wantOK)
				}
			}
		}
	}
}
