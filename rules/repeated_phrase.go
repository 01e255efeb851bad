package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/text"
)

// RepeatedPhrase finds a phrase said twice within a sentence or in two
// adjacent sentences, the mark of a translation engine looping.
var RepeatedPhrase = &checker.Rule{
	ID:       "repeated-phrase",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "a phrase repeated within a sentence",
		Text: `Neural machine translation sometimes loops: it says a phrase again a few
words later ("mobilize a large number of resources in the military for a large
number of resources") or repeats the end of one sentence at the start of the
next. The rule reports the second occurrence of a phrase of at least
min-words words with at least three content words (fewer when min-words is
lower; function words at its edges do not count), repeated within eight words in the same sentence, or
straight after it in the next one (there the phrase needs three more words).
Parallel clauses, where a comma or a conjunction stands between the two
("X in the input, or X in the format"), names ("the Department of Homeland
Security") and identifiers are not reported. There is no automatic fix: which
copy to keep, and what was meant instead, needs a person.`,
		Bad:  "They mobilized a large number of resources for a large number of resources.",
		Good: "They mobilized a large number of resources for the operation.",
	},
	Options: []checker.Option{{
		Name: "min-words", Kind: checker.IntOption, Default: "3", Min: 2, Max: 20,
		Usage: "the fewest words a repeated phrase must have, function words inside it included",
	}},
	Run: runRepeatedPhrase,
}

// phraseHash returns the FNV-1a hash of w in lower case.
func phraseHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			var buf [64]byte
			for _, b := range phraseAppendLower(buf[:0], w[i:]) {
				h = (h ^ uint64(b)) * 1099511628211
			}
			return h
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// phraseFunctionHashes is an open-addressing set of the hashes of
// sentFunctionWords (0 marks an empty slot).
var phraseFunctionHashes [1024]uint64

func phraseIsFunctionHash(h uint64) bool {
	for i := h & 1023; ; i = (i + 1) & 1023 {
		switch phraseFunctionHashes[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

func phraseAddFunctionHash(h uint64) {
	i := h & 1023
	for phraseFunctionHashes[i] != 0 && phraseFunctionHashes[i] != h {
		i = (i + 1) & 1023
	}
	phraseFunctionHashes[i] = h
}

// A phraseWord is one word token of a sentence window, hashed in lower case.
type phraseWord struct {
	h        uint64
	tok      phraseSpan
	function bool
	name     bool  // capitalised, not at the start of its sentence
	sent     uint8 // index of the sentence in the window (0 or 1)
}

// A phraseSpan is a word's byte span, kept small: the window is rebuilt
// for every sentence.
type phraseSpan struct{ Start, End int32 }

func runRepeatedPhrase(p *checker.Pass) error {
	doc := p.Doc
	minWords := p.Int("min-words")
	// words holds the window: the previous sentence of the same paragraph
	// (words[:split]), then the current one.
	var words []phraseWord
	split := 0
	prevBlock := -1
	var reported []checker.Span
	var chain []int32
	for _, s := range doc.Sentences {
		kind := doc.BlockOf(s).Kind
		if prevBlock == s.Block && kind == checker.Paragraph {
			n := copy(words, words[split:])
			words = words[:n]
			for i := range words {
				words[i].sent = 0
			}
		} else {
			words = words[:0]
		}
		split = len(words)
		first := true
		for _, t := range doc.SentenceTokens(s) {
			if t.Kind != text.Word {
				continue
			}
			w := doc.TokenText(t)
			h := phraseHash(w)
			c := w[0]
			words = append(words, phraseWord{
				tok:      phraseSpan{int32(t.Start), int32(t.End)},
				h:        h,
				function: len(w) <= 10 && phraseIsFunctionHash(h),
				name:     !first && ('A' <= c && c <= 'Z' || c >= utf8.RuneSelf && text.IsCapitalized(w)),
				sent:     1,
			})
			first = false
		}
		reported = phraseRepeats(p, words, split, minWords, reported, &chain)
		prevBlock = s.Block
	}
	return nil
}

// Bounds of the search for a repeat in phraseRepeats.
const (
	phraseMaxTries = 16  // earlier occurrences of a word tried
	phraseMaxWords = 256 // longest repeat found at once
)

// phraseRepeats reports phrases of words whose second occurrence lies in the
// current sentence (words[split:]).
func phraseRepeats(p *checker.Pass, words []phraseWord, split, minWords int, reported []checker.Span, chainBuf *[]int32) []checker.Span {
	n := len(words)
	// Chain each word to the previous one in the same hash slot, so a word
	// is compared only with earlier words that may be equal.
	slots := phraseNoSlots
	chain := (*chainBuf)[:0]
	for range n {
		chain = append(chain, 0)
	}
	*chainBuf = chain
	for k := range words {
		s := words[k].h & (uint64(len(slots)) - 1)
		chain[k] = slots[s]
		slots[s] = int32(k)
	}
	for j := split; j < n; j++ {
		if words[j].function {
			continue
		}
		best, bestI := 0, -1
		// Only the nearest phraseMaxTries earlier occurrences are tried,
		// and matches stop at phraseMaxWords, so that a sentence of one
		// word said over and over costs linear time.
		tries := 0
		for i := int(chain[j]); i >= 0 && tries < phraseMaxTries; i = int(chain[i]) {
			if words[i].h != words[j].h {
				continue
			}
			tries++
			k := 0
			for j+k < n && i+k < j && k < phraseMaxWords && words[i+k].h == words[j+k].h {
				k++
			}
			if k > best {
				best, bestI = k, i
			}
		}
		if best == 0 {
			continue
		}
		// Trim function words at the right edge (the left is content).
		k := best
		for k > 0 && words[j+k-1].function {
			k--
		}
		content, names := 0, 0
		for t := 0; t < k; t++ {
			if !words[j+t].function {
				if t == 0 || p.Doc.Text[words[j+t].tok.Start-1] != '-' {
					content++ // "race-free" is one word
				}
				if words[j+t].name && words[bestI+t].name {
					names++
				}
			}
		}
		// Clean prose repeats itself too, in parallel clauses ("zero or
		// more spaces in the input ... zero or more spaces in the format");
		// a translation loop comes back sooner and says more.
		need, needContent, maxGap := minWords, min(minWords, 3), 8
		if words[bestI].sent != words[j].sent {
			need, needContent, maxGap = minWords+3, needContent+1, 4
		}
		if k < need || content < needContent || names == content {
			continue
		}
		gap := j - (bestI + k)
		if gap > maxGap || phraseCode(p.Doc.Text, words[j:j+k]) {
			continue
		}
		if words[bestI].sent == words[j].sent && phraseParallel(p.Doc.Text, words[bestI+k:j], int(words[bestI+k-1].tok.End), int(words[j].tok.Start)) {
			continue
		}
		first := checker.Span{Start: int(words[bestI].tok.Start), End: int(words[bestI+k-1].tok.End)}
		second := checker.Span{Start: int(words[j].tok.Start), End: int(words[j+k-1].tok.End)}
		if phraseOverlaps(reported, second) {
			continue
		}
		reported = append(reported, second)
		p.Report(checker.Finding{
			Span:    second,
			Message: fmt.Sprintf("phrase %q repeated", phraseText(p.Doc.Text[second.Start:second.End])),
			Related: []checker.Related{{Span: first, Message: "first occurrence"}},
		})
		j += k - 1
	}
	return reported
}

// phraseNoSlots is an empty hash-slot table for phraseRepeats.
var phraseNoSlots = func() (s [32]int32) {
	for i := range s {
		s[i] = -1
	}
	return s
}()

// phraseParallel reports whether what lies between two occurrences of a
// phrase joins two parallel clauses: a comma, a semicolon, a bracket, or a
// conjunction ("X in the input, or X in the format", "X while Y has X").
func phraseParallel(s string, between []phraseWord, from, to int) bool {
	if strings.ContainsAny(s[from:to], ",;:()[]\"“”—–") {
		return true
	}
	for _, w := range between {
		if phraseConjunctions[strings.ToLower(s[w.tok.Start:w.tok.End])] {
			return true
		}
	}
	return false
}

var phraseConjunctions = map[string]bool{
	"and": true, "or": true, "but": true, "nor": true, "while": true, "whereas": true, "than": true,
	"if": true, "when": true, "because": true, "then": true, "unless": true, "whether": true, "versus": true,
	"vs": true, "not": true, "rather": true, "instead": true, "either": true, "neither": true, "as": true,
	"where": true, "which": true, "that": true, "who": true, "so": true, "although": true, "though": true,
}

// phraseCode reports whether a phrase holds a word glued to a dot, an
// underscore or a slash: an identifier or a path, not prose.
func phraseCode(s string, words []phraseWord) bool {
	for _, w := range words {
		start, end := int(w.tok.Start), int(w.tok.End)
		if start > 0 && strings.IndexByte("._/", s[start-1]) >= 0 ||
			end < len(s) && strings.IndexByte("._/(", s[end]) >= 0 && end+1 < len(s) && s[end+1] != ' ' && s[end+1] != '\n' {
			return true
		}
	}
	return false
}

// phraseOverlaps reports whether s overlaps one of the last spans reported.
func phraseOverlaps(list []checker.Span, s checker.Span) bool {
	for i := len(list) - 1; i >= 0 && i >= len(list)-4; i-- {
		if list[i].Overlaps(s) {
			return true
		}
	}
	return false
}

// phraseText collapses whitespace for a message.
func phraseText(s string) string { return strings.Join(strings.Fields(s), " ") }

// phraseAppendLower appends w in lower case to dst.
func phraseAppendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// sentFunctionWords are closed-class English words, used with the
// lexicon's Function tag so the rules behave even for words it lacks.
var sentFunctionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those some any each every no all both either neither
	other another such what which whose who whom whoever whatever whichever
	i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
	myself yourself himself herself itself ourselves themselves one ones
	of in on at by for with from to into onto upon about above below over under between among through
	during before after since until till against without within along across behind beyond near off out up down
	around toward towards via per than as like unlike despite except amid amongst beside besides beneath
	throughout thereof whereby wherein whom whose whichever whenever wherever however therefore thus hence
	and or but nor so yet if then else because although though while whereas unless whether when where why how
	not also too very just only even still already there here
	be am is are was were been being have has had having do does did doing
	will would shall should can could may might must ought
	nobody nothing nowhere everyone everybody everything someone somebody something anyone anybody anything
	's s t`) {
		sentFunctionWords[w] = true
		phraseAddFunctionHash(phraseHash(w))
	}
}

// sentIsFunction reports whether the lower-case word w is a function word.
// The list is closed, so it is looked up here rather than in the lexicon:
// this runs for every word of every sentence.
func sentIsFunction(w string) bool {
	return len(w) <= 10 && sentFunctionWords[w]
}
