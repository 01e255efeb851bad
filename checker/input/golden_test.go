package input

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .blocks golden files")

// TestGolden reads every file in testdata and compares its blocks (with
// their positions and masked text) and suppressions with <file>.blocks.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".blocks") || filepath.Base(f) == "README.md" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(f, data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d.Text, d.Masked, d.Blocks)
			var b strings.Builder
			for _, bl := range d.Blocks {
				p, e := d.Position(bl.Start), d.Position(bl.End)
				t := strings.Join(strings.Fields(d.Masked[bl.Start:bl.End]), " ")
				if bl.Kind.String() == "code" {
					t = ""
				}
				fmt.Fprintf(&b, "%d:%d-%d:%d %s: %s\n", p.Line, p.Column, e.Line, e.Column, bl.Kind, t)
			}
			for _, r := range []string{"garbled-name", "repeated-word", "spacing"} {
				for i := 1; i <= d.Lines(); i++ {
					sp := d.LineSpan(i)
					if sp.End > sp.Start && d.Suppressed(r, sp.Start) {
						fmt.Fprintf(&b, "line %d: %s off\n", i, r)
					}
				}
			}
			golden := f + ".blocks"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("%s:\n%s\nwant:\n%s", f, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no test files")
	}
}
