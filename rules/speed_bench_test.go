package rules

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/report"
)

// reportCPU adds the CPU time per operation, and the throughput it gives,
// to a benchmark's results.
func reportCPU(b *testing.B, start time.Duration, size int64) {
	cpu := benchtext.CPUTime() - start
	if b.N == 0 || cpu <= 0 {
		return
	}
	per := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per/1e6, "cpu-ms/op")
	if size > 0 {
		b.ReportMetric(float64(size)/per*1e3, "cpu-MB/s")
	}
}

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
	parse := func() map[string]*checker.Document {
		docs := map[string]*checker.Document{}
		for _, in := range inputs {
			data, _ := in.Read()
			doc, err := input.Parse(in.Path, data)
			if err != nil {
				b.Fatal(err)
			}
			docs[in.Path] = doc
		}
		return docs
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		start := benchtext.CPUTime()
		for i := 0; i < b.N; i++ {
			parse()
		}
		reportCPU(b, start, size)
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
		reportCPU(b, start, size)
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
			reportCPU(b, start, size)
		})
	}
}

// BenchmarkPipelineCPU is the whole pipeline on one core, as in the
// command's BenchmarkPipeline (read, segment, every default rule, JSON
// output; the clean prose repeated to 5 MB as files of about 256 KB), with
// the CPU time reported besides the wall clock. The glossary is indexed
// outside the timing.
func BenchmarkPipelineCPU(b *testing.B) {
	files, total := benchtext.ProseFiles(b, proseDir, 5<<20, 256<<10)
	var inputs []checker.Input
	for i, f := range files {
		inputs = append(inputs, checker.Input{Path: fmt.Sprintf("prose%03d.txt", i), Read: func() ([]byte, error) { return bytes.Clone(f), nil }})
	}
	cfg := &checker.Config{}
	active, err := cfg.ActiveRules(All)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{0, 10000} {
		b.Run(fmt.Sprintf("glossary=%d", n), func(b *testing.B) {
			var g *glossary.Glossary
			if n > 0 {
				g = speedGlossary(b, n)
			}
			run := &checker.Run{Rules: active, Config: cfg, Glossary: g, Parse: input.Parse, Jobs: 1}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			b.ResetTimer()
			start := benchtext.CPUTime()
			for i := 0; i < b.N; i++ {
				res, err := run.Check(context.Background(), inputs)
				if err != nil {
					b.Fatal(err)
				}
				if err := report.Write(io.Discard, "json", res, report.Options{Catalog: All}); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start, int64(total))
		})
	}
}
