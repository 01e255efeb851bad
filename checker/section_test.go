package checker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

// setSections lowers the size at which files are checked in sections for
// the test.
func setSections(t *testing.T, threshold, size int) {
	t.Helper()
	oldT, oldS := checker.SectionThreshold, checker.SectionSize
	checker.SectionThreshold, checker.SectionSize = threshold, size
	t.Cleanup(func() { checker.SectionThreshold, checker.SectionSize = oldT, oldS })
}

// sectionText returns about 200 KB of prose with a doubled word and a
// spaced hyphen every few paragraphs, as plain text or Markdown (with code
// fences, comments and an mtlint-disable region over several sections).
func sectionText(t *testing.T, md bool) string {
	t.Helper()
	var b strings.Builder
	for _, name := range []string{"go-packages.txt", "devils-dictionary.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "prose", name))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	paras := strings.Split(b.String(), "\n\n")
	b.Reset()
	for i, p := range paras {
		switch {
		case i%7 == 3:
			b.WriteString("The the report was long -term work.\n\n")
		case md && i == 40:
			b.WriteString("<!-- mtlint-disable repeated-word -->\n\n")
		case md && i == 900:
			b.WriteString("<!-- mtlint-enable repeated-word -->\n\n")
		case md && i%50 == 10:
			b.WriteString("```\nthe the code\n\nand and more -code\n```\n\n")
		case md && i%50 == 20:
			b.WriteString("<!-- a comment\n\nthe the comment\n-->\n\n")
		}
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

func checkText(t *testing.T, rs []*checker.Rule, path, s string, sections checker.Sectioner, jobs int) *checker.Result {
	t.Helper()
	run := &checker.Run{Rules: rs, Parse: input.Parse, Sections: sections, Jobs: jobs}
	res, err := run.Check(context.Background(), []checker.Input{{Path: path, Read: func() ([]byte, error) { return []byte(s), nil }}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 || res.Files != 1 {
		t.Fatalf("errors %v, %d files", res.Errors, res.Files)
	}
	return res
}

// TestSectionsMatchWhole: a file checked in sections gets the findings
// of the rules that look at a sentence or a paragraph at a time, at the same
// places, as when it is checked whole, and the same word count, whatever
// the number of jobs.
func TestSectionsMatchWhole(t *testing.T) {
	var local []*checker.Rule
	for _, r := range rules.All {
		// These compare a document with itself: within a section only.
		if r != rules.InconsistentSpelling && r != rules.RepeatedPhrase {
			local = append(local, r)
		}
	}
	setSections(t, 32<<10, 8<<10)
	for _, name := range []string{"big.txt", "big.md"} {
		t.Run(name, func(t *testing.T) {
			s := sectionText(t, strings.HasSuffix(name, ".md"))
			if n := len(input.Cuts([]byte(s), checker.SectionSize, strings.HasSuffix(name, ".md"))); n < 10 {
				t.Fatalf("only %d cuts", n)
			}
			whole := checkText(t, local, name, s, nil, 1)
			n := 0
			for _, f := range whole.Findings {
				if f.Rule == "repeated-word" {
					n++
				}
			}
			if n < 50 {
				t.Fatalf("only %d doubled words found", n)
			}
			for _, jobs := range []int{1, 2} {
				cut := checkText(t, local, name, s, input.Sections, jobs)
				if cut.Words != whole.Words {
					t.Errorf("jobs %d: %d words in sections, %d whole", jobs, cut.Words, whole.Words)
				}
				if !reflect.DeepEqual(cut.Findings, whole.Findings) {
					t.Errorf("jobs %d: findings differ:\n%s", jobs, findingsDiff(whole.Findings, cut.Findings))
				}
			}
		})
	}
}

func findingsDiff(a, b []checker.Finding) string {
	key := func(f checker.Finding) string {
		return fmt.Sprintf("%s %d:%d-%d:%d @%d %s %q", f.Rule, f.Pos.Line, f.Pos.Column, f.End.Line, f.End.Column, f.Span.Start, f.Message, f.Text)
	}
	seen := map[string]int{}
	for _, f := range a {
		seen[key(f)]++
	}
	var out []string
	for _, f := range b {
		if seen[key(f)] > 0 {
			seen[key(f)]--
			continue
		}
		out = append(out, "+ "+key(f))
	}
	for k, n := range seen {
		for ; n > 0; n-- {
			out = append(out, "- "+k)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "...")
	}
	return strings.Join(out, "\n")
}

// TestSectionPositions: every finding of every rule, run-level ones
// included, made on a file checked in sections points into the file: its
// text is the file's at its span, its line and column are the file's.
// Also for a file of one long line, cut inside it.
func TestSectionPositions(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	long := strings.ReplaceAll(sectionText(t, false), "\n", " ")
	for _, tc := range []struct{ name, text string }{
		{"big.txt", sectionText(t, false)},
		{"big.md", sectionText(t, true)},
		{"long.txt", long},
		{"bom.txt", "\uFEFF" + long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := checkText(t, rules.All, tc.name, tc.text, input.Sections, 2)
			doc, err := input.Parse(tc.name, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			at := func(what string, file string, s checker.Span, pos, end checker.Position) {
				t.Helper()
				if file != tc.name && file != "" {
					t.Errorf("%s: file %q", what, file)
				}
				if s.Start < 0 || s.End > len(tc.text) || s.Start > s.End {
					t.Errorf("%s: span %v out of the text", what, s)
					return
				}
				if pos != doc.Position(s.Start) || end != doc.Position(s.End) {
					t.Errorf("%s: at %v-%v, want %v-%v", what, pos, end, doc.Position(s.Start), doc.Position(s.End))
				}
			}
			spelling := 0
			for _, f := range res.Findings {
				what := f.Rule + " " + f.Message
				at(what, f.File, f.Span, f.Pos, f.End)
				if f.Span.End <= len(tc.text) && f.Span.Start <= f.Span.End && tc.text[f.Span.Start:f.Span.End] != f.Text {
					t.Errorf("%s: text %q, the file has %q", what, f.Text, tc.text[f.Span.Start:f.Span.End])
				}
				for _, r := range f.Related {
					at(what+" (related)", r.File, r.Span, r.Pos, r.End)
				}
				for _, v := range f.Variants {
					at(what+" (variant)", v.First.File, v.First.Span, v.First.Pos, v.First.End)
				}
				if f.Rule == "inconsistent-spelling" {
					spelling++
				}
			}
			if spelling == 0 && tc.name != "long.txt" && tc.name != "bom.txt" {
				t.Error("no run-level finding to check")
			}
		})
	}
}
