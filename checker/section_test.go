package checker_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

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

// TestSectionsMatchWhole: a file checked in sections gets the same
// findings, at the same places, as when it is checked whole, and the same
// word count, whatever the number of jobs. (inconsistent-spelling merges
// the sections' spellings; see TestSpellingSectionsMerged.)
func TestSectionsMatchWhole(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	for _, name := range []string{"big.txt", "big.md"} {
		t.Run(name, func(t *testing.T) {
			s := sectionText(t, strings.HasSuffix(name, ".md"))
			if n := len(input.Cuts([]byte(s), checker.SectionSize, strings.HasSuffix(name, ".md"))); n < 10 {
				t.Fatalf("only %d cuts", n)
			}
			whole := checkText(t, rules.All, name, s, nil, 1)
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
				cut := checkText(t, rules.All, name, s, input.Sections, jobs)
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

// markCounter is a run-level rule for the tests: its summary of a document
// counts the word MARK and keeps where each is; Finish reports every MARK,
// pointing to the first of its file. With merge set, the summaries of a
// file's sections are merged.
type markSummary struct {
	n    int
	locs []checker.Location
}

func markCounter(merge bool, sums *[][]any, merges *atomic.Int64) *checker.Rule {
	r := &checker.Rule{
		ID: "mark-counter", Severity: checker.Info,
		Collect: func(p *checker.Pass) (any, error) {
			s := &markSummary{}
			for i := 0; ; {
				k := strings.Index(p.Doc.Text[i:], "MARK")
				if k < 0 {
					break
				}
				i += k
				s.n++
				s.locs = append(s.locs, p.Locate(checker.Span{Start: i, End: i + 4}))
				i += 4
			}
			return s, nil
		},
		Finish: func(p *checker.RunPass, all []any) error {
			*sums = append(*sums, all)
			for _, a := range all {
				s := a.(*markSummary)
				for i, l := range s.locs {
					f := checker.Finding{File: l.File, Span: l.Span, Pos: l.Pos, End: l.End, Text: "MARK",
						Message: fmt.Sprintf("mark %d of %d", i+1, s.n)}
					if i > 0 {
						first := s.locs[0]
						f.Related = []checker.Related{{File: first.File, Span: first.Span, Pos: first.Pos, End: first.End}}
					}
					p.Report(f)
				}
			}
			return nil
		},
	}
	if merge {
		r.Merge = func(a, b any) any {
			merges.Add(1) // files are merged concurrently
			x, y := a.(*markSummary), b.(*markSummary)
			x.n += y.n
			x.locs = append(x.locs, y.locs...)
			return x
		}
	}
	return r
}

// markText returns about 100 KB of paragraphs, every seventh holding MARK.
func markText() string {
	var b strings.Builder
	for i := 0; b.Len() < 100<<10; i++ {
		if i%7 == 3 {
			fmt.Fprintf(&b, "Paragraph %d holds a MARK, é and more.\n\n", i)
			continue
		}
		fmt.Fprintf(&b, "Paragraph %d is plain prose, and nothing in it is marked.\r\n\r\n", i)
	}
	return b.String()
}

// TestMergeSections: a run-level rule with Merge sees one summary per file,
// the merge of its sections' in order, and its findings, on places from
// any section, are placed in the file; without Merge it sees one summary
// per section.
func TestMergeSections(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	text := markText()
	small := "A small MARK file.\n"
	cuts := input.Cuts([]byte(text), checker.SectionSize, false)
	if len(cuts) < 8 {
		t.Fatalf("only %d cuts", len(cuts))
	}
	doc, err := input.Parse("big.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	marks := strings.Count(text, "MARK")
	for _, merge := range []bool{true, false} {
		for _, open := range []bool{true, false} {
			var sums [][]any
			var merges atomic.Int64
			rule := markCounter(merge, &sums, &merges)
			inputs := []checker.Input{textInput("big.txt", text, open), textInput("small.txt", small, open)}
			run := &checker.Run{Rules: []*checker.Rule{rule}, Parse: input.Parse, Sections: input.Sections, Jobs: 2}
			res, err := run.Check(context.Background(), inputs)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("merge %v, open %v", merge, open)
			if len(sums) != 1 {
				t.Fatalf("%s: Finish called %d times", name, len(sums))
			}
			want := 2 // a summary per file
			if !merge {
				want = len(cuts) + 2 // a summary per section
			}
			if got := len(sums[0]); got != want {
				t.Errorf("%s: Finish got %d summaries, want %d", name, got, want)
			}
			if merge && int(merges.Load()) != len(cuts) {
				t.Errorf("%s: %d merges, want %d", name, merges.Load(), len(cuts))
			}
			if merge && sums[0][0].(*markSummary).n != marks {
				t.Errorf("%s: merged count %d, want %d", name, sums[0][0].(*markSummary).n, marks)
			}
			if len(res.Findings) != marks+1 {
				t.Fatalf("%s: %d findings, want %d", name, len(res.Findings), marks+1)
			}
			if merge {
				// As if the files were checked whole.
				var wsums [][]any
				whole := &checker.Run{Rules: []*checker.Rule{markCounter(true, &wsums, new(atomic.Int64))}, Parse: input.Parse, Jobs: 2}
				wres, err := whole.Check(context.Background(), inputs)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(wres.Findings, res.Findings) {
					t.Errorf("%s: findings differ from the whole file's:\n%s", name, findingsDiff(wres.Findings, res.Findings))
				}
			}
			var firstSpan checker.Span
			for i, f := range res.Findings {
				if f.File == "small.txt" {
					continue
				}
				if f.File != "big.txt" || text[f.Span.Start:f.Span.End] != "MARK" {
					t.Fatalf("%s: finding %d at %s %v: %q", name, i, f.File, f.Span, text[f.Span.Start:f.Span.End])
				}
				if f.Pos != doc.Position(f.Span.Start) || f.End != doc.Position(f.Span.End) {
					t.Errorf("%s: finding at %v-%v, want %v-%v", name, f.Pos, f.End, doc.Position(f.Span.Start), doc.Position(f.Span.End))
				}
				if i == 0 {
					firstSpan = f.Span
				}
				if merge && i > 0 {
					r := f.Related
					if len(r) != 1 || r[0].File != "big.txt" || r[0].Span != firstSpan || r[0].Pos != doc.Position(firstSpan.Start) {
						t.Errorf("%s: related %+v, want the first MARK at %v", name, r, firstSpan)
					}
				}
			}
		}
	}
}

// textInput is an Input of text: read whole, or opened as a reader (that
// gives a few bytes at a time) of known size.
func textInput(path, text string, open bool) checker.Input {
	if !open {
		return checker.Input{Path: path, Read: func() ([]byte, error) { return []byte(text), nil }}
	}
	return checker.Input{Path: path, Open: func() (io.ReadCloser, int64, error) {
		return io.NopCloser(iotest.HalfReader(strings.NewReader(text))), int64(len(text)), nil
	}}
}

// TestOpenMatchesRead: a file read a window at a time through Open gets
// the findings it gets when read whole, for every rule, in plain text and
// Markdown, with a byte-order mark, with CRLF line breaks, with invalid
// UTF-8, and when it is one long line; a binary file is skipped.
func TestOpenMatchesRead(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	plain := sectionText(t, false)
	for _, tc := range []struct{ name, text string }{
		{"big.txt", plain},
		{"big.md", sectionText(t, true)},
		{"bom.md", "\uFEFF---\ntitle: x\n---\n\n" + sectionText(t, true)},
		{"crlf.txt", "\uFEFF" + strings.ReplaceAll(plain, "\n", "\r\n")},
		{"bad.txt", strings.ReplaceAll(plain, "e the", "e \xff\xfe the")},
		{"long.txt", strings.ReplaceAll(plain, "\n", " ")},
		{"small.txt", plain[:20<<10]},
		{"binary.txt", "abc\x00" + plain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := &checker.Run{Rules: rules.All, Parse: input.Parse, Sections: input.Sections, Jobs: 2}
			read, err := run.Check(context.Background(), []checker.Input{textInput(tc.name, tc.text, false)})
			if err != nil {
				t.Fatal(err)
			}
			opened, err := run.Check(context.Background(), []checker.Input{textInput(tc.name, tc.text, true)})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(read, opened) {
				t.Errorf("results differ: %d words, %d files, skipped %v, errors %v; opened: %d words, %d files, skipped %v, errors %v\n%s",
					read.Words, read.Files, read.Skipped, read.Errors, opened.Words, opened.Files, opened.Skipped, opened.Errors,
					findingsDiff(read.Findings, opened.Findings))
			}
			if tc.name != "binary.txt" && len(read.Findings) == 0 {
				t.Error("no findings to compare")
			}
		})
	}
}

// failingReader gives n bytes of r, then fails.
type failingReader struct {
	r io.Reader
	n int
}

var errDisk = errors.New("input/output error")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errDisk
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	k, err := f.r.Read(p)
	f.n -= k
	return k, err
}

// TestOpenFailsMidway: a file whose read fails after some of its sections
// were checked is an error naming it, with none of its findings reported;
// the other files are checked. A file that fails in its first window, or
// one read whole, is an error too.
func TestOpenFailsMidway(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	text := markText()
	var sums [][]any
	var merges atomic.Int64
	for _, failAt := range []int{60 << 10, 10 << 10, 0} {
		for _, size := range []int{len(text), 1 << 10} {
			failing := checker.Input{Path: "bad.txt", Open: func() (io.ReadCloser, int64, error) {
				return io.NopCloser(&failingReader{strings.NewReader(text), failAt}), int64(size), nil
			}}
			run := &checker.Run{Rules: append([]*checker.Rule{markCounter(true, &sums, &merges)}, rules.All...), Parse: input.Parse, Sections: input.Sections, Jobs: 2}
			res, err := run.Check(context.Background(), []checker.Input{textInput("a.txt", text, true), failing, textInput("c.txt", text, false)})
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("fail at %d, size %d", failAt, size)
			if len(res.Errors) != 1 || !errors.Is(res.Errors[0], errDisk) || !strings.Contains(res.Errors[0].Error(), "bad.txt") {
				t.Errorf("%s: errors %v, want one naming bad.txt", name, res.Errors)
			}
			if res.Files != 2 {
				t.Errorf("%s: %d files checked, want 2", name, res.Files)
			}
			n := map[string]int{}
			for _, f := range res.Findings {
				n[f.File]++
			}
			if n["bad.txt"] != 0 || n["a.txt"] == 0 || n["a.txt"] != n["c.txt"] {
				t.Errorf("%s: findings by file %v", name, n)
			}
		}
	}
}

// TestSpellingSectionsMerged: inconsistent-spelling merges the summaries
// of a file's sections (Rule.Merge), so a name spelled one way in the
// first sections and another way in the last is reported as when the file
// is checked whole, at the same places, with the same variants and counts,
// and no more than the first hundred occurrences of a spelling in the file
// (not a hundred a section).
func TestSpellingSectionsMerged(t *testing.T) {
	setSections(t, 32<<10, 8<<10)
	var b strings.Builder
	for i := 0; b.Len() < 200<<10; i++ {
		switch {
		case i%8 == 5:
			b.WriteString("President Nayib Bukele spoke in San Salvador about the U.S. visit.\n\n")
		case i%8 == 1 && i > 1500:
			b.WriteString("Later, President Bakle said the US had agreed.\n\n")
		}
		fmt.Fprintf(&b, "Paragraph %d says nothing of note, in plain words.\n\n", i)
	}
	s := b.String()
	if n := len(input.Cuts([]byte(s), checker.SectionSize, false)); n < 10 {
		t.Fatalf("only %d cuts", n)
	}
	rs := []*checker.Rule{rules.InconsistentSpelling}
	const maxKept = 100 // occurrences of a spelling the rule reports per file
	whole := checkText(t, rs, "big.txt", s, nil, 1)
	if len(whole.Findings) < maxKept {
		t.Fatalf("whole: %d findings, want at least %d", len(whole.Findings), maxKept)
	}
	for _, jobs := range []int{1, 2} {
		cut := checkText(t, rs, "big.txt", s, input.Sections, jobs)
		if !reflect.DeepEqual(cut.Findings, whole.Findings) {
			d := findingsDiff(whole.Findings, cut.Findings)
			t.Errorf("jobs %d: %d findings in sections, %d whole:\n%.2000s", jobs, len(cut.Findings), len(whole.Findings), d)
		}
	}
}
