package text

import (
	"math"
	"math/rand/v2"
	"testing"
)

// garble returns s with a few edits of the kinds machine translation
// makes: vowels changed, letters doubled, confusables swapped, letters
// dropped or added.
func garble(rng *rand.Rand, s string, edits int) string {
	const letters = "aeiouybpvfwdtgkcqszxmnlrjh0123456789"
	b := []byte(s)
	for range edits {
		if len(b) == 0 {
			b = append(b, letters[rng.IntN(len(letters))])
			continue
		}
		i := rng.IntN(len(b))
		switch rng.IntN(4) {
		case 0:
			b[i] = letters[rng.IntN(len(letters))]
		case 1:
			b = append(b[:i+1], b[i:]...) // doubled
		case 2:
			b = append(b[:i], b[i+1:]...)
		default:
			b = append(b[:i], append([]byte{letters[rng.IntN(len(letters))]}, b[i:]...)...)
		}
	}
	return string(b)
}

// TestCostLowerBound checks that costLowerBound never exceeds the
// distance it bounds, on random strings over an alphabet that holds every
// class (doubled letters, h, digits), on garbled copies of them (close
// pairs, where the bound is tight) and on names.
func TestCostLowerBound(t *testing.T) {
	const letters = "aeiouybpvfwdtgkcqszxmnlrjh0123456789"
	rng := rand.New(rand.NewPCG(3, 4))
	randStr := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
			if i > 0 && rng.IntN(4) == 0 {
				b[i] = b[i-1]
			}
		}
		return string(b)
	}
	names := []string{"", "a", "nayibbukele", "naibbuckley", "bakle", "bukele", "montoyagalvez", "carmiromontogalves",
		"trendearagua", "terrendealagua", "zelensky", "zelenski", "hhhh", "aaaa", "llrr", "ppbbvvff", "x1y2z3", "sãopaulo"}
	check := func(a, b string) {
		lb, d := costLowerBound(a, b), weightedDistance(a, b, math.Inf(1))
		if lb > d+1e-9 {
			t.Fatalf("costLowerBound(%q, %q) = %v, above the distance %v", a, b, lb, d)
		}
	}
	for _, a := range names {
		for _, b := range names {
			check(a, b)
		}
	}
	tight := 0
	for range 200000 {
		a := randStr(rng.IntN(14))
		var b string
		if rng.IntN(2) == 0 {
			b = randStr(rng.IntN(14))
		} else {
			b = garble(rng, a, 1+rng.IntN(4))
		}
		check(a, b)
		if lb := costLowerBound(a, b); lb > 0 && math.Abs(lb-weightedDistance(a, b, math.Inf(1))) < 1e-9 {
			tight++
		}
	}
	if tight == 0 {
		t.Error("the bound is never tight")
	}
}
