package glossary

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadTBX reads the entries of a TBX file (ISO 30042: TBX-Basic and other
// 2008 dialects with martif/termEntry/langSet/tig or ntig, and TBX v3
// core/DCA/DCT with tbx/conceptEntry/langSec/termSec) for the language
// lang (prefix match: "en" takes "en", "en-US", "EN_gb").
//
// For each entry, the first term not marked as a wrong form is the
// glossary term; terms whose administrativeStatus, normativeAuthorization
// or termStatus says deprecated, superseded, admitted, not recommended,
// forbidden or obsolete are its variants; further unmarked or preferred
// terms become entries of their own. A definition or note becomes the
// entry's note, a "kind" or "entityType" descrip its kind. External
// entities and DTD entity declarations are refused.
func ReadTBX(name string, r io.Reader, lang string) ([]Entry, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	var (
		out      []Entry
		rootLang string
		entry    *tbxEntry
		curLang  string
		inLang   bool
		term     *tbxTerm
		stack    []xml.StartElement
		textBuf  strings.Builder
	)
	fail := func(msg string) error {
		line, _ := d.InputPos()
		return &LoadError{File: name, Line: line, Msg: msg}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &LoadError{File: name, Line: se.Line, Msg: "TBX: " + se.Msg}
			}
			return nil, fail("TBX: " + err.Error())
		}
		switch t := tok.(type) {
		case xml.Directive:
			if strings.Contains(strings.ToUpper(string(t)), "ENTITY") {
				return nil, fail("TBX: entity declarations are not allowed")
			}
		case xml.StartElement:
			stack = append(stack, t)
			textBuf.Reset()
			switch t.Name.Local {
			case "martif", "tbx":
				rootLang = attr(t, "lang")
			case "termEntry", "conceptEntry":
				line, _ := d.InputPos()
				entry = &tbxEntry{line: line}
			case "langSet", "langSec":
				curLang = attr(t, "lang")
				if curLang == "" {
					curLang = rootLang
				}
				inLang = true
			case "tig", "ntig", "termSec":
				if entry != nil && inLang {
					line, _ := d.InputPos()
					term = &tbxTerm{line: line}
				}
			}
		case xml.CharData:
			textBuf.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fail("TBX: unbalanced element")
			}
			start := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			val := strings.Join(strings.Fields(textBuf.String()), " ")
			local := t.Name.Local
			typ := attr(start, "type")
			switch {
			case local == "term" && term != nil:
				term.text = val
			case term != nil && (isStatusName(local) || (local == "termNote" || local == "descrip" || local == "admin") && isStatusName(typ)):
				term.status = val
			case entry != nil && (local == "descrip" || local == "note" || local == "admin") && (typ == "definition" || local == "note") && entry.note == "":
				entry.note = val
			case entry != nil && (local == "descrip" || local == "admin" || local == "termNote") && (typ == "kind" || typ == "entityType"):
				entry.kind = val
			case local == "tig" || local == "ntig" || local == "termSec":
				if term != nil && entry != nil && langMatches(curLang, lang) && term.text != "" {
					entry.terms = append(entry.terms, *term)
				}
				term = nil
			case local == "langSet" || local == "langSec":
				inLang = false
			case local == "termEntry" || local == "conceptEntry":
				if entry != nil {
					out = append(out, entry.entries(name)...)
				}
				entry = nil
			}
			textBuf.Reset()
		}
	}
	if len(stack) > 0 {
		return nil, fail("TBX: unexpected end of file")
	}
	return out, nil
}

type tbxTerm struct {
	text, status string
	line         int
}

type tbxEntry struct {
	line       int
	note, kind string
	terms      []tbxTerm
}

func (e *tbxEntry) entries(file string) []Entry {
	var out []Entry
	var variants []string
	for _, t := range e.terms {
		if isWrongStatus(t.status) {
			variants = append(variants, t.text)
		}
	}
	kind, _ := ParseKind(e.kind)
	for _, t := range e.terms {
		if isWrongStatus(t.status) {
			continue
		}
		ent := Entry{Term: t.text, Kind: kind, Note: e.note, File: file, Line: t.line}
		if len(out) == 0 {
			ent.Variants = variants
		}
		out = append(out, ent)
	}
	if len(out) == 0 && len(variants) > 0 {
		// Only wrong forms in this language: nothing to suggest, so
		// nothing to check. Keep the first as the term, so the entry is
		// not lost silently; Check lists it.
		out = append(out, Entry{Term: variants[0], Variants: variants[1:], Kind: kind, Note: e.note, File: file, Line: e.line})
	}
	return out
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func isStatusName(s string) bool {
	switch s {
	case "administrativeStatus", "normativeAuthorization", "termStatus":
		return true
	}
	return false
}

// isWrongStatus reports whether a status value marks a term as a form not
// to use.
func isWrongStatus(v string) bool {
	v = strings.ToLower(v)
	for _, w := range []string{"deprecat", "supersed", "admitted", "notrecommended", "not recommended", "not-recommended", "forbidden", "obsolete", "rejected", "notpreferred", "not preferred"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// langMatches reports whether the xml:lang value got is the language want
// or one of its regional forms.
func langMatches(got, want string) bool {
	got, want = strings.ToLower(got), strings.ToLower(want)
	if got == want {
		return true
	}
	return strings.HasPrefix(got, want) && len(got) > len(want) && (got[len(want)] == '-' || got[len(want)] == '_')
}

// String describes the entry for messages: the term, its file and line.
func (e Entry) String() string {
	if e.Line > 0 {
		return fmt.Sprintf("%q (%s:%d)", e.Term, e.File, e.Line)
	}
	return fmt.Sprintf("%q", e.Term)
}
