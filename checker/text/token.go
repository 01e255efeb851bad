// Package text holds mtlint's language-level building blocks: tokens,
// sentence boundaries, name candidates and the folding used to compare names.
// Everything here works on byte offsets into one string and never copies it.
package text

import (
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
	i := span.Start
	for i < span.End {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case c >= '0' && c <= '9':
				j := scanNumber(s, i, span.End)
				// "MS13"-like tails and "3rd" belong to the word.
				if j < span.End && startsWord(s, j, span.End) && !startsCJK(s, j, span.End) {
					j = scanWord(s, j, span.End)
					dst = append(dst, Token{Span{i, j}, Word})
				} else {
					dst = append(dst, Token{Span{i, j}, Number})
				}
				i = j
				continue
			case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
				j := scanWord(s, i, span.End)
				dst = append(dst, Token{Span{i, j}, Word})
				i = j
				continue
			case unicode.IsPunct(rune(c)):
				dst = append(dst, Token{Span{i, i + 1}, Punct})
				i++
				continue
			default:
				dst = append(dst, Token{Span{i, i + 1}, Symbol})
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:span.End])
		switch {
		case r == utf8.RuneError && n <= 1:
			dst = append(dst, Token{Span{i, i + 1}, Symbol})
			i++
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			j := scanWord(s, i, span.End)
			dst = append(dst, Token{Span{i, j}, Word})
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
			dst = append(dst, Token{Span{i, j}, Number})
			i = j
		case unicode.IsPunct(r):
			dst = append(dst, Token{Span{i, i + n}, Punct})
			i += n
		case extendsSymbol(r) && len(dst) > 0 && dst[len(dst)-1].End == i:
			// A stray combining mark, variation selector or joiner
			// belongs to the token before it.
			dst[len(dst)-1].End = i + n
			i += n
		default:
			j := scanSymbol(s, i+n, span.End, r)
			dst = append(dst, Token{Span{i, j}, Symbol})
			i = j
		}
	}
	return dst
}

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
			for i < end && asciiAlnum[s[i]] {
				i++
			}
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
func IsAllUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}
