package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

func TestSpacedHyphen(t *testing.T) {
	checkertest.Run(t, "testdata/spaced-hyphen", SpacedHyphen)
}

// runSpacedHyphenRef is runSpacedHyphen as it was: every token of a
// sentence with a hyphen is looked at.
func runSpacedHyphenRef(p *checker.Pass) error {
	doc := p.Doc
	hyphen, from := -1, 0
	for _, s := range doc.Sentences {
		if s.Start > hyphen || s.Start < from {
			from = s.Start
			hyphen = len(doc.Masked)
			if k := strings.IndexByte(doc.Masked[s.Start:], '-'); k >= 0 {
				hyphen = s.Start + k
			}
		}
		if hyphen >= s.End {
			continue
		}
		toks := doc.SentenceTokens(s)
		for i := 1; i+1 < len(toks); i++ {
			spacedHyphenAt(p, toks, i)
		}
	}
	return nil
}

// TestSpacedHyphenFastPath checks that looking only at the hyphens of a
// sentence finds what looking at every token finds.
func TestSpacedHyphenFastPath(t *testing.T) {
	ref := *SpacedHyphen
	ref.Run = runSpacedHyphenRef
	parts := []string{"anti", "gang", "-", " -", " - ", "--", " --", "-v", " -5", "the", "Über", "über", "x", "-test.bench", "=", " ", "  ", "\n", ". ", "\t-", "(", ")", "é-", " -ß"}
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for round := range 3000 {
		txt := randtext.Join(rng, parts, 40)
		fast := ruleFindings(t, SpacedHyphen, txt, nil)
		slow := ruleFindings(t, &ref, txt, nil)
		found += len(slow)
		if strings.Join(fast, "\n") != strings.Join(slow, "\n") {
			t.Fatalf("round %d: %q\nfast:\n%s\nslow:\n%s", round, txt, strings.Join(fast, "\n"), strings.Join(slow, "\n"))
		}
	}
	if found < 200 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}
