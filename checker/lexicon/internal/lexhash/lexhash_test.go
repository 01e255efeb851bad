package lexhash

import (
	"strings"
	"testing"
)

func TestSumFold(t *testing.T) {
	for _, w := range []string{"", "a", "The", "GOVERNMENT", "Naibbuckley", "don't", "abcdefgh", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "x's"} {
		got, ok := SumFold(w, 7)
		if !ok {
			t.Fatalf("SumFold(%q) not ok", w)
		}
		if want := Sum(strings.ToLower(w), 7); got != want {
			t.Errorf("SumFold(%q) = %x, want Sum of lower case %x", w, got, want)
		}
		if b := Sum([]byte(strings.ToLower(w)), 7); b != got {
			t.Errorf("Sum([]byte(%q)) = %x, want %x", w, b, got)
		}
	}
	for _, w := range []string{"café", "Zürich", "abcdefghé", "don’t"} {
		if _, ok := SumFold(w, 0); ok {
			t.Errorf("SumFold(%q) ok on non-ASCII", w)
		}
	}
	if Sum("ab", 0) == Sum("ba", 0) || Sum("abcdefgh", 0) == Sum("abcdefgh\x00", 0) {
		t.Error("trivial collision")
	}
}
