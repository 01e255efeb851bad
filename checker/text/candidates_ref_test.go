package text

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/lexicon"
)

// refCandidates is the straightforward form of appendCandidates, kept to
// check its fast paths: it reads every token, asks nameUnit about each
// and uses the plain forms of the word tests.
func refCandidates(s string, toks []Token) []Candidate {
	var dst []Candidate
	var words []Span
	first := firstWord(toks)
	i := 0
	for i < len(toks) {
		u, ok := nameUnit(s, toks, i)
		if !ok {
			i++
			continue
		}
		var firstInfo lexicon.Info
		plainFirst := i == first && u.next == i+1
		if plainFirst {
			firstInfo = lexicon.Lookup(initialWord(s, toks[i]))
			if lexicon.IsCommon(initialWord(s, toks[i])) && !refLeadsName(s, toks, i) {
				i++
				continue
			}
		}
		w0 := len(words)
		c := Candidate{Span: Span{toks[i].Start, u.end}, Initial: i == first}
		words = appendUnitWords(words, s, toks, i, u)
		next := u.next
		stop := u.stop
		for !stop && next < len(toks) {
			k := next
			nconn := 0
			for k < len(toks) && nconn < maxConnectors && toks[k].Kind == Word &&
				!IsCapitalized(toks[k].Text(s)) && IsConnector(toks[k].Text(s)) && !hasHyphenAfter(s, toks, k) {
				k++
				nconn++
			}
			if k >= len(toks) || (nconn > 0 && !separatedBySpace(toks, k-1, k)) {
				break
			}
			if !separatedBySpace(toks, next-1, next) && nconn == 0 {
				break
			}
			v, ok := nameUnit(s, toks, k)
			if !ok {
				break
			}
			for j := next; j < k; j++ {
				words = append(words, toks[j].Span)
			}
			words = appendUnitWords(words, s, toks, k, v)
			c.End = v.end
			next = v.next
			stop = v.stop
		}
		c.Words = words[w0:len(words):len(words)]
		i = next
		if len(c.Words) == 1 {
			w := s[c.Words[0].Start:c.Words[0].End]
			in := firstInfo
			if !plainFirst {
				in = lexicon.Lookup(w)
			}
			if refMayBeFunctionWord(w) && in.Tags&lexicon.Function != 0 {
				words = words[:w0]
				continue
			}
		}
		dst = append(dst, c)
	}
	return dst
}

// initialWord returns the text of t without a possessive: the form of a
// first word looked up in the lexicon, and the text of its candidate's
// only word.
func initialWord(s string, t Token) string {
	w := t.Text(s)
	if n := possessiveLen(w); n > 0 {
		w = w[:len(w)-n]
	}
	return w
}

// refLeadsName is leadsName with nameUnit.
func refLeadsName(s string, toks []Token, i int) bool {
	if i+1 >= len(toks) || !onlySpaces(s, toks[i].End, toks[i+1].Start) || toks[i].End == toks[i+1].Start {
		return false
	}
	if _, ok := nameUnit(s, toks, i+1); !ok {
		return false
	}
	w := toks[i].Text(s)
	if IsSentenceStarter(w) || strings.HasSuffix(w, "ing") {
		return false
	}
	tags := lexicon.Lookup(w).Tags
	if tags&lexicon.Function != 0 || tags&(lexicon.Noun|lexicon.Adj) == 0 {
		return false
	}
	w2 := toks[i+1].Text(s)
	return !(isPronounI(w2) || lexicon.Lookup(w2).Tags&lexicon.Function != 0 && len(w2) <= 3)
}

func refMayBeFunctionWord(w string) bool {
	return !(len(w) > 8 || IsAllUpper(w) && len(w) > 1 || w == "May")
}

// checkAgainstRef fails when the candidates of the sentence toks of s
// differ from refCandidates'.
func checkAgainstRef(t *testing.T, s string, toks []Token) {
	t.Helper()
	got := Candidates(nil, s, toks)
	want := refCandidates(s, toks)
	if len(got) != len(want) {
		t.Fatalf("%q: %d candidates, the reference gives %d:\n%+v\n%+v", s, len(got), len(want), got, want)
	}
	for k := range got {
		if got[k].Span != want[k].Span || got[k].Initial != want[k].Initial || !slices.Equal(got[k].Words, want[k].Words) {
			t.Fatalf("%q: candidate %d: %+v, the reference gives %+v", s, k, got[k], want[k])
		}
	}
	// The finder going from capital to capital on the list of them, the
	// sentence given twice: the list's indexes are those of all.
	all := append(slices.Clone(toks), toks...)
	f := NewCandidateFinderCaps(s, nil, nil, capsOf(all))
	f.SentenceAt(all, 0, len(toks))
	f.SentenceAt(all, len(toks), len(all))
	if got := f.List; !equalCandidates(got, append(slices.Clone(want), want...)) {
		t.Fatalf("%q: the finder with capitals gives %+v, the reference %+v", s, got, want)
	}
	// The same with SentencesAt, an empty sentence between the two.
	sents := []Sentence{{First: 0, Last: len(toks)}, {First: len(toks), Last: len(toks)}, {First: len(toks), Last: len(all)}}
	fs := NewCandidateFinderCaps(s, nil, nil, capsOf(all))
	SentencesAt(&fs, all, sents, nil)
	if got := fs.List; !equalCandidates(got, append(slices.Clone(want), want...)) {
		t.Fatalf("%q: SentencesAt gives %+v, the reference %+v", s, got, want)
	}
	// Tokens in no sentence are not read.
	fs = NewCandidateFinderCaps(s, nil, nil, capsOf(all))
	SentencesAt(&fs, all, sents[2:], nil)
	if got := fs.List; !equalCandidates(got, want) {
		t.Fatalf("%q: SentencesAt of the second sentence gives %+v, the reference %+v", s, got, want)
	}
}

// capsOf returns the list of capitals of toks, as TokenizeCaps makes it
// for the tokens it makes: the indexes of the tokens not lower.
func capsOf(toks []Token) []int {
	var caps []int
	for k, t := range toks {
		if t.lower == 0 {
			caps = append(caps, k)
		}
	}
	return caps
}

// equalCandidates reports whether a and b hold the same candidates.
func equalCandidates(a, b []Candidate) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].Span != b[k].Span || a[k].Initial != b[k].Initial || !slices.Equal(a[k].Words, b[k].Words) {
			return false
		}
	}
	return true
}

// candidateParts are the pieces of the random texts of the candidate
// tests: names, connectors, common and function words, possessives,
// initials, hyphens, contractions of "I", acronyms and non-ASCII letters.
var candidateParts = []string{"Nayib", "Bukele", "al", "de", "la", "the", "of", "and", "x", "é", "É", "US", "U.S.", "I", "iPhone", "3rd",
	"-", "‐", "–", "“", "’s", "'", ".", ",", " ", " ", " ", " ", "  ", "\n", "Assad", "bin", "Laden", "May", "New", "York",
	"The", "It", "Is", "In", "If", "I'm", "I’ll", "Tools", "Files's", "O'Brien's", "Bush’s", "Bushʼs", "As", "AS", "USA", "J.", "R",
	"d'Estaing", "x-Ray", "Debian", "GNU", "Linux", "/", "MS", "13", "Covid", "19", "Port", "Elwood", "However", "Following",
	"Émile", "Ölfeld", "ﬁle", "İstanbul", "ß", "Ab", "A", "Zz", "Z's", "Y'", "Q’", "aB", "Package", "Packages", "Software", "Although",
	"Whatever", "THE", "Of", "Van", "van", "der", "y", "Y", "\t", "(", ")", "Dr", "Mr", "Co", "Inc",
	"said", "sure", "dos", "ibn", "bint", "st", "tend", "del", "el"}

// TestCandidatesAgainstRef checks appendCandidates against refCandidates
// on random texts, the benchmark prose and the repository's test data.
func TestCandidatesAgainstRef(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 40000 {
		s := randomParts(rng, candidateParts, 30)
		toks := Tokenize(nil, s, Span{0, len(s)})
		checkAgainstRef(t, s, toks)
		// The same text inside a longer one: the scans may read on
		// past the sentence.
		long := s + " Then More Text After It."
		checkAgainstRef(t, long, Tokenize(nil, long, Span{0, len(s)}))
	}
	texts := []string{benchProse}
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	for _, s := range texts {
		for _, p := range paragraphSpans(s) {
			for _, sp := range Sentences(nil, s, p) {
				checkAgainstRef(t, s, Tokenize(nil, s, sp))
			}
		}
	}
}

// TestAcronymsAgainstRef checks the finder against refCandidates on words
// alone inside a sentence that start with a capital and a byte that is
// no lower-case letter, most of them acronyms, which the finder tells
// from function words by reading eight bytes at once: of every length
// to nine bytes, with lower-case letters or not, ASCII or not, at the
// end of the text or not.
func TestAcronymsAgainstRef(t *testing.T) {
	// Function words in mixed case, which the lexicon finds, and words
	// of random bytes.
	words := strings.Fields("THe THE ANd BUt ABout AMong BEtween ALthough ALTHOUGH WHatever WHenEVER WIthin ÉCOLE ÉTé UNtil UNTIL OF OFf")
	rng := rand.New(rand.NewSource(5))
	rest := []string{"A", "Z", "a", "z", "B", "1", "@", "[", "`", "{", "é", "É", "'"}
	for range 20000 {
		var b strings.Builder
		b.WriteString(string(rune('A' + rng.Intn(26))))
		b.WriteString([]string{"A", "Z", "N", "1", "@", "[", "`", "{", "É"}[rng.Intn(9)])
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(rest[rng.Intn(len(rest))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		for _, s := range []string{"Then " + w + " went on.", "Then " + w + " went", "Then the " + w, "then " + w} {
			checkAgainstRef(t, s, Tokenize(nil, s, Span{0, len(s)}))
		}
	}
}

// TestPlainCapital checks plainCapital against nameUnit, and
// mayBePossessive against possessiveLen, on the tokens of random texts.
func TestPlainCapital(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for range 20000 {
		s := randomParts(rng, candidateParts, 12)
		toks := Tokenize(nil, s, Span{0, len(s)})
		for i, tok := range toks {
			if tok.Kind != Word {
				continue
			}
			if possessiveLen(tok.Text(s)) > 0 && !mayBePossessive(s, tok) {
				t.Fatalf("mayBePossessive(%q) = false", tok.Text(s))
			}
			if !plainCapital(s, toks, i) {
				continue
			}
			u, ok := nameUnit(s, toks, i)
			if want := (unit{end: tok.End, next: i + 1, last: i}); !ok || u != want {
				t.Fatalf("%q: plainCapital at %q, but nameUnit gives %+v, %v", s, tok.Text(s), u, ok)
			}
		}
	}
}

// TestMayBeFunctionWord checks mayBeFunctionWord against its plain form.
func TestMayBeFunctionWord(t *testing.T) {
	words := append(strings.Fields(benchProse), candidateParts...)
	words = append(words, "", "a", "A", "Ab", "AB", "ABC", "May", "MAY", "may", "Mé", "ÉCOLE", "École", "A1", "A-", "Abcdefghi", "Abcdefgh",
		"@[", "`{", "A@", "Z[", "a`", "z{", "12", "AB12", "Mayo", "Ma", "May's", "AZ", "az", "\x7f",
		"Mby", "Nay", "Maz", "Ay", "Abcdefgh", "ABCDEFGH", "ABCDEFGHI", "A'", "Az", "A{", "A`")
	for _, w := range words {
		if got, want := mayBeFunctionWord(w), refMayBeFunctionWord(w); got != want {
			t.Errorf("mayBeFunctionWord(%q) = %v, want %v", w, got, want)
		}
		for _, tail := range []string{"", " ", "abcdefgh"} {
			if got, want := mayBeFunctionWordAt(w+tail, 0, len(w)), refMayBeFunctionWord(w); got != want {
				t.Errorf("mayBeFunctionWordAt(%q) = %v, want %v", w+tail, got, want)
			}
			if len(w) >= 2 && 'A' <= w[0] && w[0] <= 'Z' && w[1] < 0x80 {
				if got, want := mayBeFunctionCapital(w+tail, 0, len(w)), refMayBeFunctionWord(w); got != want {
					t.Errorf("mayBeFunctionCapital(%q) = %v, want %v", w+tail, got, want)
				}
			}
		}
	}
}

// TestCandidateFinder checks that a CandidateFinder given the sentences of
// a text in turn finds what AppendCandidates finds for each.
func TestCandidateFinder(t *testing.T) {
	s := benchProse[:1<<16]
	toks, sents := benchSentences(s)
	var want []Candidate
	var words []Span
	f := NewCandidateFinder(s, nil, nil)
	fc := NewCandidateFinderCaps(s, nil, nil, capsOf(toks))
	var multi []int // where the sentences with a candidate of many words start in the list
	for _, st := range sents {
		want, words = AppendCandidates(want, words, s, toks[st.first:st.last])
		f.Sentence(toks[st.first:st.last])
		n := len(fc.List)
		fc.Multi = false
		fc.SentenceAt(toks, st.first, st.last)
		if fc.Multi {
			multi = append(multi, n)
		}
	}
	// SentencesAt, which reads only the sentences holding a capital.
	fs := NewCandidateFinderCaps(s, nil, nil, capsOf(toks))
	var split []int
	recs := make([]Sentence, len(sents))
	for k, st := range sents {
		recs[k].First, recs[k].Last = st.first, st.last
	}
	SentencesAt(&fs, toks, recs, func(from int) { split = append(split, from) })
	if !equalCandidates(fs.List, want) || len(fs.Words) != len(words) || !slices.Equal(split, multi) {
		t.Fatalf("SentencesAt: %d candidates, %d words, split at %v; AppendCandidates gives %d, %d, SentenceAt %v",
			len(fs.List), len(fs.Words), split, len(want), len(words), multi)
	}
	if len(multi) == 0 {
		t.Fatal("no sentence with a candidate of many words")
	}
	if !equalCandidates(fc.List, want) || len(fc.Words) != len(words) {
		t.Fatalf("the finder with capitals: %d candidates, %d words; AppendCandidates gives %d, %d", len(fc.List), len(fc.Words), len(want), len(words))
	}
	if len(f.List) != len(want) || len(f.Words) != len(words) {
		t.Fatalf("%d candidates, %d words; AppendCandidates gives %d, %d", len(f.List), len(f.Words), len(want), len(words))
	}
	for k := range want {
		if f.List[k].Span != want[k].Span || f.List[k].Initial != want[k].Initial || !slices.Equal(f.List[k].Words, want[k].Words) {
			t.Fatalf("candidate %d: %+v, AppendCandidates gives %+v", k, f.List[k], want[k])
		}
	}
}

// randomParts returns 1 to max of parts chosen by rng, each followed by a
// space two times in three.
func randomParts(rng *rand.Rand, parts []string, max int) string {
	var b strings.Builder
	for n := 1 + rng.Intn(max); n > 0; n-- {
		b.WriteString(parts[rng.Intn(len(parts))])
		if rng.Intn(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
