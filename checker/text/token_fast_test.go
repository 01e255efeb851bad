package text

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeBefore is tokenize as it was before asciiTokens took over the
// bulk of prose, kept to check the two against each other (tokens, word
// counts and marks).
func tokenizeBefore(dst []Token, s string, span Span, marks *[]int) ([]Token, int) {
	words := 0
	i, end := span.Start, span.End
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			// By frequency in prose: letters, spaces, punctuation.
			switch cl := asciiClass[c]; {
			case cl == classLetter:
				for {
					// Most words end within eight bytes: the first
					// look is made here, without a call.
					var j int
					if i+8 <= end {
						if m := ^asciiAlnum8(load64(s, i)) & highBits; m != 0 {
							j = i + bits.TrailingZeros64(m)/8
						} else {
							j = asciiAlnumEnd(s, i+8, end)
						}
					} else {
						j = asciiAlnumEnd(s, i, end)
					}
					if j < end && (s[j] >= utf8.RuneSelf || s[j] == '\'') {
						j = scanWord(s, i, end) // an apostrophe or a non-ASCII letter may go on
					}
					dst = append(dst, Token{Span{i, j}, Word})
					words++
					i = j
					// Most often a space and another word follow.
					if i+1 >= end || s[i] != ' ' || s[i+1] >= utf8.RuneSelf || asciiClass[s[i+1]] != classLetter {
						break
					}
					i++
				}
			case cl == classSpace:
				// Runs of spaces (indentation, aligned columns) in a
				// tight loop.
				for i++; i < end && s[i] == ' '; i++ {
				}
			case cl == classPunct:
				if marks != nil && terminalStart[c] {
					*marks = append(*marks, len(dst))
				}
				dst = append(dst, Token{Span{i, i + 1}, Punct})
				i++
			case cl == classDigit:
				j := scanNumber(s, i, end)
				// "MS13"-like tails and "3rd" belong to the word.
				if j < end && startsWord(s, j, end) && !startsCJK(s, j, end) {
					j = scanWord(s, j, end)
					dst = append(dst, Token{Span{i, j}, Word})
					words++
				} else {
					dst = append(dst, Token{Span{i, j}, Number})
				}
				i = j
			default:
				dst = append(dst, Token{Span{i, i + 1}, Symbol})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:span.End])
		switch {
		case r == utf8.RuneError && n <= 1:
			dst = append(dst, Token{Span{i, i + 1}, Symbol})
			i++
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			j := scanWord(s, i, span.End)
			dst = append(dst, Token{Span{i, j}, Word})
			words++
			i = j
		case unicode.IsDigit(r):
			j := i + n
			for j < span.End {
				r2, n2 := utf8.DecodeRuneInString(s[j:span.End])
				if !unicode.IsDigit(r2) {
					break
				}
				j += n2
			}
			dst = append(dst, Token{Span{i, j}, Number})
			i = j
		case unicode.IsPunct(r):
			if marks != nil && terminalStart[c] {
				*marks = append(*marks, len(dst))
			}
			dst = append(dst, Token{Span{i, i + n}, Punct})
			i += n
		case extendsSymbol(r) && len(dst) > 0 && dst[len(dst)-1].End == i:
			// A stray combining mark, variation selector or joiner
			// belongs to the token before it.
			dst[len(dst)-1].End = i + n
			i += n
		default:
			j := scanSymbol(s, i+n, span.End, r)
			dst = append(dst, Token{Span{i, j}, Symbol})
			i = j
		}
	}
	return dst, words
}

// fastPieces are mostly ASCII prose, with what asciiTokens leaves to
// tokenize: bytes not ASCII, apostrophes before them, numbers followed by
// letters, words with digits, and the span's last bytes.
var fastPieces = []string{
	"a", "the", "Word", "words", "longerwordthaneight", "sixteencharacter", "MS13", "i386", "MP3s", "3rd", "10th",
	"don't", "O'Brien", "users'", "'", "a'b", "x'9", "’", "don’t", "l'é", "é", "Müller", "北京", "\xff", "\u00a0",
	" ", " ", " ", "  ", "        ", "         ", "\t", "\n", "\r\n", ",", ", ", ".", ". ", "!", "?", "...", ";", ":",
	"(", ")", "\"", "-", "$", "%", "+", "<", "`", "~", "|", "\x00", "\x7f", "\x1f", "1", "10,000", "3.5",
	"10:30", "2025", "1.", "1.1.", "7,", "4:", "0x1F", "1a",
}

// TestTokenizeFastPath compares tokenize, with asciiTokens, to the
// tokenizer before it (tokenizeBefore) on mostly ASCII text, over whole
// texts and spans cut anywhere, with dst and marks of every room from
// none to plenty, after tokens already in dst.
func TestTokenizeFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 30000; k++ {
		var b strings.Builder
		for n := 1 + r.IntN(40); n > 0; n-- {
			b.WriteString(fastPieces[r.IntN(len(fastPieces))])
		}
		s := b.String()
		a := r.IntN(len(s) + 1)
		e := a + r.IntN(len(s)-a+1)
		sp := Span{a, e}
		if k%2 == 0 {
			sp = Span{0, len(s)}
		}
		pre := r.IntN(3)
		room := []int{0, r.IntN(8), r.IntN(len(s) + 1), len(s) + 1}[r.IntN(4)]
		mkRoom := []int{0, r.IntN(4), len(s) + 1}[r.IntN(3)]
		newDst := func() ([]Token, []int) {
			dst := make([]Token, pre, pre+room)
			for i := range dst {
				dst[i] = Token{Span{-1, -1}, Punct}
			}
			return dst, make([]int, pre, pre+mkRoom)
		}
		wantDst, wantMarks := newDst()
		wantDst, wantWords := tokenizeBefore(wantDst, s, sp, &wantMarks)
		gotDst, gotMarks := newDst()
		gotDst, gotWords := tokenize(gotDst, s, sp, &gotMarks)
		if !slices.Equal(gotDst, wantDst) || gotWords != wantWords || !slices.Equal(gotMarks, wantMarks) {
			t.Fatalf("tokenize(%q, %v) = %v, %d words, marks %v; want %v, %d, %v", s, sp, gotDst, gotWords, gotMarks, wantDst, wantWords, wantMarks)
		}
		gotDst, _ = newDst()
		gotDst, gotWords = tokenize(gotDst, s, sp, nil)
		if !slices.Equal(gotDst, wantDst) || gotWords != wantWords {
			t.Fatalf("tokenize(%q, %v, nil) = %v, %d words; want %v, %d", s, sp, gotDst, gotWords, wantDst, wantWords)
		}
	}
}

// asciiLetters8 marks exactly the ASCII letters, whatever the other
// bytes of the word.
func TestASCIILetters8(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for k := 0; k < 256*64; k++ {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		b[k%8] = byte(k / 64)
		x := load64(string(b[:]), 0)
		got := asciiLetters8(x) & highBits
		for i, c := range b {
			want := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if (got>>(8*i+7))&1 == 1 != want {
				t.Fatalf("asciiLetters8(%q): byte %d (%#x) marked %v, want %v", b, i, c, !want, want)
			}
		}
	}
}
