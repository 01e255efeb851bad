package checker

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// ApplyFixes applies the safe suggestions of findings (all of one file) to
// text. Edits are applied in offset order; an edit that overlaps one already
// taken, lies outside the text, or would split a UTF-8 sequence is skipped.
// It returns the new text and the findings applied and skipped.
func ApplyFixes(text string, findings []Finding) (out string, applied, skipped []Finding) {
	var fixes []Finding
	for _, f := range findings {
		if f.HasFix() {
			fixes = append(fixes, f)
		}
	}
	slices.SortStableFunc(fixes, func(a, b Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	})
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range fixes {
		s := f.Span
		if s.Start < last || s.End > len(text) || s.Start < 0 ||
			!boundary(text, s.Start) || !boundary(text, s.End) || text[s.Start:s.End] != f.Text {
			skipped = append(skipped, f)
			continue
		}
		if text[s.Start:s.End] == f.Suggestion {
			continue
		}
		b.WriteString(text[last:s.Start])
		b.WriteString(f.Suggestion)
		last = s.End
		applied = append(applied, f)
	}
	b.WriteString(text[last:])
	return b.String(), applied, skipped
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}
