package input

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds adds the test inputs as seeds.
func fuzzSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"", "\n", "- ", "1. x\n   y", "> > a\n>\n> b", "| a |\n|---|\n| b |", "```\n", "<!--", "[a](b", "`` ` ``", "***a***", "\uFEFF---\nx: y\n---\n"} {
		f.Add(s)
	}
}

func FuzzPlain(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		masked, blocks := plainParse(s)
		checkInvariants(t, s, masked, blocks)
		checkMaskLines(t, s)
	})
}

func FuzzMarkdown(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		masked, blocks, sup := markdownParse(s)
		checkInvariants(t, s, masked, blocks)
		for _, x := range sup {
			if x.Start < 0 || x.End > len(s) || x.Start > x.End {
				t.Fatalf("suppression %v out of range", x.Span)
			}
		}
	})
}

// FuzzSections cuts the input into small sections: the cuts increase,
// fall inside the text at the start of a character and never between a
// CR and its LF; the cutter fed a few bytes at a time cuts where it does
// on the whole text (and where the reference cutter does); and each
// section parses with the parser's invariants.
func FuzzSections(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		size := 1 + len(s)%23
		for _, md := range []bool{false, true} {
			cuts := Cuts(data, size, md)
			prev := 0
			for _, c := range cuts {
				if c <= prev || c >= len(data) {
					t.Fatalf("md=%v size %d: cuts %v not increasing inside (0, %d)", md, size, cuts, len(data))
				}
				if !utf8.RuneStart(data[c]) && utf8.Valid(data) || data[c-1] == '\r' && data[c] == '\n' {
					t.Fatalf("md=%v size %d: cut %d splits a character or CRLF in %q", md, size, c, s)
				}
				prev = c
			}
			step := 1 + len(s)%7
			if got := streamCuts(data, size, md, func() int { return step }); !slices.Equal(got, cuts) {
				t.Fatalf("md=%v size %d: streamed cuts %v, whole %v", md, size, got, cuts)
			}
			if want := referenceCuts(data, size, md); !slices.Equal(cuts, want) {
				t.Fatalf("md=%v size %d: cuts %v, reference %v", md, size, cuts, want)
			}
			var carry any
			for k, lo := range append([]int{0}, cuts...) {
				hi := len(data)
				if k < len(cuts) {
					hi = cuts[k]
				}
				name := "x.txt"
				if md {
					name = "x.md"
				}
				doc, next, err := Sections.Parse(name, data[lo:hi], k == 0, carry)
				if err != nil {
					t.Fatal(err)
				}
				carry = next
				checkInvariants(t, doc.Text, doc.Masked, doc.Blocks)
			}
		}
	})
}
