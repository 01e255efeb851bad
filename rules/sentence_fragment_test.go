package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestSentenceFragment(t *testing.T) {
	checkertest.Run(t, "testdata/sentence-fragment", SentenceFragment)
}
