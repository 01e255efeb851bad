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
			kept = append(kept, len(recycled.buffers), len(recycled.reads), len(recycled.findings))
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
		if len(kept) != 3 || kept[0] != 0 || kept[1] != 0 || kept[2] != 0 {
			t.Errorf("jobs %d: during Finish the run still keeps %v (Buffers, read buffers, findings), want none", jobs, kept)
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
