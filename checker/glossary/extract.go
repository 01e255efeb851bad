package glossary

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// An Extractor proposes a glossary from clean text: it counts the name
// candidates it is given and clusters near spellings of one name.
// The zero value is ready to use.
type Extractor struct {
	counts map[string]int
	order  []string // first-seen order, for determinism
}

// Add counts one occurrence of the name candidate name (as
// text.Candidate.Text gives it). Single common English words and
// candidates without a letter are ignored.
func (x *Extractor) Add(name string) {
	name = collapse(name)
	if name == "" || !hasLetter(name) {
		return
	}
	ws := strings.Fields(name)
	common := 0
	for _, w := range ws {
		if lexicon.IsCommon(strings.ToLower(w)) || text.IsConnector(w) {
			common++
		}
	}
	if common == len(ws) && len(ws) == 1 || len(ws) == 1 && calendarWords[strings.ToLower(name)] {
		return
	}
	if x.counts == nil {
		x.counts = map[string]int{}
	}
	if x.counts[name] == 0 {
		x.order = append(x.order, name)
	}
	x.counts[name]++
}

// Entries returns the proposed entries: each cluster of spellings seen at
// least minCount times in all, as the most frequent spelling, with the
// others and the counts in the note. A single word that is the last word
// of a longer proposed name is folded into it, which is then marked as a
// person (a surname standing alone). Entries are sorted by count, then
// term.
func (x *Extractor) Entries(minCount int) []Entry {
	names := append([]string(nil), x.order...)
	sort.SliceStable(names, func(a, b int) bool { return x.counts[names[a]] > x.counts[names[b]] })
	type cluster struct {
		head   string
		skel   string
		total  int
		others []string
		kind   Kind
	}
	var clusters []*cluster
	bySkel := map[byte][]*cluster{}
	for _, n := range names {
		sk := text.Skeleton(n)
		var into *cluster
		if sk != "" {
			for _, c := range bySkel[sk[0]] {
				if m := text.Similarity(n, c.head); m.Score >= 0.85 && m.Measure != "token" && !text.DistinctNames(n, c.head) {
					into = c
					break
				}
			}
		}
		if into == nil {
			into = &cluster{head: n, skel: sk}
			clusters = append(clusters, into)
			if sk != "" {
				bySkel[sk[0]] = append(bySkel[sk[0]], into)
			}
		} else {
			into.others = append(into.others, n)
		}
		into.total += x.counts[n]
	}
	// Surnames standing alone join their full name: one of two or three
	// words that are neither connectors nor common words ("Nayib Bukele",
	// not "El Salvador" or "Central American").
	lastWord := map[string]*cluster{}
	for _, c := range clusters {
		if ws := strings.Fields(c.head); len(ws) >= 2 && len(ws) <= 3 && personLike(ws) {
			k := text.Fold(ws[len(ws)-1])
			if _, ok := lastWord[k]; !ok {
				lastWord[k] = c
			}
		}
	}
	var kept []*cluster
	for _, c := range clusters {
		if ws := strings.Fields(c.head); len(ws) == 1 {
			if full, ok := lastWord[text.Fold(c.head)]; ok && full != c {
				full.total += c.total
				full.kind = Person
				continue
			}
		}
		kept = append(kept, c)
	}
	sort.SliceStable(kept, func(a, b int) bool {
		if kept[a].total != kept[b].total {
			return kept[a].total > kept[b].total
		}
		return kept[a].head < kept[b].head
	})
	var out []Entry
	for _, c := range kept {
		if c.total < minCount {
			continue
		}
		note := fmt.Sprintf("seen %d times", c.total)
		if len(c.others) > 0 {
			var also []string
			for _, o := range c.others {
				also = append(also, fmt.Sprintf("%s (%d)", o, x.counts[o]))
			}
			note += "; also written " + strings.Join(also, ", ")
		}
		out = append(out, Entry{Term: c.head, Kind: c.kind, Note: note})
	}
	return out
}

// WriteCSV writes entries in the native glossary format, with a header.
func WriteCSV(w io.Writer, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"term", "variants", "kind", "note"}); err != nil {
		return err
	}
	for _, e := range entries {
		if err := cw.Write([]string{e.Term, strings.Join(e.Variants, "|"), string(e.Kind), e.Note}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func personLike(ws []string) bool {
	for _, w := range ws {
		if text.IsConnector(w) || lexicon.IsCommon(strings.ToLower(w)) {
			return false
		}
		if i := lexicon.Lookup(strings.ToLower(w)); i.Tier > 0 && i.Tags&lexicon.Adj != 0 {
			return false
		}
	}
	return true
}

// calendarWords are capitalised words that are never glossary names.
var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

func hasLetter(s string) bool {
	for _, r := range s {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 127 {
			return true
		}
	}
	return false
}
