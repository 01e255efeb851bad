package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGlossaryCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	bad := filepath.Join(dir, "bad.csv")
	broken := filepath.Join(dir, "broken.csv")
	os.WriteFile(good, []byte("term,variants,kind\nVolodymyr Zelensky,Volodimir Zelenski,person\n"), 0o644)
	os.WriteFile(bad, []byte("term,variants,kind\nNayib Bukele,,person\nEl Salvador,Nayib Bukele,nation\n"), 0o644)
	os.WriteFile(broken, []byte("term,colour\nX,red\n"), 0o644)

	out, errOut, code := mtlint(t, "", "glossary", "check", good, seedGlossary)
	wantCode(t, code, 0, errOut)
	if !strings.Contains(out, "30 entries, no problems") {
		t.Errorf("stdout %q", out)
	}

	out, errOut, code = mtlint(t, "", "glossary", "check", bad)
	wantCode(t, code, 1, errOut)
	for _, want := range []string{bad + `:3: unknown kind "nation"`, bad + `:3: variant "Nayib Bukele" of "El Salvador" is the term of`} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout %q lacks %q", out, want)
		}
	}

	_, errOut, code = mtlint(t, "", "glossary", "check", good, broken)
	wantCode(t, code, 2, errOut)
	if !strings.Contains(errOut, broken+`:1: unknown column "colour"`) {
		t.Errorf("stderr %q", errOut)
	}

	_, errOut, code = mtlint(t, "", "glossary", "check")
	wantCode(t, code, 2, errOut)
}

func TestGlossaryExtract(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Nayib Bukele spoke in Tijuana. Later Bukele left.\n\nThe mayor of Tijuana met Nayib Bukele.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("# Notes\n\nBukele thanked the people of Tijuana. Chiapas was next.\n"), 0o644)
	out, errOut, code := mtlint(t, "", "glossary", "extract", "--min-count", "2", dir)
	wantCode(t, code, 0, errOut)
	want := "term,variants,kind,note\nNayib Bukele,,person,seen 4 times\nTijuana,,,seen 3 times\n"
	if out != want {
		t.Errorf("extract:\n%s\nwant:\n%s", out, want)
	}
	// The proposal loads as a glossary.
	p := filepath.Join(dir, "g.csv")
	os.WriteFile(p, []byte(out), 0o644)
	_, errOut, code = mtlint(t, "", "glossary", "check", p)
	wantCode(t, code, 0, errOut)

	_, errOut, code = mtlint(t, "", "glossary", "extract", filepath.Join(dir, "missing"))
	wantCode(t, code, 2, errOut)
}
