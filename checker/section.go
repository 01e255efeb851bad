package checker

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker/glossary"
)

// A large file is checked in sections, one after another, so that the
// memory a check takes is bounded by one section's Document (its masked
// text, tokens, sentences and the rules' work, many times the section's
// size) plus what the run keeps (findings, run-level summaries), not many
// times the whole file.
//
// Each section is parsed and checked as a Document of its own; its
// findings are moved to their place in the file. Rules that compare a
// document with itself (a phrase repeated, a compound spelled two ways)
// compare within a section. Run-level rules get one summary per section,
// in order, as if each were a file, unless they merge the summaries of a
// file's sections into one (Rule.Merge).
//
// A file read through Input.Open is read a window at a time (about twice
// SectionSize), so that only a window of it is held, never the whole; a
// file given by Input.Read is held whole while it is checked.
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
	// Cutter returns the Cutter that finds where the file path is cut
	// into sections of about size bytes. head holds the file's first
	// bytes: twice size or more, or the whole file. It returns nil when
	// the file is checked whole (a binary file, say).
	Cutter(path string, head []byte, size int) Cutter
	// Parse parses a section of the file path into a Document; first
	// says it opens the file. carry is what the Parse of the section
	// before returned (nil for the first section); what Parse returns is
	// carried to the next (the inline suppressions still open, say).
	// It must not keep section, whose memory the run reads the file
	// into again, and must return a new Document each time: the run
	// recycles a Document's memory once done with it (see Buffers).
	Parse(path string, section []byte, first bool, carry any) (*Document, any, error)
}

// A Cutter finds, one after another, the offsets at which a file is cut
// into sections, reading the file a window at a time.
type Cutter interface {
	// Next returns the next cut: an offset in the file, after the one
	// before, at the start of a UTF-8 sequence, before the file's end.
	// buf holds the file's bytes from offset base on (base no later than
	// Keep), and eof says buf reaches the file's end. ok is false when
	// Next needs bytes past the end of buf to find the cut, or, with
	// eof, when there is no further cut.
	Next(buf []byte, base int, eof bool) (cut int, ok bool)
	// Keep returns the first offset in the file that Next reads again:
	// the bytes before it may be dropped from buf.
	Keep() int
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
	f.File = b.path
	f.Span = b.span(f.Span)
	f.Pos, f.End = b.position(f.Pos), b.position(f.End)
	f.detach()
	placeRefs(f, b, bases)
}

// placeRefs moves the places a finding refers to (related places, the
// first occurrences of variants) that lie in a file checked in sections
// to their place in that file. own is the sections of the finding's own
// file, nil when it was checked whole: a run-level finding in a file
// checked whole may name another file's sections too.
func placeRefs(f *Finding, own *sectionBase, bases map[string]*sectionBase) {
	find := func(name string) *sectionBase {
		if own != nil && name == own.key {
			return own
		}
		return bases[name]
	}
	related := false
	for i := range f.Related {
		r := &f.Related[i]
		rb := own
		if r.File != "" {
			rb = find(r.File)
		}
		if rb == nil {
			continue // in a file checked whole
		}
		if !related {
			// A copy: rules may share one list among findings.
			f.Related = slices.Clone(f.Related)
			r = &f.Related[i]
			related = true
		}
		if r.File != "" {
			// The file's path, as the rule gives it for a file
			// checked whole.
			r.File = rb.path
		}
		r.Span = rb.span(r.Span)
		r.Pos, r.End = rb.position(r.Pos), rb.position(r.End)
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

// A window holds a part of a file checked in sections: the bytes from
// offset base on. It reads the file through r as the Cutter asks for more,
// dropping the bytes already checked, so that a file is never held whole;
// with no r, buf is the whole file, already read.
type window struct {
	r    io.Reader
	buf  []byte
	base int
	eof  bool
}

// windowSize is the bytes a window is read in, to start with: room for a
// section of up to twice SectionSize and the margin the Cutter looks past
// it.
func windowSize() int { return 2*SectionSize + 64<<10 }

// fill reads the window's first bytes.
func (w *window) fill() error {
	w.buf = make([]byte, 0, windowSize())
	return w.read()
}

// more reads more of the file, first dropping the bytes before keep, or
// making room, when the window is full.
func (w *window) more(keep int) error {
	if free := cap(w.buf) - len(w.buf); free < cap(w.buf)/2 && keep > w.base {
		n := copy(w.buf, w.buf[keep-w.base:])
		w.buf, w.base = w.buf[:n], keep
	}
	if len(w.buf) == cap(w.buf) {
		// The Cutter needs more than a window (a construct or a line
		// longer than that): the window grows.
		w.buf = slices.Grow(w.buf, len(w.buf))
	}
	return w.read()
}

// read fills the free room of the window, or up to the file's end.
func (w *window) read() error {
	n, err := io.ReadFull(w.r, w.buf[len(w.buf):cap(w.buf)])
	w.buf = w.buf[:len(w.buf)+n]
	switch err {
	case nil:
	case io.EOF, io.ErrUnexpectedEOF:
		w.eof = true
	default:
		return err
	}
	return nil
}

// readAll reads the rest of the file into the window, which holds the file
// from its start: the file is checked whole.
func (w *window) readAll() ([]byte, error) {
	for !w.eof {
		if len(w.buf) == cap(w.buf) {
			w.buf = slices.Grow(w.buf, max(len(w.buf), 512))
		}
		if err := w.read(); err != nil {
			return nil, err
		}
	}
	return w.buf, nil
}

// checkSections checks in sections the file in.Path, whose bytes w holds
// or reads. It returns nil when the file is to be checked whole: then w
// holds all of it. It returns an error only for a failing rule; a file
// that cannot be read gives a result with err set and no findings.
func (r *Run) checkSections(cfg *Config, g *glossary.Glossary, in Input, w *window, c *crew) (*fileResult, error) {
	if w.r != nil {
		if err := w.fill(); err != nil {
			return &fileResult{err: readError(in.Path, err)}, nil
		}
	}
	cutter := r.Sections.Cutter(in.Path, w.buf, SectionSize)
	if cutter == nil {
		return nil, nil
	}
	var (
		fr    fileResult
		carry any
		start int // of the section
		base  = sectionBase{path: in.Path}
	)
	for k := 0; ; k++ {
		cut, ok := cutter.Next(w.buf, w.base, w.eof)
		if !ok && !w.eof {
			if err := w.more(min(start, cutter.Keep())); err != nil {
				return &fileResult{err: readError(in.Path, err)}, nil
			}
			k--
			continue
		}
		if !ok && k == 0 {
			return nil, nil // no cut: w holds the whole file
		}
		end := w.base + len(w.buf)
		if ok {
			end = cut
		}
		key := sectionKey(in.Path, k)
		doc, next, err := r.Sections.Parse(in.Path, w.buf[start-w.base:end-w.base], k == 0, carry)
		if err != nil {
			return &fileResult{err: err}, nil
		}
		doc.Path = key
		carry = next
		b := base // a copy per section: run-level findings are placed later
		b.key = key
		sec, err := r.checkDoc(cfg, g, doc, in.Path, c, &b)
		if err != nil {
			return nil, err
		}
		fr.words += sec.words
		if len(sec.findings) > 0 {
			fr.chunks = append(fr.chunks, sec.findings)
		}
		for _, rule := range r.Rules {
			s, ok := sec.summaries.get(rule)
			if !ok {
				continue
			}
			have, _ := fr.summaries.get(rule)
			if rule.Merge != nil && len(have) == 1 {
				// One summary for the file, not one per section.
				var merged any
				if err := safely(rule, in.Path, func() error { merged = rule.Merge(have[0], s[0]); return nil }); err != nil {
					return nil, err
				}
				have[0] = merged
				continue
			}
			fr.summaries.set(rule, append(have, s...))
		}
		if fr.sections == nil {
			fr.sections = map[string]*sectionBase{}
		}
		fr.sections[key] = &b
		base.advance(doc.Text)
		doc.release()
		if !ok {
			return &fr, nil
		}
		start = cut
	}
}

// readError is the error of a file that could not be read to its end,
// naming the file.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}
