package input

import (
	"strings"
	"unicode/utf8"

	"github.com/mtlint/mtlint/checker"
)

// Plain reads plain text. Paragraphs are separated by blank lines. A short
// line with no final punctuation is a heading when a paragraph follows it
// directly, and a caption when it stands alone.
func Plain(path string, data []byte) *checker.Document {
	txt := string(data)
	masked := string(baseMask(txt))
	blocks := plainBlocks(masked)
	return checker.NewDocument(path, txt, masked, blocks, nil)
}

type line struct{ start, end int } // end excludes the line break

func splitLines(s string) []line {
	var out []line
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			end := i
			if end > start && s[end-1] == '\r' {
				end--
			}
			if i < len(s) || start < len(s) {
				out = append(out, line{start, end})
			}
			start = i + 1
		}
	}
	return out
}

func plainBlocks(s string) []checker.Block {
	var blocks []checker.Block
	lines := splitLines(s)
	blank := func(l line) bool { return strings.TrimSpace(s[l.start:l.end]) == "" }
	for i := 0; i < len(lines); {
		if blank(lines[i]) {
			i++
			continue
		}
		j := i
		for j < len(lines) && !blank(lines[j]) {
			j++
		}
		// lines[i:j] is a paragraph. Short unpunctuated lines at its
		// start are headings (or a caption when alone).
		k := i
		for k < j && isTitleLine(s[lines[k].start:lines[k].end]) {
			kind := checker.Heading
			if j-i == 1 {
				kind = checker.Caption
			}
			blocks = append(blocks, checker.Block{Span: checker.Span{Start: lines[k].start, End: lines[k].end}, Kind: kind})
			k++
		}
		if k < j {
			blocks = append(blocks, paragraphBlocks(s, lines[k:j])...)
		}
		i = j
	}
	return blocks
}

// paragraphBlocks returns one block for a hard-wrapped paragraph, or one per
// line when every line is a unit of its own (one segment per line, as
// translation tools write).
func paragraphBlocks(s string, ls []line) []checker.Block {
	if len(ls) == 1 || !segmentPerLine(s, ls) {
		return []checker.Block{{Span: checker.Span{Start: ls[0].start, End: ls[len(ls)-1].end}, Kind: checker.Paragraph}}
	}
	var out []checker.Block
	for _, l := range ls {
		kind := checker.Paragraph
		if isTitleLine(s[l.start:l.end]) {
			kind = checker.Caption
		}
		out = append(out, checker.Block{Span: checker.Span{Start: l.start, End: l.end}, Kind: kind})
	}
	return out
}

// segmentPerLine reports whether the lines look like one unit each rather
// than a wrapped paragraph: most lines end a sentence.
func segmentPerLine(s string, ls []line) bool {
	ends := 0
	for _, l := range ls {
		t := strings.TrimRight(s[l.start:l.end], " \t")
		if endsSentence(t) || isTitleLine(t) {
			ends++
		}
	}
	return ends*10 >= len(ls)*8
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, "\"'”’)]»")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.HasSuffix(t, "…") || strings.HasSuffix(t, ":")
}

// isTitleLine reports whether a line reads as a heading or caption: short,
// not ending in sentence punctuation or a comma.
func isTitleLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > 90 {
		return false
	}
	if endsSentence(t) || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
		return false
	}
	return len(strings.Fields(t)) <= 14
}
