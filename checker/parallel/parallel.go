// Package parallel spreads the tasks of a loop over a few goroutines, for
// the work a run does once (an index, the comparison of a run's
// spellings) on the cores its --jobs allows.
package parallel

import (
	"sync"
	"sync/atomic"
)

// Run calls fn on up to jobs goroutines, the caller's one of them, and
// returns when all calls have returned. Each call gets its goroutine's
// number w, in [0, min(jobs, n)), and next, which hands out the tasks 0 to
// n-1, each once, then -1: a goroutine may keep state from one task to the
// next. With jobs of 1 or less, fn is called once, by the caller.
func Run(jobs, n int, fn func(w int, next func() int)) {
	var taken atomic.Int64
	next := func() int {
		if t := int(taken.Add(1) - 1); t < n {
			return t
		}
		return -1
	}
	var wg sync.WaitGroup
	for w := 1; w < min(jobs, n); w++ {
		wg.Go(func() { fn(w, next) })
	}
	fn(0, next)
	wg.Wait()
}

// For calls fn(i) for every i in [0, n) on up to jobs goroutines, the
// caller's one of them, and returns when all calls have returned. With
// jobs of 1 or less the calls are made in order by the caller.
func For(jobs, n int, fn func(i int)) {
	Run(jobs, n, func(_ int, next func() int) {
		for i := next(); i >= 0; i = next() {
			fn(i)
		}
	})
}
