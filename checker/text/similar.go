package text

import (
	"github.com/agnivade/levenshtein"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Skeleton returns the transliteration skeleton of s, the key under which
// spellings that machine translation and transliteration confuse coincide.
// s is folded and only its letters count (spaces and hyphens are ignored, so
// "Nayib Bukele" and "Naibbuckley" agree). The first letter is kept (a vowel
// becomes "a"), later vowels and y are dropped, confusable consonants are
// merged (l/r, b/p/v/f/w, d/t, g/k/c/q, s/z/x, m/n, j/y), h is dropped after
// the first letter, and repeated letters collapse:
// "Bukele", "Bakle" and "Buckley" all give "bkl".
func Skeleton(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var buf [32]byte
	if ascii {
		return string(appendSkeleton(buf[:0], s))
	}
	return string(appendSkeleton(buf[:0], Fold(s)))
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// consonantClass maps a lower-case ASCII letter to its confusion class.
func consonantClass(c byte) byte {
	switch c {
	case 'l', 'r':
		return 'l'
	case 'b', 'p', 'v', 'f', 'w':
		return 'b'
	case 'd', 't':
		return 'd'
	case 'g', 'k', 'c', 'q':
		return 'k'
	case 's', 'z', 'x':
		return 's'
	case 'm', 'n':
		return 'n'
	case 'j', 'y':
		return 'j'
	}
	return c
}

// A Match says how alike two names are.
type Match struct {
	Score   float64 // 0 (unrelated) to 1 (same after folding)
	Measure string  // the measure that decided: "exact", "edit", "phonetic", "skeleton", "token"
	// Start and End are the byte range of the second name that the first
	// one matched: all of it, or one word when the first name is a single
	// word aligned with part of the second ("Bakle" with "Nayib Bukele").
	Start, End int
}

// Connectors are the lower-case particles that join the words of a name.
var connectors = map[string]bool{
	"de": true, "del": true, "la": true, "le": true, "da": true, "do": true, "dos": true, "das": true,
	"di": true, "du": true, "van": true, "von": true, "der": true, "den": true, "ten": true, "ter": true,
	"bin": true, "bint": true, "ibn": true, "al": true, "el": true, "of": true, "and": true, "the": true,
	"y": true, "e": true, "los": true, "las": true, "des": true, "st": true,
}

// connectorByte marks the first bytes of the connectors, in either case,
// and every byte outside ASCII (IsConnector folds such words first).
var connectorByte = func() (t [256]bool) {
	for w := range connectors {
		t[w[0]], t[w[0]-'a'+'A'] = true, true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// IsConnector reports whether w (any case) is a particle that may join the
// words of a name ("de", "van", "bin", "of").
func IsConnector(w string) bool {
	if len(w) > 4 {
		return false // no connector is longer ("bint")
	}
	if len(w) == 0 || !connectorByte[w[0]] {
		return false // most words start with a letter no connector starts with
	}
	// The bytes, lower-cased, one after the other in k, and the length
	// above them: the connectors are written out below.
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return connectors[Fold(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k = k<<8 | uint64(c)
	}
	k |= uint64(len(w)) << 32
	const one, two, three, four = 1 << 32, 2 << 32, 3 << 32, 4 << 32
	switch k {
	case one | 'y', one | 'e',
		two | 'd'<<8 | 'e', two | 'l'<<8 | 'a', two | 'l'<<8 | 'e', two | 'd'<<8 | 'a', two | 'd'<<8 | 'o',
		two | 'd'<<8 | 'i', two | 'd'<<8 | 'u', two | 'a'<<8 | 'l', two | 'e'<<8 | 'l', two | 'o'<<8 | 'f',
		two | 's'<<8 | 't',
		three | 'd'<<16 | 'e'<<8 | 'l', three | 'd'<<16 | 'o'<<8 | 's', three | 'd'<<16 | 'a'<<8 | 's',
		three | 'v'<<16 | 'a'<<8 | 'n', three | 'v'<<16 | 'o'<<8 | 'n', three | 'd'<<16 | 'e'<<8 | 'r',
		three | 'd'<<16 | 'e'<<8 | 'n', three | 't'<<16 | 'e'<<8 | 'n', three | 't'<<16 | 'e'<<8 | 'r',
		three | 'b'<<16 | 'i'<<8 | 'n', three | 'i'<<16 | 'b'<<8 | 'n', three | 'a'<<16 | 'n'<<8 | 'd',
		three | 't'<<16 | 'h'<<8 | 'e', three | 'l'<<16 | 'o'<<8 | 's', three | 'l'<<16 | 'a'<<8 | 's',
		three | 'd'<<16 | 'e'<<8 | 's',
		four | 'b'<<24 | 'i'<<16 | 'n'<<8 | 't':
		return true
	}
	return false
}

// Compact returns the folded letters and digits of s, without spaces,
// hyphens, apostrophes or other punctuation: the form merged and split
// spellings share ("Montoya-Galvez", "Monto Galves" → "montoyagalvez",
// "montogalves").
func Compact(s string) string {
	clean := true // already folded and compact
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return compactFolded(Fold(s))
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			clean = false
		}
	}
	if clean {
		return s
	}
	// ASCII: folding is lower-casing, done as the letters are kept.
	var buf [64]byte
	return string(appendCompactASCII(buf[:0], s))
}

// compactFolded is Compact(s) for f = Fold(s).
func compactFolded(f string) string {
	clean := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return f
	}
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// A Name is a name prepared for repeated comparison with Similarity:
// its compact form, skeleton and words, computed once.
type Name struct {
	Raw      string
	compact  string
	skel     string
	stripped string   // compact form without connectors
	sskel    string   // its skeleton
	words    []string // compact forms of the words that are not connectors
	skels    []string // their skeletons
	spans    []Span   // their byte ranges in Raw
	all      int      // number of words, connectors included
	// The lengths in runes of compact, stripped and the last of words,
	// for Bound.
	compactRunes, strippedRunes, lastRunes int
}

// PrepareName prepares s for Similarity.
func PrepareName(s string) Name {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return prepareName(s)
		}
	}
	return prepareNameASCII(s)
}

// NameParts are the compact forms of a name that PrepareName computes,
// without the rest: for callers that index many names and compare few.
type NameParts struct {
	Compact, Skeleton          string // Compact(s) and its skeleton
	Stripped, StrippedSkeleton string // without connectors (Name.Stripped) and its skeleton
}

// PrepareNameParts returns the parts of PrepareName(s) that NameParts
// holds, at less cost.
func PrepareNameParts(s string) NameParts {
	p, _ := PrepareNameShape(s)
	return p
}

// maxShapeWords is the number of words up to which a Shape describes a
// name.
const maxShapeWords = 8

// A Shape is what a name's similarity with another can be bounded from
// before the name is prepared: its compact and stripped forms and where
// the words of the stripped form end, at the cost of two strings and a
// few bytes. Only ASCII names of at most maxShapeWords words have one;
// for the others it is the zero Shape, which bounds nothing.
type Shape struct {
	compact, stripped string
	ends              [maxShapeWords]uint8 // stripped[ends[i-1]:ends[i]] is word i
	words, all        uint8                // Name.words and Name.all
	// Hashes (skelHash) of the skeletons of the compact form, the
	// stripped form and the last word: equal skeletons lift a score.
	skel, sskel, lastSkel uint32
}

// skelHash hashes a skeleton for Shape: equal skeletons hash alike.
func skelHash[S string | []byte](sk S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(sk); i++ {
		h = (h ^ uint32(sk[i])) * 16777619
	}
	return h
}

// Valid reports whether sh describes a name (is not the zero Shape).
func (sh *Shape) Valid() bool { return sh.compact != "" }

// Touch returns a byte of each of the spellings of a valid sh, the first
// of the compact form and the last of the stripped one (if any): a caller that
// tests several shapes far apart in memory touches them all first, so
// that their cache misses overlap.
func (sh *Shape) Touch() byte {
	b := sh.compact[0]
	if n := len(sh.stripped); n > 0 {
		b ^= sh.stripped[n-1]
	}
	return b
}

// word returns the compact form of word i.
func (sh *Shape) word(i int) string {
	lo := 0
	if i > 0 {
		lo = int(sh.ends[i-1])
	}
	return sh.stripped[lo:sh.ends[i]]
}

// PrepareNameShape returns PrepareNameParts(s) and the Shape of s.
func PrepareNameShape(s string) (NameParts, Shape) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			n := prepareName(s)
			return NameParts{n.compact, n.skel, n.stripped, n.sskel}, Shape{}
		}
	}
	// As prepareNameASCII, without the words.
	var bb [128]byte
	buf := appendCompactASCII(bb[:0], s)
	nc := len(buf)
	buf = appendSkeleton(buf, buf[:nc])
	ns := len(buf)
	var sh Shape
	shaped := true
	for start, i := nextASCIIWord(s, 0); start < len(s); start, i = nextASCIIWord(s, i) {
		if sh.all == 255 {
			shaped = false
		}
		sh.all++
		if !IsConnector(s[start:i]) {
			lo := len(buf)
			if buf = appendCompactASCII(buf, s[start:i]); len(buf) > lo {
				if int(sh.words) == maxShapeWords || len(buf)-ns > 255 {
					shaped = false
				} else {
					sh.ends[sh.words] = uint8(len(buf) - ns)
					sh.words++
				}
			}
		}
	}
	nt := len(buf)
	buf = appendSkeleton(buf, buf[ns:nt])
	all := string(buf)
	p := NameParts{all[:nc], all[nc:ns], all[ns:nt], all[nt:]}
	if !shaped || p.Compact == "" {
		return p, Shape{}
	}
	sh.compact, sh.stripped = p.Compact, p.Stripped
	sh.skel, sh.sskel = skelHash(p.Skeleton), skelHash(p.StrippedSkeleton)
	if sh.words > 0 {
		var kb [64]byte
		sh.lastSkel = skelHash(appendSkeleton(kb[:0], sh.word(int(sh.words)-1)))
	}
	return p, sh
}

// nextASCIIWord returns the span of the first word of the ASCII s at or
// after from, words being separated by spaces, hyphens, tabs and line
// breaks (as wordSpans separates them); start is len(s) when there is none.
func nextASCIIWord(s string, from int) (start, end int) {
	start = from
	for start < len(s) && isASCIIWordSep(s[start]) {
		start++
	}
	end = start
	for end < len(s) && !isASCIIWordSep(s[end]) {
		end++
	}
	return start, end
}

func isASCIIWordSep(c byte) bool {
	return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r'
}

// prepareNameASCII is prepareName for ASCII s. Folding is lower-casing
// there, and the strings of the Name are written into one buffer and cut
// from one string: three allocations instead of a dozen or more.
func prepareNameASCII(s string) Name {
	n := Name{Raw: s}
	type part struct{ lo, hi int } // of buf
	var bb [128]byte
	buf := appendCompactASCII(bb[:0], s)
	compact := part{0, len(buf)}
	buf = appendSkeleton(buf, buf[:compact.hi])
	skel := part{compact.hi, len(buf)}
	// The compact forms of the words that are not connectors, one after
	// the other: the stripped form.
	var sb [8]Span
	var wb [16]part
	spans, wparts := sb[:0], wb[:0]
	for start, i := nextASCIIWord(s, 0); start < len(s); start, i = nextASCIIWord(s, i) {
		w := Span{start, i}
		n.all++
		if IsConnector(s[w.Start:w.End]) {
			continue
		}
		lo := len(buf)
		if buf = appendCompactASCII(buf, s[w.Start:w.End]); len(buf) > lo {
			spans = append(spans, w)
			wparts = append(wparts, part{lo, len(buf)})
		}
	}
	stripped := part{skel.hi, len(buf)}
	words := len(spans)
	for i := range words {
		lo := len(buf)
		buf = appendSkeleton(buf, buf[wparts[i].lo:wparts[i].hi])
		wparts = append(wparts, part{lo, len(buf)})
	}
	lo := len(buf)
	buf = appendSkeleton(buf, buf[stripped.lo:stripped.hi])
	sskel := part{lo, len(buf)}
	all := string(buf)
	cut := func(p part) string { return all[p.lo:p.hi] }
	n.compact, n.skel, n.stripped, n.sskel = cut(compact), cut(skel), cut(stripped), cut(sskel)
	n.compactRunes, n.strippedRunes = len(n.compact), len(n.stripped)
	if words > 0 {
		n.lastRunes = wparts[words-1].hi - wparts[words-1].lo
		strs := make([]string, 2*words)
		n.words, n.skels = strs[:words:words], strs[words:]
		for i := range words {
			n.words[i], n.skels[i] = cut(wparts[i]), cut(wparts[words+i])
		}
		n.spans = append([]Span(nil), spans...)
	}
	return n
}

// appendCompactASCII appends Compact(s) to dst for ASCII s.
func appendCompactASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			dst = append(dst, c)
		}
	}
	return dst
}

// appendSkeleton appends Skeleton(s) to dst for s that is ASCII or
// folded (bytes of it, for callers that have them).
func appendSkeleton[S string | []byte](dst []byte, s S) []byte {
	first := true
	var last byte
	vowelGap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		e := skelLetter[c]
		if e == 0 {
			// Not a letter of ASCII.
			if '0' <= c && c <= '9' {
				dst = append(dst, '0'+c%10)
				last, first = 0, false
			} else if c >= utf8.RuneSelf {
				// Folded text: a digit of another script counts, other
				// letters and marks do not.
				r, n := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
				if unicode.IsDigit(r) {
					dst = append(dst, byte('0'+r%10))
					last, first = 0, false
				}
				i += n - 1
			}
			continue
		}
		k := e &^ skelGap
		if first {
			// A vowel first becomes "a" (its class in the table).
			first = false
			dst = append(dst, k)
			last = k
			continue
		}
		if e&skelGap != 0 {
			vowelGap = true
			continue
		}
		if k == 'h' {
			continue
		}
		if k == last && !vowelGap {
			continue
		}
		dst = append(dst, k)
		last = k
		vowelGap = false
	}
	return dst
}

// skelGap marks in skelLetter a vowel or y: a gap between consonants
// after the first letter.
const skelGap = 0x80

// skelLetter maps each ASCII letter, in either case, to what a skeleton
// keeps of it as the first letter ("a" for a vowel, else its consonant
// class), with skelGap for a vowel or y; anything else to 0.
var skelLetter = func() (t [256]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		e := consonantClass(c)
		if isVowel(c) {
			e = 'a' | skelGap
		} else if c == 'y' {
			e |= skelGap
		}
		t[c], t[c-'a'+'A'] = e, e
	}
	return t
}()

// prepareName is PrepareName for any s.
func prepareName(s string) Name {
	n := Name{Raw: s, compact: Compact(s)}
	n.skel = Skeleton(n.compact)
	var b strings.Builder
	for _, w := range wordSpans(s) {
		n.all++
		ws := s[w.Start:w.End]
		f := Fold(ws) // once for both
		if connectors[f] {
			continue
		}
		c := compactFolded(f)
		if c == "" {
			continue
		}
		b.WriteString(c)
		n.words = append(n.words, c)
		n.skels = append(n.skels, Skeleton(c))
		n.spans = append(n.spans, w)
	}
	n.stripped = b.String()
	n.sskel = Skeleton(n.stripped)
	n.compactRunes, n.strippedRunes = utf8.RuneCountInString(n.compact), utf8.RuneCountInString(n.stripped)
	if len(n.words) > 0 {
		n.lastRunes = utf8.RuneCountInString(n.words[len(n.words)-1])
	}
	return n
}

// Compact returns the prepared compact form.
func (n *Name) Compact() string { return n.compact }

// Skeleton returns Skeleton of the compact form, prepared.
func (n *Name) Skeleton() string { return n.skel }

// StrippedSkeleton returns Skeleton of the stripped form, prepared.
func (n *Name) StrippedSkeleton() string { return n.sskel }

// Stripped returns the compact form without connectors ("aragua" for
// "de Aragua"; "jazeera" for "Al Jazeera").
func (n *Name) Stripped() string { return n.stripped }

// Similarity scores how likely a is a garbled spelling of the name b.
// It combines:
//   - "edit": a phonetically weighted edit distance between the compact
//     forms (vowel changes, confusable consonants, doubled letters and
//     vowel insertions cost less than other edits), normalised by length;
//   - "skeleton": agreement of the transliteration skeletons, which lifts
//     the score of spellings that only differ in vowels and confusables;
//   - "words": word against word when both have as many words and some
//     agree exactly ("Joe Bayeng" for "Joe Biden");
//   - "token": a single word a aligned with the last word of a
//     multi-word b ("Bakle" with "Nayib Bukele"); Start/End give that word.
//
// Connectors are ignored in word alignment and cost little as edits; a
// compact match is "exact". Strings shorter than five letters score lower:
// one letter in four is too much.
func Similarity(a, b string) Match {
	pa, pb := PrepareName(a), PrepareName(b)
	return pa.Similarity(&pb)
}

// Bound returns an upper bound of a.Similarity(b), from lengths alone: a
// cheap test that lets a caller skip the full comparison.
func (a *Name) Bound(b *Name) float64 {
	return a.bound(len(b.words), b.compactRunes, b.strippedRunes, b.lastRunes)
}

// BoundShape returns a.Bound(b) for the name b that sh is the Shape of,
// when sh is not the zero Shape.
func (a *Name) BoundShape(sh *Shape) float64 {
	last := 0
	if sh.words > 0 {
		last = int(sh.ends[sh.words-1])
		if sh.words > 1 {
			last -= int(sh.ends[sh.words-2])
		}
	}
	return a.bound(int(sh.words), len(sh.compact), len(sh.stripped), last)
}

// bound is Bound for a b of words words (connectors aside) and those
// lengths in runes of its compact form, stripped form and last word.
func (a *Name) bound(words, compactRunes, strippedRunes, lastRunes int) float64 {
	if len(a.words) >= 2 && len(a.words) == words {
		return 1
	}
	bound := func(lx, ly int) float64 {
		if lx == 0 || ly == 0 {
			return 0
		}
		d := lx - ly
		if d < 0 {
			d = -d
		}
		// Each letter more costs at least costDouble; equal skeletons
		// add up to 0.08 (see pairScore).
		return min(1, 1-costDouble*float64(d)/float64(max(lx, ly))+0.08)
	}
	best := max(bound(a.compactRunes, compactRunes), bound(a.strippedRunes, strippedRunes))
	if a.all == 1 && words > 1 {
		best = max(best, bound(a.compactRunes, lastRunes))
	}
	return best
}

// minReachFloor is the least floor MayReach tests against: under it,
// pairScore may cut a distance short at its own limit and return a score
// that no bound of the true distance covers.
const minReachFloor = 0.5

// MayReach reports whether a.SimilarityAbove(b, floor) may score floor
// or more, for the name b that sh is the Shape of: false only when it
// cannot, from letter counts (costLowerBound) and lengths, so that a
// caller need not prepare b nor compare the two. It is always true for
// the zero Shape and for a floor under minReachFloor. A caller that tests
// many shapes against a does better with a.Reach().
func (a *Name) MayReach(sh *Shape, floor float64) bool {
	r := a.Reach()
	return r.MayReach(sh, floor)
}

// A Reach is a name prepared for MayReach against many shapes: the
// letter counts and skeleton hashes of its compact and stripped forms.
type Reach struct {
	a                     *Name
	compact, stripped     letterCount
	compactOK, strippedOK bool
	skel, sskel           uint32
}

// Reach prepares a for MayReach.
func (a *Name) Reach() Reach {
	r := Reach{a: a, skel: skelHash(a.skel), sskel: skelHash(a.sskel)}
	r.compactOK = r.compact.add(a.compact, 1)
	if a.stripped == a.compact {
		// No connector: the same counts.
		r.stripped, r.strippedOK = r.compact, r.compactOK
	} else {
		r.strippedOK = r.stripped.add(a.stripped, 1)
	}
	return r
}

// MayReach is a.MayReach(sh, floor) for the name a that r was prepared
// from.
func (r *Reach) MayReach(sh *Shape, floor float64) bool {
	a := r.a
	if floor < minReachFloor || sh.compact == "" {
		return true
	}
	ca, cb := a.compact, sh.compact
	if ca == "" {
		return false // SimilarityAbove scores 0
	}
	if ca == cb || mayReachPair(ca, cb, a.compactRunes, &r.compact, r.compactOK, lift(a.skel, r.skel, sh.skel), floor) {
		return true
	}
	// The stripped forms score 0.02 less.
	if na, nb := a.stripped, sh.stripped; na != "" && nb != "" && (na != ca || nb != cb) {
		if na == nb || mayReachPair(na, nb, a.strippedRunes, &r.stripped, r.strippedOK, lift(a.sskel, r.sskel, sh.sskel), floor+0.02) {
			return true
		}
	}
	// Word by word: at most 0.95, when it applies.
	if n := len(a.words); n >= 2 && n == int(sh.words) && floor <= 0.95+1e-9 {
		exact, first := 0, true
		for i, w := range a.words {
			if v := sh.word(i); w == v {
				exact++
			} else if w[0] != v[0] {
				first = false
			}
		}
		if first && exact > 0 && exact < n {
			return true
		}
	}
	// A single word against the last word of b, at 0.97 of its score.
	if a.all == 1 && sh.words > 1 {
		if cw := sh.word(int(sh.words) - 1); cw == ca || mayReachPair(ca, cw, a.compactRunes, &r.compact, r.compactOK, lift(a.skel, r.skel, sh.lastSkel), floor/0.97) {
			return true
		}
	}
	return false
}

// lift returns the most pairScore adds for the skeleton sa, whose
// skelHash is ha, against a skeleton whose skelHash is hb: nothing unless
// they may be equal.
func lift(sa string, ha, hb uint32) float64 {
	switch {
	case len(sa) < 3 || ha != hb:
		return 0
	case len(sa) == 3:
		return 0.03
	}
	return 0.08
}

// mayReachPair reports whether pairScore(a, b, sa, sb, floor) may reach
// floor (at least minReachFloor) when equal skeletons would add lift, for
// a of na runes whose letterCount is ac (counted when ok) and an ASCII b:
// whether the distance of a and b leaves room for floor.
func mayReachPair(a, b string, na int, ac *letterCount, ok bool, lift, floor float64) bool {
	nb := len(b)
	n := max(na, nb)
	penalty, shortPenalty := pairPenalties(a[0], b[0], na, nb)
	top := 1 + lift - penalty - shortPenalty
	if min(0.99, top)+1e-9 < floor {
		return false // whatever the distance
	}
	// The score is at most top - cost/n: a cost above limit keeps it
	// under floor. The letter counts bound the cost cheaply; what they
	// let through is measured, as pairScore would, but without b being
	// prepared.
	limit := float64(n)*(top-floor) + 2e-9
	// Each letter one has more than the other costs an insertion or a
	// deletion, at least costDouble: a test of lengths alone, which turns
	// away about a fifth of what the letter counts would, at no cost
	// (less the margin for the rounding of the distance's sums).
	if costDouble*float64(n-min(na, nb))-1e-9 > limit {
		return false
	}
	if costLowerBoundFrom(ac, ok, b) > limit {
		return false
	}
	return distanceWithin(a, b, limit)
}

// Similarity is Similarity(a.Raw, b.Raw) on prepared names.
func (a *Name) Similarity(b *Name) Match { return a.SimilarityAbove(b, 0) }

// SimilarityAbove is a.Similarity(b) for a caller that has no use for
// scores under floor: when a.Similarity(b) scores at least floor it
// returns the same Match; otherwise it returns some Match scoring under
// floor, sooner, as hopeless comparisons are cut short. A floor of 0 or
// less cuts nothing.
func (a *Name) SimilarityAbove(b *Name, floor float64) Match {
	ca, cb := a.compact, b.compact
	if ca == "" || cb == "" {
		return Match{}
	}
	if ca == cb {
		return Match{Score: 1, Measure: "exact", End: len(b.Raw)}
	}
	best := pairScore(ca, cb, a.skel, b.skel, floor)
	best.End = len(b.Raw)
	// Connectors dropped or added: compare without them.
	if na, nb := a.stripped, b.stripped; na != "" && nb != "" && (na != ca || nb != cb) {
		var m Match
		if na == nb {
			m = Match{Score: 1, Measure: "exact"}
		} else {
			m = pairScore(na, nb, a.sskel, b.sskel, floor)
			m.Score -= 0.02
		}
		if m.Score > best.Score {
			m.End = len(b.Raw)
			best = m
		}
	}
	// Word by word, when a and b have as many words: a first name right
	// and a surname garbled ("Joe Bayeng" for "Joe Biden").
	if m, ok := wordByWord(a, b); ok && m.Score > best.Score {
		m.End = len(b.Raw)
		best = m
	}
	// One word of a against the last word of b: a surname standing
	// alone ("Bakle" for "Nayib Bukele"). Whether the name's owner may be
	// called by surname alone is for the caller to decide.
	if a.all == 1 && len(b.words) > 1 {
		k := len(b.words) - 1
		cw, w := b.words[k], b.spans[k]
		if w.End-w.Start >= 3 {
			var m Match
			if cw == ca {
				m = Match{Score: 1, Measure: "exact"}
			} else {
				m = pairScore(ca, cw, a.skel, b.skels[k], floor)
				m.Measure = "token"
			}
			m.Score *= 0.97
			if m.Score > best.Score {
				m.Start, m.End = w.Start, w.End
				best = m
			}
		}
	}
	return best
}

// wordByWord scores a and b word against word (connectors ignored) when
// both have the same number of words, at least two, and at least one
// agrees exactly: the mean of the word scores, each of which must be fair.
func wordByWord(a, b *Name) (Match, bool) {
	wa, wb := a.words, b.words
	if len(wa) < 2 || len(wa) != len(wb) {
		return Match{}, false
	}
	exact, sum := 0, 0.0
	for i := range wa {
		if wa[i] == wb[i] {
			exact++
			sum++
			continue
		}
		if wa[i][0] != wb[i][0] {
			return Match{}, false
		}
		m := pairScore(wa[i], wb[i], a.skels[i], b.skels[i], 0)
		if m.Score < 0.45 {
			return Match{}, false
		}
		sum += m.Score
	}
	if exact == 0 || exact == len(wa) {
		return Match{}, false
	}
	return Match{Score: min(sum/float64(len(wa)), 0.95), Measure: "words"}, true
}

// pairPenalties returns what pairScore takes off the score of two names
// that start with the bytes fa and fb and have na and nb runes. Garbling
// keeps the sound a name starts with: a different first letter (not a
// vowel for a vowel, nor a confusable consonant) makes another name
// likelier ("SAR" is not a garbled "HKSAR"). And in a short name one
// letter in four is too much.
func pairPenalties(fa, fb byte, na, nb int) (penalty, short float64) {
	if fa != fb && fa < utf8.RuneSelf && fb < utf8.RuneSelf &&
		!(isVowel(fa) && isVowel(fb)) && (isVowel(fa) || isVowel(fb) || consonantClass(fa) != consonantClass(fb)) {
		penalty = 0.1
	}
	if n := min(na, nb); n < 4 {
		short = 0.25
	} else if n < 5 {
		short = 0.08
	}
	return penalty, short
}

// pairScore compares two compact strings with their skeletons. When the
// score is under floor (> 0) it may stop early and return another score
// under floor; the ones at or above floor are exact. Callers that lower
// the score further (Similarity's stripped and token forms) may pass their
// own floor: they stay under it.
func pairScore(a, b, sa, sb string, floor float64) Match {
	if a == b {
		return Match{Score: 1, Measure: "exact"}
	}
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := max(na, nb)
	penalty, shortPenalty := pairPenalties(a[0], b[0], na, nb)
	// Equal skeletons (same consonant classes in the same order) add a
	// little: more for longer skeletons, which agree less by chance.
	lift := 0.0
	if len(sa) >= 3 && sa == sb {
		lift = 0.03
		if len(sa) >= 4 {
			lift = 0.08
		}
	}
	// Scores under 0.4 are never used: stop the distance early there.
	limit := 0.6 * float64(n)
	if floor > 0 {
		// The score is at most 1 - cost/n + lift - penalties: a cost
		// above this limit keeps it under floor (with a margin for
		// rounding).
		if l := float64(n)*(1+lift-penalty-shortPenalty-floor) + 1e-9; l < limit {
			if l < 0 {
				return Match{Measure: "edit"}
			}
			limit = l
		}
	}
	if floor > 0 && limit < 0.6*float64(n) && costLowerBound(a, b) > limit+1e-9 {
		// Not even the letters the two have in common allow a cost
		// within the limit: the score stays under floor.
		return Match{Measure: "edit"}
	}
	cost := weightedDistance(a, b, limit)
	score := 1 - cost/float64(n)
	m := Match{Score: score, Measure: "edit"}
	if lift > 0 && score > 0.5 {
		m = Match{Score: score + lift, Measure: "skeleton"}
		if score < 0.8 && m.Score > 0.84 {
			m.Score = 0.84 // agreement of consonants alone never makes a sure match
		}
	}
	if penalty > 0 {
		m.Score -= 0.1
	}
	if shortPenalty > 0 {
		m.Score -= shortPenalty
	}
	if m.Score < 0 {
		m.Score = 0
	}
	if m.Score > 0.99 {
		m.Score = 0.99
	}
	return m
}

// Edit costs of weightedDistance.
const (
	costVowel      = 0.5  // vowel for vowel, vowel inserted or dropped
	costConfusable = 0.55 // l/r, b/p, s/z, c/k … substituted
	costDouble     = 0.35 // a letter doubled or undoubled
	costH          = 0.5  // h inserted or dropped
	costOther      = 1.0  // any other letter inserted or dropped
	costOtherSub   = 1.3  // any other substitution: a strong sign of another name
)

func isVowelRune(r rune) bool {
	return r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'y'
}

// indelCost is the cost of inserting or deleting s[i].
func indelCost(s []rune, i int) float64 {
	r := s[i]
	if i > 0 && s[i-1] == r || i+1 < len(s) && s[i+1] == r {
		return costDouble
	}
	if isVowelRune(r) {
		return costVowel
	}
	if r == 'h' {
		return costH
	}
	return costOther
}

// weightedDistance is the Levenshtein distance between a and b with the
// phonetic costs above. Once every cell of a row exceeds limit, it returns
// that row's least cost, a lower bound above limit.
//
// The costs of inserting or deleting each letter and the substitution
// kind of each letter are computed once, before the table is filled, and
// the cells are filled without branches (a substitution cost picked from
// a table of three, minimums with min): every cell adds the same float64
// values in the same order as the cell-by-cell definition, so the result
// is bit for bit the same.
func weightedDistance(as, bs string, limit float64) float64 {
	var abuf, bbuf [32]rune
	a, b := appendRunes(abuf[:0], as), appendRunes(bbuf[:0], bs)
	var costBuf [2 * 32]float64
	var kindBuf [2 * 32]int16
	var ia, ib []float64
	var ka, kb []int16
	if len(a) <= 32 && len(b) <= 32 {
		ia, ib = costBuf[:len(a)], costBuf[32:32+len(b)]
		ka, kb = kindBuf[:len(a)], kindBuf[32:32+len(b)]
	} else {
		ia, ib = make([]float64, len(a)), make([]float64, len(b))
		ka, kb = make([]int16, len(a)), make([]int16, len(b))
	}
	for i := range a {
		ia[i], ka[i] = indelCost(a, i), subKind(a[i])
	}
	for j := range b {
		ib[j], kb[j] = indelCost(b, j), subKind(b[j])
	}
	var buf [2 * 33]float64
	var prev, cur []float64
	if len(b) < 33 {
		prev, cur = buf[:len(b)+1], buf[33:33+len(b)+1]
	} else {
		prev, cur = make([]float64, len(b)+1), make([]float64, len(b)+1)
	}
	prev[0] = 0
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + ib[j-1]
	}
	for i := range a {
		ci, x, kx := ia[i], a[i], ka[i]
		// The cost of substituting x for a letter of another kind, of
		// the same kind, or for x itself (a fourth, unused, lets fillRow
		// index without a bounds check).
		sub := [4]float64{costOtherSub, costOtherSub, 0}
		switch {
		case kx == kindVowel:
			sub[1] = costVowel
		case kx >= 0:
			sub[1] = costConfusable
		}
		low := fillRow(cur, prev, b, kb, ib, x, kx, ci, &sub)
		prev, cur = cur, prev
		if low > limit {
			return low
		}
	}
	return prev[len(b)]
}

// fillRow fills the row cur of the table of weightedDistance after the
// row prev, for the letter x of a (of kind kx, costing ci to insert or
// delete) against b, and returns its least cost. It is a function of its
// own so that the loop keeps its values in registers.
func fillRow(cur, prev []float64, b []rune, kb []int16, ib []float64, x rune, kx int16, ci float64, sub *[4]float64) float64 {
	n := len(b)
	cur, prev, kb, ib = cur[:n+1], prev[:n+1], kb[:n], ib[:n]
	left := prev[0] + ci
	cur[0] = left
	low := left
	for j, y := range b {
		// Without branches: one for the same kind, one more for the
		// same letter (which has the same kind).
		kind, same := 0, 0
		if kb[j] == kx {
			kind = 1
		}
		if y == x {
			same = 1
		}
		left = min(prev[j]+sub[(kind+same)&3], prev[j+1]+ci, left+ib[j])
		cur[j+1] = left
		low = min(low, left)
	}
	return low
}

// The costs of weightedDistance in twentieths: integers, whose sums are
// exact. costUnit is a twentieth.
const (
	costUnit         = 0.05
	unitsVowel       = 10 // costVowel
	unitsConfusable  = 11 // costConfusable
	unitsDouble      = 7  // costDouble
	unitsH           = 10 // costH
	unitsOther       = 20 // costOther
	unitsOtherSub    = 26 // costOtherSub
	distanceRounding = 1e-9
)

// indelUnits is indelCost in twentieths.
func indelUnits(s []rune, i int) int32 {
	r := s[i]
	if i > 0 && s[i-1] == r || i+1 < len(s) && s[i+1] == r {
		return unitsDouble
	}
	if isVowelRune(r) {
		return unitsVowel
	}
	if r == 'h' {
		return unitsH
	}
	return unitsOther
}

// distanceWithin reports whether weightedDistance(as, bs, limit) <= limit,
// for a caller that needs no more than that (mayReachPair, for every form
// the letter counts let through).
//
// It fills the same table in integers, in twentieths of the costs, which
// are exact, where weightedDistance adds float64 costs (0.35, 0.55 have no
// exact binary form) and takes their minimum with min, a dozen
// instructions each for NaNs and signed zeros. The distance weightedDistance
// computes is the least float64 sum of the costs along a path through the
// table, each within far less than distanceRounding of the exact sum, and
// so within it of the integer distance in twentieths. Only when that lies
// within distanceRounding of limit may the two disagree, and then the
// answer is weightedDistance's own.
func distanceWithin(as, bs string, limit float64) bool {
	var abuf, bbuf [maxWithin]rune
	a, b := appendRunes(abuf[:0], as), appendRunes(bbuf[:0], bs)
	if len(a) > maxWithin || len(b) > maxWithin {
		return weightedDistance(as, bs, limit) <= limit
	}
	// The least and the most number of twentieths that may compare
	// either way with limit.
	lo, hi := (limit-distanceRounding)/costUnit, (limit+distanceRounding)/costUnit
	var yb [maxWithin]rune
	var kb, ib, sb [maxWithin]int32
	n := len(b)
	ys, ks, is, subs := yb[:n], kb[:n], ib[:n], sb[:n]
	for j := range ys {
		ys[j], ks[j], is[j] = b[j], int32(subKind(b[j])), indelUnits(b, j)
	}
	var rb [maxWithin + 1]int32
	row := rb[:n+1]
	for j := 1; j <= n; j++ {
		row[j] = row[j-1] + is[j-1]
	}
	for i := range a {
		ci, x, kx := indelUnits(a, i), a[i], int32(subKind(a[i]))
		same := int32(unitsOtherSub) // substituting x for a letter of its kind
		switch {
		case kx == kindVowel:
			same = unitsVowel
		case kx >= 0:
			same = unitsConfusable
		}
		substitutions(subs, ys, ks, x, kx, same)
		if low := fillRowUnits(row, subs, is, ci); float64(low) > hi {
			return false // weightedDistance's row is above limit too
		}
	}
	switch d := float64(row[len(b)]); {
	case d > hi:
		return false
	case d < lo:
		return true
	}
	return weightedDistance(as, bs, limit) <= limit
}

// maxWithin is the most runes of a string that distanceWithin compares
// itself: as many as the letter counts take (letterCount.add), room on
// the stack for the rest.
const maxWithin = 64

// substitutions sets subs[j] to the cost in twentieths of substituting
// x, of kind kx, for the letter ys[j] of kind ks[j]: 0 for x itself,
// same for another letter of its kind, unitsOtherSub for the others.
func substitutions(subs, ys, ks []int32, x rune, kx, same int32) {
	subs, ks = subs[:len(ys)], ks[:len(ys)]
	for j, y := range ys {
		c := int32(unitsOtherSub)
		if ks[j] == kx {
			c = same
		}
		if y == x {
			c = 0
		}
		subs[j] = c
	}
}

// fillRowUnits is fillRow in twentieths, in place: row holds the row
// before and is overwritten with the next, for a letter costing ci to
// insert or delete and subs[j] to substitute for the j-th letter of the
// other string, which costs ins[j] to insert or delete. The cell
// diagonally above is kept aside before it is overwritten. The costs of
// substitution come from a loop of their own (substitutions), so that
// this one keeps all its values in registers.
func fillRowUnits(row, subs, ins []int32, ci int32) int32 {
	row, ins = row[:len(subs)+1], ins[:len(subs)]
	diag := row[0]
	left := diag + ci
	row[0] = left
	low := left
	for j, s := range subs {
		up := row[j+1]
		left = min(diag+s, up+ci, left+ins[j])
		diag = up
		row[j+1] = left
		low = min(low, left)
	}
	return low
}

// Substitution kinds of weightedDistance: a vowel, a letter outside ASCII,
// or else the confusion class of an ASCII character. Substituting x for
// y costs nothing when they are equal, costVowel when both are vowels,
// costConfusable when both are ASCII consonants of one class, and
// costOtherSub otherwise.
const (
	kindVowel    = -1
	kindNonASCII = -2
)

func subKind(r rune) int16 {
	switch {
	case isVowelRune(r):
		return kindVowel
	case r >= utf8.RuneSelf:
		return kindNonASCII
	}
	return int16(consonantClass(byte(r)))
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// Distance returns the Levenshtein distance between a and b in runes
// (unit costs; weightedDistance is the phonetic variant).
func Distance(a, b string) int { return levenshtein.ComputeDistance(a, b) }

// wordSpans splits s at spaces and hyphens.
func wordSpans(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		sep := r == ' ' || r == '-' || r == '\t' || r == '\n' || r == '\r' || r == '‐' || r == '–'
		if sep {
			if start >= 0 {
				out = append(out, Span{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
	}
	return out
}

// Classes of costLowerBound: the substitution kinds of weightedDistance
// for the letters and digits of compact ASCII strings.
const (
	lbVowel   = iota // a e i o u y
	lbL              // l r
	lbB              // b p v f w
	lbD              // d t
	lbK              // g k c q
	lbS              // s z x
	lbN              // m n
	lbJ              // j
	lbH              // h
	lbDigit          // 0-9: each a class of its own
	lbClasses = lbDigit + 10
)

// lbSymbols are the letters and digits, each a symbol of costLowerBound.
const lbSymbols = 36

// lbSym maps a byte of a compact ASCII string to its symbol, 0xff for
// anything else. Symbols are numbered class by class: the symbols of
// class k are lbStart[k] to lbStart[k+1]-1.
var lbSym, lbStart = func() (sym [256]uint8, start [lbClasses + 1]uint8) {
	for i := range sym {
		sym[i] = 0xff
	}
	order := []string{"aeiouy", "lr", "bpvfw", "dt", "gkcq", "szx", "mn", "j", "h"}
	k := uint8(0)
	for c, letters := range order {
		start[c] = k
		for i := 0; i < len(letters); i++ {
			sym[letters[i]] = k
			k++
		}
	}
	for c := byte('0'); c <= '9'; c++ {
		start[lbDigit+c-'0'] = k
		sym[c] = k
		k++
	}
	start[lbClasses] = k
	return sym, start
}()

// lbClassOf maps a symbol to its class.
var lbClassOf = func() (class [lbSymbols]uint8) {
	for k := range lbClasses {
		for i := lbStart[k]; i < lbStart[k+1]; i++ {
			class[i] = uint8(k)
		}
	}
	return class
}()

// A letterCount is what costLowerBound counts of two strings: per symbol,
// the letters of the one less those of the other, and per class, the
// letters of both beside their double.
type letterCount struct {
	cnt [lbSymbols + 4]int8 // the last four always 0: cost takes eight at a time
	dbl [lbClasses]int8
}

// add adds sign for each letter of s, and its letters beside their
// double; false when s is not made of ASCII lower-case letters and
// digits, or is too long to count in int8.
func (lc *letterCount) add(s string, sign int8) bool {
	if len(s) > 60 {
		return false
	}
	// prev is the byte before s[i]; 0, which is no symbol, before the
	// first.
	run, prev := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		k := lbSym[c]
		if k >= lbSymbols {
			return false
		}
		lc.cnt[k] += sign
		if c == prev {
			run++
			continue
		}
		if run > 0 {
			lc.dbl[lbClassOf[lbSym[prev]]] += int8(run + 1)
			run = 0
		}
		prev = c
	}
	if run > 0 {
		lc.dbl[lbClassOf[lbSym[prev]]] += int8(run + 1)
	}
	return true
}

// costLowerBound returns a lower bound of weightedDistance(a, b) from the
// letters of a and b alone, regardless of their order: 0 when either is
// not made of ASCII lower-case letters and digits.
//
// Every letter that an alignment does not match with the same letter is
// deleted, inserted or substituted. A substitution's cost is shared by
// its two letters: at least costVowel/2 each for two vowels,
// costConfusable/2 for two consonants of a class, costOtherSub/2 across
// classes. A letter deleted or inserted costs costDouble beside its
// double, else at least costVowel (vowels, h) or costOther. In each class,
// the letters the one string has more of than the other cannot all be
// substituted within the class: that many letters cost a deletion or a
// cross-class substitution (the cheapest first: doubled letters), and the
// other unmatched letters at least a substitution within the class.
func costLowerBound(a, b string) float64 {
	var lc letterCount
	if !lc.add(a, 1) || !lc.add(b, -1) {
		return 0
	}
	return lc.cost()
}

// costLowerBoundFrom is costLowerBound(a, b) for the letterCount of a
// alone (added with sign 1), which ok says was counted.
func costLowerBoundFrom(ac *letterCount, ok bool, b string) float64 {
	lc := *ac
	if !ok || !lc.add(b, -1) {
		return 0
	}
	return lc.cost()
}

// cost returns the bound of costLowerBound for the counts of lc.
//
// Every candidate form of a fuzzy lookup goes through it, so the counts
// are taken eight at a time: per byte, the positive counts and the
// magnitudes of the negative ones, summed over the bytes of a class by
// a multiplication (a class holds at most 60 letters of each string).
func (lc *letterCount) cost() float64 {
	// In 40ths of a unit of cost (costVowel/2 is 10, costConfusable/2 11,
	// costDouble 14, costVowel and costH 20, costOtherSub/2 26):
	// integers, added without rounding. The classes of letters are
	// written out (see lbSym); each digit is a class of its own.
	c, d := &lc.cnt, &lc.dbl
	var pos, neg [5]uint64
	for i := range pos {
		b := c[8*i : 8*i+8]
		w := uint64(uint8(b[0])) | uint64(uint8(b[1]))<<8 | uint64(uint8(b[2]))<<16 | uint64(uint8(b[3]))<<24 |
			uint64(uint8(b[4]))<<32 | uint64(uint8(b[5]))<<40 | uint64(uint8(b[6]))<<48 | uint64(uint8(b[7]))<<56
		s := w >> 7 & 0x0101010101010101 // 1 in the bytes of negative counts
		m := s * 0xff
		pos[i] = w &^ m
		neg[i] = ((w ^ m) + s) & m // -count, at most 128: no carry
	}
	// class returns the cost of the class of the bytes under mask of
	// word i (and mask2 of word i+1).
	class := func(i int, mask, mask2 uint64, dbl int8, within, alone int) int {
		const ones = 0x0101010101010101
		p := int((pos[i] & mask * ones) >> 56)
		n := int((neg[i] & mask * ones) >> 56)
		if mask2 != 0 {
			p += int((pos[i+1] & mask2 * ones) >> 56)
			n += int((neg[i+1] & mask2 * ones) >> 56)
		}
		u, x := p+n, p-n
		x = max(x, -x)
		dd := min(x, int(dbl))
		return within*(u-x) + 14*dd + alone*(x-dd)
	}
	total := class(0, 0x0000ffffffffffff, 0, d[lbVowel], 10, 20) + // 0-5
		class(0, 0xffff000000000000, 0, d[lbL], 11, 26) + // 6-7
		class(1, 0x000000ffffffffff, 0, d[lbB], 11, 26) + // 8-12
		class(1, 0x00ffff0000000000, 0, d[lbD], 11, 26) + // 13-14
		class(1, 0xff00000000000000, 0x0000000000ffffff, d[lbK], 11, 26) + // 15-18
		class(2, 0x0000ffffff000000, 0, d[lbS], 11, 26) + // 19-21
		class(2, 0xffff000000000000, 0, d[lbN], 11, 26) + // 22-23
		class(3, 0x00000000000000ff, 0, d[lbJ], 11, 26) + // 24
		class(3, 0x000000000000ff00, 0, d[lbH], 11, 20) // 25
	if pos[3]>>16|neg[3]>>16|pos[4]|neg[4] != 0 {
		for k, n := range c[26:36] {
			if n != 0 {
				total += classCost(c[26+k:27+k], d[lbDigit+k], 11, 26)
			}
		}
	}
	return float64(total) * 0.025
}

// classCost is the part of letterCount.cost for the counts of a class
// with dbl letters beside their double, within and alone its costs of a
// letter substituted within the class and deleted or substituted across.
func classCost(cnt []int8, dbl int8, within, alone int) int {
	u, x := 0, 0
	for _, d := range cnt {
		u += int(max(d, -d))
		x += int(d)
	}
	x = max(x, -x)
	d := min(x, int(dbl))
	return within*(u-x) + 14*d + alone*(x-d)
}
