package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mattn/go-isatty"
	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/report"
	"github.com/mtlint/mtlint/rules"
	"github.com/urfave/cli/v2"
)

// stdinName is the default name of standard input in reports.
const stdinName = "<stdin>"

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check files and folders (\"-\" reads standard input; no path: the current folder)",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV or TBX; repeatable; replaces the config's)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .mtlint.yml in the current folder or a parent)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: " + strings.Join(report.Names(), ", ")},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above `LEVEL`: error, warning, info or none"},
			&cli.StringSliceFlag{Name: "enable", Usage: "turn on `RULE` (repeatable)"},
			&cli.StringSliceFlag{Name: "disable", Usage: "turn off `RULE` (repeatable)"},
			&cli.StringSliceFlag{Name: "set", Usage: "set a rule option, `RULE.OPTION=VALUE` (repeatable; OPTION may be severity)"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "drop fuzzy findings with confidence below `X` (0..1)"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the safe suggestions in place, then report what remains"},
			&cli.BoolFlag{Name: "diff", Usage: "print the safe suggestions as a unified diff; change nothing"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, DefaultText: "the number of CPUs", Usage: "check `N` files in parallel"},
			&cli.BoolFlag{Name: "no-color", Usage: "no colour, even on a terminal (NO_COLOR in the environment does the same)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no summary line and no notes on stderr"},
			&cli.StringFlag{Name: "cpu-profile", Hidden: true, Usage: "write a pprof CPU profile of the run to `FILE`"},
			&cli.StringFlag{Name: "mem-profile", Hidden: true, Usage: "write a pprof profile of the memory allocated by the run to `FILE`"},
			&cli.StringFlag{Name: "stdin-name", Value: stdinName, Usage: "`NAME` of standard input in reports"},
		},
		Action: runCheck,
	}
}

// fail returns an exit-2 error with one line of text.
func fail(format string, args ...any) error {
	return cli.Exit("mtlint: "+fmt.Sprintf(format, args...), exitError)
}

// loadConfig reads --config or the discovered .mtlint.yml and applies the
// flags over it.
func loadConfig(c *cli.Context) (*checker.Config, error) {
	cfg := &checker.Config{Rules: map[string]checker.RuleConfig{}}
	path := c.String("config")
	if path == "" {
		path = checker.FindConfig(".")
	}
	if path != "" {
		var err error
		if cfg, err = checker.LoadConfig(path, rules.All); err != nil {
			return nil, err
		}
	}
	if c.IsSet("glossary") {
		cfg.Glossaries = c.StringSlice("glossary")
	}
	if c.IsSet("fail-on") || cfg.FailOn == 0 {
		s, err := checker.ParseSeverity(c.String("fail-on"), true)
		if err != nil {
			return nil, fmt.Errorf("--fail-on: %v", err)
		}
		cfg.FailOn = s
	}
	if c.IsSet("min-confidence") {
		f := c.Float64("min-confidence")
		if f < 0 || f > 1 {
			return nil, fmt.Errorf("--min-confidence: %g is not between 0 and 1", f)
		}
		cfg.MinConfidence = f
	}
	cfg.Enable = append(cfg.Enable, c.StringSlice("enable")...)
	cfg.Disable = append(cfg.Disable, c.StringSlice("disable")...)
	for _, s := range c.StringSlice("set") {
		if err := setOption(cfg, s); err != nil {
			return nil, fmt.Errorf("--set %s: %v", s, err)
		}
	}
	return cfg, nil
}

// setOption applies one --set RULE.OPTION=VALUE.
func setOption(cfg *checker.Config, s string) error {
	key, value, ok := strings.Cut(s, "=")
	id, name, ok2 := strings.Cut(key, ".")
	if !ok || !ok2 || id == "" || name == "" {
		return errors.New("expected RULE.OPTION=VALUE")
	}
	if name != "severity" {
		return cfg.SetOption(rules.All, id, name, value)
	}
	if rules.ByID(id) == nil {
		return fmt.Errorf("unknown rule %q (see `mtlint rules`)", id)
	}
	rc := cfg.Rules[id]
	switch value {
	case "off":
		rc.Off, rc.On = true, false
	case "on":
		rc.Off, rc.On = false, true
	default:
		sev, err := checker.ParseSeverity(value, false)
		if err != nil {
			return err
		}
		rc.Severity, rc.On, rc.Off = sev, true, false
	}
	if cfg.Rules == nil {
		cfg.Rules = map[string]checker.RuleConfig{}
	}
	cfg.Rules[id] = rc
	return nil
}

// A source remembers what was read of each file, so that --fix writes only
// files that still hold the bytes that were checked.
type source struct {
	mu     sync.Mutex
	sums   map[string][sha256.Size]byte
	stdin  map[string][]byte // standard input (and, after --fix, its fixed text) by name
	record bool
}

// openFile opens a file to check (a hook, as readFile is: see fix.go).
var openFile = func(name string) (io.ReadCloser, error) { return os.Open(name) }

func (s *source) input(path string) checker.Input {
	s.mu.Lock()
	_, isStdin := s.stdin[path]
	s.mu.Unlock()
	if isStdin {
		return checker.Input{Path: path, Read: func() ([]byte, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.stdin[path], nil
		}}
	}
	// A file is opened, not read: the run reads a large one a section at
	// a time. With --fix or --diff the bytes are hashed as they are read,
	// so the file need not be held whole for that either.
	return checker.Input{Path: path, Open: func() (io.ReadCloser, int64, error) {
		f, err := openFile(path)
		if err != nil {
			return nil, 0, err
		}
		size := int64(-1)
		if st, ok := f.(interface{ Stat() (os.FileInfo, error) }); ok {
			if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
				size = fi.Size()
			}
		}
		if !s.record {
			return f, size, nil
		}
		return &hashingReader{f: f, h: sha256.New(), done: func(sum [sha256.Size]byte) {
			s.mu.Lock()
			s.sums[path] = sum
			s.mu.Unlock()
		}}, size, nil
	}}
}

// A hashingReader hashes a file as it is read, and hands the sum to done
// once the file has been read to its end: a file that failed midway has
// no sum, and is not fixed.
type hashingReader struct {
	f    io.ReadCloser
	h    hash.Hash
	done func([sha256.Size]byte)
}

func (r *hashingReader) Read(p []byte) (int, error) {
	n, err := r.f.Read(p)
	r.h.Write(p[:n])
	if err == io.EOF && r.done != nil {
		var sum [sha256.Size]byte
		r.h.Sum(sum[:0])
		r.done(sum)
		r.done = nil
	}
	return n, err
}

func (r *hashingReader) Close() error { return r.f.Close() }

func runCheck(c *cli.Context) error {
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	quiet := c.Bool("quiet")
	note := func(format string, args ...any) {
		if !quiet {
			fmt.Fprintf(stderr, "mtlint: "+format+"\n", args...)
		}
	}

	format := c.String("format")
	if !slices.Contains(report.Names(), format) {
		return fail("--format: unknown format %q (want %s)", format, strings.Join(report.Names(), ", "))
	}
	fix, diff := c.Bool("fix"), c.Bool("diff")
	if fix && diff {
		return fail("--fix and --diff cannot be used together")
	}
	if c.Int("jobs") < 0 {
		return fail("--jobs: %d is negative", c.Int("jobs"))
	}
	if p := c.String("cpu-profile"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			return fail("--cpu-profile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fail("--cpu-profile: %v", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if p := c.String("mem-profile"); p != "" {
		// Every allocation of 64 KB sampled: a run allocates a few
		// hundred megabytes, so this is precise enough and cheap.
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if err := writeMemProfile(p); err != nil {
				fmt.Fprintf(stderr, "mtlint: --mem-profile: %v\n", err)
			}
		}()
	}
	cfg, err := loadConfig(c)
	if err != nil {
		return fail("%v", err)
	}
	active, err := cfg.ActiveRules(rules.All)
	if err != nil {
		return fail("%v", err)
	}
	var g *glossary.Glossary
	if len(cfg.Glossaries) > 0 {
		lang := cfg.Language
		if lang == "" {
			lang = "en"
		}
		if g, err = glossary.LoadLang(lang, cfg.Glossaries...); err != nil {
			return fail("%v", err)
		}
	}

	// The files to check.
	paths := c.Args().Slice()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	ctx := c.Context
	if ctx == nil {
		ctx = context.Background()
	}
	src := &source{sums: map[string][sha256.Size]byte{}, stdin: map[string][]byte{}, record: fix || diff}
	w := &walker{ctx: ctx, include: cfg.Include, exclude: cfg.Exclude}
	if cfg.Path != "" {
		w.base, _ = filepath.Abs(filepath.Dir(cfg.Path))
	} else {
		w.base, _ = filepath.Abs(".")
	}
	name := c.String("stdin-name")
	for _, p := range paths {
		if p != "-" {
			w.add(p)
			continue
		}
		if _, dup := src.stdin[name]; dup {
			return fail("standard input given twice")
		}
		if fix && len(paths) > 1 {
			return fail("--fix with standard input prints the fixed text: give \"-\" alone")
		}
		data, err := io.ReadAll(c.App.Reader)
		if err != nil {
			return fail("reading standard input: %v", err)
		}
		src.stdin[name] = data
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	var inputs []checker.Input
	for n := range src.stdin {
		inputs = append(inputs, src.input(n))
	}
	for _, p := range w.sorted() {
		inputs = append(inputs, src.input(p))
	}

	run := &checker.Run{Rules: active, Config: cfg, Glossary: g, Parse: input.Parse, Sections: input.Sections, Jobs: c.Int("jobs")}
	res, err := run.Check(ctx, inputs)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted()
		}
		return fail("%v", err)
	}
	ioErrs := append(append([]error(nil), w.errs...), res.Errors...)

	if fix || diff {
		recheck := func(name, text string) ([]checker.Finding, error) {
			r, err := run.Check(ctx, []checker.Input{{Path: name, Read: func() ([]byte, error) { return []byte(text), nil }}})
			if err != nil {
				return nil, err
			}
			return r.Findings, nil
		}
		fr := applyFixes(ctx, res, src, fix, recheck, stdout, stderr)
		ioErrs = append(ioErrs, fr.errs...)
		if ctx.Err() != nil {
			if fix && !quiet {
				fmt.Fprintf(stderr, "mtlint: fixed %s in %s before the interrupt\n", plural(fr.issues, "issue"), plural(fr.files, "file"))
			}
			return finish(stderr, ioErrs, res, cfg)
		}
		if diff {
			if !quiet {
				fmt.Fprintf(stderr, "mtlint: %s fixable in %s (nothing written)\n", plural(fr.issues, "issue"), plural(fr.files, "file"))
			}
			return finish(stderr, ioErrs, res, cfg)
		}
		if !quiet {
			fmt.Fprintf(stderr, "mtlint: fixed %s in %s\n", plural(fr.issues, "issue"), plural(fr.files, "file"))
		}
		if fr.files > 0 {
			// Report what remains, at its place in the fixed text.
			if res, err = run.Check(ctx, inputs); err != nil {
				if ctx.Err() != nil {
					return interrupted()
				}
				return fail("%v", err)
			}
		}
		if _, ok := src.stdin[name]; ok && fix {
			// The fixed text went to stdout; the report would mix with it.
			return finish(stderr, ioErrs, res, cfg)
		}
	}

	for _, s := range res.Skipped {
		note("%s", s)
	}
	if len(inputs) == 0 && len(ioErrs) > 0 {
		return finish(stderr, ioErrs, res, cfg) // nothing was checked: no empty report
	}
	jobs := c.Int("jobs")
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	opt := report.Options{Color: useColor(c, stdout), Version: c.App.Version, Catalog: rules.All, Quiet: quiet, Jobs: jobs}
	if err := report.Write(stdout, format, res, opt); err != nil {
		return fail("writing the report: %v", err)
	}
	if !quiet && format != "table" {
		fmt.Fprintf(stderr, "mtlint: %s\n", summary(res))
	}
	return finish(stderr, ioErrs, res, cfg)
}

// writeMemProfile writes the allocations sampled since the process
// started to path (go tool pprof -sample_index=alloc_space).
func writeMemProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// finish prints the I/O errors and returns the run's exit status. A
// cancelled context among them (an interrupt) makes the status 130.
func finish(stderr io.Writer, errs []error, res *checker.Result, cfg *checker.Config) error {
	stopped := false
	for _, e := range errs {
		if errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded) {
			stopped = true
			continue
		}
		fmt.Fprintf(stderr, "mtlint: %v\n", e)
	}
	if stopped {
		return interrupted()
	}
	switch {
	case len(errs) > 0:
		return cli.Exit("", exitError)
	case res.Count(cfg.FailOn) > 0:
		return cli.Exit("", exitFindings)
	}
	return nil
}

// summary is the one-line count of a result.
func summary(res *checker.Result) string {
	var parts []string
	for _, s := range []checker.Severity{checker.Error, checker.Warning, checker.Info} {
		if n := res.Summary[s]; n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	if len(parts) == 0 {
		parts = []string{"no findings"}
	}
	return fmt.Sprintf("%s in %s (%s)", strings.Join(parts, ", "), plural(res.Files, "file"), plural(res.Words, "word"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// useColor reports whether the report may use colour: only on a terminal,
// never with --no-color or NO_COLOR set.
func useColor(c *cli.Context, w io.Writer) bool {
	if c.Bool("no-color") || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
