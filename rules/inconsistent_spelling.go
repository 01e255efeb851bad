package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// InconsistentSpelling finds one name or term written several ways in a
// document or across the files of a run: garbled transliterations of one
// name ("Buckley", "Bakle", "Naibbuckley"), an acronym with and without
// periods ("US", "U.S."), a compound hyphenated and closed ("e-mail",
// "email"), a name in two casings. No glossary is needed; when one spelling
// is a glossary term it is the one suggested.
var InconsistentSpelling = &checker.Rule{
	ID:       "inconsistent-spelling",
	Family:   "consistency",
	Severity: checker.Warning,
	Default:  true,
	Doc: checker.Doc{
		Title: "one name or term spelled several ways",
		Text: `Machine translation transliterates a name afresh in every sentence, so one
story may write "Buckley", "Bakle" and "Naibbuckley" for one president, or
"Tren De Aragua" and "Terren De Alagua" for one gang. The rule groups the
spellings of names (capitalised runs), acronyms with and without periods and
hyphenated, closed or spaced compounds, then reports every occurrence of a
spelling that is not the preferred one: the glossary's term when one matches,
else the most frequent (ties go to a name the lexicon knows, then to the
first seen). A surname beside the full name ("Bukele", "Nayib Bukele") is
consistent, and different real names that look alike ("Austria",
"Australia") are not grouped. Names and acronyms are grouped across all the
files of a run (option cross-file), compounds within each file. Options:
min-similarity, cross-file, british-american (also group British and
American spellings of a word, "colour" and "color"; off by default).`,
		Bad:  "Trump spoke with Buckley on Thursday. Bakle said the talks went well.",
		Good: "Trump spoke with Bukele on Thursday. Bukele said the talks went well.",
	},
	Options: []checker.Option{
		{Name: "min-similarity", Kind: checker.FloatOption, Default: "0.7", Usage: "how alike two names must be (0..1) to be taken for one", Min: 0, Max: 1},
		{Name: "cross-file", Kind: checker.BoolOption, Default: "true", Usage: "group spellings across all files of the run, not each file alone"},
		{Name: "british-american", Kind: checker.BoolOption, Default: "false", Usage: "also report words written in both British and American spelling (colour, color)"},
	},
	Collect: collectSpellings,
	Finish:  finishSpellings,
}

// maxSpellingLocs bounds the occurrences kept per spelling and file.
const maxSpellingLocs = 100

// spellingSummary is what Collect keeps of one document: its distinct
// spellings with their occurrences, in order of first occurrence.
type spellingSummary struct {
	items []spellingItem
}

type spellingItem struct {
	text  string // normalised spelling
	kind  cluster.Kind
	key   string // shared key of Regional spellings
	count int
	mid   bool          // seen inside a sentence
	occs  []spellingOcc // first maxSpellingLocs occurrences
}

type spellingOcc struct {
	checker.Location
	raw string // the text as written
}

type spellKey struct {
	kind cluster.Kind
	text string
}

type spellingCollector struct {
	p     *checker.Pass
	index map[spellKey]int // kind and text → items index
	sum   spellingSummary
}

func (c *spellingCollector) add(kind cluster.Kind, spelling, key string, s checker.Span, mid bool) {
	k := spellKey{kind, spelling}
	i, ok := c.index[k]
	if !ok {
		// Copies: a substring would keep the whole document in memory
		// until the run ends.
		spelling = strings.Clone(spelling)
		i = len(c.sum.items)
		c.index[spellKey{kind, spelling}] = i
		c.sum.items = append(c.sum.items, spellingItem{text: spelling, kind: kind, key: strings.Clone(key)})
	}
	it := &c.sum.items[i]
	it.count++
	it.mid = it.mid || mid
	if len(it.occs) < maxSpellingLocs {
		raw := c.p.Doc.Text[s.Start:s.End]
		if raw == it.text {
			raw = it.text
		} else {
			raw = strings.Clone(raw)
		}
		it.occs = append(it.occs, spellingOcc{Location: c.p.Locate(s), raw: raw})
	}
}

func collectSpellings(p *checker.Pass) (any, error) {
	c := &spellingCollector{p: p, index: map[spellKey]int{}}
	doc := p.Doc
	collectNames(c, doc)
	collectCompounds(c, doc, p.Bool("british-american"))
	return &c.sum, nil
}

// collectNames records the acronyms in the name candidates of the document,
// and the candidates themselves outside headings (title case is no
// spelling), split at "and" and without leading titles and common words
// ("President Naibbuckley" gives "Naibbuckley").
func collectNames(c *spellingCollector, doc *checker.Document) {
	bi := 0
	for _, cand := range doc.Candidates() {
		for bi+1 < len(doc.Blocks) && doc.Blocks[bi].End <= cand.Start {
			bi++
		}
		k := doc.Blocks[bi].Kind
		if k == checker.Code {
			continue
		}
		collectAcronyms(c, doc, cand.Words)
		if k == checker.Heading {
			continue
		}
		words := cand.Words
		allCommon := true
		for _, w := range words {
			t := doc.Text[w.Start:w.End]
			if !spellConnector(t) && !spellCommon(t) {
				allCommon = false
				break
			}
		}
		start := 0
		for i := 0; i <= len(words); i++ {
			if i < len(words) && (allCommon || !strings.EqualFold(doc.Text[words[i].Start:words[i].End], "and")) {
				continue
			}
			addNamePart(c, doc, words[start:i], allCommon, cand.Initial, cand.Start)
			start = i + 1
		}
	}
}

func addNamePart(c *spellingCollector, doc *checker.Document, words []checker.Span, allCommon, initial bool, start int) {
	wt := func(i int) string { return doc.Text[words[i].Start:words[i].End] }
	if !allCommon {
		// Drop leading titles, common words, "The" and lower-case
		// connectors while a name word follows; keep a name's own
		// particle ("El Salvador", "Van Gogh").
		for len(words) > 1 {
			w := wt(0)
			conn := spellConnector(w)
			if !(conn && (w == strings.ToLower(w) || strings.EqualFold(w, "the")) || !conn && (spellTitle(w) || spellNationality(w))) {
				break
			}
			rest := false
			for i := 1; i < len(words); i++ {
				if v := wt(i); !spellConnector(v) && !spellCommon(v) {
					rest = true
					break
				}
			}
			if !rest {
				break
			}
			words = words[1:]
		}
	}
	for len(words) > 0 && spellConnector(wt(len(words)-1)) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return
	}
	upper := true
	letters := false
	for i := range words {
		w := wt(i)
		if spellCodeLike(w) {
			return // an identifier in technical prose, not a name
		}
		if !text.IsAllUpper(w) {
			upper = false
		}
		if spellHasLetter(w) {
			letters = true
		}
	}
	if upper || !letters {
		return // acronyms are collected apart; shouting is no spelling
	}
	if len(words) == 1 && spellNationality(wt(0)) {
		return // "Greek", "Chinese": words, not names to garble
	}
	s := checker.Span{Start: words[0].Start, End: words[len(words)-1].End}
	// A final period belongs to an initial or a dotted acronym ("U.S.").
	if s.End < len(doc.Text) && doc.Text[s.End] == '.' && utf8.RuneCountInString(wt(len(words)-1)) == 1 {
		s.End++
	}
	// Part of a longer hyphenated word ("Argument-Clinic-based").
	if s.End+1 < len(doc.Text) && doc.Text[s.End] == '-' && spellLetterAt(doc.Text, s.End+1) ||
		s.Start >= 2 && doc.Text[s.Start-1] == '-' && spellLetterBefore(doc.Text, s.Start-1) {
		return
	}
	c.add(cluster.Name, spellTitleCaps(normaliseSpelling(doc.Text[s.Start:s.End])), "", s, !initial || s.Start != start)
}

// spellCapPrefix reports whether a name may have a capital after p:
// "McDonald", "MacArthur", "DeSantis", "LaGuardia", "DiCaprio".
func spellCapPrefix(p string) bool {
	switch p {
	case "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Von", "Fitz":
		return true
	}
	return false
}

func spellLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func spellLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// spellCodeLike reports whether w looks like a program identifier: digits,
// underscores or a capital inside the word ("ReadFrom", "DirFS"), apart
// from name prefixes ("McDonald", "MacArthur", "DeSantis", "LaGuardia").
func spellCodeLike(w string) bool {
	prevLower := false
	for i, r := range w {
		switch {
		case r == '_' || unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r):
			if prevLower && !spellCapPrefix(w[:i]) {
				return true
			}
			prevLower = false
		default:
			prevLower = unicode.IsLower(r)
		}
	}
	return false
}

func spellLettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// spellTitleCaps writes the words in capitals of a name in title case:
// "INADA Naoki" is a way of printing "Inada Naoki", not another spelling.
func spellTitleCaps(s string) string {
	f := strings.Split(s, " ")
	changed := false
	for i, w := range f {
		if utf8.RuneCountInString(w) >= 5 && text.IsAllUpper(w) && spellLettersOnly(w) {
			r, n := utf8.DecodeRuneInString(w)
			f[i] = string(r) + strings.ToLower(w[n:])
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(f, " ")
}

// normaliseSpelling collapses whitespace and drops spaces beside hyphens.
func normaliseSpelling(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch s[i] {
		case ' ':
			clean = i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '-' && i > 0 && s[i-1] != '-'
		case '\n', '\t', '\r', '\f', '\v':
			clean = false
		}
	}
	if clean {
		return s
	}
	f := strings.Fields(s)
	if len(f) == 1 {
		return f[0]
	}
	var b strings.Builder
	for i, w := range f {
		if i > 0 && !strings.HasSuffix(f[i-1], "-") && !strings.HasPrefix(w, "-") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// collectAcronyms records the capitals with and without periods ("US",
// "U.S.") among the words of a name candidate. A candidate all in capitals
// is a shouted headline, not acronyms.
func collectAcronyms(c *spellingCollector, doc *checker.Document, words []checker.Span) {
	upper := 0
	for _, w := range words {
		if text.IsAllUpper(doc.Text[w.Start:w.End]) {
			upper++
		}
	}
	if upper >= 3 && upper == len(words) {
		return
	}
	for i := 0; i < len(words); i++ {
		w := doc.Text[words[i].Start:words[i].End]
		if spellSingleCapital(w) {
			// Dotted: "U.S.", "U.K"; not initials ("J. R. Smith").
			j, end := i, words[i].End
			for j+1 < len(words) && doc.Text[words[j].End:words[j+1].Start] == "." && spellSingleCapital(doc.Text[words[j+1].Start:words[j+1].End]) {
				j++
				end = words[j].End
			}
			if j > i {
				if end < len(doc.Text) && doc.Text[end] == '.' {
					end++
				}
				s := checker.Span{Start: words[i].Start, End: end}
				c.add(cluster.Acronym, doc.Text[s.Start:s.End], "", s, true)
				i = j
			}
			continue
		}
		if n := len(w); n < 2 || n > 5 || !spellASCIIUpper(w) {
			continue
		}
		c.add(cluster.Acronym, w, "", words[i], true)
	}
}

// collectCompounds records hyphenated compounds of lower-case words, the
// same letters closed up, or after a bound prefix with a space; with britAm
// also the words with a British and an American spelling ("colour").
func collectCompounds(c *spellingCollector, doc *checker.Document, britAm bool) {
	type occ struct {
		span checker.Span
		kind cluster.Kind
		text string
		key  string
	}
	var occs []occ
	var keys map[string]bool // the hyphenated and spaced compounds, closed up
	addKey := func(k string) {
		if keys == nil {
			keys = map[string]bool{}
		}
		keys[k] = true
	}
	for _, s := range doc.Sentences {
		if doc.BlockOf(s).Kind == checker.Code {
			continue
		}
		toks := doc.SentenceTokens(s)
		for i, t := range toks {
			if t.Kind != text.Word {
				continue
			}
			w := doc.TokenText(t)
			if !britAm && !spellIsPrefixFold(w) {
				continue
			}
			if !spellLowerWord(w, i == 0) {
				continue
			}
			lw := w
			if c := w[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
				lw = strings.ToLower(w)
			}
			prefix := spellIsPrefix(lw)
			// Hyphenated: "anti-gang", also "anti -gang".
			if prefix && i+2 < len(toks) {
				h, r := toks[i+1], toks[i+2]
				if r.Kind == text.Word && doc.TokenText(h) == "-" && h.End == r.Start &&
					(t.End == h.Start || strings.Trim(doc.Masked[t.End:h.Start], " ") == "") &&
					!(i > 0 && toks[i-1].End == t.Start) && !(i+3 < len(toks) && toks[i+3].Start == r.End) {
					if rw := doc.TokenText(r); spellLowerWord(rw, false) {
						occs = append(occs, occ{span: checker.Span{Start: t.Start, End: r.End}, kind: cluster.Compound, text: lw + "-" + rw})
						addKey(lw + rw)
					}
				}
			}
			if i > 0 && toks[i-1].End == t.Start || i+1 < len(toks) && toks[i+1].Start == t.End {
				continue // part of a longer word
			}
			if britAm {
				if other, ok := lexicon.BritishAmerican(lw); ok {
					occs = append(occs, occ{span: t.Span, kind: cluster.Regional, text: lw, key: min(lw, other)})
				}
			}
			// Spaced after a bound prefix: "anti gang"; not after one
			// that is also a word ("post office", "counter staff").
			if prefix && lw != "post" && lw != "counter" && lw != "e" && i+1 < len(toks) && toks[i+1].Kind == text.Word && doc.Masked[t.End:toks[i+1].Start] == " " {
				nw := doc.TokenText(toks[i+1])
				if spellLowerWord(nw, false) && lexicon.IsCommon(nw) && (i+2 >= len(toks) || toks[i+2].Start != toks[i+1].End) {
					occs = append(occs, occ{span: checker.Span{Start: t.Start, End: toks[i+1].End}, kind: cluster.Compound, text: lw + " " + nw})
					addKey(lw + nw)
				}
			}
		}
	}
	// The same compounds closed up: "antigang", "email".
	if len(keys) > 0 {
		var lens uint64 // the byte lengths of the keys
		for k := range keys {
			if len(k) < 64 {
				lens |= 1 << len(k)
			}
		}
		for _, s := range doc.Sentences {
			if doc.BlockOf(s).Kind == checker.Code {
				continue
			}
			toks := doc.SentenceTokens(s)
			for i, t := range toks {
				if t.Kind != text.Word || t.Len() >= 64 || lens&(1<<t.Len()) == 0 ||
					i > 0 && toks[i-1].End == t.Start || i+1 < len(toks) && toks[i+1].Start == t.End {
					continue
				}
				lw := doc.TokenText(t)
				if c := lw[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
					lw = strings.ToLower(lw)
				}
				if keys[lw] {
					occs = append(occs, occ{span: t.Span, kind: cluster.Compound, text: lw})
				}
			}
		}
		sort.SliceStable(occs, func(a, b int) bool { return occs[a].span.Start < occs[b].span.Start })
	}
	for _, o := range occs {
		c.add(o.kind, o.text, o.key, o.span, true)
	}
}

// spellPrefixes are the bound prefixes of spellIsPrefix by first letter.
var spellPrefixes = [26][]string{
	'a' - 'a': {"anti"},
	'c' - 'a': {"co", "cyber", "counter"},
	'e' - 'a': {"e"},
	'i' - 'a': {"inter"},
	'm' - 'a': {"multi"},
	'n' - 'a': {"non"},
	'p' - 'a': {"pre", "post", "pseudo"},
	's' - 'a': {"semi"},
	'u' - 'a': {"ultra"},
}

// spellIsPrefixFold is spellIsPrefix for a word in any case.
func spellIsPrefixFold(w string) bool {
	if len(w) == 0 || len(w) > 7 {
		return false
	}
	c := w[0] | 0x20
	if c < 'a' || c > 'z' {
		return false
	}
	for _, p := range spellPrefixes[c-'a'] {
		if len(p) == len(w) && strings.EqualFold(p, w) {
			return true
		}
	}
	return false
}

// spellIsPrefix reports whether w is one of the bound prefixes a compound
// may be written with, joined by a hyphen, closed or spaced ("anti-gang",
// "antigang", "anti gang").
func spellIsPrefix(w string) bool {
	switch w {
	case "anti", "non", "e", "co", "pre", "post", "multi", "semi", "cyber", "counter", "inter", "pseudo", "ultra":
		return true
	}
	return false
}

// spellLowerWord reports whether w is letters only, in lower case (its first
// letter may be a capital when it starts the sentence).
func spellLowerWord(w string, initial bool) bool {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'a' <= c && c <= 'z' || i == 0 && initial && 'A' <= c && c <= 'Z' {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		ascii = false
		break
	}
	if ascii {
		return w != ""
	}
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) && !(i == 0 && initial) {
			return false
		}
	}
	return w != ""
}

func spellSingleCapital(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func spellASCIIUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func spellHasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// spellCommon reports whether w, in any case, is a common English word.
func spellCommon(w string) bool { return lexicon.IsCommon(w) }

// spellKnown reports whether the folded word w is in the lexicon at all.
func spellKnown(w string) bool { return lexicon.Lookup(w).Tier > 0 }

func finishSpellings(p *checker.RunPass, sums []any) error {
	opt := cluster.Options{
		MinSimilarity: p.Float("min-similarity"),
		Known:         spellKnown,
		Common:        func(w string) bool { return lexicon.IsCommon(w) },
	}
	terms := spellTerms(p.Glossary)
	if p.Bool("cross-file") {
		// Names and acronyms are grouped across files; compounds, a
		// matter of each author's style, within each file.
		var all []spellingItem
		index := map[spellKey]int{}
		for _, s := range sums {
			var local []spellingItem
			for _, it := range s.(*spellingSummary).items {
				if it.kind == cluster.Compound || it.kind == cluster.Regional {
					local = append(local, it)
					continue
				}
				k := spellKey{it.kind, it.text}
				i, ok := index[k]
				if !ok {
					index[k] = len(all)
					all = append(all, spellingItem{text: it.text, kind: it.kind, key: it.key})
					i = len(all) - 1
				}
				a := &all[i]
				a.count += it.count
				a.mid = a.mid || it.mid
				a.occs = append(a.occs, it.occs...)
			}
			reportSpellings(p, local, terms, opt)
		}
		reportSpellings(p, all, terms, opt)
		return nil
	}
	for _, s := range sums {
		reportSpellings(p, s.(*spellingSummary).items, terms, opt)
	}
	return nil
}

// A spellTerm is a glossary spelling: an entry's term, or a person's
// surname, which may stand alone.
type spellTerm struct {
	id   int // 1 + entry index
	text string
}

// spellTerms indexes the glossary's terms by their exact-variant key.
func spellTerms(g *glossary.Glossary) map[string]spellTerm {
	terms := map[string]spellTerm{}
	if g == nil {
		return terms
	}
	for i, e := range g.Entries {
		if k := text.Compact(e.Term); k != "" {
			if _, ok := terms[k]; !ok {
				terms[k] = spellTerm{i + 1, e.Term}
			}
		}
	}
	for i, e := range g.Entries {
		if e.Kind != glossary.Person {
			continue
		}
		last := cluster.LastWord(e.Term)
		if k := text.Compact(last); len(k) >= 3 && last != e.Term {
			if _, ok := terms[k]; !ok {
				terms[k] = spellTerm{i + 1, last}
			}
		}
	}
	return terms
}

func reportSpellings(p *checker.RunPass, items []spellingItem, terms map[string]spellTerm, opt cluster.Options) {
	in := make([]cluster.Item, len(items))
	for i, it := range items {
		in[i] = cluster.Item{Text: it.text, Kind: it.kind, Key: it.key, Count: it.count, Mid: it.mid}
		if it.kind == cluster.Name || it.kind == cluster.Acronym {
			in[i].Term = terms[text.Compact(it.text)].id
		}
	}
	for _, g := range cluster.Group(in, opt) {
		// The preferred spelling: the glossary term, else the most
		// frequent, ties to a known name, then to the first seen.
		pref := g[0]
		prefText := ""
		for _, i := range g {
			if t := in[i].Term; t != 0 && items[i].text == terms[text.Compact(items[i].text)].text {
				pref, prefText = i, items[i].text
				break
			}
		}
		if prefText == "" {
			known := func(i int) bool { return items[i].kind == cluster.Name && cluster.Known(items[i].text, opt) }
			for _, i := range g {
				// Among equals, a name the lexicon knows ("Buckley"
				// before "Bakle").
				if items[i].count > items[pref].count || items[i].count == items[pref].count && known(i) && !known(pref) {
					pref = i
				}
			}
			if items[pref].kind == cluster.Name {
				for _, i := range g {
					if cluster.Fuller(items[i].text, items[pref].text) {
						pref = i // "El Salvador" over "Salvador"
					}
				}
			}
			prefText = items[pref].text
			for _, i := range g {
				if t := in[i].Term; t != 0 {
					prefText = terms[text.Compact(items[i].text)].text
					pref = -1
					break
				}
			}
		}
		// Variants: the preferred first, then by count, then first seen.
		order := make([]int, 0, len(g))
		if pref >= 0 {
			order = append(order, pref)
		}
		for _, i := range g {
			if i != pref {
				order = append(order, i)
			}
		}
		rest := order
		if pref >= 0 {
			rest = order[1:]
		}
		spellSortByCount(rest, items)
		variants := make([]checker.Variant, 0, len(order))
		for _, i := range order {
			it := items[i]
			v := checker.Variant{Text: it.text, Count: it.count}
			if len(it.occs) > 0 {
				v.First = it.occs[0].Location
			}
			variants = append(variants, v)
		}
		for _, i := range g {
			if i == pref || items[i].text == prefText {
				continue
			}
			sugg := prefText
			if items[i].kind == cluster.Name {
				if strings.ReplaceAll(items[i].text, ".", "") == strings.ReplaceAll(prefText, ".", "") {
					continue // "U.S. Army", "US Army": reported as an acronym
				}
				if cluster.Shortened(items[i].text, prefText) {
					continue // "Bukele" beside "Nayib Bukele"
				}
				sugg = cluster.Suggest(items[i].text, prefText)
			}
			msg := spellingMessage(items, order, i)
			for _, o := range items[i].occs {
				p.Report(checker.Finding{
					File:       o.File,
					Span:       o.Span,
					Pos:        o.Pos,
					End:        o.End,
					Text:       o.raw,
					Message:    msg,
					Suggestion: sugg,
					Variants:   variants,
				})
			}
		}
	}
}

// spellSortByCount sorts item indexes by count, highest first, keeping the
// order of first occurrence among equals.
func spellSortByCount(idx []int, items []spellingItem) {
	for a := 1; a < len(idx); a++ {
		for b := a; b > 0 && items[idx[b]].count > items[idx[b-1]].count; b-- {
			idx[b], idx[b-1] = idx[b-1], idx[b]
		}
	}
}

// spellingMessage says which other spellings the group holds:
// `"Bakle" is also written "Buckley" (2 times) and "Naibbuckley" (1 time)`.
func spellingMessage(items []spellingItem, order []int, self int) string {
	var others []string
	for _, i := range order {
		if i == self {
			continue
		}
		if len(others) == 3 {
			others = append(others, fmt.Sprintf("%d more", len(order)-1-3))
			break
		}
		n := items[i].count
		unit := "times"
		if n == 1 {
			unit = "time"
		}
		others = append(others, fmt.Sprintf("%q (%d %s)", items[i].text, n, unit))
	}
	list := others[0]
	if len(others) > 1 {
		list = strings.Join(others[:len(others)-1], ", ") + " and " + others[len(others)-1]
	}
	return fmt.Sprintf("%q is also written %s", items[self].text, list)
}

// spellNationality reports whether w is a capitalised adjective such as a
// nationality ("Japanese" in "Japanese Foreign Minister ...").
func spellNationality(w string) bool {
	i := lexicon.Lookup(w)
	return i.Is(lexicon.Proper) && i.Is(lexicon.Adj)
}

// spellTitle reports whether w, before a name, may be a title or another
// common word to drop ("President", "Foreign", "Minister"), not a first name
// that is also a word ("Anna"; the very common ones, "Mark", are dropped).
func spellTitle(w string) bool {
	i := lexicon.Lookup(w)
	return spellCommon(w) && !(i.Is(lexicon.Proper) && i.Tier >= 3)
}

// spellConnector is text.IsConnector, without folding long words.
func spellConnector(w string) bool { return len(w) <= 5 && text.IsConnector(w) }
