package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences appends to dst the sentence spans of s[span] and returns it.
// A sentence ends at . ! ? or … followed by optional closing quotes or
// brackets, then whitespace, then something that can start a sentence.
// Abbreviations ("Mr.", "U.S."), initials and decimals do not end one.
// Spans are trimmed of surrounding whitespace; empty ones are dropped.
func Sentences(dst []Span, s string, span Span) []Span {
	start := span.Start
	i := span.Start
	for i < span.End {
		c := s[i]
		if c != '.' && c != '!' && c != '?' && !strings.HasPrefix(s[i:span.End], "…") {
			i++
			continue
		}
		j := i
		// Run of terminal punctuation ("?!", "...", "…").
		for j < span.End {
			if s[j] == '.' || s[j] == '!' || s[j] == '?' {
				j++
				continue
			}
			if strings.HasPrefix(s[j:span.End], "…") {
				j += len("…")
				continue
			}
			break
		}
		// Closing quotes and brackets belong to the sentence.
		for j < span.End {
			r, n := utf8.DecodeRuneInString(s[j:span.End])
			if r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»' {
				j += n
				continue
			}
			break
		}
		if j < span.End && !isSpaceByte(s[j]) {
			i = j
			continue
		}
		if c == '.' && j == i+1 && !endsSentenceAt(s, span.Start, i, j, span.End) {
			i = j
			continue
		}
		if j < span.End && !startsSentence(s, j, span.End) {
			i = j
			continue
		}
		dst = appendTrimmed(dst, s, start, j)
		start = j
		i = j
	}
	return appendTrimmed(dst, s, start, span.End)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// startsSentence reports whether the text after whitespace at i can begin a
// sentence: an upper-case letter, a digit, an opening quote or bracket.
func startsSentence(s string, i, end int) bool {
	for i < end && isSpaceByte(s[i]) {
		i++
	}
	if i >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([¿¡«-–—*", r) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

// endsSentenceAt decides whether the single period at dot (with the word
// before it) ends a sentence.
func endsSentenceAt(s string, lo, dot, after, end int) bool {
	k := dot
	for k > lo {
		r, n := utf8.DecodeLastRuneInString(s[lo:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= n
	}
	word := s[k:dot]
	if word == "" {
		return true
	}
	if IsAbbreviation(word) {
		// "in the U.S. The" still ends; an abbreviation before a
		// lower-case word or a name does not. Titles never end one.
		if isTitle(word) {
			return false
		}
		nx := after
		for nx < end && isSpaceByte(s[nx]) {
			nx++
		}
		if nx >= end {
			return true
		}
		w := nextWord(s, nx, end)
		return IsSentenceStarter(w)
	}
	// A single capital letter is an initial ("J. R. R. Tolkien").
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func nextWord(s string, i, end int) string {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

func appendTrimmed(dst []Span, s string, a, b int) []Span {
	for a < b && isSpaceByte(s[a]) {
		a++
	}
	for b > a && isSpaceByte(s[b-1]) {
		b--
	}
	if a < b {
		dst = append(dst, Span{a, b})
	}
	return dst
}

var abbreviations = map[string]bool{}

var titles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Mr Mrs Ms Dr Prof Sr Jr St Gen Gov Sen Rep Col Lt Capt Sgt Maj Adm Cmdr Rev Hon Pres Supt Det Insp`) {
		titles[w] = true
		abbreviations[w] = true
	}
	for _, w := range strings.Fields(`U.S U.K U.N E.U D.C U.S.A a.m p.m e.g i.e etc vs cf al Inc Ltd Co Corp Bros No Nos Vol Fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun Ave Blvd Rd Mt Ft approx est dept Dept Univ ca p pp ed eds op Ph.D Ph B.A M.A B.Sc M.Sc Esq Messrs`) {
		abbreviations[w] = true
	}
}

func isTitle(w string) bool { return titles[w] }

// IsAbbreviation reports whether w (without its final period) is a known
// abbreviation or a dotted initialism such as "U.S" or "e.g".
func IsAbbreviation(w string) bool {
	if abbreviations[w] {
		return true
	}
	// Dotted initialisms: single letters separated by periods.
	if len(w) >= 3 && strings.Count(w, ".") >= 1 {
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) != 1 {
				return false
			}
		}
		return true
	}
	return false
}

// IsSentenceStarter reports whether w is a word that typically starts a new
// sentence after an abbreviation ("The", "He", "But").
func IsSentenceStarter(w string) bool {
	return sentenceStarters[w]
}

var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An He She It They We I You This That These Those There But And However In On At For If When While After Before Its His Her Their Our Some Many Most Such As So Yet Still Then Now Meanwhile Also`) {
		sentenceStarters[w] = true
	}
}
