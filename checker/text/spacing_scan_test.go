package text

import "testing"

// TestNextSpacingStop checks NextSpacingStop against a byte-by-byte scan,
// on strings rich in spaces and punctuation.
func TestNextSpacingStop(t *testing.T) {
	checkScan(t, "NextSpacingStop", 11, 4000, "aZ @`~\n\t.,;:!?\"'()-=*/09\x00\x7f\x80\xa0\xc3\xa9\xe2\xff        ...,,", 2, NextSpacingStop, spacingStopRef)
}

// TestNextSpacingStopBytes checks NextSpacingStop on strings of every
// byte next to the marks: the bytes around them in value, their values
// with the high bit set, and runs of spaces.
func TestNextSpacingStopBytes(t *testing.T) {
	var alphabet []byte
	for c := 0x18; c < 0x42; c++ {
		alphabet = append(alphabet, byte(c), byte(c|0x80))
	}
	alphabet = append(alphabet, "\n\n    aZz~[\x7f\xff"...)
	checkScan(t, "NextSpacingStop", 12, 4000, string(alphabet), 2, NextSpacingStop, spacingStopRef)
}

// spacingStopRef is NextSpacingStop's rule for one byte.
func spacingStopRef(s string, i, end int) bool {
	spaceBefore := i > 0 && s[i-1] == ' '
	switch s[i] {
	case '"':
		return true
	case ' ':
		return i+1 < end && s[i+1] == ' ' && i > 0 && s[i-1] != ' ' && s[i-1] != '\n'
	case ',', ';', ':':
		return spaceBefore
	case '.', '!', '?':
		return spaceBefore || i+1 < end && (s[i+1] >= 0x80 || 'A' <= s[i+1] && s[i+1] <= 'Z')
	}
	return false
}
