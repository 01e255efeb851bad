package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// writtenInCapitalsPlain is WrittenInCapitals rune by rune, without the
// ASCII fast path.
func writtenInCapitalsPlain(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func TestWrittenInCapitals(t *testing.T) {
	cases := []string{"", "A", "AB", "Ab", "NATO", "ERANGE", "A-1", "A 1 B", "ÉTÉ", "ÉtÉ", "AÉ", "Aé", "É", "1234", "X11", "SRCU-P", "TYPE\tPRINTABLE", "ΑΒΓ", "Αβ", "ABCß"}
	cases = append(cases, randtext.Words(rand.New(rand.NewPCG(3, 4)), "aAbBzZ09 -'.éÉßΣσ", 2000, 8)...)
	for _, s := range cases {
		if got, want := WrittenInCapitals(s), writtenInCapitalsPlain(s); got != want {
			t.Errorf("WrittenInCapitals(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestBestCapitalsAbove checks BestCapitalsAbove against BestAbove on a
// glossary with terms in capitals, for names near them and far from them,
// before and after BestAbove has cached them.
func TestBestCapitalsAbove(t *testing.T) {
	names, es, _ := exactnessSetup(t)
	caps := []Entry{{Term: "NATO"}, {Term: "RFID"}, {Term: "ATEX"}, {Term: "FIBEX"}, {Term: "MEIZU"}, {Term: "UNICEF"}, {Term: "ÉTÉ"}, {Term: "AL JAZEERA", Kind: Organization}, {Term: "Nato", Variants: []string{"NATTO"}}}
	es = append(append([]Entry(nil), es...), caps...)
	rng := rand.New(rand.NewPCG(5, 6))
	for _, e := range caps {
		names = append(names, e.Term, strings.ToLower(e.Term))
		for range 20 {
			w := []byte(e.Term)
			j := rng.IntN(len(w))
			switch rng.IntN(3) {
			case 0:
				w[j] = "AEIOULRBPDTKGSZMN"[rng.IntN(17)]
			case 1:
				w = append(w[:j+1], w[j:]...)
			default:
				w = append(w[:j], w[j+1:]...)
			}
			names = append(names, string(w), string(w)+" GROUP")
		}
	}
	for _, floor := range []float64{0, 0.5, 0.7, 0.85} {
		for _, pass := range []string{"uncached", "cached"} {
			ix := NewIndex(es)
			plain := NewIndex(es)
			found := 0
			for _, s := range names {
				if pass == "cached" {
					ix.BestAbove(s, floor)
				}
				want, wok := plain.BestAbove(s, floor)
				if wok && !WrittenInCapitals(plain.Forms[want.Form].Text) {
					want, wok = Fuzzy{}, false
				}
				got, ok := ix.BestCapitalsAbove(s, floor)
				if ok != wok || got != want {
					t.Fatalf("%s BestCapitalsAbove(%q, %v) = %+v %v, want %+v %v", pass, s, floor, got, ok, want, wok)
				}
				if ok {
					found++
				}
			}
			if found == 0 {
				t.Errorf("floor %v: no term in capitals found", floor)
			}
		}
	}
	// Without terms in capitals nothing is found.
	if _, ok := NewIndex(es[:len(es)-len(caps)]).BestCapitalsAbove("NATO", 0); ok {
		t.Error("found a term in capitals in a glossary without one")
	}
}
