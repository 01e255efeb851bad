package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
)

// smallSections makes files over 8 KB be checked in sections of about
// 2 KB, for the test.
func smallSections(t *testing.T) {
	oldT, oldS := checker.SectionThreshold, checker.SectionSize
	checker.SectionThreshold, checker.SectionSize = 8<<10, 2<<10
	t.Cleanup(func() { checker.SectionThreshold, checker.SectionSize = oldT, oldS })
}

// TestFixSections: --fix applies a fix found in a later section of a file
// checked in sections at its place in the file, and leaves the rest as it
// was.
func TestFixSections(t *testing.T) {
	smallSections(t)

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

// failAfter reads n bytes of a file, then fails as a disk does.
type failAfter struct {
	f *os.File
	n int
}

func (r *failAfter) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, &fs.PathError{Op: "read", Path: r.f.Name(), Err: syscall.EIO}
	}
	if len(p) > r.n {
		p = p[:r.n]
	}
	k, err := r.f.Read(p)
	r.n -= k
	return k, err
}

func (r *failAfter) Close() error               { return r.f.Close() }
func (r *failAfter) Stat() (os.FileInfo, error) { return r.f.Stat() }

// TestReadFailsMidway: a large file whose read fails after some of its
// sections were checked is named on stderr, none of its findings is
// reported, the other files are, and the exit code is 2.
func TestReadFailsMidway(t *testing.T) {
	smallSections(t)

	var b strings.Builder
	for i := 0; b.Len() < 20<<10; i++ {
		fmt.Fprintf(&b, "Paragraph %d has the the doubled word.\n\n", i)
	}
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "big.txt", "c.txt"} {
		writeFile(t, filepath.Join(dir, name), []byte(b.String()))
	}
	realOpen := openFile
	hook(t, &openFile, func(name string) (io.ReadCloser, error) {
		r, err := realOpen(name)
		if err != nil || filepath.Base(name) != "big.txt" {
			return r, err
		}
		return &failAfter{f: r.(*os.File), n: 12 << 10}, nil
	})
	for _, args := range [][]string{{}, {"--diff"}} {
		args = append(append([]string{"check", "--format", "line", "--fail-on", "none"}, args...), dir)
		out, errOut, code := mtlint(t, "", args...)
		wantCode(t, code, 2, errOut)
		if n := strings.Count(errOut, "big.txt"); n != 1 || !strings.Contains(errOut, "input/output error") {
			t.Errorf("%v: stderr names big.txt %d times, want once with the reason:\n%s", args, n, errOut)
		}
		if strings.Contains(out, "big.txt") || !strings.Contains(out, "a.txt") || !strings.Contains(out, "c.txt") {
			t.Errorf("%v: report:\n%s", args, out)
		}
	}
}
