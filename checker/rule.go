package checker

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/glossary"
)

// A Rule is a named, documented check. Rules are package-level values that
// are never mutated; everything a run configures reaches them through the Pass.
//
// A rule runs per document (Run) or over the whole run (Collect, then
// Finish): Collect sees one document at a time and returns a small summary
// (never the text); Finish sees every summary, in path order, and reports.
type Rule struct {
	ID       string   // stable kebab-case id, as used in config and output
	Family   string   // names, consistency or sentences
	Doc      Doc      // what it finds, why, a bad and a good example
	Severity Severity // default severity
	Default  bool     // on unless disabled (false: only with --enable)
	Options  []Option // declared knobs, validated when the config is loaded

	Run     func(*Pass) error
	Collect func(*Pass) (any, error)
	Finish  func(*RunPass, []any) error

	// Merge, optional for a run-level rule, merges the summaries of two
	// parts of one file into the summary of both: a file checked in
	// sections (see SectionThreshold) then gives Finish one summary, as
	// a file checked whole does, and the run holds one summary per file
	// rather than one per section. a is the summary of the sections
	// before b (Merge's own result after the second section), b the
	// next section's. Merge may change and return a; it must not keep
	// b's memory longer than needed (it holds only the section's summary).
	// The Locations in the merged summary keep the File their sections
	// gave them: the run moves them to their place in the file.
	//
	// Without Merge, Finish gets one summary per section, in order, as
	// if each section were a file.
	Merge func(a, b any) any
}

// Doc is a rule's documentation, rendered by `mtlint rules`, the README and SARIF.
type Doc struct {
	Title string // lower-case, no final period, at most 60 characters
	Text  string // what it finds and why it matters for machine translation
	Bad   string // text it reports
	Good  string // the same text, corrected
}

// An OptionKind is the type of an option value.
type OptionKind uint8

const (
	IntOption OptionKind = iota + 1
	FloatOption
	BoolOption
	StringOption
	ListOption // comma-separated strings
)

// An Option is a declared rule setting.
type Option struct {
	Name    string
	Kind    OptionKind
	Default string
	Usage   string
	Min     float64 // for numbers: inclusive bounds, checked when Max > Min
	Max     float64
}

// Check validates value against the option's kind and bounds.
func (o Option) Check(value string) error {
	switch o.Kind {
	case IntOption:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%q is not an integer", value)
		}
		if o.Max > o.Min && (float64(n) < o.Min || float64(n) > o.Max) {
			return fmt.Errorf("%d is out of range [%g, %g]", n, o.Min, o.Max)
		}
	case FloatOption:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", value)
		}
		if o.Max > o.Min && (f < o.Min || f > o.Max) {
			return fmt.Errorf("%g is out of range [%g, %g]", f, o.Min, o.Max)
		}
	case BoolOption:
		if _, err := strconv.ParseBool(value); err != nil {
			return fmt.Errorf("%q is not true or false", value)
		}
	}
	return nil
}

// Option returns the declared option called name, or false.
func (r *Rule) Option(name string) (Option, bool) {
	for _, o := range r.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}

// RunLevel reports whether the rule runs over the whole run.
func (r *Rule) RunLevel() bool { return r.Collect != nil }

var ruleID = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks a rule list: valid unique ids, documented, one way to run,
// options declared once with valid defaults. It reports programmer errors.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for _, r := range rules {
		if !ruleID.MatchString(r.ID) {
			return fmt.Errorf("rule %q: invalid id", r.ID)
		}
		if seen[r.ID] {
			return fmt.Errorf("rule %q: duplicate id", r.ID)
		}
		seen[r.ID] = true
		t := r.Doc.Title
		if t == "" || utf8.RuneCountInString(t) > 60 || strings.HasSuffix(t, ".") || strings.ToLower(t[:1]) != t[:1] {
			return fmt.Errorf("rule %q: title must be lower-case, non-empty, at most 60 characters, no final period", r.ID)
		}
		if r.Doc.Text == "" || r.Doc.Bad == "" || r.Doc.Good == "" {
			return fmt.Errorf("rule %q: doc needs Text, Bad and Good", r.ID)
		}
		if r.Severity < Info || r.Severity > Error {
			return fmt.Errorf("rule %q: invalid default severity", r.ID)
		}
		if (r.Run == nil) == (r.Collect == nil) || (r.Collect == nil) != (r.Finish == nil) {
			return fmt.Errorf("rule %q: needs either Run or Collect and Finish", r.ID)
		}
		if r.Merge != nil && r.Collect == nil {
			return fmt.Errorf("rule %q: Merge is for run-level rules (Collect and Finish)", r.ID)
		}
		opts := map[string]bool{}
		for _, o := range r.Options {
			if opts[o.Name] || o.Name == "severity" || o.Name == "" {
				return fmt.Errorf("rule %q: option %q declared twice or reserved", r.ID, o.Name)
			}
			opts[o.Name] = true
			if err := o.Check(o.Default); err != nil {
				return fmt.Errorf("rule %q: option %q default: %v", r.ID, o.Name, err)
			}
		}
	}
	return nil
}

// options is a rule's resolved option values.
type options struct {
	rule   *Rule
	values map[string]string
}

func (o options) get(name string, kind OptionKind) string {
	opt, ok := o.rule.Option(name)
	if !ok || opt.Kind != kind {
		panic(fmt.Sprintf("rule %q reads undeclared option %q", o.rule.ID, name))
	}
	if v, ok := o.values[name]; ok {
		return v
	}
	return opt.Default
}

// Int returns the value of an IntOption. It panics on an undeclared name.
func (o options) Int(name string) int {
	n, _ := strconv.Atoi(o.get(name, IntOption))
	return n
}

// Float returns the value of a FloatOption.
func (o options) Float(name string) float64 {
	f, _ := strconv.ParseFloat(o.get(name, FloatOption), 64)
	return f
}

// Bool returns the value of a BoolOption.
func (o options) Bool(name string) bool {
	b, _ := strconv.ParseBool(o.get(name, BoolOption))
	return b
}

// String returns the value of a StringOption.
func (o options) String(name string) string { return o.get(name, StringOption) }

// List returns the values of a ListOption.
func (o options) List(name string) []string {
	var out []string
	for _, f := range strings.Split(o.get(name, ListOption), ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// A Pass applies one rule to one document.
type Pass struct {
	options
	Rule     *Rule
	Doc      *Document
	Glossary *glossary.Glossary // never nil; empty when none was given
	cores    chan struct{}      // the run's free cores (see Parallel); nil for one
	crew     *crew              // the run's workers; nil outside a run
	lend     func(wait func())
	index    atomic.Pointer[glossary.Index] // once asked for (a rule may ask for each word, from Parallel's calls)
	cfg      *Config
	base     *sectionBase // the file's, when Doc is a section of it
	found    *[]Finding   // the findings kept
}

// Index returns the glossary's index. The first rule of the run to ask
// builds it, on as many goroutines as the run has workers; a rule asking
// while it is built lends its core to the next rules of its Document
// until the index is ready (see crew.index).
func (p *Pass) Index() *glossary.Index {
	if ix := p.index.Load(); ix != nil {
		return ix
	}
	var ix *glossary.Index
	if p.crew == nil {
		ix = p.Glossary.IndexJobs(p.Workers())
	} else {
		ix = p.crew.index(p.Glossary, p.Workers(), p.lend)
	}
	p.index.Store(ix)
	return ix
}

// Workers returns the most goroutines Parallel may use at once: the
// run's number of jobs.
func (p *Pass) Workers() int {
	if p.cores == nil {
		return 1
	}
	return max(1, cap(p.cores))
}

// Parallel calls fn(w, i) once for every i in [0, n), spreading the calls
// over the cores the run has free, and returns when all have returned: a
// costly rule can use the second core on a single large file. w, in
// [0, Workers()), names the goroutine making the call; calls with the
// same w never overlap, so fn may keep per-goroutine state in a slice
// indexed by w. With one job every call is made in order by the calling
// goroutine. Findings must not depend on how calls are spread: a rule
// collects what each i finds and reports it in order after Parallel.
func (p *Pass) Parallel(n int, fn func(w, i int)) {
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		panicked bool
		panicVal any
	)
	loop := func(w int) {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			fn(w, i)
		}
	}
	workers := 1
	for {
		i := int(next.Add(1)) - 1
		if i >= n {
			break
		}
		fn(0, i)
		// A core came free (another rule ended): let it help.
		if workers < p.Workers() && int(next.Load()) < n {
			select {
			case p.cores <- struct{}{}:
				w := workers
				workers++
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() { <-p.cores }()
					defer func() {
						if v := recover(); v != nil {
							mu.Lock()
							if !panicked {
								panicked, panicVal = true, v
							}
							mu.Unlock()
						}
					}()
					loop(w)
				}()
			default:
			}
		}
	}
	wg.Wait()
	if panicked {
		panic(panicVal)
	}
}

// Report records a finding on p.Doc. The engine fills File, Rule, Text and
// positions from Span, and the severity if unset.
func (p *Pass) Report(f Finding) {
	f.File = p.Doc.Path
	f.Rule = p.Rule.ID
	f.Text = p.Doc.Text[f.Span.Start:f.Span.End]
	f.Pos = p.Doc.Position(f.Span.Start)
	f.End = p.Doc.Position(f.Span.End)
	for i := range f.Related {
		f.Related[i].Pos = p.Doc.Position(f.Related[i].Span.Start)
		f.Related[i].End = p.Doc.Position(f.Related[i].Span.End)
	}
	if p.Doc.Suppressed(p.Rule.ID, f.Span.Start) || !keep(p.cfg, p.Rule, &f) {
		return
	}
	if p.base != nil {
		p.base.place(&f, nil)
	} else {
		f.detach()
	}
	if *p.found == nil {
		*p.found = takeFindings()
	}
	*p.found = append(*p.found, f)
}

// Reportf records a finding with a formatted message and no suggestion.
func (p *Pass) Reportf(s Span, format string, args ...any) {
	p.Report(Finding{Span: s, Message: fmt.Sprintf(format, args...)})
}

// Locate returns the position of s in p.Doc, for run-level rules that report later.
func (p *Pass) Locate(s Span) Location {
	return Location{File: p.Doc.Path, Span: s, Pos: p.Doc.Position(s.Start), End: p.Doc.Position(s.End)}
}

// A RunPass applies a run-level rule's Finish to the summaries of all documents.
type RunPass struct {
	options
	Rule     *Rule
	Glossary *glossary.Glossary
	// Jobs is how many goroutines Finish may keep busy at once: the
	// run's number of workers, at least 1. Report is not safe for
	// concurrent use.
	Jobs   int
	report func(Finding)
}

// Report records a finding; File, Span, Pos, End and Text must be set by the rule.
func (p *RunPass) Report(f Finding) {
	f.Rule = p.Rule.ID
	p.report(f)
}

// A Location is a span in a named file with its positions.
type Location struct {
	File     string
	Span     Span
	Pos, End Position
}
