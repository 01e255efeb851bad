package rules

import (
	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
)

// A glossaryMatch is a glossary term or variant found in a sentence (see
// glossary.Index.MatchAt).
type glossaryMatch struct {
	sent  int     // index in Doc.Sentences
	tok   int     // index of its first token in the sentence's tokens
	n     int     // tokens it covers
	end   int     // byte offset where it ends
	forms []int32 // the forms it matches
}

type glossaryMatchesKey struct{ ix *glossary.Index }

// glossaryMatches returns the terms and variants of ix in every sentence
// of doc, leftmost-longest and not overlapping, in order: each sentence's
// word and number tokens are tried from left to right, and a match skips
// the tokens it covers. glossary-variant and name-casing both need them;
// they are found once per document.
func glossaryMatches(doc *checker.Document, ix *glossary.Index) []glossaryMatch {
	return doc.Shared(glossaryMatchesKey{ix}, func() any {
		var out []glossaryMatch
		for si, s := range doc.Sentences {
			toks := doc.SentenceTokens(s)
			for i := 0; ; {
				// The word and number tokens at which nothing can
				// start, nearly all, are passed over in one call.
				if i = ix.NextStart(doc.Masked, toks, i); i == len(toks) {
					break
				}
				forms, n, end := ix.MatchAt(doc.Masked, toks, i)
				if n == 0 {
					i++
					continue
				}
				out = append(out, glossaryMatch{sent: si, tok: i, n: n, end: end, forms: forms})
				i += n
			}
		}
		return out
	}).([]glossaryMatch)
}
