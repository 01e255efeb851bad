package main

import (
	"fmt"

	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/urfave/cli/v2"
)

// glossaryCommand is `mtlint glossary`: validate and bootstrap glossaries.
func glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "validate glossaries",
		Subcommands: []*cli.Command{{
			Name:      "check",
			Usage:     "report parse errors in glossary files",
			ArgsUsage: "FILE...",
			Action: func(c *cli.Context) error {
				if c.NArg() == 0 {
					return cli.Exit("mtlint glossary check: no glossary file given", 2)
				}
				g, err := glossary.Load(c.Args().Slice()...)
				if err != nil {
					return cli.Exit("mtlint: "+err.Error(), 2)
				}
				fmt.Fprintf(c.App.Writer, "%d entries\n", g.Len())
				return nil
			},
		}},
	}
}
