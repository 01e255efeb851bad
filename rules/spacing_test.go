package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/text"
)

func TestSpacing(t *testing.T) {
	checkertest.Run(t, "testdata/spacing", Spacing)
}

// TestSpacingFastPath checks that the scan of spacing, which passes over
// marks spaced as they should be, finds what the plain scan for every
// punctuation byte and run of spaces finds.
func TestSpacingFastPath(t *testing.T) {
	parts := []string{"the", "The", "border", "It", "However", "os", "Exit", "é", "Über", "x",
		" ", " ", " ", "  ", "   ", "\n", "\n\n", "\t", ",", " ,", ";", " ;", ":", " :", ".", " .", "!", " !", "?", " ?",
		"...", "\"", " \"", "\" ", "(", ")", "-", "3", "10", "`code`", "**", "e.g.", "U.S.", ".The", ". It"}
	compareFastPath(t, Spacing, rand.New(rand.NewPCG(21, 22)), parts, 40, func(on bool) {
		spacingNext = text.NextPunctOrDoubleSpace
		if on {
			spacingNext = text.NextSpacingStop
		}
	})
}

// TestSpacingColumns checks spacingColumns against the counts of runs of
// spaces it stands for, on random lines of words and spaces.
func TestSpacingColumns(t *testing.T) {
	slow := func(line string) bool {
		return strings.Count(line, "  ")-strings.Count(line, "   ") >= 2 || strings.Contains(line, "   ")
	}
	rng := rand.New(rand.NewPCG(81, 82))
	parts := []string{"a", "bc", "def", " ", " ", "  ", "   ", "    "}
	for range 20000 {
		line := randtext.Join(rng, parts, 16)
		if got, want := spacingColumns(line), slow(line); got != want {
			t.Fatalf("spacingColumns(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestSpacingBlank checks spacingBlank against strings.TrimSpace on random
// strings of white space and other bytes.
func TestSpacingBlank(t *testing.T) {
	rng := rand.New(rand.NewPCG(83, 84))
	parts := []string{" ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u3000", "a", ".", "\x01", "\xff", "é"}
	for range 50000 {
		s := randtext.Join(rng, parts, 5)
		if got, want := spacingBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("spacingBlank(%q) = %v, want %v", s, got, want)
		}
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		s := string(rune(c))
		if got, want := spacingBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("spacingBlank(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSpacingRunEnd checks spacingRunEnd, eight bytes at a time, against a
// byte by byte reading, on random runs of spaces with bytes of the masked
// text blanked.
func TestSpacingRunEnd(t *testing.T) {
	rng := rand.New(rand.NewPCG(85, 86))
	parts := []string{" ", " ", "   ", "        ", "a", "\t", "\n"}
	for range 20000 {
		txt := randtext.Join(rng, parts, 12)
		m := []byte(txt)
		for k := range m {
			if rng.IntN(6) == 0 {
				m[k] = ' '
			}
			if rng.IntN(20) == 0 {
				m[k] = 'x'
			}
		}
		for end := 0; end <= len(txt); end++ {
			for j := 0; j <= end; j++ {
				want := j
				for want < end && txt[want] == ' ' && m[want] == ' ' {
					want++
				}
				if got := spacingRunEnd(txt, string(m), j, end); got != want {
					t.Fatalf("spacingRunEnd(%q, %q, %d, %d) = %d, want %d", txt, m, j, end, got, want)
				}
			}
		}
	}
}
