package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is Tokenize as it was before its ASCII fast paths (a byte
// at a time, one test per byte class), kept to check them against.
func tokenizeRef(dst []Token, s string, span Span) []Token {
	from := len(dst)
	defer func() {
		// Token.lower, by its definition.
		for k := from; k < len(dst); k++ {
			w := dst[k].Text(s)
			dst[k].lower = 0
			if dst[k].Kind != Word || w[0] < utf8.RuneSelf && !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }) {
				dst[k].lower = 1
			}
		}
	}()
	i := span.Start
	for i < span.End {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case c >= '0' && c <= '9':
				j := scanNumber(s, i, span.End)
				// "MS13"-like tails and "3rd" belong to the word.
				if j < span.End && startsWord(s, j, span.End) && !startsCJK(s, j, span.End) {
					j = plainScanWord(s, j, span.End)
					dst = append(dst, Token{Span: Span{i, j}, Kind: Word})
				} else {
					dst = append(dst, Token{Span: Span{i, j}, Kind: Number})
				}
				i = j
				continue
			case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
				j := plainScanWord(s, i, span.End)
				dst = append(dst, Token{Span: Span{i, j}, Kind: Word})
				i = j
				continue
			case unicode.IsPunct(rune(c)):
				dst = append(dst, Token{Span: Span{i, i + 1}, Kind: Punct})
				i++
				continue
			default:
				dst = append(dst, Token{Span: Span{i, i + 1}, Kind: Symbol})
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:span.End])
		switch {
		case r == utf8.RuneError && n <= 1:
			dst = append(dst, Token{Span: Span{i, i + 1}, Kind: Symbol})
			i++
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			j := plainScanWord(s, i, span.End)
			dst = append(dst, Token{Span: Span{i, j}, Kind: Word})
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
			dst = append(dst, Token{Span: Span{i, j}, Kind: Number})
			i = j
		case unicode.IsPunct(r):
			dst = append(dst, Token{Span: Span{i, i + n}, Kind: Punct})
			i += n
		case extendsSymbol(r) && len(dst) > 0 && dst[len(dst)-1].End == i:
			// A stray combining mark, variation selector or joiner
			// belongs to the token before it.
			dst[len(dst)-1].End = i + n
			i += n
		default:
			j := scanSymbol(s, i+n, span.End, r)
			dst = append(dst, Token{Span: Span{i, j}, Kind: Symbol})
			i = j
		}
	}
	return dst
}

// tokenPieces are the kinds of text the tokenizer tells apart, ASCII or not.
var tokenPieces = []string{
	"a", "Word", "longerwordthaneight", "MS13", "3rd", "don't", "O'Brien", "’", "'", "-", "‐", " ", "  ", "\t", "\n",
	"\r\n", "\f", "\v", ",", ".", "...", "!?", "(", ")", "\"", "$", "+", "<", "`", "~", "\x00", "\x7f", "10,000",
	"3.5", "10:30", "2025", "é", "Müller", "naïve", "ß", "Ωmega", "北京", "カタカナ", "한국", "ไทย", "\u00AD", "\u0301",
	"\u200D", "👨‍👩‍👧", "🇫🇷", "😀\U0001F3FB", "\xff", "\xe2\x80", "\u00a0", "\u3000", "٣", "…", "。", "«", "»",
	// Words that end at the eighth byte and just after it, and runs of
	// spaces, for the fast paths.
	"abcdefg", "Abcdefgh", "abcdefghi", "    ", "word word",
	// Capitals inside words, before and after the eighth byte.
	"iPhone", "abcdefgH", "abcdefghIj", "d'Estaing", "mcDonald's", "x86Linux", "eBay3",
	// Lower words of other bytes than letters, and words that are not.
	"x86", "company's", "abcdefgh'ij", "abc1234567x", "won't've", "b2B", "o'Neill",
	"don’t", "company’s", "naïve", "façade", "aÉ", "dǅ", "e\u0301", "über",
}

// randomText joins n random pieces, sometimes with no space between.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for k := 0; k < n; k++ {
		b.WriteString(tokenPieces[r.IntN(len(tokenPieces))])
	}
	return b.String()
}

// Tokenize gives the tokens of the reference tokenizer on text mixing
// ASCII, other scripts, emoji and invalid UTF-8, over whole texts and
// over spans that cut them anywhere.
func TestTokenizeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 20000; k++ {
		s := randomText(r, 1+r.IntN(24))
		a := r.IntN(len(s) + 1)
		b := a + r.IntN(len(s)-a+1)
		for _, sp := range []Span{{0, len(s)}, {a, b}} {
			got, want := Tokenize(nil, s, sp), tokenizeRef(nil, s, sp)
			if !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q, %v) = %v, want %v", s, sp, got, want)
			}
			// After another token (one no mark can join), as in a
			// Document's list.
			pre := []Token{{Span: Span{-1, -1}, Kind: Punct, lower: 1}}
			toks, words := TokenizeCount(pre, s, sp)
			n := 0
			for _, tk := range toks[1:] {
				if tk.Kind == Word {
					n++
				}
			}
			if !slices.Equal(toks[1:], want) || words != n {
				t.Fatalf("TokenizeCount(%q, %v) = %v, %d words; want %v, %d", s, sp, toks[1:], words, want, n)
			}
		}
	}
}
