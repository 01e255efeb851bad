package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkScan checks a search (NextPunct and the like) against a
// byte-by-byte scan, on every start and end of random strings: each byte
// one of alphabet's, or, common times in four, one of
// "abc XYZ" (plain text, where the searches skip ahead). stop says whether
// the byte at i, of the bytes up to end, is one the search stops at.
func checkScan(t *testing.T, name string, seed uint64, n int, alphabet string, common int, fast func(s string, i, end int) int, stop func(s string, i, end int) bool) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed+1))
	for range n {
		s := string(mixBytes(rng, rng.IntN(40), alphabet, "abc XYZ", common, 4))
		for i := 0; i <= len(s); i++ {
			for end := i; end <= len(s); end++ {
				want := i
				for want < end && !stop(s, want, end) {
					want++
				}
				if got := fast(s, i, end); got != want {
					t.Fatalf("%s(%q, %d, %d) = %d, want %d", name, s, i, end, got, want)
				}
			}
		}
	}
}

// mixBytes returns n random bytes: each one of common's k times in of,
// else one of rare's.
func mixBytes(rng *rand.Rand, n int, rare, common string, k, of int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = rare[rng.IntN(len(rare))]
		if rng.IntN(of) < k {
			b[i] = common[rng.IntN(len(common))]
		}
	}
	return b
}

// TestNextPunct checks NextPunct on strings over letters, spaces,
// punctuation, control and non-ASCII bytes.
func TestNextPunct(t *testing.T) {
	checkScan(t, "NextPunct", 1, 2000, "aZ @`~ \n\t.,;:!?\"'()-/09\x00\x7f\x80\xc3\xa9\xe2\xff", 3, NextPunct,
		func(s string, i, _ int) bool { return s[i] < '@' && s[i] != ' ' })
}

// TestNextPunctOrDoubleSpace checks NextPunctOrDoubleSpace on strings rich
// in spaces.
func TestNextPunctOrDoubleSpace(t *testing.T) {
	checkScan(t, "NextPunctOrDoubleSpace", 9, 3000, "aZ @`~\n\t.,;:!?\"'()-/09\x00\x7f\x80\xa0\xc3\xa9\xe2\xff        ", 2, NextPunctOrDoubleSpace,
		func(s string, i, end int) bool {
			return s[i] < '@' && s[i] != ' ' || s[i] == ' ' && i+1 < end && s[i+1] == ' '
		})
}

// TestNextBracketOrQuote checks NextBracketOrQuote on strings of brackets,
// quotes and the bytes around them.
func TestNextBracketOrQuote(t *testing.T) {
	checkScan(t, "NextBracketOrQuote", 11, 3000, "aZ ()[]{}\"'\x00\x01\x7f\x80\xa8\xa9\xe2\xe3\xe0\x5a\x5c\x5e\x21\x23\x27\x2a\xff", 3, NextBracketOrQuote,
		func(s string, i, _ int) bool { return strings.IndexByte("()[]\"\xe2", s[i]) >= 0 })
}

// TestNextUpperOrNonASCII checks NextUpperOrNonASCII against a byte by
// byte search, from every start.
func TestNextUpperOrNonASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		b := mixBytes(rng, rng.IntN(30), "@AZ[`az{ .\x00\x7f\x80\xc1\xda\xff", "xyz @[`{ .09", 3, 4)
		s := string(b)
		i := rng.IntN(len(s) + 1)
		end := i + rng.IntN(len(s)-i+1)
		want := i
		for want < end && !(s[want] >= 0x80 || 'A' <= s[want] && s[want] <= 'Z') {
			want++
		}
		if got := NextUpperOrNonASCII(s, i, end); got != want {
			t.Fatalf("NextUpperOrNonASCII(%q, %d, %d) = %d, want %d", s, i, end, got, want)
		}
	}
}

// TestIndexDoubleSpace checks IndexDoubleSpace against strings.Index on
// random strings of spaces and other bytes, at every alignment.
func TestIndexDoubleSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for range 20000 {
		s := string(mixBytes(rng, rng.IntN(40), " a\xa0\x00", "xyz ", 1, 2))
		if got, want := IndexDoubleSpace(s), strings.Index(s, "  "); got != want {
			t.Fatalf("IndexDoubleSpace(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestIsASCII puts one non-ASCII byte at every place of strings of every
// length up to 80 (past two steps of thirty-two bytes and a tail).
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 80; n++ {
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
