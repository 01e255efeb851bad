// Package glossary holds the correct names and terms a run checks against:
// the model, its CSV/TSV/TBX readers and the match index.
package glossary

// A Kind says what sort of name an entry is. It changes how it may be
// shortened: a person's surname may stand alone.
type Kind string

const (
	Person       Kind = "person"
	Place        Kind = "place"
	Organization Kind = "organization"
	Term         Kind = "term"
)

// An Entry is one correct term with its known wrong forms.
type Entry struct {
	Term     string   // the correct form, correctly cased
	Variants []string // known wrong forms
	Kind     Kind     // optional
	Note     string   // shown in reports
	File     string   // where the entry was read
	Line     int      // 1-based line (row) in File
}

// A Glossary is a read-only set of entries. The zero value is empty and usable.
type Glossary struct {
	Entries []Entry
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
