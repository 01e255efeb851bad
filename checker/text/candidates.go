package text

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/lexicon"
)

// A Candidate is a name-like span of one sentence: a maximal run of
// capitalised words ("Tren de Aragua", "Department of Homeland Security",
// "MS-13", "U.S.", "Donald J. Trump"), the only places where mtlint looks
// for names.
type Candidate struct {
	Span
	// Words are the word and number tokens of the run, connectors
	// included, without the dots of initials or the hyphens between
	// parts ("Montoya-Galvez" has two words). A possessive "'s" is not
	// part of the last word.
	Words []Span
	// Initial is set when the run starts at the sentence's first word.
	Initial bool
}

// Text returns the candidate's text in s, normalised: a hyphen with space
// on one side only is joined to its words ("France -Presse" becomes
// "France-Presse") and runs of whitespace become one space.
func (c Candidate) Text(s string) string {
	t := s[c.Start:c.End]
	if !needsNormalising(t) {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		if !isSpaceByte(t[i]) {
			b.WriteByte(t[i])
			i++
			continue
		}
		j := skipSpace(t, i, len(t))
		// Drop the space on the open side of a one-sided hyphen.
		if n := hyphenEndingAt(t, i); n > 0 && (i-n == 0 || !isSpaceByte(t[i-n-1])) {
			i = j
			continue
		}
		if n := hyphenStartingAt(t, j); n > 0 && (j+n == len(t) || !isSpaceByte(t[j+n])) {
			i = j
			continue
		}
		b.WriteByte(' ')
		i = j
	}
	return b.String()
}

func needsNormalising(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ' ':
			if i+1 < len(t) && t[i+1] == ' ' || hyphenEndingAt(t, i) > 0 || hyphenStartingAt(t, i+1) > 0 {
				return true
			}
		case '\n', '\t', '\r', '\f', '\v':
			return true
		}
	}
	return false
}

const unicodeHyphen = "‐" // U+2010

// hyphenEndingAt returns the length of the hyphen that ends at i, or 0.
func hyphenEndingAt(t string, i int) int {
	if i > 0 && t[i-1] == '-' {
		return 1
	}
	if strings.HasSuffix(t[:i], unicodeHyphen) {
		return len(unicodeHyphen)
	}
	return 0
}

// hyphenStartingAt returns the length of the hyphen that starts at i, or 0.
func hyphenStartingAt(t string, i int) int {
	if i < len(t) && t[i] == '-' {
		return 1
	}
	if i <= len(t) && strings.HasPrefix(t[i:], unicodeHyphen) {
		return len(unicodeHyphen)
	}
	return 0
}

// isConnector is IsConnector (similar.go) without the cost of folding
// words too long to be connectors.
func isConnector(w string) bool { return len(w) <= 5 && IsConnector(w) }

// connectorFirst marks the ASCII letters that start a connector: an
// ASCII letter keeps its place and (lower-cased) its value under Fold, so
// a word starting with any other ASCII letter is no connector.
var connectorFirst [utf8.RuneSelf]bool

// asciiConnectors holds the packed forms (packASCII) of the ASCII
// connectors, sorted.
var asciiConnectors []uint64

func init() {
	for w := range connectors {
		if c := w[0]; c < utf8.RuneSelf {
			connectorFirst[c] = true
		}
		if k, ok := packASCII(w); ok {
			asciiConnectors = append(asciiConnectors, k)
		}
	}
	slices.Sort(asciiConnectors)
}

// packASCII returns w, lower-cased, packed with its length into one
// number, if w is ASCII and at most 4 bytes long.
func packASCII(w string) (uint64, bool) {
	if len(w) > 4 {
		return 0, false
	}
	k := uint64(len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * (i + 1))
	}
	return k, true
}

// isLowerConnector is !IsCapitalized(w) && isConnector(w), with an ASCII
// fast path that rejects most words without a map lookup.
func isLowerConnector(w string) bool {
	if len(w) > 0 {
		if c := w[0]; 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' && !connectorFirst[c] {
			return false
		}
	}
	if len(w) > 4 {
		return false // no connector is longer, folded or not (IsConnector)
	}
	if k, ok := packASCII(w); ok {
		// An ASCII word is a connector when its lower-case form is one.
		_, found := slices.BinarySearch(asciiConnectors, k)
		return found && !IsCapitalized(w)
	}
	return !IsCapitalized(w) && isConnector(w)
}

// plainWord reports, cheaply, that the word toks[i] cannot start a name
// unit: it starts with an ASCII byte other than a capital, has no capital
// after it (isNameWord) and no hyphen follows it. nameUnit fails for any
// such word; a false result says nothing.
func plainWord(s string, toks []Token, i int) bool {
	t := toks[i]
	c := s[t.Start]
	if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || mayHyphenAfter(s, toks, i) {
		return false
	}
	if c < 'a' || c > 'z' {
		return true // isNameWord fails at once
	}
	// The rest of a short word, eight bytes at a time: no capital and
	// no non-ASCII byte means isNameWord fails.
	p, n := t.Start+1, t.End-t.Start-1
	if n > 7 || p+8 > len(s) {
		return !isNameWord(s[t.Start:t.End])
	}
	x := load64(s, p)
	const high = 0x8080808080808080
	mask := uint64(1)<<(8*n) - 1
	if x&high&mask != 0 {
		return !isNameWord(s[t.Start:t.End])
	}
	// Within the mask every byte is below 0x80, so the sums carry into
	// no byte of it: the high bit of b+0x3F is b >= 'A', that of b+0x25
	// is b > 'Z'.
	upper := (x + 0x3F3F3F3F3F3F3F3F) &^ (x + 0x2525252525252525) & high & mask
	return upper == 0
}

// plainCapital reports, cheaply, that the word toks[i] is a name unit of
// its own (nameUnit returns the word alone): it starts with an ASCII
// capital followed by an ASCII byte other than an apostrophe (so it is
// neither "I", "I'm" nor an initial), it ends in no possessive and no
// hyphen follows it. A false result says nothing.
func plainCapital(s string, toks []Token, i int) bool {
	t := toks[i]
	if t.End-t.Start < 2 {
		return false
	}
	c, c1 := s[t.Start], s[t.Start+1]
	return 'A' <= c && c <= 'Z' && c1 < utf8.RuneSelf && c1 != '\'' && !mayHyphenAfter(s, toks, i) && !mayBePossessive(s, t)
}

// mayHyphenAfter is a cheap necessary condition of hasHyphenAfter: a
// punctuation token that may be a hyphen follows toks[i], and a token
// after it.
func mayHyphenAfter(s string, toks []Token, i int) bool {
	return i+2 < len(toks) && mayBeHyphen(s, toks[i+1])
}

// mayBeHyphen reports whether t may be a hyphen: punctuation starting with
// the first byte of one.
func mayBeHyphen(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	c := s[t.Start]
	return c == '-' || c == unicodeHyphen[0]
}

// endsRun reports, cheaply, that no run goes on from a name unit ending
// at toks[k-1] with toks[k] (add's loop stops at once): there is no
// toks[k], it is not a word (neither a connector nor a unit), or it is a
// lower word (starting with an ASCII byte, no capital) that is no
// connector, so no unit either (nameUnit). A false result says nothing. (The finder's loop has it
// inlined.)
func endsRun(s string, toks []Token, k int) bool {
	return k >= len(toks) || toks[k].Kind != Word || toks[k].lower != 0 && !mayBeShortConnector(s, k, toks)
}

// mayBeShortConnector reports whether the lower word toks[k], which starts
// with an ASCII byte, may be a connector (isLowerConnector): none is longer
// than four bytes.
func mayBeShortConnector(s string, k int, toks []Token) bool {
	w := toks[k].Span
	return w.End-w.Start <= 4 && connectorFirst[s[w.Start]] && isLowerConnector(s[w.Start:w.End])
}

// maxConnectors is the longest run of connectors inside one name
// ("Bank of the", "Juan de la Cruz").
const maxConnectors = 3

// Candidates appends to dst the name candidates among toks, the tokens of
// one sentence of s, and returns it. A candidate is a maximal run of
// capitalised words (acronyms, CamelCase, "O'Brien", hyphenated parts
// such as "Montoya-Galvez" or "MS-13", initials such as "J." and dotted
// acronyms such as "U.S."), with connectors (IsConnector) only between
// capitalised words. Commas, quotes, brackets and sentence punctuation end
// a run; so does a possessive ("Trump's"). A hyphen spaced on one side
// joins its words ("France -Presse"); one spaced on both sides ends the
// run. The sentence's first word starts a candidate only when it is not a
// common English word (lexicon.IsCommon), is glued to more ("U.S.",
// "Mexico-American") or leads a longer name ("New York"). "I" and other
// function words standing alone ("In", "The") are never candidates.
//
// All the candidates of one call share one backing array for Words.
func Candidates(dst []Candidate, s string, toks []Token) []Candidate {
	dst, _ = AppendCandidates(dst, nil, s, toks)
	return dst
}

// AppendCandidates is Candidates with a caller-owned arena for the Words
// of the candidates: they are appended to words, which is returned. Pass
// the returned arena to the next call so that the candidates of many
// sentences share a few backing arrays. Words already handed out are
// never overwritten.
func AppendCandidates(dst []Candidate, words []Span, s string, toks []Token) ([]Candidate, []Span) {
	return appendCandidates(dst, words, s, toks, true)
}

// appendCandidates is AppendCandidates; without skip it reads every token.
func appendCandidates(dst []Candidate, words []Span, s string, toks []Token, skip bool) ([]Candidate, []Span) {
	f := CandidateFinder{List: dst, Words: words, s: s}
	f.sentence(toks, skip, 0, -1)
	return f.List, f.Words
}

// A CandidateFinder finds the candidates of the sentences of one text, one
// sentence after the other: AppendCandidates for many sentences without
// the cost of a call for each.
type CandidateFinder struct {
	// List holds the candidates found, after those it was made with.
	List []Candidate
	// Words is the arena of the candidates' Words (AppendCandidates).
	Words []Span

	// Multi is set when a candidate of more than one word is added.
	Multi bool

	s     string
	toks  []Token // the sentence's tokens
	first int     // index of its first word token, -1 if none, -2 not yet known

	// caps, when not nil, is the list of the tokens that may hold a
	// capital (TokenizeCaps), then math.MaxInt; base is the index in it
	// of toks[0] and ci that of the entry capitalFrom read last.
	caps     []int
	ci, base int

	// firstInfo is the lexicon entry of toks[0], a plain capitalised
	// word, when firstLooked (SentencesAt looked it up).
	firstInfo   lexicon.Info
	firstLooked bool
}

// NewCandidateFinder returns a finder of the candidates of sentences of s
// that appends them to list and their words to the arena words.
func NewCandidateFinder(s string, list []Candidate, words []Span) CandidateFinder {
	return CandidateFinder{List: list, Words: words, s: s}
}

// NewCandidateFinderCaps is NewCandidateFinder for the sentences of tokens
// that TokenizeCaps made, caps being the list of capitals it gave: the
// finder goes from one capital to the next on that list rather than
// reading the tokens' flags. Its sentences must be given with SentenceAt,
// in order, or all at once with SentencesAt.
func NewCandidateFinderCaps(s string, list []Candidate, words []Span, caps []int) CandidateFinder {
	if len(caps) == 0 || caps[len(caps)-1] != math.MaxInt {
		caps = append(caps[:len(caps):len(caps)], math.MaxInt) // the end, never passed
	}
	return CandidateFinder{List: list, Words: words, s: s, caps: caps}
}

// SetCapitals gives a finder made by NewCandidateFinderCaps, for tokens
// still being made, the list of capitals of those made so far: the list
// it had with those of the tokens since, then math.MaxInt.
func (f *CandidateFinder) SetCapitals(caps []int) { f.caps = caps }

// Sentence appends to f.List the candidates among toks, the tokens of one
// sentence (AppendCandidates). A finder made by NewCandidateFinderCaps
// takes SentenceAt instead.
func (f *CandidateFinder) Sentence(toks []Token) { f.sentence(toks, true, 0, -1) }

// SentenceAt is Sentence for a finder made by NewCandidateFinderCaps:
// toks is all[first:last] for the tokens all that the list of capitals
// is of, after those of the sentences given before.
func (f *CandidateFinder) SentenceAt(all []Token, first, last int) {
	f.base = first
	f.sentence(all[first:last], true, 0, -1)
}

// SentencesAt is SentenceAt for the sentences recs in turn, in order, of
// the tokens all: the finder goes from capital to capital on its list and
// reads only the sentences that hold one. After a sentence that gave a
// candidate of more than one word, split, when not nil, is called with
// the index in f.List of the sentence's first candidate; it may replace
// those from there on.
func SentencesAt(f *CandidateFinder, all []Token, recs []Sentence, split func(from int)) {
	s := f.s
	k := 0
	for {
		g := f.caps[f.ci] // the next capital
		if g >= len(all) {
			return
		}
		// The sentence holding it.
		for k < len(recs) && recs[k].Last <= g {
			k++
		}
		if k == len(recs) {
			return
		}
		first, last := recs[k].First, recs[k].Last
		if g < first {
			f.capitalAt(first) // in no sentence
			continue
		}
		k++
		toks := all[first:last]
		i, capital := 0, g-first
		if t := toks[0]; g == first && t.End-t.Start >= 2 && 'A' <= s[t.Start] && s[t.Start] <= 'Z' && s[t.Start+1] < utf8.RuneSelf && s[t.Start+1] != '\'' &&
			!mayHyphenAfter(s, toks, 0) && !mayBePossessive(s, t) {
			// The sentence's first word, a plain capitalised word
			// (plainCapital, inlined), most often a common word just
			// capitalised with no capital after it: commonFirst,
			// before the call.
			in := lexicon.Lookup(s[t.Start:t.End])
			if isCommon(in) {
				f.ci++
				if capital = f.caps[f.ci] - first; capital >= len(toks) {
					continue // no unit in the rest
				}
				if !near(toks, capital, 1, 3) || !leadsName(s, toks, 0, in) {
					i = 1
				} else {
					f.ci--
					capital = 0 // it leads a name: add
				}
			}
			// The word is read again from toks[0] (add), or not at
			// all: its entry is kept for commonFirst and add.
			f.firstInfo, f.firstLooked = in, i == 0
		}
		f.base = first
		from := len(f.List)
		f.Multi = false
		f.sentence(toks, true, i, capital)
		f.firstLooked = false
		if f.Multi && split != nil {
			split(from)
		}
		f.capitalAt(last) // past the capitals the sentence's runs hold
	}
}

// capitalAt moves f along its list of capitals to the first not below
// the index at of all the tokens.
func (f *CandidateFinder) capitalAt(at int) {
	for f.caps[f.ci] < at {
		f.ci++
	}
}

// sentence is Sentence; without skip it reads every token. It starts at
// toks[i], no candidate starting before, capital being the index of the
// first token from toks[i] on that may hold a capital (capitalFrom) if
// known, else -1.
func (f *CandidateFinder) sentence(toks []Token, skip bool, i, capital int) {
	if len(toks) == 0 {
		return
	}
	s := f.s
	f.toks, f.first = toks, -2
	// Every unit holds a capital, in its first word or, for "al-Assad",
	// two tokens on: capital is the index of the first token from
	// toks[i] on that may hold one (capitalFrom), if not below i.
	// Without skip it stays past every token.
	if !skip {
		capital = math.MaxInt
	}
	for i < len(toks) {
		if capital < i {
			if capital = f.capitalFrom(i); capital >= len(toks) {
				break
			}
		}
		if capital > i && capital < len(toks) {
			// The tokens before capital hold no capital: a unit
			// starts at one only when a hyphen follows it
			// (plainWord, nameUnit), so one or two tokens before.
			// (A capital on the list is a word, no hyphen.)
			j := capital
			if mayBeHyphen(s, toks[j-1]) {
				j -= 2
			} else if f.caps == nil && mayBeHyphen(s, toks[j]) {
				j--
			}
			i = max(i, j)
		}
		t := toks[i]
		// Fast paths: most tokens are plain capitalised words, a unit
		// of their own (plainCapital, inlined), punctuation or plain
		// lower-case words, which cannot start a unit unless a hyphen
		// follows ("al-Assad").
		if t.Kind != Word {
			i++
			continue
		}
		var u unit
		if n := t.End - t.Start; n >= 2 && 'A' <= s[t.Start] && s[t.Start] <= 'Z' && s[t.Start+1] < utf8.RuneSelf && s[t.Start+1] != '\'' &&
			!mayHyphenAfter(s, toks, i) && !mayBePossessive(s, t) {
			// Whether t is the sentence's first word: toks[0] most
			// often.
			isFirst := i == 0
			if !isFirst && toks[0].Kind != Word {
				if f.first == -2 {
					f.first = firstWord(toks)
				}
				isFirst = i == f.first
			}
			if isFirst && skip {
				// The sentence's first word, most often a common
				// word just capitalised: add's first test, without
				// the rest of add.
				if next, c, done := f.commonFirst(i); done {
					i, capital = next, c
					continue
				}
			} else if skip {
				// A word inside the sentence (not its first word)
				// with no unit near after it or a token after it
				// that ends the run, most such words: add's work for
				// a word alone, in place.
				next := i + 1
				// (endsRun, inlined.)
				if c := f.capitalAfter(i); !near(toks, c, next, maxConnectors+3) || next >= len(toks) || toks[next].Kind != Word ||
					toks[next].lower != 0 && !mayBeShortConnector(s, next, toks) {
					if c >= len(toks) {
						next = len(toks) // no unit after this word
					}
					// Not a function word: mayBeFunctionCapital
					// (inlined), then the lexicon.
					fw := n <= 8
					if c1 := s[t.Start+1]; fw && 'a' <= c1 && c1 <= 'z' {
						fw = n != 3 || c1 != 'a' || s[t.Start] != 'M' || s[t.Start+2] != 'y'
					} else if fw {
						// Most such words are acronyms: an ASCII
						// one, its first letter a capital, is all
						// upper case unless it has a lower-case
						// letter (mayBeFunctionWordAt, inlined).
						x := uint64(highBits) // no eight bytes to read: as if not ASCII
						if t.Start+8 <= len(s) {
							x = load64(s, t.Start) & (^uint64(0) >> ((64 - 8*n) & 63))
						}
						if x&highBits == 0 {
							// No byte sum carries into the next byte.
							fw = (x+(0x80-'a')*lowBits)&^(x+(0x7f-'z')*lowBits)&highBits != 0
						} else {
							fw = mayBeFunctionWordAt(s, t.Start, t.End)
						}
					}
					if !fw || lexicon.Lookup(s[t.Start:t.End]).Tags&lexicon.Function == 0 {
						// The candidate, written in place.
						f.Words = append(f.Words, t.Span)
						n := len(f.Words)
						if len(f.List) == cap(f.List) {
							f.List = slices.Grow(f.List, 1)
						}
						f.List = f.List[:len(f.List)+1]
						c := &f.List[len(f.List)-1]
						c.Span, c.Words, c.Initial = t.Span, f.Words[n-1:n:n], false
					}
					i, capital = next, c
					continue
				}
			}
			u = unit{end: t.End, next: i + 1, last: i}
		} else if plainWord(s, toks, i) {
			i++
			continue
		} else {
			var ok bool
			if u, ok = nameUnit(s, toks, i); !ok {
				i++
				continue
			}
		}
		var c int
		i, c = f.add(i, u)
		if skip {
			capital = c
		}
	}
}

// add makes a candidate of the run starting with the name unit u at
// toks[i], if it is one. It returns the index of the token after the run
// and, when it had to find it, the index of the first token from that
// one on that may hold a capital (capitalFrom), else -1.
func (f *CandidateFinder) add(i int, u unit) (int, int) {
	s, toks := f.s, f.toks
	if f.first == -2 {
		f.first = firstWord(toks)
	}
	first := f.first
	// A plain first word that is a common word is just capitalised
	// ("The", "However"); "U.S." and "Montoya-Galvez" are kept, and
	// so is a noun or adjective before another name word ("New
	// York", "Port Elwood").
	// The lexicon entry of a plain first word, looked up once: it
	// also tells whether the word standing alone is a function word.
	// (Its unit ends before a possessive, as the word looked up does.)
	var firstInfo lexicon.Info
	plainFirst := i == first && u.next == i+1
	if plainFirst {
		if f.firstLooked {
			firstInfo = f.firstInfo // toks[0], the same word
		} else {
			firstInfo = lexicon.Lookup(s[toks[i].Start:u.end])
		}
		if isCommon(firstInfo) {
			// The capital that a longer name needs (leadsName:
			// a unit at i+1) is looked for first: most sentences
			// go on in lower case.
			capital := f.capitalFrom(i + 1)
			if capital >= len(toks) {
				return len(toks), capital // no unit in the rest
			}
			in := firstInfo
			if u.end != toks[i].End {
				in = lexicon.Lookup(toks[i].Text(s)) // the word with its possessive
			}
			if !near(toks, capital, i+1, 3) || !leadsName(s, toks, i, in) {
				return i + 1, capital
			}
		}
	}
	words := f.Words
	if words == nil {
		words = make([]Span, 0, len(toks)-i)
	}
	w0 := len(words)
	c := Candidate{Span: Span{toks[i].Start, u.end}, Initial: i == first}
	if u.last == i {
		// A unit of one word, the common case of appendUnitWords.
		w := toks[i].Span
		if u.stop {
			w.End = u.end
		}
		words = append(words, w)
	} else {
		words = appendUnitWords(words, s, toks, i, u)
	}
	next := u.next
	stop := u.stop
	capital := -1
	if !stop {
		// Another unit needs a capital within its first three tokens,
		// after at most maxConnectors connectors.
		capital = f.capitalFrom(next)
		stop = !near(toks, capital, next, maxConnectors+3)
	}
	for !stop && next < len(toks) {
		// Connectors, then another name unit.
		k := next
		nconn := 0
		for k < len(toks) && nconn < maxConnectors && toks[k].Kind == Word && mayBeLowerConnector(s[toks[k].Start]) &&
			isLowerConnector(toks[k].Text(s)) && !hasHyphenAfter(s, toks, k) {
			k++
			nconn++
		}
		if k >= len(toks) || (nconn > 0 && !separatedBySpace(toks, k-1, k)) {
			break
		}
		if !separatedBySpace(toks, next-1, next) && nconn == 0 {
			break // "U.S.Army" and other glued text
		}
		v, ok := unitFrom(s, toks, k)
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
		if !stop {
			// As for the first unit: most runs end here, with no
			// capital near.
			capital = f.capitalFrom(next)
			stop = !near(toks, capital, next, maxConnectors+3)
		}
	}
	if capital >= len(toks) {
		next = len(toks) // no unit after this run
	}
	c.Words = words[w0:len(words):len(words)]
	// A plain first word alone is the word looked up above.
	if len(c.Words) == 1 {
		w := c.Words[0]
		if mayBeFunctionWordAt(s, w.Start, w.End) && (plainFirst && firstInfo.Tags&lexicon.Function != 0 ||
			!plainFirst && lexicon.Lookup(s[w.Start:w.End]).Tags&lexicon.Function != 0) {
			f.Words = words[:w0] // "aircraft Now in use In order": not a name
			return next, capital
		}
	}
	f.Words = words
	if len(c.Words) > 1 {
		f.Multi = true
	}
	f.List = append(f.List, c)
	return next, capital
}

// commonFirst is add's test of the sentence's first word, toks[i], a
// plain capitalised word: when the word is a common one that leads no
// longer name, it returns add's results and done.
func (f *CandidateFinder) commonFirst(i int) (next, capital int, done bool) {
	toks := f.toks
	in := f.firstInfo // toks[0]: i is 0 when the entry is kept
	if !f.firstLooked {
		in = lexicon.Lookup(f.s[toks[i].Start:toks[i].End])
	}
	if !isCommon(in) {
		return 0, 0, false
	}
	capital = f.capitalFrom(i + 1)
	if capital >= len(toks) {
		return len(toks), capital, true // no unit in the rest
	}
	if !near(toks, capital, i+1, 3) || !leadsName(f.s, toks, i, in) {
		return i + 1, capital, true
	}
	return 0, 0, false
}

// capitalFrom returns the index of the first token of the sentence from
// toks[k] on that may hold a capital (a word with a byte not ASCII or an
// ASCII capital, or a token not made by the tokenizer), or a number not
// below len(toks). With a list of capitals it
// goes on along the list from where the last call left it: k never goes
// back from one call to the next, and the list ends in math.MaxInt.
func (f *CandidateFinder) capitalFrom(k int) int {
	if f.caps == nil {
		return f.capitalFromFlags(k)
	}
	at := f.base + k
	for f.caps[f.ci] < at {
		f.ci++
	}
	return f.caps[f.ci] - f.base
}

// capitalAfter is capitalFrom(k+1) for k the token that capitalFrom
// returned last, with a list of capitals the next entry on it.
func (f *CandidateFinder) capitalAfter(k int) int {
	if f.caps == nil {
		return f.capitalFromFlags(k + 1)
	}
	f.ci++
	return f.caps[f.ci] - f.base
}

// capitalFromFlags is capitalFrom without a list of capitals: it reads
// the tokens' flags.
func (f *CandidateFinder) capitalFromFlags(k int) int {
	toks := f.toks
	for k < len(toks) && toks[k].lower != 0 {
		k++
	}
	return k
}

// near reports whether capital, the index of the first token from toks[k]
// on that may hold a capital (capitalFrom), is at most k+n-1: else no
// unit starts before toks[k+n-2], as every unit holds a capital in its
// first or third token.
func near(toks []Token, capital, k, n int) bool {
	return capital < len(toks) && capital < k+n
}

// mayBeLowerConnector reports whether a word starting with the byte c may
// be a lower-case connector (isLowerConnector).
func mayBeLowerConnector(c byte) bool {
	return c >= utf8.RuneSelf || c < 'A' || c > 'Z' && (c < 'a' || c > 'z' || connectorFirst[c])
}

// mayBePossessive reports whether the word t may end in a possessive
// (possessiveLen): it ends in an "s" after an apostrophe ("'", or the last
// byte of "’" or "ʼ").
func mayBePossessive(s string, t Token) bool {
	if t.End-t.Start < 3 || s[t.End-1]|0x20 != 's' {
		return false
	}
	b := s[t.End-2]
	return b == '\'' || b >= utf8.RuneSelf
}

// unitFrom is nameUnit with fast paths: most tokens are punctuation, plain
// lower-case words, which cannot start a unit unless a hyphen follows
// ("al-Assad"), or plain capitalised words, a unit of their own.
func unitFrom(s string, toks []Token, i int) (unit, bool) {
	t := toks[i]
	if t.Kind != Word {
		return unit{}, false
	}
	if plainCapital(s, toks, i) {
		return unit{end: t.End, next: i + 1, last: i}, true
	}
	if plainWord(s, toks, i) {
		return unit{}, false
	}
	return nameUnit(s, toks, i)
}

// firstWord returns the index of the sentence's first word token, after
// any opening quotes, brackets or list numbers, or -1.
func firstWord(toks []Token) int {
	for i, t := range toks {
		if t.Kind == Word {
			return i
		}
	}
	return -1
}

// isCommon is lexicon.IsCommon for an entry already looked up (Lookup
// folds case without allocating).
func isCommon(in lexicon.Info) bool {
	return in.Tier >= 1 && in.Tier <= 3 && in.Tags&lexicon.Lower != 0
}

// leadsName reports whether the common first word toks[i], whose lexicon
// entry is in, is the first word of a longer name: a noun or adjective,
// not a function word, a sentence adverb ("Yesterday", "However") or an
// "-ing" form ("Following"), followed by a capitalised word after spaces.
func leadsName(s string, toks []Token, i int, in lexicon.Info) bool {
	// The entry in hand first: most first words are function words
	// ("The", "In", "He").
	if in.Tags&lexicon.Function != 0 || in.Tags&(lexicon.Noun|lexicon.Adj) == 0 {
		return false
	}
	if i+1 >= len(toks) || !onlySpaces(s, toks[i].End, toks[i+1].Start) || toks[i].End == toks[i+1].Start {
		return false
	}
	// Then the cheap test: most first words are followed by a
	// lower-case word.
	if _, ok := unitFrom(s, toks, i+1); !ok {
		return false
	}
	w := toks[i].Text(s)
	if IsSentenceStarter(w) || strings.HasSuffix(w, "ing") {
		return false
	}
	return !isShortFunctionWord(s, toks[i+1])
}

// mayBeFunctionWordAt is mayBeFunctionWord(s[start:end]), reading an ASCII
// word eight bytes at a time.
func mayBeFunctionWordAt(s string, start, end int) bool {
	n := end - start
	if n > 8 || n < 2 || start+8 > len(s) {
		return mayBeFunctionWord(s[start:end])
	}
	mask := ^uint64(0) >> (64 - 8*n)
	x := load64(s, start) & mask
	if x&highBits != 0 {
		return mayBeFunctionWord(s[start:end])
	}
	// All bytes are ASCII, so no byte sum carries into the next byte.
	if lower := (x + (0x80-'a')*lowBits) &^ (x + (0x7f-'z')*lowBits) & highBits & mask; lower != 0 {
		return x != 'M'|'a'<<8|'y'<<16 // not all upper case; "May" is a month
	}
	upper := (x + (0x80-'A')*lowBits) &^ (x + (0x7f-'Z')*lowBits) & highBits & mask
	return upper == 0 // all upper case if it has a letter
}

// mayBeFunctionCapital is mayBeFunctionWordAt for a word that starts with
// an ASCII capital followed by an ASCII byte: most such words are followed
// by a lower-case letter, so that they are not all upper case.
func mayBeFunctionCapital(s string, start, end int) bool {
	n := end - start
	if c := s[start+1]; n <= 8 && 'a' <= c && c <= 'z' {
		return n != 3 || c != 'a' || s[start] != 'M' || s[start+2] != 'y' // "May" is a month
	}
	return n <= 8 && mayBeFunctionWordAt(s, start, end)
}

// mayBeFunctionWord reports whether w, a capitalised word standing alone,
// may be a function word ("The", "In", "Of") rather than a name: it is one
// when the lexicon also tags it so. Acronyms such as "US" and "WHO", and
// the month "May", are names.
func mayBeFunctionWord(w string) bool {
	return !(len(w) > 8 || IsAllUpper(w) && len(w) > 1 || w == "May")
}

// isShortFunctionWord reports whether t is "I" or a short capitalised
// function word that does not continue a name ("The", "A").
func isShortFunctionWord(s string, t Token) bool {
	w := t.Text(s)
	return isPronounI(w) || lexicon.Lookup(w).Tags&lexicon.Function != 0 && len(w) <= 3
}

// A unit is one name word with what is glued to it: hyphenated parts
// ("Montoya-Galvez", "MS-13", "al-Assad"), the dots of initials ("J.",
// "U.S.").
type unit struct {
	end  int  // byte end of the unit
	next int  // index of the first token after it
	last int  // index of its last word token
	stop bool // a possessive ends the run here
}

// nameUnit reports whether a name unit starts at toks[i] and returns it.
func nameUnit(s string, toks []Token, i int) (unit, bool) {
	t := toks[i]
	if t.Kind != Word {
		return unit{}, false
	}
	w := t.Text(s)
	capital := isNameWord(w)
	if !capital {
		// "al-Assad", "bin-Laden": a lower-case connector glued to a
		// capitalised part.
		if !hasHyphenAfter(s, toks, i) || !isConnector(w) || i+2 >= len(toks) ||
			toks[i+2].Kind != Word || !isNameWord(toks[i+2].Text(s)) {
			return unit{}, false
		}
	}
	if isPronounI(w) {
		return unit{}, false
	}
	u := unit{end: t.End, next: i + 1, last: i}
	if n := possessiveLen(w); n > 0 {
		u.end -= n
		u.stop = true
		return u, true
	}
	// Initials and dotted acronyms: "J.", "U.S.", "J.R.R.".
	if isSingleUpper(w) && i+1 < len(toks) && isDotAt(s, toks[i+1]) && toks[i+1].Start == t.End {
		j := i + 1 // the dot
		for j+2 < len(toks) && toks[j+1].Start == toks[j].End && isSingleLetterWord(s, toks[j+1]) &&
			toks[j+2].Start == toks[j+1].End && isDotAt(s, toks[j+2]) {
			j += 2
		}
		u.last = j - 1
		u.next = j + 1
		dotted := j > i+1
		if dotted || nextIsNameUnit(s, toks, j+1) {
			u.end = toks[j].End
		} else {
			u.end = toks[j-1].End // "Plan B." ends at the letter
		}
		return u, true
	}
	// Hyphenated parts.
	j := i
	for hasHyphenAfter(s, toks, j) {
		p := toks[j+2]
		pw := p.Text(s)
		if p.Kind == Word {
			if !isNameWord(pw) {
				break // "Obama-era"
			}
		} else if p.Kind != Number || !IsAllUpper(toks[j].Text(s)) {
			break // "MS-13" but not "Covid-19" style lower-case words
		}
		j += 2
		u.last = j
		u.end = p.End
		u.next = j + 1
		if p.Kind == Word {
			if n := possessiveLen(pw); n > 0 {
				u.end -= n
				u.stop = true
				break
			}
		}
	}
	return u, true
}

// nextIsNameUnit reports whether a capitalised word follows at toks[k]
// after a space (a cheap check, without scanning the unit).
func nextIsNameUnit(s string, toks []Token, k int) bool {
	if k >= len(toks) || !separatedBySpace(toks, k-1, k) || toks[k].Kind != Word {
		return false
	}
	w := toks[k].Text(s)
	return isNameWord(w) && !isPronounI(w)
}

// appendUnitWords appends the word and number tokens of the unit at i.
func appendUnitWords(words []Span, s string, toks []Token, i int, u unit) []Span {
	for j := i; j <= u.last; j++ {
		t := toks[j]
		if t.Kind != Word && t.Kind != Number {
			continue
		}
		if j == u.last && u.stop {
			t.End = u.end
		}
		words = append(words, t.Span)
	}
	return words
}

// hasHyphenAfter reports whether toks[i] and toks[i+2] are joined by the
// hyphen toks[i+1], with no space on at least one side ("Montoya-Galvez",
// "France -Presse", "MS-13").
func hasHyphenAfter(s string, toks []Token, i int) bool {
	if i+2 >= len(toks) {
		return false
	}
	h := toks[i+1]
	if h.Kind != Punct || !isHyphen(h.Text(s)) {
		return false
	}
	n := toks[i+2]
	if n.Kind != Word && n.Kind != Number {
		return false
	}
	gapBefore := h.Start != toks[i].End
	gapAfter := n.Start != h.End
	return !(gapBefore && gapAfter) && onlySpaces(s, toks[i].End, h.Start) && onlySpaces(s, h.End, n.Start)
}

// onlySpaces reports whether s[a:b] holds only spaces and tabs: a line
// break between a word and a hyphen is not an artefact to join.
func onlySpaces(s string, a, b int) bool {
	for ; a < b; a++ {
		if s[a] != ' ' && s[a] != '\t' {
			return false
		}
	}
	return true
}

func isHyphen(p string) bool { return p == "-" || p == unicodeHyphen }

func isDotAt(s string, t Token) bool { return t.Kind == Punct && s[t.Start] == '.' && t.Len() == 1 }

func separatedBySpace(toks []Token, a, b int) bool { return toks[a].End < toks[b].Start }

// isNameWord reports whether w can be part of a name: it starts with an
// upper-case letter, or it has one after a lower-case start ("iPhone",
// "d'Estaing").
func isNameWord(w string) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf {
		// ASCII first letter: the common case, without decoding.
		switch c := w[0]; {
		case 'A' <= c && c <= 'Z':
			return true
		case c < 'a' || c > 'z':
			return false
		}
		for i := 1; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				for _, r := range w[i:] {
					if unicode.IsUpper(r) {
						return true
					}
				}
				return false
			}
			if 'A' <= c && c <= 'Z' {
				return true
			}
		}
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return true
	}
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			return true // "iPhone", "d'Estaing"
		}
	}
	return false
}

func isSingleUpper(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func isSingleLetterWord(s string, t Token) bool {
	if t.Kind != Word {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[t.Start:t.End])
	return n == t.Len() && unicode.IsLetter(r)
}

// isPronounI reports whether w is the pronoun "I" or a contraction of it.
func isPronounI(w string) bool {
	if w == "I" {
		return true
	}
	if len(w) < 3 || w[0] != 'I' {
		return false
	}
	r, n := utf8.DecodeRuneInString(w[1:])
	if !IsApostrophe(r) {
		return false
	}
	switch w[1+n:] {
	case "m", "ll", "ve", "d":
		return true
	}
	return false
}

// possessiveLen returns the length of a final possessive "'s" or "’s" of
// a word longer than the suffix, or 0.
func possessiveLen(w string) int {
	if len(w) < 3 {
		return 0
	}
	if last := w[len(w)-1]; last != 's' && last != 'S' {
		return 0
	}
	r, n := utf8.DecodeLastRuneInString(w[:len(w)-1])
	if !IsApostrophe(r) || len(w)-1-n == 0 {
		return 0
	}
	return n + 1
}
