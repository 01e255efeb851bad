package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestRepeatedWord(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-word", RepeatedWord)
}
