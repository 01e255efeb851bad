package main

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// defaultInclude is the files a folder walk checks when the config names none.
var defaultInclude = []string{"**/*.txt", "**/*.md", "**/*.markdown", "**/*.text"}

// A walker lists the files to check under the paths given on the command line.
type walker struct {
	ctx     context.Context // stops the walk when done (nil: never)
	base    string          // folder include/exclude patterns are relative to
	include []string        // patterns a walked file must match (one of)
	exclude []string        // patterns of files and folders to skip
	files   []string        // found, in the order found
	errs    []error         // paths that could not be read
	seen    map[string]bool
}

// add adds a path from the command line: a file is always checked, a folder
// is walked, skipping hidden folders and the files and folders excluded.
//
// Symbolic links on the command line are followed. During a walk, as in git,
// a link is not followed: neither a link to a folder (so a walk cannot loop
// or leave the tree) nor a link to a file (so --fix cannot write outside it).
func (w *walker) add(p string) {
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	st, err := os.Stat(p)
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	if st.IsDir() {
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link; its folder
			// is, as "link/".
			p = strings.TrimSuffix(p, string(filepath.Separator)) + string(filepath.Separator)
		}
	}
	if !st.IsDir() {
		// A file named on the command line is checked whatever the include
		// patterns say, but exclude still applies (pre-commit passes every
		// changed file).
		if !w.excluded(p, false) {
			w.addFile(p)
		}
		return
	}
	err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
		if w.ctx != nil && w.ctx.Err() != nil {
			return w.ctx.Err()
		}
		if err != nil {
			w.errs = append(w.errs, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if name != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			if name != p && w.excluded(name, true) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil // a link, a device, a pipe: not followed, not read
		}
		if w.excluded(name, false) || !w.included(name) {
			return nil
		}
		w.addFile(name)
		return nil
	})
	if err != nil {
		w.errs = append(w.errs, err)
	}
}

func (w *walker) addFile(p string) {
	p = filepath.Clean(p)
	if w.seen[p] {
		return
	}
	w.seen[p] = true
	w.files = append(w.files, p)
}

// sorted returns the files found, sorted.
func (w *walker) sorted() []string {
	out := append([]string(nil), w.files...)
	sort.Strings(out)
	return out
}

// rel returns name relative to the pattern base, with forward slashes.
func (w *walker) rel(name string) string {
	if w.base != "" {
		if abs, err := filepath.Abs(name); err == nil {
			if r, err := filepath.Rel(w.base, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(r)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(name))
}

func (w *walker) included(name string) bool {
	inc := w.include
	if len(inc) == 0 {
		inc = defaultInclude
	}
	r := w.rel(name)
	for _, p := range inc {
		if matchGlob(p, r) {
			return true
		}
	}
	return false
}

func (w *walker) excluded(name string, dir bool) bool {
	r := w.rel(name)
	for _, p := range w.exclude {
		if matchGlob(p, r) {
			return true
		}
		// "vendor/**" excludes the folder vendor itself.
		if dir && strings.HasSuffix(p, "/**") && matchGlob(strings.TrimSuffix(p, "/**"), r) {
			return true
		}
	}
	return false
}

// matchGlob reports whether the slash-separated name matches pattern, where
// "**" as a whole path element matches any number of elements (zero
// included) and the other elements follow path.Match. A pattern without a
// slash matches the base name at any depth, as in .gitignore.
func matchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(name))
		return ok
	}
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchParts(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(name); i++ {
				if matchParts(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
