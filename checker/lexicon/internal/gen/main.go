// Command gen builds the lexicon's embedded data from the SCOWL word lists
// and the WordNet database, as packaged by Debian:
//
//	apt-get install scowl wordnet-base
//	go generate ./checker/lexicon
//
// It writes three files into the output directory: lexicon.bin (the hashed
// word table), variants.txt (British/American spelling pairs) and
// data_gen.go (the Info palette and the table's parameters).
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"flag"
	"fmt"
	"go/format"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mtlint/mtlint/checker/lexicon/internal/lexhash"
)

// Tag bits, as in package lexicon (the generator cannot import it: the
// package embeds the files this command writes).
const (
	tNoun uint16 = 1 << iota
	tVerb
	tAdj
	tAdv
	tFinite
	tFunction
	tLower
	tProper
)

type info struct {
	tier uint8
	tags uint16
}

// word is what the SCOWL lists say of one lower-case key.
type word struct {
	tier        uint8 // smallest tier seen, in any form
	lowerTier   uint8 // smallest tier of the all-lower-case form, 0 if none
	properTier  uint8 // smallest tier of a capitalised name ("Bush", "McDonald"), 0 if none
	upperTier   uint8 // smallest tier of any form with a capital (names, acronyms, symbols), 0 if none
	contraction bool  // listed in a contractions file
}

func minTier(t, u uint8) uint8 {
	if t == 0 {
		return u
	}
	return min(t, u)
}

// capitalised reports whether entry is written with a capital letter and
// lower-case letters ("Paris", "McDonald", "iPhone"): not an acronym
// ("NATO") and not the pronoun "I" and its contractions.
func capitalised(entry string) bool {
	if entry == "I" || strings.HasPrefix(entry, "I'") {
		return false
	}
	hasUpper, hasLower := false, false
	for _, r := range entry {
		hasUpper = hasUpper || unicode.IsUpper(r)
		hasLower = hasLower || unicode.IsLower(r)
	}
	return hasUpper && hasLower
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	scowlDir := flag.String("scowl", "/usr/share/dict/scowl", "directory of the SCOWL final word lists")
	wnDir := flag.String("wordnet", "/usr/share/wordnet", "directory of the WordNet database files")
	out := flag.String("out", ".", "output directory")
	flag.Parse()

	lx, err := readSCOWL(*scowlDir)
	if err != nil {
		log.Fatal(err)
	}
	wn, err := readWordNet(*wnDir)
	if err != nil {
		log.Fatal(err)
	}

	// Function words are part of the lexicon even where a list misses them.
	for w := range functionWords {
		if _, ok := lx.words[w]; !ok {
			lx.words[w] = &word{tier: 1, lowerTier: 1}
		}
	}
	// Drop possessives ("ability's") whose base word is present: Lookup
	// strips "'s" itself. Contractions ("it's", "let's") stay.
	var possessives []string
	for w, e := range lx.words {
		if base, ok := strings.CutSuffix(w, "'s"); ok && !e.contraction && functionWords[w] == 0 {
			if _, ok := lx.words[base]; ok {
				possessives = append(possessives, w)
			}
		}
	}
	for _, w := range possessives {
		delete(lx.words, w)
	}

	// English writers often drop accents ("cafe", "attaches" for
	// "attachés"): the unaccented spelling gets the accented word's entry
	// where the lists have no entry of their own for it.
	for _, w := range slices.Sorted(maps.Keys(lx.words)) {
		if plain := stripAccents(w); plain != w {
			if _, ok := lx.words[plain]; !ok {
				e := *lx.words[w]
				lx.words[plain] = &e
			}
		}
	}

	keys := make([]string, 0, len(lx.words))
	for w := range lx.words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	infos := make([]info, len(keys))
	for i, w := range keys {
		infos[i] = classify(w, lx.words[w], wn)
	}

	pairs := britishAmerican(lx)

	if err := write(*out, keys, infos, pairs); err != nil {
		log.Fatal(err)
	}
}

// stripAccents removes combining marks after canonical decomposition.
func stripAccents(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// tierOf maps a SCOWL size level to a tier.
func tierOf(size int) uint8 {
	switch {
	case size <= 20:
		return 1
	case size <= 35:
		return 2
	case size <= 50:
		return 3
	case size <= 70:
		return 4
	default:
		return 5
	}
}

type scowl struct {
	words map[string]*word
	// Lower-case entries of the "words" lists by spelling category, for
	// the British/American pairs.
	english, american, british map[string]bool
}

func readSCOWL(dir string) (*scowl, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%v (apt-get install scowl)", err)
	}
	lx := &scowl{
		words:    map[string]*word{},
		english:  map[string]bool{},
		american: map[string]bool{},
		british:  map[string]bool{},
	}
	nfiles := 0
	for _, de := range ents {
		name := de.Name()
		// <category>-<sub-category>.<size>
		base, sizeStr, ok := strings.Cut(name, ".")
		if !ok {
			continue
		}
		size, err := strconv.Atoi(sizeStr)
		if err != nil {
			continue
		}
		cat, sub, ok := strings.Cut(base, "-")
		if !ok || cat == "special" || strings.HasSuffix(cat, "variant_3") {
			// special-hacker and roman numerals are not ordinary words;
			// variant_3 is "seldom used and may not even be considered correct".
			continue
		}
		switch sub {
		case "words", "upper", "proper-names", "abbreviations", "contractions":
		default:
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		nfiles++
		tier := tierOf(size)
		for _, line := range strings.Split(decode(data), "\n") {
			entry := strings.TrimSpace(line)
			if entry == "" {
				continue
			}
			key := strings.ToLower(entry)
			e := lx.words[key]
			if e == nil {
				e = &word{tier: tier}
				lx.words[key] = e
			}
			e.tier = min(e.tier, tier)
			if key == entry {
				e.lowerTier = minTier(e.lowerTier, tier)
			} else {
				e.upperTier = minTier(e.upperTier, tier)
				// Abbreviations hold symbols ("He", "In", "Be") that are
				// not names.
				if sub != "abbreviations" && capitalised(entry) {
					e.properTier = minTier(e.properTier, tier)
				}
			}
			if sub == "contractions" {
				e.contraction = true
			}
			if sub == "words" && key == entry {
				switch cat {
				case "english":
					lx.english[key] = true
				case "american":
					lx.american[key] = true
				case "british":
					lx.british[key] = true
				}
			}
		}
	}
	if nfiles == 0 {
		return nil, fmt.Errorf("no SCOWL word lists in %s (apt-get install scowl)", dir)
	}
	return lx, nil
}

// decode returns the text of a SCOWL file. Upstream SCOWL is ISO-8859-1;
// Debian's copy is UTF-8. A file that is not valid UTF-8 is read as Latin-1.
func decode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

type wordnet struct {
	idx    [4]map[string]bool     // noun, verb, adj, adv lemmas (single words)
	exc    [4]map[string][]string // inflected form -> lemmas
	ppOnly map[string]bool        // irregular past participles that are never past tense
}

const (
	posNoun = iota
	posVerb
	posAdj
	posAdv
)

var posNames = [4]string{"noun", "verb", "adj", "adv"}

func readWordNet(dir string) (*wordnet, error) {
	wn := &wordnet{ppOnly: map[string]bool{}}
	for p, name := range posNames {
		idx, err := readFields(filepath.Join(dir, "index."+name))
		if err != nil {
			return nil, fmt.Errorf("%v (apt-get install wordnet-base)", err)
		}
		wn.idx[p] = map[string]bool{}
		for _, f := range idx {
			if !strings.ContainsAny(f[0], "_ ") {
				wn.idx[p][f[0]] = true
			}
		}
		exc, err := readFields(filepath.Join(dir, name+".exc"))
		if err != nil {
			return nil, err
		}
		wn.exc[p] = map[string][]string{}
		for _, f := range exc {
			if len(f) < 2 || strings.ContainsAny(f[0], "_ ") {
				continue
			}
			for _, lemma := range f[1:] {
				if !strings.Contains(lemma, "_") {
					wn.exc[p][f[0]] = append(wn.exc[p][f[0]], lemma)
				}
			}
		}
	}
	// Irregular verb forms: the hand list of participles, plus the regular
	// shapes of participles among a lemma's irregular forms.
	forms := map[string][]string{} // lemma -> irregular forms
	for f, lemmas := range wn.exc[posVerb] {
		for _, l := range lemmas {
			forms[l] = append(forms[l], f)
		}
	}
	for w := range participles {
		wn.ppOnly[w] = true
	}
	for _, fs := range forms {
		for _, f := range fs {
			if pastTense[f] {
				continue
			}
			if strings.HasSuffix(f, "en") || strings.HasSuffix(f, "wn") || strings.HasSuffix(f, "rn") || strings.HasSuffix(f, "ain") {
				wn.ppOnly[f] = true
				continue
			}
			for _, g := range fs {
				if uaAlternation(f, g) {
					wn.ppOnly[f] = true
				}
			}
		}
	}
	return wn, nil
}

// uaAlternation reports whether f is g with one 'a' replaced by 'u', as in
// sung/sang, drunk/drank, begun/began: f is then the participle.
func uaAlternation(f, g string) bool {
	if len(f) != len(g) {
		return false
	}
	diff := 0
	for i := 0; i < len(f); i++ {
		if f[i] != g[i] {
			if f[i] != 'u' || g[i] != 'a' {
				return false
			}
			diff++
		}
	}
	return diff == 1
}

// readFields returns the whitespace-separated fields of each line of a
// WordNet file, skipping the licence header (lines starting with a space).
func readFields(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out, sc.Err()
}

// classify computes the Info of one key.
func classify(w string, e *word, wn *wordnet) info {
	// A lower-case form found only in SCOWL's largest sizes (80-95, tier
	// 5) is ignored when a capitalised form is a dictionary word: those
	// sizes hold lower-case spellings of names ("paris", "monday"). A name
	// three tiers rarer than the lower-case word, or only in sizes 80-95,
	// is ignored too: titles and surnames such as "The", "Is", "Seen".
	var t uint16
	if e.lowerTier != 0 && (e.lowerTier < 5 || e.upperTier == 0 || e.upperTier == 5) {
		t |= tLower
	}
	if p, l := e.properTier, e.lowerTier; p != 0 && (l == 0 || p < l+3 && (p < 5 || l == 5)) {
		t |= tProper
	}
	t |= posTags(w, wn)
	if plain := stripAccents(w); plain != w {
		// WordNet spells "attaché" without its accent.
		t |= posTags(plain, wn)
	}
	return info{tier: e.tier, tags: t}
}

// posTags returns the part-of-speech, Finite and Function tags of w.
func posTags(w string, wn *wordnet) uint16 {
	var t uint16
	fn := functionWords[w]
	if fn != 0 {
		t |= tFunction | tLower
		if fn == fin {
			t |= tFinite | tVerb
		}
	}
	if wn.idx[posNoun][w] {
		t |= tNoun
	}
	if wn.idx[posVerb][w] {
		t |= tVerb | tFinite // a base form is also the present tense
	}
	if wn.idx[posAdj][w] {
		t |= tAdj
	}
	if wn.idx[posAdv][w] {
		t |= tAdv
	}
	t |= verbForm(w, wn)
	if fn == 0 {
		// Inflections of open-class words; for closed-class words these
		// only find accidents ("is" as the plural of "i", "does" of "doe").
		if nounForm(w, wn) {
			t |= tNoun
		}
		if adjForm(w, wn) {
			t |= tAdj
		}
		for _, l := range wn.exc[posAdv][w] {
			if wn.idx[posAdv][l] {
				t |= tAdv
			}
		}
	}
	return t
}

func nounForm(w string, wn *wordnet) bool {
	idx := wn.idx[posNoun]
	for _, l := range wn.exc[posNoun][w] {
		if idx[l] {
			return true
		}
	}
	for _, r := range [...]struct{ suf, rep string }{
		{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
	} {
		if b, ok := strings.CutSuffix(w, r.suf); ok && len(b) >= 2 && !strings.HasSuffix(w, "ss") && idx[b+r.rep] {
			return true
		}
	}
	return false
}

func adjForm(w string, wn *wordnet) bool {
	idx := wn.idx[posAdj]
	for _, l := range wn.exc[posAdj][w] {
		if idx[l] {
			return true
		}
	}
	for _, suf := range [...]string{"er", "est"} {
		b, ok := strings.CutSuffix(w, suf)
		if !ok || len(b) < 2 {
			continue
		}
		if idx[b] || idx[b+"e"] || (strings.HasSuffix(b, "i") && idx[b[:len(b)-1]+"y"]) || (doubled(b) && idx[b[:len(b)-1]]) {
			return true
		}
	}
	return false
}

// verbForm returns the verb tags of an inflected form of a verb.
func verbForm(w string, wn *wordnet) uint16 {
	idx := wn.idx[posVerb]
	var t uint16
	for _, l := range wn.exc[posVerb][w] {
		if idx[l] {
			t |= tVerb
			if !wn.ppOnly[w] && !strings.HasSuffix(w, "ing") {
				t |= tFinite
			}
		}
	}
	// Third person singular: present, finite.
	if b, ok := strings.CutSuffix(w, "s"); ok && len(b) >= 2 && !strings.HasSuffix(b, "s") {
		if idx[b] || (strings.HasSuffix(b, "e") && idx[b[:len(b)-1]]) || (strings.HasSuffix(b, "ie") && idx[b[:len(b)-2]+"y"]) {
			t |= tVerb | tFinite
		}
	}
	// Regular past tense (or participle): ambiguous, so finite.
	if b, ok := strings.CutSuffix(w, "ed"); ok && len(b) >= 2 {
		if idx[b] || idx[b+"e"] || (strings.HasSuffix(b, "i") && idx[b[:len(b)-1]+"y"]) || (doubled(b) && idx[b[:len(b)-1]]) {
			t |= tVerb | tFinite
		}
	}
	// Present participle: never finite.
	if b, ok := strings.CutSuffix(w, "ing"); ok && len(b) >= 2 {
		if idx[b] || idx[b+"e"] || (strings.HasSuffix(b, "y") && idx[b[:len(b)-1]+"ie"]) || (doubled(b) && idx[b[:len(b)-1]]) {
			t |= tVerb
		}
	}
	return t
}

// doubled reports whether s ends in a doubled consonant ("stopp" of "stopped").
func doubled(s string) bool {
	n := len(s)
	return n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiou", rune(s[n-1]))
}

// britishAmerican pairs each spelling SCOWL lists only as British with the
// American spelling reached by the regular correspondences, and the
// American-only spellings back. Both spellings must be dictionary words
// (SCOWL size 70 or below): the larger sizes hold too many rare variants
// for the correspondences to pick the right one.
func britishAmerican(lx *scowl) map[string]string {
	tier := func(w string) uint8 {
		if e := lx.words[w]; e != nil {
			return e.tier
		}
		return 0
	}
	bOnly, aOnly := map[string]bool{}, map[string]bool{}
	for w := range lx.british {
		if !lx.american[w] && !lx.english[w] {
			bOnly[w] = true
		}
	}
	for w := range lx.american {
		if !lx.british[w] && !lx.english[w] {
			aOnly[w] = true
		}
	}
	inAmerican := func(w string) bool { return (lx.american[w] || lx.english[w]) && tier(w) <= 4 }
	pairs := map[string]string{}
	for _, b := range slices.Sorted(maps.Keys(bOnly)) {
		if strings.Contains(b, "'") || tier(b) > 4 {
			continue
		}
		a, ok := toAmerican(b, inAmerican, tier)
		if !ok {
			continue
		}
		pairs[b] = a
		if aOnly[a] {
			if _, dup := pairs[a]; !dup {
				pairs[a] = b
			}
		}
	}
	return pairs
}

// spellingRules are the regular British -> American correspondences.
var spellingRules = [...]struct{ from, to string }{
	{"our", "or"},
	{"isa", "iza"}, {"ise", "ize"}, {"isi", "izi"},
	{"ysa", "yza"}, {"yse", "yze"}, {"ysi", "yzi"},
	{"tred", "tered"}, {"tring", "tering"}, {"tre", "ter"},
	{"bred", "bered"}, {"bring", "bering"}, {"bre", "ber"},
	{"vred", "vered"}, {"vring", "vering"}, {"vre", "ver"},
	{"gred", "gered"}, {"gre", "ger"},
	{"chre", "cher"},
	{"ogued", "oged"}, {"oguing", "oging"}, {"ogue", "og"},
	{"ence", "ense"},
	{"ll", "l"}, {"l", "ll"},
	{"ae", "e"}, {"oe", "e"},
}

// toAmerican searches the spellings reached from b by up to three rule
// applications for those the American list holds, and returns the most
// common one (then the nearest, then the first in byte order).
func toAmerican(b string, inAmerican func(string) bool, tier func(string) uint8) (string, bool) {
	seen := map[string]bool{b: true}
	level := []string{b}
	best, bestTier := "", uint8(255)
	for depth := 0; depth < 3; depth++ {
		var next []string
		for _, s := range level {
			for _, r := range spellingRules {
				for i := 0; ; {
					j := strings.Index(s[i:], r.from)
					if j < 0 {
						break
					}
					j += i
					c := s[:j] + r.to + s[j+len(r.from):]
					i = j + 1
					if r.to == "e" && !digraphAt(s, j) {
						continue
					}
					if seen[c] {
						continue
					}
					seen[c] = true
					if inAmerican(c) {
						if t := tier(c); t < bestTier || t == bestTier && c < best {
							best, bestTier = c, t
						}
					}
					next = append(next, c)
				}
			}
		}
		if best != "" {
			return best, true
		}
		level = next
	}
	return "", false
}

// digraphAt reports whether the "ae" or "oe" at s[j:] is the classical
// digraph that American spelling writes "e" (anaemia, oestrogen, manoeuvre):
// not at the end of the word (plurals such as "larvae") and not before a
// vowel or the "r" of aero- (air), and not a plural in -oes (tomatoes).
func digraphAt(s string, j int) bool {
	k := j + 2
	return k < len(s) && !strings.ContainsRune("aeioyr", rune(s[k])) && s[k:] != "s"
}

func write(dir string, keys []string, infos []info, pairs map[string]string) error {
	// Palette of distinct infos.
	var palette []info
	pidx := map[info]int{}
	for _, in := range infos {
		if _, ok := pidx[in]; !ok {
			pidx[in] = 0
			palette = append(palette, in)
		}
	}
	slices.SortFunc(palette, func(a, b info) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(a.tags, b.tags))
	})
	if len(palette) > 255 {
		// Lookup's cache of short words stores index 255 for a word
		// not found.
		return fmt.Errorf("%d distinct infos do not fit the 8-bit palette", len(palette))
	}
	for i, in := range palette {
		pidx[in] = i
	}

	// Find a seed under which no two words share bucket and fingerprint.
	type ent struct{ bucket, fp, pal uint32 }
	ents := make([]ent, len(keys))
	var seed uint64
	for ; ; seed++ {
		for i, k := range keys {
			b, fp := lexhash.Split(lexhash.Sum(k, seed))
			ents[i] = ent{b, fp, uint32(pidx[infos[i]])}
		}
		slices.SortFunc(ents, func(a, b ent) int {
			return cmp.Or(cmp.Compare(a.bucket, b.bucket), cmp.Compare(a.fp, b.fp))
		})
		clash := false
		for i := 1; i < len(ents); i++ {
			if ents[i].bucket == ents[i-1].bucket && ents[i].fp == ents[i-1].fp {
				clash = true
				break
			}
		}
		if !clash {
			break
		}
	}

	nb := 1 << lexhash.BucketBits
	buf := make([]byte, 0, 4*(nb+1)+4*len(ents))
	start := 0
	for b := 0; b <= nb; b++ {
		for start < len(ents) && int(ents[start].bucket) < b {
			start++
		}
		buf = binary.LittleEndian.AppendUint32(buf, uint32(start))
	}
	for _, e := range ents {
		buf = binary.LittleEndian.AppendUint32(buf, e.fp<<8|e.pal)
	}
	if err := os.WriteFile(filepath.Join(dir, "lexicon.bin"), buf, 0o644); err != nil {
		return err
	}

	var vb strings.Builder
	for _, k := range slices.Sorted(maps.Keys(pairs)) {
		fmt.Fprintf(&vb, "%s\t%s\n", k, pairs[k])
	}
	if err := os.WriteFile(filepath.Join(dir, "variants.txt"), []byte(vb.String()), 0o644); err != nil {
		return err
	}

	maxLen := 0
	for _, k := range keys {
		maxLen = max(maxLen, len(k))
	}
	var g bytes.Buffer
	fmt.Fprintf(&g, "// Code generated by internal/gen from SCOWL and WordNet; DO NOT EDIT.\n\npackage lexicon\n\n")
	fmt.Fprintf(&g, "const (\n\thashSeed = %d\n\tnumWords = %d\n\tmaxWordLen = %d\n)\n\n", seed, len(keys), maxLen)
	fmt.Fprintf(&g, "var palette = [256]Info{\n")
	for i, in := range palette {
		fmt.Fprintf(&g, "\t%d: {%d, %s},\n", i, in.tier, tagExpr(in.tags))
	}
	fmt.Fprintf(&g, "}\n")
	src, err := format.Source(g.Bytes())
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "data_gen.go"), src, 0o644); err != nil {
		return err
	}
	log.Printf("%d words, %d palette entries, seed %d, %d bytes of table, %d spelling pairs",
		len(keys), len(palette), seed, len(buf), len(pairs))
	return nil
}

var tagNames = [...]string{"Noun", "Verb", "Adj", "Adv", "Finite", "Function", "Lower", "Proper"}

func tagExpr(t uint16) string {
	var parts []string
	for i, n := range tagNames {
		if t&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}
