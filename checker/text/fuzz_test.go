package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText checks that tokens, sentences and candidates keep their
// invariants on any input: spans in order, inside the text, trimmed, and
// candidates made of the sentence's own words.
func FuzzText(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(strings.ReplaceAll(c, "|", ""))
	}
	f.Add("Agence France -Presse, U.S. Army of Bashar al-Assad, MS-13 \xff J. R. R. Tolkien 北京。")
	f.Add("O'Brien's  -  -X ’s ' - -- Tren de\n\nAragua 👨‍👩‍👧\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		whole := Span{0, len(s)}
		for i := 0; i < min(len(s), 64); i++ {
			want := i
			for want < len(s) && s[want] != '.' && s[want] != '!' && s[want] != '?' && s[want] < utf8.RuneSelf {
				want++
			}
			if got := mayEndAt(s, i, len(s)); got != want {
				t.Fatalf("mayEndAt(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
		prev := 0
		var toks []Token
		for _, sp := range Sentences(nil, s, whole) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad sentence %v after %d", sp, prev)
			}
			if x := s[sp.Start:sp.End]; strings.TrimSpace(x) != x && utf8.ValidString(x) {
				t.Fatalf("untrimmed sentence %q", x)
			}
			prev = sp.End
			toks = Tokenize(toks[:0], s, sp)
			if ref := tokenizeRef(nil, s, sp); !slices.Equal(toks, ref) {
				t.Fatalf("Tokenize(%q) = %v, the reference gives %v", s[sp.Start:sp.End], toks, ref)
			}
			tp := sp.Start
			for _, tk := range toks {
				if tk.Start < tp || tk.End <= tk.Start || tk.End > sp.End {
					t.Fatalf("bad token %v in sentence %v", tk, sp)
				}
				tp = tk.End
			}
			for _, c := range Candidates(nil, s, toks) {
				if c.Start < sp.Start || c.End > sp.End || c.End <= c.Start || len(c.Words) == 0 {
					t.Fatalf("bad candidate %+v in sentence %v", c, sp)
				}
				for _, w := range c.Words {
					if !c.Contains(w) || w.Len() == 0 {
						t.Fatalf("word %v outside candidate %+v", w, c)
					}
				}
				_ = c.Text(s)
			}
		}
	})
}
