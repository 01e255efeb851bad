package checker_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/text"
)

// posOf returns the position of the first occurrence of sub in d's text.
func posOf(t *testing.T, d *checker.Document, sub string) checker.Position {
	t.Helper()
	k := strings.Index(d.Text, sub)
	if k < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return d.Position(k)
}

func TestPosition(t *testing.T) {
	tests := []struct {
		name, text, at string
		line, col      int
	}{
		{"start", "Alpha beta.\n", "Alpha", 1, 1},
		{"LF", "Alpha.\nBeta gamma.\n", "gamma", 2, 6},
		{"CRLF", "Alpha.\r\nBeta gamma.\r\n\r\nDelta.\r\n", "gamma", 2, 6},
		{"CRLF after blank line", "Alpha.\r\n\r\nDelta epsilon.\r\n", "epsilon", 3, 7},
		{"CR is not a character of the next line", "A.\r\nB.\r\n", "B", 2, 1},
		{"BOM is not a column", "\uFEFFAlpha beta.\n", "beta", 1, 7},
		{"BOM, first character", "\uFEFFAlpha.\n", "Alpha", 1, 1},
		{"BOM only on line 1", "\uFEFFA.\nBeta.\n", "Beta", 2, 1},
		{"columns count runes", "Ñandú café — Bukele.\n", "Bukele", 1, 14},
		{"wide runes", "東京の Bukele.\n", "Bukele", 1, 5},
		{"tab is one column", "\tBukele.\n", "Bukele", 1, 2},
		{"no final newline", "A.\nLast", "Last", 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := input.Plain("p.txt", []byte(tt.text))
			p := posOf(t, d, tt.at)
			if p.Line != tt.line || p.Column != tt.col {
				t.Errorf("position of %q = %d:%d, want %d:%d", tt.at, p.Line, p.Column, tt.line, tt.col)
			}
			if p.Offset != strings.Index(tt.text, tt.at) {
				t.Errorf("offset %d, want %d", p.Offset, strings.Index(tt.text, tt.at))
			}
		})
	}
}

func TestPositionEnds(t *testing.T) {
	txt := "Ab.\r\nCd.\r\n"
	d := input.Plain("p.txt", []byte(txt))
	if p := d.Position(len(txt)); p.Line != 3 || p.Column != 1 {
		t.Errorf("end of text: %d:%d, want 3:1", p.Line, p.Column)
	}
	if p := d.Position(-5); p.Line != 1 || p.Column != 1 || p.Offset != 0 {
		t.Errorf("negative offset: %+v", p)
	}
	if p := d.Position(1 << 20); p.Offset != len(txt) {
		t.Errorf("offset past the end not clamped: %+v", p)
	}
	// The end of a span on a CRLF line sits before the CR.
	if p := d.Position(strings.Index(txt, "\r")); p.Line != 1 || p.Column != 4 {
		t.Errorf("before CR: %d:%d, want 1:4", p.Line, p.Column)
	}
	e := input.Plain("e.txt", nil)
	if p := e.Position(0); p.Line != 1 || p.Column != 1 || e.Lines() != 1 {
		t.Errorf("empty text: %+v, %d lines", p, e.Lines())
	}
}

func TestLineSpan(t *testing.T) {
	txt := "\uFEFFOne.\r\nTwo two.\n\r\nLast"
	d := input.Plain("p.txt", []byte(txt))
	want := []string{"\uFEFFOne.", "Two two.", "", "Last"}
	if d.Lines() != len(want) {
		t.Fatalf("%d lines, want %d", d.Lines(), len(want))
	}
	for i, w := range want {
		sp := d.LineSpan(i + 1)
		if got := txt[sp.Start:sp.End]; got != w {
			t.Errorf("line %d = %q, want %q", i+1, got, w)
		}
		if got := d.LineStart(i + 1); got != sp.Start {
			t.Errorf("LineStart(%d) = %d, want %d", i+1, got, sp.Start)
		}
	}
}

// TestFindingPosition follows a token found in the masked text back to
// the line and column a person sees, through a BOM and CRLF line ends.
func TestFindingPosition(t *testing.T) {
	txt := "\uFEFFTitle Here\r\n\r\nThe café of Naibbuckley, by the sea.\r\nMore text.\r\n"
	d := input.Plain("p.txt", []byte(txt))
	for _, tok := range d.Tokens {
		if d.TokenText(tok) != "Naibbuckley" {
			continue
		}
		start, end := d.Position(tok.Start), d.Position(tok.End)
		if start.Line != 3 || start.Column != 13 || end.Line != 3 || end.Column != 24 {
			t.Errorf("token at %d:%d–%d:%d, want 3:13–3:24", start.Line, start.Column, end.Line, end.Column)
		}
		return
	}
	t.Fatal("token not found")
}

// WordCount, counted as the document is built, counts the word tokens.
func TestWordCount(t *testing.T) {
	d := input.Plain("x.txt", []byte("Hello, world. It's 10:30 in the U.S.\n\n- An item, see www.example.com now.\n"))
	n := 0
	for _, tok := range d.Tokens {
		if tok.Kind == text.Word {
			n++
		}
	}
	if got := d.WordCount(); got != n || n == 0 {
		t.Errorf("WordCount() = %d, want %d", got, n)
	}
}

// Position agrees with counting lines and characters from the start, at
// every offset.
func TestPositionEveryOffset(t *testing.T) {
	txt := "\uFEFFfirst line\n\nthird é line\r\nfourth\n\n\nlast"
	d := input.Plain("x.txt", []byte(txt))
	for off := 0; off <= len(txt); off++ {
		line, start := 1, 0
		for i := 0; i < off; i++ {
			if txt[i] == '\n' {
				line, start = line+1, i+1
			}
		}
		if start == 0 && off >= 3 {
			start = 3 // the BOM is not a character
		}
		want := checker.Position{Offset: off, Line: line, Column: utf8.RuneCountInString(txt[start:off]) + 1}
		if got := d.Position(off); got != want {
			t.Errorf("Position(%d) = %+v, want %+v", off, got, want)
		}
	}
}
