//go:build unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// With MTLINT_TEST_MAIN set, the test binary is mtlint itself: main runs
// with the arguments in MTLINT_TEST_ARGS (one a line), and each file to fix
// is announced on stderr and then waited for, so that a test can send a
// signal in the middle of --fix.
func init() {
	if os.Getenv("MTLINT_TEST_MAIN") != "1" {
		return
	}
	os.Args = append([]string{"mtlint"}, strings.Split(os.Getenv("MTLINT_TEST_ARGS"), "\n")...)
	beforeFix = func(name string) {
		fmt.Fprintf(os.Stderr, "fixing %s\n", name)
		time.Sleep(200 * time.Millisecond)
	}
	main()
}

// TestSignalDuringFix sends SIGINT and SIGTERM to a real process in the
// middle of --fix: it exits 130, the files fixed before the signal are
// fixed whole, the others untouched, and no temporary file is left.
func TestSignalDuringFix(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			paths := fixableFiles(t, dir, 6)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "MTLINT_TEST_MAIN=1",
				"MTLINT_TEST_ARGS="+strings.Join([]string{"check", "--fix", "--fail-on", "none", dir}, "\n"))
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Signal while the third file is about to be written.
			var lines []string
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				lines = append(lines, sc.Text())
				if strings.HasPrefix(sc.Text(), "fixing ") && strings.HasSuffix(sc.Text(), filepath.Base(paths[2])) {
					if err := cmd.Process.Signal(sig); err != nil {
						t.Fatal(err)
					}
					break
				}
			}
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
				t.Fatalf("exit: %v, want status %d; stderr:\n%s", err, exitInterrupted, strings.Join(lines, "\n"))
			}
			if !strings.Contains(strings.Join(lines, "\n"), "mtlint: interrupted") {
				t.Errorf("stderr:\n%s", strings.Join(lines, "\n"))
			}
			// The third file may or may not have been written when the
			// signal came; it is whole either way.
			for i, p := range paths {
				got, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case i < 2 && string(got) != fixedUp,
					i > 2 && string(got) != fixable,
					i == 2 && string(got) != fixable && string(got) != fixedUp:
					t.Errorf("%s holds %q", p, got)
				}
			}
			wantNoTemp(t, dir, paths)
		})
	}
}
