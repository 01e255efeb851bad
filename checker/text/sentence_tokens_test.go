package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainSentences is Sentences as it was before its loop's body became
// splitAt, kept to check splitAt and SentencesOfTokens against.
func plainSentences(dst []Span, s string, span Span) []Span {
	start := span.Start
	i := span.Start
	for i < span.End {
		if i = mayEndAt(s, i, span.End); i >= span.End {
			break
		}
		c := s[i]
		if !terminalStart[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if c == 0xE2 && strings.HasPrefix(s[i:span.End], "…") {
				goto terminal
			}
			// Full-width 。！？ end a sentence without a space after them.
			if n := fullStopLen(s[i:span.End]); n > 0 {
				j := i + n
				for j < span.End {
					r, n := utf8.DecodeRuneInString(s[j:span.End])
					if !isCloser(r) && r != '」' && r != '』' && r != '）' {
						break
					}
					j += n
				}
				dst = appendTrimmed(dst, s, start, j)
				start, i = j, j
				continue
			}
			i++
			continue
		}
	terminal:
		j := i
		dots := 0 // periods in the run
		other := false
		// Run of terminal punctuation ("?!", "...", "…").
		for j < span.End {
			if s[j] == '.' {
				dots++
				j++
				continue
			}
			if s[j] == '!' || s[j] == '?' {
				other = true
				j++
				continue
			}
			if strings.HasPrefix(s[j:span.End], "…") {
				other = true
				j += len("…")
				continue
			}
			break
		}
		// Closing quotes and brackets belong to the sentence.
		for j < span.End {
			r, n := utf8.DecodeRuneInString(s[j:span.End])
			if isCloser(r) {
				j += n
				continue
			}
			break
		}
		if j < span.End && !isSpaceByte(s[j]) {
			i = j
			continue
		}
		if !startsSentence(s, j, span.End) {
			i = j
			continue
		}
		if dots == 1 && !other && !periodEnds(s, start, i, j, span.End) {
			i = j
			continue
		}
		dst = appendTrimmed(dst, s, start, j)
		start = j
		i = j
	}
	return appendTrimmed(dst, s, start, span.End)
}

// sentencePieces make texts with every kind of place where a sentence may
// end or seem to: periods in numbers, abbreviations, initials, runs of
// terminal marks, closing quotes, full-width stops with and without
// closers and with a combining mark after them, ellipses, apostrophes,
// emoji sequences, bytes outside UTF-8.
var sentencePieces = []string{"The", "cat", "U.S.", "Mr.", "J.", "a.m.", "No.", "3.5", "10.", "2025.", "e.g.", ".", "..", "...", "!", "?", "?!",
	"…", "”", "\"", "'", ")", "」", "。", "！", "？", "。」", "\u0301", "’s", "don't", "北京", "👨‍👩‍👧", "🇺🇸", "\xff", "\xe2", "\xe2\x80",
	"—", "«", "(a)", "1.", "iv.", "Tokyo", "however", "A", "I", "EST", " ", " ", "  ", "\n", "\u00a0", "\u3000", "x@example.com", "v1.2",
	"stations", "Afterwards", "example.com", "x.y"}

// sentenceTexts returns prose and random texts of sentencePieces.
func sentenceTexts(n int) []string {
	texts := []string{benchProse[:20000]}
	rng := rand.New(rand.NewPCG(5, 6))
	for range n {
		var b strings.Builder
		for k := rng.IntN(16); k >= 0; k-- {
			b.WriteString(sentencePieces[rng.IntN(len(sentencePieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	return texts
}

// Sentences, its loop's body now splitAt, splits as it did, and
// SentencesAtMarks, which takes the places to look at from the marks
// TokenizeMarks notes, splits as Sentences does, and puts the sentences'
// ends among the tokens where tokenizing them one by one puts them: on
// prose and on random texts, in every span of the short ones.
func TestSentencesAtMarks(t *testing.T) {
	for _, s := range sentenceTexts(3000) {
		spans := []Span{{0, len(s)}}
		if len(s) < 200 {
			for a := 0; a <= len(s); a += 1 + len(s)/20 {
				for b := a; b <= len(s); b += 1 + len(s)/20 {
					spans = append(spans, Span{a, b})
				}
			}
		}
		for _, sp := range spans {
			want := plainSentences(nil, s, sp)
			if got := Sentences(nil, s, sp); !slices.Equal(got, want) {
				t.Fatalf("Sentences(%q, %v) = %v, want %v", s, sp, got, want)
			}
			// After a token or two, as in a document, so that the
			// marks are indexes in dst, not in the span's tokens.
			pre := []Token{{Span: Span{-1, -1}, Kind: Word}}
			all, words, marks := TokenizeMarks(pre, s, sp, nil)
			toks := all[1:]
			for k := range marks {
				marks[k]--
			}
			got, ends := SentencesAtMarks(nil, nil, s, sp, toks, marks)
			if !slices.Equal(got, want) {
				t.Fatalf("SentencesAtMarks(%q, %v) = %v, want %v", s, sp, got, want)
			}
			// Tokenized one by one, the sentences give the same
			// tokens, ending where ends says.
			var each []Token
			var wantEnds []int
			for _, ss := range want {
				each = Tokenize(each, s, ss)
				wantEnds = append(wantEnds, len(each))
			}
			if !slices.Equal(toks, each) || !slices.Equal(ends, wantEnds) {
				t.Fatalf("%q, %v: tokens of the span %v ending at %v, of its sentences %v ending at %v", s, sp, toks, ends, each, wantEnds)
			}
			if _, n := TokenizeCount(nil, s, sp); n != words {
				t.Fatalf("%q, %v: TokenizeMarks counts %d words, TokenizeCount %d", s, sp, words, n)
			}
		}
	}
	_ = utf8.RuneSelf
}
