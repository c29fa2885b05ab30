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
		if mtListAnd.has(s.word(k)) {
			join = k
			break
		}
	}
	if join < 0 || !s.mtPairSide(clause, join) || !s.mtPairSide(join+1, end) {
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
