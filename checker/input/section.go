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

func (sectioner) Cutter(path string, head []byte, size int) checker.Cutter {
	if IsBinary(head) {
		return nil // skipped whole
	}
	return NewCutter(size, IsMarkdown(path))
}

func (sectioner) Parse(path string, section []byte, first bool, carry any) (*checker.Document, any, error) {
	txt := string(section) // a copy: the run reads the file into the same memory again
	b := checker.TakeBuffers()
	if !IsMarkdown(path) {
		masked, blocks, starts := plainParseInto(b, txt, first)
		return b.NewDocument(path, txt, masked, blocks, nil, starts), nil, nil
	}
	open, _ := carry.([]string)
	masked, blocks, sup, still, starts := markdownParseInto(b, txt, first, open)
	return b.NewDocument(path, txt, masked, blocks, sup, starts), still, nil
}

// Cuts returns the offsets at which to cut data into sections of about size
// bytes, in increasing order; nil when data is no larger than size. It is
// what a Cutter finds given the whole of data at once.
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
	var cuts []int
	c := NewCutter(size, markdown)
	for {
		cut, ok := c.Next(data, 0, true)
		if !ok {
			return cuts
		}
		cuts = append(cuts, cut)
	}
}

// A Cutter finds the cuts Cuts does, reading the file a window at a time:
// it keeps its place between calls, so that a file is cut without being
// held whole. It decides a cut only from bytes it has seen, and asks for
// more until it can: the next cut needs about the 2×size bytes after the
// one before (more only in front matter not yet closed, or a line of
// stray UTF-8 continuation bytes longer than that).
type Cutter struct {
	size     int
	markdown bool
	larger   bool // the file is known to be larger than size
	done     bool // no cut follows

	// Front matter, in Markdown: frontKnown once st.frontEnd is found;
	// until then frontScan is the start of the next line to look at.
	frontKnown bool
	frontScan  int

	start    int  // of the section being cut
	lastPara int  // the last paragraph break in it (before size bytes), or -1
	lastLine int  // the last line start in it, or -1
	blank    bool // the line before ls is blank
	st       mdCutState

	// The line being scanned: it starts at ls; phase says how far it is.
	ls    int
	phase cutPhase
	// Where the scan for the line's end has reached, whether the bytes
	// before are all blank, and the line's end (after its '\n'; -1 while
	// unknown).
	scanned  int
	nonBlank bool
	next     int
}

type cutPhase uint8

const (
	atLineStart cutPhase = iota // deciding on a cut before the line
	inLine                      // finding the line's end
	tooLong                     // cutting a section too long before the line's end
)

// NewCutter returns a Cutter for sections of about size bytes, of a
// Markdown file or of plain text.
func NewCutter(size int, markdown bool) *Cutter {
	return &Cutter{size: size, markdown: markdown, frontKnown: !markdown, lastPara: -1, lastLine: -1, next: -1}
}

// Keep returns the first offset in the file that Next will read again:
// the bytes before it may be dropped from its window.
func (c *Cutter) Keep() int {
	switch {
	case !c.frontKnown:
		return 0
	case c.markdown && c.ls < c.start:
		// The Markdown state follows the whole line, from its start.
		return c.ls
	}
	return c.start
}

// Next returns the next cut, an offset in the file. buf holds the file's
// bytes from offset base on (base no later than Keep), and eof reports
// whether buf reaches the file's end. ok is false when Next needs bytes past
// the end of buf to decide on the cut; with eof, when there is no further
// cut. Next is called again with the same bytes and more, or with the bytes
// before Keep dropped.
func (c *Cutter) Next(buf []byte, base int, eof bool) (cut int, ok bool) {
	if c.done {
		return 0, false
	}
	end := base + len(buf)
	if !c.larger {
		if c.size <= 0 || eof && end <= c.size {
			c.done = true
			return 0, false
		}
		if end <= c.size {
			return 0, false
		}
		c.larger = true
	}
	if !c.frontKnown {
		if !c.frontMatter(buf, base, eof) {
			return 0, false
		}
	}
	size := c.size
	for {
		switch c.phase {
		case atLineStart:
			if c.ls >= end {
				c.done = eof
				return 0, false
			}
			ls := c.ls
			if ls > c.start {
				if end-ls < len(bom) && !eof {
					return 0, false // flushLeft looks for a byte-order mark
				}
				switch {
				case !c.blank || !c.st.top(ls) || !flushLeft(buf[ls-base:]):
					c.lastLine = ls
				case ls-c.start >= size:
					c.cut(ls)
					c.startLine()
					return ls, true
				default:
					c.lastPara, c.lastLine = ls, ls
				}
			}
			c.startLine()
		case inLine:
			if c.next < 0 {
				from := c.scanned - base
				to := len(buf)
				if i := bytes.IndexByte(buf[from:], '\n'); i >= 0 {
					to = from + i
					c.next = base + to + 1
				} else if eof {
					c.next = end
				}
				if !c.nonBlank {
					c.nonBlank = !isBlankBytes(buf[from:to])
				}
				c.scanned = base + to
			}
			c.phase = tooLong
		case tooLong:
			// Too long for a section: cut before the end of this line.
			if c.next < 0 && (c.scanned < end || eof) {
				c.phase = inLine // bytes came since the scan stopped
				continue
			}
			if c.next < 0 && end-c.start <= 2*size {
				c.phase = inLine
				return 0, false
			}
			if c.next >= 0 && c.next-c.start <= 2*size {
				c.endLine(buf, base)
				continue
			}
			switch {
			case c.lastPara-c.start >= size/2:
				cut = c.lastPara
			case c.lastLine > c.start:
				cut = c.lastLine
			case c.ls > c.start:
				cut = c.ls
			default:
				next := c.next
				if next < 0 {
					next = end
				}
				at := cutInLine(buf[c.start-base:], 0, max(size, c.ls+1-c.start), next-c.start)
				cut = c.start + at
				if c.next < 0 && max(cut, c.start+size)+len(bom) > end {
					// cutInLine looked at bytes up to its cut
					// (or size bytes in) and the two after.
					c.phase = inLine
					return 0, false
				}
				if eof && cut >= end {
					c.done = true
					return 0, false
				}
			}
			c.cut(cut)
			return cut, true
		}
	}
}

// startLine starts the scan of the line at c.ls.
func (c *Cutter) startLine() {
	c.phase = inLine
	c.scanned, c.nonBlank, c.next = c.ls, false, -1
}

// endLine follows the line that ends at c.next and moves to the next one.
func (c *Cutter) endLine(buf []byte, base int) {
	// isBlankBytes takes a CR for blank: the scan up to the '\n' said
	// the same.
	c.blank = !c.nonBlank
	if c.markdown && c.ls >= c.st.frontEnd {
		le := c.next
		if le > c.ls && buf[le-1-base] == '\n' {
			le--
		}
		if le > c.ls && buf[le-1-base] == '\r' {
			le--
		}
		c.st.line(buf[c.ls-base : le-base])
	}
	c.ls = c.next
	c.phase = atLineStart
}

func (c *Cutter) cut(at int) {
	c.start, c.lastPara, c.lastLine = at, -1, -1
}

// frontMatter finds where the front matter that opens the file ends, as
// frontMatterEnd does, and reports whether it could: false when it needs
// more of the file than buf holds.
func (c *Cutter) frontMatter(buf []byte, base int, eof bool) bool {
	if base != 0 {
		panic("input: the file's start was dropped before its front matter was read")
	}
	data := buf
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		if !eof && mayOpenFrontMatter(data) {
			return false
		}
		c.frontKnown = true
		return true
	}
	first := frontMatterMark(data[:i])
	if first != "---" && first != "+++" {
		c.frontKnown = true
		return true
	}
	ls := max(c.frontScan, i+1)
	for ls < len(data) {
		k := bytes.IndexByte(data[ls:], '\n')
		if k < 0 && !eof {
			break // the line goes on
		}
		next := len(data)
		if k >= 0 {
			next = ls + k + 1
		}
		t := strings.TrimSuffix(string(data[ls:next]), "\n")
		t = strings.TrimRight(strings.TrimSuffix(t, "\r"), " \t")
		if t == first || first == "---" && t == "..." {
			c.st.frontEnd, c.frontKnown = next, true
			return true
		}
		ls = next
	}
	c.frontScan = ls
	if eof {
		c.frontKnown = true // never closed: no front matter
		return true
	}
	return false
}

// frontMatterMark returns the first line of a file as it is compared with
// a front matter mark ("---" or "+++").
func frontMatterMark(line []byte) string {
	return strings.TrimRight(strings.TrimPrefix(strings.TrimSuffix(string(line), "\r"), "\uFEFF"), " \t")
}

// mayOpenFrontMatter reports whether a file's first line, of which b is
// the start, may yet turn out to be a front matter mark.
func mayOpenFrontMatter(b []byte) bool {
	if len(b) < len(bom) && bytes.HasPrefix(bom, b) {
		return true
	}
	b = bytes.TrimPrefix(b, bom)
	for i, c := range b {
		if i < 3 {
			if c != b[0] || c != '-' && c != '+' {
				return false
			}
			continue
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
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
