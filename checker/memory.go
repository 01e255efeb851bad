package checker

import (
	"sync"

	"github.com/mtlint/mtlint/checker/text"
)

// A Document's large slices (its tokens, sentences and name candidates:
// several times the size of its text) are recycled: a run releases a
// Document once every rule is done with it, and the next Document built
// takes the slices over instead of allocating and zeroing its own. That
// saves most of the memory a run allocates, and the collector's work.
//
// A released Document must not be used again, and nothing made from it
// may keep a slice of it: findings are detached (Finding.detach) and
// run-level summaries copy what they keep.

// docMemory holds the recycled slices of one Document, their length
// cut to 0.
type docMemory struct {
	tokens    []Token
	sentences []Sentence
	cands     []text.Candidate
	words     []text.Span
}

// docMemories holds the docMemory of the Documents released. A pool
// hands each out to one Document at a time, and lets the collector take
// them back when they are not used.
var docMemories sync.Pool

// recycle says released Documents' memory is recycled (tests turn it off).
var recycle = true

// poisonReleased, set by tests, overwrites what a released Document held,
// so that a result still reading it shows.
var poisonReleased bool

func getDocMemory() *docMemory {
	if !recycle {
		return nil
	}
	if m, ok := docMemories.Get().(*docMemory); ok {
		return m
	}
	return new(docMemory)
}

// reuse returns s emptied when it has room for n elements, else a new
// slice of capacity n.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// release hands d's large slices over to the next Document built. d must
// not be used again: its slices are cleared, so that a use fails rather
// than reading another Document's.
func (d *Document) release() {
	m := d.mem
	if m == nil {
		return // not made by NewDocument, or not recycled
	}
	d.mem = nil
	// The largest of each: the slices that grew replaced the ones taken.
	m.tokens = keepLarger(m.tokens, d.Tokens)
	m.sentences = keepLarger(m.sentences, d.Sentences)
	if poisonReleased {
		poison(m.tokens, Token{Span: Span{Start: -7, End: 1 << 40}, Kind: 99})
		poison(m.sentences, Sentence{Span: Span{Start: -7, End: 1 << 40}, Block: -1, First: -1, Last: 1 << 40})
		poison(m.cands, text.Candidate{Span: Span{Start: -7, End: 1 << 40}})
		poison(m.words, Span{Start: -7, End: 1 << 40})
	}
	d.Tokens, d.Sentences, d.cands.list = nil, nil, nil
	docMemories.Put(m)
}

// keepLarger returns the one of a and b with the larger capacity, emptied.
func keepLarger[T any](a, b []T) []T {
	if cap(b) > cap(a) {
		a = b
	}
	return a[:0]
}

// poison fills s up to its capacity with v.
func poison[T any](s []T, v T) {
	s = s[:cap(s)]
	for i := range s {
		s[i] = v
	}
}
