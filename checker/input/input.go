// Package input turns files into checker Documents: it decodes the bytes,
// masks what must never be checked, and finds the blocks (paragraphs,
// headings, captions, list items, table cells, code).
//
// Masking replaces bytes with spaces and keeps line breaks, so a masked
// text has exactly the length of the original and every offset is shared.
package input

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/mtlint/mtlint/checker"
)

// sniffLen is how much of a file is looked at to decide it is binary.
const sniffLen = 8000

// Parse builds a Document from a file's bytes, choosing the reader by the
// file's extension (Markdown for .md, .markdown, .mdown and .mkd, plain
// text otherwise). A binary file (a NUL byte near the start) gives a
// *checker.SkipError. The Document's text is data itself, not a copy:
// the caller must not modify data once it is parsed (so it is for Plain
// and Markdown too).
func Parse(path string, data []byte) (*checker.Document, error) {
	if IsBinary(data) {
		return nil, &checker.SkipError{Path: path, Reason: "binary file"}
	}
	if IsMarkdown(path) {
		return Markdown(path, data), nil
	}
	return Plain(path, data), nil
}

// IsMarkdown reports whether path names a Markdown file, by its extension.
func IsMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// IsBinary reports whether data looks binary: a NUL byte in its first 8000
// bytes, as git decides.
func IsBinary(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// baseMask returns a copy of s with a leading byte-order mark, invalid UTF-8
// and control characters (except tab, CR and LF) blanked.
func baseMask(s string) []byte {
	m, _, _ := maskBase(nil, nil, s)
	return m
}

// baseMaskLines is baseMask that also returns the line starts of s (see
// checker.LineStarts), found on the same pass over the bytes.
func baseMaskLines(s string) ([]byte, []int) {
	m, starts, _ := maskBase(nil, nil, s)
	return m, starts
}

// maskBase is baseMaskLines building the masked copy in m and the line
// starts in starts, from their length 0 (nil for new slices). It also
// reports whether s holds a CR.
func maskBase(m []byte, starts []int, s string) (_ []byte, _ []int, cr bool) {
	m = append(m[:0], s...)
	// Counted first, for one exact allocation that the scan below fills
	// by index: a count is much cheaper than the scan.
	n := 1 + strings.Count(s, "\n")
	starts = reuse(starts, n)[:n]
	starts[0] = 0
	k := 1 // the line starts found
	if strings.HasPrefix(s, "\uFEFF") {
		m[0], m[1], m[2] = ' ', ' ', ' '
	}
	for i := 0; i < len(s); {
		// Eight bytes of printable ASCII or line breaks at a time, the
		// common case.
		i, k = printableLinesEnd(s, i, starts, k)
		// The eight bytes at i are not all printable ASCII or line
		// breaks: read one by one (the scan would stop again at each).
		for stop := min(i+8, len(s)); i < stop; {
			c := s[i]
			if c >= 0x20 && c < 0x7f {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
					m[i] = ' '
				} else if c == '\n' {
					starts[k] = i + 1
					k++
				} else if c == '\r' {
					cr = true
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				m[i] = ' '
			case r >= 0x80 && r < 0xa0, r == '\uFEFF': // C1 controls, a stray BOM
				blank(m, i, i+n)
			}
			i += n
		}
	}
	return m, starts[:k], cr
}

// ownedString returns m as a string without copying it: a masked text is
// as large as the input, and a copy of it cost time and memory. This is
// safe because the string shares m's memory and the caller hands m over:
// it writes m again only once it no longer reads a string made before
// (plainBlocks blanks list markers after classifying every line, then
// makes the string it returns anew), and nothing writes m once the
// returned string exists.
func ownedString(m []byte) string {
	return unsafe.String(unsafe.SliceData(m), len(m))
}

// sharedString returns data as a string without copying it: a Document's
// text is as large as the input. The caller must not modify data again.
func sharedString(data []byte) string {
	return unsafe.String(unsafe.SliceData(data), len(data))
}

// reuse returns s emptied when it has room for n elements, else a new
// slice of capacity n.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// printableLinesEnd returns the first offset from i, i plus a multiple of
// eight, at which the next eight bytes of s are not all printable ASCII or
// line breaks, or fewer than eight bytes are left. It writes the starts of
// the lines those it passed end to starts from index k, and returns the
// new k. Most lines of prose end within a run of printable bytes, and are
// passed over without leaving the loop. It is the inner loop of maskBase,
// in a function of its own so that its few variables stay in registers.
//
// The bytes are read through a pointer: their bounds are checked in the
// loop's condition, not again for the load.
func printableLinesEnd(s string, i int, starts []int, k int) (int, int) {
	if i < 0 {
		panic("input: printableLinesEnd before the start")
	}
	p := unsafe.Pointer(unsafe.StringData(s))
	for i+8 <= len(s) {
		b := (*[8]byte)(unsafe.Add(p, i))
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if !printableASCII8(w) {
			nl := newlineBytes(w)
			if nl == 0 || !printableASCII8(w|nl>>2) { // '\n'|0x20 == '*'
				break
			}
			for ; nl != 0; nl &= nl - 1 {
				starts[k] = i + bits.TrailingZeros64(nl)/8 + 1
				k++
			}
		}
		i += 8
	}
	return i, k
}

// load64 returns the eight bytes of s at i as a little-endian number
// (one load: the compiler merges the byte loads).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// printableASCII8 reports whether the eight bytes of w are all printable
// ASCII (0x20 to 0x7e).
func printableASCII8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - 0x20*ones) &^ w // a byte under 0x20
	return (w|(w+ones)|below)&highs == 0
}

// newlineBytes returns the high bit of each byte of w that is '\n' set,
// all else clear.
func newlineBytes(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w ^ '\n'*ones // zero where w has a '\n'
	// The high bit of each byte of x that is zero, exactly: with the
	// high bits cleared no sum carries into the next byte.
	return ^((x&^highs + 0x7f*ones) | x) & highs
}

// blank replaces m[from:to] with spaces, keeping line breaks. It writes
// eight bytes at a time (code blocks, rules and links are long runs).
func blank(m []byte, from, to int) {
	const spaces = ' ' * 0x0101010101010101
	i := from
	for ; i+8 <= to; i += 8 {
		w := binary.LittleEndian.Uint64(m[i:])
		// 0xff in the bytes to keep, LF and CR: each high bit times
		// 0xff/0x80 fills its byte, without a carry.
		keep := (newlineBytes(w) | byteIs(w, '\r')) >> 7 * 0xff
		binary.LittleEndian.PutUint64(m[i:], w&keep|spaces&^keep)
	}
	for ; i < to; i++ {
		if m[i] != '\n' && m[i] != '\r' {
			m[i] = ' '
		}
	}
}

// MaskLinks blanks in m every URL (scheme://…, www.…) and e-mail address
// found in s, so that no rule reads a host name as a word or a name. m must
// have the length of s.
func MaskLinks(s string, m []byte) {
	maskURLs(s, m, "://")
	maskURLs(s, m, "www.")
	maskEmails(s, m)
}

func maskURLs(s string, m []byte, marker string) {
	for off := 0; ; {
		k := indexMarker(s[off:], marker)
		if k < 0 {
			return
		}
		k += off
		start := k
		if marker == "://" {
			for start > 0 && isSchemeByte(s[start-1]) {
				start--
			}
			for start < k && !isLetter(s[start]) { // a scheme starts with a letter
				start++
			}
			if k-start < 2 {
				off = k + len(marker)
				continue
			}
		} else if start > 0 && !isURLStart(s[start-1]) {
			off = k + len(marker)
			continue
		}
		end := urlEnd(s, k+len(marker))
		if end > k+len(marker) {
			blank(m, start, end)
		}
		off = end
		if off <= k {
			off = k + len(marker)
		}
	}
}

// indexMarker is strings.Index(s, marker) for the markers of maskURLs.
// "://" is found by its slashes: a slash is much rarer than a colon in
// most text, and strings.Index stops at every colon.
func indexMarker(s, marker string) int {
	if marker != "://" {
		return strings.Index(s, marker)
	}
	for off := 1; off < len(s); {
		k := strings.IndexByte(s[off:], '/')
		if k < 0 {
			return -1
		}
		k += off
		if s[k-1] == ':' && k+1 < len(s) && s[k+1] == '/' {
			return k - 1
		}
		off = k + 1
	}
	return -1
}

// urlEnd returns where a URL whose body starts at i ends: at white space or
// a delimiter, without trailing punctuation or an unbalanced closing bracket.
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == 0x7f {
			break
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError || r == '\u00a0' || r == '“' || r == '”' || r == '«' || r == '»' || r == '…' {
				break
			}
			j += n
			continue
		}
		j++
	}
	// Balance of brackets in s[i:j], counted once and updated as j moves.
	parens := strings.Count(s[i:j], "(") - strings.Count(s[i:j], ")")
	squares := strings.Count(s[i:j], "[") - strings.Count(s[i:j], "]")
	for j > i {
		switch c := s[j-1]; {
		case strings.IndexByte(".,;:!?'*_", c) >= 0:
		case c == ')' && parens < 0:
			parens++
		case c == ']' && squares < 0:
			squares++
		default:
			return j
		}
		j--
	}
	return j
}

func maskEmails(s string, m []byte) {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], '@')
		if k < 0 {
			return
		}
		k += off
		off = k + 1
		start := k
		for start > 0 && isLocalByte(s[start-1]) {
			start--
		}
		end := k + 1
		dots := 0
		for end < len(s) && (isAlnum(s[end]) || s[end] == '-' || s[end] == '.') {
			if s[end] == '.' {
				dots++
			}
			end++
		}
		for end > k+1 && (s[end-1] == '.' || s[end-1] == '-') {
			if s[end-1] == '.' {
				dots--
			}
			end--
		}
		if start == k || end == k+1 || dots == 0 {
			continue
		}
		blank(m, start, end)
		off = end
	}
}

func isLetter(c byte) bool         { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool          { return isLetter(c) || c >= '0' && c <= '9' }
func isSchemeByte(c byte) bool     { return isAlnum(c) || c == '+' || c == '-' || c == '.' }
func isLocalByte(c byte) bool      { return isAlnum(c) || strings.IndexByte(".!#$%&'*+/=?^_{|}~-", c) >= 0 }
func isURLStart(c byte) bool       { return !isAlnum(c) && c != '.' && c != '-' && c != '_' && c != '@' }
func isSpaceOrTab(c byte) bool     { return c == ' ' || c == '\t' }
func spanOf(a, b int) checker.Span { return checker.Span{Start: a, End: b} }

// isBlankLine reports whether s holds only spaces, tabs and CRs.
func isBlankLine[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
