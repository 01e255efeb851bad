package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/text"
)

// GlossaryVariant finds the wrong forms a glossary lists for a term
// ("Getty Pictures Agency" for "Getty Images").
var GlossaryVariant = &checker.Rule{
	ID:       "glossary-variant",
	Family:   "names",
	Severity: checker.Error,
	Default:  true,
	Doc: checker.Doc{
		Title: "a wrong form of a name or term listed in the glossary",
		Text: `The glossary's variants column lists known wrong forms of a term: the
translations a machine-translation system keeps producing for a name or a
fixed expression ("Getty Pictures Agency" for "Getty Images", "security third
country" for "safe third country"). A variant is found in any case, as whole
words, anywhere in a sentence, and the longest match wins: a variant inside
a longer correct term ("Salvador" in "El Salvador") is not reported. The fix
replaces it with the term, capitalised when it starts a sentence.`,
		Bad:  "Alfredo Estrella/AFP via Getty Pictures Agency",
		Good: "Alfredo Estrella/AFP via Getty Images",
	},
	Run: runGlossaryVariant,
}

func runGlossaryVariant(p *checker.Pass) error {
	if p.Glossary.Len() == 0 {
		return nil
	}
	ix := p.Index()
	doc := p.Doc
	for _, m := range glossaryMatches(doc, ix) {
		forms, i, n, end := m.forms, m.tok, m.n, m.end
		if ix.HasTerm(forms) {
			continue
		}
		toks := doc.SentenceTokens(doc.Sentences[m.sent])
		first := firstWordIndex(toks)
		if !insideLongerName(doc.Masked, toks, i, i+n-1, first) {
			f := ix.Forms[forms[0]]
			e := ix.Entries[f.Entry]
			span := checker.Span{Start: toks[i].Start, End: end}
			sug := e.Term
			if i == first {
				sug = capitaliseFirst(sug)
			}
			msg := fmt.Sprintf("%q is a wrong form of %q", collapseSpaces(doc.Text[span.Start:span.End]), e.Term)
			if e.Note != "" {
				msg += " (" + e.Note + ")"
			}
			p.Report(checker.Finding{Span: span, Message: msg, Suggestion: sug, Safe: true})
		}
	}
	return nil
}

// insideLongerName reports whether the capitalised match toks[lo..hi] is
// part of a longer name: a capitalised word right before it (not the
// sentence's first) or right after it, separated by spaces only ("San
// Salvador", "Salvador Dalí" for the variant "Salvador").
func insideLongerName(s string, toks []text.Token, lo, hi, first int) bool {
	if !startsUpper(s[toks[lo].Start:toks[lo].End]) {
		return false
	}
	near := func(a, b text.Token) bool {
		return b.Start > a.End && strings.Trim(s[a.End:b.Start], " ") == ""
	}
	if lo > 0 && lo-1 != first && toks[lo-1].Kind == text.Word && near(toks[lo-1], toks[lo]) && startsUpper(s[toks[lo-1].Start:toks[lo-1].End]) {
		return true
	}
	if hi+1 < len(toks) && toks[hi+1].Kind == text.Word && near(toks[hi], toks[hi+1]) && startsUpper(s[toks[hi+1].Start:toks[hi+1].End]) {
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// firstWordIndex returns the index of the first word or number token, or -1.
func firstWordIndex(toks []text.Token) int {
	for i, t := range toks {
		if t.Kind == text.Word || t.Kind == text.Number {
			return i
		}
	}
	return -1
}

// capitalise upper-cases the first letter of s.
func capitaliseFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// collapseSpace turns runs of whitespace into one space.
func collapseSpaces(s string) string {
	if !strings.ContainsAny(s, "\n\t\r  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
