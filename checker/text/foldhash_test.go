package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestWordTokenASCIIBytes checks what fold hashes rest on: the only ASCII
// bytes of a word token are letters, digits and apostrophes.
func TestWordTokenASCIIBytes(t *testing.T) {
	var all strings.Builder
	for c := byte(0); c < 0x80; c++ {
		all.WriteString("a")
		all.WriteByte(c)
		all.WriteString("b ")
	}
	s := all.String() + "don't O'Brien 3rd MS13 x_y a.b a-b a@b a`b a~b a{b a|b a}b"
	for _, tk := range Tokenize(nil, s, Span{0, len(s)}) {
		if tk.Kind != Word {
			continue
		}
		for _, c := range []byte(s[tk.Start:tk.End]) {
			if c < 0x80 && !asciiAlnum[c] && c != '\'' {
				t.Fatalf("word %q holds %q", s[tk.Start:tk.End], c)
			}
		}
	}
}

// randomWords returns random text of words of every length, some not
// ASCII, between spaces, commas, hyphens and full stops, sometimes ending
// in a word (near the end of the string, where loads eight bytes wide do
// not fit).
func randomWords(rng *rand.Rand) string {
	letters := []string{"é", "É", "ß", "я", "ѯ", "1", "'"}
	var b strings.Builder
	for range rng.IntN(14) {
		n := 1 + rng.IntN(30)
		if rng.IntN(2) == 0 {
			n = 1 + rng.IntN(10)
		}
		for range n {
			if rng.IntN(12) == 0 {
				b.WriteString(letters[rng.IntN(len(letters))])
			} else {
				b.WriteByte("abcXYZ09"[rng.IntN(8)])
			}
		}
		b.WriteString([]string{" ", ", ", "-", ". ", "  "}[rng.IntN(5)])
	}
	s := b.String()
	if rng.IntN(2) == 0 {
		s = strings.TrimRight(s, " ,.-")
	}
	return s
}

// TestFoldHashAt checks FoldHash against FoldHashAt on the words of random
// text, and that ASCII words have equal fold hashes exactly when they are
// equal in lower case.
func TestFoldHashAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	seen := map[uint64]string{}
	for range 5000 {
		s := randomWords(rng)
		for _, tk := range Tokenize(nil, s, Span{0, len(s)}) {
			if tk.Kind != Word {
				continue
			}
			h, a := FoldHashAt(s, tk.Start, tk.End)
			w := s[tk.Start:tk.End]
			if FoldHash(w) != h {
				t.Fatalf("FoldHash(%q) != FoldHashAt", w)
			}
			if a {
				if FoldHash(strings.ToLower(w)) != h {
					t.Fatalf("FoldHash(%q) != FoldHash(%q)", w, strings.ToLower(w))
				}
				lw := strings.ToLower(w)
				if o, ok := seen[h]; ok && o != lw {
					t.Fatalf("%q and %q have the same fold hash", o, lw)
				}
				seen[h] = lw
			} else if o, ok := seen[h]; ok && o != w {
				t.Fatalf("%q and %q have the same fold hash", o, w)
			} else {
				seen[h] = w
			}
		}
	}
	// Lower-case words that differ in bit 5 of a byte that is not ASCII
	// stay apart: "я" is D1 8F, "ѯ" D1 AF.
	if FoldHash("я") == FoldHash("ѯ") {
		t.Error("я and ѯ have the same fold hash")
	}
}

// TestAppendWordFoldHashes checks AppendWordFoldHashes against FoldHashAt
// word by word, on random text with words of every length near its end
// too, appended after earlier hashes and over a part of the tokens.
func TestAppendWordFoldHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(63, 64))
	for round := range 5000 {
		s := randomWords(rng)
		toks := Tokenize(nil, s, Span{0, len(s)})
		first := rng.IntN(len(toks) + 1)
		last := first + rng.IntN(len(toks)-first+1)
		if rng.IntN(4) == 0 {
			first, last = 0, len(toks)
		}
		prefix := []uint64{7, 8}[:rng.IntN(3)]
		got, ascii := AppendWordFoldHashes(slices.Clone(prefix), s, toks[first:last])
		want, wantASCII := slices.Clone(prefix), true
		for k := first; k < last; k++ {
			tk := toks[k]
			if tk.Kind != Word {
				continue
			}
			h, a := FoldHashAt(s, tk.Start, tk.End)
			want = append(want, h)
			wantASCII = wantASCII && a
		}
		if !slices.Equal(got, want) || ascii != wantASCII {
			t.Fatalf("round %d: AppendWordFoldHashes(%q, %d, %d) = %x, %v; want %x, %v",
				round, s, first, last, got, ascii, want, wantASCII)
		}
	}
}
