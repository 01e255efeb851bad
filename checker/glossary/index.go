package glossary

import (
	"cmp"
	"hash/maphash"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/mtlint/mtlint/checker/parallel"
	"github.com/mtlint/mtlint/checker/text"
)

// An Index finds glossary terms and variants in text: exactly (folded
// case and diacritics, whole tokens, leftmost-longest) and approximately
// (the forms within about two edits of a name, or whose transliteration
// skeleton is within one edit). It is built once per run and is safe for
// concurrent use.
//
// Fuzzy lookups use a symmetric deletion neighbourhood (as SymSpell does):
// every form's compact spelling, each word of a multi-word form, and their
// skeletons are indexed under the hashes of their deletions, so a lookup
// costs a few dozen hash probes however large the glossary, and the exact
// score (text.Similarity) is computed only for the few forms it returns.
type Index struct {
	Entries []Entry
	Forms   []Form

	seq     map[uint64]seqNode  // token-sequence prefixes of forms
	seqIDs  []int32             // the forms of the nodes of seq (seqNode.forms)
	seqBF   []uint64            // bit set of the keys of seq, to skip most map lookups
	seqSh   uint                // 64 - log2(bits in seqBF)
	first   []uint64            // filter of the keys of forms' first tokens (firstBits)
	whole   []uint64            // filter of the keys (and shortKeys) of one-token forms (firstBits)
	pairs   []uint64            // filter of the pairKeys of forms' first two tokens, the first short, the second short or long (firstBits)
	words   map[uint64]struct{} // runs of whole words of terms (not variants)
	wordsBF []uint64            // filter of the keys of words (firstBits), to skip most map lookups
	fuzzy   postings            // deletion and skeleton keys → form ids

	// capKeys are the fuzzy keys of the terms (not variants) written in
	// capitals (WrittenInCapitals), for BestCapitalsAbove, and capBloom
	// a filter of them.
	capKeys  map[uint64]struct{}
	capBloom []uint64

	// shapes[id] is what a lookup reads of Forms[id] before it scores
	// it: most forms it meets are turned away on it alone.
	shapes []formShape
	// variants has bit id%64 of word id/64 set for a variant: a lookup
	// passes over the variants among the forms it meets (nearly half of
	// them in a large glossary) on this small array alone, not on their
	// shapes, each a cache miss.
	variants []uint64

	cache  bestCache // name → cached: Best's results
	cached atomic.Int64
	// names[id] is Forms[id] prepared for text.Similarity, on first use:
	// a lookup scores a few forms, and most forms are never scored.
	names []atomic.Pointer[text.Name]
}

// A Form is one spelling in the index: an entry's term or one of its variants.
type Form struct {
	Text    string
	Entry   int  // index into Index.Entries
	Variant bool // a known wrong form, not the term
	Tokens  int  // number of tokens (text.Tokenize)
	Compact string
	// capitals: a term (not a variant) written in capitals.
	capitals bool
}

// A formShape is the part of a Form that a fuzzy lookup reads of every
// form it meets, apart from the rest: a lookup in a large glossary meets
// a few forms far apart in memory and turns most away on this alone, and
// it fills one cache line (the array of a large glossary starts on a
// page), where a whole Form spans two.
//
// A variant, which a lookup passes over (it is matched exactly, never
// fuzzily; Index.variants tells it), has the zero Shape: its strings
// would be two more pointers a variant for the collector to follow in
// every cycle of a run.
type formShape struct {
	shape text.Shape // bounds a lookup's score before the form is prepared
	_     [8]byte    // to one cache line a form, not one and a part
}

// A seqNode is a token-sequence prefix of forms. It holds no pointer, so
// that the collector never scans the map of a large glossary's prefixes:
// the forms that end at it are ids[lo:lo+n] of the index's seqIDs.
type seqNode struct {
	lo, n uint32
	more  bool // some form continues past here
}

// forms returns the forms that end at node n.
func (ix *Index) forms(n seqNode) []int32 {
	return ix.seqIDs[n.lo : n.lo+n.n : n.lo+n.n]
}

const (
	prefixLen   = 7   // deletions are generated over this many leading runes
	maxPost     = 400 // deletion keys shared by more forms are too unspecific to follow
	maxPostSkel = 48  // the same for skeleton keys, which are short
	maxScored   = 8   // forms scored per lookup, the ones sharing most keys with it
	saltSkel    = 0x9e3779b97f4a7c15
)

// NewIndex builds the index of entries. Empty terms and variants are skipped.
func NewIndex(entries []Entry) *Index { return NewIndexJobs(entries, 1) }

// NewIndexJobs builds the same index as NewIndex on up to jobs goroutines:
// the forms are prepared (folded, tokenised, their keys made) in parallel,
// a chunk at a time, and entered in their order by one goroutine; the
// postings are then sorted in parallel, a range of buckets each.
func NewIndexJobs(entries []Entry, jobs int) *Index {
	jobs = max(jobs, 1)
	// Sized for the forms (terms and variants), about two tokens and
	// 46 key-form pairs each (a real glossary of names), so that nothing
	// grows while it fills.
	nforms := 0
	for _, e := range entries {
		nforms += 1 + len(e.Variants)
	}
	ix := &Index{
		Entries: entries,
		Forms:   make([]Form, 0, nforms),
		shapes:  make([]formShape, 0, nforms),
		seq:     make(map[uint64]seqNode, 2*nforms),
		seqIDs:  make([]int32, 0, nforms),
		words:   make(map[uint64]struct{}, 2*len(entries)),
	}
	var fz pairs
	fz.reserve(46 * nforms)
	firstKeys := make([]uint64, 0, nforms)
	var wholeKeys, pairKeys []uint64
	add := func(fp *formPrep) {
		id := int32(len(ix.Forms))
		ix.Forms = append(ix.Forms, Form{Text: fp.text, Entry: fp.entry, Variant: fp.variant, Tokens: len(fp.chain), Compact: fp.compact})
		fs := formShape{shape: fp.shape}
		if fp.variant {
			fs.shape = text.Shape{}
			if w := int(id / 64); w >= len(ix.variants) {
				ix.variants = append(ix.variants, make([]uint64, w+1-len(ix.variants))...)
			}
			ix.variants[id/64] |= 1 << (id % 64)
		}
		ix.shapes = append(ix.shapes, fs)
		firstKeys = append(firstKeys, fp.chain[0])
		if fp.short {
			firstKeys = append(firstKeys, fp.q)
		}
		if fp.long {
			firstKeys = append(firstKeys, fp.lq)
		}
		if fp.possessive {
			firstKeys = append(firstKeys, fp.pq)
		}
		if len(fp.chain) == 1 {
			wholeKeys = append(wholeKeys, fp.chain[0])
			if fp.short {
				wholeKeys = append(wholeKeys, fp.q)
			}
		} else if fp.pair {
			pairKeys = append(pairKeys, fp.pk)
		}
		// Exact: the chain of token prefixes.
		for k, h := range fp.chain {
			n := ix.seq[h]
			if k == len(fp.chain)-1 {
				// Nearly every node has one form: its ids are moved to
				// the end of seqIDs when they are not there already.
				if n.n > 0 && int(n.lo+n.n) != len(ix.seqIDs) {
					lo := len(ix.seqIDs)
					ix.seqIDs = append(ix.seqIDs, ix.seqIDs[n.lo:n.lo+n.n]...)
					n.lo = uint32(lo)
				} else if n.n == 0 {
					n.lo = uint32(len(ix.seqIDs))
				}
				ix.seqIDs = append(ix.seqIDs, id)
				n.n++
			} else {
				n.more = true
			}
			ix.seq[h] = n
		}
		for _, h := range fp.parts {
			ix.words[h] = struct{}{}
		}
		fz.add(fp.keys, id)
		if fp.capitals {
			ix.Forms[id].capitals = true
			if ix.capKeys == nil {
				ix.capKeys = map[uint64]struct{}{}
			}
			for _, h := range fp.keys {
				ix.capKeys[h] = struct{}{}
			}
		}
	}
	// The forms in order, a chunk at a time; the preparers share a chunk
	// in interleaved order (a form's cost depends on its length).
	var srcs []formSrc
	preps := make([]formPrep, min(nforms, indexChunk))
	bufs := make([]prepBuf, jobs)
	flush := func() {
		ps := preps[:len(srcs)]
		parallel.For(jobs, jobs, func(w int) {
			b := &bufs[w]
			b.reset((len(srcs) + jobs - 1) / jobs)
			for i := w; i < len(srcs); i += jobs {
				b.prepare(&ps[i], entries, srcs[i])
			}
		})
		for i := range ps {
			if ps[i].chain != nil {
				add(&ps[i])
			}
			ps[i] = formPrep{}
		}
		srcs = srcs[:0]
	}
	for ei, e := range entries {
		for fi := range 1 + len(e.Variants) {
			srcs = append(srcs, formSrc{entry: ei, form: fi})
			if len(srcs) == len(preps) {
				flush()
			}
		}
	}
	if len(srcs) > 0 {
		flush()
	}
	bufs = nil // the preparers' memory goes before the postings' is taken
	ix.fuzzy = fz.build(jobs)
	ix.names = make([]atomic.Pointer[text.Name], len(ix.Forms))
	ix.buildSeqFilter()
	ix.buildFirstFilter(firstKeys)
	ix.whole = newFilter(wholeKeys, 16, 8, firstBits)
	ix.pairs = newFilter(pairKeys, 16, 8, firstBits)
	// Nearly every run of words of a text asked about is no part of a
	// term: a filter of about 16 bits a key turns most away before the
	// map, whose lookups miss the cache.
	wk := make([]uint64, 0, len(ix.words))
	for h := range ix.words {
		wk = append(wk, h)
	}
	ix.wordsBF = newFilter(wk, 16, 16, firstBits)
	if len(ix.capKeys) > 0 {
		ck := make([]uint64, 0, len(ix.capKeys))
		for h := range ix.capKeys {
			ck = append(ck, h)
		}
		ix.capBloom = newFilter(ck, 16, 16, firstBits)
	}
	return ix
}

// indexChunk is how many forms NewIndexJobs prepares before entering them:
// enough to share among the goroutines, few enough that their keys (about
// 46 a form) stay a small part of the index of a large glossary.
const indexChunk = 4096

// A formSrc is one form of an entry: its term (form 0) or a variant.
type formSrc struct{ entry, form int }

// A formPrep is what the index keeps of one form, made from its text
// alone, so that forms can be prepared in parallel. chain is nil for a
// form skipped (empty, or no token).
type formPrep struct {
	text       string
	entry      int
	variant    bool
	compact    string
	shape      text.Shape
	chain      []uint64 // hashToken of each token prefix
	q, pk      uint64   // the first token's shortKey, and the first two's pairKey
	short      bool     // q is set
	lq         uint64   // the first token's longKey
	long       bool     // lq is set
	pq         uint64   // of a one-token form: its possessive's shortKey or longKey
	possessive bool     // pq is set
	pair       bool     // pk is set: two short first tokens, more than one token
	parts      []uint64 // of a term: partKeyHash of each run of whole words
	keys       []uint64 // fuzzy keys
	capitals   bool     // a term written in capitals
}

// A prepBuf holds the slices of one goroutine's formPreps, reused from
// one chunk to the next.
type prepBuf struct {
	toks []text.Token
	wt   []text.Token
	u64  []uint64 // chains, parts and keys of the chunk's forms
}

// reset empties b for n forms. Its uint64s are reserved for them at
// once: grown by appends, they left an array behind at each doubling, a
// good part of the garbage of an index's build.
func (b *prepBuf) reset(n int) {
	if need := u64PerForm * n; cap(b.u64) < need {
		b.u64 = make([]uint64, 0, need)
	}
	b.u64 = b.u64[:0]
}

// u64PerForm is about the most uint64s (chain, parts, fuzzy keys) that
// the forms of a real glossary of names take on average.
const u64PerForm = 96

// grab returns the uint64s appended to b.u64 from start, as a slice of
// their own until the next reset. When b.u64 grew, earlier slices keep the
// old array, which stays valid.
func (b *prepBuf) grab(start int) []uint64 { return b.u64[start:len(b.u64):len(b.u64)] }

func (b *prepBuf) prepare(fp *formPrep, entries []Entry, src formSrc) {
	e := &entries[src.entry]
	f := e.Term
	if src.form > 0 {
		f = e.Variants[src.form-1]
	}
	f = strings.TrimSpace(f)
	if f == "" {
		return
	}
	toks := text.Tokenize(b.toks[:0], f, text.Span{End: len(f)})
	b.toks = toks
	if len(toks) == 0 {
		return
	}
	nm, shape := text.PrepareNameShape(f)
	*fp = formPrep{text: f, entry: src.entry, variant: src.form > 0, compact: nm.Compact, shape: shape}
	start := len(b.u64)
	h := uint64(fnvOffset)
	for k := range toks {
		h = hashToken(h, f, toks, k)
		b.u64 = append(b.u64, h)
	}
	fp.chain = b.grab(start)
	q, short := shortKeyOf(f[toks[0].Start:toks[0].End])
	fp.q, fp.short = q, short
	fp.lq, fp.long = longKeyOf(f[toks[0].Start:toks[0].End])
	if len(toks) == 1 {
		fp.pq, fp.possessive = possessiveKeyOf(f[toks[0].Start:toks[0].End])
	}
	if len(toks) > 1 {
		w2 := f[toks[1].Start:toks[1].End]
		q2, ok := shortKeyOf(w2)
		if !ok {
			q2, ok = longKeyOf(w2)
		}
		if short && ok {
			fp.pk, fp.pair = pairKey(q, q2, toks[1].Start > toks[0].End), true
		}
	}
	var nw int
	for _, t := range toks {
		if t.Kind == text.Word {
			nw++
		}
	}
	if src.form == 0 {
		// Every run of whole words of the term: "Bukele",
		// "Montoya-Galvez", "Son Heung".
		wt := b.wt[:0]
		for _, t := range toks {
			if t.Kind == text.Word || t.Kind == text.Number {
				wt = append(wt, t)
			}
		}
		b.wt = wt
		start = len(b.u64)
		for a := range wt {
			for c := a; c < len(wt); c++ {
				b.u64 = append(b.u64, partKeyHash(f[wt[a].Start:wt[c].End]))
			}
		}
		fp.parts = b.grab(start)
	}
	// Fuzzy: the whole compact form, each word, their skeletons.
	start = len(b.u64)
	keys := b.u64
	c := nm.Compact
	keys = appendDeletions(keys, c, maxDist(c))
	keys = appendSkeletonKeys(keys, nm.Skeleton)
	if st := nm.Stripped; st != "" && st != c {
		// Without its connectors: "Jazira" for "Al Jazeera".
		keys = appendDeletions(keys, st, maxDist(st))
		keys = appendSkeletonKeys(keys, nm.StrippedSkeleton)
	}
	for _, t := range toks {
		if t.Kind != text.Word || nw < 2 || e.Kind != Person {
			continue
		}
		w := text.Compact(f[t.Start:t.End])
		if utf8.RuneCountInString(w) < 4 || text.IsConnector(w) {
			continue
		}
		keys = appendDeletions(keys, w, maxDist(w))
		keys = appendSkeletonKeys(keys, text.Skeleton(w))
	}
	b.u64 = keys
	fp.keys = b.grab(start)
	fp.capitals = src.form == 0 && WrittenInCapitals(f)
}

// buildFirstFilter fills first with the keys of the forms' first tokens
// (their hashToken and, for the short ones, their shortKey, for the long
// ones their longKey),
// at 8 to 16 bits per key, two bits in one word each: nearly every token
// of a text starts no form, and this filter turns most of them away
// before the seq filter or the map. It is kept small (32 KB for 20,000
// forms) to stay in a core's first-level cache: about 2% of the tokens
// that start no form get through, far fewer than those that start one
// ("the", "a", "in" start forms of a real glossary of names).
func (ix *Index) buildFirstFilter(keys []uint64) {
	ix.first = newFilter(keys, 16, 8, firstBits)
}

// newFilter returns a Bloom filter of keys with bitsPerKey bits per key
// and at least minWords words (a power of two), where bits gives a key's
// word and the bits it sets there.
func newFilter(keys []uint64, minWords, bitsPerKey int, bits func(h uint64, nw int) (int, uint64)) []uint64 {
	f := make([]uint64, filterWords(len(keys), minWords, bitsPerKey))
	nw := len(f)
	for _, h := range keys {
		w, b := bits(h, nw)
		f[w] |= b
	}
	return f
}

// filterWords returns the number of words of a filter of n keys with
// bitsPerKey bits per key and at least minWords words (a power of two).
func filterWords(n, minWords, bitsPerKey int) int {
	nw := minWords
	for nw*64 < bitsPerKey*n {
		nw <<= 1
	}
	return nw
}

// firstBits returns the word of a filter of nw words (a power of two) and
// the two bits in it of the first-token key h.
func firstBits(h uint64, nw int) (int, uint64) {
	m := h * 0xd6e8feb86659fd93
	return int(m>>32) & (nw - 1), bit64[m>>58] | bit64[m>>52&63]
}

// mayStartKey reports whether h may be the key of a form's first token.
func (ix *Index) mayStartKey(h uint64) bool {
	if len(ix.first) == 0 {
		return true // no filter
	}
	w, b := firstBits(h, len(ix.first))
	return ix.first[w]&b == b
}

// NextStart returns the index of the first word or number token of
// toks[i:] (tokens of s, in order) at which a term or variant may start
// (see MatchAt), or len(toks). Nearly every token of a text starts none, and most are
// ASCII words of up to 16 bytes: those are taken eight bytes at a time
// and turned away by a small filter on a key of their bytes (shortKey,
// longKey), without a hash or a call, by passOver; mayStart decides the
// tokens it stops at.
func (ix *Index) NextStart(s string, toks []text.Token, i int) int {
	if len(ix.first) == 0 {
		// No filter: the next word or number.
		for ; i < len(toks) && toks[i].Kind-text.Word > text.Number-text.Word; i++ {
		}
		return i
	}
	for {
		if i = ix.passOver(s, toks, i); i == len(toks) || ix.mayStart(s, toks, i) {
			return i
		}
		i++
	}
}

// SkipStarts returns the index of the first token of toks[i:] at which
// it cannot rule out that a term or variant starts, or len(toks); MayStart
// decides those. toks, tokens of s in order, may hold several sentences
// one after another, as a document's tokens do: a token it passes over is
// one that NextStart over the tokens of its sentence alone passes over
// too. A pass over a document's tokens so costs no call per sentence.
func (ix *Index) SkipStarts(s string, toks []text.Token, i int) int {
	if len(ix.first) == 0 {
		// No filter: the next word or number.
		for ; i < len(toks) && toks[i].Kind-text.Word > text.Number-text.Word; i++ {
		}
		return i
	}
	return ix.passOver(s, toks, i)
}

// MayStart reports whether a term or variant may start at toks[i], the
// tokens of a sentence: whether NextStart(s, toks, i) returns i.
func (ix *Index) MayStart(s string, toks []text.Token, i int) bool {
	if len(ix.first) == 0 {
		return toks[i].Kind-text.Word <= text.Number-text.Word
	}
	return ix.mayStart(s, toks, i)
}

// passOver returns the index of the first token of toks[i:] that it
// cannot turn away, or len(toks): it passes over the tokens that are
// neither words nor numbers, the ASCII words of up to 16 bytes whose
// shortKey or longKey the first filter turns away, and the short ones it
// lets through that the word after them tells start no form, as
// mayStart does: it turns away only tokens that mayStart would. It is
// most of the glossary scan, a pass over every token of a text; it calls
// nothing, and reads the filters of one-token forms and pairs only for
// the words that get through the first, about one in six ("the", "a",
// "in"). toks must be tokens of s in order, as the tokenizer gives them:
// their bytes are read without a check of bounds.
//
//go:noinline
func (ix *Index) passOver(s string, toks []text.Token, i int) int {
	first := ix.first
	if len(s) < 8 || len(first) == 0 || i >= len(toks) {
		return i
	}
	mask := uint(len(first) - 1)
	last := uint(len(s) - 8) // where the last eight bytes of s start
	base := unsafe.Pointer(unsafe.StringData(s))
	// The tokens that start fewer than eight bytes before the end of s,
	// the last few, are left to mayStart: the loop stops before them.
	stop := len(toks)
	for stop > i && uint(toks[stop-1].Start) > last {
		stop--
	}
	if stop == i {
		return i
	}
	// Tokens in order end by the last one's end: one check that they
	// are s's, not another text's, before bytes are read unchecked.
	if toks[len(toks)-1].End > len(s) {
		panic("glossary: tokens beyond the end of their text")
	}
	// The tokens are walked by a pointer, from toks[i] to toks[stop-1]
	// (never past the last, which unsafe does not allow): an index would
	// take a multiplication and two additions a token.
	const size = unsafe.Sizeof(text.Token{})
	tp, endp := unsafe.Pointer(&toks[i]), unsafe.Pointer(&toks[len(toks)-1])
	for k := stop - i; ; { // k: the tokens left, tp's among them
		{
			t := (*text.Token)(tp)
			if t.Kind-text.Word > text.Number-text.Word {
				goto next // neither a word nor a number
			}
			p, n := uint(t.Start), uint(t.End-t.Start)
			// The eight bytes from p, which are in s: read through a
			// pointer, as the compiler would check the bounds again.
			x := le64((*[8]byte)(unsafe.Add(base, p)))
			if n >= 8 {
				if n > 16 {
					break
				}
				// The last eight bytes, which end at t.End, in s.
				z := le64((*[8]byte)(unsafe.Add(base, p+n-8)))
				if (x|z)&0x8080808080808080 != 0 {
					break // outside ASCII
				}
				// firstBits of the longKey, inline.
				m := longKey(x, z, int(n)) * 0xd6e8feb86659fd93
				b1, b2 := m>>58, m>>52&63
				if w := first[uint(m>>32)&mask]; w&(1<<b1) == 0 || w&(1<<b2) == 0 {
					goto next
				}
				break
			}
			sb := &shortBytes[n]
			x &= sb.low
			if x&0x8080808080808080 != 0 {
				break // outside ASCII
			}
			// firstBits of the shortKey, inline.
			k := x | sb.key // shortKey(x, n)
			m := k * 0xd6e8feb86659fd93
			b1, b2 := m>>58, m>>52&63
			if w := first[uint(m>>32)&mask]; w&(1<<b1) == 0 || w&(1<<b2) == 0 {
				goto next
			}
			// Through the first filter. A short word that is no
			// possessive and no one-token form starts a form only as
			// its first word, and the word after it tells, when that
			// is a short or long ASCII word that is no possessive: the
			// others are left to mayStart.
			if x&sb.possMask == sb.possBytes {
				break
			}
			if w, b := firstBits(k, len(ix.whole)); ix.whole[w]&b == b {
				break
			}
			if tp == endp {
				break
			}
			t2 := (*text.Token)(unsafe.Add(tp, size))
			p2, n2 := uint(t2.Start), uint(t2.End-t2.Start)
			var k2 uint64
			if n2 < 8 {
				if p2 > last {
					break
				}
				x2 := le64((*[8]byte)(unsafe.Add(base, p2))) & shortBytes[n2].low
				if x2&0x8080808080808080 != 0 || x2&shortBytes[n2].possMask == shortBytes[n2].possBytes {
					break
				}
				k2 = shortKey(x2, int(n2))
			} else {
				if n2 > 16 {
					break
				}
				a2, z2 := le64((*[8]byte)(unsafe.Add(base, p2))), le64((*[8]byte)(unsafe.Add(base, p2+n2-8)))
				if (a2|z2)&0x8080808080808080 != 0 || z2>>48|0x2000 == 's'<<8|'\'' {
					break
				}
				k2 = longKey(a2, z2, int(n2))
			}
			if w, b := firstBits(pairKey(k, k2, t2.Start > t.End), len(ix.pairs)); ix.pairs[w]&b == b {
				break
			}
		}
	next:
		if k--; k == 0 {
			return stop
		}
		tp = unsafe.Add(tp, size)
	}
	// Stopped at tp.
	return int((uintptr(tp) - uintptr(unsafe.Pointer(&toks[0]))) / size)
}

// le64 returns the eight bytes of b, the first lowest.
func le64(b *[8]byte) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// mayStart reports whether a term or variant may start at toks[i], a
// token that passOver did not turn away: whether NextStart stops there.
func (ix *Index) mayStart(s string, toks []text.Token, i int) bool {
	first := ix.first
	t := &toks[i]
	if t.Kind-text.Word > text.Number-text.Word {
		return false // neither a word nor a number
	}
	if n := t.End - t.Start; n < 8 && t.Start+8 <= len(s) {
		sb := &shortBytes[n&7]
		x := load8(s, t.Start) & sb.low
		if x&0x8080808080808080 != 0 {
			return true
		}
		// A possessive whose word without "'s" is a one-token form
		// gets through on its own key (see possessiveKeyOf).
		k := shortKey(x, n)
		if w, b := firstBits(k, len(first)); first[w]&b != b {
			return false
		}
		// Most that get through ("the", "a", "in") start a form only as
		// its first word, and the word after them tells: when it is an
		// ASCII word of up to 16 bytes, the filters of shortKeys and
		// longKeys answer (mayStartShort does the same, and takes the
		// others).
		if x&sb.possMask == sb.possBytes {
			return true
		}
		if w, b := firstBits(k, len(ix.whole)); ix.whole[w]&b == b {
			return true
		}
		if i+1 < len(toks) {
			t2 := &toks[i+1]
			var k2 uint64 // its key; never 0, as bit 5 of its low byte is set
			if n2 := t2.End - t2.Start; n2 < 8 && t2.Start+8 <= len(s) {
				sb2 := &shortBytes[n2&7]
				x2 := load8(s, t2.Start) & sb2.low
				if x2&0x8080808080808080 == 0 && x2&sb2.possMask != sb2.possBytes {
					k2 = shortKey(x2, n2)
				}
			} else if n2 >= 8 && n2 <= 16 {
				a, z := load8(s, t2.Start), load8(s, t2.End-8)
				if (a|z)&0x8080808080808080 == 0 && z>>48|0x2000 != 's'<<8|'\'' {
					k2 = longKey(a, z, n2)
				}
			}
			if k2 != 0 {
				w, b := firstBits(pairKey(k, k2, t2.Start > t.End), len(ix.pairs))
				return ix.pairs[w]&b == b
			}
		}
		return ix.mayStartShort(s, toks, i)
	} else if n >= 8 && n <= 16 {
		// A word of 8 to 16 bytes (about one word of prose in six): its
		// first and last eight bytes hold all of it, and the filter of
		// its longKey turns it away before its wordKey, a call and a
		// mixing step per eight bytes.
		a, z := load8(s, t.Start), load8(s, t.End-8)
		if (a|z)&0x8080808080808080 != 0 {
			return true // outside ASCII
		}
		// A possessive gets through as a short word does, and wordKey
		// turns it down.
		if w, b := firstBits(longKey(a, z, n), len(first)); first[w]&b != b {
			return false
		}
	}
	h, ok := wordKey(s, *t)
	if !ok {
		return true
	}
	w, b := firstBits(h, len(first))
	return first[w]&b == b && ix.mayStartAt(s, toks, i, h)
}

// lowBytes[n] keeps the n low bytes of a word (n < 8).
var lowBytes = [8]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff}

// shortBytes[n] holds lowBytes[n], possMask[n] and possBytes[n], for one
// address for all, and key, what shortKey sets in a word of n bytes:
// shortKey(x, n) is x | key.
var shortBytes = func() (t [8]struct{ low, possMask, possBytes, key uint64 }) {
	for n := range t {
		t[n].low, t[n].possMask, t[n].possBytes = lowBytes[n], possMask[n], possBytes[n]
		t[n].key = 0x2020202020202020 ^ uint64(n)<<56
	}
	return t
}()

// possMask[n] and possBytes[n] tell a possessive word x of n bytes,
// n < 8, the first lowest: one of at least four bytes that ends in "'s"
// or "'S", when x&possMask[n] == possBytes[n] (never for n < 4).
var possMask, possBytes = func() (mask, bytes [8]uint64) {
	for n := range 8 {
		if n < 4 {
			mask[n], bytes[n] = 0, 1
			continue
		}
		mask[n] = 0xdfff << (8 * (n - 2))
		bytes[n] = uint64('S'<<8|'\'') << (8 * (n - 2))
	}
	return mask, bytes
}()

// bit64[k] is 1<<k.
var bit64 = func() (t [64]uint64) {
	for k := range t {
		t[k] = 1 << k
	}
	return t
}()

// shortKey returns the key in the first filter of a word of n < 8 ASCII
// bytes, x (the first lowest, the others 0): the same for every word
// that folds as it does, and cheaper than its hashWord, as it folds
// by setting bit 5 of every byte, which turns the capitals into
// lower-case letters and leaves digits, hyphens and apostrophes alone
// (it merges a few other characters, which only lets a few more words
// through the filter).
func shortKey(x uint64, n int) uint64 {
	return x | 0x2020202020202020 ^ uint64(n)<<56
}

// shortKeyOf returns the shortKey of the word w as hashWord folds it,
// when that is shorter than eight bytes and ASCII: a form's first token
// that a short ASCII word of a text may match.
func shortKeyOf(w string) (uint64, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = text.Fold(w)
			break
		}
	}
	if len(w) >= 8 {
		return 0, false
	}
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] >= utf8.RuneSelf {
			return 0, false
		}
		x = x<<8 | uint64(w[i])
	}
	return shortKey(x, len(w)), true
}

// longKey returns the key in the first filter of a word of 8 <= n <= 16
// ASCII bytes whose first eight are a and last eight z (the first
// lowest): like shortKey, the same for every word that folds as it does.
func longKey(a, z uint64, n int) uint64 {
	return (a|0x2020202020202020)*0x9e3779b97f4a7c15 ^ z | 0x2020202020202020 ^ uint64(n)
}

// longKeyOf returns the longKey of the word w as hashWord folds it, when
// that is ASCII, of 8 to 16 bytes: a form's first token that a long ASCII
// word of a text may match.
func longKeyOf(w string) (uint64, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = text.Fold(w)
			break
		}
	}
	if len(w) < 8 || len(w) > 16 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return 0, false
		}
	}
	return longKey(load8(w, 0), load8(w, len(w)-8), len(w)), true
}

// possessiveKeyOf returns the key in the first filter (shortKey or
// longKey) of the possessive of the one-token form w, w + "'s", as
// hashWord folds w, when that is ASCII of 2 to 14 bytes: NextStart turns
// away a possessive word on the filter alone, and MatchAt finds w in it
// ("Bukele's"). A possessive that is itself a form's first token gets
// through on that token's own key.
func possessiveKeyOf(w string) (uint64, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = text.Fold(w)
			break
		}
	}
	if len(w) < 2 || len(w) > 14 {
		return 0, false
	}
	if k, ok := shortKeyOf(w + "'s"); ok {
		return k, true
	}
	return longKeyOf(w + "'s")
}

// mayStartShort is mayStartAt for toks[i], a short ASCII word that
// mayStart took from s eight bytes at a time and let through the first
// filter (it is taken again here): a possessive may start a form; for
// another word, when the next token is a short ASCII word too, or one of
// 8 to 16 bytes, the filters of shortKeys and longKeys answer, without a
// hashWord. mayStart asks it only about the words it does not decide so
// itself.
func (ix *Index) mayStartShort(s string, toks []text.Token, i int) bool {
	n := toks[i].End - toks[i].Start
	sb := &shortBytes[n&7]
	x := load8(s, toks[i].Start) & sb.low
	if x&sb.possMask == sb.possBytes {
		return true
	}
	k := shortKey(x, n)
	if w, b := firstBits(k, len(ix.whole)); ix.whole[w]&b == b {
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	t := &toks[i+1]
	if n2 := t.End - t.Start; n2 < 8 && t.Start+8 <= len(s) {
		sb2 := &shortBytes[n2&7]
		x2 := load8(s, t.Start) & sb2.low
		// Not outside ASCII, nor ending in "'s" (a possessive, which
		// MatchAt also takes without it).
		if x2&0x8080808080808080 == 0 && x2&sb2.possMask != sb2.possBytes {
			w, b := firstBits(pairKey(k, shortKey(x2, n2), t.Start > toks[i].End), len(ix.pairs))
			return ix.pairs[w]&b == b
		}
	} else if n2 >= 8 && n2 <= 16 {
		// A long word: by its longKey, when ASCII and not a possessive.
		a, z := load8(s, t.Start), load8(s, t.End-8)
		if (a|z)&0x8080808080808080 == 0 && z>>48|0x2000 != 's'<<8|'\'' {
			w, b := firstBits(pairKey(k, longKey(a, z, n2), t.Start > toks[i].End), len(ix.pairs))
			return ix.pairs[w]&b == b
		}
	}
	// wordKey's common case, inline.
	return ix.mayStartAt(s, toks, i, hashMix(fnvOffset^lower8(x)^uint64(n)<<56))
}

// pairKey returns the key in the pairs filter of two short tokens whose
// shortKeys are a and b, with whitespace between them or not; firstBits
// spreads it, as it multiplies it first.
func pairKey(a, b uint64, spaced bool) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	if spaced {
		h ^= 0x5bd1e995
	}
	return h
}

// mayStartAt reports whether a form may start at toks[i], whose key as a
// form's first token is h (not a possessive): a one-token form, or a
// longer one whose first two tokens are in seq. Most words that start a
// form of a real glossary of names ("the", "new", "san") start none at
// a given place in a text, and the word after them tells.
func (ix *Index) mayStartAt(s string, toks []text.Token, i int, h uint64) bool {
	if w, b := firstBits(h, len(ix.whole)); ix.whole[w]&b == b {
		return true
	}
	if i+1 >= len(toks) || len(ix.seqBF) == 0 {
		return false
	}
	// As MatchAt takes the second token: whole, or without "'s" as the
	// last token.
	t := toks[i+1]
	spaced := t.Start > toks[i].End
	w := s[t.Start:t.End]
	if ix.inSeqFilter(hashWord(h, w, spaced)) {
		return true
	}
	if t.Kind == text.Word {
		if cut := possessive(w); cut > 0 && ix.inSeqFilter(hashWord(h, w[:len(w)-cut], spaced)) {
			return true
		}
	}
	return false
}

// inSeqFilter reports whether h may be a key of seq (seqBF is not empty).
func (ix *Index) inSeqFilter(h uint64) bool {
	b := seqBit(h, ix.seqSh)
	return ix.seqBF[b>>6]&(1<<(b&63)) != 0
}

// load8 returns the eight bytes of s from p, the first lowest.
func load8(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordKey returns hashWord(fnvOffset, s[t.Start:t.End], false), the key
// of the token as a form's first, for an ASCII word, taken eight bytes at
// a time; false for the others, and for a possessive, whose word without
// "'s" may start a form too.
func wordKey(s string, t text.Token) (uint64, bool) {
	p, end := t.Start, t.End
	n := end - p
	if n >= 4 && s[end-1]|0x20 == 's' && s[end-2] == '\'' {
		return 0, false // "'s" or "'S" at the end
	}
	h := uint64(fnvOffset)
	var all uint64 // the bytes or-ed, for their high bits
	for ; end-p >= 8; p += 8 {
		x := load8(s, p)
		all |= x
		h = hashMix(h ^ lower8(x))
	}
	// The rest, r < 8 bytes, as hashFolded takes them.
	var x uint64
	switch r := uint(end - p); {
	case r == 0:
	case n >= 8:
		x = load8(s, end-8) >> (8 * (8 - r))
	case p+8 <= len(s):
		x = load8(s, p) & (1<<(8*r) - 1)
	case end >= 8:
		x = load8(s, end-8) >> (8 * (8 - r))
	default:
		return 0, false
	}
	if (all|x)&0x8080808080808080 != 0 {
		return 0, false
	}
	return hashMix(h ^ lower8(x) ^ uint64(n)<<56), true
}

// buildSeqFilter fills seqBF with the keys of seq, at about 16 bits per
// key: most words of a text start no glossary form, and a bit test is far
// cheaper than a map lookup.
func (ix *Index) buildSeqFilter() {
	bitsLen := 1 << 10
	for bitsLen < 16*len(ix.seq) {
		bitsLen <<= 1
	}
	ix.seqBF = make([]uint64, bitsLen/64)
	ix.seqSh = uint(64 - bits.Len(uint(bitsLen-1)))
	for h := range ix.seq {
		b := seqBit(h, ix.seqSh)
		ix.seqBF[b>>6] |= 1 << (b & 63)
	}
}

func seqBit(h uint64, shift uint) uint64 { return (h * 0x9e3779b97f4a7c15) >> shift }

// node returns the seq node of key h.
func (ix *Index) node(h uint64) (seqNode, bool) {
	if len(ix.seqBF) == 0 {
		return seqNode{}, false
	}
	if b := seqBit(h, ix.seqSh); ix.seqBF[b>>6]&(1<<(b&63)) == 0 {
		return seqNode{}, false
	}
	n, ok := ix.seq[h]
	return n, ok
}

// Len returns the number of forms (terms and variants).
func (ix *Index) Len() int { return len(ix.Forms) }

// MatchAt returns the forms of the longest term or variant that starts at
// toks[i], compared folded (case and diacritics ignored) token by token,
// the number of tokens it covers and the byte offset where it ends; nil,
// 0, 0 when none does. A possessive "'s" on the last token is not part of
// the match ("Bukele's"). s is the text the tokens point into; spacing
// between tokens must agree (none or some), so "Montoya-Galvez" does not
// match "Montoya - Galvez".
func (ix *Index) MatchAt(s string, toks []text.Token, i int) (forms []int32, n, end int) {
	if i >= len(toks) {
		return nil, 0, 0
	}
	// The first token's key, when quick to get, decides most tokens (they
	// start no form) and is not computed twice for the others. A short
	// ASCII word is turned away on its shortKey first (see passOver).
	var first uint64
	quick := false
	if t := &toks[i]; t.End-t.Start < 8 && t.Start+8 <= len(s) && len(ix.first) > 0 {
		n := t.End - t.Start
		x := load8(s, t.Start) & (1<<(8*uint(n)&63) - 1)
		if x&0x8080808080808080 == 0 && !(n >= 4 && x>>(8*uint(n-2)&63)|0x2000 == 's'<<8|'\'') {
			if w, b := firstBits(shortKey(x, n), len(ix.first)); ix.first[w]&b != b {
				return nil, 0, 0
			}
			first, quick = hashMix(fnvOffset^lower8(x)^uint64(n)<<56), true // wordKey's
		}
	}
	if !quick {
		first, quick = wordKey(s, toks[i])
		if quick && !ix.mayStartKey(first) {
			return nil, 0, 0
		}
	}
	h := uint64(fnvOffset)
	for k := i; k < len(toks); k++ {
		t := toks[k]
		spaced := k > i && t.Start > toks[k-1].End
		if k == i && quick {
			h = first // not a possessive: wordKey takes none
		} else {
			if w := s[t.Start:t.End]; t.Kind == text.Word {
				if cut := possessive(w); cut > 0 {
					// Try the word without "'s" as the last token.
					if node, ok := ix.node(hashWord(h, w[:len(w)-cut], spaced)); ok && node.n > 0 {
						forms, n, end = ix.forms(node), k-i+1, t.End-cut
					}
				}
			}
			h = hashWord(h, s[t.Start:t.End], spaced)
		}
		node, ok := ix.node(h)
		if !ok {
			break
		}
		if node.n > 0 {
			forms, n, end = ix.forms(node), k-i+1, t.End
		}
		if !node.more {
			break
		}
	}
	return forms, n, end
}

// possessive returns the length of a final "'s" or "’s" on w, or 0.
func possessive(w string) int {
	n := len(w)
	if n < 4 || w[n-1]|0x20 != 's' {
		return 0
	}
	if w[n-2] == '\'' {
		return 2
	}
	if n > 5 && w[n-4:n-1] == "’" {
		return 4
	}
	return 0
}

// Lookup returns the forms spelled like s, folded; nil when none.
func (ix *Index) Lookup(s string) []int32 {
	var buf [16]text.Token
	toks := text.Tokenize(buf[:0], s, text.Span{End: len(s)})
	if len(toks) == 0 {
		return nil
	}
	forms, n, end := ix.MatchAt(s, toks, 0)
	if n != len(toks) || end != toks[len(toks)-1].End {
		return nil
	}
	return forms
}

// HasTerm reports whether forms holds an entry's term (not only variants).
func (ix *Index) HasTerm(forms []int32) bool {
	for _, id := range forms {
		if !ix.Forms[id].Variant {
			return true
		}
	}
	return false
}

// IsTermPart reports whether w, folded, is a run of whole words of some
// glossary term ("Bukele" of "Nayib Bukele", "Salvador" of "El Salvador",
// "Montoya-Galvez" of "Camilo Montoya-Galvez"), spaces and hyphens as in
// the term.
func (ix *Index) IsTermPart(w string) bool {
	h := partKeyHash(w)
	if len(ix.wordsBF) > 0 {
		if i, b := firstBits(h, len(ix.wordsBF)); ix.wordsBF[i]&b != b {
			return false
		}
	}
	_, ok := ix.words[h]
	return ok
}

// partKeyHash returns hashString(partKey(s)), without building the key
// when s is ASCII: a byte's class, from a table, tells the few that are
// not hashed as they are (capitals, whitespace, hyphens). A space is
// hashed before the next byte written when whitespace follows a byte
// written other than a hyphen, and that byte is the one before the
// whitespace (every ASCII byte but whitespace is written).
func partKeyHash(s string) uint64 {
	h := uint64(fnvOffset)
	pend := false // a space to hash before the next byte but a hyphen
	for i := 0; i < len(s); i++ {
		c := s[i]
		if cl := partClass[c]; cl != partPlain {
			switch cl {
			case partUpper:
				c += 'a' - 'A'
			case partSpace:
				if i > 0 && partClass[s[i-1]] != partSpace {
					pend = s[i-1] != '-'
				}
				continue
			case partHyphen:
				pend = false
			default:
				return hashString(partKey(s)) // outside ASCII
			}
		}
		if pend {
			h = (h ^ ' ') * fnvPrime
			pend = false
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// The classes of bytes for partKeyHash.
const (
	partPlain  = iota // hashed as it is
	partUpper         // an ASCII capital, hashed in lower case
	partSpace         // whitespace as partKey takes it
	partHyphen        // '-'
	partOther         // outside ASCII
)

var partClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = partOther
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t[c] = partSpace
		case c == '-':
			t[c] = partHyphen
		case 'A' <= c && c <= 'Z':
			t[c] = partUpper
		}
	}
	return t
}()

// partKey folds s, collapses whitespace and drops spaces around hyphens.
func partKey(s string) string {
	f := text.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = true
		case r == '-':
			space = false
			b.WriteByte('-')
		default:
			if space && b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Near appends to dst the ids of the forms that may be a spelling of s:
// its compact form or, for people, one of its words within about two edits
// of s, or their skeletons equal. Of those, at most maxScored are kept:
// the ones that share most keys with s. The list is sorted by id.
func (ix *Index) Near(dst []int32, s string) []int32 {
	c := text.Compact(s)
	if c == "" || len(ix.fuzzy.ents) == 0 {
		return dst
	}
	return ix.near(dst, c, text.Skeleton(c))
}

// near is Near for the compact form c of a name and its skeleton sk.
func (ix *Index) near(dst []int32, c, sk string) []int32 {
	if c == "" || len(ix.fuzzy.ents) == 0 {
		return dst
	}
	var kb [80]uint64
	keys := appendDeletions(kb[:0], c, maxDist(c))
	nd := len(keys)
	keys = appendSkeletonKeys(keys, sk)
	exactKey := keys[0] // the prefix itself
	// The postings of a large glossary are far bigger than the caches,
	// and each key present costs a few cache misses (directory, key and
	// range of ids, ids). The keys are taken a step at a time, all keys at
	// each step, so that the processor overlaps the misses of different
	// keys instead of waiting for each in turn.
	p := &ix.fuzzy
	// Few keys are present: room for 32 on the stack (which is cleared
	// on every lookup), more only when needed.
	var fb [32]found
	fs := fb[:0]
	// Most keys are absent: the bloom filter tells.
	for k, h := range keys {
		m := mixKey(h)
		if w, bits := bloomBits(m, len(p.bloom)); p.bloom[w]&bits == bits {
			fs = append(fs, found{m: m, k: int32(k)})
		}
	}
	for i := range fs {
		b := fs[i].m >> p.shift
		fs[i].lo, fs[i].hi = p.dir[b], p.dir[b+1]
	}
	for i := range fs {
		f := &fs[i]
		lo, hi := f.lo, f.hi
		f.lo, f.hi = 0, 0
		for j := lo; j < hi; j++ {
			if p.ents[2*j] == f.m {
				f.lo, f.hi = p.idRange(j)
				break
			}
		}
	}
	for i := range fs {
		if f := &fs[i]; f.hi > f.lo {
			f.first = p.ids[f.lo] // read now, to overlap its cache miss with the others
		}
	}
	var sbuf [512]int32
	var hbuf [160]hit
	hc := hitCounter{slots: sbuf[:], hits: hbuf[:0]}
	for _, f := range fs {
		limit := maxPost
		if int(f.k) >= nd {
			limit = maxPostSkel
		}
		n := int(f.hi - f.lo)
		if n == 0 || n > limit && keys[f.k] != exactKey {
			continue
		}
		hc = hc.add(p.ids[f.lo:f.hi])
	}
	return hc.appendBest(dst, maxScored)
}

// A found is a key of a lookup that the bloom filter lets through, on
// its way through the postings: its mixed key, its index among the keys
// of the lookup and a range, first of the directory's keys, then of ids.
type found struct {
	m      uint64
	k      int32
	lo, hi uint32
	first  int32 // ids[lo]
}

// A hitCounter counts the keys each form shares with a lookup, in a small
// open-addressing table: a lookup meets a few dozen forms, and counting
// them this way is cheaper than sorting every id met.
type hitCounter struct {
	slots []int32 // 1 + index into hits; 0: empty; a power of two long
	hits  []hit
}

type hit struct{ id, n int32 }

// add counts ids and returns the counter. It works on a copy, not through
// a pointer, so that buffers on the caller's stack can stay there, and on
// local copies of its slices, which stay in registers (the fields of the
// copy are kept in memory, and were loaded and stored for every id).
func (hc hitCounter) add(ids []int32) hitCounter {
	slots, hits := hc.slots, hc.hits
	mask := uint32(len(slots) - 1)
	for _, id := range ids {
		i := uint32(id) * 0x9e3779b1 >> 16 & mask
		for {
			k := slots[i]
			if k == 0 {
				hits = append(hits, hit{id, 1})
				slots[i] = int32(len(hits))
				if 2*len(hits) > len(slots) {
					slots = rehash(hits, 2*len(slots))
					mask = uint32(len(slots) - 1)
				}
				break
			}
			if h := &hits[k-1]; h.id == id {
				h.n++
				break
			}
			i = (i + 1) & mask
		}
	}
	return hitCounter{slots: slots, hits: hits}
}

// rehash returns a table of n slots (a power of two) for hits.
func rehash(hits []hit, n int) []int32 {
	slots := make([]int32, n)
	mask := uint32(n - 1)
	for k, h := range hits {
		i := uint32(h.id) * 0x9e3779b1 >> 16 & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = int32(k + 1)
	}
	return slots
}

// appendBest appends to dst the ids of the at most max forms that share
// most keys (ties to the lower id), sorted by id.
func (hc *hitCounter) appendBest(dst []int32, max int) []int32 {
	start := len(dst)
	if max <= 0 {
		return dst
	}
	if len(hc.hits) <= max {
		for _, h := range hc.hits {
			dst = append(dst, h.id)
		}
		slices.Sort(dst[start:])
		return dst
	}
	better := func(a, b hit) bool { return a.n > b.n || a.n == b.n && a.id < b.id }
	var tb [maxScored]hit
	top := tb[:0]
	if max > len(tb) {
		top = make([]hit, 0, max)
	}
	hits := hc.hits
	// The first max hits, in order; then each of the others that is
	// better than the last kept takes its place. Most are not: last is
	// kept in a register to test them.
	for _, h := range hits[:max] {
		top = append(top, h)
		for i := len(top) - 1; i > 0 && better(top[i], top[i-1]); i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
	}
	last := top[max-1]
	for _, h := range hits[max:] {
		if h.n < last.n || h.n == last.n && h.id >= last.id { // !better(h, last)
			continue
		}
		top[max-1] = h
		for i := max - 1; i > 0 && better(top[i], top[i-1]); i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
		last = top[max-1]
	}
	for _, h := range top {
		dst = append(dst, h.id)
	}
	slices.Sort(dst[start:])
	return dst
}

// A Fuzzy is the best fuzzy match of a name.
type Fuzzy struct {
	Form  int32 // index into Forms
	Entry int   // index into Entries
	Match text.Match
	// Suggestion is the correct form to propose: the entry's term, or the
	// word of it that the name matched (a surname standing alone).
	Suggestion string
}

// minBound is the least upper bound of a score for a form to be scored:
// forms that cannot reach it are not worth comparing.
const minBound = 0.6

// cacheLimit bounds the number of lookups Best remembers.
const cacheLimit = 1 << 17

// A cached is a result of best as the cache keeps it: what makes up the
// Fuzzy without its strings (the measure is one of measures, the
// suggestion is made again from the form and the match), and the floor
// it was looked up with. It holds no pointer, nor does the cache, so that
// the garbage collector never scans the tens of thousands of results of
// a run.
type cached struct {
	form, entry int32
	start, end  int32 // Match.Start, Match.End
	score       float64
	floor       float64 // the floor it was looked up with
	measure     uint8   // index into measures
	ok          bool
	keyLen      uint16 // the name: keys[keyOff:keyOff+keyLen] of the cache
	keyOff      uint32
	hash        uint64 // the name's cacheHash
}

// measures are the values of text.Match.Measure that the cache keeps.
var measures = [...]string{"", "exact", "edit", "skeleton", "token", "words"}

// measureIndex returns the index of m in measures, or false.
func measureIndex(m string) (uint8, bool) {
	for i, v := range measures {
		if v == m {
			return uint8(i), true
		}
	}
	return 0, false
}

// A bestCache holds Best's results by name behind a read-write lock
// (nearly every access is a read): an open-addressing table of the hashes
// of the names, the results, and the names one after another in a byte
// array, where the result tells its own. Nothing in it holds a pointer:
// the collector marks its few arrays and never scans them, where a map of
// strings to results (each with two strings of its own) held three
// pointers a name and a string allocated for each.
//
// Most names looked up are not in it, and a slot of the table tells most
// of them so on its own, one cache miss: a map took a few, one after
// another, for each.
type bestCache struct {
	mu sync.RWMutex
	// slot holds, for each result, the top 32 bits of its name's hash and
	// 1 + its index into res, at the first free slot from the hash's low
	// bits on (0: free); a power of two long, at most half full.
	slot []uint64
	res  []cached
	keys []byte
}

// cacheSeed seeds the hashes of the names of a bestCache.
var cacheSeed = maphash.MakeSeed()

// cacheHash returns the hash of the name s in a bestCache.
func cacheHash(s string) uint64 { return maphash.String(cacheSeed, s) }

// find returns the slot of the hash h: the one that holds it, or the free
// one where it would go. c.slot must not be empty.
func (c *bestCache) find(h uint64) (int, bool) {
	mask := uint64(len(c.slot) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := c.slot[i]
		if e == 0 {
			return int(i), false
		}
		if e>>32 == h>>32 && c.res[uint32(e)-1].hash == h {
			return int(i), true
		}
	}
}

// load returns the result cached for s, whose cacheHash is h.
func (c *bestCache) load(s string, h uint64) (cached, bool) {
	c.mu.RLock()
	var v cached
	ok := false
	if len(c.slot) > 0 {
		var i int
		if i, ok = c.find(h); ok {
			v = c.res[uint32(c.slot[i])-1]
			ok = string(c.keys[v.keyOff:v.keyOff+uint32(v.keyLen)]) == s
		}
	}
	c.mu.RUnlock()
	return v, ok
}

// store caches v for s, whose cacheHash is h, replacing what was cached
// for it. A name whose hash another name has taken, or too long to keep,
// is not cached.
func (c *bestCache) store(s string, h uint64, v cached) {
	if len(s) > 0xffff {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.slot) == 0 {
		c.slot = make([]uint64, 1024)
	}
	i, ok := c.find(h)
	if ok {
		old := &c.res[uint32(c.slot[i])-1]
		if string(c.keys[old.keyOff:old.keyOff+uint32(old.keyLen)]) == s {
			v.keyOff, v.keyLen, v.hash = old.keyOff, old.keyLen, h
			*old = v
		}
		return
	}
	if len(c.keys)+len(s) > 0xffffffff || len(c.res) >= 0xffffffff {
		return
	}
	v.keyOff, v.keyLen, v.hash = uint32(len(c.keys)), uint16(len(s)), h
	c.keys = append(c.keys, s...)
	c.res = append(c.res, v)
	c.slot[i] = h&^0xffffffff | uint64(len(c.res))
	if 2*len(c.res) > len(c.slot) {
		// Twice as large, the results entered again in their order.
		c.slot = make([]uint64, 2*len(c.slot))
		for k := range c.res {
			h := c.res[k].hash
			i, _ := c.find(h)
			c.slot[i] = h&^0xffffffff | uint64(k+1)
		}
	}
}

// toCached returns f, ok found with floor as the cache keeps it, or false
// when the cache cannot keep it (a measure it does not know).
func toCached(f Fuzzy, ok bool, floor float64) (cached, bool) {
	mi, known := measureIndex(f.Match.Measure)
	if !known || int(f.Match.Start) != int(int32(f.Match.Start)) || int(f.Match.End) != int(int32(f.Match.End)) || f.Entry != int(int32(f.Entry)) {
		return cached{}, false
	}
	return cached{form: f.Form, entry: int32(f.Entry), start: int32(f.Match.Start), end: int32(f.Match.End),
		score: f.Match.Score, floor: floor, measure: mi, ok: ok}, true
}

// fromCache returns the Fuzzy that c keeps: what best returned.
func (ix *Index) fromCache(c *cached) Fuzzy {
	if !c.ok {
		return Fuzzy{} // what best returns when it finds nothing
	}
	m := text.Match{Score: c.score, Measure: measures[c.measure], Start: int(c.start), End: int(c.end)}
	return Fuzzy{Form: c.form, Entry: int(c.entry), Match: m, Suggestion: ix.suggestion(c.form, m)}
}

// suggestion returns the Suggestion of a match m against Forms[id]: the
// entry's term, or the word of it that m covers.
func (ix *Index) suggestion(id int32, m text.Match) string {
	form := &ix.Forms[id]
	term := ix.Entries[form.Entry].Term
	if m.Start != 0 || m.End != len(form.Text) {
		if form.Variant {
			// A word of a wrong form: propose the term.
			return term
		}
		return form.Text[m.Start:m.End]
	}
	return term
}

// Best returns the entry that s most likely misspells, with the score of
// text.Similarity against its term or variants; false when no form is near
// or none could score 0.6. Ties go to the earlier entry. Results are
// remembered (up to cacheLimit names), as names recur from file to file.
func (ix *Index) Best(s string) (Fuzzy, bool) { return ix.BestAbove(s, 0) }

// BestAbove is Best for a caller that has no use for a score under floor:
// it returns what Best returns when that scores floor or more, and false
// otherwise, sooner, as comparisons that cannot reach floor are cut short.
func (ix *Index) BestAbove(s string, floor float64) (Fuzzy, bool) {
	h := cacheHash(s)
	c, hit := ix.cache.load(s, h)
	return ix.bestAbove(s, h, floor, c, hit)
}

// bestAbove is BestAbove for s, whose cacheHash is h, when the cache
// holds c for it (hit) or nothing.
func (ix *Index) bestAbove(s string, h uint64, floor float64, c cached, hit bool) (Fuzzy, bool) {
	// A lookup with a lower floor answers for a higher one.
	if hit && c.floor <= floor {
		return ix.fromCache(&c), c.ok && c.score >= floor
	}
	f, ok := ix.best(s, floor)
	if ix.cached.Add(1) <= cacheLimit {
		if c, keep := toCached(f, ok, floor); keep {
			ix.cache.store(s, h, c)
		}
	}
	return f, ok
}

func (ix *Index) best(s string, above float64) (Fuzzy, bool) {
	q := text.PrepareName(s)
	var buf [maxScored]int32
	ids := ix.near(buf[:0], q.Compact(), q.Skeleton())
	if len(ids) == 0 {
		return Fuzzy{}, false
	}
	// The forms of a large glossary lie far apart in memory: their cache
	// misses (the shape, then its spellings) are taken together, before
	// any of them is needed.
	var touch byte
	for _, id := range ids {
		if ix.isVariant(id) {
			continue // passed over below
		}
		if sh := &ix.shapes[id].shape; sh.Valid() {
			touch ^= sh.Touch()
		} else if c := ix.Forms[id].Compact; c != "" {
			touch ^= c[0]
		}
	}
	touched(touch)
	var best Fuzzy
	found := false
	var reach text.Reach // prepared on first use
	prepared := false
	for _, id := range ids {
		if ix.isVariant(id) { // wrong forms are matched exactly (glossary-variant), never fuzzily
			continue
		}
		f := &ix.shapes[id]
		// Forms are prepared on first use, and only those that may
		// score enough: most forms a lookup meets cannot, and their
		// Shape tells so at a fraction of the cost.
		var name *text.Name
		var bound float64
		if f.shape.Valid() {
			bound = q.BoundShape(&f.shape)
		} else {
			name = ix.name(id)
			bound = q.Bound(name)
		}
		if bound < minBound {
			continue
		}
		// A form is kept only if it scores at least the best so far
		// (ties to the earlier entry): forms that cannot are skipped or
		// their comparison cut short. The margin covers rounding in Bound.
		floor := above
		if found {
			floor = best.Match.Score
		}
		if bound+1e-9 < floor {
			continue
		}
		if f.shape.Valid() {
			if !prepared {
				reach, prepared = q.Reach(), true
			}
			if !reach.MayReach(&f.shape, floor) {
				continue
			}
		}
		if name == nil {
			name = ix.name(id)
		}
		m := q.SimilarityAbove(name, floor)
		form := &ix.Forms[id]
		if m.Score < above || found && (m.Score < best.Match.Score || m.Score == best.Match.Score && form.Entry >= best.Entry) {
			continue
		}
		best = Fuzzy{Form: id, Entry: form.Entry, Match: m, Suggestion: ix.suggestion(id, m)}
		found = true
	}
	return best, found
}

// BestCapitalsAbove is BestAbove for a caller that has no use for a term
// not written in capitals (WrittenInCapitals), such as a name in capitals
// that only an acronym may match: it returns what BestAbove(s, floor)
// returns when that is a term in capitals, and false otherwise. Sooner,
// when no term in capitals is near s: such a term is scored only when it
// shares a key of the fuzzy index with s, and most names share none with
// the few terms in capitals of a glossary.
func (ix *Index) BestCapitalsAbove(s string, floor float64) (Fuzzy, bool) {
	if len(ix.capKeys) == 0 {
		return Fuzzy{}, false
	}
	// Asked first, as most names share no key with a term in capitals:
	// then neither a lookup nor what the cache holds for s (a lookup's,
	// which met the same forms) can be such a term, and the cache, a
	// cache miss or two, is not read.
	if !ix.mayFindCapitals(s) {
		return Fuzzy{}, false
	}
	h := cacheHash(s)
	c, hit := ix.cache.load(s, h)
	f, ok := ix.bestAbove(s, h, floor, c, hit)
	if !ok || !ix.Forms[f.Form].capitals {
		return Fuzzy{}, false
	}
	return f, true
}

// mayFindCapitals reports whether a key of the fuzzy index of s (see
// near) is one of a term in capitals.
func (ix *Index) mayFindCapitals(s string) bool {
	c := text.Compact(s)
	if c == "" || len(ix.fuzzy.ents) == 0 {
		return false // near finds nothing
	}
	var kb [80]uint64
	keys := appendDeletions(kb[:0], c, maxDist(c))
	keys = appendSkeletonKeys(keys, text.Skeleton(c))
	nw := len(ix.capBloom)
	for _, h := range keys {
		if w, b := firstBits(h, nw); ix.capBloom[w]&b != b {
			continue
		}
		if _, ok := ix.capKeys[h]; ok {
			return true
		}
	}
	return false
}

// WrittenInCapitals reports whether s has no lower-case letter and more
// than one letter: an acronym or a name in capitals ("NATO", "ERANGE").
func WrittenInCapitals(s string) bool { return text.CapitalLetters(s) > 1 }

// isVariant reports whether Forms[id] is a variant.
func (ix *Index) isVariant(id int32) bool {
	w := int(id / 64)
	return w < len(ix.variants) && ix.variants[w]&(1<<(id%64)) != 0
}

// touched does nothing with b: it keeps the loads that computed b.
//
//go:noinline
func touched(b byte) {}

// name returns Forms[id] prepared for text.Similarity.
func (ix *Index) name(id int32) *text.Name {
	if n := ix.names[id].Load(); n != nil {
		return n
	}
	n := text.PrepareName(ix.Forms[id].Text)
	if ix.names[id].CompareAndSwap(nil, &n) {
		return &n
	}
	return ix.names[id].Load() // prepared meanwhile, the same
}

// postings maps keys to lists of form ids. It is built in one go from
// all the (key, id) pairs: they are grouped by key with a counting sort on
// the top bits of the key, so that a key's ids lie side by side, and a
// directory of those top bits finds a key's group in one or two cache
// lines. A lookup reads one word of a bloom filter for most keys (they are
// absent), and a few cache lines for the others, where a growing hash
// table with a linked list per key read one cache line per id.
type postings struct {
	bloom []uint64 // two bits per key in one word: most keys looked up are absent
	dir   []uint32 // keys dir[b] to dir[b+1]-1 are the keys whose top bits are b
	shift uint     // 64 - bits of the directory
	// ents holds two words per key k: ents[2k] is the mixed key
	// (mixKey), ascending, and ents[2k+1] where its ids lie in ids, the
	// first's offset and their number above it (idRange). Side by side,
	// a lookup finds both in one cache line, where apart they cost a
	// cache miss each.
	ents []uint64
	ids  []int32 // ascending for each key
}

// idRange returns the range of ids of key k: ids[lo:hi].
func (p *postings) idRange(k uint32) (lo, hi uint32) {
	r := p.ents[2*k+1]
	lo = uint32(r)
	return lo, lo + uint32(r>>32)
}

// mixKey spreads the bits of a key hash over the top bits that the
// directory uses. It is a bijection: distinct keys stay distinct. The low
// bit is set first, as the hash table this replaced did, so that keys
// differing only there still share their forms.
func mixKey(h uint64) uint64 { return (h | 1) * 0x9e3779b97f4a7c15 }

// pairs collects the (key, id) pairs of a postings before it is built,
// already in coarse buckets by the top eight bits of the mixed key: the
// build would otherwise make a pass over the pairs to count them by
// bucket and another to move them there.
type pairs struct {
	keys [coarse][]uint64 // mixed
	ids  [coarse][]int32
	n    int
}

// coarse is the number of coarse buckets of pairs (on the top eight bits
// of a mixed key).
const coarse = 256

// reserve makes room in each bucket for its share of about n pairs, with
// an eighth to spare, so that few of them grow.
func (ps *pairs) reserve(n int) {
	per := n/coarse + n/(8*coarse)
	for b := range coarse {
		ps.keys[b] = make([]uint64, 0, per)
		ps.ids[b] = make([]int32, 0, per)
	}
}

func (ps *pairs) add(keys []uint64, id int32) {
	for _, h := range keys {
		m := mixKey(h)
		b := m >> 56
		ps.keys[b] = append(ps.keys[b], m)
		ps.ids[b] = append(ps.ids[b], id)
	}
	ps.n += len(keys)
}

// scatter moves pairs into buckets by the bits of the key from shift up,
// stably: pos[b] is where the next pair of bucket b goes.
func scatter(keys []uint64, ids []int32, toKeys []uint64, toIds []int32, shift uint, mask uint64, pos []uint32) {
	ids = ids[:len(keys)]
	shift &= 63 // as it is: a shift by 64 or more would take a test
	for i, m := range keys {
		b := m >> shift & mask
		k := pos[b]
		toKeys[k], toIds[k] = m, ids[i]
		pos[b] = k + 1
	}
}

// build returns the postings of ps, whose ids must be added in ascending
// order. A form added twice under a key counts once.
//
// A large glossary has tens of millions of pairs and a directory of
// millions of buckets: a pass that wrote each pair straight to its bucket
// would miss the cache on nearly every pair. The pairs come in at most
// 256 coarse buckets (on the top bits of the key), and each coarse bucket,
// small enough to stay in cache, is sorted in a buffer of its own, reused
// from one to the next, and walked once into the entries and ids. The
// coarse buckets are independent: up to jobs goroutines sort a range of
// them each (about as many pairs each), and the ranges are joined in order.
func (ps *pairs) build(jobs int) postings {
	n := ps.n
	if n == 0 {
		return postings{}
	}
	// About four pairs per bucket of the directory.
	nb := 1 << max(4, bits.Len(uint(n/4)))
	dirBits := uint(bits.Len(uint(nb - 1)))
	shift := 64 - dirBits
	// The coarse buckets, each as a list of pairs: ps's own, or, for a
	// directory of fewer than 256 buckets, all of them in one.
	cKeys, cIds := ps.keys[:], ps.ids[:]
	if dirBits < 8 {
		all, allIds := make([]uint64, 0, n), make([]int32, 0, n)
		for b := range coarse {
			all, allIds = append(all, ps.keys[b]...), append(allIds, ps.ids[b]...)
		}
		cKeys, cIds = [][]uint64{all}, [][]int32{allIds}
	}
	top := len(cKeys)
	fine := nb / top // directory buckets per coarse bucket
	// topStart[t]: where coarse bucket t's pairs start among all.
	topStart := make([]uint32, top+1)
	for t := range top {
		topStart[t+1] = topStart[t] + uint32(len(cKeys[t]))
	}

	p := postings{dir: make([]uint32, nb+1), shift: shift}
	// A range writes its ids from where its pairs start: never more ids
	// than pairs.
	ids := make([]int32, n)
	jobs = max(1, min(jobs, top, n/(1<<14)))
	parts := make([]builtRange, jobs)
	parallel.For(jobs, jobs, func(r int) {
		// Range r holds the coarse buckets whose first pair falls in
		// its share of the pairs.
		t0, t1 := 0, top
		if r > 0 {
			t0 = sort.Search(top, func(t int) bool { return int(topStart[t]) >= r*n/jobs })
		}
		if r < jobs-1 {
			t1 = sort.Search(top, func(t int) bool { return int(topStart[t]) >= (r+1)*n/jobs })
		}
		parts[r] = buildRange(cKeys, cIds, ids, topStart, t0, t1, fine, shift, p.dir)
	})
	ps.keys, ps.ids = [coarse][]uint64{}, [coarse][]int32{}
	ents, w := parts[0].ents, parts[0].w
	if len(parts) > 1 {
		nk := 0
		for _, br := range parts {
			nk += len(br.ents) / 2
		}
		ents, w = make([]uint64, 0, 2*nk), 0
		for _, br := range parts {
			k := uint32(len(ents) / 2)
			for d := br.t0*fine + 1; d <= br.t1*fine; d++ {
				p.dir[d] += k
			}
			// Its ids move down to w: so do their offsets.
			down := uint64(br.lo) - uint64(w)
			for i := 0; i < len(br.ents); i += 2 {
				ents = append(ents, br.ents[i], br.ents[i+1]-down)
			}
			w += copy(ids[w:], ids[br.lo:br.lo+uint32(br.w)])
		}
	}
	p.ents = ents
	// About 10 bits per key: with two bits in a word, about 3% of absent
	// keys pass, and the filter of a large glossary stays in cache.
	nk := len(ents) / 2
	p.bloom = make([]uint64, filterWords(nk, 64, 10))
	for k := range nk {
		w, b := bloomBits(ents[2*k], len(p.bloom))
		p.bloom[w] |= b
	}
	p.ids = ids[:w:w]
	return p
}

// A builtRange is one goroutine's part of pairs.build: the coarse buckets
// t0 to t1, whose pairs start at lo; their w ids are compacted to ids[lo:],
// and ents are their entries (as postings.ents, the offsets in the whole
// ids).
type builtRange struct {
	t0, t1 int
	lo     uint32
	w      int
	ents   []uint64
}

// buildRange sorts the coarse buckets t0 to t1 (cKeys, cIds) by key,
// writes the entries of their distinct keys and, from topStart[t0], their
// ids, and sets dir[d+1], for each directory bucket d of them, to the
// number of distinct keys of the range up to its end.
//
// A coarse bucket is moved into a buffer by directory bucket (a counting
// sort on the bits below its own), then sorted by key in one insertion
// sort: a pair moves only within its directory bucket, a few pairs on
// average, and a bucket of more than 32 (sortPairs sorts it otherwise) is
// sorted first. The buffer, one coarse bucket long, is reused from one to
// the next and stays in cache. One walk then drops the repeated ids of a
// key and writes the entries and the directory: dir[d+1] for the buckets
// that end before each new key, and the number of ids of a key once the
// next begins.
func buildRange(cKeys [][]uint64, cIds [][]int32, ids []int32, topStart []uint32, t0, t1, fine int, shift uint, dir []uint32) builtRange {
	lo0 := topStart[t0]
	n := int(topStart[t1] - lo0)
	// Entries for about one key in two pairs (a real glossary of names
	// has fewer).
	br := builtRange{t0: t0, t1: t1, lo: lo0, ents: make([]uint64, 0, n+2)}
	most := 0
	for t := t0; t < t1; t++ {
		most = max(most, len(cKeys[t]))
	}
	keyBuf, idBuf := make([]uint64, most), make([]int32, most)
	w := int(lo0) // ids written, from lo0
	start := make([]uint32, fine+1)
	fpos := make([]uint32, fine)
	ents := br.ents
	last := uint64(0)
	for t := t0; t < t1; t++ {
		bk, bi := cKeys[t], cIds[t]
		kk, ii := keyBuf[:len(bk)], idBuf[:len(bk)]
		// start[b]: where directory bucket t*fine+b begins in kk.
		clear(start)
		if fine > 1 {
			for _, m := range bk {
				start[m>>(shift&63)&uint64(fine-1)+1]++
			}
			for b := 1; b <= fine; b++ {
				start[b] += start[b-1]
			}
			copy(fpos, start[:fine])
			scatter(bk, bi, kk, ii, shift, uint64(fine-1), fpos)
		} else {
			start[1] = uint32(len(bk))
			copy(kk, bk)
			copy(ii, bi)
		}
		for b := range fine {
			if blo, bhi := start[b], start[b+1]; bhi-blo > 32 {
				sortPairs(kk[blo:bhi], ii[blo:bhi])
			}
		}
		insertionSortPairs(kk, ii)
		// The walk: d is the next directory bucket whose end is to be
		// written; the last entry's second word has its offset, and
		// gets its number of ids when the next key begins.
		d := t * fine
		for i, m := range kk {
			id := ii[i]
			if len(ents) == 0 || last != m {
				for e := int(m >> (shift & 63)); d < e; d++ {
					dir[d+1] = uint32(len(ents) / 2)
				}
				if len(ents) > 0 {
					ents[len(ents)-1] |= uint64(w-int(ents[len(ents)-1])) << 32
				}
				ents = append(ents, m, uint64(w))
				last = m
			} else if ids[w-1] == id {
				continue
			}
			ids[w] = id
			w++
		}
		for end := (t + 1) * fine; d < end; d++ {
			dir[d+1] = uint32(len(ents) / 2)
		}
	}
	if len(ents) > 0 {
		ents[len(ents)-1] |= uint64(w-int(ents[len(ents)-1])) << 32
	}
	br.ents = ents
	br.w = w - int(lo0)
	return br
}

// insertionSortPairs sorts pairs by key, stably, moving each pair down
// past the greater keys before it: few, when the pairs are in order
// already but within small groups.
func insertionSortPairs(keys []uint64, ids []int32) {
	ids = ids[:len(keys)]
	for i := 1; i < len(keys); i++ {
		m := keys[i]
		if keys[i-1] <= m {
			continue
		}
		id := ids[i]
		j := i
		for ; j > 0 && keys[j-1] > m; j-- {
			keys[j], ids[j] = keys[j-1], ids[j-1]
		}
		keys[j], ids[j] = m, id
	}
}

// sortPairs sorts a bucket's pairs by key, keeping the order of the ids
// of each key.
func sortPairs(keys []uint64, ids []int32) {
	if len(keys) <= 32 {
		for i := 1; i < len(keys); i++ {
			m, id := keys[i], ids[i]
			j := i
			for ; j > 0 && keys[j-1] > m; j-- {
				keys[j], ids[j] = keys[j-1], ids[j-1]
			}
			keys[j], ids[j] = m, id
		}
		return
	}
	type pair struct {
		m  uint64
		id int32
	}
	ps := make([]pair, len(keys))
	for i := range keys {
		ps[i] = pair{keys[i], ids[i]}
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return cmp.Compare(a.m, b.m) })
	for i, p := range ps {
		keys[i], ids[i] = p.m, p.id
	}
}

// bloomBits returns the word of a filter of nw words and the bits in it
// of the mixed key m: the word from middle bits of m, the bits from its
// top twelve.
func bloomBits(m uint64, nw int) (int, uint64) {
	return int(m>>20) & (nw - 1), 1<<(m>>58) | 1<<(m>>52&63)
}

// find returns the ids under key h, ascending.
func (p *postings) find(h uint64) []int32 {
	if len(p.ents) == 0 {
		return nil
	}
	m := mixKey(h)
	if w, bits := bloomBits(m, len(p.bloom)); p.bloom[w]&bits != bits {
		return nil
	}
	b := m >> p.shift
	for k, end := p.dir[b], p.dir[b+1]; k < end; k++ {
		if p.ents[2*k] == m {
			lo, hi := p.idRange(k)
			return p.ids[lo:hi]
		}
	}
	return nil
}

func maxDist(c string) int {
	switch n := utf8.RuneCountInString(c); {
	case n < 4:
		return 0
	case n < 6:
		return 1
	}
	return 2
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

func prefix(c string) string {
	n := 0
	for i := range c {
		if n == prefixLen {
			return c[:i]
		}
		n++
	}
	return c
}

// deletions calls fn with the hash of c's prefix and of every string made
// by deleting up to d runes from it.
func deletions(c string, d int, fn func(uint64)) {
	if d > 2 {
		deletionsAny(c, d, fn)
		return
	}
	var kb [1 + prefixLen + prefixLen*(prefixLen-1)/2]uint64
	for _, h := range appendDeletions(kb[:0], c, d) {
		fn(h)
	}
}

// appendDeletions appends the keys of deletions(c, d) for d <= 2, in the
// same order. A key is a function of the polynomial of its string
// (deletionKey), and the polynomial of a string with one or two runes
// deleted is a sum of the polynomials of the parts around them, which are
// computed once: each key costs a few multiplications, where hashing each
// string from its start cost one or two per rune.
func appendDeletions(dst []uint64, c string, d int) []uint64 {
	// Most names are ASCII: their prefix is bytes.
	n := min(len(c), prefixLen)
	for i := range n {
		if c[i] == 0 || c[i] >= utf8.RuneSelf {
			var pb [prefixLen]rune
			return appendDeletionsOf(dst, appendRunes(pb[:0], prefix(c)), d)
		}
	}
	var pb [prefixLen]byte
	return appendDeletionsOf(dst, append(pb[:0], c[:n]...), d)
}

// appendDeletionsOf is appendDeletions for the characters p of a prefix:
// bytes of an ASCII one (no 0 among them), else runes.
func appendDeletionsOf[E byte | rune](dst []uint64, p []E, d int) []uint64 {
	n := len(p)
	// pre[i] is the polynomial of p[:i], pw[i] the base to the power i.
	var pre, pw [prefixLen + 1]uint64
	pw[0] = 1
	for i, e := range p {
		pre[i+1] = pre[i]*delBase + uint64(e)
		pw[i+1] = pw[i] * delBase
	}
	all := pre[n]
	dst = append(dst, deletionKey(all, n))
	if d == 0 || n <= 1 {
		return dst
	}
	// Deleting p[i] from a string whose first i+1 runes are p[:i+1] adds
	// (pre[i] - pre[i+1]) times the base to the power of the number of
	// runes after p[i]: one[i] is the polynomial of p without p[i], and
	// that of p without p[i] and p[k], k > i, is one[k] plus that sum for
	// p[i] (n-2-i runes after it then).
	var one [prefixLen]uint64
	for i := range n {
		one[i] = all + (pre[i]-pre[i+1])*pw[n-1-i]
	}
	for i := range n {
		dst = append(dst, deletionKey(one[i], n-1))
		if d < 2 || n <= 2 || i == n-1 {
			continue
		}
		add := (pre[i] - pre[i+1]) * pw[n-2-i]
		for _, v := range one[i+1 : n] {
			dst = append(dst, deletionKey(v+add, n-2))
		}
	}
	return dst
}

// delBase is the base of the polynomials of deletionKey: above every
// byte, so that the polynomial of an ASCII string of at most prefixLen
// bytes (none 0) is below 2^57 and differs from that of every other.
const delBase = 257

// deletionKey returns the key of a string of n runes whose polynomial is
// v: the sum of its runes, each times delBase to the power of the number
// of runes after it, modulo 2^64. Two ASCII strings of at most prefixLen
// bytes have the same key only if they are equal.
func deletionKey(v uint64, n int) uint64 {
	return hashMix(v ^ uint64(n)<<60)
}

// runesKey returns the deletion key of the runes p.
func runesKey(p []rune) uint64 {
	var v uint64
	for _, r := range p {
		v = v*delBase + uint64(r)
	}
	return deletionKey(v, len(p))
}

// deletionsAny is deletions for any d.
func deletionsAny(c string, d int, fn func(uint64)) {
	p := []rune(prefix(c))
	fn(runesKey(p))
	var rec func(p []rune, from, d int)
	rec = func(p []rune, from, d int) {
		q := make([]rune, len(p)-1)
		for i := from; i < len(p); i++ {
			copy(q, p[:i])
			copy(q[i:], p[i+1:])
			fn(runesKey(q))
			if d > 1 && len(q) > 1 {
				rec(q, i, d-1)
			}
		}
	}
	if d > 0 && len(p) > 1 {
		rec(p, 0, d)
	}
}

// skeletonKeys calls fn with the keys of a skeleton: itself when it has at
// least three letters, and its one-letter deletions when it has five.
func skeletonKeys(sk string, fn func(uint64)) {
	var kb [40]uint64
	for _, h := range appendSkeletonKeys(kb[:0], sk) {
		fn(h)
	}
}

// appendSkeletonKeys appends the keys of skeletonKeys(sk), in the same
// order. Skeletons are ASCII (text.Skeleton keeps ASCII letters and
// digits), so they are hashed byte by byte, each deletion continuing the
// hash of the part in front of it; anything else goes the slow way.
func appendSkeletonKeys(dst []uint64, sk string) []uint64 {
	if len(sk) < 3 {
		return dst
	}
	for i := 0; i < len(sk); i++ {
		if sk[i] >= utf8.RuneSelf || sk[i] == 0 {
			return appendSkeletonKeysRunes(dst, sk)
		}
	}
	var pb [33]uint64
	pre := pb[:0]
	if len(sk) >= len(pb) {
		pre = make([]uint64, 0, len(sk)+1)
	}
	h := uint64(fnvOffset ^ saltSkel)
	pre = append(pre, h)
	for i := 0; i < len(sk); i++ {
		h = hashByte(h, sk[i])
		pre = append(pre, h)
	}
	dst = append(dst, h)
	if len(sk) < 5 {
		return dst
	}
	for i := 0; i < len(sk); i++ {
		h := pre[i]
		for k := i + 1; k < len(sk); k++ {
			h = hashByte(h, sk[k])
		}
		dst = append(dst, h)
	}
	return dst
}

func appendSkeletonKeysRunes(dst []uint64, sk string) []uint64 {
	r := []rune(sk)
	dst = append(dst, hashRunes(r, saltSkel))
	if len(r) >= 5 {
		q := make([]rune, len(r)-1)
		for i := range r {
			copy(q, r[:i])
			copy(q[i:], r[i+1:])
			dst = append(dst, hashRunes(q, saltSkel))
		}
	}
	return dst
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashRunes(r []rune, salt uint64) uint64 {
	h := uint64(fnvOffset) ^ salt
	for _, c := range r {
		h = hashRune(h, c)
	}
	return h
}

// hashRune extends a hashRunes hash with c: its bytes from the lowest up
// to the highest that is not zero, then 0xff.
func hashRune(h uint64, c rune) uint64 {
	for c > 0 {
		h = (h ^ uint64(c&0xff)) * fnvPrime
		c >>= 8
	}
	return (h ^ 0xff) * fnvPrime
}

// hashByte is hashRune for an ASCII character other than 0.
func hashByte(h uint64, c byte) uint64 {
	return ((h^uint64(c))*fnvPrime ^ 0xff) * fnvPrime
}

// hashToken extends h with token k of toks (in s), folded, preceded by a
// space when whitespace separates it from the token before.
func hashToken(h uint64, s string, toks []text.Token, k int) uint64 {
	t := toks[k]
	return hashWord(h, s[t.Start:t.End], k > 0 && t.Start > toks[k-1].End)
}

// hashWord extends h with the word w, folded, preceded by a space when
// spaced. Every word of a text goes through it (MatchAt), so the folded
// bytes are taken eight at a time, ASCII capitals lower-cased in the
// word that holds them; a word outside ASCII is folded first.
func hashWord(h uint64, w string, spaced bool) uint64 {
	if spaced {
		h = hashMix(h ^ ' ')
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return hashFolded(h, text.Fold(w))
		}
	}
	return hashFolded(h, w)
}

// hashFolded extends h with the bytes of w, ASCII capitals lower-cased:
// a mixing step per eight bytes, and one for the rest with the length.
func hashFolded(h uint64, w string) uint64 {
	n := uint64(len(w))
	for ; len(w) >= 8; w = w[8:] {
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h = hashMix(h ^ lower8(x))
	}
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	// The rest fills at most seven bytes: the length (mod 256) fills
	// the eighth.
	return hashMix(h ^ lower8(x) ^ n<<56)
}

// lower8 lower-cases the ASCII capitals among the eight bytes of x and
// leaves the other bytes alone: a byte gets 0x20 when its high bit is
// clear and its low seven bits lie from 'A' to 'Z'.
func lower8(x uint64) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := x & lo7
	upper := (y + 0x3f3f3f3f3f3f3f3f) &^ (y + 0x2525252525252525) &^ x & hi
	return x | upper>>2
}

// hashMix scrambles x, one to one.
func hashMix(x uint64) uint64 {
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>31
}
