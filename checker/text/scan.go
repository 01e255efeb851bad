package text

import "math/bits"

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

// HasDoubleSpace reports whether s holds two spaces in a row. It is
// strings.Contains(s, "  ") for text where single spaces are everywhere,
// which makes a search that stops at each space slow.
func HasDoubleSpace(s string) bool {
	i, prev := 0, uint64(0) // prev: the last byte looked at was a space
	for ; i+8 <= len(s); i += 8 {
		sp := zeroBytes(load64(s, i) ^ ' '*lowBits)
		if sp&(sp>>8) != 0 || sp&prev != 0 {
			return true
		}
		prev = sp >> 56 // the high bit of the last byte, moved to the first
	}
	for ; i < len(s); i++ {
		if s[i] == ' ' {
			if prev != 0 {
				return true
			}
			prev = 0x80
		} else {
			prev = 0
		}
	}
	return false
}

// IsASCII reports whether s is all ASCII, reading eight bytes at a time.
func IsASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&highBits != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
