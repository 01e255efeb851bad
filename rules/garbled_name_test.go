package rules

import (
	"bufio"
	"context"
	"github.com/mtlint/mtlint/checker/input"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/checkertest/benchtext"
	"github.com/mtlint/mtlint/checker/glossary"
)

// namesSet is the project's own name test set: real names from many
// languages, a text that garbles each of them as machine translation does
// and the same text clean.
const namesSet = "../testdata/names"

var nameRules = []*checker.Rule{GarbledName, GlossaryVariant, NameCasing}

func namesFindings(t *testing.T, g *glossary.Glossary, file string) []checker.Finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(namesSet, file))
	if err != nil {
		t.Fatal(err)
	}
	var all []checker.Finding
	for _, r := range nameRules {
		all = append(all, checkertest.Check(t, file, string(data), r, g)...)
	}
	return all
}

// TestNamesRecall asserts that the name rules, at their default settings,
// find at least 90% of the garbled names, each on its line with the
// glossary term (or the word of it that stands alone) as suggestion.
func TestNamesRecall(t *testing.T) {
	g, err := glossary.Load(filepath.Join(namesSet, "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	findings := namesFindings(t, g, "garbled.txt")
	byLine := map[int][]checker.Finding{}
	for _, f := range findings {
		byLine[f.Pos.Line] = append(byLine[f.Pos.Line], f)
	}
	ef, err := os.Open(filepath.Join(namesSet, "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	total, found := 0, 0
	sc := bufio.NewScanner(ef)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		line, _ := strconv.Atoi(f[0])
		garbled, term := f[1], f[2]
		total++
		ok := false
		for _, fd := range byLine[line] {
			if fd.Suggestion != "" && strings.Contains(term, fd.Suggestion) && strings.Contains(garbled, strings.TrimSpace(fd.Text)) {
				ok = true
			}
		}
		if ok {
			found++
		} else {
			t.Logf("missed line %d: %q (want %q)", line, garbled, term)
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("recall %d/%d = %.1f%%", found, total, 100*recall)
	if total < 100 || recall < 0.9 {
		t.Errorf("recall %d/%d = %.1f%%, want at least 90%% of at least 100 names", found, total, 100*recall)
	}
	// Every finding must be one of the garbles.
	for _, fd := range findings {
		if fd.Suggestion == "" {
			t.Errorf("line %d: finding without suggestion: %s", fd.Pos.Line, fd.Message)
		}
	}
}

// TestNamesClean asserts that the same text, spelt right, gives no finding.
func TestNamesClean(t *testing.T) {
	g, err := glossary.Load(filepath.Join(namesSet, "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range namesFindings(t, g, "clean.txt") {
		t.Errorf("clean.txt:%d: %s: %s", f.Pos.Line, f.Rule, f.Message)
	}
}

// proseGlossary is a large glossary for the clean-prose tests: the names
// test set plus 10,000 made-up entries.
func proseGlossary(t testing.TB) *glossary.Glossary {
	g, err := glossary.Load(filepath.Join(namesSet, "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return glossary.New(append(g.Entries, glossary.Synthetic(10000, 1)...))
}

func proseFiles(t testing.TB) map[string]string {
	paths, _ := filepath.Glob("../testdata/prose/*.txt")
	if len(paths) == 0 {
		t.Skip("no prose in testdata/prose")
	}
	out := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = string(data)
	}
	return out
}

// TestNamesProse runs the name rules over clean professional prose with a
// large glossary: no errors at all, and at most one warning per 2,000 words.
func TestNamesProse(t *testing.T) {
	g := proseGlossary(t)
	words, warnings := 0, 0
	for name, data := range proseFiles(t) {
		words += len(strings.Fields(data))
		for _, r := range nameRules {
			for _, f := range checkertest.Check(t, name, data, r, g) {
				if f.Severity == checker.Error {
					t.Errorf("%s:%d: %s: %s", name, f.Pos.Line, f.Rule, f.Message)
				} else {
					warnings++
					t.Logf("%s:%d: %s: %.2f %s", name, f.Pos.Line, f.Rule, f.Confidence, f.Message)
				}
			}
		}
	}
	t.Logf("%d words, %d warnings", words, warnings)
	if warnings*2000 > words {
		t.Errorf("%d warnings in %d words: more than one per 2,000", warnings, words)
	}
}

// BenchmarkNameRules measures the three name rules on clean prose with a
// 10,000-entry glossary (index built beforehand), one document at a time.
func BenchmarkNameRules(b *testing.B) {
	g := proseGlossary(b)
	g.Index()
	files := proseFiles(b)
	total := 0
	for _, d := range files {
		total += len(d)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for name, data := range files {
			for _, r := range nameRules {
				checkertest.Check(b, name, data, r, g)
			}
		}
	}
}

// BenchmarkNameRulesPerCandidate measures the three name rules per name
// candidate on clean prose with glossaries of 1,000, 10,000 and 100,000
// entries. Documents are parsed outside the timing; each round gets a fresh
// index, built outside the timing, so that no lookup is answered from an
// earlier round. An index lookup, not a scan, keeps the cost per
// candidate nearly flat as the glossary grows. The CPU time of the timed
// part is reported too (cpu-ns/candidate).
func BenchmarkNameRulesPerCandidate(b *testing.B) {
	seed, err := glossary.Load(filepath.Join(namesSet, "glossary.csv"))
	if err != nil {
		b.Fatal(err)
	}
	// A run recycles a Document's memory once it is checked: each round
	// parses its own, outside the timing.
	files := proseFiles(b)
	var inputs []checker.Input
	cands := 0
	parse := func() map[string]*checker.Document {
		docs := map[string]*checker.Document{}
		for name, data := range files {
			doc, err := input.Parse(name, []byte(data))
			if err != nil {
				b.Fatal(err)
			}
			docs[name] = doc
		}
		return docs
	}
	for name, doc := range parse() {
		cands += len(doc.Candidates())
		inputs = append(inputs, checker.Input{Path: name, Read: func() ([]byte, error) { return nil, nil }})
	}
	var docs map[string]*checker.Document
	parsed := func(path string, _ []byte) (*checker.Document, error) { return docs[path], nil }
	for _, n := range []int{1000, 10000, 100000} {
		entries := append(append([]glossary.Entry(nil), seed.Entries...), glossary.Synthetic(n, 1)...)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var cpu time.Duration // in the timed part: on a loaded machine it says more than the clock
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				g := glossary.New(entries)
				g.Index()
				docs = parse()
				run := &checker.Run{Rules: nameRules, Glossary: g, Parse: parsed, Jobs: 1}
				b.StartTimer()
				start := benchtext.CPUTime()
				if _, err := run.Check(context.Background(), inputs); err != nil {
					b.Fatal(err)
				}
				cpu += benchtext.CPUTime() - start
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(cands), "ns/candidate")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(cands), "cpu-ns/candidate")
		})
	}
}
