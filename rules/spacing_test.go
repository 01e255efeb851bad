package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestSpacing(t *testing.T) {
	checkertest.Run(t, "testdata/spacing", Spacing)
}
