package checker

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCountCheckpoints checks the columns of long lines, counted from
// checkpoints, against counting every rune, on text with multi-byte runes
// and invalid UTF-8 around the checkpoints.
func TestRuneCountCheckpoints(t *testing.T) {
	parts := []string{"a", "bc ", "é", "北京", "😀", "\xff", "\xe2\x82", "\x80", "\n", "Ω"}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 4; round++ {
		var b strings.Builder
		for b.Len() < 50000 {
			p := parts[rng.IntN(len(parts))]
			if p == "\n" && rng.IntN(50) > 0 {
				continue // long lines
			}
			b.WriteString(p)
		}
		txt := b.String()
		if round == 3 {
			txt = "\uFEFF" + txt
		}
		d := NewDocument("x", txt, "", nil, nil)
		for k := 0; k < 3000; k++ {
			from, to := rng.IntN(len(txt)+1), rng.IntN(len(txt)+1)
			if from > to {
				from, to = to, from
			}
			if got, want := d.runeCount(from, to), utf8.RuneCountInString(txt[from:to]); got != want {
				t.Fatalf("runeCount(%d, %d) = %d, want %d", from, to, got, want)
			}
			off := rng.IntN(len(txt) + 1)
			p := d.Position(off)
			start := strings.LastIndexByte(txt[:off], '\n') + 1
			if start == 0 && strings.HasPrefix(txt, "\uFEFF") && off >= 3 {
				start = 3
			}
			if want := utf8.RuneCountInString(txt[start:off]) + 1; p.Column != want {
				t.Fatalf("Position(%d).Column = %d, want %d", off, p.Column, want)
			}
		}
	}
}

// benchDocument returns a Document of the text named by MTLINT_BENCH_TEXT
// (large real documentation, say) or of the prose test corpus, with a
// paragraph per run of lines between blank lines.
func benchDocument(b *testing.B) *Document {
	var txt string
	if f := os.Getenv("MTLINT_BENCH_TEXT"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		txt = string(data)
	} else {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "prose", "*.txt"))
		if len(files) == 0 {
			b.Skip("no prose corpus")
		}
		var sb strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
		txt = sb.String()
	}
	var blocks []Block
	for start := 0; start < len(txt); {
		end := strings.Index(txt[start:], "\n\n")
		if end < 0 {
			end = len(txt)
		} else {
			end += start
		}
		if end > start {
			blocks = append(blocks, Block{Span: Span{Start: start, End: end}, Kind: Paragraph})
		}
		start = end + 2
	}
	return NewDocument("bench.txt", txt, "", blocks, nil)
}

func BenchmarkNewDocument(b *testing.B) {
	d := benchDocument(b)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		NewDocument(d.Path, d.Text, d.Masked, d.Blocks, nil)
	}
}

func BenchmarkDocumentCandidates(b *testing.B) {
	d := benchDocument(b)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		d.cands = candidateCache{}
		d.Candidates()
	}
}

// BenchmarkNewDocumentRecycled is BenchmarkNewDocument and the candidates
// as a run has them: each Document released for the next to take its
// memory over.
func BenchmarkNewDocumentRecycled(b *testing.B) {
	d := benchDocument(b)
	defer startRecycling()()
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		nd := NewDocument(d.Path, d.Text, d.Masked, d.Blocks, nil)
		nd.Candidates()
		nd.release()
	}
}
