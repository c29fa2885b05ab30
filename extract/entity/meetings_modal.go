package entity

import "strings"

// A meeting told with a modal of possibility is one that may or may not
// happen, which the guideline does not count: "the ministers could meet
// in Lima", "may come to a meeting", "könnten sich treffen", "talks with
// Peru can ease the dispute". Nor does it count one told with a modal of
// obligation, a demand: "Putin should meet Zelensky", "must hold talks".
// A plan reported in the past ("said he would meet") is not a
// possibility, nor is what a meeting that took place could not do ("the
// meeting could not agree").

// mtMayHappen reports whether a modal of possibility governs the meeting
// word tr in the sentence [from, to): before a meeting verb or a verb
// that takes a meeting noun, in the same clause, or as the verb whose
// subject the meeting noun is.
func (s *scan) mtMayHappen(tr mtTrigger, from, to int) bool {
	// "could meet", "may hold talks", "may come to a meeting", and the
	// German modal that stands far ahead of its verb.
	reach := mtModalReach
	for k := tr.at - 1; k >= max(from, tr.at-mtModalGermanReach); k-- {
		if mtClauseBreak(s, k) || s.key(k) == "." {
			break
		}
		w := strings.ToLower(s.word(k))
		if mtGermanModals.has(w) || k >= tr.at-reach && mtModals.has(w) {
			return !s.mtModalNegated(k, tr.at)
		}
	}
	// "talks with Peru can ease the dispute": a bare meeting noun, talks
	// of no one occasion, is the subject of the modal. A meeting told
	// with its article or its name is one occasion, whatever it may do
	// ("the Lucerne summit could gain weight", "the talks may lack
	// participation"); a German modal at a clause's end may be any verb's.
	switch tr.class {
	case mtTalks, mtMeetNoun, mtSummit, mtConverse:
	default:
		return false
	}
	if tr.definite || tr.indefinite || tr.name != "" {
		return false
	}
	if det, _ := s.mtDeterminer(tr.at, from); det != "" {
		return false
	}
	for k := tr.end; k < min(to, tr.end+mtModalReach+2); k++ {
		if mtClauseBreak(s, k) || s.key(k) == "." {
			return false
		}
		w := strings.ToLower(s.word(k))
		if mtModals.has(w) {
			return !s.mtModalNegated(k, min(to, k+3))
		}
	}
	return false
}

// mtModalNegated reports whether a negation stands between the modal at
// k and to: "could not attend the summit" tells of a summit that took
// place without someone.
func (s *scan) mtModalNegated(k, to int) bool {
	for j := k + 1; j < to; j++ {
		switch strings.ToLower(s.word(j)) {
		case "not", "n't", "never", "nicht", "nie", "не", "ne", "pas":
			return true
		}
	}
	return false
}

// mtModalReach is how many words may stand between a modal and the
// meeting word it governs ("could also hold talks", "may come to a
// meeting"); German sets its verb at the clause's end.
const (
	mtModalReach       = 4
	mtModalGermanReach = 10
)

// mtModals say that a meeting may happen. "Would" is left out: in
// reported speech it tells a plan ("said he would meet").
var mtModals = setOf(mtModalsIndex, []string{
	"may", "might", "could", "can", "should", "must", "ought",
	"може", "можуть", "можна", "может", "могут", "можно",
	"pourrait", "pourraient", "peut", "peuvent",
})

// mtGermanModals say the same in German, ahead of the verb; "dürfte"
// says a thing is likely, which is a plan's way of being told.
var mtGermanModals = setOf(mtGermanModalsIndex, []string{"könnte", "könnten", "kann", "können", "sollte", "sollten", "müsste", "müssten", "muss", "müssen"})
