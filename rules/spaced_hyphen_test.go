package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestSpacedHyphen(t *testing.T) {
	checkertest.Run(t, "testdata/spaced-hyphen", SpacedHyphen)
}
