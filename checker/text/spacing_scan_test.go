package text

import "testing"

// TestNextSentenceMarkOrDoubleSpace checks NextSentenceMarkOrDoubleSpace
// against a byte-by-byte scan, on strings rich in spaces and punctuation.
func TestNextSentenceMarkOrDoubleSpace(t *testing.T) {
	checkScan(t, "NextSentenceMarkOrDoubleSpace", 11, 3000, "aZ @`~\n\t.,;:!?\"'()-=*/09\x00\x7f\x80\xa0\xc3\xa9\xe2\xff        ", 2, NextSentenceMarkOrDoubleSpace,
		func(s string, i, end int) bool {
			switch s[i] {
			case '\n', ',', ';', ':', '!', '?', '.', '"':
				return true
			}
			return s[i] == ' ' && i+1 < end && s[i+1] == ' '
		})
}
