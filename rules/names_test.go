package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestGlossaryVariant(t *testing.T) {
	checkertest.Run(t, "testdata/glossary-variant", GlossaryVariant)
}

func TestNameCasing(t *testing.T) {
	checkertest.Run(t, "testdata/name-casing", NameCasing)
}

func TestGarbledName(t *testing.T) {
	checkertest.Run(t, "testdata/garbled-name", GarbledName)
}
