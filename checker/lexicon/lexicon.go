// Package lexicon is mtlint's embedded English word list: how common a word
// is and what it can be (noun, verb, a finite verb form, a function word),
// so rules can tell ordinary words from names.
//
// TEMPORARY: the data below is a placeholder until the generated lexicon lands.
package lexicon

// A Tag is a set of properties of a word.
type Tag uint16

const (
	Noun     Tag = 1 << iota
	Verb         // any verb form
	Adj
	Adv
	Finite   // can be a finite verb: base/present ("walk"), 3rd person ("walks"), past ("walked", "went"), auxiliaries and modals
	Function // closed class: determiners, pronouns, prepositions, conjunctions, auxiliaries, modals
	Lower    // occurs in lower case in the word lists
	Proper   // occurs capitalised in the word lists (names, months, nationalities)
)

// Info is what the lexicon knows of a word.
type Info struct {
	Tier uint8 // 0 unknown; 1 most common (SCOWL size 10-20) … 5 rare (80-95)
	Tags Tag
}

// Lookup returns what the lexicon knows of w, looked up in lower case.
// Unknown words have a zero Info.
func Lookup(w string) Info { return placeholder[w] }

// IsCommon reports whether w is a common English word (tier 1-3), in lower case.
func IsCommon(w string) bool {
	i := Lookup(w)
	return i.Tier >= 1 && i.Tier <= 3 && i.Tags&Lower != 0
}

var placeholder = map[string]Info{
	"the": {1, Function | Lower}, "a": {1, Function | Lower}, "is": {1, Verb | Finite | Function | Lower},
}
