package rules

import (
	"math/rand/v2"
	"strings"
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
	rng := rand.New(rand.NewPCG(21, 22))
	found := 0
	defer func() { spacingNext = text.NextSpacingStop }()
	for round := range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		txt := b.String()
		spacingNext = text.NextSpacingStop
		fast := ruleFindings(t, Spacing, txt, nil)
		spacingNext = text.NextPunctOrDoubleSpace
		slow := ruleFindings(t, Spacing, txt, nil)
		found += len(slow)
		if strings.Join(fast, "\n") != strings.Join(slow, "\n") {
			t.Fatalf("round %d: %q\nfast:\n%s\nslow:\n%s", round, txt, strings.Join(fast, "\n"), strings.Join(slow, "\n"))
		}
	}
	if found < 500 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}
