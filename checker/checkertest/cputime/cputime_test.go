package cputime

import (
	"testing"
	"time"
)

// TestNowCountsWork: busy work shows as processor time, and sleeping
// shows as (almost) none where the system measures processor time.
func TestNowCountsWork(t *testing.T) {
	start := Now()
	x := 0
	for i := 0; i < 1e8 && Since(start) < 20*time.Millisecond; i++ {
		x += i
	}
	if d := Since(start); d <= 0 {
		t.Errorf("busy work took %v of processor time (%d)", d, x)
	}
	if d := Now(); d < start {
		t.Errorf("Now went back: %v after %v", d, start)
	}
}
