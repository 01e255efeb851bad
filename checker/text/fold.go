package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form names are compared in: compatibility-decomposed
// (NFKD), with combining marks removed and letters lower-cased. Letters that
// do not decompose but are commonly written without their stroke or ligature
// ("ø", "ł", "ß", "æ") are spelled out in ASCII. ASCII input is only
// lower-cased and is returned without allocating when already lower-case.
func Fold(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldSlow(s)
}

// foldSlow is Fold for any s outside ASCII, rune sequence by rune
// sequence as NFKD decomposes it.
func foldSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
				continue
			}
			if rep, ok := foldSpecial[r]; ok {
				b.WriteString(rep)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldSpecial spells letters that NFKD leaves alone.
var foldSpecial = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t",
	'’': "'", 'ʼ': "'", '‘': "'", '‐': "-", '‑': "-", '–': "-", '—': "-",
}

// foldRunes holds, for the letters and signs of the Latin-1 Supplement
// and Latin Extended-A and -B (U+00A0 to U+024F), and for a few common
// punctuation marks (foldMore), what foldSlow makes of each alone: the
// names of most languages written in Latin letters are spelled with
// them. Each decomposes (NFKD) to a base rune first, never to a
// combining mark, so no reordering of marks reaches across it, and the
// fold of a text of them and ASCII is the folds of its runes one after
// the other.
var foldRunes, foldMore = func() (t [0x250 - 0xA0]struct {
	f  string
	ok bool
}, more map[rune]string) {
	starts := func(r rune) bool { return norm.NFKD.PropertiesString(string(r)).LeadCCC() == 0 }
	for r := rune(0xA0); r < 0x250; r++ {
		if starts(r) {
			t[r-0xA0].f, t[r-0xA0].ok = foldSlow(string(r)), true
		}
	}
	more = map[rune]string{}
	for _, r := range "‘’‚‛“”„‐‑‒–—―…ʼ′″" {
		if starts(r) {
			more[r] = foldSlow(string(r))
		}
	}
	return t, more
}()

// foldLatin is Fold for s outside ASCII whose other runes all have a
// fold in foldRunes or foldMore, and false for the others.
func foldLatin(s string) (string, bool) {
	for _, r := range s {
		if r >= utf8.RuneSelf && !(r >= 0xA0 && r < 0x250 && foldRunes[r-0xA0].ok) {
			if _, ok := foldMore[r]; !ok {
				return "", false
			}
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x250 {
			b.WriteString(foldRunes[r-0xA0].f)
		} else {
			b.WriteString(foldMore[r])
		}
		i += n
	}
	return b.String(), true
}
