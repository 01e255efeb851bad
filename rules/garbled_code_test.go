package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLooksLikeCodeASCII checks the ASCII paths of looksLikeCode and
// innerCapital against the rune by rune versions.
func TestLooksLikeCodeASCII(t *testing.T) {
	cases := []string{"", "a", "A", "macOS", "dirFS", "ReadDir", "PyType", "McDonald", "MacArthur", "DeSantis", "LaGuardia", "VanDyke", "O'Brien", "ORing", "URLs", "IDs", "NATO", "Nayib", "X11", "snake_case", "FitzGerald", "MCDonald", "DeVito-LaRue", "Ørsted", "ÉLan", "éLan", "Ab", "AB", "ABc", "A_B"}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := "aAbBcDeLMnOz09_-'"
	for range 5000 {
		var b strings.Builder
		for k := rng.IntN(7); k >= 0; k-- {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, p := range []string{"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz"} {
		cases = append(cases, p+"Donald", p+"donald", "X"+p+"Donald", p+"DOnald")
	}
	for _, w := range cases {
		if got, want := looksLikeCode(w), looksLikeCodeRunes(w); got != want {
			t.Errorf("looksLikeCode(%q) = %v, want %v", w, got, want)
		}
		if got, want := innerCapital(w), innerCapitalRunes(w); got != want {
			t.Errorf("innerCapital(%q) = %v, want %v", w, got, want)
		}
	}
}
