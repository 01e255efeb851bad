package checker

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/glossary"
)

// A large file is checked in sections, one after another, so that the
// memory a check takes is bounded by the file's size plus one section's
// Document (its masked text, tokens, sentences and the rules' work, many
// times the section's size), not many times the whole file.
//
// Each section is parsed and checked as a Document of its own; its
// findings are moved to their place in the file. Rules that compare a
// document with itself (a phrase repeated, a compound spelled two ways)
// compare within a section. Run-level rules get one summary per section,
// in order, as if each were a file.
var (
	// SectionThreshold is the size in bytes above which a file is
	// checked in sections, when the run has a Sectioner.
	SectionThreshold = 32 << 20
	// SectionSize is about how large a section is, in bytes.
	SectionSize = 8 << 20
)

// A Sectioner cuts large files into sections and parses them (package
// input has one for its formats).
type Sectioner interface {
	// Cut returns the offsets where data, the bytes of the file path, is
	// cut into sections of about size bytes: increasing, within
	// (0, len(data)), each at the start of a UTF-8 sequence. It returns
	// nil when the file is checked whole (a binary file, say).
	Cut(path string, data []byte, size int) []int
	// Parse parses the section data[start:end] of the file path into a
	// Document. carry is what the Parse of the section before returned (nil
	// for the first section); what Parse returns is carried to the next
	// (the inline suppressions still open, say).
	Parse(path string, data []byte, start, end int, carry any) (*Document, any, error)
}

// sectionKey is the Path of the Document of section i of the file path:
// a name no file has, by which the findings and summaries of a section
// are told from those of the others.
func sectionKey(path string, i int) string { return path + "\x00" + strconv.Itoa(i) }

// A sectionBase is where a section starts in its file.
type sectionBase struct {
	key    string // the section's Document's Path (sectionKey)
	path   string
	offset int // bytes before the section
	line   int // line breaks before it
	column int // characters before it on its first line (0 when it starts a line)
}

func (b *sectionBase) span(s Span) Span {
	return Span{Start: s.Start + b.offset, End: s.End + b.offset}
}

func (b *sectionBase) position(p Position) Position {
	if p.Line == 1 {
		p.Column += b.column
	}
	p.Offset += b.offset
	p.Line += b.line
	return p
}

// place moves a finding made on a section's Document to its place in the
// file. bases holds the sections of the run by key, for the places a
// run-level finding points to in other sections. The strings are copied,
// so that the findings do not keep the section's text alive.
func (b *sectionBase) place(f *Finding, bases map[string]*sectionBase) {
	find := func(name string) *sectionBase {
		if name == b.key {
			return b
		}
		return bases[name]
	}
	f.File = b.path
	f.Span = b.span(f.Span)
	f.Pos, f.End = b.position(f.Pos), b.position(f.End)
	f.Text = strings.Clone(f.Text)
	f.Suggestion = strings.Clone(f.Suggestion)
	f.Message = strings.Clone(f.Message)
	if len(f.Related) > 0 {
		// A copy: rules may share one list among findings.
		f.Related = slices.Clone(f.Related)
		for i := range f.Related {
			r := &f.Related[i]
			rb := b
			if r.File != "" {
				if rb = find(r.File); rb == nil {
					continue // another file, checked whole
				}
				r.File = rb.path
				if rb == b {
					r.File = "" // the finding's own file
				}
			}
			r.Span = rb.span(r.Span)
			r.Pos, r.End = rb.position(r.Pos), rb.position(r.End)
		}
	}
	for i := range f.Variants {
		// In place: findings share their list of variants. A variant is
		// moved once, as the key it is found by is replaced.
		l := &f.Variants[i].First
		if vb := find(l.File); vb != nil {
			l.File = vb.path
			l.Span = vb.span(l.Span)
			l.Pos, l.End = vb.position(l.Pos), vb.position(l.End)
		}
	}
}

// advance moves b from the start of the section text to its end.
func (b *sectionBase) advance(text string) {
	n := len(text)
	if k := strings.LastIndexByte(text, '\n'); k >= 0 {
		b.line += strings.Count(text, "\n")
		b.column = utf8.RuneCountInString(text[k+1:])
	} else {
		if b.offset == 0 && strings.HasPrefix(text, "\uFEFF") {
			text = text[3:] // a byte-order mark is no character
		}
		b.column += utf8.RuneCountInString(text)
	}
	b.offset += n
}

// checkSections checks the file in.Path, whose bytes are data, in the
// sections cut at cuts.
func (r *Run) checkSections(cfg *Config, g *glossary.Glossary, in Input, data []byte, cuts []int, cores chan struct{}) (fileResult, error) {
	var fr fileResult
	var carry any
	base := sectionBase{path: in.Path}
	for k := 0; k <= len(cuts); k++ {
		start, end := 0, len(data)
		if k > 0 {
			start = cuts[k-1]
		}
		if k < len(cuts) {
			end = cuts[k]
		}
		key := sectionKey(in.Path, k)
		doc, next, err := r.Sections.Parse(in.Path, data, start, end, carry)
		if err != nil {
			return fileResult{err: err}, nil
		}
		doc.Path = key
		carry = next
		b := base // a copy per section: run-level findings are placed later
		b.key = key
		sec, err := r.checkDoc(cfg, g, doc, in.Path, cores, &b)
		if err != nil {
			return fr, err
		}
		fr.words += sec.words
		if len(sec.findings) > 0 {
			fr.chunks = append(fr.chunks, sec.findings)
		}
		for _, rule := range r.Rules {
			if s, ok := sec.summaries[rule]; ok {
				if fr.summaries == nil {
					fr.summaries = map[*Rule][]any{}
				}
				fr.summaries[rule] = append(fr.summaries[rule], s...)
			}
		}
		if fr.sections == nil {
			fr.sections = map[string]*sectionBase{}
		}
		fr.sections[key] = &b
		base.advance(doc.Text)
	}
	return fr, nil
}
