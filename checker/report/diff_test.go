package report

import (
	"bytes"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
)

func diff(t *testing.T, path, old, new string) string {
	t.Helper()
	var b bytes.Buffer
	if err := UnifiedDiff(&b, path, old, new); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDiffGolden diffs the fixture's texts against the result of applying
// their safe fixes, as `mtlint check --diff` does.
func TestDiffGolden(t *testing.T) {
	res := fixture(t)
	var out strings.Builder
	for _, doc := range []struct{ path, text string }{{"story.txt", storyText}, {"docs/notes, draft.md", notesText}} {
		var fs []checker.Finding
		for _, f := range res.Findings {
			if displayPath(f.File) == doc.path {
				fs = append(fs, f)
			}
		}
		fixed, _, _ := checker.ApplyFixes(doc.text, fs)
		out.WriteString(diff(t, doc.path, doc.text, fixed))
	}
	long := numbered(1, 30)
	changed := strings.Replace(strings.Replace(long, "line 5\n", "line five\n", 1), "line 25\n", "line 25 changed\n", 1)
	out.WriteString(diff(t, "long.txt", long, changed))
	out.WriteString(diff(t, "noeol.txt", "a\nb\nc", "a\nb\nC"))
	golden(t, "fixes.diff", []byte(out.String()))
}

func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

func TestDiffCases(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line", "a\n", "b\n", "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n"},
		{"from empty", "", "a\nb\n", "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"to empty", "a\n", "", "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n"},
		{"add eol", "a", "a\n", "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"},
		{"insert middle", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nx\n5\n6\n7\n8\n",
			"--- a/f\n+++ b/f\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+x\n 5\n 6\n 7\n"},
		{"two hunks", numbered(1, 20), strings.Replace(strings.Replace(numbered(1, 20), "line 2\n", "two\n", 1), "line 19\n", "nineteen\n", 1),
			"--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n line 5\n" +
				"@@ -16,5 +16,5 @@\n line 16\n line 17\n line 18\n-line 19\n+nineteen\n line 20\n"},
		{"merged hunks", numbered(1, 12), strings.Replace(strings.Replace(numbered(1, 12), "line 3\n", "three\n", 1), "line 9\n", "nine\n", 1),
			"--- a/f\n+++ b/f\n@@ -1,12 +1,12 @@\n line 1\n line 2\n-line 3\n+three\n line 4\n line 5\n line 6\n line 7\n line 8\n-line 9\n+nine\n line 10\n line 11\n line 12\n"},
	} {
		if got := diff(t, "f", tc.old, tc.new); got != tc.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestDiffApplies checks on random edits that every diff, applied to the
// old text, gives the new one, and that it is minimal in changed lines.
func TestDiffApplies(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"a\n", "b\n", "c\n", "d\n", "e"}
	gen := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[rng.Intn(len(words)-1)])
		}
		if rng.Intn(4) == 0 {
			b.WriteString(words[len(words)-1])
		}
		return b.String()
	}
	for i := 0; i < 3000; i++ {
		old, new := gen(rng.Intn(40)), gen(rng.Intn(40))
		if rng.Intn(2) == 0 { // a small edit of old
			lines := splitLines(old)
			if len(lines) > 0 {
				lines[rng.Intn(len(lines))] = "z\n"
			}
			new = strings.Join(lines, "")
		}
		d := diff(t, "f", old, new)
		got, err := applyPatch(old, d)
		if err != nil {
			t.Fatalf("case %d: %v\nold %q\nnew %q\n%s", i, err, old, new, d)
		}
		if got != new {
			t.Fatalf("case %d: patch gives %q, want %q\n%s", i, got, new, d)
		}
		a, b := splitLines(old), splitLines(new)
		changes := 0
		ops := diffLines(a, b)
		for k, e := range ops {
			if e.kind != ' ' {
				changes++
			}
			if k > 0 && ops[k-1].kind == '+' && e.kind == '-' {
				t.Fatalf("case %d: an insertion before a deletion\n%s", i, d)
			}
		}
		if want := len(a) + len(b) - 2*lcs(a, b); changes != want {
			t.Fatalf("case %d: %d changed lines, the minimum is %d", i, changes, want)
		}
	}
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

// applyPatch applies a unified diff of one file to old.
func applyPatch(old, patch string) (string, error) {
	if patch == "" {
		return old, nil
	}
	src := splitLines(old)
	lines := strings.SplitAfter(patch, "\n")
	var out []string
	next := 0 // next line of src to copy
	for i := 2; i < len(lines) && lines[i] != ""; {
		h := lines[i]
		if !strings.HasPrefix(h, "@@ -") {
			return "", fmt.Errorf("bad hunk header %q", h)
		}
		start, n := parseRange(strings.Fields(h)[1][1:])
		if n > 0 {
			start--
		}
		if start < next {
			return "", fmt.Errorf("hunk %q overlaps", h)
		}
		out = append(out, src[next:start]...)
		next = start
		i++
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			noEOL := i < len(lines) && strings.HasPrefix(lines[i], `\ No newline`)
			if noEOL {
				i++
				l = strings.TrimSuffix(l, "\n")
			}
			body := l[1:]
			switch l[0] {
			case ' ', '-':
				if next >= len(src) || src[next] != body {
					return "", fmt.Errorf("line %d: have %q, patch says %q", next+1, src[min(next, len(src)-1)], body)
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				next++
			case '+':
				out = append(out, body)
			default:
				return "", fmt.Errorf("bad line %q", l)
			}
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

func parseRange(s string) (start, n int) {
	a, b, ok := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	n = 1
	if ok {
		n, _ = strconv.Atoi(b)
	}
	return start, n
}
