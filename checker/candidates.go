package checker

import (
	"math"
	"sync"

	"github.com/mtlint/mtlint/checker/text"
)

// candidateCache holds a Document's name candidates, computed on first use.
type candidateCache struct {
	once sync.Once
	list []text.Candidate
}

// Candidates returns the name candidates of every sentence of d, in order
// (see text.Candidates), found in Masked. A candidate never spans masked
// text between its words ("Nayib <b>Bukele</b>" gives two), so a fix that
// replaces it cannot destroy markup or placeholders. They are computed
// once, on the first call, and shared: callers must not modify the slice
// or the Words of its candidates. Safe for concurrent use.
//
// When the Document built before in d's Buffers was asked for its
// candidates, this one's were found as NewDocument read its blocks
// (blockCandidates): the call only returns them.
func (d *Document) Candidates() []text.Candidate {
	d.cands.once.Do(func() {
		masked := d.Masked != d.Text
		// Prose has about one candidate per 20 tokens (terse text such
		// as a dictionary one per 15) and one candidate word per 10:
		// sized so, the lists rarely grow.
		nt := len(d.Tokens)
		b := d.mem
		if b == nil {
			b = new(Buffers) // released: the slices are gone
		}
		b.wantCands = true // the next Document in b finds them as it is read
		// One arena for the Words of all candidates.
		var f text.CandidateFinder
		sents := d.Sentences
		if d.capitals != nil {
			// The finder goes from capital to capital, reading only
			// the sentences that hold one.
			f = text.NewCandidateFinderCaps(d.Masked, reuse(b.cands, nt/12+4), reuse(b.words, nt/8+8), d.capitals)
			text.SentencesAt(&f, d.Tokens, sents, d.maskSplitter(&f))
		} else {
			f = text.NewCandidateFinder(d.Masked, reuse(b.cands, nt/12+4), reuse(b.words, nt/8+8))
			for k := range sents {
				s := &sents[k]
				n := len(f.List)
				f.Multi = false
				f.Sentence(d.Tokens[s.First:s.Last])
				if masked && f.Multi && d.masksBetweenWords(f.List[n:]) {
					f.List = d.splitAtMasks(f.List, n)
				}
			}
		}
		d.cands.list = f.List
		b.cands, b.words = f.List, f.Words
	})
	return d.cands.list
}

// blockCandidates finds the name candidates of a Document as NewDocument
// tokenizes it, a few blocks at a time, while their tokens are still in
// the processor's caches: found later, from the list of capitals, each
// sentence holding one cost a cache miss or two for its tokens (the
// tokens of a text take five times its bytes). It is used when the
// Buffers' last Document was asked for its candidates (a run whose rules
// ask for them asks for those of every file), so that a run that needs
// none pays nothing. The candidates are those Candidates would find: the
// finder reads the sentences of the blocks with SentencesAt, going on
// along the list of capitals from where it left it.
type blockCandidates struct {
	f     text.CandidateFinder
	split func(int)
	next  int // read the sentences once there are this many tokens
	sents int // sentences read so far
	ncaps int // capitals read so far
}

// candidateBatch is how many tokens blockCandidates leaves to be read
// together: few enough to stay in the processor's first caches, enough
// that a call costs little beside the work (blocks are a sentence or two).
const candidateBatch = 1024

// startCandidates returns a finder of d's candidates as it is tokenized,
// its lists in b's memory.
func (d *Document) startCandidates(b *Buffers) *blockCandidates {
	// Sized as in Candidates, for a token per five bytes.
	n := len(d.Masked)
	bc := &blockCandidates{next: candidateBatch}
	bc.f = text.NewCandidateFinderCaps(d.Masked, reuse(b.cands, n/60+4), reuse(b.words, n/40+8), nil)
	bc.split = d.maskSplitter(&bc.f)
	return bc
}

// read finds the candidates of the sentences d.Sentences[bc.sents:], caps
// being the list of capitals of d's tokens so far.
func (bc *blockCandidates) read(d *Document, caps []int) {
	if len(caps) > bc.ncaps { // else no capital, no candidate
		bc.ncaps = len(caps)
		// The list's end after it, in the tokenizer's memory when it
		// has room (the tokenizer writes over it).
		bc.f.SetCapitals(append(caps, math.MaxInt))
		text.SentencesAt(&bc.f, d.Tokens, d.Sentences[bc.sents:], bc.split)
	}
	bc.sents = len(d.Sentences)
	bc.next = len(d.Tokens) + candidateBatch
}

// finish finds the candidates of the sentences left and gives d all.
func (bc *blockCandidates) finish(d *Document) {
	bc.read(d, d.capitals[:len(d.capitals)-1])
	list := bc.f.List
	d.cands.once.Do(func() { d.cands.list = list })
	d.mem.cands, d.mem.words = bc.f.List, bc.f.Words
}

// maskSplitter returns what SentencesAt calls after each sentence read by
// f: it splits the sentence's candidates where masked text lies between
// their words. It is nil when d has no masked text.
func (d *Document) maskSplitter(f *text.CandidateFinder) func(from int) {
	if d.Masked == d.Text {
		return nil
	}
	return func(n int) {
		if d.masksBetweenWords(f.List[n:]) {
			f.List = d.splitAtMasks(f.List, n)
		}
	}
}

// splitAtMasks splits the candidates list[from:] where masked text lies
// between two of their words, dropping connectors left at the edges of a
// piece ("de la").
func (d *Document) splitAtMasks(list []text.Candidate, from int) []text.Candidate {
	cut := func(a, b text.Span) bool { return d.Text[a.End:b.Start] != d.Masked[a.End:b.Start] }
	tail := append([]text.Candidate(nil), list[from:]...)
	list = list[:from]
	for _, c := range tail {
		a := 0
		for k := 1; k <= len(c.Words); k++ {
			if k < len(c.Words) && !cut(c.Words[k-1], c.Words[k]) {
				continue
			}
			ws := c.Words[a:k:k]
			first := a == 0
			a = k
			for len(ws) > 0 && d.isConnectorAt(ws[0]) {
				ws, first = ws[1:], false
			}
			for len(ws) > 0 && d.isConnectorAt(ws[len(ws)-1]) {
				ws = ws[:len(ws)-1]
			}
			if len(ws) == 0 {
				continue
			}
			p := text.Candidate{Span: text.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}, Words: ws, Initial: c.Initial && first}
			if first {
				p.Start = c.Start
			}
			if ws[len(ws)-1] == c.Words[len(c.Words)-1] {
				p.End = c.End // keep the final dot of "U.S."
			}
			list = append(list, p)
		}
	}
	return list
}

// masksBetweenWords reports whether masked text lies between two words of
// one of the candidates cands (splitAtMasks).
func (d *Document) masksBetweenWords(cands []text.Candidate) bool {
	for i := range cands {
		ws := cands[i].Words // not the candidate copied: most have one word
		for k := 1; k < len(ws); k++ {
			a, b := ws[k-1].End, ws[k].Start
			if b-a == 1 {
				// One byte, most often a space: compared in place.
				if d.Text[a] != d.Masked[a] {
					return true
				}
			} else if d.Text[a:b] != d.Masked[a:b] {
				return true
			}
		}
	}
	return false
}

// isConnectorAt reports whether the word at w is a lower-case connector.
func (d *Document) isConnectorAt(w text.Span) bool {
	s := d.Masked[w.Start:w.End]
	return !text.IsCapitalized(s) && text.IsConnector(s)
}
