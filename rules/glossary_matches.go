package rules

import (
	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/text"
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
		if inOrder(doc.Sentences) && !scanBySentence {
			return scanDocument(doc, ix)
		}
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
				i += max(1, sc.take(ix, doc.Masked, toks, si, i))
			}
		}
		return &sc
	}).(*glossaryScan)
}

// scanDocument makes the glossaryScan of doc, whose sentences are in
// order (inOrder), in one pass over all its tokens: Index.SkipStarts
// passes over most of them, as NextStart does over each sentence's, and
// at each token it stops at, that token's sentence is found (the next
// ones, in order) and asked about as scanGlossary asks about each
// sentence's tokens. A token outside every sentence is passed over.
func scanDocument(doc *checker.Document, ix *glossary.Index) *glossaryScan {
	var sc glossaryScan
	s, toks, sents := doc.Masked, doc.Tokens, doc.Sentences
	si := 0
	for g := 0; ; {
		if g = ix.SkipStarts(s, toks, g); g == len(toks) {
			break
		}
		for si < len(sents) && sents[si].Last <= g {
			si++
		}
		if si == len(sents) {
			break // after the last sentence
		}
		sent := &sents[si]
		if g < sent.First {
			g = sent.First // between sentences
			continue
		}
		st := toks[sent.First:sent.Last]
		i := g - sent.First
		if !ix.MayStart(s, st, i) {
			g++
			continue
		}
		g += max(1, sc.take(ix, s, st, si, i))
	}
	return &sc
}

// take records what starts at toks[i], the tokens of sentence si, a
// token at which a term or variant may start: its offset among the
// starts and, when MatchAt finds one there, the match and the offsets of
// the other tokens it covers. It returns the number of tokens matched,
// 0 for none.
func (sc *glossaryScan) take(ix *glossary.Index, s string, toks []text.Token, si, i int) int {
	sc.starts = append(sc.starts, toks[i].Start)
	forms, n, end := ix.MatchAt(s, toks, i)
	if n == 0 {
		return 0
	}
	sc.matches = append(sc.matches, glossaryMatch{sent: si, tok: i, n: n, end: end, forms: forms})
	for k := i + 1; k < i+n; k++ {
		sc.starts = append(sc.starts, toks[k].Start)
	}
	return n
}

// inOrder reports whether sents follow each other in their tokens: each
// starts no sooner than the one before ends, and ends no sooner than it
// starts.
func inOrder(sents []checker.Sentence) bool {
	last := 0
	for k := range sents {
		if sents[k].First < last || sents[k].Last < sents[k].First {
			return false
		}
		last = sents[k].Last
	}
	return true
}

// scanBySentence makes scanGlossary pass over each sentence on its own,
// as it did: for the test that checks scanDocument against it.
var scanBySentence = false
