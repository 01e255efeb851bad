package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The failure tests swap the package's file system hooks; they never call
// t.Parallel, so no other test runs while a hook is swapped.

// hook sets *p to v for the rest of the test.
func hook[T any](t *testing.T, p *T, v T) {
	t.Helper()
	old := *p
	*p = v
	t.Cleanup(func() { *p = old })
}

// mtlintCtx is mtlint with a context, as main gives one that an interrupt
// cancels.
func mtlintCtx(t *testing.T, ctx context.Context, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	app.Reader = strings.NewReader("")
	err := app.RunContext(ctx, append([]string{"mtlint"}, args...))
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// within fails the test if f takes longer than d (a walk that loops).
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

const (
	fixable = "Their anti -gang policy was announced on Monday.\n"
	fixedUp = "Their anti-gang policy was announced on Monday.\n"
)

// fixableFiles writes n files holding one safe fix each and returns their
// paths, sorted.
func fixableFiles(t *testing.T, dir string, n int) []string {
	t.Helper()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("f%02d.txt", i))
		writeFile(t, p, []byte(fixable))
		paths = append(paths, p)
	}
	return paths
}

// listDir returns the names in dir, sorted: no temporary file may be left.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func wantNoTemp(t *testing.T, dir string, want []string) {
	t.Helper()
	var names []string
	for _, p := range want {
		names = append(names, filepath.Base(p))
	}
	slices.Sort(names)
	if got := listDir(t, dir); !slices.Equal(got, names) {
		t.Errorf("folder holds %q, want %q (a temporary file left?)", got, names)
	}
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", path, got, want)
	}
}

// denied makes openFile and readFile fail with "permission denied" for the
// files whose base name is one of names.
func denied(t *testing.T, names ...string) {
	real := readFile
	hook(t, &readFile, func(name string) ([]byte, error) {
		if slices.Contains(names, filepath.Base(name)) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
		return real(name)
	})
	realOpen := openFile
	hook(t, &openFile, func(name string) (io.ReadCloser, error) {
		if slices.Contains(names, filepath.Base(name)) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
		return realOpen(name)
	})
}

// TestUnreadableFile checks that a file that cannot be read is named once
// on stderr, the other files are still checked and reported, and the exit
// code is 2.
func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	fixableFiles(t, dir, 3) // f00, f01, f02
	denied(t, "f01.txt")
	for _, format := range []string{"line", "json", "table"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := mtlint(t, "", "check", "--no-color", "--format", format, "--fail-on", "none", dir)
			wantCode(t, code, 2, errOut)
			if n := strings.Count(errOut, "f01.txt"); n != 1 || !strings.Contains(errOut, "permission denied") {
				t.Errorf("stderr names f01.txt %d times, want once with the reason:\n%s", n, errOut)
			}
			for _, name := range []string{"f00.txt", "f02.txt"} {
				if !strings.Contains(out, name) {
					t.Errorf("report lacks %s:\n%s", name, out)
				}
			}
			if strings.Contains(out, "f01.txt") {
				t.Errorf("report names the unreadable file:\n%s", out)
			}
		})
	}
}

// TestUnreadableFileFix checks --fix when a file cannot be read: the others
// are fixed, the unreadable one is named and the exit code is 2.
func TestUnreadableFileFix(t *testing.T) {
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 3)
	denied(t, "f01.txt")
	_, errOut, code := mtlint(t, "", "check", "--fix", "--fail-on", "none", dir)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, "f01.txt") {
		t.Errorf("stderr does not name f01.txt:\n%s", errOut)
	}
	wantContent(t, paths[0], fixedUp)
	wantContent(t, paths[1], fixable)
	wantContent(t, paths[2], fixedUp)
	wantNoTemp(t, dir, paths)
}

// TestUnreadableFileReal is TestUnreadableFile with a real mode 000 file;
// root reads it anyway, so the test is skipped there (the hook above is the
// one that always runs).
func TestUnreadableFileReal(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root (or Windows) reads a mode 000 file")
	}
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 2)
	if err := os.Chmod(paths[1], 0); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := mtlint(t, "", "check", "--format", "line", "--fail-on", "none", dir)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, "f01.txt") || !strings.Contains(out, "f00.txt") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}
}

// TestSymlinks checks that a walk follows no link: a link to its own
// folder, a loop of links and a link to a folder or a file outside the tree
// are neither followed nor errors. A link named on the command line is.
func TestSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := t.TempDir()
	tree := filepath.Join(root, "tree")
	outside := filepath.Join(root, "outside")
	writeFile(t, filepath.Join(tree, "inside.txt"), []byte(fixable))
	writeFile(t, filepath.Join(tree, "sub", "deep.txt"), []byte(fixable))
	writeFile(t, filepath.Join(outside, "secret.txt"), []byte(fixable))
	for _, l := range []struct{ target, link string }{
		{".", "tree/self"},                           // a link to its own folder
		{"..", "tree/sub/up"},                        // a link to its parent
		{"b", "tree/a"},                              // a → b → a
		{"a", "tree/b"},                              //
		{"../outside", "tree/out"},                   // a folder outside the tree
		{"../outside/secret.txt", "tree/secret.txt"}, // a file outside the tree
		{"nowhere.txt", "tree/dangling.txt"},         // a link to nothing
	} {
		if err := os.Symlink(l.target, filepath.Join(root, l.link)); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut string
	var code int
	within(t, 30*time.Second, func() {
		out, errOut, code = mtlint(t, "", "check", "--quiet", "--format", "line", "--fail-on", "none", tree)
	})
	wantCode(t, code, 0, errOut)
	if errOut != "" {
		t.Errorf("stderr: %s", errOut)
	}
	for _, want := range []string{"inside.txt", "deep.txt"} {
		if strings.Count(out, want) != 1 {
			t.Errorf("%s reported %d times, want once:\n%s", want, strings.Count(out, want), out)
		}
	}
	if strings.Contains(out, "secret.txt") {
		t.Errorf("the walk left the tree:\n%s", out)
	}

	// --fix on the tree writes nothing outside it.
	_, errOut, code = mtlint(t, "", "check", "--fix", "--fail-on", "none", tree)
	wantCode(t, code, 0, errOut)
	wantContent(t, filepath.Join(tree, "inside.txt"), fixedUp)
	wantContent(t, filepath.Join(outside, "secret.txt"), fixable)

	// A link named on the command line is followed, to a file or a folder.
	for _, arg := range []string{filepath.Join(tree, "secret.txt"), filepath.Join(tree, "out")} {
		out, errOut, code = mtlint(t, "", "check", "--format", "line", "--fail-on", "none", arg)
		wantCode(t, code, 0, errOut)
		if !strings.Contains(out, "secret.txt") {
			t.Errorf("check %s: not checked:\n%s%s", arg, out, errOut)
		}
	}
	// A loop named on the command line is an error, not a hang.
	within(t, 30*time.Second, func() {
		_, errOut, code = mtlint(t, "", "check", filepath.Join(tree, "a"))
	})
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, "a") {
		t.Errorf("stderr: %s", errOut)
	}
}

// TestFixReadOnlyUntouched checks that --fix on a read-only file is an
// error that names it and leaves the file and its folder as they were. The
// check reads the mode, so it holds when running as root, who could write.
func TestFixReadOnlyUntouched(t *testing.T) {
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 2)
	if err := os.Chmod(paths[0], 0o444); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := mtlint(t, "", "check", "--fix", "--fail-on", "none", dir)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, "f00.txt") || !strings.Contains(errOut, "read-only") {
		t.Errorf("stderr: %s", errOut)
	}
	wantContent(t, paths[0], fixable)
	wantContent(t, paths[1], fixedUp)
	wantNoTemp(t, dir, paths)
	if st, err := os.Stat(paths[0]); err != nil || st.Mode().Perm() != 0o444 {
		t.Errorf("mode changed: %v %v", st.Mode(), err)
	}
}

// failingFile is a temporary file whose Write fails after limit bytes, or
// whose Sync or Close fails.
type failingFile struct {
	*os.File
	limit     int
	failSync  bool
	failClose bool
	written   int
}

var errNoSpace = &fs.PathError{Op: "write", Path: "disk", Err: syscall.ENOSPC}

func (f *failingFile) Write(p []byte) (int, error) {
	if f.limit >= 0 && f.written+len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit-f.written])
		f.written += n
		return n, errNoSpace
	}
	n, err := f.File.Write(p)
	f.written += n
	return n, err
}

func (f *failingFile) Sync() error {
	if f.failSync {
		return syscall.EIO
	}
	return f.File.Sync()
}

func (f *failingFile) Close() error {
	err := f.File.Close()
	if f.failClose {
		return syscall.EIO
	}
	return err
}

// TestFixWriteFails checks a write that fails midway, a failing sync, close
// and rename: the original is intact, the temporary file removed, the file
// named on stderr and the exit code 2. The other files are still fixed.
func TestFixWriteFails(t *testing.T) {
	for _, tc := range []struct {
		name   string
		file   failingFile
		rename bool
		reason string
	}{
		{"write", failingFile{limit: 10}, false, "no space left"},
		{"write nothing", failingFile{limit: 0}, false, "no space left"},
		{"sync", failingFile{limit: -1, failSync: true}, false, "input/output error"},
		{"close", failingFile{limit: -1, failClose: true}, false, "input/output error"},
		{"rename", failingFile{limit: -1}, true, "input/output error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := fixableFiles(t, dir, 3)
			var temps []string
			hook(t, &createTemp, func(dir, pattern string) (tempFile, error) {
				f, err := os.CreateTemp(dir, pattern)
				if err != nil {
					return nil, err
				}
				temps = append(temps, f.Name())
				if !strings.Contains(pattern, "f01.txt") {
					return f, nil
				}
				ff := tc.file
				ff.File = f
				return &ff, nil
			})
			if tc.rename {
				hook(t, &rename, func(from, to string) error {
					if filepath.Base(to) == "f01.txt" {
						return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
					}
					return os.Rename(from, to)
				})
			}
			_, errOut, code := mtlint(t, "", "check", "--fix", "--fail-on", "none", dir)
			wantCode(t, code, 2, errOut)
			if !strings.Contains(errOut, paths[1]+": not fixed") || !strings.Contains(errOut, tc.reason) {
				t.Errorf("stderr does not name %s with %q:\n%s", paths[1], tc.reason, errOut)
			}
			wantContent(t, paths[0], fixedUp)
			wantContent(t, paths[1], fixable)
			wantContent(t, paths[2], fixedUp)
			if len(temps) != 3 {
				t.Errorf("%d temporary files created, want 3", len(temps))
			}
			wantNoTemp(t, dir, paths)
		})
	}
}

// TestFixCreateTempFails checks a folder where no temporary file can be
// created (read-only, as root may still write it).
func TestFixCreateTempFails(t *testing.T) {
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 1)
	hook(t, &createTemp, func(dir, pattern string) (tempFile, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EROFS}
	})
	_, errOut, code := mtlint(t, "", "check", "--fix", paths[0])
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, paths[0]+": not fixed") || !strings.Contains(errOut, "read-only file system") {
		t.Errorf("stderr: %s", errOut)
	}
	wantContent(t, paths[0], fixable)
	wantNoTemp(t, dir, paths)
}

// TestFixInterrupted cancels the run's context (as SIGINT does through
// main) between files: the files before are fixed, the others untouched,
// no temporary file is left and the exit code is 130.
func TestFixInterrupted(t *testing.T) {
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 5)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int32
	hook(t, &beforeFix, func(name string) {
		if n.Add(1) == 3 {
			cancel()
		}
	})
	_, errOut, code := mtlintCtx(t, ctx, "check", "--fix", "--fail-on", "none", dir)
	wantCode(t, code, exitInterrupted, errOut)
	if !strings.Contains(errOut, "interrupted") || strings.Contains(errOut, "context canceled") {
		t.Errorf("stderr: %s", errOut)
	}
	for i, p := range paths {
		want := fixable
		if i < 2 {
			want = fixedUp
		}
		wantContent(t, p, want)
	}
	wantNoTemp(t, dir, paths)
}

// cancellingFile cancels the run's context while its data is written.
type cancellingFile struct {
	*os.File
	cancel func()
}

func (f *cancellingFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p[:len(p)/2])
	f.cancel()
	if err != nil {
		return n, err
	}
	m, err := f.File.Write(p[n:])
	return n + m, err
}

// TestFixInterruptedWhileWriting cancels the context in the middle of a
// file's write: the file is left untouched, not half written, and its
// temporary file is removed.
func TestFixInterruptedWhileWriting(t *testing.T) {
	dir := t.TempDir()
	paths := fixableFiles(t, dir, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hook(t, &createTemp, func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil || !strings.Contains(pattern, "f01.txt") {
			return f, err
		}
		return &cancellingFile{File: f, cancel: cancel}, nil
	})
	_, errOut, code := mtlintCtx(t, ctx, "check", "--fix", "--fail-on", "none", dir)
	wantCode(t, code, exitInterrupted, errOut)
	wantContent(t, paths[0], fixedUp)
	wantContent(t, paths[1], fixable)
	wantContent(t, paths[2], fixable)
	wantNoTemp(t, dir, paths)
}

// TestInterruptedCheck cancels the context before the check: exit 130, no
// report.
func TestInterruptedCheck(t *testing.T) {
	dir := t.TempDir()
	fixableFiles(t, dir, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, errOut, code := mtlintCtx(t, ctx, "check", dir)
	wantCode(t, code, exitInterrupted, errOut)
	if out != "" || strings.TrimSpace(errOut) != "mtlint: interrupted" {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
}

// TestManyFiles checks a folder of many small files and that the heap
// stays bounded while it does: what is kept of a file once checked is its
// findings, not its text or its parse.
func TestManyFiles(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	dir := t.TempDir()
	para := strings.Repeat("The minister of the interior, Gustavo Villatoro, said on Monday that the anti -gang plan had been a success. ", 8)
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%50))
		if i < 50 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%05d.txt", i)), []byte(para+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	out, errOut, code := mtlint(t, "", "check", "--format", "line", "--quiet", "--fail-on", "none", dir)
	close(stop)
	<-sampled
	wantCode(t, code, 0, errOut)
	if got := strings.Count(out, "spaced-hyphen"); got != 8*n {
		t.Errorf("%d spaced-hyphen findings, want %d", got, 8*n)
	}
	grown := int64(peak.Load()) - int64(base)
	t.Logf("%d files: heap %d MB before, peak %d MB", n, base>>20, peak.Load()>>20)
	// The findings are held whole (the output is sorted); the rest of a
	// file should not outlive its check. Measured at about 25 KB a file,
	// garbage not yet collected included: the bound catches a run that
	// keeps several times that per file.
	if limit := int64(n) * 64 << 10; grown > limit {
		t.Errorf("heap grew by %d MB for %d files, want under %d MB", grown>>20, n, limit>>20)
	}
}
