package checker

import (
	"sync"

	"github.com/mtlint/mtlint/checker/text"
)

// A Document's large slices (its masked text, tokens, sentences, name
// candidates and line starts: several times the size of its text) and the
// bytes of its file are recycled while a run goes on: the run releases a
// Document once every rule is done with it, and the next Document built
// takes the memory over instead of allocating and zeroing its own. That
// saves most of the memory a run allocates, and the collector's work.
// When no run is going on any more, the memory kept is let go.
//
// A released Document must not be used again, and nothing made from it
// may keep a part of it: findings are detached (Finding.detach) and
// run-level summaries copy what they keep.

// Buffers holds the slices of a released Document, to build another in:
// a reader takes them with TakeBuffers, builds its parts of the Document
// in the exported slices (each may be reused from its length 0 up to its
// capacity, or replaced by a larger one), stores back the slices it used,
// and passes them to Buffers.NewDocument. From then on the Document owns
// them, until the run releases it.
type Buffers struct {
	Masked []byte  // the masked text
	Lines  []int   // line starts
	Blocks []Block // blocks
	// Scratch is the reader's own: memory it needs only while it
	// reads, kept here for the next Document.
	Scratch any

	tokens    []Token
	capitals  []int
	sentences []Sentence
	cands     []text.Candidate
	words     []text.Span
	// wantCands is set when a Document built in these Buffers was
	// asked for its name candidates: the next finds them as it is
	// read (blockCandidates).
	wantCands bool
}

// recycled holds the memory of the Documents and files released, while
// runs are going on. Each worker of a run takes one Buffers and one read
// buffer at a time, so the lists stay short; they are lists rather than a
// sync.Pool, whose items a goroutine moving from one processor to another
// often misses.
var recycled struct {
	sync.Mutex
	runs     int // Run.Check calls going on
	buffers  []*Buffers
	reads    [][]byte
	findings [][]Finding
	slots    [][]ruleRun
}

// maxRecycled bounds the lists of recycled memory.
const maxRecycled = 64

// recycle says released Documents' memory is recycled (tests turn it off).
var recycle = true

// poisonReleased, set by tests, overwrites what a released Document held,
// so that a result still reading it shows.
var poisonReleased bool

// startRecycling is called as a run starts, and returns the function to
// call when it ends.
func startRecycling() (stop func()) {
	recycled.Lock()
	recycled.runs++
	recycled.Unlock()
	return func() {
		recycled.Lock()
		defer recycled.Unlock()
		if recycled.runs--; recycled.runs == 0 {
			clear(recycled.buffers)
			clear(recycled.reads)
			clear(recycled.findings)
			clear(recycled.slots)
			recycled.buffers, recycled.reads = recycled.buffers[:0], recycled.reads[:0]
			recycled.findings, recycled.slots = recycled.findings[:0], recycled.slots[:0]
		}
	}
}

// TakeBuffers returns the slices of a Document released, or empty
// Buffers. The caller owns them.
func TakeBuffers() *Buffers {
	if b := pop(&recycled.buffers); b != nil {
		return b
	}
	return new(Buffers)
}

// pop takes the last item of one of recycled's lists, or returns the zero
// value when it is empty.
func pop[T any](list *[]T) T {
	recycled.Lock()
	defer recycled.Unlock()
	var zero T
	n := len(*list)
	if n == 0 {
		return zero
	}
	x := (*list)[n-1]
	(*list)[n-1] = zero
	*list = (*list)[:n-1]
	return x
}

// push keeps x at the end of one of recycled's lists, while a run goes
// on and the list is not full.
func push[T any](list *[]T, x T) {
	recycled.Lock()
	defer recycled.Unlock()
	if recycled.runs > 0 && len(*list) < maxRecycled {
		*list = append(*list, x)
	}
}

// putBuffers keeps b for the next Document, while a run goes on.
func putBuffers(b *Buffers) {
	if recycle {
		push(&recycled.buffers, b)
	}
}

// takeReadBuffer returns the memory of a file done with, or nil.
func takeReadBuffer() []byte { return pop(&recycled.reads) }

// releaseReadBuffer hands the memory of a file done with (its Document
// released) over to the next file read.
func releaseReadBuffer(b []byte) {
	if !recycle || cap(b) == 0 {
		return
	}
	if poisonReleased {
		poison(b, '%')
	}
	push(&recycled.reads, b[:0])
}

// takeFindings returns the memory of a rule's findings on a Document
// done with, or nil: a rule's findings grow a list per Document, which
// would otherwise be garbage once they are copied out.
func takeFindings() []Finding { return pop(&recycled.findings) }

// releaseFindings hands fs's memory over to the next rule's findings;
// fs must not be used again.
func releaseFindings(fs []Finding) {
	if !recycle || cap(fs) == 0 {
		return
	}
	clear(fs) // the findings' strings may go
	push(&recycled.findings, fs[:0])
}

// takeSlots returns n empty rule slots for a Document: those of a
// Document done with, or new ones.
func takeSlots(n int) []ruleRun {
	if s := pop(&recycled.slots); cap(s) >= n {
		return s[:n]
	}
	return make([]ruleRun, n)
}

// releaseSlots hands a Document's rule slots over to the next Document,
// emptied (their findings lists are released on their own).
func releaseSlots(s []ruleRun) {
	if !recycle {
		return
	}
	clear(s)
	push(&recycled.slots, s)
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
	b := d.mem
	if b == nil || !recycle {
		return // not made by NewDocument, or not recycled
	}
	d.mem = nil
	// The largest of each: the slices that grew replaced the ones taken.
	// The reader's slices are those it stored in b, not d's, which may
	// be the reader's caller's.
	b.tokens = keepLarger(b.tokens, d.Tokens)
	b.capitals = keepLarger(b.capitals, d.capitals)
	b.sentences = keepLarger(b.sentences, d.Sentences)
	b.Masked, b.Lines, b.Blocks = b.Masked[:0], b.Lines[:0], b.Blocks[:0]
	if poisonReleased {
		bad := Span{Start: -7, End: 1 << 40}
		poison(b.Masked, '#')
		poison(b.Lines, -3)
		poison(b.Blocks, Block{Span: bad, Kind: 99})
		poison(b.tokens, Token{Span: bad, Kind: 99})
		poison(b.capitals, -5)
		poison(b.sentences, Sentence{Span: bad, Block: -1, First: -1, Last: 1 << 40})
		poison(b.cands, text.Candidate{Span: bad})
		poison(b.words, bad)
	}
	d.Tokens, d.Sentences, d.Blocks, d.lines, d.cands.list, d.capitals = nil, nil, nil, nil, nil, nil
	d.Masked = ""
	putBuffers(b)
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
