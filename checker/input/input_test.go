package input

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest/randtext"
)

// blocksOf renders the blocks of a parse as "kind: text" lines, the text
// taken from the masked form with runs of spaces collapsed.
func blocksOf(masked string, blocks []checker.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		t := strings.Join(strings.Fields(masked[bl.Start:bl.End]), " ")
		if bl.Kind == checker.Code {
			t = ""
		}
		fmt.Fprintf(&b, "%s: %s\n", bl.Kind, t)
	}
	return b.String()
}

// checkInvariants checks what every reader promises: the masked text has
// the text's length and line breaks, and the blocks are in order, do not
// overlap, lie inside the text and do not start or end with white space.
func checkInvariants(t *testing.T, txt, masked string, blocks []checker.Block) {
	t.Helper()
	if len(masked) != len(txt) {
		t.Fatalf("masked length %d, text length %d", len(masked), len(txt))
	}
	for i := 0; i < len(txt); i++ {
		if (txt[i] == '\n') != (masked[i] == '\n') {
			t.Fatalf("line break at %d not kept: %q → %q", i, txt[i], masked[i])
		}
		if masked[i] != txt[i] && masked[i] != ' ' {
			t.Fatalf("byte %d masked as %q, not a space", i, masked[i])
		}
	}
	prev := 0
	for _, b := range blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(txt) {
			t.Fatalf("block %v out of order or range (previous end %d)", b, prev)
		}
		if b.Kind != checker.Code && b.End > b.Start && (isSpaceByteAny(masked[b.Start]) || isSpaceByteAny(masked[b.End-1])) {
			t.Errorf("block %v %q not trimmed", b, masked[b.Start:b.End])
		}
		prev = b.End
	}
}

func TestPlainBlocks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only blank lines", "\n\n  \n", ""},
		{"one paragraph", "One sentence. Another one.\n", "paragraph: One sentence. Another one.\n"},
		{"hard-wrapped paragraph", "This paragraph is wrapped\nat a narrow width, as e-mail\nand old text files are.\n",
			"paragraph: This paragraph is wrapped at a narrow width, as e-mail and old text files are.\n"},
		{"title then paragraph", "A Title Above\n\nThe text begins here.\n",
			"heading: A Title Above\nparagraph: The text begins here.\n"},
		{"heading directly above", "First paragraph.\n\nMexican immigrants\nOn January 13 she waited outside.\n",
			"paragraph: First paragraph.\nheading: Mexican immigrants\nparagraph: On January 13 she waited outside.\n"},
		{"caption alone", "First paragraph.\n\nAlfredo Estrella/AFP, Getty Images\n\nSecond paragraph.\n",
			"paragraph: First paragraph.\ncaption: Alfredo Estrella/AFP, Getty Images\nparagraph: Second paragraph.\n"},
		{"caption at the end", "A paragraph.\n\nPhoto: Reuters\n", "paragraph: A paragraph.\ncaption: Photo: Reuters\n"},
		{"segment per line", "The first segment ends here.\nThe second one too!\nA short title\nAnd a third, which is a little longer.\n",
			"paragraph: The first segment ends here.\nparagraph: The second one too!\nheading: A short title\nparagraph: And a third, which is a little longer.\n"},
		{"wrapped, lines ending in titles", "This paragraph wraps at a fixed width so\nThat line ends look like titles. It goes\nOn like this.\n",
			"paragraph: This paragraph wraps at a fixed width so That line ends look like titles. It goes On like this.\n"},
		{"list items", "Bring:\n- a pen\n* some paper\n• a lamp\n1. first\n2) second\n",
			"paragraph: Bring:\nlist-item: a pen\nlist-item: some paper\nlist-item: a lamp\nlist-item: first\nlist-item: second\n"},
		{"wrapped list item", "- an item that goes on\n  over two lines.\n- another.\n",
			"list-item: an item that goes on over two lines.\nlist-item: another.\n"},
		{"a dash line is not an item", "Some text here.\n-\nMore text here.\n", "paragraph: Some text here. - More text here.\n"},
		{"CRLF", "Title Line\r\n\r\nA paragraph\r\nwrapped here.\r\n",
			"heading: Title Line\nparagraph: A paragraph wrapped here.\n"},
		{"BOM", "\uFEFFFirst line of text.\n", "paragraph: First line of text.\n"},
		{"URL and e-mail", "See https://example.com/a_b?x=1. Write to ann.lee@example.org today.\n",
			"paragraph: See . Write to today.\n"},
		{"underlined title and a rule", "Part One\n========\nIt begins.\n\n* * *\n\nIt ends.\n",
			"heading: Part One\nparagraph: It begins.\nparagraph: It ends.\n"},
		{"detokenised quote", "Title line\nHe said it was done. \"\nThe work goes on. ”\nShe left.\n",
			"heading: Title line\nparagraph: He said it was done. \"\nparagraph: The work goes on. ”\nparagraph: She left.\n"},
		{"credits", "Photo by Ann Lee, staff reporter\nThe bridge opened on Monday after two years of work.\nAlfredo Estrella/AFP\nCrowds gathered at both ends to watch the ceremony.\n",
			"caption: Photo by Ann Lee, staff reporter\nparagraph: The bridge opened on Monday after two years of work.\ncaption: Alfredo Estrella/AFP\nparagraph: Crowds gathered at both ends to watch the ceremony.\n"},
		{"no final newline", "Last paragraph without a break.", "paragraph: Last paragraph without a break.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			masked, blocks := plainParse(tt.in)
			checkInvariants(t, tt.in, masked, blocks)
			if got := blocksOf(masked, blocks); got != tt.want {
				t.Errorf("Plain(%q) blocks:\n%s\nwant:\n%s", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskLinks(t *testing.T) {
	tests := []struct {
		in   string
		mask []string // the parts masked, in order
	}{
		{"go to http://example.com now", []string{"http://example.com"}},
		{"(see https://en.wikipedia.org/wiki/Go_(game)).", []string{"https://en.wikipedia.org/wiki/Go_(game)"}},
		{"at www.example.com, or", []string{"www.example.com"}},
		{"mail bob@example.co.uk.", []string{"bob@example.co.uk"}},
		{"an @handle and a@b are not addresses", nil},
		{"ftp://x.org/a \"quoted\"", []string{"ftp://x.org/a"}},
		{"not a URL: a://b or ://x", nil},
		{"mid-word www.x is one, awww.x is not", []string{"www.x"}},
		{"<https://go.dev/doc>, 'http://a.b/c'", []string{"https://go.dev/doc", "http://a.b/c"}},
	}
	for _, tt := range tests {
		m := []byte(tt.in)
		MaskLinks(tt.in, m)
		want := tt.in
		off := 0
		for _, part := range tt.mask {
			k := strings.Index(want[off:], part) + off
			want = want[:k] + strings.Repeat(" ", len(part)) + want[k+len(part):]
			off = k + len(part)
		}
		if string(m) != want {
			t.Errorf("MaskLinks(%q) = %q, want %q", tt.in, m, want)
		}
	}
}

func TestBaseMask(t *testing.T) {
	in := "\uFEFFA\x00b\x7fc\xffd\u0085e\tf\r\n"
	got := string(baseMask(in))
	want := "   A b c d  e\tf\r\n"
	if got != want {
		t.Errorf("baseMask(%q) = %q, want %q", in, got, want)
	}
}

func TestParse(t *testing.T) {
	if _, err := Parse("a.bin", []byte("PK\x03\x04\x00\x00rest")); err == nil {
		t.Error("binary file: no SkipError")
	} else if _, ok := err.(*checker.SkipError); !ok {
		t.Errorf("binary file: error %T, want *checker.SkipError", err)
	}
	d, err := Parse("empty.txt", nil)
	if err != nil || len(d.Blocks) != 0 || len(d.Sentences) != 0 {
		t.Errorf("empty file: %v, %d blocks", err, len(d.Blocks))
	}
	d, err = Parse("notes.md", []byte("# Title\n\nText with `code`.\n"))
	if err != nil || len(d.Blocks) != 2 || d.Blocks[0].Kind != checker.Heading {
		t.Fatalf("Markdown by extension: %v, %v", err, d.Blocks)
	}
	if strings.Contains(d.Masked, "code") {
		t.Errorf("Markdown code span not masked: %q", d.Masked)
	}
	d, _ = Parse("notes.txt", []byte("# Title\n\nText with `code`.\n"))
	if !strings.Contains(d.Masked, "code") {
		t.Errorf("plain text read as Markdown: %q", d.Masked)
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "Caf\xe9 au lait. Ni\xc3ce \xf0\x9f\x98 day.\n"
	d := Plain("x.txt", []byte(in))
	checkInvariants(t, in, d.Masked, d.Blocks)
	for _, tok := range d.Tokens {
		if s := d.TokenText(tok); strings.ContainsRune(s, '\uFFFD') || !isValidUTF8(s) {
			t.Errorf("token %q holds invalid UTF-8", s)
		}
	}
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestPrintableASCII8(t *testing.T) {
	bytes := []byte{0, 0x09, 0x0a, 0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0xc3, 0xfe, 0xff}
	for _, b := range bytes {
		for pos := 0; pos < 8; pos++ {
			w := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			w[pos] = b
			var u uint64
			for i := 7; i >= 0; i-- {
				u = u<<8 | uint64(w[i])
			}
			want := b >= 0x20 && b < 0x7f
			if got := printableASCII8(u); got != want {
				t.Errorf("byte %#x at %d: %v, want %v", b, pos, got, want)
			}
		}
	}
}

// baseMask, eight bytes at a time where it can, blanks what a byte-by-byte
// reading blanks, for every byte value at every place.
func TestBaseMaskBytes(t *testing.T) {
	slow := func(s string) string {
		m := []byte(s)
		if strings.HasPrefix(s, "\uFEFF") {
			m[0], m[1], m[2] = ' ', ' ', ' '
		}
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
				m[i] = ' '
			case r >= 0x80 && r < 0xa0, r == '\uFEFF' && i > 0:
				blank(m, i, i+n)
			}
			i += n
		}
		return string(m)
	}
	base := []byte("ab\ncd ef\r\ngh\tij kl\nmn.\n")
	for c := 0; c < 256; c++ {
		for at := 0; at < len(base); at++ {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			for _, s := range []string{string(b), "é" + string(b), string(b) + "\u0085\uFEFF"} {
				if got, want := string(baseMask(s)), slow(s); got != want {
					t.Fatalf("baseMask(%q) = %q, want %q", s, got, want)
				}
				checkMaskLines(t, s)
			}
		}
	}
}

// checkMaskLines checks that baseMaskLines masks as baseMask does and finds
// the line starts that checker.LineStarts finds, and the lines made of them
// are splitLines's.
func checkMaskLines(t *testing.T, s string) {
	t.Helper()
	m, starts, cr := maskBase(nil, nil, s)
	if string(m) != string(baseMask(s)) {
		t.Fatalf("baseMaskLines(%q) masks %q, baseMask %q", s, m, baseMask(s))
	}
	if want := checker.LineStarts(s); !slices.Equal(starts, want) {
		t.Fatalf("baseMaskLines(%q) line starts %v, want %v", s, starts, want)
	}
	if cr != strings.Contains(s, "\r") {
		t.Fatalf("maskBase(%q) finds a CR: %v", s, cr)
	}
	if got, want := linesAt(nil, s, starts, cr), splitLines(s); !slices.Equal(got, want) {
		t.Fatalf("linesAt(%q) = %v, want %v", s, got, want)
	}
	if got, want := linesAt(nil, s, starts, true), splitLines(s); !slices.Equal(got, want) {
		t.Fatalf("linesAt(%q) looking for CRs = %v, want %v", s, got, want)
	}
}

// Line starts are found eight bytes at a time and byte by byte: newlines
// at every place of a word, after tabs, control and non-ASCII bytes.
func TestBaseMaskLines(t *testing.T) {
	for _, s := range []string{"", "\n", "\n\n", "a", "a\n", "\r\n", "a\r\nb\r\n", "\r", "x\r\r\n",
		"\uFEFF\n", "\uFEFFab\ncd", "é\nè\n\n", "\xff\n\xfe", "\t\n\t\n", "\u0085\n"} {
		checkMaskLines(t, s)
	}
	for n := 0; n < 40; n++ {
		for at := 0; at < n; at++ {
			for _, c := range []byte{'\n', '\t', 0x01, 0x80, 0xc3, ' '} {
				b := []byte(strings.Repeat("abcdefg\n", n/8+1)[:n])
				b[at] = c
				checkMaskLines(t, string(b))
				checkMaskLines(t, "é"+string(b)+"\n")
			}
		}
	}
}

// listMarker's quick rejection by the first byte agrees with the full
// test: every byte value first, after indentation, before the rest of
// each kind of marker.
func TestListMarkerFirstByte(t *testing.T) {
	full := func(t string) int { // listMarker without the quick rejection
		i := 0
		for i < len(t) && i < 8 && isSpaceOrTab(t[i]) {
			i++
		}
		rest := t[i:]
		switch {
		case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, "* "), strings.HasPrefix(rest, "+ "):
			i += 2
		case strings.HasPrefix(rest, "• "), strings.HasPrefix(rest, "· "), strings.HasPrefix(rest, "▪ "), strings.HasPrefix(rest, "◦ "):
			_, n := utf8.DecodeRuneInString(rest)
			i += n + 1
		default:
			d := 0
			for d < len(rest) && d < 3 && rest[d] >= '0' && rest[d] <= '9' {
				d++
			}
			if d == 0 || d+1 >= len(rest) || rest[d] != '.' && rest[d] != ')' || rest[d+1] != ' ' && rest[d+1] != '\t' {
				return 0
			}
			i += d + 2
		}
		for i < len(t) && isSpaceOrTab(t[i]) {
			i++
		}
		if i >= len(t) {
			return 0
		}
		return i
	}
	rng := rand.New(rand.NewPCG(109, 110))
	parts := []string{" ", " ", "  ", "    ", "\t", "-", "*", "+", "•", "1", "12", ".", ")", "x", "word", "é"}
	for range 100000 {
		s := randtext.Join(rng, parts, 10)
		if got, want := listMarker(s), full(s); got != want {
			t.Fatalf("listMarker(%q) = %d, want %d", s, got, want)
		}
	}
	tails := []string{"", " x", "- x", "* x", "+ x", "• x", "· x", "▪ x", "◦ x", "1. x", "12) x", "\u2022 x", "x"}
	for c := 0; c < 256; c++ {
		for _, indent := range []string{"", "  ", "\t"} {
			for _, tail := range tails {
				for _, s := range []string{indent + string([]byte{byte(c)}) + tail, indent + tail, indent + tail[min(1, len(tail)):]} {
					if got, want := listMarker(s), full(s); got != want {
						t.Fatalf("listMarker(%q) = %d, want %d", s, got, want)
					}
				}
			}
		}
	}
}

// printableLinesEnd stops at the first eight bytes, from i in steps of
// eight, that are not all printable ASCII or line breaks, and finds the
// line starts before them, as a byte-by-byte reading does.
func TestPrintableLinesEnd(t *testing.T) {
	slow := func(s string, i int) (int, []int) {
		var starts []int
		for ; i+8 <= len(s); i += 8 {
			for _, c := range []byte(s[i : i+8]) {
				if (c < 0x20 || c >= 0x7f) && c != '\n' {
					return i, starts
				}
			}
			for k, c := range []byte(s[i : i+8]) {
				if c == '\n' {
					starts = append(starts, i+k+1)
				}
			}
		}
		return i, starts
	}
	base := strings.Repeat("abc\nefgh ", 4)
	for n := 0; n <= len(base); n++ {
		for at := -1; at < n; at++ {
			for _, c := range []byte{'\n', '\t', '\r', 0, 0x1f, 0x2a, 0x7e, 0x7f, 0x80, 0xff} {
				b := []byte(base[:n])
				if at >= 0 {
					b[at] = c
				}
				for i := 0; i <= min(n, 3); i++ {
					starts := make([]int, 1+strings.Count(string(b), "\n"))
					got, k := printableLinesEnd(string(b), i, starts, 0)
					want, wantStarts := slow(string(b), i)
					if got != want || !slices.Equal(starts[:k], wantStarts) {
						t.Fatalf("printableLinesEnd(%q, %d) = %d, %v; want %d, %v", b, i, got, starts[:k], want, wantStarts)
					}
				}
			}
		}
	}
}

// TestLineHead checks lineHead against its plain definition (isRuleLine,
// isBlankLine and the first byte that is no space, tab or CR), on random
// lines of spaces, marks and letters, with some bytes blanked in the
// masked form as masking blanks them.
func TestLineHead(t *testing.T) {
	rng := rand.New(rand.NewPCG(101, 102))
	parts := []string{" ", " ", "        ", "\t", "\r", "-", "=", "*", "+", "a", "\x01", "é"}
	for range 100000 {
		line := randtext.Join(rng, parts, 10)
		m := baseMask(line)
		for k := range m {
			if rng.IntN(8) == 0 && m[k] != '\r' {
				m[k] = ' '
			}
		}
		head, rule := lineHead(line, m)
		wantRule := isRuleLine(line)
		var wantHead byte
		if !wantRule {
			wantHead = firstNonSpace(m)
		}
		if rule != wantRule || head != wantHead {
			t.Fatalf("lineHead(%q, %q) = %q, %v; want %q, %v", line, m, head, rule, wantHead, wantRule)
		}
	}
}

// firstNonSpace returns the first byte of mt that is no space, tab or
// CR, or 0 when there is none (mt is blank).
func firstNonSpace(mt []byte) byte {
	for _, c := range mt {
		if c != ' ' && c != '\t' && c != '\r' {
			return c
		}
	}
	return 0
}

// TestWordCount checks wordCount, eight bytes at a time, against a byte by
// byte count, on random lines of words, spaces and tabs, long enough to
// pass 15 words.
func TestWordCount(t *testing.T) {
	slow := func(t string) int {
		n := 0
		in := false
		for i := 0; i < len(t) && n <= 14; i++ {
			sp := t[i] == ' ' || t[i] == '\t'
			if !sp && !in {
				n++
			}
			in = !sp
		}
		return n
	}
	rng := rand.New(rand.NewPCG(103, 104))
	parts := []string{" ", "  ", "\t", "a", "bc", "déf", "\r", "-"}
	for range 50000 {
		line := randtext.Join(rng, parts, 60)
		if got, want := wordCount(line), slow(line); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", line, got, want)
		}
		// isTitleLine counts no words in a line of 28 bytes or less.
		if len(line) <= 28 && slow(line) > 14 {
			t.Fatalf("%q: %d words in %d bytes", line, slow(line), len(line))
		}
	}
	if n := slow(strings.Repeat("a ", 14) + "a"); n != 15 {
		t.Errorf("%d words in 29 bytes, want 15", n)
	}
}

// TestLowerHeadASCII checks lowerHeadASCII against strings.ToLower.
func TestLowerHeadASCII(t *testing.T) {
	for _, s := range []string{"", "A", "Photo: AFP", "BY JOHN SMITH AND OTHERS", "Éric", "PHOTO ©", "abcdefghijklmnopQRST", "ABCDEFGHIJKLMNOPÉ", "İMAGE"} {
		var buf [16]byte
		n, ok := lowerHeadASCII(&buf, s)
		if n != min(len(s), 16) || ok != isASCIIText(s[:n]) {
			t.Fatalf("lowerHeadASCII(%q) = %d, %v", s, n, ok)
		}
		if ok && string(buf[:n]) != strings.ToLower(s[:n]) {
			t.Errorf("lowerHeadASCII(%q) wrote %q, want %q", s, buf[:n], strings.ToLower(s[:n]))
		}
	}
}

func isASCIIText(s string) bool {
	for _, c := range []byte(s) {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// TestLineHeads checks what plainBlocks concludes from the head of a
// line, on random masked lines: a head that starts no marker has no list
// marker; a head that cannot start a sentence has no break before it.
func TestLineHeads(t *testing.T) {
	rng := rand.New(rand.NewPCG(111, 112))
	parts := []string{" ", " ", "        ", "\t", "\r", "-", "=", "*", "+", "a", "A", "1", "12", ".", ")", "(", "\"", "'", "\x01", "é", "É", "•", "\u00a0", "x y"}
	heads := 0
	for range 200000 {
		line := randtext.Join(rng, parts, 8)
		m := baseMask(line)
		h := firstNonSpace(m)
		if (h == 0) != isBlankLine(m) {
			t.Fatalf("firstNonSpace(%q) = %q, isBlankLine %v", m, h, isBlankLine(m))
		}
		ms := string(m)
		if !markerStart[h] && listMarker(ms) != 0 {
			t.Fatalf("listMarker(%q) = %d, head %q starts no marker", ms, listMarker(ms), h)
		}
		if h != 0 && !mayBreakBefore[h] {
			heads++
			for _, prev := range []string{"", "a", "A short line", strings.Repeat("word ", 20)} {
				for _, width := range []int{0, 10, 40, 100, 1000} {
					if isBrokenBefore(prev, ms, width) {
						t.Fatalf("isBrokenBefore(%q, %q, %d), head %q", prev, ms, width, h)
					}
				}
			}
		}
	}
	if heads < 10000 {
		t.Errorf("only %d lines had a head that starts no sentence", heads)
	}
}

// TestIndexMarker checks indexMarker against strings.Index on random text
// rich in colons and slashes.
func TestIndexMarker(t *testing.T) {
	rng := rand.New(rand.NewPCG(105, 106))
	parts := []string{":", "/", "//", "://", "w", "www.", ".", "a", " "}
	for range 50000 {
		s := randtext.Join(rng, parts, 12)
		for _, marker := range []string{"://", "www."} {
			if got, want := indexMarker(s, marker), strings.Index(s, marker); got != want {
				t.Fatalf("indexMarker(%q, %q) = %d, want %d", s, marker, got, want)
			}
		}
	}
}

// TestEndsSentenceTrailingSpace checks that endsSentence passes over the
// spaces and tabs at the end of a line itself, as its callers rely on.
func TestEndsSentenceTrailingSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(107, 108))
	parts := []string{" ", "\t", ".", ":", "!", "?", "a", "\"", ")", "”", "…", "\u00a0", "é"}
	for range 50000 {
		s := randtext.Join(rng, parts, 8)
		if got, want := endsSentence(s), endsSentence(strings.TrimRight(s, " \t")); got != want {
			t.Fatalf("endsSentence(%q) = %v, but %v without the trailing spaces", s, got, want)
		}
	}
}

// TestIsRuleLine checks isRuleLine, which passes runs of a mark eight
// bytes at a time, against a byte-by-byte reading, on random lines rich
// in long runs of marks.
func TestIsRuleLine(t *testing.T) {
	slow := func(t string) bool {
		var ch byte
		n := 0
		for i := 0; i < len(t); i++ {
			switch c := t[i]; {
			case c == ' ' || c == '\t' || c == '\r':
			case strings.IndexByte("=-*_~#+", c) >= 0:
				if ch != 0 && c != ch {
					return false
				}
				ch = c
				n++
			default:
				return false
			}
		}
		return n >= 3
	}
	rng := rand.New(rand.NewPCG(113, 114))
	parts := []string{" ", "\t", "\r", "-", "--", "--------", "-----------", "=", "==========", "*", "+", "a", "é"}
	rules := 0
	for range 100000 {
		s := randtext.Join(rng, parts, 8)
		if got, want := isRuleLine(s), slow(s); got != want {
			t.Fatalf("isRuleLine(%q) = %v, want %v", s, got, want)
		} else if got {
			rules++
		}
	}
	if rules < 1000 {
		t.Errorf("only %d rules", rules)
	}
}

// TestCreditPrefixesBy checks that creditPrefixesBy holds every credit
// prefix under its first byte, and nothing else: a line starts with a
// prefix only if it is among those of its first byte.
func TestCreditPrefixesBy(t *testing.T) {
	n := 0
	for c, ps := range creditPrefixesBy {
		for _, p := range ps {
			if p[0] != byte(c) || !slices.Contains(creditPrefixes, p) {
				t.Errorf("creditPrefixesBy[%q] holds %q", byte(c), p)
			}
			n++
		}
	}
	if n != len(creditPrefixes) {
		t.Errorf("creditPrefixesBy holds %d prefixes, want %d", n, len(creditPrefixes))
	}
}

// TestAppendParagraph checks appendParagraph, which answers from the
// heads of lines, against a reading that asks listMarker and isItemStart
// of every line, on random paragraphs rich in list markers.
func TestAppendParagraph(t *testing.T) {
	slow := func(blocks []checker.Block, markers []checker.Span, s string, ls []line, heads []byte) ([]checker.Block, []checker.Span) {
		for len(ls) > 0 {
			if w := listMarker(s[ls[0].start:ls[0].end]); w > 0 {
				markers = append(markers, spanOf(ls[0].start, ls[0].start+w))
				n := 1
				for n < len(ls) && !isItemStart(s, ls[n-1], ls[n], true) && !endsSentence(s[ls[n-1].start:ls[n-1].end]) {
					n++
				}
				blocks = append(blocks, trimmedBlock(s, ls[0].start+w, ls[n-1].end, checker.ListItem))
				ls, heads = ls[n:], heads[n:]
				continue
			}
			n := 1
			for n < len(ls) && !isItemStart(s, ls[n-1], ls[n], false) {
				n++
			}
			blocks = appendLines(blocks, s, ls[:n], heads[:n])
			ls, heads = ls[n:], heads[n:]
		}
		return blocks, markers
	}
	rng := rand.New(rand.NewPCG(115, 116))
	parts := []string{" ", "  ", "\t", "- ", "* ", "• ", "1. ", "12) ", "-", "Word", "word", "The end.", ":", "é", "(A)", "x"}
	items := 0
	for range 20000 {
		var b strings.Builder
		for k := 1 + rng.IntN(6); k > 0; k-- {
			line := randtext.Join(rng, parts, 6)
			if strings.TrimSpace(line) == "" {
				line += "x"
			}
			b.WriteString(line + "\n")
		}
		s := b.String()
		m, starts, cr := maskBase(nil, nil, s)
		ls := linesAt(nil, s, starts, cr)
		heads := make([]byte, len(ls))
		for i, l := range ls {
			heads[i], _ = lineHead(s[l.start:l.end], m[l.start:l.end])
		}
		if slices.ContainsFunc(heads, func(h byte) bool { return h <= headRule }) {
			continue // a rule: no paragraph holds one
		}
		gotB, gotM := appendParagraph(nil, nil, string(m), ls, heads)
		wantB, wantM := slow(nil, nil, string(m), ls, heads)
		if !slices.Equal(gotB, wantB) || !slices.Equal(gotM, wantM) {
			t.Fatalf("appendParagraph(%q) = %v, %v; want %v, %v", s, gotB, gotM, wantB, wantM)
		}
		items += len(gotM)
	}
	if items < 5000 {
		t.Errorf("only %d list items", items)
	}
}

// TestBlank checks blank, eight bytes at a time where it can, against a
// byte-by-byte blanking, on random spans of text with line breaks.
func TestBlank(t *testing.T) {
	slow := func(m []byte, from, to int) {
		for i := from; i < to; i++ {
			if m[i] != '\n' && m[i] != '\r' {
				m[i] = ' '
			}
		}
	}
	rng := rand.New(rand.NewPCG(117, 118))
	parts := []string{"a", "word ", "-----------", "\n", "\r\n", "\r", "\t", "é"}
	for range 50000 {
		s := randtext.Join(rng, parts, 12)
		from := rng.IntN(len(s) + 1)
		to := from + rng.IntN(len(s)-from+1)
		got, want := []byte(s), []byte(s)
		blank(got, from, to)
		slow(want, from, to)
		if !bytes.Equal(got, want) {
			t.Fatalf("blank(%q, %d, %d) = %q, want %q", s, from, to, got, want)
		}
	}
}

// TestEndsSentence checks endsSentence, which classifies the last byte by
// table, against a chain of tests on it, on random line ends of every
// byte value and of the closing marks and punctuation.
func TestEndsSentence(t *testing.T) {
	slow := func(t string) bool {
		for len(t) > 0 {
			c := t[len(t)-1]
			switch {
			case c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '\t':
				t = t[:len(t)-1]
				continue
			case c == '.' || c == '!' || c == '?' || c == ':':
				return true
			case c < utf8.RuneSelf:
				return false
			}
			r, n := utf8.DecodeLastRuneInString(t)
			switch r {
			case '”', '’', '»', '」', '』', '\u00a0':
				t = t[:len(t)-n]
				continue
			case '…', '。', '！', '？':
				return true
			}
			return false
		}
		return false
	}
	rng := rand.New(rand.NewPCG(119, 120))
	parts := []string{" ", "\t", ".", ":", "!", "?", ";", "a", "\"", "'", ")", "]", "”", "’", "»", "」", "』", "…", "。", "！", "？", "\u00a0", "é", "\xe2", "\x80"}
	for c := 0; c < 256; c++ {
		for range 200 {
			s := randtext.Join(rng, parts, 4) + string([]byte{byte(c)}) + randtext.Join(rng, parts, 4)
			if got, want := endsSentence(s), slow(s); got != want {
				t.Fatalf("endsSentence(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// splitLines returns the lines of s, the plain definition of linesAt's: a
// final line break does not start a line. "\r\n" and "\n" end lines.
func splitLines(s string) []line {
	var out []line
	for start := 0; start < len(s); {
		i := strings.IndexByte(s[start:], '\n')
		next := len(s)
		end := len(s)
		if i >= 0 {
			end = start + i
			next = end + 1
		}
		if end > start && s[end-1] == '\r' {
			end--
		}
		out = append(out, line{start, end})
		start = next
	}
	return out
}
