package text

import (
	"math/bits"
	"unsafe"
)

// NextPunct returns the offset of the first byte of s[i:end] that is ASCII
// below '@' but not a space: punctuation such as , . ; : ! ? " ( - /, a
// digit, or a control character such as a newline; end if there is none.
// Letters, spaces and the bytes of non-ASCII characters are skipped eight
// at a time, so a rule that looks only at punctuation skips words at the
// cost of a few instructions each.
func NextPunct(s string, i, end int) int {
	for i+8 <= end {
		if m := punct8(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < end && !isPunctByte(s[i]) {
		i++
	}
	return i
}

func isPunctByte(c byte) bool { return c < '@' && c != ' ' }

// punct8 returns, for each of the eight bytes of x, its high bit set when
// isPunctByte holds for it, all else clear.
func punct8(x uint64) uint64 {
	// With the high bits cleared, b+0x40 cannot carry into the next byte;
	// its high bit is set when b >= '@'.
	below := ^(x&^highBits + (0x80-'@')*lowBits) &^ x & highBits
	return below &^ zeroBytes(x^(' '*lowBits))
}

// NextPunctOrDoubleSpace is NextPunct that also stops at a space followed
// by another space within s[i:end]: one pass over a block for a rule that
// looks at punctuation and at runs of spaces.
func NextPunctOrDoubleSpace(s string, i, end int) int {
	for i+8 <= end {
		x := load64(s, i)
		sp := zeroBytes(x ^ ' '*lowBits)
		if m := punct8(x) | sp&(sp>>8); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		// The last byte is a space: the next may be another.
		if sp>>63 != 0 && i+8 < end && s[i+8] == ' ' {
			return i + 7
		}
		i += 8
	}
	for ; i < end; i++ {
		if isPunctByte(s[i]) || s[i] == ' ' && i+1 < end && s[i+1] == ' ' {
			return i
		}
	}
	return i
}

// NextBracketOrQuote returns the offset of the first byte of s[i:end] that
// is a parenthesis, a square bracket, a straight double quote or 0xE2 (the
// first byte of curly quotes, dashes and other punctuation from U+2000 to
// U+2FFF); end if there is none. It reads eight bytes at a time.
func NextBracketOrQuote(s string, i, end int) int {
	for i+8 <= end {
		x := load64(s, i)
		// A superset first, in a few operations: " to ) holds " ( ),
		// [ to ] holds [ ], and 0xE2 is not ASCII. With the high bits
		// cleared no sum carries into the next byte.
		y := x &^ highBits
		m := (y+(0x80-'"')*lowBits)&^(y+(0x7f-')')*lowBits) | (y+(0x80-'[')*lowBits)&^(y+(0x7f-']')*lowBits)
		for m = (m | x) & highBits; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; bracketOrQuote[s[k]] {
				return k
			}
		}
		i += 8
	}
	for ; i < end && !bracketOrQuote[s[i]]; i++ {
	}
	return i
}

var bracketOrQuote = [256]bool{'(': true, ')': true, '[': true, ']': true, '"': true, 0xE2: true}

// NextUpperOrNonASCII returns the offset of the first byte of s[i:end]
// that is an ASCII capital letter or not ASCII; end if there is none. It
// reads eight bytes at a time.
func NextUpperOrNonASCII(s string, i, end int) int {
	if i < 0 || end > len(s) {
		panic("text: NextUpperOrNonASCII out of range")
	}
	// The eight bytes are read through a pointer: their bounds are
	// checked above and in the loop's condition, not again for the load.
	p := unsafe.Pointer(unsafe.StringData(s))
	for ; i+8 <= end; i += 8 {
		b := (*[8]byte)(unsafe.Add(p, i))
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		y := x &^ highBits
		if m := (x | (y+(0x80-'A')*lowBits)&^(y+(0x7f-'Z')*lowBits)) & highBits; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < end; i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return end
}

// IndexDoubleSpace returns the offset of the first two spaces in a row in
// s, or -1: strings.Index(s, "  ") for text where single spaces are
// everywhere, which makes a search that stops at each space slow.
func IndexDoubleSpace(s string) int {
	i, prev := 0, uint64(0) // prev: the last byte looked at was a space
	for ; i+8 <= len(s); i += 8 {
		sp := zeroBytes(load64(s, i) ^ ' '*lowBits)
		if sp&prev != 0 {
			return i - 1
		}
		if m := sp & (sp >> 8); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		prev = sp >> 56 // the high bit of the last byte, moved to the first
	}
	for ; i < len(s); i++ {
		if s[i] == ' ' {
			if prev != 0 {
				return i - 1
			}
			prev = 0x80
		} else {
			prev = 0
		}
	}
	return -1
}

// IsASCII reports whether s is all ASCII, reading thirty-two bytes at a
// time (the high bits of four loads or'ed together: one test), then eight.
func IsASCII(s string) bool {
	i := 0
	// The thirty-two bytes are read through a pointer: their bounds are
	// checked in the loop's condition, not again for each load.
	p := unsafe.Pointer(unsafe.StringData(s))
	for ; i+32 <= len(s); i += 32 {
		b := (*[32]byte)(unsafe.Add(p, i))
		if (le64(b[0:8])|le64(b[8:16])|le64(b[16:24])|le64(b[24:32]))&highBits != 0 {
			return false
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&highBits != 0 {
			return false
		}
	}
	if i == len(s) {
		return true
	}
	// The last bytes with one load: the last eight bytes of s, or its
	// first and last four (which may overlap), or its bytes one by one.
	if len(s) >= 8 {
		return load64(s, len(s)-8)&highBits == 0
	}
	if len(s) >= 4 {
		return (load32(s, 0)|load32(s, len(s)-4))&0x80808080 == 0
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// le64 returns the eight bytes of b as a little-endian number (one load:
// the compiler merges the byte loads).
func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// load32 returns the four bytes of s at i as a little-endian number.
func load32(s string, i int) uint32 {
	b := s[i : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// hashK is odd: multiplying by it is a bijection.
const hashK = 0x9E3779B97F4A7C15
