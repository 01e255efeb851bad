package text

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

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

// longWordBeforeBytes is longWordBefore a byte at a time, as it was before
// it read the eight bytes before the period at once.
func longWordBeforeBytes(s string, start, dot int) bool {
	from := dot - maxAbbrevLen - 1
	if from < start {
		return false
	}
	for k := dot - 1; k >= from; k-- {
		if c := s[k]; c >= utf8.RuneSelf || asciiClass[c] != classLetter {
			return false
		}
	}
	return true
}

// TestLongWordBefore checks longWordBefore against longWordBeforeBytes at
// every offset and sentence start of random text.
func TestLongWordBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	parts := []string{"a", "Z", "word", "station", "Stations", "approx", "é", "x2", "@", "[", "`", "{", " ", ".", "\xff"}
	for range 20000 {
		s := randtext.Join(rng, parts, 10)
		for dot := 0; dot <= len(s); dot++ {
			for start := 0; start <= dot; start++ {
				if got, want := longWordBefore(s, start, dot), longWordBeforeBytes(s, start, dot); got != want {
					t.Fatalf("longWordBefore(%q, %d, %d) = %v, want %v", s, start, dot, got, want)
				}
			}
		}
	}
}
