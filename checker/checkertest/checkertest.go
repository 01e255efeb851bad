// Package checkertest runs rules over testdata files whose expectations are
// written inline, in the manner of golang.org/x/tools/go/analysis/analysistest.
//
// A line that should produce findings ends with a marker:
//
//	He said the the word.  // want `repeated word "the"`
//
// Each quoted (Go "..." or `...`) regular expression after "// want" must
// match the message of one finding on that line; findings with no matching
// expectation fail the test, and so do expectations with no finding. The
// marker is removed before the rule runs. A glossary.csv beside the cases is
// loaded for them. When <case>.golden exists, the text after applying every
// safe fix must equal it (go test -update rewrites it).
package checkertest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
)

var update = flag.Bool("update", false, "rewrite golden files")

// An Option sets a rule option for a test run.
type Option func(*checker.Config)

// Set sets the rule option name to value.
func Set(name, value string) Option {
	return func(c *checker.Config) {
		for id, rc := range c.Rules {
			if rc.Options == nil {
				rc.Options = map[string]string{}
			}
			rc.Options[name] = value
			c.Rules[id] = rc
		}
	}
}

var wantRE = regexp.MustCompile(`\s*// want((?:\s+(?:"(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `))+)\s*$`)
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|` + "`[^`]*`")

type want struct {
	line int
	re   *regexp.Regexp
	hit  bool
}

// Run checks rule against every .txt and .md file in dir.
func Run(t *testing.T, dir string, rule *checker.Rule, opts ...Option) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	md, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	files = append(files, md...)
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("no test cases in %s", dir)
	}
	var g *glossary.Glossary
	if _, err := os.Stat(filepath.Join(dir, "glossary.csv")); err == nil {
		var err error
		if g, err = glossary.Load(filepath.Join(dir, "glossary.csv")); err != nil {
			t.Fatal(err)
		}
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			runFile(t, file, rule, g, opts)
		})
	}
}

func runFile(t *testing.T, file string, rule *checker.Rule, g *glossary.Glossary, opts []Option) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	clean, wants, err := Strip(string(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	findings := Check(t, file, clean, rule, g, opts...)
	for _, f := range findings {
		matched := false
		for _, w := range wants {
			if !w.hit && w.line == f.Pos.Line && w.re.MatchString(f.Message) {
				w.hit, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding: %s (text %q)", file, f.Pos.Line, f.Pos.Column, f.Message, f.Text)
		}
	}
	for _, w := range wants {
		if !w.hit {
			t.Errorf("%s:%d: no finding matching %q", file, w.line, w.re)
		}
	}
	golden := strings.TrimSuffix(file, filepath.Ext(file)) + ".golden"
	fixed, _, _ := checker.ApplyFixes(clean, findings)
	if *update && fixed != clean {
		if err := os.WriteFile(golden, []byte(fixed), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want, err := os.ReadFile(golden); err == nil {
		if fixed != string(want) {
			t.Errorf("%s: text after fixes differs from %s:\n got: %q\nwant: %q", file, golden, fixed, want)
		}
	}
}

// Strip removes the "// want" markers from text and returns the clean text
// with the expectations.
func Strip(text string) (string, []*want, error) {
	var wants []*want
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		body := strings.TrimRight(l, "\r\n")
		nl := l[len(body):]
		m := wantRE.FindStringSubmatchIndex(body)
		if m == nil {
			continue
		}
		for _, q := range quotedRE.FindAllString(body[m[2]:m[3]], -1) {
			var pat string
			if q[0] == '`' {
				pat = q[1 : len(q)-1]
			} else {
				var err error
				if pat, err = strconv.Unquote(q); err != nil {
					return "", nil, fmt.Errorf("line %d: %v", i+1, err)
				}
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				return "", nil, fmt.Errorf("line %d: %v", i+1, err)
			}
			wants = append(wants, &want{line: i + 1, re: re})
		}
		lines[i] = body[:m[0]] + nl
	}
	return strings.Join(lines, ""), wants, nil
}

// Check runs rule on text as file and returns its findings.
func Check(t testing.TB, file, text string, rule *checker.Rule, g *glossary.Glossary, opts ...Option) []checker.Finding {
	t.Helper()
	cfg := &checker.Config{Rules: map[string]checker.RuleConfig{rule.ID: {}}}
	for _, o := range opts {
		o(cfg)
	}
	for name, v := range cfg.Rules[rule.ID].Options {
		opt, ok := rule.Option(name)
		if !ok {
			t.Fatalf("rule %s has no option %q", rule.ID, name)
		}
		if err := opt.Check(v); err != nil {
			t.Fatalf("option %s: %v", name, err)
		}
	}
	run := &checker.Run{Rules: []*checker.Rule{rule}, Config: cfg, Glossary: g, Parse: input.Parse, Jobs: 1}
	res, err := run.Check(context.Background(), []checker.Input{{Path: file, Read: func() ([]byte, error) { return []byte(text), nil }}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors[0])
	}
	return res.Findings
}
