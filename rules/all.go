// Package rules holds mtlint's rules, one per file, each a documented
// checker.Rule value listed in All.
package rules

import "github.com/mtlint/mtlint/checker"

// All is the rule catalogue, sorted by family then id. The order is the
// order of `mtlint rules` and of the README's catalogue.
var All = []*checker.Rule{
	GarbledName,
	GlossaryVariant,
	NameCasing,
	InconsistentSpelling,
	MidSentenceCapital,
	RepeatedPhrase,
	RepeatedWord,
	SentenceFragment,
	SpacedHyphen,
	Spacing,
	UnbalancedPair,
	UntranslatedText,
}

// ByID returns the rule with the given id, or nil.
func ByID(id string) *checker.Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}
