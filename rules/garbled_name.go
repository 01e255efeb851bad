package rules

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// GarbledName finds a name-like span that is close to a glossary name but
// not equal to it: the way machine translation mangles names it transliterates
// ("Naibbuckley" for "Nayib Bukele").
var GarbledName = &checker.Rule{
	ID:       "garbled-name",
	Family:   "names",
	Severity: checker.Error,
	Default:  true,
	Doc: checker.Doc{
		Title: "a name close to a glossary name but misspelt",
		Text: `Machine translation transliterates names it does not know, and the result
is often a near miss: l and r, b and p, d and t swapped, vowels added or
dropped, letters doubled, words merged or split, particles added ("Naibbuckley"
for "Nayib Bukele", "Terren De Alagua" for "Tren de Aragua", "Carmiro Monto
Galves" for "Camilo Montoya-Galvez"). Each capitalised run of words is
compared with the glossary through an index (edit distance on the folded
spelling, the transliteration skeleton, word alignment) and reported with the
closest term, a warning from min-confidence and an error from confidence
0.85 when the evidence is firm: a long word nobody spells that way, or a
name the rest of the document supports (the term itself, or another firm
garble of it). A short word, a surname alone, a word the lexicon knows and a
plain word beside a CamelCase brand stay warnings without that support.
A person's surname may stand alone ("Bakle" is reported as "Bukele").
Exact glossary terms and variants, common English words, words of glossary
terms, words the document also writes in lower case, acronyms in capitals,
runs of known words that share no word with the term ("East Indian" is no
"Austin Dean"), a known name the document uses three times or more
("Milton" throughout is no garbled "Melton") and names far from every
term are never reported; the suggestion is never applied by --fix, as it
is a guess.`,
		Bad:  "Naibbuckley's government has struck a deal with Washington.",
		Good: "Nayib Bukele's government has struck a deal with Washington.",
	},
	Options: []checker.Option{{
		Name: "min-confidence", Kind: checker.FloatOption, Default: "0.7", Min: 0, Max: 1,
		Usage: "report matches at or above this confidence (as warnings below 0.85)",
	}},
	Run: runGarbledName,
}

// errorConfidence is the confidence from which a garbled name is an error.
const errorConfidence = 0.85

// establishedUses is how often a spelling must recur in a document to
// count as that document's own name rather than a garble.
const establishedUses = 3

// minPlainSimilarity is the least plain (unit-cost) edit similarity a
// garbled name must have with the part of the term it matched. The
// phonetic measures forgive vowels, l/r and doubled letters; without this
// floor they would pair long unrelated names whose consonant classes
// happen to agree ("Rockefeller" and "Luce Ferraro"), while real garbles
// keep more than half of the letters in place ("Naibbuckley" 0.64,
// "Buckley" 0.57, "Joe Bayeng" 0.67).
const minPlainSimilarity = 0.55

// wordFlags remember, for the first 64 words of a candidate, what its
// word ranges ask of them over and over: whether a word is a connector
// (isConnectorWord), whether it is a common word (lexicon.IsCommon of it
// in lower case) and whether it counts beside a range for
// partOfLongerName (neither a connector nor a common word).
type wordFlags struct {
	conn, connKnown, other, otherKnown, com, comKnown uint64 // bit k for word k
}

// common returns lexicon.IsCommon(lowerASCII(words[k])).
func (f *wordFlags) common(s string, words []text.Span, k int) bool {
	if k >= 64 {
		return lexicon.IsCommon(lowerASCII(s[words[k].Start:words[k].End]))
	}
	b := uint64(1) << k
	if f.comKnown&b == 0 {
		f.comKnown |= b
		if lexicon.IsCommon(lowerASCII(s[words[k].Start:words[k].End])) {
			f.com |= b
		}
	}
	return f.com&b != 0
}

// allCommon is allCommonWords(s, words[i:j]).
func (f *wordFlags) allCommon(s string, words []text.Span, i, j int) bool {
	for k := i; k < j; k++ {
		if !f.common(s, words, k) && !text.IsConnector(s[words[k].Start:words[k].End]) {
			return false
		}
	}
	return true
}

// connector returns isConnectorWord(s, words[k]).
func (f *wordFlags) connector(s string, words []text.Span, k int) bool {
	if k >= 64 {
		return isConnectorWord(s, words[k])
	}
	b := uint64(1) << k
	if f.connKnown&b == 0 {
		f.connKnown |= b
		if isConnectorWord(s, words[k]) {
			f.conn |= b
		}
	}
	return f.conn&b != 0
}

// besideName reports whether words[k] is neither a connector nor a
// common word: a word that makes a range beside it part of a longer name.
func (f *wordFlags) besideName(s string, words []text.Span, k int) bool {
	if k >= 64 {
		return !isConnectorWord(s, words[k]) && !lexicon.IsCommon(lowerASCII(s[words[k].Start:words[k].End]))
	}
	b := uint64(1) << k
	if f.otherKnown&b == 0 {
		f.otherKnown |= b
		if !f.connector(s, words, k) && !f.common(s, words, k) {
			f.other |= b
		}
	}
	return f.other&b != 0
}

// partOfLongerName reports whether words[i:j] stands directly beside
// another capitalised word of the candidate that is neither a connector
// nor a common word ("Georg" before "Brandl", "Peksag" after "Berker"):
// then it is part of a longer name of its own, and matching a part of it
// against a glossary term would pair two different names. A common word
// beside it ("President", "Senator") or a connector ("Trump and Buckley")
// does not count.
func (f *wordFlags) partOfLongerName(s string, words []text.Span, i, j int) bool {
	return i > 0 && f.besideName(s, words, i-1) || j < len(words) && f.besideName(s, words, j)
}

// plainSimilarity is 1 - Levenshtein distance / length of the longer, on
// the compact (folded, space- and hyphen-free) forms of found and of the
// part of the term m matched.
func plainSimilarity(found, term string, m text.Match) float64 {
	a, b := text.Compact(found), text.Compact(matchedPart(term, m))
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if n == 0 {
		return 0
	}
	return 1 - float64(text.Distance(a, b))/float64(n)
}

// supports reports whether the hit supports its entry as garbled in the
// document: not a word or name the lexicon knows, nor a word of the term
// below error confidence.
func (h garbledHit) supports() bool {
	return !h.known && (h.fz.Match.Measure != "token" || h.score >= errorConfidence)
}

// passedOver reports whether the hit goes unreported for want of support,
// given the entries that hits support (garbled) and those the document
// names exactly (present): a word or name the lexicon knows, unless its
// entry is supported or named (from error confidence), and a word of the
// term below error confidence, unless its entry is supported or named.
func (h garbledHit) passedOver(garbled, present map[int]bool) bool {
	switch {
	case h.known:
		return !garbled[h.fz.Entry] && !(present[h.fz.Entry] && h.score >= errorConfidence)
	case h.fz.Match.Measure == "token" && h.score < errorConfidence:
		return !garbled[h.fz.Entry] && !present[h.fz.Entry]
	}
	return false
}

// firm reports whether the hit is evidence enough on its own for an
// error: not a short word, a surname alone or a plain word like a
// CamelCase brand.
func (h garbledHit) firm() bool {
	return !h.known && !h.short && !h.camel && h.score >= errorConfidence && h.fz.Match.Measure != "token"
}

// matchedPart returns the part of term that m matched: the surname of a
// person named by surname alone, else the whole term.
func matchedPart(term string, m text.Match) string {
	if m.End > m.Start && m.End <= len(term) {
		return term[m.Start:m.End]
	}
	return term
}

// minCommonSimilarity is the least plain similarity of a run of common
// words with the term it resembles: such runs are phrases ("Internet
// Service", "East Indian") unless nearly every letter agrees ("Ho Chi Min
// City" for "Ho Chi Minh City").
const minCommonSimilarity = 0.8

// minErrorLetters is the least number of letters of a garbled name
// reported as an error without support from the rest of the document: one
// letter changed in a short word ("Plat", "Smil") is as often another word
// as a garble.
const minErrorLetters = 6

// spacingConfidence is the confidence of a name whose letters are right
// but whose words are split or joined differently.
const spacingConfidence = 0.9

type garbledHit struct {
	lo, hi int // word range in the candidate
	span   checker.Span
	text   string // the text of span, spaces collapsed (set by runGarbledName)
	fz     glossary.Fuzzy
	score  float64
	known  bool // the text is a word or name the lexicon knows
	short  bool // fewer than minErrorLetters letters
	camel  bool // the term is written in CamelCase and the text is not
}

func runGarbledName(p *checker.Pass) error {
	if p.Glossary.Len() == 0 {
		return nil
	}
	minConf := p.Float("min-confidence")
	ix := p.Index()
	doc := p.Doc
	// The candidates are compared in chunks, which Parallel may spread
	// over free cores; each goroutine keeps its own memo.
	cands := doc.Candidates()
	const chunk = 256
	workers := make([]*garbledWorker, p.Workers())
	defer func() {
		for _, wk := range workers {
			if wk != nil {
				wk.reset()
				garbledWorkers.Put(wk)
			}
		}
	}()
	found := make([][]garbledHit, (len(cands)+chunk-1)/chunk)
	var starts []int
	if knownByScan {
		starts = glossaryStarts(doc, ix)
	}
	p.Parallel(len(found), func(w, k int) {
		wk := workers[w]
		if wk == nil {
			wk = garbledWorkers.Get().(*garbledWorker)
			wk.ready(len(cands) / len(workers))
			workers[w] = wk
		}
		var hits []garbledHit
		cs := cands[k*chunk : min(len(cands), (k+1)*chunk)]
		scan := candScan{ix: ix, memo: &wk.memo, cm: &wk.cands, present: wk.present, s: doc.Masked, toks: doc.Tokens, minConf: minConf,
			sc: scanCursor{starts: starts, at: 0}} // at: the token of the last candidate's first word: the next one is near
		if starts != nil && len(cs) > 0 && len(cs[0].Words) > 0 {
			scan.sc.next = sort.SearchInts(starts, cs[0].Words[0].Start)
		}
		for i := range cs {
			hits = scan.add(hits, &cs[i])
		}
		found[k] = hits
	})
	var hits []garbledHit
	for _, f := range found {
		hits = append(hits, f...)
	}
	present := map[int]bool{}
	for _, wk := range workers {
		if wk != nil {
			for e := range wk.present {
				present[e] = true
			}
		}
	}
	// A spelling used three times or more, and only below error
	// confidence, is the document's established spelling of another name
	// ("Heimes" throughout is not a garbled "Hamas"); machine translation
	// garbles a name it does not know in varying ways.
	// A word or name the lexicon knows that recurs so is the document's
	// own name whatever its score ("Milton" throughout is not a garbled
	// "Melton"), and the other near spellings of that entry are more
	// likely typos of it than garbles of the term, unless the term itself
	// appears in the document.
	for i := range hits {
		hits[i].text = collapseSpaces(doc.Text[hits[i].span.Start:hits[i].span.End])
	}
	uses := map[string]int{}
	strong := map[string]bool{}
	for _, h := range hits {
		k := h.text
		uses[k]++
		if h.score >= errorConfidence && !h.known {
			strong[k] = true
		}
	}
	otherName := map[int]bool{}
	for _, h := range hits {
		if h.known && !present[h.fz.Entry] && uses[h.text] >= establishedUses {
			otherName[h.fz.Entry] = true
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if k := h.text; !otherName[h.fz.Entry] && (uses[k] < establishedUses || strong[k]) {
			kept = append(kept, h)
		}
	}
	hits = kept
	// A single word the document also writes in lower case is a word of
	// its own vocabulary capitalised at a sentence start or in a heading
	// ("Readlink" beside "readlink"), not a name. Only the words of the
	// hits that may count are sought (a pass over every token of the
	// document): a hit that gives no support to its entry (below), and
	// that the support of every hit would not get reported, is passed
	// over in the end whether it goes here or not.
	supported := map[int]bool{}
	for _, h := range hits {
		if h.supports() {
			supported[h.fz.Entry] = true
		}
	}
	var seek func(h *garbledHit) bool
	if seekMayCount {
		seek = func(h *garbledHit) bool { return !h.passedOver(supported, present) }
	}
	hits = dropLowerCaseWordsOf(hits, doc, seek)
	// Weak evidence needs support from the rest of the document. A surname
	// alone below error confidence is reported when the name is written
	// in full somewhere in the document, or garbled there with firmer
	// evidence; a word or name the lexicon knows (Buckley, Thomas) only
	// in the second case, or from error confidence when the name is
	// written in full.
	garbled := map[int]bool{}
	// firm holds, per entry, the spellings garbled with firm evidence on
	// their own: not a short word, a surname alone or a CamelCase brand.
	firm := map[int][]string{}
	for _, h := range hits {
		if h.supports() {
			garbled[h.fz.Entry] = true
			if h.firm() {
				if !slices.Contains(firm[h.fz.Entry], h.text) {
					firm[h.fz.Entry] = append(firm[h.fz.Entry], h.text)
				}
			}
		}
	}
	for _, h := range hits {
		if h.passedOver(garbled, present) {
			continue
		}
		e := ix.Entries[h.fz.Entry]
		// An error needs firm evidence of its own or the support of the
		// rest of the document: the term, or another firm garble of it.
		sev := checker.Warning
		if h.score >= errorConfidence && (h.firm() || present[h.fz.Entry] || len(firm[h.fz.Entry]) > 0) {
			sev = checker.Error
		}
		got := h.text
		why := describeMeasure(h.fz, e)
		if e.Note != "" {
			why = e.Note + "; " + why
		}
		p.Report(checker.Finding{
			Span:       h.span,
			Severity:   sev,
			Message:    fmt.Sprintf("%q looks like a garbled %q (%s)", got, h.fz.Suggestion, why),
			Suggestion: h.fz.Suggestion,
			Confidence: math.Round(h.score*100) / 100,
		})
	}
	return nil
}

func describeMeasure(fz glossary.Fuzzy, e glossary.Entry) string {
	switch fz.Match.Measure {
	case "token":
		return fmt.Sprintf("a word of %q", e.Term)
	case "skeleton":
		return "same consonants"
	case "words":
		return "word by word"
	case "spacing":
		return "spaces or hyphens differ"
	}
	return "similar spelling"
}

// A garbledWorker is what a goroutine of runGarbledName keeps while it
// looks at the candidates of a document: its memos and the entries found
// exactly.
type garbledWorker struct {
	memo    bestMemos
	cands   candMemo
	present map[int]bool // entries named exactly in the document
	// room holds the most keys memo.index and cands.index have held
	// since they were made: about the room they have.
	room [2]int
}

// garbledWorkers recycles the workers of the documents done with: their
// maps, which hold a text per candidate or so, are cleared for the next
// document rather than made anew (that was a sixth of the memory a run
// with a large glossary allocated).
var garbledWorkers = sync.Pool{New: func() any {
	return &garbledWorker{memo: bestMemos{index: map[string]int32{}}, cands: candMemo{index: map[string]int32{}}, present: map[int]bool{}}
}}

// ready readies wk, empty, for about n candidates: its maps are made
// anew, for about a text per candidate, so that they seldom grow, if
// they have room for less than half as many.
func (wk *garbledWorker) ready(n int) {
	if wk.room[0] < n/2 {
		wk.memo.index, wk.room[0] = make(map[string]int32, n), n
	}
	if wk.room[1] < n/4 {
		wk.cands.index, wk.room[1] = make(map[string]int32, n/2), n/2
	}
}

// reset empties wk for another document, once done with one: its maps'
// keys are texts of that document, whose memory is recycled too.
func (wk *garbledWorker) reset() {
	wk.memo.index = emptied(wk.memo.index, &wk.room[0])
	wk.cands.index = emptied(wk.cands.index, &wk.room[1])
	clear(wk.present)
	clear(wk.cands.hits) // they hold strings of the glossary: let them go
	wk.memo.list = wk.memo.list[:0]
	wk.cands.list, wk.cands.spans, wk.cands.hits = wk.cands.list[:0], wk.cands.spans[:0], wk.cands.hits[:0]
}

// emptied returns m empty: m cleared, or a new map when m holds less
// than a quarter of the keys it has held (*room), as clearing a map costs
// the room it has: a large document's maps are not cleared for each of
// many small ones after it.
func emptied(m map[string]int32, room *int) map[string]int32 {
	n := len(m)
	if *room = max(*room, n); n >= *room/4 {
		clear(m)
		return m
	}
	*room = n
	return make(map[string]int32, n)
}

// bestMemo remembers, per document, what a word range's text gave: the
// same names recur, and the fuzzy lookup is the costly part of the rule.
type bestMemo struct {
	worth, ok bool
	fz        glossary.Fuzzy
	numerals  bool // numeralsDiffer(text, fz's form)
	// For a single word: whether it is an adjective or a form derived
	// from fz's form, and whether the lexicon knows it (set once single).
	single          bool
	adjOrDerived    bool
	lexiconKnowsOne bool
}

// bestMemos holds the bestMemo of each word range's text: index gives its
// place in list, or noMatch for a text not worth comparing or without a
// match (most of them, which so take no room for a bestMemo), or
// notCapital.
type bestMemos struct {
	index map[string]int32
	list  []bestMemo
}

// Places in bestMemos.index of texts without a bestMemo.
const (
	noMatch    = -1 // not worth comparing, or no match
	notCapital = -2 // worth comparing, but no term in capitals found (the rest not sought)
	notCommon  = -3 // worth comparing, but no match from errorConfidence (the rest not sought)
)

// find looks up sub, the text of the word range words of s, worth
// comparing, and returns its place in m.index. A range in capitals is
// reported only as a garbled term in capitals, and a run of common words
// only from errorConfidence (see garbledInCandidate): those are sought
// so, which is quicker.
func (m *bestMemos) find(ix *glossary.Index, s string, words []text.Span, sub string, minConf float64, wf *wordFlags, i, j int) int32 {
	if findInFull {
		return m.lookUp(ix, sub, minConf)
	}
	if allCapitalWords(s, words[i:j]) {
		fz, ok := ix.BestCapitalsAbove(sub, minConf)
		return m.add(ix, sub, fz, ok, notCapital)
	}
	if j-i > 1 && minConf < errorConfidence && wf.allCommon(s, words, i, j) {
		fz, ok := ix.BestAbove(sub, errorConfidence)
		return m.add(ix, sub, fz, ok, notCommon)
	}
	return m.lookUp(ix, sub, minConf)
}

// findInFull makes find look every range up in full: for the tests that
// check the quicker lookups against it.
var findInFull = false

// lookUp returns the place of a text worth comparing in m.index: its
// bestMemo's in m.list, or noMatch.
func (m *bestMemos) lookUp(ix *glossary.Index, sub string, minConf float64) int32 {
	fz, ok := ix.BestAbove(sub, minConf)
	return m.add(ix, sub, fz, ok, noMatch)
}

// add returns the place in m.index of sub that found fz (if ok): its new
// bestMemo's, or none when not ok.
func (m *bestMemos) add(ix *glossary.Index, sub string, fz glossary.Fuzzy, ok bool, none int32) int32 {
	if !ok {
		return none
	}
	m.list = append(m.list, bestMemo{worth: true, ok: true, fz: fz, numerals: numeralsDiffer(sub, ix.Forms[fz.Form].Text)})
	return int32(len(m.list) - 1)
}

// maxNameWords bounds the word ranges of a candidate that are compared.
const maxNameWords = 5

// seekMayCount makes garbled-name seek in lower case only the words of
// the one-word hits that may count (see runGarbledName); cleared, all,
// for the test that checks it against that.
var seekMayCount = true

// knownByScan makes garbled-name ask MatchAt only about the words at which
// the pass of glossaryMatches found that a term or variant may start; the
// tests turn it off to check that against asking about every word.
var knownByScan = true

// A scanCursor follows the candidates of a document, in order, through
// its tokens and the offsets at which a term or variant may start.
type scanCursor struct {
	// starts are the offsets of glossaryStarts, or nil to ask MatchAt
	// about every word; starts[next] is the first at or after the
	// words still to come.
	starts []int
	next   int
	// at is the index of a token at or before the next candidate's
	// first word (the first word of the candidate before).
	at int
}

// mayStart reports whether a term or variant may start at off, the start
// of a word of a candidate, within its sentence: whether MatchAt at the
// token there may find one. The offsets asked about must not decrease.
func (sc *scanCursor) mayStart(s string, off int) bool {
	if sc.starts == nil {
		return true
	}
	for sc.next < len(sc.starts) && sc.starts[sc.next] < off {
		sc.next++
	}
	if sc.next < len(sc.starts) && sc.starts[sc.next] == off {
		return true
	}
	// The starts cover the word and number tokens; a token that starts
	// with an ASCII letter is a word, any other is asked about.
	c := s[off] | 0x20
	return c < 'a' || c > 'z'
}

// byCandidate makes garbled-name remember what each candidate's text
// gave (candMemo); the tests turn it off to check that against looking
// at every candidate.
var byCandidate = true

// A candMemo remembers, per document, the garbled names found in each
// candidate text at which no term or variant may start: the same names
// and capitalised words recur through a document (about two candidates in
// three repeat one seen before), and what garbledInCandidate finds in
// such a candidate depends only on its words' text. index gives a text's
// candResult in list.
type candMemo struct {
	index map[string]int32
	list  []candResult
	// spans holds the words of the candidates of more than one word,
	// from the start of the first: a text split into other words
	// ("Montoya-Galvez", "Montoya Galvez" are not) is looked at anew.
	spans []text.Span
	hits  []garbledHit // spans from the start of the first word
}

// A candResult is what a candidate text gave: its words (spans[words:
// words+n], for n > 1) and its hits (hits[hit:hit+nHits]).
type candResult struct {
	n, words, hit, nHits int32
}

// sameWords reports whether words, from base, are the words r remembers.
func (m *candMemo) sameWords(r *candResult, words []text.Span, base int) bool {
	if int(r.n) != len(words) {
		return false
	}
	if r.n == 1 {
		return true // the word is the whole text
	}
	for k, w := range m.spans[r.words : r.words+r.n] {
		if words[k].Start-base != w.Start || words[k].End-base != w.End {
			return false
		}
	}
	return true
}

// A candScan is what garbledInCandidate is asked with about the
// candidates of a chunk of a document, besides each candidate: its
// memos, the entries found exactly, the document's text and tokens, the
// least confidence and the cursor through the starts of terms.
type candScan struct {
	ix      *glossary.Index
	memo    *bestMemos
	cm      *candMemo
	present map[int]bool
	s       string
	toks    []text.Token
	minConf float64
	sc      scanCursor
}

// add is garbledInCandidate for c, which it asks only about the first
// candidate of each text at which no term or variant may start (and
// about those at which one may): the others get what it found then.
func (cs *candScan) add(dst []garbledHit, c *text.Candidate) []garbledHit {
	words := c.Words
	if !byCandidate || len(words) == 0 {
		return cs.full(dst, c)
	}
	// Asked as garbledInCandidate asks, in order: sc moves on so (and
	// only its next).
	s, sc := cs.s, &cs.sc
	next := sc.next
	for i := range words {
		if sc.mayStart(s, words[i].Start) {
			sc.next = next
			return cs.full(dst, c)
		}
	}
	cm := cs.cm
	base, end := words[0].Start, words[len(words)-1].End
	if len(words) == 1 && end-base < 4 {
		return dst // a word under four bytes is not compared
	}
	key := s[base:end]
	if k, ok := cm.index[key]; ok {
		if r := &cm.list[k]; cm.sameWords(r, words, base) {
			for k := r.hit; k < r.hit+r.nHits; k++ {
				dst = append(dst, cm.hits[k])
				h := &dst[len(dst)-1]
				h.span.Start += base
				h.span.End += base
			}
			return dst
		}
		// The same text in other words: not remembered.
		sc.next = next
		return cs.full(dst, c)
	}
	sc.next = next
	start := len(dst)
	dst = cs.full(dst, c)
	r := candResult{n: int32(len(words)), hit: int32(len(cm.hits)), nHits: int32(len(dst) - start)}
	if len(words) > 1 {
		r.words = int32(len(cm.spans))
		for _, w := range words {
			cm.spans = append(cm.spans, text.Span{Start: w.Start - base, End: w.End - base})
		}
	}
	for k := start; k < len(dst); k++ {
		cm.hits = append(cm.hits, dst[k])
		h := &cm.hits[len(cm.hits)-1]
		h.span.Start -= base
		h.span.End -= base
	}
	cm.index[key] = int32(len(cm.list))
	cm.list = append(cm.list, r)
	return dst
}

// full is garbledInCandidate for c.
func (cs *candScan) full(dst []garbledHit, c *text.Candidate) []garbledHit {
	return garbledInCandidate(dst, cs.ix, cs.memo, cs.present, cs.s, cs.toks, *c, cs.minConf, &cs.sc)
}

// garbledInCandidate appends the garbled names found in candidate c,
// non-overlapping, best first; sc follows the candidates.
func garbledInCandidate(dst []garbledHit, ix *glossary.Index, memo *bestMemos, present map[int]bool, s string, toks []text.Token, c text.Candidate, minConf float64, sc *scanCursor) []garbledHit {
	words := c.Words
	if len(words) == 0 {
		return dst
	}
	// Words covered by an exact term or variant are known, not garbled.
	known := make([]bool, len(words))
	lo := sc.at // the words' tokens are in order: each is sought from the last
	for i := range words {
		if !sc.mayStart(s, words[i].Start) {
			continue // MatchAt finds nothing that ends in the sentence, nor in c
		}
		k, ok := tokenAt(toks, lo, words[i].Start)
		lo = k
		sc.at = k
		if !ok {
			continue
		}
		forms, n, end := ix.MatchAt(s, toks, k)
		if n == 0 || end > c.End {
			continue
		}
		for j := i; j < len(words) && words[j].Start < end; j++ {
			known[j] = true
		}
		for _, f := range forms {
			present[ix.Forms[f].Entry] = true
		}
	}
	var found []garbledHit
	var wf wordFlags
	for i := range words {
		if known[i] || wf.connector(s, words, i) {
			continue
		}
		for j := i + 1; j <= len(words) && j-i <= maxNameWords; j++ {
			if known[j-1] {
				break
			}
			if wf.connector(s, words, j-1) {
				continue
			}
			if wf.partOfLongerName(s, words, i, j) {
				continue // "Brandl" in "Georg Brandl" is not a garbled "Blondel"
			}
			sub := s[words[i].Start:words[j-1].End]
			if j-i == 1 && len(sub) < 4 {
				continue // under four letters: not worth comparing (worthComparing), nor remembering
			}
			m, seen := memo.index[sub]
			switch {
			case !seen:
				m = noMatch
				if worthComparing(ix, s, words, i, j, &wf) {
					m = memo.find(ix, s, words, sub, minConf, &wf, i, j)
				}
				memo.index[sub] = m
			case m == notCapital && !allCapitalWords(s, words[i:j]),
				m == notCommon && !(j-i > 1 && wf.allCommon(s, words, i, j)):
				// The same text split into other words: look it up
				// for them.
				m = memo.find(ix, s, words, sub, minConf, &wf, i, j)
				memo.index[sub] = m
			}
			if m < 0 {
				continue
			}
			bm := &memo.list[m] // nothing is added to the list while bm is used
			fz := bm.fz
			if bm.numerals {
				continue // "Level III" is not a garbled "Level II"
			}
			score := fz.Match.Score
			e := ix.Entries[fz.Entry]
			switch fz.Match.Measure {
			case "exact":
				form := ix.Forms[fz.Form]
				if text.Compact(sub) != form.Compact || fz.Match.Start != 0 || fz.Match.End != len(form.Text) {
					continue // the same name without a connector: "Salvador"
				}
				// Same letters, other spaces or hyphens: "Agence France
				// Presse", "Son Heungmin".
				fz.Match.Measure = "spacing"
				score = spacingConfidence
			case "token":
				if e.Kind != glossary.Person {
					continue
				}
			}
			known := false
			if j-i == 1 {
				// A real name or word the lexicon knows is less likely
				// a garble than an unknown string (see runGarbledName);
				// an adjective ("Mexican") or a derived form
				// ("Salvadoran") of the term is not one at all.
				if !bm.single {
					info := lexicon.Lookup(lowerASCII(sub))
					bm.adjOrDerived = info.Tier > 0 && info.Tags&lexicon.Adj != 0 || isDerivedForm(sub, ix.Forms[fz.Form].Text)
					bm.lexiconKnowsOne = info.Tier > 0
					bm.single = true
				}
				if bm.adjOrDerived {
					continue
				}
				known = bm.lexiconKnowsOne
			}
			form := ix.Forms[fz.Form]
			if hasInitial(s, words[i:j]) && form.Tokens != j-i {
				continue // "Sir T" is not a garbled "Sirte", "S. Mill" not "Smila"
			}
			if allCapitalWords(s, words[i:j]) && !allCapitals(form.Text) {
				continue // "ERANGE", "PROGBITS": acronyms and constants, not names
			}
			plain := 1.0
			if fz.Match.Measure != "spacing" {
				if plain = plainSimilarity(sub, form.Text, fz.Match); plain < minPlainSimilarity {
					continue // "Rockefeller" is not a garbled "Luce Ferraro"
				}
			}
			if j-i > 1 && wf.allCommon(s, words, i, j) && (score < errorConfidence || plain < minCommonSimilarity) {
				continue // "Ho Chi Min City" yes, "White Horse" for "White House" no
			}
			if j-i > 1 && plain < minCommonSimilarity && allKnownWords(s, words[i:j]) && !sharesWord(sub, matchedPart(form.Text, fz.Match)) {
				continue // "East Indian" is not a garbled "Austin Dean"; "Angela Merkle" is one of "Angela Merkel"
			}
			if score < minConf {
				continue
			}
			found = append(found, garbledHit{lo: i, hi: j, span: checker.Span{Start: words[i].Start, End: words[j-1].End}, fz: fz, score: score, known: known, short: compactLen(sub) < minErrorLetters, camel: hasCamelCase(form.Text) && !hasCamelCase(sub)})
		}
	}
	// A range inside a longer one that matches the same entry gives way to
	// it: "Carmiro Monto Galves" is one garbled name, not three words.
	kept := found[:0]
	for _, h := range found {
		inside := false
		for _, o := range found {
			if o.fz.Entry == h.fz.Entry && o.lo <= h.lo && h.hi <= o.hi && o.hi-o.lo > h.hi-h.lo {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, h)
		}
	}
	found = kept
	// Best first; longer ranges win ties; then keep non-overlapping.
	slices.SortStableFunc(found, func(a, b garbledHit) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.hi-a.lo != b.hi-b.lo:
			return (b.hi - b.lo) - (a.hi - a.lo)
		}
		return a.lo - b.lo
	})
	start := len(dst)
	for _, h := range found {
		overlap := false
		for _, k := range dst[start:] {
			if h.lo < k.hi && k.lo < h.hi {
				overlap = true
				break
			}
		}
		if !overlap {
			dst = append(dst, h)
		}
	}
	slices.SortFunc(dst[start:], func(a, b garbledHit) int { return a.lo - b.lo })
	return dst
}

// tokenAt returns the index of the token of toks[lo:] that starts at
// off, or where it would be, and whether it is there. The words of a
// candidate are a few tokens apart at most, and candidates follow each
// other closely: the token is looked for near lo first, then in steps
// that double, and only then by halves between the last two steps.
func tokenAt(toks []text.Token, lo, off int) (int, bool) {
	const near = 8
	for k := lo; k < len(toks) && k < lo+near; k++ {
		if toks[k].Start >= off {
			return k, toks[k].Start == off
		}
	}
	if lo+near >= len(toks) {
		return len(toks), false
	}
	// toks[a].Start < off.
	a, step := lo+near-1, near
	for a+step < len(toks) && toks[a+step].Start < off {
		a += step
		step *= 2
	}
	// The first of toks[a+1:hi] that starts at off or later.
	b, hi := a+1, min(len(toks), a+step+1)
	for b < hi {
		m := int(uint(b+hi) >> 1)
		if toks[m].Start < off {
			b = m + 1
		} else {
			hi = m
		}
	}
	return b, b < len(toks) && toks[b].Start == off
}

// numeralsDiffer reports whether a and b hold different numbers or Roman
// numerals ("Level III", "Level II"; "G7", "G20"): such names differ by
// design, not by garbling.
func numeralsDiffer(a, b string) bool {
	na, nb := numerals(a), numerals(b)
	return (na != "" || nb != "") && na != nb
}

func numerals(s string) string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		if strings.Trim(w, "IVXLC") == "" || strings.ContainsAny(w, "0123456789") {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// derivedSuffixes make demonyms, adjectives and plurals of names.
var derivedSuffixes = []string{"an", "ian", "ean", "ese", "ish", "i", "ite", "ist", "ism", "s", "es", "n", "ns", "ans", "ians"}

// isDerivedForm reports whether word is name (or name less a final vowel)
// plus a derivational suffix: "Salvadoran", "Chiapans", "Bukelist".
func isDerivedForm(word, name string) bool {
	w, n := text.Compact(word), text.Compact(name)
	if len(w) <= len(n) {
		return false
	}
	stems := []string{n}
	if k := len(n); k > 3 && strings.ContainsRune("aeiouy", rune(n[k-1])) {
		stems = append(stems, n[:k-1])
	}
	for _, st := range stems {
		if rest, ok := strings.CutPrefix(w, st); ok && rest != "" && slices.Contains(derivedSuffixes, rest) {
			return true
		}
	}
	return false
}

func isConnectorWord(s string, w text.Span) bool {
	t := s[w.Start:w.End]
	return len(t) <= 5 && text.IsConnector(t)
}

// worthComparing filters word ranges, words[i:j] of a candidate whose
// flags are wf, that cannot be a garbled name: a run of words of a
// glossary term; a common English word, a short word or an acronym on its
// own.
func worthComparing(ix *glossary.Index, s string, all []text.Span, i, j int, wf *wordFlags) bool {
	words := all[i:j]
	// The tests are independent; the cheap ones go first.
	if len(words) == 1 {
		w := s[words[0].Start:words[0].End]
		if compactLen(w) < 4 || allCapitals(w) && len(w) <= 5 || wf.common(s, all, i) {
			return false
		}
	}
	for _, sp := range words {
		if w := s[sp.Start:sp.End]; !text.IsConnector(w) && looksLikeCode(w) {
			return false
		}
	}
	return !ix.IsTermPart(s[words[0].Start:words[len(words)-1].End])
}

// compactLen returns the number of runes of text.Compact(w), without
// building it when w is ASCII.
func compactLen(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return utf8.RuneCountInString(text.Compact(w))
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			n++
		}
	}
	return n
}

// lowerASCII returns strings.ToLower(w), without allocating for the
// lexicon, which folds case itself, when w is ASCII.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// hasCamelCase reports whether a word of s has a capital after a
// lower-case letter other than after the prefixes of names: a brand
// ("ReadyLinks") or an identifier ("ReadDir"). A plain word close to such
// a brand is as often an identifier of the text as a garble of it.
func hasCamelCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if innerCapital(w) {
			return true
		}
	}
	return false
}

// innerCapital reports whether w has a capital after a lower-case letter,
// other than after the prefixes of names ("McDonald", "LaGuardia").
func innerCapital(w string) bool {
	prevLower := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return innerCapitalRunes(w)
		}
		if 'A' <= c && c <= 'Z' && prevLower && !namePrefixes[w[:i]] {
			return true
		}
		prevLower = 'a' <= c && c <= 'z'
	}
	return false
}

// innerCapitalRunes is innerCapital for any w.
func innerCapitalRunes(w string) bool {
	prevLower := false
	for i, r := range w {
		if unicode.IsUpper(r) && prevLower && !namePrefixes[w[:i]] {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// looksLikeCode reports whether w is an identifier rather than a name: it
// starts lower-case ("macOS", "dirFS"), holds a digit or an underscore,
// has a capital after a lower-case letter ("ReadDir", "PyType"), except
// after the prefixes of names ("McDonald", "MacArthur", "DeSantis",
// "LaGuardia", "VanDyke", "O'Brien"), or starts with two capitals and
// goes on in lower case ("ORing", "URLs", "IDs").
func looksLikeCode(w string) bool {
	// Most words asked about are a capital and lower-case letters, as
	// names are written: none of the tests below holds for them.
	if len(w) > 0 && w[0]-'A' < 26 {
		i := 1
		for i < len(w) && w[i]-'a' < 26 {
			i++
		}
		if i == len(w) {
			return false
		}
	}
	// ASCII, in one pass: the tests of looksLikeCodeRunes at each byte.
	prevLower := false
	upper := 0 // leading capitals
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return looksLikeCodeRunes(w)
		}
		isUpper, isLower := 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z'
		if isUpper && prevLower && !namePrefixes[w[:i]] {
			return true // innerCapital
		}
		if i == 0 && isLower || c == '_' || '0' <= c && c <= '9' || isLower && upper >= 2 && upper == i {
			return true
		}
		if isUpper && upper == i {
			upper++
		}
		prevLower = isLower
	}
	return false
}

// looksLikeCodeRunes is looksLikeCode for any w.
func looksLikeCodeRunes(w string) bool {
	if innerCapital(w) {
		return true
	}
	upper := 0 // leading capitals
	for i, r := range w {
		if i == 0 && unicode.IsLower(r) || r == '_' || unicode.IsDigit(r) {
			return true
		}
		if unicode.IsLower(r) && upper >= 2 && upper == i {
			return true
		}
		if unicode.IsUpper(r) && upper == i {
			upper++
		}
	}
	return false
}

var namePrefixes = map[string]bool{"Mc": true, "Mac": true, "De": true, "Di": true, "Da": true, "Du": true, "Le": true, "La": true, "Van": true, "Von": true, "Fitz": true}

// hasInitial reports whether a word of the range is a single letter: an
// initial ("S. Mill") or a stray letter ("Sir T").
func hasInitial(s string, words []text.Span) bool {
	for _, sp := range words {
		if compactLen(s[sp.Start:sp.End]) == 1 {
			return true
		}
	}
	return false
}

// allCapitalWords reports whether every word of the range other than
// connectors is written in capitals.
func allCapitalWords(s string, words []text.Span) bool {
	for _, sp := range words {
		if w := s[sp.Start:sp.End]; !text.IsConnector(w) && !allCapitals(w) {
			return false
		}
	}
	return true
}

// dropLowerCaseWords removes the one-word hits whose text the document
// also writes in lower case.
func dropLowerCaseWords(hits []garbledHit, doc *checker.Document) []garbledHit {
	return dropLowerCaseWordsOf(hits, doc, nil)
}

// dropLowerCaseWordsOf is dropLowerCaseWords for the hits that seek
// reports true of, or all when seek is nil: the others are kept.
func dropLowerCaseWordsOf(hits []garbledHit, doc *checker.Document, seek func(*garbledHit) bool) []garbledHit {
	var ls lowerSought
	index := map[string]int{} // of the lower-case form of a hit in ls.words
	for i := range hits {
		h := &hits[i]
		if h.hi-h.lo != 1 || seek != nil && !seek(h) {
			continue
		}
		w := strings.ToLower(h.text)
		if _, ok := index[w]; !ok && w != "" {
			index[w] = len(ls.words)
			ls.words = append(ls.words, w)
		}
	}
	if len(ls.words) == 0 {
		return hits
	}
	ls.prepare()
	// One pass over the tokens answers for all: a word token equal to a
	// lower-case form.
	m := doc.Masked
	toks := doc.Tokens
	for i := ls.next(m, toks, 0); i < len(toks); i = ls.next(m, toks, i+1) {
		if t := &toks[i]; t.Kind == text.Word && ls.see(m[t.Start:t.End]) {
			break // every word sought is found: the rest of the tokens cannot change a thing
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if h.hi-h.lo != 1 || seek != nil && !seek(&h) {
			kept = append(kept, h)
			continue
		}
		if k, ok := index[strings.ToLower(h.text)]; !ok || !ls.found[k] {
			kept = append(kept, h)
		}
	}
	return kept
}

// A lowerSought is the set of lower-case words dropLowerCaseWords seeks
// among the word tokens of a document (none empty), and which of them it
// has found.
type lowerSought struct {
	words []string
	found []bool
	todo  int // the words not found yet
	// filter has a bit per length (mod 64) and first byte of the words
	// sought, so that most tokens are passed over without a look at the
	// words: filter[c] has bit n&63 for a word of n bytes that starts
	// with c, when a word of the same first byte and length (mod 64) that
	// starts in lower case is sought (only those can be written so; a
	// word of the same byte and length that does not, one of another
	// script, is then taken too). Once all the words of a byte and
	// length are found, the bit goes: the tokens that repeat them are
	// passed over.
	filter [256]uint64
	lower  [256]uint64 // filter as first set, from the words that start in lower case
	// last has bit n&63 of last[c] for every word of n bytes that ends
	// with c: of the tokens that filter lets through, most end
	// otherwise.
	last [256]uint64
	// byFirst holds the indexes of the words by first byte: those of
	// the words that start with c are byFirst[at[c]:at[c+1]]; byKey
	// holds them by first byte and length, those of lenKey(c, n) at
	// byKey[atKey[key]:atKey[key+1]].
	byFirst, byKey []int32
	at, atKey      [257]int32
}

// lenKey returns the key in lowerSought.byKey of a word of n bytes that
// starts with c.
func lenKey(c byte, n int) int { return int(c+byte(n)*37) & 255 }

// prepare fills the filters and the index by first byte of ls.words.
func (ls *lowerSought) prepare() {
	ls.found = make([]bool, len(ls.words))
	ls.todo = len(ls.words)
	for _, w := range ls.words {
		ls.at[int(w[0])+1]++
		ls.atKey[lenKey(w[0], len(w))+1]++
		ls.last[w[len(w)-1]] |= 1 << (len(w) & 63)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			ls.lower[w[0]] |= 1 << (len(w) & 63)
		}
	}
	ls.filter = ls.lower
	for c := 1; c <= 256; c++ {
		ls.at[c] += ls.at[c-1]
		ls.atKey[c] += ls.atKey[c-1]
	}
	ls.byFirst = make([]int32, len(ls.words))
	ls.byKey = make([]int32, len(ls.words))
	next, nextKey := ls.at, ls.atKey
	for k, w := range ls.words {
		ls.byFirst[next[w[0]]] = int32(k)
		next[w[0]]++
		key := lenKey(w[0], len(w))
		ls.byKey[nextKey[key]] = int32(k)
		nextKey[key]++
	}
}

// next returns the index of the first token of toks[i:] (over m) whose
// first byte and length filter lets through and whose last byte and
// length last lets through, or len(toks). Nearly every token is passed
// over, on its first byte and length: the loop tests them first, as a
// test of the kind, word or not in no foreseeable order, is mispredicted
// often (the pass took twice as long so), and walks the tokens by a
// pointer, never past the last (an index takes a multiplication and two
// additions a token).
//
//go:noinline
func (ls *lowerSought) next(m string, toks []text.Token, i int) int {
	if i >= len(toks) {
		return len(toks)
	}
	const size = unsafe.Sizeof(text.Token{})
	tp, lastp := unsafe.Pointer(&toks[i]), unsafe.Pointer(&toks[len(toks)-1])
	filter, last := &ls.filter, &ls.last
	for {
		t := (*text.Token)(tp)
		n := uint(t.End-t.Start) & 63
		if filter[m[t.Start]]&(1<<n) != 0 && last[m[t.End-1]]&(1<<n) != 0 {
			return int((uintptr(tp) - uintptr(unsafe.Pointer(&toks[0]))) / size)
		}
		if tp == lastp {
			return len(toks)
		}
		tp = unsafe.Add(tp, size)
	}
}

// see marks the word tok, a token of the document, found if it is one of
// the words sought, and reports whether all are found.
func (ls *lowerSought) see(tok string) bool {
	c, n := tok[0], len(tok)
	key := lenKey(c, n)
	for _, k := range ls.byKey[ls.atKey[key]:ls.atKey[key+1]] {
		// Most of the words of its first byte and length differ
		// in the last: that is looked at first.
		if w := ls.words[k]; len(w) != n || w[0] != c || w[n-1] != tok[n-1] || w != tok {
			continue
		}
		if !ls.found[k] {
			ls.found[k] = true
			ls.todo--
			// The words of its first byte and length not found yet,
			// if any, keep the bit.
			var left uint64
			for _, k := range ls.byFirst[ls.at[c]:ls.at[int(c)+1]] {
				if !ls.found[k] {
					left |= 1 << (len(ls.words[k]) & 63)
				}
			}
			ls.filter[c] = ls.lower[c] & left
		}
		break
	}
	return ls.todo == 0
}

// allKnownWords reports whether the lexicon knows every word of the range
// that is not a connector.
func allKnownWords(s string, words []text.Span) bool {
	for _, sp := range words {
		if w := s[sp.Start:sp.End]; !text.IsConnector(w) && !lexicon.Lookup(lowerASCII(w)).Known() {
			return false
		}
	}
	return true
}

// sharesWord reports whether a and b have a word in common, folded.
func sharesWord(a, b string) bool {
	split := func(r rune) bool { return r == ' ' || r == '-' }
	wbs := strings.FieldsFunc(b, split)
	for _, wa := range strings.FieldsFunc(a, split) {
		for _, wb := range wbs {
			if text.Fold(wa) == text.Fold(wb) {
				return true
			}
		}
	}
	return false
}
