package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mtlint/mtlint/checker"
)

func TestNames(t *testing.T) {
	want := []string{"github", "json", "line", "sarif", "table"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	err := Write(&bytes.Buffer{}, "xml", &checker.Result{}, Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("Write(xml) = %v, want an unknown-format error", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	for _, format := range Names() {
		if err := Write(failWriter{}, format, fixture(t), Options{}); err == nil {
			t.Errorf("Write(%s) to a failing writer: no error", format)
		}
	}
}

func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	// The schema must reject a broken log, or the checks below prove nothing.
	for _, bad := range []string{
		`{"version": "2.0.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "bytes"}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}

	withErrors := fixture(t)
	withErrors.Errors = []error{os.ErrPermission}
	withErrors.Skipped = []string{"logo.png: skipped: binary"}
	// An absolute path and odd characters must still give valid URIs.
	withErrors.Findings[0].File = "/srv/texts/a b#1.txt"
	withErrors.Findings[1].File = `C:\texts\x:y.txt`
	cases := map[string]*checker.Result{
		"findings": fixture(t),
		"empty":    {Files: 1},
		"errors":   withErrors,
	}
	for name, res := range cases {
		out := render(t, "sarif", res, Options{Version: "0.1.0", Catalog: testRules})
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not match the 2.1.0 schema:\n%v\n%s", name, err, out)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	res := fixture(t)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndColumn, ByteOffset, ByteLength int }
					}
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct{ InsertedContent struct{ Text string } }
					}
				}
			}
			ColumnKind string
		}
	}
	if err := json.Unmarshal(render(t, "sarif", res, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if len(run.Results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
	}
	seen := map[string]bool{}
	for i, r := range run.Results {
		f := res.Findings[i]
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != f.Rule {
			t.Errorf("result %d: ruleIndex %d names %q, want %q", i, r.RuleIndex, rule.ID, f.Rule)
		}
		want := map[checker.Severity]string{checker.Error: "error", checker.Warning: "warning", checker.Info: "note"}[f.Severity]
		if r.Level != want {
			t.Errorf("result %d: level %q, want %q", i, r.Level, want)
		}
		reg := r.Locations[0].PhysicalLocation.Region
		if reg.StartLine != f.Pos.Line || reg.StartColumn != f.Pos.Column || reg.EndColumn != f.End.Column ||
			reg.ByteOffset != f.Span.Start || reg.ByteLength != f.Span.End-f.Span.Start {
			t.Errorf("result %d: region %+v does not match finding %+v %+v %+v", i, reg, f.Span, f.Pos, f.End)
		}
		fp := r.PartialFingerprints[fingerprintKey]
		if fp == "" || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		seen[fp] = true
		if f.HasFix() != (len(r.Fixes) == 1) {
			t.Errorf("result %d: fixes %v for a finding with safe=%v", i, r.Fixes, f.Safe)
		} else if f.HasFix() && r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != f.Suggestion {
			t.Errorf("result %d: fix inserts the wrong text", i)
		}
	}
	if u := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation; u.URI != "docs/notes%2C%20draft.md" || u.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact location = %+v", u)
	}

	// Fingerprints do not depend on positions: moving a finding keeps them.
	moved := fixture(t)
	for i := range moved.Findings {
		moved.Findings[i].Pos.Line += 10
		moved.Findings[i].Span.Start += 100
		moved.Findings[i].Span.End += 100
	}
	a := string(render(t, "sarif", res, Options{}))
	b := string(render(t, "sarif", moved, Options{}))
	if fingerprints(a) != fingerprints(b) {
		t.Error("fingerprints change when text above a finding moves")
	}
}

func fingerprints(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, fingerprintKey) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func TestArtifactLocation(t *testing.T) {
	for _, tc := range []struct{ file, uri, base string }{
		{"story.txt", "story.txt", srcRoot},
		{"./docs/a b.md", "docs/a%20b.md", srcRoot},
		{"docs/x:y#1?.txt", "docs/x%3Ay%231%3F.txt", srcRoot},
		{"/srv/über.txt", "file:///srv/%C3%BCber.txt", ""},
		{"-", "-", srcRoot},
	} {
		got := artifactLocation(tc.file)
		if got.URI != tc.uri || got.URIBaseID != tc.base {
			t.Errorf("artifactLocation(%q) = %+v, want %q %q", tc.file, got, tc.uri, tc.base)
		}
	}
}

// TestJSONFields parses the JSON output back and checks it against the
// field list of DESIGN §7.
func TestJSONFields(t *testing.T) {
	res := fixture(t)
	var out map[string]any
	if err := json.Unmarshal(render(t, "json", res, Options{}), &out); err != nil {
		t.Fatal(err)
	}
	if out["version"] != 1.0 || out["files"] != 3.0 {
		t.Errorf("version, files = %v, %v", out["version"], out["files"])
	}
	sum := out["summary"].(map[string]any)
	if sum["error"] != 1.0 || sum["warning"] != 4.0 || sum["info"] != 1.0 {
		t.Errorf("summary = %v", sum)
	}
	fields := []string{"file", "line", "column", "end_line", "end_column", "offset", "end_offset",
		"rule", "severity", "text", "suggestion", "confidence", "message", "variants", "fixable"}
	findings := out["findings"].([]any)
	if len(findings) != len(res.Findings) {
		t.Fatalf("%d findings, want %d", len(findings), len(res.Findings))
	}
	for i, x := range findings {
		m := x.(map[string]any)
		f := res.Findings[i]
		for _, k := range fields {
			if _, ok := m[k]; !ok {
				t.Errorf("finding %d lacks %q", i, k)
			}
		}
		for k := range m {
			if !slices.Contains(fields, k) && k != "related" {
				t.Errorf("finding %d has unexpected field %q", i, k)
			}
		}
		if _, ok := m["related"]; ok != (len(f.Related) > 0) {
			t.Errorf("finding %d: related present = %v, want %v", i, ok, len(f.Related) > 0)
		}
		if m["offset"] != float64(f.Span.Start) || m["end_offset"] != float64(f.Span.End) ||
			m["line"] != float64(f.Pos.Line) || m["column"] != float64(f.Pos.Column) ||
			m["text"] != f.Text || m["rule"] != f.Rule || m["severity"] != f.Severity.String() ||
			m["fixable"] != f.HasFix() || m["confidence"] != f.Confidence {
			t.Errorf("finding %d = %v, does not match %+v", i, m, f)
		}
		if vs := m["variants"].([]any); len(vs) != len(f.Variants) {
			t.Errorf("finding %d: %d variants, want %d", i, len(vs), len(f.Variants))
		}
	}
	var empty map[string]any
	if err := json.Unmarshal(render(t, "json", &checker.Result{}, Options{}), &empty); err != nil {
		t.Fatal(err)
	}
	if fs, ok := empty["findings"].([]any); !ok || len(fs) != 0 {
		t.Errorf("empty result: findings = %#v, want []", empty["findings"])
	}
}

func TestLineParseable(t *testing.T) {
	res := fixture(t)
	lines := strings.Split(strings.TrimSuffix(string(render(t, "line", res, Options{})), "\n"), "\n")
	if len(lines) != len(res.Findings) {
		t.Fatalf("%d lines for %d findings", len(lines), len(res.Findings))
	}
	for i, l := range lines {
		f := res.Findings[i]
		prefix := displayPath(f.File) + ":" + strconv.Itoa(f.Pos.Line) + ":" + strconv.Itoa(f.Pos.Column) + ": " + f.Severity.String() + ": "
		if !strings.HasPrefix(l, prefix) || !strings.HasSuffix(l, " ["+f.Rule+"]") {
			t.Errorf("line %q, want %q…[%s]", l, prefix, f.Rule)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("a:b,c%\n"), "a%3Ab%2Cc%25%0A"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		sum   [4]int
		files int
		want  string
	}{
		{[4]int{}, 1, "no findings in 1 file"},
		{[4]int{}, 0, "no findings in 0 files"},
		{[4]int{0, 0, 0, 1}, 1, "1 finding (1 error, 0 warnings, 0 info) in 1 file"},
		{[4]int{0, 2, 1, 0}, 4, "3 findings (0 errors, 1 warning, 2 info) in 4 files"},
	} {
		res := &checker.Result{Files: tc.files, Summary: tc.sum}
		for s := checker.Info; s <= checker.Error; s++ {
			for n := 0; n < tc.sum[s]; n++ {
				res.Findings = append(res.Findings, checker.Finding{Severity: s})
			}
		}
		if got := summaryLine(res); got != tc.want {
			t.Errorf("summaryLine(%v, %d) = %q, want %q", tc.sum, tc.files, got, tc.want)
		}
	}
}

func TestTableWidth(t *testing.T) {
	res := fixture(t)
	long := strings.Repeat("very long message words ", 20)
	res.Findings[0].Message = long
	res.Findings[0].Text = strings.Repeat("Name ", 20)
	out := string(render(t, "table", res, Options{}))
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > tableWidth {
			t.Errorf("line of %d characters:\n%s", n, line)
		}
	}
	if !strings.Contains(out, "LOCATION  SEVERITY  RULE") {
		t.Errorf("header changed by the table library:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without Options.Color")
	}
	colored := string(render(t, "table", res, Options{Color: true}))
	if !strings.Contains(colored, ansiRed+"error"+ansiReset) {
		t.Error("no red error with Options.Color")
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"a bb ccc dddd", 6, []string{"a bb", "ccc", "dddd"}},
		{"abcdefghij xy", 4, []string{"abcd", "efgh", "ij", "xy"}},
		{"東京 東京都", 5, []string{"東京", "東京", "都"}},
		{"one\ntwo   three", 20, []string{"one two three"}},
		{"東京", 1, []string{"東", "京"}},
	} {
		if got := wrap(tc.s, tc.width); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}

func TestCell(t *testing.T) {
	if got := cell("Colombia Broadcasting Corporation", 16); got != "Colombia Broa..." {
		t.Errorf("cell = %q", got)
	}
	if got := cell("short\nname", 16); got != "short name" {
		t.Errorf("cell = %q", got)
	}
}
