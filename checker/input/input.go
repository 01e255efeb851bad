// Package input turns files into checker Documents: it decodes the bytes,
// masks what must never be checked, and finds the blocks (paragraphs,
// headings, captions, list items, code).
package input

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// sniffLen is how much of a file is looked at to decide it is binary.
const sniffLen = 8000

// Parse builds a Document from a file's bytes, choosing the reader by the
// file's extension (Markdown for .md and .markdown, plain text otherwise).
// A binary file (a NUL byte near the start) gives a *checker.SkipError.
func Parse(path string, data []byte) (*checker.Document, error) {
	if IsBinary(data) {
		return nil, &checker.SkipError{Path: path, Reason: "binary file"}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown(path, data), nil
	}
	return Plain(path, data), nil
}

// IsBinary reports whether data looks binary: a NUL byte in its first 8000
// bytes, as git decides.
func IsBinary(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// baseMask returns the text with a leading BOM, invalid UTF-8 bytes and
// control characters (except tab, CR, LF) blanked, same length.
func baseMask(s string) []byte {
	m := []byte(s)
	if strings.HasPrefix(s, "\uFEFF") {
		m[0], m[1], m[2] = ' ', ' ', ' '
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				m[i] = ' '
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			m[i] = ' '
		}
		i += n
	}
	return m
}
