package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// SentenceFragment finds a sentence in running text that has no verb.
var SentenceFragment = &checker.Rule{
	ID:       "sentence-fragment",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a sentence with no verb",
		Text: `Machine translation sometimes turns a clause or a heading into a sentence
of its own with no verb: "Declaration of emergency situation." The rule
reports a sentence of a paragraph ending in a period, of at least min-words
words, none of which can be a finite verb according to the embedded lexicon
(so a word that may be a verb, such as "set" or "report", is given the
benefit of the doubt, and so is any word the lexicon does not know).
Headings, captions, list items and table cells are not checked, nor
sentences that are mostly names (credits, datelines, bylines), quotations
or numbers.`,
		Bad:  "It deployed troops to the border. Declaration of emergency situation.",
		Good: "It deployed troops to the border and declared a state of emergency.",
	},
	Options: []checker.Option{{
		Name: "min-words", Kind: checker.IntOption, Default: "3", Min: 1, Max: 50,
		Usage: "the fewest words a sentence must have to be checked",
	}},
	Run: runSentenceFragment,
}

// fragmentStarts open sentences that need no verb in good prose: "For
// example.", "See below." (see is a verb anyway), "Thanks to all."
var fragmentStarts = map[string]bool{
	"for": true, "thanks": true, "thank": true, "no": true, "not": true, "yes": true, "hence": true,
	"so": true, "also": true, "and": true, "but": true, "or": true, "as": true, "like": true,
	"by": true, "photo": true, "source": true, "credit": true, "credits": true, "via": true, "courtesy": true,
	"copyright": true, "note": true, "example": true, "e.g": true, "i.e": true, "in": true, "with": true,
	"such": true, "what": true, "how": true, "why": true, "which": true, "more": true, "less": true,
	"then": true, "now": true, "hardly": true, "all": true, "exactly": true, "of": true,
}

func runSentenceFragment(p *checker.Pass) error {
	doc := p.Doc
	minWords := p.Int("min-words")
	for si := range doc.Sentences {
		s := &doc.Sentences[si] // not a copy: most sentences are passed over
		if doc.Blocks[s.Block].Kind != checker.Paragraph {
			continue
		}
		if !fragmentEndsInPeriod(doc.Text[s.Start:s.End]) {
			continue
		}
		toks := doc.Tokens[s.First:s.Last]
		if fragmentHasVerb(doc, toks, minWords) {
			continue
		}
		p.Report(checker.Finding{
			Span:    s.Span,
			Message: "sentence has no verb: a fragment, or part of the sentence before?",
		})
	}
	return nil
}

// fragmentEndsInPeriod reports whether a sentence ends with a single period
// (not an ellipsis, not after a closing quote: a quotation stands alone).
func fragmentEndsInPeriod(s string) bool {
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..")
}

// fragmentHasVerb reports whether the sentence can have a verb, or is of a
// kind that needs none: too short, mostly names, numbers, quotation.
func fragmentHasVerb(doc *checker.Document, toks []checker.Token, minWords int) bool {
	words, caps, others := 0, 0, 0
	first := true
	if len(toks) > 0 && toks[0].Kind != text.Word {
		if w := doc.TokenText(toks[0]); w == "-" || w == "*" || w == "•" || w == "+" || w == "–" || w == "—" {
			return true // a list item the reader did not see as one
		}
	}
	for _, t := range toks {
		w := doc.TokenText(t)
		switch t.Kind {
		case text.Word:
		case text.Punct:
			r, _ := utf8.DecodeRuneInString(w)
			switch r {
			case '"', '“', '”', '«', '»', ':', '/', '|', '(', '©', '@', '=', '#':
				return true // a quotation, a label, a path, a credit
			case '\'', '‘', '’':
				if t.Start > 0 && unicode.IsSpace(rune(doc.Text[t.Start-1])) {
					return true // an opening single quote
				}
			}
			continue
		default:
			others++
			continue
		}
		var info lexicon.Info
		if n := len(w); n <= 32 && text.IsASCII(w) {
			// As below, without a lower-case copy on the heap: the map
			// is read with one on the stack, and Lookup folds ASCII.
			if first {
				var buf [32]byte
				for i := 0; i < n; i++ {
					c := w[i]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[i] = c
				}
				if fragmentStarts[string(buf[:n])] {
					return true
				}
			}
			if n >= 2 && w[n-2] == '\'' && w[n-1]|0x20 == 's' {
				return true // "this one's clever": 's may be "is"
			}
			info = lexicon.Lookup(w)
		} else {
			lw := strings.ToLower(w)
			if first && fragmentStarts[lw] {
				return true
			}
			if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
				return true // "this one's clever": 's may be "is"
			}
			info = lexicon.Lookup(lw)
		}
		if first && info.Tags&lexicon.Adv != 0 && info.Tags&lexicon.Noun == 0 {
			return true // "Again, quite big differences.": spoken style
		}
		if info.Tier == 0 || info.Tags&lexicon.Finite != 0 {
			return true // unknown words may be verbs; so may "set" and "report"
		}
		if !first && text.IsCapitalized(w) || text.IsAllUpper(w) {
			caps++
		}
		words++
		first = false
	}
	if words < minWords || others > 0 {
		return true
	}
	// Mostly names: a byline, a dateline, a credit, a title.
	return caps*2 >= words
}
