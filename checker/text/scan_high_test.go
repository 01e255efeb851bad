package text

import "testing"

// TestNextByteAtLeast checks NextByteAtLeast against a byte-by-byte scan.
func TestNextByteAtLeast(t *testing.T) {
	for _, c := range []byte{0x80, 0xC0, 0xCD, 0xCE, 0xE2, 0xFF} {
		checkScan(t, "NextByteAtLeast", uint64(c), 800, "aZ \x7f\x80\xa0\xbf\xc0\xcc\xcd\xce\xe2\xef\xf0\xfe\xffé", 2,
			func(s string, i, end int) int { return NextByteAtLeast(s, i, end, c) },
			func(s string, i, _ int) bool { return s[i] >= c })
	}
}
