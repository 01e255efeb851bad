package checker

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A worker with no file left runs the rules of a Document still being
// checked: here the owner's first rule can only end once another
// goroutine has started the second one, which only help can do.
func TestCrewHelp(t *testing.T) {
	c := &crew{cores: make(chan struct{}, 2)}
	started := make(chan struct{})
	var ran [3]atomic.Int32
	rules := []func(){
		func() {
			select {
			case <-started:
			case <-time.After(10 * time.Second):
				t.Error("no worker helped with the second rule")
			}
		},
		func() { close(started) },
		func() {},
	}
	var next atomic.Int64
	work := func() {
		for {
			k := int(next.Add(1)) - 1
			if k >= len(rules) {
				return
			}
			rules[k]()
			ran[k].Add(1)
		}
	}
	left := func() bool { return int(next.Load()) < len(rules) }
	var helpers sync.WaitGroup
	c.cores <- struct{}{} // the owner's core
	d := c.enlist(work, left, &helpers)
	helped := make(chan struct{})
	go func() { c.help(); close(helped) }()
	work()
	c.delist(d)
	<-c.cores
	helpers.Wait()
	<-helped
	for k := range ran {
		if n := ran[k].Load(); n != 1 {
			t.Errorf("rule %d ran %d times", k, n)
		}
	}
	if len(c.open) != 0 || len(c.cores) != 0 {
		t.Errorf("%d Documents still listed, %d cores taken", len(c.open), len(c.cores))
	}
	// One worker: nothing is listed, and help returns at once.
	one := &crew{cores: make(chan struct{}, 1)}
	if d := one.enlist(work, left, &helpers); d != nil {
		t.Error("a crew of one listed a Document")
	}
	one.help()
}
