package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/mtlint/mtlint/checker"
)

// writeGitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message
//
// warning stays ::warning and info becomes ::notice.
func writeGitHub(w io.Writer, res *checker.Result, _ Options) error {
	for i := range res.Findings {
		f := &res.Findings[i]
		cmd := "warning"
		switch f.Severity {
		case checker.Error:
			cmd = "error"
		case checker.Info:
			cmd = "notice"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d", cmd, escapeProperty(displayPath(f.File)), f.Pos.Line, f.Pos.Column)
		if f.End.Line > 0 {
			fmt.Fprintf(&b, ",endLine=%d,endColumn=%d", f.End.Line, f.End.Column)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", escapeProperty(f.Rule), escapeData(messageWithSuggestion(f)))
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message as the runner expects
// (toolkit/core command.ts escapeData).
func escapeData(s string) string {
	return dataEscaper.Replace(s)
}

// escapeProperty escapes a workflow command's property value
// (toolkit/core command.ts escapeProperty).
func escapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
