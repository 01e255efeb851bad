package glossary_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/text"
)

// The readers must never panic on a broken file; their errors name a line
// within the file when they name one; what they read must index and check.
//
//	go test -run '^$' -fuzz '^FuzzReadCSV$' -fuzztime 1m ./checker/glossary

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"",
		"term\n",
		"term,variants,kind,note\nAmara Okonkwo,Amara Okonkwu|A. Okonkwo,person,a made-up name\n",
		"\uFEFFTerm,Kind\r\nVilla de Leyva,place\r\n\r\n# a comment\r\nBanco del Sol,org\r\n",
		"term,variants\n\"Jean-Luc \"\"JL\"\" Moreau\",Jean Luc Moreau\n",
		"term,note\n\"unterminated,x\n",
		"term,kind\nA,b,c\n",
		"kind,note\nplace,x\n",
		"term,bogus\nx,y\n",
		"term\tvariants\tkind\nMS-13\tMS 13|Mara Salvatrucha 13\torganization\n",
		"term,variants\n,\n , \nx,|||\n",
		"term,kind\n\xff\xfe,\x00\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, tsv bool) {
		name := "g.csv"
		if tsv {
			name = "g.tsv"
		}
		entries, err := glossary.Read(name, strings.NewReader(s))
		checkRead(t, name, s, entries, err)
	})
}

func FuzzReadTBX(f *testing.F) {
	for _, s := range []string{
		"",
		"<",
		tbxSeedBasic,
		tbxSeedV3,
		`<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x "y">]><martif/>`,
		`<martif xml:lang="en"><text><body><termEntry><langSet><tig><term>A</term></tig></langSet></termEntry></body></text></martif>`,
		`<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>B</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry></body></text></tbx>`,
		"<martif>\n<termEntry>\n<langSet xml:lang='en'>\n<tig><term>\xff</term></tig>\n",
		"</martif>",
		"<a><b></a></b>",
	} {
		f.Add(s, "en")
	}
	f.Add(tbxSeedV3, "fr")
	f.Add(tbxSeedBasic, "")
	f.Fuzz(func(t *testing.T, s, lang string) {
		entries, err := glossary.ReadTBX("g.tbx", strings.NewReader(s), lang)
		checkRead(t, "g.tbx", s, entries, err)
	})
}

var simpleTerm = regexp.MustCompile(`^[A-Z][a-z]+( [A-Z][a-z]+)*$`)

// checkRead checks what a reader returned for file name with content s.
func checkRead(t *testing.T, name, s string, entries []glossary.Entry, err error) {
	t.Helper()
	lines := strings.Count(s, "\n") + 1
	if err != nil {
		var le *glossary.LoadError
		if !errors.As(err, &le) {
			t.Fatalf("error %v is not a *LoadError", err)
		}
		if le.File != name || le.Line < 0 || le.Line > lines {
			t.Fatalf("error %v: line %d of a %d-line file", err, le.Line, lines)
		}
		if entries != nil {
			t.Fatalf("entries and an error")
		}
		return
	}
	for _, e := range entries {
		if e.Term == "" || e.File != name || e.Line < 1 || e.Line > lines {
			t.Fatalf("bad entry %+v in a %d-line file", e, lines)
		}
	}
	g := glossary.New(entries)
	ix := g.Index()
	_ = glossary.Check(g)
	for _, e := range entries {
		forms := []string{e.Term}
		forms = append(forms, e.Variants...)
		for _, w := range forms {
			found := ix.Lookup(w)
			if simpleTerm.MatchString(w) && len(found) == 0 {
				t.Fatalf("%q is in the glossary but Lookup does not find it", w)
			}
			ix.Best(w)
			ix.Best(strings.ToLower(w) + "x")
			ix.IsTermPart(w)
			toks := text.Tokenize(nil, w, text.Span{End: len(w)})
			for i := range toks {
				if _, n, end := ix.MatchAt(w, toks, i); n < 0 || i+n > len(toks) || end > len(w) {
					t.Fatalf("MatchAt(%q, %d) = %d tokens, end %d", w, i, n, end)
				}
			}
		}
	}
}

const tbxSeedBasic = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body>
<termEntry id="c1">
  <descrip type="definition">a made-up person</descrip>
  <descrip type="kind">person</descrip>
  <langSet xml:lang="en">
    <tig><term>Amara Okonkwo</term></tig>
    <tig><term>Amara Okonkwu</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>Amara Okonkwo</term></tig></langSet>
</termEntry>
</body></text></martif>
`

const tbxSeedV3 = `<?xml version="1.0"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c2">
  <langSec xml:lang="en-GB">
    <termSec><term>Banco del Sol</term></termSec>
    <termSec><term>Banko del Sol</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
  </langSec>
  <langSec xml:lang="fr"><termSec><term>Banque du Soleil</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
`
