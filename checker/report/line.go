package report

import (
	"fmt"
	"io"

	"github.com/mtlint/mtlint/checker"
)

// writeLine writes one line per finding in the compiler style that editors
// and pre-commit understand:
//
//	path:line:col: severity: message (suggestion: "X") [rule]
//
// The suggestion is added only when the message does not already quote it.
func writeLine(w io.Writer, res *checker.Result, _ Options) error {
	for i := range res.Findings {
		f := &res.Findings[i]
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n",
			displayPath(f.File), f.Pos.Line, f.Pos.Column, f.Severity, messageWithSuggestion(f), f.Rule); err != nil {
			return err
		}
	}
	return nil
}
