package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/report"
	"github.com/mtlint/mtlint/rules"
)

// benchSize is the least amount of prose the pipeline benchmark checks.
const benchSize = 5 << 20

// BenchmarkPipeline measures the whole pipeline on one core: read, segment,
// every default rule without a glossary and with a 10,000-entry one, and
// the name rules alone with that glossary (the name pipeline); JSON
// output. The input is the prose of testdata/prose repeated to at least
// 5 MB, as files of about 256 KB. Besides the wall clock it reports the CPU
// time (cpu-MB/s), which a loaded machine disturbs less.
func BenchmarkPipeline(b *testing.B) {
	files, total := benchtext.ProseFiles(b, filepath.Join("testdata", "prose"), benchSize, 256<<10)
	dir := b.TempDir()
	var inputs []checker.Input
	for i, f := range files {
		p := filepath.Join(dir, fmt.Sprintf("prose%03d.txt", i))
		if err := os.WriteFile(p, f, 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, checker.Input{Path: p, Read: func() ([]byte, error) { return os.ReadFile(p) }})
	}
	cfg := &checker.Config{}
	active, err := cfg.ActiveRules(rules.All)
	if err != nil {
		b.Fatal(err)
	}
	var names []*checker.Rule // the name rules alone: the name pipeline
	for _, r := range active {
		if r.Family == "names" {
			names = append(names, r)
		}
	}
	for _, c := range []struct {
		name  string
		rules []*checker.Rule
		n     int
	}{{"glossary=0", active, 0}, {"glossary=10000", active, 10000}, {"names,glossary=10000", names, 10000}} {
		b.Run(c.name, func(b *testing.B) {
			var g *glossary.Glossary
			if c.n > 0 {
				g = benchGlossary(b, c.n)
			}
			run := &checker.Run{Rules: c.rules, Config: cfg, Glossary: g, Parse: input.Parse, Jobs: 1}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			b.ResetTimer()
			start := benchtext.CPUTime()
			for i := 0; i < b.N; i++ {
				res, err := run.Check(context.Background(), inputs)
				if err != nil {
					b.Fatal(err)
				}
				if err := report.Write(io.Discard, "json", res, report.Options{Catalog: rules.All}); err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.ReportMetric(float64(len(res.Findings))/float64(res.Words)*1000, "findings/kword")
				}
			}
			benchtext.ReportCPU(b, start, int64(total))
		})
	}
}

// benchGlossary returns the seed glossary plus n made-up entries.
func benchGlossary(b *testing.B, n int) *glossary.Glossary {
	g, err := glossary.Load(seedGlossary)
	if err != nil {
		b.Fatal(err)
	}
	return glossary.New(append(g.Entries, glossary.Synthetic(n, 1)...))
}
