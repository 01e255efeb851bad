package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/report"
	"github.com/urfave/cli/v2"
)

// maxFixRounds bounds the passes over one file when fixes overlap or
// uncover others.
const maxFixRounds = 4

type fixResult struct {
	issues, files int
	errs          []error
}

// File system hooks: the code reads, creates and renames through these, so
// that tests can inject the failures a real disk has (a read error, a full
// disk midway through a write, a failing rename) whatever the user running
// them, root included.
var (
	// readFile reads a file to check or fix.
	readFile = os.ReadFile
	// createTemp creates the temporary file a fix is written to.
	createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
	// rename moves the written temporary file over the original.
	rename = os.Rename
	// beforeFix is called before each file is fixed.
	beforeFix = func(name string) {}
)

// interrupted is the error of a run stopped by an interrupt.
func interrupted() error {
	return cli.Exit("mtlint: interrupted", exitInterrupted)
}

// A tempFile is the part of *os.File writeAtomic uses.
type tempFile interface {
	io.WriteCloser
	Name() string
	Chmod(mode os.FileMode) error
	Sync() error
}

// applyFixes applies (fix) or prints as a diff (!fix) the safe suggestions
// of res, file by file. A file is written only if it still holds the bytes
// that were checked; standard input's fixed text goes to stdout. Once ctx is
// done no further file is written and the file being written is either
// replaced whole or left untouched; ctx.Err() is then in the result's errors.
//
// recheck, when not nil, checks a file's fixed text again, to apply in the
// same run the fixes the first pass skipped or uncovered.
func applyFixes(ctx context.Context, res *checker.Result, src *source, fix bool, recheck func(name, text string) ([]checker.Finding, error), stdout, stderr io.Writer) fixResult {
	var fr fixResult
	byFile := map[string][]checker.Finding{}
	for _, f := range res.Findings {
		if f.HasFix() {
			byFile[f.File] = append(byFile[f.File], f)
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for name, data := range src.stdin {
		if _, ok := byFile[name]; !ok && fix {
			stdout.Write(data) // nothing to fix: the text unchanged
		}
	}
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			fr.errs = append(fr.errs, err)
			break
		}
		beforeFix(name)
		data, isStdin := src.stdin[name]
		if !isStdin {
			var err error
			if data, err = readFile(name); err != nil {
				fr.errs = append(fr.errs, fmt.Errorf("%s: not fixed: %w", name, err))
				continue
			}
			if sum, ok := src.sums[name]; !ok || sum != sha256.Sum256(data) {
				fmt.Fprintf(stderr, "mtlint: %s: changed since it was checked; not fixed\n", name)
				continue
			}
		}
		old := string(data)
		fixed, applied, skipped := checker.ApplyFixes(old, byFile[name])
		// Fixes that overlapped one already taken were skipped, and a fix
		// may uncover another ("third third KINGDOm" loses a word and
		// becomes a listed wrong form): check the fixed text again and
		// apply what it still offers, so that one --fix does all a
		// repeated --fix would.
		for round := 1; len(applied) > 0 && recheck != nil && round < maxFixRounds; round++ {
			more, err := recheck(name, fixed)
			if err != nil {
				break
			}
			var again []checker.Finding
			fixed, again, skipped = checker.ApplyFixes(fixed, more)
			if len(again) == 0 {
				break
			}
			applied = append(applied, again...)
		}
		for _, f := range skipped {
			fmt.Fprintf(stderr, "mtlint: %s:%d:%d: fix %q → %q not applied (overlaps another fix)\n",
				name, f.Pos.Line, f.Pos.Column, f.Text, f.Suggestion)
		}
		if !fix {
			if len(applied) > 0 {
				if err := report.UnifiedDiff(stdout, name, old, fixed); err != nil {
					fr.errs = append(fr.errs, err)
					continue
				}
				fr.issues += len(applied)
				fr.files++
			}
			continue
		}
		if isStdin {
			io.WriteString(stdout, fixed)
			src.stdin[name] = []byte(fixed)
		} else if len(applied) > 0 {
			if err := writeAtomic(ctx, name, []byte(fixed)); err != nil {
				if ctx.Err() != nil {
					fr.errs = append(fr.errs, ctx.Err()) // name untouched
					break
				}
				fr.errs = append(fr.errs, err)
				continue
			}
		}
		if len(applied) > 0 {
			fr.issues += len(applied)
			fr.files++
		}
	}
	return fr
}

// writeAtomic replaces the file name with data: a temporary file in the same
// folder, synced, given the file's mode, then renamed over it. A read-only
// file is an error and left alone. On any failure, or when ctx is done
// before the rename, the temporary file is removed and the original is left
// as it was.
func writeAtomic(ctx context.Context, name string, data []byte) (err error) {
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", name, err)
	}
	st, err := os.Stat(real)
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", name, err)
	}
	if st.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s: not fixed: the file is read-only", name)
	}
	tmp, err := createTemp(filepath.Dir(real), "."+filepath.Base(real)+".mtlint-*")
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("%s: not fixed: %w", name, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(st.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = rename(tmp.Name(), real); err != nil {
		return err
	}
	return nil
}
