package text

import "math/bits"

// NextByteAtLeast returns the offset of the first byte of s[i:end] that is
// c or above, for c of at least 0x80; end if there is none. Eight bytes are
// read at a time: ASCII and most continuation bytes are skipped at the
// cost of a few instructions each. With c = 0xCD, for instance, it skips
// to the next character from U+0370 on (whose first byte is 0xCD or
// above) in valid UTF-8.
func NextByteAtLeast(s string, i, end int, c byte) int {
	if c < 0x80 {
		panic("text: NextByteAtLeast below 0x80")
	}
	k := uint64(0x100-uint(c)) * lowBits
	for i+8 <= end {
		x := load64(s, i)
		// With the high bits cleared no sum carries into the next byte;
		// its high bit is set when the low seven bits are c-0x80 or more.
		if m := (x&^highBits + k) & x & highBits; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < end && s[i] < c {
		i++
	}
	return i
}
