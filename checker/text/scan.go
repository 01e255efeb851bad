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

// HasUpperOrNonASCII reports whether s holds an ASCII capital letter or a
// byte that is not ASCII, reading eight bytes at a time: whether any word
// of s may be capitalised.
func HasUpperOrNonASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		y := x &^ highBits
		if (x|(y+(0x80-'A')*lowBits)&^(y+(0x7f-'Z')*lowBits))&highBits != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
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

// HashLower returns a 64-bit hash of s[i:end] with the ASCII capitals in
// lower case, and whether those bytes are all ASCII. Other bytes are hashed
// as they are: a caller that folds other letters lower-cases such a word
// itself and hashes the result. The bytes are read eight at a time, and
// two words of at most eight bytes and of the same length have the same
// hash only when they are equal in lower case.
func HashLower(s string, i, end int) (h uint64, ascii bool) {
	// Most words are ASCII of at most eight bytes: one load, inlined.
	if n := uint(end - i); n <= 8 && i >= 0 && i+8 <= len(s) {
		x := load64(s, i) & (1<<(8*n) - 1)
		h = (uint64(n)*hashK ^ lower8(x)) * hashK
		return h ^ h>>29, x&highBits == 0
	}
	return hashLower(s, i, end)
}

// AppendWordHashes appends the HashLower of each word token of toks (over
// s) to dst, and reports whether all those words are ASCII. It is a loop
// over the tokens of a sentence with HashLower inlined.
func AppendWordHashes(dst []uint64, s string, toks []Token) ([]uint64, bool) {
	var high uint64
	for k := range toks {
		t := &toks[k]
		if t.Kind != Word {
			continue
		}
		var h uint64
		if n := uint(t.End - t.Start); n <= 8 && t.Start >= 0 && t.Start+8 <= len(s) {
			x := load64(s, t.Start) & (1<<(8*n) - 1)
			high |= x
			h = (uint64(n)*hashK ^ lower8(x)) * hashK
			h ^= h >> 29
		} else {
			var ascii bool
			if h, ascii = hashLower(s, t.Start, t.End); !ascii {
				high |= highBits
			}
		}
		dst = append(dst, h)
	}
	return dst, high&highBits == 0
}

// hashK is odd: multiplying by it is a bijection.
const hashK = 0x9E3779B97F4A7C15

// lower8 returns x with the bytes that are ASCII capitals in lower case.
func lower8(x uint64) uint64 {
	y := x &^ highBits
	upper := (y + (0x80-'A')*lowBits) &^ (y + (0x7f-'Z')*lowBits) &^ x & highBits
	return x | upper>>2
}

// hashLower is HashLower for any word.
func hashLower(s string, i, end int) (h uint64, ascii bool) {
	h = uint64(end-i) * hashK
	var high uint64
	for ; i < end; i += 8 {
		var x uint64
		if n := end - i; i+8 <= len(s) {
			x = load64(s, i)
			if n < 8 {
				x &= 1<<(8*n) - 1
			}
		} else {
			for j := min(end, i+8) - 1; j >= i; j-- {
				x = x<<8 | uint64(s[j])
			}
		}
		high |= x
		h = (h ^ lower8(x)) * hashK
	}
	return h ^ h>>29, high&highBits == 0
}
