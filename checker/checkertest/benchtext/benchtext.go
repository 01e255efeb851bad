// Package benchtext builds benchmark inputs from the clean prose in testdata
// and measures CPU time, for benchmarks in several packages.
package benchtext

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker/checkertest/cputime"
)

// ProseFiles returns the clean prose of dir/*.txt cut at paragraph ends into
// files of about chunk bytes, repeated until they hold at least size bytes,
// and their total size. Benchmarks use it for real text of any size; it
// skips the benchmark when dir holds no prose.
func ProseFiles(tb testing.TB, dir string, size, chunk int) ([][]byte, int) {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		tb.Skip("no prose in " + dir)
	}
	var prose bytes.Buffer
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		prose.Write(data)
		prose.WriteString("\n\n")
	}
	var files [][]byte
	total := 0
	for total < size {
		rest := prose.Bytes()
		for len(rest) > 0 && total < size {
			n := min(chunk, len(rest))
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
	return files, total
}

// CPUTime returns the CPU time the process has used so far. On a loaded
// machine it says more about the cost of code than the wall clock does.
func CPUTime() time.Duration { return cputime.Now() }

// ReportCPU adds the CPU time per operation since start (a CPUTime
// reading), and the throughput of size bytes per operation it gives, to a
// benchmark's results.
func ReportCPU(b *testing.B, start time.Duration, size int64) {
	ReportCPUTime(b, CPUTime()-start, size)
}

// ReportCPUTime is ReportCPU for the CPU time cpu of b.N operations.
func ReportCPUTime(b *testing.B, cpu time.Duration, size int64) {
	if b.N == 0 || cpu <= 0 {
		return
	}
	per := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per/1e6, "cpu-ms/op")
	if size > 0 {
		b.ReportMetric(float64(size)/per*1e3, "cpu-MB/s")
	}
}
