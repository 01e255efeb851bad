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
		fs := make([]Finding, n)
		for i := range fs {
			start := r.IntN(20)
			fs[i] = Finding{
				File: []string{"a.txt", "b.txt", ""}[r.IntN(3)], Rule: []string{"x", "y"}[r.IntN(2)],
				Span: Span{Start: start, End: start + r.IntN(3)}, Message: []string{"m", "n"}[r.IntN(2)],
				Suggestion: strconv.Itoa(i), // tells equal findings apart
			}
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Finding) int { return compareFindings(&a, &b) })
		if got := sortFindings(slices.Clone(fs)); !slices.EqualFunc(got, want, func(a, b Finding) bool {
			return a.File == b.File && a.Span == b.Span && a.Rule == b.Rule && a.Suggestion == b.Suggestion
		}) {
			t.Errorf("%d findings: sortFindings differs from a stable sort", n)
		}
		// Already sorted input comes back as it is.
		if got := sortFindings(want); len(got) > 0 && &got[0] != &want[0] {
			t.Errorf("%d sorted findings were copied", n)
		}
	}
}
