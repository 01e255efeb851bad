package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
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
