package lexicon

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLookupTags(t *testing.T) {
	tests := []struct {
		word      string
		want, not Tag
	}{
		{"the", Function | Lower, Verb | Finite | Proper},
		{"of", Function | Lower, Proper},
		{"went", Verb | Finite | Lower, 0},
		{"walked", Verb | Finite, 0},
		{"walks", Verb | Finite | Noun, 0},
		{"walk", Verb | Finite | Noun, 0},
		{"walking", Verb, Finite},
		{"running", Verb, Finite},
		{"gone", Verb, Finite},
		{"taken", Verb, Finite},
		{"written", Verb, Finite},
		{"seen", Verb, Finite},
		{"been", Verb | Function, Finite},
		{"sang", Verb | Finite, 0},
		{"sung", Verb, Finite},
		{"was", Verb | Finite | Function, 0},
		{"is", Verb | Finite | Function, Proper},
		{"can", Verb | Finite | Function, 0},
		{"would", Finite | Function, 0},
		{"don't", Finite | Function, 0},
		{"it's", Finite | Function, 0},
		{"children", Noun, Verb},
		{"men", Noun, Proper},
		{"better", Adj | Adv, 0},
		{"happiest", Adj, 0},
		{"quickly", Adv, Noun | Verb},
		{"monday", Proper, Lower},
		{"american", Proper | Adj, Lower},
		{"chinese", Proper, Lower},
		{"paris", Proper, Lower},
		{"bush", Lower | Proper | Noun, 0},
		{"china", Lower | Proper, 0},
		{"government", Noun | Lower, Proper | Verb},
	}
	for _, tt := range tests {
		i := Lookup(tt.word)
		if i.Tier == 0 {
			t.Errorf("Lookup(%q) is unknown", tt.word)
			continue
		}
		if i.Tags&tt.want != tt.want {
			t.Errorf("Lookup(%q).Tags = %v, want %v", tt.word, i.Tags, tt.want)
		}
		if i.Tags&tt.not != 0 {
			t.Errorf("Lookup(%q).Tags = %v, want none of %v", tt.word, i.Tags, tt.not)
		}
	}
}

func TestLookupTier(t *testing.T) {
	tests := []struct {
		word string
		tier uint8
	}{
		{"the", 1}, {"government", 1}, {"ability", 1},
		{"chisel", 2}, {"doorstep", 2},
		{"astrologer", 3}, {"pilaf", 3},
		{"plainsong", 4}, {"estoppel", 4},
		{"geophagous", 5}, {"basirhinal", 5},
		{"naibbuckley", 0}, {"bukele", 0}, {"xqzv", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := Lookup(tt.word).Tier; got != tt.tier {
			t.Errorf("Lookup(%q).Tier = %d, want %d", tt.word, got, tt.tier)
		}
	}
	if !IsCommon("doorstep") || IsCommon("plainsong") || IsCommon("paris") || IsCommon("naibbuckley") {
		t.Errorf("IsCommon: doorstep %v, plainsong %v, paris %v, naibbuckley %v",
			IsCommon("doorstep"), IsCommon("plainsong"), IsCommon("paris"), IsCommon("naibbuckley"))
	}
}

func TestLookupFold(t *testing.T) {
	tests := []struct{ in, as string }{
		{"The", "the"},
		{"THE", "the"},
		{"Paris", "paris"},
		{"Zürich", "zürich"},
		{"ZÜRICH", "zürich"},
		{"Café", "café"},
		{"don’t", "don't"},
		{"Ability's", "ability"},
		{"Paris’s", "paris"},
		{"ability'S", "ability"},
		{"Cafe\u0301", "cafe"},
		{"Attache\u0301s", "attaches"},
	}
	for _, tt := range tests {
		got, want := LookupFold(tt.in), Lookup(tt.as)
		if want.Tier == 0 {
			t.Errorf("Lookup(%q) is unknown", tt.as)
		}
		if got != want {
			t.Errorf("LookupFold(%q) = %+v, want %+v as %q", tt.in, got, want, tt.as)
		}
	}
	if i := Lookup(strings.Repeat("a", 200)); i.Known() {
		t.Errorf("a 200-letter word is known: %+v", i)
	}
	if i := Lookup(strings.Repeat("é", 100)); i.Known() {
		t.Errorf("a 100-letter word is known: %+v", i)
	}
}

func TestBritishAmerican(t *testing.T) {
	tests := []struct{ in, want string }{
		{"organise", "organize"},
		{"organize", "organise"},
		{"organisation", "organization"},
		{"colour", "color"},
		{"color", "colour"},
		{"favourite", "favorite"},
		{"analyse", "analyze"},
		{"centre", "center"},
		{"centred", "centered"},
		{"catalogue", "catalog"},
		{"defence", "defense"},
		{"travelled", "traveled"},
		{"traveled", "travelled"},
		{"fulfil", "fulfill"},
		{"enrolment", "enrollment"},
		{"anaemia", "anemia"},
		{"manoeuvre", "maneuver"},
	}
	for _, tt := range tests {
		got, ok := BritishAmerican(tt.in)
		if !ok || got != tt.want {
			t.Errorf("BritishAmerican(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	// Words both varieties spell alike, and American spellings British
	// English also uses (meter, license), have no counterpart.
	for _, w := range []string{"the", "government", "meter", "license", "naibbuckley", "", "zzzz"} {
		if got, ok := BritishAmerican(w); ok {
			t.Errorf("BritishAmerican(%q) = %q, want none", w, got)
		}
	}
}

// TestVariantsSorted checks the embedded pairs are sorted and symmetric
// where both spellings belong to one variety only.
func TestVariantsSorted(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(variantsText, "\n"), "\n")
	prev := ""
	for _, l := range lines {
		k, v, ok := strings.Cut(l, "\t")
		if !ok || k == "" || v == "" || k == v {
			t.Fatalf("bad variants line %q", l)
		}
		if k <= prev {
			t.Fatalf("variants not sorted: %q after %q", k, prev)
		}
		prev = k
		if !Lookup(k).Known() || !Lookup(v).Known() {
			t.Errorf("variant pair %q/%q not in the lexicon", k, v)
		}
	}
}

func TestTableShape(t *testing.T) {
	const nb = 1<<16 + 1
	if len(table) != 4*nb+4*numWords {
		t.Fatalf("table is %d bytes, want %d", len(table), 4*nb+4*numWords)
	}
	total := len(table) + len(variantsText)
	if total >= 3<<20 {
		t.Errorf("embedded data is %d bytes, want < 3 MB", total)
	}
	t.Logf("%d words, %d bytes of table, %d bytes of spelling pairs", numWords, len(table), len(variantsText))
}

func TestLookupAllocs(t *testing.T) {
	words := []string{"the", "Government", "naibbuckley", "Zürich", "don’t", "ability's"}
	for _, w := range words {
		if n := testing.AllocsPerRun(100, func() { Lookup(w) }); n != 0 {
			t.Errorf("Lookup(%q) allocates %v times", w, n)
		}
	}
	BritishAmerican("colour")
	if n := testing.AllocsPerRun(100, func() { BritishAmerican("colour") }); n != 0 {
		t.Errorf("BritishAmerican allocates %v times", n)
	}
}

// TestColdStart measures, in fresh processes, the time of the first Lookup
// (the table is read in place, so it costs only page faults) and of the
// first BritishAmerican (which builds a map of the pairs). A busy machine
// can stall any one process, so the best of three runs counts.
func TestColdStart(t *testing.T) {
	if os.Getenv("LEXICON_COLD_START") == "1" {
		start := time.Now()
		i := Lookup("government")
		d := time.Since(start)
		start = time.Now()
		BritishAmerican("colour")
		d2 := time.Since(start)
		os.Stdout.WriteString("cold " + strconv.FormatInt(d.Nanoseconds(), 10) + " " + strconv.FormatInt(d2.Nanoseconds(), 10) + " " + strconv.Itoa(int(i.Tier)) + "\n")
		return
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	best, best2 := time.Hour, time.Hour
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestColdStart$")
		cmd.Env = append(os.Environ(), "LEXICON_COLD_START=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		i := bytes.Index(out, []byte("cold "))
		if i < 0 {
			t.Fatalf("child printed no timing:\n%s", out)
		}
		f := strings.Fields(string(out[i:]))
		if f[3] != "1" {
			t.Errorf("child looked up tier %s, want 1", f[3])
		}
		ns, _ := strconv.ParseInt(f[1], 10, 64)
		ns2, _ := strconv.ParseInt(f[2], 10, 64)
		best, best2 = min(best, time.Duration(ns)), min(best2, time.Duration(ns2))
	}
	t.Logf("first Lookup %v, first BritishAmerican %v", best, best2)
	if best > 5*time.Millisecond || best2 > 5*time.Millisecond {
		t.Errorf("cold start took %v and %v, want < 5ms each", best, best2)
	}
}

// TestUnknownWords checks how often a word that is not listed is taken for
// one: the 24-bit fingerprints make it about 5e-7 a lookup.
func TestUnknownWords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 200000
	const consonants = "bcdfghjklmnpqrstvwxz"
	var buf [12]byte
	hits := 0
	for range n {
		// Consonant-only strings of 8-12 letters are not English words.
		w := buf[:8+r.IntN(5)]
		for i := range w {
			w[i] = consonants[r.IntN(len(consonants))]
		}
		if Lookup(string(w)).Known() {
			hits++
		}
	}
	t.Logf("%d of %d random non-words found", hits, n)
	if hits > 2 {
		t.Errorf("%d of %d random non-words found in the lexicon", hits, n)
	}
}

var sink Info

// cpuTime is the process's CPU time, which a busy machine disturbs less
// than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkLookup(b *testing.B) {
	words := []string{"the", "government", "announced", "naibbuckley", "salvadoran", "deportations", "of", "reportedly"}
	b.ReportAllocs()
	c := cpuTime()
	for i := 0; b.Loop(); i++ {
		sink = Lookup(words[i%len(words)])
	}
	b.ReportMetric(float64(cpuTime()-c)/float64(b.N), "cpu-ns/op")
}

func BenchmarkLookupFoldMixed(b *testing.B) {
	words := []string{"The", "Government", "ZÜRICH", "Naibbuckley", "Bukele’s"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink = LookupFold(words[i%len(words)])
	}
}

func BenchmarkBritishAmerican(b *testing.B) {
	words := []string{"colour", "organize", "government", "travelled"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		BritishAmerican(words[i%len(words)])
	}
}

func TestUnaccented(t *testing.T) {
	for _, w := range []string{"attaches", "cafe", "resume", "naive"} {
		if !Lookup(w).Known() {
			t.Errorf("Lookup(%q) is unknown", w)
		}
	}
	if _, ok := BritishAmerican("program"); ok {
		t.Error("program has a British counterpart")
	}
}
