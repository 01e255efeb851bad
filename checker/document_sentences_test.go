package checker

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/text"
)

// NewDocument, which tokenizes each block whole and finds its sentences
// from the tokens, gives the sentences and tokens that splitting each
// block into sentences and tokenizing them one by one gives.
func TestNewDocumentSentences(t *testing.T) {
	pieces := []string{"The", "cat", "U.S.", "Mr.", "J.", "No.", "3.5", "2025.", ".", "...", "!", "?", "…", "”", "\"", ")", "」", "。", "！",
		"。」", "\u0301", "don't", "北京", "👨‍👩‍👧", "\xff", "—", "1.", "Tokyo", "however", "A", " ", " ", "\n", "\u3000"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		var b strings.Builder
		var blocks []Block
		for range 1 + rng.IntN(4) {
			start := b.Len()
			for k := rng.IntN(14); k >= 0; k-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				if rng.IntN(3) > 0 {
					b.WriteByte(' ')
				}
			}
			kind := Paragraph
			if rng.IntN(6) == 0 {
				kind = Code
			}
			blocks = append(blocks, Block{Span: Span{Start: start, End: b.Len()}, Kind: kind})
			if rng.IntN(4) > 0 {
				b.WriteString("\n\n")
			} // else the next block starts right after this one
		}
		s := b.String()
		d := NewDocument("a.txt", s, "", blocks, nil)
		// The plain way.
		var toks []Token
		var sents []Sentence
		words := 0
		for bi, blk := range blocks {
			if blk.Kind == Code {
				continue
			}
			for _, sp := range text.Sentences(nil, s, blk.Span) {
				first := len(toks)
				var n int
				toks, n = text.TokenizeCount(toks, s, sp)
				if len(toks) == first {
					continue
				}
				words += n
				sents = append(sents, Sentence{Span: sp, Block: bi, First: first, Last: len(toks)})
			}
		}
		if !slices.Equal(d.Tokens, toks) || !slices.Equal(d.Sentences, sents) || d.WordCount() != words {
			t.Fatalf("%q: tokens %v\nsentences %v, %d words\nwant %v\n%v, %d words", s, d.Tokens, d.Sentences, d.WordCount(), toks, sents, words)
		}
	}
}
