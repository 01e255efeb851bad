//go:build ignore

// gen rebuilds the clean-prose corpus from its sources: Go's documentation
// (package and declaration doc comments, the memory model), Python's
// documentation (tutorial, HOWTOs, What's New) and Ambrose Bierce's The
// Devil's Dictionary. It keeps paragraphs of ordinary sentences only: code,
// lists, tables, headings and markup are dropped. Run it through make.sh.
//
//	go run gen.go -goroot DIR -pydoc DIR -devil FILE.dict.dz -out DIR
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"html"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	goroot = flag.String("goroot", "", "Go installation (GOROOT)")
	pydoc  = flag.String("pydoc", "", "Python documentation sources (the html/_sources folder)")
	devil  = flag.String("devil", "", "The Devil's Dictionary in dictd format (devil.dict.dz)")
	outDir = flag.String("out", ".", "output folder")
)

func main() {
	flag.Parse()
	if *goroot != "" {
		write("go-packages.txt", goPackages(*goroot))
		write("go-memory-model.txt", goHTML(filepath.Join(*goroot, "doc", "go_mem.html")))
	}
	if *pydoc != "" {
		write("python-tutorial.txt", rstFiles(*pydoc, "tutorial"))
		write("python-howto.txt", rstFiles(*pydoc, "howto"))
		write("python-whatsnew.txt", rstFiles(*pydoc, "whatsnew/3.6", "whatsnew/3.7", "whatsnew/3.8", "whatsnew/3.9", "whatsnew/3.10"))
	}
	if *devil != "" {
		write("devils-dictionary.txt", limit(devilsDictionary(*devil), 10000))
	}
}

// write writes paragraphs wrapped at 72 columns, a blank line between them.
func write(name string, paras []string) {
	var b strings.Builder
	words := 0
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(wrap(p, 72))
		b.WriteString("\n")
		words += len(strings.Fields(p))
	}
	if err := os.WriteFile(filepath.Join(*outDir, name), []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-24s %6d paragraphs %7d words\n", name, len(paras), words)
}

func wrap(p string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(p) {
		l := utf8.RuneCountInString(w)
		if n > 0 && n+1+l > width {
			b.WriteString("\n")
			n = 0
		} else if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

var spaces = regexp.MustCompile(`\s+`)

// clean collapses white space and reports whether p reads as prose: enough
// words, ends a sentence, no code or markup left.
func clean(p string) (string, bool) {
	p = strings.TrimSpace(spaces.ReplaceAllString(p, " "))
	if len(strings.Fields(p)) < 8 {
		return p, false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p, `"')`))
	if !strings.ContainsRune(".?!", last) {
		return p, false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && first != '"' && first != '(' {
		return p, false
	}
	for _, bad := range []string{"`", "::", ":=", "{", "}", "==", ">>>", "\\", "|", "_ ", "[", "]", "*", "<", ">", "http", "://", " ;", "#"} {
		if strings.Contains(p, bad) {
			return p, false
		}
	}
	return p, true
}

// ---- Go doc comments ----

var goPkgs = []string{
	"fmt", "context", "sync", "os", "io", "net/http", "bufio", "bytes", "strings",
	"time", "errors", "encoding/json", "testing", "flag", "log/slog", "os/exec",
	"text/template", "html/template", "database/sql", "embed",
}

func goPackages(root string) []string {
	var out []string
	for _, pkg := range goPkgs {
		dir := filepath.Join(root, "src", filepath.FromSlash(pkg))
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, parser.ParseComments)
		if err != nil {
			log.Fatal(err)
		}
		var names []string
		for name := range pkgs {
			if !strings.HasSuffix(name, "_test") && name != "main" {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		for _, name := range names {
			var files []string
			for f := range pkgs[name].Files {
				files = append(files, f)
			}
			sort.Strings(files)
			// The package comment first, then the exported declarations.
			for _, f := range files {
				if d := pkgs[name].Files[f].Doc; d != nil {
					out = append(out, docParas(d.Text())...)
				}
			}
			for _, f := range files {
				for _, decl := range pkgs[name].Files[f].Decls {
					out = append(out, declParas(decl)...)
				}
			}
		}
	}
	return dedupe(out)
}

func declParas(decl ast.Decl) []string {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Name.IsExported() && d.Doc != nil {
			return docParas(d.Doc.Text())
		}
	case *ast.GenDecl:
		var out []string
		exported := false
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				exported = exported || s.Name.IsExported()
				if s.Name.IsExported() && s.Doc != nil {
					out = append(out, docParas(s.Doc.Text())...)
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					exported = exported || n.IsExported()
				}
			}
		}
		if exported && d.Doc != nil {
			out = append(docParas(d.Doc.Text()), out...)
		}
		return out
	}
	return nil
}

func docParas(text string) []string {
	var p comment.Parser
	d := p.Parse(text)
	var out []string
	for _, b := range d.Content {
		para, ok := b.(*comment.Paragraph)
		if !ok {
			continue
		}
		var s strings.Builder
		textOf(&s, para.Text)
		t := s.String()
		if strings.HasPrefix(t, "Deprecated:") || strings.HasPrefix(t, "BUG") || strings.Contains(t, "TODO") {
			continue
		}
		if t, ok := clean(t); ok && !codey(t) {
			out = append(out, t)
		}
	}
	return out
}

func textOf(b *strings.Builder, ts []comment.Text) {
	for _, t := range ts {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			textOf(b, t.Text)
		case *comment.DocLink:
			textOf(b, t.Text)
		}
	}
}

// codey reports prose thick with code: calls, operators, struct literals.
var codeRE = regexp.MustCompile(`\w\(|\)\.|\w\.\w+\(|&\w|\w=|!=|\+\+|--|\w\[|\.\.\.`)

func codey(p string) bool { return len(codeRE.FindAllString(p, -1)) > 1 }

// ---- Go HTML documents ----

var (
	pOpen   = regexp.MustCompile(`(?i)<p\b[^>]*>`)
	blockRE = regexp.MustCompile(`(?i)</p>|<p\b|<pre|<h\d|<ul|<ol|<table|<div|<blockquote|</div|</li|<li`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

func goHTML(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	s := string(data)
	var out []string
	for _, loc := range pOpen.FindAllStringIndex(s, -1) {
		rest := s[loc[1]:]
		if e := blockRE.FindStringIndex(rest); e != nil {
			rest = rest[:e[0]]
		}
		if strings.Contains(rest, "<code>") && strings.Count(rest, "<code>") > 2 {
			continue
		}
		t := html.UnescapeString(tagRE.ReplaceAllString(rest, ""))
		if t, ok := clean(t); ok && !codey(t) {
			out = append(out, t)
		}
	}
	return dedupe(out)
}

// ---- Python reStructuredText ----

var (
	roleRE     = regexp.MustCompile(`:(\w+)(?::\w+)?:` + "`" + `!?~?([^` + "`" + `]*)` + "`")
	refText    = regexp.MustCompile(`^(.*?)\s*<[^>]*>$`)
	literalRE  = regexp.MustCompile("``([^`]+)``")
	linkRE     = regexp.MustCompile("`([^`<]+?)\\s*<[^>]+>`__?")
	namedRef   = regexp.MustCompile("`([^`]+)`_\\b")
	footRE     = regexp.MustCompile(`\s*\[(#\w*|\d+|\*)\]_`)
	strongRE   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	emphRE     = regexp.MustCompile(`\*([^*\s][^*]*)\*`)
	leftRef    = regexp.MustCompile(`[^_\s]_(\W|$)`)
	listStart  = regexp.MustCompile(`^(\* |- |\+ |#\. |\d+\. |\(\d+\) |[a-z]\) )`)
	fieldStart = regexp.MustCompile(`^:\w[^:]*:`)
)

// isUnderline reports a title adornment: one punctuation character repeated.
func isUnderline(l string) bool {
	l = strings.TrimSpace(l)
	if len(l) < 3 || !strings.ContainsRune(`=-~^"'*+#`, rune(l[0])) {
		return false
	}
	return strings.Count(l, l[:1]) == len(l)
}

func rstFiles(root string, which ...string) []string {
	var out []string
	for _, w := range which {
		var files []string
		if fi, err := os.Stat(filepath.Join(root, w)); err == nil && fi.IsDir() {
			files, _ = filepath.Glob(filepath.Join(root, w, "*.rst.txt"))
			sort.Strings(files)
		} else {
			files = []string{filepath.Join(root, w+".rst.txt")}
		}
		for _, f := range files {
			if strings.HasSuffix(f, "index.rst.txt") {
				continue
			}
			out = append(out, rstParas(f)...)
		}
	}
	return dedupe(out)
}

func rstParas(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		j := i
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		para := lines[i:j]
		i = j
		first := para[0]
		if first[0] == ' ' || first[0] == '\t' || strings.HasPrefix(first, "..") ||
			listStart.MatchString(first) || fieldStart.MatchString(first) || isUnderline(first) {
			continue // code, directive, block quote, list, field list, title
		}
		heading := false
		for _, l := range para[1:] {
			if isUnderline(l) {
				heading = true
			}
			if l[0] == ' ' || l[0] == '\t' {
				heading = true // definition list or a hanging block: not plain prose
			}
		}
		if heading {
			continue
		}
		t := strings.Join(para, " ")
		if t, ok := rstInline(t); ok {
			if t, ok := clean(t); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// rstInline turns inline markup into the words a reader sees. It reports
// false for text whose rendering cannot be known (a bare :ref:, a
// substitution).
func rstInline(t string) (string, bool) {
	if strings.HasSuffix(t, " ::") {
		t = strings.TrimSuffix(t, " ::")
	} else if strings.HasSuffix(t, "::") {
		t = strings.TrimSuffix(t, ":")
	}
	if strings.Contains(t, "|") {
		return t, false
	}
	ok := true
	t = roleRE.ReplaceAllStringFunc(t, func(m string) string {
		sm := roleRE.FindStringSubmatch(m)
		role, body := sm[1], sm[2]
		if r := refText.FindStringSubmatch(body); r != nil {
			return r[1]
		}
		switch role {
		case "ref", "doc", "term":
			if role != "term" {
				ok = false
			}
		case "issue":
			return "bpo-" + body
		case "gh":
			return "gh-" + body
		case "pep":
			return "PEP " + body
		case "rfc":
			return "RFC " + body
		case "func", "meth":
			if !strings.HasSuffix(body, ")") {
				body += "()"
			}
		}
		return body
	})
	t = literalRE.ReplaceAllString(t, "$1")
	t = linkRE.ReplaceAllString(t, "$1")
	t = namedRef.ReplaceAllString(t, "$1")
	t = footRE.ReplaceAllString(t, "")
	t = strongRE.ReplaceAllString(t, "$1")
	t = emphRE.ReplaceAllString(t, "$1")
	if !ok || codey(t) || leftRef.MatchString(t) {
		return t, false
	}
	return t, true
}

// ---- The Devil's Dictionary ----

var headword = regexp.MustCompile(`^[A-Z][A-Z' -]*[A-Z],\s+(n|v|adj|adv|x|p|pp|prep|pro|conj|interj|v\.t|v\.i)\.`)

// devilsDictionary keeps the preface and, of each entry, the prose after
// its one-line definition (which is a phrase, not a sentence); verse and
// quotations (indented) are left out.
func devilsDictionary(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	var para []string
	inPreface := false
	flush := func() {
		defer func() { para = para[:0] }()
		if len(para) == 0 {
			return
		}
		t := strings.Join(para, "\n")
		// The text marks sentence ends with two spaces and hyphenates
		// across lines ("cannon-\nshot").
		t = strings.ReplaceAll(t, "-\n", "-")
		t = strings.ReplaceAll(t, "\n", " ")
		t = strings.ReplaceAll(t, " -- ", "—")
		t = strings.ReplaceAll(t, "--", "—")
		t = regexp.MustCompile(`_([^_]+)_`).ReplaceAllString(t, "$1")
		if m := headword.FindStringIndex(t); m != nil {
			rest := strings.TrimLeft(t[m[1]:], " ")
			k := strings.Index(rest, ".  ")
			if k < 0 {
				return
			}
			t = rest[k+3:]
		} else if !inPreface {
			return
		}
		if t, ok := clean(t); ok && strings.Count(t, ".") >= 2 {
			out = append(out, t)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		l := sc.Text()
		switch strings.TrimSpace(l) {
		case "PREFACE":
			inPreface = true
			continue
		case "A":
			flush()
			inPreface = false
			continue
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "  ") && !inPreface {
			flush()
			continue
		}
		if inPreface && strings.HasPrefix(l, "    ") && len(para) > 0 {
			flush() // the preface indents its paragraphs' first lines
		}
		if len(para) == 0 && strings.HasPrefix(l, "  ") && !inPreface {
			continue
		}
		para = append(para, strings.TrimSpace(l))
	}
	flush()
	return out
}

// limit returns the first paragraphs of ps holding about n words.
func limit(ps []string, n int) []string {
	for i, p := range ps {
		n -= len(strings.Fields(p))
		if n <= 0 {
			return ps[:i+1]
		}
	}
	return ps
}

func dedupe(ps []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
