package input

import (
	"bytes"
	"math/rand/v2"
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
		{name: "front matter cut small", in: "---  \ntitle: x\n\nmore: y\n\nz\n...\n\nText one.\n\nText two.\n", size: 5, markdown: true,
			want: []int{6, 16, 25, 32, 42, 43}},
		{name: "unclosed front matter", in: "---\ntitle: x\n\nmore: y\n\nText one.\n\nText two.\n", size: 6, markdown: true,
			want: []int{4, 14, 23, 34}},
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
			if ref := referenceCuts([]byte(tt.in), tt.size, tt.markdown); !slices.Equal(got, ref) {
				t.Errorf("cuts %v, the reference cutter's %v", got, ref)
			}
			for _, chunk := range []int{1, 3, 7, 64} {
				if s := streamCuts([]byte(tt.in), tt.size, tt.markdown, func() int { return chunk }); !slices.Equal(got, s) {
					t.Errorf("cuts %v, read %d bytes at a time %v", got, chunk, s)
				}
			}
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
		d, next, err := Sections.Parse("a.md", data[start:end], start == 0, carry)
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

// streamCuts returns the cuts a Cutter finds when the file data is read
// chunk() bytes at a time, each window a copy of the bytes from the last
// cut (or from Keep, if earlier) on: the Cutter sees no byte outside it.
//
// The end of the file is told only once Next has asked for more at it, as
// a reader tells it only when read again.
func streamCuts(data []byte, size int, markdown bool, chunk func() int) []int {
	c := NewCutter(size, markdown)
	var cuts []int
	base, end, last := 0, 0, 0
	eof := false
	for {
		buf := append([]byte(nil), data[base:end]...)
		cut, ok := c.Next(buf, base, eof)
		if ok {
			cuts = append(cuts, cut)
			last = cut
			continue
		}
		if eof {
			return cuts
		}
		base = min(last, c.Keep())
		eof = end == len(data)
		end = min(len(data), end+chunk())
	}
}

// TestStreamCuts: a Cutter given the file a few bytes at a time cuts it
// where it cuts the file given whole, and where the cutter this one
// replaced did, on random plain text and Markdown rich in what the cuts
// depend on: blank and indented lines, CRs, fences, comments, raw HTML,
// front matter, byte-order marks, long lines, runes and stray bytes.
func TestStreamCuts(t *testing.T) {
	pieces := []string{
		"word", "word word", "  indented", "\tcode", "", "", "", " ", "\r", "```", "~~~~", "```go",
		"<!-- a", "-->", "<!-- x -->", "<pre>", "</pre>", "<script>", "</script>",
		"---", "+++", "...", "\uFEFF", "\uFEFFword", "é€é€", "\x80\x80", "\xe2\x82", "> quote",
		"- item", "1. item", strings.Repeat("x", 40), strings.Repeat("long line ", 6), "   ",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		var b bytes.Buffer
		lines := rng.IntN(60)
		if rng.IntN(3) == 0 {
			b.WriteString([]string{"---\n", "+++\r\n", "\uFEFF---\n", "--- \n", "---", "---\t\r\n"}[rng.IntN(6)])
		}
		for i := 0; i < lines; i++ {
			for k := rng.IntN(3); k >= 0; k-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				if rng.IntN(3) == 0 {
					b.WriteByte(' ')
				}
			}
			if i+1 < lines || rng.IntN(2) == 0 {
				b.WriteString([]string{"\n", "\n", "\n", "\r\n"}[rng.IntN(4)])
			}
		}
		data := b.Bytes()
		size := 1 + rng.IntN(1+rng.IntN(40))
		md := rng.IntN(2) == 0
		want := referenceCuts(data, size, md)
		if got := Cuts(data, size, md); !slices.Equal(got, want) {
			t.Fatalf("%q (size %d, markdown %v): cuts %v, the reference cutter's %v", data, size, md, got, want)
		}
		for _, chunk := range []func() int{
			func() int { return 1 },
			func() int { return 1 + rng.IntN(2*size+8) },
			func() int { return len(data) }, // all at once, the end told later
		} {
			if got := streamCuts(data, size, md, chunk); !slices.Equal(got, want) {
				t.Fatalf("%q (size %d, markdown %v): cuts read in chunks %v, whole %v", data, size, md, got, want)
			}
		}
	}
}

// referenceCuts is the cutter Cutter replaced, which needed the whole file
// at once: Cuts must cut where it did.
func referenceCuts(data []byte, size int, markdown bool) []int {
	if size <= 0 || len(data) <= size {
		return nil
	}
	var (
		cuts     []int
		start    int  // of the section being cut
		lastPara = -1 // the last paragraph break in it (before size bytes)
		lastLine = -1 // the last line start in it
		blank    bool // the line before is blank
		st       mdCutState
	)
	if markdown {
		st.frontEnd = referenceFrontMatterEnd(data)
	}
	cut := func(c int) {
		cuts = append(cuts, c)
		start, lastPara, lastLine = c, -1, -1
	}
	for ls := 0; ls < len(data); {
		if ls > start {
			switch {
			case !blank || !st.top(ls) || !flushLeft(data[ls:]):
				lastLine = ls
			case ls-start >= size:
				cut(ls)
			default:
				lastPara, lastLine = ls, ls
			}
		}
		next := len(data)
		if i := bytes.IndexByte(data[ls:], '\n'); i >= 0 {
			next = ls + i + 1
		}
		// Too long for a section: cut before the end of this line.
		for next-start > 2*size {
			switch {
			case lastPara-start >= size/2:
				cut(lastPara)
			case lastLine > start:
				cut(lastLine)
			case ls > start:
				cut(ls)
			default:
				c := cutInLine(data, start, max(start+size, ls+1), next)
				if c >= len(data) {
					return cuts
				}
				cut(c)
			}
		}
		le := next
		if le > ls && data[le-1] == '\n' {
			le--
		}
		if le > ls && data[le-1] == '\r' {
			le--
		}
		l := data[ls:le]
		blank = isBlankBytes(l)
		if markdown && ls >= st.frontEnd {
			st.line(l)
		}
		ls = next
	}
	return cuts
}

// referenceFrontMatterEnd returns where the front matter that opens data ends (0
// for none), as the Markdown reader finds it.
func referenceFrontMatterEnd(data []byte) int {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return 0
	}
	first := frontMatterMark(data[:i])
	if first != "---" && first != "+++" {
		return 0
	}
	for ls := i + 1; ls < len(data); {
		next := len(data)
		if k := bytes.IndexByte(data[ls:], '\n'); k >= 0 {
			next = ls + k + 1
		}
		t := strings.TrimSuffix(string(data[ls:next]), "\n")
		t = strings.TrimRight(strings.TrimSuffix(t, "\r"), " \t")
		if t == first || first == "---" && t == "..." {
			return next
		}
		ls = next
	}
	return 0
}
