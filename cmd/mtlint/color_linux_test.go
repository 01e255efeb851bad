package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its terminal side.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptm.Close() })
	if err := unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open terminal: %v", err)
	}
	t.Cleanup(func() { pts.Close() })
	// Drain the terminal so that writes never block.
	go func() {
		buf := make([]byte, 32<<10)
		for {
			if _, err := ptm.Read(buf); err != nil {
				return
			}
		}
	}()
	return pts
}

// TestColorTerminal checks that colour is used on a terminal, and not with
// --no-color or NO_COLOR.
func TestColorTerminal(t *testing.T) {
	tty := openPTY(t)
	for _, tc := range []struct {
		name    string
		noColor string
		args    []string
		want    bool
	}{
		{"terminal", "", nil, true},
		{"--no-color", "", []string{"--no-color"}, false},
		{"NO_COLOR", "1", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", tc.noColor)
			t.Setenv("TERM", "xterm")
			app := newApp(tty, &strings.Builder{})
			var used bool
			app.Commands[0].Action = func(c *cli.Context) error {
				used = useColor(c, c.App.Writer)
				return nil
			}
			if err := app.Run(append([]string{"mtlint", "check"}, append(tc.args, seedArticle)...)); err != nil {
				t.Fatal(err)
			}
			if used != tc.want {
				t.Errorf("colour %v, want %v", used, tc.want)
			}
		})
	}
}
