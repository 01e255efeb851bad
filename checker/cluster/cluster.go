// Package cluster groups the spellings of a text that are variants of one
// name or term: the same letters in another casing, with or without the
// periods of an acronym or the hyphen of a compound, and garbled
// transliterations ("Buckley", "Bakle", "Naibbuckley"). It decides only which
// spellings belong together; the inconsistent-spelling rule reports them.
package cluster

import (
	"slices"
	"strings"

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
// their order.
func Group(items []Item, opt Options) [][]int {
	uf := newUnion(items)
	// Exact keys: case, periods, hyphens, spaces.
	type kindKey struct {
		kind Kind
		key  string
	}
	byKey := make(map[kindKey]int, len(items))
	keys := make([]string, len(items))
	for i, it := range items {
		k := it.Key
		if k == "" {
			k = Key(it.Kind, it.Text)
		}
		keys[i] = k
		kk := kindKey{it.Kind, k}
		if j, ok := byKey[kk]; ok {
			uf.union(j, i)
		} else {
			byKey[kk] = i
		}
	}
	// Likeness of names, compared within blocks of items sharing a
	// skeleton.
	names := make([]*name, len(items))
	knownIDs := map[string]int{}
	type blockKey struct {
		tag byte // 'a' whole name, 'w' a word, 's' a suffix
		key string
	}
	// Blocks by id, and the blocks of each item (itemBlocks[from[i]:from[i+1]]).
	blockID := make(map[blockKey]int32, 2*len(items))
	var blocks [][]int32
	from := make([]int32, len(items)+1)
	var itemBlocks []int32
	var buf [8]blockKey
	for i, it := range items {
		from[i] = int32(len(itemBlocks))
		if it.Kind != Name {
			continue
		}
		n := newNameCompact(it.Text, keys[i])
		names[i] = n
		// Blocks: the skeleton of each word and of the whole name, and
		// the last letters of a single word (for merged names). Every
		// likeness variants accepts shares one of them.
		whole := text.Skeleton(n.compact)
		bkeys := append(buf[:0], blockKey{'a', whole})
		for _, w := range n.content {
			sk := whole
			if w != n.compact {
				sk = text.Skeleton(w)
			}
			if len(sk) >= 3 || len(n.content) == 1 && len(sk) >= 2 {
				bkeys = append(bkeys, blockKey{'w', sk})
			}
		}
		if len(n.content) == 1 && len(n.compact) >= 5 {
			bkeys = append(bkeys, blockKey{'s', n.compact[len(n.compact)-5:]})
		}
		var seen map[blockKey]bool // for names of many words ("Word Word …" for pages)
		if len(bkeys) > 16 {
			seen = make(map[blockKey]bool, len(bkeys))
		}
		for k, key := range bkeys {
			dup := false
			if seen != nil {
				dup = seen[key]
				seen[key] = true
			} else {
				for _, prev := range bkeys[:k] {
					dup = dup || prev == key
				}
			}
			if !dup {
				id, ok := blockID[key]
				if !ok {
					id = int32(len(blocks))
					blockID[key] = id
					blocks = append(blocks, nil)
				}
				blocks[id] = append(blocks[id], int32(i))
				itemBlocks = append(itemBlocks, id)
			}
		}
	}
	from[len(items)] = int32(len(itemBlocks))
	// The lexicon is asked only about names that have a likely pair.
	anchored := make([]bool, len(items))
	anchor := func(i int) {
		if anchored[i] {
			return
		}
		anchored[i] = true
		if n := names[i]; n.check(opt).known {
			k := strings.Join(n.content, " ")
			id, ok := knownIDs[k]
			if !ok {
				id = len(knownIDs) + 1
				knownIDs[k] = id
			}
			uf.anchor(i, id)
		}
	}
	// pairVariants reports whether names a and b, of different keys, are
	// to be joined.
	pairVariants := func(a, b int) bool {
		if uf.find(a) == uf.find(b) {
			return false
		}
		// Lengths far apart are no garble, but for a first name merged
		// into a surname ("Naibbuckley", "Buckley").
		if ca, cb := names[a].compact, names[b].compact; absDiff(len(ca), len(cb)) > max(4, max(len(ca), len(cb))/3) &&
			!strings.HasSuffix(ca, cb) && !strings.HasSuffix(cb, ca) {
			return false
		}
		anchor(a)
		anchor(b)
		// A capitalised word seen only at sentence starts may be no
		// name at all; a likeness needs one of the two seen inside one.
		if !items[a].Mid && !items[b].Mid && !names[a].sameContent(names[b]) {
			return false
		}
		return variants(names[a].check(opt), names[b].check(opt), items[a].Count, items[b].Count, opt)
	}
	// The pairs of items sharing a block, in order (a, b) with a < b: for
	// each a, the later items of its blocks, sorted and made unique.
	var later []int32
	// seen[b] is 1 + the last a whose later holds b: an item shares
	// several blocks with most of its likely pairs.
	seen := make([]int32, len(items))
	for a := range items {
		if names[a] == nil {
			continue
		}
		later = later[:0]
		lists := 0
		for _, id := range itemBlocks[from[a]:from[a+1]] {
			ids := blocks[id]
			if len(ids) > maxBlock {
				continue // a key too common to tell names apart ("jn")
			}
			// ids is in increasing order and holds a.
			k, _ := slices.BinarySearch(ids, int32(a))
			if k+1 < len(ids) {
				lists++
			}
			for _, b := range ids[k+1:] {
				if seen[b] != int32(a)+1 {
					seen[b] = int32(a) + 1
					later = append(later, b)
				}
			}
		}
		if lists > 1 {
			slices.Sort(later)
		}
		for _, bb := range later {
			b := int(bb)
			if keys[a] == keys[b] {
				continue
			}
			if !pairVariants(a, b) {
				continue
			}
			uf.union(a, b)
		}
	}
	return uf.groups()
}

// A name is a spelling split into words for comparison.
type name struct {
	text      string
	compact   string
	words     []string // folded, connectors included
	content   []string // folded, without connectors
	acronym   []bool   // per content word: written in capitals ("ICBC")
	allCommon bool     // every content word is a common English word
	known     bool     // every content word is known to the lexicon
	checked   bool     // allCommon, known and knownWord are set
	// knownWord has bit i set when content word i is known, for the
	// first 64 words (the lexicon is asked about later ones again).
	knownWord uint64
	// The skeleton of text and text prepared for text.Similarity, once
	// a comparison needs them.
	skel     string
	skelDone bool
	prep     *text.Name
}

// skeleton returns text.Skeleton(n.text), computed once.
func (n *name) skeleton() string {
	if !n.skelDone {
		n.skel, n.skelDone = text.Skeleton(n.text), true
	}
	return n.skel
}

// prepared returns text.PrepareName(n.text), computed once.
func (n *name) prepared() *text.Name {
	if n.prep == nil {
		p := text.PrepareName(n.text)
		n.prep = &p
	}
	return n.prep
}

// wordKnown reports whether content word i is known; n is checked.
func (n *name) wordKnown(i int, opt Options) bool {
	if i < 64 {
		return n.knownWord&(1<<i) != 0
	}
	return opt.Known != nil && opt.Known(n.content[i])
}

func newName(s string) *name { return newNameCompact(s, text.Compact(s)) }

// newNameCompact is newName for s with its compact form.
func newNameCompact(s, compact string) *name {
	n := &name{text: s, compact: compact}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '‐' || r == '–' }) {
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
	if equalWords(a.content, b.content) {
		return connectorVariants(a.words, b.words)
	}
	// One is part of the other: a surname beside a full name ("Bukele",
	// "Nayib Bukele") or a different place ("Sudan", "South Sudan").
	if subset(a.content, b.content) || subset(b.content, a.content) {
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
			if text.Distance(text.Skeleton(x), text.Skeleton(y)) > 1 {
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
	sa, sb := a.skeleton(), b.skeleton()
	d := text.Distance(sa, sb)
	if d > 1 || d == 1 && min(len(sa), len(sb)) < 4 {
		return false
	}
	// Two spellings each used more than once need equal skeletons, and
	// a higher score.
	if min(ca, cb) >= 2 && d != 0 {
		return false
	}
	floor := minScore(ca, cb, opt)
	pa, pb := a.prepared(), b.prepared()
	if pa.SimilarityAbove(pb, floor).Score >= floor {
		return true
	}
	return len(a.content) != len(b.content) && pb.SimilarityAbove(pa, floor).Score >= floor
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

func (n *name) sameContent(m *name) bool { return equalWords(n.content, m.content) }

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
	parent []int
	term   []int
	known  []int // 1 + index of the known name the set holds, 0 none
}

func newUnion(items []Item) *union {
	u := &union{parent: make([]int, len(items)), term: make([]int, len(items)), known: make([]int, len(items))}
	for i := range items {
		u.parent[i] = i
		u.term[i] = items[i].Term
	}
	return u
}

// anchor marks the set of item i as holding the known name id.
func (u *union) anchor(i, id int) {
	if r := u.find(i); u.known[r] == 0 {
		u.known[r] = id
	}
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
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
	u.parent[rb] = ra
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
	na, nb := newName(a), newName(b)
	if len(na.content) == len(nb.content) {
		return false
	}
	return subset(na.content, nb.content) || subset(nb.content, na.content)
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
	nl, ns := newName(long), newName(short)
	return len(nl.words) > len(ns.words) && equalWords(nl.content, ns.content)
}

// Suggest returns the replacement for spelling s in a group whose preferred
// spelling is pref: pref itself, or for a surname its preferred surname
// ("Bakle" with "Nayib Bukele" gives "Bukele"), or for a full name whose
// surname is the preferred one alone its first names with pref ("Lorenzo
// Fiolamonti" with "Fioramonti" gives "Lorenzo Fioramonti").
func Suggest(s, pref string) string {
	ns, np := newName(s), newName(pref)
	switch {
	case len(ns.content) == 1 && len(np.content) > 1:
		last := LastWord(pref)
		if text.Similarity(s, last).Score > text.Similarity(s, pref).Score {
			return last
		}
	case len(ns.content) > 1 && len(np.content) == 1:
		last := LastWord(s)
		if text.Similarity(last, pref).Score > text.Similarity(s, pref).Score {
			return strings.TrimSuffix(s, last) + pref
		}
	}
	return pref
}

// Known reports whether every word of name s, but its connectors, is
// known to opt.Known: a real name rather than a garble.
func Known(s string, opt Options) bool { return newName(s).check(opt).known }
