package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The fast paths of the index must agree with the plain definitions.

var keyCases = []string{
	"", "Bukele", "Nayib Bukele", "nayib  bukele", "Montoya-Galvez", "Montoya - Galvez",
	"Montoya -Galvez", " -Galvez", "- a", "a -", "Son\tHeung\nMin", "São Paulo", "Ñuñoa - Chile",
	"AL-Assad", "x\r\ny", "A\fB", "  lead", "trail  ", "--", "a--b", "Dalí-Gómez",
}

func TestPartKeyHash(t *testing.T) {
	for _, s := range keyCases {
		if got, want := partKeyHash(s), hashString(partKey(s)); got != want {
			t.Errorf("partKeyHash(%q) = %x, want %x (key %q)", s, got, want, partKey(s))
		}
	}
}

// TestPartKeyHashRandom checks partKeyHash against its definition on
// random strings of the bytes it treats apart.
func TestPartKeyHashRandom(t *testing.T) {
	parts := []string{" ", "\t", "\n", "\r", "\f", "-", "a", "Z", "'", "0", "é", "É"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for k := rng.IntN(9); k > 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := partKeyHash(s), hashString(partKey(s)); got != want {
			t.Fatalf("partKeyHash(%q) = %x, want %x (key %q)", s, got, want, partKey(s))
		}
	}
}

func TestPossessive(t *testing.T) {
	plain := func(w string) int {
		for _, p := range []string{"'s", "’s", "'S", "’S"} {
			if len(w) > len(p)+1 && strings.HasSuffix(w, p) {
				return len(p)
			}
		}
		return 0
	}
	for _, w := range []string{"", "s", "'s", "a's", "ab's", "Bukele's", "BUKELE'S", "Bukele’s", "a’s", "ab’s", "abc’S", "ss", "bus", "x‘s", "ab\x99s"} {
		if got, want := possessive(w), plain(w); got != want {
			t.Errorf("possessive(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestMatchAtFilter checks that the bit set in front of the map of token
// sequences never hides a form: every form is found at the start of its
// own text.
func TestMatchAtFilter(t *testing.T) {
	entries := append([]Entry{{Term: "Nayib Bukele", Variants: []string{"Naib Bukele"}}, {Term: "El Salvador"}}, Synthetic(3000, 7)...)
	ix := NewIndex(entries)
	for id, f := range ix.Forms {
		forms := ix.Lookup(f.Text)
		found := false
		for _, g := range forms {
			found = found || int(g) == id
		}
		if !found {
			t.Fatalf("form %d %q not found by Lookup (got %v)", id, f.Text, forms)
		}
		if forms := ix.Lookup(f.Text + "'s"); len(forms) != 0 {
			// A possessive is not part of the whole-text lookup.
			t.Fatalf("Lookup(%q's) = %v", f.Text, forms)
		}
	}
}

func TestDeletionsFast(t *testing.T) {
	collect := func(f func(func(uint64))) []uint64 {
		var out []uint64
		f(func(h uint64) { out = append(out, h) })
		return out
	}
	for _, c := range []string{"", "a", "ab", "abc", "bukele", "nayibbukele", "montoyagalvez", "sãopaulo", "北京市朝阳区", "x",
		"aaaaaaaaa", "abcdefg", "abcdefgé", "abcdeéf", "éabcdefgh", "a\x00b", "ab\xffcd", "Ab9-z"} {
		for d := 0; d <= 2; d++ {
			got := collect(func(fn func(uint64)) { deletions(c, d, fn) })
			want := collect(func(fn func(uint64)) { deletionsAny(c, d, fn) })
			if len(got) != len(want) {
				t.Fatalf("deletions(%q, %d): %d keys, want %d", c, d, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("deletions(%q, %d): key %d differs", c, d, i)
				}
			}
		}
	}
	plainSkel := func(sk string, fn func(uint64)) {
		if len(sk) < 3 {
			return
		}
		r := []rune(sk)
		fn(hashRunes(r, saltSkel))
		if len(r) >= 5 {
			q := make([]rune, len(r)-1)
			for i := range r {
				copy(q, r[:i])
				copy(q[i:], r[i+1:])
				fn(hashRunes(q, saltSkel))
			}
		}
	}
	for _, sk := range []string{"", "ab", "abc", "bkl", "nbbkl", "mntgglvzmntgglvzmntgglvzmntgglvzmntgglvz", "sõpl"} {
		got := collect(func(fn func(uint64)) { skeletonKeys(sk, fn) })
		want := collect(func(fn func(uint64)) { plainSkel(sk, fn) })
		if len(got) != len(want) {
			t.Fatalf("skeletonKeys(%q): %d keys, want %d", sk, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("skeletonKeys(%q): key %d differs", sk, i)
			}
		}
	}
}

// TestDeletionKeysDistinct checks that distinct ASCII strings of up to
// prefixLen bytes get distinct deletion keys, whichever path computes
// them: the polynomial of such a string is exact.
func TestDeletionKeysDistinct(t *testing.T) {
	seen := map[uint64]string{}
	add := func(s string) {
		var kb [1]uint64
		k := appendDeletions(kb[:0], s, 0)[0]
		if r := runesKey([]rune(s)); r != k {
			t.Fatalf("%q: rune key %x, byte key %x", s, r, k)
		}
		if o, ok := seen[k]; ok && o != s {
			t.Fatalf("%q and %q have the same key", o, s)
		}
		seen[k] = s
	}
	alphabet := "ab09\x01\x7f"
	var rec func(s string)
	rec = func(s string) {
		add(s)
		if len(s) < 5 {
			for i := 0; i < len(alphabet); i++ {
				rec(s + alphabet[i:i+1])
			}
		}
	}
	rec("")
	rng := rand.New(rand.NewPCG(5, 5))
	for range 100000 {
		b := make([]byte, 1+rng.IntN(prefixLen))
		for i := range b {
			b[i] = byte(1 + rng.IntN(127))
		}
		add(string(b))
	}
}
