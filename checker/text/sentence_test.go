package text

import (
	"strings"
	"testing"
)

// sentenceCases are texts with "|" where a sentence boundary must be found
// and nowhere else. They were written for these tests.
var sentenceCases = []string{
	// Plain sentences.
	"He left.| She stayed.",
	"He left!| She stayed?",
	"A sentence without an end",
	"It was late.|\nThe bus had gone.",
	"It was late.|\n\nThe bus had gone.",
	"It rained.|   The roads flooded.",
	"Er kam.| Sie ging.",
	"¿Qué pasa?| ¡Nada!",
	"Is it true?!?| Nobody knows.",
	"What?!| That cannot be.",
	"Really?| Yes.",
	"Wow!| Great work!",
	"OK.| Let's go.",
	"Great game!| 👍 Well played.",
	"The vote passed.| * The motion failed.",
	"He came.| - She went.",
	// Titles and honorifics.
	"Mr. Smith went to Washington.| He arrived late.",
	"Mrs. Jones and Dr. Patel met on Monday.",
	"Gov. Ruiz signed the bill.| Sen. Warren opposed it.",
	"Prof. Adeyemi-Clarke spoke first.",
	"Lt. Col. James Reed led the unit.",
	"Gen. Smith and Sen. Jones spoke.",
	"The Rev. Anne Holt gave the sermon.",
	"Ms. Okafor declined to comment.",
	"Dr. No is a film.",
	"They asked Dr. Lee.| She agreed.",
	"Capt. Hale and Sgt. Moore were there.",
	"Rep. Diaz voted no.| Rep. Kim voted yes.",
	"St. Louis is in Missouri.",
	"She lives on Main St. in Springfield.",
	"He climbed Mt. Everest in 1953.",
	"Fr. Brennan blessed the boat.",
	// Abbreviations inside and at the end of sentences.
	"They moved to the U.S. in 2010.",
	"They moved to the U.S.| The journey took a week.",
	"The U.S. military said the strike was over.",
	"The U.S. Army confirmed the report.",
	"The U.S. Supreme Court ruled on Friday.",
	"They met in the U.S. Capitol.",
	"He flew from the U.S.| In Paris he rested.",
	"He flew from the U.S.| However, he returned.",
	"Troops left the U.K.| They returned in spring.",
	"The U.N. Security Council met on Tuesday.",
	"Washington, D.C. is the capital.",
	"He flew to Washington, D.C.| The flight was short.",
	"The U.S.A. team won.",
	"They fled the U.S.S.R. in 1979.",
	"He works for Acme Inc. in Ohio.",
	"He works for Acme Inc.| Its offices are in Ohio.",
	"Apple Inc. and Google are rivals.",
	"The firm is Smith & Co.| They sell tools.",
	"Smith & Co. sells tools.",
	"He works at \"Acme Inc.\"| They pay well.",
	"Globex Corp. reported a loss.",
	"They founded Initech Co. Ltd. in 1999.",
	"Bring fruit, e.g. apples or pears.",
	"Bring fruit, e.g. Apples or pears.",
	"Use a tool (i.e. a hammer) for this.",
	"Use a tool, i.e. The Hammer.",
	"We bought pens, paper, etc.| Then we left.",
	"We bought pens, paper, etc. and then we left.",
	"We bought pens, paper, etc.| Prices were high.",
	"Compare apples vs. oranges.",
	"Roe v. Wade was decided in 1973.",
	"Compare apples vs. Oranges Inc.",
	"Smith et al. (2020) found no effect.",
	"The study was by Smith et al.| It found no effect.",
	"He earned a Ph.D. in physics.",
	"He earned a Ph.D.| Then he taught.",
	"Martin Luther King Jr. was born in Atlanta.",
	"The speech was by Martin Luther King Jr.| It was long.",
	"The office is at 10 Elm Ave.| It opens at nine.",
	"Dept. heads met on Monday.",
	"The Univ. of Lagos replied.",
	// Months and days.
	"The meeting is on Jan. 5 at noon.",
	"Prices rose in Jan.| The trend continued.",
	"He was born on Dec. 25, 1990.",
	"Apply by Sept. 30.| Late forms are rejected.",
	"The vote is on Tues. Oct. 14 at City Hall.",
	"The fair ends on Sun.| It opens on Fri. Nov. 1.",
	"Sales fell in Feb.| Retailers blamed the weather.",
	"The vote on Wed. Jan. 8 was close.",
	// Times.
	"The meeting starts at 10 a.m. tomorrow.",
	"The meeting ended at 10 a.m.| Everyone went home.",
	"The meeting ended at 10 a.m.| Trump left soon after.",
	"The call is at 9 a.m. EST on Friday.",
	"The call is at 9 a.m. Eastern time.",
	"Lunch is at 1 p.m. and dinner at 7 p.m.| Be on time.",
	"He left at 5 p.m.| She left at 6 p.m.",
	"Doors open at 6 P.M.| Bring a ticket.",
	"The train leaves at 10:30.| Be there early.",
	"The race started at 10:30:15 and ended at noon.",
	// Numbers, decimals, versions.
	"Growth was 3.5 percent this year.",
	"Growth was 3.5.| The year before it was 2.1.",
	"Install v1.2.3 of the tool.| Then restart.",
	"Python 3.12 was released.",
	"It costs $4.99 per month.",
	"The temperature was -3.5 degrees.",
	"Version 2.0 is out.| Version 3.0 is next.",
	"It grew by .5 percent.",
	"The score was 2-1.| The fans cheered.",
	"About 10,000 people came.| Many stayed.",
	"It happened in 2025.| The year was hard.",
	"He left at 5.| 20 minutes later he returned.",
	"The vote was 7-2.| 3 members abstained.",
	"The ratio is 1:2.| That is low.",
	"Temperatures hit 40°C.| Schools closed.",
	"It cost €5.| Cheap!",
	"Section 4.2.1 covers this.",
	"The rate rose 0.25 points.",
	"See No. 5 on the list.",
	"He cited the \"No. 1\" hit.",
	"The answer was No.| He refused.",
	"Read pp. 12-15 before class.",
	"In Vol. 3 the author argues otherwise.",
	"See Fig. 3.| It shows the result.",
	"Fig. 3 shows the result.",
	"The deal was worth approx. 5 million.",
	"He ranked No. 2 in the world.",
	"This is item no. 7 on the list.",
	"Rep. Lee voted no.| Sen. Park voted yes.",
	// Initials.
	"J. R. R. Tolkien wrote the book.",
	"The book is by J. R. R. Tolkien.| It is long.",
	"J.R.R. Tolkien was a professor.",
	"John F. Kennedy was president.",
	"George W. Bush spoke.| Laura Bush listened.",
	"We chose Plan B.| The plan worked.",
	"E. B. White wrote it.",
	"The letter was signed by A. Lincoln.",
	"The speaker was Malcolm X.| He spoke for an hour.",
	"The author is H. G. Wells.",
	"Ask T. S. Eliot.| He knows.",
	"The firm's chief, M. A. Rahman, agreed.",
	// Closing quotes and brackets.
	"He said, \"I am leaving.\"| Then he left.",
	"\"I am leaving,\" he said.",
	"\"Are you leaving?\" she asked.",
	"\"Are you leaving?\"| She did not answer.",
	"\"Stop!\" he shouted.",
	"\"Stop!\"| Nobody moved.",
	"He asked, \"Why?\"| Nobody answered.",
	"(He was late.)| The meeting started anyway.",
	"The plan failed (see below).| We tried again.",
	"She wrote 'never again.'| Then she left.",
	"“It is over.”| The crowd went quiet.",
	"“Is it over?” asked the reporter.",
	"He called it “a disaster.”| Others agreed.",
	"[This was added later.]| The text continues.",
	"He said «c'est fini.»| Then he left.",
	"The word \"U.S.\" has periods.",
	"He said: \"She told me 'go home.'\"| Then he left.",
	"The plan (is it legal?) was approved.",
	"He shouted \"Go!\" and ran.",
	"\"Why?\"| \"Because.\"",
	"He left.| \"Why?\" she asked.",
	"It ended.| (Nobody was hurt.)| Then it rained.",
	"They said it was ‘final.’| It was not.",
	// Ellipses.
	"I waited...| Then I left.",
	"I waited... and waited.",
	"I waited…| Then I left.",
	"I waited… and waited.",
	"He paused . . . then continued.",
	"He paused . . .| Then he continued.",
	"The list goes on...",
	"\"Well...\" he said.",
	// Lists.
	"1. Preheat the oven.",
	"1. Preheat the oven.| 2. Mix the flour.",
	"a. First option.| b. Second option.",
	"iv. Fourth item.",
	"(1) First.| (2) Second.",
	"There are 3 steps.| 1. Open the box.| 2. Close it.",
	"Step 1.| Open the box.",
	"10. The last item.",
	// URLs and e-mail addresses.
	"Visit https://example.com/a.b?c=d for details.",
	"Visit https://example.com.| Then sign in.",
	"Email jane.doe@example.org for help.",
	"Email jane.doe@example.org.| She replies fast.",
	"See www.example.co.uk/page.html for more.",
	"The site example.com is down.| Try later.",
	"Go to https://example.com/search?q=test.| Results appear fast.",
	"Is it at https://example.com/?| Yes.",
	"The file is report.final.pdf in the folder.",
	"Write to info@example.com or call.",
	"The docs are at example.com/docs.| Read them.",
	"Open http://example.com/?a=1&b=2!| It works.",
	// No split before a lower-case word.
	"He said no. and then left.",
	"The value is x. then y follows.",
	"Why? because it rained.",
	"It was great! said the coach.",
	"Who knows? maybe tomorrow.",
	// Text without spaces after the stop is one sentence (spacing rule's job).
	"He left.She stayed.",
	"It works.The end.",
	// Full-width punctuation.
	"他走了。|她留下了。",
	"本当ですか？|はい。",
	"He wrote 你好。| Then he left.",
}

// splitCase returns the input text of a case and its sentences.
func splitCase(c string) (string, []string) {
	parts := strings.Split(c, "|")
	var want []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			want = append(want, p)
		}
	}
	return strings.Join(parts, ""), want
}

func TestSentences(t *testing.T) {
	if len(sentenceCases) < 150 {
		t.Errorf("only %d sentence cases", len(sentenceCases))
	}
	for _, c := range sentenceCases {
		in, want := splitCase(c)
		var got []string
		for _, sp := range Sentences(nil, in, Span{0, len(in)}) {
			got = append(got, in[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestSentencesSpan(t *testing.T) {
	s := "skip. One two. Three. skip"
	got := Sentences(nil, s, Span{6, 21})
	if len(got) != 2 || s[got[0].Start:got[0].End] != "One two." || s[got[1].Start:got[1].End] != "Three." {
		t.Fatalf("Sentences over a span = %v", got)
	}
	if got := Sentences(nil, "   \n ", Span{0, 5}); len(got) != 0 {
		t.Errorf("blank text has sentences %v", got)
	}
	if got := Sentences(nil, "", Span{0, 0}); len(got) != 0 {
		t.Errorf("empty text has sentences %v", got)
	}
}

// TestSentencesInvariants checks on prefixes of assorted text that spans
// are in order, trimmed, non-empty and inside the text.
func TestSentencesInvariants(t *testing.T) {
	in := strings.Join(sentenceCases, " ")
	in = strings.ReplaceAll(in, "|", "") + " \xff\xfe… 。 U.S. a.m."
	for n := 0; n <= len(in); n += 7 {
		s := in[:n]
		prev := 0
		for _, sp := range Sentences(nil, s, Span{0, len(s)}) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if x := s[sp.Start:sp.End]; strings.TrimSpace(x) != x {
				t.Fatalf("untrimmed span %q", x)
			}
			prev = sp.End
		}
	}
}

// mayEndAt, eight bytes at a time, agrees with a byte-by-byte scan for
// every byte value at every place.
func TestMayEndAt(t *testing.T) {
	slow := func(s string, i, end int) int {
		for i < end && !strings.ContainsRune(".!?", rune(s[i])) && s[i] < 0x80 {
			i++
		}
		return i
	}
	base := []byte("abc XYZ, 09-qrs tuv;wM")
	for c := 0; c < 256; c++ {
		for at := 0; at < len(base); at++ {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			s := string(b)
			for i := 0; i < len(s); i++ {
				for end := i; end <= len(s); end++ {
					if got, want := mayEndAt(s, i, end), slow(s, i, end); got != want {
						t.Fatalf("mayEndAt(%q, %d, %d) = %d, want %d", s, i, end, got, want)
					}
				}
			}
		}
	}
}

// mayEndAt agrees with a byte-by-byte scan for pairs of bytes around the
// ones it looks for (a byte one above a sought one is where a borrow in
// the eight-byte test would show), at every place.
func TestMayEndAtPairs(t *testing.T) {
	var vals []byte
	for _, c := range []byte(".!?") {
		vals = append(vals, c-1, c, c+1, c^1, c|0x80)
	}
	vals = append(vals, 0, 1, ' ', 'a', 0x7f, 0x80, 0xff)
	base := []byte("abcdefghijklmnopqr")
	for _, c := range vals {
		for _, d := range vals {
			for at := 0; at+1 < len(base); at++ {
				b := append([]byte(nil), base...)
				b[at], b[at+1] = c, d
				s := string(b)
				for i := 0; i < len(s); i++ {
					want := i
					for want < len(s) && !strings.ContainsRune(".!?", rune(s[want])) && s[want] < 0x80 {
						want++
					}
					if got := mayEndAt(s, i, len(s)); got != want {
						t.Fatalf("mayEndAt(%q, %d) = %d, want %d", s, i, got, want)
					}
				}
			}
		}
	}
}
