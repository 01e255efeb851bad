package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The fixture's texts. Every finding's span, text and positions are taken
// from them, so the goldens show what a real run would print.
const (
	storyText = "Nayib Bukele spoke on Monday. Later Naibbuckley said the\n" +
		"the agency France -Presse had the photos.\n"
	notesText = "# Résumé\n\nBuckley met Bakle in café Zürich, then Buckley left.\n" +
		"Declaration of emergency situation.\n" +
		"He said 50% of: yes, \"no\" and 東京 were kept.\n"
	untouchedText = "Clean text.\n"
)

var testRules = []*checker.Rule{
	{ID: "spaced-hyphen", Family: "sentences", Severity: checker.Warning, Default: true, Doc: checker.Doc{
		Title: "space before a joining hyphen",
		Text:  "A hyphen with a space on one side only is a word joined wrongly.",
		Bad:   "an anti -gang law", Good: "an anti-gang law"}},
	{ID: "garbled-name", Family: "names", Severity: checker.Error, Default: true, Doc: checker.Doc{
		Title: "a name close to a glossary term but garbled",
		Text:  "Machine translation often garbles names: dropped letters, merged words.",
		Bad:   "Naibbuckley said", Good: "Nayib Bukele said"}},
	{ID: "repeated-word", Family: "sentences", Severity: checker.Warning, Default: true, Doc: checker.Doc{
		Title: "a word written twice in a row",
		Text:  "A doubled word is usually a slip.",
		Bad:   "the the photos", Good: "the photos"}},
	{ID: "inconsistent-spelling", Family: "consistency", Severity: checker.Warning, Default: true, Doc: checker.Doc{
		Title: "one name spelled several ways",
		Text:  "A name written in several ways confuses readers; a ```fence``` too.",
		Bad:   "Buckley met Bakle", Good: "Bukele met Bukele"}},
	{ID: "sentence-fragment", Family: "sentences", Severity: checker.Info, Default: false, Doc: checker.Doc{
		Title: "a sentence without a finite verb",
		Text:  "A sentence with no verb is often a heading pasted into prose.",
		Bad:   "Declaration of emergency situation.", Good: "An emergency was declared."}},
	{ID: "untranslated-text", Family: "sentences", Severity: checker.Warning, Default: true, Doc: checker.Doc{
		Title: "text left in another script",
		Text:  "Runs of another script were not translated.",
		Bad:   "東京 were kept", Good: "Tokyo was kept"}},
}

// finder builds findings on one document, taking spans from the text.
type finder struct {
	t   *testing.T
	doc *checker.Document
	out *[]checker.Finding
}

func (f finder) span(s string, nth int) checker.Span {
	f.t.Helper()
	off := 0
	for i := 0; ; i++ {
		k := strings.Index(f.doc.Text[off:], s)
		if k < 0 {
			f.t.Fatalf("%q (#%d) not in %s", s, nth, f.doc.Path)
		}
		if i == nth {
			return checker.Span{Start: off + k, End: off + k + len(s)}
		}
		off += k + len(s)
	}
}

func (f finder) loc(s string, nth int) checker.Location {
	sp := f.span(s, nth)
	return checker.Location{File: f.doc.Path, Span: sp, Pos: f.doc.Position(sp.Start), End: f.doc.Position(sp.End)}
}

func (f finder) add(fd checker.Finding, s string, nth int) {
	sp := f.span(s, nth)
	fd.File = f.doc.Path
	fd.Span = sp
	fd.Text = f.doc.Text[sp.Start:sp.End]
	fd.Pos = f.doc.Position(sp.Start)
	fd.End = f.doc.Position(sp.End)
	for i := range fd.Related {
		if r := &fd.Related[i]; r.File == "" {
			r.Pos = f.doc.Position(r.Span.Start)
			r.End = f.doc.Position(r.Span.End)
		}
	}
	*f.out = append(*f.out, fd)
}

// fixture returns a result over three files: every severity, Unicode text,
// a variant list, safe fixes (a replacement and a deletion), related spans,
// and text that needs escaping in every format.
func fixture(t *testing.T) *checker.Result {
	var fs []checker.Finding
	story := finder{t, checker.NewDocument("story.txt", storyText, storyText, nil, nil), &fs}
	notes := finder{t, checker.NewDocument(filepath.Join("docs", "notes, draft.md"), notesText, notesText, nil, nil), &fs}

	story.add(checker.Finding{Rule: "garbled-name", Severity: checker.Error,
		Message:    `looks like a garbled "Nayib Bukele" (glossary)`,
		Suggestion: "Nayib Bukele", Confidence: 0.86}, "Naibbuckley", 0)
	story.add(checker.Finding{Rule: "repeated-word", Severity: checker.Warning,
		Message: `"the" is repeated`, Suggestion: "", Safe: true,
		Related: []checker.Related{{Span: story.span("the", 1), Message: "first written here"}}}, "the\nthe", 0)
	// The deletion above replaces "the\nthe" by "": make it a real fix.
	fs[len(fs)-1].Suggestion = "the"
	story.add(checker.Finding{Rule: "spaced-hyphen", Severity: checker.Warning,
		Message: `space before the hyphen in "France -Presse"`, Suggestion: "France-Presse", Safe: true}, "France -Presse", 0)

	elsewhere := story.loc("Naibbuckley", 0)
	notes.add(checker.Finding{Rule: "inconsistent-spelling", Severity: checker.Warning,
		Message:    `"Bakle" is also written "Buckley" in this document`,
		Suggestion: "Buckley",
		Variants: []checker.Variant{
			{Text: "Buckley", Count: 2, First: notes.loc("Buckley", 0)},
			{Text: "Bakle", Count: 1, First: notes.loc("Bakle", 0)},
		},
		Related: []checker.Related{{File: "story.txt", Span: elsewhere.Span, Pos: elsewhere.Pos, End: elsewhere.End, Message: "also near here"}},
	}, "Bakle", 0)
	notes.add(checker.Finding{Rule: "sentence-fragment", Severity: checker.Info,
		Message: "sentence has no finite verb:\nit may be a heading"}, "Declaration of emergency situation.", 0)
	notes.add(checker.Finding{Rule: "untranslated-text", Severity: checker.Warning,
		Message: "text in another script: \"東京\" (50%, kept: yes)"}, "東京", 0)

	slices.SortStableFunc(fs, func(a, b checker.Finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Span.Start - b.Span.Start
	})
	res := &checker.Result{Files: 3, Words: 60, Findings: fs, Rules: testRules}
	for _, f := range fs {
		res.Summary[f.Severity]++
	}
	return res
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func render(t *testing.T, format string, res *checker.Result, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, res, opt); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	opt := Options{Version: "1.2.3"}
	for _, format := range Names() {
		t.Run(format, func(t *testing.T) {
			golden(t, "findings."+format, render(t, format, fixture(t), opt))
			golden(t, "empty."+format, render(t, format, &checker.Result{Files: 2, Rules: testRules[:1]}, opt))
		})
	}
	t.Run("table-color", func(t *testing.T) {
		golden(t, "findings.table-color", render(t, "table", fixture(t), Options{Color: true}))
	})
}
