package text

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// tokenizeWant is what tokenize must give: the tokens of tokenizeRef,
// the plain tokenizer, the words among them, and the marks: the indexes
// of the punctuation tokens whose first byte terminalStart marks.
func tokenizeWant(dst []Token, s string, span Span, marks *[]int) ([]Token, int) {
	from := len(dst)
	dst = tokenizeRef(dst, s, span)
	words := 0
	for k := from; k < len(dst); k++ {
		switch t := dst[k]; {
		case t.Kind == Word:
			words++
		case t.Kind == Punct && terminalStart[s[t.Start]]:
			*marks = append(*marks, k)
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
	"10:30", "2025", "1.", "1.1.", "7,", "4:", "0x1F", "1a", "iPhone", "abcdefgH", "abcdefghIj", "d'Estaing", "x86Linux", "eBay", "\u200d", "\u0301",
}

// TestTokenizeFastPath compares tokenize, with asciiTokens, to the
// plain reference tokenizer (tokenizeWant) on mostly ASCII text, over whole
// texts and spans cut anywhere, with dst and marks of every room from
// none to plenty, after tokens already in dst.
func TestTokenizeFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 30000; k++ {
		s := randtext.Join(r, fastPieces, 41)
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
				dst[i] = Token{Span: Span{-1, -1}, Kind: Punct, lower: 1}
			}
			return dst, make([]int, pre, pre+mkRoom)
		}
		wantDst, wantMarks := newDst()
		wantDst, wantWords := tokenizeWant(wantDst, s, sp, &wantMarks)
		gotDst, gotMarks := newDst()
		gotDst, gotWords, gotMarks := TokenizeMarks(gotDst, s, sp, gotMarks)
		if !slices.Equal(gotDst, wantDst) || gotWords != wantWords || !slices.Equal(gotMarks, wantMarks) {
			t.Fatalf("tokenize(%q, %v) = %v, %d words, marks %v; want %v, %d, %v", s, sp, gotDst, gotWords, gotMarks, wantDst, wantWords, wantMarks)
		}
		// With the list of capitals (TokenizeCaps), of every room too,
		// after entries already there: the tokens not lower.
		gotDst, gotMarks = newDst()
		capRoom := []int{0, r.IntN(4), len(s) + 1}[r.IntN(3)]
		gotCaps := make([]int, pre, pre+capRoom)
		for i := range gotCaps {
			gotCaps[i] = -1
		}
		wantCaps := slices.Clone(gotCaps)
		for i := pre; i < len(wantDst); i++ {
			if wantDst[i].lower == 0 {
				wantCaps = append(wantCaps, i)
			}
		}
		gotDst, gotWords, gotMarks, gotCaps = TokenizeCaps(gotDst, s, sp, gotMarks, gotCaps)
		if !slices.Equal(gotDst, wantDst) || gotWords != wantWords || !slices.Equal(gotMarks, wantMarks) || !slices.Equal(gotCaps, wantCaps) {
			t.Fatalf("tokenize(%q, %v) with caps = %v, %d words, marks %v, caps %v; want %v, %d, %v, %v", s, sp, gotDst, gotWords, gotMarks, gotCaps, wantDst, wantWords, wantMarks, wantCaps)
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

// TestTokenizer checks that a Tokenizer given the blocks of a text in turn
// gives what TokenizeCaps gives for each: the tokens, the block's marks and
// the capitals of all blocks so far.
func TestTokenizer(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for k := 0; k < 3000; k++ {
		s := randtext.Join(r, fastPieces, 81)
		z := NewTokenizer(make([]int, 0, r.IntN(4)), make([]int, 0, r.IntN(4)))
		var got, want []Token
		var wantCaps []int
		for a := 0; a < len(s); {
			e := min(len(s), a+1+r.IntN(40))
			var gotWords, wantWords int
			var wantMarks []int
			got, gotWords = z.Block(got, s, Span{a, e})
			want, wantWords, wantMarks, wantCaps = TokenizeCaps(want, s, Span{a, e}, nil, wantCaps)
			if !slices.Equal(got, want) || gotWords != wantWords || !slices.Equal(z.Marks(), wantMarks) || !slices.Equal(z.Caps(), wantCaps) {
				t.Fatalf("%q, block %d-%d: %v, %d words, marks %v, caps %v; want %v, %d, %v, %v",
					s, a, e, got, gotWords, z.Marks(), z.Caps(), want, wantWords, wantMarks, wantCaps)
			}
			a = e
		}
	}
}

// notLower8's lowest set bit is that of the first byte not a lower-case
// ASCII letter, whatever the bytes after it (zero when there is none), and
// load8 reads what load64 reads.
func TestNotLower8(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pick := []byte("azAZ`{@[ 09.'\x00\x7f\x80\xe0\xe1\xfa\xfb\xff")
	for k := 0; k < 200000; k++ {
		var b [8]byte
		for i := range b {
			if k%3 == 0 {
				b[i] = byte(r.Uint32())
			} else if r.IntN(4) > 0 {
				b[i] = byte('a' + r.IntN(26))
			} else {
				b[i] = pick[r.IntN(len(pick))]
			}
		}
		s := string(b[:])
		x := load8(unsafe.Pointer(unsafe.StringData(s)), 0)
		if x != load64(s, 0) {
			t.Fatalf("load8(%q) = %#x, load64 %#x", s, x, load64(s, 0))
		}
		want := 8
		for i, c := range b {
			if c < 'a' || c > 'z' {
				want = i
				break
			}
		}
		if got := bits.TrailingZeros64(notLower8(x)) / 8; got != want {
			t.Fatalf("notLower8(%q): first byte not lower %d, want %d", s, got, want)
		}
	}
}
