package checker

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// paragraphBlocks returns the blocks of txt cut at blank lines: paragraphs,
// and fenced code, which is not read.
func paragraphBlocks(txt string) []Block {
	var blocks []Block
	start := 0
	for _, part := range strings.SplitAfter(txt, "\n\n") {
		kind := Paragraph
		if strings.HasPrefix(part, "```") {
			kind = Code
		}
		blocks = append(blocks, Block{Span: Span{Start: start, End: start + len(strings.TrimRight(part, "\n"))}, Kind: kind})
		start += len(part)
	}
	return blocks
}

func TestDocumentCandidates(t *testing.T) {
	txt := "Port Elwood News\n\nOn Tuesday the council of Port Elwood met. Dr. Ana de la Vega spoke for Agence France -Presse.\n\n```\nNot Checked Here\n```\n"
	d := NewDocument("news.txt", txt, "", paragraphBlocks(txt), nil)

	want := "Port Elwood News | Tuesday | Port Elwood | Ana de la Vega | Agence France-Presse"
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got []string
			for _, c := range d.Candidates() {
				got = append(got, c.Text(d.Text))
			}
			results[i] = strings.Join(got, " | ")
		}()
	}
	wg.Wait()
	for _, got := range results {
		if got != want {
			t.Errorf("Candidates() = %q, want %q", got, want)
		}
	}
	a, b := d.Candidates(), d.Candidates()
	if len(a) == 0 || &a[0] != &b[0] {
		t.Error("Candidates() is not computed once")
	}
}

func TestDocumentCandidatesMasked(t *testing.T) {
	txt := "Yesterday Nayib <b>Bukele</b> met Juan de {0} Cruz and Tren de Aragua in the U.S. today."
	masked := strings.NewReplacer("<b>", "   ", "</b>", "    ", "{0}", "   ").Replace(txt)
	d := NewDocument("page.html", txt, masked, []Block{{Span: Span{Start: 0, End: len(txt)}, Kind: Paragraph}}, nil)
	var got []string
	for _, c := range d.Candidates() {
		w := ""
		for _, x := range c.Words {
			w += "+" + d.Text[x.Start:x.End]
		}
		got = append(got, d.Text[c.Start:c.End]+"="+w[1:])
	}
	want := "Nayib=Nayib | Bukele=Bukele | Juan=Juan | Cruz and Tren de Aragua=Cruz+and+Tren+de+Aragua | U.S.=U+S"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("Candidates() over masked text\n got %q\nwant %q", g, want)
	}
}

// TestBlockCandidates checks that the candidates found block by block as a
// Document is read (blockCandidates) are those Candidates finds afterwards.
func TestBlockCandidates(t *testing.T) {
	texts := map[string]string{
		"blocks": "Port Elwood News\n\nno capital here at all.\n\nOn Tuesday the council of Port Elwood met. Dr. Ana de la Vega spoke for Agence France -Presse.\n\n```\nNot Checked Here\n```\n\n\"The\" end; Juan de la Cruz and the U.S. Army",
		"empty":  "",
		"lower":  "nothing but lower case\n\nand more of it",
	}
	files, err := filepath.Glob("../testdata/*/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/*/*.md")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(b)
	}
	// Random text, long enough for many reads of the finder, of the
	// pieces of names and the punctuation around them.
	pieces := strings.Fields("The the In of de la al - -Presse Port Elwood U.S. J. R. Tren Aragua's O'Brien MS-13 iPhone NATO " +
		"May In , . ! ? \" ( ) ; and said met Él Zürich naïve ’s <b> </b> {0} 1. 2024 Montoya-Galvez")
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 4 {
		var b strings.Builder
		for range 30000 {
			b.WriteString(pieces[r.IntN(len(pieces))])
			switch n := r.IntN(40); {
			case n == 0:
				b.WriteString("\n\n")
			case n == 1:
				b.WriteString("\n")
			case n < 36:
				b.WriteByte(' ')
			}
		}
		texts[fmt.Sprint("random ", k)] = b.String()
	}
	masker := strings.NewReplacer("<b>", "   ", "</b>", "    ", "{0}", "   ", "`", " ")
	for name, txt := range texts {
		blocks := paragraphBlocks(txt)
		for _, masked := range []string{"", masker.Replace(txt)} {
			want := NewDocument(name, txt, masked, blocks, nil).Candidates()
			b := &Buffers{wantCands: true}
			d := b.NewDocument(name, txt, masked, blocks, nil, nil)
			if d.cands.list == nil && len(want) > 0 {
				t.Fatalf("%s: no candidates found as the blocks were read", name)
			}
			got := d.Candidates()
			if len(got) != len(want) {
				t.Fatalf("%s (masked %v): %d candidates found block by block, %d afterwards", name, masked != "", len(got), len(want))
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.Span != w.Span || g.Initial != w.Initial || !slices.Equal(g.Words, w.Words) {
					t.Fatalf("%s (masked %v): candidate %d is %+v block by block, %+v afterwards", name, masked != "", i, g, w)
				}
			}
		}
	}
}
