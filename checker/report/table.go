package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/mtlint/mtlint/checker"
)

// Column limits (in terminal cells) that keep a table within 120 columns:
// FOUND and SUGGESTION are cut with an ellipsis, MESSAGE wraps.
const (
	tableWidth    = 120
	maxTextCells  = 24
	minTextCells  = 16
	maxRuleCells  = 21
	maxMessageLen = 300
	// goodMessageCells is the width MESSAGE gets by narrowing FOUND and
	// SUGGESTION; minMessageCells is the narrowest it ever gets (the table
	// is then wider than tableWidth).
	goodMessageCells = 38
	minMessageCells  = 30
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

var tableHeader = []string{"LOCATION", "SEVERITY", "RULE", "FOUND", "SUGGESTION", "MESSAGE"}

// writeTable writes the findings for people: a heading per file, then a
// table with one row per finding, then a summary line.
func writeTable(w io.Writer, res *checker.Result, opt Options) error {
	fs := res.Findings
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		heading := displayPath(fs[i].File)
		if opt.Color {
			heading = ansiBold + heading + ansiReset
		}
		if _, err := fmt.Fprintln(w, heading); err != nil {
			return err
		}
		if err := writeFileTable(w, fs[i:j], opt); err != nil {
			return err
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
		i = j
	}
	if opt.Quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, summaryLine(res))
	return err
}

func writeFileTable(w io.Writer, fs []checker.Finding, opt Options) error {
	// Natural widths of the short columns; FOUND and SUGGESTION give up
	// room, down to minTextCells, so that MESSAGE keeps goodMessageCells.
	widths := make([]int, len(tableHeader))
	for i, h := range tableHeader {
		widths[i] = twwidth.Width(h)
	}
	for i := range fs {
		f := &fs[i]
		widths[0] = max(widths[0], len(fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Column)))
		widths[1] = max(widths[1], len(f.Severity.String()))
		widths[2] = max(widths[2], min(maxRuleCells, twwidth.Width(f.Rule)))
		widths[3] = max(widths[3], twwidth.Width(oneLine(f.Text)))
		widths[4] = max(widths[4], twwidth.Width(oneLine(f.Suggestion)))
	}
	textCap := maxTextCells
	msgWidth := func() int {
		n := tableWidth - 2*(len(tableHeader)-1)
		for c, w := range widths[:len(widths)-1] {
			if c == 3 || c == 4 {
				w = min(w, textCap)
			}
			n -= w
		}
		return n
	}
	for msgWidth() < goodMessageCells && textCap > minTextCells {
		textCap--
	}
	mw := max(msgWidth(), minMessageCells)

	rows := make([][]string, len(fs))
	for i := range fs {
		f := &fs[i]
		sev := f.Severity.String()
		if opt.Color {
			sev = severityColor(f.Severity) + sev + ansiReset
		}
		rows[i] = []string{
			fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Column),
			sev,
			cell(f.Rule, maxRuleCells),
			cell(f.Text, textCap),
			cell(f.Suggestion, textCap),
			strings.Join(wrap(cell(f.Message, maxMessageLen), mw), "\n"),
		}
	}

	gap := tw.Padding{Left: "", Right: "  ", Overwrite: true}
	last := tw.Padding{Left: "", Right: "", Overwrite: true}
	pad := tw.CellPadding{Global: gap, PerColumn: []tw.Padding{gap, gap, gap, gap, gap, last}}
	// The table is rendered to a buffer so that the padding of the last
	// column can be trimmed from every line.
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleASCII),
			Settings: tw.Settings{
				Lines:      tw.Lines{ShowHeaderLine: tw.On},
				Separators: tw.Separators{ShowHeader: tw.On, BetweenColumns: tw.Off},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithHeaderPaddingPerColumn(pad.PerColumn),
		tablewriter.WithRowPaddingPerColumn(pad.PerColumn),
	)
	t.Header(tableHeader)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		trimmed := strings.TrimRight(line, " \n")
		if _, err := io.WriteString(w, trimmed+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// wrap breaks s into lines of at most width cells at spaces; a word longer
// than a line is cut.
func wrap(s string, width int) []string {
	var lines []string
	line, n := "", 0
	for _, word := range strings.Fields(s) {
		ww := twwidth.Width(word)
		for ww > width {
			if n > 0 {
				lines = append(lines, line)
				line, n = "", 0
			}
			head := twwidth.Truncate(word, width)
			if head == "" { // a character wider than the line
				_, n := utf8.DecodeRuneInString(word)
				head = word[:n]
			}
			lines = append(lines, head)
			word = word[len(head):]
			ww = twwidth.Width(word)
		}
		switch {
		case n == 0:
			line, n = word, ww
		case n+1+ww <= width:
			line += " " + word
			n += 1 + ww
		default:
			lines = append(lines, line)
			line, n = word, ww
		}
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func severityColor(s checker.Severity) string {
	switch s {
	case checker.Error:
		return ansiRed
	case checker.Warning:
		return ansiYellow
	}
	return ansiBlue
}

// cell shows s on one line, cut to at most n characters with an ellipsis.
func cell(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-3]), " ") + "..."
}
