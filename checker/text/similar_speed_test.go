package text

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// weightedDistanceRef is weightedDistance cell by cell, as defined: the
// fast version must return the same float64, bit for bit, for any limit
// (scores are compared for equality, and a cut-short distance is a score).
func weightedDistanceRef(as, bs string, limit float64) float64 {
	a, b := []rune(as), []rune(bs)
	sub := func(x, y rune) float64 {
		kx, ky := subKind(x), subKind(y)
		switch {
		case x == y:
			return 0
		case kx == kindVowel && ky == kindVowel:
			return costVowel
		case kx >= 0 && kx == ky:
			return costConfusable
		}
		return costOtherSub
	}
	prev, cur := make([]float64, len(b)+1), make([]float64, len(b)+1)
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + indelCost(b, j-1)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a, i-1)
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			v := prev[j-1] + sub(a[i-1], b[j-1])
			if d := prev[j] + indelCost(a, i-1); d < v {
				v = d
			}
			if d := cur[j-1] + indelCost(b, j-1); d < v {
				v = d
			}
			cur[j] = v
			if v < low {
				low = v
			}
		}
		prev, cur = cur, prev
		if low > limit {
			return low
		}
	}
	return prev[len(b)]
}

// TestWeightedDistanceFast compares weightedDistance with its plain
// definition on names, random strings over a small alphabet (vowels,
// confusable and other consonants, doubled letters, h, letters outside
// ASCII) and long strings, at limits that cut early, late and never.
func TestWeightedDistanceFast(t *testing.T) {
	names := []string{"", "a", "nayibbukele", "naibbuckley", "bakle", "bukele", "montoyagalvez", "carmiromontogalves",
		"trendearagua", "terrendealagua", "zelensky", "zelenski", "volodymyr", "sãopaulo", "saopaulo", "ostergaard",
		"øster", "北京市", "beijing", "hhhh", "aaaa", "llrr", "ppbbvvff", "x1y2z3"}
	alphabet := []rune("aeiouybpvfwdtgkcqszxmnlrjh0ñéøß北")
	rng := rand.New(rand.NewPCG(1, 2))
	randStr := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
			if i > 0 && rng.IntN(5) == 0 {
				r[i] = r[i-1]
			}
		}
		return string(r)
	}
	var pairs [][2]string
	for _, a := range names {
		for _, b := range names {
			pairs = append(pairs, [2]string{a, b})
		}
	}
	for range 3000 {
		pairs = append(pairs, [2]string{randStr(rng.IntN(14)), randStr(rng.IntN(14))})
	}
	for range 50 {
		pairs = append(pairs, [2]string{randStr(20 + rng.IntN(30)), randStr(20 + rng.IntN(30))})
	}
	for _, p := range pairs {
		for _, limit := range []float64{0, 0.3, 0.5, 1, 1.35, 2, 3.3, 5, math.Inf(1)} {
			got, want := weightedDistance(p[0], p[1], limit), weightedDistanceRef(p[0], p[1], limit)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("weightedDistance(%q, %q, %v) = %v, want %v", p[0], p[1], limit, got, want)
			}
		}
	}
}

// skeletonRef is Skeleton as defined, rune by rune on the folded string.
func skeletonRef(s string) string {
	var k skelRef
	for _, r := range Fold(s) {
		if r >= utf8.RuneSelf || !('a' <= r && r <= 'z') {
			if unicode.IsDigit(r) {
				k.digit(byte(r % 10))
			}
			continue
		}
		k.letter(byte(r))
	}
	return string(k.out)
}

// A skelRef writes a skeleton a character at a time, as defined: the
// reference the skeleton code is tested against.
type skelRef struct {
	out      []byte
	started  bool // a letter or digit was written
	last     byte // the last class written, 0 after a digit
	vowelGap bool // vowels since the last consonant
}

// digit writes the digit d (0 to 9).
func (k *skelRef) digit(d byte) {
	k.out = append(k.out, '0'+d)
	k.last, k.started = 0, true
}

// letter writes the lower-case ASCII letter c: the first letter kept (a
// vowel as 'a'), later vowels dropped, 'h' dropped, a consonant's class
// written unless it repeats the last with no vowel between.
func (k *skelRef) letter(c byte) {
	if !k.started {
		k.started = true
		k.last = 'a'
		if !isVowel(c) {
			k.last = consonantClass(c)
		}
		k.out = append(k.out, k.last)
		return
	}
	if isVowel(c) || c == 'y' {
		k.vowelGap = true
		return
	}
	if c == 'h' {
		return
	}
	cl := consonantClass(c)
	if cl == k.last && !k.vowelGap {
		return
	}
	k.out = append(k.out, cl)
	k.last = cl
	k.vowelGap = false
}

// nameCases are names and odd strings, ASCII and not, with connectors,
// digits, punctuation and every separator wordSpans knows.
var nameCases = []string{
	"", " ", "-", "Bukele", "Nayib Bukele", "NAYIB  BUKELE", "Montoya-Galvez", "Camilo Montoya - Galvez",
	"Tren de Aragua", "Terren De Alagua", "al-Assad", "Al Jazeera", "de la", "De La Cruz", "the of and",
	"G7", "Level III", "F-16", "Route 66", "0123456789", "x1y2", "O'Brien", "St. John", "Jean-Luc\tMoreau",
	"a\nb\rc", "!!!", "A.B.C.", "yyy", "Hhhh", "Aaron Yves", "bin Salman", "ibn Saud", "van der Berg",
	"São Paulo", "Dalí-Gómez", "Straße", "ØSTERGÅRD", "北京市", "Jean‐Luc", "Jean–Luc", "ǅemal", "Ⅻ",
}

// prepareNameRef is PrepareName as defined, every part on its own.
func prepareNameRef(s string) Name {
	n := Name{Raw: s, compact: Compact(s)}
	n.skel = skeletonRef(n.compact)
	var b strings.Builder
	for _, w := range wordSpans(s) {
		n.all++
		ws := s[w.Start:w.End]
		if connectors[Fold(ws)] {
			continue
		}
		c := Compact(ws)
		if c == "" {
			continue
		}
		b.WriteString(c)
		n.words = append(n.words, c)
		n.skels = append(n.skels, skeletonRef(c))
		n.spans = append(n.spans, w)
	}
	n.stripped = b.String()
	n.sskel = skeletonRef(n.stripped)
	n.compactRunes, n.strippedRunes = utf8.RuneCountInString(n.compact), utf8.RuneCountInString(n.stripped)
	if len(n.words) > 0 {
		n.lastRunes = utf8.RuneCountInString(n.words[len(n.words)-1])
	}
	return n
}

// TestPrepareNameASCII checks the fast paths of PrepareName,
// PrepareNameParts and Skeleton against their definitions, on the cases
// and on random strings.
func TestPrepareNameASCII(t *testing.T) {
	cases := append([]string(nil), nameCases...)
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := "aeiouyAEIOUYbcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ0123456789  --'.\t"
	for range 5000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	unicodeAlphabet := []rune("aeEyYbBhk- \tÀáÉøØßæŁł北京‐–’İıǅﬁ½\u0301\u00a0٣7")
	for range 3000 {
		r := make([]rune, rng.IntN(16))
		for i := range r {
			r[i] = unicodeAlphabet[rng.IntN(len(unicodeAlphabet))]
		}
		cases = append(cases, string(r))
	}
	for _, w := range []string{"de", "la", "Van", "BIN", "al", "of", "st", "Dé", "DEL"} {
		cases = append(cases, w+" Pedro "+w, "Ana "+w+"-"+w+" Lima")
	}
	for _, s := range cases {
		if got, want := Compact(s), compactFolded(Fold(s)); got != want {
			t.Errorf("Compact(%q) = %q, want %q", s, got, want)
		}
		if got, want := Skeleton(s), skeletonRef(s); got != want {
			t.Errorf("Skeleton(%q) = %q, want %q", s, got, want)
		}
		got, want := PrepareName(s), prepareNameRef(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("PrepareName(%q) = %+v, want %+v", s, got, want)
		}
		if got, want := PrepareNameParts(s), (NameParts{want.compact, want.skel, want.stripped, want.sskel}); got != want {
			t.Errorf("PrepareNameParts(%q) = %+v, want %+v", s, got, want)
		}
	}
}
