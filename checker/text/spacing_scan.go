package text

import "math/bits"

// NextSentenceMarkOrDoubleSpace returns the offset of the first byte of
// s[i:end] that is a newline, one of , ; : ! ? . or a straight double
// quote, or a space followed by another space within s[i:end]; end if
// there is none. It is NextPunctOrDoubleSpace without the stops at other
// punctuation, digits and control characters (hyphens, rules of "=",
// numbers, brackets), which are dropped within the eight bytes read at a
// time rather than returned one by one.
func NextSentenceMarkOrDoubleSpace(s string, i, end int) int {
	for i+8 <= end {
		x := load64(s, i)
		sp := zeroBytes(x ^ ' '*lowBits)
		// A superset: the punctuation bytes and the first space of two.
		for m := punct8(x) | sp&(sp>>8); m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; sentenceMarkStop[s[k]] {
				return k
			}
		}
		// The last byte is a space: the next may be another.
		if sp>>63 != 0 && i+8 < end && s[i+8] == ' ' {
			return i + 7
		}
		i += 8
	}
	for ; i < end; i++ {
		if c := s[i]; c != ' ' && sentenceMarkStop[c] || c == ' ' && i+1 < end && s[i+1] == ' ' {
			return i
		}
	}
	return i
}

// sentenceMarkStop holds the bytes NextSentenceMarkOrDoubleSpace stops at,
// and the space, which reaches it only as the first of two.
var sentenceMarkStop = [256]bool{'\n': true, ',': true, ';': true, ':': true, '!': true, '?': true, '.': true, '"': true, ' ': true}
