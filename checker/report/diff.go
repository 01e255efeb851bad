package report

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change, as
// with diff -u.
const diffContext = 3

// UnifiedDiff writes the change from old to new as a unified diff of the
// file path (headers "--- a/path" and "+++ b/path", hunks with three lines
// of context), the output of `mtlint check --diff`. Equal texts write
// nothing.
func UnifiedDiff(w io.Writer, path string, old, new string) error {
	if old == new {
		return nil
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	p := filepath.ToSlash(path)
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", p, p)
	for _, h := range hunks(ops) {
		writeHunk(&out, h, a, b)
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// An edit is one line of the edit script: kind ' ' keeps a[i] (== b[j]),
// '-' deletes a[i], '+' inserts b[j].
type edit struct {
	kind byte
	i, j int
}

// diffLines returns a shortest edit script from a to b: Myers' algorithm in
// its linear-space form, which splits the problem at the middle snake
// (bisect), so memory stays proportional to the text however many lines
// differ.
func diffLines(a, b []string) []edit {
	d := &differ{a: a, b: b}
	d.diff(0, len(a), 0, len(b))
	groupChanges(d.ops)
	return d.ops
}

type differ struct {
	a, b []string
	ops  []edit
}

// diff appends the edit script from a[a0:a1] to b[b0:b1].
func (d *differ) diff(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.ops = append(d.ops, edit{' ', a0, b0})
		a0++
		b0++
	}
	suf := 0
	for a1-suf > a0 && b1-suf > b0 && d.a[a1-suf-1] == d.b[b1-suf-1] {
		suf++
	}
	a1 -= suf
	b1 -= suf
	switch {
	case a0 == a1:
		for j := b0; j < b1; j++ {
			d.ops = append(d.ops, edit{'+', a0, j})
		}
	case b0 == b1:
		for i := a0; i < a1; i++ {
			d.ops = append(d.ops, edit{'-', i, b0})
		}
	default:
		// A split at a corner would not shrink the problem; bisect never
		// returns one, but the guard keeps the recursion finite.
		if x, y, ok := d.bisect(a0, a1, b0, b1); ok && (x != a0 || y != b0) && (x != a1 || y != b1) {
			d.diff(a0, x, b0, y)
			d.diff(x, a1, y, b1)
		} else {
			for i := a0; i < a1; i++ {
				d.ops = append(d.ops, edit{'-', i, b0})
			}
			for j := b0; j < b1; j++ {
				d.ops = append(d.ops, edit{'+', a1, j})
			}
		}
	}
	for k := 0; k < suf; k++ {
		d.ops = append(d.ops, edit{' ', a1 + k, b1 + k})
	}
}

// bisect finds the middle snake of a[a0:a1] and b[b0:b1], searching from
// both ends at once, and returns where to split them; ok is false when the
// two have no line in common. (The search is the one of Myers' paper, as
// in diff-match-patch's diff_bisect.)
func (d *differ) bisect(a0, a1, b0, b1 int) (x, y int, ok bool) {
	a, b := d.a[a0:a1], d.b[b0:b1]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD
	size := 2*maxD + 2
	v1 := make([]int, size)
	v2 := make([]int, size)
	for i := range v1 {
		v1[i] = -1
		v2[i] = -1
	}
	v1[off+1] = 0
	v2[off+1] = 0
	delta := n - m
	front := delta%2 != 0 // the forward path meets the reverse one
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for step := 0; step < maxD; step++ {
		for k1 := -step + k1start; k1 <= step-k1end; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -step || (k1 != step && v1[i-1] < v1[i+1]) {
				x1 = v1[i+1]
			} else {
				x1 = v1[i-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[i] = x1
			switch {
			case x1 > n:
				k1end += 2 // ran off the right
			case y1 > m:
				k1start += 2 // ran off the bottom
			case front:
				j := off + delta - k1
				if j >= 0 && j < size && v2[j] != -1 && x1 >= n-v2[j] {
					return a0 + x1, b0 + y1, true
				}
			}
		}
		for k2 := -step + k2start; k2 <= step-k2end; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -step || (k2 != step && v2[i-1] < v2[i+1]) {
				x2 = v2[i+1]
			} else {
				x2 = v2[i-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[i] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				j := off + delta - k2
				if j >= 0 && j < size && v1[j] != -1 {
					x1 := v1[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return a0 + x1, b0 + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// groupChanges puts the deletions of each run of changes before its
// insertions, as diff -u prints them.
func groupChanges(ops []edit) {
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		j := i
		for j < len(ops) && ops[j].kind != ' ' {
			j++
		}
		slices.SortStableFunc(ops[i:j], func(x, y edit) int {
			if x.kind == y.kind {
				return 0
			}
			if x.kind == '-' {
				return -1
			}
			return 1
		})
		i = j
	}
}

// hunks groups an edit script into hunks: each change with up to
// diffContext unchanged lines around it, hunks closer than twice that
// merged.
func hunks(ops []edit) [][]edit {
	var out [][]edit
	n := len(ops)
	i := 0
	for i < n {
		for i < n && ops[i].kind == ' ' {
			i++
		}
		if i == n {
			break
		}
		start := i - diffContext
		if start < 0 {
			start = 0
		}
		// Extend over changes separated by at most 2*diffContext equal lines.
		end := i
		for end < n {
			for end < n && ops[end].kind != ' ' {
				end++
			}
			run := 0
			for end+run < n && ops[end+run].kind == ' ' {
				run++
			}
			if end+run == n || run > 2*diffContext {
				if run > diffContext {
					run = diffContext
				}
				end += run
				break
			}
			end += run
		}
		out = append(out, ops[start:end])
		i = end
	}
	return out
}

func writeHunk(out *strings.Builder, h []edit, a, b []string) {
	var na, nb int
	sa, sb := -1, -1
	for _, e := range h {
		if e.kind != '+' {
			if sa < 0 {
				sa = e.i
			}
			na++
		}
		if e.kind != '-' {
			if sb < 0 {
				sb = e.j
			}
			nb++
		}
	}
	// An empty side names the line before it, as diff -u does.
	if sa < 0 {
		sa = h[0].i
	}
	if sb < 0 {
		sb = h[0].j
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(sa, na), hunkRange(sb, nb))
	for _, e := range h {
		var line string
		switch e.kind {
		case '+':
			line = b[e.j]
		default:
			line = a[e.i]
		}
		out.WriteByte(e.kind)
		out.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk side: 0-based start s and count n become
// "s+1,n", "s+1" when n is 1, and "s,0" when empty.
func hunkRange(s, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", s)
	case 1:
		return fmt.Sprintf("%d", s+1)
	}
	return fmt.Sprintf("%d,%d", s+1, n)
}
