package text

import (
	"strings"
	"testing"
)

// benchParagraphs is English prose written for these tests: news-style
// sentences with names, abbreviations, numbers, quotes and hyphens.
var benchParagraphs = []string{
	`The city council of Port Elwood voted on Tuesday to extend the night bus service for another two years. The decision, approved by 7 votes to 2, follows a six-month trial in which ridership rose by 18.5 percent. "People used it far more than we expected," said council member Dr. Ana María de la Vega, who proposed the trial in Jan. 2024. Critics, including the local chamber of commerce, had argued that the $1.2 million cost was too high.`,
	`Officials at the U.S. Department of Transportation said the grant would cover about 40% of the cost. Mr. Okafor, a spokesman for the agency, declined to say whether other cities had applied. According to a report by J. R. Whitfield and the Institute for Urban Mobility, night buses in mid-sized cities carry 3,400 passengers a week on average; the figure for Port Elwood was 4,150 in March.`,
	`At 10:30 p.m. on a rainy Friday, the No. 12 bus was half full. Nurses coming off late shifts, students from Northgate University and a few restaurant workers sat in silence. "I don't know what I'd do without it," said Li Wei, 34, who works at a hospital near the harbour. Her colleague, Sean O'Connor, agreed: the last train leaves at 11 p.m., and a taxi home costs more than an hour's pay.`,
	`Not everyone is convinced. The state's transport minister, Helen Van der Berg, wrote in a letter to the council that long-term funding "remains uncertain" and that the programme should be reviewed after 12 months. Her office later said the letter was not meant as a rejection... It was, a spokesperson added, "a reminder that budgets are finite." The council will publish its own review at www.portelwood.gov/transport by Sept. 30.`,
	`Some residents want more. A petition signed by 2,300 people asks for service on Sundays and for a new route to the airport (currently served only by private shuttles). Will the council listen? Its chair, Prof. Thomas Adeyemi-Clarke, told reporters that "nothing is off the table" but that the priority was to make the existing routes reliable. The next meeting is scheduled for 6 p.m. on Oct. 14 at City Hall.`,
}

// benchProse is at least 1 MB of benchParagraphs, one paragraph a line.
var benchProse = func() string {
	var b strings.Builder
	for b.Len() < 1<<20 {
		for _, p := range benchParagraphs {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}()

// paragraphSpans returns the spans of the paragraphs of s.
func paragraphSpans(s string) []Span {
	var out []Span
	start := 0
	for start < len(s) {
		i := strings.Index(s[start:], "\n\n")
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		if end > start {
			out = append(out, Span{start, end})
		}
		start = end + 2
	}
	return out
}

func BenchmarkTokenize(b *testing.B) {
	s := benchProse
	dst := make([]Token, 0, len(s)/4)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dst = Tokenize(dst[:0], s, Span{0, len(s)})
	}
}

func BenchmarkSentences(b *testing.B) {
	s := benchProse
	paras := paragraphSpans(s)
	var dst []Span
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dst = dst[:0]
		for _, p := range paras {
			dst = Sentences(dst, s, p)
		}
	}
}

// BenchmarkTokenizeSentences is the work NewDocument does per paragraph.
func BenchmarkTokenizeSentences(b *testing.B) {
	s := benchProse
	paras := paragraphSpans(s)
	var sents []Span
	toks := make([]Token, 0, len(s)/4)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		toks = toks[:0]
		for _, p := range paras {
			sents = Sentences(sents[:0], s, p)
			for _, sp := range sents {
				toks = Tokenize(toks, s, sp)
			}
		}
	}
}

// benchSentences tokenizes s sentence by sentence: the tokens, and each
// sentence's range of them.
func benchSentences(s string) ([]Token, []benchSent) {
	var sents []benchSent
	var toks []Token
	for _, p := range paragraphSpans(s) {
		for _, sp := range Sentences(nil, s, p) {
			n := len(toks)
			toks = Tokenize(toks, s, sp)
			sents = append(sents, benchSent{n, len(toks)})
		}
	}
	return toks, sents
}

type benchSent struct{ first, last int }

func BenchmarkCandidates(b *testing.B) {
	s := benchProse
	toks, sents := benchSentences(s)
	var dst []Candidate
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dst = dst[:0]
		for _, st := range sents {
			dst = Candidates(dst, s, toks[st.first:st.last])
		}
	}
}

// BenchmarkAppendCandidates shares one Words arena across sentences, as
// Document.Candidates does.
func BenchmarkAppendCandidates(b *testing.B) {
	s := benchProse
	toks, sents := benchSentences(s)
	var dst []Candidate
	var words []Span
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dst, words = dst[:0], words[:0]
		for _, st := range sents {
			dst, words = AppendCandidates(dst, words, s, toks[st.first:st.last])
		}
	}
}
