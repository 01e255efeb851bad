package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestUntranslatedText(t *testing.T) {
	checkertest.Run(t, "testdata/untranslated-text", UntranslatedText)
}
