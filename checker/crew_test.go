package checker

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker/glossary"
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

// A rule that waits for another goroutine lends its core: the next rule
// of its Document runs meanwhile, though no other core is free, and the
// cores are all given back after.
func TestLendCore(t *testing.T) {
	c := &crew{cores: make(chan struct{}, 2)}
	c.cores <- struct{}{} // another worker's core, busy all along
	c.cores <- struct{}{} // this worker's
	ran := make(chan struct{})
	lent := false
	r := &Run{Rules: []*Rule{
		{ID: "waits", Run: func(p *Pass) error {
			p.lend(func() {
				select {
				case <-ran:
					lent = true
				case <-time.After(10 * time.Second):
				}
			})
			return nil
		}},
		{ID: "next", Run: func(p *Pass) error { close(ran); return nil }},
	}}
	doc := NewDocument("a.txt", "Some text.", "", []Block{{Span: Span{End: 10}, Kind: Paragraph}}, nil)
	if _, err := r.checkDoc(&Config{}, &glossary.Glossary{}, doc, doc.Path, c, nil); err != nil {
		t.Fatal(err)
	}
	if !lent {
		t.Error("the next rule did not run while the first waited")
	}
	if len(c.cores) != 2 {
		t.Errorf("%d cores taken after the Document, want 2", len(c.cores))
	}
}

// The first rule to ask for the index builds it; one that asks while it
// is built lends its core while it waits; later ones just take it.
func TestCrewIndex(t *testing.T) {
	g := glossary.New([]glossary.Entry{{Term: "Port Elwood"}})
	c := &crew{cores: make(chan struct{}, 2)}
	lends := 0
	lend := func(wait func()) { lends++; wait() }
	c.indexState.Store(indexBuilding) // as if another rule were building it
	if ix := c.index(g, 2, lend); ix == nil || lends != 1 {
		t.Fatalf("asked while built: index %v, %d lends, want the index and 1", ix, lends)
	}
	c = &crew{cores: make(chan struct{}, 2)}
	first := c.index(g, 2, lend)
	if first != g.Index() || c.indexState.Load() != indexBuilt || lends != 1 {
		t.Errorf("the first to ask: state %d, %d lends", c.indexState.Load(), lends)
	}
	if c.index(g, 2, lend) != first || lends != 1 {
		t.Errorf("asked once built: %d lends", lends)
	}
}
