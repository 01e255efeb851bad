package cluster

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest/randtext"
	"github.com/mtlint/mtlint/checker/lexicon"
	"github.com/mtlint/mtlint/checker/text"
)

var lexOpts = Options{
	MinSimilarity: 0.8,
	Known:         func(w string) bool { return lexicon.Lookup(w).Known() },
	Common:        lexicon.IsCommon,
}

func names(counts map[string]int, order ...string) []Item {
	var items []Item
	for _, s := range order {
		items = append(items, Item{Text: s, Kind: Name, Count: counts[s], Mid: true})
	}
	return items
}

func TestGroup(t *testing.T) {
	tests := []struct {
		items []Item
		want  [][]int
	}{
		// Garbled transliterations of one name.
		{names(nil, "Okonkwo", "Okonqwo", "Okonkwo Adaeze"), [][]int{{0, 1}}},
		{names(nil, "Wieczorkiewicz", "Wieczorkewicz", "Tomasz Wieczorkiewicz"), [][]int{{0, 1}}},
		{names(nil, "Tomasz Wieczorkiewicz", "Tomasz Wieczorkewicz"), [][]int{{0, 1}}},
		// A single word beside a longer name is left to the glossary.
		{names(nil, "Tomasz Wieczorkiewicz", "Wieczorkewicz"), nil},
		// A first name merged into the surname.
		{names(nil, "Adaezeokonkwo", "Okonkwo"), [][]int{{0, 1}}},
		// Casing, hyphens and a leading article are exact variants.
		{names(nil, "Banco de Sabadell", "Banco De Sabadell", "Banco-de-Sabadell"), [][]int{{0, 1, 2}}},
		{names(nil, "El Salvador", "Salvador"), [][]int{{0, 1}}},
		// A surname beside the full name is no variant; nor is a
		// leading particle of a surname.
		{names(nil, "Ngozi Okonkwo", "Okonkwo"), nil},
		{names(nil, "Al Gore", "Gore"), nil},
		// Derived forms and different words.
		{names(nil, "Paul", "Paula", "Paul Martin", "Paula Martin"), nil},
		// Two glossary terms are never merged.
		{[]Item{{Text: "Okonkwo", Kind: Name, Term: 1, Mid: true}, {Text: "Okonqwo", Kind: Name, Term: 2, Mid: true}}, nil},
		// Names only seen at sentence starts need more than likeness.
		{[]Item{{Text: "Getpid", Kind: Name, Count: 1}, {Text: "Getppid", Kind: Name, Count: 1}}, nil},
		// Kinds do not mix; acronyms group by their letters.
		{[]Item{{Text: "US", Kind: Acronym}, {Text: "U.S.", Kind: Acronym}, {Text: "Us", Kind: Name}}, [][]int{{0, 1}}},
		{[]Item{{Text: "e-mail", Kind: Compound}, {Text: "email", Kind: Compound}}, [][]int{{0, 1}}},
	}
	for _, tt := range tests {
		got := Group(tt.items, lexOpts)
		if !reflect.DeepEqual(got, tt.want) {
			var texts []string
			for _, it := range tt.items {
				texts = append(texts, it.Text)
			}
			t.Errorf("Group(%q) = %v, want %v", texts, got, tt.want)
		}
	}
}

// A garble alike to two known names joins one of them and does not chain
// them together.
func TestGroupKnownAnchors(t *testing.T) {
	opt := lexOpts
	opt.Known = func(w string) bool { return w == "marella" || w == "marilla" }
	got := Group(names(nil, "Marella", "Marolla", "Marilla"), opt)
	if want := [][]int{{0, 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Group = %v, want %v", got, want)
	}
}

func TestGroupOrderIndependent(t *testing.T) {
	a := names(map[string]int{"Okonkwo": 3}, "Okonkwo", "Okonqwo", "Vandermeulen", "Vandermuelen", "Adaeze")
	b := []Item{a[4], a[3], a[1], a[2], a[0]}
	ga, gb := Group(a, lexOpts), Group(b, lexOpts)
	key := func(items []Item, groups [][]int) []string {
		var out []string
		for _, g := range groups {
			var texts []string
			for _, i := range g {
				texts = append(texts, items[i].Text)
			}
			sort.Strings(texts)
			out = append(out, strings.Join(texts, "|"))
		}
		sort.Strings(out)
		return out
	}
	ka, kb := key(a, ga), key(b, gb)
	want := []string{"Okonkwo|Okonqwo", "Vandermeulen|Vandermuelen"}
	if !reflect.DeepEqual(ka, want) || !reflect.DeepEqual(kb, want) {
		t.Errorf("groups depend on order: %q and %q, want %q", ka, kb, want)
	}
}

func TestShortenedFuller(t *testing.T) {
	if !Shortened("Bukele", "Nayib Bukele") || Shortened("Bakle", "Nayib Bukele") || Shortened("El Salvador", "Salvador") {
		t.Error("Shortened")
	}
	if !Fuller("El Salvador", "Salvador") || Fuller("Salvador", "El Salvador") || Fuller("Nayib Bukele", "Bukele") {
		t.Error("Fuller")
	}
	if got := LastWord("Tren de Aragua"); got != "Aragua" {
		t.Errorf("LastWord = %q", got)
	}
}

func BenchmarkGroup(b *testing.B) {
	var items []Item
	for i := 0; i < 2000; i++ {
		items = append(items, Item{Text: fmt.Sprintf("Name%c%c%c", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26), Kind: Name, Count: 1, Mid: true})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Group(items, lexOpts)
	}
}

// TestArenaName checks the names Group builds, with their ASCII fast
// path, against newNameCompact.
func TestArenaName(t *testing.T) {
	texts := []string{"", "-", "Nayib Bukele", "Tren de Aragua", "Banco-de-Sabadell", "U.S. Army", "O'Brien", "MS13 Gang",
		"ICBC Bank", "Montoya–Galvez", "Montoya‐Galvez", "Ávila Camacho", "São Paulo", "Łódź", "Straße", "Mc Donald ",
		"  two  spaces ", "Al-Jazeera", "X", "\xffbad utf8", "Ångström Lab", "Face Book", "e-mail", "ΑΘΗΝΑ Greece"}
	var arena nameArena
	for _, s := range texts {
		for _, compact := range []string{text.Compact(s), "wrong"} {
			want := newNameCompact(s, compact)
			got := arena.newName(s, compact)
			if !reflect.DeepEqual(got.words, want.words) && len(got.words)+len(want.words) > 0 ||
				!reflect.DeepEqual(got.content, want.content) && len(got.content)+len(want.content) > 0 ||
				!reflect.DeepEqual(got.acronym, want.acronym) && len(got.acronym)+len(want.acronym) > 0 {
				t.Errorf("%q (compact %q): got %q %q %v, want %q %q %v", s, compact, got.words, got.content, got.acronym, want.words, want.content, want.acronym)
			}
			if got.chash != want.chash || !got.sameContent(want) {
				t.Errorf("%q (compact %q): content hash %x, want %x", s, compact, got.chash, want.chash)
			}
			if got.ascii && (compact != text.Compact(s) || text.Skeleton(s) != text.Skeleton(compact)) {
				t.Errorf("%q (compact %q): taken for ASCII", s, compact)
			}
		}
	}
}

func TestMergeUnique(t *testing.T) {
	for n := 0; n < 8; n++ {
		var lists [][]int32
		want := map[int32]bool{}
		for k := 0; k < n; k++ {
			var l []int32
			for v := int32(k); v < 60; v += int32(k + 2) {
				l = append(l, v)
				want[v] = true
			}
			lists = append(lists, l)
		}
		got := mergeUnique(nil, lists)
		if !sort.SliceIsSorted(got, func(i, j int) bool { return got[i] < got[j] }) || len(got) != len(want) {
			t.Errorf("%d lists: got %v", n, got)
		}
		for i := 1; i < len(got); i++ {
			if got[i] == got[i-1] {
				t.Errorf("%d lists: %d twice", n, got[i])
			}
		}
	}
}

// mergeUniqueSlow is mergeUnique as it was written first: the least head
// of the lists, looked for among all of them, for each value.
func mergeUniqueSlow(dst []int32, lists [][]int32) []int32 {
	lists = slices.Clone(lists)
	for {
		best := int32(-1)
		for _, l := range lists {
			if len(l) > 0 && (best < 0 || l[0] < best) {
				best = l[0]
			}
		}
		if best < 0 {
			return dst
		}
		dst = append(dst, best)
		for k, l := range lists {
			if len(l) > 0 && l[0] == best {
				lists[k] = l[1:]
			}
		}
	}
}

// TestMergeUniqueRandom checks mergeUnique against mergeUniqueSlow for
// lists of increasing values that share many, empty lists among them.
func TestMergeUniqueRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for run := 0; run < 3000; run++ {
		var lists [][]int32
		for range rng.IntN(7) {
			var l []int32
			for v := int32(rng.IntN(5)); v < int32(20+rng.IntN(200)); v += int32(1 + rng.IntN(6)) {
				l = append(l, v)
			}
			if rng.IntN(5) == 0 {
				l = l[:0]
			}
			lists = append(lists, l)
		}
		want := mergeUniqueSlow(nil, lists)
		got := mergeUnique(nil, lists)
		if !slices.Equal(got, want) {
			t.Fatalf("%v: got %v, want %v", lists, got, want)
		}
	}
}

// TestAllKnown checks allKnown, which takes a name all of whose words
// are known at once, against a look at each word, for checked names of
// known and unknown words, shared or not.
func TestAllKnown(t *testing.T) {
	slow := func(a, b *name, opt Options) bool {
		if opt.Known == nil {
			return false
		}
		for i, w := range a.content {
			if !contains(b.content, w) && !a.wordKnown(i, opt) {
				return false
			}
		}
		return true
	}
	words := []string{"Austria", "Australia", "Paris", "Bukele", "Nayib", "Buckley", "South", "Sudan", "de", "la", "Xqzt", "Tren", "Aragua"}
	rng := rand.New(rand.NewPCG(13, 14))
	for run := 0; run < 3000; run++ {
		mk := func() *name {
			var ws []string
			for range 1 + rng.IntN(3) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			return newName(strings.Join(ws, " ")).check(lexOpts)
		}
		a, b := mk(), mk()
		for _, opt := range []Options{lexOpts, {}} {
			if got, want := allKnown(a, b, opt), slow(a, b, opt); got != want {
				t.Fatalf("%q, %q: allKnown %v, want %v", a.text, b.text, got, want)
			}
		}
	}
}

// TestGroupJobs: Group gives the same groups whatever the number of
// goroutines it may use, for names alike in many ways, glossary terms and
// known names among them.
func TestGroupJobs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	syl := []string{"ba", "ko", "ri", "mu", "ta", "ne", "sa", "lo", "vi", "de", "gu", "ha", "an", "el", "ia"}
	word := func() string { return randtext.Name(rng, syl) }
	known := []string{"Austria", "Australia", "Greece", "Greek", "Paul", "Paula", "Sudan", "South Sudan", "El Salvador", "Salvador"}
	var items []Item
	for len(items) < 5000 {
		var s string
		switch k := rng.IntN(10); {
		case k == 0:
			s = known[rng.IntN(len(known))]
		case k < 3 && len(items) > 0:
			// A variant of an earlier one: a letter changed, dropped
			// or doubled, another casing, words joined.
			b := []byte(items[rng.IntN(len(items))].Text)
			i := rng.IntN(len(b))
			switch rng.IntN(4) {
			case 0:
				b[i] = "aeiouklmn"[rng.IntN(9)]
			case 1:
				b = append(b[:i:i], b[i+1:]...)
			case 2:
				b = append(b[:i+1:i+1], b[i:]...)
			default:
				b = []byte(strings.ReplaceAll(strings.ToUpper(string(b)), " ", ""))
			}
			s = string(b)
		default:
			s = word()
			if rng.IntN(3) == 0 {
				s += " " + word()
			}
			if rng.IntN(10) == 0 {
				s = "de " + s
			}
		}
		it := Item{Text: s, Kind: Name, Count: 1 + rng.IntN(3), Mid: rng.IntN(4) != 0}
		if rng.IntN(20) == 0 {
			it.Term = 1 + rng.IntN(50)
		}
		if rng.IntN(30) == 0 {
			it.Kind = Acronym
		}
		items = append(items, it)
	}
	opt := lexOpts
	want := Group(items, opt)
	if len(want) < 100 {
		t.Fatalf("%d groups, want more to test", len(want))
	}
	for _, jobs := range []int{2, 8} {
		opt.Jobs = jobs
		if got := Group(items, opt); !reflect.DeepEqual(got, want) {
			t.Errorf("Jobs %d: groups differ from one job's", jobs)
		}
	}
	// Known and Common in one look-up.
	opt.Jobs = 1
	opt.Lookup = func(w string) (bool, bool) { return opt.Known(w), opt.Common(w) }
	if got := Group(items, opt); !reflect.DeepEqual(got, want) {
		t.Error("with Lookup: groups differ")
	}
}

// TestKnownIDs checks the numbers of known names' contents against
// numbering their words joined, with contents of equal hashes.
func TestKnownIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	vocab := []string{"nayib", "bukele", "el", "salvador", "san", "jose", "costa", "rica"}
	var names []*name
	for range 2000 {
		var content []string
		for k := 1 + rng.IntN(3); k > 0; k-- {
			content = append(content, vocab[rng.IntN(len(vocab))])
		}
		// Many contents of alike hashes.
		n := &name{content: content, chash: contentHash(content) & 3}
		names = append(names, n)
	}
	var k knownIDs
	byText := map[string]int{}
	byID := map[int]string{}
	for i, n := range names {
		id := k.id(names, i)
		text := strings.Join(n.content, " ")
		if id <= 0 {
			t.Fatalf("name %d: id %d", i, id)
		}
		if prev, ok := byText[text]; ok && prev != id {
			t.Fatalf("%q: id %d, before %d", text, id, prev)
		}
		if prev, ok := byID[id]; ok && prev != text {
			t.Fatalf("id %d for %q and %q", id, text, prev)
		}
		byText[text], byID[id] = id, text
	}
}

// TestNameWords checks Shortened, Fuller, Suggest and Known, which split
// names with nameWords, against the same made from whole names, as they
// were.
func TestNameWords(t *testing.T) {
	texts := []string{"", "-", "Nayib Bukele", "Bukele", "Bakle", "Tren de Aragua", "Tren Aragua", "Banco-de-Sabadell", "U.S. Army",
		"El Salvador", "Salvador", "Lorenzo Fiolamonti", "Fioramonti", "Al Gore", "Gore", "Montoya–Galvez", "São Paulo",
		"Austria", "Australia", "the United States", "United States", "de la Cruz", "Word Word Word Word Word Word Word Word Word Word"}
	opt := lexOpts
	for _, a := range texts {
		wa, ca := nameWords(a, nil, nil)
		if n := newName(a); !equalWords(wa, n.words) || !equalWords(ca, n.content) {
			t.Errorf("nameWords(%q) = %q %q, want %q %q", a, wa, ca, n.words, n.content)
		}
		if got, want := Known(a, opt), newName(a).check(opt).known; got != want {
			t.Errorf("Known(%q) = %v, want %v", a, got, want)
		}
		for _, b := range texts {
			na, nb := newName(a), newName(b)
			short := len(na.content) != len(nb.content) && (subset(na.content, nb.content) || subset(nb.content, na.content))
			if got := Shortened(a, b); got != short {
				t.Errorf("Shortened(%q, %q) = %v", a, b, got)
			}
			full := len(na.words) > len(nb.words) && equalWords(na.content, nb.content)
			if got := Fuller(a, b); got != full {
				t.Errorf("Fuller(%q, %q) = %v", a, b, got)
			}
			sugg := b
			switch {
			case len(na.content) == 1 && len(nb.content) > 1:
				if last := LastWord(b); text.Similarity(a, last).Score > text.Similarity(a, b).Score {
					sugg = last
				}
			case len(na.content) > 1 && len(nb.content) == 1:
				if last := LastWord(a); text.Similarity(last, b).Score > text.Similarity(a, b).Score {
					sugg = strings.TrimSuffix(a, last) + b
				}
			}
			if got := Suggest(a, b); got != sugg {
				t.Errorf("Suggest(%q, %q) = %q, want %q", a, b, got, sugg)
			}
		}
	}
}

// TestNearDistance checks nearDistance against text.Distance, on strings
// of few letters (many alike), with non-ASCII ones among them.
func TestNearDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 7))
	letters := []string{"a", "b", "k", "l", "é", "ß", "ł"}
	str := func() string {
		var b strings.Builder
		for k := rng.IntN(7); k > 0; k-- {
			if rng.IntN(8) == 0 {
				b.WriteString(letters[4+rng.IntN(3)])
			} else {
				b.WriteString(letters[rng.IntN(4)])
			}
		}
		return b.String()
	}
	for range 200000 {
		a := str()
		b := a
		for k := rng.IntN(3); k > 0; k-- {
			// An edit or a new string.
			switch rng.IntN(4) {
			case 0:
				b = str()
			case 1:
				if i := rng.IntN(len(b) + 1); true {
					b = b[:i] + letters[rng.IntN(4)] + b[i:]
				}
			case 2:
				if len(b) > 0 {
					i := rng.IntN(len(b))
					b = b[:i] + b[i+1:]
				}
			default:
				if len(b) > 0 {
					i := rng.IntN(len(b))
					b = b[:i] + letters[rng.IntN(4)] + b[i+1:]
				}
			}
		}
		if got, want := nearDistance(a, b), min(text.Distance(a, b), 2); got != want {
			t.Fatalf("nearDistance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

// variantsSlow is variants as it was before skeletonsNear settled most
// pairs first: the skeletons compared last.
func variantsSlow(a, b *name, ca, cb int, opt Options) bool {
	if a.allCommon || b.allCommon || len(a.content) == 0 || len(b.content) == 0 {
		return false
	}
	if a.sameContent(b) {
		return connectorVariants(a.words, b.words)
	}
	if (len(a.content) > 1 || len(b.content) > 1) && (subset(a.content, b.content) || subset(b.content, a.content)) {
		return false
	}
	if strings.HasPrefix(a.compact, b.compact) || strings.HasPrefix(b.compact, a.compact) {
		return false
	}
	if allKnown(a, b, opt) && allKnown(b, a, opt) {
		return false
	}
	if len(a.content) == 1 && len(b.content) == 1 {
		long, short := a.compact, b.compact
		if len(long) < len(short) {
			long, short = short, long
		}
		if strings.Contains(long, short) {
			return len(short) >= 5 && len(long)-len(short) >= 3 && strings.HasSuffix(long, short) &&
				!(opt.Known != nil && opt.Known(long))
		}
		if short := min(len(a.compact), len(b.compact)); short < 5 || len(long)-short > 2 {
			return false
		}
		return wordVariants(a, b, ca, cb, opt)
	}
	if len(a.content) == len(b.content) {
		for i := range a.content {
			x, y := a.content[i], b.content[i]
			if x == y {
				continue
			}
			if a.acronym[i] || b.acronym[i] {
				return false
			}
			if a.wordKnown(i, opt) && b.wordKnown(i, opt) || strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
				return false
			}
			if nearDistance(a.wordSkeleton(i), b.wordSkeleton(i)) > 1 {
				return false
			}
			floor := max(opt.MinSimilarity-0.1, 0.7)
			px, py := text.PrepareName(x), text.PrepareName(y)
			if px.SimilarityAbove(&py, floor).Score < floor {
				return false
			}
		}
	}
	if len(a.content) != len(b.content) && min(len(a.compact), len(b.compact)) < 8 {
		return false
	}
	sa, sb := a.skeleton(), b.skeleton()
	d := nearDistance(sa, sb)
	if d > 1 || d == 1 && min(len(sa), len(sb)) < 4 {
		return false
	}
	if min(ca, cb) >= 2 && d != 0 {
		return false
	}
	floor := minScore(ca, cb, opt)
	pa, pb := a.prepared(), b.prepared()
	if pa.SimilarityAbove(pb, floor).Score >= floor {
		return true
	}
	return len(a.content) != len(b.content) && pb.SimilarityAbove(pa, floor).Score >= floor
}

// TestVariantsSkeletonsFirst checks variants, which tells the skeletons
// first, against variantsSlow on names of words garbled by an edit or two
// (many of them alike), known words, connectors and acronyms among them.
func TestVariantsSkeletonsFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	base := []string{"Buckley", "Bukele", "Nayib", "Naibbuckley", "Austria", "Australia", "Okonkwo", "Wieczorkiewicz",
		"Tomasz", "Paul", "Paula", "Sudan", "South", "Li", "Wei", "Xining", "Xinming", "Liang", "ICBC", "ABC", "Qing",
		"Shang", "Dynasty", "Salvador", "El", "de", "la", "Tren", "Aragua", "Ávila", "Łódź", "Mohammed", "Muhammad"}
	garble := func(w string) string {
		b := []byte(w)
		for k := rng.IntN(3); k > 0 && len(b) > 1; k-- {
			i := 1 + rng.IntN(len(b)-1)
			switch rng.IntN(3) {
			case 0:
				b = append(b[:i:i], b[i-1:]...) // doubled
			case 1:
				b = append(b[:i:i], b[i+1:]...)
			default:
				b[i] = "aeiouklrbp"[rng.IntN(10)]
			}
		}
		return string(b)
	}
	mk := func() string {
		var ws []string
		for range 1 + rng.IntN(3) {
			w := base[rng.IntN(len(base))]
			if rng.IntN(2) == 0 {
				w = garble(w)
			}
			ws = append(ws, w)
		}
		return strings.Join(ws, " ")
	}
	for run := 0; run < 20000; run++ {
		sa := mk()
		sb := sa
		if rng.IntN(2) == 0 {
			sb = mk()
		} else {
			ws := strings.Fields(sb)
			i := rng.IntN(len(ws))
			ws[i] = garble(ws[i])
			sb = strings.Join(ws, " ")
		}
		ca, cb := 1+rng.IntN(3), 1+rng.IntN(3)
		for _, opt := range []Options{lexOpts, {MinSimilarity: 0.8}} {
			a, b := newName(sa).check(opt), newName(sb).check(opt)
			if got, want := variants(a, b, ca, cb, opt), variantsSlow(a, b, ca, cb, opt); got != want {
				t.Fatalf("%q (%d), %q (%d): variants %v, want %v", sa, ca, sb, cb, got, want)
			}
		}
	}
}

// TestSkeletonASCII: skeletons are ASCII, so that variants compares them
// with nearASCII; text.Distance agrees with it on them.
func TestSkeletonASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := "abcdefghklmnoprstuvwyzéüßłøåçñ٣ΑΘΗΝ-' 1"
	var prev string
	for run := 0; run < 20000; run++ {
		s := strings.Join(randtext.Words(rng, alphabet, 1+rng.IntN(3), 9), " ")
		sk := text.Skeleton(s)
		if !isASCII(sk) {
			t.Fatalf("Skeleton(%q) = %q, not ASCII", s, sk)
		}
		if got, want := nearASCII(sk, prev), min(text.Distance(sk, prev), 2); got != want {
			t.Fatalf("nearASCII(%q, %q) = %d, want %d", sk, prev, got, want)
		}
		prev = sk
	}
}

// TestNearLengths checks nearLengths against its definition: lengths are
// far apart when they differ by more than 4 and a third of the longer.
func TestNearLengths(t *testing.T) {
	for ca := 0; ca < 600; ca++ {
		lo, hi := nearLengths(ca)
		for cb := 0; cb < 1000; cb++ {
			want := absDiff(ca, cb) > max(4, max(ca, cb)/3)
			if got := uint(cb-lo) > uint(hi-lo); got != want {
				t.Fatalf("lengths %d, %d: far %v, want %v", ca, cb, got, want)
			}
		}
	}
}
