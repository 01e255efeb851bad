package checker_test

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

// TestIndexBuiltDuringRun checks that a run whose glossary's index is not
// built yet finds what one job finds, in the same order, whatever the
// number of jobs: with more than one the index is built from the start of
// the run, and the rules that ask for it meanwhile lend their cores to
// the next rules of their file. Run it with -race.
func TestIndexBuiltDuringRun(t *testing.T) {
	var inputs []checker.Input
	for _, p := range []string{"../testdata/seed/article.txt", "../testdata/names/garbled.txt", "../testdata/seed/article.txt"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Skip(err)
		}
		name := p + "-" + string(rune('a'+len(inputs)))
		inputs = append(inputs, checker.Input{Path: name, Read: func() ([]byte, error) { return data, nil }})
	}
	seed, err := glossary.Load("../testdata/seed/glossary.csv")
	if err != nil {
		t.Skip(err)
	}
	entries := append(seed.Entries, glossary.Synthetic(3000, 3)...)
	cfg := &checker.Config{}
	active, err := cfg.ActiveRules(rules.All)
	if err != nil {
		t.Fatal(err)
	}
	check := func(jobs int, in []checker.Input) *checker.Result {
		// A new glossary each time: its index is built by the run.
		run := &checker.Run{Rules: active, Config: cfg, Glossary: glossary.New(entries), Parse: input.Parse, Jobs: jobs}
		res, err := run.Check(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := check(1, inputs)
	if len(want.Findings) == 0 {
		t.Fatal("no findings to compare")
	}
	for _, jobs := range []int{2, 3, 8} {
		for range 3 {
			if got := check(jobs, inputs); !reflect.DeepEqual(got.Findings, want.Findings) {
				t.Errorf("%d jobs: %d findings, want the %d of one job", jobs, len(got.Findings), len(want.Findings))
			}
		}
	}
	if res := check(2, nil); res.Files != 0 || len(res.Findings) != 0 {
		t.Errorf("no input: %d files, %d findings", res.Files, len(res.Findings))
	}
}
