package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/text"
)

func TestUnbalancedPair(t *testing.T) {
	checkertest.Run(t, "testdata/unbalanced-pair", UnbalancedPair)
}

// TestUnbalancedPairSkip checks that passing over the blocks with no mark
// finds what pairing every paragraph from its first line finds.
func TestUnbalancedPairSkip(t *testing.T) {
	parts := []string{"the", "word", " ", " ", "\n", "\n", "\n\n", "\n\n", "(", ")", "[", "]", `"`, `"`, " \"", "\" ", "“", "”", "«", "»", ":)", "27\"", "1)", "\n\"", "\n“", "\n    code\n", "```\nx(\n```\n", "# (Title\n"}
	compareFastPath(t, UnbalancedPair, rand.New(rand.NewPCG(13, 14)), parts, 40, func(on bool) { pairSkipBlocks = on })
}

// TestPairFinder checks pairFinder against text.NextBracketOrQuote, over
// random text and searches that move forward by random steps, and now and
// then back.
func TestPairFinder(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	alphabet := "ab ()[]\"\xe2\x80\x9c\x9d\n.é-"
	for round := range 3000 {
		b := make([]byte, rng.IntN(60))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) > 0 {
				b[i] = 'a'
			}
		}
		s := string(b)
		f := newPairFinder(s)
		for i := 0; i <= len(s); i += rng.IntN(4) {
			end := i + rng.IntN(len(s)-i+1)
			if got, want := f.next(i, end), text.NextBracketOrQuote(s, i, end); got != want {
				t.Fatalf("round %d: next(%q, %d, %d) = %d, want %d", round, s, i, end, got, want)
			}
			if rng.IntN(4) == 0 {
				i++
			}
			if rng.IntN(40) == 0 {
				i = rng.IntN(i + 1) // back: the finder starts over
			}
		}
	}
}

// TestPairTwoNewlines checks pairTwoNewlines against strings.Count.
func TestPairTwoNewlines(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	parts := []string{"\n", "\r\n", " ", "\t", "a", "\n\n"}
	for range 20000 {
		s := randtext.Join(rng, parts, 8)
		if got, want := pairTwoNewlines(s), strings.Count(s, "\n") > 1; got != want {
			t.Fatalf("pairTwoNewlines(%q) = %v, want %v", s, got, want)
		}
	}
}
