package rules

import (
	"math/rand/v2"
	"strings"
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
	rng := rand.New(rand.NewPCG(41, 42))
	found := 0
	defer func() { untranslatedEveryRune = false }()
	for round := range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		txt := b.String()
		untranslatedEveryRune = false
		fast := ruleFindings(t, UntranslatedText, txt, nil)
		untranslatedEveryRune = true
		slow := ruleFindings(t, UntranslatedText, txt, nil)
		found += len(slow)
		if strings.Join(fast, "\n") != strings.Join(slow, "\n") {
			t.Fatalf("round %d: %q\nfast:\n%s\nslow:\n%s", round, txt, strings.Join(fast, "\n"), strings.Join(slow, "\n"))
		}
	}
	if found < 500 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}
