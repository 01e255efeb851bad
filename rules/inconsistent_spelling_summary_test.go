package rules

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/lexicon"
)

// TestSpellOccCoding: occurrences decode as they were encoded, whatever
// their order, lengths, ends and raw texts.
func TestSpellOccCoding(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for run := 0; run < 200; run++ {
		var occs []spellingOcc
		n := 1 + r.IntN(100)
		for range n {
			big := 1 << (1 + r.IntN(40))
			start := r.IntN(big)
			o := spellingOcc{span: checker.Span{Start: start, End: start + r.IntN(70)}}
			o.pos = spellPos{1 + r.IntN(big), 1 + r.IntN(300)}
			o.end = spellPos{o.pos.line, o.pos.col + o.span.End - o.span.Start}
			switch r.IntN(4) {
			case 0:
				o.end.col -= r.IntN(3)
			case 1:
				o.end = spellPos{o.pos.line + r.IntN(3), 1 + r.IntN(50)}
			}
			if r.IntN(3) == 0 {
				o.raw = 1 + r.IntN(big)
			}
			occs = append(occs, o)
		}
		var b []byte
		var prev spellingOcc
		for k := range occs {
			b = spellPutOcc(b, &prev, &occs[k])
			prev = occs[k]
		}
		at := 0
		prev = spellingOcc{}
		for k := range occs {
			var o spellingOcc
			at = spellGetOcc(b, at, &prev, &o)
			if o != occs[k] {
				t.Fatalf("run %d, occurrence %d: got %+v, want %+v", run, k, o, occs[k])
			}
			prev = o
		}
		if at != len(b) {
			t.Fatalf("run %d: read %d of %d bytes", run, at, len(b))
		}
	}
}

// TestSpellFinishRuns: the runs of a summary, each after its byte length
// (of one byte or more), give back the occurrences kept of each item.
func TestSpellFinishRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for run := 0; run < 100; run++ {
		c := &spellingCollector{file: "f", occShift: 3}
		nitems := 1 + r.IntN(20)
		for i := range nitems {
			c.items = append(c.items, spellItem{size: 1, kind: cluster.Name})
			c.texts = append(c.texts, string(rune('a'+i)))
		}
		var want [][]spellingOcc
		want = make([][]spellingOcc, nitems)
		for range r.IntN(400) {
			i := r.IntN(nitems)
			it := &c.items[i]
			it.count++
			if it.n == maxSpellingLocs {
				continue
			}
			it.n++
			it.kept++
			// Large numbers, so that runs of 128 bytes and more come.
			o := spellOcc{start: r.Uint32N(1 << 30), n: 1 + r.Uint32N(9), item: int32(i), line: 1 + r.Uint32N(1<<20), col: 1 + r.Uint32N(1000)}
			o.endLine, o.endCol = o.line, o.col+o.n
			if len(c.occ) == cap(c.occ) {
				c.newOccChunk()
			}
			c.occ = append(c.occ, o)
			want[i] = append(want[i], o.occurrence())
		}
		s := c.finish()
		s.eachRun(func(j int, it *spellItem, text []byte, at int) {
			var prev, o spellingOcc
			for k := range int(it.n) {
				at = spellGetOcc(s.data, at, &prev, &o)
				if o != want[j][k] {
					t.Fatalf("run %d, item %d, occurrence %d: got %+v, want %+v", run, j, k, o, want[j][k])
				}
				prev = o
			}
			if int(it.n) != len(want[j]) {
				t.Fatalf("run %d, item %d: %d occurrences, want %d", run, j, it.n, len(want[j]))
			}
		})
	}
}

// TestSpellPutKept: an occurrence kept while collecting encodes as
// spellPutOcc encodes it made whole.
func TestSpellPutKept(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for run := 0; run < 200; run++ {
		var got, want []byte
		var prev spellOcc
		var prevOcc spellingOcc
		for range 1 + r.IntN(50) {
			big := uint32(1) << (1 + r.IntN(31))
			o := spellOcc{start: r.Uint32N(big), n: r.Uint32N(70), line: 1 + r.Uint32N(big), col: 1 + r.Uint32N(300)}
			o.endLine, o.endCol = o.line, o.col+o.n
			switch r.IntN(4) {
			case 0:
				o.endCol -= r.Uint32N(3)
			case 1:
				o.endLine, o.endCol = o.line+r.Uint32N(3), 1+r.Uint32N(50)
			}
			raw := 0
			if r.IntN(3) == 0 {
				raw = 1 + r.IntN(int(big))
			}
			got = spellPutKept(got, &prev, &o, raw)
			whole := o.occurrence()
			whole.raw = raw
			want = spellPutOcc(want, &prevOcc, &whole)
			prev, prevOcc = o, whole
		}
		if !slices.Equal(got, want) {
			t.Fatalf("run %d: % x, want % x", run, got, want)
		}
	}
}

// TestSpellingSummarySections: a file checked in sections (their summaries
// merged) gets the findings it gets checked whole, with occurrences
// written otherwise than their spelling (across lines, in capitals), names
// outside ASCII, compounds and British and American spellings, with and
// without cross-file, beside a small file of its own.
func TestSpellingSummarySections(t *testing.T) {
	oldT, oldS := checker.SectionThreshold, checker.SectionSize
	checker.SectionThreshold, checker.SectionSize = 32<<10, 8<<10
	t.Cleanup(func() { checker.SectionThreshold, checker.SectionSize = oldT, oldS })
	lines := []string{
		"President Nayib Bukele spoke in San Salvador about the U.S. visit.",
		"Later, President Bakle said the US had agreed with\nNayib  Bukele on the anti-gang plan.",
		"INADA Naoki met Inada Naoki and Ólafur Grímsson, also written Olafur Grimsson.",
		"The antigang law and the anti gang law. The council chose a new colour, the colour of note.\nThe old color had faded in the sun.",
		"Mr Wieczorkiewicz and Mr Wieczorkewicz met Émile Zola in Zürich.",
		"Then Nayib  Bukelle and WIECZORKEWICZ Jan, with Nayib\nBukelle, came.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 200<<10; i++ {
		if i%7 == 3 || i > 2000 && i%5 == 1 {
			b.WriteString(lines[(i/7+i/5)%len(lines)] + "\n\n")
		}
		fmt.Fprintf(&b, "Paragraph %d says nothing of note, in plain words.\n\n", i)
	}
	big := b.String()
	small := "Nayib Bukele and Naib Bukele went to Zurich with Olafur Grimsson.\n"
	for _, opts := range []map[string]string{nil, {"cross-file": "false"}, {"british-american": "true"}} {
		run := func(sections checker.Sectioner, jobs int) []checker.Finding {
			cfg := &checker.Config{Rules: map[string]checker.RuleConfig{InconsistentSpelling.ID: {Options: opts}}}
			r := &checker.Run{Rules: []*checker.Rule{InconsistentSpelling}, Config: cfg, Parse: input.Parse, Sections: sections, Jobs: jobs}
			res, err := r.Check(t.Context(), []checker.Input{
				{Path: "big.txt", Read: func() ([]byte, error) { return []byte(big), nil }},
				{Path: "small.txt", Read: func() ([]byte, error) { return []byte(small), nil }},
			})
			if err != nil {
				t.Fatal(err)
			}
			return res.Findings
		}
		whole := run(nil, 1)
		raws := 0
		for _, f := range whole {
			q, err := strconv.QuotedPrefix(f.Message)
			if err != nil {
				t.Fatal(err)
			}
			if spelling, _ := strconv.Unquote(q); f.Text != spelling {
				raws++
			}
		}
		if len(whole) < 200 || raws == 0 {
			t.Fatalf("%v: %d findings, %d written otherwise than their spelling", opts, len(whole), raws)
		}
		for _, jobs := range []int{1, 2} {
			cut := run(input.Sections, jobs)
			if len(cut) != len(whole) {
				t.Fatalf("%v, jobs %d: %d findings in sections, %d whole", opts, jobs, len(cut), len(whole))
			}
			for k := range cut {
				c, w := cut[k], whole[k]
				if !reflect.DeepEqual(c, w) {
					t.Fatalf("%v, jobs %d: finding %d in sections:\n%+v\nwhole:\n%+v", opts, jobs, k, c, w)
				}
			}
		}
	}
}

// spellJobsInputs returns files of made-up prose full of names, each
// written several ways ("Bakorimu", "Bakorimo", "Bakorimu Tanesa"), with
// hyphenated and closed compounds and acronyms: enough distinct spellings
// for Finish to work in parallel.
func spellJobsInputs() []checker.Input {
	rng := rand.New(rand.NewPCG(7, 11))
	syl := []string{"ba", "ko", "ri", "mu", "ta", "ne", "sa", "lo", "vi", "de", "gu", "ha", "zo", "pe", "ni", "ru", "qi", "xa", "we", "fo"}
	word := func() string { return randtext.Name(rng, syl) }
	garble := func(w string) string {
		b := []byte(w)
		i := 1 + rng.IntN(len(b)-1)
		b[i] = "aeiouyklmn"[rng.IntN(10)]
		return string(b)
	}
	names := make([]string, 1500)
	for i := range names {
		names[i] = word()
		if rng.IntN(3) == 0 {
			names[i] += " " + word()
		}
	}
	verbs := []string{"met", "called", "thanked", "praised", "criticised", "visited"}
	extras := []string{"an anti-gang law", "the antigang law", "the e-mail", "an email", "the U.S. army", "the US army", "a co-operative", "the cooperative", "the NATO summit", "the N.A.T.O. summit"}
	var inputs []checker.Input
	for f := range 12 {
		var b strings.Builder
		for range 700 {
			a, c := names[rng.IntN(len(names))], names[rng.IntN(len(names))]
			if rng.IntN(4) == 0 {
				a = garble(a)
			}
			if rng.IntN(6) == 0 {
				c = strings.ReplaceAll(c, " ", "")
			}
			fmt.Fprintf(&b, "Yesterday %s %s %s about %s. ", a, verbs[rng.IntN(len(verbs))], c, extras[rng.IntN(len(extras))])
			if rng.IntN(8) == 0 {
				b.WriteString("\n\n")
			}
		}
		data := b.String()
		inputs = append(inputs, checker.Input{Path: fmt.Sprintf("jobs%02d.txt", f), Read: func() ([]byte, error) { return []byte(data), nil }})
	}
	return inputs
}

// TestSpellingFinishJobs: Finish reports the same findings in the same
// order whatever the number of goroutines it may use, across files and
// within each, with and without a glossary.
func TestSpellingFinishJobs(t *testing.T) {
	var sums []any
	r := *InconsistentSpelling
	r.Finish = func(_ *checker.RunPass, s []any) error { sums = s; return nil }
	run := &checker.Run{Rules: []*checker.Rule{&r}, Config: &checker.Config{}, Parse: input.Parse, Jobs: 2}
	if _, err := run.Check(t.Context(), spellJobsInputs()); err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load("../testdata/names/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, gl := range []*glossary.Glossary{nil, g} {
		for _, cross := range []bool{true, false} {
			var want []checker.Finding
			for _, jobs := range []int{1, 2, 8} {
				opt := cluster.Options{MinSimilarity: 0.7, Known: spellKnown, Common: lexicon.IsCommon, Jobs: jobs}
				var got []checker.Finding
				finishSpellingsTo(func(f checker.Finding) { got = append(got, f) }, sums, spellTerms(gl), opt, cross)
				if jobs == 1 {
					want = got
					if len(want) < 1000 {
						t.Fatalf("cross-file %v: %d findings, want more to test", cross, len(want))
					}
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("glossary %v, cross-file %v, jobs %d: findings differ from one job's", gl != nil, cross, jobs)
				}
			}
		}
	}
}

// TestSpellLookup: spellLookup says what spellKnown and lexicon.IsCommon
// say.
func TestSpellLookup(t *testing.T) {
	for _, w := range []string{"the", "The", "president", "bukele", "paris", "Paris", "run", "colour", "xqzt", "", "é", "naïve", "us", "US", "may", "anna", "mark"} {
		known, common := spellLookup(w)
		if known != spellKnown(w) || common != lexicon.IsCommon(w) {
			t.Errorf("spellLookup(%q) = %v, %v; want %v, %v", w, known, common, spellKnown(w), lexicon.IsCommon(w))
		}
	}
}

// TestSpellArraysReuse checks that a collector given the arrays of the
// documents before it (spellArrays), of other sizes, makes the summary a
// collector with new arrays makes.
func TestSpellArraysReuse(t *testing.T) {
	inputs := spellJobsInputs()
	prose, _ := spellBenchInputs(t, 1<<20, 64<<10)
	inputs = append(inputs, prose[:4]...)
	inputs = append(inputs, spellJobsInputs()[:3]...)
	spare := new(spellArrays)
	for _, doc := range parseEach(t, inputs) {
		fresh := &spellingCollector{doc: doc, file: doc.Path}
		collectNames(fresh, doc)
		collectCompounds(fresh, doc, false)
		want := fresh.finish()
		c := &spellingCollector{doc: doc, file: doc.Path, spare: spare}
		collectNames(c, doc)
		collectCompounds(c, doc, false)
		got := c.finish()
		c.release()
		if !bytes.Equal(got.data, want.data) {
			t.Fatalf("%s: summary with reused arrays differs", doc.Path)
		}
		for _, s := range spare.texts[:cap(spare.texts)] {
			if s != "" {
				t.Fatalf("%s: a text kept after release", doc.Path)
			}
		}
	}
}

// TestSpellTableInitFrom checks that a table made of spare slots is as
// init makes one: empty, a power of two of at least 16 slots and twice
// the texts it is made for, and that it finds what is added to it.
func TestSpellTableInitFrom(t *testing.T) {
	for _, spareCap := range []int{0, 16, 64, 1024} {
		for _, n := range []int{0, 1, 8, 9, 100, 600} {
			spare := make([]spellSlot, spareCap)
			for k := range spare {
				spare[k] = spellSlot{h: uint32(k), i: int32(k + 1)} // not empty
			}
			var x spellIndex
			x.initFrom(n, spare)
			if n == 0 && spareCap == 0 {
				if x.slots != nil {
					t.Fatalf("spare %d, n 0: slots made", spareCap)
				}
			} else if size := len(x.slots); size < 16 || size < 2*n || size&(size-1) != 0 {
				t.Fatalf("spare %d, n %d: %d slots", spareCap, n, size)
			}
			for _, sl := range x.slots {
				if sl != (spellSlot{}) {
					t.Fatalf("spare %d, n %d: a slot left set", spareCap, n)
				}
			}
			var texts []string
			for k := range 2*n + 3 {
				s := strconv.Itoa(k)
				h := spellHash(s, 0, len(s))
				if x.find(h, s, texts) >= 0 {
					t.Fatalf("spare %d, n %d: %q found before it was added", spareCap, n, s)
				}
				x.add(h, int32(len(texts)))
				texts = append(texts, s)
			}
			for k, s := range texts {
				if got := x.find(spellHash(s, 0, len(s)), s, texts); got != int32(k) {
					t.Fatalf("spare %d, n %d: %q found at %d, want %d", spareCap, n, s, got, k)
				}
			}
		}
	}
}
