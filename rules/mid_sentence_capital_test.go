package rules

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/text"
)

func TestMidSentenceCapital(t *testing.T) {
	checkertest.Run(t, "testdata/mid-sentence-capital", MidSentenceCapital)
}

// TestCapTokenAt checks capTokenAt against a walk over the tokens.
func TestCapTokenAt(t *testing.T) {
	s := "One two, Three (four) five-Six. seven"
	toks := text.Tokenize(nil, s, text.Span{Start: 0, End: len(s)})
	for at := 0; at <= len(s)+1; at++ {
		want := 0
		for want < len(toks) && toks[want].Start < at {
			want++
		}
		if got := capTokenAt(toks, at); got != want {
			t.Errorf("capTokenAt(%d) = %d, want %d", at, got, want)
		}
	}
}

// TestCapIsTitleWord checks capIsTitleWord, with its ASCII fast path,
// against the rune by rune reading it stands for.
func TestCapIsTitleWord(t *testing.T) {
	slow := func(w string) bool {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || n == len(w) {
			return false
		}
		if r2, _ := utf8.DecodeRuneInString(w[n:]); text.IsApostrophe(r2) {
			return false
		}
		for _, r := range w[n:] {
			if !unicode.IsLower(r) && !text.IsApostrophe(r) {
				return false
			}
		}
		return true
	}
	rng := rand.New(rand.NewPCG(91, 92))
	parts := []string{"A", "Z", "a", "z", "'", "’", "é", "É", "1", "-", "ß", "Σ", "σ", "\xff", "@", "[", "`", "{"}
	for range 50000 {
		w := randtext.Join(rng, parts, 6)
		if got, want := capIsTitleWord(w), slow(w); got != want {
			t.Fatalf("capIsTitleWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCapNext checks capNext against a walk over the tokens.
func TestCapNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	parts := []string{"the", "The", "IBM", "iPhone", "é", "Élan", "3", "3D", ",", "“", " ", " ", "\n"}
	for range 5000 {
		s := randtext.Join(rng, parts, 12)
		toks := text.Tokenize(nil, s, text.Span{Start: 0, End: len(s)})
		for i := 0; i <= len(toks)+1; i++ {
			want := i
			for want < len(toks) && !(toks[want].Kind == text.Word && (s[toks[want].Start] >= utf8.RuneSelf || 'A' <= s[toks[want].Start] && s[toks[want].Start] <= 'Z')) {
				want++
			}
			want = min(want, len(toks))
			if got := capNext(toks, s, i); got != want {
				t.Fatalf("capNext(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
