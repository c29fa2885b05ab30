package entity

import "slices"

// A meeting named only to set the time or the occasion of something else
// ("said after talks", "Yaalon, during his conversation with Hagel,
// clarified", "перед зустріччю зі мною побував у Бородянці", "told her
// at a meeting") is, once the article has told a meeting, that meeting
// told again: the sentence is about what was said or done around it.

// mtFramed reports whether the meeting noun of tr stands in a phrase of
// time or occasion: after, before or during it, or at or in it when the
// sentence reports what someone said there.
func (s *scan) mtFramed(st mtSentence, tr mtTrigger) bool {
	switch tr.class {
	case mtSummit, mtMinister, mtMeetNoun, mtTalks, mtCallNoun, mtConverse, mtSession:
	default:
		return false
	}
	p := tr.at - 1
	for n := 0; p >= st.from && n < 4; n++ {
		w := s.word(p)
		if _, ok := dtWeekdays().get(w); !ok && !mtDuringFillers.has(w) && !mtFrameFillers.has(w) {
			break
		}
		p--
	}
	if p < st.from {
		return false
	}
	w := s.word(p)
	switch {
	case mtFramePreps.has(w):
		return true
	case p > st.from && mtFrameSecond[w] != "" && mtFrameSecond[w] == s.word(p-1):
		// "під час переговорів", "во время встречи", "lors de la réunion"
		return true
	case mtFrameAt.has(w):
		for k := st.from; k < st.to; k++ {
			if mtSaidWords.has(s.word(k)) || mtFrameSpeaking.has(s.word(k)) {
				return true
			}
		}
	}
	return false
}

// mtFramePreps set a meeting as the time of what the sentence tells.
var mtFramePreps = setOf(mtFramePrepsIndex, []string{
	"after", "After", "before", "Before", "during", "During", "following", "Following",
	"nach", "Nach", "vor", "Vor", "während", "Während",
	"після", "Після", "перед", "Перед", "после", "После",
	"après", "Après", "avant", "Avant", "pendant", "Pendant",
})

// mtFrameSecond maps the second word of a two-word preposition of time
// to its first.
var mtFrameSecond = map[string]string{"час": "під", "время": "во", "de": "lors", "du": "lors"}

// mtFrameAt set a meeting as the occasion of what was said at it.
var mtFrameAt = setOf(mtFrameAtIndex, []string{"at", "At", "in", "In", "bei", "beim", "Beim", "на", "На"})

// mtFrameSpeaking are words of saying that mtSaidWords leaves out.
var mtFrameSpeaking = setOf(mtFrameSpeakingIndex, []string{"speaking", "Speaking", "says", "sagt", "заявив", "сказав", "заявил", "сказал", "déclaré"})

// mtFrameFillers may stand between the preposition and the meeting word
// besides those of mtDuringFillers: "Wednesday's", "зі мною" comes after.
var mtFrameFillers = setOf(mtFrameFillersIndex, []string{"'", "’", "s", "der", "dem", "den", "des", "die", "das", "la", "le", "l", "les", "the", "this", "that"})

// framedMeeting returns the meeting a framed mention tells again: the
// latest one told a few sentences before that no date, place or tense
// sets apart, and that has the people the mention says it was with.
func (r *mtReader) framedMeeting(m mtMention) *mtMeeting {
	for _, mt := range slices.Backward(r.meetings) {
		if mt.first == m.sent {
			continue
		}
		if m.sent-mt.last > mtBareWithin {
			return nil
		}
		if m.date != "" && mt.m.Date != "" && m.date != mt.m.Date || m.location != "" && mt.m.Location != "" && m.location != mt.m.Location {
			continue
		}
		if m.tense == dtFuture && mt.tense == dtPast || m.tense == dtPast && mt.tense == dtFuture {
			continue
		}
		// Those it was with are among the meeting's people, by name or
		// by state: the other side tells it with the names swapped
		// ("During his conversation with Hagel, Yaalon …").
		sameStates := len(m.counterparts) > 0 && mtSubset(m.counterparts, mtUnion(mt.m.Participants, []string{mt.speaker}))
		if len(m.names) > 0 && !mtOverlap(mtKeys(m.names), mtUnion(mtKeys(mt.names), mt.subjects)) && !sameStates && !r.namedIn(mt.first, m.names) {
			continue
		}
		if len(m.counterparts) > 0 && !sameStates {
			continue
		}
		return mt
	}
	return nil
}

// namedIn reports whether sentence si names one of names: one who met,
// told as the subject or the object of the meeting's first sentence.
func (r *mtReader) namedIn(si int, names []string) bool {
	st := r.sents[si]
	keys := mtKeys(names)
	for k := st.from; k < st.to; k++ {
		if r.s.capitalAt(k) && slices.Contains(keys, personKey(r.s.word(k))) {
			return true
		}
	}
	return false
}
