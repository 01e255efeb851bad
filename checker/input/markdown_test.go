package input

import (
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
)

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraphs", "One line\nwrapped.\n\nTwo.\n", "paragraph: One line wrapped.\nparagraph: Two.\n"},
		{"ATX headings", "# Title #\n## Sub\n#hashtag is text\n", "heading: Title\nheading: Sub\nparagraph: #hashtag is text\n"},
		{"setext heading", "Big Title\n=========\nText.\n\nSmall\n-----\n", "heading: Big Title\nparagraph: Text.\nheading: Small\n"},
		{"thematic break", "Text.\n\n***\n- - -\nMore.\n", "paragraph: Text.\nparagraph: More.\n"},
		{"YAML front matter", "---\ntitle: Nayib Bukele\n---\nText.\n", "code: \nparagraph: Text.\n"},
		{"TOML front matter", "+++\ntitle = \"X\"\n+++\n\nText.\n", "code: \nparagraph: Text.\n"},
		{"no front matter closing", "---\nText.\n", "paragraph: Text.\n"},
		{"fenced code", "Before.\n```go\nfmt.Println(\"Bukele\")\n```\nAfter.\n", "paragraph: Before.\ncode: \nparagraph: After.\n"},
		{"tilde fence, longer close", "~~~\ncode\n~~~~~\nAfter.\n", "code: \nparagraph: After.\n"},
		{"unclosed fence", "```\ncode\nmore code\n", "code: \n"},
		{"indented code", "Text.\n\n    code line\n    more\n\nAfter.\n", "paragraph: Text.\ncode: \nparagraph: After.\n"},
		{"indented continuation is text", "Text that\n    goes on.\n", "paragraph: Text that goes on.\n"},
		{"bullets", "- one\n- two\n  wrapped\n* three\n+ four\n", "list-item: one\nlist-item: two wrapped\nlist-item: three\nlist-item: four\n"},
		{"ordered", "1. one\n2. two\n10) ten\n", "list-item: one\nlist-item: two\nlist-item: ten\n"},
		{"task list", "- [ ] todo\n- [x] done\n", "list-item: todo\nlist-item: done\n"},
		{"nested list", "- outer\n  - inner\n- next\n", "list-item: outer\nlist-item: inner\nlist-item: next\n"},
		{"item's second paragraph", "- one\n\n  more of one\n\nAfter.\n", "list-item: one\nlist-item: more of one\nparagraph: After.\n"},
		{"number in a paragraph", "It was in\n2024. A year.\n", "paragraph: It was in 2024. A year.\n"},
		{"block quote", "> Quoted text\n> on two lines.\n>\n> > Nested.\n", "paragraph: Quoted text on two lines.\nparagraph: Nested.\n"},
		{"table", "| Name | Role |\n|---|:---:|\n| Ann | Chair |\n| `a|b` | x \\| y |\n\nAfter.\n",
			"table-cell: Name\ntable-cell: Role\ntable-cell: Ann\ntable-cell: Chair\ntable-cell: x | y\nparagraph: After.\n"},
		{"pipe without table", "A | B\nno delimiter row.\n", "paragraph: A | B no delimiter row.\n"},
		{"link reference definition", "[id]: https://example.com \"T\"\nText [here][id].\n", "paragraph: Text here .\n"},
		{"HTML comment block", "<!--\nhidden Bukele\n-->\nText.\n", "paragraph: Text.\n"},
		{"script and pre", "Text.\n<script>\nvar Bukele = 1;\n</script>\n<PRE class=\"x\">\n  laid out\n</pre>\nAfter.\n", "paragraph: Text.\ncode: \nparagraph: After.\n"},
		{"HTML block tags", "<div align=\"center\">\nCentred text.\n</div>\n", "paragraph: Centred text.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			masked, blocks, _ := markdownParse(tt.in)
			checkInvariants(t, tt.in, masked, blocks)
			if got := blocksOf(masked, blocks); got != tt.want {
				t.Errorf("Markdown(%q) blocks:\n%s\nwant:\n%s", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		in   string
		mask []string // the parts masked, in order; the rest stays
	}{
		{"Some **bold** and *italic* and _this_.", []string{"**", "**", "*", "*", "_", "_"}},
		{"A `code span` and ``a ` tick``.", []string{"`code span`", "``a ` tick``"}},
		{"A [link text](https://x.org/a_(b) \"A title\") here.", []string{"[", "](https://x.org/a_(b) \"A title\")"}},
		{"An ![alt text](a.png) image.", []string{"![alt text](a.png)"}},
		{"A [ref link][id] and [shortcut].", []string{"[", "][id]"}},
		{"Mail <ann@example.org> or <https://go.dev/x>.", []string{"<ann@example.org>", "<https://go.dev/x>"}},
		{"An <em class=\"a\">HTML</em> tag, a <br/> and <!-- a comment -->.", []string{"<em class=\"a\">", "</em>", "<br/>", "<!-- a comment -->"}},
		{"Not tags: a < b > c, 1<2, x <- y.", nil},
		{"Escaped \\* and \\_ stay.", []string{"\\", "\\"}},
		{"snake_case_name and 2*3 and a * b stay.", nil},
		{"~~struck~~ but ~one~ stays.", []string{"~~", "~~"}},
		{"AT&amp;T&nbsp;and &#8212; &#x2014; but & and &x and &#; stay.", []string{"&amp;", "&nbsp;", "&#8212;", "&#x2014;"}},
		{"A footnote[^note] here.", []string{"[^note]"}},
		{"Plain https://example.com/path and me@example.com.", []string{"https://example.com/path", "me@example.com"}},
	}
	for _, tt := range tests {
		masked, _, _ := markdownParse(tt.in)
		want := tt.in
		off := 0
		for _, part := range tt.mask {
			k := strings.Index(want[off:], part)
			if k < 0 {
				t.Fatalf("bad test: %q not in %q after %d", part, want, off)
			}
			k += off
			want = want[:k] + strings.Repeat(" ", len(part)) + want[k+len(part):]
			off = k + len(part)
		}
		if masked != want {
			t.Errorf("Markdown(%q) masked\n %q, want\n %q", tt.in, masked, want)
		}
	}
}

func TestMarkdownSuppressions(t *testing.T) {
	in := "Intro.\n" +
		"<!-- mtlint-disable garbled-name, spacing -->\n" +
		"Off for two rules.\n" +
		"<!-- mtlint-enable garbled-name -->\n" +
		"Off for spacing only.\n" +
		"<!-- mtlint-disable-next-line repeated-word -->\n" +
		"This this line.\n" +
		"Checked line.\n" +
		"<!-- mtlint-disable -->\n" +
		"All off.\n"
	d := Markdown("s.md", []byte(in))
	at := func(s string) int { return strings.Index(in, s) }
	tests := []struct {
		rule, where string
		want        bool
	}{
		{"garbled-name", "Intro", false},
		{"garbled-name", "Off for two", true},
		{"spacing", "Off for two", true},
		{"repeated-word", "Off for two", false},
		{"garbled-name", "Off for spacing", false},
		{"spacing", "Off for spacing", true},
		{"repeated-word", "This this", true},
		{"garbled-name", "This this", false},
		{"repeated-word", "Checked line", false},
		{"anything", "All off", true},
		{"anything", "Checked line", false},
	}
	for _, tt := range tests {
		if got := d.Suppressed(tt.rule, at(tt.where)); got != tt.want {
			t.Errorf("Suppressed(%s, %q) = %v, want %v", tt.rule, tt.where, got, tt.want)
		}
	}
	for _, b := range d.Blocks {
		if strings.Contains(d.Masked[b.Start:b.End], "mtlint") {
			t.Errorf("comment left in block %q", d.Masked[b.Start:b.End])
		}
	}
	// In plain text the comments are text, not directives.
	if p := Plain("s.txt", []byte(in)); p.Suppressed("garbled-name", at("Off for two")) {
		t.Error("plain text honours Markdown comments")
	}
}

func TestMarkdownKinds(t *testing.T) {
	d := Markdown("k.md", []byte("# Title\n\nText.\n\n- item\n\n| a |\n|---|\n| b |\n\n```\nx\n```\n"))
	var kinds []checker.BlockKind
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind)
	}
	want := []checker.BlockKind{checker.Heading, checker.Paragraph, checker.ListItem, checker.TableCell, checker.TableCell, checker.Code}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("block %d is %v, want %v", i, kinds[i], want[i])
		}
	}
	for _, s := range d.Sentences {
		if d.Blocks[s.Block].Kind == checker.Code {
			t.Errorf("sentence %q in a code block", d.Text[s.Start:s.End])
		}
	}
}
