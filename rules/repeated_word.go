package rules

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// RepeatedWord finds a word written twice in a row ("the the").
var RepeatedWord = &checker.Rule{
	ID:       "repeated-word",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a word repeated twice in a row",
		Text: `A word written twice in a row ("the the", "to to") is a slip of the
writer, or of machine translation stitching two segments together. The fix
deletes the second one. Grammatical doubles ("had had", "that that", "is is")
and reduplicated names ("Bora Bora", "Walla Walla") are not reported, nor a
word repeated across the lines of a list or a heading.`,
		Bad:  "Officials said the the plan was ready.",
		Good: "Officials said the plan was ready.",
	},
	Run: runRepeatedWord,
}

// repeatedWordOK lists doubles that are grammatical English ("he had had
// enough", "he said that that was wrong", "what it is is a scandal", "log on
// on the site", "one one-hundredth") or reduplications ("bye bye", "so so").
var repeatedWordOK = map[string]bool{
	"had": true, "that": true, "is": true, "do": true, "can": true, "on": true, "one": true,
	"bye": true, "ha": true, "no": true, "so": true, "yeah": true, "yes": true, "very": true, "go": true,
	"tut": true, "knock": true, "chop": true, "hush": true, "pooh": true, "tom": true, "ho": true, "la": true,
	"blah": true, "x": true, "xx": true,
}

func runRepeatedWord(p *checker.Pass) error {
	doc := p.Doc
	// repeats reports whether b repeats a in a block of kind kind, and the
	// space between them.
	repeats := func(kind checker.BlockKind, a, b text.Token) (string, bool) {
		if a.Kind != text.Word || b.Kind != text.Word {
			return "", false
		}
		w1, w2 := doc.TokenText(a), doc.TokenText(b)
		if len(w1) != len(w2) || w1[len(w1)-1] != w2[len(w2)-1] || !strings.EqualFold(w1, w2) || w1 != doc.Text[a.Start:a.End] || w2 != doc.Text[b.Start:b.End] {
			return "", false
		}
		gap := doc.Text[a.End:b.Start]
		if gap == "" || strings.TrimSpace(gap) != "" || doc.Masked[a.End:b.Start] != gap {
			return "", false // "so-so", markup or punctuation between
		}
		if strings.ContainsAny(gap, "\n\r") && kind != checker.Paragraph {
			return "", false // the end of one list line and the start of the next
		}
		lw := strings.ToLower(w1)
		if repeatedWordOK[lw] || lexicon.Lookup(lw).Tier == 0 && !sentIsFunction(lw) {
			return "", false // "ylang ylang", "Baden Baden": words said twice on purpose
		}
		// "Bora Bora", "Sirhan Sirhan": a capitalised name said twice
		// on purpose. Capitalised function words are still slips.
		if text.IsCapitalized(w2) && !sentIsFunction(lw) {
			return "", false
		}
		if len(w1) == 1 && !(lw == "a" || lw == "i") {
			return "", false // "x x", initials, list labels
		}
		return gap, true
	}
	// pair reports the run of repeats from the pair of tokens k-1 and k
	// of sentence s, if any, and returns where the search goes on (the
	// last token of the run, or k).
	pair := func(s checker.Sentence, k int) int {
		kind := doc.BlockOf(s).Kind
		toks := doc.SentenceTokens(s)
		i := k - s.First
		a, b := &toks[i-1], &toks[i]
		gap, ok := repeats(kind, *a, *b)
		if !ok {
			return k
		}
		// A run of three or more ("the the the") is one finding, so
		// that one fix leaves one word.
		last := i
		for last+1 < len(toks) {
			g, ok := repeats(kind, toks[last], toks[last+1])
			if !ok {
				break
			}
			if strings.ContainsAny(g, "\n\r") || !strings.ContainsAny(gap, "\n\r") {
				gap = g
			}
			last++
		}
		w1 := doc.TokenText(*a)
		// Delete the repeats; across a line break, delete them with
		// the spaces after them so the line layout stays.
		span, sug := checker.Span{Start: a.Start, End: toks[last].End}, w1
		if strings.ContainsAny(gap, "\n\r") {
			for span.End < len(doc.Text) && doc.Text[span.End] == ' ' {
				span.End++
			}
			sug = w1 + gap
		}
		p.Report(checker.Finding{
			Span:       span,
			Message:    fmt.Sprintf("repeated word %q", w1),
			Suggestion: sug,
			Safe:       true,
		})
		return s.First + last
	}
	all, m := doc.Tokens, doc.Masked
	if sents, ok := repeatedWordSentences(doc); ok {
		// repeated-phrase has read every word of the document already,
		// and listed the sentences that may hold a pair: only their
		// tokens are read again.
		for _, si := range sents {
			s := doc.Sentences[si]
			in := all[:s.Last]
			for k := s.First + 1; ; k++ {
				if k = repeatedWordNext(in, m, k); k >= len(in) {
					break
				}
				k = pair(s, k)
			}
		}
		return nil
	}
	// The pairs that pass repeatedWordNext are few: they are found over
	// the document's tokens in one walk, and each is then taken to its
	// sentence (a pair across two sentences is none).
	si := 0
	for k := 1; ; k++ {
		if k = repeatedWordNext(all, m, k); k >= len(all) {
			break
		}
		for si < len(doc.Sentences) && doc.Sentences[si].Last <= k {
			si++
		}
		if si == len(doc.Sentences) {
			break
		}
		s := doc.Sentences[si]
		if k-1 < s.First {
			continue // toks[k] starts s, or lies in no sentence
		}
		k = pair(s, k)
	}
	return nil
}

// repeatedWordNext returns the first i' >= i (i >= 1) at which toks[i'-1]
// and toks[i'] pass what repeats checks first: two words of the same
// length ending in the same byte of m; len(toks) if there is none. It
// walks every token of a document, so the length of the word before is
// carried along rather than read again (-1 after a token that is not a
// word), and a pointer moves from token to token (never past the last),
// rather than an index multiplied by the size of a token each time.
func repeatedWordNext(toks []text.Token, m string, i int) int {
	if i >= len(toks) {
		return len(toks)
	}
	prev := -1
	if a := &toks[i-1]; a.Kind == text.Word {
		prev = a.End - a.Start
	}
	const size = unsafe.Sizeof(text.Token{})
	first, last := &toks[i], &toks[len(toks)-1]
	for b := first; ; b = (*text.Token)(unsafe.Add(unsafe.Pointer(b), size)) {
		if b.Kind == text.Word {
			n := b.End - b.Start
			// The token before b: b is not toks[0].
			if n == prev && m[(*text.Token)(unsafe.Add(unsafe.Pointer(b), -int(size))).End-1] == m[b.End-1] {
				return i + int((uintptr(unsafe.Pointer(b))-uintptr(unsafe.Pointer(first)))/size)
			}
			prev = n
		} else {
			prev = -1
		}
		if b == last {
			return len(toks)
		}
	}
}

// repeatedWordKey is the key of Document.Shared under which
// repeated-phrase leaves, for repeated-word, the sentences of a document
// that may hold a word written twice in a row (a *repeatedWordList).
type repeatedWordKey struct{}

// A repeatedWordList lists, in order, the indexes of the sentences of a
// document that may hold two adjacent word tokens equal in lower case:
// every other sentence holds none.
type repeatedWordList struct{ sents []int32 }

// repeatedWordSentences returns the list repeated-phrase left for doc,
// and false if it left none (it is off, or has not run on doc yet).
func repeatedWordSentences(doc *checker.Document) ([]int32, bool) {
	l, _ := doc.Shared(repeatedWordKey{}, func() any { return (*repeatedWordList)(nil) }).(*repeatedWordList)
	if l == nil || repeatedWordWalkAll {
		return nil, false
	}
	return l.sents, true
}

// repeatedWordWalkAll makes repeated-word ignore repeated-phrase's list
// and walk every token, for tests.
var repeatedWordWalkAll = false
