package rules

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/text"
)

func TestInconsistentSpelling(t *testing.T) {
	checkertest.Run(t, "testdata/inconsistent-spelling", InconsistentSpelling)
}

func TestInconsistentSpellingGlossary(t *testing.T) {
	checkertest.Run(t, "testdata/inconsistent-spelling/glossary", InconsistentSpelling)
}

func TestInconsistentSpellingBritishAmerican(t *testing.T) {
	checkertest.Run(t, "testdata/inconsistent-spelling/british-american", InconsistentSpelling, checkertest.Set("british-american", "true"))
	// Off by default.
	data, err := os.ReadFile("testdata/inconsistent-spelling/british-american/mixed.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean, _, _ := checkertest.Strip(string(data))
	if got := checkertest.Check(t, "mixed.txt", clean, InconsistentSpelling, nil); len(got) != 0 {
		t.Errorf("british-american off: want no findings, got %q", got[0].Message)
	}
}

// spellCheckFiles runs the rule over files through the engine.
func spellCheckFiles(t testing.TB, files []string, jobs int, opts map[string]string) []checker.Finding {
	t.Helper()
	var inputs []checker.Input
	for _, f := range files {
		f := f
		inputs = append(inputs, checker.Input{Path: f, Read: func() ([]byte, error) { return os.ReadFile(f) }})
	}
	return spellCheckInputs(t, inputs, jobs, opts)
}

func spellCheckInputs(t testing.TB, inputs []checker.Input, jobs int, opts map[string]string) []checker.Finding {
	t.Helper()
	cfg := &checker.Config{Rules: map[string]checker.RuleConfig{InconsistentSpelling.ID: {Options: opts}}}
	run := &checker.Run{Rules: []*checker.Rule{InconsistentSpelling}, Config: cfg, Parse: input.Parse, Jobs: jobs}
	res, err := run.Check(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors[0])
	}
	return res.Findings
}

func TestInconsistentSpellingCrossFile(t *testing.T) {
	files, _ := filepath.Glob("testdata/inconsistent-spelling/crossfile/*.txt")
	if len(files) < 3 {
		t.Fatalf("want at least 3 files, have %d", len(files))
	}
	got := spellCheckFiles(t, files, 0, nil)
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%s:%d:%d %q -> %q", filepath.Base(f.File), f.Pos.Line, f.Pos.Column, f.Text, f.Suggestion))
		if len(f.Variants) < 2 {
			t.Errorf("%s: want the variants of the group, have %v", f.Message, f.Variants)
		}
		if f.Rule != InconsistentSpelling.ID || f.Severity != checker.Warning || f.Safe {
			t.Errorf("finding fields: rule %q severity %v safe %v", f.Rule, f.Severity, f.Safe)
		}
	}
	want := []string{
		`03-wednesday.txt:2:1 "Wieczorkewicz" -> "Wieczorkiewicz"`,
		`03-wednesday.txt:3:1 "Przybilski" -> "Przybylski"`,
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("cross-file findings:\n got %q\nwant %q", lines, want)
	}
	// Each file alone is consistent.
	if got := spellCheckFiles(t, files, 0, map[string]string{"cross-file": "false"}); len(got) != 0 {
		t.Errorf("cross-file=false: want no findings, got %d: %s", len(got), got[0].Message)
	}
}

func TestInconsistentSpellingDeterministic(t *testing.T) {
	files, _ := filepath.Glob("testdata/inconsistent-spelling/*.txt")
	more, _ := filepath.Glob("testdata/inconsistent-spelling/crossfile/*.txt")
	files = append(files, more...)
	if seed := "../testdata/seed/article.txt"; spellFileExists(seed) {
		files = append(files, seed)
	}
	var inputs []checker.Input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		clean, _, err := checkertest.Strip(string(data))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, checker.Input{Path: f, Read: func() ([]byte, error) { return []byte(clean), nil }})
	}
	one := spellCheckInputs(t, inputs, 1, nil)
	if len(one) == 0 {
		t.Fatal("no findings to compare")
	}
	for i := 0; i < 5; i++ {
		eight := spellCheckInputs(t, inputs, 8, nil)
		if !reflect.DeepEqual(one, eight) {
			t.Fatalf("jobs 1 and 8 differ:\n%v\n%v", one, eight)
		}
	}
}

func spellFileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestInconsistentSpellingLookalikes writes each pair of different real
// names that look alike into a short text that uses both correctly, twice
// each and once each: none may be reported.
func TestInconsistentSpellingLookalikes(t *testing.T) {
	f, err := os.Open("testdata/inconsistent-spelling/lookalikes/pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		a, b, ok := strings.Cut(l, "|")
		if !ok {
			t.Fatalf("bad line %q", l)
		}
		pairs = append(pairs, [2]string{a, b})
	}
	if len(pairs) < 50 {
		t.Fatalf("want at least 50 look-alike pairs, have %d", len(pairs))
	}
	for _, p := range pairs {
		a, b := p[0], p[1]
		texts := []string{
			fmt.Sprintf("Officials said %s would attend the talks. The office of %s said nothing.\n\n"+
				"Reporters later asked about %s again. A letter from %s arrived on Friday.\n", a, b, a, b),
			fmt.Sprintf("The visit by %s was short. Nobody from %s was there.\n", a, b),
		}
		for _, txt := range texts {
			txt := txt
			got := spellCheckInputs(t, []checker.Input{{Path: "pair.txt", Read: func() ([]byte, error) { return []byte(txt), nil }}}, 1, nil)
			for _, g := range got {
				t.Errorf("%s / %s: unexpected finding %q: %s", a, b, g.Text, g.Message)
			}
		}
	}
}

// TestInconsistentSpellingSeed checks the seed article with no glossary:
// every cluster an editor must find is reported.
func TestInconsistentSpellingSeed(t *testing.T) {
	const seed = "../testdata/seed/article.txt"
	if !spellFileExists(seed) {
		t.Skip("no seed article")
	}
	got := spellCheckFiles(t, []string{seed}, 1, nil)
	clusters := [][]string{
		{"Tren De Aragua", "Torone Alagua", "Terren De Alagua"},
		{"Naibbuckley", "Bakle", "Buckley"},
		{"US", "U.S."},
	}
	for _, c := range clusters {
		found := false
		for _, f := range got {
			seen := map[string]bool{f.Text: true}
			for _, v := range f.Variants {
				seen[v.Text] = true
			}
			n := 0
			for _, s := range c {
				if seen[s] {
					n++
				}
			}
			if n >= 2 && spellContains(c, f.Text) {
				found = true
			}
		}
		if !found {
			t.Errorf("cluster %q not reported", c)
		}
	}
	// Findings outside the expected clusters (Salvador beside El
	// Salvador is right too) are false alarms: at most 3.
	ok := map[string]bool{"Salvador": true, "Salvado": true, "El Salvador": true}
	for _, c := range clusters {
		for _, s := range c {
			ok[s] = true
		}
	}
	var bad []string
	for _, f := range got {
		if !ok[f.Text] {
			bad = append(bad, fmt.Sprintf("%d:%d %q", f.Pos.Line, f.Pos.Column, f.Text))
		}
	}
	if len(bad) > 3 {
		t.Errorf("%d false alarms: %v", len(bad), bad)
	}
}

func spellContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// spellProseAllowed lists the findings that stand on the clean prose, with
// why: most are real inconsistencies of the published text.
var spellProseAllowed = map[string]string{
	"devils-dictionary.txt:Groke":         "Bierce's Professor Groke is a vowel and a letter from Greece; likeness alone cannot tell a coinage from a garble",
	"devils-dictionary.txt:Sneddeker":     "the source spells this authority both Sneddeker and Snedeker",
	"go-packages.txt:Getpid":              "identifiers outside code markup look like names; Getpid, Getppid and Getwd differ as garbles do",
	"go-packages.txt:Getppid":             "as Getpid",
	"python-howto.txt:multi-byte":         "the source writes both multibyte and multi-byte",
	"python-howto.txt:e-mail":             "the source writes both email and e-mail",
	"python-whatsnew.txt:Petr Victorin":   "a typo in the source for Petr Viktorin",
	"python-whatsnew.txt:Batuhan Taşkaya": "the source writes the name with and without its diacritic",
}

// TestInconsistentSpellingProse checks clean professional prose: at most
// one finding per 10,000 words.
func TestInconsistentSpellingProse(t *testing.T) {
	files, _ := filepath.Glob("../testdata/prose/*.txt")
	if len(files) == 0 {
		t.Skip("no clean prose in ../testdata/prose")
	}
	sort.Strings(files)
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := input.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		words += doc.WordCount()
	}
	got := spellCheckFiles(t, files, 0, nil)
	n := 0
	for _, f := range got {
		key := filepath.Base(f.File) + ":" + f.Text
		if why, ok := spellProseAllowed[key]; ok {
			t.Logf("stands: %s (%s)", key, why)
		} else {
			t.Logf("%s:%d:%d %q: %s", filepath.Base(f.File), f.Pos.Line, f.Pos.Column, f.Text, f.Message)
		}
		n++
	}
	if limit := words / 10000; n > limit {
		t.Errorf("%d findings on %d words of clean prose; at most %d", n, words, limit)
	}
}

// BenchmarkInconsistentSpelling compares a run of every other rule with
// the same run plus this one over the clean prose (or the test cases), with
// no glossary and with the seed glossary (the name rules then find the name
// candidates, which this rule shares). cpu-ms/op is steadier than wall time
// on a busy machine.
func BenchmarkInconsistentSpelling(b *testing.B) {
	files, _ := filepath.Glob("../testdata/prose/*.txt")
	if len(files) == 0 {
		files, _ = filepath.Glob("testdata/inconsistent-spelling/*.txt")
	}
	var inputs []checker.Input
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		inputs = append(inputs, checker.Input{Path: f, Read: func() ([]byte, error) { return data, nil }})
	}
	var others []*checker.Rule
	for _, r := range All {
		if r != InconsistentSpelling {
			others = append(others, r)
		}
	}
	var g *glossary.Glossary
	if spellFileExists("../testdata/seed/glossary.csv") {
		var err error
		if g, err = glossary.Load("../testdata/seed/glossary.csv"); err != nil {
			b.Fatal(err)
		}
	}
	for _, gc := range []struct {
		name string
		g    *glossary.Glossary
	}{{"no-glossary", nil}, {"glossary", g}} {
		for _, bc := range []struct {
			name  string
			rules []*checker.Rule
		}{
			{"parse-only", nil},
			{"others", others},
			{"others+inconsistent-spelling", append(append([]*checker.Rule{}, others...), InconsistentSpelling)},
			{"inconsistent-spelling", []*checker.Rule{InconsistentSpelling}},
		} {
			b.Run(gc.name+"/"+bc.name, func(b *testing.B) {
				b.SetBytes(int64(size))
				start := spellCPUTime()
				for i := 0; i < b.N; i++ {
					run := &checker.Run{Rules: bc.rules, Glossary: gc.g, Parse: input.Parse, Jobs: 1}
					if _, err := run.Check(context.Background(), inputs); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(spellCPUTime()-start)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// spellCPUTime returns the process's user and system CPU time in nanoseconds.
func spellCPUTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// TestSpellPositions checks the positions the rule computes from the last
// one against Document.Position, on text with a byte-order mark, line
// breaks, non-ASCII letters and invalid UTF-8, at every offset in order,
// with steps back, and from positions before.
func TestSpellPositions(t *testing.T) {
	texts := []string{
		"",
		"plain ASCII text on one line",
		"\uFEFFBOM first\nthen Ünïcödé, 日本語\r\nand \xff\xfe invalid\n\nend",
		"a\n\n\nb é\nc\xe2\x82 broken\xe2\x82\xac\n",
		strings.Repeat("Nayib Bukele é ", 40) + "\n" + strings.Repeat("x", 70),
		"short\nlines\nof\nASCII\n\n\nand one much longer than eight bytes\n\n",
	}
	for k := 0; k < 20; k++ {
		// Line ends and other runes at every place in the eight bytes.
		texts = append(texts, strings.Repeat("x", k)+"\n"+strings.Repeat("y", 9)+"é"+strings.Repeat("z", k)+"\n\xff"+strings.Repeat("w", 20-k)+"日\n")
	}
	for k := 0; k < 4; k++ {
		// Many short lines, for the cursor's look for a far line.
		texts = append(texts, strings.Repeat("ab\n", 3+7*k)+"é\n\n"+strings.Repeat("line\n\n", 20*k))
	}
	// Lines far apart, in steps of every size.
	texts = append(texts, strings.Repeat("a\n", 1500)+"é\n"+strings.Repeat("\n", 700)+"end")
	for _, txt := range texts {
		doc := checker.NewDocument("t.txt", txt, "", nil, nil)
		// The start of the line after each offset's.
		nextLine := func(off int) int {
			if k := strings.IndexByte(txt[off:], '\n'); k >= 0 {
				return off + k + 1
			}
			return len(txt) + 1
		}
		check := func(what string, got spellLinePos, off int) {
			t.Helper()
			if want := doc.Position(off); got.Position != want || got.next != nextLine(off) {
				t.Fatalf("%q: %s %d: got %+v, want %+v, next line at %d", txt, what, off, got, want, nextLine(off))
			}
		}
		for _, step := range []int{1, 5, 9, 25, 60, 333, 1001} {
			var cur spellCursor
			for off := 0; off <= len(txt); off += step {
				check("cursor at", cur.at(doc, off), off)
				for from := 0; from <= len(txt); from += 1 + from/3 {
					if from <= off {
						check(fmt.Sprintf("from %d to", from), spellFrom(doc, spellPosition(doc, from), off), off)
					}
				}
				if off%7 == 3 && off > 5 {
					check("cursor back to", cur.at(doc, off-5), off-5)
				}
			}
		}
	}
}

// TestSpellHelpers checks the rule's quick tests against what they stand
// for.
func TestSpellHelpers(t *testing.T) {
	words := []string{"", "a", "A", "US", "U.S", "NASA", "Nasa", "nasa", "ÉCOLE", "École", "école", "ŞTEFAN", "x1", "123", "-",
		"EMAIL", "Email", "email", "e", "E", "eMail", "Ｅmail", "İnter", "ANTİGANG", "Antigang", "cooperate", "Cyberspace",
		"pre", "Pseudo", "ultra", "Ultrasound", "non", "Nonzero", "in", "intern", "Interplay", "multi", "semi", "post",
		"counter", "Counterpart", "\xff", "e\xffx", "CO", "co", "ReadFrom", "McDonald", "MacArthur", "DirFS", "x_y", "iPhone",
		"MS13", "ÉcoleNormale", "LaGuardia", "Ab", "aB"}
	for _, w := range words {
		if got, want := spellAllUpper(w), text.IsAllUpper(w); got != want {
			t.Errorf("spellAllUpper(%q) = %v, want %v", w, got, want)
		}
		if got, want := spellIsLower(w), w == strings.ToLower(w); got != want {
			t.Errorf("spellIsLower(%q) = %v, want %v", w, got, want)
		}
		if got, want := spellRuneCount(w+"some more ascii "+w), utf8.RuneCountInString(w+"some more ascii "+w); got != want {
			t.Errorf("spellRuneCount(%q...) = %d, want %d", w, got, want)
		}
		if got, want := spellCodeLike(w), spellCodeLikeRunes(w); got != want {
			t.Errorf("spellCodeLike(%q) = %v, want %v", w, got, want)
		}
		if w == "" {
			continue
		}
		// A word that, lower-cased as the rule does, is a bound
		// prefix and more must pass the quick test.
		lw := w
		if c := w[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			lw = strings.ToLower(w)
		}
		for _, list := range spellPrefixes {
			for _, p := range list {
				if len(lw) > len(p) && strings.HasPrefix(lw, p) && !spellMayBeClosed(w) {
					t.Errorf("spellMayBeClosed(%q) = false; it starts with %q", w, p)
				}
			}
		}
		if got, want := spellIsPrefixFold(w), spellIsPrefix(strings.ToLower(w)); got != want && !strings.ContainsFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) {
			t.Errorf("spellIsPrefixFold(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSpellCompounds checks the compounds found from hyphens and a quick
// look at the tokens against those found reading every token, on texts
// built from words of every first byte and length, the compounds in every
// form, and random sequences of words that make compounds.
func TestSpellCompounds(t *testing.T) {
	var texts []string
	var b strings.Builder
	var firsts []string
	for f := 1; f < 256; f++ {
		firsts = append(firsts, string([]byte{byte(f)}))
	}
	firsts = append(firsts, "é", "É", "Ｅ", "İ", "ſ", "K")
	seconds := []string{"", "a", "N", "o", "Y", "é", "\xff", "-", "1", "'", "@", "[", "`", "{"}
	rests := []string{"", "x", "ti", "ntigangxyz", "mail", "gang"}
	for n := 58; n < 72; n++ {
		rests = append(rests, strings.Repeat("m", n))
	}
	for _, f := range firsts {
		for _, g := range seconds {
			for _, rest := range rests {
				b.WriteString(f + g + rest + " ")
			}
		}
		b.WriteString("anti-gang co-op Email e-mail non free non-" + f + "ree " + f + "mail.\n")
	}
	texts = append(texts, b.String())
	words := []string{"anti", "Anti", "ANTI", "gang", "antigang", "Antigang", "e", "E", "mail", "email", "Email", "co", "Co", "op",
		"coop", "counter", "attack", "counterattack", "non", "Non", "free", "nonfree", "Nonfree", "pre", "post", "office",
		"postoffice", "inter", "national", "international", "xanti", "semi", "final", "semifinal", "multi", "user", "multiuser",
		"pseudo", "code", "pseudocode", "ultra", "cyber", "space", "cyberspace", "İnter", "Ｅmail", "the", "it", "a", "x1", "3",
		// Lower-casing changes the byte length of some words.
		"ANTİGANG", "İNTERNATİONAL", "İnternational", "Ⱥ", "ẞ", "NONȺ", "zero", "nonzero", "NONZERO", "made", "premade",
		"x", "pseudox", "Pseudox", "ıx"}
	seps := []string{" ", " ", " ", " ", "-", " -", " - ", "--", ". ", ", ", "\n", "\n\n", "'", "’", "", "  "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1500 {
		b.Reset()
		for range 2 + rng.IntN(200) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		texts = append(texts, b.String())
	}
	files, _ := filepath.Glob("../testdata/prose/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	found := 0
	for k, txt := range texts {
		for _, name := range []string{"t.txt", "t.md"} {
			doc, err := input.Parse(name, []byte(txt))
			if err != nil {
				t.Fatal(err)
			}
			got, want := spellCompounds(doc), spellCompoundsEvery(doc, false)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d (%s): spellCompounds gives\n%v\nwant\n%v", k, name, got, want)
			}
			found += len(want)
		}
	}
	if found < 1000 {
		t.Fatalf("only %d compounds found", found)
	}
}

// TestSpellSentenceCursor checks spellSentenceCursor.at against a walk
// over the sentences, for increasing tokens near and far apart.
func TestSpellSentenceCursor(t *testing.T) {
	var b strings.Builder
	rng := rand.New(rand.NewPCG(3, 4))
	for range 400 {
		for range 1 + rng.IntN(12) {
			b.WriteString("word ")
		}
		b.WriteString([]string{"end. ", "end.\n\n", "end?\n", "```\ncode here\n```\n"}[rng.IntN(4)])
	}
	for _, name := range []string{"t.txt", "t.md"} {
		doc, err := input.Parse(name, []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		slow := func(si *int, g int) ([]text.Token, int, bool) {
			ss := doc.Sentences
			for *si < len(ss) && ss[*si].Last <= g {
				*si++
			}
			if *si == len(ss) || ss[*si].First > g || doc.BlockOf(ss[*si]).Kind == checker.Code {
				return nil, 0, false
			}
			return doc.SentenceTokens(ss[*si]), g - ss[*si].First, true
		}
		for _, maxStep := range []int{1, 3, 40, 2000} {
			var cur spellSentenceCursor
			si := 0
			for g := 0; g <= len(doc.Tokens)+2; g += 1 + rng.IntN(maxStep) {
				toks, i, ok := cur.at(doc, g)
				wtoks, wi, wok := slow(&si, g)
				if ok != wok || i != wi || len(toks) != len(wtoks) || len(toks) > 0 && &toks[0] != &wtoks[0] {
					t.Fatalf("%s: at(%d) = %d %v, want %d %v", name, g, i, ok, wi, wok)
				}
				if cur.si != si {
					t.Fatalf("%s: at(%d) leaves sentence %d, want %d", name, g, cur.si, si)
				}
			}
		}
	}
}

// TestSpellFoldEqual checks spellFoldEqual against strings.EqualFold for
// the bound prefixes and words of their byte length, with runes that fold
// to ASCII letters (the Kelvin sign, the long s, the dotted capital I).
func TestSpellFoldEqual(t *testing.T) {
	subs := []string{"a", "A", "n", "N", "t", "T", "i", "I", "k", "K", "s", "S", "ſ", "K", "İ", "ı", "@", "`", "\xc1", "é", "0"}
	for _, list := range spellPrefixes {
		for _, p := range list {
			var words []string
			var build func(w string)
			build = func(w string) {
				if len(w) >= len(p) {
					if len(w) == len(p) {
						words = append(words, w)
					}
					return
				}
				k := len(w)
				build(w + p[k:k+1])
				build(w + strings.ToUpper(p[k:k+1]))
				for _, r := range subs {
					if len(words) < 20000 {
						build(w + r)
					}
				}
			}
			build("")
			for _, w := range words {
				if got, want := spellFoldEqual(p, w), strings.EqualFold(p, w); got != want {
					t.Fatalf("spellFoldEqual(%q, %q) = %v, want %v", p, w, got, want)
				}
			}
		}
	}
}

// TestSpellHyphensEnd checks spellHyphensEnd against a byte loop, for
// runs of hyphens of every length around the eight-byte steps.
func TestSpellHyphensEnd(t *testing.T) {
	slow := func(m string, i int) int {
		for i < len(m) && m[i] == '-' {
			i++
		}
		return i
	}
	for _, pre := range []string{"", "a", "x-", "abcdefgh"} {
		for n := 0; n < 40; n++ {
			for _, post := range []string{"", "a", "\xff", " -", "é--"} {
				m := pre + strings.Repeat("-", n) + post
				for i := 0; i <= len(m); i++ {
					if got, want := spellHyphensEnd(m, i), slow(m, i); got != want {
						t.Fatalf("spellHyphensEnd(%q, %d) = %d, want %d", m, i, got, want)
					}
				}
			}
		}
	}
}

// TestSpellRuneCount checks the rune count of mixed texts: ASCII runs of
// every length around the eight-byte steps, other runes and invalid bytes.
func TestSpellRuneCount(t *testing.T) {
	parts := []string{"", "a", "abcdefg", "abcdefgh", "abcdefghi", "é", "日本", "’", "\xff", "\xe2\x82", "\x80\x80", "\U0001F600"}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				for pad := 0; pad < 9; pad++ {
					s := strings.Repeat("x", pad) + a + b + strings.Repeat("y", 8-pad) + c + a
					if got, want := spellRuneCount(s), utf8.RuneCountInString(s); got != want {
						t.Fatalf("spellRuneCount(%q) = %d, want %d", s, got, want)
					}
				}
			}
		}
	}
}

// spellShapesBits is a spellShapes as a set of lengths by first two
// bytes: bits[f|g<<8] has bit n set for the words of n bytes (modulo 64)
// add(w, min) selects.
type spellShapesBits struct{ bits [1 << 16]uint64 }

func (sh *spellShapesBits) add(w string, min int) {
	lens := ^uint64(0) << uint(min)
	c := w[1]
	for _, f := range [2]byte{w[0], w[0] - 'a' + 'A'} {
		for _, g := range [2]byte{c, c - 'a' + 'A'} {
			sh.bits[uint16(f)|uint16(g)<<8] |= lens
		}
		for g := utf8.RuneSelf; g < 256; g++ {
			sh.bits[uint16(f)|uint16(g)<<8] |= lens
		}
	}
	for _, r := range spellLowerASCII {
		if r.lower == w[0] {
			for g := range 256 {
				sh.bits[uint16(r.lead)|uint16(g)<<8] |= lens
			}
		}
	}
}

// TestSpellShapes checks that a table of shapes selects the words the set
// of lengths selects (those of 64 bytes and more, with more), and that it
// is as it was once reset, for the next document to use.
func TestSpellShapes(t *testing.T) {
	base := spellPrefixShapes()
	if base.min == newSpellShapes().min {
		t.Fatal("the prefixes select nothing")
	}
	want := new(spellShapesBits)
	for _, list := range spellPrefixes {
		for _, p := range list {
			if p != "post" && p != "counter" && p != "e" {
				want.add(p, len(p))
			}
		}
	}
	check := func(sh *spellShapes, want *spellShapesBits) {
		t.Helper()
		for i := range sh.min {
			for n := 0; n < 300; n++ {
				got, exact := n >= int(sh.min[i]), want.bits[i]>>(n&63)&1 != 0
				if got != exact && (n < 64 || !got) {
					t.Fatalf("bytes %#x %#x, length %d: selected %v, want %v", i&0xff, i>>8, n, got, exact)
				}
			}
		}
	}
	check(base, want)
	sh := spellShapesPool.Get().(*spellShapes)
	more := *want
	for _, w := range []string{"anti", "email", "internationalisation", "co", "kelvin", "zygote", "eéclat", "sx"} {
		sh.add(w, utf8.RuneCountInString(w))
		more.add(w, utf8.RuneCountInString(w))
	}
	if sh.min == base.min {
		t.Fatal("add changed nothing")
	}
	check(sh, &more)
	sh.reset()
	if sh.min != base.min || len(sh.firsts) != 0 {
		t.Fatal("shapes left after reset")
	}
}

// TestSpellSelect checks spellSelect against a look for the next token
// selected, from each in turn.
func TestSpellSelect(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"co", "Co", "cooperate", "anti", "antigang", "in", "inter", "interplay", "a", "the", "Pre", "pseudo", "non", "nonzero", "é", "-", ".", "x", "co" + strings.Repeat("o", 300)}
	sh := newSpellShapes()
	for _, w := range []string{"anti", "co", "inter", "non", "pre", "pseudo"} {
		sh.add(w, len(w))
	}
	sh.add("antigang", 8)
	next := func(m string, toks []text.Token, i int) int {
		for k := i; k < len(toks); k++ {
			tk := toks[k]
			if tk.End-tk.Start >= 2 && tk.End-tk.Start >= int(sh.min[uint16(m[tk.Start])|uint16(m[tk.Start+1])<<8]) {
				return k
			}
		}
		return len(toks)
	}
	for n := 0; n < 300; n++ {
		var b strings.Builder
		var toks []text.Token
		for k := rng.IntN(100); k > 0; k-- {
			w := words[rng.IntN(len(words))]
			if rng.IntN(3) == 0 {
				w = "the" // mostly not selected
			}
			toks = append(toks, text.Token{Span: checker.Span{Start: b.Len(), End: b.Len() + len(w)}})
			b.WriteString(w)
			if rng.IntN(4) != 0 {
				b.WriteByte(' ')
			}
		}
		m := b.String()
		var want []spellPick
		for i := next(m, toks, 0); i < len(toks); i = next(m, toks, i+1) {
			tk := toks[i]
			want = append(want, spellPick{g: int32(i), first: m[tk.Start], n: uint8(min(tk.End-tk.Start, 255))})
		}
		if got := spellSelect(nil, m, toks, sh); !slices.Equal(got, want) {
			t.Fatalf("%q: tokens %v, want %v", m, got, want)
		}
	}
}

// TestSpellPlain checks spellPlain and spellASCII against a look at each
// byte.
func TestSpellPlain(t *testing.T) {
	parts := []string{"", "a", "Nayib", "abcdefgh", " ", ".", "\n", "\r", "é", "\xff", "\x8a", "\x0b", "\x00", "日"}
	for _, a := range parts {
		for _, b := range parts {
			for pad := 0; pad < 17; pad++ {
				s := strings.Repeat("x", pad) + a + strings.Repeat("y", 16-pad) + b
				want := !strings.ContainsRune(s, '\n')
				for i := 0; i < len(s); i++ {
					want = want && s[i] < utf8.RuneSelf
				}
				if got := spellPlain(s); got != want {
					t.Fatalf("spellPlain(%q) = %v, want %v", s, got, want)
				}
				// Every length, the short ones too.
				for k := range len(s) + 1 {
					ascii := true
					for i := k; i < len(s); i++ {
						ascii = ascii && s[i] < utf8.RuneSelf
					}
					if got := spellASCII(s[k:]); got != ascii {
						t.Fatalf("spellASCII(%q) = %v, want %v", s[k:], got, ascii)
					}
				}
			}
		}
	}
}

// TestSpellHash checks that a text hashes alike wherever it stands, and
// the table of plans against a map.
func TestSpellHash(t *testing.T) {
	text := "Nayib Bukele, ABC, 日本 and a longer name than eight bytes. Nayib"
	texts := map[uint64]string{}
	for i := 0; i <= len(text); i++ {
		for j := i; j <= len(text) && j <= i+20; j++ {
			key := text[i:j]
			padded := "x" + key
			want := spellHash(padded, 1, len(padded))
			if got := spellHash(text, i, j); got != want {
				t.Fatalf("%q at %d: hash %x, alone %x", key, i, got, want)
			}
			if other, ok := texts[want]; ok && other != key {
				t.Logf("%q and %q hash alike", key, other)
			}
			texts[want] = key
		}
	}
	var tab spellPlans
	var plans []spellPlan
	want := map[string]int32{}
	for i := 0; i < len(text); i++ {
		for j := i + 1; j <= len(text) && j <= i+9; j++ {
			key := text[i:j]
			h := spellHash(text, i, j)
			got := tab.find(h, key, text, plans)
			w, ok := want[key]
			if !ok {
				w = -1
			}
			if got != w {
				t.Fatalf("%q: found %d, want %d", key, got, w)
			}
			if got < 0 {
				plans = append(plans, spellPlan{text: int32(i)})
				tab.add(h, int32(len(plans)-1))
				want[key] = int32(len(plans) - 1)
			}
		}
	}
	// The items' index against a map, with alike hashes too.
	var x spellIndex
	var itemTexts []string
	items := map[string]int32{}
	for k := 0; k < 3000; k++ {
		n := k * 7 % 1100
		w := fmt.Sprintf("w%d", n)
		h := spellHash(w, 0, len(w))
		if n%5 == 0 {
			h = 42
		}
		got := x.find(h, w, itemTexts)
		want, ok := items[w]
		if !ok {
			want = -1
		}
		if got != want {
			t.Fatalf("%q: item %d, want %d", w, got, want)
		}
		if !ok {
			items[w] = int32(len(itemTexts))
			x.add(h, int32(len(itemTexts)))
			itemTexts = append(itemTexts, w)
		}
	}
	// Alike hashes: the text tells the plans apart.
	// A plan near the end of the text, of a shorter key and an alike
	// hash (the slots keep 32 bits of it), is passed over.
	tab = spellPlans{}
	plans = []spellPlan{{text: int32(len(text) - 2)}, {text: 0}, {text: 6}}
	tab.add(7, 0)
	tab.add(7, 1)
	tab.add(1<<32|7, 2)
	if tab.find(7, "Nayib", text, plans) != 1 || tab.find(7, "Bukel", text, plans) != 2 || tab.find(7, "Bukes", text, plans) != -1 {
		t.Fatal("plans of alike hashes mixed up")
	}
}

// TestSpellMayEndPrefix: text before a hyphen may end with a bound prefix
// only as a word of its own, and is looked at further then.
func TestSpellMayEndPrefix(t *testing.T) {
	for s, want := range map[string]bool{
		"": false, "anti": true, "the anti": true, "The ANTI": true, "xanti": false, "(anti": true, "3anti": true,
		"e": true, "one": false, "time": false, "an e": true, "ée": true, "co": true, "taco": false, "Co": true,
		"pseudo": true, "post": true, "non": true, "anon": false, "inter": true, "winter": false, "gang": false,
	} {
		if got := spellMayEndPrefix(s); got != want {
			t.Errorf("spellMayEndPrefix(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSpellPlanFits checks the plans' word spans, kept by index and not
// at all for a candidate of one word that is all of it: a plan fits a
// candidate of the same text exactly when their words lie at the same
// places from their starts.
func TestSpellPlanFits(t *testing.T) {
	txt := "Nayib Bukele met the U.S. envoy. Bukele spoke. Nayib  Bukele left. " +
		"The Montoya-Galvez report, Montoya-Galvez said. Montoya-Galvez's aide met J. R. Smith and Bank of the West. " +
		"Bukele's rival, Bukele."
	doc, err := input.Parse("plans.txt", []byte(txt))
	if err != nil {
		t.Fatal(err)
	}
	cands := doc.Candidates()
	c := &spellingCollector{doc: doc}
	plans := make([]int32, len(cands))
	for i := range cands {
		plans[i] = c.plan(doc, &cands[i], false)
	}
	rel := func(cand *text.Candidate) []text.Span {
		var ws []text.Span
		for _, w := range cand.Words {
			ws = append(ws, text.Span{Start: w.Start - cand.Start, End: w.End - cand.Start})
		}
		return ws
	}
	checked := 0
	for i := range cands {
		for j := range cands {
			a, b := &cands[i], &cands[j]
			if doc.Text[a.Start:a.End] != doc.Text[b.Start:b.End] {
				continue
			}
			checked++
			want := slices.Equal(rel(a), rel(b))
			if got := c.fits(&c.plans[plans[i]], b); got != want {
				t.Errorf("plan of %q (%v) fits %v: %v, want %v", doc.Text[a.Start:a.End], rel(a), rel(b), got, want)
			}
		}
	}
	if checked <= len(cands) {
		t.Fatal("no two candidates of one text")
	}
	// Words elsewhere: a plan of one word against two, and of two
	// against other two.
	for i := range cands {
		a := cands[i]
		if a.End-a.Start < 4 {
			continue
		}
		b := a
		b.Words = []text.Span{{Start: a.Start, End: a.Start + 2}, {Start: a.Start + 2, End: a.End}}
		if c.fits(&c.plans[plans[i]], &b) {
			t.Errorf("plan of %q (%v) fits %v", doc.Text[a.Start:a.End], rel(&a), rel(&b))
		}
	}
}

// TestSpellPlansCached checks collectNames, which works out a plan once
// per text and finds most short words' plans by their bytes, against a
// plan worked out afresh at every candidate.
func TestSpellPlansCached(t *testing.T) {
	plain := func(c *spellingCollector, doc *checker.Document) {
		for k := range doc.Candidates() {
			cand := &doc.Candidates()[k]
			var kind checker.BlockKind
			for _, b := range doc.Blocks {
				if b.Start <= cand.Start {
					kind = b.Kind
				}
			}
			if kind == checker.Code {
				continue
			}
			pl := c.plan(doc, cand, kind == checker.Heading)
			c.replay(doc, cand, &c.plans[pl])
		}
	}
	texts := []string{
		"Nayib Bukele met the U.S. envoy. Bukele spoke. Bukele left. US aid, U.S. aid. Bukele. NASA and Nasa. Bukele",
		"# Bukele and the US\n\nBukele met the US envoy in El Salvador. The US said so.\n\n```\nBukele US\n```\n\nBukele, US.",
		"Anna met Bo. Bo met Anna. I saw Bo. A Bo. Bo-Anna met Ann. Ann. Bo",
		"José met Zoë. Zoë met José. Ñandú. Zoë",
	}
	var inputs []checker.Input
	for i, s := range texts {
		inputs = append(inputs, checker.Input{Path: fmt.Sprintf("t%d.md", i), Read: func() ([]byte, error) { return []byte(s), nil }})
	}
	prose, _ := spellBenchInputs(t, 1<<20, 128<<10)
	inputs = append(inputs, prose[:3]...)
	inputs = append(inputs, spellJobsInputs()[:3]...)
	for _, doc := range parseEach(t, inputs) {
		want := &spellingCollector{doc: doc}
		plain(want, doc)
		got := &spellingCollector{doc: doc}
		collectNames(got, doc)
		if !bytes.Equal(got.finish().data, want.finish().data) {
			t.Errorf("%s: names collected with plans cached differ", doc.Path)
		}
	}
}
