package input

import (
	"os"
	"path/filepath"
	"testing"
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
