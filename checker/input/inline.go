package input

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep inline parsing linear on pathological input: link text,
// destinations and HTML tags longer than this are not looked for.
const (
	maxLinkText = 1000
	maxLinkDest = 1000
	maxTag      = 2000
)

// maskInline masks the inline Markdown markup of s[start:end]: backslash
// escapes, code spans, HTML comments and tags, autolinks, images, link
// destinations and emphasis markers. Link text is kept.
func (p *mdParser) maskInline(start, end int) {
	s, m := p.s, p.m
	for i := start; i < end; {
		if !inlineSpecial[s[i]] {
			i++
			continue
		}
		switch c := s[i]; c {
		case '\\':
			if i+1 < end && (isASCIIPunct(s[i+1]) || s[i+1] == '\n' || s[i+1] == '\r') {
				m[i] = ' '
				i += 2
				continue
			}
		case '`':
			n := runLen(s, i, end, '`')
			if k := p.closingTicks(i+n, end, n); k >= 0 {
				blank(m, i, k+n)
				i = k + n
				continue
			}
			i += n
			continue
		case '&':
			if n := entityLen(s[i:end]); n > 0 {
				blank(m, i, i+n)
				i += n
				continue
			}
		case '<':
			if k := p.inlineAngle(i, end); k > i {
				i = k
				continue
			}
		case '!':
			if i+1 < end && s[i+1] == '[' {
				if k, ok := p.linkEnd(i+1, end); ok {
					blank(m, i, k) // an image, alt text and all
					i = k
					continue
				}
			}
		case '[':
			if i+1 < end && s[i+1] == '^' { // footnote reference
				if k := strings.IndexByte(s[i:end], ']'); k > 0 && !strings.ContainsAny(s[i:i+k], " \n") {
					blank(m, i, i+k+1)
					i += k + 1
					continue
				}
			}
			if k, ok := p.linkEnd(i, end); ok {
				t := p.textEnd(i)
				m[i] = ' '
				blank(m, t, k) // "](destination "title")" or "][ref]"
				p.maskInline(i+1, t)
				i = k
				continue
			}
		case '*', '_', '~':
			n := runLen(s, i, end, c)
			if isDelimiterRun(s, i, i+n, c) {
				blank(m, i, i+n)
			}
			i += n
			continue
		}
		i++
	}
}

// closingTicks is closingRun remembering failures: when no run of n
// backticks follows offset i (up to end), none follows a later offset.
func (p *mdParser) closingTicks(i, end, n int) int {
	if p.noTicks == nil || p.noTicksEnd != end {
		p.noTicks, p.noTicksEnd = map[int]int{}, end
	}
	if from, ok := p.noTicks[n]; ok && i >= from {
		return -1
	}
	k := closingRun(p.s, i, end, n)
	if k < 0 {
		p.noTicks[n] = i
	}
	return k
}

// inlineSpecial marks the bytes that may start inline markup.
var inlineSpecial = [256]bool{'&': true, '\\': true, '`': true, '<': true, '!': true, '[': true, '*': true, '_': true, '~': true}

// entityLen returns the length of the HTML character reference that starts
// t ("&amp;", "&#8212;", "&#x2014;"), or 0.
func entityLen(t string) int {
	i := 1
	switch {
	case strings.HasPrefix(t, "&#x"), strings.HasPrefix(t, "&#X"):
		i = 3
		for i < len(t) && i < 9 && (t[i] >= '0' && t[i] <= '9' || t[i]|0x20 >= 'a' && t[i]|0x20 <= 'f') {
			i++
		}
		if i == 3 {
			return 0
		}
	case strings.HasPrefix(t, "&#"):
		i = 2
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		for i < len(t) && i < 33 && isAlnum(t[i]) {
			i++
		}
		if i < 3 {
			return 0
		}
	}
	if i < len(t) && t[i] == ';' {
		return i + 1
	}
	return 0
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// inlineAngle masks the comment, HTML tag or autolink starting at s[i]
// ('<') and returns where it ends, or i when there is none.
func (p *mdParser) inlineAngle(i, end int) int {
	s := p.s
	rest := s[i:end]
	if strings.HasPrefix(rest, "<!--") {
		if i >= p.noCommentEnd {
			return i
		}
		k := strings.Index(rest[4:], "-->")
		if k < 0 {
			p.noCommentEnd = i // nor after any later "<!--"
			return i
		}
		p.comment(i, i+4+k+3)
		return i + 4 + k + 3
	}
	if len(rest) > maxTag {
		rest = rest[:maxTag]
	}
	k := strings.IndexByte(rest, '>')
	if k < 2 {
		return i
	}
	inner := rest[1:k]
	switch {
	case isTagStart(inner):
		if strings.Count(inner, "\"")%2 != 0 || strings.Count(inner, "'")%2 != 0 && !strings.ContainsAny(inner, "=") {
			return i
		}
	case !strings.ContainsAny(inner, " \t\n<") && (strings.Contains(inner, ":") || strings.Contains(inner, "@")):
		// an autolink: <https://…>, <user@example.com>
	default:
		return i
	}
	blank(p.m, i, i+k+1)
	return i + k + 1
}

// isTagStart reports whether the text after '<' opens or closes an HTML tag
// ("b", "/em", "img src=…", "!DOCTYPE", "?xml").
func isTagStart(t string) bool {
	t = strings.TrimPrefix(t, "/")
	if t == "" {
		return false
	}
	if t[0] == '!' || t[0] == '?' {
		return len(t) > 1 && isLetter(t[1])
	}
	if !isLetter(t[0]) {
		return false
	}
	j := 1
	for j < len(t) && (isAlnum(t[j]) || t[j] == '-') {
		j++
	}
	return j == len(t) || t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r' || t[j] == '/'
}

// textEnd returns the index of the ']' that closes the bracket at s[i], or
// -1.
func (p *mdParser) textEnd(i int) int {
	if k, ok := p.brackets[i]; ok {
		return k
	}
	return -1
}

// matchBrackets records in p.brackets the ']' closing each '[' of
// s[start:end], skipping escapes and code spans: one pass, so that links are
// found in linear time.
func (p *mdParser) matchBrackets(start, end int) {
	clear(p.brackets)
	if p.brackets == nil {
		p.brackets = map[int]int{}
	}
	s := p.s
	stack := p.stack[:0]
	for j := start; j < end; j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			n := runLen(s, j, end, '`')
			if k := p.closingTicks(j+n, end, n); k >= 0 {
				j = k + n - 1
			} else {
				j += n - 1
			}
		case '[':
			stack = append(stack, j)
		case ']':
			if len(stack) > 0 {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if j-open <= maxLinkText {
					p.brackets[open] = j
				}
			}
		}
	}
	p.stack = stack[:0]
}

// linkEnd returns where the inline link "[text](dest "title")" or the full
// reference link "[text][ref]" starting at s[i] ('[') ends, and whether
// there is one.
func (p *mdParser) linkEnd(i, end int) (int, bool) {
	s := p.s
	t := p.textEnd(i)
	if t < 0 || t+1 >= end {
		return 0, false
	}
	switch s[t+1] {
	case '(':
		depth := 0
		end = min(end, t+maxLinkDest)
		quote := byte(0)
		for j := t + 1; j < end; j++ {
			c := s[j]
			switch {
			case c == '\\':
				j++
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' && j > t+2 && isSpaceByteAny(s[j-1]):
				quote = c
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					return j + 1, true
				}
			case c == '\n' && j+1 < end && s[j+1] == '\n':
				return 0, false
			}
		}
	case '[':
		k := strings.IndexByte(s[t+2:min(end, t+2+maxLinkText)], ']')
		if k >= 0 && !strings.Contains(s[t+2:t+2+k], "[") {
			return t + 2 + k + 1, true
		}
	}
	return 0, false
}

// isDelimiterRun reports whether the run s[a:b] of '*', '_' or '~' is an
// emphasis or strike-through marker: it touches text on one side (left- or
// right-flanking, in CommonMark's terms). An underscore inside a word
// (snake_case) and a single tilde are not markers.
func isDelimiterRun(s string, a, b int, c byte) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:a])
	after, _ := utf8.DecodeRuneInString(s[b:])
	if a == 0 {
		before = ' '
	}
	if b == len(s) {
		after = ' '
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	if spaceBefore && spaceAfter {
		return false
	}
	if c == '~' && b-a != 2 {
		return false
	}
	if c == '_' {
		wordBefore := unicode.IsLetter(before) || unicode.IsDigit(before)
		wordAfter := unicode.IsLetter(after) || unicode.IsDigit(after)
		if wordBefore && wordAfter {
			return false
		}
	}
	if c == '*' && b-a == 1 && !spaceBefore && !spaceAfter && unicode.IsDigit(before) && unicode.IsDigit(after) {
		return false // 2*3
	}
	return true
}
