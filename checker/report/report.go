// Package report writes the findings of a run in the formats mtlint offers:
// a table for people, and line, JSON, SARIF and GitHub workflow commands for
// hooks and CI. Formatters only write to the io.Writer they are given; they
// never read configuration or print.
package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mtlint/mtlint/checker"
)

// Options tunes the output of Write.
type Options struct {
	Color   bool            // ANSI colour (table only); the caller decides (TTY, NO_COLOR, --no-color)
	Version string          // mtlint version, for SARIF tool.driver.version
	Catalog []*checker.Rule // all rules, for SARIF tool.driver.rules (res.Rules if nil)
	Quiet   bool            // table only: no closing summary line
	// Jobs is how many goroutines may render the report at once (json
	// only); 0 or 1 for one.
	Jobs int
}

type formatter func(w io.Writer, res *checker.Result, opt Options) error

var formats = map[string]formatter{
	"github": writeGitHub,
	"json":   writeJSON,
	"line":   writeLine,
	"sarif":  writeSARIF,
	"table":  writeTable,
}

// Names returns the format names Write accepts, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Write writes res to w in the named format. An unknown format is an error,
// and so is a failed write.
func Write(w io.Writer, format string, res *checker.Result, opt Options) error {
	f, ok := formats[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Names(), ", "))
	}
	if res == nil {
		res = &checker.Result{}
	}
	bw := bufio.NewWriter(w)
	if err := f(bw, res, opt); err != nil {
		return err
	}
	return bw.Flush()
}

// displayPath returns a finding's file as shown to people and CI: forward
// slashes, as given otherwise.
func displayPath(p string) string {
	if p == "" {
		return "-"
	}
	return filepath.ToSlash(p)
}

// oneLine turns line breaks and tabs into spaces so that a message stays on
// one output line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// plural returns "1 finding" or "N findings".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// summaryLine is the closing line of the table format.
func summaryLine(res *checker.Result) string {
	n := len(res.Findings)
	files := plural(res.Files, "file", "files")
	if n == 0 {
		return "no findings in " + files
	}
	return fmt.Sprintf("%s (%s, %s, %d info) in %s", plural(n, "finding", "findings"),
		plural(res.Summary[checker.Error], "error", "errors"),
		plural(res.Summary[checker.Warning], "warning", "warnings"),
		res.Summary[checker.Info], files)
}

// catalog returns the rules to describe in SARIF, sorted by id.
func catalog(res *checker.Result, opt Options) []*checker.Rule {
	rules := opt.Catalog
	if rules == nil {
		rules = res.Rules
	}
	out := make([]*checker.Rule, 0, len(rules))
	seen := map[string]bool{}
	for _, r := range rules {
		if r != nil && !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// messageWithSuggestion returns the finding's message on one line, with the
// suggestion appended unless the message already quotes it.
func messageWithSuggestion(f *checker.Finding) string {
	msg := oneLine(f.Message)
	if f.Suggestion != "" && !strings.Contains(msg, fmt.Sprintf("%q", f.Suggestion)) {
		msg += fmt.Sprintf(" (suggestion: %q)", f.Suggestion)
	}
	return msg
}
