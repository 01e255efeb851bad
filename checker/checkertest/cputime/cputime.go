// Package cputime measures the processor time a test spends, for tests
// that compare how the cost of some work grows with its input. Unlike the
// wall clock, processor time does not grow when other programs load the
// machine, so such comparisons stay meaningful on a busy build server.
package cputime

import "time"

// Now returns the processor time (user plus system) the process has used
// so far, or the time since the process started where the system does not
// say.
func Now() time.Duration { return now() }

// Since returns the processor time used since start, a value of Now.
func Since(start time.Duration) time.Duration { return Now() - start }
