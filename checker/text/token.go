// Package text holds mtlint's language-level building blocks: tokens,
// sentence boundaries, name candidates and the folding used to compare names.
// Everything here works on byte offsets into one string and never copies it.
package text

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Span is a half-open byte range [Start, End) in a document's text.
type Span struct{ Start, End int }

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return t.Start >= s.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// A TokenKind classifies a token.
type TokenKind uint8

const (
	Word   TokenKind = iota + 1 // letters, with inner apostrophes and digits ("don't", "MS13")
	Number                      // digits, with inner . , : ("3.5", "10,000", "10:30")
	Punct                       // one punctuation rune
	Symbol                      // any other visible rune (currency, emoji, math), or an invalid byte
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	}
	return "?"
}

// A Token is one word, number or punctuation mark. Whitespace is not a token;
// two tokens are adjacent (no space between) when one's End is the next's Start.
type Token struct {
	Span
	Kind TokenKind
	// lower is 1, set by the tokenizer, when the token holds no
	// upper-case letter: it is not a word, or a word that starts with an
	// ASCII byte and holds no upper-case letter ("word", "don't", "x86",
	// "3rd", "don’t", "naïve"; lowerToken). The name finder skips such
	// tokens without reading their bytes. Tokens made
	// otherwise leave it 0, which says nothing. (A number, not a bool:
	// the flags of a few tokens are tested together.)
	lower uint8
}

// lowerToken is the value of Token.lower for a token of kind k and text w:
// whether it is not a word or a word that starts with an ASCII byte and
// holds no upper-case (or title-case) letter.
func lowerToken(k TokenKind, w string) bool {
	if k != Word {
		return true
	}
	if len(w) == 0 || w[0] >= utf8.RuneSelf {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			return false
		} else if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// slowToken returns the token s[i:j] of kind k, with lower set
// (lowerToken): for the tokens that tokenize finds itself, outside
// asciiTokens.
func slowToken(s string, i, j int, k TokenKind) Token {
	var lower uint8
	if lowerToken(k, s[i:j]) {
		lower = 1
	}
	return Token{Span{i, j}, k, lower}
}

// Text returns the token's text in s.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// IsApostrophe reports whether r is an apostrophe that may sit inside a word.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// Tokenize appends the tokens of s[span] to dst and returns it. Offsets are
// absolute (into s). A word is letters, marks and digits with inner
// apostrophes ("don't", "O'Brien", "3rd"); a hyphen is a token of its own,
// so "anti-gang" is three adjacent tokens and "anti -gang" shows its space
// in the offsets. A run of Han, kana, Hangul or Thai is one word, never
// glued to Latin letters or digits. An emoji keeps its modifiers, a ZWJ
// sequence or a flag is one symbol, and a stray combining mark joins the
// token before it. Each invalid UTF-8 byte is a symbol of its own. It
// allocates nothing beyond growing dst.
func Tokenize(dst []Token, s string, span Span) []Token {
	dst, _ = TokenizeCount(dst, s, span)
	return dst
}

// TokenizeCount is Tokenize that also returns the number of words among
// the tokens it appends, counted as they are found.
func TokenizeCount(dst []Token, s string, span Span) ([]Token, int) {
	return tokenize(dst, s, span, nil)
}

// TokenizeMarks is TokenizeCount that also appends to marks the indexes
// in dst of the punctuation marks that may end a sentence (those whose
// first byte terminalStart marks: . ! ? … 。！？), for SentencesAtMarks.
func TokenizeMarks(dst []Token, s string, span Span, marks []int) ([]Token, int, []int) {
	dst, words, marks, _ := TokenizeCaps(dst, s, span, marks, nil)
	return dst, words, marks
}

// TokenizeCaps is TokenizeMarks that also appends to caps the indexes in
// dst of the tokens that may hold a capital: the words not lower (with an
// upper-case letter, or a first byte not ASCII). The name finder
// goes from one to the next (NewCandidateFinderCaps) without reading the
// tokens between them.
func TokenizeCaps(dst []Token, s string, span Span, marks, caps []int) ([]Token, int, []int, []int) {
	ml := markList{at: marks[:cap(marks)], n: len(marks), caps: caps[:cap(caps)], nc: len(caps)}
	dst, words := tokenize(dst, s, span, &ml)
	return dst, words, ml.at[:ml.n], ml.caps[:ml.nc]
}

// A Tokenizer tokenizes the blocks of a text one after the other, as
// TokenizeCaps does, keeping its lists from one block to the next: the
// list of capitals of all the blocks, the marks of the last one.
type Tokenizer struct {
	ml markList
}

// NewTokenizer returns a Tokenizer that appends the capitals it finds
// to caps and notes the marks of each block in marks' memory.
func NewTokenizer(marks, caps []int) Tokenizer {
	return Tokenizer{markList{at: marks[:cap(marks)], caps: caps[:cap(caps)], nc: len(caps)}}
}

// Block appends the tokens of s[span] to dst and returns it with the
// number of words among them (TokenizeCaps). Marks then returns the
// block's marks, Caps the capitals of all blocks so far.
func (z *Tokenizer) Block(dst []Token, s string, span Span) ([]Token, int) {
	z.ml.n = 0
	return tokenize(dst, s, span, &z.ml)
}

// BlockSentences is Block that also finds the block's sentences from its
// marks, as SentencesAtMarks does: it appends to sents those that hold
// tokens, with block as their Block and the range of their tokens in the
// tokens returned.
func (z *Tokenizer) BlockSentences(dst []Token, sents []Sentence, s string, span Span, block int) ([]Token, []Sentence, int) {
	first := len(dst)
	dst, words := z.Block(dst, s, span)
	return dst, appendSentences(sents, s, span, dst, first, z.Marks(), block, true), words
}

// Marks returns the indexes in dst of the marks of the last block
// tokenized that may end a sentence (TokenizeMarks), until the next.
func (z *Tokenizer) Marks() []int { return z.ml.at[:z.ml.n] }

// Caps returns the list of capitals of the blocks tokenized
// (TokenizeCaps).
func (z *Tokenizer) Caps() []int { return z.ml.caps[:z.ml.nc] }

// tokenize is TokenizeCount, and TokenizeCaps when marks is not nil.
func tokenize(dst []Token, s string, span Span, marks *markList) ([]Token, int) {
	i, end := span.Start, span.End
	if i < end && fastClass[s[i]] != fastOther && len(dst) < cap(dst) {
		// Most blocks of prose are tokenized whole by asciiBulk (the
		// first half of asciiTokens): asciiTail and tokenizeFrom, with
		// its loop ready for any text, are called only for what it
		// leaves.
		toks := dst[:cap(dst)]
		n, j, w := asciiBulk(toks, len(dst), s, end, i, marks)
		if j < end {
			n, j, w = asciiTail(toks, n, s[:end], j, marks, w)
		}
		if j >= end {
			return toks[:n], w
		}
		return tokenizeFrom(toks[:n], s, j, end, marks, w)
	}
	return tokenizeFrom(dst, s, i, end, marks, 0)
}

// tokenizeFrom is tokenize from i to end, with words words found before.
func tokenizeFrom(dst []Token, s string, i, end int, marks *markList, words int) ([]Token, int) {
	span := Span{i, end}
	for i < end {
		c := s[i]
		if fastClass[c] != fastOther && len(dst) < cap(dst) {
			// Most of prose goes in asciiTokens, which stops at the
			// first token it leaves to the code below.
			toks := dst[:cap(dst)]
			n, j, w := asciiTokens(toks, len(dst), s, end, i, marks)
			dst, i = toks[:n], j
			words += w
			if i >= end {
				break
			}
			c = s[i]
		}
		if c < utf8.RuneSelf {
			// By frequency in prose: letters, spaces, punctuation.
			switch cl := asciiClass[c]; {
			case cl == classLetter:
				j := asciiAlnumEnd(s, i, end)
				if j < end && (s[j] >= utf8.RuneSelf || s[j] == '\'') {
					j = scanWord(s, i, end) // an apostrophe or a non-ASCII letter may go on
				}
				dst = appendWord(dst, slowToken(s, i, j, Word), marks)
				words++
				i = j
			case cl == classSpace:
				// Runs of spaces (indentation, aligned columns) in a
				// tight loop.
				for i++; i < end && s[i] == ' '; i++ {
				}
			case cl == classPunct:
				if marks != nil && terminalStart[c] {
					marks.addMark(len(dst))
				}
				dst = append(dst, slowToken(s, i, i+1, Punct))
				i++
			case cl == classDigit:
				j := scanNumber(s, i, end)
				// "MS13"-like tails and "3rd" belong to the word.
				if j < end && startsWord(s, j, end) && !startsCJK(s, j, end) {
					j = scanWord(s, j, end)
					dst = appendWord(dst, slowToken(s, i, j, Word), marks)
					words++
				} else {
					dst = append(dst, slowToken(s, i, j, Number))
				}
				i = j
			default:
				dst = append(dst, slowToken(s, i, i+1, Symbol))
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:span.End])
		switch {
		case r == utf8.RuneError && n <= 1:
			dst = append(dst, slowToken(s, i, i+1, Symbol))
			i++
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			j := scanWord(s, i, span.End)
			dst = appendWord(dst, slowToken(s, i, j, Word), marks)
			words++
			i = j
		case unicode.IsDigit(r):
			j := i + n
			for j < span.End {
				r2, n2 := utf8.DecodeRuneInString(s[j:span.End])
				if !unicode.IsDigit(r2) {
					break
				}
				j += n2
			}
			dst = append(dst, slowToken(s, i, j, Number))
			i = j
		case unicode.IsPunct(r):
			if marks != nil && terminalStart[c] {
				marks.addMark(len(dst))
			}
			dst = append(dst, slowToken(s, i, i+n, Punct))
			i += n
		case extendsSymbol(r) && len(dst) > 0 && dst[len(dst)-1].End == i:
			// A stray combining mark, variation selector or joiner
			// belongs to the token before it.
			// (A mark is no capital: a word lower stays lower.)
			dst[len(dst)-1].End = i + n
			i += n
		default:
			j := scanSymbol(s, i+n, span.End, r)
			dst = append(dst, slowToken(s, i, j, Symbol))
			i = j
		}
	}
	return dst, words
}

// appendWord appends the word t to dst and, when marks is not nil and t
// is not lower, its index to marks' capitals (TokenizeCaps).
func appendWord(dst []Token, t Token, marks *markList) []Token {
	if marks != nil && t.lower == 0 {
		marks.addCap(len(dst))
	}
	return append(dst, t)
}

// Classes of ASCII bytes for Tokenize.
const (
	classSymbol = iota // control characters and symbols such as $ + < = > ^ ` | ~
	classSpace
	classLetter
	classDigit
	classPunct
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case strings.ContainsRune(" \t\n\r\f\v", r):
			t[c] = classSpace
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			t[c] = classLetter
		case '0' <= r && r <= '9':
			t[c] = classDigit
		case unicode.IsPunct(r):
			t[c] = classPunct
		}
	}
	return t
}()

// asciiAlnum marks ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// asciiAlnumEnd returns the end of the run of ASCII letters and digits
// that starts at i, at most end. It looks at eight bytes at a time: most
// words end within the first eight, found with one load and no branch per
// byte.
func asciiAlnumEnd(s string, i, end int) int {
	for i+8 <= end {
		if m := ^asciiAlnum8(load64(s, i)) & highBits; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < end && asciiAlnum[s[i]] {
		i++
	}
	return i
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// load64 returns the eight bytes of s at i as a little-endian number
// (one load: the compiler merges the byte loads).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// asciiAlnum8 returns, for each of the eight bytes of x, its high bit set
// when the byte is an ASCII letter or digit (asciiAlnum), all else clear.
func asciiAlnum8(x uint64) uint64 {
	ascii := ^x & highBits
	// With the high bits cleared no byte sum below carries into the next
	// byte: the high bit of b+(0x80-lo) is b >= lo, that of b+(0x7f-hi)
	// is b > hi.
	y := x &^ highBits
	digit := (y + (0x80-'0')*lowBits) &^ (y + (0x7f-'9')*lowBits)
	z := y | 0x20*lowBits // upper case to lower; no other byte lands in a-z
	letter := (z + (0x80-'a')*lowBits) &^ (z + (0x7f-'z')*lowBits)
	return (digit | letter) & ascii
}

func startsWord(s string, i, end int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsLetter(r)
}

// extendsSymbol reports whether r continues the rune before it rather than
// standing alone: combining marks, variation selectors, the zero-width
// joiner and emoji skin-tone modifiers.
func extendsSymbol(r rune) bool {
	return unicode.IsMark(r) || r == zwj || (0x1F3FB <= r && r <= 0x1F3FF)
}

const zwj = '\u200D'

func isRegionalIndicator(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }

// scanSymbol returns the end of the symbol token whose first rune r ends
// at i: an emoji keeps its modifiers and variation selectors, a ZWJ
// sequence ("👨‍👩‍👧") and a flag (two regional indicators) are one token.
func scanSymbol(s string, i, end int, r rune) int {
	if isRegionalIndicator(r) {
		if r2, n2 := utf8.DecodeRuneInString(s[i:end]); isRegionalIndicator(r2) {
			return i + n2
		}
		return i
	}
	for i < end && s[i] >= utf8.RuneSelf {
		r2, n2 := utf8.DecodeRuneInString(s[i:end])
		if r2 == zwj {
			// Join the next pictograph, if there is one.
			r3, n3 := utf8.DecodeRuneInString(s[i+n2 : end])
			if i+n2 < end && r3 >= utf8.RuneSelf && !unicode.IsLetter(r3) && !unicode.IsPunct(r3) && !unicode.IsSpace(r3) && r3 != utf8.RuneError {
				i += n2 + n3
				continue
			}
			return i + n2
		}
		if !extendsSymbol(r2) {
			return i
		}
		i += n2
	}
	return i
}

func startsCJK(s string, i, end int) bool {
	if s[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return isCJK(r)
}

// isCJK reports whether r is written without spaces between words: Han,
// kana, Hangul, Thai and the like. A word never mixes such runes with
// others ("Beijing北京" is two words).
func isCJK(r rune) bool {
	if r < 0x0E00 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Thai, r) || r == 0x30FC // prolonged sound mark
}

// scanWord returns the end of the word starting at i: letters, marks and
// digits, with single inner apostrophes ("don't", "O'Brien") and soft
// hyphens. Scripts written without spaces (isCJK) form words of their own.
func scanWord(s string, i, end int) int {
	cjk := false
	if s[i] < utf8.RuneSelf {
		// An ASCII start: run over ASCII letters and digits without
		// decoding, then go on below from the first other byte.
		for {
			i = asciiAlnumEnd(s, i, end)
			if i >= end {
				return i
			}
			if c := s[i]; c == '\'' && i+1 < end && startsWord(s, i+1, end) {
				i++
				continue
			} else if c < utf8.RuneSelf {
				return i
			}
			break
		}
	} else {
		r, _ := utf8.DecodeRuneInString(s[i:end])
		cjk = isCJK(r)
	}
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if cjk {
				return i
			}
			if asciiAlnum[c] {
				i++
				continue
			}
			if c == '\'' && i+1 < end && startsWord(s, i+1, end) {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:end])
		if isWordRune(r) || unicode.IsDigit(r) {
			if unicode.IsLetter(r) && isCJK(r) != cjk {
				return i
			}
			i += n
			continue
		}
		if (IsApostrophe(r) || r == '\u00AD') && !cjk && i+n < end && startsWord(s, i+n, end) {
			i += n
			continue
		}
		return i
	}
	return i
}

// scanNumber returns the end of the number starting at i: digits with inner
// separators followed by a digit ("3.5", "10,000", "10:30").
func scanNumber(s string, i, end int) int {
	for i < end {
		c := s[i]
		if '0' <= c && c <= '9' {
			i++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && i+1 < end && '0' <= s[i+1] && s[i+1] <= '9' && i > 0 && '0' <= s[i-1] && s[i-1] <= '9' {
			i++
			continue
		}
		return i
	}
	return i
}

// IsCapitalized reports whether w starts with an upper-case letter.
func IsCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// IsAllUpper reports whether w has at least one letter and no lower-case letter.
func IsAllUpper(w string) bool { return CapitalLetters(w) > 0 }

// CapitalLetters returns the number of letters in w when none of them is
// lower case ("NATO" 4, "U.S." 2, "13" 0), and -1 otherwise.
func CapitalLetters(w string) int {
	// ASCII first: a lower-case letter ends it, without decoding.
	letters := 0
	i := 0
	for ; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'a' <= c && c <= 'z' {
			return -1
		}
		if 'A' <= c && c <= 'Z' {
			letters++
		}
	}
	for _, r := range w[i:] {
		if unicode.IsLower(r) {
			return -1
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters
}
