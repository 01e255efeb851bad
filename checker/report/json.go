package report

import (
	"io"
	"math"
	"strconv"
	"sync/atomic"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// jsonVersion is the version of the JSON output; it changes only when a
// field is removed or changes meaning.
const jsonVersion = 1

// writeJSON writes the versioned JSON document of DESIGN §7, indented with
// two spaces:
//
//	{"version", "files", "findings": [{"file", "line", "column", "end_line",
//	"end_column", "offset", "end_offset", "rule", "severity", "text",
//	"suggestion", "confidence", "message", "variants": [{"text", "count",
//	"file", "line", "column"}], "fixable", "related" (left out when empty):
//	[{"file", "line", "column", "end_line", "end_column", "message"}]}],
//	"summary": {"error", "warning", "info"}}
//
// It is written by hand rather than with encoding/json: a run can have
// tens of thousands of findings, and reflection plus MarshalIndent's
// second pass over the output cost more than the rest of the report. The
// bytes are those encoding/json writes (Encoder with two-space indent and
// no HTML escaping), which TestJSONMatchesEncodingJSON checks.
func writeJSON(w io.Writer, res *checker.Result, opt Options) error {
	// encoding/json writes nothing when a value cannot be encoded.
	for i := range res.Findings {
		if c := res.Findings[i].Confidence; math.IsNaN(c) || math.IsInf(c, 0) {
			return &unsupportedValueError{strconv.FormatFloat(c, 'g', -1, 64)}
		}
	}
	e := jsonWriter{w: w, b: make([]byte, 0, jsonChunk+4096)}
	e.raw("{\n  \"version\": ")
	e.int(jsonVersion)
	e.raw(",\n  \"files\": ")
	e.int(res.Files)
	e.raw(",\n  \"findings\": [")
	if err := e.findings(res.Findings, opt.Jobs); err != nil {
		return err
	}
	if len(res.Findings) > 0 {
		e.raw("\n  ")
	}
	e.raw("],\n  \"summary\": {\n    \"error\": ")
	e.int(res.Summary[checker.Error])
	e.raw(",\n    \"warning\": ")
	e.int(res.Summary[checker.Warning])
	e.raw(",\n    \"info\": ")
	e.int(res.Summary[checker.Info])
	e.raw("\n  }\n}\n")
	return e.flush()
}

// jsonChunk is how much output jsonWriter gathers before writing it.
const jsonChunk = 32 << 10

// jsonWriter appends JSON to a buffer and writes it out in chunks.
type jsonWriter struct {
	w io.Writer
	b []byte
}

func (e *jsonWriter) flushIfFull() error {
	if len(e.b) < jsonChunk {
		return nil
	}
	return e.flush()
}

func (e *jsonWriter) flush() error {
	_, err := e.w.Write(e.b)
	e.b = e.b[:0]
	return err
}

func (e *jsonWriter) raw(s string) { e.b = append(e.b, s...) }
func (e *jsonWriter) int(n int)    { e.b = strconv.AppendInt(e.b, int64(n), 10) }
func (e *jsonWriter) str(s string) { e.b = appendJSONString(e.b, s) }

func (e *jsonWriter) bool(v bool) {
	if v {
		e.raw("true")
	} else {
		e.raw("false")
	}
}

// jsonBatch is how many findings a goroutine renders at a time when
// several render the report.
const jsonBatch = 256

// findings appends the elements of "findings", writing out what is full.
// With jobs above 1 and many findings, the report is the serial end of a
// run: the findings are rendered a batch at a time on jobs goroutines,
// each batch into a buffer of its own, while this one writes the batches
// before, in order. At most 2*jobs buffers are in use at once.
func (e *jsonWriter) findings(fs []checker.Finding, jobs int) error {
	n := (len(fs) + jsonBatch - 1) / jsonBatch
	if jobs <= 1 || n < 4 {
		for i := range fs {
			if i > 0 {
				e.raw(",")
			}
			e.finding(&fs[i])
			if err := e.flushIfFull(); err != nil {
				return err
			}
		}
		return nil
	}
	if err := e.flush(); err != nil {
		return err
	}
	free := make(chan []byte, 2*jobs)
	for range cap(free) {
		free <- nil
	}
	done := make([]chan []byte, n)
	for i := range done {
		done[i] = make(chan []byte, 1)
	}
	var next atomic.Int64
	for range jobs {
		go func() {
			for {
				// The buffer first, then the batch: a batch taken
				// always has a buffer, so the batch the writer waits
				// for is always rendered.
				b := <-free
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				r := jsonWriter{b: b[:0]}
				for k := i * jsonBatch; k < min(len(fs), (i+1)*jsonBatch); k++ {
					if k > 0 {
						r.raw(",")
					}
					r.finding(&fs[k])
				}
				done[i] <- r.b
			}
		}()
	}
	var err error
	for i := range done {
		b := <-done[i]
		if err == nil {
			_, err = e.w.Write(b)
		}
		free <- b
	}
	return err
}

// finding writes one element of "findings", at a depth of two.
func (e *jsonWriter) finding(f *checker.Finding) {
	e.raw("\n    {\n      \"file\": ")
	e.str(displayPath(f.File))
	e.raw(",\n      \"line\": ")
	e.int(f.Pos.Line)
	e.raw(",\n      \"column\": ")
	e.int(f.Pos.Column)
	e.raw(",\n      \"end_line\": ")
	e.int(f.End.Line)
	e.raw(",\n      \"end_column\": ")
	e.int(f.End.Column)
	e.raw(",\n      \"offset\": ")
	e.int(f.Span.Start)
	e.raw(",\n      \"end_offset\": ")
	e.int(f.Span.End)
	e.raw(",\n      \"rule\": ")
	e.str(f.Rule)
	e.raw(",\n      \"severity\": ")
	e.str(f.Severity.String())
	e.raw(",\n      \"text\": ")
	e.str(f.Text)
	e.raw(",\n      \"suggestion\": ")
	e.str(f.Suggestion)
	e.raw(",\n      \"confidence\": ")
	e.b = appendJSONFloat(e.b, f.Confidence)
	e.raw(",\n      \"message\": ")
	e.str(f.Message)
	e.raw(",\n      \"variants\": [")
	for i, v := range f.Variants {
		if i > 0 {
			e.raw(",")
		}
		file := v.First.File
		if file == "" {
			file = f.File
		}
		e.raw("\n        {\n          \"text\": ")
		e.str(v.Text)
		e.raw(",\n          \"count\": ")
		e.int(v.Count)
		e.raw(",\n          \"file\": ")
		e.str(displayPath(file))
		e.raw(",\n          \"line\": ")
		e.int(v.First.Pos.Line)
		e.raw(",\n          \"column\": ")
		e.int(v.First.Pos.Column)
		e.raw("\n        }")
	}
	if len(f.Variants) > 0 {
		e.raw("\n      ")
	}
	e.raw("],\n      \"fixable\": ")
	e.bool(f.HasFix())
	if len(f.Related) > 0 {
		e.raw(",\n      \"related\": [")
		for i, r := range f.Related {
			if i > 0 {
				e.raw(",")
			}
			file := r.File
			if file == "" {
				file = f.File
			}
			e.raw("\n        {\n          \"file\": ")
			e.str(displayPath(file))
			e.raw(",\n          \"line\": ")
			e.int(r.Pos.Line)
			e.raw(",\n          \"column\": ")
			e.int(r.Pos.Column)
			e.raw(",\n          \"end_line\": ")
			e.int(r.End.Line)
			e.raw(",\n          \"end_column\": ")
			e.int(r.End.Column)
			e.raw(",\n          \"message\": ")
			e.str(r.Message)
			e.raw("\n        }")
		}
		e.raw("\n      ]")
	}
	e.raw("\n    }")
}

// unsupportedValueError is encoding/json's error for a NaN or infinite
// number, with its message.
type unsupportedValueError struct{ s string }

func (e *unsupportedValueError) Error() string { return "json: unsupported value: " + e.s }

// appendJSONFloat appends f as encoding/json writes a float64: like
// ECMAScript's number to string conversion, 'f' format between 1e-6 and
// 1e21 and 'e' format, with its exponent unpadded, outside.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// "e-09" becomes "e-9".
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// jsonSafe marks the ASCII bytes written as they are in a JSON string.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string
// without HTML escaping: control characters escaped (\b \f \n \r \t or
// \u00XX), invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
