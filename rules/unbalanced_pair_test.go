package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestUnbalancedPair(t *testing.T) {
	checkertest.Run(t, "testdata/unbalanced-pair", UnbalancedPair)
}
