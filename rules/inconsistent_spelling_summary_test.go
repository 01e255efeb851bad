package rules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/input"
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
		if at != len(b) || spellSkipOccs(b, 0, n) != len(b) {
			t.Fatalf("run %d: read %d of %d bytes", run, at, len(b))
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
