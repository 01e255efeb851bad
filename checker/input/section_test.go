package input

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCuts(t *testing.T) {
	para := func(n int, s string) string { return strings.Repeat(s, n) }
	// Ten paragraphs of 41 bytes.
	paras := para(10, strings.Repeat("word ", 7)+"end.\n\n")
	fence := "```\n" + para(6, "code\n\n") + "```\n\n"
	for _, tt := range []struct {
		name     string
		in       string
		size     int
		markdown bool
		want     []int // nil: check only the invariants and how many
		n        int   // the number of cuts, when want is nil
	}{
		{name: "small", in: paras, size: 1000, want: nil, n: 0},
		{name: "blank lines", in: paras, size: 100, want: []int{123, 246, 369}},
		{name: "exact size", in: paras, size: 82, want: []int{82, 164, 246, 328}},
		{name: "crlf", in: strings.ReplaceAll(paras, "\n", "\r\n"), size: 100, want: []int{129, 258, 387}},
		// An indented line after a blank one may continue a list item
		// or be code: no cut before it.
		{name: "indented", in: "aaaa\n\n  bbbb\n\ncccc\n\ndddd\n", size: 5, markdown: false, want: []int{6, 14, 20}},
		// A fence holding blank lines is never cut; the cut comes after it.
		{name: "fence", in: "Text here.\n\n" + fence + "After.\n\nMore text.\n", size: 30, markdown: true,
			want: []int{len("Text here.\n\n" + fence)}},
		// The same text as plain text is cut at its blank lines.
		{name: "fence in plain text", in: "Text here.\n\n" + fence + "After.\n\nMore text.\n", size: 20, want: []int{22, 46}},
		{name: "comment", in: "Text.\n\n<!-- a comment\n\nover\n\nlines -->\n\nAfter it.\n\nEnd.\n", size: 20, markdown: true,
			want: []int{len("Text.\n\n<!-- a comment\n\nover\n\nlines -->\n\n")}},
		{name: "comment in plain text", in: "Text.\n\n<!-- a comment\n\nover\n\nlines -->\n\nAfter it.\n\nEnd.\n", size: 20,
			want: []int{len("Text.\n\n<!-- a comment\n\n"), len("Text.\n\n<!-- a comment\n\nover\n\nlines -->\n\nAfter it.\n\n")}},
		{name: "raw html", in: "Text.\n\n<pre>\nx\n\ny\n\n</pre>\n\nAfter it.\n", size: 15, markdown: true,
			want: []int{len("Text.\n\n<pre>\nx\n\ny\n\n</pre>\n\n")}},
		{name: "front matter", in: "---\ntitle: x\n\nmore: y\n---\n\nText one.\n\nText two.\n", size: 20, markdown: true,
			want: []int{len("---\ntitle: x\n\nmore: y\n---\n\n")}},
		// Constructs longer than twice the size are cut all the same.
		{name: "long fence", in: "Text here.\n\n" + fence + "After.\n\nMore text.\n", size: 20, markdown: true, want: []int{12, 52}},
		// No paragraph break: cut at line breaks, before twice the size.
		{name: "lines", in: para(20, "a line of text\n"), size: 50, want: []int{90, 180, 270}},
		// One line: cut after a space, else at a character's start.
		{name: "giant line", in: para(100, "word "), size: 64, n: 7},
		{name: "giant line of runes", in: para(300, "é€"), size: 64, n: 22},
		{name: "giant line of CRs", in: para(300, "\r"), size: 64, want: []int{64, 128, 192}},
		{name: "blank crlf lines", in: para(300, "\r\n"), size: 64, want: []int{128, 256, 384, 512}},
		{name: "byte-order marks", in: para(300, "\uFEFF"), size: 64, n: 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Cuts([]byte(tt.in), tt.size, tt.markdown)
			if tt.want != nil && !slices.Equal(got, tt.want) {
				t.Errorf("cuts %v, want %v", got, tt.want)
			}
			if tt.want == nil && len(got) != tt.n {
				t.Errorf("%d cuts %v, want %d", len(got), got, tt.n)
			}
			prev := 0
			for _, c := range got {
				switch {
				case c <= prev || c >= len(tt.in):
					t.Errorf("cut %d out of order or range (%v)", c, got)
				case !utf8.RuneStart(tt.in[c]):
					t.Errorf("cut %d inside a character", c)
				case tt.in[c-1] == '\r' && tt.in[c] == '\n':
					t.Errorf("cut %d inside a CRLF", c)
				case strings.HasPrefix(tt.in[c:], "\uFEFF") && !strings.HasPrefix(tt.name, "byte-order"):
					t.Errorf("cut %d before a byte-order mark", c)
				case c-prev > 2*tt.size:
					t.Errorf("section %d-%d longer than twice %d", prev, c, tt.size)
				}
				prev = c
			}
			if len(tt.in)-prev > 2*tt.size && len(got) > 0 {
				t.Errorf("last section %d-%d longer than twice %d", prev, len(tt.in), tt.size)
			}
		})
	}
}

// TestSectionsCarrySuppression: a Markdown mtlint-disable region open at the
// end of a section goes on in the next, up to its mtlint-enable.
func TestSectionsCarrySuppression(t *testing.T) {
	text := "One.\n\n<!-- mtlint-disable repeated-word -->\n\nTwo.\n\nThree.\n\n<!-- mtlint-enable -->\n\nFour.\n"
	data := []byte(text)
	cuts := []int{strings.Index(text, "Two"), strings.Index(text, "Three"), strings.Index(text, "Four")}
	var carry any
	var got []bool // whether repeated-word is off at each section's start
	for k := 0; k <= len(cuts); k++ {
		start, end := 0, len(data)
		if k > 0 {
			start = cuts[k-1]
		}
		if k < len(cuts) {
			end = cuts[k]
		}
		d, next, err := Sections.Parse("a.md", data, start, end, carry)
		if err != nil {
			t.Fatal(err)
		}
		carry = next
		got = append(got, d.Suppressed("repeated-word", 0))
		if k == 0 && !d.Suppressed("repeated-word", end-1) {
			t.Error("the region is off at the end of its first section")
		}
		if k == 2 && d.Suppressed("repeated-word", end-1) {
			t.Error("the region goes on past mtlint-enable")
		}
	}
	if want := []bool{false, true, true, false}; !slices.Equal(got, want) {
		t.Errorf("off at the sections' starts: %v, want %v", got, want)
	}
}
