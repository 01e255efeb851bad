package rules

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// MidSentenceCapital finds a common word capitalised in the middle of a
// sentence, where machine translation spliced two sentences together.
var MidSentenceCapital = &checker.Rule{
	ID:       "mid-sentence-capital",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a common word capitalised mid-sentence",
		Text: `When machine translation loses a sentence boundary, the first word of the
second sentence keeps its capital in the middle of the first: "border
personnel The power to expel", "aircraft Now in use In order to". The rule
reports a common English word that is normally written in lower case and
typically opens a sentence (a function word such as "The", "They" or "In", an
adverb such as "Now" or "However", or a verb in -ing), capitalised inside a
sentence and standing alone: not part of a run of capitalised words (a name or
a title such as "the Department of State"), not a glossary term, not after a
colon, a quote, a dash or a bracket, not at the start of a line. Capitalised
nouns and verbs are left alone, as mid-sentence they are far more often names
of things ("the Read method", "the Senate"). Names, "I", acronyms, days,
months and nationalities, headings, captions, list items, table cells and
title-case or all-caps sentences are not reported. Whether to end the sentence
or lower-case the word needs a person, so there is no fix.`,
		Bad:  "It gave power to border personnel The power to expel migrants.",
		Good: "It gave power to border personnel. The power to expel migrants.",
	},
	Run: runMidSentenceCapital,
}

// capDeterminers before a capitalised noun make an institution: "the
// Senate", "the President", "our Government".
var capDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"whose": true, "each": true, "every": true, "no": true,
}

// capConnectors may sit inside a title-case run ("Department of State",
// "Tren de Aragua", "Bread and Roses").
func capConnector(w string) bool {
	switch strings.ToLower(w) {
	case "of", "and", "the", "for", "de", "del", "la", "le", "da", "van", "von", "bin", "al", "on", "in", "to", "&", "y", "du", "des", "di":
		return true
	}
	return false
}

// capTitleWords before a capitalised word make it part of a name or a title
// of a work ("the book Great Expectations", "a ship called Endurance").
var capTitleWords = map[string]bool{
	"called": true, "named": true, "titled": true, "entitled": true, "dubbed": true, "nicknamed": true,
	"word": true, "term": true, "label": true, "labelled": true, "labeled": true, "marked": true,
	"button": true, "menu": true, "tab": true, "option": true, "field": true, "column": true, "section": true,
	"chapter": true, "see": true, "select": true, "work": true, "book": true, "song": true, "film": true,
	"novel": true, "album": true, "poem": true, "painting": true, "play": true, "movie": true, "show": true,
	"series": true, "programme": true, "program": true, "slogan": true, "motto": true, "theme": true, "click": true, "choose": true, "press": true, "type": true,
}

func runMidSentenceCapital(p *checker.Pass) error {
	doc := p.Doc
	hasGlossary := p.Glossary.Len() > 0
	caps := capWalk{caps: doc.Capitals()}
	if n := len(caps.caps); capNoList || n == 0 || caps.caps[n-1] != math.MaxInt {
		caps.caps = nil // no list, or one without its end: the tokens are read
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si] // not a copy: most sentences are passed over
		if doc.Blocks[s.Block].Kind != checker.Paragraph {
			continue
		}
		// Most sentences hold no capital after their first word: with
		// the document's list of words that may hold one, those with
		// none but their first token are passed over at once.
		if caps.caps != nil && caps.next(doc.Tokens, doc.Masked, s.First+1, s.Last) == s.Last {
			continue
		}
		toks := doc.Tokens[s.First:s.Last]
		titleCase := -1 // unknown; decided on the first word to report
		firstWord := -1
		for i, t := range toks {
			if t.Kind == text.Word {
				firstWord = i
				break
			}
		}
		if firstWord < 0 {
			continue
		}
		// capNext and caps.next pass over the words that do not start
		// with a capital (as capIsTitleWord would find) or a byte that
		// is not ASCII.
		var i int
		if caps.caps != nil {
			i = caps.next(doc.Tokens, doc.Masked, s.First+firstWord+1, s.Last) - s.First
		} else {
			// Most sentences hold no capital after their first word.
			from := toks[firstWord].End
			at := text.NextUpperOrNonASCII(doc.Masked, from, max(from, s.End))
			if at >= s.End {
				continue
			}
			// The words between the first and the byte at, the first
			// capital or byte that is not ASCII after it, start with
			// neither: the loop starts at the first token from at on.
			i = capNext(toks, doc.Masked, firstWord+1+capTokenAt(toks[firstWord+1:], at))
		}
		for ; i < len(toks); i = caps.after(doc.Tokens, doc.Masked, s.First, s.Last, i) {
			t := &toks[i]
			w := doc.TokenText(*t)
			if !capIsTitleWord(w) {
				continue
			}
			// Lookup folds case: the word is lower-cased (a copy) only
			// once it is known to be common, which names are not.
			if !lexicon.IsCommon(w) {
				continue // names, rare words
			}
			lw := strings.ToLower(w)
			if lw == "i" {
				continue // "I"
			}
			info := lexicon.Lookup(lw)
			if info.Tags&lexicon.Proper != 0 || capNeverStarts[lw] {
				continue // a name too: "May", "Will", "Bill", "March", "Chinese"
			}
			if capGlued(doc.Text, *t) || capBeforeNumber(doc, toks, i) {
				continue // part of an identifier: "_Mapping__update"
			}
			if hasGlossary && p.Index().IsTermPart(w) {
				continue
			}
			if !capStartsClause(lw, info) {
				continue // "the Read method", "Go programs": names of things
			}
			if capAfterBreak(doc, toks, i) {
				continue
			}
			if capInRun(doc, toks, firstWord, i) {
				continue
			}
			prevW := capPrevWord(doc, toks, i)
			if capTitleWords[prevW] {
				continue
			}
			if capDeterminers[prevW] && !sentIsFunction(lw) {
				continue // "the Senate", "the President"
			}
			// A title-case sentence has no finding. The tests above read
			// only the word and its neighbours, so it is decided last,
			// once for the sentence.
			if titleCase < 0 {
				titleCase = 0
				if capTitleCase(doc, toks) {
					titleCase = 1
				}
			}
			if titleCase == 1 {
				break
			}
			p.Report(checker.Finding{
				Span:    t.Span,
				Message: fmt.Sprintf("%q is capitalised mid-sentence: two sentences run together?", w),
			})
		}
	}
	return nil
}

// capNoList turns the use of the document's list of capitals off, for
// tests.
var capNoList = false

// A capWalk goes through the words of a document's sentences, in order,
// that start with a capital or a byte that is not ASCII, from the
// document's list of the words that may hold a capital
// (checker.Document.Capitals): it reads the tokens of those words alone.
type capWalk struct {
	caps []int // nil: none, the tokens are read one by one (capNext)
	c    int   // the first entry of caps not passed over
}

// next returns the first token from k (an index in toks, the document's
// tokens) before end that is a word starting with a capital or a byte
// that is not ASCII; end if there is none. k never goes back.
func (w *capWalk) next(toks []checker.Token, m string, k, end int) int {
	caps, c := w.caps, w.c
	for caps[c] < k { // caps ends with math.MaxInt
		c++
	}
	for ; caps[c] < end; c++ {
		if t := &toks[caps[c]]; t.Kind == text.Word {
			if b := m[t.Start]; b >= utf8.RuneSelf || 'A' <= b && b <= 'Z' {
				break
			}
		}
	}
	w.c = c
	return min(caps[c], end)
}

// after returns the token after i, in the sentence of the document's
// tokens all[first:last], that capNext(all[first:last], m, i+1) finds
// (indexes in the sentence).
func (w *capWalk) after(all []checker.Token, m string, first, last, i int) int {
	if w.caps == nil {
		return capNext(all[first:last], m, i+1)
	}
	return w.next(all, m, first+i+1, last) - first
}

// capNext returns the index of the first word of toks from i on whose
// first byte in m is an ASCII capital or not ASCII; len(toks) if there is
// none. A pointer moves from token to token (never past the last).
func capNext(toks []checker.Token, m string, i int) int {
	if i >= len(toks) {
		return len(toks)
	}
	const size = unsafe.Sizeof(checker.Token{})
	first, last := &toks[i], &toks[len(toks)-1]
	for t := first; ; t = (*checker.Token)(unsafe.Add(unsafe.Pointer(t), size)) {
		if t.Kind == text.Word {
			if c := m[t.Start]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
				return i + int((uintptr(unsafe.Pointer(t))-uintptr(unsafe.Pointer(first)))/size)
			}
		}
		if t == last {
			return len(toks)
		}
	}
}

// capTokenAt returns the index of the first token of toks that starts at
// or after offset at; len(toks) if none does.
func capTokenAt(toks []checker.Token, at int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if toks[h].Start < at {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// capStartsClause reports whether a word, capitalised, reads as the first
// word of a sentence rather than the name of a thing: a function word ("The",
// "They", "In"), an adverb that is no noun or verb ("Now", "However"), or the
// -ing form of a verb opening a clause ("Exporting"). Capitalised nouns and
// verbs mid-sentence are far more often names (of products, identifiers,
// institutions) than spliced sentences.
func capStartsClause(lw string, info lexicon.Info) bool {
	if sentIsFunction(lw) {
		return true
	}
	if info.Tags&lexicon.Adv != 0 && info.Tags&(lexicon.Verb|lexicon.Adj) == 0 {
		return true
	}
	if stem, ok := strings.CutSuffix(lw, "ing"); ok && len(stem) >= 3 {
		for _, v := range []string{stem, stem + "e", stem[:len(stem)-1]} {
			if lexicon.Lookup(v).Tags&lexicon.Verb != 0 && lexicon.IsCommon(v) {
				return true
			}
		}
	}
	return false
}

// capNeverStarts are function words that do not open a sentence, or that
// capitalised are more often something else: object pronouns (a reverent
// "Him"), auxiliaries that name methods ("Do", "Is"), and "None", a
// programming constant.
var capNeverStarts = map[string]bool{
	"him": true, "them": true, "us": true, "me": true, "whom": true, "thee": true, "thy": true, "thou": true,
	"do": true, "does": true, "did": true, "done": true, "is": true, "are": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "none": true, "being": true, "get": true, "set": true, "add": true,
}

// capBeforeNumber reports whether a number follows the word ("No. 1",
// "Section 3"): a label, not a sentence.
func capBeforeNumber(doc *checker.Document, toks []checker.Token, i int) bool {
	j := i + 1
	if j < len(toks) && doc.TokenText(toks[j]) == "." {
		j++
	}
	return j < len(toks) && toks[j].Kind == text.Number
}

// capGlued reports whether a token is glued to an underscore, a dot or a
// slash: part of an identifier or a path rather than a word.
func capGlued(s string, t checker.Token) bool {
	if t.Start > 0 && strings.IndexByte("_./", s[t.Start-1]) >= 0 {
		return true
	}
	return t.End < len(s) && strings.IndexByte("_(/", s[t.End]) >= 0
}

// capIsTitleWord reports whether w is an upper-case letter followed by
// lower-case letters only ("The", not "I", "US" or "iPhone").
func capIsTitleWord(w string) bool {
	// ASCII first, byte by byte, as the loop below reads it: a capital,
	// then lower-case letters and apostrophes, not one straight after.
	if len(w) >= 2 && 'A' <= w[0] && w[0] <= 'Z' && w[1] != '\'' {
		i := 1
		for i < len(w) && ('a' <= w[i] && w[i] <= 'z' || w[i] == '\'') {
			i++
		}
		if i == len(w) {
			return true
		}
		if w[i] < utf8.RuneSelf {
			return false
		}
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || n == len(w) {
		return false
	}
	if r2, _ := utf8.DecodeRuneInString(w[n:]); text.IsApostrophe(r2) {
		return false // "I'm", "A's"
	}
	for _, r := range w[n:] {
		if !unicode.IsLower(r) && !text.IsApostrophe(r) {
			return false
		}
	}
	return true
}

// capTitleCase reports whether a sentence is written in title case or all
// capitals (a headline that is not a block of its own).
func capTitleCase(doc *checker.Document, toks []checker.Token) bool {
	words, caps, upper := 0, 0, 0
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		w := doc.TokenText(t)
		words++
		if text.IsAllUpper(w) {
			upper++
		} else if text.IsCapitalized(w) {
			caps++
		}
	}
	return words > 0 && (upper*2 > words || (caps+upper)*10 >= words*6 && words >= 3)
}

// capAfterBreak reports whether token i follows something after which a
// capital is normal: a colon, an opening quote or bracket, a dash, a
// sentence mark, a line break, a bullet or a number ("Step 3 Open").
func capAfterBreak(doc *checker.Document, toks []checker.Token, i int) bool {
	t := toks[i]
	// Start of a line: verse, hard-wrapped layout.
	k := t.Start
	for k > 0 && (doc.Text[k-1] == ' ' || doc.Text[k-1] == '\t') {
		k--
	}
	if k == 0 || doc.Text[k-1] == '\n' {
		return true
	}
	if i == 0 {
		return true
	}
	pt := toks[i-1]
	if pt.Kind == text.Word {
		return false
	}
	if pt.Kind == text.Number {
		return true
	}
	pw := doc.TokenText(pt)
	r, _ := utf8.DecodeRuneInString(pw)
	return strings.ContainsRune(":;\"“”‘’'()[]{}—–-.!?…/|*•>«»", r)
}

// capInRun reports whether the capitalised word at i (first: the index of
// the sentence's first word) is part of a run of
// capitalised words, possibly joined by connectors: a name or a title.
func capInRun(doc *checker.Document, toks []checker.Token, first, i int) bool {
	isCap := func(j int) bool {
		if j < 0 || j >= len(toks) || toks[j].Kind != text.Word {
			return false
		}
		w := doc.TokenText(toks[j])
		if j == first && lexicon.IsCommon(strings.ToLower(w)) {
			return false // "Investors in Within": the first word's capital says nothing
		}
		return text.IsCapitalized(w) || text.IsAllUpper(w)
	}
	// neighbour returns the index of the next word token in direction d,
	// skipping a hyphen or apostrophe-s glued to the word ("Anglo-Saxon").
	neighbour := func(j, d int) int {
		j += d
		for j >= 0 && j < len(toks) && toks[j].Kind == text.Punct {
			pt := toks[j]
			c := doc.TokenText(pt)
			if c != "&" && !(pt.Start == toks[j-d].End || pt.End == toks[j-d].Start) {
				return -1 // spaced punctuation: a comma, a dash
			}
			if c != "-" && c != "'" && c != "’" && c != "." && c != "&" {
				return -1
			}
			j += d
		}
		if j < 0 || j >= len(toks) || toks[j].Kind != text.Word {
			return -1
		}
		return j
	}
	// "Planning, Constructing, Repairing": a list of capitalised items.
	comma := func(d int) bool {
		j := i + d
		if j < 0 || j >= len(toks) || doc.TokenText(toks[j]) != "," {
			return false
		}
		return isCap(j+d) && j+d != 0
	}
	if comma(-1) || comma(1) {
		return true
	}
	for _, d := range []int{-1, 1} {
		j := neighbour(i, d)
		if j < 0 {
			continue
		}
		if isCap(j) {
			return true
		}
		// One or two connectors, then a capital: "Department of State",
		// "Tren de la Aragua".
		for hops := 0; hops < 2 && j >= 0 && capConnector(doc.TokenText(toks[j])); hops++ {
			j = neighbour(j, d)
			if isCap(j) {
				return true
			}
		}
	}
	return false
}

// capPrevWord returns the lower-case word just before token i, or "".
func capPrevWord(doc *checker.Document, toks []checker.Token, i int) string {
	if i > 0 && toks[i-1].Kind == text.Word {
		return strings.ToLower(doc.TokenText(toks[i-1]))
	}
	return ""
}
