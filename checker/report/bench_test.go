package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/mtlint/mtlint/checker"
)

// bigResult returns n findings spread over files of 100 findings each.
func bigResult(n int) *checker.Result {
	res := &checker.Result{Files: n/100 + 1, Rules: testRules}
	for i := 0; i < n; i++ {
		sev := checker.Severity(i%3 + 1)
		res.Findings = append(res.Findings, checker.Finding{
			File: fmt.Sprintf("dir/file%04d.txt", i/100), Rule: "garbled-name", Severity: sev,
			Span: checker.Span{Start: i * 10, End: i*10 + 11},
			Pos:  checker.Position{Offset: i * 10, Line: i + 1, Column: 3},
			End:  checker.Position{Offset: i*10 + 11, Line: i + 1, Column: 14},
			Text: "Naibbuckley", Suggestion: "Nayib Bukele", Safe: i%2 == 0, Confidence: 0.9,
			Message: `looks like a garbled "Nayib Bukele" (glossary)`,
		})
		res.Summary[sev]++
	}
	return res
}

func BenchmarkWrite(b *testing.B) {
	res := bigResult(10000)
	for _, format := range Names() {
		b.Run(format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, format, res, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSONJobs renders the JSON report on one goroutine and on two,
// as a run with --jobs 1 and --jobs 2 does.
func BenchmarkJSONJobs(b *testing.B) {
	res := bigResult(20000)
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, "json", res, Options{Jobs: jobs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUnifiedDiff(b *testing.B) {
	old := numbered(1, 100000)
	new := old[:len(old)/2] + "changed\n" + old[len(old)/2:]
	for i := 0; i < b.N; i++ {
		if err := UnifiedDiff(io.Discard, "f", old, new); err != nil {
			b.Fatal(err)
		}
	}
}
