package text

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// garble returns s with a few edits of the kinds machine translation
// makes: vowels changed, letters doubled, confusables swapped, letters
// dropped or added.
func garble(rng *rand.Rand, s string, edits int) string {
	const letters = boundLetters
	b := []byte(s)
	for range edits {
		if len(b) == 0 {
			b = append(b, letters[rng.IntN(len(letters))])
			continue
		}
		i := rng.IntN(len(b))
		switch rng.IntN(4) {
		case 0:
			b[i] = letters[rng.IntN(len(letters))]
		case 1:
			b = append(b[:i+1], b[i:]...) // doubled
		case 2:
			b = append(b[:i], b[i+1:]...)
		default:
			b = append(b[:i], append([]byte{letters[rng.IntN(len(letters))]}, b[i:]...)...)
		}
	}
	return string(b)
}

// boundLetters holds every class of the cost bound: doubled letters, h,
// digits.
const boundLetters = "aeiouybpvfwdtgkcqszxmnlrjh0123456789"

// boundString returns a random string of n boundLetters, a quarter of
// them doubling the letter before.
func boundString(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = boundLetters[rng.IntN(len(boundLetters))]
		if i > 0 && rng.IntN(4) == 0 {
			b[i] = b[i-1]
		}
	}
	return string(b)
}

// TestCostLowerBound checks that costLowerBound never exceeds the
// distance it bounds, on random strings over an alphabet that holds every
// class (doubled letters, h, digits), on garbled copies of them (close
// pairs, where the bound is tight) and on names.
func TestCostLowerBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randStr := func(n int) string { return boundString(rng, n) }
	names := []string{"", "a", "nayibbukele", "naibbuckley", "bakle", "bukele", "montoyagalvez", "carmiromontogalves",
		"trendearagua", "terrendealagua", "zelensky", "zelenski", "hhhh", "aaaa", "llrr", "ppbbvvff", "x1y2z3", "sãopaulo"}
	check := func(a, b string) {
		lb, d := costLowerBound(a, b), weightedDistance(a, b, math.Inf(1))
		if lb > d+1e-9 {
			t.Fatalf("costLowerBound(%q, %q) = %v, above the distance %v", a, b, lb, d)
		}
	}
	for _, a := range names {
		for _, b := range names {
			check(a, b)
		}
	}
	tight := 0
	for range 200000 {
		a := randStr(rng.IntN(14))
		var b string
		if rng.IntN(2) == 0 {
			b = randStr(rng.IntN(14))
		} else {
			b = garble(rng, a, 1+rng.IntN(4))
		}
		check(a, b)
		if lb := costLowerBound(a, b); lb > 0 && math.Abs(lb-weightedDistance(a, b, math.Inf(1))) < 1e-9 {
			tight++
		}
	}
	if tight == 0 {
		t.Error("the bound is never tight")
	}
}

// TestLengthBound checks the test of lengths of mayReachPair: the
// distance of two strings is at least costDouble for each letter one has
// more than the other, within the margin it allows for rounding, on the
// strings of TestCostLowerBound and on long ones (sums of many costs).
func TestLengthBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		a := boundString(rng, rng.IntN(14))
		if rng.IntN(8) == 0 {
			a = boundString(rng, 20+rng.IntN(40))
		}
		var b string
		if rng.IntN(2) == 0 {
			b = boundString(rng, rng.IntN(len(a)+8))
		} else {
			b = garble(rng, a, 1+rng.IntN(6))
		}
		na, nb := len([]rune(a)), len([]rune(b))
		lb := costDouble*float64(max(na, nb)-min(na, nb)) - 1e-9
		if d := weightedDistance(a, b, math.Inf(1)); lb > d {
			t.Fatalf("weightedDistance(%q, %q) = %v, under the length bound %v", a, b, d, lb+1e-9)
		}
	}
}

// TestDistanceWithin checks distanceWithin against weightedDistance: on
// random strings, garbled copies of them, long ones, ones outside ASCII,
// with limits at the distance, a rounding error either side of it, and
// a little more or less.
func TestDistanceWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	exotic := []string{"é", "ß", "ł", "ø", "ı", "ş"}
	str := func() string {
		var s string
		switch rng.IntN(8) {
		case 0:
			s = boundString(rng, 25+rng.IntN(50)) // beyond maxWithin, sometimes
		default:
			s = boundString(rng, rng.IntN(16))
		}
		if rng.IntN(6) == 0 && s != "" {
			i := rng.IntN(len(s))
			s = s[:i] + exotic[rng.IntN(len(exotic))] + s[i:]
		}
		return s
	}
	near := 0
	for range 300000 {
		a := str()
		var b string
		if rng.IntN(2) == 0 {
			b = str()
		} else {
			b = garble(rng, a, 1+rng.IntN(5))
		}
		d := weightedDistance(a, b, math.Inf(1))
		var limit float64
		switch rng.IntN(6) {
		case 0:
			limit = d
		case 1:
			limit = math.Nextafter(d, math.Inf(-1))
		case 2:
			limit = d + 1e-12*float64(rng.IntN(3)-1)
		case 3:
			limit = d + 2e-9*float64(rng.IntN(3)-1)
			near++
		default:
			limit = d * (0.5 + rng.Float64())
		}
		want := weightedDistance(a, b, limit) <= limit
		if got := distanceWithin(a, b, limit); got != want {
			t.Fatalf("distanceWithin(%q, %q, %v) = %v, want %v (distance %v)", a, b, limit, got, want, d)
		}
	}
	if near == 0 {
		t.Error("no limit near the distance")
	}
}

// TestMayReach checks that MayReach never rules out a pair that
// SimilarityAbove scores at or above the floor, and that BoundShape
// equals Bound, on names, random names of several words (connectors,
// hyphens, doubled letters) and garbled copies of them, which score near
// the floors tested.
func TestMayReach(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const letters = "aeiouybpvfwdtgkcqszxmnlrjh"
	word := func() string {
		b := make([]byte, 1+rng.IntN(8))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
			if i > 0 && rng.IntN(5) == 0 {
				b[i] = b[i-1]
			}
		}
		if rng.IntN(2) == 0 {
			b[0] -= 'a' - 'A'
		}
		return string(b)
	}
	seps := []string{" ", " ", "-", " de ", " al-", " Van "}
	name := func() string {
		s := word()
		for k := rng.IntN(4); k > 0; k-- {
			s += seps[rng.IntN(len(seps))] + word()
		}
		return s
	}
	var pairs [][2]string
	for _, a := range nameCases {
		for _, b := range nameCases {
			pairs = append(pairs, [2]string{a, b})
		}
	}
	for range 100000 {
		a := name()
		var b string
		switch rng.IntN(4) {
		case 0:
			b = name()
		case 1:
			// A word of a, garbled: a surname alone.
			w := strings.Fields(a)
			b = garble(rng, w[len(w)-1], rng.IntN(3))
		default:
			b = garble(rng, a, 1+rng.IntN(3))
		}
		if rng.IntN(2) == 0 {
			a, b = b, a
		}
		pairs = append(pairs, [2]string{a, b})
	}
	floors := []float64{0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 1}
	ruledOut := 0
	for _, p := range pairs {
		qa, qb := PrepareName(p[0]), PrepareName(p[1])
		_, sh := PrepareNameShape(p[1])
		if !sh.Valid() {
			continue
		}
		if int(sh.words) != len(qb.words) || int(sh.all) != qb.all || sh.compact != qb.compact || sh.stripped != qb.stripped ||
			sh.skel != skelHash(qb.skel) || sh.sskel != skelHash(qb.sskel) || len(qb.skels) > 0 && sh.lastSkel != skelHash(qb.skels[len(qb.skels)-1]) {
			t.Fatalf("PrepareNameShape(%q) = %+v, unlike PrepareName", p[1], sh)
		}
		if want := qb.compact[0] ^ lastByte(qb.stripped); sh.Touch() != want {
			t.Fatalf("PrepareNameShape(%q).Touch() = %q, want %q", p[1], sh.Touch(), want)
		}
		for i, w := range qb.words {
			if sh.word(i) != w {
				t.Fatalf("PrepareNameShape(%q): word %d is %q, want %q", p[1], i, sh.word(i), w)
			}
		}
		if got, want := qa.BoundShape(&sh), qa.Bound(&qb); got != want {
			t.Fatalf("BoundShape(%q, %q) = %v, Bound %v", p[0], p[1], got, want)
		}
		for _, fl := range floors {
			if qa.MayReach(&sh, fl) {
				continue
			}
			ruledOut++
			if m := qa.SimilarityAbove(&qb, fl); m.Score >= fl {
				t.Fatalf("MayReach(%q, %q, %v) is false, but SimilarityAbove scores %+v", p[0], p[1], fl, m)
			}
		}
	}
	if ruledOut == 0 {
		t.Error("MayReach rules nothing out")
	}
	t.Logf("%d pairs, %d of %d tests ruled out", len(pairs), ruledOut, len(pairs)*len(floors))
}

// TestCostLowerBoundUnits checks the costs costLowerBound counts in
// integers against the costs of weightedDistance.
func TestCostLowerBoundUnits(t *testing.T) {
	for _, c := range []struct {
		units int
		cost  float64
	}{{10, costVowel / 2}, {11, costConfusable / 2}, {14, costDouble}, {20, costVowel}, {20, costH}, {26, min(costOther, costOtherSub/2)}} {
		if math.Abs(float64(c.units)*0.025-c.cost) > 1e-12 {
			t.Errorf("%d units are not %v", c.units, c.cost)
		}
	}
}

// TestLetterClasses checks the classes that letterCount.cost writes out
// against the substitution kinds of weightedDistance: two letters share a
// class exactly when substituting one for the other costs less than
// across classes.
func TestLetterClasses(t *testing.T) {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	for i := 0; i < len(letters); i++ {
		for j := 0; j < len(letters); j++ {
			x, y := rune(letters[i]), rune(letters[j])
			same := lbClassOf[lbSym[letters[i]]] == lbClassOf[lbSym[letters[j]]]
			kx, ky := subKind(x), subKind(y)
			cheap := x == y || kx == kindVowel && ky == kindVowel || kx >= 0 && kx == ky
			if same != cheap {
				t.Errorf("%c and %c: same class %v, substitution within a kind %v", x, y, same, cheap)
			}
		}
	}
	for k, want := range []uint8{0, 6, 8, 13, 15, 19, 22, 24, 25, 26} {
		if lbStart[k] != want {
			t.Errorf("class %d starts at %d, cost assumes %d", k, lbStart[k], want)
		}
	}
}

// TestLetterCountCost checks letterCount.cost, which takes the counts
// eight at a time, against the sum of classCost over the classes.
func TestLetterCountCost(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	randStr := func(n int) string { return boundString(rng, n) }
	want := func(lc *letterCount) float64 {
		total := 0
		for k := range lbClasses {
			within, alone := 11, 26
			switch k {
			case lbVowel:
				within, alone = 10, 20
			case lbH:
				alone = 20
			}
			total += classCost(lc.cnt[lbStart[k]:lbStart[k+1]], lc.dbl[k], within, alone)
		}
		return float64(total) * 0.025
	}
	for i := range 300000 {
		n := 1 + rng.IntN(20)
		if i%100 == 0 {
			n = 60 // the longest counted
		}
		a, b := randStr(n), randStr(rng.IntN(61))
		if i%3 == 0 {
			b = strings.Repeat(string(boundLetters[rng.IntN(len(boundLetters))]), rng.IntN(61))
		}
		var lc letterCount
		if !lc.add(a, 1) || !lc.add(b, -1) {
			continue
		}
		if got, w := lc.cost(), want(&lc); got != w {
			t.Fatalf("cost of %q against %q = %v, want %v", a, b, got, w)
		}
	}
}

// lastByte returns the last byte of s, or 0.
func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// TestShapeTouch checks Touch on names without a stripped form: all
// connectors.
func TestShapeTouch(t *testing.T) {
	for _, s := range []string{"De La", "of", "Al", "Nayib Bukele", "Tren de Aragua"} {
		_, sh := PrepareNameShape(s)
		q := PrepareName(s)
		if !sh.Valid() {
			t.Fatalf("PrepareNameShape(%q) not valid", s)
		}
		if want := q.compact[0] ^ lastByte(q.stripped); sh.Touch() != want {
			t.Errorf("PrepareNameShape(%q).Touch() = %q, want %q", s, sh.Touch(), want)
		}
	}
}

// addRef is letterCount.add as it was first written, for TestLetterCountAdd.
func (lc *letterCount) addRef(s string, sign int8) bool {
	if len(s) > 60 {
		return false
	}
	run := 0
	for i := 0; i < len(s); i++ {
		k := lbSym[s[i]]
		if k >= lbSymbols {
			return false
		}
		lc.cnt[k] += sign
		if i > 0 && s[i-1] == s[i] {
			run++
			continue
		}
		if run > 0 {
			lc.dbl[lbClassOf[lbSym[s[i-1]]]] += int8(run + 1)
		}
		run = 0
	}
	if run > 0 {
		lc.dbl[lbClassOf[lbSym[s[len(s)-1]]]] += int8(run + 1)
	}
	return true
}

// TestLetterCountAdd checks letterCount.add against addRef: the same
// counts, doubles and answer, on strings with runs of letters, bytes
// that are no symbol (0 among them) and lengths around the limit.
func TestLetterCountAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		n := rng.IntN(20)
		if rng.IntN(10) == 0 {
			n = 55 + rng.IntN(10)
		}
		b := []byte(boundString(rng, n))
		if n > 0 && rng.IntN(10) == 0 {
			b[rng.IntN(n)] = []byte{0, 'A', ' ', 0xc3}[rng.IntN(4)]
		}
		var got, want letterCount
		sign := int8(1 - 2*rng.IntN(2))
		got.cnt[3], want.cnt[3] = 2, 2 // counts from an earlier string
		okGot, okWant := got.add(string(b), sign), want.addRef(string(b), sign)
		if okGot != okWant || got != want {
			t.Fatalf("add(%q, %d) = %v %+v, want %v %+v", b, sign, okGot, got, okWant, want)
		}
	}
}
