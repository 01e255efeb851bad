package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestMidSentenceCapital(t *testing.T) {
	checkertest.Run(t, "testdata/mid-sentence-capital", MidSentenceCapital)
}
