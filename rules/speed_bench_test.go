package rules

import (
	"context"
	"fmt"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/glossary"
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
// core. Documents are parsed, and the glossary indexed, outside the timing;
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
	docs := parse()
	for _, d := range docs {
		d.Candidates()
	}
	parsed := func(path string, _ []byte) (*checker.Document, error) { return docs[path], nil }
	for _, r := range All {
		if !r.Default {
			continue
		}
		b.Run(fmt.Sprintf("rule=%s", r.ID), func(b *testing.B) {
			run := &checker.Run{Rules: []*checker.Rule{r}, Glossary: g, Parse: parsed, Jobs: 1}
			b.SetBytes(size)
			b.ReportAllocs()
			start := benchtext.CPUTime()
			for i := 0; i < b.N; i++ {
				if _, err := run.Check(context.Background(), inputs); err != nil {
					b.Fatal(err)
				}
			}
			benchtext.ReportCPU(b, start, size)
		})
	}
}
