package glossary

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/text"
)

// TestWordKey checks that the quick key of a word is the key hashWord
// gives it, wherever the word lies in the text, and that the words it
// cannot take are let through.
func TestWordKey(t *testing.T) {
	words := []string{"a", "I", "of", "The", "ICE", "gang", "Tren", "MS13", "10,000", "Bukele", "Salvador", "SALVADOR", "Washingt", "Zz09AZaz",
		"Washington", "configuration", "Montoya-Galvez", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopq", "@", "[", "`", "{", "Is", "s's"}
	for _, w := range words {
		for _, before := range []string{"", " ", "some text before "} {
			for _, after := range []string{"", " ", " and some more text"} {
				s := before + w + after
				tok := text.Token{Span: text.Span{Start: len(before), End: len(before) + len(w)}, Kind: text.Word}
				h, ok := wordKey(s, tok)
				if want := tok.Start+8 <= len(s) || tok.End >= 8; ok != want {
					t.Errorf("wordKey(%q in %q) ok = %v, want %v", w, s, ok, want)
				}
				if ok && h != hashWord(fnvOffset, w, false) {
					t.Errorf("wordKey(%q in %q) = %x, want %x", w, s, h, hashWord(fnvOffset, w, false))
				}
			}
		}
	}
	for _, w := range []string{"Bukele's", "BUKELE'S", "Trump's", "Tren’s", "México", "Washington’s", "Montoya-Gálvez"} {
		s := w + " and more text"
		if _, ok := wordKey(s, text.Token{Span: text.Span{End: len(w)}, Kind: text.Word}); ok {
			t.Errorf("wordKey(%q) took it", w)
		}
	}
}

// TestNextStart checks the first-token filter against MatchAt without
// it: every form is let through, whatever its case and what surrounds
// it, and every token NextStart passes over starts none.
func TestNextStart(t *testing.T) {
	entries := append(Synthetic(3000, 7),
		Entry{Term: "México", Variants: []string{"Mexico City's"}}, Entry{Term: "G7"}, Entry{Term: "Tren de Aragua"},
		Entry{Term: "Ángel Di María", Kind: Person}, Entry{Term: "Łódź"}, Entry{Term: "Çay"},
		Entry{Term: "Montoya-Galvez"}, Entry{Term: "Internationalisation Committee"}, Entry{Term: "10,000"},
		// Forms that start with common words, which the word after
		// them tells from the other uses of those words.
		Entry{Term: "The Hague", Variants: []string{"the Hag"}}, Entry{Term: "In Situ"}, Entry{Term: "A-ha"}, Entry{Term: "of 10"}, Entry{Term: "He"})
	ix := NewIndex(entries)
	ref := NewIndex(entries)
	ref.first = nil // MatchAt without the filter
	common := strings.Fields("the of and to a in is that for it as was with be by on not he I this are or his from at which but have an they you were her she there 3 10:30 ’s 's , . - ( ) Hague Hague's Hag Situ ha 10")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		switch r := rng.IntN(10); {
		case r < 2:
			f := ix.Forms[rng.IntN(len(ix.Forms))].Text
			switch rng.IntN(5) {
			case 0:
				f = strings.ToUpper(f)
			case 1:
				f = strings.ToLower(f)
			case 2:
				f += "'s"
			case 3:
				f = text.Fold(f) // "Mexico" for "México"
			}
			b.WriteString(f)
		default:
			b.WriteString(common[rng.IntN(len(common))])
		}
		b.WriteByte(" -"[rng.IntN(8)/7])
	}
	// Every form outside ASCII, also folded ("Mexico", "Angel Di Maria").
	for _, f := range ix.Forms {
		if strings.ContainsFunc(f.Text, func(r rune) bool { return r >= 0x80 }) {
			fmt.Fprintf(&b, "the %s and %s of %s. ", f.Text, text.Fold(f.Text), strings.ToUpper(text.Fold(f.Text)))
		}
	}
	s := b.String()
	toks := text.Tokenize(nil, s, text.Span{End: len(s)})
	found, skipped := walkNextStart(t, ix, ref, s, toks)
	// MatchAt turns tokens away on the filter too: everywhere it agrees
	// with MatchAt without it.
	for k := range toks {
		f1, n1, e1 := ix.MatchAt(s, toks, k)
		f2, n2, e2 := ref.MatchAt(s, toks, k)
		if n1 != n2 || e1 != e2 || len(f1) != len(f2) {
			t.Fatalf("MatchAt(%d) = %v %d %d, without the filter %v %d %d", k, f1, n1, e1, f2, n2, e2)
		}
	}
	if found < 3000 {
		t.Errorf("found %d forms, want about 4,000", found)
	}
	if skipped < len(toks)/2 {
		t.Errorf("passed over %d tokens of %d: the filter lets most through", skipped, len(toks))
	}
}

// TestLongKey checks that a long ASCII word of a text (8 to 16 bytes)
// has, whatever its case and wherever it lies, the longKey of the form
// token it matches, and that the possessive of a one-token form has the
// key possessiveKeyOf gives it.
func TestLongKey(t *testing.T) {
	for _, w := range []string{"Salvador", "SALVADOR", "Washington", "Zz09AZaz", "abcdefghijklmnop", "MS13-MS13", "Internationalis", "México-Gálvez", "Mexico-Galvez"} {
		f := text.Fold(w)
		want, ok := longKeyOf(w)
		if ok != (len(f) >= 8 && len(f) <= 16) {
			t.Fatalf("longKeyOf(%q) ok = %v", w, ok)
		}
		if !ok {
			continue
		}
		for _, v := range []string{f, strings.ToUpper(f), strings.ToLower(f)} {
			for _, before := range []string{"", "some text before "} {
				s := before + v + " and after"
				a, z := load8(s, len(before)), load8(s, len(before)+len(v)-8)
				if got := longKey(a, z, len(v)); got != want {
					t.Errorf("longKey(%q) = %x, want %x, as longKeyOf(%q)", v, got, want, w)
				}
			}
		}
	}
	// NextStart takes a key of 0 for none.
	rng := rand.New(rand.NewPCG(5, 6))
	for range 10000 {
		a, z, n := rng.Uint64(), rng.Uint64(), rng.IntN(17)
		if longKey(a, z, n) == 0 || shortKey(a&lowBytes[n&7], n&7) == 0 {
			t.Fatalf("a key of 0 for %x %x %d", a, z, n)
		}
	}
	for _, w := range []string{"Li", "Ali", "Lodz", "Łódź", "Bukele", "Salvador", "Washingtonia12", "Washingtonia123"} {
		f := text.Fold(w)
		got, ok := possessiveKeyOf(w)
		if ok != (len(f) >= 2 && len(f) <= 14) {
			t.Fatalf("possessiveKeyOf(%q) ok = %v", w, ok)
		}
		if !ok {
			continue
		}
		for _, v := range []string{f + "'s", strings.ToUpper(f) + "'S", f + "'S"} {
			var want uint64
			if len(v) < 8 {
				want = shortKey(load8(v+"        ", 0)&lowBytes[len(v)], len(v))
			} else {
				want = longKey(load8(v, 0), load8(v, len(v)-8), len(v))
			}
			if got != want {
				t.Errorf("possessiveKeyOf(%q) = %x, want %x, the key of %q", w, got, want, v)
			}
		}
	}
}

// TestNextStartLong checks the filter of long words and of possessives
// against MatchAt without it: one-token and longer forms whose first or
// second word has 1 to 20 bytes, in any case, with "'s" or "'S" or not,
// are each let through where they match.
func TestNextStartLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	letters := "abcdefghijklmnopqrstuvwxyz"
	var entries []Entry
	for n := 1; n <= 20; n++ {
		for range 20 {
			b := make([]byte, n)
			for k := range b {
				b[k] = letters[rng.IntN(len(letters))]
			}
			w := strings.ToUpper(string(b[:1])) + string(b[1:])
			switch rng.IntN(3) {
			case 0:
				entries = append(entries, Entry{Term: w})
			case 1:
				entries = append(entries, Entry{Term: w + " Group", Variants: []string{w + "'s Group"}})
			default:
				// A short first word, and this one second.
				entries = append(entries, Entry{Term: "De " + w, Variants: []string{"de-" + w}})
			}
		}
	}
	entries = append(entries, Entry{Term: "Ángel"}, Entry{Term: "Gálvez-Montoya"}, Entry{Term: "O'Neill"})
	ix := NewIndex(entries)
	ref := NewIndex(entries)
	ref.first = nil // MatchAt without the filter
	words := []string{"the", "of", "de", "DE", "group", "Group", "international", "configuration", "O'Neill's", "Angel's", "GALVEZ-MONTOYA'S", ",", "'s", "s's"}
	var b strings.Builder
	for range 30000 {
		w := words[rng.IntN(len(words))]
		if rng.IntN(2) == 0 {
			e := entries[rng.IntN(len(entries))]
			w = e.Term
			if len(e.Variants) > 0 && rng.IntN(3) == 0 {
				w = e.Variants[0]
			}
			if k := strings.IndexByte(w, ' '); k > 0 && rng.IntN(2) == 0 {
				w = w[:k] // the first word alone
			}
			switch rng.IntN(6) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = strings.ToLower(w)
			case 2, 3:
				w += "'s"
			case 4:
				w += "'S"
			}
		}
		b.WriteString(w)
		b.WriteByte(" -"[rng.IntN(8)/7])
	}
	s := b.String()
	toks := text.Tokenize(nil, s, text.Span{End: len(s)})
	found, skipped := walkNextStart(t, ix, ref, s, toks)
	if found < 10000 {
		t.Errorf("found %d forms, want about 15,000", found)
	}
	if skipped < len(toks)/4 {
		t.Errorf("passed over %d tokens of %d: the filter lets most through", skipped, len(toks))
	}
	t.Logf("found %d, passed over %d of %d tokens", found, skipped, len(toks))
}

// walkNextStart steps through toks with ix.NextStart and checks that it
// passes over no word or number where ref, the same index without its
// filter, matches a form, and that ix.MatchAt agrees with ref.MatchAt
// where it stops. It returns how many stops start a form and how many
// tokens it passed over.
func walkNextStart(t *testing.T, ix, ref *Index, s string, toks []text.Token) (found, skipped int) {
	t.Helper()
	for i := 0; i < len(toks); {
		j := ix.NextStart(s, toks, i)
		skipped += j - i
		for k := i; k < j; k++ {
			if _, n, _ := ref.MatchAt(s, toks, k); n > 0 && (toks[k].Kind == text.Word || toks[k].Kind == text.Number) {
				t.Fatalf("NextStart(%d) = %d passes over %q at %d", i, j, s[toks[k].Start:toks[k].End], k)
			}
		}
		if j < len(toks) {
			f1, n1, e1 := ix.MatchAt(s, toks, j)
			f2, n2, e2 := ref.MatchAt(s, toks, j)
			if n1 != n2 || e1 != e2 || len(f1) != len(f2) {
				t.Fatalf("MatchAt(%d) = %v %d %d, without the filter %v %d %d", j, f1, n1, e1, f2, n2, e2)
			}
			if n1 > 0 {
				found++
			}
		}
		i = j + 1
	}
	return found, skipped
}

// TestNextStartEach checks NextStart (passOver, then mayStart) against
// nextStartEach, the loop that decided each token in turn, kept here: the
// same stops from every token, on texts of forms (in any case,
// possessive, folded, the first word alone), common words that start
// forms, numbers, punctuation, words outside ASCII and of 1 to 20 bytes,
// and at the end of texts of every length (fewer than eight bytes left).
func TestNextStartEach(t *testing.T) {
	entries := append(Synthetic(2000, 9),
		Entry{Term: "México", Variants: []string{"Mexico City's"}}, Entry{Term: "G7"}, Entry{Term: "Tren de Aragua"},
		Entry{Term: "Ángel Di María", Kind: Person}, Entry{Term: "Montoya-Galvez"}, Entry{Term: "10,000"},
		Entry{Term: "The Hague", Variants: []string{"the Hag"}}, Entry{Term: "In Situ"}, Entry{Term: "A-ha"}, Entry{Term: "of 10"},
		Entry{Term: "He"}, Entry{Term: "A Internationalisation"}, Entry{Term: "The Configurations Committee"}, Entry{Term: "O'Neill"})
	ix := NewIndex(entries)
	common := strings.Fields("the of and to a in is that for it as was with be by on not he I this are or his from at which but have an they you were her she there 3 10:30 ’s 's , . - ( ) Hague Hague's Hag Situ ha 10 internationalisation configurations Ángel Ørsted x1 ab'S THE A IN")
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 400 {
		var b strings.Builder
		for range rng.IntN(60) {
			if rng.IntN(4) == 0 {
				f := ix.Forms[rng.IntN(len(ix.Forms))].Text
				switch rng.IntN(6) {
				case 0:
					f = strings.ToUpper(f)
				case 1:
					f = strings.ToLower(f)
				case 2:
					f += "'s"
				case 3:
					f = text.Fold(f)
				case 4:
					if k := strings.IndexByte(f, ' '); k > 0 {
						f = f[:k]
					}
				}
				b.WriteString(f)
			} else {
				b.WriteString(common[rng.IntN(len(common))])
			}
			b.WriteString([]string{" ", " ", " ", "-", ", ", "  "}[rng.IntN(6)])
		}
		s := strings.TrimRight(b.String(), " ")
		toks := text.Tokenize(nil, s, text.Span{End: len(s)})
		for i := 0; i <= len(toks); i++ {
			if got, want := ix.NextStart(s, toks, i), ix.nextStartEach(s, toks, i); got != want {
				t.Fatalf("text %d %q: NextStart(%d) = %d, want %d", n, s, i, got, want)
			}
		}
	}
}

// nextStartEach is NextStart as it was, one loop over the tokens that
// decided each in turn: the reference of TestNextStartEach. It returns
// the index of the first word or number token of toks[i:] at which a
// term or variant may start (see MatchAt), or len(toks). Nearly every token of a text starts none, and most are
// ASCII words of up to 16 bytes: those are taken eight bytes at a time
// and turned away by a small filter on a key of their bytes (shortKey,
// longKey), without a hash or a call.
func (ix *Index) nextStartEach(s string, toks []text.Token, i int) int {
	first := ix.first
	if len(first) == 0 {
		// No filter: the next word or number.
		for ; i < len(toks) && toks[i].Kind-text.Word > text.Number-text.Word; i++ {
		}
		return i
	}
	mask := len(first) - 1
	for ; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind-text.Word > text.Number-text.Word {
			continue // neither a word nor a number
		}
		if n := t.End - t.Start; n < 8 && t.Start+8 <= len(s) {
			// The first n bytes, by a mask from a table: a shift by a
			// variable amount takes moves around it on amd64.
			sb := &shortBytes[n&7]
			x := load8(s, t.Start) & sb.low
			if x&0x8080808080808080 != 0 {
				return i
			}
			// firstBits of the shortKey, inline, its bits from a
			// table too. A possessive whose word without "'s" is a
			// one-token form gets through on its own key (see
			// possessiveKeyOf).
			m := shortKey(x, n) * 0xd6e8feb86659fd93
			if w := first[int(m>>32)&mask]; w&bit64[m>>58] == 0 || w&bit64[m>>52&63] == 0 {
				continue
			}
			// Most that get through ("the", "a", "in") start a form
			// only as its first word, and the word after them tells:
			// when it is an ASCII word of up to 16 bytes, the filters
			// of shortKeys and longKeys answer, inline (mayStartShort
			// does the same, and takes the others).
			if x&sb.possMask == sb.possBytes {
				return i
			}
			k := shortKey(x, n)
			if w, b := firstBits(k, len(ix.whole)); ix.whole[w]&b == b {
				return i
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
					if w, b := firstBits(pairKey(k, k2, t2.Start > t.End), len(ix.pairs)); ix.pairs[w]&b == b {
						return i
					}
					continue
				}
			}
			if ix.mayStartShort(s, toks, i) {
				return i
			}
			continue
		} else if n >= 8 && n <= 16 {
			// A word of 8 to 16 bytes (about one word of prose in
			// six): its first and last eight bytes hold all of it, and
			// the filter of its longKey turns it away before its
			// wordKey, a call and a mixing step per eight bytes.
			a, z := load8(s, t.Start), load8(s, t.End-8)
			if (a|z)&0x8080808080808080 != 0 {
				return i // outside ASCII
			}
			// A possessive gets through as a short word does, and
			// wordKey turns it down.
			m := longKey(a, z, n) * 0xd6e8feb86659fd93
			if w := first[int(m>>32)&mask]; w&bit64[m>>58] == 0 || w&bit64[m>>52&63] == 0 {
				continue
			}
		}
		h, ok := wordKey(s, *t)
		if !ok {
			return i
		}
		if w, b := firstBits(h, len(first)); first[w]&b == b && ix.mayStartAt(s, toks, i, h) {
			return i
		}
	}
	return i
}
