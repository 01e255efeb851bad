package text

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzSimilarity checks the name comparison on any pair of strings: it
// never panics, folding is stable and keeps valid text valid, scores lie
// in [0, 1], Bound bounds the score, a name matches itself, and the range
// of the second name a match reports lies inside it.
func FuzzSimilarity(f *testing.F) {
	pairs := [][2]string{
		{"", ""},
		{"Nayib Bukele", "Naib Bukeley"},
		{"Bakle", "Nayib Bukele"},
		{"Montoya Galvez", "Camilo Montoya-Galvez"},
		{"tren de aragua", "Tren de Aragua"},
		{"Jean-Luc Moreau", "Jean Luc Moro"},
		{"ØSTERGÅRD", "Ostergaard"},
		{"Straße", "STRASSE"},
		{"ǅemal", "Džemal"},
		{"ﬁnance", "finance"},
		{"\xff\xfe", "a\u0301"},
		{"Ⅻ ㎏ ½", "xii kg 1/2"},
		{"al al al", "Al"},
		{"de", "de la"},
	}
	for _, p := range pairs {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 256 || len(b) > 256 {
			return
		}
		fa := Fold(a)
		if utf8.ValidString(a) && !utf8.ValidString(fa) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", a, fa)
		}
		if utf8.ValidString(a) {
			if ffa := Fold(fa); ffa != fa {
				t.Fatalf("Fold is not stable: %q -> %q -> %q", a, fa, ffa)
			}
		}
		_ = Skeleton(a)
		_ = Skeleton(Compact(a))
		_ = Distance(a, b)

		m := Similarity(a, b)
		if math.IsNaN(m.Score) || m.Score < 0 || m.Score > 1 {
			t.Fatalf("Similarity(%q, %q) = %+v out of [0, 1]", a, b, m)
		}
		if m.Score > 0 && (m.Start < 0 || m.End < m.Start || m.End > len(b)) {
			t.Fatalf("Similarity(%q, %q) = %+v: range outside %d bytes", a, b, m, len(b))
		}
		pa, pb := PrepareName(a), PrepareName(b)
		if bound := pa.Bound(&pb); m.Score > bound+1e-9 {
			t.Fatalf("Similarity(%q, %q) = %.3f above its bound %.3f", a, b, m.Score, bound)
		}
		if Compact(a) != "" {
			if s := Similarity(a, a); s.Score != 1 {
				t.Fatalf("Similarity(%q, itself) = %+v", a, s)
			}
		}
	})
}
