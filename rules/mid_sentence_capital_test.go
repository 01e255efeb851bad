package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/text"
)

func TestMidSentenceCapital(t *testing.T) {
	checkertest.Run(t, "testdata/mid-sentence-capital", MidSentenceCapital)
}

// TestCapTokenAt checks capTokenAt against a walk over the tokens.
func TestCapTokenAt(t *testing.T) {
	s := "One two, Three (four) five-Six. seven"
	toks := text.Tokenize(nil, s, text.Span{Start: 0, End: len(s)})
	for at := 0; at <= len(s)+1; at++ {
		want := 0
		for want < len(toks) && toks[want].Start < at {
			want++
		}
		if got := capTokenAt(toks, at); got != want {
			t.Errorf("capTokenAt(%d) = %d, want %d", at, got, want)
		}
	}
}
