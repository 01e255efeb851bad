package input

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/cputime"
)

// TestLongLine reads a 10 MB file that is one line, in plain text and in
// Markdown, and long runs of one marker character: four times the text
// must take less than nine times as long (no quadratic work). Processor
// times are compared, not bounded: the race detector slows both, and other
// programs on the machine do not count.
func TestLongLine(t *testing.T) {
	mb := 1 << 20
	if raceEnabled {
		mb /= 8 // the race detector slows everything about tenfold
	}
	word := "Word, and more text with *stars* [brackets] <angles> `ticks` _unders_ www.example.com a@b.org | pipes "
	for _, tc := range []struct {
		name  string
		parse func(string) (string, int)
	}{
		{"plain", func(s string) (string, int) { m, b := plainParse(s); return m, len(b) }},
		{"markdown", func(s string) (string, int) { m, b, _ := markdownParse(s); return m, len(b) }},
	} {
		in := strings.Repeat(word, 10*mb/len(word))
		masked, n := tc.parse(in)
		if len(masked) != len(in) || n != 1 {
			t.Errorf("%s: masked length %d (want %d), %d blocks (want 1)", tc.name, len(masked), len(in), n)
		}
		linear(t, tc.name+" line", func(k int) string { return strings.Repeat(word, k*10*mb/4/len(word)) },
			func(s string) { tc.parse(s) })
	}
	for _, unit := range []string{"`", "[", "<!--", "a@", "://"} {
		linear(t, "a run of "+unit, func(k int) string { return strings.Repeat(unit, k*mb/len(unit)) },
			func(s string) { markdownParse(s); plainParse(s) })
	}
}

// linear times parse on make(1) and on make(4), four times as much text,
// and fails if the larger took nine times as long or more, at best of three.
func linear(t *testing.T, name string, make func(k int) string, parse func(string)) {
	t.Helper()
	small, large := make(1), make(4)
	// The quickest of three runs, each after a collection: the least
	// disturbed by the rest of the machine.
	timeOf := func(s string) time.Duration {
		best := time.Hour
		for range 3 {
			runtime.GC()
			start := cputime.Now()
			parse(s)
			best = min(best, cputime.Since(start))
		}
		return max(best, time.Millisecond)
	}
	best := 0.0
	for try := 0; try < 3; try++ {
		r := float64(timeOf(large)) / float64(timeOf(small))
		if try == 0 || r < best {
			best = r
		}
		if best < 9 {
			return
		}
	}
	t.Errorf("%s: four times the text took %.1f times as long: worse than linear", name, best)
}

// TestNUL: a NUL byte makes a file binary and it is skipped; a NUL after the
// sniffed start is masked like any control character.
func TestNUL(t *testing.T) {
	if !IsBinary([]byte("text\x00more")) {
		t.Error("NUL near the start: not binary")
	}
	late := strings.Repeat("Some text. ", 1000) + "\x00tail."
	if IsBinary([]byte(late)) {
		t.Error("NUL after 8000 bytes: binary")
	}
	d, err := Parse("late.txt", []byte(late))
	if err != nil || strings.IndexByte(d.Masked, 0) >= 0 {
		t.Errorf("late NUL: %v, masked keeps NUL", err)
	}
}

// readProse returns the clean-prose corpus, joined.
func readProse(tb testing.TB) string {
	// MTLINT_BENCH_TEXT names another file to measure on, such as a
	// large one of real documentation.
	if f := os.Getenv("MTLINT_BENCH_TEXT"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		return string(data)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "prose", "*.txt"))
	if len(files) == 0 {
		tb.Skip("no prose corpus")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
	}
	return b.String()
}

// TestProseIsParagraphs: the clean-prose corpus, hard-wrapped, reads as
// paragraphs only, in both readers.
func TestProseIsParagraphs(t *testing.T) {
	s := readProse(t)
	_, blocks := plainParse(s)
	_, mdBlocks, _ := markdownParse(s)
	for name, bs := range map[string][][]checker.Block{"plain": {blocks}, "markdown": {mdBlocks}} {
		other := 0
		for _, b := range bs[0] {
			if b.Kind.String() != "paragraph" {
				other++
			}
		}
		if other*200 > len(bs[0]) { // at most 0.5%
			t.Errorf("%s: %d of %d blocks are not paragraphs", name, other, len(bs[0]))
		}
	}
}

func BenchmarkPlain(b *testing.B) {
	s := readProse(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		plainParse(s)
	}
}

func BenchmarkMarkdown(b *testing.B) {
	s := readProse(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		markdownParse(s)
	}
}

// BenchmarkPlainDocument includes NewDocument's sentences and tokens.
func BenchmarkPlainDocument(b *testing.B) {
	s := []byte(readProse(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Plain("prose.txt", s)
	}
}
