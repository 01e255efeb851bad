package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
)

// TestLongLine reads a 10 MB file that is one line, in plain text and in
// Markdown: it must take well under a second (no quadratic work).
func TestLongLine(t *testing.T) {
	word := "Word, and more text with *stars* [brackets] <angles> `ticks` _unders_ www.example.com a@b.org | pipes "
	in := strings.Repeat(word, 10<<20/len(word))
	for _, tc := range []struct {
		name  string
		parse func(string) (string, int)
	}{
		{"plain", func(s string) (string, int) { m, b := plainParse(s); return m, len(b) }},
		{"markdown", func(s string) (string, int) { m, b, _ := markdownParse(s); return m, len(b) }},
	} {
		start := time.Now()
		masked, n := tc.parse(in)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: 10 MB line took %v", tc.name, d)
		}
		if len(masked) != len(in) || n != 1 {
			t.Errorf("%s: masked length %d (want %d), %d blocks (want 1)", tc.name, len(masked), len(in), n)
		}
	}
	// Long runs of one marker character.
	for _, s := range []string{strings.Repeat("`", 1<<20), strings.Repeat("[", 1<<20), strings.Repeat("<!--", 1<<18), strings.Repeat("a@", 1<<19), strings.Repeat("://", 1<<19)} {
		start := time.Now()
		markdownParse(s)
		plainParse(s)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("1 MB of %q took %v", s[:4], d)
		}
	}
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
	for b.Loop() {
		Plain("prose.txt", s)
	}
}
