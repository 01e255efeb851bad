package checker

import (
	"math"
	"sort"
	"strings"
	"sync"
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

// A Sentence is a sentence of a block (Block, its index in Doc.Blocks),
// with the tokens it holds (Doc.Tokens[First:Last]). It is the text
// package's, which finds the sentences.
type Sentence = text.Sentence

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
	capitals  []int      // indexes in Tokens of the tokens that may hold a capital (text.TokenizeCaps), then math.MaxInt
	lines     []int      // byte offset of each line start
	words     int        // word tokens, when counted is set
	counted   bool
	suppress  []Suppression
	cands     candidateCache // name candidates, found on first use or as the text is tokenized (blockCandidates)
	shared    sharedCache    // per-document work shared by rules (Shared)
	marks     runeMarks      // for columns on long lines
	mem       *Buffers       // where the large slices came from, to recycle them (release)
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
	return TakeBuffers().NewDocument(path, txt, masked, blocks, sup, nil)
}

// NewDocumentLines is NewDocument for a reader that has found the line
// starts of txt on its way (as LineStarts returns them), so that the text
// is not searched for line breaks again. The Document keeps lines.
func NewDocumentLines(path, txt, masked string, blocks []Block, sup []Suppression, lines []int) *Document {
	return TakeBuffers().NewDocument(path, txt, masked, blocks, sup, lines)
}

// NewDocument is NewDocumentLines for a reader that built masked, blocks
// or lines in b (see Buffers): the Document takes b over, and builds its
// tokens, sentences and candidates in b's memory too. When lines is nil,
// the line starts are found here, in b.Lines.
func (b *Buffers) NewDocument(path, txt, masked string, blocks []Block, sup []Suppression, lines []int) *Document {
	if masked == "" || len(masked) != len(txt) {
		masked = txt
	}
	if lines == nil {
		lines = appendLineStarts(reuse(b.Lines, 1+strings.Count(txt, "\n")), txt)
		b.Lines = lines
	}
	d := &Document{Path: path, Text: txt, Masked: masked, Blocks: blocks, suppress: sup}
	d.lines = lines
	d.counted = true
	d.mem = b
	// Prose holds a token per four to six bytes (4.5 in technical
	// manuals, 5.1 in essays, 5.4 in news): start with room for the
	// denser and, when a sentence might not fit, grow to what the text
	// read so far predicts for the whole, rather than by append's small
	// steps (a large file would be copied over and over).
	d.Tokens = reuse(b.tokens, len(masked)/4+16)
	d.Sentences = reuse(b.sentences, len(masked)/64+4) // prose: 100-150 bytes a sentence, terse text 60
	// About one token in ten may hold a capital.
	z := text.NewTokenizer(nil, reuse(b.capitals, len(masked)/48+16))
	var bc *blockCandidates
	if b.wantCands {
		bc = d.startCandidates(b)
	}
	for bi, blk := range blocks {
		if blk.Kind == Code {
			continue
		}
		// The block is tokenized whole, noting the punctuation marks
		// that may end a sentence, and its sentences are found at those
		// (text.SentencesAtMarks), without a pass over its bytes. No
		// token crosses a sentence's end, so the tokens are those of the
		// sentences one by one.
		if cap(d.Tokens)-len(d.Tokens) < blk.Len()/2+8 {
			d.Tokens = growTokens(d.Tokens, blk.Span, len(masked))
		}
		var words int
		d.Tokens, d.Sentences, words = z.BlockSentences(d.Tokens, d.Sentences, masked, blk.Span, bi)
		d.words += words
		if bc != nil && len(d.Tokens) >= bc.next {
			bc.read(d, z.Caps()) // the candidates of the blocks since the last read
		}
	}
	d.capitals = append(z.Caps(), math.MaxInt) // the end, for the name finder
	if bc != nil {
		bc.finish(d)
	}
	return d
}

// growTokens returns toks with room for the tokens of sp (at most one per
// byte), its capacity extrapolated from the tokens found before sp.Start
// to the n bytes of the text, with an eighth to spare.
func growTokens(toks []Token, sp Span, n int) []Token {
	// At least a quarter more each time, so that text growing denser
	// towards its end is not copied again for every sentence.
	want := max(len(toks)+sp.Len(), cap(toks)+cap(toks)/4)
	if sp.Start > 0 {
		want = max(want, int(int64(len(toks))*int64(n)/int64(sp.Start))*9/8)
	}
	grown := make([]Token, len(toks), want)
	copy(grown, toks)
	return grown
}

// LineStarts returns the byte offset of each line start of s: 0, and the
// offset after each "\n".
func LineStarts(s string) []int {
	return appendLineStarts(make([]int, 0, 1+strings.Count(s, "\n")), s)
}

// appendLineStarts appends the line starts of s to lines.
func appendLineStarts(lines []int, s string) []int {
	lines = append(lines, 0)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

// Position returns the line and column of byte offset off.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	// The last line starting at or before off (sort.Search without its
	// calls through a closure: findings ask for two positions each).
	lo, hi := 0, len(d.lines)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if d.lines[h] > off {
			hi = h
		} else {
			lo = h + 1
		}
	}
	line := lo - 1
	start := d.lines[line]
	if line == 0 && strings.HasPrefix(d.Text, "\uFEFF") && off >= 3 {
		start = 3
	}
	return Position{Offset: off, Line: line + 1, Column: d.runeCount(start, off) + 1}
}

// runeBlock is the distance between the rune-count checkpoints of a
// document: a column on a long line (a file of one line, say) is counted
// from the nearest one, not from the line's start.
const runeBlock = 4096

// runeMarks holds a Document's rune-count checkpoints, made on first use.
type runeMarks struct {
	once sync.Once
	at   []int // byte offsets, about runeBlock apart, never inside a UTF-8 sequence
	cum  []int // runes in Text[:at[i]]
}

// runeCount returns utf8.RuneCountInString(d.Text[from:to]). Counting is
// additive across a byte that cannot continue a UTF-8 sequence, so a long
// span is counted as its ends plus the checkpoints between them.
func (d *Document) runeCount(from, to int) int {
	if to-from <= 2*runeBlock {
		return utf8.RuneCountInString(d.Text[from:to])
	}
	m := &d.marks
	m.once.Do(func() {
		prev, n := 0, 0
		for i := runeBlock; i < len(d.Text); i += runeBlock {
			for i < len(d.Text) && !utf8.RuneStart(d.Text[i]) {
				i++
			}
			if i >= len(d.Text) {
				break
			}
			n += utf8.RuneCountInString(d.Text[prev:i])
			m.at, m.cum = append(m.at, i), append(m.cum, n)
			prev = i
		}
	})
	a := sort.SearchInts(m.at, from)     // first checkpoint at or after from
	b := sort.SearchInts(m.at, to+1) - 1 // last checkpoint at or before to
	if a >= len(m.at) || b < a {
		return utf8.RuneCountInString(d.Text[from:to])
	}
	return utf8.RuneCountInString(d.Text[from:m.at[a]]) + m.cum[b] - m.cum[a] + utf8.RuneCountInString(d.Text[m.at[b]:to])
}

// Lines returns the number of lines in the document.
func (d *Document) Lines() int { return len(d.lines) }

// LineStart returns the offset at which line n (1-based) starts.
func (d *Document) LineStart(n int) int { return d.lines[n-1] }

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

// Capitals returns the indexes in Tokens of the words that may hold a
// capital (every word with an upper-case letter or a first byte that is
// not ASCII is one), in order, then math.MaxInt; nil for a document made
// without them.
func (d *Document) Capitals() []int { return d.capitals }

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
	if d.counted {
		return d.words
	}
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == text.Word {
			n++
		}
	}
	return n
}

// sharedCache holds the values of Document.Shared.
type sharedCache struct {
	mu sync.Mutex
	m  map[any]*sharedValue
}

type sharedValue struct {
	once sync.Once
	v    any
}

// Shared returns fn's result for key, calling fn only on the first call
// with that key for d: rules share per-document work with it (the glossary
// terms of every sentence, looked up once for the rules that need them).
// key must be comparable; a value of an unexported type of the caller's
// package keeps keys from colliding. The value is shared read-only. Safe
// for concurrent use; fn may call Shared with other keys.
func (d *Document) Shared(key any, fn func() any) any {
	d.shared.mu.Lock()
	if d.shared.m == nil {
		d.shared.m = map[any]*sharedValue{}
	}
	sv := d.shared.m[key]
	if sv == nil {
		sv = &sharedValue{}
		d.shared.m[key] = sv
	}
	d.shared.mu.Unlock()
	sv.once.Do(func() { sv.v = fn() })
	return sv.v
}
