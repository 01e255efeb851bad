package glossary

import (
	"math/rand/v2"
	"strings"
)

// Synthetic returns n made-up entries for benchmarks and load tests: people
// ("Given Family"), places (one or two words) and organisations ("… Group",
// "Bank of …"), built from syllables of several languages with a fixed
// seed, so the same n and seed always give the same glossary. A tenth of
// the entries have a variant.
func Synthetic(n int, seed uint64) []Entry {
	onsets := []string{"b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p", "pr", "qu", "r", "s", "sh", "st", "t", "tr", "v", "w", "y", "z", "zh", "ts"}
	nuclei := []string{"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ue", "oo", "ya"}
	codas := []string{"", "", "", "n", "r", "s", "l", "m", "k", "ng", "t", "sh"}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	word := func() string {
		var w strings.Builder
		for k := 2 + rng.IntN(2); k > 0; k-- {
			w.WriteString(onsets[rng.IntN(len(onsets))])
			w.WriteString(nuclei[rng.IntN(len(nuclei))])
			w.WriteString(codas[rng.IntN(len(codas))])
		}
		s := w.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	out := make([]Entry, 0, n)
	for i := 0; i < n; i++ {
		var e Entry
		switch i % 3 {
		case 0:
			e = Entry{Term: word() + " " + word(), Kind: Person}
		case 1:
			e = Entry{Term: word(), Kind: Place}
			if rng.IntN(3) == 0 {
				e.Term += " " + word()
			}
		default:
			if rng.IntN(2) == 0 {
				e = Entry{Term: word() + " Group", Kind: Organization}
			} else {
				e = Entry{Term: "Bank of " + word(), Kind: Organization}
			}
		}
		if i%10 == 0 {
			e.Variants = []string{e.Term + " Company"}
		}
		e.File, e.Line = "synthetic", i+2
		out = append(out, e)
	}
	return out
}
