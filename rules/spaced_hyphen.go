package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/text"
)

// SpacedHyphen finds a hyphenated compound with a space before the hyphen
// ("anti -gang"), an artefact of machine translation and of tokenised text
// joined back together.
var SpacedHyphen = &checker.Rule{
	ID:       "spaced-hyphen",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a space before the hyphen of a compound word",
		Text: `Machine translation and detokenisers often leave a space before the hyphen of a
compound: "anti -gang", "France -Presse", "US -Mexico". The fix joins the parts.
A minus sign before a number, a dash between spaces, a list bullet, a
command-line option ("-v", "--force") and a suspended hyphen ("pre- and
post-war") are not reported.`,
		Bad:  "This is mainly due to his anti -gang policy.",
		Good: "This is mainly due to his anti-gang policy.",
	},
	Run: runSpacedHyphen,
}

// functionWords may stand before an option or a negative number ("the -v
// flag", "use -o"); a compound's first part is never one of them.
var hyphenFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true, "in": true,
	"on": true, "with": true, "use": true, "run": true, "pass": true, "flag": true, "option": true,
	"by": true, "at": true, "is": true, "was": true, "be": true, "from": true, "as": true, "for": true,
	// commands that take options: "go test -cover", "git log -p"
	"test": true, "build": true, "vet": true, "install": true, "go": true, "git": true, "npm": true,
	"pip": true, "python": true, "make": true, "log": true, "ls": true, "command": true, "switch": true,
}

func runSpacedHyphen(p *checker.Pass) error {
	doc := p.Doc
	// hyphen is the offset of the first hyphen at or after from
	// (len(Masked) if none), which holds for any sentence starting
	// between the two: the text is searched once, not sentence by
	// sentence, and most sentences have no hyphen at all.
	hyphen, from := -1, 0
	for _, s := range doc.Sentences {
		if s.Start > hyphen || s.Start < from {
			from = s.Start
			hyphen = len(doc.Masked)
			if k := strings.IndexByte(doc.Masked[s.Start:], '-'); k >= 0 {
				hyphen = s.Start + k
			}
		}
		if hyphen >= s.End {
			continue
		}
		toks := doc.SentenceTokens(s)
		for i := 1; i+1 < len(toks); i++ {
			h, left, right := toks[i], toks[i-1], toks[i+1]
			if doc.Masked[h.Start:h.End] != "-" {
				continue
			}
			// "left -right": space(s) before the hyphen, none after.
			if left.End == h.Start || h.End != right.Start || left.Kind != text.Word || right.Kind != text.Word {
				continue
			}
			gap := doc.Masked[left.End:h.Start]
			if strings.Trim(gap, " ") != "" { // a line break or tab: a bullet or layout
				continue
			}
			rw := doc.TokenText(right)
			if utf8.RuneCountInString(rw) < 2 || !startsLetter(rw) {
				continue // "-v", "-5"
			}
			if hyphenFunctionWords[strings.ToLower(doc.TokenText(left))] {
				continue
			}
			if e := right.End; e+1 < len(doc.Masked) && (doc.Masked[e] == '.' || doc.Masked[e] == '=') && startsLetter(doc.Masked[e+1:]) {
				continue // "-test.benchmem", "-flag=value", "-Ecns.cn": an option or a name
			}
			span := checker.Span{Start: left.Start, End: right.End}
			p.Report(checker.Finding{
				Span:       span,
				Message:    "space before the hyphen of a compound word",
				Suggestion: doc.TokenText(left) + "-" + rw,
				Safe:       true,
			})
		}
	}
	return nil
}

func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
