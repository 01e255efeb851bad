// Package lexhash is the hash shared by the lexicon and its generator, so the
// table written by the generator is read back with the same function.
package lexhash

// Layout of the embedded table: 1<<BucketBits buckets, each entry a 24-bit
// fingerprint of the word's hash and an 8-bit index into the Info palette.
const (
	BucketBits = 16
	FPBits     = 24
)

const (
	prime = 0x9e3779b97f4a7c15 // odd; 2^64 / golden ratio
	hi    = 0x8080808080808080
	ones  = 0x0101010101010101
)

// Sum returns the hash of s, a word already in the lexicon's key form.
func Sum[S string | []byte](s S, seed uint64) uint64 {
	h, _ := sum(s, seed, false)
	return h
}

// SumFold returns the hash of s with ASCII capitals folded to lower case, the
// same as Sum of the folded word. ok is false, and the hash meaningless, when
// s holds a byte outside ASCII.
func SumFold[S string | []byte](s S, seed uint64) (h uint64, ok bool) {
	return sum(s, seed, true)
}

// sum hashes eight bytes at a time.
func sum[S string | []byte](s S, seed uint64, fold bool) (uint64, bool) {
	h := seed ^ uint64(len(s))*prime
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := load64(s[i : i+8])
		if fold {
			if v&hi != 0 {
				return 0, false
			}
			v = foldASCII(v)
		}
		h = (h ^ v) * prime
		h ^= h >> 32
	}
	if i < len(s) {
		// The last one to seven bytes, in the low bytes of v: read
		// with the bytes before them when there are eight, else one by
		// one.
		var v uint64
		if len(s) >= 8 {
			v = load64(s[len(s)-8:]) >> (8 * (8 - (len(s) - i)) & 63)
		} else {
			for j := len(s) - 1; j >= i; j-- {
				v = v<<8 | uint64(s[j])
			}
		}
		if fold {
			if v&hi != 0 {
				return 0, false
			}
			v = foldASCII(v)
		}
		h = (h ^ v) * prime
	}
	return Mix(h), true
}

// load64 returns the first eight bytes of b, the first in the low byte.
// (One bounds check, so that the compiler reads them at once.)
func load64[S string | []byte](b S) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// foldASCII lower-cases the ASCII capitals among eight ASCII bytes.
func foldASCII(v uint64) uint64 {
	geA := v + (0x80-'A')*ones   // high bit set in bytes >= 'A'
	gtZ := v + (0x80-'Z'-1)*ones // high bit set in bytes > 'Z'
	return v | (geA&^gtZ&hi)>>2  // 0x80>>2 == 'a'-'A'
}

// Mix is the 64-bit finaliser of MurmurHash3, so the top bits used for the
// bucket and the fingerprint depend on every input byte.
func Mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Split returns the bucket and the fingerprint of a hash.
func Split(h uint64) (bucket uint32, fp uint32) {
	return uint32(h >> (64 - BucketBits)), uint32(h>>(64-BucketBits-FPBits)) & (1<<FPBits - 1)
}
