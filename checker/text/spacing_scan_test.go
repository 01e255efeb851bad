package text

import "testing"

// TestNextSpacingStop checks NextSpacingStop against a byte-by-byte scan,
// on strings rich in spaces and punctuation.
func TestNextSpacingStop(t *testing.T) {
	checkScan(t, "NextSpacingStop", 11, 4000, "aZ @`~\n\t.,;:!?\"'()-=*/09\x00\x7f\x80\xa0\xc3\xa9\xe2\xff        ...,,", 2, NextSpacingStop,
		func(s string, i, end int) bool {
			spaceBefore := i > 0 && s[i-1] == ' '
			switch s[i] {
			case '"':
				return true
			case ' ':
				return i+1 < end && s[i+1] == ' ' && i > 0 && s[i-1] != ' ' && s[i-1] != '\n'
			case ',', ';', ':':
				return spaceBefore
			case '.', '!', '?':
				return spaceBefore || i+1 < end && s[i+1] != ' ' && s[i+1] != '\n'
			}
			return false
		})
}
