package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/text"
)

func TestRepeatedWord(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-word", RepeatedWord)
}

// TestRepeatedWordNext checks repeatedWordNext against a test of every
// pair of tokens.
func TestRepeatedWordNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{"the", "The", "THE", "tea", "a", "A", "an", "to", "-", ",", "3", "33", "é", "ée", " ", " ", "  ", "\n", ". "}
	for round := range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		m := b.String()
		toks := text.Tokenize(nil, m, text.Span{Start: 0, End: len(m)})
		var got, want []int
		for i := 1; ; i++ {
			if i = repeatedWordNext(toks, m, i); i >= len(toks) {
				break
			}
			got = append(got, i)
		}
		for i := 1; i < len(toks); i++ {
			a, b := toks[i-1], toks[i]
			if a.Kind == text.Word && b.Kind == text.Word && a.End-a.Start == b.End-b.Start && m[a.End-1] == m[b.End-1] {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %q: got %v, want %v", round, m, got, want)
		}
	}
}
