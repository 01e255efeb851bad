package rules

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest"
)

func TestUntranslatedText(t *testing.T) {
	checkertest.Run(t, "testdata/untranslated-text", UntranslatedText)
}

// TestUntranslatedTextFastPath checks that skipping the characters below
// U+0370 byte-wise finds what decoding every character finds.
func TestUntranslatedTextFastPath(t *testing.T) {
	if untranslatedScript(utf8.RuneError) != -1 {
		t.Fatal("an invalid byte would start a run")
	}
	parts := []string{"the", " ", "  ", "\n", ".", "-", "3", "é", "’", "“", "©", "µ", "\xcc\x81", "ͷ", "Ω", "αβγ", " δ ", "Москва", "中文", "日本語", "カタカナ", "한국어", "，", "。", "ｱ", "·", "עברית", "ไทย", "\xcd", "\xff", "x2πr"}
	compareFastPath(t, UntranslatedText, rand.New(rand.NewPCG(41, 42)), parts, 30, func(on bool) { untranslatedEveryRune = !on })
}
