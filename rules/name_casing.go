package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/lexicon"
)

// NameCasing finds a glossary term written in the wrong case ("Tren De
// Aragua" for "Tren de Aragua").
var NameCasing = &checker.Rule{
	ID:       "name-casing",
	Family:   "names",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a glossary name or term in the wrong case",
		Text: `Machine translation title-cases names word by word and capitalises the
particles that the name's owners write in lower case ("Tren De Aragua",
"Ministry Of Defence"), or lower-cases a name it did not recognise. A
glossary term found with different capitals is reported with the
glossary's casing as a safe fix. A lower-case term capitalised at the start
of a sentence, a term in capitals ("TREN DE ARAGUA" in a heading), a
title-cased heading, and ordinary lower-case words that happen to spell a
name ("they remain in Mexico" for the policy "Remain in Mexico", "the white
house") are not reported. Accents are not case: "Mexico" for "México" is
left alone.`,
		Bad:  "The Tren De Aragua gang was designated a terrorist group.",
		Good: "The Tren de Aragua gang was designated a terrorist group.",
	},
	Run: runNameCasing,
}

func runNameCasing(p *checker.Pass) error {
	if p.Glossary.Len() == 0 {
		return nil
	}
	ix := p.Index()
	doc := p.Doc
	for _, m := range glossaryMatches(doc, ix) {
		s := doc.Sentences[m.sent]
		toks := doc.SentenceTokens(s)
		first := firstWordIndex(toks)
		heading := doc.BlockOf(s).Kind == checker.Heading
		forms, i, end := m.forms, m.tok, m.end
		span := checker.Span{Start: toks[i].Start, End: end}
		got := collapseSpaces(doc.Text[span.Start:span.End])
		if term, ok := miscased(ix.Forms, forms, got, i == first, heading); ok {
			msg := fmt.Sprintf("%q is written %q in the glossary", got, term)
			if e := ix.Entries[ix.Forms[forms[0]].Entry]; e.Note != "" {
				msg += " (" + e.Note + ")"
			}
			p.Report(checker.Finding{Span: span, Message: msg, Suggestion: term, Safe: true})
		}
	}
	return nil
}

// miscased decides whether got, which folds like the forms, is a term in
// the wrong case, and returns the term to write instead.
func miscased(all []glossary.Form, forms []int32, got string, initial, heading bool) (string, bool) {
	term := ""
	for _, id := range forms {
		f := all[id]
		if f.Variant {
			continue
		}
		if f.Text == got {
			return "", false
		}
		if term == "" && strings.EqualFold(f.Text, got) {
			term = f.Text
		}
	}
	if term == "" {
		return "", false // a variant, or accents differ: not a matter of case
	}
	if initial && capitaliseFirst(term) == got {
		return "", false
	}
	if allCapitals(got) {
		return "", false
	}
	gw, tw := strings.Fields(got), strings.Fields(term)
	if len(gw) != len(tw) {
		return "", false
	}
	lowered := false
	for k := range gw {
		if gw[k] == tw[k] {
			continue
		}
		if heading && gw[k] == capitaliseFirst(tw[k]) {
			continue // title case in a heading
		}
		if k == 0 && initial && gw[k] == capitaliseFirst(tw[k]) {
			continue
		}
		// An ordinary lower-case word where the term has a capital:
		// "remain in Mexico", "the white house".
		if startsLower(gw[k]) && lexicon.IsCommon(gw[k]) {
			lowered = true
		}
	}
	if lowered {
		return "", false
	}
	if initial {
		term = capitaliseFirst(term)
	}
	return term, term != got
}

// allCapitals reports whether s is written in capitals (no lower-case
// letter, more than one letter), as the glossary index sorts its terms
// for garbled-name.
func allCapitals(s string) bool { return glossary.WrittenInCapitals(s) }

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
