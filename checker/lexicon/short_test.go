package lexicon

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// shortKey returns the key in short of a word of one to eight bytes, as
// Lookup works it out in place: the bytes of w in one number, the first
// in the low byte, and the length of w in the top byte if w is shorter
// than eight bytes. ok is false for other lengths and for an eight-byte
// word whose last byte could pass for a length.
func shortKey(w string) (k uint64, ok bool) {
	n := len(w)
	if n < 1 || n > 8 || n == 8 && w[7] < 8 {
		return 0, false
	}
	for i := n - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	if n < 8 {
		k |= uint64(n) << 56
	}
	return k, true
}

// TestShortKey checks that shortKey gives different words different keys,
// on random words of bytes that could pass for lengths or padding.
func TestShortKey(t *testing.T) {
	alphabet := []byte{0, 1, 2, 7, 8, 'a', 'b', 'A', 0x80, 0xff}
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[uint64]string{}
	for range 300000 {
		b := make([]byte, r.IntN(10))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		w := string(b)
		k, ok := shortKey(w)
		if wantOK := len(w) >= 1 && len(w) <= 8 && !(len(w) == 8 && w[7] < 8); ok != wantOK {
			t.Fatalf("shortKey(%q) ok = %v, want %v", w, ok, wantOK)
		}
		if !ok {
			continue
		}
		if prev, dup := seen[k]; dup && prev != w {
			t.Fatalf("shortKey(%q) = shortKey(%q) = %#x", w, prev, k)
		}
		seen[k] = w
	}
}

// TestLookupShort checks that Lookup answers as lookup, whether short
// holds the word, another one in its slot, or is being filled by other
// goroutines.
func TestLookupShort(t *testing.T) {
	if palette[notFound] != (Info{}) {
		t.Fatalf("palette[%d] = %v, want the zero Info", notFound, palette[notFound])
	}
	words := []string{"the", "The", "THE", "of", "a", "I", "it's", "don’t", "Zürich", "cafe", "café", "walked", "zzzz", "x",
		"May", "may", "Debian", "although", "Although", "anything", "ability's", "naibbuck", "\x00", "a\x00", "ab\x07cdefg"}
	words = append(words, strings.Fields("Officials at the U.S. Department of Transportation said the grant would cover about 40% of the cost")...)
	r := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		b := make([]byte, 1+r.IntN(9))
		for i := range b {
			b[i] = "abcdeéT'’s"[r.IntN(12)]
		}
		words = append(words, string(b))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 9))
			for range 50000 {
				w := words[r.IntN(len(words))]
				if got, want := Lookup(w), palette[lookup(w)]; got != want {
					t.Errorf("Lookup(%q) = %v, lookup gives %v", w, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestLookupKey checks that Lookup notes a word of up to eight bytes in
// short under its shortKey, and a word without one nowhere.
func TestLookupKey(t *testing.T) {
	alphabet := []byte{0, 1, 2, 7, 8, 'a', 'b', 'A', '\'', 0x80, 0xff}
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		for i := range short {
			short[i].Store(0)
		}
		b := make([]byte, r.IntN(11))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		w := string(b)
		want := palette[lookup(w)]
		if got := Lookup(w); got != want {
			t.Fatalf("Lookup(%q) = %v, lookup gives %v", w, got, want)
		}
		k, ok := shortKey(w)
		if !ok {
			for i := range short {
				if e := short[i].Load(); e != 0 {
					t.Fatalf("Lookup(%q), a word without a key, noted %#x in slot %d", w, e, i)
				}
			}
			continue
		}
		m := k * shortMul
		if e := short[m>>shortKeyBits].Load(); e&(shortValid|shortKeyMask) != shortValid|m&shortKeyMask {
			t.Fatalf("Lookup(%q) left %#x in the slot of its key %#x", w, e, k)
		}
	}
}
