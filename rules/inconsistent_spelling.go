package rules

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
	"weak"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/parallel"
	"github.com/mtlint/mtlint/checker/text"
)

// InconsistentSpelling finds one name or term written several ways in a
// document or across the files of a run: garbled transliterations of one
// name ("Buckley", "Bakle", "Naibbuckley"), an acronym with and without
// periods ("US", "U.S."), a compound hyphenated and closed ("e-mail",
// "email"), a name in two casings. No glossary is needed; when one spelling
// is a glossary term it is the one suggested.
var InconsistentSpelling = &checker.Rule{
	ID:       "inconsistent-spelling",
	Family:   "consistency",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "one name or term spelled several ways",
		Text: `Machine translation transliterates a name afresh in every sentence, so one
story may write "Buckley", "Bakle" and "Naibbuckley" for one president, or
"Tren De Aragua" and "Terren De Alagua" for one gang. The rule groups the
spellings of names (capitalised runs), acronyms with and without periods and
hyphenated, closed or spaced compounds, then reports every occurrence of a
spelling that is not the preferred one: the glossary's term when one matches,
else the most frequent (ties go to a name the lexicon knows, then to the
first seen). A surname beside the full name ("Bukele", "Nayib Bukele") is
consistent, and different real names that look alike ("Austria",
"Australia") are not grouped. Names and acronyms are grouped across all the
files of a run (option cross-file), compounds within each file. Options:
min-similarity, cross-file, british-american (also group British and
American spellings of a word, "colour" and "color"; off by default).`,
		Bad:  "Trump spoke with Buckley on Thursday. Bakle said the talks went well.",
		Good: "Trump spoke with Bukele on Thursday. Bukele said the talks went well.",
	},
	Options: []checker.Option{
		{Name: "min-similarity", Kind: checker.FloatOption, Default: "0.7", Usage: "how alike two names must be (0..1) to be taken for one", Min: 0, Max: 1},
		{Name: "cross-file", Kind: checker.BoolOption, Default: "true", Usage: "group spellings across all files of the run, not each file alone"},
		{Name: "british-american", Kind: checker.BoolOption, Default: "false", Usage: "also report words written in both British and American spelling (colour, color)"},
	},
	Collect: collectSpellings,
	Merge:   mergeSpellings,
	Finish:  finishSpellings,
}

// maxSpellingLocs bounds the occurrences kept per spelling and file.
const maxSpellingLocs = 100

type spellingCollector struct {
	doc  *checker.Document
	file string
	// index finds the items of each kind by their spellings.
	index [cluster.Regional + 1]spellIndex
	items []spellItem
	texts []string    // the items' texts (parts of the document's text, or made)
	raws  []string    // the occurrences kept written otherwise than their spelling
	words []spellWord // scratch: the words of the candidate in hand
	// The occurrences kept, in the order found, in chunks of 1<<occShift,
	// the full ones and the one filling: sorted by item and encoded when
	// done.
	occs     [][]spellOcc
	occ      []spellOcc
	occShift uint
	// The plans, and the spans of their words, acronyms and parts,
	// which they locate by index: no pointers for the garbage
	// collector to follow.
	plans  []spellPlan
	wspans []int32
	pspans []spellPlanSpan
	// One cursor per kind: each kind's occurrences come in text order
	// (names and acronyms share one, at the candidates' starts).
	cursors [cluster.Regional + 1]spellCursor
	// spare, if not nil, holds arrays of an earlier document to use
	// again (see spellArrays).
	spare *spellArrays
}

// spellArrays holds the arrays of a collector, which are garbage once its
// summary is made, from one document to the next: made anew they were
// about half of what the rule allocated, and so of the garbage
// collections it cost a run.
type spellArrays struct {
	plans  []spellPlan
	wspans []int32
	pspans []spellPlanSpan
	items  []spellItem
	texts  []string
	// The chunks of occurrences, the first used of them taken in
	// turn (a chunk of another size is replaced).
	chunks [][]spellOcc
	used   int
	order  []int32 // for finish
	at     []int32
	quick  []spellQuick // collectNames's
	// The slots of the tables of plans outside and inside headings,
	// and of the index of each kind.
	tables [2][]spellSlot
	index  [cluster.Regional + 1][]spellSlot
}

var spellArraysPool = sync.Pool{New: func() any { return new(spellArrays) }}

// release puts the collector's arrays in its spare ones, for the next
// document, once its summary is made; it forgets them and the texts of
// the document they held.
func (c *spellingCollector) release() {
	a := c.spare
	if a == nil {
		return
	}
	clear(c.texts)
	a.plans, a.wspans, a.pspans = c.plans[:0], c.wspans[:0], c.pspans[:0]
	a.items, a.texts = c.items[:0], c.texts[:0]
	a.used = 0
	for k := range c.index {
		a.index[k] = c.index[k].slots
		c.index[k].slots = nil
	}
	c.plans, c.wspans, c.pspans, c.items, c.texts = nil, nil, nil, nil, nil
	c.occs, c.occ, c.spare = nil, nil, nil
}

func (c *spellingCollector) add(kind cluster.Kind, spelling string, s checker.Span, mid bool) {
	c.addFrom(c.item(kind, spelling), s, mid, nil, nil)
}

// item returns the index of the item of a spelling, added if new.
func (c *spellingCollector) item(kind cluster.Kind, spelling string) int {
	x := &c.index[kind]
	h := spellHash(spelling, 0, len(spelling))
	if i := x.find(h, spelling, c.texts); i >= 0 {
		return int(i)
	}
	// Not copied: the summary copies the texts when done.
	i := int32(len(c.items))
	x.add(h, i)
	c.items = append(c.items, spellItem{size: uint32(len(spelling)), kind: kind})
	c.texts = append(c.texts, spelling)
	return int(i)
}

// A spellTable finds things by the spellHash of their texts: a table with
// open addressing, quicker for short keys than a map of strings. Its
// users compare the texts of the slots of equal hash.
type spellTable struct {
	slots []spellSlot // a power of two, at most half full
	n     int
}

// A spellSlot holds the low 32 bits of the hash, which place it in
// tables of up to 2^32 slots and tell most other texts apart, in eight
// bytes: half the memory and cache lines of the whole hash.
type spellSlot struct {
	h uint32 // the low bits of the hash of the text
	i int32  // 1 + the index of what it finds, 0 for none
}

// init makes room for about n texts.
func (t *spellTable) init(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.slots = make([]spellSlot, size)
}

// initFrom is init(n) with the slots of spare, cleared, when they are
// enough; a table that grows from nothing (n = 0) takes all of them, or
// is left to its first add.
func (t *spellTable) initFrom(n int, spare []spellSlot) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if n == 0 && cap(spare) > size {
		size = 1 << (bits.Len(uint(cap(spare))) - 1) // a power of two
	}
	if cap(spare) < size {
		if n > 0 {
			t.init(n)
		} // else made by the first add
		return
	}
	t.slots = spare[:size]
	clear(t.slots)
}

// add adds sl, whose text is not in t.
func (t *spellTable) add(sl spellSlot) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]spellSlot, max(16, 2*len(old)))
		for _, o := range old {
			if o.i != 0 {
				t.put(o)
			}
		}
	}
	t.n++
	t.put(sl)
}

func (t *spellTable) put(sl spellSlot) {
	mask := uint32(len(t.slots) - 1)
	k := sl.h & mask
	for t.slots[k].i != 0 {
		k = (k + 1) & mask
	}
	t.slots[k] = sl
}

// spellIndex finds items by their texts.
type spellIndex struct{ spellTable }

// find returns the index of the item whose text, texts[i], is s of hash h,
// or -1.
func (x *spellIndex) find(h uint64, s string, texts []string) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	h32 := uint32(h)
	mask := uint32(len(x.slots) - 1)
	for k := h32 & mask; ; k = (k + 1) & mask {
		sl := &x.slots[k]
		if sl.i == 0 {
			return -1
		}
		if sl.h == h32 && texts[sl.i-1] == s {
			return sl.i - 1
		}
	}
}

// add adds item i of text hash h, not in x.
func (x *spellIndex) add(h uint64, i int32) { x.spellTable.add(spellSlot{h: uint32(h), i: i + 1}) }

// A spellBase is where the occurrences in a candidate are located from:
// the candidate's start and the end of the text they may take (the
// candidate and the period after it), once one is kept, and whether that
// text is ASCII on one line, so that they are located by bytes.
type spellBase struct {
	spellLinePos
	start, end int
	plain      int8 // 0 not yet located, 1 plain, 2 not
}

// addFrom records an occurrence of item i at s, located from the position
// from, at or before s (nil: from the item kind's last position). raw, if
// not nil, holds whether the text at s is written otherwise than the
// spelling: 0 not yet asked, 1 no, 2 yes (the same at every occurrence of
// a plan's span).
func (c *spellingCollector) addFrom(i int, s checker.Span, mid bool, from *spellBase, raw *int8) {
	it := &c.items[i]
	it.count++
	it.mid = it.mid || mid
	if it.n < maxSpellingLocs {
		it.n++
		it.kept++
		var differs bool
		switch {
		case raw == nil:
			differs = c.doc.Text[s.Start:s.End] != c.texts[i]
		case *raw == 0:
			differs = c.doc.Text[s.Start:s.End] != c.texts[i]
			*raw = 1 + int8(spellBit(differs))
		default:
			differs = *raw == 2
		}
		rawAt := 0
		if differs {
			c.raws = append(c.raws, c.doc.Text[s.Start:s.End])
			rawAt = len(c.raws)
		}
		if from != nil && from.plain == 0 {
			// Candidates come in text order.
			cur := &c.cursors[cluster.Name]
			from.spellLinePos = cur.at(c.doc, from.start)
			from.plain = 2
			switch {
			case from.Offset != from.start || from.start > from.end:
			case cur.ascii && from.end < from.next:
				from.plain = 1 // on the line the cursor read
			case spellPlain(c.doc.Text[from.start:from.end]):
				from.plain = 1
			}
		}
		o := spellOcc{start: uint32(s.Start), n: uint32(s.End - s.Start), item: int32(i), raw: uint32(rawAt)}
		switch {
		case from != nil && from.plain == 1 && s.Start >= from.Offset && s.End <= from.end:
			// In plain text after from: told by bytes.
			o.line, o.col = uint32(from.Line), uint32(from.Column+s.Start-from.Offset)
			o.endLine, o.endCol = o.line, o.col+o.n
		default:
			var pos spellLinePos
			if from != nil {
				pos = spellFrom(c.doc, from.spellLinePos, s.Start)
			} else {
				pos = c.cursors[it.kind].at(c.doc, s.Start)
			}
			end := spellFrom(c.doc, pos, s.End)
			o.line, o.col, o.endLine, o.endCol = uint32(pos.Line), uint32(pos.Column), uint32(end.Line), uint32(end.Column)
		}
		if len(c.occ) == cap(c.occ) {
			c.newOccChunk()
		}
		c.occ = append(c.occ, o)
	}
}

// A spellOcc is an occurrence kept while collecting, with the index of its
// item: a spellingOcc in fewer bytes. Its offset, lines and columns take
// 32 bits: a document of 4 GiB (which would take tens of gigabytes to
// check, its tokens alone) is beyond what the checker holds in memory.
type spellOcc struct {
	start           uint32
	n               uint32
	item            int32
	line, col       uint32
	endLine, endCol uint32
	raw             uint32
}

// newOccChunk puts the full chunk c.occ in c.occs and starts another.
func (c *spellingCollector) newOccChunk() {
	if c.occShift == 0 {
		c.occShift = 10
	}
	if c.occ != nil {
		c.occs = append(c.occs, c.occ)
	}
	size := 1 << c.occShift
	a := c.spare
	if a != nil && a.used < len(a.chunks) && cap(a.chunks[a.used]) >= size {
		// The next spare chunk, of this size or larger.
		c.occ = a.chunks[a.used][:0:size]
		a.used++
		return
	}
	c.occ = make([]spellOcc, 0, size)
	if a != nil {
		// Kept for the next document, in place of a smaller one.
		if a.used < len(a.chunks) {
			a.chunks[a.used] = c.occ
		} else {
			a.chunks = append(a.chunks, c.occ)
		}
		a.used++
	}
}

// allOccs returns the chunks of the occurrences kept.
func (c *spellingCollector) allOccs() [][]spellOcc {
	if len(c.occ) == 0 {
		return c.occs
	}
	return append(c.occs, c.occ)
}

// occurrence returns the occurrence o keeps.
func (o *spellOcc) occurrence() spellingOcc {
	return spellingOcc{
		span: checker.Span{Start: int(o.start), End: int(o.start) + int(o.n)},
		pos:  spellPos{int(o.line), int(o.col)},
		end:  spellPos{int(o.endLine), int(o.endCol)},
		raw:  int(o.raw),
	}
}

// spellPlain reports whether s is ASCII without line ends, so that the
// columns in it are told by bytes.
func spellPlain(s string) bool {
	const lows, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if nl := w ^ '\n'*lows; (w|(nl-lows)&^nl)&highs != 0 {
			return false
		}
	}
	if i == len(s) {
		return true
	}
	if len(s) >= 8 {
		// The last bytes, read with those before.
		b := s[len(s)-8:]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		nl := w ^ '\n'*lows
		return (w|(nl-lows)&^nl)&highs == 0
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\n' {
			return false
		}
	}
	return true
}

// A spellLinePos is a position and the offset at which the line after its
// own starts (past the end of the text for the last line), or 0 when that
// is not known.
type spellLinePos struct {
	checker.Position
	next int
}

// A spellCursor computes the positions of increasing offsets in a document
// as Document.Position does: the line from the document's line starts,
// looked for from the last one's, and the column by counting the runes from
// the last offset when it is on the same line, else from the line's start;
// on a line all in ASCII, by bytes.
type spellCursor struct {
	last spellLinePos
	ok   bool
	// ascii: the line of last, from start, is all ASCII (false: not
	// known).
	ascii bool
	start int
}

func (c *spellCursor) at(doc *checker.Document, off int) spellLinePos {
	t := doc.Text
	off = min(max(off, 0), len(t))
	switch {
	case !c.ok || off < c.last.Offset:
		c.last, c.ok, c.ascii = spellPosition(doc, off), true, false
	case off < c.last.next:
		if c.ascii {
			c.last.Column = off - c.start + 1
			c.last.Offset = off
		} else {
			c.last = spellFrom(doc, c.last, off)
		}
	default:
		// A later line: the last that starts at or before off, looked
		// for among the next few, then by halves.
		lines := doc.Lines()
		n, start := c.last.Line+1, c.last.next // at or before off
		next := len(t) + 1
		for k := 0; n < lines; k++ {
			s := doc.LineStart(n + 1)
			if s > off {
				next = s
				break
			}
			n, start = n+1, s
			if k == 3 {
				// Far: the first line after n that starts
				// after off, in steps that double from n
				// (the next name is seldom many lines on),
				// then by halves.
				lo, hi := n+1, lines+1
				for step := 4; lo+step <= lines; step *= 2 {
					s := doc.LineStart(lo + step)
					if s > off {
						hi, next = lo+step, s
						break
					}
					lo, start = lo+step+1, s
				}
				for lo < hi {
					h := int(uint(lo+hi) >> 1)
					if s := doc.LineStart(h); s > off {
						hi, next = h, s
					} else {
						lo, start = h+1, s
					}
				}
				n = lo - 1
				break
			}
		}
		// The line is read once: the columns of the offsets on it
		// that follow are told by bytes when it is all ASCII.
		col := off - start + 1
		c.ascii, c.start = spellASCII(t[start:min(next, len(t))]), start
		if !c.ascii {
			col = spellRuneCount(t[start:off]) + 1
		}
		c.last = spellLinePos{checker.Position{Offset: off, Line: n, Column: col}, next}
	}
	return c.last
}

// spellASCII reports whether s is all ASCII, sixteen bytes at a time,
// then eight, then the last eight (read again with those before) when s
// holds eight.
func spellASCII(s string) bool {
	const highs = 0x8080808080808080
	i := 0
	for ; i+16 <= len(s); i += 16 {
		b := s[i : i+16]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		v := uint64(b[8]) | uint64(b[9])<<8 | uint64(b[10])<<16 | uint64(b[11])<<24 |
			uint64(b[12])<<32 | uint64(b[13])<<40 | uint64(b[14])<<48 | uint64(b[15])<<56
		if (w|v)&highs != 0 {
			return false
		}
	}
	if len(s) >= 8 {
		var w uint64
		if i+8 <= len(s) {
			b := s[i : i+8]
			w = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		}
		b := s[len(s)-8:]
		w |= uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		return w&highs == 0
	}
	var or byte
	for ; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// spellPosition returns doc.Position(off) with the start of the next line.
func spellPosition(doc *checker.Document, off int) spellLinePos {
	p := doc.Position(off)
	next := len(doc.Text) + 1
	if p.Line < doc.Lines() {
		next = doc.LineStart(p.Line + 1)
	}
	return spellLinePos{p, next}
}

// spellFrom returns the position of offset off from p, a position at or
// before it: doc.Position(off), counting only the runes between when off
// is on p's line.
func spellFrom(doc *checker.Document, p spellLinePos, off int) spellLinePos {
	t := doc.Text
	off = min(max(off, 0), len(t))
	switch {
	case off == p.Offset:
		return p
	case off < p.Offset || off >= p.next:
		return spellPosition(doc, off)
	case !utf8.RuneStart(t[p.Offset]) || p.Line == 1 && p.Offset < 3:
		// Rune counts add up only from a rune's start; the
		// byte-order mark is not counted on the first line.
		return spellPosition(doc, off)
	}
	p.Column += spellRuneCount(t[p.Offset:off])
	p.Offset = off
	return p
}

// spellRuneCount is utf8.RuneCountInString, eight bytes at a time while
// they are ASCII: it decodes the runes that are not, one by one from the
// same offsets, and so counts an invalid byte as one rune as it does.
func spellRuneCount(s string) int {
	i, n := 0, 0
	for i+8 <= len(s) {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if hi := w & 0x8080808080808080; hi != 0 {
			// The ASCII bytes before the first that is not, then
			// that rune.
			k := bits.TrailingZeros64(hi) / 8
			_, size := utf8.DecodeRuneInString(s[i+k:])
			i += k + size
			n += k + 1
			continue
		}
		i += 8
		n += 8
	}
	// Fewer than eight bytes left: read together (the last eight of s)
	// or one by one, and counted one by one only if not all ASCII.
	r := len(s) - i
	if r == 0 {
		return n
	}
	if len(s) >= 8 {
		b := s[len(s)-8:]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if w>>(64-8*uint(r))&0x8080808080808080 == 0 {
			return n + r
		}
	} else {
		var or byte
		for k := i; k < len(s); k++ {
			or |= s[k]
		}
		if or < utf8.RuneSelf {
			return n + r
		}
	}
	return n + utf8.RuneCountInString(s[i:])
}

func collectSpellings(p *checker.Pass) (any, error) {
	spare := spellArraysPool.Get().(*spellArrays)
	c := &spellingCollector{doc: p.Doc, file: p.Doc.Path, spare: spare}
	doc := p.Doc
	// The compounds are found first and recorded after the names, as
	// collectCompounds does: the pass over all the tokens that finds
	// them would otherwise push the occurrences just recorded out of
	// the caches, which finish reads again.
	comps := spellFindCompounds(doc, p.Bool("british-american"))
	collectNames(c, doc)
	c.addCompounds(comps)
	s := c.finish()
	c.release()
	spellArraysPool.Put(spare)
	return s, nil
}

// A spellWord is a word of a name candidate with what the rule asks of it,
// looked up once.
type spellWord struct {
	s      string
	info   lexicon.Info
	looked bool // info is set
	conn   int8 // spellConnector: 0 not asked, 1 no, 2 yes
	upper  int8 // spellAllUpper: 0 not asked, 1 no, 2 yes
}

func (w *spellWord) lookup() lexicon.Info {
	if !w.looked {
		w.info, w.looked = lexicon.Lookup(w.s), true
	}
	return w.info
}

// common reports whether the word, in any case, is a common English word
// (lexicon.IsCommon).
func (w *spellWord) common() bool {
	i := w.lookup()
	return i.Tier >= 1 && i.Tier <= 3 && i.Tags&lexicon.Lower != 0
}

// title reports whether the word, before a name, may be a title or another
// common word to drop ("President", "Foreign", "Minister"), not a first name
// that is also a word ("Anna"; the very common ones, "Mark", are dropped).
func (w *spellWord) title() bool {
	i := w.lookup()
	return w.common() && !(i.Is(lexicon.Proper) && i.Tier >= 3)
}

// nationality reports whether the word is a capitalised adjective such as a
// nationality ("Japanese" in "Japanese Foreign Minister ...").
func (w *spellWord) nationality() bool {
	i := w.lookup()
	return i.Is(lexicon.Proper) && i.Is(lexicon.Adj)
}

func (w *spellWord) connector() bool {
	if w.conn == 0 {
		w.conn = 1
		if spellConnector(w.s) {
			w.conn = 2
		}
	}
	return w.conn == 2
}

func (w *spellWord) allUpper() bool {
	if w.upper == 0 {
		w.upper = 1
		if spellAllUpper(w.s) {
			w.upper = 2
		}
	}
	return w.upper == 2
}

// spellAllUpper is text.IsAllUpper, quick on ASCII.
func spellAllUpper(w string) bool {
	letters := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return text.IsAllUpper(w)
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			letters = true
		}
	}
	return letters
}

// collectNames records the acronyms in the name candidates of the document,
// and the candidates themselves outside headings (title case is no
// spelling), split at "and" and without leading titles and common words
// ("President Naibbuckley" gives "Naibbuckley").
//
// What a candidate gives depends on its words alone but for a period or a
// hyphen beside it, so it is worked out once per distinct candidate text (a
// spellPlan) and replayed at each occurrence.
func collectNames(c *spellingCollector, doc *checker.Document) {
	bi := 0
	cands := doc.Candidates()
	// The plans of candidates outside and inside headings, by text:
	// prose has a distinct text in about four candidates and a new
	// spelling in about eight (the tables grow when there are more).
	var plans [2]spellPlans
	var spare spellArrays
	if c.spare != nil {
		spare = *c.spare
		// Given back when done.
		defer func() { c.spare.tables[0], c.spare.tables[1] = plans[0].slots, plans[1].slots }()
	}
	plans[0].initFrom(len(cands)/4, spare.tables[0])
	plans[1].initFrom(0, spare.tables[1])
	if c.plans == nil {
		// Prose has a plan in about four candidates, the spans of
		// their words (two numbers a word) in about two, and an
		// acronym or part in about five: sized so, the arrays seldom
		// grow, and hold little unused.
		var a spellArrays
		if c.spare != nil {
			a = *c.spare
		}
		c.plans = slices.Grow(a.plans[:0], len(cands)/3+16)
		c.wspans = slices.Grow(a.wspans[:0], len(cands)/2+16)
		c.pspans = slices.Grow(a.pspans[:0], len(cands)/4+16)
	}
	if c.index[cluster.Name].slots == nil {
		c.index[cluster.Name].initFrom(len(cands)/8, spare.index[cluster.Name])
		for k := cluster.Acronym; k <= cluster.Regional; k++ {
			c.index[k].initFrom(0, spare.index[k])
		}
		// About five occurrences in eight candidates, kept in chunks
		// of about a quarter of that, so that little is left unused.
		c.occShift = uint(bits.Len(uint(max(len(cands)/8, 16))))
		// About one new spelling in seven candidates.
		var a spellArrays
		if c.spare != nil {
			a = *c.spare
		}
		c.items = slices.Grow(a.items[:0], len(cands)/6+8)
		c.texts = slices.Grow(a.texts[:0], len(cands)/6+8)
	}
	// Short words: most candidates, found by their bytes (spellQuick).
	size := 16
	for size < len(cands)/4 && size < 1024 {
		size *= 2
	}
	quick := slices.Grow(spare.quick[:0], size)[:size]
	clear(quick)
	if c.spare != nil {
		c.spare.quick = quick
	}
	qshift := uint(64 - bits.Len(uint(size-1)))
	// The block of the candidate in hand, its end and kind (found at
	// the first): most candidates are in the block of the one before.
	blocks, t := doc.Blocks, doc.Text
	blockEnd, kind := -1, checker.BlockKind(0)
	for k := range cands {
		cand := &cands[k] // not copied: it is read many times
		if blockEnd <= cand.Start {
			for bi+1 < len(blocks) && blocks[bi].End <= cand.Start {
				bi++
			}
			blockEnd, kind = blocks[bi].End, blocks[bi].Kind
			if bi+1 == len(blocks) {
				blockEnd = len(t) + 1 // the last: never left
			}
		}
		if kind == checker.Code {
			continue
		}
		heading := kind == checker.Heading
		// A word of up to eight bytes, all the candidate, outside
		// headings: its plan looked for by its bytes first.
		var q *spellQuick
		var qv uint64
		n := cand.End - cand.Start
		if n <= 8 && !heading && cand.Start+8 <= len(t) && len(cand.Words) == 1 && cand.Words[0] == cand.Span {
			b := t[cand.Start : cand.Start+8]
			qv = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			qv &= uint64(1)<<(8*uint(n)) - 1 // all ones for eight
			q = &quick[qv*0x9e3779b97f4a7c15>>qshift]
			if q.n == uint8(n) && q.v == qv {
				c.replay(doc, cand, &c.plans[q.plan])
				continue
			}
		}
		m := &plans[spellBit(heading)]
		key := t[cand.Start:cand.End]
		h := spellHash(t, cand.Start, cand.End)
		pl := m.find(h, key, doc.Text, c.plans)
		// Whether pl is the plan the table holds for the text.
		held := pl >= 0 && c.fits(&c.plans[pl], cand)
		if !held {
			cached := pl >= 0
			pl = c.plan(doc, cand, heading)
			// Cached only when its words lie in the text it is
			// keyed by.
			if ws := cand.Words; !cached && len(ws) > 0 && ws[0].Start >= cand.Start && ws[len(ws)-1].End <= cand.End {
				c.plans[pl].text = int32(cand.Start)
				m.add(h, pl)
				held = true
			}
		}
		if q != nil && held && c.plans[pl].nwords == 0 {
			// What the table gives a word all the candidate.
			*q = spellQuick{v: qv, plan: pl, n: uint8(n)}
		}
		c.replay(doc, cand, &c.plans[pl])
	}
}

// A spellQuick is an entry of a table of the plans of short candidates,
// one word of up to eight bytes, by those bytes (v, little-endian, and
// their number n; n = 0: none): one look-up for most candidates, not a
// hash of the text, a probe and a comparison of texts. A later word of
// the same slot takes it.
type spellQuick struct {
	v    uint64
	plan int32
	n    uint8
}

// A spellPlan is what a candidate's words give: acronyms and name parts,
// as spans relative to the candidate's start.
// Its spans are in the collector's arrays, from the indexes it holds.
type spellPlan struct {
	text int32 // the offset of the text it is cached by, if cached
	// words, nwords: the words' spans, start and end, in wspans; none
	// for the most common candidate, one word that is all of it.
	words, nwords int32
	// spans: the acronyms (nacr) then the name parts (nparts), in
	// pspans.
	spans, nacr, nparts int32
}

// spellPlans holds plans by the text of their candidates (a spellTable).
// The key of a plan is doc.Text[pl.text:][:len(key)].
type spellPlans struct {
	spellTable // slots of the keys' hashes and plans' indexes
}

// find returns the index in plans of the plan of text key, whose hash is
// h, or -1.
func (t *spellPlans) find(h uint64, key, text string, plans []spellPlan) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	h32 := uint32(h)
	mask := uint32(len(t.slots) - 1)
	for k := h32 & mask; ; k = (k + 1) & mask {
		sl := &t.slots[k]
		if sl.i == 0 {
			return -1
		}
		if sl.h == h32 {
			// The hash covers the length: a plan of another length
			// seldom gets here, and its text is read within text.
			if at := int(plans[sl.i-1].text); at+len(key) <= len(text) && text[at:at+len(key)] == key {
				return sl.i - 1
			}
		}
	}
}

// add adds the plan of index pl, of a text of hash h, not in t.
func (t *spellPlans) add(h uint64, pl int32) {
	t.spellTable.add(spellSlot{uint32(h), pl + 1})
}

// spellHash hashes t[start:end] eight bytes at a time, reading the last
// few bytes with those after them when t goes on.
func spellHash(t string, start, end int) uint64 {
	const prime = 0x9e3779b97f4a7c15
	h := uint64(end-start) * prime
	i := start
	for ; i+8 <= end; i += 8 {
		b := t[i : i+8]
		v := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		h = (h ^ v) * prime
		h ^= h >> 32
	}
	if i < end {
		var v uint64
		if i+8 <= len(t) {
			b := t[i : i+8]
			v = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			v &= 1<<(8*uint(end-i)) - 1
		} else {
			for j := end - 1; j >= i; j-- {
				v = v<<8 | uint64(t[j])
			}
		}
		h = (h ^ v) * prime
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

type spellPlanSpan struct {
	start, end int32
	// item holds 1 + the item index of the spelling, without and with
	// the period, once known; raw whether the text there is written
	// otherwise than the spelling (see addFrom), once asked.
	item [2]int32
	raw  [2]int8
	// dot: a period just after the span belongs to it (a dotted
	// acronym, or a name ending in an initial).
	dot bool
}

// fits reports whether cand's words lie where those of plan pl do.
func (c *spellingCollector) fits(pl *spellPlan, cand *text.Candidate) bool {
	if pl.nwords == 0 {
		return len(cand.Words) == 1 && cand.Words[0] == cand.Span
	}
	if int(pl.nwords) != 2*len(cand.Words) {
		return false
	}
	ws := c.wspans[pl.words : pl.words+pl.nwords]
	for i, w := range cand.Words {
		if ws[2*i] != int32(w.Start-cand.Start) || ws[2*i+1] != int32(w.End-cand.Start) {
			return false
		}
	}
	return true
}

// plan works out what candidate cand gives, and returns the index of its
// plan.
func (c *spellingCollector) plan(doc *checker.Document, cand *text.Candidate, heading bool) int32 {
	var pl spellPlan
	if ws := cand.Words; len(ws) != 1 || ws[0] != cand.Span {
		pl.words = int32(len(c.wspans))
		for _, w := range ws {
			c.wspans = append(c.wspans, int32(w.Start-cand.Start), int32(w.End-cand.Start))
		}
		pl.nwords = int32(len(c.wspans)) - pl.words
	}
	words := c.words[:0]
	for _, w := range cand.Words {
		words = append(words, spellWord{s: doc.Text[w.Start:w.End]})
	}
	c.words = words
	pl.spans = int32(len(c.pspans))
	c.pspans = planAcronyms(c.pspans, doc, cand, words)
	pl.nacr = int32(len(c.pspans)) - pl.spans
	if heading {
		c.plans = append(c.plans, pl)
		return int32(len(c.plans) - 1)
	}
	allCommon := true
	for i := range words {
		if w := &words[i]; !w.connector() && !w.common() {
			allCommon = false
			break
		}
	}
	start := 0
	for i := 0; i <= len(words); i++ {
		if i < len(words) && (allCommon || len(words[i].s) != 3 || !strings.EqualFold(words[i].s, "and")) {
			continue
		}
		c.pspans = planNamePart(c.pspans, cand, cand.Words[start:i], words[start:i], allCommon)
		start = i + 1
	}
	pl.nparts = int32(len(c.pspans)) - pl.spans - pl.nacr
	c.plans = append(c.plans, pl)
	return int32(len(c.plans) - 1)
}

// replay records what plan pl gives at candidate cand.
func (c *spellingCollector) replay(doc *checker.Document, cand *text.Candidate, pl *spellPlan) {
	if pl.nacr+pl.nparts == 0 {
		return
	}
	t := doc.Text
	// Occurrences are located from the candidate's start.
	base := spellBase{start: cand.Start, end: min(cand.End+1, len(t))}
	// c.pspans does not grow here. Its spans are taken by index, not
	// sliced: most candidates have one part and no acronym.
	ps := c.pspans
	k, acrEnd, end := int(pl.spans), int(pl.spans+pl.nacr), int(pl.spans+pl.nacr+pl.nparts)
	for ; k < acrEnd; k++ {
		a := &ps[k]
		s := checker.Span{Start: cand.Start + int(a.start), End: cand.Start + int(a.end)}
		ext := 0
		if a.dot && s.End < len(t) && t[s.End] == '.' {
			s.End++
			ext = 1
		}
		if a.item[ext] == 0 {
			a.item[ext] = 1 + int32(c.item(cluster.Acronym, t[s.Start:s.End]))
		}
		c.addFrom(int(a.item[ext]-1), s, true, &base, &a.raw[ext])
	}
	for ; k < end; k++ {
		p := &ps[k]
		s := checker.Span{Start: cand.Start + int(p.start), End: cand.Start + int(p.end)}
		ext := 0
		// A final period belongs to an initial or a dotted acronym ("U.S.").
		if p.dot && s.End < len(t) && t[s.End] == '.' {
			s.End++
			ext = 1
		}
		// Part of a longer hyphenated word ("Argument-Clinic-based").
		if s.End+1 < len(t) && t[s.End] == '-' && spellLetterAt(t, s.End+1) ||
			s.Start >= 2 && t[s.Start-1] == '-' && spellLetterBefore(t, s.Start-1) {
			continue
		}
		if p.item[ext] == 0 {
			p.item[ext] = 1 + int32(c.item(cluster.Name, spellTitleCaps(normaliseSpelling(t[s.Start:s.End]))))
		}
		c.addFrom(int(p.item[ext]-1), s, !cand.Initial || p.start != 0, &base, &p.raw[ext])
	}
}

// planNamePart appends to dst the name in words, a run of a candidate's words,
// without leading titles and common words, if it is one.
func planNamePart(dst []spellPlanSpan, cand *text.Candidate, spans []checker.Span, words []spellWord, allCommon bool) []spellPlanSpan {
	if !allCommon {
		// Drop leading titles, common words, "The" and lower-case
		// connectors while a name word follows; keep a name's own
		// particle ("El Salvador", "Van Gogh").
		for len(words) > 1 {
			w := &words[0]
			conn := w.connector()
			if !(conn && (spellIsLower(w.s) || strings.EqualFold(w.s, "the")) || !conn && (w.title() || w.nationality())) {
				break
			}
			rest := false
			for i := 1; i < len(words); i++ {
				if v := &words[i]; !v.connector() && !v.common() {
					rest = true
					break
				}
			}
			if !rest {
				break
			}
			words, spans = words[1:], spans[1:]
		}
	}
	for len(words) > 0 && words[len(words)-1].connector() {
		words, spans = words[:len(words)-1], spans[:len(spans)-1]
	}
	if len(words) == 0 {
		return dst
	}
	upper := true
	letters := false
	for i := range words {
		w := &words[i]
		if spellCodeLike(w.s) {
			return dst // an identifier in technical prose, not a name
		}
		if !w.allUpper() {
			upper = false
		}
		if !letters && spellHasLetter(w.s) {
			letters = true
		}
	}
	if upper || !letters {
		return dst // acronyms are collected apart; shouting is no spelling
	}
	if len(words) == 1 && words[0].nationality() {
		return dst // "Greek", "Chinese": words, not names to garble
	}
	return append(dst, spellPlanSpan{
		start: int32(spans[0].Start - cand.Start),
		end:   int32(spans[len(spans)-1].End - cand.Start),
		dot:   utf8.RuneCountInString(words[len(words)-1].s) == 1,
	})
}

// spellIsLower reports whether w == strings.ToLower(w).
func spellIsLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return w == strings.ToLower(w)
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// spellCapPrefix reports whether a name may have a capital after p:
// "McDonald", "MacArthur", "DeSantis", "LaGuardia", "DiCaprio".
func spellCapPrefix(p string) bool {
	switch p {
	case "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Von", "Fitz":
		return true
	}
	return false
}

func spellLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func spellLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// spellCodeLike reports whether w looks like a program identifier: digits,
// underscores or a capital inside the word ("ReadFrom", "DirFS"), apart
// from name prefixes ("McDonald", "MacArthur", "DeSantis", "LaGuardia").
func spellCodeLike(w string) bool {
	prevLower := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return spellCodeLikeRunes(w)
		case c == '_' || '0' <= c && c <= '9':
			return true
		case 'A' <= c && c <= 'Z':
			if prevLower && !spellCapPrefix(w[:i]) {
				return true
			}
			prevLower = false
		default:
			prevLower = 'a' <= c && c <= 'z'
		}
	}
	return false
}

// spellCodeLikeRunes is spellCodeLike for a word that is not ASCII.
func spellCodeLikeRunes(w string) bool {
	prevLower := false
	for i, r := range w {
		switch {
		case r == '_' || unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r):
			if prevLower && !spellCapPrefix(w[:i]) {
				return true
			}
			prevLower = false
		default:
			prevLower = unicode.IsLower(r)
		}
	}
	return false
}

func spellLettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// spellTitleCaps writes the words in capitals of a name in title case:
// "INADA Naoki" is a way of printing "Inada Naoki", not another spelling.
func spellTitleCaps(s string) string {
	shout := false
	for rest := s; rest != "" && !shout; {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		shout = spellShouted(w)
	}
	if !shout {
		return s
	}
	f := strings.Split(s, " ")
	changed := false
	for i, w := range f {
		if spellShouted(w) {
			r, n := utf8.DecodeRuneInString(w)
			f[i] = string(r) + strings.ToLower(w[n:])
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(f, " ")
}

// spellShouted reports whether w is a word of five or more letters, all
// capitals.
func spellShouted(w string) bool {
	return len(w) >= 5 && utf8.RuneCountInString(w) >= 5 && spellAllUpper(w) && spellLettersOnly(w)
}

// normaliseSpelling collapses whitespace and drops spaces beside hyphens.
func normaliseSpelling(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch s[i] {
		case ' ':
			clean = i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '-' && i > 0 && s[i-1] != '-'
		case '\n', '\t', '\r', '\f', '\v':
			clean = false
		}
	}
	if clean {
		return s
	}
	f := strings.Fields(s)
	if len(f) == 1 {
		return f[0]
	}
	var b strings.Builder
	for i, w := range f {
		if i > 0 && !strings.HasSuffix(f[i-1], "-") && !strings.HasPrefix(w, "-") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// planAcronyms appends to dst the capitals with and without periods ("US",
// "U.S.") among the words of a name candidate. A candidate all in capitals
// is a shouted headline, not acronyms.
func planAcronyms(dst []spellPlanSpan, doc *checker.Document, cand *text.Candidate, words []spellWord) []spellPlanSpan {
	spans := cand.Words
	upper := 0
	for i := range words {
		if words[i].allUpper() {
			upper++
		}
	}
	if upper >= 3 && upper == len(words) {
		return dst
	}
	for i := 0; i < len(words); i++ {
		w := words[i].s
		if spellSingleCapital(w) {
			// Dotted: "U.S.", "U.K"; not initials ("J. R. Smith").
			j := i
			for j+1 < len(words) && doc.Text[spans[j].End:spans[j+1].Start] == "." && spellSingleCapital(words[j+1].s) {
				j++
			}
			if j > i {
				dst = append(dst, spellPlanSpan{start: int32(spans[i].Start - cand.Start), end: int32(spans[j].End - cand.Start), dot: true})
				i = j
			}
			continue
		}
		if n := len(w); n < 2 || n > 5 || !spellASCIIUpper(w) {
			continue
		}
		dst = append(dst, spellPlanSpan{start: int32(spans[i].Start - cand.Start), end: int32(spans[i].End - cand.Start)})
	}
	return dst
}

// A spellCompoundOcc is a compound or regional spelling found, recorded
// once all are found and sorted.
type spellCompoundOcc struct {
	span checker.Span
	kind cluster.Kind
	text string
}

// collectCompounds records hyphenated compounds of lower-case words, the
// same letters closed up, or after a bound prefix with a space; with britAm
// also the words with a British and an American spelling ("colour").
func collectCompounds(c *spellingCollector, doc *checker.Document, britAm bool) {
	c.addCompounds(spellFindCompounds(doc, britAm))
}

// spellFindCompounds returns what collectCompounds records, in order.
func spellFindCompounds(doc *checker.Document, britAm bool) []spellCompoundOcc {
	if britAm {
		return spellCompoundsEvery(doc, true)
	}
	return spellCompounds(doc)
}

// addCompounds records the compounds occs, in order.
func (c *spellingCollector) addCompounds(occs []spellCompoundOcc) {
	for _, o := range occs {
		c.add(o.kind, o.text, o.span, true)
	}
}

// spellCompoundsEvery returns the compounds (and with britAm the regional
// spellings) of the document in text order, looking at every token: the
// plain statement of what spellCompounds finds faster.
func spellCompoundsEvery(doc *checker.Document, britAm bool) []spellCompoundOcc {
	type occ = spellCompoundOcc
	var occs []occ
	keys := map[string]bool{} // the hyphenated and spaced compounds, closed up
	// The whole words that may be a compound closed up, found on the way.
	var closed []checker.Span
	for _, s := range doc.Sentences {
		if doc.BlockOf(s).Kind == checker.Code {
			continue
		}
		toks := doc.SentenceTokens(s)
		for i := range toks {
			t := &toks[i]
			if t.Kind != text.Word {
				continue
			}
			if n := t.Len(); n < 64 && spellMayBeClosed(doc.Masked[t.Start:t.End]) && !spellJoined(toks, i) {
				closed = append(closed, t.Span)
			}
			var lw string
			if britAm {
				w := doc.TokenText(*t)
				if !spellLowerWord(w, i == 0) {
					continue
				}
				lw = w
				if c := w[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
					lw = strings.ToLower(w)
				}
			} else {
				var ok bool
				if lw, ok = spellPrefixAt(doc, toks, i); !ok {
					continue
				}
			}
			prefix := spellIsPrefix(lw)
			if o, key, ok := spellHyphenated(doc, toks, i, lw, prefix); ok {
				occs = append(occs, o)
				keys[key] = true
			}
			if spellJoined(toks, i) {
				continue // part of a longer word
			}
			if britAm {
				// The key the two spellings share is worked out
				// again at Finish (spellEntryKey).
				if _, ok := lexicon.BritishAmerican(lw); ok {
					occs = append(occs, occ{span: t.Span, kind: cluster.Regional, text: lw})
				}
			}
			if o, key, ok := spellSpaced(doc, toks, i, lw, prefix); ok {
				occs = append(occs, o)
				keys[key] = true
			}
		}
	}
	// The same compounds closed up: "antigang", "email", of the byte
	// length of a key of their first letter.
	lens := spellKeyLens(keys)
	var buf [64]byte
	for _, t := range closed {
		if lens[doc.Masked[t.Start]]>>t.Len()&1 != 0 {
			spellClosed(&occs, keys, doc, t, &buf)
		}
	}
	spellSortOccs(occs)
	return occs
}

// spellKeyLens returns, by a word's first byte, bit n set for the keys of
// n bytes (fewer than 64) whose first letter it is in either case; for a
// byte outside ASCII, of any key.
func spellKeyLens(keys map[string]bool) *[256]uint64 {
	var t [256]uint64
	var all uint64
	for k := range keys {
		if n := len(k); n < 64 {
			t[k[0]] |= 1 << n
			t[k[0]-'a'+'A'] |= 1 << n
			all |= 1 << n
		}
	}
	for f := utf8.RuneSelf; f < 256; f++ {
		t[f] = all
	}
	return &t
}

// spellSortOccs sorts compounds found by their starts, keeping the order
// found among equals.
func spellSortOccs(occs []spellCompoundOcc) {
	slices.SortStableFunc(occs, func(a, b spellCompoundOcc) int { return a.span.Start - b.span.Start })
}

// spellJoined reports whether token i of toks touches the token before or
// after it: it is part of a longer word.
func spellJoined(toks []text.Token, i int) bool {
	return i > 0 && toks[i-1].End == toks[i].Start || i+1 < len(toks) && toks[i+1].Start == toks[i].End
}

// spellPrefixAt returns token i of toks lower-cased if it is a bound prefix
// in lower case, or capitalised at the start of the sentence.
func spellPrefixAt(doc *checker.Document, toks []text.Token, i int) (string, bool) {
	t := &toks[i]
	if t.Kind != text.Word {
		return "", false
	}
	w := doc.TokenText(*t)
	// Only ASCII words pass both tests.
	if !spellIsPrefixFold(w) || !spellLowerWord(w, i == 0) {
		return "", false
	}
	if c := w[0]; 'A' <= c && c <= 'Z' {
		return strings.ToLower(w), true
	}
	return w, true
}

// spellHyphenated returns the compound hyphenated at token i of toks,
// whose text lower-cased is lw ("anti-gang", also "anti -gang").
func spellHyphenated(doc *checker.Document, toks []text.Token, i int, lw string, prefix bool) (o spellCompoundOcc, key string, ok bool) {
	if !prefix || i+2 >= len(toks) {
		return o, "", false
	}
	t, h, r := toks[i], toks[i+1], toks[i+2]
	if r.Kind == text.Word && doc.TokenText(h) == "-" && h.End == r.Start &&
		(t.End == h.Start || strings.Trim(doc.Masked[t.End:h.Start], " ") == "") &&
		!(i > 0 && toks[i-1].End == t.Start) && !(i+3 < len(toks) && toks[i+3].Start == r.End) {
		if rw := doc.TokenText(r); spellLowerWord(rw, false) {
			return spellCompoundOcc{span: checker.Span{Start: t.Start, End: r.End}, kind: cluster.Compound, text: lw + "-" + rw}, lw + rw, true
		}
	}
	return o, "", false
}

// spellSpaced returns the compound spaced at token i of toks, which is
// not joined to its neighbours and lower-cased is lw: "anti gang"; not
// after a prefix that is also a word ("post office", "counter staff").
func spellSpaced(doc *checker.Document, toks []text.Token, i int, lw string, prefix bool) (o spellCompoundOcc, key string, ok bool) {
	if !prefix || lw == "post" || lw == "counter" || lw == "e" || i+1 >= len(toks) {
		return o, "", false
	}
	t, next := toks[i], toks[i+1]
	if next.Kind == text.Word && doc.Masked[t.End:next.Start] == " " {
		nw := doc.TokenText(next)
		if spellLowerWord(nw, false) && lexicon.IsCommon(nw) && (i+2 >= len(toks) || toks[i+2].Start != next.End) {
			return spellCompoundOcc{span: checker.Span{Start: t.Start, End: next.End}, kind: cluster.Compound, text: lw + " " + nw}, lw + nw, true
		}
	}
	return o, "", false
}

// spellCompounds is spellCompoundsEvery(doc, false), without reading most
// tokens: a hyphenated compound is found from its hyphen, which few words
// before it make worth a look; then one pass over the tokens, each tested
// by its first byte and length alone, finds the few words that may be a
// bound prefix before a space, or a compound already found closed up.
func spellCompounds(doc *checker.Document) []spellCompoundOcc {
	m := doc.Masked
	var hyph, spaced, closed []spellCompoundOcc
	var keys map[string]bool // the hyphenated compounds, closed up
	for p := 0; ; {
		k := strings.IndexByte(m[p:], '-')
		if k < 0 {
			break
		}
		h := p + k
		// Only the first of a run of hyphens may follow a word.
		p = spellHyphensEnd(m, h+1)
		q := h
		for q > 0 && m[q-1] == ' ' {
			q--
		}
		if !spellMayEndPrefix(m[:q]) {
			continue
		}
		toks, i, ok := spellTokenBefore(doc, h)
		if !ok {
			continue
		}
		if lw, ok := spellPrefixAt(doc, toks, i); ok {
			if o, key, ok := spellHyphenated(doc, toks, i, lw, true); ok {
				hyph = append(hyph, o)
				if keys == nil {
					keys = map[string]bool{}
				}
				keys[key] = true
			}
		}
	}
	// The tokens to look at: the bound prefixes that may stand before a
	// space, and the words that may be a compound closed up, hyphenated
	// or spaced (a bound prefix and more).
	// The prefixes' table is made once; a document with compounds of its
	// own adds them to a copy, set back when done.
	sel := spellPrefixShapes()
	if len(keys) > 0 {
		sel = spellShapesPool.Get().(*spellShapes)
		defer func() {
			sel.reset()
			spellShapesPool.Put(sel)
		}()
		for k := range keys {
			sel.add(k, utf8.RuneCountInString(k))
		}
	}
	// The words picked: checked once all compounds are known, the way
	// spellCompoundsEvery does.
	// About one token in twenty in prose.
	// Each with its first byte and length, which the loops below test
	// first: the token and its text are read again only for the few
	// that pass (read when picked, they have left the caches since).
	bp := spellMaybePool.Get().(*[]spellPick)
	maybe := spellSelect(slices.Grow((*bp)[:0], len(doc.Tokens)/16), m, doc.Tokens, sel)
	defer func() {
		*bp = maybe[:0]
		spellMaybePool.Put(bp)
	}()
	var cur spellSentenceCursor
	for _, pk := range maybe {
		if spellSpacedLens[pk.first]>>(pk.n&63)&1 == 0 {
			continue
		}
		g := int(pk.g)
		t := &doc.Tokens[g]
		// What spellPrefixAt asks of the word alone first: the
		// sentence is looked for only for the few that pass.
		if t.Kind != text.Word || !spellIsPrefixFold(m[t.Start:t.End]) {
			continue
		}
		toks, i, ok := cur.at(doc, g)
		if !ok || spellJoined(toks, i) {
			continue
		}
		if lw, ok := spellPrefixAt(doc, toks, i); ok {
			if o, key, ok := spellSpaced(doc, toks, i, lw, true); ok {
				spaced = append(spaced, o)
				if keys == nil {
					keys = map[string]bool{}
				}
				keys[key] = true
			}
		}
	}
	if len(keys) > 0 {
		lens := spellKeyLens(keys)
		var buf [64]byte
		cur = spellSentenceCursor{}
		for _, pk := range maybe {
			if pk.n >= 64 || lens[pk.first]>>pk.n&1 == 0 {
				continue
			}
			g := pk.g
			t := &doc.Tokens[g]
			// A word not joined to its neighbours that, lower-cased,
			// is one of keys: what is asked of the word alone
			// first, the sentence looked for only for the
			// compounds.
			if t.Kind != text.Word || !spellMayBeClosed(m[t.Start:t.End]) {
				continue
			}
			lw, ok := spellClosedText(keys, doc, t.Span, &buf)
			if !ok {
				continue
			}
			if toks, i, ok := cur.at(doc, int(g)); ok && !spellJoined(toks, i) {
				closed = append(closed, spellCompoundOcc{span: t.Span, kind: cluster.Compound, text: lw})
			}
		}
	}
	occs := append(append(hyph, spaced...), closed...)
	spellSortOccs(occs)
	return occs
}

// spellHyphensEnd returns the offset of the first byte of m at or after
// i that is not a hyphen. Rules of hyphens ("-----" under a heading, in a
// table) are most of the hyphens of some texts: they are read eight bytes
// at a time.
func spellHyphensEnd(m string, i int) int {
	const lows = 0x0101010101010101
	for ; i+8 <= len(m); i += 8 {
		b := m[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x := w ^ '-'*lows; x != 0 {
			// The first byte that differs.
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for i < len(m) && m[i] == '-' {
		i++
	}
	return i
}

// spellMaybePool keeps the tokens spellCompounds picks from one document
// to the next.
var spellMaybePool = sync.Pool{New: func() any { return new([]spellPick) }}

// A spellPick is a token spellSelect picks: its index, its first byte
// and its byte length (255 for 255 and more).
type spellPick struct {
	g        int32
	first, n uint8
}

// spellPickOf returns the spellPick of token g of toks, of text m.
func spellPickOf(m string, toks []text.Token, g int) spellPick {
	t := &toks[g]
	return spellPick{g: int32(g), first: m[t.Start], n: uint8(min(t.End-t.Start, 255))}
}

// A spellShapes selects words by their first two bytes f and g and their
// length n: the words with n >= min[f|g<<8] (255: none but words of 255
// bytes and more). Every shape a table selects is all the lengths from
// some on, so one number says them all.
type spellShapes struct {
	min    [1 << 16]uint8
	firsts []byte // the first bytes f with entries set
}

// newSpellShapes returns a table that selects no word shorter than 255
// bytes.
func newSpellShapes() *spellShapes {
	sh := new(spellShapes)
	for i := range sh.min {
		sh.min[i] = 255
	}
	return sh
}

// spellPrefixShapes returns the table that selects the bound prefixes
// that may stand before a space. It is made once and never changed: a
// document reads it, or a copy with more set (spellShapesPool).
var spellPrefixShapes = sync.OnceValue(func() *spellShapes {
	sh := newSpellShapes()
	for _, list := range spellPrefixes {
		for _, p := range list {
			if p != "post" && p != "counter" && p != "e" {
				sh.add(p, len(p))
			}
		}
	}
	sh.firsts = nil
	return sh
})

// spellShapesPool keeps copies of spellPrefixShapes (64 kilobytes each)
// from one document to the next, set back after each.
var spellShapesPool = sync.Pool{New: func() any {
	sh := new(spellShapes)
	sh.min = spellPrefixShapes().min
	return sh
}}

// reset sets the entries changed since the table was a copy of
// spellPrefixShapes back, for the next document.
func (sh *spellShapes) reset() {
	base := &spellPrefixShapes().min
	for _, f := range sh.firsts {
		for g := range 256 {
			i := uint16(f) | uint16(g)<<8
			sh.min[i] = base[i]
		}
	}
	sh.firsts = sh.firsts[:0]
}

// first notes that entries of first byte f are set.
func (sh *spellShapes) first(f byte) {
	if !slices.Contains(sh.firsts, f) {
		sh.firsts = append(sh.firsts, f)
	}
}

// add selects the words of min bytes and more that lower-cased as
// spellClosed does may start as w does: with w's first letter in either
// case, or a rune that lower-cases to an ASCII letter, and then w's second
// letter in either case, or any byte outside ASCII. w is in lower case and
// starts with two ASCII letters; a word min runes long has at least min
// bytes.
func (sh *spellShapes) add(w string, min int) {
	m := uint8(0)
	if min < 255 {
		m = uint8(min)
	} else {
		m = 255
	}
	set := func(i uint16) {
		if sh.min[i] > m {
			sh.min[i] = m
		}
	}
	// The second bytes: w's second letter in either case, any byte
	// outside ASCII.
	c := w[1]
	seconds := [2]byte{c, c - 'a' + 'A'}
	for _, f := range [2]byte{w[0], w[0] - 'a' + 'A'} {
		sh.first(f)
		for _, g := range seconds {
			set(uint16(f) | uint16(g)<<8)
		}
		for g := utf8.RuneSelf; g < 256; g++ {
			set(uint16(f) | uint16(g)<<8)
		}
	}
	for _, r := range spellLowerASCII {
		if r.lower != w[0] {
			continue
		}
		sh.first(r.lead)
		for g := range 256 {
			set(uint16(r.lead) | uint16(g)<<8)
		}
	}
}

// spellLowerASCII holds the first bytes of the runes outside ASCII that
// lower-case to an ASCII letter ("İ", the Kelvin sign), with the letter: a
// word may start so and lower-cased be a compound closed up.
var spellLowerASCII = func() []struct{ lead, lower byte } {
	var t []struct{ lead, lower byte }
	var buf [utf8.UTFMax]byte
	for _, cr := range unicode.CaseRanges {
		for r := max(cr.Lo, utf8.RuneSelf); r <= cr.Hi; r++ {
			if l := unicode.ToLower(rune(r)); 'a' <= l && l <= 'z' {
				utf8.EncodeRune(buf[:], rune(r))
				e := struct{ lead, lower byte }{buf[0], byte(l)}
				if !slices.Contains(t, e) {
					t = append(t, e)
				}
			}
		}
	}
	return t
}()

// spellSelect appends to dst the tokens of the shapes sh selects, in
// order (spellPick). The tokens are in order and not empty, so that all
// but the last have two bytes of text from their start.
//
// It reads every token of a document, in about eight instructions a
// token rather than seventeen: the tokens by their offset from the first
// and the text unchecked (its bounds are checked once), four at a time
// with one branch for the four (about one token in twenty is selected).
func spellSelect(dst []spellPick, m string, toks []text.Token, sh *spellShapes) []spellPick {
	least := &sh.min
	_ = least[0] // one nil check, not one a token
	// The last token, which may have one byte of text, first.
	last := false
	n := len(toks)
	if n > 0 {
		t := &toks[n-1]
		last = t.End-t.Start >= 2 && uint(t.End-t.Start) >= uint(least[uint16(m[t.Start])|uint16(m[t.Start+1])<<8])
	}
	if n > 1 {
		// Every token before the last starts at least two bytes
		// before the end of m: checked once, for the one that starts
		// last.
		if t := &toks[n-2]; t.Start < 0 || t.Start+2 > len(m) || t.End < t.Start {
			panic("spellSelect: tokens out of order")
		}
		const size = unsafe.Sizeof(text.Token{})
		base := unsafe.Pointer(unsafe.SliceData(toks))
		text0 := unsafe.Pointer(unsafe.StringData(m))
		end := uintptr(n-1) * size
		for off := uintptr(0); off < end; off += 4 * size {
			// Past the groups of four tokens none of which is
			// selected, in a loop of its own; then those of the
			// next group that are.
			var sel uint
			off, sel = spellSkipFours(base, text0, least, off, end)
			if off+4*size > end {
				break
			}
			for ; sel != 0; sel &= sel - 1 {
				dst = append(dst, spellPickAt(base, text0, off+uintptr(bits.TrailingZeros(sel))*size))
			}
		}
		// The last few, fewer than four.
		for off := end - (end/size)%4*size; off < end; off += size {
			if spellMarginAt(base, text0, least, off) >= 0 {
				dst = append(dst, spellPickAt(base, text0, off))
			}
		}
	}
	if last {
		dst = append(dst, spellPickOf(m, toks, n-1))
	}
	return dst
}

// spellSkipFours returns the offset from base, from off on, of the first
// group of four tokens before end that holds one least selects, with a
// bit set for each selected (bit i for token i of the group), or the
// offset of the first token after the last whole group (see spellSelect). A leaf that holds
// little, so that its loop keeps all in registers: the tokens are tested
// four at a time, with one branch for the four (the signs of their
// margins, below 0 when not selected).
func spellSkipFours(base, text0 unsafe.Pointer, least *[1 << 16]uint8, off, end uintptr) (uintptr, uint) {
	const size = unsafe.Sizeof(text.Token{})
	_ = least[0] // one nil check
	// spellMarginAt written out: an inlined call leaves a marker
	// instruction in the loop.
	for ; off+4*size <= end; off += 4 * size {
		t := (*[4]text.Token)(unsafe.Add(base, off))
		p0, p1, p2, p3 := unsafe.Add(text0, t[0].Start), unsafe.Add(text0, t[1].Start), unsafe.Add(text0, t[2].Start), unsafe.Add(text0, t[3].Start)
		d0 := t[0].End - t[0].Start - int(least[uint16(*(*byte)(p0))|uint16(*(*byte)(unsafe.Add(p0, 1)))<<8])
		d1 := t[1].End - t[1].Start - int(least[uint16(*(*byte)(p1))|uint16(*(*byte)(unsafe.Add(p1, 1)))<<8])
		d2 := t[2].End - t[2].Start - int(least[uint16(*(*byte)(p2))|uint16(*(*byte)(unsafe.Add(p2, 1)))<<8])
		d3 := t[3].End - t[3].Start - int(least[uint16(*(*byte)(p3))|uint16(*(*byte)(unsafe.Add(p3, 1)))<<8])
		if d0&d1&d2&d3 >= 0 {
			// The signs, one bit a token: set for those selected.
			return off, ^(uint(d0)>>63 | uint(d1)>>63<<1 | uint(d2)>>63<<2 | uint(d3)>>63<<3) & 15
		}
	}
	return off, 0
}

// spellPickAt returns the spellPick of the token at offset off from base,
// whose text, from text0, has a byte from its start (see spellSelect).
func spellPickAt(base, text0 unsafe.Pointer, off uintptr) spellPick {
	const size = unsafe.Sizeof(text.Token{})
	t := (*text.Token)(unsafe.Add(base, off))
	return spellPick{g: int32(off / size), first: *(*byte)(unsafe.Add(text0, t.Start)), n: uint8(min(t.End-t.Start, 255))}
}

// spellMarginAt returns the length of the token at offset off from base,
// whose text, from text0, has two bytes from its start, less the least
// that least selects (see spellSelect): at least 0 when it is selected.
func spellMarginAt(base, text0 unsafe.Pointer, least *[1 << 16]uint8, off uintptr) int {
	t := (*text.Token)(unsafe.Add(base, off))
	p := unsafe.Add(text0, t.Start)
	f := uint16(*(*byte)(p)) | uint16(*(*byte)(unsafe.Add(p, 1)))<<8
	return t.End - t.Start - int(least[f])
}

// A spellSentenceCursor finds the sentences of increasing token indexes.
type spellSentenceCursor struct{ si int }

// at returns the tokens of the sentence outside code that holds the
// document's token g, and g's index there; g is at least the last one
// asked for.
func (c *spellSentenceCursor) at(doc *checker.Document, g int) ([]text.Token, int, bool) {
	ss := doc.Sentences
	if c.si < len(ss) && ss[c.si].Last <= g {
		// The first sentence after c.si that ends after g: looked
		// for in steps that double, then by halves, as the tokens
		// asked for are often far apart.
		lo, hi, step := c.si+1, c.si+1, 1 // ss[lo-1].Last <= g
		for hi < len(ss) && ss[hi].Last <= g {
			lo = hi + 1
			hi = lo + step
			step *= 2
		}
		hi = min(hi, len(ss)) // len(ss), or ss[hi].Last > g
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if ss[h].Last <= g {
				lo = h + 1
			} else {
				hi = h
			}
		}
		c.si = lo
	}
	if c.si == len(ss) || ss[c.si].First > g || doc.BlockOf(ss[c.si]).Kind == checker.Code {
		return nil, 0, false
	}
	return doc.SentenceTokens(ss[c.si]), g - ss[c.si].First, true
}

// spellSpacedLens holds, by a word's first byte, bit n set when a bound
// prefix that may stand before a space (not "post", "counter" or "e") of n
// bytes starts with it in either case.
var spellSpacedLens = func() (t [256]uint64) {
	for _, list := range spellPrefixes {
		for _, p := range list {
			if p == "post" || p == "counter" || p == "e" {
				continue
			}
			t[p[0]] |= 1 << len(p)
			t[p[0]-'a'+'A'] |= 1 << len(p)
		}
	}
	return t
}()

// spellMayEndPrefix reports whether s may end with a bound prefix as a
// word before a hyphen: whether its last bytes, ASCII letters lower-cased,
// are one, not after an ASCII letter (which the word would take in). It is
// false for most text before a hyphen ("one-", "time-").
func spellMayEndPrefix(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range spellPrefixEnds[s[len(s)-1]|0x20] {
		if len(s) < len(p) {
			continue
		}
		t := s[len(s)-len(p):]
		k := 0
		for k < len(p) && t[k]|0x20 == p[k] {
			k++
		}
		if k == len(p) && (len(s) == len(p) || !spellASCIILetter(s[len(s)-len(p)-1])) {
			return true
		}
	}
	return false
}

func spellASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// spellPrefixEnds lists the bound prefixes by their last letter.
var spellPrefixEnds = func() (t [256][]string) {
	for _, list := range spellPrefixes {
		for _, p := range list {
			c := p[len(p)-1]
			t[c] = append(t[c], p)
		}
	}
	return t
}()

// spellTokenBefore returns the tokens of the sentence (outside code) in
// which a token starts at offset off, and the index there of the token
// before it, if there is one.
func spellTokenBefore(doc *checker.Document, off int) ([]text.Token, int, bool) {
	all := doc.Tokens
	h := sort.Search(len(all), func(j int) bool { return all[j].Start >= off })
	if h == len(all) || all[h].Start != off {
		return nil, 0, false
	}
	ss := doc.Sentences
	si := sort.Search(len(ss), func(j int) bool { return ss[j].Last > h })
	if si == len(ss) || ss[si].First >= h || doc.BlockOf(ss[si]).Kind == checker.Code {
		return nil, 0, false
	}
	return doc.SentenceTokens(ss[si]), h - ss[si].First - 1, true
}

// spellClosed appends to occs the word at t if, lower-cased when it starts
// with a capital, it is one of keys: a compound closed up.
func spellClosed(occs *[]spellCompoundOcc, keys map[string]bool, doc *checker.Document, t checker.Span, buf *[64]byte) {
	if lw, ok := spellClosedText(keys, doc, t, buf); ok {
		*occs = append(*occs, spellCompoundOcc{span: t, kind: cluster.Compound, text: lw})
	}
}

// spellClosedText returns the word at t, lower-cased when it starts with a
// capital, and whether it is one of keys.
func spellClosedText(keys map[string]bool, doc *checker.Document, t checker.Span, buf *[64]byte) (string, bool) {
	lw := doc.Masked[t.Start:t.End]
	if c := lw[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
		// Lower-cased into buf while ASCII, to look the word up
		// without a copy.
		b := buf[:0]
		for k := 0; k < len(lw) && b != nil; k++ {
			switch c := lw[k]; {
			case c >= utf8.RuneSelf:
				b = nil
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			default:
				b = append(b, c)
			}
		}
		switch {
		case b == nil:
			lw = strings.ToLower(lw)
		case !keys[string(b)]:
			return "", false
		default:
			lw = string(b)
		}
	}
	return lw, keys[lw]
}

// spellPrefixes are the bound prefixes of spellIsPrefix by first letter.
var spellPrefixes = [26][]string{
	'a' - 'a': {"anti"},
	'c' - 'a': {"co", "cyber", "counter"},
	'e' - 'a': {"e"},
	'i' - 'a': {"inter"},
	'm' - 'a': {"multi"},
	'n' - 'a': {"non"},
	'p' - 'a': {"pre", "post", "pseudo"},
	's' - 'a': {"semi"},
	'u' - 'a': {"ultra"},
}

// spellMayBeClosed reports whether word w, lower-cased, may be a bound
// prefix and more ("antigang", "email"), by its first two letters: it is
// false for most words.
func spellMayBeClosed(w string) bool {
	f := w[0]
	switch {
	case f >= utf8.RuneSelf:
		return true // lower-casing may change it
	case spellPrefixLens[f] == 0 || len(w) <= bits.TrailingZeros8(spellPrefixLens[f]):
		return false // no prefix starts so, or none is shorter than w
	}
	g := w[1]
	if g >= utf8.RuneSelf {
		return true
	}
	g |= 0x20
	return 'a' <= g && g <= 'z' && spellPrefixSecond[(f|0x20)-'a']&(1<<(g-'a')) != 0
}

// spellPrefixSecond holds, by the first letter of a bound prefix, the
// letters that may follow it in a closed compound.
var spellPrefixSecond = func() (t [26]uint32) {
	for i, list := range spellPrefixes {
		for _, p := range list {
			if len(p) == 1 {
				t[i] = 1<<26 - 1
			} else {
				t[i] |= 1 << (p[1] - 'a')
			}
		}
	}
	return t
}()

// spellPrefixLens holds, by a word's first byte, the byte lengths of the
// bound prefixes it may start: a check of every word that is almost always
// false.
var spellPrefixLens = func() (t [256]uint8) {
	for i, list := range spellPrefixes {
		for _, p := range list {
			t['a'+i] |= 1 << len(p)
			t['A'+i] |= 1 << len(p)
		}
	}
	return t
}()

// spellIsPrefixFold is spellIsPrefix for a word in any case.
func spellIsPrefixFold(w string) bool {
	if len(w) == 0 || len(w) > 7 || spellPrefixLens[w[0]]&(1<<len(w)) == 0 {
		return false
	}
	c := w[0] | 0x20
	for _, p := range spellPrefixes[c-'a'] {
		if len(p) == len(w) && spellFoldEqual(p, w) {
			return true
		}
	}
	return false
}

// spellFoldEqual is strings.EqualFold(p, w) for p of lower-case ASCII
// letters and w of its byte length: a rune outside ASCII takes two bytes
// or more, so that w has fewer runes than p and is not equal; an ASCII
// byte of w is p's letter in either case only if it is p's byte with bit
// 0x20 set.
func spellFoldEqual(p, w string) bool {
	for k := 0; k < len(p); k++ {
		if w[k]|0x20 != p[k] {
			return false
		}
	}
	return true
}

// spellIsPrefix reports whether w is one of the bound prefixes a compound
// may be written with, joined by a hyphen, closed or spaced ("anti-gang",
// "antigang", "anti gang").
func spellIsPrefix(w string) bool {
	switch w {
	case "anti", "non", "e", "co", "pre", "post", "multi", "semi", "cyber", "counter", "inter", "pseudo", "ultra":
		return true
	}
	return false
}

// spellLowerWord reports whether w is letters only, in lower case (its first
// letter may be a capital when it starts the sentence).
func spellLowerWord(w string, initial bool) bool {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'a' <= c && c <= 'z' || i == 0 && initial && 'A' <= c && c <= 'Z' {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		ascii = false
		break
	}
	if ascii {
		return w != ""
	}
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) && !(i == 0 && initial) {
			return false
		}
	}
	return w != ""
}

func spellSingleCapital(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func spellASCIIUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func spellHasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// spellKnown reports whether the folded word w is in the lexicon at all.
func spellKnown(w string) bool { return lexicon.Lookup(w).Tier > 0 }

// A spellTerm is a glossary spelling: an entry's term, or a person's
// surname, which may stand alone.
type spellTerm struct {
	id   int // 1 + entry index
	text string
}

// spellTermsCache holds the terms of the last glossary seen: a glossary is
// read-only, and a run (or a watch loop) checks with one glossary.
var spellTermsCache struct {
	sync.Mutex
	g     weak.Pointer[glossary.Glossary]
	n     int
	terms map[string]spellTerm
}

// spellTerms indexes the glossary's terms by their exact-variant key. The
// map is shared: callers must not modify it.
func spellTerms(g *glossary.Glossary) map[string]spellTerm {
	if g == nil || len(g.Entries) == 0 {
		return map[string]spellTerm{}
	}
	c := &spellTermsCache
	c.Lock()
	defer c.Unlock()
	if w := weak.Make(g); c.terms == nil || c.g != w || c.n != len(g.Entries) {
		c.g, c.n, c.terms = w, len(g.Entries), buildSpellTerms(g)
	}
	return c.terms
}

func buildSpellTerms(g *glossary.Glossary) map[string]spellTerm {
	terms := make(map[string]spellTerm, len(g.Entries))
	for i, e := range g.Entries {
		if k := text.Compact(e.Term); k != "" {
			if _, ok := terms[k]; !ok {
				terms[k] = spellTerm{i + 1, e.Term}
			}
		}
	}
	for i, e := range g.Entries {
		if e.Kind != glossary.Person {
			continue
		}
		last := cluster.LastWord(e.Term)
		if k := text.Compact(last); len(k) >= 3 && last != e.Term {
			if _, ok := terms[k]; !ok {
				terms[k] = spellTerm{i + 1, last}
			}
		}
	}
	return terms
}

// reportSpellings groups the spellings items and reports, in the order of
// the groups, the occurrences of those that are not their group's preferred
// one. With opt.Jobs above 1, the groups' findings are worked out in
// parallel, then reported in the same order.
func reportSpellings(report func(checker.Finding), r *spellReader, items []spellEntry, terms map[string]spellTerm, opt cluster.Options) {
	in := make([]cluster.Item, len(items))
	for i := range items {
		it := &items[i]
		key := spellEntryKey(it.kind, it.text)
		in[i] = cluster.Item{Text: it.text, Kind: it.kind, Key: key, Count: it.count, Mid: it.mid}
		if it.kind == cluster.Name || it.kind == cluster.Acronym {
			in[i].Term = terms[key].id
		}
	}
	groups := cluster.Group(in, opt)
	if opt.Jobs <= 1 || len(groups) <= spellGroupChunk {
		for _, g := range groups {
			reportSpellingGroup(report, r, g, in, items, terms, opt)
		}
		return
	}
	found := make([][]checker.Finding, (len(groups)+spellGroupChunk-1)/spellGroupChunk)
	parallel.For(opt.Jobs, len(found), func(c int) {
		add := func(f checker.Finding) { found[c] = append(found[c], f) }
		for _, g := range groups[c*spellGroupChunk : min((c+1)*spellGroupChunk, len(groups))] {
			reportSpellingGroup(add, r, g, in, items, terms, opt)
		}
	})
	for _, fs := range found {
		for _, f := range fs {
			report(f)
		}
	}
}

// spellGroupChunk is the number of groups whose findings a goroutine of
// reportSpellings works out at a time.
const spellGroupChunk = 32

// reportSpellingGroup reports the spellings of group g of items (in, as
// given to cluster.Group) that are not its preferred one.
func reportSpellingGroup(report func(checker.Finding), r *spellReader, g []int, in []cluster.Item, items []spellEntry, terms map[string]spellTerm, opt cluster.Options) {
	// The preferred spelling: the glossary term, else the most
	// frequent, ties to a known name, then to the first seen.
	pref := g[0]
	prefText := ""
	for _, i := range g {
		if t := in[i].Term; t != 0 && items[i].text == terms[in[i].Key].text {
			pref, prefText = i, items[i].text
			break
		}
	}
	if prefText == "" {
		known := func(i int) bool { return items[i].kind == cluster.Name && cluster.Known(items[i].text, opt) }
		for _, i := range g {
			// Among equals, a name the lexicon knows ("Buckley"
			// before "Bakle").
			if items[i].count > items[pref].count || items[i].count == items[pref].count && known(i) && !known(pref) {
				pref = i
			}
		}
		if items[pref].kind == cluster.Name {
			for _, i := range g {
				if cluster.Fuller(items[i].text, items[pref].text) {
					pref = i // "El Salvador" over "Salvador"
				}
			}
		}
		prefText = items[pref].text
		for _, i := range g {
			if t := in[i].Term; t != 0 {
				prefText = terms[in[i].Key].text
				pref = -1
				break
			}
		}
	}
	// Variants: the preferred first, then by count, then first seen.
	order := make([]int, 0, len(g))
	if pref >= 0 {
		order = append(order, pref)
	}
	for _, i := range g {
		if i != pref {
			order = append(order, i)
		}
	}
	rest := order
	if pref >= 0 {
		rest = order[1:]
	}
	spellSortByCount(rest, items)
	variants := make([]checker.Variant, 0, len(order))
	for _, i := range order {
		it := &items[i]
		v := checker.Variant{Text: it.text, Count: it.count}
		r.occurrences(it.ref, func(file string, _ []byte, o *spellingOcc) bool {
			v.First = o.location(file)
			return false
		})
		variants = append(variants, v)
	}
	for _, i := range g {
		if i == pref || items[i].text == prefText {
			continue
		}
		sugg := prefText
		if items[i].kind == cluster.Name {
			if strings.ReplaceAll(items[i].text, ".", "") == strings.ReplaceAll(prefText, ".", "") {
				continue // "U.S. Army", "US Army": reported as an acronym
			}
			if cluster.Shortened(items[i].text, prefText) {
				continue // "Bukele" beside "Nayib Bukele"
			}
			sugg = cluster.Suggest(items[i].text, prefText)
		}
		msg := spellingMessage(items, order, i)
		for ref := items[i].ref; ; {
			r.occurrences(ref, func(file string, data []byte, o *spellingOcc) bool {
				l := o.location(file)
				text := items[i].text
				if o.raw != 0 {
					text = string(data[o.raw-1 : o.raw-1+o.span.End-o.span.Start])
				}
				report(checker.Finding{
					File:       l.File,
					Span:       l.Span,
					Pos:        l.Pos,
					End:        l.End,
					Text:       text,
					Message:    msg,
					Suggestion: sugg,
					Variants:   variants,
				})
				return true
			})
			if r.next == nil || r.next[ref] == 0 {
				break
			}
			ref = r.next[ref] - 1
		}
	}
}

// spellSortByCount sorts item indexes by count, highest first, keeping the
// order of first occurrence among equals.
func spellSortByCount(idx []int, items []spellEntry) {
	for a := 1; a < len(idx); a++ {
		for b := a; b > 0 && items[idx[b]].count > items[idx[b-1]].count; b-- {
			idx[b], idx[b-1] = idx[b-1], idx[b]
		}
	}
}

// spellingMessage says which other spellings the group holds:
// `"Bakle" is also written "Buckley" (2 times) and "Naibbuckley" (1 time)`.
func spellingMessage(items []spellEntry, order []int, self int) string {
	var others []string
	for _, i := range order {
		if i == self {
			continue
		}
		if len(others) == 3 {
			others = append(others, fmt.Sprintf("%d more", len(order)-1-3))
			break
		}
		n := items[i].count
		unit := "times"
		if n == 1 {
			unit = "time"
		}
		others = append(others, fmt.Sprintf("%q (%d %s)", items[i].text, n, unit))
	}
	list := others[0]
	if len(others) > 1 {
		list = strings.Join(others[:len(others)-1], ", ") + " and " + others[len(others)-1]
	}
	return fmt.Sprintf("%q is also written %s", items[self].text, list)
}

// spellConnector is text.IsConnector, without folding long words.
func spellConnector(w string) bool { return len(w) <= 5 && text.IsConnector(w) }

func spellBit(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
