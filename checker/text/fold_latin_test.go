package text

import (
	"math/rand/v2"
	"testing"
)

// Fold, by the runes' folds one after the other where foldLatin can,
// folds as foldSlow does: every pair of runes of its tables, of ASCII
// and of others (combining marks, which reorder and vanish, scripts it
// leaves to foldSlow, a byte outside UTF-8), and random runs of them.
func TestFoldLatin(t *testing.T) {
	var pieces []string
	for r := rune(0xA0); r < 0x250; r++ {
		pieces = append(pieces, string(r))
	}
	for r := range foldMore {
		pieces = append(pieces, string(r))
	}
	pieces = append(pieces, "a", "Z", "0", " ", "-", "'", ".", "\u0301", "\u0308", "\u0323", "\u0345", "\u0327", "北", "Ω", "ß", "ǅ",
		"\ufb01", "\u1e9e", "\u2126", "\xff", "\xc3", "\ufffd", "ﬃ", "Å", "Å")
	for _, a := range pieces {
		for _, b := range pieces {
			s := a + b
			if got, want := Fold(s), foldSlow(s); got != want {
				t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		s := ""
		for k := rng.IntN(8); k >= 0; k-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}
