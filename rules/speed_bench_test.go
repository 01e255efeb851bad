package rules

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
)

// speedGlossary is the seed glossary plus 10,000 made-up entries, indexed.
func speedGlossary(b *testing.B, n int) *glossary.Glossary {
	seed, err := glossary.Load("../testdata/seed/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	g := glossary.New(append(seed.Entries, glossary.Synthetic(n, 1)...))
	g.Index()
	return g
}

// BenchmarkEachRule measures each default rule on its own over the clean
// prose corpus, with the seed glossary plus 10,000 made-up entries, on one
// core. Documents are parsed (afresh for each round: a run recycles
// their memory), and the glossary indexed, outside the timing;
// name candidates are computed once per document, as in a real run, and
// counted under "candidates".
func BenchmarkEachRule(b *testing.B) {
	inputs, size := proseInputs(b)
	g := speedGlossary(b, 10000)
	parse := func() map[string]*checker.Document { return parseInputs(b, inputs) }
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		start := benchtext.CPUTime()
		for i := 0; i < b.N; i++ {
			parse()
		}
		benchtext.ReportCPU(b, start, size)
	})
	b.Run("candidates", func(b *testing.B) {
		b.SetBytes(size)
		all := make([]map[string]*checker.Document, b.N)
		for i := range all {
			all[i] = parse()
		}
		b.ResetTimer()
		start := benchtext.CPUTime()
		for i := 0; i < b.N; i++ {
			for _, d := range all[i] {
				d.Candidates()
			}
		}
		benchtext.ReportCPU(b, start, size)
	})
	withCandidates := func() map[string]*checker.Document {
		docs := parse()
		for _, d := range docs {
			d.Candidates()
		}
		return docs
	}
	for _, r := range All {
		if !r.Default {
			continue
		}
		b.Run(fmt.Sprintf("rule=%s", r.ID), func(b *testing.B) {
			benchRules(b, []*checker.Rule{r}, g, inputs, withCandidates, size)
		})
	}
}

// benchRules runs rules over documents parse returns, b.N times, and
// reports the CPU time of the runs alone. A run recycles the memory of the
// documents it has checked, so each round parses its own, outside the
// timing.
func benchRules(b *testing.B, rules []*checker.Rule, g *glossary.Glossary, inputs []checker.Input, parse func() map[string]*checker.Document, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		docs := parse()
		run := &checker.Run{Rules: rules, Glossary: g, Jobs: 1,
			Parse: func(path string, _ []byte) (*checker.Document, error) { return docs[path], nil }}
		b.StartTimer()
		start := benchtext.CPUTime()
		if _, err := run.Check(context.Background(), inputs); err != nil {
			b.Fatal(err)
		}
		cpu += benchtext.CPUTime() - start
	}
	benchtext.ReportCPUTime(b, cpu, size)
}

// BenchmarkEachSentenceRule measures the per-document sentence rules one by
// one on one document: the file named by MTLINT_BENCH_TEXT when set (a
// large real file says more), else the clean prose corpus joined into one.
// The document is parsed for each round, outside the timing.
func BenchmarkEachSentenceRule(b *testing.B) {
	var data []byte
	if f := os.Getenv("MTLINT_BENCH_TEXT"); f != "" {
		var err error
		if data, err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	} else {
		files, _ := benchtext.ProseFiles(b, proseDir, 1<<20, 1<<20)
		data = bytes.Join(files, nil)
	}
	parse := func() map[string]*checker.Document {
		doc, err := input.Parse("bench.txt", bytes.Clone(data))
		if err != nil {
			b.Fatal(err)
		}
		return map[string]*checker.Document{"bench.txt": doc}
	}
	inputs := []checker.Input{{Path: "bench.txt", Read: func() ([]byte, error) { return data, nil }}}
	g := speedGlossary(b, 10000)
	// "none" does nothing: the cost of a run around a rule.
	none := &checker.Rule{ID: "none", Family: "sentences", Run: func(*checker.Pass) error { return nil }}
	for _, r := range []*checker.Rule{none, RepeatedPhrase, Spacing, MidSentenceCapital, UnbalancedPair, RepeatedWord, SentenceFragment, SpacedHyphen} {
		b.Run("rule="+r.ID, func(b *testing.B) {
			benchRules(b, []*checker.Rule{r}, g, inputs, parse, int64(len(data)))
		})
	}
}
