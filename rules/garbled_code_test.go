package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// TestLooksLikeCodeASCII checks the ASCII paths of looksLikeCode and
// innerCapital against the rune by rune versions.
func TestLooksLikeCodeASCII(t *testing.T) {
	cases := []string{"", "a", "A", "macOS", "dirFS", "ReadDir", "PyType", "McDonald", "MacArthur", "DeSantis", "LaGuardia", "VanDyke", "O'Brien", "ORing", "URLs", "IDs", "NATO", "Nayib", "X11", "snake_case", "FitzGerald", "MCDonald", "DeVito-LaRue", "Ørsted", "ÉLan", "éLan", "Ab", "AB", "ABc", "A_B", "Bukele", "Naibbuckley", "Bukele's", "Bukele-Ortega", "Q", "Zz", "Az9", "Aaz_"}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := "aAbBcDeLMnOz09_-'"
	for range 5000 {
		var b strings.Builder
		for k := rng.IntN(7); k >= 0; k-- {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, p := range []string{"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz"} {
		cases = append(cases, p+"Donald", p+"donald", "X"+p+"Donald", p+"DOnald")
	}
	for _, w := range cases {
		if got, want := looksLikeCode(w), looksLikeCodeRunes(w); got != want {
			t.Errorf("looksLikeCode(%q) = %v, want %v", w, got, want)
		}
		if got, want := innerCapital(w), innerCapitalRunes(w); got != want {
			t.Errorf("innerCapital(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestWordFlags checks the remembered tests of wordFlags against
// isConnectorWord, lexicon.IsCommon, allCommonWords and partOfLongerName,
// asked in any order, for candidates of fewer and more than 64 words.
func TestWordFlags(t *testing.T) {
	vocab := strings.Fields("President Georg Brandl of the Bank and Trump de la Buckley Van Dyke White House Naibbuckley y Bakle Minister bin Salman Power Management Group Reference Manual")
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{1, 5, 20, 63, 64, 65, 100} {
		var b strings.Builder
		var words []text.Span
		for k := range n {
			if k > 0 {
				b.WriteByte(' ')
			}
			w := vocab[rng.IntN(len(vocab))]
			words = append(words, text.Span{Start: b.Len(), End: b.Len() + len(w)})
			b.WriteString(w)
		}
		s := b.String()
		var wf wordFlags
		for range 1000 {
			i := rng.IntN(n)
			j := i + 1 + rng.IntN(n-i)
			switch rng.IntN(4) {
			case 0:
				if got, want := wf.connector(s, words, i), isConnectorWord(s, words[i]); got != want {
					t.Fatalf("%d words: connector(%d) = %v, want %v", n, i, got, want)
				}
			case 1:
				if got, want := wf.common(s, words, i), lexicon.IsCommon(lowerASCII(s[words[i].Start:words[i].End])); got != want {
					t.Fatalf("%d words: common(%d) = %v, want %v", n, i, got, want)
				}
			case 2:
				if got, want := wf.allCommon(s, words, i, j), allCommonWords(s, words[i:j]); got != want {
					t.Fatalf("%d words: allCommon(%d, %d) = %v, want %v", n, i, j, got, want)
				}
			default:
				if got, want := wf.partOfLongerName(s, words, i, j), partOfLongerName(s, words, i, j); got != want {
					t.Fatalf("%d words: partOfLongerName(%d, %d) = %v, want %v", n, i, j, got, want)
				}
			}
		}
	}
}

// partOfLongerName is wordFlags.partOfLongerName without the flags: each
// word asked afresh.
func partOfLongerName(s string, words []text.Span, i, j int) bool {
	other := func(k int) bool {
		w := s[words[k].Start:words[k].End]
		return !isConnectorWord(s, words[k]) && !lexicon.IsCommon(lowerASCII(w))
	}
	return i > 0 && other(i-1) || j < len(words) && other(j)
}

// allCommonWords reports whether every word is a common English word or a
// connector.
func allCommonWords(s string, words []text.Span) bool {
	for _, sp := range words {
		w := s[sp.Start:sp.End]
		if !lexicon.IsCommon(lowerASCII(w)) && !text.IsConnector(w) {
			return false
		}
	}
	return true
}
