package rules

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker"
	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/input"
	"github.com/mtlint/mtlint/checker/text"
)

func TestRepeatedWord(t *testing.T) {
	checkertest.Run(t, "testdata/repeated-word", RepeatedWord)
}

// TestRepeatedWordNext checks repeatedWordNext against a test of every
// pair of tokens.
func TestRepeatedWordNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{"the", "The", "THE", "tea", "a", "A", "an", "to", "-", ",", "3", "33", "é", "ée", " ", " ", "  ", "\n", ". "}
	for round := range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		m := b.String()
		toks := text.Tokenize(nil, m, text.Span{Start: 0, End: len(m)})
		var got, want []int
		for i := 1; ; i++ {
			if i = repeatedWordNext(toks, m, i); i >= len(toks) {
				break
			}
			got = append(got, i)
		}
		for i := 1; i < len(toks); i++ {
			a, b := toks[i-1], toks[i]
			if a.Kind == text.Word && b.Kind == text.Word && a.End-a.Start == b.End-b.Start && m[a.End-1] == m[b.End-1] {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %q: got %v, want %v", round, m, got, want)
		}
	}
}

// TestRepeatedWordAfterPhrase checks that repeated-word, reading only the
// sentences repeated-phrase listed, reports what it reports walking every
// token, on random plain and Markdown text full of doubled words.
func TestRepeatedWordAfterPhrase(t *testing.T) {
	defer func() { repeatedWordWalkAll = false }()
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"the", "The", "THE", "tea", "a", "A", "I", "to", "was", "é", "ée", "Été", "été", "σa", "ςa", "Naïve", "naïve", "Café", "café", "Résumé", "résumé",
		"-", ",", "3", "33", " ", " ", "  ", "\n", ". ", "\n\n", "\n# ", "\n- ", "`x`", "| "}
	run := func(txt, path string) []string {
		run := &checker.Run{Rules: []*checker.Rule{RepeatedPhrase, RepeatedWord}, Config: &checker.Config{}, Parse: input.Parse, Jobs: 1}
		in := []checker.Input{{Path: path, Read: func() ([]byte, error) { return []byte(txt), nil }}}
		res, err := run.Check(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			if f.Rule == RepeatedWord.ID {
				out = append(out, fmt.Sprintf("%d-%d %s %q", f.Span.Start, f.Span.End, f.Message, f.Suggestion))
			}
		}
		return out
	}
	found := 0
	for round := range 1500 {
		var b strings.Builder
		for range rng.IntN(60) {
			w := parts[rng.IntN(len(parts))]
			b.WriteString(w)
			if rng.IntN(3) == 0 {
				b.WriteString(" " + w) // a double
			}
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		txt := b.String()
		for _, path := range []string{"a.txt", "a.md"} {
			repeatedWordWalkAll = false
			got := run(txt, path)
			repeatedWordWalkAll = true
			want := run(txt, path)
			found += len(want)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, %s: %q\nfrom the list:\n%s\nwalking all:\n%s", round, path, txt, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
	if found < 300 {
		t.Errorf("only %d findings: the text tests little", found)
	}
}
