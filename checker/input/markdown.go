package input

import (
	"sort"
	"strings"

	"github.com/mtlint/mtlint/checker"
)

// Markdown reads Markdown (CommonMark with GitHub tables).
//
// Front matter (YAML "---" or TOML "+++"), fenced and indented code become
// Code blocks, masked. ATX and setext headings are Headings, list items
// ListItems, table cells TableCells, everything else Paragraphs. Markup is
// masked with spaces: heading, list, quote and emphasis markers, inline code
// spans, HTML tags and comments, autolinks, images, link destinations and
// titles and reference definitions; a link's text stays checkable. URLs and
// e-mail addresses are masked.
//
// Inline comments turn rules off: <!-- mtlint-disable RULE, RULE --> until
// <!-- mtlint-enable RULE --> (no RULE: every rule), and
// <!-- mtlint-disable-next-line RULE --> for the line that follows.
func Markdown(path string, data []byte) *checker.Document {
	txt := sharedString(data)
	b := checker.TakeBuffers()
	masked, blocks, sup, _, starts := markdownParseInto(b, txt, true, nil)
	return b.NewDocument(path, txt, masked, blocks, sup, starts)
}

// markdownParse is Markdown without building the Document.
func markdownParse(txt string) (string, []checker.Block, []checker.Suppression) {
	masked, blocks, sup, _ := markdownParseAt(txt, true, nil)
	return masked, blocks, sup
}

// markdownParseAt is markdownParse for a text that opens the document
// (atStart: it may hold front matter) or is a later section of it. open
// names the rules whose mtlint-disable region is open where txt starts (""
// for every rule); it returns those still open where txt ends, sorted.
func markdownParseAt(txt string, atStart bool, open []string) (string, []checker.Block, []checker.Suppression, []string) {
	masked, blocks, sup, still, _ := markdownParseInto(nil, txt, atStart, open)
	return masked, blocks, sup, still
}

// markdownParseInto is markdownParseAt that builds the masked text, the
// line starts and the blocks in b's memory, and stores there the slices
// used; b may be nil. It also returns the line starts of txt
// (checker.LineStarts), found while masking.
func markdownParseInto(b *checker.Buffers, txt string, atStart bool, open []string) (string, []checker.Block, []checker.Suppression, []string, []int) {
	var (
		m      []byte
		starts []int
		blocks []checker.Block
	)
	if b != nil {
		m, starts, blocks = b.Masked, b.Lines, b.Blocks[:0]
	}
	m, starts, cr := maskBase(m, starts, txt)
	sc := scratchOf(b)
	sc.lines = linesAt(sc.lines, txt, starts, cr)
	p := &mdParser{s: txt, m: m, lines: sc.lines, blocks: blocks, listIndent: -1, noCommentEnd: len(txt) + 1}
	if b != nil {
		defer func() { b.Masked, b.Lines, b.Blocks = p.m, starts, p.blocks }()
	}
	for _, r := range open {
		if p.open == nil {
			p.open = map[string]int{}
		}
		p.open[r] = 0
	}
	MaskLinks(txt, p.m)
	p.parse(atStart)
	var still []string
	for r := range p.open {
		still = append(still, r)
	}
	sort.Strings(still)
	p.closeSuppressions(len(txt))
	return ownedString(p.m), p.blocks, p.sup, still, starts
}

type mdParser struct {
	s      string
	m      []byte
	lines  []line
	blocks []checker.Block
	sup    []checker.Suppression
	open   map[string]int // rule ("" for all) → where its disable region began

	// The open paragraph (or list item's text), if para.
	para      bool
	paraStart int
	paraEnd   int
	paraKind  checker.BlockKind
	paraQuote int

	listIndent int // content column of the open list item, -1 for none
	listQuote  int
	blankSeen  bool // a blank line since the last text line

	// Where searches failed, so that they are not repeated (see
	// closingTicks and inlineAngle).
	noCommentEnd int
	noTicks      map[int]int
	noTicksEnd   int
	brackets     map[int]int // '[' → its ']' in the block being masked
	stack        []int
}

func (p *mdParser) parse(atStart bool) {
	i := 0
	if atStart {
		i = p.frontMatter()
	}
	for i < len(p.lines) {
		i = p.line(i)
	}
	p.closePara()
}

// frontMatter masks YAML or TOML front matter and returns the first line
// after it.
func (p *mdParser) frontMatter() int {
	if len(p.lines) == 0 {
		return 0
	}
	first := strings.TrimRight(strings.TrimPrefix(p.s[p.lines[0].start:p.lines[0].end], "\uFEFF"), " \t")
	if first != "---" && first != "+++" {
		return 0
	}
	for i := 1; i < len(p.lines); i++ {
		t := strings.TrimRight(p.s[p.lines[i].start:p.lines[i].end], " \t")
		if t == first || first == "---" && t == "..." {
			blank(p.m, 0, p.lines[i].end)
			p.addBlock(0, p.lines[i].end, checker.Code)
			return i + 1
		}
	}
	return 0
}

// line handles line i and returns the index of the next line to handle.
func (p *mdParser) line(i int) int {
	l := p.lines[i]
	cs, quote := p.stripQuotes(l)
	t := p.s[cs:l.end]
	if isBlankLine(t) {
		p.closePara()
		p.blankSeen = true
		if quote < p.listQuote {
			p.listIndent = -1
		}
		return i + 1
	}
	indent, ws := indentOf(t)
	lazy := p.para && !p.blankSeen
	if p.listIndent >= 0 {
		switch {
		case quote != p.listQuote:
			p.listIndent = -1
		case indent >= p.listIndent:
			indent -= p.listIndent
		case lazy:
		default:
			if mdListMarker(t[ws:], false) == 0 && !isThematicBreak(t[ws:]) {
				p.listIndent = -1
			}
		}
	}
	p.blankSeen = false
	if p.para && quote > p.paraQuote {
		p.closePara()
	}
	ct := cs + ws // where the line's content starts
	c := p.s[ct:l.end]
	if indent >= 4 {
		if p.para {
			p.paraEnd = l.end
			return i + 1
		}
		return p.indentedCode(i)
	}
	if f := fenceOf(c); f != "" {
		p.closePara()
		return p.fenced(i, f, indent)
	}
	if tag := rawHTMLBlock(c); tag != "" {
		p.closePara()
		return p.rawHTML(i, ct, tag)
	}
	if strings.HasPrefix(c, "<!--") {
		p.closePara()
		return p.commentLines(i, ct)
	}
	if n := atxLevel(c); n > 0 {
		p.closePara()
		p.atx(ct, l.end, n)
		return i + 1
	}
	if p.para && p.paraKind == checker.Paragraph && p.paraQuote == quote && isSetextUnderline(c) {
		p.paraKind = checker.Heading
		p.closePara()
		blank(p.m, ct, l.end)
		return i + 1
	}
	if isThematicBreak(c) {
		p.closePara()
		blank(p.m, ct, l.end)
		return i + 1
	}
	if strings.IndexByte(c, '|') >= 0 && i+1 < len(p.lines) {
		if n := p.table(i, quote); n > i {
			return n
		}
	}
	if !p.para && isLinkDefinition(c) {
		blank(p.m, ct, l.end)
		return i + 1
	}
	if w := mdListMarker(c, p.para && p.paraKind != checker.ListItem); w > 0 {
		p.closePara()
		blank(p.m, ct, ct+w)
		p.listIndent = ws + w
		if ct+w < l.end && indent > 0 {
			p.listIndent = indent + w
		}
		p.listQuote = quote
		p.openPara(ct+w, l.end, checker.ListItem, quote)
		return i + 1
	}
	if p.para {
		p.paraEnd = l.end
		return i + 1
	}
	kind := checker.Paragraph
	if p.listIndent >= 0 {
		kind = checker.ListItem // a later paragraph of a list item
	}
	p.openPara(ct, l.end, kind, quote)
	return i + 1
}

// stripQuotes masks the block-quote markers that start line l and returns
// where its content starts and how deeply it is quoted.
func (p *mdParser) stripQuotes(l line) (int, int) { return p.quotes(l, true) }

// quotes finds the block-quote markers that start line l, masking them
// when mask is set, and returns where its content starts and the depth.
func (p *mdParser) quotes(l line, mask bool) (int, int) {
	cs, depth := l.start, 0
	for {
		j := cs
		for j < l.end && j-cs < 3 && p.s[j] == ' ' {
			j++
		}
		if j >= l.end || p.s[j] != '>' {
			return cs, depth
		}
		if mask {
			p.m[j] = ' '
		}
		j++
		if j < l.end && isSpaceOrTab(p.s[j]) {
			j++
		}
		cs, depth = j, depth+1
	}
}

// indentOf returns the indentation of t in columns (a tab to the next
// multiple of 4) and in bytes.
func indentOf(t string) (cols, bytes int) {
	for bytes < len(t) {
		switch t[bytes] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, bytes
		}
		bytes++
	}
	return cols, bytes
}

func (p *mdParser) openPara(start, end int, kind checker.BlockKind, quote int) {
	p.para, p.paraStart, p.paraEnd, p.paraKind, p.paraQuote = true, start, end, kind, quote
}

func (p *mdParser) closePara() {
	if !p.para {
		return
	}
	p.para = false
	p.inlineBlock(p.paraStart, p.paraEnd, p.paraKind)
}

// inlineBlock masks the inline markup of s[start:end] and adds it as a block
// when text is left.
func (p *mdParser) inlineBlock(start, end int, kind checker.BlockKind) {
	if strings.IndexByte(p.s[start:end], '[') >= 0 {
		p.matchBrackets(start, end)
	}
	p.maskInline(start, end)
	for start < end && isSpaceByteAny(p.m[start]) {
		start++
	}
	for end > start && isSpaceByteAny(p.m[end-1]) {
		end--
	}
	if start < end {
		p.addBlock(start, end, kind)
	}
}

func (p *mdParser) addBlock(start, end int, kind checker.BlockKind) {
	if n := len(p.blocks); kind == checker.Code && n > 0 && p.blocks[n-1].Kind == checker.Code &&
		!strings.Contains(strings.TrimLeft(p.s[p.blocks[n-1].End:start], " \t\r"), "\n\n") {
		p.blocks[n-1].End = end // consecutive code lines are one block
		return
	}
	p.blocks = append(p.blocks, checker.Block{Span: spanOf(start, end), Kind: kind})
}

func (p *mdParser) indentedCode(i int) int {
	l := p.lines[i]
	blank(p.m, l.start, l.end)
	p.addBlock(l.start, l.end, checker.Code)
	return i + 1
}

// fenceOf returns the opening fence that starts c ("```", "~~~~"), or "".
func fenceOf(c string) string {
	if len(c) < 3 || c[0] != '`' && c[0] != '~' {
		return ""
	}
	n := 0
	for n < len(c) && c[n] == c[0] {
		n++
	}
	if n < 3 || c[0] == '`' && strings.IndexByte(c[n:], '`') >= 0 {
		return ""
	}
	return c[:n]
}

// fenced masks a fenced code block opening at line i and returns the line
// after its closing fence (or the end of the file).
func (p *mdParser) fenced(i int, fence string, indent int) int {
	start := p.lines[i].start
	for j := i + 1; j < len(p.lines); j++ {
		l := p.lines[j]
		cs, _ := p.stripQuotes(l)
		t := strings.TrimLeft(p.s[cs:l.end], " ")
		if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]+" \t") == "" {
			blank(p.m, start, l.end)
			p.addBlock(start, l.end, checker.Code)
			return j + 1
		}
	}
	blank(p.m, start, len(p.s))
	p.addBlock(start, len(p.s), checker.Code)
	return len(p.lines)
}

// rawHTMLBlock returns the tag name when c opens an HTML element whose
// content is not prose (script, style, pre, textarea), or "".
func rawHTMLBlock(c string) string {
	if len(c) < 4 || c[0] != '<' {
		return ""
	}
	for _, tag := range []string{"script", "style", "pre", "textarea"} {
		if len(c) > len(tag)+1 && strings.EqualFold(c[1:1+len(tag)], tag) {
			if next := c[1+len(tag)]; next == '>' || next == ' ' || next == '\t' || next == '\r' {
				return tag
			}
		}
	}
	return ""
}

// rawHTML masks the element opening with <tag at offset at on line i, up to
// the line holding its closing tag, as code; it returns the line after.
func (p *mdParser) rawHTML(i, at int, tag string) int {
	closing := "</" + tag
	end := len(p.s)
	if k := indexFold(p.s[at:], closing); k >= 0 {
		end = at + k
	}
	j := i
	for j < len(p.lines) && p.lines[j].end < end {
		j++
	}
	if j < len(p.lines) {
		end = p.lines[j].end
	}
	blank(p.m, p.lines[i].start, end)
	p.addBlock(p.lines[i].start, end, checker.Code)
	return j + 1
}

// indexFold is strings.Index ignoring ASCII case; sub is lower-case.
func indexFold(s, sub string) int {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], sub[0])
		if k < 0 {
			return -1
		}
		k += off
		if len(s)-k >= len(sub) && strings.EqualFold(s[k:k+len(sub)], sub) {
			return k
		}
		off = k + 1
	}
}

// commentLines masks an HTML comment starting at offset at on line i, which
// may run over several lines, and returns the line after it.
func (p *mdParser) commentLines(i, at int) int {
	end := strings.Index(p.s[at+4:], "-->")
	if end < 0 {
		end = len(p.s)
	} else {
		end += at + 4 + 3
	}
	p.comment(at, end)
	for i < len(p.lines) && p.lines[i].end < end {
		i++
	}
	if i < len(p.lines) && !isBlankLine(p.s[end:p.lines[i].end]) {
		// Text after the comment on its last line: a paragraph.
		p.openPara(end, p.lines[i].end, checker.Paragraph, 0)
	}
	return i + 1
}

// comment masks the HTML comment s[start:end] and applies its suppression
// directive, if any.
func (p *mdParser) comment(start, end int) {
	blank(p.m, start, end)
	body := strings.TrimSuffix(strings.TrimPrefix(p.s[start:end], "<!--"), "-->")
	f := strings.FieldsFunc(body, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) == 0 {
		return
	}
	rules := f[1:]
	switch f[0] {
	case "mtlint-disable":
		if p.open == nil {
			p.open = map[string]int{}
		}
		if len(rules) == 0 {
			rules = []string{""}
		}
		for _, r := range rules {
			if _, ok := p.open[r]; !ok {
				p.open[r] = end
			}
		}
	case "mtlint-enable":
		for r, from := range p.open {
			if len(rules) == 0 || contains(rules, r) {
				p.addSuppression(from, start, r)
				delete(p.open, r)
			}
		}
	case "mtlint-disable-next-line":
		for k, l := range p.lines {
			if l.start >= end || l.end >= end {
				if k+1 < len(p.lines) {
					next := p.lines[k+1]
					p.sup = append(p.sup, checker.Suppression{Span: spanOf(next.start, next.end), Rules: rules})
				}
				return
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *mdParser) addSuppression(from, to int, rule string) {
	var rules []string
	if rule != "" {
		rules = []string{rule}
	}
	if from < to {
		p.sup = append(p.sup, checker.Suppression{Span: spanOf(from, to), Rules: rules})
	}
}

// closeSuppressions ends the regions still open at the end of the file, in
// the order they began.
func (p *mdParser) closeSuppressions(end int) {
	for len(p.open) > 0 {
		first, at := "", end+1
		for r, from := range p.open {
			if from < at || from == at && r < first {
				first, at = r, from
			}
		}
		p.addSuppression(at, end, first)
		delete(p.open, first)
	}
}

// atxLevel returns the level of an ATX heading line ("## Title"), or 0.
func atxLevel(c string) int {
	n := 0
	for n < len(c) && c[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(c) && c[n] != ' ' && c[n] != '\t' && c[n] != '\r' {
		return 0
	}
	return n
}

// atx masks the markers of the ATX heading s[start:end] and adds it.
func (p *mdParser) atx(start, end, level int) {
	blank(p.m, start, start+level)
	e := end
	for e > start+level && isSpaceByteAny(p.s[e-1]) {
		e--
	}
	k := e
	for k > start+level && p.s[k-1] == '#' {
		k--
	}
	if k < e && (k == start+level || isSpaceOrTab(p.s[k-1])) {
		blank(p.m, k, e) // closing sequence
		e = k
	}
	p.inlineBlock(start+level, e, checker.Heading)
}

func isSetextUnderline(c string) bool {
	c = strings.TrimRight(c, " \t")
	return c != "" && (strings.Trim(c, "=") == "" || strings.Trim(c, "-") == "")
}

func isThematicBreak(c string) bool {
	n := 0
	var ch byte
	for i := 0; i < len(c); i++ {
		switch c[i] {
		case ' ', '\t', '\r':
		case '-', '*', '_':
			if ch != 0 && c[i] != ch {
				return false
			}
			ch = c[i]
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// isLinkDefinition reports a link reference definition: "[label]: dest".
func isLinkDefinition(c string) bool {
	if !strings.HasPrefix(c, "[") {
		return false
	}
	k := strings.Index(c, "]:")
	return k > 1 && !strings.Contains(c[:k], "]") && strings.TrimSpace(c[k+2:]) != ""
}

// mdListMarker returns the length of the list marker (and the spaces after
// it, and a task box) that starts c, or 0. In a paragraph only a bullet or
// "1." with text after it starts an item.
func mdListMarker(c string, inPara bool) int {
	i := 0
	switch {
	case c == "":
		return 0
	case c[0] == '-' || c[0] == '*' || c[0] == '+':
		i = 1
	default:
		for i < len(c) && i < 9 && c[i] >= '0' && c[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(c) || c[i] != '.' && c[i] != ')' {
			return 0
		}
		if inPara && c[:i] != "1" {
			return 0
		}
		i++
	}
	if i < len(c) && !isSpaceOrTab(c[i]) && c[i] != '\r' {
		return 0
	}
	j := i
	for j < len(c) && isSpaceOrTab(c[j]) {
		j++
	}
	if j == len(c) || strings.TrimSpace(c[j:]) == "" {
		if inPara {
			return 0
		}
		return len(c)
	}
	if j-i > 4 { // indented code after the marker: one space belongs to it
		j = i + 1
	}
	if len(c) >= j+4 && (c[j:j+4] == "[ ] " || c[j:j+4] == "[x] " || c[j:j+4] == "[X] ") {
		j += 4
	}
	return j
}

// table reads a GitHub table whose header is line i and returns the line
// after it, or i when line i does not start a table.
func (p *mdParser) table(i, quote int) int {
	next := p.lines[i+1]
	ncs, nq := p.stripQuotesDry(next)
	if nq != quote || !isDelimiterRow(p.s[ncs:next.end]) {
		return i
	}
	p.closePara()
	l := p.lines[i]
	cs, _ := p.stripQuotes(l)
	p.tableRow(cs, l.end)
	p.stripQuotes(next)
	blank(p.m, ncs, next.end)
	j := i + 2
	for ; j < len(p.lines); j++ {
		r := p.lines[j]
		rcs, rq := p.stripQuotesDry(r)
		if rq != quote || isBlankLine(p.s[rcs:r.end]) || strings.IndexByte(p.s[rcs:r.end], '|') < 0 {
			break
		}
		p.stripQuotes(r)
		p.tableRow(rcs, r.end)
	}
	return j
}

// stripQuotesDry is stripQuotes without masking.
func (p *mdParser) stripQuotesDry(l line) (int, int) { return p.quotes(l, false) }

func isDelimiterRow(c string) bool {
	c = strings.TrimSpace(c)
	c = strings.TrimPrefix(strings.TrimSuffix(c, "|"), "|")
	if c == "" {
		return false
	}
	for _, cell := range strings.Split(c, "|") {
		cell = strings.TrimSpace(cell)
		cell = strings.TrimPrefix(strings.TrimSuffix(cell, ":"), ":")
		if cell == "" || strings.Trim(cell, "-") != "" {
			return false
		}
	}
	return true
}

// tableRow masks the pipes of the row s[start:end] and adds a TableCell
// block per cell with text.
func (p *mdParser) tableRow(start, end int) {
	cell := start
	for i := start; i < end; i++ {
		switch p.s[i] {
		case '\\':
			i++
		case '`':
			n := runLen(p.s, i, end, '`')
			if k := closingRun(p.s, i+n, end, n); k >= 0 {
				i = k + n - 1
			} else {
				i += n - 1
			}
		case '|':
			p.m[i] = ' '
			p.inlineBlock(cell, i, checker.TableCell)
			cell = i + 1
		}
	}
	p.inlineBlock(cell, end, checker.TableCell)
}

func runLen(s string, i, end int, c byte) int {
	n := 0
	for i+n < end && s[i+n] == c {
		n++
	}
	return n
}

// closingRun returns where a run of exactly n backticks starts in s[i:end],
// or -1.
func closingRun(s string, i, end, n int) int {
	for i < end {
		k := strings.IndexByte(s[i:end], '`')
		if k < 0 {
			return -1
		}
		k += i
		r := runLen(s, k, end, '`')
		if r == n {
			return k
		}
		i = k + r
	}
	return -1
}
