package text

import (
	"slices"
	"unsafe"
)

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
// ASCII words of up to sixteen bytes (nearly all words) are hashed by
// foldHashWords, into a slice grown once; it stops at each other word,
// which is hashed here by foldHashLong.
func AppendWordFoldHashes(dst []uint64, s string, toks []Token) ([]uint64, bool) {
	o := len(dst)
	dst = slices.Grow(dst, len(toks))[:o+len(toks)]
	ascii := true
	for k := 0; ; k++ {
		if o, k = foldHashWords(dst, o, s, toks, k); k >= len(toks) {
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

// foldHashWords writes the fold hashes of the word tokens of toks from k
// on to dst from o on, as long as they are ASCII words of up to sixteen
// bytes with sixteen bytes of s from their start, and returns where it
// stopped in dst and in toks (len(toks) at the end). It calls nothing,
// holds few values, so that they stay in registers, and reads what
// depends on a word's length from the tables of foldByLen.
//
//go:noinline
func foldHashWords(dst []uint64, o int, s string, toks []Token, k int) (int, int) {
	if k >= len(toks) {
		return o, len(toks)
	}
	if len(dst)-o < len(toks)-k {
		panic("text: foldHashWords: dst too short")
	}
	// The last offset with sixteen bytes of s from it, plus one (0 when
	// s is shorter: no word fits), worked out once.
	lim := uint(0)
	if len(s) >= 16 {
		lim = uint(len(s)) - 15
	}
	// The tokens are walked, and the hashes written, through pointers:
	// dst has room for a hash a token (checked above), so the bounds
	// need no check for each, and a pointer moves on in one addition
	// (never past the last token, for the checks of -race).
	const size = unsafe.Sizeof(Token{})
	first, last := &toks[k], &toks[len(toks)-1]
	out := unsafe.Pointer(unsafe.SliceData(dst))
	at := func(t *Token) int { return k + int((uintptr(unsafe.Pointer(t))-uintptr(unsafe.Pointer(first)))/size) }
	for t := first; ; t = (*Token)(unsafe.Add(unsafe.Pointer(t), size)) {
		if t.Kind != Word {
			if t == last {
				break
			}
			continue
		}
		i, n := t.Start, uint(t.End-t.Start)
		if n > 16 || uint(i) >= lim {
			return o, at(t)
		}
		// The sixteen bytes from i, which are in s: read through a
		// pointer, as the compiler would check the bounds again.
		b := (*[16]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// The constants are read from memory, which keeps them out of
		// the path of the tokens that are not words.
		l, c := &foldByLen[n], &foldConst
		var h uint64
		if n <= 8 {
			x &= l.mask
			if x&c.high != 0 {
				return o, at(t)
			}
			h = (l.lenK ^ (x | l.bit5)) * c.k
		} else {
			y := uint64(b[8]) | uint64(b[9])<<8 | uint64(b[10])<<16 | uint64(b[11])<<24 |
				uint64(b[12])<<32 | uint64(b[13])<<40 | uint64(b[14])<<48 | uint64(b[15])<<56
			y &= l.mask
			if (x|y)&c.high != 0 {
				return o, at(t)
			}
			h = (l.lenK ^ (x | c.bit5)) * c.k
			h = (h ^ (y | l.bit5)) * c.k
		}
		*(*uint64)(unsafe.Add(out, o*8)) = h ^ h>>29
		o++
		if t == last {
			break
		}
	}
	return o, len(toks)
}

// foldConst holds constants of foldHashWords.
var foldConst = struct{ k, high, bit5 uint64 }{hashK, highBits, bit5}

// foldByLen[n] holds, for words of n bytes (n <= 16), what FoldHashAt
// computes from n: n*hashK, and the mask of the bytes of the word's last
// eight (or fewer) in their load, with bit 5 of each of them.
var foldByLen = func() (t [17]struct{ lenK, mask, bit5 uint64 }) {
	for n := range t {
		m := lowMasks[min(n, 8)]
		if n > 8 {
			m = lowMasks[n-8]
		}
		t[n].lenK, t[n].mask, t[n].bit5 = uint64(n)*hashK, m, bit5&m
	}
	return t
}()

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
