// Package lexicon is mtlint's embedded English word list: how common a word
// is and what it can be (noun, verb, a finite verb form, a function word),
// so rules can tell ordinary words from names.
//
// The data is built from SCOWL (word lists by size, British and American
// spellings, proper names) and WordNet (parts of speech, irregular forms) by
// the generator in internal/gen; see README.md. The words themselves are not
// stored: each is kept as a 40-bit hash (16 bits of bucket, 24 of
// fingerprint) and an index into a palette of Info values, which keeps the
// table at 2.3 MB, needs no work at start-up and makes Lookup a hash and a
// short scan. A listed word is always found; a word not listed is taken for
// a listed one with a probability of about 5 in 10 million.
package lexicon

import (
	_ "embed"
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/lexicon/internal/lexhash"
)

//go:generate go run ./internal/gen -out .

// A Tag is a set of properties of a word.
type Tag uint16

const (
	Noun Tag = 1 << iota
	Verb     // any verb form
	Adj
	Adv
	Finite   // can be a finite verb: base/present ("walk"), 3rd person ("walks"), past ("walked", "went"), auxiliaries and modals
	Function // closed class: determiners, pronouns, prepositions, conjunctions, auxiliaries, modals
	Lower    // occurs in lower case in the word lists
	Proper   // occurs capitalised in the word lists (names, months, nationalities)
)

var tagNames = [...]string{"Noun", "Verb", "Adj", "Adv", "Finite", "Function", "Lower", "Proper"}

// String returns the tags joined by "|", as in "Verb|Finite".
func (t Tag) String() string {
	if t == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range tagNames {
		if t&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// Info is what the lexicon knows of a word.
type Info struct {
	Tier uint8 // 0 unknown; 1 most common (SCOWL size 10-20) … 5 rare (80-95)
	Tags Tag
}

// Known reports whether the word is in the lexicon.
func (i Info) Known() bool { return i.Tier != 0 }

// Is reports whether the word has any of the tags t.
func (i Info) Is(t Tag) bool { return i.Tags&t != 0 }

// The embedded table: 1<<lexhash.BucketBits+1 little-endian uint32 bucket
// starts, then one uint32 per word, fingerprint<<8 | palette index, sorted by
// bucket and fingerprint.
//
//go:embed lexicon.bin
var table []byte

const entriesOff = 4 * (1<<lexhash.BucketBits + 1)

// foldBuf is the stack buffer for folding non-ASCII words: room for the
// longest word, a possessive and some slack for case mappings that grow.
const foldBuf = maxWordLen + 16

// Lookup returns what the lexicon knows of w. Keys are lower-case; w is
// folded to lower case on the way (free for ASCII, and without allocating
// otherwise), a typographic apostrophe is read as "'", decomposed accents
// are dropped (the unaccented spelling is stored too), and a possessive
// "'s" not listed itself is looked up without it. Unknown words have a
// zero Info.
func Lookup(w string) Info {
	// The word's key in short: its bytes in one number, the first in
	// the low byte, and its length in the top byte if it is shorter
	// than eight bytes, a different number for each word of one to
	// eight bytes (worked out here, not in a function: the call cost
	// as much as the rest of a lookup that short answers).
	n := len(w)
	var k uint64
	switch {
	case n >= 4 && n <= 8:
		// Two loads of four bytes, overlapping for fewer than eight.
		t := w[n-4:]
		k = (uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24) |
			(uint64(t[0])|uint64(t[1])<<8|uint64(t[2])<<16|uint64(t[3])<<24)<<(8*(n-4)&63)
		if n < 8 {
			k |= uint64(n) << 56
		} else if w[7] < 8 {
			return palette[lookup(w)] // a last byte that could pass for a length
		}
	case n == 3:
		k = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | 3<<56
	case n == 2:
		k = uint64(w[0]) | uint64(w[1])<<8 | 2<<56
	case n == 1:
		k = uint64(w[0]) | 1<<56
	default:
		return palette[lookup(w)]
	}
	// Short words, most of those looked up, go through short first.
	m := k * shortMul
	slot := &short[m>>shortKeyBits]
	if e := slot.Load(); e&(shortValid|shortKeyMask) == shortValid|m&shortKeyMask {
		return palette[uint8(e>>shortKeyBits)]
	}
	p := lookup(w)
	slot.Store(shortValid | uint64(p)<<shortKeyBits | m&shortKeyMask)
	return palette[p]
}

// notFound is the palette index that stands for a word not found: the
// generator leaves it unused, so it holds the zero Info.
const notFound = 255

// lookup is Lookup without short; it returns a palette index.
func lookup(w string) uint8 {
	if len(w) == 0 || len(w) > foldBuf {
		return notFound
	}
	h, ascii := lexhash.SumFold(w, hashSeed)
	if !ascii {
		return lookupSlow(w)
	}
	if p, ok := find(h); ok {
		return p
	}
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1]|0x20 == 's' {
		h, _ := lexhash.SumFold(w[:n-2], hashSeed)
		if p, ok := find(h); ok {
			return p
		}
	}
	return notFound
}

// short holds Lookup's answers for words of one to eight bytes looked up
// lately, without hashing them for the table: text is mostly short common
// words, looked up over and over by the rules. A word's key (Lookup)
// times shortMul, an odd number, is a number that no other word gives;
// its top bits pick the slot, which holds the rest of it (shortKeyMask),
// so a match means the same word, and the palette index of the answer.
// Entries are loaded and stored whole, atomically: lookups run
// concurrently.
var short [1 << shortSlotBits]atomic.Uint64

const (
	shortSlotBits = 14
	shortKeyBits  = 64 - shortSlotBits // bits of the key kept in the slot; then the palette index
	shortKeyMask  = 1<<shortKeyBits - 1
	shortValid    = 1 << 63
	shortMul      = 0x9e3779b97f4a7c15
)

// LookupFold is Lookup for words in any case. Lookup itself folds case
// without allocating; the second name says so at the call site.
func LookupFold(w string) Info { return Lookup(w) }

// IsCommon reports whether w is a common English word (tier 1-3), in lower case.
func IsCommon(w string) bool {
	i := Lookup(w)
	return i.Tier >= 1 && i.Tier <= 3 && i.Tags&Lower != 0
}

// lookupSlow folds a word holding non-ASCII letters into a stack buffer.
// It returns a palette index.
func lookupSlow(w string) uint8 {
	var buf [foldBuf + utf8.UTFMax]byte
	b := buf[:0]
	for _, r := range w {
		switch {
		case r == '\u2019' || r == '\u02bc' || r == '\u2018': // ’ ʼ ‘
			r = '\''
		case unicode.Is(unicode.Mn, r):
			// A decomposed accent ("cafe" + U+0301): every accented word
			// is also stored without its accents.
			continue
		default:
			r = unicode.ToLower(r)
		}
		if len(b)+utf8.RuneLen(r) > foldBuf {
			return notFound
		}
		b = utf8.AppendRune(b, r)
	}
	if p, ok := findBytes(b); ok {
		return p
	}
	if n := len(b); n > 2 && b[n-2] == '\'' && b[n-1] == 's' {
		if p, ok := findBytes(b[:n-2]); ok {
			return p
		}
	}
	return notFound
}

func findBytes(b []byte) (uint8, bool) { return find(lexhash.Sum(b, hashSeed)) }

// recent holds find's answers for the hashes looked up lately. Text is
// mostly common words, which the rules look up over and over: a lookup in
// the 2.3 MB table is two loads that often miss the processor's caches
// and a short scan, while this table is small enough to stay in them.
// An entry is tag<<recentTagShift | recentValid | recentFound | palette
// index, the tag being the bits of the hash that find compares (bucket
// and fingerprint), so a hit gives exactly find's answer. Entries are
// loaded and stored whole, atomically: lookups run concurrently.
var recent [recentSize]atomic.Uint64

const (
	recentSize     = 1 << 13
	recentTagShift = 64 - lexhash.BucketBits - lexhash.FPBits
	recentValid    = 1 << 9
	recentFound    = 1 << 8
)

// find looks a hash up, in recent and then in the table, and returns its
// palette index.
func find(h uint64) (uint8, bool) {
	slot := &recent[h&(recentSize-1)]
	tag := h >> recentTagShift
	if e := slot.Load(); e>>recentTagShift == tag && e&recentValid != 0 {
		if e&recentFound == 0 {
			return 0, false
		}
		return uint8(e), true
	}
	e := tag<<recentTagShift | recentValid
	p, ok := findTable(h)
	if ok {
		e |= recentFound | uint64(p)
	}
	slot.Store(e)
	return p, ok
}

// findTable looks a hash up in the table and returns its palette index.
func findTable(h uint64) (uint8, bool) {
	bucket, fp := lexhash.Split(h)
	lo := binary.LittleEndian.Uint32(table[4*bucket:])
	hi := binary.LittleEndian.Uint32(table[4*bucket+4:])
	ents := table[entriesOff:]
	for i := lo; i < hi; i++ {
		e := binary.LittleEndian.Uint32(ents[4*i:])
		if f := e >> 8; f == fp {
			return uint8(e), true
		} else if f > fp {
			break
		}
	}
	return 0, false
}

// variantsText holds "british\tamerican\n" and "american\tbritish\n" lines,
// sorted by their first field.
//
//go:embed variants.txt
var variantsText string

var (
	variantsOnce sync.Once
	variants     map[string]string
)

// BritishAmerican returns, for a lower-case word that SCOWL lists only as a
// British spelling (or only as an American one), the spelling of the other
// variety reached by the regular correspondences: our/or, ise/ize (with
// isation/ization), yse/yze, tre/ter, ogue/og, ence/ense, l/ll (travelled,
// traveled) and ae/oe/e. Both spellings are dictionary words (SCOWL size 70
// or below). ok is false for any other word. The first call builds a map of
// the pairs (well under a millisecond).
func BritishAmerican(w string) (other string, ok bool) {
	variantsOnce.Do(func() {
		variants = make(map[string]string, strings.Count(variantsText, "\n"))
		for line := range strings.Lines(variantsText) {
			k, v, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
			variants[k] = v
		}
	})
	other, ok = variants[w]
	return other, ok
}
