package entity

import "strings"

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
