// Package randtext makes random strings for tests that check a fast path
// against its plain definition. It imports nothing of mtlint, so that the
// tests of any package may use it.
package randtext

import (
	"math/rand/v2"
	"strings"
)

// Words returns n strings of 0 to maxRunes-1 runes, each drawn from
// alphabet.
func Words(rng *rand.Rand, alphabet string, n, maxRunes int) []string {
	runes := []rune(alphabet)
	words := make([]string, n)
	var b strings.Builder
	for i := range words {
		b.Reset()
		for k := rng.IntN(maxRunes); k > 0; k-- {
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		words[i] = b.String()
	}
	return words
}

// Name returns a made-up capitalised name of two to four syllables drawn
// from syllables (ASCII, lower case).
func Name(rng *rand.Rand, syllables []string) string {
	var b strings.Builder
	for k := 2 + rng.IntN(3); k > 0; k-- {
		b.WriteString(syllables[rng.IntN(len(syllables))])
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// Join returns 0 to maxParts-1 strings drawn from parts, joined: random
// text made of the pieces a fast path must get right.
func Join(rng *rand.Rand, parts []string, maxParts int) string {
	var b strings.Builder
	for range rng.IntN(maxParts) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}
