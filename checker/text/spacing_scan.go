package text

import (
	"math/bits"
	"unsafe"
)

// NextSpacingStop returns the offset of the first byte of s[i:end] that a
// check of the spacing around punctuation needs to look at; end if there
// is none. It stops at:
//   - a straight double quote;
//   - a space followed by another space within s[i:end], and not after a
//     space, a newline or the start of s (the second space of a run,
//     indentation);
//   - a comma, semicolon or colon after a space;
//   - a period, exclamation or question mark after a space, or followed
//     within s[i:end] by an ASCII capital or a byte that is not ASCII
//     (which may start a capital): a mark glued to the next sentence
//     ("border.The").
//
// So the marks that are spaced as they should be ("end. Next", "a, b")
// are passed over, as are the periods of numbers, abbreviations and file
// names ("3.5", "e.g.", "config.yml"), which are no sentence's end, and
// hyphens, digits, brackets and the like.
//
// Eight bytes are read at a time, and with them the eight that start one
// byte later: the bytes that may stop the scan are found among the eight
// at once, from the byte before and the byte after each, so that the
// punctuation of prose, glued to the word before it and followed by a
// space or a lower-case letter, is passed over without a look at each
// mark.
func NextSpacingStop(s string, i, end int) int {
	if i < 0 || end > len(s) {
		panic("text: NextSpacingStop out of range")
	}
	// The high bit of the first byte: the byte before s[i] is a space.
	var prevSp uint64
	if i > 0 && s[i-1] == ' ' {
		prevSp = 0x80
	}
	// The bytes are read through a pointer: their bounds are checked above
	// and in the loop's condition, not again for the loads.
	p := unsafe.Pointer(unsafe.StringData(s))
	for i+9 <= end {
		x := spacingLoad(p, i)
		y := spacingLoad(p, i+1) // the byte after each of x
		sp := zeroBytes(x ^ ' '*lowBits)
		spAfter := sp<<8 | prevSp
		prevSp = sp >> 56
		// A superset of the stops, found without a branch: a quote; a
		// space before a space, not after one; a byte of punct8 after a
		// space, or before a byte of 0x40 to 0x5f (the capitals) or one
		// that is not ASCII: bit 7 set, or bit 6 set and bit 5 clear.
		capish := (y | y<<1&^(y<<2)) & highBits
		m := zeroBytes(x^'"'*lowBits) | sp&zeroBytes(y^' '*lowBits)&^spAfter |
			punct8(x)&(spAfter|capish)
		for ; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; spacingStopClass[s[k]] != 0 && spacingStopAt(s, k, end) {
				return k
			}
		}
		i += 8
	}
	for ; i < end; i++ {
		if (s[i] != ' ' || i+1 < end && s[i+1] == ' ') && spacingStopAt(s, i, end) {
			return i
		}
	}
	return i
}

// spacingLoad returns the eight bytes at p+i as a little-endian number.
func spacingLoad(p unsafe.Pointer, i int) uint64 {
	b := (*[8]byte)(unsafe.Add(p, i))
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// spacingStopAt reports whether NextSpacingStop stops at s[k], a byte
// other than a space, or a space followed by another within s[:end]. The
// start of s counts as the start of a line.
func spacingStopAt(s string, k, end int) bool {
	p := byte('\n')
	if k > 0 {
		p = s[k-1]
	}
	switch spacingStopClass[s[k]] {
	case spacingStop:
		return true
	case spacingStopSpaces:
		return p != ' ' && p != '\n'
	case spacingStopAfterSpace:
		return p == ' '
	case spacingStopSentence:
		return p == ' ' || k+1 < end && (s[k+1] >= 0x80 || 'A' <= s[k+1] && s[k+1] <= 'Z')
	}
	return false
}

const (
	spacingStop           = 1 + iota // always
	spacingStopSpaces                // the first of two spaces: not after a space or a newline
	spacingStopAfterSpace            // after a space
	spacingStopSentence              // after a space, or before a capital or a byte that is not ASCII
)

var spacingStopClass = [256]uint8{
	'"': spacingStop, ' ': spacingStopSpaces,
	',': spacingStopAfterSpace, ';': spacingStopAfterSpace, ':': spacingStopAfterSpace,
	'.': spacingStopSentence, '!': spacingStopSentence, '?': spacingStopSentence,
}
