package checker

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
)

// TestRecycledMemoryGoesBeforeFinish checks that the memory a run keeps
// for the next Document (read buffers, Document slices) is let go once
// every file is checked: the run-level rules' Finish, which builds its
// own structures over the whole run, is where a run's memory peaks.
func TestRecycledMemoryGoesBeforeFinish(t *testing.T) {
	SetRecycle(t, true, false)
	parse := func(path string, data []byte) (*Document, error) {
		b := TakeBuffers()
		b.Blocks = append(b.Blocks[:0], Block{Span: Span{Start: 0, End: len(data)}, Kind: Paragraph})
		return b.NewDocument(path, string(data), "", b.Blocks, nil, nil), nil
	}
	var kept []int
	rule := &Rule{
		ID:      "memory-probe",
		Collect: func(*Pass) (any, error) { return nil, nil },
		Finish: func(*RunPass, []any) error {
			recycled.Lock()
			kept = append(kept, len(recycled.buffers), len(recycled.reads), len(recycled.findings), len(recycled.slots))
			recycled.Unlock()
			return nil
		},
	}
	var inputs []Input
	for i := range 6 {
		text := bytes.Repeat([]byte(fmt.Sprintf("Sentence %d of the file. ", i)), 200)
		inputs = append(inputs, Input{Path: fmt.Sprintf("f%d.txt", i), Open: func() (io.ReadCloser, int64, error) {
			return io.NopCloser(bytes.NewReader(text)), int64(len(text)), nil
		}})
	}
	for _, jobs := range []int{1, 3} {
		kept = kept[:0]
		run := &Run{Rules: []*Rule{rule}, Parse: parse, Jobs: jobs}
		res, err := run.Check(context.Background(), inputs)
		if err != nil {
			t.Fatal(err)
		}
		if res.Files != len(inputs) {
			t.Fatalf("jobs %d: %d files checked, want %d", jobs, res.Files, len(inputs))
		}
		if len(kept) != 4 || kept[0] != 0 || kept[1] != 0 || kept[2] != 0 || kept[3] != 0 {
			t.Errorf("jobs %d: during Finish the run still keeps %v (Buffers, read buffers, findings, rule slots), want none", jobs, kept)
		}
	}
}

// A rule's findings list, released, is taken by the next rule emptied,
// and keeps none of the strings of the findings it held.
func TestRecycledFindings(t *testing.T) {
	SetRecycle(t, true, false)
	stop := startRecycling()
	defer stop()
	fs := append(make([]Finding, 0, 8), Finding{File: "a.txt", Message: "m"}, Finding{File: "b.txt"})
	releaseFindings(fs)
	got := takeFindings()
	if len(got) != 0 || cap(got) != 8 {
		t.Fatalf("took a list of %d findings and room for %d, want 0 and 8", len(got), cap(got))
	}
	if got[:2][0].File != "" || got[:2][1].File != "" {
		t.Error("the released findings were not cleared")
	}
	if takeFindings() != nil {
		t.Error("a list was taken twice")
	}
}

// A Document's rule slots, released, are taken by the next Document
// emptied, or not at all when there are too few of them.
func TestRecycledSlots(t *testing.T) {
	SetRecycle(t, true, false)
	stop := startRecycling()
	defer stop()
	s := takeSlots(3)
	s[1].pass.Doc, s[2].findings, s[2].sum = &Document{}, make([]Finding, 1), 7
	releaseSlots(s)
	got := takeSlots(2)
	if len(got) != 2 || &got[0] != &s[0] {
		t.Fatalf("took %d slots, not the ones released", len(got))
	}
	if got := got[:3]; got[1].pass.Doc != nil || got[2].findings != nil || got[2].sum != nil {
		t.Error("the released slots were not cleared")
	}
	releaseSlots(got)
	if got := takeSlots(4); len(got) != 4 || &got[0] == &s[0] {
		t.Error("3 slots were taken for 4")
	}
}
