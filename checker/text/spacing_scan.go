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
// hyphens, digits, brackets and the like: those
// are dropped within the eight bytes read at a time rather than returned
// one by one.
func NextSpacingStop(s string, i, end int) int {
	if i < 0 || end > len(s) {
		panic("text: NextSpacingStop out of range")
	}
	// The eight bytes are read through a pointer: their bounds are
	// checked above and in the loop's condition, not again for the load.
	p := unsafe.Pointer(unsafe.StringData(s))
	for i+8 <= end {
		b := (*[8]byte)(unsafe.Add(p, i))
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		sp := zeroBytes(x ^ ' '*lowBits)
		// A superset: the punctuation bytes and the first space of two.
		for m := punct8(x) | sp&(sp>>8); m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; spacingStopClass[s[k]] != 0 && spacingStopAt(s, k, end) {
				return k
			}
		}
		// The last byte is a space: the next may be another.
		if sp>>63 != 0 && i+8 < end && s[i+8] == ' ' && spacingStopAt(s, i+7, end) {
			return i + 7
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
