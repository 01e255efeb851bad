package parallel

import (
	"sync/atomic"
	"testing"
)

// Every task is done once, by goroutines numbered below min(jobs, n), and
// with one job in order by the caller.
func TestFor(t *testing.T) {
	for _, jobs := range []int{0, 1, 2, 3, 8} {
		for _, n := range []int{0, 1, 2, 5, 100} {
			done := make([]atomic.Int32, n)
			var order []int
			Run(jobs, n, func(w int, next func() int) {
				if w >= max(1, min(jobs, n)) {
					t.Errorf("jobs %d, %d tasks: goroutine %d", jobs, n, w)
				}
				for i := next(); i >= 0; i = next() {
					done[i].Add(1)
					if jobs <= 1 {
						order = append(order, i)
					}
				}
			})
			For(jobs, n, func(i int) { done[i].Add(1) })
			for i := range done {
				if c := done[i].Load(); c != 2 {
					t.Errorf("jobs %d, %d tasks: task %d done %d times, want 2 (once by Run, once by For)", jobs, n, i, c)
				}
			}
			for k, i := range order {
				if i != k {
					t.Fatalf("jobs %d: task %d done in place %d", jobs, i, k)
				}
			}
		}
	}
}
