package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	in := "\uFEFFterm,variants,kind,note\n" +
		"# a comment line\n" +
		"Nayib Bukele,,person,President of El Salvador\n" +
		"\"Getty Images\",\"Getty Pictures Agency | Getty Photo\",Organisation,\"photo agency, \"\"Getty\"\"\"\n" +
		"Tren de Aragua,,ORG,lower-case \"de\"\n" +
		",,,\n" +
		"Tijuana\n"
	es, err := Read("g.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 4 {
		t.Fatalf("got %d entries, want 4: %+v", len(es), es)
	}
	if e := es[1]; e.Term != "Getty Images" || len(e.Variants) != 2 || e.Variants[1] != "Getty Photo" || e.Kind != Organization || e.Note != `photo agency, "Getty"` || e.Line != 4 {
		t.Errorf("entry 2 = %+v", e)
	}
	if es[2].Kind != Organization || es[2].Note != `lower-case "de"` {
		t.Errorf("entry 3 = %+v", es[2])
	}
	if es[3].Term != "Tijuana" || es[3].Line != 7 {
		t.Errorf("entry 4 = %+v", es[3])
	}
}

func TestReadTSV(t *testing.T) {
	es, err := Read("g.tsv", strings.NewReader("term\tvariants\nCBS News\tColombia Broadcasting Corporation News\n"))
	if err != nil || len(es) != 1 || es[0].Variants[0] != "Colombia Broadcasting Corporation News" {
		t.Fatalf("got %+v, %v", es, err)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a.csv", "", "a.csv: empty glossary"},
		{"a.csv", "term,colour\nX,red\n", "a.csv:1: unknown column \"colour\""},
		{"a.csv", "variants\nX\n", "a.csv:1: header has no term column"},
		{"a.csv", "term,note\nX,a,b\n", "a.csv:2: 3 fields"},
		{"a.csv", "term,variants\n,Y\n", "a.csv:2: empty term"},
		{"a.tbx", "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>X</term></tig>\n</langSet></body></text></martif>", "a.tbx:2: TBX:"},
		{"a.tbx", "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<martif/>", "a.tbx:2: TBX: entity declarations are not allowed"},
	} {
		_, err := Read(c.name, strings.NewReader(c.in))
		var le *LoadError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Read(%q) error = %v, want prefix %q", c.in, err, c.want)
		}
	}
}

const tbxBasic = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
<text><body>
<termEntry id="c1">
  <descrip type="definition">President of El Salvador</descrip>
  <descrip type="kind">person</descrip>
  <langSet xml:lang="es"><tig><term>Nayib Bukele Ortez</term></tig></langSet>
  <langSet xml:lang="en-US">
    <tig><term>Nayib Bukele</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Naib Bukele</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Nayeeb Bukeley</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
  </langSet>
</termEntry>
<termEntry id="c2">
  <langSet xml:lang="en">
    <tig><term>safe third country</term></tig>
    <tig><term>security third country</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig>
  </langSet>
</termEntry>
</body></text>
</martif>`

const tbxV3 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="1">
  <langSec xml:lang="en">
    <termSec><term>Getty Images</term></termSec>
    <termSec><term>Getty Pictures Agency</term><termNote type="termStatus">forbidden</termNote></termSec>
  </langSec>
  <langSec xml:lang="fr"><termSec><term>Getty Images France</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="2">
  <langSec xml:lang="en">
    <termSec><term>Tren de Aragua</term><admnStts:administrativeStatus xmlns:admnStts="x">preferred</admnStts:administrativeStatus></termSec>
    <termSec><term>Tren De Aragua</term><basic:administrativeStatus xmlns:basic="x">deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>`

func TestReadTBX(t *testing.T) {
	es, err := Read("g.tbx", strings.NewReader(tbxBasic))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("got %+v", es)
	}
	if e := es[0]; e.Term != "Nayib Bukele" || strings.Join(e.Variants, "|") != "Naib Bukele|Nayeeb Bukeley" || e.Kind != Person || e.Note != "President of El Salvador" || e.Line != 9 {
		t.Errorf("entry 1 = %+v", e)
	}
	if e := es[1]; e.Term != "safe third country" || strings.Join(e.Variants, "|") != "security third country" {
		t.Errorf("entry 2 = %+v", e)
	}
	// TBX v3, recognised by content whatever the extension.
	es, err = Read("g.xml", strings.NewReader(tbxV3))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Term != "Getty Images" || es[0].Variants[0] != "Getty Pictures Agency" || es[1].Variants[0] != "Tren De Aragua" {
		t.Errorf("v3 = %+v", es)
	}
	// Another language.
	es, err = ReadLang("g.tbx", strings.NewReader(tbxV3), "fr")
	if err != nil || len(es) != 1 || es[0].Term != "Getty Images France" {
		t.Errorf("fr = %+v, %v", es, err)
	}
}

func TestLoadMerges(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.tbx")
	os.WriteFile(a, []byte("term\nTijuana\n"), 0o644)
	os.WriteFile(b, []byte(tbxV3), 0o644)
	g, err := Load(a, b)
	if err != nil || g.Len() != 3 || g.Entries[0].File != a || g.Entries[1].File != b {
		t.Fatalf("Load = %+v, %v", g, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("Load of a missing file: no error")
	}
}

func TestCheck(t *testing.T) {
	in := `term,variants,kind,note
Nayib Bukele,Bakle,person,
El Salvador,Salvador|Nayib Bukele,place,
nayib bukele,,person,
Tren de Aragua,Tren De Aragua,organization,
Getty Images,Bakle|house,company,
`
	es, err := Read("g.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Check(New(es)) {
		got = append(got, p.String())
	}
	want := []string{
		`g.csv:3: variant "Nayib Bukele" of "El Salvador" is the term of "Nayib Bukele" (g.csv:2)`,
		`g.csv:4: duplicate term "nayib bukele" (first at g.csv:2)`,
		`g.csv:5: variant "Tren De Aragua" differs from "Tren de Aragua" only in case or accents; name-casing reports it, remove the variant`,
		`g.csv:6: unknown kind "company" (want person, place, organization or term)`,
		`g.csv:6: variant "Bakle" is also a variant of "Nayib Bukele" (g.csv:2)`,
		`g.csv:6: variant "house" of "Getty Images" is a common English word`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestExtract(t *testing.T) {
	var x Extractor
	for _, n := range []string{"Nayib Bukele", "Bukele", "Bukele", "Nayib Bukele", "Tijuana", "Tijuana", "Tijuanna", "However", "March", "March", "Latin America", "Latin America", "Rarely Seen", "Henan", "Hunan", "Hunan"} {
		x.Add(n)
	}
	var got []string
	for _, e := range x.Entries(2) {
		got = append(got, e.Term+"/"+string(e.Kind)+"/"+e.Note)
	}
	want := []string{
		"Nayib Bukele/person/seen 4 times",
		"Tijuana//seen 3 times; also written Tijuanna (1)",
		"Hunan//seen 2 times", // not "also written Henan": two provinces
		"Latin America//seen 2 times",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var buf strings.Builder
	if err := WriteCSV(&buf, x.Entries(2)); err != nil {
		t.Fatal(err)
	}
	es, err := Read("x.csv", strings.NewReader(buf.String()))
	if err != nil || len(es) != len(want) {
		t.Errorf("extracted CSV does not load back: %v %+v", err, es)
	}
}
