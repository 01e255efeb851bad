package text

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fast paths of the tokenizer and of the name tests must agree with
// their plain definitions, kept here.

func plainScanWord(s string, i, end int) int {
	cjk := false
	if s[i] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:end])
		cjk = isCJK(r)
	}
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if cjk {
				return i
			}
			if asciiAlnum[c] {
				i++
				continue
			}
			if c == '\'' && i+1 < end && startsWord(s, i+1, end) {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:end])
		if isWordRune(r) || unicode.IsDigit(r) {
			if unicode.IsLetter(r) && isCJK(r) != cjk {
				return i
			}
			i += n
			continue
		}
		if (IsApostrophe(r) || r == '\u00AD') && !cjk && i+n < end && startsWord(s, i+n, end) {
			i += n
			continue
		}
		return i
	}
	return i
}

func plainIsNameWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return true
	}
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// speedSamples returns random strings over an alphabet of the awkward
// cases, and the words of the clean prose corpus.
func speedSamples(t *testing.T) []string {
	alphabet := []string{"a", "Z", "q", "0", "7", "'", "’", "-", " ", "\n", ".", "é", "É", "北", "京", "ǅ", "\u00AD", "\u0301", "ß", "\xff", "O'", "x'y", "ʼ", "ı", "İ"}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	for range 20000 {
		n := 1 + rng.IntN(8)
		b := make([]byte, 0, 16)
		for range n {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		out = append(out, string(b))
	}
	files, _ := filepath.Glob("../../testdata/prose/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

func TestScanWordFast(t *testing.T) {
	for _, s := range speedSamples(t) {
		for i := 0; i < len(s); i++ {
			if !startsWord(s, i, len(s)) {
				continue
			}
			if got, want := scanWord(s, i, len(s)), plainScanWord(s, i, len(s)); got != want {
				t.Fatalf("scanWord(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestIsNameWordFast(t *testing.T) {
	for _, s := range speedSamples(t) {
		toks := Tokenize(nil, s, Span{End: len(s)})
		ws := []string{s}
		for _, tk := range toks {
			ws = append(ws, tk.Text(s))
		}
		for _, w := range ws {
			if got, want := isNameWord(w), plainIsNameWord(w); got != want {
				t.Fatalf("isNameWord(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
