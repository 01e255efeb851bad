package text

import "testing"

func TestDistinctNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Henan", "Hunan", true},
		{"Hebei Province", "Hubei Province", true},
		{"Megan", "Meghan", true},
		{"Bakle", "Bukele", false},         // not a name anyone spells so
		{"Buckley", "Bukele", false},       // one of the two is unknown
		{"Henan", "Henan", false},          // the same name
		{"HENAN", "Henan", false},          // the same, in capitals
		{"Henan", "Hunan Province", false}, // not word for word
		{"", "", false},
	} {
		if got := DistinctNames(tc.a, tc.b); got != tc.want {
			t.Errorf("DistinctNames(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
