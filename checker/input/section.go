package input

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// Sections cuts large files into sections, at paragraph breaks, and parses
// each section as Parse would the file, with what the sections before it
// leave open (a Markdown mtlint-disable region).
var Sections checker.Sectioner = sectioner{}

type sectioner struct{}

func (sectioner) Cut(path string, data []byte, size int) []int {
	if IsBinary(data) {
		return nil // skipped whole
	}
	return Cuts(data, size, IsMarkdown(path))
}

func (sectioner) Parse(path string, data []byte, start, end int, carry any) (*checker.Document, any, error) {
	txt := string(data[start:end])
	if !IsMarkdown(path) {
		masked, blocks := plainParseAt(txt, start == 0)
		return checker.NewDocument(path, txt, masked, blocks, nil), nil, nil
	}
	open, _ := carry.([]string)
	masked, blocks, sup, still := markdownParseAt(txt, start == 0, open)
	return checker.NewDocument(path, txt, masked, blocks, sup), still, nil
}

// Cuts returns the offsets at which to cut data into sections of about size
// bytes, in increasing order; nil when data is no larger than size.
//
// A section ends after a blank line, where the next line starts flush left
// (not indented, so no list item or indented code goes on across the cut):
// there a paragraph ends and the text after it reads the same on its own.
// The cut is the first such place size bytes or more into the section. In
// Markdown a cut is never made inside front matter, a fenced code block, an
// HTML comment or a raw HTML block (pre, script, style, textarea). A
// section that reaches twice size without such a place is cut at the last
// paragraph break past half of size, else at the last line break, else (a
// single long line) after a space near size bytes, or at the start of any
// character there; never between a CR and its LF, nor before a byte-order
// mark.
func Cuts(data []byte, size int, markdown bool) []int {
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
		st.frontEnd = frontMatterEnd(data)
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

// cutInLine returns where to cut the line that ends at next, at or after
// offset c and after start: after a space shortly before c if there is
// one, else at the first character that starts at or after c, not between
// a CR and an LF, and not before a byte-order mark.
func cutInLine(data []byte, start, c, next int) int {
	from := max(c-256, start+1)
	if from < c {
		if k := bytes.LastIndexByte(data[from:c], ' '); k >= 0 && !bytes.HasPrefix(data[from+k+1:], bom) {
			return from + k + 1
		}
	}
	// A run of byte-order marks is passed only so far: the sections must
	// stay bounded, even on nonsense.
	for limit := c + 16; c < next && (!utf8.RuneStart(data[c]) || data[c-1] == '\r' && data[c] == '\n' || c < limit && bytes.HasPrefix(data[c:], bom)); {
		c++
	}
	return c
}

var bom = []byte("\uFEFF")

// flushLeft reports whether the line that starts b has text in its first
// column: not a space or tab, not a line break, not a byte-order mark.
func flushLeft(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case ' ', '\t', '\r', '\n':
		return false
	}
	return !bytes.HasPrefix(b, bom)
}

func isBlankBytes(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// mdCutState follows the Markdown constructs a cut must not fall inside.
type mdCutState struct {
	frontEnd int    // front matter ends here
	fence    string // the open code fence ("```"), or ""
	closing  string // the end looked for: "-->" in an HTML comment, "</pre" in a raw HTML block
}

// top reports whether offset ls, a line start, is outside every construct.
func (st *mdCutState) top(ls int) bool {
	return ls >= st.frontEnd && st.fence == "" && st.closing == ""
}

// line follows the constructs through line l, as the parser reads them but
// with quote markers and indentation of any depth stripped: where the two
// disagree, the cuts are fewer, not misplaced.
func (st *mdCutState) line(l []byte) {
	switch {
	case st.closing == "-->":
		if bytes.Contains(l, []byte("-->")) {
			st.closing = ""
		}
		return
	case st.closing != "":
		if indexFold(string(l), st.closing) >= 0 {
			st.closing = ""
		}
		return
	}
	c := string(bytes.TrimLeft(l, " \t>"))
	if st.fence != "" {
		if strings.HasPrefix(c, st.fence) && strings.Trim(c, st.fence[:1]+" \t") == "" {
			st.fence = ""
		}
		return
	}
	if f := fenceOf(c); f != "" {
		st.fence = f
		return
	}
	if tag := rawHTMLBlock(c); tag != "" {
		if indexFold(c, "</"+tag) < 0 {
			st.closing = "</" + tag
		}
		return
	}
	if strings.HasPrefix(c, "<!--") && !strings.Contains(c[4:], "-->") {
		st.closing = "-->"
	}
}

// frontMatterEnd returns where the front matter that opens data ends (0
// for none), as the Markdown reader finds it.
func frontMatterEnd(data []byte) int {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return 0
	}
	first := strings.TrimRight(strings.TrimPrefix(strings.TrimSuffix(string(data[:i]), "\r"), "\uFEFF"), " \t")
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
