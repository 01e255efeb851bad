package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
)

// The JSON model as encoding/json would write it: the reference that the
// hand-written writer must match byte for byte.
type (
	refOutput struct {
		Version  int          `json:"version"`
		Files    int          `json:"files"`
		Findings []refFinding `json:"findings"`
		Summary  refSummary   `json:"summary"`
	}
	refFinding struct {
		File       string       `json:"file"`
		Line       int          `json:"line"`
		Column     int          `json:"column"`
		EndLine    int          `json:"end_line"`
		EndColumn  int          `json:"end_column"`
		Offset     int          `json:"offset"`
		EndOffset  int          `json:"end_offset"`
		Rule       string       `json:"rule"`
		Severity   string       `json:"severity"`
		Text       string       `json:"text"`
		Suggestion string       `json:"suggestion"`
		Confidence float64      `json:"confidence"`
		Message    string       `json:"message"`
		Variants   []refVariant `json:"variants"`
		Fixable    bool         `json:"fixable"`
		Related    []refRelated `json:"related,omitempty"`
	}
	refVariant struct {
		Text   string `json:"text"`
		Count  int    `json:"count"`
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
	refRelated struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Message   string `json:"message"`
	}
	refSummary struct {
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Info    int `json:"info"`
	}
)

// refJSON writes res with encoding/json, as writeJSON once did.
func refJSON(res *checker.Result) ([]byte, error) {
	out := refOutput{
		Version: jsonVersion, Files: res.Files, Findings: make([]refFinding, 0, len(res.Findings)),
		Summary: refSummary{res.Summary[checker.Error], res.Summary[checker.Warning], res.Summary[checker.Info]},
	}
	for _, f := range res.Findings {
		jf := refFinding{
			File: displayPath(f.File), Line: f.Pos.Line, Column: f.Pos.Column, EndLine: f.End.Line,
			EndColumn: f.End.Column, Offset: f.Span.Start, EndOffset: f.Span.End, Rule: f.Rule,
			Severity: f.Severity.String(), Text: f.Text, Suggestion: f.Suggestion, Confidence: f.Confidence,
			Message: f.Message, Variants: make([]refVariant, 0, len(f.Variants)), Fixable: f.HasFix(),
		}
		for _, v := range f.Variants {
			file := v.First.File
			if file == "" {
				file = f.File
			}
			jf.Variants = append(jf.Variants, refVariant{v.Text, v.Count, displayPath(file), v.First.Pos.Line, v.First.Pos.Column})
		}
		for _, r := range f.Related {
			file := r.File
			if file == "" {
				file = f.File
			}
			jf.Related = append(jf.Related, refRelated{displayPath(file), r.Pos.Line, r.Pos.Column, r.End.Line, r.End.Column, r.Message})
		}
		out.Findings = append(out.Findings, jf)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(out)
	return b.Bytes(), err
}

// randomResult returns findings with awkward strings (quotes, control
// characters, invalid UTF-8, U+2028, HTML characters), numbers of every
// size, variants and related places.
func randomResult(r *rand.Rand, n int) *checker.Result {
	pieces := []string{"a", "Nayib", " ", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x00", "\x1f", "\x7f",
		"<", ">", "&", "é", "北京", "\u2028", "\u2029", "\xff", "\xe2\x80", "😀", "’", "/", "\u00a0"}
	str := func() string {
		var b strings.Builder
		for k := r.IntN(8); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	floats := []float64{0, 1, 0.5, 0.123456789, 1e-7, 1.5e-9, 2e-300, 1e20, 1e21, 3.3e25, -0.25, 0.9999999999999999, math.SmallestNonzeroFloat64}
	pos := func() checker.Position {
		return checker.Position{Offset: r.IntN(1e6), Line: r.IntN(1e5), Column: r.IntN(500)}
	}
	res := &checker.Result{Files: r.IntN(100)}
	for i := 0; i < n; i++ {
		f := checker.Finding{
			File: str(), Rule: str(), Severity: checker.Severity(r.IntN(5)),
			Span: checker.Span{Start: r.IntN(1e6), End: r.IntN(1e6) - 5}, Pos: pos(), End: pos(),
			Text: str(), Message: str(), Suggestion: str(), Safe: r.IntN(2) == 0,
			Confidence: floats[r.IntN(len(floats))],
		}
		if r.IntN(3) == 0 {
			f.Confidence = r.Float64()
		}
		for k := r.IntN(3); k > 0; k-- {
			f.Variants = append(f.Variants, checker.Variant{Text: str(), Count: r.IntN(50), First: checker.Location{File: str(), Pos: pos()}})
		}
		for k := r.IntN(3); k > 0; k-- {
			f.Related = append(f.Related, checker.Related{File: str(), Pos: pos(), End: pos(), Message: str()})
		}
		res.Findings = append(res.Findings, f)
	}
	res.Summary = [4]int{r.IntN(9), r.IntN(9), r.IntN(9), r.IntN(9)}
	return res
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	results := []*checker.Result{{}, {Files: 2}, fixture(t), bigResult(300), randomResult(r, 1), randomResult(r, 2000)}
	for i, res := range results {
		want, err := refJSON(res)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeJSON(&got, res, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			g, w := got.String(), string(want)
			k := 0
			for k < len(g) && k < len(w) && g[k] == w[k] {
				k++
			}
			t.Errorf("result %d: output differs from encoding/json at byte %d:\n got %q\nwant %q", i, k, g[max(0, k-80):min(len(g), k+80)], w[max(0, k-80):min(len(w), k+80)])
		}
	}
}

// A confidence that is not a number is an error, and nothing is written.
func TestJSONNaN(t *testing.T) {
	for _, c := range []float64{math.NaN(), math.Inf(1)} {
		res := &checker.Result{Findings: []checker.Finding{{Rule: "x", Confidence: c}}}
		_, refErr := refJSON(res)
		var got bytes.Buffer
		err := writeJSON(&got, res, Options{})
		if err == nil || refErr == nil || err.Error() != refErr.Error() || got.Len() != 0 {
			t.Errorf("confidence %v: error %v (encoding/json: %v), wrote %d bytes", c, err, refErr, got.Len())
		}
	}
}

// Rendered on several goroutines, a batch at a time, the report is the
// same as rendered on one, whatever the number of findings.
func TestJSONJobs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 3*jsonBatch - 1, 4 * jsonBatch, 4*jsonBatch + 1, 9*jsonBatch + 17} {
		res := randomResult(r, n)
		var want bytes.Buffer
		if err := writeJSON(&want, res, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, jobs := range []int{2, 3, 8} {
			var got bytes.Buffer
			if err := writeJSON(&got, res, Options{Jobs: jobs}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d findings, %d jobs: the report differs from one job's", n, jobs)
			}
		}
		// A failed write is reported, and the goroutines end.
		if err := writeJSON(failWriter{}, res, Options{Jobs: 2}); err == nil {
			t.Errorf("%d findings: no error from a failing writer", n)
		}
	}
}
