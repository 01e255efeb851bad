package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/input"
)

// proseDir holds clean, professionally written English (see its README).
// The sentence rules must stay quiet on it.
const proseDir = "../testdata/prose"

// proseRate is the most sentence-family warnings allowed per word of clean
// prose: one per 2,000 words (DESIGN §8).
const proseRate = 1.0 / 2000

// proseAccepted explains the findings that remain on the clean corpus, by
// file base name and finding text. Each stands because the rule is right
// about the text, or because telling it apart would cost more recall than
// it is worth. A finding not listed is printed for review.
var proseAccepted = map[string]string{
	"devils-dictionary.txt: A monk of St. Benedict croaking a text.": "a literary fragment: true to the rule's definition, rare outside fiction",
	"devils-dictionary.txt: Destitute of fortune.":                   "a dictionary definition written as a fragment",
	"devils-dictionary.txt: an\nan ":                                 "a real slip in the source edition (\"an an uncommon\")",
	"devils-dictionary.txt: We":                                      "\"said to be We\": a pronoun used as a noun, indistinguishable from a splice",
	"go-packages.txt: zero or more spaces":                           "a parallel clause with no comma or conjunction between the two",
	"go-packages.txt: read\nread ":                                   "\"if the read read zero bytes\": noun then verb, grammatical",
	"go-packages.txt: time.Now":                                      "a Go identifier in plain text that reads like \"time. Now\"",
	"go-packages.txt: Escaping":                                      "the name of a phase written capitalised mid-sentence",
	"go-packages.txt: \" items are made of \"":                       "spaces inside a quoted string literal look like MT's spaced quotes",
	"python-howto.txt: PyObject .":                                   "a code span removed from the corpus left a space before the period",
	"python-howto.txt: converter\nconverter ":                        "\"the ssize_t_converter converter\": an identifier and a noun",
	"python-howto.txt: the the":                                      "a real slip in the Python documentation",
	"python-tutorial.txt: and and":                                   "\"the Boolean operators and and or\": the words are named, not used",
}

func sentenceRules() []*checker.Rule {
	var out []*checker.Rule
	for _, r := range All {
		if r.Family == "sentences" {
			out = append(out, r)
		}
	}
	return out
}

// parseInputs parses the inputs, by path.
func parseInputs(tb testing.TB, inputs []checker.Input) map[string]*checker.Document {
	docs := map[string]*checker.Document{}
	for i, doc := range parseEach(tb, inputs) {
		docs[inputs[i].Path] = doc
	}
	return docs
}

// parseEach reads and parses the inputs, in order.
func parseEach(tb testing.TB, inputs []checker.Input) []*checker.Document {
	tb.Helper()
	docs := make([]*checker.Document, 0, len(inputs))
	for _, in := range inputs {
		data, err := in.Read()
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := input.Parse(in.Path, data)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

func proseInputs(tb testing.TB) ([]checker.Input, int64) {
	files, _ := filepath.Glob(filepath.Join(proseDir, "*.txt"))
	md, _ := filepath.Glob(filepath.Join(proseDir, "*.md"))
	files = append(files, md...)
	if len(files) == 0 {
		tb.Skipf("no clean prose in %s", proseDir)
	}
	var inputs []checker.Input
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		size += int64(len(data))
		inputs = append(inputs, checker.Input{Path: f, Read: func() ([]byte, error) { return data, nil }})
	}
	return inputs, size
}

// TestProseFalseAlarms runs every sentence rule over the clean prose corpus
// and fails when they report more than proseRate warnings per word.
func TestProseFalseAlarms(t *testing.T) {
	inputs, _ := proseInputs(t)
	run := &checker.Run{Rules: sentenceRules(), Parse: input.Parse, Jobs: 1}
	res, err := run.Check(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	for _, f := range res.Findings {
		why, ok := proseAccepted[filepath.Base(f.File)+": "+f.Text]
		if !ok {
			why = "not reviewed"
		}
		t.Logf("%s:%d:%d: %s: %s (%q): %s", f.File, f.Pos.Line, f.Pos.Column, f.Rule, f.Message, f.Text, why)
	}
	max := int(float64(res.Words) * proseRate)
	t.Logf("%d findings on %d words (allowed %d)", len(res.Findings), res.Words, max)
	if res.Words < 10000 {
		t.Errorf("clean prose corpus has only %d words", res.Words)
	}
	if len(res.Findings) > max {
		t.Errorf("%d sentence-family findings on %d words of clean prose: more than 1 per 2,000 words (%d)", len(res.Findings), res.Words, max)
	}
}

// BenchmarkSentenceRules measures all sentence rules together on the clean
// prose corpus, on one core. The documents are parsed for each round,
// outside the timing: reading and segmenting have benchmarks of their own.
func BenchmarkSentenceRules(b *testing.B) {
	inputs, size := proseInputs(b)
	benchRules(b, sentenceRules(), nil, inputs, func() map[string]*checker.Document { return parseInputs(b, inputs) }, size)
}

// TestSeedSentences runs the sentence rules over the seed article (no
// glossary) and checks the broken sentences an editor must find there are
// reported on their lines; other findings are logged for review.
func TestSeedSentences(t *testing.T) {
	const path = "../testdata/seed/article.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	run := &checker.Run{Rules: sentenceRules(), Parse: input.Parse, Jobs: 1}
	res, err := run.Check(context.Background(), []checker.Input{{Path: path, Read: func() ([]byte, error) { return data, nil }}})
	if err != nil {
		t.Fatal(err)
	}
	// The "must" rows of the seed's expected findings for the sentence family.
	must := []struct {
		line int
		text string // a part of the span the finding must overlap
	}{
		{5, "Exporting"}, {5, "non -Salvador"}, {12, "France -Presse"}, {18, "anti -gang"},
		{22, "large -scale"}, {26, "US -Mexico"}, {26, "a large number of resources"},
		{26, "Declaration of emergency situation."}, {31, "Now"}, {31, "In order"},
		{31, "cross -border"}, {31, "long -term"}, {35, "The power"}, {35, "They are"},
		{37, "third -country"},
	}
	found := make([]bool, len(res.Findings))
	for _, m := range must {
		ok := false
		for i, f := range res.Findings {
			if f.Pos.Line != m.line {
				continue
			}
			for _, at := range indexOnLine(string(data), m.line, m.text) {
				if f.Span.Start < at+len(m.text) && at < f.Span.End {
					ok, found[i] = true, true
				}
			}
		}
		if !ok {
			t.Errorf("%s:%d: no finding on %q", path, m.line, m.text)
		}
	}
	for i, f := range res.Findings {
		if !found[i] {
			t.Logf("other finding %d:%d %s %q: %s", f.Pos.Line, f.Pos.Column, f.Rule, f.Text, f.Message)
		}
	}
}

// indexOnLine returns the byte offsets of sub on line n (1-based) of s.
func indexOnLine(s string, n int, sub string) []int {
	off := 0
	for l := 1; l < n; l++ {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return nil
		}
		off += i + 1
	}
	end := strings.IndexByte(s[off:], '\n')
	if end < 0 {
		end = len(s) - off
	}
	var out []int
	for line, from := s[off:off+end], 0; ; {
		i := strings.Index(line[from:], sub)
		if i < 0 {
			return out
		}
		out = append(out, off+from+i)
		from += i + 1
	}
}

// FuzzSentenceRules runs the sentence rules over arbitrary text: they must
// not panic, and every finding must be a valid span of the text whose safe
// fix keeps the text valid UTF-8.
func FuzzSentenceRules(f *testing.F) {
	for _, s := range []string{
		"He said \" yes \" and left  early .The end.",
		"The (the) “quote” [x] 27\" wide, '\"' and 外交部，ok。",
		"a\n\n\"\n“\n)\n", "end.Next ? ! : ;", "Военные Now In order", "",
	} {
		f.Add(s)
	}
	rules := sentenceRules()
	f.Fuzz(func(t *testing.T, s string) {
		run := &checker.Run{Rules: rules, Parse: input.Parse, Jobs: 1}
		res, err := run.Check(context.Background(), []checker.Input{{Path: "f.txt", Read: func() ([]byte, error) { return []byte(s), nil }}})
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			if fd.Span.Start < 0 || fd.Span.End > len(s) || fd.Span.Start > fd.Span.End {
				t.Fatalf("%s: bad span %v in %d bytes", fd.Rule, fd.Span, len(s))
			}
		}
		if utf8.ValidString(s) {
			if fixed, _, _ := checker.ApplyFixes(s, res.Findings); !utf8.ValidString(fixed) {
				t.Fatalf("fixes broke UTF-8: %q", fixed)
			}
		}
	})
}

// TestSentenceDocExamples checks that each sentence rule reports its own
// Bad example and stays quiet on its Good one.
func TestSentenceDocExamples(t *testing.T) {
	for _, r := range sentenceRules() {
		t.Run(r.ID, func(t *testing.T) {
			if got := checkertest.Check(t, "bad.txt", r.Doc.Bad+"\n", r, nil); len(got) == 0 {
				t.Errorf("no finding on the Bad example %q", r.Doc.Bad)
			}
			for _, f := range checkertest.Check(t, "good.txt", r.Doc.Good+"\n", r, nil) {
				t.Errorf("finding on the Good example: %s (%q)", f.Message, f.Text)
			}
		})
	}
}
