// Package cluster groups the spellings of a text that are variants of one
// name or term: the same letters in another casing, with or without the
// periods of an acronym or the hyphen of a compound, and garbled
// transliterations ("Buckley", "Bakle", "Naibbuckley"). It decides only which
// spellings belong together; the inconsistent-spelling rule reports them.
package cluster

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/parallel"
	"github.com/mtlint/mtlint/checker/text"
)

// A Kind is the sort of spelling an Item is. Only items of one kind are
// grouped together.
type Kind uint8

const (
	Name     Kind = iota + 1 // a capitalised name or term ("Tren de Aragua")
	Acronym                  // capitals with or without periods ("US", "U.S.")
	Compound                 // a compound word hyphenated, closed or spaced ("anti-gang", "antigang")
	Regional                 // a word with a British and an American spelling ("colour", "color")
)

// An Item is one distinct spelling with how often it occurs.
type Item struct {
	Text  string // the spelling, whitespace collapsed
	Kind  Kind
	Key   string // Key(Kind, Text) if the caller has it; for Regional items the spelling both variants share; empty: computed
	Count int
	Term  int  // 1 + index of the glossary entry whose term this is, 0 for none
	Mid   bool // seen inside a sentence, not only at its start: surely a name
}

// Options tune the likeness of names.
type Options struct {
	// MinSimilarity is the text.Similarity score two names must reach.
	MinSimilarity float64
	// Known reports whether a folded word is an English word or a known
	// name (any frequency). Two different known words are never variants
	// of each other ("Austria", "Australia"). Nil: none is known.
	Known func(word string) bool
	// Common reports whether a folded word is a common English word.
	// Names made only of common words are grouped only by exact key.
	Common func(word string) bool
	// Lookup, if set, says at once what Known and Common say of a
	// word.
	Lookup func(word string) (known, common bool)
	// Jobs is how many goroutines Group may keep busy at once (below
	// 2: one, the caller's). Known and Common must then be safe for
	// concurrent use.
	Jobs int
}

// Key returns the exact-variant key of a spelling: spellings with equal keys
// differ only in case, diacritics, spaces, hyphens, periods or apostrophes.
func Key(kind Kind, s string) string {
	return text.Compact(s)
}

// maxBlock bounds the names compared pairwise under one blocking key, so
// that a run over many files stays near-linear.
const maxBlock = 200

// Group returns the groups of items that are spellings of one thing, each
// with at least two items, as indexes into items in increasing order; groups
// are ordered by their first index. The result depends only on items and
// their order, not on opt.Jobs.
func Group(items []Item, opt Options) [][]int {
	uf := newUnion(items)
	// The items of each kind: the maps below are sized by them, not by
	// all the items (a run's acronyms are a third of them, its names
	// most of the rest).
	var kindCount [Regional + 1]int
	for i := range items {
		if k := items[i].Kind; k <= Regional {
			kindCount[k]++
		}
	}
	nameCount := kindCount[Name]
	// Exact keys: case, periods, hyphens, spaces; tagged by kind. The
	// first item of each key, by the key's number.
	var keys []string // the keys computed, if an item lacks one
	for i := range items {
		if items[i].Key == "" {
			keys = make([]string, len(items))
			break
		}
	}
	keySize := 0
	for i := range items {
		keySize += len(items[i].Key)
	}
	byKey := NewIndex(len(items), keySize)
	firstOfKey := make([]int32, 0, len(items))
	// What most pairs are told apart by, one small struct per item, so
	// that a pair seldom needs its names.
	info := make([]pairInfo, len(items))
	for i, it := range items {
		k := it.Key
		if keys != nil {
			if k == "" {
				k = Key(it.Kind, it.Text)
			}
			keys[i] = k
		}
		id, added := byKey.Add(byte(it.Kind), k)
		if added {
			firstOfKey = append(firstOfKey, int32(i))
		}
		j := firstOfKey[id]
		uf.union(int(j), i)
		info[i].key = j
	}
	keyOf := func(i int) string {
		if keys != nil {
			return keys[i]
		}
		return items[i].Key
	}
	// Likeness of names, compared within blocks of items sharing a
	// skeleton.
	names := make([]*name, len(items))
	jobs := opt.Jobs
	if len(items) < 4*groupChunk {
		jobs = 1 // not worth the goroutines
	}

	var known knownIDs
	// Blocks by id, numbered by their keys, and the blocks of each item
	// (itemBlocks[from[i]:from[i+1]]).
	// Only names have blocks: sized by their number.
	blockID := NewIndex(nameCount+nameCount/4, 10*nameCount)
	// The size of each block while the items are put in them; then
	// blocks holds each block's items in increasing order, one after
	// another, those of block id from blockAt[id] on: two arrays rather
	// than a slice grown for each block.
	blockSize := make([]int32, 0, nameCount+nameCount/4)
	// 1 + the last item put in each block, to put an item in a block
	// once however many of its keys are equal.
	blockLast := make([]int32, 0, nameCount+nameCount/4)
	cache := newLexCache(opt, nameCount*3/4)
	from := make([]int32, len(items)+1)
	// About three blocks a name.
	itemBlocks := make([]int32, 0, 4*nameCount)
	// addBlocks puts item i in the blocks of keys bkeys, once each.
	addBlocks := func(i int, bkeys []blockKey) {
		for _, key := range bkeys {
			id, added := blockID.Add(key.tag, key.key)
			if added {
				blockSize = append(blockSize, 0)
				blockLast = append(blockLast, 0)
			}
			if blockLast[id] == int32(i)+1 {
				continue
			}
			blockLast[id] = int32(i) + 1
			blockSize[id]++
			itemBlocks = append(itemBlocks, id)
		}
	}
	if jobs <= 1 {
		var arena nameArena
		arena.names = make([]name, 0, nameCount)
		// A name of prose takes about three strings (its words and
		// its content words if it has connectors) and two flags:
		// sized so, the arrays are made once rather than grown a
		// quarter at a time, which made about five times their size.
		arena.strs = make([]string, 0, 3*nameCount+16)
		arena.chunk = nameCount/2 + 16
		arena.flags = make([]bool, 0, 2*nameCount+16)
		var buf [8]blockKey
		for i, it := range items {
			from[i] = int32(len(itemBlocks))
			if it.Kind != Name {
				continue
			}
			var bkeys []blockKey
			names[i], bkeys = groupName(&arena, &info[i], it, keyOf(i), buf[:0], false)
			addBlocks(i, bkeys)
		}
	} else {
		// The names and their blocks' keys made in parallel, by chunks
		// of items, then the blocks filled in order.
		chunks := (len(items) + groupChunk - 1) / groupChunk
		ckeys := make([][]blockKey, chunks)
		cfrom := make([][]int32, chunks)
		parallel.Run(jobs, chunks, func(w int, next func() int) {
			var arena nameArena
			for c := next(); c >= 0; c = next() {
				lo, hi := c*groupChunk, min((c+1)*groupChunk, len(items))
				var ks []blockKey
				fr := make([]int32, hi-lo+1)
				for i := lo; i < hi; i++ {
					fr[i-lo] = int32(len(ks))
					if items[i].Kind == Name {
						names[i], ks = groupName(&arena, &info[i], items[i], keyOf(i), ks, true)
					}
				}
				fr[hi-lo] = int32(len(ks))
				ckeys[c], cfrom[c] = ks, fr
			}
		})
		for i := range items {
			from[i] = int32(len(itemBlocks))
			c, k := i/groupChunk, i%groupChunk
			if fr := cfrom[c]; fr[k] < fr[k+1] {
				addBlocks(i, ckeys[c][fr[k]:fr[k+1]])
			}
		}
	}
	from[len(items)] = int32(len(itemBlocks))
	blockAt := make([]int32, len(blockSize)+1)
	for id, n := range blockSize {
		blockAt[id+1] = blockAt[id] + n
	}
	blocks := make([]int32, len(itemBlocks))
	fill := blockSize // reused: the items put in each block so far
	clear(fill)
	for i := range items {
		for _, id := range itemBlocks[from[i]:from[i+1]] {
			blocks[blockAt[id]+fill[id]] = int32(i)
			fill[id]++
		}
	}
	block := func(id int32) []int32 { return blocks[blockAt[id]:blockAt[id+1]] }
	// The lexicon is asked only about names that have a likely pair.
	anchor := func(i int) {
		if info[i].flags&pairAnchored != 0 {
			return
		}
		info[i].flags |= pairAnchored
		n := names[i].checkCached(cache)
		if n.allCommon || len(n.content) == 0 {
			info[i].flags |= pairNone // see variants
		}
		if n.known {
			uf.anchor(i, known.id(names, i))
		}
	}
	// farApart reports whether names a and b, of different keys, are
	// too far apart in length to be variants.
	farApart := func(a, b int) bool {
		// Lengths far apart are no garble, but for a first name merged
		// into a surname ("Naibbuckley", "Buckley").
		ia, ib := &info[a], &info[b]
		if lo, hi := nearLengths(int(ia.clen)); uint(int(ib.clen)-lo) > uint(hi-lo) {
			if ia.clen > 0 && ib.clen > 0 && ia.last != ib.last {
				return true // neither ends with the other
			}
			if ca, cb := names[a].compact, names[b].compact; !strings.HasSuffix(ca, cb) && !strings.HasSuffix(cb, ca) {
				return true
			}
		}
		return false
	}
	// alike reports whether names a and b, checked, of different keys
	// and not far apart, are variants: what pairVariants decides
	// but for the sets they are in.
	alike := func(a, b int) bool {
		na, nb := names[a], names[b]
		if na.allCommon || len(na.content) == 0 || nb.allCommon || len(nb.content) == 0 {
			return false // as variants would
		}
		// A capitalised word seen only at sentence starts may be no
		// name at all; a likeness needs one of the two seen inside one.
		if (info[a].flags|info[b].flags)&pairMid == 0 && !na.sameContent(nb) {
			return false
		}
		return variants(na, nb, items[a].Count, items[b].Count, opt)
	}
	// joinable reports whether names a and b, of different keys, not
	// far apart and in different sets, are to be joined.
	joinable := func(a, b int) bool {
		if info[a].flags&pairAnchored == 0 {
			anchor(a)
		}
		if info[b].flags&pairAnchored == 0 {
			anchor(b)
		}
		if (info[a].flags|info[b].flags)&pairNone != 0 {
			return false // as variants would
		}
		return alike(a, b)
	}
	// laterOf returns the items after a that share a block with it, in
	// increasing order, in later (reused).
	laterOf := func(a int, later []int32, lists *[][]int32) []int32 {
		ls := (*lists)[:0]
		for _, id := range itemBlocks[from[a]:from[a+1]] {
			ids := block(id)
			if len(ids) > maxBlock {
				continue // a key too common to tell names apart ("jn")
			}
			// ids is in increasing order and holds a.
			k, _ := slices.BinarySearch(ids, int32(a))
			if k+1 < len(ids) {
				ls = append(ls, ids[k+1:])
			}
		}
		*lists = ls
		return mergeUnique(later[:0], ls)
	}
	// The pairs of items sharing a block, in order (a, b) with a < b: for
	// each a, the later items of its blocks, merged.
	var later []int32
	var lists [][]int32
	if jobs <= 1 {
		// The items are taken in order, so each is the next of its
		// blocks: where it stands in each is counted, not searched.
		next := make([]int32, len(blockAt)-1)
		for a := range items {
			if names[a] == nil {
				continue
			}
			lists = lists[:0]
			for _, id := range itemBlocks[from[a]:from[a+1]] {
				k := next[id]
				next[id]++
				if ids := block(id); len(ids) <= maxBlock && int(k)+1 < len(ids) {
					lists = append(lists, ids[k+1:])
				}
			}
			later = mergeUnique(later[:0], lists)
			// What each pair reads of a, read once (a's set
			// changes only when a is joined to another).
			ka, ca, la := info[a].key, int(info[a].clen), info[a].last
			lo, hi := nearLengths(ca)
			ra := uf.find(a)
			for _, bb := range later {
				b := int(bb)
				ib := &info[b]
				if ib.key == ka {
					continue // same key, so same kind too: joined already
				}
				// farApart(a, b), with a's in hand.
				if cb := int(ib.clen); uint(cb-lo) > uint(hi-lo) {
					if ca > 0 && cb > 0 && la != ib.last {
						continue
					}
					if x, y := names[a].compact, names[b].compact; !strings.HasSuffix(x, y) && !strings.HasSuffix(y, x) {
						continue
					}
				}
				if uf.find(b) == ra || !joinable(a, b) {
					continue
				}
				uf.union(a, b)
				ra = uf.find(a)
			}
		}
		return uf.groups()
	}
	// In parallel: the pairs not far apart, each with whether its names
	// are alike, found by chunks of items; then the sets joined in the
	// order above, skipping the pairs joined already. The names are
	// checked once each, whichever chunk asks first (checked[i] for
	// name i: made here, so that a name made for one job carries none).
	checked := make([]sync.Once, len(items))
	chunks := (len(items) + groupChunk - 1) / groupChunk
	cpairs := make([][]int32, chunks) // b, or ^b when alike
	cfrom := make([][]int32, chunks)
	parallel.Run(jobs, chunks, func(w int, next func() int) {
		var later []int32
		var lists [][]int32
		wc := newLexCache(opt, 0)
		for c := next(); c >= 0; c = next() {
			lo, hi := c*groupChunk, min((c+1)*groupChunk, len(items))
			var ps []int32
			fr := make([]int32, hi-lo+1)
			for a := lo; a < hi; a++ {
				fr[a-lo] = int32(len(ps))
				if names[a] == nil {
					continue
				}
				later = laterOf(a, later, &lists)
				for _, bb := range later {
					b := int(bb)
					if info[a].key == info[b].key || farApart(a, b) {
						continue
					}
					checked[a].Do(func() { names[a].checkCached(wc) })
					checked[b].Do(func() { names[b].checkCached(wc) })
					if alike(a, b) {
						bb = ^bb
					}
					ps = append(ps, bb)
				}
			}
			fr[hi-lo] = int32(len(ps))
			cpairs[c], cfrom[c] = ps, fr
		}
	})
	for a := range items {
		c, k := a/groupChunk, a%groupChunk
		fr := cfrom[c]
		for _, bb := range cpairs[c][fr[k]:fr[k+1]] {
			ok := bb < 0
			if ok {
				bb = ^bb
			}
			b := int(bb)
			if uf.find(a) == uf.find(b) {
				continue
			}
			anchor(a)
			anchor(b)
			if ok {
				uf.union(a, b)
			}
		}
	}
	return uf.groups()
}

// knownIDs numbers the content of known names: names of equal content
// words have equal numbers, others different ones.
type knownIDs struct {
	byHash map[uint32]int32 // the first name of each content hash
	byText map[string]int   // the names whose hash another's content has
}

// id returns the number of the content of names[i], above 0.
func (k *knownIDs) id(names []*name, i int) int {
	n := names[i]
	if k.byHash == nil {
		k.byHash = map[uint32]int32{}
	}
	j, ok := k.byHash[n.chash]
	if !ok {
		k.byHash[n.chash] = int32(i)
		return i + 1
	}
	if equalWords(names[j].content, n.content) {
		return int(j) + 1
	}
	// Another content of the same hash: numbered after all names.
	if k.byText == nil {
		k.byText = map[string]int{}
	}
	t := strings.Join(n.content, " ")
	id, ok := k.byText[t]
	if !ok {
		id = len(names) + len(k.byText) + 1
		k.byText[t] = id
	}
	return id
}

// groupChunk is the number of items a goroutine of Group takes at a time.
const groupChunk = 256

// A blockKey names a block of Group: names that share one are compared.
type blockKey struct {
	tag byte // 'a' whole name, 'w' a word, 's' a suffix
	key string
}

// groupName makes the name of item it, of exact key key, in a, sets what
// Group reads of it in in, and appends to dst the keys of its blocks: the
// skeleton of each word and of the whole name, and the last letters of a
// single word (for merged names). Every likeness variants accepts shares
// one of them. With skel, the name's skeleton is worked out now.
func groupName(a *nameArena, in *pairInfo, it Item, key string, dst []blockKey, skel bool) (*name, []blockKey) {
	n := a.newName(it.Text, key)
	in.clen = int32(len(n.compact))
	if c := n.compact; c != "" {
		in.last = c[len(c)-1]
	}
	if it.Mid {
		in.flags |= pairMid
	}
	whole := text.Skeleton(n.compact)
	if n.ascii {
		n.skel, n.skelDone = whole, true // the same for ASCII
	} else if skel {
		n.skeleton()
	}
	dst = append(dst, blockKey{'a', whole})
	// The words' skeletons are not kept: the Index copies them, and
	// variants seldom asks for them again (wordSkeleton).
	for _, w := range n.content {
		sk := whole
		if w != n.compact {
			sk = text.Skeleton(w)
		}
		if len(sk) >= 3 || len(n.content) == 1 && len(sk) >= 2 {
			dst = append(dst, blockKey{'w', sk})
		}
	}
	if len(n.content) == 1 && len(n.compact) >= 5 {
		dst = append(dst, blockKey{'s', n.compact[len(n.compact)-5:]})
	}
	return n, dst
}

// nearLengths returns the lengths of compact form not far from c, those
// of names that may be variants of one of length c: lo <= c2 <= hi
// exactly when absDiff(c, c2) <= max(4, max(c, c2)/3), so that a pair's
// lengths are told apart with one comparison, uint(c2-lo) > uint(hi-lo)
// when far. (c2-c <= c2/3 is 2*c2/3 <= c, c2 <= 3*c/2.)
func nearLengths(c int) (lo, hi int) {
	return min(c-4, c-c/3), max(c+4, 3*c/2)
}

// A pairInfo is what Group reads of an item for most pairs.
type pairInfo struct {
	key   int32 // the first item of the item's kind and key
	clen  int32 // the length of the name's compact form
	last  byte  // the last byte of the compact form
	flags uint8 // pairMid, pairAnchored, pairNone
}

const (
	pairMid      = 1 << iota // Item.Mid
	pairAnchored             // anchored (and so checked)
	pairNone                 // checked: a name of common words only, or of none
)

// mergeUnique appends to dst the values of lists, each in increasing
// order, in increasing order and once each.
func mergeUnique(dst []int32, lists [][]int32) []int32 {
	switch len(lists) {
	case 0:
		return dst
	case 1:
		return append(dst, lists[0]...)
	case 2:
		a, b := lists[0], lists[1]
		for len(a) > 0 && len(b) > 0 {
			switch {
			case a[0] < b[0]:
				dst = append(dst, a[0])
				a = a[1:]
			case b[0] < a[0]:
				dst = append(dst, b[0])
				b = b[1:]
			default:
				dst = append(dst, a[0])
				a, b = a[1:], b[1:]
			}
		}
		dst = append(dst, a...)
		return append(dst, b...)
	}
	if len(lists) > 4 {
		// Many blocks (a name of many words): sort.
		for _, l := range lists {
			dst = append(dst, l...)
		}
		slices.Sort(dst)
		return slices.Compact(dst)
	}
	// Three or four: the heads of the lists in hand, none (above every
	// value) for a list done, the least taken and the lists that hold
	// it moved on.
	const none = math.MaxInt32
	head := func(l []int32, i int) int32 {
		if i < len(l) {
			return l[i]
		}
		return none
	}
	a, b, c := lists[0], lists[1], lists[2]
	var d []int32
	if len(lists) == 4 {
		d = lists[3]
	}
	ia, ib, ic, id := 0, 0, 0, 0
	ha, hb, hc, hd := head(a, 0), head(b, 0), head(c, 0), head(d, 0)
	for {
		m := min(ha, hb, hc, hd)
		if m == none {
			return dst
		}
		dst = append(dst, m)
		if ha == m {
			ia++
			ha = head(a, ia)
		}
		if hb == m {
			ib++
			hb = head(b, ib)
		}
		if hc == m {
			ic++
			hc = head(c, ic)
		}
		if hd == m {
			id++
			hd = head(d, id)
		}
	}
}

// A name is a spelling split into words for comparison. The fields most
// pairs of names read come first, in one cache line.
type name struct {
	allCommon bool     // every content word is a common English word
	known     bool     // every content word is known to the lexicon
	checked   bool     // allCommon, known and knownWord are set
	ascii     bool     // text is ASCII and compact is text.Compact(text)
	chash     uint32   // contentHash(content): names of equal content have equal hashes
	content   []string // folded, without connectors
	compact   string
	// knownWord has bit i set when content word i is known, for the
	// first 64 words (the lexicon is asked about later ones again).
	knownWord uint64
	text      string
	words     []string // folded, connectors included
	acronym   []bool   // per content word: written in capitals ("ICBC")
	// The skeleton of text and text prepared for text.Similarity, once
	// a comparison needs them.
	skel     string
	skelDone bool
	prep     atomic.Pointer[text.Name]
}

// skeleton returns text.Skeleton(n.text), computed once.
func (n *name) skeleton() string {
	if !n.skelDone {
		n.skel, n.skelDone = text.Skeleton(n.text), true
	}
	return n.skel
}

// prepared returns text.PrepareName(n.text), computed once.
// Safe for concurrent use.
func (n *name) prepared() *text.Name {
	if p := n.prep.Load(); p != nil {
		return p
	}
	p := text.PrepareName(n.text)
	if n.prep.CompareAndSwap(nil, &p) {
		return &p
	}
	return n.prep.Load()
}

// wordSkeleton returns text.Skeleton(n.content[i]), made anew: only the
// pairs of names whose skeletons are near and whose words differ ask for
// it, too few to keep a skeleton for each word of every name, which the
// collector would scan.
func (n *name) wordSkeleton(i int) string {
	return text.Skeleton(n.content[i])
}

// wordKnown reports whether content word i is known; n is checked.
func (n *name) wordKnown(i int, opt Options) bool {
	if i < 64 {
		return n.knownWord&(1<<i) != 0
	}
	return opt.Known != nil && opt.Known(n.content[i])
}

func newName(s string) *name { return newNameCompact(s, text.Compact(s)) }

// A nameArena allocates the names of a Group and their words together.
type nameArena struct {
	names []name
	strs  []string
	flags []bool
	chunk int    // the length of a new array of strs
	conn  []bool // scratch: per word of the name in hand, a connector
	upper []bool // scratch: per word, written in capitals
}

// newName is newNameCompact(s, compact), allocated in a.
func (a *nameArena) newName(s, compact string) *name {
	if len(a.names) == cap(a.names) {
		a.names = make([]name, 0, max(64, cap(a.names)))
	}
	a.names = append(a.names, name{text: s, compact: compact})
	n := &a.names[len(a.names)-1]
	// Room for the name's strings in the array in hand (its words and
	// its content words, at most two a word),
	// else a new array: grown by append, the array would be copied
	// and the old one left as garbage.
	if need := 2 * (len(s)/2 + 1); cap(a.strs)-len(a.strs) < need {
		a.strs = make([]string, 0, max(need, a.chunk, 1024))
	}
	ws := len(a.strs)
	a.conn, a.upper = a.conn[:0], a.upper[:0]
	pos := 0 // where the next word's compact form starts in compact while the words are ASCII, else -1
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start < 0 {
			break
		}
		i = end
		w := s[start:end]
		f := ""
		if pos >= 0 {
			var ok bool
			if f, ok = compactPart(w, compact, pos); ok {
				pos += len(f)
			} else {
				pos = -1
			}
		}
		if pos < 0 {
			f = text.Compact(w)
		}
		if f == "" {
			continue
		}
		conn := text.IsConnector(f)
		a.strs = append(a.strs, f)
		a.conn = append(a.conn, conn)
		a.upper = append(a.upper, !conn && len(w) > 1 && text.IsAllUpper(w))
	}
	we := len(a.strs)
	n.words = a.strs[ws:we:we]
	n.ascii = pos == len(compact) && isASCII(s)
	cs, fs := len(a.strs), len(a.flags)
	for k, conn := range a.conn {
		if !conn {
			a.flags = append(a.flags, a.upper[k])
		}
	}
	n.acronym = a.flags[fs:len(a.flags):len(a.flags)]
	if len(n.acronym) == len(n.words) {
		// No connector (most names): the content words are the
		// words, not copied.
		n.content = n.words
	} else {
		for k, conn := range a.conn {
			if !conn {
				a.strs = append(a.strs, n.words[k])
			}
		}
		n.content = a.strs[cs:len(a.strs):len(a.strs)]
	}
	n.chash = contentHash(n.content)
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isNameSep(r rune) bool { return r == ' ' || r == '-' || r == '‐' || r == '–' }

// nextWord returns the bounds of the first word of s at or after byte i, as
// strings.FieldsFunc(s, isNameSep) splits s; start is -1 when there is none.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isNameSep(r) {
			if start >= 0 {
				return start, i
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	return start, len(s)
}

// compactPart returns text.Compact(w) if w is ASCII and its compact form
// stands in compact at pos, as the words of an ASCII name do in turn.
func compactPart(w, compact string, pos int) (string, bool) {
	k := pos
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			continue
		}
		if k >= len(compact) || compact[k] != c {
			return "", false
		}
		k++
	}
	return compact[pos:k], true
}

// newNameCompact is newName for s with its compact form.
func newNameCompact(s, compact string) *name {
	n := &name{text: s, compact: compact}
	for _, w := range strings.FieldsFunc(s, isNameSep) {
		f := text.Compact(w)
		if f == "" {
			continue
		}
		n.words = append(n.words, f)
		if !text.IsConnector(f) {
			n.content = append(n.content, f)
			n.acronym = append(n.acronym, len(w) > 1 && text.IsAllUpper(w))
		}
	}
	n.chash = contentHash(n.content)
	return n
}

// nameWords appends to words the folded words of name s, connectors
// included, and to content those that are not connectors, as newName
// splits s, without making a name.
func nameWords(s string, words, content []string) ([]string, []string) {
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start < 0 {
			return words, content
		}
		i = end
		f := text.Compact(s[start:end])
		if f == "" {
			continue
		}
		words = append(words, f)
		if !text.IsConnector(f) {
			content = append(content, f)
		}
	}
}

// A lexCache holds what opt.Known and opt.Common say of each word asked
// about: the names of a text share many words.
type lexCache struct {
	opt   Options
	words *Index  // the words asked about
	info  []uint8 // by word: 2 known, 4 common
}

// newLexCache returns a lexCache for about n names.
func newLexCache(opt Options, n int) *lexCache {
	return &lexCache{opt: opt, words: NewIndex(n, 8*n), info: make([]uint8, 0, n)}
}

// checkCached is check, asking opt through c.
func (n *name) checkCached(c *lexCache) *name {
	if n.checked {
		return n
	}
	n.checked = true
	n.allCommon, n.known = true, len(n.content) > 0
	for i, w := range n.content {
		id, added := c.words.Add(0, w)
		if added {
			c.info = append(c.info, 0)
		}
		v := c.info[id]
		if added {
			v = 1
			var known, common bool
			if c.opt.Lookup != nil {
				known, common = c.opt.Lookup(w)
			} else {
				known = c.opt.Known != nil && c.opt.Known(w)
				common = c.opt.Common != nil && c.opt.Common(w)
			}
			if known {
				v |= 2
			}
			if common {
				v |= 4
			}
			c.info[id] = v
		}
		if v&4 == 0 {
			n.allCommon = false
		}
		if v&2 == 0 {
			n.known = false
		} else if i < 64 {
			n.knownWord |= 1 << i
		}
	}
	return n
}

// check sets allCommon and known from the lexicon, once, and returns n.
func (n *name) check(opt Options) *name {
	if n.checked {
		return n
	}
	n.checked = true
	n.allCommon, n.known = true, len(n.content) > 0
	for i, w := range n.content {
		if opt.Common == nil || !opt.Common(w) {
			n.allCommon = false
		}
		if opt.Known == nil || !opt.Known(w) {
			n.known = false
		} else if i < 64 {
			n.knownWord |= 1 << i
		}
	}
	return n
}

// variants reports whether two names of different exact keys are spellings
// of one name, given how often each occurs. It wants likeness and evidence
// against the usual look-alikes: a surname beside a full name, a name and its
// derived form ("Paul", "Paula"), two real words or names ("Austria",
// "Australia").
func variants(a, b *name, ca, cb int, opt Options) bool {
	if a.allCommon || b.allCommon || len(a.content) == 0 || len(b.content) == 0 {
		return false
	}
	if a.sameContent(b) {
		return connectorVariants(a.words, b.words)
	}
	if !skeletonsNear(a, b, ca, cb) {
		return false
	}
	// One is part of the other: a surname beside a full name ("Bukele",
	// "Nayib Bukele") or a different place ("Sudan", "South Sudan").
	// (Two single words of different content are not.)
	if (len(a.content) > 1 || len(b.content) > 1) && (subset(a.content, b.content) || subset(b.content, a.content)) {
		return false
	}
	// A derived form: "Paul" and "Paula", "Niger" and "Nigeria".
	if strings.HasPrefix(a.compact, b.compact) || strings.HasPrefix(b.compact, a.compact) {
		return false
	}
	// Two real words or names differ: "Austria" and "Australia".
	if allKnown(a, b, opt) && allKnown(b, a, opt) {
		return false
	}
	if len(a.content) == 1 && len(b.content) == 1 {
		long, short := a.compact, b.compact
		if len(long) < len(short) {
			long, short = short, long
		}
		if strings.Contains(long, short) {
			// A first name merged into the surname: "Naibbuckley",
			// "Buckley"; not a word with a prefix ("Unmarshaler").
			return len(short) >= 5 && len(long)-len(short) >= 3 && strings.HasSuffix(long, short) &&
				!(opt.Known != nil && opt.Known(long))
		}
		if short := min(len(a.compact), len(b.compact)); short < 5 || len(long)-short > 2 {
			return false // one letter in four is too much
		}
		return wordVariants(a, b, ca, cb, opt)
	}
	// A single word against a longer name is left to the glossary
	// rules: "Bakle" beside "Nayib Bukele" looks no more garbled than
	// "Xining" (a city) beside "Liang Xinming" (a man).
	if len(a.content) == len(b.content) {
		// Word by word: each changed word must be a likely garble.
		for i := range a.content {
			x, y := a.content[i], b.content[i]
			if x == y {
				continue
			}
			if a.acronym[i] || b.acronym[i] {
				return false // "ABC", "ICBC"
			}
			if a.wordKnown(i, opt) && b.wordKnown(i, opt) || strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
				return false
			}
			if nearASCII(a.wordSkeleton(i), b.wordSkeleton(i)) > 1 {
				return false
			}
			floor := max(opt.MinSimilarity-0.1, 0.7)
			px, py := text.PrepareName(x), text.PrepareName(y)
			if px.SimilarityAbove(&py, floor).Score < floor {
				return false // "Qing Dynasty", "Shang Dynasty"
			}
		}
	}
	if len(a.content) != len(b.content) && min(len(a.compact), len(b.compact)) < 8 {
		return false // "Kenya", "Qin Yi": too short to tell merged words
	}
	// The skeletons are near (skeletonsNear).
	floor := minScore(ca, cb, opt)
	pa, pb := a.prepared(), b.prepared()
	if pa.SimilarityAbove(pb, floor).Score >= floor {
		return true
	}
	return len(a.content) != len(b.content) && pb.SimilarityAbove(pa, floor).Score >= floor
}

// skeletonsNear reports whether the skeletons of a and b, of different
// content, are as near as variants asks of every likeness but a first name
// merged into a surname: equal for two single words, else at most one edit
// apart (none for two spellings each used more than once, and one only
// between skeletons of four letters or more). Told first, it settles most
// pairs before their words are compared or the lexicon is read; variants
// returns false whenever it does.
func skeletonsNear(a, b *name, ca, cb int) bool {
	sa, sb := a.skeleton(), b.skeleton()
	if len(a.content) == 1 && len(b.content) == 1 {
		if sa == sb {
			return true
		}
		long, short := a.compact, b.compact
		if len(long) < len(short) {
			long, short = short, long
		}
		return strings.Contains(long, short) // merged, or no likeness
	}
	d := nearASCII(sa, sb)
	if d > 1 || d == 1 && min(len(sa), len(sb)) < 4 {
		return false
	}
	// Two spellings each used more than once need equal skeletons, and
	// a higher score.
	return min(ca, cb) < 2 || d == 0
}

// nearDistance returns min(text.Distance(a, b), 2): 0 for equal strings,
// 1 for one rune inserted, dropped or changed, else 2; without filling a
// table of distances for ASCII strings (skeletons nearly always are). Two
// strings are one edit apart when, past their common prefix and then their
// common suffix, what remains of each is at most one byte.
func nearDistance(a, b string) int {
	if a == b {
		return 0
	}
	if !isASCII(a) || !isASCII(b) {
		return min(text.Distance(a, b), 2)
	}
	return nearASCII(a, b)
}

// nearASCII is nearDistance for ASCII strings, such as skeletons (their
// letters are all ASCII).
func nearASCII(a, b string) int {
	if a == b {
		return 0
	}
	if absDiff(len(a), len(b)) > 1 {
		return 2 // an edit adds or drops one byte at most
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	a, b = a[p:], b[p:]
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) <= 1 && len(b) <= 1 {
		return 1
	}
	return 2
}

// minScore returns the text.Similarity score two names must reach to be
// variants, given how often each occurs: more for two spellings each used
// more than once.
func minScore(ca, cb int, opt Options) float64 {
	if min(ca, cb) >= 2 {
		return opt.MinSimilarity + 0.1
	}
	return opt.MinSimilarity
}

// wordVariants compares two single words: they must share their
// transliteration skeleton ("Bakle", "Buckley") and be alike.
func wordVariants(a, b *name, ca, cb int, opt Options) bool {
	if a.skeleton() != b.skeleton() {
		return false
	}
	floor := minScore(ca, cb, opt)
	return a.prepared().SimilarityAbove(b.prepared(), floor).Score >= floor
}

// articles may stand before a place name or be left out ("El Salvador",
// "Salvador").
var articles = map[string]bool{"el": true, "la": true, "los": true, "las": true, "le": true, "les": true, "il": true, "the": true}

// connectorVariants compares two names with the same content words: they
// are variants when they differ in a leading article ("El Salvador",
// "Salvador") or in connectors inside a name of several words ("Tren de
// Aragua", "Tren Aragua"), not in a leading particle of a surname ("Al
// Gore", "Gore").
func connectorVariants(a, b []string) bool {
	strip := func(w []string) []string {
		for len(w) > 1 && articles[w[0]] {
			w = w[1:]
		}
		return w
	}
	sa, sb := strip(a), strip(b)
	if equalWords(sa, sb) {
		return true
	}
	// "the" comes and goes with the grammar of the sentence.
	noThe := func(w []string) []string {
		var out []string
		for _, x := range w {
			if x != "the" {
				out = append(out, x)
			}
		}
		return out
	}
	if equalWords(noThe(sa), noThe(sb)) {
		return false
	}
	lead := func(w []string) []string {
		i := 0
		for i < len(w) && text.IsConnector(w[i]) {
			i++
		}
		return w[:i]
	}
	content := 0
	for _, w := range sa {
		if !text.IsConnector(w) {
			content++
		}
	}
	return content >= 2 && equalWords(lead(sa), lead(sb))
}

func (n *name) sameContent(m *name) bool {
	return n.chash == m.chash && equalWords(n.content, m.content)
}

// contentHash returns an FNV-1a hash of words, to tell most names of
// different content apart without reading their words.
func contentHash(words []string) uint32 {
	h := uint32(2166136261)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * 16777619
		}
		h = (h ^ ' ') * 16777619
	}
	return h
}

func absDiff(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// subset reports whether every word of a is a word of b.
func subset(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, v := range b {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// allKnown reports whether every content word of a that is not one of b's
// is known; a is checked.
func allKnown(a, b *name, opt Options) bool {
	if opt.Known == nil {
		return false
	}
	if a.known {
		return true // checked: every content word is known
	}
	for i, w := range a.content {
		if contains(b.content, w) {
			continue
		}
		if !a.wordKnown(i, opt) {
			return false
		}
	}
	return true
}

func contains(list []string, w string) bool {
	for _, v := range list {
		if v == w {
			return true
		}
	}
	return false
}

// union is a union-find that keeps apart two glossary terms, and two
// names the lexicon knows ("Greek", "Greece"), so that a garble alike to
// both cannot chain them together.
type union struct {
	parent []int32
	term   []int32 // Item.Term of the set
	known  []int32 // 1 + index of the known name the set holds, 0 none
}

func newUnion(items []Item) *union {
	u := &union{parent: make([]int32, len(items)), term: make([]int32, len(items)), known: make([]int32, len(items))}
	for i := range items {
		u.parent[i] = int32(i)
		u.term[i] = int32(items[i].Term)
	}
	return u
}

// anchor marks the set of item i as holding the known name id.
func (u *union) anchor(i, id int) {
	if r := u.find(i); u.known[r] == 0 {
		u.known[r] = int32(id)
	}
}

func (u *union) find(i int) int {
	for int(u.parent[i]) != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = int(u.parent[i])
	}
	return i
}

// union joins the sets of a and b unless each holds a different glossary term.
func (u *union) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if u.term[ra] != 0 && u.term[rb] != 0 && u.term[ra] != u.term[rb] {
		return
	}
	if u.known[ra] != 0 && u.known[rb] != 0 && u.known[ra] != u.known[rb] {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = int32(ra)
	if u.term[ra] == 0 {
		u.term[ra] = u.term[rb]
	}
	if u.known[ra] == 0 {
		u.known[ra] = u.known[rb]
	}
}

func (u *union) groups() [][]int {
	n := len(u.parent)
	root := make([]int32, n)
	size := make([]int32, n)
	for i := range n {
		r := u.find(i)
		root[i] = int32(r)
		size[r]++
	}
	// A group is made at its first (smallest) index, so groups come in
	// order of their first index.
	at := make([]int32, n) // 1 + the group of a root
	var out [][]int
	for i := range n {
		r := root[i]
		if size[r] < 2 {
			continue
		}
		if at[r] == 0 {
			out = append(out, make([]int, 0, size[r]))
			at[r] = int32(len(out))
		}
		g := at[r] - 1
		out[g] = append(out[g], i)
	}
	return out
}

// Shortened reports whether one of two names is the other shortened: its
// words are some of the other's words ("Bukele", "Nayib Bukele"). Such
// spellings are consistent even when they fall in one group.
func Shortened(a, b string) bool {
	var wa, ca, wb, cb [8]string
	_, xa := nameWords(a, wa[:0], ca[:0])
	_, xb := nameWords(b, wb[:0], cb[:0])
	if len(xa) == len(xb) {
		return false
	}
	return subset(xa, xb) || subset(xb, xa)
}

// LastWord returns the last word of name s that is not a connector, as
// written ("Nayib Bukele" gives "Bukele"), for suggesting a surname.
func LastWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
	for i := len(f) - 1; i >= 0; i-- {
		if !text.IsConnector(f[i]) {
			return f[i]
		}
	}
	return s
}

// Fuller reports whether long is short with more connectors or a leading
// article ("El Salvador" for "Salvador"): the fuller form is preferred.
func Fuller(long, short string) bool {
	var wl, cl, ws, cs [8]string
	wordsL, contentL := nameWords(long, wl[:0], cl[:0])
	wordsS, contentS := nameWords(short, ws[:0], cs[:0])
	return len(wordsL) > len(wordsS) && equalWords(contentL, contentS)
}

// Suggest returns the replacement for spelling s in a group whose preferred
// spelling is pref: pref itself, or for a surname its preferred surname
// ("Bakle" with "Nayib Bukele" gives "Bukele"), or for a full name whose
// surname is the preferred one alone its first names with pref ("Lorenzo
// Fiolamonti" with "Fioramonti" gives "Lorenzo Fioramonti").
func Suggest(s, pref string) string {
	var ws, cs, wp, cp [8]string
	_, contentS := nameWords(s, ws[:0], cs[:0])
	_, contentP := nameWords(pref, wp[:0], cp[:0])
	switch {
	case len(contentS) == 1 && len(contentP) > 1:
		last := LastWord(pref)
		if text.Similarity(s, last).Score > text.Similarity(s, pref).Score {
			return last
		}
	case len(contentS) > 1 && len(contentP) == 1:
		last := LastWord(s)
		if text.Similarity(last, pref).Score > text.Similarity(s, pref).Score {
			return strings.TrimSuffix(s, last) + pref
		}
	}
	return pref
}

// Known reports whether every word of name s, but its connectors, is
// known to opt.Known: a real name rather than a garble.
func Known(s string, opt Options) bool {
	var w, c [8]string
	_, content := nameWords(s, w[:0], c[:0])
	if len(content) == 0 || opt.Known == nil {
		return false
	}
	for _, x := range content {
		if !opt.Known(x) {
			return false
		}
	}
	return true
}
