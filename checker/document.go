package checker

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/text"
)

// Span and Token are the text package's, re-exported for rules.
type (
	Span  = text.Span
	Token = text.Token
)

// A BlockKind says what a block of a document is; rules treat kinds
// differently (a heading is not a sentence fragment).
type BlockKind uint8

const (
	Paragraph BlockKind = iota + 1
	Heading             // a title: Markdown #, or a short unpunctuated line above a paragraph
	Caption             // a short line standing alone: photo credits, datelines, captions
	ListItem
	TableCell
	Code // never checked; its text is masked
)

var blockKindNames = [...]string{"", "paragraph", "heading", "caption", "list-item", "table-cell", "code"}

func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "?"
}

// A Block is a run of text of one kind. Sentences and tokens are found per block.
type Block struct {
	Span
	Kind BlockKind
}

// A Sentence is a sentence of a block, with the tokens it holds
// (Doc.Tokens[First:Last]).
type Sentence struct {
	Span
	Block       int // index in Doc.Blocks
	First, Last int // token range in Doc.Tokens
}

// A Position is a place in a document for people: Line and Column are
// 1-based, Column counts Unicode characters (a BOM is not one).
type Position struct {
	Offset int // 0-based byte offset
	Line   int
	Column int
}

// A Document is one input, decoded once and shared read-only by all rules.
// Every offset in mtlint refers to Text.
type Document struct {
	Path      string
	Text      string     // the exact input bytes
	Masked    string     // same length as Text; code, markup, URLs, a BOM and invalid UTF-8 blanked
	Blocks    []Block    // in order, non-overlapping
	Sentences []Sentence // in order
	Tokens    []Token    // over Masked, in order
	lines     []int      // byte offset of each line start
	suppress  []Suppression
	cands     candidateCache // name candidates, computed on first use
}

// A Suppression turns rules off over a byte range (inline comments).
// An empty Rules list means every rule.
type Suppression struct {
	Span
	Rules []string
}

// NewDocument builds a Document from its text, its masked form (same length;
// pass "" to use text itself) and its blocks. It splits the blocks (except
// code) into sentences and tokens. Suppressions may be nil.
func NewDocument(path, txt, masked string, blocks []Block, sup []Suppression) *Document {
	if masked == "" || len(masked) != len(txt) {
		masked = txt
	}
	d := &Document{Path: path, Text: txt, Masked: masked, Blocks: blocks, suppress: sup}
	d.lines = lineStarts(txt)
	var spans []Span
	for bi, b := range blocks {
		if b.Kind == Code {
			continue
		}
		spans = text.Sentences(spans[:0], masked, b.Span)
		for _, sp := range spans {
			first := len(d.Tokens)
			d.Tokens = text.Tokenize(d.Tokens, masked, sp)
			if len(d.Tokens) == first {
				continue
			}
			d.Sentences = append(d.Sentences, Sentence{Span: sp, Block: bi, First: first, Last: len(d.Tokens)})
		}
	}
	return d
}

func lineStarts(s string) []int {
	lines := make([]int, 1, 1+strings.Count(s, "\n"))
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// Position returns the line and column of byte offset off.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	start := d.lines[line]
	if line == 0 && strings.HasPrefix(d.Text, "\uFEFF") && off >= 3 {
		start = 3
	}
	return Position{Offset: off, Line: line + 1, Column: utf8.RuneCountInString(d.Text[start:off]) + 1}
}

// Lines returns the number of lines in the document.
func (d *Document) Lines() int { return len(d.lines) }

// LineSpan returns the span of line n (1-based) without its line ending.
func (d *Document) LineSpan(n int) Span {
	start := d.lines[n-1]
	end := len(d.Text)
	if n < len(d.lines) {
		end = d.lines[n] - 1
	}
	if end > start && d.Text[end-1] == '\r' {
		end--
	}
	return Span{Start: start, End: end}
}

// SentenceTokens returns the tokens of sentence s.
func (d *Document) SentenceTokens(s Sentence) []Token { return d.Tokens[s.First:s.Last] }

// TokenText returns the text of t.
func (d *Document) TokenText(t Token) string { return d.Masked[t.Start:t.End] }

// BlockOf returns the block of sentence s.
func (d *Document) BlockOf(s Sentence) Block { return d.Blocks[s.Block] }

// Suppressed reports whether rule is turned off at offset off.
func (d *Document) Suppressed(rule string, off int) bool {
	for _, s := range d.suppress {
		if off < s.Start || off >= s.End {
			continue
		}
		if len(s.Rules) == 0 {
			return true
		}
		for _, r := range s.Rules {
			if r == rule {
				return true
			}
		}
	}
	return false
}

// WordCount returns the number of word tokens, for rates per 1,000 words.
func (d *Document) WordCount() int {
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == text.Word {
			n++
		}
	}
	return n
}
