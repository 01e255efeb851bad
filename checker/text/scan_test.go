package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNextPunct checks NextPunct against a byte-by-byte scan, on every
// start and end of random strings over letters, spaces, punctuation,
// control and non-ASCII bytes.
func TestNextPunct(t *testing.T) {
	alphabet := []byte("aZ @`~ \n\t.,;:!?\"'()-/09\x00\x7f\x80\xc3\xa9\xe2\xff")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) > 0 {
				b[i] = "abc XYZ"[rng.IntN(7)]
			}
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			for end := i; end <= len(s); end++ {
				want := i
				for want < end && !(s[want] < '@' && s[want] != ' ') {
					want++
				}
				if got := NextPunct(s, i, end); got != want {
					t.Fatalf("NextPunct(%q, %d, %d) = %d, want %d", s, i, end, got, want)
				}
			}
		}
	}
}

// TestHasDoubleSpace checks HasDoubleSpace against strings.Contains on
// random strings of spaces and other bytes, at every alignment.
func TestHasDoubleSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, rng.IntN(30))
		for i := range b {
			b[i] = " a\xa0\x00"[rng.IntN(4)]
			if rng.IntN(2) == 0 {
				b[i] = "xyz "[rng.IntN(4)]
			}
		}
		s := string(b)
		if got, want := HasDoubleSpace(s), strings.Contains(s, "  "); got != want {
			t.Fatalf("HasDoubleSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIsASCII puts one non-ASCII byte at every place of strings of every
// length up to 20.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		s := strings.Repeat("a", n)
		if !IsASCII(s) {
			t.Fatalf("IsASCII(%q) = false", s)
		}
		for i := range n {
			if b := s[:i] + "\x80" + s[i+1:]; IsASCII(b) {
				t.Fatalf("IsASCII(%q) = true", b)
			}
		}
	}
}
