package rules

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/cluster"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/lexicon"
)

// spellBenchInputs returns the clean prose cut into files of about chunk
// bytes, repeated to at least size bytes in all.
func spellBenchInputs(b testing.TB, size, chunk int) ([]checker.Input, int) {
	files, total := benchtext.ProseFiles(b, proseDir, size, chunk)
	inputs := make([]checker.Input, len(files))
	for i, f := range files {
		inputs[i] = checker.Input{Path: fmt.Sprintf("prose%05d.txt", i), Read: func() ([]byte, error) { return bytes.Clone(f), nil }}
	}
	return inputs, total
}

// spellBenchRules returns the default rules, and the same without
// inconsistent-spelling.
func spellBenchRules(b testing.TB, cfg *checker.Config) (all, without []*checker.Rule) {
	all, err := cfg.ActiveRules(All)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range all {
		if r != InconsistentSpelling {
			without = append(without, r)
		}
	}
	if len(without) == len(all) {
		b.Fatal("inconsistent-spelling is not a default rule")
	}
	return all, without
}

// BenchmarkInconsistentSpellingCost measures what the rule adds to a whole
// run: every default rule over the clean prose repeated to 5 MB (files of
// about 256 KB, read and parsed in the run, one job), against the same run
// without the rule, with no glossary and with the seed glossary. Each
// iteration runs both; ns/op is their sum, and the metrics give each run's
// wall and CPU time and the time the rule adds, in per cent (the target is
// at most 30).
func BenchmarkInconsistentSpellingCost(b *testing.B) {
	inputs, total := spellBenchInputs(b, 5<<20, 256<<10)
	seed, err := glossary.Load("../testdata/seed/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	seed.Index()
	cfg := &checker.Config{}
	all, without := spellBenchRules(b, cfg)
	for _, gl := range []struct {
		name string
		g    *glossary.Glossary
	}{{"none", nil}, {"seed", seed}} {
		b.Run("glossary="+gl.name, func(b *testing.B) {
			runs := []*checker.Run{
				{Rules: without, Config: cfg, Glossary: gl.g, Parse: input.Parse, Jobs: 1},
				{Rules: all, Config: cfg, Glossary: gl.g, Parse: input.Parse, Jobs: 1},
			}
			var wall, cpu [2]time.Duration
			b.SetBytes(int64(2 * total))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// Alternate the order so that neither run always
				// pays for the other's garbage.
				for k := range runs {
					j := (k + i) % 2
					runtime.GC()
					w, c := time.Now(), benchtext.CPUTime()
					if _, err := runs[j].Check(context.Background(), inputs); err != nil {
						b.Fatal(err)
					}
					cpu[j] += benchtext.CPUTime() - c
					wall[j] += time.Since(w)
				}
			}
			n := float64(b.N)
			ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / n / 1e6 }
			b.ReportMetric(ms(wall[0]), "without-ms/op")
			b.ReportMetric(ms(wall[1]), "all-ms/op")
			b.ReportMetric(ms(cpu[0]), "without-cpu-ms/op")
			b.ReportMetric(ms(cpu[1]), "all-cpu-ms/op")
			if wall[0] > 0 && cpu[0] > 0 {
				b.ReportMetric(100*(float64(wall[1])/float64(wall[0])-1), "added-%")
				b.ReportMetric(100*(float64(cpu[1])/float64(cpu[0])-1), "added-cpu-%")
			}
		})
	}
}

// spellPeakHeap runs fn and returns the highest HeapInuse seen while it ran,
// sampled every millisecond, above the heap in use before it started.
func spellPeakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > peak.Load() {
		peak.Store(ms.HeapInuse)
	}
	close(stop)
	wg.Wait()
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// BenchmarkInconsistentSpellingMemory compares the peak heap of a run of
// every default rule over many small files (the clean prose repeated to
// 5 MB as files of about 4 KB) with the rule's cross-file option on, and
// off. The run keeps each file's spellings until it ends in both cases;
// cross-file adds only the merged list. The target: on within 1.5 times off.
func BenchmarkInconsistentSpellingMemory(b *testing.B) {
	inputs, total := spellBenchInputs(b, 5<<20, 4<<10)
	var peaks [2]uint64
	var runs [2]*checker.Run
	for k, cross := range []string{"false", "true"} {
		cfg := &checker.Config{}
		if err := cfg.SetOption(All, InconsistentSpelling.ID, "cross-file", cross); err != nil {
			b.Fatal(err)
		}
		active, _ := spellBenchRules(b, cfg)
		runs[k] = &checker.Run{Rules: active, Config: cfg, Parse: input.Parse, Jobs: 1}
	}
	b.SetBytes(int64(2 * total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range runs {
			j := (k + i) % 2
			peak := spellPeakHeap(func() {
				if _, err := runs[j].Check(context.Background(), inputs); err != nil {
					b.Fatal(err)
				}
			})
			peaks[j] = max(peaks[j], peak)
		}
	}
	b.ReportMetric(float64(peaks[0])/(1<<20), "off-peak-MB")
	b.ReportMetric(float64(peaks[1])/(1<<20), "on-peak-MB")
	if peaks[0] > 0 {
		b.ReportMetric(float64(peaks[1])/float64(peaks[0]), "on/off")
	}
}

// BenchmarkInconsistentSpellingParts times the rule's own passes over the
// clean prose repeated to 5 MB, parsed and with name candidates found
// outside the timing: names (with acronyms) and compounds. cpu-ms/op is
// steadier than the wall clock on a busy machine.
func BenchmarkInconsistentSpellingParts(b *testing.B) {
	inputs, total := spellBenchInputs(b, 5<<20, 256<<10)
	docs := parseEach(b, inputs)
	for _, doc := range docs {
		doc.Candidates()
	}
	b.Run("names", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		start := benchtext.CPUTime()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				collectNames(&spellingCollector{doc: d}, d)
			}
		}
		b.ReportMetric(float64((benchtext.CPUTime()-start).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
	})
	b.Run("compounds", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		start := benchtext.CPUTime()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				collectCompounds(&spellingCollector{doc: d}, d, false)
			}
		}
		b.ReportMetric(float64((benchtext.CPUTime()-start).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
	})
}

// BenchmarkInconsistentSpellingSummary measures what the rule keeps of
// each file until the run ends: the heap its summaries hold, in bytes per
// file, for the clean prose cut into files of about 4 KB (the run keeps one
// summary per file, so a run over 100,000 such files holds that many).
func BenchmarkInconsistentSpellingSummary(b *testing.B) {
	inputs, total := spellBenchInputs(b, 5<<20, 4<<10)
	var sums []any
	r := *InconsistentSpelling
	r.Finish = func(_ *checker.RunPass, s []any) error { sums = s; return nil }
	run := &checker.Run{Rules: []*checker.Rule{&r}, Config: &checker.Config{}, Parse: input.Parse, Jobs: 1}
	var held uint64
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sums = nil
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		if _, err := run.Check(context.Background(), inputs); err != nil {
			b.Fatal(err)
		}
		// Twice: the pools' contents go at the second.
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > before {
			held = ms.HeapAlloc - before
		}
		runtime.KeepAlive(sums)
	}
	b.ReportMetric(float64(held)/float64(len(inputs)), "B/file")
}

// BenchmarkInconsistentSpellingFinish times the run-level Finish alone, at
// one job and at two, on the summaries of made-up files full of names
// written several ways (spellJobsInputs) and of the clean prose, with the
// names glossary: the serial tail of a run, which Finish spreads over the
// run's jobs.
func BenchmarkInconsistentSpellingFinish(b *testing.B) {
	inputs := spellJobsInputs()
	prose, _ := spellBenchInputs(b, 2<<20, 256<<10)
	inputs = append(inputs, prose...)
	var sums []any
	r := *InconsistentSpelling
	r.Finish = func(_ *checker.RunPass, s []any) error { sums = s; return nil }
	run := &checker.Run{Rules: []*checker.Rule{&r}, Config: &checker.Config{}, Parse: input.Parse, Jobs: 2}
	if _, err := run.Check(context.Background(), inputs); err != nil {
		b.Fatal(err)
	}
	g, err := glossary.Load("../testdata/names/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	terms := spellTerms(g)
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			opt := cluster.Options{MinSimilarity: 0.7, Known: spellKnown, Common: lexicon.IsCommon, Lookup: spellLookup, Jobs: jobs}
			n := 0
			for b.Loop() {
				finishSpellingsTo(func(checker.Finding) { n++ }, sums, terms, opt, true)
			}
		})
	}
}
