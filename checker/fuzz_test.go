package checker_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

// The fuzz targets run every rule of the catalogue over arbitrary text, as
// plain text or Markdown, with a glossary the name rules can match against.
//
//	go test -run '^$' -fuzz '^FuzzApplyFixes$' -fuzztime 1m ./checker

var (
	fuzzGlossaryOnce sync.Once
	fuzzGlossary     *glossary.Glossary
)

// fuzzGlossaryLoad returns the rules' test glossaries merged with a few
// made-up entries, so that the glossary rules have something to match.
func fuzzGlossaryLoad() *glossary.Glossary {
	fuzzGlossaryOnce.Do(func() {
		entries := []glossary.Entry{
			{Term: "Amara Okonkwo", Kind: glossary.Person},
			{Term: "Villa de Leyva", Kind: glossary.Place},
			{Term: "Banco del Sol", Variants: []string{"Banko del Sol"}, Kind: glossary.Organization},
			{Term: "Jean-Luc Moreau", Kind: glossary.Person},
			{Term: "ÑANDÚ Labs", Kind: glossary.Organization},
		}
		paths, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "glossary.csv"))
		for _, p := range paths {
			if g, err := glossary.Load(p); err == nil {
				entries = append(entries, g.Entries...)
			}
		}
		fuzzGlossary = glossary.New(entries)
	})
	return fuzzGlossary
}

// fuzzTextSeeds adds the project's own test texts and a few hard cases.
func fuzzTextSeeds(f *testing.F) {
	var files []string
	for _, pat := range []string{
		filepath.Join("..", "rules", "testdata", "*", "*.txt"),
		filepath.Join("..", "rules", "testdata", "*", "*.md"),
		filepath.Join("input", "testdata", "*.txt"),
		filepath.Join("input", "testdata", "*.md"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 1<<14 {
			continue
		}
		f.Add(string(data), strings.HasSuffix(p, ".md"))
	}
	for _, s := range []string{
		"",
		"\uFEFF",
		"the the the the cat.",
		"Agence France -Presse said . The anti -gang law",
		"Amara  Okonkwo met Amara Okonkwu and amara okonkwo in Villa De Leyva.",
		"Banko del Sol , Banco Del Sol( Jean-luc Moreau )",
		"«Hola» dijo el presidente. \xff\xfe Bad bytes \xe2\x80 here.",
		"Line one\r\nLine two -three\r\n\r\n# Heading\r\n",
		"```\ncode the the\n```\n\n<!-- mtlint-disable -->the the<!-- mtlint-enable -->",
		"ÑANDÚ labs and Ñandú Labs and ñandú labs.",
		"a\u0301 e\u0301 the\u00a0the “quoted” ‘x’ (open [close} ",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
}

func fuzzPath(md bool) string {
	if md {
		return "fuzz.md"
	}
	return "fuzz.txt"
}

// checkAll runs every rule over one file and returns its findings. The
// engine must never fail.
func checkAll(t *testing.T, path, s string) []checker.Finding {
	t.Helper()
	run := &checker.Run{Rules: rules.All, Glossary: fuzzGlossaryLoad(), Parse: input.Parse, Jobs: 1}
	res, err := run.Check(context.Background(), []checker.Input{{Path: path, Read: func() ([]byte, error) { return []byte(s), nil }}})
	if err != nil {
		t.Fatalf("engine error: %v", err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("input errors: %v", res.Errors)
	}
	return res.Findings
}

// runeBounds reports, for each offset 0..len(s), whether it lies between
// two characters (an invalid byte counts as one character).
func runeBounds(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	b[len(s)] = true
	return b
}

func FuzzApplyFixes(f *testing.F) {
	fuzzTextSeeds(f)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		if len(s) > 1<<16 {
			return
		}
		path := fuzzPath(md)
		findings := checkAll(t, path, s)
		out, applied, _ := checker.ApplyFixes(s, findings)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("fixes made invalid UTF-8: %q -> %q", s, out)
		}
		// Outside the applied spans, the text is unchanged: walk both.
		last, o := 0, 0
		for _, a := range applied {
			if a.Span.Start < last || a.Span.End < a.Span.Start || a.Span.End > len(s) {
				t.Fatalf("applied fix %+v overlaps or lies outside the text", a.Span)
			}
			keep := s[last:a.Span.Start]
			if !strings.HasPrefix(out[o:], keep) {
				t.Fatalf("text before %v changed: %q -> %q", a.Span, s, out)
			}
			o += len(keep)
			if !strings.HasPrefix(out[o:], a.Suggestion) {
				t.Fatalf("fix %+v not applied as suggested", a)
			}
			o += len(a.Suggestion)
			last = a.Span.End
		}
		if out[o:] != s[last:] {
			t.Fatalf("text after the last fix changed: %q -> %q", s, out)
		}
		if len(applied) == 0 {
			return
		}
		// Fixing again changes nothing, unless fixes were skipped because
		// they overlapped or one fix uncovered another ("third third
		// KINGDOm" loses a word and becomes a listed wrong form); then
		// fixing again and again, as --fix does, settles quickly.
		again, applied2, _ := checker.ApplyFixes(out, checkAll(t, path, out))
		for round := 3; again != out; round++ {
			if round > 6 {
				t.Fatalf("fixes do not settle after %d rounds:\n%q\n-> %q\n-> %q\nlast round: %s", round, s, out, again, describeFixes(applied2))
			}
			out = again
			again, applied2, _ = checker.ApplyFixes(out, checkAll(t, path, out))
		}
	})
}

func describeFixes(fs []checker.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s %q -> %q", f.Rule, f.Text, f.Suggestion)
	}
	return b.String()
}

func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"",
		"language: en\nglossary: [names.csv, terms.tbx]\nfail-on: warning\n",
		"min-confidence: 0.8\ninclude: ['*.md']\nexclude: vendor\n",
		"enable: [untranslated-text]\ndisable:\n  - repeated-phrase\n",
		"rules:\n  repeated-phrase:\n    severity: info\n    min-words: 3\n  spacing: off\n  garbled-name: error\n",
		"rules:\n  nope: on\n",
		"rules:\n  spacing:\n    bogus: 1\n",
		"- a\n- b\n",
		"a: [\n",
		"rules: {repeated-phrase: {min-words: x}}",
		"\t\tkey: value",
		"&a [*a]",
		"? [a, b]\n: c\n",
		"%YAML 1.1\n---\nlanguage: en\n---\nlanguage: fr\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := checker.ParseConfig(filepath.Join("dir", ".mtlint.yml"), []byte(s), rules.All)
		if err != nil {
			var ce *checker.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *ConfigError", err)
			}
			if ce.Line < 1 && strings.TrimSpace(s) != "" {
				t.Fatalf("error without a line: %v\ninput: %q", err, s)
			}
			// YAML breaks lines at CR, LF and CR LF.
			lines := strings.Count(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n") + 1
			if ce.Line > lines+1 {
				t.Fatalf("error line %d past the end of a %d-line input: %v", ce.Line, lines, err)
			}
			return
		}
		if _, err := cfg.ActiveRules(rules.All); err != nil {
			_ = err.Error()
		}
	})
}

func FuzzDocument(f *testing.F) {
	fuzzTextSeeds(f)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		if len(s) > 1<<16 {
			return
		}
		path := fuzzPath(md)
		doc, err := input.Parse(path, []byte(s))
		if err != nil {
			var skip *checker.SkipError
			if !errors.As(err, &skip) {
				t.Fatalf("parse error: %v", err)
			}
			return
		}
		if doc.Text != s || len(doc.Masked) != len(s) {
			t.Fatalf("text or masked text changed length")
		}
		bounds := runeBounds(s)
		checkPositions(t, doc)

		prev := 0
		for i, b := range doc.Blocks {
			if b.Start < prev || b.End < b.Start || b.End > len(s) {
				t.Fatalf("block %d %v out of order or range", i, b.Span)
			}
			prev = b.End
		}
		tok := 0
		prev = 0
		for i, se := range doc.Sentences {
			if se.Block < 0 || se.Block >= len(doc.Blocks) {
				t.Fatalf("sentence %d: bad block %d", i, se.Block)
			}
			b := doc.Blocks[se.Block]
			if b.Kind == checker.Code {
				t.Fatalf("sentence %d in a code block", i)
			}
			if !b.Contains(se.Span) || se.Start < prev || se.End <= se.Start {
				t.Fatalf("sentence %d %v outside block %v or out of order", i, se.Span, b.Span)
			}
			if !bounds[se.Start] || !bounds[se.End] {
				t.Fatalf("sentence %d %v splits a character", i, se.Span)
			}
			prev = se.End
			if se.First != tok || se.Last <= se.First || se.Last > len(doc.Tokens) {
				t.Fatalf("sentence %d token range [%d,%d) after %d", i, se.First, se.Last, tok)
			}
			tp := se.Start
			for _, tk := range doc.SentenceTokens(se) {
				if tk.Start < tp || tk.End <= tk.Start || tk.End > se.End {
					t.Fatalf("token %v outside sentence %v or out of order", tk.Span, se.Span)
				}
				if !bounds[tk.Start] || !bounds[tk.End] {
					t.Fatalf("token %v splits a character", tk.Span)
				}
				tp = tk.End
			}
			tok = se.Last
		}
		if tok != len(doc.Tokens) {
			t.Fatalf("%d tokens belong to no sentence", len(doc.Tokens)-tok)
		}
		for _, c := range doc.Candidates() {
			if c.End <= c.Start || c.End > len(s) || !bounds[c.Start] || !bounds[c.End] || len(c.Words) == 0 {
				t.Fatalf("bad candidate %+v", c)
			}
			for _, w := range c.Words {
				if !c.Contains(w) {
					t.Fatalf("candidate word %v outside %v", w, c.Span)
				}
			}
		}

		// Every finding of every rule lies in the text, on character boundaries.
		for _, fd := range checkAll(t, path, s) {
			sp := fd.Span
			if sp.Start < 0 || sp.End < sp.Start || sp.End > len(s) || !bounds[sp.Start] || !bounds[sp.End] {
				t.Fatalf("%s: bad span %v in %d bytes", fd.Rule, sp, len(s))
			}
			if fd.Text != s[sp.Start:sp.End] || fd.Pos != doc.Position(sp.Start) || fd.End != doc.Position(sp.End) {
				t.Fatalf("%s: text or positions do not match span %v", fd.Rule, sp)
			}
			if fd.Message == "" {
				t.Fatalf("%s: empty message", fd.Rule)
			}
			for _, r := range fd.Related {
				if r.File != "" && r.File != path {
					continue
				}
				if r.Span.Start < 0 || r.Span.End < r.Span.Start || r.Span.End > len(s) || !bounds[r.Span.Start] || !bounds[r.Span.End] {
					t.Fatalf("%s: bad related span %v", fd.Rule, r.Span)
				}
			}
		}
	})
}

// checkPositions compares Position with a count of lines and characters.
func checkPositions(t *testing.T, d *checker.Document) {
	t.Helper()
	s := d.Text
	line, start := 1, 0
	if strings.HasPrefix(s, "\uFEFF") {
		start = 3
	}
	limit := min(len(s), 4096)
	bounds := runeBounds(s)
	for off := 0; off <= limit; off++ {
		if off > 0 && s[off-1] == '\n' {
			line, start = line+1, off
		}
		if !bounds[off] {
			continue // inside a character: no column of its own
		}
		p := d.Position(off)
		col := 1
		if off >= start {
			col = utf8.RuneCountInString(s[start:off]) + 1
		}
		if p.Offset != off || p.Line != line || p.Column != col {
			t.Fatalf("Position(%d) = %+v, want line %d column %d", off, p, line, col)
		}
	}
	if n := strings.Count(s, "\n") + 1; d.Lines() != n {
		t.Fatalf("Lines() = %d, want %d", d.Lines(), n)
	}
	for n := 1; n <= d.Lines() && n <= 256; n++ {
		ls := d.LineSpan(n)
		if ls.Start < 0 || ls.End < ls.Start || ls.End > len(s) || strings.Contains(s[ls.Start:ls.End], "\n") {
			t.Fatalf("LineSpan(%d) = %v", n, ls)
		}
	}
	if p := d.Position(len(s) + 5); p.Offset != len(s) {
		t.Fatalf("Position past the end = %+v", p)
	}
}
