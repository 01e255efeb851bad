package text

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", "abc"},
		{"Nayib Bukele", "nayib bukele"},
		{"México", "mexico"},
		{"Søren Kierkegaard", "soren kierkegaard"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"ÉCOLE", "ecole"},
		{"Ｔｏｋｙｏ", "tokyo"},
		{"Erdoğan", "erdogan"},
		{"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldASCIINoAlloc(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { _ = Fold("already lower case") })
	if n != 0 {
		t.Errorf("Fold on lower-case ASCII allocates %v times", n)
	}
}
