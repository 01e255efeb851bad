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
		if got := sortFindings(slices.Clone(fs)); !slices.EqualFunc(got, want, sameFinding) {
			t.Errorf("%d findings: sortFindings differs from a stable sort", n)
		}
		// Already sorted input comes back as it is.
		if got := sortFindings(want); len(got) > 0 && &got[0] != &want[0] {
			t.Errorf("%d sorted findings were copied", n)
		}
	}
}

// mergeFindings gives what a stable sort of all the findings gives, when
// the first n are the files' findings sorted per file (as the workers
// leave them) and the others come from run-level rules; and when the
// first n are not sorted after all (the same file given twice).
func TestMergeFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 200 {
		fs := randomFindings(r, r.IntN(60))
		n := r.IntN(len(fs) + 1)
		want := stableSorted(fs)
		in := slices.Clone(fs)
		if round%3 != 0 {
			// Per file, in file order, as a run leaves them.
			files := stableSorted(in[:n])
			copy(in, files)
			want = stableSorted(in)
		}
		if got := mergeFindings(in, n); !slices.EqualFunc(got, want, sameFinding) {
			t.Fatalf("round %d (%d findings, %d of files): mergeFindings differs from a stable sort", round, len(fs), n)
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
