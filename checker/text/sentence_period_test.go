package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// TestPeriodEndsLongWord checks periodEnds, which answers at once after a
// long word, against its full reading, at every period of random text of
// words long and short, abbreviations, digits and non-ASCII letters.
func TestPeriodEndsLongWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	parts := []string{"a", "I", "the", "word", "Messrs", "approx", "Thurs", "station", "stations", "U.S", "e.g", "Ph.D",
		"U.S.S.R", "é", "Éclair", "x2", "2025", "@", "/", "(", "\"", " ", " ", " ", ".", ".", ". ", "  ", "\n", "The", "He"}
	for range 100000 {
		s := randtext.Join(rng, parts, 12)
		for dot := 0; dot < len(s); dot++ {
			if s[dot] != '.' {
				continue
			}
			for start := 0; start <= dot; start++ {
				if got, want := periodEnds(s, start, dot, dot+1, len(s)), periodEndsRef(s, start, dot, dot+1, len(s)); got != want {
					t.Fatalf("periodEnds(%q, %d, %d) = %v, want %v", s, start, dot, got, want)
				}
			}
		}
	}
}

// periodEndsRef is periodEnds without its quick answer after long words.
func periodEndsRef(s string, start, dot, after, end int) bool {
	// The word before the period, with inner periods ("U.S", "e.g").
	k := dot
	for k > start {
		if c := s[k-1]; c < utf8.RuneSelf {
			if asciiClass[c] != classLetter && c != '.' {
				break
			}
			k--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[start:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= n
	}
	word := s[k:dot]
	lead := skipSpace(s, start, end)
	if word == "" {
		// "1. First", "(a)." – a list number alone is not a sentence.
		return !isListMarker(s[lead:dot])
	}
	if k == lead && isListMarker(word) {
		return false // "a. First", "iv. Fourth"
	}
	if k > start {
		if r, _ := utf8.DecodeLastRuneInString(s[start:k]); unicode.IsDigit(r) || r == '@' || r == '/' {
			return true // "in 2025.", "x@example.com.", "example.com/docs."
		}
	}
	if len(word) > maxAbbrevLen && strings.IndexByte(word, '.') < 0 {
		return true // an ordinary word: the common case, kept cheap
	}
	next := nextWord(s, skipSpace(s, after, end), end)
	switch abbrevKinds[word] {
	case abbrevTitle:
		return false
	case abbrevNumbered:
		if next == "" && startsWithDigit(s, skipSpace(s, after, end), end) {
			return false // "No. 5", "pp. 12"
		}
		if !IsCapitalized(word) {
			return true // "voted no. Rep. Kim", an ordinary word
		}
		return startsNewSentence(next)
	case abbrevDate:
		// "Oct. 14" and "Tues. Oct. 14" go on; "in Oct. Economists" ends.
		return next != "" && abbrevKinds[next] != abbrevDate && !timeZones[next]
	case abbrevFinal:
		// "at 10 a.m. Trump left" ends; "10 a.m. EST" does not.
		return next != "" && !timeZones[next] && abbrevKinds[next] != abbrevFinal // "Co. Ltd."
	case abbrevOther:
		return startsNewSentence(next)
	}
	if isDottedInitialism(word) {
		return startsNewSentence(next)
	}
	// A single capital letter is an initial ("J. R. R. Tolkien", "John F.
	// Kennedy") unless a typical sentence start follows ("Plan B. The").
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) && startsAWord(s, start, k) {
		return next != "A" && next != "I" && startsNewSentence(next)
	}
	return true
}
