package text

import "slices"

// Fold hashes are word hashes for a filter that compares words in lower
// case: an ASCII word is folded by setting bit 5 of each byte, one
// instruction for eight bytes. Within a word token the
// only ASCII bytes are letters, digits and apostrophes (see
// TestWordTokenASCIIBytes), and of those only a capital and its lower-case
// letter differ in bit 5 alone, so two ASCII words have equal fold hashes
// only when they are equal in lower case (but for 64-bit collisions). A
// word that is not ASCII is hashed byte for byte, as it is: a caller that
// folds other letters lower-cases such a word itself and hashes the
// result.

// bit5 is bit 5 of each byte.
const bit5 = 0x2020202020202020

// FoldHash returns the fold hash of the word w.
func FoldHash(w string) uint64 {
	h, _ := FoldHashAt(w, 0, len(w))
	return h
}

// FoldHashAt returns the fold hash of the word s[i:end], and whether it is
// ASCII.
func FoldHashAt(s string, i, end int) (uint64, bool) {
	var high uint64
	for j := i; j < end; j += 8 {
		high |= foldChunk(s, j, end)
	}
	fold := uint64(0)
	if high&highBits == 0 {
		fold = bit5
	}
	h := uint64(end-i) * hashK
	for j := i; j < end; j += 8 {
		f := fold
		if n := end - j; n < 8 {
			f &= 1<<(8*uint(n)) - 1
		}
		h = (h ^ (foldChunk(s, j, end) | f)) * hashK
	}
	return h ^ h>>29, fold != 0
}

// foldChunk returns the bytes of s[j:min(j+8, end)] as a little-endian
// number.
func foldChunk(s string, j, end int) uint64 {
	n := min(end-j, 8)
	if j+8 <= len(s) {
		x := load64(s, j)
		if n < 8 {
			x &= 1<<(8*uint(n)) - 1
		}
		return x
	}
	var x uint64
	for k := j + n - 1; k >= j; k-- {
		x = x<<8 | uint64(s[k])
	}
	return x
}

// lowMasks[n] keeps the low n bytes of a word (n <= 8).
var lowMasks = [16]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff,
	0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// AppendWordFoldHashes appends the fold hash of each word token of toks
// (over s) to dst, and reports whether all those words are ASCII.
// ASCII words of up to eight bytes (most words) are hashed inline, into a
// slice grown once, by an inner loop that calls nothing and keeps few
// values, so that they stay in registers; it stops at each other word,
// which the outer loop hashes with foldHashLong.
func AppendWordFoldHashes(dst []uint64, s string, toks []Token) ([]uint64, bool) {
	o := len(dst)
	dst = slices.Grow(dst, len(toks))[:o+len(toks)]
	ascii := true
	for k := 0; k < len(toks); k++ {
		for ; k < len(toks); k++ {
			t := &toks[k]
			if t.Kind != Word {
				continue
			}
			i, n := t.Start, uint(t.End-t.Start)
			if n > 8 || uint(i)+8 > uint(len(s)) {
				break
			}
			m := lowMasks[n&15]
			x := load64(s, i) & m
			if x&highBits != 0 {
				break
			}
			h := (uint64(n)*hashK ^ (x | bit5&m)) * hashK
			dst[o] = h ^ h>>29
			o++
		}
		if k == len(toks) {
			break
		}
		t := &toks[k]
		h, a := foldHashLong(s, t.Start, t.End)
		ascii = ascii && a
		dst[o] = h
		o++
	}
	return dst[:o], ascii
}

// foldHashLong is FoldHashAt for AppendWordFoldHashes: words of up to
// sixteen bytes are hashed here, the others by FoldHashAt. It is kept out
// of line so that the loop of its caller stays in registers.
//
//go:noinline
func foldHashLong(s string, i, end int) (uint64, bool) {
	n := uint(end - i)
	if 8 < n && n <= 16 && i >= 0 && i+16 <= len(s) {
		m := uint64(1)<<(8*(n-8)) - 1
		x, y := load64(s, i), load64(s, i+8)&m
		f, g := uint64(bit5), bit5&m
		ascii := (x|y)&highBits == 0
		if !ascii {
			f, g = 0, 0
		}
		h := (uint64(n)*hashK ^ (x | f)) * hashK
		h = (h ^ (y | g)) * hashK
		return h ^ h>>29, ascii
	}
	return FoldHashAt(s, i, end)
}
