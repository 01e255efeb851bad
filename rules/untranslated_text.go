package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/text"
)

// UntranslatedText finds text in another script left in English text.
var UntranslatedText = &checker.Rule{
	ID:       "untranslated-text",
	Family:   "sentences",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "text in another script left untranslated",
		Text: `Machine translation passes through what it cannot translate: a name, a
term or a whole clause stays in Chinese, Russian or Arabic in the English
text, and full-width punctuation ("，", "。") comes along with it. The rule
reports runs of letters of a non-Latin script (one Chinese, Japanese or
Korean character is enough; other scripts need two letters) and runs of
full-width punctuation. A single Greek letter used as a symbol ("α", "μm",
"2π") is not reported, and neither is code. There is no automatic fix.`,
		Bad:  "The spokesman for the 外交部 said the talks would resume.",
		Good: "The spokesman for the Ministry of Foreign Affairs said the talks would resume.",
	},
	Run: runUntranslatedText,
}

// scriptNames name the scripts the rule reports, in the order checked.
var untranslatedScripts = []struct {
	name  string
	table *unicode.RangeTable
	cjk   bool
}{
	{"Chinese", unicode.Han, true},
	{"Japanese", unicode.Hiragana, true},
	{"Japanese", unicode.Katakana, true},
	{"Korean", unicode.Hangul, true},
	{"Cyrillic", unicode.Cyrillic, false},
	{"Greek", unicode.Greek, false},
	{"Arabic", unicode.Arabic, false},
	{"Hebrew", unicode.Hebrew, false},
	{"Thai", unicode.Thai, false},
	{"Devanagari", unicode.Devanagari, false},
	{"Bengali", unicode.Bengali, false},
	{"Tamil", unicode.Tamil, false},
	{"Armenian", unicode.Armenian, false},
	{"Georgian", unicode.Georgian, false},
	{"Ethiopic", unicode.Ethiopic, false},
	{"Khmer", unicode.Khmer, false},
	{"Lao", unicode.Lao, false},
	{"Myanmar", unicode.Myanmar, false},
}

// untranslatedScript returns the index of r's script in
// untranslatedScripts, -2 for full-width or CJK punctuation, -1 otherwise.
func untranslatedScript(r rune) int {
	if r < 0x370 {
		return -1
	}
	if r >= 0x3000 && r <= 0x303f && r != 0x3000 || r >= 0xff01 && r <= 0xff65 {
		if r == 0x3005 { // 々, an iteration mark, is Han
			return 0
		}
		return -2
	}
	for i, s := range untranslatedScripts {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

// untranslatedEveryRune makes untranslatedBlock decode every character,
// for tests.
var untranslatedEveryRune = false

func runUntranslatedText(p *checker.Pass) error {
	doc := p.Doc
	m := doc.Masked
	for _, b := range doc.Blocks {
		if b.Kind == checker.Code {
			continue
		}
		// Fast path: pure ASCII blocks hold nothing to report.
		if text.IsASCII(m[b.Start:b.End]) {
			continue
		}
		untranslatedBlock(p, b.Span)
	}
	return nil
}

func untranslatedBlock(p *checker.Pass, b checker.Span) {
	m := p.Doc.Masked
	for i := b.Start; i < b.End; {
		// A character below U+0370, of no script of the rule, starts
		// with a byte below 0xCD: ASCII text is skipped eight bytes at a
		// time.
		if m[i] < 0xCD && !untranslatedEveryRune {
			if i = text.NextByteAtLeast(m, i, b.End, 0xCD); i == b.End {
				break
			}
		}
		r, n := utf8.DecodeRuneInString(m[i:b.End])
		sc := untranslatedScript(r)
		if sc == -1 {
			i += n
			continue
		}
		// A run: letters of the script (or full-width punctuation), with
		// marks, digits, spaces and punctuation of the run inside it.
		start, end := i, i+n
		letters := 0
		cjk := sc >= 0 && untranslatedScripts[sc].cjk
		if sc != -2 {
			letters = 1
		}
		name := ""
		if sc >= 0 {
			name = untranslatedScripts[sc].name
		}
		j := end
		for j < b.End {
			r2, n2 := utf8.DecodeRuneInString(m[j:b.End])
			s2 := untranslatedScript(r2)
			switch {
			case s2 == sc || s2 == -2 || s2 >= 0 && cjk && untranslatedScripts[s2].cjk:
				if s2 >= 0 {
					letters++
					if name == "" {
						name, cjk = untranslatedScripts[s2].name, untranslatedScripts[s2].cjk
						sc = s2
					}
				}
				j += n2
				end = j
				continue
			case s2 >= 0 && sc == -2:
				sc, name, cjk = s2, untranslatedScripts[s2].name, untranslatedScripts[s2].cjk
				letters++
				j += n2
				end = j
				continue
			case unicode.IsMark(r2) || r2 == ' ' || r2 == '\u00b7' || r2 == '-' || unicode.IsDigit(r2) && cjk:
				j += n2 // may continue the run; end moves only on a letter
				continue
			}
			break
		}
		i = end
		span := checker.Span{Start: start, End: end}
		switch {
		case letters == 0:
			p.Report(checker.Finding{Span: span, Message: fmt.Sprintf("full-width punctuation %q in English text", m[start:end])})
		case cjk:
			p.Report(checker.Finding{Span: span, Message: fmt.Sprintf("untranslated %s text %q", name, m[start:end])})
		case letters >= 2 && !(name == "Greek" && untranslatedSymbolic(m, b, span)):
			p.Report(checker.Finding{Span: span, Message: fmt.Sprintf("untranslated %s text %q", name, m[start:end])})
		}
	}
}

// untranslatedSymbolic reports whether a Greek run is used in a formula:
// next to digits, operators or Latin letters ("2πr", "Δx = 3", "αβ-sheet").
func untranslatedSymbolic(m string, b, s checker.Span) bool {
	if s.End-s.Start <= 2*3 { // two or three letters: symbols more often than words
		before, _ := utf8.DecodeLastRuneInString(m[b.Start:s.Start])
		after, _ := utf8.DecodeRuneInString(m[s.End:b.End])
		for _, r := range []rune{before, after} {
			if unicode.IsDigit(r) || unicode.IsLetter(r) || r == '=' || r == '+' || r == '*' || r == '/' || r == '^' || r == '_' || r == '-' {
				return true
			}
		}
		if s.End-s.Start <= 2*2 {
			return true // "αβ", "μσ": a pair of symbols
		}
	}
	return false
}
