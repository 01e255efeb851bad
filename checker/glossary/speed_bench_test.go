package glossary

import (
	"bytes"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// BenchmarkLoadLarge reads a CSV glossary of 10,000, 100,000 and 1,000,000
// made-up entries and builds its index, reporting CPU time (a loaded
// machine's wall clock says little) and the heap the index keeps. Run it
// with -benchtime 1x: the largest takes a while.
func BenchmarkLoadLarge(b *testing.B) {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, n := range []int{10000, 100000, 1000000} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, Synthetic(n, 1)); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var g *Glossary
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := cpu()
			for i := 0; i < b.N; i++ {
				es, err := Read("g.csv", bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				g = New(es)
				g.Index()
			}
			b.ReportMetric(float64((cpu()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MB")
			runtime.KeepAlive(g)
		})
	}
}
