package entity

import (
	"slices"

	"github.com/defwatch/defwatch"
)

// Meetings an address reports in fragments rather than sentences:
// "Important international negotiations. Bulgaria, Slovakia, Czech
// Republic, Romania, Poland, Britain." (one call with each state), and
// "I spoke with President of the European Commission Ursula von der
// Leyen. With President of Poland Andrzej Duda." (a call per fragment
// that goes on with the list of the sentence before).

// mtFragmentMax is the most words a fragment that names conversations
// has: "Important international negotiations", "Важливі міжнародні
// переговори".
const mtFragmentMax = 5

// fragmentCalls adds the calls of an address's fragments. It runs after
// the sentences were read, so that a fragment that goes on with a call
// finds it.
func (r *mtReader) fragmentCalls() {
	speaker := r.speakerNation()
	if speaker == "" {
		return // fragments are an address's way of speaking, not a report's
	}
	for si := 0; si+1 < len(r.sents); si++ {
		st, next := r.sents[si], r.sents[si+1]
		if st.headline || next.para != st.para || !r.talksFragment(st) {
			continue
		}
		states := r.stateList(next)
		if len(states) < 2 {
			continue
		}
		for _, c := range states {
			if c == speaker {
				continue
			}
			r.addFragmentCall(si, speaker, c, "")
		}
	}
	for si := 1; si < len(r.sents); si++ {
		st := r.sents[si]
		if st.headline || r.sents[si-1].para != st.para || !r.callEndsAt(si-1) {
			continue
		}
		if c := r.listedLeader(st); c != "" && c != speaker {
			// "And also with Chancellor of Austria Nehammer." was the
			// same day as the call it goes on with.
			r.addFragmentCall(si, speaker, c, r.callDateAt(si-1))
			continue
		}
		r.listedPeople(si, speaker)
	}
}

// listedPeople adds a call with each of the people that sentence si
// lists when it is a fragment going on with the calls of the sentence
// before, with more than one person or with bodies rather than states:
// "З Президентом Європейської Ради Шарлем Мішелем і Президенткою
// Єврокомісії Урсулою фон дер Ляєн." (two calls, each with the EU). It
// has no verb: "with", then offices, names and the words that join them.
func (r *mtReader) listedPeople(si int, speaker string) {
	s := r.s
	st := r.sents[si]
	from := s.mtAlsoWith(st.from, st.to)
	if from == st.from {
		return
	}
	words := 0
	for j := from; j < st.to; j++ {
		if s.toks[j].kind == tPunct {
			if s.key(j) != "," && s.key(j) != "'" && s.key(j) != "’" && j != st.to-1 {
				return
			}
			continue
		}
		words++
		if !s.capitalAt(j) && !leaderLinkWords.has(s.word(j)) && !mtListAnd.has(s.word(j)) && !mtFrameJoins.has(s.word(j)) && !mtNameParticles.has(s.word(j)) {
			return // a lower-case word: a clause, not a list of people
		}
	}
	if words > mtListedPeopleMax || !s.mtOfficeIn(from, st.to) {
		return
	}
	orgs := s.orgHits(st.from, st.to)
	tr := mtTrigger{at: from - 1, end: from, object: from}
	parties, _ := s.mtCounterparts([]mtTrigger{tr}, st.to, orgs)
	for _, p := range parties {
		m := mtMention{
			sent: si, kind: defwatch.MeetingCall, nations: mtUnion(p.nations, r.stateNames(p.from, p.to)),
			counterparts: p.nations, names: p.names, who: true, speaker: speaker,
			status: defwatch.MeetingHeld, tense: dtPast,
		}
		for _, h := range orgs {
			if h.from >= p.from && h.to <= p.to && !slices.Contains(m.orgs, h.e.name) {
				m.orgs = append(m.orgs, h.e.name)
			}
		}
		if len(m.nations)+len(m.orgs) == 0 || len(r.meetings) >= mtMaxMeetings {
			continue
		}
		r.add(m)
	}
}

// mtNameParticles stand in lower case inside names: "Ursula von der
// Leyen", "Урсулою фон дер Ляєн".
var mtNameParticles = setOf(mtNameParticlesIndex, []string{"von", "van", "der", "de", "den", "la", "le", "фон", "дер", "ван", "де", "ла"})

// mtListedPeopleMax is the most words a fragment listing people spoken
// with has: two offices with their bodies and names.
const mtListedPeopleMax = 20

// addFragmentCall adds a call the speaker held with state c, reported by
// sentence si, unless a call with c is already known.
func (r *mtReader) addFragmentCall(si int, speaker, c, date string) {
	for _, mt := range r.meetings {
		if mt.m.Kind == defwatch.MeetingCall && len(mt.counterparts) == 1 && mt.counterparts[0] == c {
			return
		}
	}
	if len(r.meetings) >= mtMaxMeetings {
		return
	}
	r.add(mtMention{
		sent: si, kind: defwatch.MeetingCall, nations: []string{c}, counterparts: []string{c},
		who: true, speaker: speaker, status: defwatch.MeetingHeld, tense: dtPast,
		distinct: true, date: date, dated: date != "",
	})
}

// talksFragment reports whether sentence st is a few words that name
// conversations and nothing else: no state, no verb a meeting needs.
func (r *mtReader) talksFragment(st mtSentence) bool {
	s := r.s
	words, talks := 0, false
	for k := st.from; k < st.to; k++ {
		if s.toks[k].kind == tPunct {
			continue
		}
		words++
		switch c := s.mtClassAt(k); c {
		case mtTalks, mtConverse, mtCallNoun:
			talks = true
		case mtNone:
		default:
			return false
		}
		if _, e := s.nationAt(k); e > k {
			return false
		}
	}
	return talks && words <= mtFragmentMax
}

// stateList returns the states of sentence st when it is a list of
// states and nothing else: "Bulgaria, Slovakia, Czech Republic, Romania,
// Poland, Britain."
func (r *mtReader) stateList(st mtSentence) []string {
	s := r.s
	var out []string
	for k := st.from; k < st.to; {
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 && s.capitalised(k) || e > k && len(codes) == 1 && s.toks[k].kind == tOther && s.capitalAt(k) {
			out = mtUnion(out, codes)
			k = e
			continue
		}
		switch w := s.word(k); {
		case s.toks[k].kind == tPunct && (w == "," || w == "." || w == ";" || w == "!" || w == "…"):
		case w == "and" || w == "і" || w == "та" || w == "й" || w == "и" || w == "und":
		default:
			return nil
		}
		k++
	}
	return out
}

// callEndsAt reports whether a call of the speaker's was reported by
// sentence si.
func (r *mtReader) callEndsAt(si int) bool {
	for _, mt := range r.meetings {
		if mt.last == si && mt.m.Kind == defwatch.MeetingCall && mt.who {
			return true
		}
	}
	return false
}

// callDateAt returns the day of the call that ends at sentence si, or "".
func (r *mtReader) callDateAt(si int) string {
	for _, mt := range r.meetings {
		if mt.last == si && mt.m.Kind == defwatch.MeetingCall && mt.who {
			return mt.m.Date
		}
	}
	return ""
}

// listedLeader returns the state of the one leader that sentence st
// names when it is a fragment going on with a list of those spoken with:
// "With President of Poland Andrzej Duda.", "Prime Minister of
// Luxembourg Xavier Bettel." It has no verb: a title, "of" a state, and
// a name, perhaps after "with".
func (r *mtReader) listedLeader(st mtSentence) string {
	s := r.s
	k := s.mtAlsoWith(st.from, st.to)
	state := ""
	words := 0
	for j := k; j < st.to; j++ {
		if s.toks[j].kind == tPunct {
			if j != st.to-1 {
				return ""
			}
			continue
		}
		words++
		if codes, e := s.nationAt(j); e > j {
			if state != "" || len(codes) != 1 {
				return ""
			}
			state = codes[0]
			j = e - 1
			continue
		}
		if !s.capitalised(j) && !(s.toks[j].kind == tOther && s.capitalAt(j)) && !leaderLinkWords.has(s.word(j)) && !(k > st.from && s.mtCyrTitle(j)) {
			// A lower-case word other than "of" (or, after "з", an
			// office: "А також із канцлером Австрії") is a clause, not
			// a name.
			return ""
		}
	}
	if words > 9 || !s.mtOfficeIn(k, st.to) {
		return ""
	}
	return state
}

// leaderLinkWords join a title to its state: "Prime Minister of
// Luxembourg", "Президентом Польщі" needs none.
var leaderLinkWords = setOf(leaderLinkWordsIndex, []string{"of", "the", "von", "der", "des"})

// mtOfficeIn reports whether tokens [from, to) hold the title of an
// office: "President", "Prime Minister", "Президентом".
func (s *scan) mtOfficeIn(from, to int) bool {
	for k := from; k < to; k++ {
		if titleHeads[s.word(k)] || s.mtCyrTitle(k) {
			return true
		}
	}
	return false
}

// mtAlsoWith returns where the people of a fragment that goes on with the
// calls before it start: after its "With", "З", or "And also with", "А
// також із" ("And also with Chancellor of Austria Nehammer."). It
// returns from when the fragment opens with no "with".
func (s *scan) mtAlsoWith(from, to int) int {
	k := from
	for k < to && k < from+2 && mtAlsoWords.has(s.word(k)) {
		k++
	}
	switch s.word(k) {
	case "With", "with", "З", "з", "Із", "із", "Зі", "зі", "С", "с", "Mit", "mit":
		return k + 1
	}
	return from
}

// mtAlsoWords open a fragment that adds to a list told before.
var mtAlsoWords = setOf(mtAlsoWordsIndex, []string{"And", "also", "Also", "А", "також", "Також", "І", "И", "также", "Und", "auch"})
