package text

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// tokString renders the tokens of s as "kind:text" separated by spaces,
// with "+" between adjacent tokens instead of a space.
func tokString(s string) string {
	toks := Tokenize(nil, s, Span{0, len(s)})
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			if toks[i-1].End == t.Start {
				b.WriteString("+")
			} else {
				b.WriteString(" ")
			}
		}
		fmt.Fprintf(&b, "%c:%s", t.Kind.String()[0], t.Text(s))
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   \t\n ", ""},
		{"Hello, world.", "w:Hello+p:, w:world+p:."},
		// Apostrophes.
		{"don't", "w:don't"},
		{"don’t", "w:don’t"},
		{"O'Brien met O’Neill", "w:O'Brien w:met w:O’Neill"},
		{"the students’ union", "w:the w:students+p:’ w:union"},
		{"the students' union", "w:the w:students+p:' w:union"},
		{"'Hello' she said", "p:'+w:Hello+p:' w:she w:said"},
		{"Trump's plan", "w:Trump's w:plan"},
		{"rock 'n' roll", "w:rock p:'+w:n+p:' w:roll"},
		{"the '90s", "w:the p:'+w:90s"},
		{"ʻOkina and Hawaiʻi", "w:ʻOkina w:and w:Hawaiʻi"},
		// Hyphens: each part a token, adjacency by offsets.
		{"anti-gang", "w:anti+p:-+w:gang"},
		{"anti -gang", "w:anti p:-+w:gang"},
		{"France - Presse", "w:France p:- w:Presse"},
		{"MS-13", "w:MS+p:-+n:13"},
		{"Covid-19 cases", "w:Covid+p:-+n:19 w:cases"},
		{"a well‐known man", "w:a w:well+p:‐+w:known w:man"},
		{"2019–2020", "n:2019+p:–+n:2020"},
		{"pre\u00ADsident", "w:pre\u00ADsident"},
		// Numbers.
		{"10,000 people", "n:10,000 w:people"},
		{"3.5 percent", "n:3.5 w:percent"},
		{"at 10:30 today", "w:at n:10:30 w:today"},
		{"in 2025.", "w:in n:2025+p:."},
		{"1, 2, 3", "n:1+p:, n:2+p:, n:3"},
		{"1.2.3", "n:1.2.3"},
		{".5", "p:.+n:5"},
		{"$10", "s:$+n:10"},
		{"-5°C", "p:-+n:5+s:°+w:C"},
		{"the 3rd and 21st", "w:the w:3rd w:and w:21st"},
		{"10am", "w:10am"},
		{"MS13 and F16", "w:MS13 w:and w:F16"},
		{"v1.2", "w:v1+p:.+n:2"},
		{"١٢٣ items", "n:١٢٣ w:items"},
		{"100%", "n:100+p:%"},
		// Other scripts.
		{"Müller", "w:Müller"},
		{"Mu\u0308ller", "w:Mu\u0308ller"},
		{"北京是首都", "w:北京是首都"},
		{"Beijing北京 and 東京。", "w:Beijing+w:北京 w:and w:東京+p:。"},
		{"2025年", "n:2025+w:年"},
		{"カタカナーです", "w:カタカナーです"},
		{"서울 and Москва", "w:서울 w:and w:Москва"},
		{"العربية", "w:العربية"},
		// Emoji and symbols.
		{"great 👍", "w:great s:👍"},
		{"👍🏽ok", "s:👍🏽+w:ok"},
		{"❤️ love", "s:❤️ w:love"},
		{"👨‍👩‍👧 family", "s:👨‍👩‍👧 w:family"},
		{"🇺🇸🇫🇷", "s:🇺🇸+s:🇫🇷"},
		{"a + b = c", "w:a s:+ w:b s:= w:c"},
		{"\u0301x", "s:\u0301+w:x"},
		{"x \u0301", "w:x s:\u0301"},
		{"(a).\u0301", "p:(+w:a+p:)+p:.\u0301"},
		// Invalid UTF-8: one symbol per bad byte, never a panic.
		{"a\xffb", "w:a+s:\xff+w:b"},
		{"\xe2\x80 x", "s:\xe2+s:\x80 w:x"},
		{"caf\xc3", "w:caf+s:\xc3"},
		{"\ufffd", "s:\ufffd"},
		// Control characters and other spaces.
		{"a\u00a0b\u2003c", "w:a w:b w:c"},
		{"a\x00b", "w:a+s:\x00+w:b"},
	}
	for _, tt := range tests {
		if got := tokString(tt.in); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeSpan(t *testing.T) {
	s := "xx Hello world yy"
	toks := Tokenize(nil, s, Span{3, 14})
	if len(toks) != 2 || toks[0].Text(s) != "Hello" || toks[1].Text(s) != "world" || toks[0].Start != 3 {
		t.Fatalf("Tokenize over a span: %v", toks)
	}
	// A span ending inside a word or a rune cuts the token there.
	toks = Tokenize(toks[:0], s, Span{3, 6})
	if len(toks) != 1 || toks[0].Text(s) != "Hel" {
		t.Fatalf("Tokenize over a cut span: %v", toks)
	}
	u := "é"
	toks = Tokenize(toks[:0], u, Span{0, 1})
	if len(toks) != 1 || toks[0].End != 1 {
		t.Fatalf("Tokenize over half a rune: %v", toks)
	}
}

// TestTokenizeInvariants checks, on every test input and its prefixes,
// that tokens are in order, non-empty, within the span and cover every
// non-space byte.
func TestTokenizeInvariants(t *testing.T) {
	inputs := []string{
		"Hello, world. Don't O'Brien’s 10,000 3.5 10:30 MS-13 北京 👨‍👩‍👧 \xff\xfe a\u0301 🇺🇸",
		benchProse[:2000],
	}
	for _, in := range inputs {
		for n := 0; n <= len(in); n++ {
			s := in[:n]
			toks := Tokenize(nil, s, Span{0, len(s)})
			prev := 0
			for _, tk := range toks {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
					t.Fatalf("%q: bad token %v after %d", s, tk, prev)
				}
				if gap := strings.TrimSpace(s[prev:tk.Start]); gap != "" {
					t.Fatalf("%q: bytes %q not in a token", s, gap)
				}
				prev = tk.End
			}
			if gap := strings.TrimSpace(s[prev:]); gap != "" {
				t.Fatalf("%q: trailing bytes %q not in a token", s, gap)
			}
		}
	}
}

func TestTokenizeAllocs(t *testing.T) {
	s := benchProse[:4000]
	dst := make([]Token, 0, len(s))
	allocs := testing.AllocsPerRun(20, func() {
		dst = Tokenize(dst[:0], s, Span{0, len(s)})
	})
	if allocs != 0 {
		t.Errorf("Tokenize allocates %.1f times per call with room in dst", allocs)
	}
}

// asciiAlnumEnd, eight bytes at a time, agrees with a byte-by-byte scan
// for every byte value at every place of a word.
func TestASCIIAlnumEnd(t *testing.T) {
	slow := func(s string, i, end int) int {
		for i < end && asciiAlnum[s[i]] {
			i++
		}
		return i
	}
	base := []byte("abcXYZ09qrstuvwMN")
	for c := 0; c < 256; c++ {
		for at := 0; at < len(base); at++ {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			s := string(b)
			for i := 0; i < len(s); i++ {
				for end := i; end <= len(s); end++ {
					if got, want := asciiAlnumEnd(s, i, end), slow(s, i, end); got != want {
						t.Fatalf("asciiAlnumEnd(%q, %d, %d) = %d, want %d", s, i, end, got, want)
					}
				}
			}
		}
	}
}

// TestIsAllUpper checks IsAllUpper, with its ASCII fast path, against the
// plain definition on fixed and random words.
func TestIsAllUpper(t *testing.T) {
	slow := func(w string) bool {
		letters := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		return letters > 0
	}
	words := []string{"", "A", "a", "NATO", "NaTO", "U.S.", "MS-13", "13", "--", "ÉTÉ", "ÉtÉ", "NATOé", "NATOÉ", "İSTANBUL", "ǅ", "ΣΟΦΙΑ", "ΣοΦΙΑ", "X\xff", "\xffx"}
	words = append(words, randtext.Words(rand.New(rand.NewPCG(1, 2)), "aZ9.-'ÉéßΣσİıǅ\u00a0", 20000, 8)...)
	for _, w := range words {
		if got, want := IsAllUpper(w), slow(w); got != want {
			t.Errorf("IsAllUpper(%q) = %v, want %v", w, got, want)
		}
	}
}
