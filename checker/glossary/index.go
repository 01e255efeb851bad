package glossary

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

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

	seq   map[uint64]seqNode  // token-sequence prefixes of forms
	seqBF []uint64            // bit set of the keys of seq, to skip most map lookups
	seqSh uint                // 64 - log2(bits in seqBF)
	words map[uint64]struct{} // runs of whole words of terms (not variants)
	fuzzy postings            // deletion and skeleton keys → form ids

	cache  sync.Map // name → cached: Best's results
	cached atomic.Int64
}

// A Form is one spelling in the index: an entry's term or one of its variants.
type Form struct {
	Text    string
	Entry   int  // index into Index.Entries
	Variant bool // a known wrong form, not the term
	Tokens  int  // number of tokens (text.Tokenize)
	Compact string
	name    text.Name
}

type seqNode struct {
	forms []int32 // forms that end here
	more  bool    // some form continues past here
}

const (
	prefixLen   = 7   // deletions are generated over this many leading runes
	maxPost     = 400 // deletion keys shared by more forms are too unspecific to follow
	maxPostSkel = 48  // the same for skeleton keys, which are short
	maxScored   = 8   // forms scored per lookup, the ones sharing most keys with it
	saltSkel    = 0x9e3779b97f4a7c15
)

// NewIndex builds the index of entries. Empty terms and variants are skipped.
func NewIndex(entries []Entry) *Index {
	ix := &Index{
		Entries: entries,
		seq:     map[uint64]seqNode{},
		words:   map[uint64]struct{}{},
	}
	var toks []text.Token
	// About 20 keys and 40 key-form pairs per form (term or variant):
	// sized for that, the table is not rehashed as it fills.
	nforms := 0
	for _, e := range entries {
		nforms += 1 + len(e.Variants)
	}
	ix.fuzzy.init(nforms*20, nforms*40)
	for ei, e := range entries {
		forms := append([]string{e.Term}, e.Variants...)
		for fi, f := range forms {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			toks = text.Tokenize(toks[:0], f, text.Span{End: len(f)})
			if len(toks) == 0 {
				continue
			}
			id := int32(len(ix.Forms))
			nm := text.PrepareName(f)
			ix.Forms = append(ix.Forms, Form{Text: f, Entry: ei, Variant: fi > 0, Tokens: len(toks), Compact: nm.Compact(), name: nm})
			// Exact: the chain of token prefixes.
			h := uint64(fnvOffset)
			for k := range toks {
				h = hashToken(h, f, toks, k)
				n := ix.seq[h]
				if k == len(toks)-1 {
					n.forms = append(n.forms, id)
				} else {
					n.more = true
				}
				ix.seq[h] = n
			}
			// Fuzzy: the whole compact form, each word, their skeletons.
			add := func(h uint64) { ix.fuzzy.add(h, id) }
			c := ix.Forms[id].Compact
			deletions(c, maxDist(c), add)
			skeletonKeys(text.Skeleton(c), add)
			if st := nm.Stripped(); st != "" && st != c {
				// Without its connectors: "Jazira" for "Al Jazeera".
				deletions(st, maxDist(st), add)
				skeletonKeys(text.Skeleton(st), add)
			}
			var nw int
			for _, t := range toks {
				if t.Kind == text.Word {
					nw++
				}
			}
			if fi == 0 {
				// Every run of whole words of the term: "Bukele",
				// "Montoya-Galvez", "Son Heung".
				var wt []text.Token
				for _, t := range toks {
					if t.Kind == text.Word || t.Kind == text.Number {
						wt = append(wt, t)
					}
				}
				for a := range wt {
					for b := a; b < len(wt); b++ {
						ix.words[hashString(partKey(f[wt[a].Start:wt[b].End]))] = struct{}{}
					}
				}
			}
			for _, t := range toks {
				if t.Kind != text.Word {
					continue
				}
				w := text.Compact(f[t.Start:t.End])
				if nw < 2 || e.Kind != Person || utf8.RuneCountInString(w) < 4 || text.IsConnector(w) {
					continue
				}
				deletions(w, maxDist(w), add)
				skeletonKeys(text.Skeleton(w), add)
			}
		}
	}
	ix.buildSeqFilter()
	return ix
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
	h := uint64(fnvOffset)
	for k := i; k < len(toks); k++ {
		t := toks[k]
		spaced := k > i && t.Start > toks[k-1].End
		if w := s[t.Start:t.End]; t.Kind == text.Word {
			if cut := possessive(w); cut > 0 {
				// Try the word without "'s" as the last token.
				if node, ok := ix.node(hashWord(h, w[:len(w)-cut], spaced)); ok && len(node.forms) > 0 {
					forms, n, end = node.forms, k-i+1, t.End-cut
				}
			}
		}
		h = hashWord(h, s[t.Start:t.End], spaced)
		node, ok := ix.node(h)
		if !ok {
			break
		}
		if len(node.forms) > 0 {
			forms, n, end = node.forms, k-i+1, t.End
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
	_, ok := ix.words[partKeyHash(w)]
	return ok
}

// partKeyHash returns hashString(partKey(s)), without building the key
// when s is ASCII.
func partKeyHash(s string) uint64 {
	h := uint64(fnvOffset)
	written, hyphen, space := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return hashString(partKey(s))
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			continue
		case c == '-':
			space = false
		default:
			if space && written && !hyphen {
				h = (h ^ ' ') * fnvPrime
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
		}
		h = (h ^ uint64(c)) * fnvPrime
		written, hyphen = true, c == '-'
	}
	return h
}

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
	start := len(dst)
	c := text.Compact(s)
	if c == "" || ix.fuzzy.n == 0 {
		return dst
	}
	var pb [prefixLen]rune
	exactKey := hashRunes(appendRunes(pb[:0], prefix(c)), 0)
	follow := func(limit int) func(uint64) {
		return func(h uint64) {
			n := ix.fuzzy.count(h)
			if n == 0 || n > limit && h != exactKey {
				return
			}
			dst = ix.fuzzy.appendIDs(dst, h)
		}
	}
	deletions(c, maxDist(c), follow(maxPost))
	skeletonKeys(text.Skeleton(c), follow(maxPostSkel))
	tail := dst[start:]
	slices.Sort(tail)
	// Count the keys each form shares with s; keep the best maxScored.
	type hit struct{ id, n int32 }
	var hits []hit
	for i := 0; i < len(tail); {
		j := i
		for j < len(tail) && tail[j] == tail[i] {
			j++
		}
		hits = append(hits, hit{tail[i], int32(j - i)})
		i = j
	}
	if len(hits) > maxScored {
		slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.n, a.n) })
		hits = hits[:maxScored]
		slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(a.id, b.id) })
	}
	dst = dst[:start]
	for _, h := range hits {
		dst = append(dst, h.id)
	}
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

type cached struct {
	f  Fuzzy
	ok bool
}

// Best returns the entry that s most likely misspells, with the score of
// text.Similarity against its term or variants; false when no form is near
// or none could score 0.6. Ties go to the earlier entry. Results are
// remembered (up to cacheLimit names), as names recur from file to file.
func (ix *Index) Best(s string) (Fuzzy, bool) {
	if v, ok := ix.cache.Load(s); ok {
		c := v.(cached)
		return c.f, c.ok
	}
	f, ok := ix.best(s)
	if ix.cached.Add(1) <= cacheLimit {
		ix.cache.Store(strings.Clone(s), cached{f, ok})
	}
	return f, ok
}

func (ix *Index) best(s string) (Fuzzy, bool) {
	var buf [64]int32
	ids := ix.Near(buf[:0], s)
	if len(ids) == 0 {
		return Fuzzy{}, false
	}
	q := text.PrepareName(s)
	var best Fuzzy
	found := false
	for _, id := range ids {
		f := &ix.Forms[id]
		if f.Variant { // wrong forms are matched exactly (glossary-variant), never fuzzily
			continue
		}
		bound := q.Bound(&f.name)
		if bound < minBound {
			continue
		}
		// A form is kept only if it scores at least the best so far
		// (ties to the earlier entry): forms that cannot are skipped or
		// their comparison cut short. The margin covers rounding in Bound.
		floor := 0.0
		if found {
			if bound+1e-9 < best.Match.Score {
				continue
			}
			floor = best.Match.Score
		}
		m := q.SimilarityAbove(&f.name, floor)
		if found && (m.Score < best.Match.Score || m.Score == best.Match.Score && f.Entry >= best.Entry) {
			continue
		}
		term := ix.Entries[f.Entry].Term
		sug := term
		if m.Start != 0 || m.End != len(f.Text) {
			sug = f.Text[m.Start:m.End]
			if f.Variant {
				// A word of a wrong form: propose the term.
				sug = term
			}
		}
		best = Fuzzy{Form: id, Entry: f.Entry, Match: m, Suggestion: sug}
		found = true
	}
	return best, found
}

// postings is an open-addressing hash table from keys to lists of form
// ids, kept as linked lists in two arrays: no sorting, few allocations.
type postings struct {
	keys  []uint64 // 0: empty slot
	head  []int32  // last pair added under the key
	cnt   []int32  // pairs under the key
	next  []int32  // per pair: the pair added before it under the same key
	ids   []int32  // per pair: the form id
	n     int      // used slots
	mask  uint64
	shift uint // 64 - log2(len(keys)): slots come from the top bits of a product
}

func (p *postings) init(hint, pairs int) {
	size := 1024
	for size < hint+hint/2 {
		size <<= 1
	}
	p.keys = make([]uint64, size)
	p.head = make([]int32, size)
	p.cnt = make([]int32, size)
	p.mask = uint64(size - 1)
	p.shift = uint(64 - bits.Len(uint(size-1)))
	p.n = 0
	p.next = make([]int32, 0, pairs)
	p.ids = make([]int32, 0, pairs)
}

func (p *postings) slot(h uint64) uint64 {
	i := (h * 0x9e3779b97f4a7c15) >> p.shift
	for p.keys[i] != 0 && p.keys[i] != h {
		i = (i + 1) & p.mask
	}
	return i
}

func (p *postings) add(h uint64, id int32) {
	h |= 1 // 0 marks an empty slot
	if len(p.keys) == 0 {
		p.init(1024, 1024)
	}
	if (p.n+1)*10 > len(p.keys)*7 {
		p.grow()
	}
	i := p.slot(h)
	if p.keys[i] == 0 {
		p.keys[i] = h
		p.head[i] = -1
		p.n++
	} else if p.ids[p.head[i]] == id {
		return // the same form under the same key again
	}
	p.next = append(p.next, p.head[i])
	p.ids = append(p.ids, id)
	p.head[i] = int32(len(p.ids) - 1)
	p.cnt[i]++
}

func (p *postings) grow() {
	old := *p
	size := len(old.keys) * 2
	p.keys = make([]uint64, size)
	p.head = make([]int32, size)
	p.cnt = make([]int32, size)
	p.mask = uint64(size - 1)
	p.shift = uint(64 - bits.Len(uint(size-1)))
	for i, k := range old.keys {
		if k == 0 {
			continue
		}
		j := p.slot(k)
		p.keys[j], p.head[j], p.cnt[j] = k, old.head[i], old.cnt[i]
	}
}

func (p *postings) count(h uint64) int {
	if p.n == 0 {
		return 0
	}
	i := p.slot(h | 1)
	if p.keys[i] == 0 {
		return 0
	}
	return int(p.cnt[i])
}

func (p *postings) appendIDs(dst []int32, h uint64) []int32 {
	i := p.slot(h | 1)
	if p.keys[i] == 0 {
		return dst
	}
	for k := p.head[i]; k >= 0; k = p.next[k] {
		dst = append(dst, p.ids[k])
	}
	return dst
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
	// Without allocating: the prefix has at most prefixLen runes, and
	// each of the (at most two) levels of deletion has a buffer.
	var pb [prefixLen]rune
	p := pb[:0]
	for _, r := range prefix(c) {
		p = append(p, r)
	}
	fn(hashRunes(p, 0))
	if d == 0 || len(p) <= 1 {
		return
	}
	var q1, q2 [prefixLen]rune
	for i := range p {
		q := q1[:len(p)-1]
		copy(q, p[:i])
		copy(q[i:], p[i+1:])
		fn(hashRunes(q, 0))
		if d > 1 && len(q) > 1 {
			for j := i; j < len(q); j++ {
				r := q2[:len(q)-1]
				copy(r, q[:j])
				copy(r[j:], q[j+1:])
				fn(hashRunes(r, 0))
			}
		}
	}
}

// deletionsAny is deletions for any d.
func deletionsAny(c string, d int, fn func(uint64)) {
	p := []rune(prefix(c))
	fn(hashRunes(p, 0))
	var rec func(p []rune, from, d int)
	rec = func(p []rune, from, d int) {
		q := make([]rune, len(p)-1)
		for i := from; i < len(p); i++ {
			copy(q, p[:i])
			copy(q[i:], p[i+1:])
			fn(hashRunes(q, 0))
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
	if len(sk) < 3 {
		return
	}
	var rb, qb [32]rune // on the stack for all but very long names
	r := rb[:0]
	for _, c := range sk {
		r = append(r, c)
	}
	fn(hashRunes(r, saltSkel))
	if len(r) >= 5 {
		q := qb[:0]
		for range len(r) - 1 {
			q = append(q, 0)
		}
		for i := range r {
			copy(q, r[:i])
			copy(q[i:], r[i+1:])
			fn(hashRunes(q, saltSkel))
		}
	}
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
		for c > 0 {
			h = (h ^ uint64(c&0xff)) * fnvPrime
			c >>= 8
		}
		h = (h ^ 0xff) * fnvPrime
	}
	return h
}

// hashToken extends h with token k of toks (in s), folded, preceded by a
// space when whitespace separates it from the token before.
func hashToken(h uint64, s string, toks []text.Token, k int) uint64 {
	t := toks[k]
	return hashWord(h, s[t.Start:t.End], k > 0 && t.Start > toks[k-1].End)
}

// hashWord extends h with the word w, folded, preceded by a space when
// spaced.
func hashWord(h uint64, w string, spaced bool) uint64 {
	if spaced {
		h = (h ^ ' ') * fnvPrime
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			f := text.Fold(w)
			for j := 0; j < len(f); j++ {
				h = (h ^ uint64(f[j])) * fnvPrime
			}
			return (h ^ 0x1f) * fnvPrime
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return (h ^ 0x1f) * fnvPrime
}
