package report

import (
	"encoding/json"
	"io"

	"github.com/mtlint/mtlint/checker"
)

// jsonVersion is the version of the JSON output; it changes only when a
// field is removed or changes meaning.
const jsonVersion = 1

type jsonOutput struct {
	Version  int           `json:"version"`
	Files    int           `json:"files"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	File       string        `json:"file"`
	Line       int           `json:"line"`
	Column     int           `json:"column"`
	EndLine    int           `json:"end_line"`
	EndColumn  int           `json:"end_column"`
	Offset     int           `json:"offset"`
	EndOffset  int           `json:"end_offset"`
	Rule       string        `json:"rule"`
	Severity   string        `json:"severity"`
	Text       string        `json:"text"`
	Suggestion string        `json:"suggestion"`
	Confidence float64       `json:"confidence"`
	Message    string        `json:"message"`
	Variants   []jsonVariant `json:"variants"`
	Fixable    bool          `json:"fixable"`
	Related    []jsonRelated `json:"related,omitempty"`
}

type jsonVariant struct {
	Text   string `json:"text"`
	Count  int    `json:"count"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonRelated struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
}

type jsonSummary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// writeJSON writes the versioned JSON document of DESIGN §7, indented with
// two spaces.
func writeJSON(w io.Writer, res *checker.Result, _ Options) error {
	out := jsonOutput{
		Version:  jsonVersion,
		Files:    res.Files,
		Findings: make([]jsonFinding, 0, len(res.Findings)),
		Summary: jsonSummary{
			Error:   res.Summary[checker.Error],
			Warning: res.Summary[checker.Warning],
			Info:    res.Summary[checker.Info],
		},
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		jf := jsonFinding{
			File:       displayPath(f.File),
			Line:       f.Pos.Line,
			Column:     f.Pos.Column,
			EndLine:    f.End.Line,
			EndColumn:  f.End.Column,
			Offset:     f.Span.Start,
			EndOffset:  f.Span.End,
			Rule:       f.Rule,
			Severity:   f.Severity.String(),
			Text:       f.Text,
			Suggestion: f.Suggestion,
			Confidence: f.Confidence,
			Message:    f.Message,
			Variants:   make([]jsonVariant, 0, len(f.Variants)),
			Fixable:    f.HasFix(),
		}
		for _, v := range f.Variants {
			file := v.First.File
			if file == "" {
				file = f.File
			}
			jf.Variants = append(jf.Variants, jsonVariant{
				Text: v.Text, Count: v.Count, File: displayPath(file),
				Line: v.First.Pos.Line, Column: v.First.Pos.Column,
			})
		}
		for _, r := range f.Related {
			file := r.File
			if file == "" {
				file = f.File
			}
			jf.Related = append(jf.Related, jsonRelated{
				File: displayPath(file), Line: r.Pos.Line, Column: r.Pos.Column,
				EndLine: r.End.Line, EndColumn: r.End.Column, Message: r.Message,
			})
		}
		out.Findings = append(out.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
