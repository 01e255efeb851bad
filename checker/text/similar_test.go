package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

func TestSkeleton(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Bukele", "bkl"},
		{"Bakle", "bkl"},
		{"Buckley", "bkl"},
		{"Nayib Bukele", "nbkl"},
		{"Naibbuckley", "nbkl"},
		{"Ibrahim", "abln"},
		{"Ebrahim", "abln"},
		{"Philippe", "blb"},
	} {
		if got := Skeleton(c.in); got != c.want {
			t.Errorf("Skeleton(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	// Garbled spellings that must score at least min.
	for _, c := range []struct {
		a, b    string
		min     float64
		measure string
		part    string
	}{
		{"Bakle", "Nayib Bukele", 0.8, "token", "Bukele"},
		{"Buckley", "Nayib Bukele", 0.7, "token", "Bukele"},
		{"Naibbuckley", "Nayib Bukele", 0.8, "skeleton", "Nayib Bukele"},
		{"Monto Galves", "Montoya-Galvez", 0.85, "", "Montoya-Galvez"},
		{"Terren De Alagua", "Tren de Aragua", 0.85, "", "Tren de Aragua"},
		{"Nayib Bakele", "Nayib Bukele", 0.9, "", "Nayib Bukele"},
		{"Zelenski", "Volodymyr Zelensky", 0.85, "token", "Zelensky"},
		{"Mexico", "México", 1, "exact", "México"},
	} {
		m := Similarity(c.a, c.b)
		if m.Score < c.min {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want ≥ %.2f", c.a, c.b, m.Score, m.Measure, c.min)
		}
		if c.measure != "" && m.Measure != c.measure {
			t.Errorf("Similarity(%q, %q) measure = %q, want %q", c.a, c.b, m.Measure, c.measure)
		}
		if got := c.b[m.Start:m.End]; got != c.part {
			t.Errorf("Similarity(%q, %q) matched %q, want %q", c.a, c.b, got, c.part)
		}
	}
	// Different names that must stay below the warning threshold.
	for _, c := range [][2]string{
		{"Paris", "Peru"},
		{"Smith", "Schmidt"},
		{"London", "Lyon"},
		{"Germany", "Guernsey"},
		{"Obama", "Osama bin Laden"},
		{"Ali", "Al"},
	} {
		if m := Similarity(c[0], c[1]); m.Score >= 0.7 {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want < 0.7", c[0], c[1], m.Score, m.Measure)
		}
	}
}

func TestSimilarityBelowError(t *testing.T) {
	// Real, different names may look alike, but never with error confidence.
	for _, c := range [][2]string{{"Washington", "Wellington"}, {"Berlin", "Bern"}, {"Trump", "Truman"}} {
		if m := Similarity(c[0], c[1]); m.Score >= 0.85 {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want < 0.85", c[0], c[1], m.Score, m.Measure)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"ü", "u", 1}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestIsConnector(t *testing.T) {
	for w, want := range map[string]bool{"de": true, "De": true, "VAN": true, "bin": true, "bint": true, "of": true, "the": true, "Bukele": false, "": false, "Aragua": false, "Deng": false} {
		if got := IsConnector(w); got != want {
			t.Errorf("IsConnector(%q) = %v, want %v", w, got, want)
		}
	}
	// Against the definition, on short words of the connectors' letters
	// and others, in either case, and outside ASCII.
	rng := rand.New(rand.NewPCG(3, 4))
	letters := []string{"d", "e", "l", "a", "o", "s", "t", "v", "n", "r", "b", "i", "y", "f", "h", "D", "E", "L", "V", "B", "T", "k", "K", "é", "É", "ø", "-"}
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(5); k > 0; k-- {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		w := b.String()
		if got, want := IsConnector(w), len(w) <= 4 && connectors[Fold(w)]; got != want {
			t.Errorf("IsConnector(%q) = %v, want %v", w, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { IsConnector("Van") }); n != 0 {
		t.Errorf("IsConnector allocates %v times", n)
	}
}

// TestIsConnectorMap checks IsConnector against the connectors map, for
// every connector in any case and for other short strings.
func TestIsConnectorMap(t *testing.T) {
	// The straightforward version: a map lookup of the folded word.
	plain := func(w string) bool {
		if len(w) > 4 {
			return false
		}
		var buf [4]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				return connectors[Fold(w)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return connectors[string(buf[:len(w)])]
	}
	var cases []string
	for c := range connectors {
		cases = append(cases, c, strings.ToUpper(c), strings.ToUpper(c[:1])+c[1:], c+"s", c[:len(c)-1], "x"+c)
	}
	cases = append(cases, "", "a", "De", "DÉ", "dé", "Él", "\x00y", "\x00\x00de", "y\x00", "bints", "ofa", "The", "THE")
	letters := "adeilnorsty\x00É"
	for a := 0; a < len(letters); a++ {
		for b := 0; b < len(letters); b++ {
			cases = append(cases, letters[a:a+1], letters[a:a+1]+letters[b:b+1], letters[a:a+1]+"e"+letters[b:b+1])
		}
	}
	for _, w := range cases {
		if got, want := IsConnector(w), plain(w); got != want {
			t.Errorf("IsConnector(%q) = %v, want %v", w, got, want)
		}
	}
}

// appendSkeletonPlain is appendSkeleton letter by letter, as it was
// written before its table.
func appendSkeletonPlain(dst []byte, s string) []byte {
	k := skelRef{out: dst}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !('a' <= c && c <= 'z') {
			if '0' <= c && c <= '9' {
				k.digit(c % 10)
			} else if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(s[i:min(len(s), i+utf8.UTFMax)])
				if unicode.IsDigit(r) {
					k.digit(byte(r % 10))
				}
				i += n - 1
			}
			continue
		}
		k.letter(c)
	}
	return k.out
}

// TestAppendSkeletonTable checks appendSkeleton against the letter by
// letter version, on names and random strings of letters, digits,
// marks and other characters.
func TestAppendSkeletonTable(t *testing.T) {
	cases := []string{"", "Bukele", "Nayib Bukele", "Yusuf", "Hhh", "ahha", "AEIOUY", "yyy", "h", "Ibrahim", "Schwarzenegger", "0123456789", "x1y2", "٣abc", "Zürich", "abc\u0301d"}
	cases = append(cases, randtext.Words(rand.New(rand.NewPCG(2, 3)), "abcdefghijklmnopqrstuvwxyzAEHKLY09 -'.é٣\u0301", 20000, 12)...)
	for _, c := range cases {
		if got, want := string(appendSkeleton(nil, c)), string(appendSkeletonPlain(nil, c)); got != want {
			t.Errorf("appendSkeleton(%q) = %q, want %q", c, got, want)
		}
	}
}
