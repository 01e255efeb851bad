package rules

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// Spacing finds spaces in the wrong place: two or more spaces between words,
// a space before a comma, period, colon, semicolon, question or exclamation
// mark, and no space after the period that ends a sentence ("end.Next").
var Spacing = &checker.Rule{
	ID:       "spacing",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "double spaces and spaces around punctuation",
		Text: `Machine translation and the tools around it join segments and tokens
back together carelessly: two spaces between words, a space before a comma or
a period ("the border , and"), none after the period that ends a sentence
("the border.The power"), spaces inside straight quotation marks (" like
this "). Each is fixed safely. Indentation, columns aligned
with spaces, two spaces after a sentence (a typewriter convention), ellipses,
numbers ("3.5", "10:30"), abbreviations ("U.S.", "e.g."), file and domain
names ("config.yml", "example.com") and code are not reported.`,
		Bad:  "He arrived on Monday , and left  the next day.It rained.",
		Good: "He arrived on Monday, and left the next day. It rained.",
	},
	Run: runSpacing,
}

func runSpacing(p *checker.Pass) error {
	doc := p.Doc
	var quotes []int
	for _, b := range doc.Blocks {
		if b.Kind == checker.Code || b.Kind == checker.TableCell {
			continue
		}
		quotes = spacingBlock(p, b.Span, quotes[:0])
		if len(quotes) > 0 { // most blocks have none
			spacingQuotes(p, b.Span, quotes)
		}
	}
	return nil
}

// spacingQuotes reports spaces just inside straight double quotes
// (" like this "), a common artefact of detokenised machine translation.
// Quotes are paired in order within the block; a block with an odd number
// of them is left alone, as it is unclear which face which way. at holds
// the offsets of the straight double quotes of Masked in the block; it is
// overwritten.
func spacingQuotes(p *checker.Pass, b checker.Span, at []int) {
	t, m := p.Doc.Text, p.Doc.Masked
	quotes := at[:0]
	for _, i := range at {
		if t[i] != '"' || pairInches(m, b.Start, i) || pairQuotedChar(m, b.Start, i, b.End) {
			continue
		}
		quotes = append(quotes, i)
	}
	if len(quotes) == 0 || len(quotes)%2 == 1 {
		return
	}
	for k := 0; k < len(quotes); k += 2 {
		o, c := quotes[k], quotes[k+1]
		// Opening: spaces, then a word on the same line.
		j := o + 1
		for j < c && t[j] == ' ' && m[j] == ' ' {
			j++
		}
		// A quote glued to the text before it is a closer, whatever the
		// count says; and the other way round below.
		freeBefore := o == b.Start || strings.IndexByte(" \n\t([", t[o-1]) >= 0
		openSpaced := freeBefore && j > o+1 && j < c && spacingWordRune(t, j)
		// Closing: a word or a mark, then spaces.
		i := c
		for i > j && t[i-1] == ' ' && m[i-1] == ' ' {
			i--
		}
		freeAfter := c+1 >= b.End || strings.IndexByte(" \n\r\t.,;:!?)]", t[c+1]) >= 0
		closeSpaced := freeAfter && i < c && i > j && m[i-1] != ' ' && (spacingWordRune(t, spacingRuneStart(t, i)) || t[i-1] == ')')
		switch {
		case openSpaced && closeSpaced:
			p.Report(checker.Finding{
				Span:       checker.Span{Start: o, End: c + 1},
				Message:    "spaces inside quotation marks",
				Suggestion: `"` + t[j:i] + `"`,
				Safe:       true,
			})
		case openSpaced:
			p.Report(checker.Finding{
				Span:       checker.Span{Start: o, End: j},
				Message:    "space after an opening quotation mark",
				Suggestion: `"`,
				Safe:       true,
			})
		case closeSpaced:
			p.Report(checker.Finding{
				Span:       checker.Span{Start: i, End: c + 1},
				Message:    "space before a closing quotation mark",
				Suggestion: `"`,
				Safe:       true,
			})
		}
	}
}

func spacingRuneStart(t string, i int) int {
	_, n := utf8.DecodeLastRuneInString(t[:i])
	return i - n
}

func spacingWordRune(t string, i int) bool {
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// spacingNext finds the next byte spacingBlock looks at; a test sets it to
// a scan that stops at more.
var spacingNext = text.NextSpacingStop

// spacingMarks are the bytes other than the space that spacingBlock looks at.
var spacingMarks = [256]bool{'\n': true, ',': true, ';': true, ':': true, '!': true, '?': true, '.': true}

// spacingBlock checks one block and appends the offsets of the straight
// double quotes of Masked in it to quotes. It reads Masked to know what is
// text (a blanked placeholder or markup is not text) and Text to know what
// is a real space.
func spacingBlock(p *checker.Pass, b checker.Span, quotes []int) []int {
	t, m := p.Doc.Text, p.Doc.Masked
	// The start of the line of a stop is found when needed: most stops
	// need none, and the scan does not stop at newlines.
	lines := spacingLines{m: m, start: b.Start, upTo: b.Start}
	aligned := -1 // line start for which alignment was decided
	isAligned := false
	for i := b.Start; i < b.End; i++ {
		// Only quotes, runs of spaces after a word and the marks that may
		// be spaced wrong need a look (NextSpacingStop): a mark that
		// follows no space is fine, unless it is a period glued to what
		// may be a capital, which spacingAfter wants (Masked is Text
		// with some bytes blanked, so a byte of Masked that is not a
		// space is that of Text). Indentation, hyphens, digits and
		// brackets are skipped too.
		if i = spacingNext(m, i, b.End); i == b.End {
			break
		}
		c := m[i]
		if c == '"' {
			quotes = append(quotes, i)
			continue
		}
		if c != ' ' && !spacingMarks[c] {
			continue
		}
		if c == '\n' {
			continue
		}
		switch {
		case c == ' ' && t[i] == ' ' && i+1 < b.End && t[i+1] == ' ' && m[i+1] == ' ':
			j := spacingRunEnd(t, m, i, b.End)
			// Whether the line is laid out in columns is decided once a
			// line, and only for spaces that might be reported.
			if lineStart := lines.at(i); spacingDoubleBetweenWords(t, m, lineStart, i, j, b.End) {
				if aligned != lineStart {
					aligned, isAligned = lineStart, alignedLine(t, lineStart, b.End)
				}
				if !isAligned {
					spacingDouble(p, lineStart, i, j, b.End)
				}
			}
			i = j - 1
		case c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.':
			if i > b.Start && t[i] == c && t[i-1] == ' ' && m[i-1] == ' ' {
				if lineStart := lines.at(i); i > lineStart {
					spacingBefore(p, lineStart, i, b.End)
				}
			}
			if c == '.' || c == '!' || c == '?' {
				spacingAfter(p, i, b)
			}
		}
	}
	return quotes
}

// spacingRunEnd returns the first offset from j, at most end, at which t
// or m holds no space: the end of a run of spaces of the text that are
// spaces of the masked text too. It reads eight bytes at a time: runs
// that align columns are long.
func spacingRunEnd(t, m string, j, end int) int {
	const spaces = 0x2020202020202020
	for j+8 <= end {
		if x := spacingLoad64(t, j) ^ spaces | spacingLoad64(m, j) ^ spaces; x != 0 {
			return j + bits.TrailingZeros64(x)/8
		}
		j += 8
	}
	for j < end && t[j] == ' ' && m[j] == ' ' {
		j++
	}
	return j
}

// spacingLoad64 returns the eight bytes of s at i as a little-endian
// number (one load: the compiler merges the byte loads).
func spacingLoad64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// spacingLines finds the start of the line of an offset in a block, for
// offsets that never go back: the newlines between two offsets asked about
// are looked for once, with IndexByte.
type spacingLines struct {
	m     string
	start int // the start of the line of upTo
	upTo  int
}

// at returns the offset after the last newline of m before i, or the start
// of the block.
func (l *spacingLines) at(i int) int {
	for l.upTo < i {
		k := strings.IndexByte(l.m[l.upTo:i], '\n')
		if k < 0 {
			l.upTo = i
			break
		}
		l.upTo += k + 1
		l.start = l.upTo
	}
	return l.start
}

// alignedLine reports whether the line starting at i is laid out in columns:
// a tab, or two separate runs of several spaces between text.
func alignedLine(t string, i, end int) bool {
	j := strings.IndexByte(t[i:end], '\n')
	if j < 0 {
		j = end - i
	}
	line := strings.TrimLeft(t[i:i+j], " \t")
	if strings.IndexByte(line, '\t') >= 0 {
		return true
	}
	return spacingColumns(strings.TrimRight(line, " \t\r"))
}

// spacingColumns reports whether line holds two runs of exactly two spaces
// or a run of three or more: strings.Count(line, "  ")-strings.Count(line,
// "   ") >= 2 || strings.Contains(line, "   "), in one pass that stops only
// at runs of spaces.
func spacingColumns(line string) bool {
	twos := 0
	for i := 0; ; {
		j := text.IndexDoubleSpace(line[i:])
		if j < 0 {
			return false
		}
		// The run starts at j: a space before it would start an earlier
		// pair, and i follows a run.
		j += i
		k := j + 2
		for k < len(line) && line[k] == ' ' {
			k++
		}
		if k-j >= 3 {
			return true
		}
		if twos++; twos >= 2 {
			return true
		}
		i = k
	}
}

// spacingDoubleBetweenWords reports whether the spaces t[i:j] sit between
// two words of one line, not after the end of a sentence.
func spacingDoubleBetweenWords(t, m string, lineStart, i, j, end int) bool {
	if spacingBlank(m[lineStart:i]) || j >= end || t[j] == '\n' || t[j] == '\r' || m[j] == ' ' {
		return false // indentation, trailing spaces, or markup next to it
	}
	if m[i-1] == ' ' {
		return false
	}
	before := strings.TrimRight(t[lineStart:i], `"”’')]`)
	prev, _ := utf8.DecodeLastRuneInString(before)
	if before == "" || strings.ContainsRune(".!?:;|", prev) {
		return false // two spaces after a sentence or a colon: a convention
	}
	return true
}

// spacingBlank reports whether s is white space only: strings.TrimSpace(s)
// == "", answered at once when s ends with another ASCII byte, as the
// text before spaces between words does.
func spacingBlank(s string) bool {
	if n := len(s); n > 0 && s[n-1] < utf8.RuneSelf && !spacingASCIISpace[s[n-1]] {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// spacingASCIISpace marks the ASCII white space of unicode.IsSpace.
var spacingASCIISpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// spacingDouble reports the spaces t[i:j] between two words
// (spacingDoubleBetweenWords).
func spacingDouble(p *checker.Pass, lineStart, i, j, end int) {
	t := p.Doc.Text
	left := spacingWordStart(t, lineStart, i)
	right := spacingWordEnd(t, j, end)
	p.Report(checker.Finding{
		Span:       checker.Span{Start: left, End: right},
		Message:    "more than one space between words",
		Suggestion: t[left:i] + " " + t[j:right],
		Safe:       true,
	})
}

func spacingWordStart(t string, lo, i int) int {
	for i > lo {
		r, n := utf8.DecodeLastRuneInString(t[lo:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

func spacingWordEnd(t string, i, hi int) int {
	for i < hi {
		r, n := utf8.DecodeRuneInString(t[i:hi])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// spacingBefore reports the spaces before the punctuation mark at i.
func spacingBefore(p *checker.Pass, lineStart, i, end int) {
	t, m := p.Doc.Text, p.Doc.Masked
	c := t[i]
	k := i
	for k > lineStart && t[k-1] == ' ' && m[k-1] == ' ' {
		k--
	}
	if k == lineStart || m[k-1] == ' ' {
		return // start of a line, or markup before the space
	}
	prev, _ := utf8.DecodeLastRuneInString(t[lineStart:k])
	if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(`)]"”’%`, prev)) {
		return // after a dash, bracket, another mark: layout, not a slip
	}
	// What follows the mark: the end, a space, or a closing mark; or the
	// mark has moved: "the public .The museum".
	moved := false
	if i+1 < end {
		next, _ := utf8.DecodeRuneInString(t[i+1 : end])
		if (c == ':' || c == ';') && strings.ContainsRune(`()DPp-'`, next) {
			return // an emoticon
		}
		if !(unicode.IsSpace(next) || strings.ContainsRune(`)]"”’`, next)) {
			if c == ':' || !unicode.IsLetter(prev) || !spacingStartsWord(t, i+1, end) {
				return // ".txt", ":)", "..." and the like
			}
			moved = true
		}
		if (c == ':' || c == '.' || c == ',') && unicode.IsDigit(prev) {
			return // "10 : 30", "Figure 3 ." in tables
		}
	}
	if c == '.' && (strings.HasSuffix(t[:k], ".") || i+1 < end && t[i+1] == '.') {
		return // an ellipsis
	}
	if c == '!' || c == '?' {
		// "Really ?!" is a slip; "? ?" layout is not
		if strings.ContainsRune("!?", prev) {
			return
		}
	}
	left := spacingWordStart(t, lineStart, k)
	if (c == '.' || c == '?' || c == '!') && sentIsFunction(strings.ToLower(t[left:k])) {
		return // "the . character", "add a ? to": the mark is named, not used
	}
	sug := t[left:k] + string(c)
	if moved {
		sug += " "
	}
	p.Report(checker.Finding{
		Span:       checker.Span{Start: left, End: i + 1},
		Message:    "space before " + spacingMarkName(c),
		Suggestion: sug,
		Safe:       true,
	})
}

// spacingStartsWord reports whether a capitalised word of lower-case
// letters starts at i ("The", not ".NET" or ".txt").
func spacingStartsWord(t string, i, end int) bool {
	r, n := utf8.DecodeRuneInString(t[i:end])
	if !unicode.IsUpper(r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(t[i+n : end])
	return unicode.IsLower(r)
}

func spacingMarkName(c byte) string {
	switch c {
	case ',':
		return "a comma"
	case '.':
		return "a period"
	case ';':
		return "a semicolon"
	case ':':
		return "a colon"
	case '!':
		return "an exclamation mark"
	}
	return "a question mark"
}

// spacingAfter reports a sentence mark at i glued to the next sentence:
// a lower-case word of two letters or more, the mark, and a capitalised
// word ("border.The").
func spacingAfter(p *checker.Pass, i int, b checker.Span) {
	t, m := p.Doc.Text, p.Doc.Masked
	if i+2 >= b.End || i == b.Start {
		return
	}
	// The word after: a capital then lower-case letters, ending in a space
	// or sentence punctuation (not "." or "(": an identifier or a call).
	// Its first letter is tested first: most stops have a space after.
	j := i + 1
	r, n := utf8.DecodeRuneInString(t[j:b.End])
	if !unicode.IsUpper(r) || m[j] == ' ' {
		return
	}
	// The word before: letters only, ending in lower case, at least two.
	k := i
	for k > b.Start {
		r, n := utf8.DecodeLastRuneInString(t[b.Start:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	w1 := t[k:i]
	if utf8.RuneCountInString(w1) < 2 || m[k:i] != w1 {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(w1)
	if !unicode.IsLower(last) {
		return
	}
	if k > b.Start {
		before, _ := utf8.DecodeLastRuneInString(t[b.Start:k])
		if !(unicode.IsSpace(before) || strings.ContainsRune(`("“'‘[`, before)) {
			return // a path, a domain, an identifier ("os.Exit", "a.Mp3")
		}
	}
	j += n
	lower := 0
	for j < b.End {
		r, n := utf8.DecodeRuneInString(t[j:b.End])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return // "ASP.NET", "iOS.AppKit"
		}
		lower++
		j += n
	}
	if lower == 0 {
		return
	}
	// Both words must be English words, the first a common one: "os.Exit"
	// and "http.Client" are code, "border.The" is not.
	// The second must be a word that typically opens a sentence ("The",
	// "It", "However"), so "time.Duration" and "errors.Is" are left alone.
	w2 := strings.ToLower(t[i+1 : j])
	if !lexicon.IsCommon(strings.ToLower(w1)) || !(sentIsFunction(w2) || text.IsSentenceStarter(t[i+1:j])) {
		return
	}
	if w2 == "is" || w2 == "as" || w2 == "do" || w2 == "has" || w2 == "can" || w2 == "will" || w2 == "may" {
		return // method names: "errors.Is", "errors.As", "sync.Once.Do"
	}
	if j < b.End {
		r, _ := utf8.DecodeRuneInString(t[j:b.End])
		if !(unicode.IsSpace(r) || strings.ContainsRune(`,;:!?'’"”)`, r)) {
			return // "io.Reader.Read", "fmt.Println(", "example.Com/x"
		}
	}
	p.Report(checker.Finding{
		Span:       checker.Span{Start: k, End: j},
		Message:    "no space after " + spacingMarkName(t[i]),
		Suggestion: t[k:i+1] + " " + t[i+1:j],
		Safe:       true,
	})
}
