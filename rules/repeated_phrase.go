package rules

import (
	"fmt"
	"math/bits"
	"slices"
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

// phraseHash returns the hash of w in lower case: text.FoldHash's, of w
// itself when it is ASCII (phraseWordHash), else of w lower-cased.
func phraseHash(w string) uint64 {
	h, ascii := text.FoldHashAt(w, 0, len(w))
	if ascii {
		return h
	}
	var buf [64]byte
	return text.FoldHash(string(phraseAppendLower(buf[:0], w)))
}

// phraseWordHash returns phraseHash(s[start:end]), reading an ASCII word
// in place.
func phraseWordHash(s string, start, end int) uint64 {
	if h, ascii := text.FoldHashAt(s, start, end); ascii {
		return h
	}
	return phraseHash(s[start:end])
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

// A phraseWindow is the previous sentence of a paragraph and the current
// one, as the hashes of their words (parts of phraseWords').
type phraseWindow struct {
	hash []uint64
	// tok[i] is the token of word i, in Doc.Tokens, once tokens has
	// found them: only the few windows searched need them, so they are
	// not written down as the words are hashed.
	tok   []int32
	split int // hash[split:] is the current sentence
	// The tokens of the previous sentence and of the current one (empty
	// when hash holds none of its words), for tokens.
	prev, cur [2]int
	tokOK     bool // tok is filled in
	g         int  // words in a run of mayRepeat
	// twice is set by mayRepeat if two adjacent words of the current
	// sentence may be equal (phraseAdjacentEqual; it may also be set
	// for the last word of the previous sentence and the first of this
	// one), for repeated-word.
	twice bool
	// cand lists, in order, the words of the current sentence a repeat
	// may start at, as mayRepeat found them: the full search looks only
	// there.
	cand []int32
	// Words have positions in the document, counted over the words
	// hashed: hash[x] is the word at base+x. last[slot] is the position
	// of the last word whose hash falls in that slot (0 for none), so a
	// word whose slot holds no position from base on has no earlier
	// occurrence in the window.
	base int32
	last [1 << phraseLastBits]int32
}

// phraseCheckWindow, when set (by tests), checks each window whose
// tokens are filled in.
var phraseCheckWindow func(doc *checker.Document, w *phraseWindow)

// phraseAlwaysSearch turns the pre-check of mayRepeat off, for tests.
var phraseAlwaysSearch = false

// phraseLastBits is the log2 of the size of phraseWindow.last.
const phraseLastBits = 12

// phraseMaxPos bounds the positions of words in phraseWindow.last; past
// it they are counted again from 1 (a variable for tests).
var phraseMaxPos int32 = 1 << 30

// phraseMaxScan bounds how far back mayRepeat looks for an earlier run
// of words equal to a candidate's; past it the candidate is kept for the
// full search, so that a long window costs linear time.
const phraseMaxScan = 128

func runRepeatedPhrase(p *checker.Pass) error {
	doc := p.Doc
	minWords := p.Int("min-words")
	win := &phraseWindow{g: min(minWords, 3), base: 1}
	prevBlock := -1
	var reported []checker.Span
	var chain []int32
	// The sentences that may hold a word written twice in a row, for
	// repeated-word (see repeatedWordKey): the words are read here
	// anyway, so that rule need not read every token again.
	var twice []int32
	sents, blocks, short := doc.Sentences, doc.Blocks, 2*win.g
	for si := range sents {
		s := &sents[si] // not a copy: the loop calls out, and s is read once
		kind := blocks[s.Block].Kind
		keep := prevBlock == s.Block && kind == checker.Paragraph
		prevBlock = s.Block
		if !keep && s.Last-s.First < short &&
			!(kind == checker.Paragraph && si+1 < len(sents) && sents[si+1].Block == s.Block) {
			// A sentence that is a window of its own, and no part of
			// the next one's (outside paragraphs, or the last of its
			// paragraph), with fewer tokens than a repeat's two runs of
			// words (headings, list items, cells) holds none: it is not
			// hashed, and left to repeated-word.
			if s.Last-s.First >= 2 {
				twice = append(twice, int32(si))
			}
			win.next(false)
			continue
		}
		win.next(keep)
		n := len(win.hash)
		var ascii bool
		toks := doc.Tokens[s.First:s.Last]
		win.hash, ascii = text.AppendWordFoldHashes(win.hash, doc.Masked, toks)
		win.cur = [2]int{s.First, s.Last}
		if !ascii {
			// Other letters are lower-cased too.
			x := n
			for _, t := range toks {
				if t.Kind != text.Word {
					continue
				}
				if w := doc.TokenText(t); !text.IsASCII(w) {
					win.hash[x] = phraseHash(w)
				}
				x++
			}
		}
		may := true
		if phraseAlwaysSearch {
			win.cand = win.cand[:0]
			for j := win.split; j < len(win.hash); j++ {
				win.cand = append(win.cand, int32(j))
			}
			win.twice = phraseAdjacentEqual(win.hash[n:])
		} else {
			may = win.mayRepeat()
		}
		if win.twice || !ascii {
			// Words not ASCII are equal in lower case in more ways
			// than their hashes tell: repeated-word reads them all.
			twice = append(twice, int32(si))
		}
		if !may {
			// Most sentences repeat no run of words: they are done.
			continue
		}
		reported = phraseRepeats(p, win, minWords, reported, &chain)
	}
	doc.Shared(repeatedWordKey{}, func() any { return &repeatedWordList{sents: twice} })
	return nil
}

// phraseAdjacentEqual reports whether two adjacent hashes of h are equal:
// the fold hashes of a sentence's words, when they are ASCII, are so only
// if two adjacent words are equal in lower case (or their hashes collide).
func phraseAdjacentEqual(h []uint64) bool {
	for i := 1; i < len(h); i++ {
		if h[i] == h[i-1] {
			return true
		}
	}
	return false
}

// next starts the window of a new sentence, keeping the current sentence
// as the previous one if keep is set.
func (w *phraseWindow) next(keep bool) {
	w.tokOK = false
	if !keep {
		w.base += int32(len(w.hash))
		w.hash, w.split = w.hash[:0], 0
		w.prev, w.cur = [2]int{}, [2]int{}
		return
	}
	w.prev, w.cur = w.cur, [2]int{}
	w.base += int32(w.split)
	n := copy(w.hash, w.hash[w.split:])
	w.hash = w.hash[:n]
	w.split = n
}

// tokens fills in w.tok, from the word tokens of the previous sentence
// and of the current one.
func (w *phraseWindow) tokens(doc *checker.Document) {
	if w.tokOK {
		return
	}
	// Written in place, into a slice grown once.
	tok := slices.Grow(w.tok[:0], len(w.hash))[:len(w.hash)]
	x := 0
	for _, r := range [...][2]int{w.prev, w.cur} {
		for k, t := range doc.Tokens[r[0]:r[1]] {
			if t.Kind == text.Word {
				if x == len(tok) {
					panic("repeated-phrase: more words than hashes")
				}
				tok[x] = int32(r[0] + k)
				x++
			}
		}
	}
	if x != len(tok) {
		panic("repeated-phrase: fewer words than hashes")
	}
	w.tok, w.tokOK = tok, true
	if phraseCheckWindow != nil {
		phraseCheckWindow(doc, w)
	}
}

// mayRepeat reports whether the current sentence may hold a repeat for
// phraseRepeats to report: its first word a content word of the current
// sentence, its first g words equal to g words that end before it (g is
// at most min-words, the fewest words a repeat needs). When it reports
// true, w.cand lists every word that passes the test. It sets w.twice
// on its way, from the hashes it reads anyway.
//
// Each run of g words that ends in the current sentence is hashed and
// looked up in w.last, one probe a word, and its position written there:
// a run whose slot holds no position from the window's start on occurs
// nowhere earlier in the window. Only for the few others are the earlier
// words read, to find the equal run itself. The slots of the previous
// sentence's runs were written when it was the current one, so each run
// is hashed once.
func (w *phraseWindow) mayRepeat() bool {
	hash, g, split := w.hash, w.g, w.split
	if int(w.base) > int(phraseMaxPos)-len(hash) {
		w.rebase()
	}
	w.cand = w.cand[:0]
	// The pairs of adjacent words of the current sentence are tested
	// in the loops, but for its first two words when the loop starts
	// after them.
	twice := len(hash)-split >= 2 && hash[split] == hash[split+1]
	// The runs end at each word from the first that ends one in the
	// current sentence: a run is the words a, b, c (a is left out when
	// g is 2), whose hashes, mixed already, are rotated apart and
	// joined by exclusive or.
	from := max(split, g-1)
	if from >= len(hash) {
		w.twice = twice
		return false
	}
	base, last := w.base, &w.last
	pos := base + int32(from)
	b := hash[from-1]
	if g == 2 {
		for _, c := range hash[from:] {
			s := (bits.RotateLeft64(b, 21) ^ bits.RotateLeft64(c, 42)) >> (64 - phraseLastBits)
			p := last[s]
			last[s] = pos
			if p >= base {
				w.found(int(pos - base))
			}
			if b == c {
				twice = true
			}
			pos++
			b = c
		}
		w.twice = twice
		return len(w.cand) > 0
	}
	a := hash[from-2]
	for _, c := range hash[from:] {
		s := (a ^ bits.RotateLeft64(b, 21) ^ bits.RotateLeft64(c, 42)) >> (64 - phraseLastBits)
		p := last[s]
		last[s] = pos
		if p >= base {
			// A run in this slot ended in the window: the run that
			// ends at this word may occur earlier.
			w.found(int(pos - base))
		}
		if b == c {
			twice = true
		}
		pos++
		a, b = b, c
	}
	w.twice = twice
	return len(w.cand) > 0
}

// found adds to w.cand the run of words that ends at word q, if it
// starts in the current sentence with a content word and g words equal
// to it end before it.
func (w *phraseWindow) found(q int) {
	hash, g := w.hash, w.g
	if j := q + 1 - g; j >= w.split && !phraseIsFunctionHash(hash[j]) && phraseRunBefore(hash, j, g) {
		w.cand = append(w.cand, int32(j))
	}
}

// rebase counts the positions of words from 1 again at the window's
// start, keeping what w.last says of the window's words.
func (w *phraseWindow) rebase() {
	d := w.base - 1
	for i := range w.last {
		w.last[i] = max(w.last[i]-d, 0)
	}
	w.base = 1
}

// phraseRunBefore reports whether the g words (2 or 3) from j are equal
// to g words from an earlier i, i+g <= j; it looks back at most
// phraseMaxScan words, and past them reports true.
func phraseRunBefore(hash []uint64, j, g int) bool {
	a, b, c := hash[j], hash[j+1], hash[j+g-1]
	stop := max(0, j-g-phraseMaxScan)
	for i := j - g; i >= stop; i-- {
		if hash[i] == a && hash[i+1] == b && hash[i+g-1] == c {
			return true
		}
	}
	return stop > 0
}

// A phraseView reads the words of a window for phraseRepeats: x is the
// index of a word in the window. tok is filled in (by
// phraseWindow.tokens) only once a repeat passes the tests that read
// hashes alone.
type phraseView struct {
	doc   *checker.Document
	hash  []uint64
	tok   []int32
	split int
}

// span returns the byte span of word x.
func (v phraseView) span(x int) (start, end int) {
	t := &v.doc.Tokens[v.tok[x]]
	return t.Start, t.End
}

// function reports whether word x is a function word, by its hash alone:
// no function word has more than ten bytes, and a longer word with the
// hash of one would be that word to the search, which compares hashes
// alone.
func (v phraseView) function(x int) bool {
	return phraseIsFunctionHash(v.hash[x])
}

// name reports whether word x is capitalised, not at the start of its
// sentence.
func (v phraseView) name(x int) bool {
	if x == 0 || x == v.split {
		return false
	}
	start, end := v.span(x)
	c := v.doc.Masked[start]
	return 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && text.IsCapitalized(v.doc.Masked[start:end])
}

// sent returns the index of the sentence of word x in the window (0 or 1).
func (v phraseView) sent(x int) int {
	if x < v.split {
		return 0
	}
	return 1
}

// Bounds of the search for a repeat in phraseRepeats.
const (
	phraseMaxTries = 16  // earlier occurrences of a word tried
	phraseMaxWords = 256 // longest repeat found at once
)

// phraseRepeats reports phrases of words whose second occurrence lies in the
// current sentence and starts at one of w.cand.
func phraseRepeats(p *checker.Pass, w *phraseWindow, minWords int, reported []checker.Span, chainBuf *[]int32) []checker.Span {
	hash := w.hash
	v := phraseView{doc: p.Doc, hash: hash, tok: w.tok, split: w.split}
	n := len(hash)
	// In a long window, chain each word to the previous one in the same
	// hash slot, so a word is compared only with earlier words that may be
	// equal. A window of a sentence or two is short: there the earlier
	// words are read one by one, which finds the same ones in the same
	// order and saves making the chain for the few words looked up.
	var chain []int32
	if n > phraseChainMin {
		slots := phraseNoSlots
		chain = (*chainBuf)[:0]
		for range n {
			chain = append(chain, 0)
		}
		*chainBuf = chain
		for k, h := range hash {
			s := h & (uint64(len(slots)) - 1)
			chain[k] = slots[s]
			slots[s] = int32(k)
		}
	}
	next := 0 // the first word not in a reported repeat
	for _, cj := range w.cand {
		j := int(cj)
		if j < next || v.function(j) {
			continue
		}
		best, bestI := phraseBest(hash, chain, j)
		if best == 0 {
			continue
		}
		// Trim function words at the right edge (the left is content).
		k := best
		for k > 0 && v.function(j+k-1) {
			k--
		}
		// Clean prose repeats itself too, in parallel clauses ("zero or
		// more spaces in the input ... zero or more spaces in the format");
		// a translation loop comes back sooner and says more.
		need, needContent, maxGap := minWords, min(minWords, 3), 8
		if v.sent(bestI) != v.sent(j) {
			need, needContent, maxGap = minWords+3, needContent+1, 4
		}
		if k < need {
			continue
		}
		// A third of the repeats that get this far lie too far apart
		// (common phrases said again later on): that is seen before
		// their words are read.
		gap := j - (bestI + k)
		if gap > maxGap {
			continue
		}
		// So is a repeat of too few content words, before the tokens
		// of the window are looked up (most windows searched need them
		// for no repeat).
		content := 0
		for t := 0; t < k; t++ {
			if !v.function(j + t) {
				content++
			}
		}
		if content < needContent {
			continue
		}
		w.tokens(p.Doc)
		v.tok = w.tok
		content, names := 0, 0
		for t := 0; t < k; t++ {
			if !v.function(j + t) {
				if start, _ := v.span(j + t); t == 0 || p.Doc.Text[start-1] != '-' {
					content++ // "race-free" is one word
				}
				if v.name(j+t) && v.name(bestI+t) {
					names++
				}
			}
		}
		if content < needContent || names == content {
			continue
		}
		if phraseCode(p.Doc.Text, v, j, j+k) {
			continue
		}
		if v.sent(bestI) == v.sent(j) {
			_, from := v.span(bestI + k - 1)
			to, _ := v.span(j)
			if phraseParallel(p.Doc.Text, v, bestI+k, j, from, to) {
				continue
			}
		}
		var first, second checker.Span
		first.Start, _ = v.span(bestI)
		_, first.End = v.span(bestI + k - 1)
		second.Start, _ = v.span(j)
		_, second.End = v.span(j + k - 1)
		if phraseOverlaps(reported, second) {
			continue
		}
		reported = append(reported, second)
		p.Report(checker.Finding{
			Span:    second,
			Message: fmt.Sprintf("phrase %q repeated", phraseText(p.Doc.Text[second.Start:second.End])),
			Related: []checker.Related{{Span: first, Message: "first occurrence"}},
		})
		next = j + k
	}
	return reported
}

// phraseChainMin is the longest window phraseRepeats reads without a chain.
const phraseChainMin = 64

// phraseBest returns the longest run of words from j that is equal to a run
// from an earlier word i, and i (0 and -1 if there is none), along chain
// if it is not nil, else reading the words before j one by one. The runs
// stop before j.
func phraseBest(hash []uint64, chain []int32, j int) (best, bestI int) {
	n := len(hash)
	bestI = -1
	// Only the nearest phraseMaxTries earlier occurrences are tried,
	// and matches stop at phraseMaxWords, so that a sentence of one
	// word said over and over costs linear time.
	tries := 0
	try := func(i int) {
		tries++
		a := hash[i:min(j, i+n-j, i+phraseMaxWords)]
		b := hash[j:][:len(a)]
		k := 0
		for k < len(a) && a[k] == b[k] {
			k++
		}
		if k > best {
			best, bestI = k, i
		}
	}
	h := hash[j]
	if chain == nil {
		for i := j - 1; i >= 0 && tries < phraseMaxTries; i-- {
			if hash[i] == h {
				try(i)
			}
		}
		return best, bestI
	}
	for i := int(chain[j]); i >= 0 && tries < phraseMaxTries; i = int(chain[i]) {
		if hash[i] == h {
			try(i)
		}
	}
	return best, bestI
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
func phraseParallel(s string, v phraseView, lo, hi, from, to int) bool {
	if strings.ContainsAny(s[from:to], ",;:()[]\"“”—–") {
		return true
	}
	for x := lo; x < hi; x++ {
		start, end := v.span(x)
		if phraseConjunctions[strings.ToLower(s[start:end])] {
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
func phraseCode(s string, v phraseView, lo, hi int) bool {
	for x := lo; x < hi; x++ {
		start, end := v.span(x)
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
