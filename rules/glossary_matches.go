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

// A glossaryScan is what one pass over a document's tokens finds of a
// glossary index: the matches, and the places where one may start.
type glossaryScan struct {
	matches []glossaryMatch
	// starts holds, ascending, the byte offsets of the tokens at which
	// a term or variant may start within its sentence: those at which
	// Index.NextStart stopped, and every token inside a match (not
	// looked at). At any other word or number token of a sentence,
	// Index.MatchAt finds nothing that ends in the sentence.
	starts []int
}

type glossaryMatchesKey struct{ ix *glossary.Index }

// glossaryMatches returns the terms and variants of ix in every sentence
// of doc, leftmost-longest and not overlapping, in order: each sentence's
// word and number tokens are tried from left to right, and a match skips
// the tokens it covers. glossary-variant and name-casing both need them;
// they are found once per document.
func glossaryMatches(doc *checker.Document, ix *glossary.Index) []glossaryMatch {
	return scanGlossary(doc, ix).matches
}

// glossaryStarts returns the offsets of the tokens of doc at which a term
// or variant of ix may start (see glossaryScan.starts): garbled-name,
// which asks whether a word of a name starts one, so asks MatchAt only
// about these, found on the pass that glossaryMatches makes anyway.
func glossaryStarts(doc *checker.Document, ix *glossary.Index) []int {
	return scanGlossary(doc, ix).starts
}

// scanGlossary returns the glossaryScan of doc, made on first use.
func scanGlossary(doc *checker.Document, ix *glossary.Index) *glossaryScan {
	return doc.Shared(glossaryMatchesKey{ix}, func() any {
		var sc glossaryScan
		for si := range doc.Sentences {
			s := &doc.Sentences[si]
			toks := doc.Tokens[s.First:s.Last] // doc.SentenceTokens, without copying the sentence
			for i := 0; ; {
				// The word and number tokens at which nothing can
				// start, nearly all, are passed over in one call.
				if i = ix.NextStart(doc.Masked, toks, i); i == len(toks) {
					break
				}
				sc.starts = append(sc.starts, toks[i].Start)
				forms, n, end := ix.MatchAt(doc.Masked, toks, i)
				if n == 0 {
					i++
					continue
				}
				sc.matches = append(sc.matches, glossaryMatch{sent: si, tok: i, n: n, end: end, forms: forms})
				for k := i + 1; k < i+n; k++ {
					sc.starts = append(sc.starts, toks[k].Start)
				}
				i += n
			}
		}
		return &sc
	}).(*glossaryScan)
}
