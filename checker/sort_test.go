package checker

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// sortFindings orders findings as a stable sort by compareFindings does,
// ties (same file, span, rule and message) kept in their order.
func TestSortFindingsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 30, 1000} {
		fs := randomFindings(r, n)
		want := stableSorted(fs)
		if sortFindings(fs); !slices.EqualFunc(fs, want, sameFinding) {
			t.Errorf("%d findings: sortFindings differs from a stable sort", n)
		}
	}
}

// mergeFindings gives what a stable sort of all the findings gives, the
// files' first, when the files' findings are sorted per file, in file
// order (as the workers leave them), and the others come from run-level
// rules; and when the files' are not in order after all (the same file
// given twice).
func TestMergeFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 300 {
		fs := randomFindings(r, r.IntN(60))
		n := r.IntN(len(fs) + 1)
		in := slices.Clone(fs)
		if round%3 != 0 {
			copy(in, stableSorted(in[:n]))
		}
		want := stableSorted(in)
		// The files' findings cut in parts, some empty.
		var files [][]Finding
		for rest := slices.Clone(in[:n]); len(rest) > 0 || r.IntN(4) == 0; {
			k := r.IntN(len(rest) + 1)
			files = append(files, rest[:k])
			rest = rest[k:]
		}
		got := mergeFindings(files, slices.Clone(in[n:]))
		if !slices.EqualFunc(got, want, sameFinding) {
			t.Fatalf("round %d (%d findings, %d of files in %d parts): mergeFindings differs from a stable sort", round, len(fs), n, len(files))
		}
	}
}

func randomFindings(r *rand.Rand, n int) []Finding {
	fs := make([]Finding, n)
	for i := range fs {
		start := r.IntN(20)
		fs[i] = Finding{
			File: []string{"a.txt", "b.txt", ""}[r.IntN(3)], Rule: []string{"x", "y"}[r.IntN(2)],
			Span: Span{Start: start, End: start + r.IntN(3)}, Message: []string{"m", "n"}[r.IntN(2)],
			Suggestion: strconv.Itoa(i), // tells equal findings apart
		}
	}
	return fs
}

func stableSorted(fs []Finding) []Finding {
	s := slices.Clone(fs)
	slices.SortStableFunc(s, func(a, b Finding) int { return compareFindings(&a, &b) })
	return s
}

func sameFinding(a, b Finding) bool {
	return a.File == b.File && a.Span == b.Span && a.Rule == b.Rule && a.Message == b.Message && a.Suggestion == b.Suggestion
}
