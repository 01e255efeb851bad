package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/urfave/cli/v2"
)

// glossaryCommand is `mtlint glossary`: validate and bootstrap glossaries.
func glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "validate glossaries, or propose one from clean text",
		Subcommands: []*cli.Command{{
			Name:  "check",
			Usage: "report parse errors and problems in glossary files",
			Description: `Loads the glossary files (CSV, TSV or TBX) as a check run would, then lists
duplicate terms, variants that are another entry's term, variants that are
common English words, variants listed twice and unknown kinds.
Exit status: 0 no problems, 1 problems listed, 2 a file cannot be read.`,
			ArgsUsage: "FILE...",
			Action: func(c *cli.Context) error {
				if c.NArg() == 0 {
					return cli.Exit("mtlint glossary check: no glossary file given", 2)
				}
				g, err := glossary.Load(c.Args().Slice()...)
				if err != nil {
					return cli.Exit("mtlint: "+err.Error(), 2)
				}
				problems := glossary.Check(g)
				for _, p := range problems {
					fmt.Fprintln(c.App.Writer, p)
				}
				if len(problems) > 0 {
					return cli.Exit(fmt.Sprintf("mtlint: %d entries, %s", g.Len(), plural(len(problems), "problem")), 1)
				}
				fmt.Fprintf(c.App.Writer, "%d entries, no problems\n", g.Len())
				return nil
			},
		}, {
			Name:  "extract",
			Usage: "propose a glossary from clean text (CSV on stdout)",
			Description: `Collects the name-like spans (capitalised runs of words) of the files and
folders given, counts them, folds near spellings of one name and a surname
standing alone into one entry, and prints the names seen at least
--min-count times as a glossary in the native CSV format, most frequent
first. Review it before use: it proposes, it does not know.`,
			ArgsUsage: "FILE|DIR...",
			Flags: []cli.Flag{&cli.IntFlag{
				Name: "min-count", Value: 2, Usage: "least number of occurrences of a name",
			}},
			Action: func(c *cli.Context) error {
				if c.NArg() == 0 {
					return cli.Exit("mtlint glossary extract: no file or folder given", 2)
				}
				if c.Int("min-count") < 1 {
					return cli.Exit("mtlint glossary extract: --min-count must be at least 1", 2)
				}
				w := &walker{}
				for _, p := range c.Args().Slice() {
					w.add(p)
				}
				if len(w.errs) > 0 {
					return cli.Exit("mtlint: "+errors.Join(w.errs...).Error(), 2)
				}
				var x glossary.Extractor
				for _, p := range w.sorted() {
					data, err := os.ReadFile(p)
					if err != nil {
						return cli.Exit("mtlint: "+err.Error(), 2)
					}
					doc, err := input.Parse(p, data)
					if err != nil {
						continue // binary: skipped
					}
					for _, cand := range doc.Candidates() {
						x.Add(cand.Text(doc.Masked))
					}
				}
				return glossary.WriteCSV(c.App.Writer, x.Entries(c.Int("min-count")))
			},
		}},
	}
}
