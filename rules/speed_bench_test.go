package rules

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/report"
)

// cpuTime returns the CPU time the process has used so far. On a loaded
// machine it says more about the cost of code than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU time per operation, and the throughput it gives,
// to a benchmark's results.
func reportCPU(b *testing.B, start time.Duration, size int64) {
	cpu := cpuTime() - start
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
		start := cpuTime()
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
		start := cpuTime()
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
			start := cpuTime()
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
	paths, _ := filepath.Glob(filepath.Join(proseDir, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no clean prose")
	}
	var prose bytes.Buffer
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		prose.Write(data)
		prose.WriteString("\n\n")
	}
	const size = 5 << 20
	var files [][]byte
	total := 0
	for total < size {
		rest := prose.Bytes()
		for len(rest) > 0 && total < size {
			n := min(256<<10, len(rest))
			if i := bytes.Index(rest[n:], []byte("\n\n")); i >= 0 {
				n += i + 2
			} else {
				n = len(rest)
			}
			files = append(files, rest[:n])
			total += n
			rest = rest[n:]
		}
	}
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
			start := cpuTime()
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
