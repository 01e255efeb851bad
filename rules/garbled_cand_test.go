package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtlint/mtlint/checker/checkertest"
	"github.com/mtlint/mtlint/checker/glossary"
	"github.com/mtlint/mtlint/checker/text"
)

// TestGarbledNameByCandidate checks that remembering what each candidate
// text gave (candMemo) reports what looking at every candidate reports:
// on the names test set, and on a text where garbled names, terms, their
// words and common words recur in varying company, in capitals, with
// hyphens and initials, and beside terms that start where they do.
func TestGarbledNameByCandidate(t *testing.T) {
	extra := []glossary.Entry{{Term: "Nayib Bukele", Kind: glossary.Person}, {Term: "Tren de Aragua", Variants: []string{"Train of Aragua"}},
		{Term: "El Salvador", Kind: glossary.Place}, {Term: "Montoya-Galvez", Kind: glossary.Person}, {Term: "NATO"}, {Term: "White House"},
		{Term: "New York Times", Variants: []string{"NY Times"}}, {Term: "New York"}, {Term: "Al-Shabaab"}}
	entries := namesTestEntries(t, extra, 1500, 7)
	var forms []string
	for _, e := range entries {
		forms = append(forms, e.Term)
		forms = append(forms, e.Variants...)
	}
	rng := rand.New(rand.NewPCG(13, 14))
	// A small pool of spellings, so that they recur.
	var pool []string
	for range 300 {
		f := forms[rng.IntN(len(forms))]
		switch rng.IntN(8) {
		case 0:
			f = strings.ToUpper(garbleName(rng, f, 1))
		case 1:
			f = strings.ReplaceAll(garbleName(rng, f, 1), " ", "-")
		case 2:
			f = strings.ReplaceAll(f, "-", " ")
		case 3:
			f = "S. " + garbleName(rng, f, 1)
		case 4:
			f = []string{"White Horse", "Readlink", "President Bukele", "Bukele Bukele", "Monto Galves", "Montoya-Galves"}[rng.IntN(6)]
		default:
			f = garbleName(rng, f, 1+rng.IntN(2))
		}
		pool = append(pool, f)
	}
	var b strings.Builder
	for range 5000 {
		f := pool[rng.IntN(len(pool))]
		switch rng.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "%s said so. ", f)
		case 1:
			fmt.Fprintf(&b, "They met %s and %s. ", f, pool[rng.IntN(len(pool))])
		case 2:
			fmt.Fprintf(&b, "Then %s %s spoke. ", forms[rng.IntN(len(forms))], f)
		case 3:
			fmt.Fprintf(&b, "The readlink of %s. ", f)
		default:
			fmt.Fprintf(&b, "Later %s left.\n\n", f)
		}
	}
	checkGarbledSwitch(t, b.String(), entries, &byCandidate, "by candidate text", "looking at every candidate")
}

// TestGarbledNameWorkersRecycled checks that the workers recycled from
// document to document (garbledWorkers) carry nothing over: each file of
// the names test set gets the same findings whatever was checked before
// it, and a worker reset is empty.
func TestGarbledNameWorkersRecycled(t *testing.T) {
	gl := glossary.New(namesTestEntries(t, nil, 1500, 7))
	names := []string{"garbled.txt", "clean.txt", "garbled.txt"}
	docs := map[string]string{}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(namesSet, name))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(data)
	}
	first := map[string]string{}
	for _, order := range [][]string{names, {"clean.txt", "garbled.txt", "clean.txt"}} {
		for _, name := range order {
			got := fmt.Sprint(checkertest.Check(t, name, docs[name], GarbledName, gl))
			if want, ok := first[name]; !ok {
				first[name] = got
			} else if got != want {
				t.Errorf("%s: findings differ after other documents:\n%s\n%s", name, got, want)
			}
		}
	}
	wk := garbledWorkers.Get().(*garbledWorker)
	wk.memo.index["Bukele"] = 0
	wk.memo.list = append(wk.memo.list, bestMemo{})
	wk.cands.index["Bukele"] = 0
	wk.cands.list = append(wk.cands.list, candResult{})
	wk.cands.spans = append(wk.cands.spans, text.Span{})
	wk.cands.hits = append(wk.cands.hits, garbledHit{})
	wk.present[1] = true
	wk.reset()
	if len(wk.memo.index)+len(wk.memo.list)+len(wk.cands.index)+len(wk.cands.list)+len(wk.cands.spans)+len(wk.cands.hits)+len(wk.present) != 0 {
		t.Errorf("a worker reset is not empty: %+v", wk)
	}
}

// TestEmptied checks that emptied clears a map that holds a quarter of
// the keys it has held or more, and makes a new one otherwise.
func TestEmptied(t *testing.T) {
	for _, c := range []struct {
		keys, room, room2 int
		same              bool
	}{{0, 0, 0, true}, {3, 0, 3, true}, {5, 8, 8, true}, {2, 8, 8, true}, {1, 8, 1, false}, {0, 8, 0, false}, {100, 1000, 100, false}, {300, 1000, 1000, true}} {
		m := map[string]int32{}
		for k := range c.keys {
			m[fmt.Sprint(k)] = int32(k)
		}
		room := c.room
		got := emptied(m, &room)
		m["x"] = 1 // the same map if got is m
		if len(got) != 0 && !c.same || len(got) != 1 && c.same || room != c.room2 {
			t.Errorf("%d keys, room %d: same map %v, room %d; want %v, %d", c.keys, c.room, len(got) == 1, room, c.same, c.room2)
		}
	}
}
