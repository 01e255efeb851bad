package input

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// Plain reads plain text.
//
// Paragraphs are separated by blank lines; a hard-wrapped paragraph is one
// block, while a run of lines that each end a sentence (one segment per
// line, as translation tools write) gives one block per line. A short line
// without final punctuation is a Heading when text follows it (directly, or
// after a blank line when it opens the document), and a Caption when it
// stands alone (credits, datelines, photo captions). A line starting with a
// bullet ("- ", "* ", "• ") or a number ("1. ", "1) ") is a ListItem, its
// marker masked. URLs and e-mail addresses are masked.
func Plain(path string, data []byte) *checker.Document {
	txt := sharedString(data)
	b := checker.TakeBuffers()
	masked, blocks, starts := plainParseInto(b, txt, true)
	return b.NewDocument(path, txt, masked, blocks, nil, starts)
}

// plainParse is Plain without building the Document.
func plainParse(txt string) (string, []checker.Block) { return plainParseAt(txt, true) }

// plainParseAt is plainParse for a text that opens the document (atStart)
// or is a later section of it, whose first line is no title by position.
func plainParseAt(txt string, atStart bool) (string, []checker.Block) {
	masked, blocks, _ := plainParseLines(txt, atStart)
	return masked, blocks
}

// plainParseLines is plainParseAt that also returns the line starts of txt
// (checker.LineStarts), found while masking.
func plainParseLines(txt string, atStart bool) (string, []checker.Block, []int) {
	return plainParseInto(nil, txt, atStart)
}

// plainParseInto is plainParseLines that builds the masked text, line
// starts and blocks in b's memory, and stores there the slices used; b
// may be nil.
func plainParseInto(b *checker.Buffers, txt string, atStart bool) (string, []checker.Block, []int) {
	var (
		m      []byte
		starts []int
		blocks []checker.Block
	)
	if b != nil {
		m, starts, blocks = b.Masked, b.Lines, b.Blocks
	}
	m, starts, cr := maskBase(m, starts, txt)
	MaskLinks(txt, m)
	sc := scratchOf(b)
	sc.lines = linesAt(sc.lines, txt, starts, cr)
	masked, blocks := plainBlocks(blocks, &sc.heads, txt, m, sc.lines, atStart)
	if b != nil {
		b.Masked, b.Lines, b.Blocks = m, starts, blocks
	}
	return masked, blocks, starts
}

// scratch holds the slices a reader needs only while it runs, kept with
// the Buffers of a Document for the next one (see checker.Buffers).
type scratch struct {
	lines []line
	heads []byte
}

// scratchOf returns the scratch memory kept in b, or new memory when b is
// nil.
func scratchOf(b *checker.Buffers) *scratch {
	if b == nil {
		return new(scratch)
	}
	sc, ok := b.Scratch.(*scratch)
	if !ok {
		sc = new(scratch)
		b.Scratch = sc
	}
	return sc
}

type line struct{ start, end int } // end excludes the line break

// linesAt returns the lines of s given its line starts
// (checker.LineStarts), built in out from its length 0: "\r\n" and "\n"
// end lines, and a final line break starts none. cr says s may hold a CR:
// else no line end is looked at for one.
func linesAt(out []line, s string, starts []int, cr bool) []line {
	n := len(starts)
	if n > 0 && starts[n-1] >= len(s) {
		n-- // a final line break starts no line (nor does the start of "")
	}
	if n == 0 {
		return reuse(out, 0)
	}
	out = reuse(out, n)[:n]
	if cr {
		for k := range n - 1 {
			start, end := starts[k], starts[k+1]-1
			if end > start && s[end-1] == '\r' {
				end--
			}
			out[k] = line{start, end}
		}
	} else {
		for k := range n - 1 {
			out[k] = line{starts[k], starts[k+1] - 1}
		}
	}
	start, end := starts[n-1], len(s)
	if n < len(starts) {
		end = starts[n] - 1
	}
	if end > start && s[end-1] == '\r' {
		end--
	}
	out[n-1] = line{start, end}
	return out
}

// plainBlocks finds the blocks of s, whose masked form is m and whose lines
// are lines, blanking list markers and rules in m. It returns the final
// masked text and the blocks, built in blocks from its length 0. atStart
// says s opens the document (see plainParseAt). scratch is memory to use
// for a slice as long as lines.
func plainBlocks(blocks []checker.Block, scratch *[]byte, s string, m []byte, lines []line, atStart bool) (string, []checker.Block) {
	// At most a block per line, and one per two in text with blank
	// lines between paragraphs, rarely more: room for that many saves
	// copying the list over and over as it grows.
	blocks = reuse(blocks, len(lines)/2+1)
	// The head of each line, found once: the first byte of its masked
	// form that is no space, tab or CR, or headBlank or headRule. A rule
	// ("=====" under a title, "* * *" between parts) is blanked in m, and
	// so is blank. The loops below ask again and again whether a line is
	// blank, and the head alone rules out a list item or a break before
	// the line for most lines. Every entry is set.
	heads := reuse(*scratch, len(lines))[:len(lines)]
	*scratch = heads
	for i, l := range lines {
		// Most lines start with a letter, perhaps indented (within
		// eight bytes): neither a rule nor blank.
		mt := m[l.start:l.end]
		if len(mt) == 0 { // an empty line: blank
			heads[i] = headBlank
			continue
		}
		if len(mt) >= 8 {
			if x := binary.LittleEndian.Uint64(mt) ^ ' '*0x0101010101010101; x != 0 {
				if c := mt[bits.TrailingZeros64(x)/8]; ordinaryLineStart[c] {
					heads[i] = c
					continue
				}
			}
		}
		h, rule := lineHead(s[l.start:l.end], mt)
		if rule {
			blank(m, l.start, l.end)
			h = headRule
		}
		heads[i] = h
	}
	// The text to classify is m as it is now, before list markers are
	// blanked; it is read only until the markers are written below.
	ms := ownedString(m)
	var markers []checker.Span
	first := atStart
	for i := 0; i < len(lines); {
		if heads[i] <= headRule {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && heads[j] > headRule {
			j++
		}
		// lines[i:j] is a paragraph. A short unpunctuated line alone is a
		// caption, or the title when it opens the document.
		switch {
		case j-i == 1 && isTitleLine(ms[lines[i].start:lines[i].end]) && !(markerStart[heads[i]] && isListLine(ms[lines[i].start:lines[i].end])):
			kind := checker.Caption
			if (first && j < len(lines) || j < len(lines) && heads[j] == headRule) && !isCredit(ms[lines[i].start:lines[i].end]) {
				kind = checker.Heading
			}
			blocks = append(blocks, trimmedBlock(ms, lines[i].start, lines[i].end, kind))
		default:
			blocks, markers = appendParagraph(blocks, markers, ms, lines[i:j], heads[i:j])
		}
		first = false
		i = j
	}
	if len(markers) == 0 {
		return ms, blocks
	}
	for _, sp := range markers {
		blank(m, sp.Start, sp.End)
	}
	return ownedString(m), blocks
}

// appendParagraph appends the blocks of the non-blank lines ls, whose
// heads (see plainBlocks) are heads: list items, then one block for a
// hard-wrapped paragraph or one per line when every line is a unit of its
// own. It appends the list markers, to be blanked, to markers.
func appendParagraph(blocks []checker.Block, markers []checker.Span, s string, ls []line, heads []byte) ([]checker.Block, []checker.Span) {
	// A line whose head starts no marker is no list item (listMarker
	// reads that byte first, or a space, tab or CR before it): most
	// paragraphs hold none at all.
	if !anyMarkerStart(heads) {
		return appendLines(blocks, s, ls, heads), markers
	}
	itemStart := func(n int, prevIsItem bool) bool {
		return markerStart[heads[n]] && isItemStart(s, ls[n-1], ls[n], prevIsItem)
	}
	for len(ls) > 0 {
		// A list item, with the lines it wraps onto.
		if w := listMarkerAt(s, ls[0], heads[0]); w > 0 {
			markers = append(markers, spanOf(ls[0].start, ls[0].start+w))
			n := 1
			for n < len(ls) && !itemStart(n, true) && !endsSentence(s[ls[n-1].start:ls[n-1].end]) {
				n++
			}
			blocks = append(blocks, trimmedBlock(s, ls[0].start+w, ls[n-1].end, checker.ListItem))
			ls, heads = ls[n:], heads[n:]
			continue
		}
		// Text up to the next list item.
		n := 1
		for n < len(ls) && !itemStart(n, false) {
			n++
		}
		blocks = appendLines(blocks, s, ls[:n], heads[:n])
		ls, heads = ls[n:], heads[n:]
	}
	return blocks, markers
}

// anyMarkerStart reports whether a head in heads starts a list marker.
func anyMarkerStart(heads []byte) bool {
	for _, h := range heads {
		if markerStart[h] {
			return true
		}
	}
	return false
}

// listMarkerAt is listMarker of line l of s, whose head is h: 0 at once
// when h starts no marker.
func listMarkerAt(s string, l line, h byte) int {
	if !markerStart[h] {
		return 0
	}
	return listMarker(s[l.start:l.end])
}

// isItemStart reports whether line l starts a list item, given the line
// before it, prev: a bullet after the end of a sentence, a colon or another
// item; a number ("2. ") only after a colon or another item, so that a
// wrapped line starting with a number is not taken for one.
func isItemStart(s string, prev, l line, prevIsItem bool) bool {
	t := s[l.start:l.end]
	w := listMarker(t)
	if w == 0 {
		return false
	}
	if prevIsItem {
		return true
	}
	p := strings.TrimRight(s[prev.start:prev.end], " \t")
	if strings.HasSuffix(p, ":") {
		return true
	}
	c := strings.TrimLeft(t, " \t")
	return (c[0] < '0' || c[0] > '9') && endsSentence(p)
}

// appendLines appends the blocks of the lines ls of a paragraph, whose
// heads (see plainBlocks) are heads.
func appendLines(blocks []checker.Block, s string, ls []line, heads []byte) []checker.Block {
	if len(ls) == 1 {
		return append(blocks, trimmedBlock(s, ls[0].start, ls[0].end, checker.Paragraph))
	}
	// The longest line in bytes, a guess at the width text was wrapped
	// to, is found when a break is first looked at: for most lines the
	// head of the next one rules a break out.
	width := -1
	// title reports whether line i is a title: a title line that does not
	// run on into the next one. It is asked up to three times a line, so
	// the answers are kept (0 unknown, 1 no, 2 yes).
	var known [32]uint8
	titles := known[:0]
	if len(ls) <= len(known) {
		titles = known[:len(ls)]
	} else {
		titles = make([]uint8, len(ls))
	}
	title := func(i int) bool {
		if titles[i] == 0 {
			t := s[ls[i].start:ls[i].end]
			titles[i] = 1
			broken := i+1 == len(ls)
			if !broken && mayBreakBefore[heads[i+1]] {
				if width < 0 {
					for _, l := range ls {
						width = max(width, l.end-l.start)
					}
				}
				broken = isBrokenBefore(t, s[ls[i+1].start:ls[i+1].end], width)
			}
			if broken && isTitleLine(t) {
				titles[i] = 2
			}
		}
		return titles[i] == 2
	}
	if len(ls) > 1 && segmentPerLine(s, ls, title) {
		for i, l := range ls {
			kind := checker.Paragraph
			if title(i) {
				kind = checker.Caption
				if i+1 < len(ls) && !title(i+1) && !isCredit(s[l.start:l.end]) {
					kind = checker.Heading
				}
			}
			blocks = append(blocks, trimmedBlock(s, l.start, l.end, kind))
		}
		return blocks
	}
	// A hard-wrapped paragraph, perhaps under a heading.
	h := 0
	for h+1 < len(ls) && title(h) {
		kind := checker.Heading
		if isCredit(s[ls[h].start:ls[h].end]) {
			kind = checker.Caption
		}
		blocks = append(blocks, trimmedBlock(s, ls[h].start, ls[h].end, kind))
		h++
	}
	return append(blocks, trimmedBlock(s, ls[h].start, ls[len(ls)-1].end, checker.Paragraph))
}

// isBrokenBefore reports whether the break between line t and the line next
// was made on purpose rather than by wrapping text to width columns: next
// starts like a sentence, and its first word would have fitted after t.
// Lengths are in bytes, as width is.
func isBrokenBefore(t, next string, width int) bool {
	t, next = strings.TrimSpace(t), strings.TrimSpace(next)
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘«(", r) {
		return false
	}
	w := strings.IndexAny(next, " \t")
	if w < 0 {
		w = len(next)
	}
	return len(t)+1+w <= width*85/100
}

// mayBreakBefore marks the heads (see plainBlocks) of the lines that
// isBrokenBefore can find broken before: upper-case letters, digits,
// quotes and brackets that open a sentence, and every non-ASCII byte.
// A line's head is the first byte that TrimSpace leaves when it is
// ASCII, as masked text has no other ASCII space than these.
var mayBreakBefore = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '"' || c == '\'' || c == '('
	}
	return t
}()

// trimmedBlock returns the block of s[start:end] without surrounding white
// space (the masked text decides, so a masked BOM or marker is left out).
func trimmedBlock(s string, start, end int, kind checker.BlockKind) checker.Block {
	for start < end && isSpaceByteAny(s[start]) {
		start++
	}
	for end > start && isSpaceByteAny(s[end-1]) {
		end--
	}
	return checker.Block{Span: spanOf(start, end), Kind: kind}
}

func isSpaceByteAny(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// listMarker returns the length of the bullet or number (with the spaces
// after it) that starts line t, or 0.
func listMarker(t string) int {
	if len(t) >= 8 {
		// The first byte that is no space, within eight, found at once:
		// when it is no tab and starts no marker, there is none.
		if x := load64(t, 0) ^ ' '*0x0101010101010101; x != 0 {
			if c := t[bits.TrailingZeros64(x)/8]; c != '\t' && !markerStart[c] {
				return 0
			}
		}
	}
	i := 0
	for i < len(t) && i < 8 && isSpaceOrTab(t[i]) {
		i++
	}
	rest := t[i:]
	if len(rest) == 0 || !markerStart[rest[0]] {
		return 0 // most lines: a letter, no marker
	}
	switch {
	case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, "* "), strings.HasPrefix(rest, "+ "):
		i += 2
	case strings.HasPrefix(rest, "• "), strings.HasPrefix(rest, "· "), strings.HasPrefix(rest, "▪ "), strings.HasPrefix(rest, "◦ "):
		_, n := utf8.DecodeRuneInString(rest)
		i += n + 1
	default:
		d := 0
		for d < len(rest) && d < 3 && rest[d] >= '0' && rest[d] <= '9' {
			d++
		}
		if d == 0 || d+1 >= len(rest) || rest[d] != '.' && rest[d] != ')' || rest[d+1] != ' ' && rest[d+1] != '\t' {
			return 0
		}
		i += d + 2
	}
	for i < len(t) && isSpaceOrTab(t[i]) {
		i++
	}
	if i >= len(t) {
		return 0 // a lone marker: a dash line, not an item
	}
	return i
}

// markerStart marks the bytes a list marker can start with: the first
// bytes of the bullets and the digits.
var markerStart = func() (t [256]bool) {
	for _, m := range []string{"-", "*", "+", "•", "·", "▪", "◦", "0123456789"} {
		for i := 0; i < len(m); i++ {
			if i == 0 || m[0] < utf8.RuneSelf {
				t[m[i]] = true
			}
		}
	}
	return t
}()

func isListLine(t string) bool { return listMarker(t) > 0 }

// segmentPerLine reports whether the lines look like one unit each rather
// than a wrapped paragraph: most of them end a sentence or are titles.
func segmentPerLine(s string, ls []line, title func(int) bool) bool {
	misses, allowed := 0, len(ls)*2/10
	for i, l := range ls {
		if !endsSentence(s[l.start:l.end]) && !title(i) {
			if misses++; misses > allowed {
				return false
			}
		}
	}
	return true
}

// startsLower reports whether t starts with a lower-case letter (after
// indentation), as the continuation of a wrapped line does.
func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, " \t"))
	return unicode.IsLower(r)
}

// endsSentence reports whether t ends with sentence punctuation or a colon,
// perhaps followed by closing quotes and brackets (even after a space, as
// detokenised text has them: `time. "`).
func endsSentence(t string) bool {
	for len(t) > 0 {
		// By table: a chain of tests on the last byte cost more.
		switch c := t[len(t)-1]; sentenceEndByte[c] {
		case endSkip:
			t = t[:len(t)-1]
			continue
		case endYes:
			return true
		case endNo:
			return false
		}
		r, n := utf8.DecodeLastRuneInString(t)
		switch r {
		case '”', '’', '»', '」', '』', '\u00a0':
			t = t[:len(t)-n]
			continue
		case '…', '。', '！', '？':
			return true
		}
		return false
	}
	return false
}

const (
	endNo   = iota // an ASCII byte that ends no sentence
	endSkip        // a closing quote or bracket, a space or a tab
	endYes         // sentence punctuation or a colon
	endRune        // a byte of a multi-byte character
)

// sentenceEndByte classifies the last bytes of lines for endsSentence.
var sentenceEndByte = func() (t [256]uint8) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = endRune
	}
	for _, c := range []byte("\"')] \t") {
		t[c] = endSkip
	}
	for _, c := range []byte(".!?:") {
		t[c] = endYes
	}
	return t
}()

// lowerHeadASCII writes the first n = min(len(t), 16) bytes of t in lower
// case to buf, and reports whether they are ASCII (else buf is not all
// written): then string(buf[:n]) is strings.ToLower(t[:n]).
func lowerHeadASCII(buf *[16]byte, t string) (n int, ok bool) {
	n = min(len(t), 16)
	for i := 0; i < n; i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return n, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return n, true
}

// creditPrefixes start the credit lines of news text (lower-case).
var creditPrefixes = []string{
	"photo", "image", "picture", "pictures", "video", "graphic", "illustration", "source:", "sources:",
	"credit", "credits", "courtesy", "reported by", "reporter", "reporting by", "edited by", "editor:",
	"editing by", "written by", "translated by", "by ", "file photo", "copyright", "©",
}

// creditPrefixesBy holds the creditPrefixes by their first byte: a line
// is compared with the few that start as it does.
var creditPrefixesBy = func() (t [256][]string) {
	for _, p := range creditPrefixes {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// isCredit reports whether a title line is rather a credit or a caption:
// "Photo by …", "Reported by …", "Alfredo Estrella/AFP", "(Applause)".
func isCredit(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return false
	}
	if t[0] == '(' || strings.HasPrefix(t, "[") {
		return strings.HasSuffix(t, ")") || strings.HasSuffix(t, "]")
	}
	// The first sixteen bytes in lower case; an ASCII head (most) is
	// lower-cased on the stack, without a copy on the heap.
	var buf [16]byte
	low := ""
	if n, ok := lowerHeadASCII(&buf, t); ok {
		low = string(buf[:n])
	} else {
		low = strings.ToLower(t[:n])
	}
	for _, p := range creditPrefixesBy[low[0]] {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// "Name/Agency": a slash between letters, the second part capitalised.
	for k := strings.IndexByte(t, '/'); k > 0 && k+1 < len(t); {
		if isLetter(t[k-1]) && t[k+1] >= 'A' && t[k+1] <= 'Z' {
			return true
		}
		n := strings.IndexByte(t[k+1:], '/')
		if n < 0 {
			break
		}
		k += 1 + n
	}
	return false
}

// The heads of blank lines and rules (see plainBlocks): no byte of a
// masked text is either, as masking blanks control characters.
const (
	headBlank = 0
	headRule  = 1
)

// lineHead returns the head of a line t whose masked form is mt: the
// first byte of mt that is no space, tab or CR, or headBlank when the
// line is blank or a rule (isRuleLine), and whether it is a rule. Most lines start
// with a letter, perhaps indented: the head is no mark of a rule (a byte
// that masking left is t's), and the line is none.
func lineHead(t string, mt []byte) (head byte, rule bool) {
	k := headIndex(mt)
	if k == len(mt) {
		return 0, false // spaces only: blank, no rule (masking writes spaces, never a mark)
	}
	if h := mt[k]; ruleLineByte[h] != ruleMark || !isRuleLine(t) {
		return h, false
	}
	return 0, true
}

// headIndex returns the offset of the first byte of mt that is no space,
// tab or CR, or len(mt). The spaces of indented lines (code) are passed
// eight at a time.
func headIndex(mt []byte) int {
	k := 0
	for k+8 <= len(mt) {
		if x := binary.LittleEndian.Uint64(mt[k:]) ^ ' '*0x0101010101010101; x != 0 {
			k += bits.TrailingZeros64(x) / 8
			break
		}
		k += 8
	}
	for k < len(mt) && ruleLineByte[mt[k]] == ruleSpace {
		k++
	}
	return k
}

// ordinaryLineStart marks the bytes that are no space, tab or CR and no
// mark of a rule: a line whose head is one is neither blank nor a rule.
var ordinaryLineStart = func() (t [256]bool) {
	for c := range t {
		t[c] = ruleLineByte[c] == 0
	}
	return t
}()

// isRuleLine reports whether t is a rule: three or more of one of = - * _
// ~ # + (spaces between allowed) and nothing else.
func isRuleLine(t string) bool {
	var ch byte
	n := 0
	for i := 0; i < len(t); i++ {
		// By table: a switch on the byte is a chain of tests, the
		// first of which most lines fail unpredictably.
		switch c := t[i]; ruleLineByte[c] {
		case ruleSpace:
		case ruleMark:
			if ch != 0 && c != ch {
				return false
			}
			ch = c
			n++
			// Most rules are a run of one mark: eight at a time.
			for i+9 <= len(t) && load64(t, i+1) == uint64(c)*0x0101010101010101 {
				i += 8
				n += 8
			}
		default:
			return false
		}
	}
	return n >= 3
}

const (
	ruleSpace = 1 + iota
	ruleMark
)

// ruleLineByte classifies the bytes of rule lines (isRuleLine).
var ruleLineByte = [256]uint8{' ': ruleSpace, '\t': ruleSpace, '\r': ruleSpace,
	'=': ruleMark, '-': ruleMark, '*': ruleMark, '_': ruleMark, '~': ruleMark, '#': ruleMark, '+': ruleMark}

// isTitleLine reports whether a line reads as a heading or caption: short
// (at most 14 words and 90 characters), not ending in sentence punctuation,
// a comma, a semicolon or a hyphen.
func isTitleLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 360 {
		return false
	}
	if endsSentence(t) || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, "-") {
		return false
	}
	// Fourteen words need 27 bytes at least, with a space between each two.
	return (len(t) <= 90 || utf8.RuneCountInString(t) <= 90) && (len(t) <= 28 || wordCount(t) <= 14)
}

// wordCount counts the runs of non-space bytes in t (spaces and tabs
// separate them), up to 15. It counts eight bytes at a time: a run starts
// at a byte that is no space after one that is (or the start of t).
func wordCount(t string) int {
	const highs = 0x8080808080808080
	n := 0
	prev := uint64(0x80) // the byte before: a space (lane 0's high bit)
	i := 0
	for ; i+8 <= len(t) && n <= 14; i += 8 {
		x := load64(t, i)
		sp := byteIs(x, ' ') | byteIs(x, '\t')
		n += bits.OnesCount64(^sp & (sp<<8 | prev) & highs)
		prev = sp >> 56
	}
	in := prev == 0
	for ; i < len(t) && n <= 14; i++ {
		sp := t[i] == ' ' || t[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return min(n, 15)
}

// byteIs returns the high bit of each byte of w that is c set, all else
// clear.
func byteIs(w uint64, c byte) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w ^ uint64(c)*ones // zero where w has c
	return ^((x&^highs + 0x7f*ones) | x) & highs
}
