package cputime

import "time"

var started = time.Now()

// wall is the fallback: the monotonic time since the process started.
func wall() time.Duration { return time.Since(started) }
