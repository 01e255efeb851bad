// Command mtlint checks machine-translated text for garbled names,
// inconsistent spellings and broken sentences.
//
// Usage:
//
//	mtlint check [flags] [PATH...]
//	mtlint rules [RULE]
//	mtlint glossary check FILE...
//	mtlint version
//
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 a usage, config, glossary or I/O error, 130 interrupted (SIGINT or
// SIGTERM).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v2"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3") or, for
// `go install module@version`, from the build information.
var version = "devel"

func main() {
	if version == "devel" {
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			version = bi.Main.Version
		}
	}
	// An interrupt cancels the run: --fix writes no further file and the
	// file being written is replaced whole or not at all. A second
	// interrupt kills the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	app := newApp(os.Stdout, os.Stderr)
	code := exitCode(app.RunContext(ctx, os.Args), os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
	// exitInterrupted is the status of a run stopped by SIGINT or SIGTERM,
	// 128 + SIGINT as shells report it.
	exitInterrupted = 130
)

// exitCode turns the error app.Run returned into the process exit code,
// printing it first when it has not been printed.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(stderr, "mtlint: "+err.Error())
	return exitError
}

// newApp builds the command line. It never exits the process: Run returns
// an error that exitCode turns into the exit status.
func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:                      "mtlint",
		Usage:                     "check machine-translated text for garbled names, inconsistent spellings and broken sentences",
		Version:                   version,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		Reader:                    os.Stdin,
		HideVersion:               true,
		DisableSliceFlagSeparator: true,
		ExitErrHandler:            func(*cli.Context, error) {},
		OnUsageError:              usageError,
		CommandNotFound: func(c *cli.Context, name string) {
			// Reported through the error Action returns below.
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return cli.Exit(fmt.Sprintf("mtlint: unknown command %q (try `mtlint help`)", c.Args().First()), exitError)
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			checkCommand(),
			rulesCommand(),
			glossaryCommand(),
			versionCommand(),
		},
	}
	setUsageError(app.Commands)
	return app
}

// usageError turns a flag error into one line on stderr and exit code 2,
// instead of the usage text.
func usageError(c *cli.Context, err error, _ bool) error {
	name := "mtlint"
	if c.Command != nil && c.Command.Name != "" {
		name += " " + c.Command.Name
	}
	return cli.Exit(fmt.Sprintf("%s: %v (see `%s --help`)", name, err, name), exitError)
}

func setUsageError(cmds []*cli.Command) {
	for _, c := range cmds {
		if c.OnUsageError == nil {
			c.OnUsageError = usageError
		}
		setUsageError(c.Subcommands)
	}
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print mtlint's version",
		Action: func(c *cli.Context) error {
			_, err := fmt.Fprintf(c.App.Writer, "mtlint %s\n", c.App.Version)
			return err
		},
	}
}
