package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files and the README's rule catalogue")

// TestMain runs the tests from the repository root, so that paths in
// outputs and goldens read as a user would type them.
func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

const (
	seedArticle  = "testdata/seed/article.txt"
	seedGlossary = "testdata/seed/glossary.csv"
)

// mtlint runs the command line in-process and returns its stdout, stderr
// and exit code.
func mtlint(t testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	app.Reader = strings.NewReader(stdin)
	err := app.Run(append([]string{"mtlint"}, args...))
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

func wantCode(t *testing.T, code, want int, stderr string) {
	t.Helper()
	if code != want {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, want, stderr)
	}
}

// The eight spaced hyphens of the seed article at their line:column.
var seedHyphens = []struct {
	pos, text, fixed string
}{
	{"5:125", "non -Salvador", "non-Salvador"},
	{"12:223", "France -Presse", "France-Presse"},
	{"18:178", "anti -gang", "anti-gang"},
	{"22:46", "large -scale", "large-scale"},
	{"26:208", "US -Mexico", "US-Mexico"},
	{"31:157", "cross -border", "cross-border"},
	{"31:176", "long -term", "long-term"},
	{"37:37", "third -country", "third-country"},
}

func TestSeedTable(t *testing.T) {
	out, errOut, code := mtlint(t, "", "check", "--no-color", seedArticle)
	wantCode(t, code, 0, errOut)
	for _, h := range seedHyphens {
		re := regexp.MustCompile(`(?m)^.*\b` + regexp.QuoteMeta(h.pos) + `\b.*` + regexp.QuoteMeta(h.text) + `.*$`)
		if !re.MatchString(out) {
			t.Errorf("table: no row with %s %q:\n%s", h.pos, h.text, out)
		}
	}
	_, errOut, code = mtlint(t, "", "check", "--fail-on", "warning", seedArticle)
	wantCode(t, code, 1, errOut)
	_, errOut, code = mtlint(t, "", "check", "--fail-on", "none", "--enable", "spaced-hyphen", "--set", "spaced-hyphen.severity=error", seedArticle)
	wantCode(t, code, 0, errOut)
	_, errOut, code = mtlint(t, "", "check", "--set", "spaced-hyphen.severity=error", seedArticle)
	wantCode(t, code, 1, errOut)
}

func TestSeedLine(t *testing.T) {
	out, errOut, code := mtlint(t, "", "check", "--format", "line", seedArticle)
	wantCode(t, code, 0, errOut)
	for _, h := range seedHyphens {
		want := seedArticle + ":" + h.pos + ": warning: "
		if !strings.Contains(out, want) {
			t.Errorf("line output lacks %q:\n%s", want, out)
		}
	}
}

// TestGolden compares every format's output on the seed, with and without
// its glossary, with testdata/golden. -update rewrites the goldens.
func TestGolden(t *testing.T) {
	for _, format := range []string{"json", "line", "github", "sarif", "table"} {
		for _, withGlossary := range []bool{false, true} {
			name := "seed." + format
			args := []string{"check", "--no-color", "--fail-on", "none", "--format", format}
			if withGlossary {
				name = "seed-glossary." + format
				args = append(args, "--glossary", seedGlossary)
			}
			args = append(args, seedArticle)
			t.Run(name, func(t *testing.T) {
				out, errOut, code := mtlint(t, "", args...)
				wantCode(t, code, 0, errOut)
				if format == "json" || format == "sarif" {
					if !json.Valid([]byte(out)) {
						t.Fatalf("invalid JSON:\n%s", out)
					}
				}
				golden(t, filepath.Join("testdata", "golden", name), out)
			})
		}
	}
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/mtlint -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (go test ./cmd/mtlint -update rewrites it):\n%s", file, lineDiff(string(want), got))
	}
}

// lineDiff shows the first differing line of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
	return "(same lines)"
}

type jsonOut struct {
	Version  int `json:"version"`
	Files    int `json:"files"`
	Findings []struct {
		File       string `json:"file"`
		Line       int    `json:"line"`
		Column     int    `json:"column"`
		EndColumn  int    `json:"end_column"`
		Offset     int    `json:"offset"`
		EndOffset  int    `json:"end_offset"`
		Rule       string `json:"rule"`
		Text       string `json:"text"`
		Suggestion string `json:"suggestion"`
	} `json:"findings"`
}

func parseJSON(t *testing.T, out string) jsonOut {
	t.Helper()
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("invalid JSON: %v\n%.2000s", err, out)
	}
	return j
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMessy checks a folder of awkward files: CRLF line ends, a BOM,
// invalid UTF-8, a NUL byte, an empty file and one 10 MB line.
func TestMessy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "messy")
	writeFile(t, filepath.Join(dir, "crlf.txt"), []byte("The first line is fine.\r\nHis anti -gang policy was popular.\r\n"))
	writeFile(t, filepath.Join(dir, "bom.txt"), []byte("\uFEFFÉmile's anti -gang policy was popular.\n"))
	writeFile(t, filepath.Join(dir, "invalid.txt"), []byte("Bad bytes \xff\xfe here, and an anti -gang policy.\n"))
	writeFile(t, filepath.Join(dir, "nul.txt"), []byte("Some text\x00with a NUL byte.\n"))
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	// One 10 MB line of different sentences (a sentence said again right
	// after itself is a finding of its own).
	sentences := []string{
		"The committee met on Tuesday and agreed on a long list of changes to the plan.",
		"Rain fell over the northern hills for most of the week.",
		"Several shops near the station stayed open late to serve travellers.",
		"A new bridge across the river is expected to open next spring.",
		"Teachers asked parents to read with their children every evening.",
		"The museum will show paintings borrowed from private collections.",
		"Farmers said the harvest was smaller than in previous years.",
		"Engineers tested the engine again before the flight was approved.",
	}
	var big bytes.Buffer
	for i := 0; big.Len() < 10<<20; i++ {
		big.WriteString(sentences[i%len(sentences)])
		big.WriteByte(' ')
	}
	big.WriteString("It was an anti -gang measure.")
	writeFile(t, filepath.Join(dir, "big.txt"), big.Bytes())

	out, errOut, code := mtlint(t, "", "check", "--format", "json", dir)
	wantCode(t, code, 0, errOut)
	j := parseJSON(t, out)
	if j.Files != 5 {
		t.Errorf("files = %d, want 5 (all but the binary one)", j.Files)
	}
	if !strings.Contains(errOut, "nul.txt") || !strings.Contains(errOut, "binary") {
		t.Errorf("no note on the binary file; stderr:\n%s", errOut)
	}
	want := map[string]string{
		"crlf.txt":    "2:5-2:15",
		"bom.txt":     "1:9-1:19",
		"invalid.txt": "1:27-1:37",
		"big.txt":     fmt.Sprintf("1:%d-1:%d", big.Len()-19+1, big.Len()-9+1),
	}
	got := map[string]string{}
	for _, f := range j.Findings {
		if f.Rule == "spaced-hyphen" {
			got[filepath.Base(f.File)] = fmt.Sprintf("%d:%d-%d:%d", f.Line, f.Column, f.Line, f.EndColumn)
		}
	}
	for file, pos := range want {
		if got[file] != pos {
			t.Errorf("%s: spaced hyphen at %q, want %q", file, got[file], pos)
		}
	}
}

// TestErrors checks that every usage, config, glossary and I/O error exits
// with 2 and one line on stderr.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	badKey := filepath.Join(dir, "badkey.yml")
	writeFile(t, badKey, []byte("language: en\ncolour: red\n"))
	badRule := filepath.Join(dir, "badrule.yml")
	writeFile(t, badRule, []byte("rules:\n  no-such-rule: off\n"))
	badOpt := filepath.Join(dir, "badopt.yml")
	writeFile(t, badOpt, []byte("rules:\n  spaced-hyphen: {nonsense: 3}\n"))
	badGlossary := filepath.Join(dir, "bad.csv")
	writeFile(t, badGlossary, []byte("term,variants,kind,note\nNayib Bukele,,person,\nToo,many,fields,in,this,row\n"))
	missing := filepath.Join(dir, "missing.txt")

	for _, tc := range []struct {
		name string
		args []string
		want string // regexp the stderr line matches
	}{
		{"missing file", []string{"check", missing}, `missing\.txt`},
		{"bad flag", []string{"check", "--no-such-flag", seedArticle}, `no-such-flag`},
		{"bad format", []string{"check", "--format", "xml", seedArticle}, `xml`},
		{"bad fail-on", []string{"check", "--fail-on", "sometimes", seedArticle}, `sometimes`},
		{"bad min-confidence", []string{"check", "--min-confidence", "2", seedArticle}, `min-confidence`},
		{"unknown config key", []string{"check", "--config", badKey, seedArticle}, `badkey\.yml:2: .*colour`},
		{"unknown config rule", []string{"check", "--config", badRule, seedArticle}, `badrule\.yml:2: .*no-such-rule`},
		{"unknown config option", []string{"check", "--config", badOpt, seedArticle}, `badopt\.yml:2: .*nonsense`},
		{"missing config", []string{"check", "--config", filepath.Join(dir, "none.yml"), seedArticle}, `none\.yml`},
		{"unknown rule", []string{"check", "--enable", "no-such-rule", seedArticle}, `no-such-rule`},
		{"unknown option", []string{"check", "--set", "spaced-hyphen.nonsense=1", seedArticle}, `nonsense`},
		{"bad set", []string{"check", "--set", "spaced-hyphen", seedArticle}, `RULE\.OPTION=VALUE`},
		{"missing glossary", []string{"check", "--glossary", filepath.Join(dir, "none.csv"), seedArticle}, `none\.csv`},
		{"bad glossary", []string{"check", "--glossary", badGlossary, seedArticle}, `bad\.csv:3`},
		{"fix and diff", []string{"check", "--fix", "--diff", seedArticle}, `--fix`},
		{"unknown rule doc", []string{"rules", "no-such-rule"}, `no-such-rule`},
		{"unknown command", []string{"lint"}, `lint`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := mtlint(t, "", tc.args...)
			wantCode(t, code, 2, errOut)
			lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
			if len(lines) != 1 || !regexp.MustCompile(tc.want).MatchString(lines[0]) {
				t.Errorf("stderr is not one line matching %q:\n%s", tc.want, errOut)
			}
			if out != "" {
				t.Errorf("stdout not empty:\n%s", out)
			}
		})
	}
}

// An unreadable file among others: the others are checked and reported,
// then the exit code is 2.
func TestUnreadableAmongOthers(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.txt")
	out, errOut, code := mtlint(t, "", "check", "--format", "line", seedArticle, missing)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(out, seedArticle+":5:125:") {
		t.Errorf("the readable file was not reported:\n%s", out)
	}
	if !strings.Contains(errOut, "gone.txt") {
		t.Errorf("stderr does not name the missing file:\n%s", errOut)
	}
}

func copySeed(t *testing.T, dir string) (path string, orig []byte) {
	t.Helper()
	orig, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "article.txt")
	writeFile(t, path, orig)
	return path, orig
}

// seedFixed is the seed article with its eight spaced hyphens joined.
func seedFixed(t *testing.T, orig []byte) string {
	s := string(orig)
	for _, h := range seedHyphens {
		if n := strings.Count(s, h.text); n != 1 {
			t.Fatalf("%q occurs %d times in the seed", h.text, n)
		}
		s = strings.Replace(s, h.text, h.fixed, 1)
	}
	return s
}

func TestFix(t *testing.T) {
	dir := t.TempDir()
	path, orig := copySeed(t, dir)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := mtlint(t, "", "check", "--fix", "--format", "json", path)
	wantCode(t, code, 0, errOut)
	got, _ := os.ReadFile(path)
	if want := seedFixed(t, orig); string(got) != want {
		t.Fatalf("--fix result differs from the seed with the eight hyphens joined:\n%s", lineDiff(want, string(got)))
	}
	if !strings.Contains(errOut, "fixed 8 issues in 1 file") {
		t.Errorf("stderr lacks the fix summary:\n%s", errOut)
	}
	for _, f := range parseJSON(t, out).Findings {
		if f.Rule == "spaced-hyphen" {
			t.Errorf("fixed finding still reported: %+v", f)
		}
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after --fix, want 0640", st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
	// A second --fix changes nothing.
	_, errOut, code = mtlint(t, "", "check", "--fix", path)
	wantCode(t, code, 0, errOut)
	again, _ := os.ReadFile(path)
	if !bytes.Equal(again, got) {
		t.Errorf("second --fix changed the file")
	}
	if !strings.Contains(errOut, "fixed 0 issues in 0 files") {
		t.Errorf("second --fix: %s", errOut)
	}
}

func TestFixStdin(t *testing.T) {
	orig, _ := os.ReadFile(seedArticle)
	out, errOut, code := mtlint(t, string(orig), "check", "--fix", "--stdin-name", "story.txt", "-")
	wantCode(t, code, 0, errOut)
	if want := seedFixed(t, orig); out != want {
		t.Errorf("fixed stdin differs:\n%s", lineDiff(want, out))
	}
}

func TestStdin(t *testing.T) {
	out, errOut, code := mtlint(t, "Their anti -gang policy.\n", "check", "--format", "line", "--stdin-name", "story.txt", "-")
	wantCode(t, code, 0, errOut)
	if !strings.HasPrefix(out, "story.txt:1:7: warning: ") {
		t.Errorf("stdin output:\n%s", out)
	}
}

func TestDiff(t *testing.T) {
	path, orig := copySeed(t, t.TempDir())
	out, errOut, code := mtlint(t, "", "check", "--diff", path)
	wantCode(t, code, 0, errOut)
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, orig) {
		t.Fatal("--diff changed the file")
	}
	for _, h := range seedHyphens {
		if !strings.Contains(out, h.fixed) {
			t.Errorf("diff lacks %q", h.fixed)
		}
	}
	if !strings.Contains(out, "--- ") || !strings.Contains(out, "+++ ") || !strings.Contains(out, "@@") {
		t.Errorf("not a unified diff:\n%s", out)
	}
}

func TestFixReadOnly(t *testing.T) {
	path, orig := copySeed(t, t.TempDir())
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := mtlint(t, "", "check", "--fix", path)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, "read-only") {
		t.Errorf("stderr: %s", errOut)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, orig) {
		t.Error("read-only file was changed")
	}
}

// TestDeterminism checks that the number of workers does not change a byte
// of the output.
func TestDeterminism(t *testing.T) {
	dir := t.TempDir()
	orig, _ := os.ReadFile(seedArticle)
	paras := strings.Split(string(orig), "\n\n")
	for i, p := range paras {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("part%02d.txt", i)), []byte(p+"\n"))
	}
	writeFile(t, filepath.Join(dir, "sub", "whole.md"), orig)
	args := []string{"check", "--format", "json", "--fail-on", "none", "--glossary", seedGlossary}
	one, errOut, code := mtlint(t, "", append(args, "--jobs", "1", dir)...)
	wantCode(t, code, 0, errOut)
	for i := 0; i < 3; i++ {
		eight, errOut, code := mtlint(t, "", append(args, "--jobs", "8", dir)...)
		wantCode(t, code, 0, errOut)
		if one != eight {
			t.Fatalf("--jobs 1 and --jobs 8 differ:\n%s", lineDiff(one, eight))
		}
	}
	if j := parseJSON(t, one); j.Files != len(paras)+1 {
		t.Errorf("files = %d, want %d", j.Files, len(paras)+1)
	}
}

// TestConfig checks discovery upward from the current folder, include and
// exclude patterns with **, and flags overriding the file.
func TestConfig(t *testing.T) {
	root := t.TempDir()
	orig, _ := os.ReadFile(seedArticle)
	writeFile(t, filepath.Join(root, ".mtlint.yml"), []byte(
		"include: [\"**/*.txt\"]\nexclude: [\"vendor/**\", \"**/skip-*.txt\"]\nfail-on: warning\nrules:\n  spaced-hyphen: {severity: warning}\n"))
	writeFile(t, filepath.Join(root, "docs", "a.txt"), orig)
	writeFile(t, filepath.Join(root, "docs", "deep", "b.txt"), orig)
	writeFile(t, filepath.Join(root, "docs", "deep", "skip-c.txt"), orig)
	writeFile(t, filepath.Join(root, "docs", "d.md"), orig)
	writeFile(t, filepath.Join(root, "vendor", "e.txt"), orig)
	writeFile(t, filepath.Join(root, ".hidden", "f.txt"), orig)
	t.Chdir(filepath.Join(root, "docs"))

	out, errOut, code := mtlint(t, "", "check", "--format", "json")
	wantCode(t, code, 1, errOut) // fail-on: warning from the config
	files := map[string]bool{}
	for _, f := range parseJSON(t, out).Findings {
		files[filepath.ToSlash(f.File)] = true
	}
	if len(files) != 2 || !files["a.txt"] || !files["deep/b.txt"] {
		t.Errorf("checked %v, want a.txt and deep/b.txt", files)
	}
	_, errOut, code = mtlint(t, "", "check", "--fail-on", "error", "a.txt")
	wantCode(t, code, 0, errOut)
	// Walking from the root: the excluded folder is skipped.
	out, errOut, _ = mtlint(t, "", "check", "--format", "line", "..")
	if strings.Contains(out, "vendor") || strings.Contains(out, ".hidden") || strings.Contains(out, "skip-c") {
		t.Errorf("excluded or hidden files checked:\n%s%s", out, errOut)
	}
	// A file named on the command line: include does not apply, exclude does.
	out, errOut, code = mtlint(t, "", "check", "--format", "line", "d.md", "../vendor/e.txt")
	wantCode(t, code, 1, errOut)
	if !strings.Contains(out, "d.md:") || strings.Contains(out, "e.txt") {
		t.Errorf("named files: want d.md checked and vendor/e.txt excluded:\n%s", out)
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"**/*.md", "a.md", true},
		{"**/*.md", "x/y/a.md", true},
		{"**/*.md", "x/y/a.txt", false},
		{"vendor/**", "vendor/a/b.txt", true},
		{"vendor/**", "src/vendor/a.txt", false},
		{"docs/*.txt", "docs/a.txt", true},
		{"docs/*.txt", "docs/x/a.txt", false},
		{"docs/**/b.txt", "docs/b.txt", true},
		{"docs/**/b.txt", "docs/x/y/b.txt", true},
		{"*.txt", "deep/a.txt", true},
		{"./docs/*.txt", "docs/a.txt", true},
	} {
		if got := matchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestRules(t *testing.T) {
	out, errOut, code := mtlint(t, "", "rules")
	wantCode(t, code, 0, errOut)
	if !regexp.MustCompile(`(?m)^spaced-hyphen\s+sentences\s+warning\s+a space before`).MatchString(out) {
		t.Errorf("rules list:\n%s", out)
	}
	out, errOut, code = mtlint(t, "", "rules", "spaced-hyphen")
	wantCode(t, code, 0, errOut)
	for _, want := range []string{"bad:", "anti -gang", "good:", "anti-gang"} {
		if !strings.Contains(out, want) {
			t.Errorf("rule doc lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = mtlint(t, "", "version")
	if out != "mtlint devel\n" {
		t.Errorf("version: %q", out)
	}
}

// TestReadmeCatalogue fails when the README's rule table is not what
// `mtlint rules --markdown` prints; -update rewrites it.
func TestReadmeCatalogue(t *testing.T) {
	out, errOut, code := mtlint(t, "", "rules", "--markdown")
	wantCode(t, code, 0, errOut)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", begin, end)
	}
	if cur := s[i+len(begin) : j]; cur != out {
		if !*update {
			t.Fatalf("README.md's rule catalogue is stale (go test ./cmd/mtlint -update rewrites it):\n%s", lineDiff(out, cur))
		}
		s = s[:i+len(begin)] + out + s[j:]
		if err := os.WriteFile("README.md", []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestColor(t *testing.T) {
	// Output to a buffer is never coloured.
	out, _, _ := mtlint(t, "", "check", seedArticle)
	if strings.Contains(out, "\x1b[") {
		t.Error("colour escape in output to a non-terminal")
	}
}

// TestFixChangedFile checks that --fix leaves alone a file that changed
// between the check and the fix.
func TestFixChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	writeFile(t, path, []byte("Their anti -gang policy.\n"))
	src := &source{sums: map[string][sha256.Size]byte{}, stdin: map[string][]byte{}, record: true}
	run := &checker.Run{Rules: []*checker.Rule{rules.SpacedHyphen}, Parse: input.Parse, Jobs: 1}
	res, err := run.Check(context.Background(), []checker.Input{src.input(path)})
	if err != nil || len(res.Findings) != 1 {
		t.Fatalf("check: %v, %d findings", err, len(res.Findings))
	}
	changed := []byte("Their anti -gang policy, rewritten.\n")
	writeFile(t, path, changed)
	var out, errOut bytes.Buffer
	fr := applyFixes(context.Background(), res, src, true, nil, &out, &errOut)
	if fr.files != 0 || len(fr.errs) != 0 {
		t.Errorf("fixed %d files, errors %v", fr.files, fr.errs)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, changed) {
		t.Errorf("changed file was rewritten: %q", got)
	}
	if !strings.Contains(errOut.String(), "changed since it was checked") {
		t.Errorf("no message: %q", errOut.String())
	}
}

// TestQuietTable checks that --quiet drops the table's closing summary line
// and nothing else.
func TestQuietTable(t *testing.T) {
	loud, _, _ := mtlint(t, "", "check", "--no-color", "--fail-on", "none", seedArticle)
	quiet, _, _ := mtlint(t, "", "check", "--no-color", "--fail-on", "none", "--quiet", seedArticle)
	if !strings.Contains(loud, " findings (") {
		t.Fatalf("table has no summary line:\n%s", loud)
	}
	if strings.Contains(quiet, " findings (") {
		t.Errorf("--quiet table still has the summary line:\n%s", quiet)
	}
	if !strings.HasPrefix(loud, quiet) {
		t.Errorf("--quiet changed more than the summary line")
	}
}

// TestFixOverlapping checks that fixes which overlap (a spaced hyphen and
// the space before a comma, a doubled word and a double space) are all
// applied by one --fix, so that a second --fix finds nothing to do.
func TestFixOverlapping(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "overlap.txt")
	in := "It was anti -gang , they said.\nHe said  the the word.\n"
	want := "It was anti-gang, they said.\nHe said the word.\n"
	if err := os.WriteFile(name, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, _ := mtlint(t, "", "check", "--fix", "--fail-on", "none", name)
	if strings.Contains(errOut, "not applied") {
		t.Errorf("fixes left unapplied:\n%s", errOut)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("after --fix:\n got %q\nwant %q", got, want)
	}
	mtlint(t, "", "check", "--fix", "--fail-on", "none", name)
	again, _ := os.ReadFile(name)
	if string(again) != want {
		t.Errorf("a second --fix changed the file: %q", again)
	}
}

// TestFixUncovers checks that a fix which uncovers another (a doubled word
// removed leaves a listed wrong form) is followed up in the same --fix.
func TestFixUncovers(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "cascade.txt")
	if err := os.WriteFile(name, []byte("It is a Security Third third Kingdom deal.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mtlint(t, "", "check", "--fix", "--fail-on", "none", "--glossary", seedGlossary, name)
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if want := "It is a safe third country deal.\n"; string(got) != want {
		t.Errorf("after --fix:\n got %q\nwant %q", got, want)
	}
}

// TestMemProfile checks that the hidden --mem-profile flag writes a
// profile (gzipped protocol buffers) and leaves the output alone.
func TestMemProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "mem.prof")
	want, _, _ := mtlint(t, "", "check", "-f", "json", "-q", seedArticle)
	out, errOut, code := mtlint(t, "", "check", "-f", "json", "-q", "--mem-profile", prof, seedArticle)
	wantCode(t, code, 0, errOut)
	if out != want {
		t.Errorf("the report changed with --mem-profile")
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("the profile is not gzipped: % x", b[:min(len(b), 8)])
	}
}
