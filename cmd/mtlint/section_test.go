package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
)

// TestFixSections: --fix applies a fix found in a later section of a file
// checked in sections at its place in the file, and leaves the rest as it
// was.
func TestFixSections(t *testing.T) {
	oldT, oldS := checker.SectionThreshold, checker.SectionSize
	checker.SectionThreshold, checker.SectionSize = 8<<10, 2<<10
	t.Cleanup(func() { checker.SectionThreshold, checker.SectionSize = oldT, oldS })

	var b strings.Builder
	for i := 0; b.Len() < 20<<10; i++ {
		if i == 80 {
			b.WriteString("This is the the paragraph that is wrong.\n\n")
			continue
		}
		fmt.Fprintf(&b, "Paragraph %d is plain prose, and nothing in it is wrong.\n\n", i)
	}
	orig := b.String()
	at := strings.Index(orig, "the the")
	cuts := input.Cuts([]byte(orig), checker.SectionSize, false)
	if len(cuts) < 4 || at < cuts[1] || at >= cuts[2] {
		t.Fatalf("the doubled word at %d is not in the third section (cuts %v)", at, cuts)
	}
	path := filepath.Join(t.TempDir(), "big.txt")
	writeFile(t, path, []byte(orig))

	out, errOut, code := mtlint(t, "", "check", "--fix", "--format", "json", path)
	wantCode(t, code, 0, errOut)
	if !strings.Contains(errOut, "fixed 1 issue in 1 file") {
		t.Errorf("stderr: %s", errOut)
	}
	got, _ := os.ReadFile(path)
	if want := strings.Replace(orig, "the the paragraph", "the paragraph", 1); string(got) != want {
		t.Errorf("--fix result:\n%s", lineDiff(want, string(got)))
	}
	if fs := parseJSON(t, out).Findings; len(fs) != 0 {
		t.Errorf("findings left: %+v", fs)
	}
}
