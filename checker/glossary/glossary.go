// Package glossary holds the correct names and terms a run checks against:
// the model, its CSV/TSV/TBX readers, the match index, validation (Check)
// and glossary extraction from clean text (Extract).
package glossary

import (
	"strings"
	"sync"
)

// A Kind says what sort of name an entry is. It changes how it may be
// shortened: a person's surname may stand alone.
type Kind string

const (
	Person       Kind = "person"
	Place        Kind = "place"
	Organization Kind = "organization"
	Term         Kind = "term"
)

// kindNames maps the spellings accepted in glossary files to kinds.
var kindNames = map[string]Kind{
	"person": Person, "people": Person, "persons": Person, "name": Person,
	"place": Place, "location": Place, "loc": Place, "country": Place, "city": Place,
	"organization": Organization, "organisation": Organization, "org": Organization,
	"term": Term, "concept": Term, "product": Term, "event": Term, "": "",
}

// ParseKind returns the kind called s (case-insensitive; "organisation",
// "org", "location" and a few more synonyms are accepted) and whether it
// is known. An unknown kind is returned as given, lower-cased.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	k, ok := kindNames[s]
	if !ok {
		return Kind(s), false
	}
	return k, true
}

// Known reports whether k is one of the four kinds or empty.
func (k Kind) Known() bool {
	switch k {
	case Person, Place, Organization, Term, "":
		return true
	}
	return false
}

// An Entry is one correct term with its known wrong forms.
type Entry struct {
	Term     string   // the correct form, correctly cased
	Variants []string // known wrong forms
	Kind     Kind     // optional; unknown kinds load as given and are listed by Check
	Note     string   // shown in reports
	File     string   // where the entry was read
	Line     int      // 1-based line (row) in File
}

// A Glossary is a read-only set of entries. The zero value is empty and
// usable. It must not be copied after first use.
type Glossary struct {
	Entries []Entry

	once  sync.Once
	index *Index
}

// New returns a glossary of the given entries.
func New(entries []Entry) *Glossary {
	return &Glossary{Entries: entries}
}

// Len returns the number of entries.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.Entries)
}

// Index returns the glossary's match index, built on first use. It is safe
// for concurrent use; the entries must not change afterwards. A nil
// glossary has an empty index.
func (g *Glossary) Index() *Index { return g.IndexJobs(1) }

// IndexJobs is Index, building the index, if it is not built yet, on up
// to jobs goroutines (see NewIndexJobs).
func (g *Glossary) IndexJobs(jobs int) *Index {
	if g == nil {
		return emptyIndex
	}
	g.once.Do(func() { g.index = NewIndexJobs(g.Entries, jobs) })
	return g.index
}

var emptyIndex = NewIndex(nil)
