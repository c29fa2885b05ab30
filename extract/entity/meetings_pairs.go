package entity

import "strings"

// mtPairSubject reports whether the verb of speaking at token at has two
// parties joined by "and" as its subject, and so tells a conversation
// between them with no "with": "Scholz and Ukrainian president Zelensky
// are expected to talk", "US President Biden and China's Xi were expected
// to speak again", "Der Kanzler und der französische Präsident sprachen",
// "Президенти України та Польщі поговорили", "Les présidents français et
// ukrainien ont parlé". Each side must name someone: a person, an office
// or a state. A speech to or at something ("Biden and Harris spoke at the
// rally", "spoke to reporters") is no conversation between them.
func (s *scan) mtPairSubject(from, at, to int) bool {
	if !s.mtPairBefore(from, at) {
		return false
	}
	// "spoke at the rally", "talked to reporters", "sprachen vor dem
	// Bundestag": an audience, not each other.
	for k := at + 1; k < min(to, at+4); k++ {
		w := strings.ToLower(s.word(k))
		if mtPairAudiencePreps.has(w) {
			return false
		}
		if s.toks[k].kind == tPunct {
			break
		}
	}
	return true
}

// mtPairBefore reports whether the verb at token at has two parties
// joined by "and" as its subject, each naming a person, an office or a
// state, with at most a few lower-case words between them and the verb.
func (s *scan) mtPairBefore(from, at int) bool {
	clause := s.mtClauseStart(from, at)
	// Between the subject and the verb only a few lower-case words may
	// stand: "are expected to", "were to", "have also", "ont".
	end := at
	for n := 0; end > clause && n < mtPairAuxReach; n++ {
		k := end - 1
		if s.toks[k].kind == tPunct || s.capitalAt(k) || mtListAnd.has(s.word(k)) {
			break
		}
		if _, e := s.nationAt(k); e > k {
			break // "français et ukrainien": a state's adjective is the subject's
		}
		end = k
	}
	if end <= clause || end-clause > mtPairSubjectReach {
		return false
	}
	join := -1
	for k := end - 1; k > clause; k-- {
		if mtListAnd.has(s.word(k)) || s.mtHeadlineComma(k) {
			join = k
			break
		}
	}
	return join >= 0 && s.mtPairSide(clause, join) && s.mtPairSide(join+1, end)
}

// mtHeadlineComma reports whether the comma at token k stands for "and"
// between two names at the head of a headline: "Biden, Xi hold talks",
// "Lavrov, Blinken talk by phone". The line has no full stop at its end,
// a name of one to three capitalised words comes before the comma at the
// line's start and another after it, then a word in lower case, the verb.
// In running text such a comma opens an apposition or a list instead.
func (s *scan) mtHeadlineComma(k int) bool {
	if s.key(k) != "," || k == 0 || k+2 >= len(s.toks) || s.toks[k+1].brk {
		return false
	}
	line := k - 1
	for line > 0 && !s.toks[line].brk && k-line < mtHeadlineNameReach {
		line--
	}
	if line > 0 && !s.toks[line].brk {
		return false
	}
	for j := line; j < k; j++ {
		if !s.capitalAt(j) || j == line && mtHeadlineOpeners.has(s.word(j)) {
			return false
		}
	}
	after := k + 1
	for after < len(s.toks) && after-k <= mtHeadlineNameReach && s.capitalAt(after) && !s.toks[after].brk {
		after++
	}
	if after == k+1 || after-k > mtHeadlineNameReach || after >= len(s.toks) || s.toks[after].brk ||
		s.toks[after].kind == tPunct || s.capitalAt(after) {
		return false
	}
	end := after
	for end < len(s.toks) && !s.toks[end].brk && end-line <= mtHeadlineReach {
		end++
	}
	return s.headlineShaped(line, end)
}

// mtHeadlineOpeners open a headline with a phrase of place, time or
// cause rather than a name: "In Kyiv, Zelensky meets Scholz".
var mtHeadlineOpeners = setOf(mtHeadlineOpenersIndex, []string{
	"In", "On", "At", "For", "From", "With", "By", "As", "Amid", "Despite", "Over", "Under", "After", "Before",
	"During", "Since", "Until", "Today", "Yesterday", "Tomorrow", "Now", "Here", "There", "Also", "But", "And",
	"Yet", "So", "Then", "Exclusive", "Analysis", "Update", "Watch", "Live", "Breaking", "Opinion",
})

// mtHeadlineNameReach bounds the words of a name in a headline's pair, and
// mtHeadlineReach the headline, as the sentence splitter bounds one.
const (
	mtHeadlineNameReach = 3
	mtHeadlineReach     = 30
)

// mtPairSide reports whether tokens [from, to) name a party to a
// conversation: a state, an office or a person's name.
func (s *scan) mtPairSide(from, to int) bool {
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			return true
		}
		if s.isTitleWord(k) {
			return true
		}
		w := s.word(k)
		switch {
		case !s.capitalAt(k) || mtNotCounterparts.has(w) || mtFirstPersonOpeners.has(w) || mtDefinite.has(w):
		case s.toks[k].kind == tWord && s.lexNameWord(k):
			return true
		case s.toks[k].kind == tOther && (leaderState(w, true) != "" || k > from && s.mtPersonWord(k)):
			return true
		}
	}
	return false
}

// mtPairAuxReach is how many lower-case words may stand between a pair's
// subject and its verb of speaking; mtPairSubjectReach how long the
// subject may be.
const (
	mtPairAuxReach     = 4
	mtPairSubjectReach = 14
)

// mtPairAudiencePreps after a verb of speaking open an audience.
var mtPairAudiencePreps = setOf(mtPairAudiencePrepsIndex, []string{
	"at", "to", "before", "vor", "auf", "bei", "на", "перед", "до", "devant", "à", "au", "aux",
})
