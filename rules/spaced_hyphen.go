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
	m := doc.Masked
	// hyphen is the offset of the first hyphen after a space, the space
	// at or after from (len(Masked) if none), which holds for any
	// sentence starting between the two: the text is searched once, not
	// sentence by sentence, and most sentences have no such hyphen (a
	// finding needs one; the hyphens of compounds, "well-known", and of
	// lines of them, "-----", follow no space).
	hyphen, from := -1, 0
	for _, s := range doc.Sentences {
		if s.Start > hyphen || s.Start < from {
			from = s.Start
			hyphen = len(m)
			if k := strings.Index(m[s.Start:], " -"); k >= 0 {
				hyphen = s.Start + k + 1
			}
		}
		if hyphen >= s.End {
			continue
		}
		toks := doc.SentenceTokens(s)
		if len(toks) < 3 {
			continue
		}
		// The hyphen of a finding is a token of its own with a token on
		// each side: it starts in [lo, hi], after a space. Only those
		// hyphens are looked at, not every token of the sentence.
		lo, hi := toks[1].Start, toks[len(toks)-2].Start
		for o := lo; o <= hi; o++ {
			k := strings.Index(m[o-1:hi+1], " -")
			if k < 0 {
				break
			}
			o += k
			// The start of a word after: what the checks below need. A
			// run of hyphens ("--") or a lone one (" - ") has none.
			if o+1 >= len(m) || m[o+1] == '-' || m[o+1] == ' ' {
				continue
			}
			i, ok := hyphenToken(toks, o)
			if ok {
				spacedHyphenAt(p, toks, i)
			}
		}
	}
	return nil
}

// hyphenToken returns the index of the token of toks that is the hyphen
// at offset o, if there is one strictly inside toks.
func hyphenToken(toks []text.Token, o int) (int, bool) {
	i, j := 1, len(toks)-1
	for i < j {
		h := int(uint(i+j) >> 1)
		if toks[h].Start < o {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(toks)-1 && toks[i].Start == o && toks[i].End == o+1
}

// spacedHyphenAt reports the hyphen toks[i] (0 < i < len(toks)-1) if it
// joins a compound with a space before it ("anti -gang").
func spacedHyphenAt(p *checker.Pass, toks []text.Token, i int) {
	doc := p.Doc
	h, left, right := toks[i], toks[i-1], toks[i+1]
	if doc.Masked[h.Start:h.End] != "-" {
		return
	}
	// "left -right": space(s) before the hyphen, none after.
	if left.End == h.Start || h.End != right.Start || left.Kind != text.Word || right.Kind != text.Word {
		return
	}
	gap := doc.Masked[left.End:h.Start]
	if strings.Trim(gap, " ") != "" { // a line break or tab: a bullet or layout
		return
	}
	rw := doc.TokenText(right)
	if utf8.RuneCountInString(rw) < 2 || !startsLetter(rw) {
		return // "-v", "-5"
	}
	if hyphenFunctionWords[strings.ToLower(doc.TokenText(left))] {
		return
	}
	if e := right.End; e+1 < len(doc.Masked) && (doc.Masked[e] == '.' || doc.Masked[e] == '=') && startsLetter(doc.Masked[e+1:]) {
		return // "-test.benchmem", "-flag=value", "-Ecns.cn": an option or a name
	}
	span := checker.Span{Start: left.Start, End: right.End}
	p.Report(checker.Finding{
		Span:       span,
		Message:    "space before the hyphen of a compound word",
		Suggestion: doc.TokenText(left) + "-" + rw,
		Safe:       true,
	})
}

func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
