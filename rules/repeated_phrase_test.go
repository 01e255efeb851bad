package rules

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/text"
)

func TestRepeatedPhrase(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-phrase", RepeatedPhrase)
}

func TestRepeatedPhraseMinWords(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-phrase/min-words-2", RepeatedPhrase, checkertest.Set("min-words", "2"))
}

// ruleFindings runs rule over txt as a plain-text file, with the given
// options, and returns its findings as lines to compare.
func ruleFindings(t *testing.T, rule *checker.Rule, txt string, opts map[string]string) []string {
	t.Helper()
	cfg := &checker.Config{Rules: map[string]checker.RuleConfig{rule.ID: {Options: opts}}}
	run := &checker.Run{Rules: []*checker.Rule{rule}, Config: cfg, Parse: input.Parse, Jobs: 1}
	in := []checker.Input{{Path: "fast.txt", Read: func() ([]byte, error) { return []byte(txt), nil }}}
	res, err := run.Check(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%d-%d %s %q %v", f.Span.Start, f.Span.End, f.Message, f.Suggestion, f.Related))
	}
	return out
}

// compareFastPath checks rule's fast path against its plain one on 3,000
// texts made of random runs of parts: fast(true) turns the fast path on,
// fast(false) off. It fails the test at the first text on which their
// findings differ, or if the texts give fewer than 500 findings in all.
// The fast path is left on.
func compareFastPath(t *testing.T, rule *checker.Rule, rng *rand.Rand, parts []string, maxParts int, fast func(on bool)) {
	t.Helper()
	defer fast(true)
	found := 0
	for round := range 3000 {
		txt := randtext.Join(rng, parts, maxParts)
		fast(true)
		got := ruleFindings(t, rule, txt, nil)
		fast(false)
		want := ruleFindings(t, rule, txt, nil)
		found += len(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("round %d: %q\nfast:\n%s\nslow:\n%s", round, txt, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if found < 500 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}

// randomProse returns paragraphs of sentences drawn from a small vocabulary
// of words in mixed case, function words, names, punctuation and non-ASCII
// words, so that words, runs of words and marks repeat often.
func randomProse(rng *rand.Rand, vocab []string, paragraphs int) string {
	var b strings.Builder
	for range paragraphs {
		for range 1 + rng.IntN(4) {
			n := rng.IntN(25)
			for i := range n {
				w := vocab[rng.IntN(len(vocab))]
				if i == 0 || rng.IntN(8) == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if i+1 < n {
					b.WriteString([]string{" ", " ", " ", " ", " ", "  ", ", ", " - ", "\n"}[rng.IntN(9)])
				}
			}
			b.WriteString([]string{". ", "? ", "! ", ".", ".\n", " . "}[rng.IntN(6)])
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestRepeatedPhraseFastPath checks that the pre-check of repeated-phrase
// skips only sentences the full search finds nothing in: the rule with it
// and without it report the same on text full of repeats.
func TestRepeatedPhraseFastPath(t *testing.T) {
	vocab := strings.Fields("the of a large number resources for border troops Über über ÜBER KM km naïve x_y and or data military army plan said had it")
	testRepeatedPhraseFastPath(t, vocab, 7)
	// Words longer than eight and sixteen bytes, sharing their first
	// eight, function words of more than eight, a Kelvin sign that is "k"
	// in lower case.
	vocab = strings.Fields("internationalisation Internationalisation INTERNATIONALISATIONS internal Internals themselves THEMSELVES something \u212a k K of the mobilise mobilised Straße STRASSE \u212aM")
	testRepeatedPhraseFastPath(t, vocab, 9)
	// Positions of words counted again from 1 every few sentences.
	defer func(m int32) { phraseMaxPos = m }(phraseMaxPos)
	phraseMaxPos = 60
	testRepeatedPhraseFastPath(t, vocab[:12], 11)
}

func testRepeatedPhraseFastPath(t *testing.T, vocab []string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	found := 0
	for round := range 300 {
		txt := randomProse(rng, vocab[:4+rng.IntN(len(vocab)-4)], 1+rng.IntN(6))
		for _, mw := range []string{"2", "3", "4", "6"} {
			opts := map[string]string{"min-words": mw}
			phraseAlwaysSearch = false
			fast := ruleFindings(t, RepeatedPhrase, txt, opts)
			phraseAlwaysSearch = true
			slow := ruleFindings(t, RepeatedPhrase, txt, opts)
			phraseAlwaysSearch = false
			found += len(slow)
			if strings.Join(fast, "\n") != strings.Join(slow, "\n") {
				t.Fatalf("round %d, min-words %s: %q\nwith the pre-check:\n%s\nwithout:\n%s", round, mw, txt, strings.Join(fast, "\n"), strings.Join(slow, "\n"))
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}

// TestPhraseBest checks that phraseBest finds the same run along the chain
// of hash slots as by reading the earlier words one by one, on random
// windows of few distinct words (many repeats, many tries).
func TestPhraseBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	for round := range 3000 {
		n := 1 + rng.IntN(120)
		hash := fewWordHashes(rng, n, 40)
		slots := phraseNoSlots
		chain := make([]int32, n)
		for k, h := range hash {
			s := h & (uint64(len(slots)) - 1)
			chain[k] = slots[s]
			slots[s] = int32(k)
		}
		for j := range n {
			b1, i1 := phraseBest(hash, chain, j)
			b2, i2 := phraseBest(hash, nil, j)
			if b1 != b2 || i1 != i2 {
				t.Fatalf("round %d, j %d: chain %d at %d, one by one %d at %d", round, j, b1, i1, b2, i2)
			}
		}
	}
}

// TestPhraseWindowTokens checks the words of each window searched: the
// token found for each word is a word, after the one before, and its text
// has the word's hash; the words of the window end with the sentence.
func TestPhraseWindowTokens(t *testing.T) {
	vocab := strings.Fields("the of a large number resources for border Über über naïve x_y and internationalisation \u212a K mobilised Straße")
	rng := rand.New(rand.NewPCG(73, 74))
	checked := 0
	phraseCheckWindow = func(doc *checker.Document, w *phraseWindow) {
		checked++
		if len(w.tok) != len(w.hash) {
			t.Fatalf("%d tokens for %d words", len(w.tok), len(w.hash))
		}
		for x, k := range w.tok {
			tk := doc.Tokens[k]
			if tk.Kind != text.Word || x > 0 && k <= w.tok[x-1] {
				t.Fatalf("word %d: token %d (%v) is no word after the one before", x, k, tk)
			}
			if h := phraseHash(doc.TokenText(tk)); h != w.hash[x] {
				t.Fatalf("word %d %q: hash %x, want %x", x, doc.TokenText(tk), w.hash[x], h)
			}
		}
		if w.cur[1] > 0 && len(w.tok) > 0 {
			for k := int(w.tok[len(w.tok)-1]) + 1; k < w.cur[1]; k++ {
				if doc.Tokens[k].Kind == text.Word {
					t.Fatalf("word token %d after the last word of the window", k)
				}
			}
		}
	}
	defer func() { phraseCheckWindow = nil }()
	for range 300 {
		txt := randomProse(rng, vocab[:4+rng.IntN(len(vocab)-4)], 1+rng.IntN(6))
		for _, always := range []bool{false, true} {
			phraseAlwaysSearch = always
			ruleFindings(t, RepeatedPhrase, txt, map[string]string{"min-words": "2"})
		}
	}
	phraseAlwaysSearch = false
	if checked < 1000 {
		t.Errorf("only %d windows checked", checked)
	}
}

// TestPhraseRunBefore checks phraseRunBefore against a search of every
// earlier run, on random windows of few distinct words: they agree
// wherever the earlier runs lie within phraseMaxScan words, and beyond,
// phraseRunBefore reports no less.
func TestPhraseRunBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(75, 76))
	for round := range 3000 {
		n := 2 + rng.IntN(300)
		hash := fewWordHashes(rng, n, 12)
		for _, g := range []int{2, 3} {
			for j := 0; j+g <= n; j++ {
				want := false
				for i := 0; i+g <= j && !want; i++ {
					want = slices.Equal(hash[i:i+g], hash[j:j+g])
				}
				got := phraseRunBefore(hash, j, g)
				if got != want && (j-g < phraseMaxScan || !got) {
					t.Fatalf("round %d, g %d, j %d: got %v, want %v", round, g, j, got, want)
				}
			}
		}
	}
}

// fewWordHashes returns the hashes of n random words out of 1 to most
// distinct ones: windows with many repeats.
func fewWordHashes(rng *rand.Rand, n, most int) []uint64 {
	hash := make([]uint64, n)
	words := 1 + rng.IntN(most)
	for k := range hash {
		hash[k] = uint64(rng.IntN(words)) * 0x9E3779B97F4A7C15
	}
	return hash
}

// TestPhraseWindowTwice checks that mayRepeat sets twice for every window
// whose current sentence has two adjacent equal hashes
// (phraseAdjacentEqual), and only for windows with two adjacent equal
// hashes from the last word of the previous sentence on.
func TestPhraseWindowTwice(t *testing.T) {
	rng := rand.New(rand.NewPCG(77, 78))
	for round := range 5000 {
		n := 1 + rng.IntN(12)
		hash := fewWordHashes(rng, n, 1+rng.IntN(8))
		split := rng.IntN(n)
		for _, g := range []int{2, 3} {
			w := &phraseWindow{g: g, base: 1, hash: slices.Clone(hash), split: split}
			w.mayRepeat()
			want := phraseAdjacentEqual(hash[split:])
			if w.twice != want && (!w.twice || !phraseAdjacentEqual(hash[max(split-1, 0):])) {
				t.Fatalf("round %d, g %d: %x split %d: twice %v, want %v", round, g, hash, split, w.twice, want)
			}
		}
	}
}
