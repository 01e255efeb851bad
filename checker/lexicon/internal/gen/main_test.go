package main

import "testing"

func TestTierOf(t *testing.T) {
	for size, want := range map[int]uint8{10: 1, 20: 1, 35: 2, 40: 3, 50: 3, 55: 4, 60: 4, 70: 4, 80: 5, 95: 5} {
		if got := tierOf(size); got != want {
			t.Errorf("tierOf(%d) = %d, want %d", size, got, want)
		}
	}
}

func TestCapitalised(t *testing.T) {
	for w, want := range map[string]bool{"Paris": true, "McDonald": true, "iPhone": true, "NATO": false, "I": false, "I'm": false, "paris": false, "Zürich": true} {
		if got := capitalised(w); got != want {
			t.Errorf("capitalised(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestDecodeLatin1(t *testing.T) {
	if got := decode([]byte("caf\xe9\n")); got != "café\n" {
		t.Errorf("decode(Latin-1) = %q", got)
	}
	if got := decode([]byte("café\n")); got != "café\n" {
		t.Errorf("decode(UTF-8) = %q", got)
	}
	if got := stripAccents("attachés"); got != "attaches" {
		t.Errorf("stripAccents = %q", got)
	}
}

// A small WordNet for the morphology.
func testWordNet() *wordnet {
	wn := &wordnet{ppOnly: map[string]bool{"gone": true}}
	for p := range wn.idx {
		wn.idx[p] = map[string]bool{}
		wn.exc[p] = map[string][]string{}
	}
	for _, w := range []string{"walk", "go", "stop", "bake", "carry", "sing"} {
		wn.idx[posVerb][w] = true
	}
	for _, w := range []string{"walk", "child", "box", "city"} {
		wn.idx[posNoun][w] = true
	}
	for _, w := range []string{"big", "happy", "fine", "good"} {
		wn.idx[posAdj][w] = true
	}
	wn.exc[posVerb]["went"] = []string{"go"}
	wn.exc[posVerb]["gone"] = []string{"go"}
	wn.exc[posVerb]["sang"] = []string{"sing"}
	wn.exc[posVerb]["stopping"] = []string{"stop"}
	wn.exc[posNoun]["children"] = []string{"child"}
	wn.exc[posAdj]["better"] = []string{"good"}
	return wn
}

func TestClassify(t *testing.T) {
	wn := testWordNet()
	tests := []struct {
		w         string
		want, not uint16
	}{
		{"walk", tVerb | tFinite | tNoun, 0},
		{"walks", tVerb | tFinite | tNoun, 0},
		{"walked", tVerb | tFinite, tNoun},
		{"walking", tVerb, tFinite},
		{"stopped", tVerb | tFinite, 0},
		{"stopping", tVerb, tFinite},
		{"baked", tVerb | tFinite, 0},
		{"baking", tVerb, tFinite},
		{"carried", tVerb | tFinite, 0},
		{"carries", tVerb | tFinite, 0},
		{"went", tVerb | tFinite, 0},
		{"gone", tVerb, tFinite},
		{"sang", tVerb | tFinite, 0},
		{"children", tNoun, tVerb},
		{"boxes", tNoun, 0},
		{"cities", tNoun, 0},
		{"bigger", tAdj, 0},
		{"happiest", tAdj, 0},
		{"finer", tAdj, 0},
		{"better", tAdj, 0},
		{"the", tFunction | tLower, tVerb | tFinite},
		{"was", tFunction | tFinite | tVerb, 0},
		{"been", tFunction, tFinite},
		{"is", tFunction | tFinite, tNoun}, // not the plural of "i"
	}
	for _, tt := range tests {
		got := classify(tt.w, &word{tier: 1, lowerTier: 1}, wn).tags
		if got&tt.want != tt.want || got&tt.not != 0 {
			t.Errorf("classify(%q) = %s, want %s and not %s", tt.w, tagExpr(got), tagExpr(tt.want), tagExpr(tt.not))
		}
	}
}

func TestCaseTags(t *testing.T) {
	wn := testWordNet()
	tests := []struct {
		w                string
		lower, proper    uint8
		wantLow, wantCap bool
	}{
		{"bush", 1, 3, true, true},    // bush, Bush
		{"paris", 5, 3, false, true},  // paris in size 80 only
		{"the", 1, 5, true, false},    // "The" in size 95 only
		{"is", 1, 4, true, false},     // "Is" three tiers rarer
		{"nato", 5, 5, true, true},    // both rare
		{"monday", 0, 2, false, true}, // name only
	}
	for _, tt := range tests {
		e := &word{tier: 1, lowerTier: tt.lower, properTier: tt.proper, upperTier: tt.proper}
		got := classify(tt.w, e, wn).tags
		if (got&tLower != 0) != tt.wantLow || (got&tProper != 0) != tt.wantCap {
			t.Errorf("%q lower %d proper %d: %s", tt.w, tt.lower, tt.proper, tagExpr(got))
		}
	}
}

func TestParticiples(t *testing.T) {
	if !uaAlternation("sung", "sang") || uaAlternation("sang", "sung") || uaAlternation("spun", "spin") {
		t.Error("uaAlternation")
	}
}

func TestToAmerican(t *testing.T) {
	american := map[string]bool{"color": true, "organize": true, "organization": true, "center": true, "centered": true,
		"catalog": true, "cataloged": true, "defense": true, "traveled": true, "fulfill": true, "anemia": true, "maneuver": true, "larva": true, "larve": true, "tomates": true}
	in := func(w string) bool { return american[w] }
	tier := func(string) uint8 { return 1 }
	for b, want := range map[string]string{
		"colour": "color", "organise": "organize", "organisation": "organization", "centre": "center",
		"centred": "centered", "catalogue": "catalog", "catalogued": "cataloged", "defence": "defense",
		"travelled": "traveled", "fulfil": "fulfill", "anaemia": "anemia", "manoeuvre": "maneuver",
		"larvae": "", "tomatoes": "",
	} {
		got, ok := toAmerican(b, in, tier)
		if got != want || ok != (want != "") {
			t.Errorf("toAmerican(%q) = %q, %v; want %q", b, got, ok, want)
		}
	}
}
