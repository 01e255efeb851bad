package text

import (
	"math/rand/v2"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// TestPeriodEndsLongWord checks periodEnds, which answers at once after a
// long word, against its full reading, periodEndsWord, at every period of
// random text of words long and short, abbreviations, digits and non-ASCII
// letters.
func TestPeriodEndsLongWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	parts := []string{"a", "I", "the", "word", "Messrs", "approx", "Thurs", "station", "stations", "U.S", "e.g", "Ph.D",
		"U.S.S.R", "é", "Éclair", "x2", "2025", "@", "/", "(", "\"", " ", " ", " ", ".", ".", ". ", "  ", "\n", "The", "He"}
	for range 100000 {
		s := randtext.Join(rng, parts, 12)
		for dot := 0; dot < len(s); dot++ {
			if s[dot] != '.' {
				continue
			}
			for start := 0; start <= dot; start++ {
				if got, want := periodEnds(s, start, dot, dot+1, len(s)), periodEndsWord(s, start, dot, dot+1, len(s)); got != want {
					t.Fatalf("periodEnds(%q, %d, %d) = %v, want %v", s, start, dot, got, want)
				}
			}
		}
	}
}
