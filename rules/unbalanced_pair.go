package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// UnbalancedPair finds a quotation mark, parenthesis or bracket that is
// opened and not closed, or closed and not opened, within a paragraph.
var UnbalancedPair = &checker.Rule{
	ID:       "unbalanced-pair",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "an unclosed quotation mark, parenthesis or bracket",
		Text: `Machine translation drops or moves one mark of a pair: a quotation that never
ends, a parenthesis that is closed but never opened. The rule pairs double
quotes (straight and curly), parentheses and square brackets within each
paragraph (the lines of one, when each line is a segment) and reports the mark
left over. Straight quotes are paired by the side they are glued to. Single
quotes are not checked (they are also apostrophes), nor list labels such as
"1)" and "a)", emoticons, inch marks (27"), or a quotation running on over
paragraphs (each opened, closed only at the end).`,
		Bad:  `He called it a "security third country and left (for good.`,
		Good: `He called it a "security third country" and left (for good).`,
	},
	Run: runUnbalancedPair,
}

// pairBytes are the bytes that may start a mark the rule pairs (0xE2
// starts “ and ”): those text.NextBracketOrQuote stops at.
var pairBytes = [256]bool{'(': true, ')': true, '[': true, ']': true, '"': true, 0xE2: true}

// pairFinderBytes are the bytes of pairBytes.
var pairFinderBytes = [...]byte{'(', ')', '[', ']', '"', 0xE2}

// A pairFinder finds what text.NextBracketOrQuote finds, for searches
// that never start before an earlier one: each byte of pairBytes is
// searched on its own with strings.IndexByte, many bytes a step, and its
// next offset is kept until the searches pass it. The text is read at
// most once for each byte, however many searches there are; a search
// that starts no later than the nearest of those offsets (most blocks
// hold no mark) costs a comparison.
type pairFinder struct {
	s    string
	from int                       // where the last search started
	at   [len(pairFinderBytes)]int // the next offset of each byte, from there on; len(s) if none
	near int                       // the least of at
}

func newPairFinder(s string) *pairFinder {
	f := &pairFinder{s: s}
	f.reset()
	return f
}

// reset forgets the offsets found.
func (f *pairFinder) reset() {
	for k := range f.at {
		f.at[k] = -1
	}
	f.near = -1
}

// next returns text.NextBracketOrQuote(f.s, i, end). A search that starts
// before the one before starts over (blocks come in order: it does not
// happen).
func (f *pairFinder) next(i, end int) int {
	if i < f.from {
		f.reset()
	}
	f.from = i
	if i > f.near {
		// An offset of at is behind i: it is searched for again.
		near := len(f.s)
		for k := range f.at {
			if f.at[k] < i {
				f.at[k] = len(f.s)
				if j := strings.IndexByte(f.s[i:], pairFinderBytes[k]); j >= 0 {
					f.at[k] = i + j
				}
			}
			near = min(near, f.at[k])
		}
		f.near = near
	}
	return min(end, f.near)
}

// pairSkipBlocks passes over the blocks with no mark; a test turns it off.
var pairSkipBlocks = true

// A pairMark is an open mark waiting for its closer.
type pairMark struct {
	at   int
	mark rune
}

func runUnbalancedPair(p *checker.Pass) error {
	doc := p.Doc
	m := doc.Masked
	var stack []pairMark
	find := newPairFinder(m)
	for bi := 0; bi < len(doc.Blocks); bi++ {
		b := doc.Blocks[bi]
		if b.Kind == checker.Code {
			continue
		}
		// A block with no mark is passed over without looking for the
		// end of its paragraph (most blocks): a paragraph starts with
		// nothing open, so the lines of one before its first mark leave
		// nothing open either, and pairing from the line of that mark
		// on finds the same.
		if pairSkipBlocks && find.next(b.Start, b.End) == b.End {
			continue
		}
		// Lines of one paragraph may be blocks of their own (one segment a
		// line); pair marks over the whole paragraph. A line that opens
		// with a quotation mark starts a new quotation: one left open
		// before it ran on (the convention for quotations of several
		// paragraphs).
		starts := []int{}
		for bi+1 < len(doc.Blocks) && doc.Blocks[bi+1].Kind != checker.Code &&
			!pairTwoNewlines(doc.Text[b.End:doc.Blocks[bi+1].Start]) {
			bi++
			b.End = doc.Blocks[bi].End
			if pairStartsWithQuote(m, doc.Blocks[bi].Span) {
				starts = append(starts, doc.Blocks[bi].Start)
			}
		}
		stack = stack[:0]
		var straight = -1 // offset of an open straight double quote
		report := func(at int, what string) {
			r, n := utf8.DecodeRuneInString(m[at:])
			p.Report(checker.Finding{
				Span:    checker.Span{Start: at, End: at + n},
				Message: fmt.Sprintf("%s %q", what, string(r)),
			})
		}
		for i := b.Start; i < b.End; {
			if len(starts) > 0 && i == starts[0] {
				starts = starts[1:]
				straight = -1
				k := 0
				for _, o := range stack {
					if o.mark != '“' {
						stack[k] = o
						k++
					}
				}
				stack = stack[:k]
			}
			if !pairBytes[m[i]] {
				// Jump to the next byte that may be a mark, or to the
				// next line that starts a quotation.
				end := b.End
				if len(starts) > 0 {
					end = starts[0]
				}
				i = find.next(i+1, end)
				continue
			}
			r, n := utf8.DecodeRuneInString(m[i:b.End])
			if r == '”' && (i == b.Start || m[i-1] == ' ' || m[i-1] == '\n') && i+n < b.End && pairLetterAt(m, i+n) {
				r = '“' // ” used as an opening mark: a slip, but paired
			} else if r == '“' && pairAtLineEnd(m, i+n, b.End) {
				r = '”' // “ closing a line: the same slip the other way
			}
			switch r {
			case '(', '[', '“':
				if !pairEmoticon(m, b.Start, i, r) {
					stack = append(stack, pairMark{i, r})
				}
			case ')', ']', '”':
				if pairEmoticon(m, b.Start, i, r) {
					break
				}
				open := pairOpener(r)
				k := len(stack) - 1
				for k >= 0 && stack[k].mark != open {
					k--
				}
				if k < 0 {
					if r == '”' && straight >= 0 {
						straight = -1 // "…” mixed styles: closed all the same
						break
					}
					if !pairListLabel(m, b.Start, i, r) {
						report(i, "closing mark with no opening")
					}
					break
				}
				stack = append(stack[:k], stack[k+1:]...)
			case '"':
				if straight < 0 && (pairInches(m, b.Start, i) || pairInsideWord(m, b.Start, i, b.End)) || pairQuotedChar(m, b.Start, i, b.End) {
					break
				}
				// Which way a straight quote faces: glued to the word after
				// it opens, glued to the word before it closes.
				spaceBefore := i == b.Start || m[i-1] == ' ' || m[i-1] == '\n' || strings.IndexByte("([{", m[i-1]) >= 0
				spaceAfter := pairAtLineEnd(m, i+n, b.End) || m[i+n] == ' ' || m[i+n] == '\n' || strings.IndexByte(".,;:!?)]}", m[i+n]) >= 0
				opens := spaceBefore && !spaceAfter || !spaceBefore && !spaceAfter && straight < 0 ||
					spaceBefore && spaceAfter && straight < 0 && !pairAtLineEnd(m, i+n, b.End)
				switch {
				case opens:
					straight = i
				case straight >= 0:
					straight = -1
				default:
					if k := len(stack) - 1; k >= 0 && stack[k].mark == '“' {
						stack = stack[:k] // “…" mixed styles
					}
					// A closer with nothing open: the end of a quotation
					// begun in an earlier line. Not reported.
				}
			}
			i += n
		}
		// A quotation running on into the next paragraph is left open at
		// the end of this one and reopened at the start of the next.
		if len(stack) == 0 && straight < 0 {
			continue // most blocks: nothing left open
		}
		runsOn := bi+1 < len(doc.Blocks) && pairStartsWithQuote(m, doc.Blocks[bi+1].Span)
		for _, o := range stack {
			if o.mark == '“' && runsOn {
				continue
			}
			report(o.at, "opening mark never closed")
		}
		if straight >= 0 && !runsOn {
			report(straight, "quotation mark never closed")
		}
	}
	return nil
}

// pairTwoNewlines reports whether s holds two newlines or more:
// strings.Count(s, "\n") > 1 for the short white space between blocks,
// read byte by byte (a call of strings.Count or IndexByte costs more than
// the few bytes), up to the second.
func pairTwoNewlines(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// pairEmoticon reports whether the bracket at i is part of an emoticon
// (":)", ";-(", ":-]").
func pairEmoticon(m string, lo, i int, r rune) bool {
	j := i
	if j > lo && m[j-1] == '-' {
		j--
	}
	if !(j > lo && (m[j-1] == ':' || m[j-1] == ';' || m[j-1] == '=')) {
		return false
	}
	// ":)" stands alone; "Font:[Large" opens a bracket.
	n := i + utf8.RuneLen(r)
	return n >= len(m) || !unicode.IsLetter(rune(m[n])) && !unicode.IsDigit(rune(m[n]))
}

// pairListLabel reports whether the closer at i ends a list label: "1)",
// "a)", "iv)" at the start of a line or after a space, with no opener.
func pairListLabel(m string, lo, i int, r rune) bool {
	if r != ')' {
		return false
	}
	j := i
	for j > lo {
		c := m[j-1]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		j--
	}
	if j == i || i-j > 3 {
		return false
	}
	label := m[j:i]
	if !(label[0] >= '0' && label[0] <= '9') && len(label) > 1 && strings.Trim(label, "ivxlc") != "" {
		return false // a word, not a label
	}
	return j == lo || m[j-1] == ' ' || m[j-1] == '\n' || m[j-1] == '\t'
}

// pairInches reports whether the straight quote at i is an inch or second
// mark after a number (5'10", 12"): the characters before it, back to a
// space, are digits, periods, commas or apostrophes, ending in a digit.
func pairInches(m string, lo, i int) bool {
	if i == lo || m[i-1] < '0' || m[i-1] > '9' || i+1 < len(m) && unicode.IsLetter(rune(m[i+1])) {
		return false
	}
	for j := i - 1; j >= lo && m[j] != ' ' && m[j] != '\n'; j-- {
		if c := m[j]; !(c >= '0' && c <= '9' || c == '.' || c == ',' || c == '\'') {
			return false
		}
	}
	return true
}

func pairOpener(r rune) rune {
	switch r {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '“'
}

func pairLetterAt(m string, i int) bool {
	r, _ := utf8.DecodeRuneInString(m[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// pairInsideWord reports whether the straight quote at i has a letter
// directly on both sides: a stress or ditto mark inside a word, as
// dictionaries write them ("In*vade\"", "mem\"bra*nous"), not a quotation.
func pairInsideWord(m string, lo, i, hi int) bool {
	if i == lo || i+1 >= hi {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(m[lo:i])
	return unicode.IsLetter(r) && pairLetterAt(m, i+1) && !unicode.IsDigit(rune(m[i+1]))
}

// pairQuotedChar reports whether the quote at i is a character being
// talked about: '"', `"`.
func pairQuotedChar(m string, lo, i, hi int) bool {
	return i > lo && i+1 < hi && (m[i-1] == '\'' && m[i+1] == '\'' || m[i-1] == '`' && m[i+1] == '`')
}

// pairAtLineEnd reports whether only spaces lie between i and the end of
// its line (or of the block).
func pairAtLineEnd(m string, i, end int) bool {
	for ; i < end; i++ {
		switch m[i] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// pairStartsWithQuote reports whether a block opens with a quotation mark.
func pairStartsWithQuote(m string, b checker.Span) bool {
	i := b.Start // strings.TrimLeft(m[b.Start:b.End], " \t>*-"), without building its set
	for i < b.End && (m[i] == ' ' || m[i] == '\t' || m[i] == '>' || m[i] == '*' || m[i] == '-') {
		i++
	}
	s := m[i:b.End]
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "«")
}
