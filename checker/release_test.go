package checker_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/rules"
)

// TestReleasedMemoryNotKept checks that nothing a run returns keeps a part
// of a released Document's memory: with that memory overwritten as soon
// as a Document is released, and recycled for the next, every rule finds
// exactly what it finds when each Document has memory of its own. The
// files are checked whole and in sections, by one worker and by several.
func TestReleasedMemoryNotKept(t *testing.T) {
	var inputs []checker.Input
	for _, pat := range []string{"../testdata/seed/*.txt", "../testdata/names/*.txt", "../testdata/names/*.md", "../testdata/prose/*.txt", "../testdata/prose/*.md"} {
		paths, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			// Opened: read into memory the run recycles.
			inputs = append(inputs, checker.Input{Path: p, Open: func() (io.ReadCloser, int64, error) {
				f, err := os.Open(p)
				if err != nil {
					return nil, 0, err
				}
				fi, err := f.Stat()
				if err != nil {
					f.Close()
					return nil, 0, err
				}
				return f, fi.Size(), nil
			}})
		}
	}
	// A Markdown file too, made from the prose, given whole.
	prose := sectionText(t, true)
	inputs = append(inputs, checker.Input{Path: "sections.md", Read: func() ([]byte, error) { return []byte(prose), nil }})
	g, err := glossary.Load("../testdata/seed/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &checker.Config{}
	active, err := cfg.ActiveRules(rules.All)
	if err != nil {
		t.Fatal(err)
	}
	check := func(jobs int) *checker.Result {
		t.Helper()
		run := &checker.Run{Rules: active, Config: cfg, Glossary: g, Parse: input.Parse, Sections: input.Sections, Jobs: jobs}
		res, err := run.Check(context.Background(), inputs)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, sections := range []bool{false, true} {
		if sections {
			setSections(t, 32<<10, 8<<10)
		}
		checker.SetRecycle(t, false, false)
		want := check(1)
		if len(want.Findings) == 0 {
			t.Fatal("no findings")
		}
		checker.SetRecycle(t, true, true)
		for _, jobs := range []int{1, 4} {
			got := check(jobs)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("sections %v, jobs %d: results differ when released memory is overwritten (%d findings, want %d)", sections, jobs, len(got.Findings), len(want.Findings))
				for i := range min(len(got.Findings), len(want.Findings)) {
					if !reflect.DeepEqual(got.Findings[i], want.Findings[i]) {
						t.Errorf("first difference:\n got %+v\nwant %+v", got.Findings[i], want.Findings[i])
						break
					}
				}
			}
		}
	}
}
