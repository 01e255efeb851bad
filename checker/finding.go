package checker

import "strings"

// A Finding is one problem a rule found.
type Finding struct {
	File     string
	Rule     string
	Severity Severity // set by the rule to vary it per finding, else the rule's default; config overrides
	Span     Span
	Pos, End Position // derived from Span
	Text     string   // the text of Span

	Message    string
	Suggestion string  // replacement text for Span ("" for none)
	Safe       bool    // --fix may apply Suggestion
	Confidence float64 // 0..1 for fuzzy rules; 0 means not applicable
	Variants   []Variant
	Related    []Related
}

// A Variant is one spelling of a name in an inconsistent-spelling finding.
type Variant struct {
	Text  string
	Count int
	First Location // where it first occurs
}

// Related points at another place that explains a finding (the first of a
// repeated phrase, say).
type Related struct {
	File     string // "" for the finding's own file
	Span     Span
	Pos, End Position
	Message  string
}

// HasFix reports whether --fix may apply the finding's suggestion.
func (f *Finding) HasFix() bool { return f.Safe && f.Span.End >= f.Span.Start }

func compareFindings(a, b *Finding) int {
	switch {
	case a.File != b.File:
		if a.File < b.File {
			return -1
		}
		return 1
	case a.Span.Start != b.Span.Start:
		return a.Span.Start - b.Span.Start
	case a.Span.End != b.Span.End:
		return a.Span.End - b.Span.End
	case a.Rule != b.Rule:
		if a.Rule < b.Rule {
			return -1
		}
		return 1
	case a.Message != b.Message:
		if a.Message < b.Message {
			return -1
		}
		return 1
	}
	return 0
}

// detach copies the strings of f that may be parts of its document's text,
// so that a finding kept until the run ends does not keep the text (a run
// over 100,000 files would otherwise hold all of them).
func (f *Finding) detach() {
	f.Text = strings.Clone(f.Text)
	f.Suggestion = strings.Clone(f.Suggestion)
	f.Message = strings.Clone(f.Message)
}
