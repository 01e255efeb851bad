package rules

import (
	"encoding/binary"
	"slices"
	"sort"
	"sync"
	"unsafe"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/parallel"
)

// spellingSummary is what Collect keeps of one document: its distinct
// spellings, in order of first occurrence, with their counts and their
// first maxSpellingLocs occurrences located. A run over many files keeps
// one per file until it ends, so it is compact: one array of bytes, with
// the items and the occurrences encoded (most items take two or three
// bytes, most occurrences five), which the garbage collector need not
// scan.
//
// data holds, one after another:
//
//   - a header: the number of items, the byte length of the items and the
//     offset of the occurrences from the end of the header (uvarints);
//   - the items in order, each count<<4 | kind<<1 | mid, then the byte
//     length of its text (uvarints);
//   - the items' texts;
//   - the raw texts of occurrences written otherwise than their spelling;
//   - each item's occurrences kept, min(count, maxSpellingLocs) of them,
//     in item order, encoded by spellPutOcc, after their byte length (a
//     uvarint, so that a reader skips them in one step).
//
// A merged summary (a file checked in sections) keeps its items decoded
// in merged, and adds texts and occurrences at the end of data.
type spellingSummary struct {
	file   string
	data   []byte
	merged *spellMerged
}

// A spellItem is an item decoded.
type spellItem struct {
	count int
	size  uint32 // the byte length of the item's text
	n     uint8  // its occurrences in its own run (see spellMerged)
	kept  uint8  // its occurrences kept, with those of later sections
	kind  cluster.Kind
	mid   bool // seen inside a sentence
}

// spellMerged is a merged summary's items, and what the sections after the
// first of its file add (mergeSpellings).
type spellMerged struct {
	items  []spellItem
	textAt []int          // the offset in data of each item's text
	at     []int          // the offset in data of each item's own run: its occurrences in the first section
	index  *cluster.Index // the items' kinds and texts, numbered
	item   []int32        // the item of each number of index
	files  []string       // the later sections' Document names
	runs   []spellRun     // their occurrences kept, by section and then item
}

// A spellRun is the occurrences of an item kept from a later section of a
// file, encoded in the summary's data.
type spellRun struct {
	at   int   // offset in data
	item int32 // the item's index
	file int32 // the section's index in files
	n    uint8
}

// spellHeader is a summary's header decoded.
type spellHeader struct {
	items                 int // the number of items
	itemAt, textAt, occAt int // the offsets of the items, their texts and their occurrences
}

func (s *spellingSummary) header() spellHeader {
	d := s.data
	n, k1 := binary.Uvarint(d)
	size, k2 := binary.Uvarint(d[k1:])
	occ, k3 := binary.Uvarint(d[k1+k2:])
	at := k1 + k2 + k3
	return spellHeader{items: int(n), itemAt: at, textAt: at + int(size), occAt: at + int(occ)}
}

// spellGetItem decodes the item at d[at:] and returns the offset after it.
func spellGetItem(d []byte, at int, it *spellItem) int {
	v, at := spellUvarint(d, at)
	size, at := spellUvarint(d, at)
	it.count = int(v >> 4)
	it.kind = cluster.Kind(v >> 1 & 7)
	it.mid = v&1 != 0
	it.size = uint32(size)
	it.n = uint8(min(it.count, maxSpellingLocs))
	it.kept = it.n
	return at
}

// len returns the number of items of the summary.
func (s *spellingSummary) len() int {
	if s.merged != nil {
		return len(s.merged.items)
	}
	return s.header().items
}

// each calls fn with every item of the summary and its text, in order.
// it is reused from one call to the next unless the summary is merged.
func (s *spellingSummary) each(fn func(j int, it *spellItem, text []byte)) {
	if m := s.merged; m != nil {
		for j := range m.items {
			it := &m.items[j]
			fn(j, it, s.data[m.textAt[j]:m.textAt[j]+int(it.size)])
		}
		return
	}
	h := s.header()
	var it spellItem
	ia, ta := h.itemAt, h.textAt
	for j := range h.items {
		ia = spellGetItem(s.data, ia, &it)
		fn(j, &it, s.data[ta:ta+int(it.size)])
		ta += int(it.size)
	}
}

// eachRun is each for a summary that is not merged, with the offset in
// data of each item's occurrences.
func (s *spellingSummary) eachRun(fn func(j int, it *spellItem, text []byte, at int)) {
	h := s.header()
	var it spellItem
	ia, ta, oa := h.itemAt, h.textAt, h.occAt
	for j := range h.items {
		ia = spellGetItem(s.data, ia, &it)
		var at int
		at, oa = spellRunAt(s.data, oa)
		fn(j, &it, s.data[ta:ta+int(it.size)], at)
		ta += int(it.size)
	}
}

// A spellingOcc is one occurrence of a spelling, located when collected:
// run-level findings are reported after the document is gone.
type spellingOcc struct {
	span     checker.Span
	pos, end spellPos
	// raw locates the text as written when it is not the spelling's:
	// 1 + its index among the collector's raws while collecting, 1 +
	// its offset in the summary's data once encoded; 0 for none.
	raw int
}

// spellPos is a line and column (checker.Position without the offset).
type spellPos struct{ line, col int }

func (o *spellingOcc) location(file string) checker.Location {
	return checker.Location{
		File: file,
		Span: o.span,
		Pos:  checker.Position{Offset: o.span.Start, Line: o.pos.line, Column: o.pos.col},
		End:  checker.Position{Offset: o.span.End, Line: o.end.line, Column: o.end.col},
	}
}

// spellPutOcc appends occurrence o to b, after prev, the occurrence before
// it in the same item's run (the zero value for the first): the length,
// whether the occurrence is raw and whether its end is not the usual (on
// its line, one column per byte), in one number; then the start and the
// line as differences from prev's, the column, the end if unusual and the
// raw text's offset.
func spellPutOcc(b []byte, prev, o *spellingOcc) []byte {
	n := o.span.End - o.span.Start
	h := uint64(n) << 2
	if o.raw != 0 {
		h |= 2
	}
	usual := o.end.line == o.pos.line && o.end.col == o.pos.col+n
	if !usual {
		h |= 1
	}
	b = spellPutUvarint(b, h)
	b = spellPutUvarint(b, spellZigzag(o.span.Start-prev.span.Start))
	b = spellPutUvarint(b, spellZigzag(o.pos.line-prev.pos.line))
	b = spellPutUvarint(b, uint64(o.pos.col))
	if !usual {
		b = spellPutUvarint(b, uint64(o.end.line-o.pos.line))
		b = spellPutUvarint(b, uint64(o.end.col))
	}
	if o.raw != 0 {
		b = spellPutUvarint(b, uint64(o.raw-1))
	}
	return b
}

// spellPutKept is spellPutOcc for o, kept while collecting, after prev
// (the zero value for the first), with raw its raw text's offset in data
// plus one, or 0: spellPutOcc(b, prev.occurrence(), o.occurrence() with
// raw), without making either.
func spellPutKept(b []byte, prev, o *spellOcc, raw int) []byte {
	h := uint64(o.n) << 2
	if raw != 0 {
		h |= 2
	}
	usual := o.endLine == o.line && uint64(o.endCol) == uint64(o.col)+uint64(o.n)
	if !usual {
		h |= 1
	}
	b = spellPutUvarint(b, h)
	b = spellPutUvarint(b, spellZigzag(int(o.start)-int(prev.start)))
	b = spellPutUvarint(b, spellZigzag(int(o.line)-int(prev.line)))
	b = spellPutUvarint(b, uint64(o.col))
	if !usual {
		b = spellPutUvarint(b, uint64(int(o.endLine)-int(o.line)))
		b = spellPutUvarint(b, uint64(o.endCol))
	}
	if raw != 0 {
		b = spellPutUvarint(b, uint64(raw-1))
	}
	return b
}

// spellPutUvarint is binary.AppendUvarint, quick for the one-byte values
// most are.
func spellPutUvarint(b []byte, v uint64) []byte {
	if v < 0x80 {
		return append(b, byte(v))
	}
	return binary.AppendUvarint(b, v)
}

func spellZigzag(v int) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

// spellUvarint decodes the uvarint at b[at:] and returns it and the offset
// after it, quickly for one byte.
func spellUvarint(b []byte, at int) (uint64, int) {
	if c := b[at]; c < 0x80 {
		return uint64(c), at + 1
	}
	v, k := binary.Uvarint(b[at:])
	return v, at + k
}

// spellVarint decodes a signed number put by spellPutUvarint(spellZigzag(v)).
func spellVarint(b []byte, at int) (int, int) {
	u, at := spellUvarint(b, at)
	return int(u>>1) ^ -int(u&1), at
}

// spellGetOcc decodes the occurrence at b[at:] that follows prev (see
// spellPutOcc) into o, and returns the offset after it.
func spellGetOcc(b []byte, at int, prev, o *spellingOcc) int {
	h, at := spellUvarint(b, at)
	n := int(h >> 2)
	d, at := spellVarint(b, at)
	o.span.Start = prev.span.Start + d
	o.span.End = o.span.Start + n
	d, at = spellVarint(b, at)
	o.pos.line = prev.pos.line + d
	col, at := spellUvarint(b, at)
	o.pos.col = int(col)
	if h&1 == 0 {
		o.end = spellPos{o.pos.line, o.pos.col + n}
	} else {
		var l, c uint64
		l, at = spellUvarint(b, at)
		c, at = spellUvarint(b, at)
		o.end = spellPos{o.pos.line + int(l), int(c)}
	}
	o.raw = 0
	if h&2 != 0 {
		var r uint64
		r, at = spellUvarint(b, at)
		o.raw = 1 + int(r)
	}
	return at
}

// spellRunAt returns the offset of the first occurrence of the item's run
// at b[at:], after its byte length, and the offset after the run.
func spellRunAt(b []byte, at int) (first, next int) {
	n, first := spellUvarint(b, at)
	return first, first + int(n)
}

// spellScratch holds the occurrences of a document encoded, before they
// are copied into its summary, from one document to the next.
var spellScratch = sync.Pool{New: func() any { return new([]byte) }}

// finish encodes what the collector found into a summary (see
// spellingSummary).
func (c *spellingCollector) finish() *spellingSummary {
	items := c.items
	bp := spellScratch.Get().(*[]byte)
	enc := (*bp)[:0]
	defer func() {
		*bp = enc
		spellScratch.Put(bp)
	}()
	for i := range items {
		it := &items[i]
		v := uint64(it.count)<<4 | uint64(it.kind)<<1
		if it.mid {
			v |= 1
		}
		enc = binary.AppendUvarint(enc, v)
		enc = binary.AppendUvarint(enc, uint64(it.size))
	}
	itemsLen := len(enc)
	body := itemsLen
	for _, t := range c.texts {
		body += len(t)
	}
	rawsAt := body
	for _, r := range c.raws {
		body += len(r)
	}
	var head [3 * binary.MaxVarintLen64]byte
	h := binary.AppendUvarint(head[:0], uint64(len(items)))
	h = binary.AppendUvarint(h, uint64(itemsLen))
	h = binary.AppendUvarint(h, uint64(body))
	// The raw texts' offsets in data.
	rawAt := make([]int, len(c.raws))
	off := len(h) + rawsAt
	for k, r := range c.raws {
		rawAt[k] = off
		off += len(r)
	}
	// The occurrences by item (a counting sort), then encoded.
	var spare spellArrays
	if c.spare != nil {
		spare = *c.spare
	}
	at := slices.Grow(spare.at[:0], len(items)+1)[:len(items)+1]
	at[0] = 0
	for i := range items {
		at[i+1] = at[i] + int32(items[i].n)
	}
	order := slices.Grow(spare.order[:0], int(at[len(items)]))[:at[len(items)]]
	if c.spare != nil {
		c.spare.at, c.spare.order = at[:0], order[:0]
	}
	occs := c.allOccs()
	for ci, ch := range occs {
		for j := range ch {
			i := ch[j].item
			order[at[i]] = int32(ci<<c.occShift | j)
			at[i]++
		}
	}
	mask := 1<<c.occShift - 1
	var none spellOcc // before each item's first
	for i, k := 0, 0; i < len(items); i++ {
		// The run's byte length first: one byte for most, made room
		// for when more.
		start := len(enc)
		enc = append(enc, 0)
		prev := &none
		for range items[i].n {
			x := int(order[k])
			o := &occs[x>>c.occShift][x&mask]
			k++
			raw := 0
			if o.raw != 0 {
				raw = 1 + rawAt[o.raw-1]
			}
			enc = spellPutKept(enc, prev, o, raw)
			prev = o
		}
		if n := len(enc) - start - 1; n < 0x80 {
			enc[start] = byte(n)
		} else {
			var b [binary.MaxVarintLen64]byte
			k := binary.PutUvarint(b[:], uint64(n))
			enc = append(enc, b[:k-1]...)
			copy(enc[start+k:], enc[start+1:start+1+n])
			copy(enc[start:], b[:k])
		}
	}
	data := make([]byte, len(h)+body+len(enc)-itemsLen)
	w := copy(data, h)
	w += copy(data[w:], enc[:itemsLen])
	for _, t := range c.texts {
		w += copy(data[w:], t)
	}
	for _, r := range c.raws {
		w += copy(data[w:], r)
	}
	copy(data[w:], enc[itemsLen:])
	return &spellingSummary{file: c.file, data: data}
}

// mergeSpellings merges the summary of a section of a file into that of
// the sections before it, as if they had been collected together: counts
// add up, spellings first seen in the later section come after the others,
// and the first maxSpellingLocs occurrences of each are kept, those of the
// later section as a run of their own (with its Document's name).
func mergeSpellings(a, b any) any {
	sa, sb := a.(*spellingSummary), b.(*spellingSummary)
	m := sa.merged
	if m == nil {
		h := sa.header()
		m = &spellMerged{index: cluster.NewIndex(h.items, h.occAt-h.textAt), item: make([]int32, 0, h.items)}
		m.items = make([]spellItem, h.items)
		m.textAt = make([]int, h.items)
		m.at = make([]int, h.items)
		ia, ta, oa := h.itemAt, h.textAt, h.occAt
		for j := range m.items {
			it := &m.items[j]
			ia = spellGetItem(sa.data, ia, it)
			m.textAt[j] = ta
			m.at[j], oa = spellRunAt(sa.data, oa)
			if id, added := m.index.Add(byte(it.kind), spellShared(sa.data[ta:ta+int(it.size)])); added {
				m.item = append(m.item, int32(j))
			} else {
				m.item[id] = int32(j)
			}
			ta += int(it.size)
		}
		sa.merged = m
	}
	file := int32(len(m.files))
	m.files = append(m.files, sb.file)
	var raws []int // the new offsets of the raw texts of a run
	sb.eachRun(func(j int, it *spellItem, text []byte, run int) {
		var i int32
		id, added := m.index.Add(byte(it.kind), spellShared(text))
		if !added {
			i = m.item[id]
		} else {
			i = int32(len(m.items))
			m.item = append(m.item, i)
			m.textAt = append(m.textAt, len(sa.data))
			m.at = append(m.at, 0)
			sa.data = append(sa.data, text...)
			m.items = append(m.items, spellItem{size: it.size, kind: it.kind})
		}
		mi := &m.items[i]
		mi.count += it.count
		mi.mid = mi.mid || it.mid
		n := min(int(it.n), maxSpellingLocs-int(mi.kept))
		if n <= 0 {
			return
		}
		// Copies of what is kept, so that the section's summary can
		// go: first the raw texts, then the occurrences, which refer
		// to them by offset.
		var prev, o spellingOcc
		raws = raws[:0]
		at := run
		for range n {
			at = spellGetOcc(sb.data, at, &prev, &o)
			if o.raw != 0 {
				raws = append(raws, len(sa.data))
				sa.data = append(sa.data, sb.data[o.raw-1:o.raw-1+o.span.End-o.span.Start]...)
			}
			prev = o
		}
		m.runs = append(m.runs, spellRun{at: len(sa.data), item: i, file: file, n: uint8(n)})
		prev, at = spellingOcc{}, run
		for range n {
			at = spellGetOcc(sb.data, at, &prev, &o)
			if o.raw != 0 {
				o.raw = 1 + raws[0]
				raws = raws[1:]
			}
			// Encoded after prev as decoded: the differences are
			// those of the positions alone.
			sa.data = spellPutOcc(sa.data, &prev, &o)
			prev = o
		}
		mi.kept += uint8(n)
	})
	return sa
}

// A spellReader reads the summaries of a run at Finish. An item of a
// summary is named by a ref: its index among all the items of the run,
// the summaries' numbered one after another (fewer than 2^31: each takes
// more than a byte of memory).
type spellReader struct {
	sums  []*spellingSummary
	first []int32 // the ref of each summary's first item, then the number of refs
	// next holds, across files, 1 + the ref of the same spelling's
	// item in the next file that has it, 0 for none (nil: none at all).
	next []int32
	read []spellReadOnce // by summary, once read
}

// A spellReadOnce is a summary's spellRead, worked out by the first
// goroutine that asks.
type spellReadOnce struct {
	once sync.Once
	rd   *spellRead
}

// A spellRead is what is worked out of a summary to find the occurrences
// of its items at once.
type spellRead struct {
	// A summary of many items: the offset in data of each item's run,
	// and its length.
	at []int32
	n  []uint8
	// A merged summary: the indexes in runs of each item's runs,
	// runs[from[j]:from[j+1]].
	runs, from []int32
}

func newSpellReader(sums []any) *spellReader {
	r := &spellReader{
		sums:  make([]*spellingSummary, len(sums)),
		first: make([]int32, len(sums)+1),
		read:  make([]spellReadOnce, len(sums)),
	}
	n := 0
	for i, s := range sums {
		r.sums[i] = s.(*spellingSummary)
		r.first[i] = int32(n)
		n += r.sums[i].len()
	}
	r.first[len(sums)] = int32(n)
	return r
}

// summary returns what it takes to find at once the occurrences of the
// items of summary si, a merged one or one of many items. Safe for
// concurrent use.
func (r *spellReader) summary(si int) *spellRead {
	o := &r.read[si]
	o.once.Do(func() { o.rd = r.readSummary(si) })
	return o.rd
}

// readSummary works out summary(si).
func (r *spellReader) readSummary(si int) *spellRead {
	s := r.sums[si]
	rd := &spellRead{}
	if m := s.merged; m != nil {
		// The runs by item, in order (a counting sort).
		rd.from = make([]int32, len(m.items)+1)
		for _, run := range m.runs {
			rd.from[run.item+1]++
		}
		for j := range m.items {
			rd.from[j+1] += rd.from[j]
		}
		fill := append([]int32(nil), rd.from[:len(m.items)]...)
		rd.runs = make([]int32, len(m.runs))
		for k, run := range m.runs {
			rd.runs[fill[run.item]] = int32(k)
			fill[run.item]++
		}
	} else {
		n := s.len()
		rd.at, rd.n = make([]int32, 0, n), make([]uint8, 0, n)
		s.eachRun(func(j int, it *spellItem, _ []byte, at int) {
			rd.at = append(rd.at, int32(at))
			rd.n = append(rd.n, it.n)
		})
	}
	return rd
}

// own returns the offset in data of the run of item j of summary si (a
// merged one: its run in the first section) and its length.
func (r *spellReader) own(si, j int) (at, n int) {
	s := r.sums[si]
	if m := s.merged; m != nil {
		return m.at[j], int(m.items[j].n)
	}
	h := s.header()
	if h.items > 16 {
		rd := r.summary(si)
		return int(rd.at[j]), int(rd.n[j])
	}
	// A few items: read again each time.
	var it spellItem
	ia, oa := h.itemAt, h.occAt
	for k := 0; ; k++ {
		ia = spellGetItem(s.data, ia, &it)
		first, next := spellRunAt(s.data, oa)
		if k == j {
			return first, int(it.n)
		}
		oa = next
	}
}

// occurrences calls fn with the kept occurrences of item ref, in order,
// with the name of the Document each is in and the data of its summary,
// until fn returns false. o is reused from one call to the next.
func (r *spellReader) occurrences(ref int32, fn func(file string, data []byte, o *spellingOcc) bool) {
	si := sort.Search(len(r.sums), func(i int) bool { return r.first[i+1] > ref })
	j := int(ref - r.first[si])
	s := r.sums[si]
	each := func(file string, at, n int) bool {
		var prev, o spellingOcc
		for range n {
			at = spellGetOcc(s.data, at, &prev, &o)
			if !fn(file, s.data, &o) {
				return false
			}
			prev = o
		}
		return true
	}
	if at, n := r.own(si, j); !each(s.file, at, n) || s.merged == nil {
		return
	}
	m := s.merged
	rd := r.summary(si)
	for _, k := range rd.runs[rd.from[j]:rd.from[j+1]] {
		if run := &m.runs[k]; !each(m.files[run.file], run.at, int(run.n)) {
			return
		}
	}
}

// A spellEntry is a spelling at Finish, of one file or of the run.
type spellEntry struct {
	text  string
	count int
	ref   int32 // the item of the first file that has it
	kind  cluster.Kind
	mid   bool
}

// spellShared returns the text of a summary's item as a string without a
// copy: a summary's data is not changed once Finish reads it (a merge only
// appends to it before), and the texts of a run's items, tens of thousands
// of small strings, would add as many allocations to the end of a run.
func spellShared(text []byte) string {
	if len(text) == 0 {
		return ""
	}
	return unsafe.String(&text[0], len(text))
}

// spellEntryKey is the key by which cluster groups the spellings exactly
// alike: for a regional spelling, the spelling it shares with its other
// ("color" for "colour" and "color").
func spellEntryKey(kind cluster.Kind, text string) string {
	if kind == cluster.Regional {
		if other, ok := lexicon.BritishAmerican(text); ok {
			return min(text, other)
		}
	}
	return cluster.Key(kind, text)
}

// spellLookup is spellKnown and lexicon.IsCommon in one look-up.
func spellLookup(w string) (known, common bool) {
	i := lexicon.Lookup(w)
	return i.Tier > 0, i.Tier >= 1 && i.Tier <= 3 && i.Tags&lexicon.Lower != 0
}

func finishSpellings(p *checker.RunPass, sums []any) error {
	opt := cluster.Options{
		MinSimilarity: p.Float("min-similarity"),
		Known:         spellKnown,
		Common:        func(w string) bool { return lexicon.IsCommon(w) },
		Lookup:        spellLookup,
		Jobs:          max(p.Jobs, 1),
	}
	finishSpellingsTo(p.Report, sums, spellTerms(p.Glossary), opt, p.Bool("cross-file"))
	return nil
}

// finishSpellingsTo is finishSpellings, reporting with report. With
// opt.Jobs above 1 it works in parallel, and reports the same findings in
// the same order.
func finishSpellingsTo(report func(checker.Finding), sums []any, terms map[string]spellTerm, opt cluster.Options, crossFile bool) {
	r := newSpellReader(sums)
	// The spellings grouped within each file (with cross-file, the
	// compounds): at once with one job, else all together at the end,
	// one file per goroutine at a time, and their findings reported in
	// order.
	var (
		local [][]spellEntry
		each  = func(report func(checker.Finding), items []spellEntry) {
			one := opt
			one.Jobs = 1
			reportSpellings(report, r, items, terms, one)
		}
	)
	perFile := func(items []spellEntry) {
		if opt.Jobs <= 1 {
			each(report, items)
		} else {
			local = append(local, slices.Clone(items)) // items may be reused
		}
	}
	reportLocal := func() {
		if len(local) == 0 {
			return
		}
		found := make([][]checker.Finding, len(local))
		parallel.For(opt.Jobs, len(local), func(k int) {
			each(func(f checker.Finding) { found[k] = append(found[k], f) }, local[k])
		})
		for _, fs := range found {
			for _, f := range fs {
				report(f)
			}
		}
	}
	if !crossFile {
		for si, sum := range r.sums {
			base := r.first[si]
			if r.first[si+1]-base <= 1 {
				continue
			}
			entries := make([]spellEntry, 0, r.first[si+1]-base)
			sum.each(func(j int, it *spellItem, text []byte) {
				entries = append(entries, spellEntry{spellShared(text), it.count, base + int32(j), it.kind, it.mid})
			})
			perFile(entries)
		}
		reportLocal()
		return
	}
	// Names and acronyms are grouped across files; compounds, a matter
	// of each author's style, within each file.
	r.next = make([]int32, r.first[len(sums)])
	var (
		all   []spellEntry
		last  []int32  // the ref of each entry's item in the last file that has it
		texts [][]byte // the local entries' texts
		comps []spellEntry
	)
	// The entries by kind and text, numbered as they are in all. Most
	// items of a run are names, many of them seen in one file only:
	// sized so, the index seldom grows.
	index := cluster.NewIndex(int(r.first[len(sums)]/2), 8*int(r.first[len(sums)]/2))
	// The entries too: grown one by one they made about twice as
	// much garbage at the end of a run.
	all = make([]spellEntry, 0, r.first[len(sums)]/2)
	last = make([]int32, 0, r.first[len(sums)]/2)
	for si, sum := range r.sums {
		comps, texts = comps[:0], texts[:0]
		base := r.first[si]
		sum.each(func(j int, it *spellItem, text []byte) {
			ref := base + int32(j)
			if it.kind == cluster.Compound || it.kind == cluster.Regional {
				comps = append(comps, spellEntry{"", it.count, ref, it.kind, it.mid})
				texts = append(texts, text)
				return
			}
			t := spellShared(text)
			if g, added := index.Add(byte(it.kind), t); !added {
				a := &all[g]
				a.count += it.count
				a.mid = a.mid || it.mid
				r.next[last[g]] = ref + 1
				last[g] = ref
				return
			}
			all = append(all, spellEntry{t, it.count, ref, it.kind, it.mid})
			last = append(last, ref)
		})
		if len(comps) > 1 {
			for k := range comps {
				comps[k].text = spellShared(texts[k])
			}
			perFile(comps)
		}
	}
	reportLocal()
	reportSpellings(report, r, all, terms, opt)
}
