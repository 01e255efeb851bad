package text

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// Classes of bytes for asciiTokens; fastOther is every byte it leaves to
// tokenize (bytes not ASCII).
const (
	fastOther  = iota
	fastLetter // a lower-case letter
	fastUpper  // an upper-case letter
	fastSpace
	fastPunct // ASCII punctuation that cannot end a sentence
	fastMark  // . ! ?, which terminalStart marks
	fastDigit
	fastSymbol // any other ASCII byte
)

var fastClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch asciiClass[c] {
		case classLetter:
			t[c] = fastLetter
			if c < 'a' {
				t[c] = fastUpper
			}
		case classSpace:
			t[c] = fastSpace
		case classPunct:
			t[c] = fastPunct
			if terminalStart[c] {
				t[c] = fastMark
			}
		case classDigit:
			t[c] = fastDigit
		default:
			t[c] = fastSymbol
		}
	}
	return t
}()

// What the byte after a run of ASCII letters means for the word.
const (
	wordEnds    = iota // the word ends before it
	wordGoesOn         // a digit: the word goes on
	wordMayGoOn        // an apostrophe: the word goes on if a letter follows
	wordUnknown        // not ASCII: left to scanWord
	wordUpper          // a capital, after lower-case letters: the word goes on
)

// isFastLetter reports whether the class c (fastClass) is that of a letter.
func isFastLetter(c uint8) bool { return c == fastLetter || c == fastUpper }

var afterLetters = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = wordUnknown
		case '0' <= c && c <= '9':
			t[c] = wordGoesOn
		case c == '\'':
			t[c] = wordMayGoOn
		case 'A' <= c && c <= 'Z':
			t[c] = wordUpper // only after lower-case letters (notLower8)
		}
	}
	return t
}()

// asciiTokens is tokenize for the bulk of English prose: from s[i:end]
// it writes into toks, from n on, the tokens tokenize would find, and into
// marks (when not nil) the indexes of those that are . ! ?, while it
// meets only ASCII. It stops at the start of the first token it leaves
// to tokenize (one with a byte not ASCII, a number followed by a letter,
// a number or a word with digits or an apostrophe in the last eight bytes
// of the span), when toks or marks is full, or at end (or past it, after
// spaces that follow the span: asciiBulk), and returns the new n and i
// and the number of words it found.
//
// asciiBulk reads eight bytes at a time; the last bytes of the span go in
// asciiTail, which goes on from where asciiBulk stopped, or stops there
// too when asciiBulk stopped at a token it leaves to tokenize.
func asciiTokens(toks []Token, n int, s string, end, i int, marks *markList) (int, int, int) {
	n, i, words := asciiBulk(toks, n, s, end, i, marks)
	if i >= end {
		return n, i, words
	}
	return asciiTail(toks, n, s[:end], i, marks, words)
}

// asciiBulk is asciiTokens without the last bytes of the span: it stops,
// as well, where eight bytes can no longer be read from the next token,
// within the span or, when the byte at end is a space, within s: no token
// goes on over a space, so that the span's last tokens are found as if
// the span ended eight bytes later. (It may then skip the spaces after
// the span, and return an i past end.)
//
// Its loop calls nothing and never grows a slice, so that it keeps its
// values in registers: tokenize, ready for any text, spills them around
// its calls. It reads s through a pointer, the offsets it reads at being
// below len(s) (eight bytes from below len(s)-7), as the compiler would
// check each read again.
func asciiBulk(toks []Token, n int, s string, end, i int, marks *markList) (int, int, int) {
	words := 0
	lim := end - 7 // the end of the offsets from which eight bytes are read
	if end < len(s) && spaceByte[s[end]] {
		lim = end
	}
	lim = min(lim, len(s)-7)
	if n < 0 || i < 0 || i >= lim {
		return n, i, 0
	}
	p := unsafe.Pointer(unsafe.StringData(s))
loop:
	for uint(n) < uint(len(toks)) && uint(i) < uint(lim) {
		c := byteAt(p, i)
		cl := uint8(fastLetter)
		if c-'a' < 26 {
			// A word that starts with a lower-case letter, most of
			// prose. When it is lower-case letters only, a token that
			// is lower, it is read here, with a test or two of the
			// byte after it; any other word is read again below.
			j := i
			var m uint64
			for {
				if m = notLower8(load8(p, j)); m != 0 {
					break
				}
				if j += 8; j >= lim {
					break loop // a long word at the end
				}
			}
			j += bits.TrailingZeros64(m) / 8 // below len(s): a byte was found
			d := byteAt(p, j)
			if d == ' ' {
				// "word word": the commonest end, and the space
				// after it is skipped with it.
				toks[n] = Token{Span{i, j}, Word, 1}
				n++
				words++
				i = j + 1
				continue
			}
			if k := afterLetters[d]; k == wordEnds || k == wordMayGoOn && j+1 < lim && fastClass[byteAt(p, j+1)] != fastOther && !isFastLetter(fastClass[byteAt(p, j+1)]) {
				// (An apostrophe without a letter after it ends
				// the word, as below.)
				toks[n] = Token{Span{i, j}, Word, 1}
				n++
				words++
				i = j
				continue
			}
		} else {
			cl = fastClass[c]
		}
		// By frequency in prose, in order (a switch of constant cases would be
		// a binary search).
		switch {
		case cl == fastPunct:
			toks[n] = Token{Span{i, i + 1}, Punct, 1}
			n++
			i++
			if byteAt(p, i) == ' ' {
				i++ // ", "
			}
		case cl == fastSpace:
			// The run of spaces, line ends and indentation in a
			// tight loop, a run of ' ' eight bytes at a time.
			for i++; i < lim; i++ {
				c := byteAt(p, i)
				if c == ' ' {
					m := load8(p, i) ^ ' '*lowBits
					if m == 0 {
						i += 7
						continue
					}
					i += bits.TrailingZeros64(m) / 8
					c = byteAt(p, i)
				}
				if fastClass[c] != fastSpace {
					break
				}
			}
		case cl == fastSymbol:
			toks[n] = Token{Span{i, i + 1}, Symbol, 1}
			n++
			i++
		case isFastLetter(cl):
			j := i // the start of the run of letters being read
			for {
				m := ^asciiLetters8(load8(p, j)) & highBits
				if m == 0 {
					if j += 8; j >= lim {
						break loop // a long word at the end
					}
					continue
				}
				j += bits.TrailingZeros64(m) / 8
				if k := afterLetters[byteAt(p, j)]; k != wordEnds {
					if k == wordUnknown || j+1 >= lim {
						return n, i, words
					}
					if k == wordGoesOn {
						// Digits: the rest of the word, letters and
						// digits, one byte at a time (rare in prose:
						// "MP3", "i386").
						for asciiAlnum[byteAt(p, j)] {
							if j++; j >= lim {
								return n, i, words
							}
						}
						if c := byteAt(p, j); c >= utf8.RuneSelf || j+1 >= lim {
							return n, i, words
						} else if c != '\'' {
							break
						}
					}
					// "don't": a letter after the apostrophe goes on
					// with the word, a byte not ASCII needs scanWord.
					if d := byteAt(p, j+1); d >= utf8.RuneSelf {
						return n, i, words
					} else if isFastLetter(fastClass[d]) {
						j++
						continue
					}
				}
				break
			}
			// A word that starts in lower case is lower unless a
			// capital follows ("iPhone"): "don't", "x86".
			var low uint8
			if cl == fastLetter {
				low = 1
				for k := i + 1; k < j; k++ {
					if byteAt(p, k)-'A' < 26 {
						low = 0
						break
					}
				}
			}
			if marks != nil && low == 0 {
				caps, k := marks.caps, marks.nc
				if uint(k) >= uint(len(caps)) {
					return n, i, words
				}
				caps[k] = n
				marks.nc = k + 1
			}
			toks[n] = Token{Span{i, j}, Word, low}
			n++
			words++
			i = j
			if byteAt(p, i) == ' ' {
				i++
			}
		case cl == fastMark:
			if marks != nil {
				if uint(marks.n) >= uint(len(marks.at)) {
					return n, i, words
				}
				marks.at[marks.n] = n
				marks.n++
			}
			toks[n] = Token{Span{i, i + 1}, Punct, 1}
			n++
			i++
			if byteAt(p, i) == ' ' {
				i++ // ". "
			}
		case cl == fastDigit:
			// As scanNumber: digits, with inner . , : between digits.
			j := i + 1
			for ; j < lim; j++ {
				c := byteAt(p, j)
				if '0' <= c && c <= '9' {
					continue
				}
				if (c == '.' || c == ',' || c == ':') && '0' <= byteAt(p, j+1) && byteAt(p, j+1) <= '9' {
					continue
				}
				break
			}
			// A letter after it makes a word ("3rd"), left to tokenize.
			if j >= lim {
				return n, i, words
			}
			if c := byteAt(p, j); isFastLetter(fastClass[c]) || c >= utf8.RuneSelf {
				return n, i, words
			}
			toks[n] = Token{Span{i, j}, Number, 1}
			n++
			i = j
		default:
			return n, i, words
		}
	}
	return n, i, words
}

// byteAt returns the byte at offset i of the string whose bytes start
// at p; i must be inside the string.
func byteAt(p unsafe.Pointer, i int) byte { return *(*byte)(unsafe.Add(p, i)) }

// load8 returns the eight bytes at offset i of the string whose bytes
// start at p, as load64 does; i+8 must be at most the string's length.
func load8(p unsafe.Pointer, i int) uint64 {
	b := (*[8]byte)(unsafe.Add(p, i))
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// notLower8 returns, for each of the eight bytes of x up to and with the
// first that is not a lower-case ASCII letter, its high bit set when the
// byte is not one, all else clear; the bits of the bytes after the first
// not lower are set or not in no particular way, so only the lowest set
// bit means anything (zero when all eight bytes are lower-case letters).
func notLower8(x uint64) uint64 {
	// No byte sum or difference below carries into the next byte, or
	// borrows from it, unless the byte has its high bit set, and then it
	// is not a letter: its own high bit, taken from x, is set, and only
	// bytes after it can be wrong. For a byte b below 0x80, the high bit
	// of b+(0x7f-'z') is b > 'z', that of ('a'+0x7f)-b is b < 'a'.
	return ((x + (0x7f-'z')*lowBits) | x | (('a'+0x7f)*lowBits - x)) & highBits
}

// asciiTail is asciiTokens for the last bytes of s, where it cannot read
// eight bytes at a time: it goes a byte at a time over words of letters,
// spaces, punctuation and symbols rather than leave them all to tokenize.
// words is the number of words asciiTokens has found so far.
func asciiTail(toks []Token, n int, s string, i int, marks *markList, words int) (int, int, int) {
	for uint(n) < uint(len(toks)) && uint(i) < uint(len(s)) {
		switch fastClass[s[i]] {
		case fastLetter, fastUpper:
			// Letters have 0x20 set in lower case only.
			all := s[i]
			j := i + 1
			for j < len(s) && isFastLetter(fastClass[s[j]]) {
				all &= s[j]
				j++
			}
			if j < len(s) && afterLetters[s[j]] != wordEnds {
				return n, i, words
			}
			if all&0x20 == 0 && marks != nil {
				caps, k := marks.caps, marks.nc
				if uint(k) >= uint(len(caps)) {
					return n, i, words
				}
				caps[k] = n
				marks.nc = k + 1
			}
			toks[n] = Token{Span{i, j}, Word, all >> 5 & 1}
			n++
			words++
			i = j
		case fastSpace:
			i++
		case fastPunct:
			toks[n] = Token{Span{i, i + 1}, Punct, 1}
			n++
			i++
		case fastMark:
			if marks != nil {
				if uint(marks.n) >= uint(len(marks.at)) {
					return n, i, words
				}
				marks.at[marks.n] = n
				marks.n++
			}
			toks[n] = Token{Span{i, i + 1}, Punct, 1}
			n++
			i++
		case fastSymbol:
			toks[n] = Token{Span{i, i + 1}, Symbol, 1}
			n++
			i++
		default:
			return n, i, words
		}
	}
	return n, i, words
}

// A markList is a list of marks with room to grow: at[:n] are the marks,
// and caps[:nc] the indexes of the words not lower (TokenizeCaps). at and
// caps are whole: their length is their capacity.
type markList struct {
	at   []int
	n    int
	caps []int
	nc   int
}

// addMark appends the mark k to m.
func (m *markList) addMark(k int) {
	m.at = putAt(m.at, m.n, k)
	m.n++
}

// addCap appends the capital k to m.
func (m *markList) addCap(k int) {
	m.caps = putAt(m.caps, m.nc, k)
	m.nc++
}

// putAt sets s[n] to k, s holding n values in use and the rest of it
// room; when it has none left, it grows, and it is returned at its full
// capacity.
func putAt(s []int, n, k int) []int {
	if n < len(s) {
		s[n] = k
		return s
	}
	s = append(s[:n], k)
	return s[:cap(s)]
}

// asciiLetters8 returns, for each of the eight bytes of x, its high bit
// set when the byte is an ASCII letter, all else clear.
func asciiLetters8(x uint64) uint64 {
	// As in asciiAlnum8: upper case to lower, then a range check.
	z := x&^highBits | 0x20*lowBits
	return (z + (0x80-'a')*lowBits) &^ (z + (0x7f-'z')*lowBits) &^ x
}
