package rules

import (
	"encoding/binary"
	"sort"
	"sync"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/lexicon"
)

// spellingSummary is what Collect keeps of one document: its distinct
// spellings, in order of first occurrence, with their counts and their
// first maxSpellingLocs occurrences located. A run over many files keeps
// one per file until it ends, so it is compact: the texts in one array of
// bytes, the occurrences encoded in another (most take five bytes), the
// items small and without pointers, so that the garbage collector has
// little to scan.
type spellingSummary struct {
	file string
	// strs holds the items' texts, one after another in item order,
	// then the occurrences written otherwise than their spelling (the
	// raw texts). A merged summary adds texts of both sorts after them.
	strs  []byte
	items []spellItem
	// occs holds each item's kept occurrences, in item order, encoded
	// by spellPutOcc (a merged summary: those of its first section).
	occs   []byte
	merged *spellMerged // a file checked in sections: what the later sections add
}

type spellItem struct {
	count int
	size  uint32 // the byte length of the item's text
	n     uint8  // its occurrences in occs
	kept  uint8  // its occurrences kept, with those of later sections
	kind  cluster.Kind
	mid   bool // seen inside a sentence
}

// spellMerged is what the sections after the first of a file add to its
// summary (mergeSpellings).
type spellMerged struct {
	index  [cluster.Regional + 1]map[string]int32 // the items by kind and text
	textAt []int                                  // the offset in strs of each item's text
	files  []string                               // the later sections' Document names
	runs   []spellRun                             // their occurrences kept, by section and then item
}

// A spellRun is the occurrences of an item kept from a later section of a
// file, encoded in the summary's occs.
type spellRun struct {
	at   int   // offset in occs
	item int32 // the item's index
	file int32 // the section's index in files
	n    uint8
}

// A spellingOcc is one occurrence of a spelling, located when collected:
// run-level findings are reported after the document is gone.
type spellingOcc struct {
	span     checker.Span
	pos, end spellPos
	// raw locates the text as written when it is not the spelling's:
	// 1 + its index among the collector's raws while collecting, 1 +
	// its offset in the summary's strs once encoded; 0 for none.
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
	b = binary.AppendUvarint(b, h)
	b = binary.AppendVarint(b, int64(o.span.Start-prev.span.Start))
	b = binary.AppendVarint(b, int64(o.pos.line-prev.pos.line))
	b = binary.AppendUvarint(b, uint64(o.pos.col))
	if !usual {
		b = binary.AppendUvarint(b, uint64(o.end.line-o.pos.line))
		b = binary.AppendUvarint(b, uint64(o.end.col))
	}
	if o.raw != 0 {
		b = binary.AppendUvarint(b, uint64(o.raw-1))
	}
	return b
}

// spellGetOcc decodes the occurrence at b[at:] that follows prev (see
// spellPutOcc) into o, and returns the offset after it.
func spellGetOcc(b []byte, at int, prev, o *spellingOcc) int {
	uv := func() uint64 {
		v, k := binary.Uvarint(b[at:])
		at += k
		return v
	}
	sv := func() int {
		v, k := binary.Varint(b[at:])
		at += k
		return int(v)
	}
	h := uv()
	n := int(h >> 2)
	o.span.Start = prev.span.Start + sv()
	o.span.End = o.span.Start + n
	o.pos.line = prev.pos.line + sv()
	o.pos.col = int(uv())
	if h&1 == 0 {
		o.end = spellPos{o.pos.line, o.pos.col + n}
	} else {
		o.end.line = o.pos.line + int(uv())
		o.end.col = int(uv())
	}
	o.raw = 0
	if h&2 != 0 {
		o.raw = 1 + int(uv())
	}
	return at
}

// spellSkipOccs returns the offset after the n occurrences at b[at:].
func spellSkipOccs(b []byte, at, n int) int {
	var prev, o spellingOcc
	for range n {
		at = spellGetOcc(b, at, &prev, &o)
		prev = o
	}
	return at
}

// spellScratch holds the occurrences of a document encoded, before they
// are copied into its summary, from one document to the next.
var spellScratch = sync.Pool{New: func() any { return new([]byte) }}

// finish encodes what the collector found into a summary: the items'
// texts and the raw texts into strs, and the occurrences sorted by item,
// in the order found, into occs, both in one allocation.
func (c *spellingCollector) finish() *spellingSummary {
	items := c.items
	size := 0
	for _, t := range c.texts {
		size += len(t)
	}
	// The raw texts' offsets in strs.
	rawAt := make([]int, len(c.raws))
	ns := size
	for k, r := range c.raws {
		rawAt[k] = ns
		ns += len(r)
	}
	// The occurrences by item (a counting sort), then encoded.
	at := make([]int32, len(items)+1)
	for i := range items {
		at[i+1] = at[i] + int32(items[i].n)
	}
	order := make([]int32, len(c.occs))
	for k, i := range c.occItem {
		order[at[i]] = int32(k)
		at[i]++
	}
	bp := spellScratch.Get().(*[]byte)
	enc := (*bp)[:0]
	var prev spellingOcc
	for i, k := 0, 0; i < len(items); i++ {
		prev = spellingOcc{}
		for range items[i].n {
			o := c.occs[order[k]]
			k++
			if o.raw != 0 {
				o.raw = 1 + rawAt[o.raw-1]
			}
			enc = spellPutOcc(enc, &prev, &o)
			prev = o
		}
	}
	data := make([]byte, ns+len(enc))
	w := 0
	for _, t := range c.texts {
		w += copy(data[w:], t)
	}
	for _, r := range c.raws {
		w += copy(data[w:], r)
	}
	copy(data[w:], enc)
	*bp = enc
	spellScratch.Put(bp)
	return &spellingSummary{
		file:  c.file,
		strs:  data[:ns:ns],
		items: append([]spellItem(nil), items...),
		occs:  data[ns:],
	}
}

// each calls fn with every item of the summary and its text, in order.
func (s *spellingSummary) each(fn func(j int, it *spellItem, text []byte)) {
	off := 0
	for j := range s.items {
		it := &s.items[j]
		if s.merged != nil {
			off = s.merged.textAt[j]
		}
		fn(j, it, s.strs[off:off+int(it.size)])
		off += int(it.size)
	}
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
		m = &spellMerged{textAt: make([]int, 0, len(sa.items)+len(sb.items))}
		for k := range m.index {
			m.index[k] = map[string]int32{}
		}
		off := 0
		for j := range sa.items {
			m.textAt = append(m.textAt, off)
			off += int(sa.items[j].size)
		}
		sa.merged = m
		sa.each(func(j int, it *spellItem, text []byte) {
			m.index[it.kind][string(text)] = int32(j)
		})
	}
	file := int32(len(m.files))
	m.files = append(m.files, sb.file)
	at := 0 // the offset of the item's occurrences in sb.occs
	sb.each(func(j int, it *spellItem, text []byte) {
		run := at
		at = spellSkipOccs(sb.occs, at, int(it.n))
		i, ok := m.index[it.kind][string(text)]
		if !ok {
			i = int32(len(sa.items))
			m.index[it.kind][string(text)] = i
			m.textAt = append(m.textAt, len(sa.strs))
			sa.strs = append(sa.strs, text...)
			sa.items = append(sa.items, spellItem{size: it.size, kind: it.kind})
		}
		mi := &sa.items[i]
		mi.count += it.count
		mi.mid = mi.mid || it.mid
		n := min(int(it.n), maxSpellingLocs-int(mi.kept))
		if n <= 0 {
			return
		}
		// Copies of what is kept, the raw texts moved to sa.strs, so
		// that the section's summary can go.
		r := spellRun{at: len(sa.occs), item: i, file: file, n: uint8(n)}
		var prev, o spellingOcc
		for range n {
			run = spellGetOcc(sb.occs, run, &prev, &o)
			if o.raw != 0 {
				raw := sb.strs[o.raw-1 : o.raw-1+o.span.End-o.span.Start]
				o.raw = 1 + len(sa.strs)
				sa.strs = append(sa.strs, raw...)
			}
			// Encoded as decoded: the differences from prev are
			// those of positions alone.
			sa.occs = spellPutOcc(sa.occs, &prev, &o)
			prev = o
		}
		m.runs = append(m.runs, r)
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
	read map[int32]*spellRead // by summary, once read
}

// A spellRead is what is worked out of a summary to find the occurrences
// of its items.
type spellRead struct {
	at []int // the offset of each item's occurrences in occs
	// A merged summary: the indexes in runs of each item's runs,
	// runs[from[j]:from[j+1]].
	runs, from []int32
}

func newSpellReader(sums []any) *spellReader {
	r := &spellReader{
		sums:  make([]*spellingSummary, len(sums)),
		first: make([]int32, len(sums)+1),
		read:  map[int32]*spellRead{},
	}
	n := 0
	for i, s := range sums {
		r.sums[i] = s.(*spellingSummary)
		r.first[i] = int32(n)
		n += len(r.sums[i].items)
	}
	r.first[len(sums)] = int32(n)
	return r
}

// summary returns what it takes to find the occurrences of the items of
// summary si.
func (r *spellReader) summary(si int) *spellRead {
	if rd := r.read[int32(si)]; rd != nil {
		return rd
	}
	s := r.sums[si]
	rd := &spellRead{at: make([]int, len(s.items))}
	at := 0
	for j := range s.items {
		rd.at[j] = at
		at = spellSkipOccs(s.occs, at, int(s.items[j].n))
	}
	if m := s.merged; m != nil {
		// The runs by item, in order (a counting sort).
		rd.from = make([]int32, len(s.items)+1)
		for _, run := range m.runs {
			rd.from[run.item+1]++
		}
		for j := range s.items {
			rd.from[j+1] += rd.from[j]
		}
		fill := append([]int32(nil), rd.from[:len(s.items)]...)
		rd.runs = make([]int32, len(m.runs))
		for k, run := range m.runs {
			rd.runs[fill[run.item]] = int32(k)
			fill[run.item]++
		}
	}
	r.read[int32(si)] = rd
	return rd
}

// occurrences calls fn with the kept occurrences of item ref, in order,
// with the name of the Document each is in and the strs of its summary,
// until fn returns false. o is reused from one call to the next.
func (r *spellReader) occurrences(ref int32, fn func(file string, strs []byte, o *spellingOcc) bool) {
	si := sort.Search(len(r.sums), func(i int) bool { return r.first[i+1] > ref })
	j := int(ref - r.first[si])
	s := r.sums[si]
	rd := r.summary(si)
	each := func(file string, at, n int) bool {
		var prev, o spellingOcc
		for range n {
			at = spellGetOcc(s.occs, at, &prev, &o)
			if !fn(file, s.strs, &o) {
				return false
			}
			prev = o
		}
		return true
	}
	if !each(s.file, rd.at[j], int(s.items[j].n)) || s.merged == nil {
		return
	}
	m := s.merged
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

func finishSpellings(p *checker.RunPass, sums []any) error {
	opt := cluster.Options{
		MinSimilarity: p.Float("min-similarity"),
		Known:         spellKnown,
		Common:        func(w string) bool { return lexicon.IsCommon(w) },
	}
	terms := spellTerms(p.Glossary)
	r := newSpellReader(sums)
	if !p.Bool("cross-file") {
		for si, sum := range r.sums {
			if len(sum.items) <= 1 {
				continue
			}
			entries := make([]spellEntry, 0, len(sum.items))
			base := r.first[si]
			sum.each(func(j int, it *spellItem, text []byte) {
				entries = append(entries, spellEntry{string(text), it.count, base + int32(j), it.kind, it.mid})
			})
			reportSpellings(p, r, entries, terms, opt)
		}
		return nil
	}
	// Names and acronyms are grouped across files; compounds, a matter
	// of each author's style, within each file.
	r.next = make([]int32, r.first[len(sums)])
	var (
		all   []spellEntry
		last  []int32 // the ref of each entry's item in the last file that has it
		index [cluster.Regional + 1]map[string]int32
		local []spellEntry
	)
	for k := range index {
		index[k] = map[string]int32{}
	}
	for si, sum := range r.sums {
		local = local[:0]
		base := r.first[si]
		sum.each(func(j int, it *spellItem, text []byte) {
			ref := base + int32(j)
			if it.kind == cluster.Compound || it.kind == cluster.Regional {
				local = append(local, spellEntry{string(text), it.count, ref, it.kind, it.mid})
				return
			}
			m := index[it.kind]
			if g, ok := m[string(text)]; ok {
				a := &all[g]
				a.count += it.count
				a.mid = a.mid || it.mid
				r.next[last[g]] = ref + 1
				last[g] = ref
				return
			}
			t := string(text)
			m[t] = int32(len(all))
			all = append(all, spellEntry{t, it.count, ref, it.kind, it.mid})
			last = append(last, ref)
		})
		if len(local) > 1 {
			reportSpellings(p, r, local, terms, opt)
		}
	}
	reportSpellings(p, r, all, terms, opt)
	return nil
}
