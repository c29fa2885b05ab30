package entity

import "strings"

// mtDuringSubject returns the span of the one who had the meeting of
// trigger tr when the meeting is told in a phrase set off from its clause
// ("during a call with", "in talks with"): the clause's subject, before
// the phrase ("Biden, during a call with Zelenskyy last week, warned")
// or after it ("During a phone conversation with Yaalon, Defense
// Secretary Chuck Hagel expressed"). The clause's own start stops at the
// phrase's comma, so without this the one who called is lost. It reports
// false when the meeting is told otherwise.
func (s *scan) mtDuringSubject(st mtSentence, tr mtTrigger) (from, to int, ok bool) {
	p, ok := s.mtDuringPrep(st, tr)
	if !ok {
		return 0, 0, false
	}
	switch {
	case p > st.from && s.key(p-1) == ",":
		// "Biden, during a call with …": the subject ends at the comma.
		c := p - 1
		a := s.mtClauseStart(st.from, c)
		return a, c, s.mtDuringPerson(a, c)
	case p == st.from || s.mtDuringOpens(st, p):
		// "During a call with Yaalon yesterday, Hagel expressed": the
		// subject is the run of names and offices after the phrase.
		c := tr.end
		for c < st.to && s.key(c) != "," && s.key(c) != ";" {
			c++
		}
		if c >= st.to || s.key(c) != "," {
			return 0, 0, false
		}
		e := c + 1
		for e < st.to && e < c+1+mtFrameReach && s.mtFrameWord(e) {
			e++
		}
		return c + 1, e, s.mtDuringPerson(c+1, e)
	}
	return 0, 0, false
}

// mtDuringPerson reports whether the span names a person who can have
// had the meeting: a name, an office or a leader ("Italian troops
// arrived in Riga, during a call with" names none).
func (s *scan) mtDuringPerson(from, to int) bool {
	for k := from; k < to; k++ {
		w := s.word(k)
		if s.isTitleWord(k) || personTitleWords.has(w) || s.mtPersonWord(k) || leaderState(w, s.toks[k].kind == tOther) != "" {
			return true
		}
	}
	return false
}

// mtDuringOpens reports whether the phrase at p opens the sentence after
// a connective ("But during a call with …", "Earlier, during talks with").
func (s *scan) mtDuringOpens(st mtSentence, p int) bool {
	k := p - 1
	if k >= st.from && s.key(k) == "," {
		k--
	}
	return k == st.from && mtDuringOpeners.has(s.word(k))
}

// mtDuringPreps set a meeting off from the clause it is told in.
var mtDuringPreps = setOf(mtDuringPrepsIndex, []string{"during", "During", "in", "In"})

// mtDuringFillers may stand between the preposition and the meeting word.
var mtDuringFillers = setOf(mtDuringFillersIndex, []string{"a", "an", "the", "his", "her", "their", "its", "phone", "telephone", "video", "recent", "brief", "lengthy", "separate", "private", "last", "latest"})

// mtDuringOpeners may come before a phrase that opens a sentence.
var mtDuringOpeners = setOf(mtDuringOpenersIndex, []string{"But", "And", "Earlier", "Later", "Then", "Meanwhile", "Yesterday", "Today"})

// mtOnTheEve reports whether the first meeting word stands a few words
// after "on the eve of" or its like: "on the eve of this week's NATO and
// G7 summits", "напередодні саміту", "накануне встречи", "am Vorabend
// des Gipfels", "im Vorfeld des Treffens".
func (s *scan) mtOnTheEve(from int, triggers []mtTrigger) bool {
	if len(triggers) == 0 {
		return false
	}
	at := triggers[0].at
	for k := max(from, at-10); k < at; k++ {
		switch w := strings.ToLower(s.word(k)); w {
		case "eve":
			if s.word(k+1) == "of" {
				return true
			}
		case "напередодні", "накануне", "vorabend", "vorfeld":
			return true
		}
	}
	return false
}

// mtDuringPrep returns the preposition that sets the meeting word of tr
// in a phrase of its own ("during his phone conversation with", "at a
// meeting with"), a few words before it.
func (s *scan) mtDuringPrep(st mtSentence, tr mtTrigger) (int, bool) {
	p := tr.at - 1
	// A few words may stand between the preposition and the meeting
	// word: "during his phone conversation with", "in a recent call".
	for n := 0; p > st.from && n < 3 && !mtDuringPreps.has(s.word(p)); n++ {
		if !mtDuringFillers.has(s.word(p)) {
			return 0, false
		}
		p--
	}
	return p, p >= st.from && mtDuringPreps.has(s.word(p))
}

// mtDuringPronoun reports whether the one who acts around the phrase of
// the meeting word of tr is a subject pronoun: "He announced more aid
// during a meeting with the Ukrainian prime minister", "During a meeting
// with the Ukrainian minister, he pledged more aid". The sentence before
// says who.
func (s *scan) mtDuringPronoun(st mtSentence, tr mtTrigger) bool {
	p, ok := s.mtDuringPrep(st, tr)
	if !ok {
		return false
	}
	if first := s.mtDatelineEnd(st); p > first && mtSubjectPronouns.has(s.word(first)) {
		for k := first + 1; k < p; k++ {
			if mtClauseBreak(s, k) && s.key(k) != "(" && s.key(k) != ")" {
				return false // but "$2.8bn (£2.4bn) in aid" goes on
			}
		}
		return true
	}
	if p == st.from || s.mtDuringOpens(st, p) {
		for c := tr.end; c < st.to; c++ {
			if s.key(c) == "," {
				return mtSubjectPronouns.has(s.word(c + 1))
			}
			if mtClauseBreak(s, c) {
				return false
			}
		}
	}
	return false
}

// mtSetOffFor reports whether the first meeting of triggers is where a
// journey still under way or ahead is going: "before leaving on a trip to
// meet the leaders of Germany", "is heading to Warsaw for talks", "is
// on his way to Kyiv for talks", "preparations are under way for a
// summit". The traveller has not arrived, so the meeting is to come. A
// journey told as done ("flew to Kyiv for talks") says nothing of the
// sort.
func (s *scan) mtSetOffFor(from int, triggers []mtTrigger) bool {
	if len(triggers) == 0 {
		return false
	}
	at := triggers[0].at
	lead := at - 1
	if w := s.word(lead); mtDefinite.has(w) || w == "a" || w == "an" {
		lead-- // "for the summit", "for a summit"
	}
	if lead >= at-2 && s.word(lead) == "hold" {
		lead-- // "to hold talks"
	}
	if w := s.word(lead); lead < from || w != "to" && w != "for" {
		return false
	}
	for k := lead - 1; k >= max(from, lead-8); k-- {
		w := strings.ToLower(s.word(k))
		if mtClauseBreak(s, k) {
			return false
		}
		switch {
		case mtJourneyAhead.has(w),
			w == "left" && s.word(k+1) == "for",                 // "left for Berlin for talks"
			w == "off" && strings.HasPrefix(s.word(k-1), "set"), // "set off for"
			w == "way" && s.word(k-2) == "on":                   // "on his way to Kyiv"
			return true
		}
	}
	return false
}

// mtJourneyAhead are the words of a journey not yet at its end, or of the
// preparations for a meeting.
var mtJourneyAhead = setOf(mtJourneyAheadIndex, []string{
	"leaving", "leaves", "heading", "heads", "en", "departing", "departs", "bound", "preparations",
	"preparing", "prepares", "prepare",
})

// mtPastAnywhere reports whether a verb of the sentence [from, to) is in
// the past: "On the eve of the summit in Bucharest, they argued".
func (s *scan) mtPastAnywhere(from, to int) bool {
	if s.mtTenseIn(from, to) == dtPast {
		return true
	}
	for k := from; k < to; k++ {
		if s.mtRegularPast(k) || s.toks[k].kind == tOther && mtCyrPast(s.word(k)) {
			return true
		}
	}
	return false
}
