package glossary

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

// A Problem is something wrong with a glossary that loads: a duplicate
// term, a variant that is another entry's term, and the like.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Check lists the problems of a glossary, in file and line order:
//   - a term listed twice (compared folded: case and accents ignored);
//   - a variant that is another entry's term, or its own term;
//   - a variant that differs from its term only in case (name-casing
//     reports such spellings; as a variant it is never seen);
//   - a variant listed for two entries;
//   - a one-word variant that is a common English word, which would be
//     reported wherever the word is used;
//   - an unknown kind (person, place, organization and term are known).
func Check(g *Glossary) []Problem {
	var out []Problem
	terms := map[string]int{}
	for i, e := range g.Entries {
		k := text.Fold(collapse(e.Term))
		if j, ok := terms[k]; ok {
			o := g.Entries[j]
			out = append(out, Problem{e.File, e.Line, fmt.Sprintf("duplicate term %q (first at %s:%d)", e.Term, o.File, o.Line)})
			continue
		}
		terms[k] = i
	}
	variants := map[string]int{}
	for i, e := range g.Entries {
		if !e.Kind.Known() {
			out = append(out, Problem{e.File, e.Line, fmt.Sprintf("unknown kind %q (want person, place, organization or term)", e.Kind)})
		}
		for _, v := range e.Variants {
			k := text.Fold(collapse(v))
			if j, ok := terms[k]; ok {
				switch {
				case j != i:
					out = append(out, Problem{e.File, e.Line, fmt.Sprintf("variant %q of %q is the term of %s", v, e.Term, g.Entries[j])})
				case v == e.Term:
					out = append(out, Problem{e.File, e.Line, fmt.Sprintf("variant %q is the term itself", v)})
				default:
					out = append(out, Problem{e.File, e.Line, fmt.Sprintf("variant %q differs from %q only in case or accents; name-casing reports it, remove the variant", v, e.Term)})
				}
				continue
			}
			if j, ok := variants[k]; ok && j != i {
				out = append(out, Problem{e.File, e.Line, fmt.Sprintf("variant %q is also a variant of %s", v, g.Entries[j])})
				continue
			}
			variants[k] = i
			if !strings.ContainsAny(strings.TrimSpace(v), " -") && lexicon.IsCommon(strings.ToLower(v)) {
				out = append(out, Problem{e.File, e.Line, fmt.Sprintf("variant %q of %q is a common English word", v, e.Term)})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].File != out[b].File {
			return out[a].File < out[b].File
		}
		return out[a].Line < out[b].Line
	})
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
