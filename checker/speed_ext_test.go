package checker_test

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

// TestRulesInParallelSameFindings checks that spreading the rules of one
// file over several goroutines (a run with more jobs than files) finds
// exactly what one goroutine finds, in the same order. Run it with -race.
func TestRulesInParallelSameFindings(t *testing.T) {
	var inputs []checker.Input
	for _, p := range []string{"../testdata/seed/article.txt", "../testdata/names/garbled.txt"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Skip(err)
		}
		inputs = append(inputs, checker.Input{Path: p, Read: func() ([]byte, error) { return data, nil }})
	}
	// A file long enough for rules to split their work.
	long, err := os.ReadFile("../testdata/names/garbled.txt")
	if err != nil {
		t.Skip(err)
	}
	long = bytes.Repeat(append(long, "\n\n"...), 12)
	longInput := checker.Input{Path: "long.txt", Read: func() ([]byte, error) { return long, nil }}
	seed, err := glossary.Load("../testdata/seed/glossary.csv")
	if err != nil {
		t.Skip(err)
	}
	g := glossary.New(append(seed.Entries, glossary.Synthetic(500, 3)...))
	cfg := &checker.Config{}
	active, err := cfg.ActiveRules(rules.All)
	if err != nil {
		t.Fatal(err)
	}
	check := func(jobs int, in []checker.Input) *checker.Result {
		run := &checker.Run{Rules: active, Config: cfg, Glossary: g, Parse: input.Parse, Jobs: jobs}
		res, err := run.Check(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, in := range [][]checker.Input{inputs[:1], inputs, {longInput}, append([]checker.Input{longInput}, inputs...)} {
		want := check(1, in)
		if len(want.Findings) == 0 {
			t.Fatal("no findings to compare")
		}
		for _, jobs := range []int{2, 4, 16} {
			got := check(jobs, in)
			if !reflect.DeepEqual(got.Findings, want.Findings) {
				t.Errorf("%d files, %d jobs: %d findings, want the %d of one job", len(in), jobs, len(got.Findings), len(want.Findings))
			}
		}
	}
}
