package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestRepeatedPhrase(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-phrase", RepeatedPhrase)
}

func TestRepeatedPhraseMinWords(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-phrase/min-words-2", RepeatedPhrase, checkertest.Set("min-words", "2"))
}
