package text

import (
	"strings"

	"github.com/mtlint/mtlint/checker/lexicon"
)

// DistinctNames reports whether a and b are two different real names
// rather than two spellings of one: they have the same number of words,
// and every word in which they differ is, in both spellings, a name the
// lexicon knows ("Henan" and "Hunan", "Megan" and "Meghan", "Hebei
// Province" and "Hubei Province"). Machine translation garbles a name into
// a string nobody spells that way ("Bakle") far more often than into
// another attested name, so the lexicon's word settles the pair.
func DistinctNames(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) != len(wb) || len(wa) == 0 {
		return false
	}
	differ := false
	for i := range wa {
		fa, fb := Fold(wa[i]), Fold(wb[i])
		if fa == fb {
			continue
		}
		differ = true
		if !knownName(fa) || !knownName(fb) {
			return false
		}
	}
	return differ
}

func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' })
}

// knownName reports whether the lexicon lists the folded word w as a name.
func knownName(w string) bool {
	info := lexicon.Lookup(w)
	return info.Known() && info.Is(lexicon.Proper)
}
