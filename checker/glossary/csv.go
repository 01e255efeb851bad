package glossary

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A LoadError is a problem in a glossary file, at a line when known.
type LoadError struct {
	File string
	Line int
	Msg  string
}

func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Load reads and merges glossary files, choosing the reader by extension
// and content: .tbx files and files that start like XML are TBX, .tsv and
// .tab are tab-separated, everything else CSV. Entries keep their order,
// file after file. An unknown kind is not a load error (see Check).
func Load(paths ...string) (*Glossary, error) { return LoadLang("en", paths...) }

// LoadLang is Load for text in language lang: a TBX file contributes the
// terms of that language (prefix match: "en" takes "en-US").
func LoadLang(lang string, paths ...string) (*Glossary, error) {
	g := &Glossary{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		entries, err := ReadLang(p, f, lang)
		f.Close()
		if err != nil {
			return nil, err
		}
		g.Entries = append(g.Entries, entries...)
	}
	return g, nil
}

// Read reads the entries of one glossary file called name, for English text.
func Read(name string, r io.Reader) ([]Entry, error) { return ReadLang(name, r, "en") }

// ReadLang reads the entries of one glossary file called name; from a TBX
// file, those of language lang.
func ReadLang(name string, r io.Reader, lang string) ([]Entry, error) {
	br := bufio.NewReader(r)
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".tbx" || ext == ".xml" || looksXML(br) {
		return ReadTBX(name, br, lang)
	}
	comma := ','
	switch ext {
	case ".tsv", ".tab":
		comma = '\t'
	}
	return readDelimited(name, br, comma)
}

// looksXML reports whether the input starts, after a BOM and blanks, with "<".
func looksXML(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	s := strings.TrimLeft(strings.TrimPrefix(string(head), "\uFEFF"), " \t\r\n")
	return strings.HasPrefix(s, "<")
}

func readDelimited(name string, r io.Reader, comma rune) ([]Entry, error) {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true // a bare quote inside a field (lower-case "de") is text
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &LoadError{File: name, Msg: "empty glossary: expected a header row such as term,variants,kind,note"}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		switch h {
		case "term", "variants", "kind", "note":
			col[h] = i
		default:
			line, _ := cr.FieldPos(i)
			return nil, &LoadError{File: name, Line: line, Msg: fmt.Sprintf("unknown column %q (want term, variants, kind, note)", h)}
		}
	}
	if _, ok := col["term"]; !ok {
		line, _ := cr.FieldPos(0)
		return nil, &LoadError{File: name, Line: line, Msg: "header has no term column"}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Entry
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > len(header) {
			return nil, &LoadError{File: name, Line: line, Msg: fmt.Sprintf("%d fields, header has %d", len(rec), len(header))}
		}
		kind, _ := ParseKind(field(rec, "kind"))
		e := Entry{Term: field(rec, "term"), Kind: kind, Note: field(rec, "note"), File: name, Line: line}
		if e.Term == "" {
			if strings.TrimSpace(strings.Join(rec, "")) == "" {
				continue
			}
			return nil, &LoadError{File: name, Line: line, Msg: "empty term"}
		}
		for _, v := range strings.Split(field(rec, "variants"), "|") {
			if v = strings.TrimSpace(v); v != "" {
				e.Variants = append(e.Variants, v)
			}
		}
		out = append(out, e)
	}
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &LoadError{File: name, Line: pe.Line, Msg: pe.Err.Error()}
	}
	return &LoadError{File: name, Msg: err.Error()}
}
