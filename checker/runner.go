package checker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/mtlint/mtlint/checker/glossary"
)

// An Input is one file to check. Read or Open is called by a worker, so a
// run holds only the files being checked at the moment in memory.
type Input struct {
	Path string
	// Read returns the file's bytes (standard input, say). It is not
	// called when Open is set.
	Read func() ([]byte, error)
	// Open, when not nil, opens the file to be read to its end, and
	// returns its size in bytes (-1 if not known): a file larger than
	// SectionThreshold is then read and checked a section at a time,
	// never held whole (see Run.Sections). The run closes the reader.
	Open func() (io.ReadCloser, int64, error)
}

// A ParseFunc turns a file's bytes into a Document (see package input).
// The Document may keep data (as its text, say), but nothing else may: the
// run reads the next file into the same memory once it is done with the
// Document. It must return a new Document each time: the run recycles a
// Document's memory once done with it (see Buffers).
type ParseFunc func(path string, data []byte) (*Document, error)

// A SkipError says a file was not checked, and why (binary, say). It is a
// note, not a failure.
type SkipError struct {
	Path   string
	Reason string
}

func (e *SkipError) Error() string { return e.Path + ": skipped: " + e.Reason }

// A Run is one check of a set of inputs.
type Run struct {
	Rules    []*Rule            // the active rules (see Config.ActiveRules)
	Config   *Config            // severities, options, min-confidence; nil for defaults
	Glossary *glossary.Glossary // nil for none
	Parse    ParseFunc
	Jobs     int // parallel workers; <= 0 means GOMAXPROCS
	// Sections, when not nil, cuts a file larger than SectionThreshold
	// into sections checked one after another (see SectionSize); a file
	// opened through Input.Open is then read a section at a time.
	Sections Sectioner
}

// A Result is what a run found.
type Result struct {
	Files    int       // files checked
	Words    int       // words checked
	Findings []Finding // sorted by file, offset, rule, message
	Skipped  []string  // notes on files not checked
	Errors   []error   // files that could not be read or parsed, in path order
	Summary  [4]int    // findings by severity (index: Severity)
	Rules    []*Rule   // the rules that ran
}

// Count returns the number of findings at or above s.
func (r *Result) Count(s Severity) int {
	n := 0
	for sev := s; sev <= Error; sev++ {
		n += r.Summary[sev]
	}
	return n
}

type fileResult struct {
	findings  []Finding
	chunks    [][]Finding   // a file checked in sections: the findings of each section, after findings
	summaries ruleSummaries // one per Document: a file checked in sections has several
	sections  map[string]*sectionBase
	words     int
	err       error
	skip      string
}

// ruleSummaries holds a file's summaries by run-level rule: a short list
// rather than a map, which would take more memory than a summary, and a
// run keeps one per file until it ends.
type ruleSummaries []ruleSummary

type ruleSummary struct {
	rule *Rule
	sums []any
}

func (rs ruleSummaries) get(rule *Rule) ([]any, bool) {
	for _, s := range rs {
		if s.rule == rule {
			return s.sums, true
		}
	}
	return nil, false
}

func (rs *ruleSummaries) set(rule *Rule, sums []any) {
	for i := range *rs {
		if (*rs)[i].rule == rule {
			(*rs)[i].sums = sums
			return
		}
	}
	*rs = append(*rs, ruleSummary{rule, sums})
}

// Check runs the rules over inputs. Findings are not errors: the returned
// error is non-nil only when a rule fails; unreadable files are listed in
// Result.Errors and the others are still checked.
func (r *Run) Check(ctx context.Context, inputs []Input) (*Result, error) {
	cfg := r.Config
	if cfg == nil {
		cfg = &Config{}
	}
	g := r.Glossary
	if g == nil {
		g = &glossary.Glossary{}
	}
	stopRecycling := startRecycling()
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	// Inputs are checked in path order so that run-level rules see
	// summaries in a fixed order whatever the number of workers.
	order := make([]int, len(inputs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return inputs[order[a]].Path < inputs[order[b]].Path })

	results := make([]fileResult, len(inputs))
	var (
		wg             sync.WaitGroup
		next           = make(chan int)
		ruleErr        error
		errOnce        sync.Once
		runCtx, cancel = context.WithCancel(ctx)
		// cores holds a token per goroutine checking: a worker takes one
		// for each file, and the rules of a file are spread over the
		// tokens left free (one large file, or the last files of a run).
		cores = make(chan struct{}, jobs)
		c     = &crew{cores: cores}
	)
	defer cancel()
	if jobs > 1 && g.Len() > 0 && len(inputs) > 0 {
		// The glossary rules' first file would ask for the index only
		// once it is read and parsed: it is built from the start, while
		// the first files are (rules asking for it meanwhile lend their
		// cores, see crew.index).
		go func() {
			// A failure is the rules': they get no index.
			defer func() { _ = recover() }()
			c.index(g, jobs, nil)
		}()
	}
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				cores <- struct{}{}
				res, err := r.checkOne(cfg, g, inputs[i], c)
				<-cores
				if err != nil {
					errOnce.Do(func() { ruleErr = err; cancel() })
				}
				results[i] = res
			}
			// No file left: help with the rules of the files still
			// being checked, so that a core does not idle while the
			// last file is checked.
			c.help()
		}()
	}
feed:
	for _, i := range order {
		select {
		case next <- i:
		case <-runCtx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	// Every Document is checked: the memory kept for the next one goes
	// now, before the run-level rules build their own.
	stopRecycling()
	if ruleErr != nil {
		return nil, ruleErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{Rules: r.Rules}
	// The files' findings, each file's sorted, in path order: merged
	// with the run-level rules' at the end.
	var files [][]Finding
	for _, i := range order {
		fr := &results[i]
		switch {
		case fr.skip != "":
			res.Skipped = append(res.Skipped, fr.skip)
			continue
		case fr.err != nil:
			res.Errors = append(res.Errors, fr.err)
			continue
		}
		res.Files++
		res.Words += fr.words
		if len(fr.findings) > 0 {
			files = append(files, fr.findings)
		}
		for _, c := range fr.chunks {
			if len(c) > 0 {
				files = append(files, c)
			}
		}
		fr.findings, fr.chunks = nil, nil
	}
	// The sections of the files checked in sections, by their Documents'
	// names: run-level findings are made on those.
	var bases map[string]*sectionBase
	for i := range results {
		for k, b := range results[i].sections {
			if bases == nil {
				bases = map[string]*sectionBase{}
			}
			bases[k] = b
		}
	}
	var runFindings []Finding
	for _, rule := range r.Rules {
		if !rule.RunLevel() {
			continue
		}
		var sums []any
		for _, i := range order {
			s, _ := results[i].summaries.get(rule)
			sums = append(sums, s...)
		}
		rp := &RunPass{options: options{rule, cfg.Rules[rule.ID].Options}, Rule: rule, Glossary: g, Jobs: jobs}
		rp.report = func(f Finding) {
			if b := bases[f.File]; b != nil {
				b.place(&f, bases)
			} else if bases != nil {
				placeRefs(&f, nil, bases)
			}
			if keep(cfg, rule, &f) {
				runFindings = append(runFindings, f)
			}
		}
		if err := safely(rule, "", func() error { return rule.Finish(rp, sums) }); err != nil {
			return nil, err
		}
	}
	res.Findings = mergeFindings(files, runFindings)
	for _, f := range res.Findings {
		res.Summary[f.Severity]++
	}
	return res, nil
}

// checkOne reads, parses and checks one input. It returns an error only for
// a failing rule; file problems are recorded in the result.
func (r *Run) checkOne(cfg *Config, g *glossary.Glossary, in Input, c *crew) (fileResult, error) {
	var (
		data []byte
		err  error
	)
	if in.Open != nil {
		var (
			rc   io.ReadCloser
			size int64
		)
		if rc, size, err = in.Open(); err != nil {
			return fileResult{err: err}, nil
		}
		defer rc.Close()
		if r.Sections != nil && size > int64(SectionThreshold) {
			w := &window{r: rc}
			if fr, err := r.checkSections(cfg, g, in, w, c); fr != nil || err != nil {
				if err != nil {
					return fileResult{}, err
				}
				return *fr, nil
			}
			// Checked whole after all.
			if data, err = w.readAll(); err != nil {
				return fileResult{err: readError(in.Path, err)}, nil
			}
		} else {
			// Read into the memory of a file done with, and handed
			// back once the Document is released.
			data, err = readAll(takeReadBuffer(), rc, size)
			defer func() { releaseReadBuffer(data) }()
			if err != nil {
				return fileResult{err: readError(in.Path, err)}, nil
			}
		}
	} else if data, err = in.Read(); err != nil {
		return fileResult{err: err}, nil
	} else if r.Sections != nil && len(data) > SectionThreshold {
		fr, err := r.checkSections(cfg, g, in, &window{buf: data, eof: true}, c)
		if err != nil {
			return fileResult{}, err
		}
		if fr != nil {
			return *fr, nil
		}
	}
	doc, err := r.Parse(in.Path, data)
	if err != nil {
		var fr fileResult
		var skip *SkipError
		if errors.As(err, &skip) {
			fr.skip = skip.Error()
		} else {
			fr.err = err
		}
		return fr, nil
	}
	fr, err := r.checkDoc(cfg, g, doc, doc.Path, c, nil)
	if err == nil {
		doc.release()
	}
	return fr, err
}

// A crew is the run's workers: a token per goroutine checking, in cores,
// and the Documents being checked whose rules are not all taken yet, which
// a worker with no file left helps with.
type crew struct {
	cores chan struct{}
	mu    sync.Mutex
	open  []*openDoc
	// indexState says whether a rule has asked for the glossary's index
	// yet, and whether it is built (see index).
	indexState atomic.Int32
}

// The states of crew.indexState.
const (
	indexNotAsked = iota
	indexBuilding
	indexBuilt
)

// index returns g's index, built on up to jobs goroutines by the first
// rule to ask. A rule that asks while another builds it would only wait,
// holding a core, at the start of a run, while every other worker is
// stuck at the same rule: lend is called instead, which hands the core to
// the next rules of the rule's Document while it waits (see checkDoc).
func (c *crew) index(g *glossary.Glossary, jobs int, lend func(wait func())) *glossary.Index {
	for {
		switch c.indexState.Load() {
		case indexNotAsked:
			if !c.indexState.CompareAndSwap(indexNotAsked, indexBuilding) {
				continue
			}
			ix := g.IndexJobs(jobs)
			c.indexState.Store(indexBuilt)
			return ix
		case indexBuilding:
			if lend == nil {
				return g.IndexJobs(jobs)
			}
			var ix *glossary.Index
			lend(func() { ix = g.IndexJobs(jobs) })
			return ix
		default:
			return g.IndexJobs(jobs)
		}
	}
}

// An openDoc is a Document being checked, as its checkDoc shares it.
type openDoc struct {
	work    func()      // runs the Document's rules until none is left
	left    func() bool // some rule is not taken yet
	helpers *sync.WaitGroup
}

// enlist lists a Document's rules for workers with no file left, until
// delist. A nil crew (one worker) lists nothing.
func (c *crew) enlist(work func(), left func() bool, helpers *sync.WaitGroup) *openDoc {
	if c == nil || cap(c.cores) < 2 {
		return nil
	}
	d := &openDoc{work, left, helpers}
	c.mu.Lock()
	c.open = append(c.open, d)
	c.mu.Unlock()
	return d
}

// delist takes d off the list: after it, no worker joins d's helpers, and
// its checkDoc may wait for them.
func (c *crew) delist(d *openDoc) {
	if d == nil {
		return
	}
	c.mu.Lock()
	c.open = slices.DeleteFunc(c.open, func(o *openDoc) bool { return o == d })
	c.mu.Unlock()
}

// help runs the rules of listed Documents until none has a rule left.
func (c *crew) help() {
	for {
		var d *openDoc
		c.mu.Lock()
		for _, o := range c.open {
			if o.left() {
				d = o
				// Joined while listed: before its checkDoc waits.
				d.helpers.Add(1)
				break
			}
		}
		c.mu.Unlock()
		if d == nil {
			return
		}
		c.cores <- struct{}{}
		d.work()
		<-c.cores
		d.helpers.Done()
	}
}

// readAll reads r to its end, into buf (from its length 0) or, when buf
// is too small, one new buffer when r's size is known.
func readAll(buf []byte, r io.Reader, size int64) ([]byte, error) {
	if size >= 0 && size < 1<<40 {
		buf = reuse(buf, int(size)+bytes.MinRead) // room to see the end without growing
	}
	b := bytes.NewBuffer(buf[:0])
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}

// checkDoc checks one Document, named name in errors. When base is not
// nil, doc is a section of a file, and the findings are moved to their
// place in the file.
func (r *Run) checkDoc(cfg *Config, g *glossary.Glossary, doc *Document, name string, c *crew, base *sectionBase) (fileResult, error) {
	var cores chan struct{}
	if c != nil {
		cores = c.cores
	}
	var fr fileResult
	fr.words = doc.WordCount()
	// Each rule reports into its own slot, so that the rules can run
	// concurrently and their findings still come out in rule order. The
	// slots and their Passes are those of a Document done with: a run
	// over many small files would otherwise make a set for each.
	out := takeSlots(len(r.Rules))
	var (
		nextRule atomic.Int64
		failed   atomic.Bool
		helpers  sync.WaitGroup
		work     func()
	)
	left := func() bool { return !failed.Load() && int(nextRule.Load()) < len(out) }
	// lend runs wait, for a goroutine that holds a core and must wait
	// for another (the glossary's index being built): its core goes
	// meanwhile to a helper that takes the next rules of the Document,
	// and is taken back after.
	var lend func(wait func())
	if cores != nil {
		lend = func(wait func()) {
			<-cores
			if left() {
				helpers.Add(1)
				go func() {
					defer helpers.Done()
					cores <- struct{}{}
					defer func() { <-cores }()
					work()
				}()
			}
			wait()
			cores <- struct{}{}
		}
	}
	runRule := func(k int) {
		rule := r.Rules[k]
		res := &out[k]
		p := &res.pass
		*p = Pass{options: options{rule, cfg.Rules[rule.ID].Options}, Rule: rule, Doc: doc, Glossary: g, cores: cores, crew: c, lend: lend, cfg: cfg, base: base, found: &res.findings}
		if rule.RunLevel() {
			res.err = safely(rule, name, func() (err error) { res.sum, err = rule.Collect(p); return })
			return
		}
		res.err = safely(rule, name, func() error { return rule.Run(p) })
	}
	work = func() {
		for !failed.Load() {
			k := int(nextRule.Add(1)) - 1
			if k >= len(out) {
				return
			}
			runRule(k)
			if out[k].err != nil {
				failed.Store(true)
			}
		}
	}
	for h := 1; h < len(out) && cores != nil; h++ {
		select {
		case cores <- struct{}{}:
			helpers.Add(1)
			go func() {
				defer helpers.Done()
				defer func() { <-cores }()
				work()
			}()
			continue
		default:
		}
		break
	}
	d := c.enlist(work, left, &helpers)
	work()
	c.delist(d)
	if cores != nil {
		// Idle until the helpers are done: lend them this goroutine's
		// core (a rule still running may split its work over it).
		<-cores
		helpers.Wait()
		cores <- struct{}{}
	} else {
		helpers.Wait()
	}
	// Every goroutine is done with the slots.
	defer releaseSlots(out)
	n := 0
	for k := range out {
		n += len(out[k].findings)
	}
	if n > 0 {
		fr.findings = make([]Finding, 0, n)
	}
	for k, rule := range r.Rules {
		res := &out[k]
		if res.err != nil {
			return fr, res.err
		}
		if k >= int(nextRule.Load()) {
			break // not run: an earlier rule failed
		}
		fr.findings = append(fr.findings, res.findings...)
		releaseFindings(res.findings)
		if rule.RunLevel() {
			fr.summaries.set(rule, []any{res.sum})
		}
	}
	// Sorted here, by the workers, so that the end of the run only
	// merges (see mergeFindings).
	sortFindings(fr.findings)
	return fr, nil
}

// A ruleRun is the slot of one rule's Pass over a Document.
type ruleRun struct {
	pass     Pass
	findings []Finding // recycled memory (see takeFindings), taken at the first finding
	sum      any
	err      error
}

// sortFindings sorts fs by compareFindings, equal findings in their
// order in fs. A Finding is a couple of hundred bytes, which a stable sort
// moves around many times over: the indices are sorted instead (the index
// breaks ties), and each finding is moved once or twice, in place.
func sortFindings(fs []Finding) {
	sorted := true
	for i := 1; i < len(fs) && sorted; i++ {
		sorted = compareFindings(&fs[i-1], &fs[i]) <= 0
	}
	if sorted {
		return
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := compareFindings(&fs[a], &fs[b]); c != 0 {
			return c
		}
		return a - b
	})
	// fs[idx[k]] goes to k: each cycle of the permutation is followed
	// once, its first finding set aside, and the places visited marked.
	for k := range idx {
		if idx[k] < 0 {
			continue
		}
		first := fs[k]
		j := k
		for idx[j] != k {
			next := idx[j]
			fs[j] = fs[next]
			idx[j] = -1
			j = next
		}
		fs[j] = first
		idx[j] = -1
	}
}

// mergeFindings returns the findings of files (each file's part sorted by
// its worker, the parts in path order) and of run (the run-level rules'),
// sorted as sortFindings sorts them all one after another. The parts are
// most likely in order from one to the next: then only run is sorted, and
// everything is copied once into the result, which keeps the serial end
// of a run short. run is sorted in place.
func mergeFindings(files [][]Finding, run []Finding) []Finding {
	n := len(run)
	var last *Finding
	inOrder := true
	for _, part := range files {
		n += len(part)
		for i := range part {
			if last != nil && compareFindings(last, &part[i]) > 0 {
				inOrder = false
			}
			last = &part[i]
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Finding, 0, n)
	if !inOrder {
		for _, part := range files {
			out = append(out, part...)
		}
		out = append(out, run...)
		sortFindings(out)
		return out
	}
	sortFindings(run)
	for _, part := range files {
		for len(part) > 0 && len(run) > 0 {
			// On a tie the file's finding, which comes first, stays first.
			k := 0
			for k < len(part) && compareFindings(&run[0], &part[k]) >= 0 {
				k++
			}
			out = append(out, part[:k]...)
			part = part[k:]
			if len(part) > 0 {
				out, run = append(out, run[0]), run[1:]
			}
		}
		out = append(out, part...)
	}
	return append(out, run...)
}

// keep resolves a finding's severity and applies the confidence floor.
func keep(cfg *Config, rule *Rule, f *Finding) bool {
	if f.Confidence > 0 && f.Confidence < cfg.MinConfidence {
		return false
	}
	if s := cfg.Rules[rule.ID].Severity; s != 0 {
		f.Severity = s
	} else if f.Severity == 0 {
		f.Severity = rule.Severity
	}
	return true
}

// safely runs fn and turns a panic into an error naming the rule and file,
// so one bad rule cannot take the process down without saying where.
func safely(rule *Rule, path string, fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rule %s failed on %s: %v\n%s", rule.ID, path, v, debug.Stack())
		}
	}()
	if err := fn(); err != nil {
		return fmt.Errorf("rule %s on %s: %w", rule.ID, path, err)
	}
	return nil
}
