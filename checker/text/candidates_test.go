package text

import (
	"strings"
	"testing"
)

// candTexts returns the normalised texts of the candidates of sentence s,
// an initial one marked with a leading "^".
func candTexts(s string) []string {
	toks := Tokenize(nil, s, Span{0, len(s)})
	var out []string
	for _, c := range Candidates(nil, s, toks) {
		t := c.Text(s)
		if c.Initial {
			t = "^" + t
		}
		out = append(out, t)
	}
	return out
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		in   string
		want string // candidate texts joined by " | "
	}{
		// Connectors only between capitalised words.
		{"He joined Tren de Aragua last year.", "Tren de Aragua"},
		{"He joined Tren De Aragua last year.", "Tren De Aragua"},
		{"It is run by the Department of Homeland Security now.", "Department of Homeland Security"},
		{"They went to the Bank of the West branch.", "Bank of the West"},
		{"Ask Ludwig van Beethoven and friends.", "Ludwig van Beethoven"},
		{"It was Juan de la Cruz who spoke.", "Juan de la Cruz"},
		{"It belongs to Mohammed bin Salman today.", "Mohammed bin Salman"},
		{"A rally by Bashar al-Assad supporters.", "Bashar al-Assad"},
		{"They met Ortega y Gasset there.", "Ortega y Gasset"},
		{"the capital of France is large", "France"},
		{"Ask Paris of course.", "Paris"},
		{"It is a city of Spain and the coast.", "Spain"},
		// Hyphens, spaced hyphens, numbers after acronyms.
		{"Camilo Montoya-Galvez reported it.", "^Camilo Montoya-Galvez"},
		{"It was Camilo Montoya-Galvez.", "Camilo Montoya-Galvez"},
		{"He saw members of MS-13 there.", "MS-13"},
		{"Leaders of MS-13 met.", "MS-13"},
		{"the F-16 jets flew", "F-16"},
		{"Photo by Agence France -Presse today.", "Agence France-Presse"},
		{"Photo by Agence France- Presse today.", "Agence France-Presse"},
		{"Photo by Agence France ‐Presse today.", "Agence France‐Presse"},
		{"Photo by Agence  France  -Presse today.", "Agence France-Presse"},
		{"Tarpullara - Chapas is a route.", "^Tarpullara | Chapas"},
		{"an Obama-era policy", "Obama"},
		{"the anti -gang law", ""},
		{"exporting non -Salvador immigrants", "Salvador"},
		// Apostrophes, possessives, CamelCase, acronyms.
		{"He met Conan O'Brien yesterday.", "Conan O'Brien"},
		{"He met Conan O’Brien yesterday.", "Conan O’Brien"},
		{"the Trump administration's plan", "Trump"},
		{"It was Trump's plan and Biden’s idea.", "Trump | Biden"},
		{"the students’ union and NATO allies", "NATO"},
		{"Credit: CarlPhoto for the agency", "CarlPhoto"},
		{"the new iPhone sold well", "iPhone"},
		{"ask Valéry Giscard d'Estaing now", "Valéry Giscard d'Estaing"},
		// Initials and dotted acronyms.
		{"a book by J. R. R. Tolkien was read", "J. R. R. Tolkien"},
		{"a book by J.R.R. Tolkien was read", "J.R.R. Tolkien"},
		{"as Donald J. Trump said", "Donald J. Trump"},
		{"the U.S. military said", "U.S."},
		{"the U.S. Army said", "U.S. Army"},
		{"we chose Plan B.", "Plan B"},
		// Runs end at punctuation.
		{"Tarpullara, Chapas, Mexico, was quiet.", "^Tarpullara | Chapas | Mexico"},
		{"He said \"Security Third Kingdom\" twice.", "Security Third Kingdom"},
		{"the gang (Tren de Aragua) again", "Tren de Aragua"},
		{"Alfreddo Estrara/Agence France -Presse, Getty Pictures Agency", "^Alfreddo Estrara | Agence France-Presse | Getty Pictures Agency"},
		{"Tarpullara; London: Rome.", "^Tarpullara | London | Rome"},
		{"U.S. officials said so.", "^U.S."},
		{"Mexico-American immigrants waited.", "^Mexico-American"},
		{"Well-known people came.", ""},
		// Trailing and leading connectors are not part of a name.
		{"the Trump and the", "Trump"},
		{"of the United Nations", "United Nations"},
		// Sentence-initial common words.
		{"The White House said so.", "White House"},
		{"However Trump said no.", "Trump"},
		{"\"The plan,\" said Smith.", "Smith"},
		{"Naibbuckley won the vote.", "^Naibbuckley"},
		{"Naibbuckley Bukele won the vote.", "^Naibbuckley Bukele"},
		{"1. The first item.", ""},
		{"New York is large.", "^New York"},
		{"Port Elwood voted.", "^Port Elwood"},
		{"South Korea and Japan met.", "^South Korea and Japan"},
		{"Former President Obama spoke.", "^Former President Obama"},
		{"Yesterday Trump spoke.", "Trump"},
		{"Following Trump's remarks, prices fell.", "Trump"},
		{"Eventually Trump left.", "Trump"},
		{"Like Trump, he left.", "Trump"},
		{"Houses The council owns are old.", ""},
		{"the aircraft Now in use In order to fly", "Now"},
		{"they met in The Hague in May", "The Hague | May"},
		{"the US said and the WHO agreed", "US | WHO"},
		// The pronoun I.
		{"and then I said that I'm sure", ""},
		{"Then Smith and I left.", "Smith"},
		// Whitespace normalised.
		{"see Tren  de\nAragua now", "Tren de Aragua"},
		// Other scripts.
		{"They met Jürgen Müller and Ölaf.", "Jürgen Müller and Ölaf"},
		{"Они встретили Ивана Петрова.", "^Они | Ивана Петрова"},
	}
	for _, tt := range tests {
		got := strings.Join(candTexts(tt.in), " | ")
		if got != tt.want {
			t.Errorf("Candidates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCandidateWords(t *testing.T) {
	s := "They saw Agence France -Presse, Conan O'Brien's show and the U.S. Army of Bashar al-Assad near MS-13 turf."
	toks := Tokenize(nil, s, Span{0, len(s)})
	var got []string
	for _, c := range Candidates(nil, s, toks) {
		var ws []string
		for _, w := range c.Words {
			ws = append(ws, s[w.Start:w.End])
		}
		got = append(got, s[c.Start:c.End]+"="+strings.Join(ws, "+"))
	}
	want := "Agence France -Presse=Agence+France+Presse | Conan O'Brien=Conan+O'Brien | " +
		"U.S. Army of Bashar al-Assad=U+S+Army+of+Bashar+al+Assad | MS-13=MS+13"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("candidate words\n got %q\nwant %q", g, want)
	}
}

// TestAppendCandidatesArena checks that candidates of earlier sentences
// keep their words when later sentences grow the shared arena.
func TestAppendCandidatesArena(t *testing.T) {
	var sents []string
	for i := 0; i < 50; i++ {
		sents = append(sents, "Yesterday Ana de la Vega met Li Wei and Sean O'Connor in Port Elwood.")
	}
	var all []Candidate
	var words []Span
	var texts []string
	for _, sent := range sents {
		toks := Tokenize(nil, sent, Span{0, len(sent)})
		n := len(all)
		all, words = AppendCandidates(all, words, sent, toks)
		for _, c := range all[n:] {
			var ws []string
			for _, w := range c.Words {
				ws = append(ws, sent[w.Start:w.End])
			}
			texts = append(texts, strings.Join(ws, " "))
		}
	}
	for i, c := range all {
		s := sents[0] // all sentences are the same text
		var ws []string
		for _, w := range c.Words {
			ws = append(ws, s[w.Start:w.End])
		}
		if got := strings.Join(ws, " "); got != texts[i] {
			t.Fatalf("candidate %d words changed to %q, were %q", i, got, texts[i])
		}
	}
	if len(all) != 50*3 || texts[0] != "Ana de la Vega" || texts[1] != "Li Wei and Sean O'Connor" || texts[2] != "Port Elwood" {
		t.Errorf("got %d candidates, first %q", len(all), texts[:3])
	}
}

func TestCandidatesAllocs(t *testing.T) {
	s := "Yesterday the Department of Homeland Security and Agence France -Presse met Ana de la Vega."
	toks := Tokenize(nil, s, Span{0, len(s)})
	dst := make([]Candidate, 0, 16)
	allocs := testing.AllocsPerRun(50, func() { dst = Candidates(dst[:0], s, toks) })
	if allocs > 1 {
		t.Errorf("Candidates allocates %.1f times per sentence, want at most 1", allocs)
	}
	words := make([]Span, 0, 64)
	allocs = testing.AllocsPerRun(50, func() { dst, words = AppendCandidates(dst[:0], words[:0], s, toks) })
	if allocs != 0 {
		t.Errorf("AppendCandidates with room allocates %.1f times", allocs)
	}
}
