package entity

// mtSpokeAt reports whether the gathering of trigger tr is where its
// clause's subject spoke: "said on Friday at the Munich Security
// Conference", "told reporters on the sidelines of the summit",
// "speaking at the forum". It returns the verb of saying. A speech or a
// statement at a summit or a conference makes no participant (the
// gathering is one; the one who spoke there is not, for that).
func (s *scan) mtSpokeAt(from int, tr mtTrigger) (int, bool) {
	switch tr.class {
	case mtSummit, mtConf, mtMinister, mtSession, mtNamed, mtPeak, mtSidelines:
	default:
		return 0, false
	}
	// The preposition of the occasion, a few words before the gathering's
	// name: "at the Munich Security Conference", "on the sidelines of".
	p := -1
	for k := tr.at - 1; k >= max(from, tr.at-6); k-- {
		if mtClauseBreak(s, k) {
			return 0, false
		}
		if w := s.word(k); w == "at" || w == "sidelines" {
			p = k
			break
		}
	}
	if p < 0 {
		return 0, false
	}
	for k := p - 1; k >= max(from, p-mtSpokeAtReach); k-- {
		if mtClauseBreak(s, k) {
			return 0, false
		}
		if mtSpokeAtWords.has(s.word(k)) {
			return k, true
		}
	}
	return 0, false
}

// mtSpokeAtReach bounds the words between a verb of saying and the
// occasion it was said at: a day and to whom ("told reporters on Friday").
const mtSpokeAtReach = 5

// mtSpokeAtWords say that someone spoke, not that they met.
var mtSpokeAtWords = setOf(mtSpokeAtWordsIndex, []string{
	"said", "says", "told", "stated", "declared", "warned", "argued", "stressed", "announced", "speaking", "spoke", "addressed",
})
