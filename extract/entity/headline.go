package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Headlines in title case ("Hagel Meets With Chinese Defense Minister in
// Beijing", "Clinton, Panetta Discuss Diplomatic, Defense Policies")
// capitalise words the taggers read in lower case, and a capitalised
// "With" or "To" reads as part of a name. The function words of such a
// line are read in lower case; the text, and every span the taggers
// return from it, stay as written.

// headlineCase marks the function words of each title-case headline for
// reading in lower case.
func (s *scan) headlineCase() {
	start := 0
	for i := 1; i <= len(s.toks); i++ {
		if i < len(s.toks) && !s.toks[i].brk {
			continue
		}
		s.titleCaseLine(start, i)
		start = i
	}
}

// titleCaseLine lowers the function words of the line of tokens [from,
// to) when it is a headline in title case: a short line with no full stop
// at its end whose words mostly start with a capital.
func (s *scan) titleCaseLine(from, to int) {
	if to-from < headlineMinWords || !s.headlineShaped(from, to) {
		return
	}
	words, capitals, function := 0, 0, false
	for k := from; k < to; k++ {
		if !s.isWord(k) {
			continue
		}
		words++
		if isUpper(s.text[s.toks[k].start]) {
			capitals++
		}
		function = function || s.headlineFunctionAt(k, from) != ""
	}
	if !function || words < headlineMinWords || capitals*10 < words*7 {
		return
	}
	for k := from + 1; k < to; k++ {
		if l := s.headlineFunctionAt(k, from); l != "" {
			if s.recase == nil {
				s.recase = make([]string, len(s.toks))
			}
			s.recase[k] = l
		}
	}
}

// headlineFunctionAt returns in lower case the capitalised function word
// at token k of a line that starts at from, or "". The first word of the
// line or of a sentence in it ("conflict.On Saturday") is left as it is,
// as in any sentence; so are words in capitals ("US").
func (s *scan) headlineFunctionAt(k, from int) string {
	if k <= from || !s.isWord(k) {
		return ""
	}
	w := s.text[s.toks[k].start:s.toks[k].end]
	if len(w) < 2 || !isUpper(w[0]) || isUpper(w[1]) || s.toks[k-1].kind == tPunct && s.key(k-1) != "," {
		return ""
	}
	if l := strings.ToLower(w); headlineFunctionWords.has(l) {
		return l
	}
	return ""
}

// headlineShaped reports whether the line of tokens [from, to) has a
// headline's shape: short, with no full stop, question or exclamation
// mark at its end.
func (s *scan) headlineShaped(from, to int) bool {
	if to-from > mtHeadlineReach {
		return false
	}
	switch s.key(to - 1) {
	case ".", "!", "?":
		return false
	}
	return true
}

// headlineMinWords is the fewest words a line needs to be told a title-case
// headline rather than a name.
const headlineMinWords = 3

// headlineFunctionWords are the words a title-case headline capitalises
// that are never names: prepositions, conjunctions, articles, pronouns and
// auxiliaries, the verbs of saying and arranging, and the words of meeting
// headlines use most.
var headlineFunctionWords = setOf(headlineFunctionWordsIndex, []string{
	"with", "in", "at", "on", "to", "for", "of", "and", "or", "by", "from", "the", "a", "an", "as",
	"after", "before", "over", "amid", "into", "onto", "about", "against", "ahead", "during", "since",
	"than", "but", "not", "no", "up", "out", "off", "via", "per", "between", "among", "despite", "near",
	"will", "would", "is", "are", "be", "was", "were", "has", "have", "had", "his", "her", "its", "their",
	"says", "say", "said", "set", "due", "expected", "plans", "plan",
	"meet", "meets", "talk", "talks", "discuss", "discusses", "hold", "holds", "host", "hosts", "visit",
	"visits", "welcome", "welcomes", "speak", "speaks", "call", "calls", "counterpart", "counterparts",
})

// Lines written all in capitals (a wire's or a portal's headline, a
// shouted paragraph: "UKRAINE: FRANCE, GERMANY, ITALY, POLAND LEADERS SET
// TO MEET ZELENSKYY IN KYIV") hide every cue the taggers read from case:
// names, verbs and function words look alike, and no surname matches.
// Such a line is read as a title-case headline would be written: its
// function words in lower case, short words (US, UK, EU, ZSU) and the
// acronyms of known organisations (NATO, OSCE) as they are, every other
// word with a capital first letter. Letters keep their byte length, so
// every offset stays as it was and a span the taggers return is given
// back as written (see asWritten).

// readCapsLines returns text with its lines in capitals read that way,
// or text itself when it has none.
func readCapsLines(text string) string {
	var b strings.Builder // the text read, once a line needs it
	done := 0             // text[:done] is in b
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; capsLine(line) {
			if b.Len() == 0 {
				b.Grow(len(text))
			}
			b.WriteString(text[done:start])
			read := []byte(line)
			recaseLine(read, line)
			b.Write(read)
			done = end
		}
		start = end + 1
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// capsMinLetters is the fewest cased letters a line in capitals has: a
// short run of capitals is an acronym or a label, not a line to re-read.
const capsMinLetters = 16

// capsLine reports whether line is written in capitals: three words or
// more, and at most one cased letter in twenty in lower case. A line of
// ordinary text is given up on at its first few words.
func capsLine(line string) bool {
	upper, lower, words, inWord := 0, 0, 0, false
	for i := 0; i < len(line); {
		c := line[i]
		var letter bool
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				letter = true
				upper++
			case 'a' <= c && c <= 'z':
				letter = true
				lower++
			}
		} else {
			r, n := utf8.DecodeRuneInString(line[i:])
			i += n
			letter = unicode.IsLetter(r)
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		if lower*20 > len(line) {
			return false
		}
		if letter && !inWord {
			words++
		}
		inWord = letter
	}
	return words >= 3 && upper+lower >= capsMinLetters && lower*20 <= upper+lower
}

// recaseLine writes into b the reading of line, a line in capitals of the
// same length.
func recaseLine(b []byte, line string) {
	type span struct{ from, to int }
	words := make([]span, 0, 32)
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(line) {
			r, n := utf8.DecodeRuneInString(line[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		words = append(words, span{i, j})
		i = j
	}
	word := func(k int) string {
		if k < 0 || k >= len(words) {
			return ""
		}
		return line[words[k].from:words[k].to]
	}
	for k, sp := range words {
		w := word(k)
		switch {
		case k > 0 && isHeadlineFunctionWord(w), capsPronoun(w, word(k-1), word(k+1)), afterApostrophe(line, sp.from):
			caseInto(b[sp.from:sp.to], w, false)
		case utf8.RuneCountInString(w) <= 3 || capsAcronyms()[w] || strings.ContainsFunc(w, unicode.IsDigit):
		default:
			caseInto(b[sp.from:sp.to], w, true)
		}
	}
}

// isHeadlineFunctionWord reports whether w, in capitals, is one of
// headlineFunctionWords, lowered on the stack: they are all short and
// ASCII.
func isHeadlineFunctionWord(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return headlineFunctionWords.has(string(buf[:len(w)]))
}

// afterApostrophe reports whether the word at i ends a possessive or a
// contraction ("CHINA'S", "DON'T", "WE'LL").
func afterApostrophe(line string, i int) bool {
	return strings.HasSuffix(line[:i], "'") || strings.HasSuffix(line[:i], "’")
}

// capsPronoun reports whether w, a word of a line in capitals between
// prev and next, is a pronoun that reads as a name when kept in capitals:
// "WHO" (not the health body), or "US" after a verb or preposition that
// takes it ("JOIN US ON TELEGRAM", "FOR US").
func capsPronoun(w, prev, next string) bool {
	switch w {
	case "WHO":
		return true
	case "US":
		return usPronounVerbs.has(prev) || usPronounPreps.has(prev) && (next == "" || usAfterPronoun.has(next))
	}
	return false
}

// caseInto writes w into b in lower case, its first letter kept when
// title is set; a letter whose lower case has another byte length stays.
func caseInto(b []byte, w string, title bool) {
	for k, r := range w {
		if title && k == 0 {
			continue
		}
		if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
			utf8.EncodeRune(b[k:], l)
		}
	}
}

// capsAcronyms are the names and forms of known organisations written in
// capitals and longer than three letters ("NATO", "OSCE", "НАТО").
var capsAcronyms = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	add := func(f string) {
		if utf8.RuneCountInString(f) > 3 && strings.ToUpper(f) == f && !strings.ContainsAny(f, " .*'-") {
			out[f] = true
		}
	}
	for _, o := range orgForms {
		add(o.name)
		for f := range strings.SplitSeq(o.forms, "|") {
			add(f)
		}
	}
	return out
})

// asWritten returns span, a piece of the text as the taggers read it, as
// the text writes it: the same bytes of the original where a line in
// capitals was re-read.
func (s *scan) asWritten(span string) string {
	if s.orig == s.text || span == "" {
		return span
	}
	if i := strings.Index(s.text, span); i >= 0 {
		return s.orig[i : i+len(span)]
	}
	return span
}
