package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/rules"
	"github.com/urfave/cli/v2"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the rules, or show one rule's documentation",
		ArgsUsage: "[RULE]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "markdown", Usage: "print the catalogue as a Markdown table (the README's)"},
		},
		Action: func(c *cli.Context) error {
			w := c.App.Writer
			switch {
			case c.NArg() > 1:
				return cli.Exit("mtlint rules: at most one rule id", exitError)
			case c.NArg() == 1:
				r := rules.ByID(c.Args().First())
				if r == nil {
					return cli.Exit(fmt.Sprintf("mtlint rules: unknown rule %q (see `mtlint rules`)", c.Args().First()), exitError)
				}
				return writeRuleDoc(w, r)
			case c.Bool("markdown"):
				return writeCatalogueMarkdown(w, rules.All)
			}
			return writeCatalogue(w, rules.All)
		},
	}
}

// defaultLevel is a rule's default severity, or "off" for a rule that runs
// only when enabled.
func defaultLevel(r *checker.Rule) string {
	if !r.Default {
		return "off (" + r.Severity.String() + ")"
	}
	return r.Severity.String()
}

func writeCatalogue(w io.Writer, all []*checker.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFAMILY\tDEFAULT\tTITLE")
	for _, r := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Family, defaultLevel(r), r.Doc.Title)
	}
	return tw.Flush()
}

// writeCatalogueMarkdown writes the rule table the README embeds.
func writeCatalogueMarkdown(w io.Writer, all []*checker.Rule) error {
	var b strings.Builder
	b.WriteString("| id | family | default | what it finds |\n")
	b.WriteString("| --- | --- | --- | --- |\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Family, defaultLevel(r), mdEscape(r.Doc.Title))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func writeRuleDoc(w io.Writer, r *checker.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", r.ID, r.Doc.Title)
	fmt.Fprintf(&b, "family: %s, default: %s\n\n", r.Family, defaultLevel(r))
	b.WriteString(strings.TrimSpace(r.Doc.Text))
	b.WriteString("\n\nbad:\n")
	b.WriteString(indent(r.Doc.Bad))
	b.WriteString("\ngood:\n")
	b.WriteString(indent(r.Doc.Good))
	if len(r.Options) > 0 {
		b.WriteString("\noptions (set in .mtlint.yml or with --set " + r.ID + ".NAME=VALUE):\n")
		for _, o := range r.Options {
			fmt.Fprintf(&b, "    %s (default %q): %s\n", o.Name, o.Default, o.Usage)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n") + "\n"
}
