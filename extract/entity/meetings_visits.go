package entity

import (
	"slices"

	"github.com/defwatch/defwatch"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A leader's own address often tells a guest's visit to the capital in one
// sentence and the talks in the next ones: "I was glad to welcome in Kyiv
// … President of the European Council Charles Michel. … I held very
// thorough talks with Charles Michel." The visit is the meeting, and the
// talks, the discussions and the call "today with Charles Michel" that
// follow are that meeting told again. A visit that no talk follows stays
// no meeting, as the guideline has it; so does a visit in a report that
// is no one's own address, where "Macron visited Kyiv" need not mean a
// meeting with anyone the text names.

// mtGuestVisit is a foreign guest's visit to the speaker's state, waiting
// for the talks that make it a meeting.
type mtGuestVisit struct {
	sent, last int // its sentence, and the last one that told of it
	kind       string
	states     []string // the guests' states and the host's
	guests     []string // the guests' states alone
	names      []string // the guests' surnames
	orgs       []string
	location   string
	date       string
	dated      bool
	hosted     bool       // the speaker welcomes the guests: a meeting without talks told
	tense      dtTense    // past, or future for a welcome to come
	mt         *mtMeeting // the meeting, once talks are told
}

// mtVisitReach is how many sentences after a visit (or after the last
// sentence that told of its talks) a talk is still read as the visit's;
// the next paragraph is within reach however many short sentences ("Three
// days? Five days?") come between.
const mtVisitReach = 4

// inVisitReach reports whether sentence si is near enough to the visit v
// to tell its talks.
func (r *mtReader) inVisitReach(v *mtGuestVisit, si int) bool {
	return si-v.last <= mtVisitReach || r.sents[si].para-r.sents[v.last].para <= 1
}

// mtCapitalised reports whether w starts with a capital letter.
func mtCapitalised(w string) bool {
	for _, c := range w {
		return unicode.IsUpper(c)
	}
	return false
}

// mtVisitWords are the English and German words that tell an arrival or
// a visit; mtVisitStems the Ukrainian and Russian stems.
var mtVisitWords = sync.OnceValue(genMtVisitWords)

// buildMtVisitWords builds mtVisitWords from the word lists; tables_gen.go
// holds its result, which genMtVisitWords returns without building.
func buildMtVisitWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"visited", "visiting", "visit", "arrived", "welcome", "welcomed", "welcoming", "hosted", "came",
		"besuchte", "besuchten", "besucht", "empfing", "empfangen", "eingetroffen",
	} {
		m[w], m[strings.ToUpper(w[:1])+w[1:]] = true, true
	}
	return m
}

var mtVisitStems = []string{
	"відвіда", "відвідув", "прибул", "прибув", "приїха", "приїжджа", "візит", "вітати", "вітав", "приймати", "прийма", "побува",
	"посети", "посеща", "прибыл", "приехал", "визит", "принима", "приветствова",
}

// mtBeenWords say a guest was somewhere: "Був в Україні сьогодні й
// Генеральний секретар ООН".
var mtBeenWords = setOf(mtBeenWordsIndex, []string{"був", "була", "були", "Був", "Була", "Були", "был", "была", "были", "Был", "Была", "Были"})

// mtLeaderTitles make a guest's visit a summit with the speaker: a head of
// state or government.
var mtLeaderTitles = setOf(mtLeaderTitlesIndex, []string{"President", "Prime", "Premier", "Chancellor", "King", "Queen", "Emir", "Sultan"})

var mtCyrLeaderStems = []string{"президент", "прем", "премьер", "канцлер", "корол"}

// mtVisitWord reports whether token k tells a visit or an arrival. It is
// asked of every word of a text, so it neither lower-cases nor allocates.
func (s *scan) mtVisitWord(k, to int) bool {
	w := s.word(k)
	if s.toks[k].kind != tOther {
		return mtVisitWords().has(w)
	}
	// Every stem starts with "в" or "п", and "був" with "б": a word with
	// any other first letter is let go at once.
	r, _ := utf8.DecodeRuneInString(w)
	switch unicode.ToLower(r) {
	case 'б':
		// "Був в Україні", "в Києві був": a place next to "was".
		n, p := s.word(k+1), s.word(k-2)
		return mtBeenWords.has(w) && (k+1 < to && (n == "в" || n == "у") || p == "в" || p == "у" || p == "В" || p == "У")
	case 'в', 'п':
		return stemFoldAny(w, mtVisitStems)
	}
	return false
}

// guestVisitAt reads sentence si as a foreign guest's visit to the state
// whose leader speaks: a word of visiting, a place of that state or the
// state itself, and someone in office of another state or of an
// international body.
func (r *mtReader) guestVisitAt(si int) (mtGuestVisit, bool) {
	s, st := r.s, r.sents[si]
	if st.headline {
		return mtGuestVisit{}, false
	}
	at := -1
	for k := st.from; k < st.to; k++ {
		if s.mtVisitWord(k, st.to) {
			at = k
			break
		}
	}
	if at < 0 || s.mtInRelative(st.from, at) {
		// "with all our partners who visited Bucha": the visit is told
		// of those a meeting was with, not as the meeting.
		return mtGuestVisit{}, false
	}
	// Whose address it is is read only now: most sentences tell no
	// visit, and most texts are no one's address.
	host := r.speakerNation()
	if host == "" {
		return mtGuestVisit{}, false
	}
	v := mtGuestVisit{sent: si, last: si, kind: "meeting", tense: dtPast}
	v.hosted = s.mtWelcomeWord(at) && s.mtSpeakerWelcomes(st.from, at) && s.mtWelcomesSomeone(at, st.to)
	there := s.mtOurCapital(st.from, st.to)
	for _, h := range s.placeHits(st.from, st.to) {
		if h.e.country == host {
			there = true
			if v.location == "" && h.e.name != "" {
				v.location = h.e.name
			}
		}
	}
	title := false
	for k := st.from; k < st.to; k++ {
		w := s.word(k)
		if codes, end := s.nationAt(k); end > k {
			if slices.Contains(codes, host) && k > st.from && mtInto.has(strings.ToLower(s.word(k-1))) {
				there = true
			}
			k = end - 1
			continue
		}
		if mtTitleWords.has(w) || s.mtCyrTitle(k) {
			title = true
			if mtLeaderTitles.has(w) || mtCyrLeader(w) {
				v.kind = "summit"
			}
		}
		if k > st.from && s.mtPersonWord(k) && !s.mtPersonWord(k+1) && !mtTitleWords.has(w) && !s.mtCyrTitle(k) && mtCapitalised(w) {
			v.names = append(v.names, w)
		}
	}
	if !there || !title {
		return mtGuestVisit{}, false
	}
	for _, c := range s.officeStates(st.from, st.to) {
		if c != host {
			v.guests = append(v.guests, c)
		}
	}
	for _, h := range s.orgHits(st.from, st.to) {
		v.orgs = mtUnion(v.orgs, []string{h.e.name})
	}
	if len(v.guests) == 0 && len(v.orgs) == 0 && v.kind == "summit" {
		// "The Prime Ministers of three partner states visited Kyiv.
		// Poland, the Czech Republic and Slovenia.": the guests' states
		// in the fragment that follows.
		v.guests = r.statesListedAfter(si, host)
	}
	if len(v.guests) == 0 && len(v.orgs) == 0 {
		return mtGuestVisit{}, false // the host's own people touring their state
	}
	tr := mtTrigger{at: at, end: at + 1, class: mtVisit, kind: v.kind, object: -1}
	dates := s.dtExprs(st.from, st.to)
	e, dated := s.mtNearestDate(dates, []mtTrigger{tr})
	if s.mtTense(st.from, st.to, []mtTrigger{tr}, e, dated) == dtFuture || v.hosted && s.mtPreparingTo(st.from, at) {
		if !v.hosted {
			return mtGuestVisit{}, false // a visit to come: its talks are not yet told
		}
		// "We are preparing to welcome President of the European
		// Commission … in Kyiv": the speaker's meeting to come.
		v.tense = dtFuture
	}
	if dated {
		v.date, v.dated = e.resolve(r.published, v.tense), true
	} else if v.tense != dtFuture {
		v.date = r.storyDay(st.para)
	}
	v.states = mtUnion([]string{host}, v.guests)
	return v, true
}

// statesListedAfter returns the states of sentence si+1 when it is a
// list of states and nothing else, in the same paragraph: "Poland, the
// Czech Republic and Slovenia." The host is left out.
func (r *mtReader) statesListedAfter(si int, host string) []string {
	if si+1 >= len(r.sents) || r.sents[si+1].para != r.sents[si].para {
		return nil
	}
	s, st := r.s, r.sents[si+1]
	var out []string
	for k := st.from; k < st.to; {
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 {
			if codes[0] != host {
				out = mtUnion(out, codes)
			}
			k = e
			continue
		}
		w := s.word(k)
		if w != "," && w != "." && w != "the" && !mtStateJoins.has(w) {
			return nil
		}
		k++
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// mtInRelative reports whether token at stands in a relative clause that
// opens a few words before it: "who visited", "які разом із нами
// відвідували".
func (s *scan) mtInRelative(from, at int) bool {
	for k := at - 1; k >= max(from, at-4); k-- {
		if s.toks[k].kind == tPunct {
			return false
		}
		if mtRelatives.has(strings.ToLower(s.word(k))) {
			return true
		}
	}
	return false
}

// mtRelatives open a clause that tells of someone named before.
var mtRelatives = setOf(mtRelativesIndex, []string{"who", "which", "that", "die", "der", "які", "який", "яка", "которые", "который", "которая"})

// mtInto are the prepositions that take a guest to a state: "to Ukraine",
// "в Україні", "nach Polen".
var mtInto = setOf(mtIntoIndex, []string{"to", "in", "into", "nach", "в", "у", "до", "во"})

// mtCyrLeader reports whether a Cyrillic word is the title of a head of
// state or government.
func mtCyrLeader(w string) bool {
	return lowerHasPrefix(w, mtCyrLeaderStems)
}

// lowerHasPrefix reports whether w in lower case begins with one of
// stems.
func lowerHasPrefix(w string, stems []string) bool {
	lw := strings.ToLower(w)
	for _, st := range stems {
		if strings.HasPrefix(lw, st) {
			return true
		}
	}
	return false
}

// visitOf reports whether mention m tells the talks of the visit v: in the
// sentences after it, not to come, with no one but the guests and no other
// day or place.
func (r *mtReader) visitOf(v *mtGuestVisit, m mtMention) bool {
	if m.sent < v.sent || m.tense == dtFuture {
		return false
	}
	if !r.inVisitReach(v, m.sent) && (v.mt == nil || !r.namesGuest(v, m.sent)) {
		// Further on, only a sentence that names the guest again tells
		// the visit's talks: "We discussed this today with Charles Michel."
		return false
	}
	if m.location != "" && v.location != "" && m.location != v.location {
		return false
	}
	if m.dated && m.date != "" && v.date != "" && m.date != v.date {
		return false
	}
	// Talks that name a state the visit did not bring, or that are a
	// summit, a ministerial or a conference of their own, are another
	// meeting: "An important meeting at the level of defense ministers …
	// took place in Germany today", "discussed today with Prime Minister of
	// the Netherlands".
	if !mtSubset(m.counterparts, v.states) || !mtSubset(m.nations, v.states) || !mtSubset(m.bound, v.states) {
		return false
	}
	// So is a body's meeting after a visit of states' leaders alone: "I
	// also addressed the participants of the annual session of the IMF
	// today." (A body's head may come for it: talks with "the EU" after
	// the President of the European Council's visit stay the visit's.)
	if len(m.orgs) > 0 && len(v.orgs) == 0 {
		return false
	}
	if m.kind != "call" && m.kind != "talks" && m.kind != "meeting" {
		return false
	}
	if len(m.names) > 0 && len(v.names) > 0 && !mtSameSurname(m.names, v.names) {
		return false
	}
	return true
}

// mtSameSurname reports whether a surname of a is one of b, told apart
// from its case ending: "Петковим" is "Петков".
func mtSameSurname(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || mtStem(x) != "" && mtStem(x) == mtStem(y) {
				return true
			}
		}
	}
	return false
}

// mtStem is the first five runes of a name, or "" for a shorter one.
func mtStem(w string) string {
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	if n == 5 {
		return w
	}
	return ""
}

// absorbVisit makes m the talks of the visit being read, if they are, and
// reports whether it did: the first talks make the visit a meeting told
// from the visit's sentence, and the later ones add only their day.
func (r *mtReader) absorbVisit(m mtMention) bool {
	v := r.visit
	if v == nil || !r.visitOf(v, m) {
		return false
	}
	r.confirmVisit()
	if v.mt == nil {
		return false
	}
	if !m.dated && m.tense != dtFuture {
		m.date = r.storyDay(r.sents[m.sent].para)
	}
	// The talks are the visit's: they bring its day and what became of
	// it, not the states they speak of.
	m.nations, m.bound, m.counterparts, m.orgs, m.location, m.name = nil, nil, nil, nil, "", ""
	m.kind, m.strong = v.kind, true
	r.merge(v.mt, m)
	v.last = max(v.last, m.sent)
	return true
}

// confirmVisit makes the visit being read a meeting, once.
func (r *mtReader) confirmVisit() {
	v := r.visit
	if v.mt != nil || len(r.meetings) >= mtMaxMeetings {
		return
	}
	status := defwatch.MeetingHeld
	if v.tense == dtFuture {
		status = defwatch.MeetingPlanned
	}
	m := mtMention{
		sent: v.sent, kind: v.kind, strong: true, date: v.date, dated: v.dated, day: v.dated,
		location: v.location, nations: v.states, counterparts: v.guests, names: v.names, who: true,
		orgs: v.orgs, tense: v.tense, status: status, statusSure: true, speaker: r.speakerNation(),
	}
	v.mt = r.newMeeting(m)
	r.meetings = append(r.meetings, v.mt)
}

// mtTalkClasses are the meeting words that, in the sentences after a
// visit, tell its talks even where they name no one: "We also discussed
// new sanctions", "I was glad to meet, to talk directly".
var mtTalkClasses = map[mtClass]bool{mtTalks: true, mtMeetVerb: true, mtMeetNoun: true, mtDiscuss: true, mtSpeak: true, mtConverse: true}

// visitTalks reports whether sentence si, which reports no meeting of its
// own, tells the talks of the visit being read.
func (r *mtReader) visitTalks(si int) bool {
	v := r.visit
	st := r.sents[si]
	if v == nil || si <= v.sent || !r.inVisitReach(v, si) || r.s.mtTenseIn(st.from, st.to) == dtFuture {
		return false
	}
	for k := st.from; k < st.to; k++ {
		if mtTalkClasses[r.s.mtClassAt(k)] || r.s.mtThanksGuests(k, st.to) {
			v.last = si
			return true
		}
	}
	return false
}

// mtThankStems are the verbs of thanking someone, in each language.
var mtThankStems = []string{"thanked", "dankte", "подякува", "поблагодари", "remercié"}

// mtGuestPronouns are the pronouns for the guests after a verb of
// thanking.
var mtGuestPronouns = setOf(mtGuestPronounsIndex, []string{
	"them", "him", "her", "ihnen", "ihm", "їм", "йому", "їй", "им", "ему", "ей", "les", "l",
})

// mtThanksGuests reports whether token k thanks the guests face to face
// just after their visit: "I thanked them for helping our defense",
// "Подякував їм за допомогу". Thanks given a pronoun, not a state, are
// given to those who came.
func (s *scan) mtThanksGuests(k, to int) bool {
	if !lowerHasPrefix(s.word(k), mtThankStems) {
		return false
	}
	j := k + 1
	if s.word(k-1) == "les" || s.word(k-1) == "l" {
		j = k - 1 // "je les ai remerciés"
	}
	return j < to && mtGuestPronouns.has(s.word(j))
}

// readVisit notes a guest's visit that sentence si tells, which ends the
// one read before unless it is the same guests again ("Before meeting with
// me, President Charles Michel visited Borodyanka"), and forgets a visit
// whose talks did not follow soon enough.
func (r *mtReader) readVisit(si int) {
	if r.visit != nil && r.visit.mt == nil && !r.inVisitReach(r.visit, si) {
		r.visit = nil
	}
	v, ok := r.guestVisitAt(si)
	if !ok {
		return
	}
	if r.visit != nil && (mtSameSurname(v.names, r.visit.names) || len(v.names) == 0 && slices.Equal(v.guests, r.visit.guests)) {
		r.visit.last = si
		return
	}
	r.visit = &v
	if v.hosted {
		r.confirmVisit()
	}
}

// namesGuest reports whether sentence si names one of the visit's guests
// by surname.
func (r *mtReader) namesGuest(v *mtGuestVisit, si int) bool {
	if len(v.names) == 0 {
		return false
	}
	st := r.sents[si]
	for k := st.from; k < st.to; k++ {
		if w := r.s.word(k); mtCapitalised(w) && mtSameSurname([]string{w}, v.names) {
			return true
		}
	}
	return false
}

// visitInterrupted forgets a visit whose talks are not yet told once
// another meeting is told after it: the conversation that follows is that
// meeting's ("… paid a visit to Ukraine today. … also discussed today with
// Prime Minister of the Netherlands …. The second important topic of our
// conversation").
func (r *mtReader) visitInterrupted(m mtMention) {
	if v := r.visit; v != nil && v.mt == nil && m.sent > v.sent {
		r.visit = nil
	}
}

// mtWelcomeStems are the words of a host receiving a guest, in each
// language.
var mtWelcomeStems = []string{
	"welcome", "hosted", "hosting", "empfing", "empfangen",
	"вітати", "вітав", "приймати", "прийма", "приймаю", "приветствова", "принима",
}

// mtWelcomeWord reports whether token k is a host's word of receiving a
// guest: "welcome", "welcomed", "вітати", "приймати", "empfing".
func (s *scan) mtWelcomeWord(k int) bool {
	return lowerHasPrefix(s.word(k), mtWelcomeStems)
}

// mtSpeakerWelcomes reports whether the one who welcomes at token at is
// the speaker: "I was glad to welcome", "it was a great honor for me to
// welcome", "We are preparing to welcome", or a Ukrainian or Russian verb
// with no one named before it ("Був радий вітати", "Готуємося приймати").
func (s *scan) mtSpeakerWelcomes(from, at int) bool {
	named := false
	for k := from; k < at; k++ {
		switch s.word(k) {
		case "I", "me", "we", "We", "us", "ich", "Ich", "wir", "Wir", "я", "Я", "ми", "Ми", "мы", "Мы":
			return true
		}
		if s.capitalAt(k) && !mtFirstPersonOpeners.has(s.word(k)) && !s.mtCyrNotSubject(k) && k > from {
			named = true
		}
	}
	return s.toks[at].kind == tOther && !named && !mtBeenWords.has(s.word(from))
}

// mtOurCapital reports whether tokens [from, to) speak of the speaker's
// capital or land as "our": "in our capital", "у нашій столиці".
func (s *scan) mtOurCapital(from, to int) bool {
	for k := from + 1; k < to; k++ {
		lw := strings.ToLower(s.word(k))
		if p := strings.ToLower(s.word(k - 1)); (lw == "нас" || lw == "us") && (p == "до" || p == "к" || p == "to") {
			return true // "до нас приїхали", "came to us": to the speaker's state
		}
		if !strings.HasPrefix(lw, "capital") && !strings.HasPrefix(lw, "столиц") {
			continue
		}
		switch strings.ToLower(s.word(k - 1)) {
		case "our", "нашій", "нашу", "нашої", "нашей":
			return true
		}
	}
	return false
}

var mtPreparingStems = []string{"prepar", "готуєм", "готовим", "bereite"}

// mtPreparingTo reports whether a word of getting ready stands before the
// welcome at token at: "We are preparing to welcome", "Готуємося
// приймати", "bereiten uns vor".
func (s *scan) mtPreparingTo(from, at int) bool {
	for k := from; k < at; k++ {
		if lowerHasPrefix(s.word(k), mtPreparingStems) {
			return true
		}
	}
	return false
}

// mtWelcomesSomeone reports whether the English welcome at token at is of
// a guest rather than of a decision: the infinitive or the past ("glad to
// welcome", "welcomed"), not "I welcome the decision", and followed by
// where or whom, not by a thing ("welcomed the decision of").
func (s *scan) mtWelcomesSomeone(at, to int) bool {
	if s.toks[at].kind == tOther {
		return true
	}
	lw := strings.ToLower(s.word(at))
	if (lw == "welcome" || lw == "welcomes" || lw == "host" || lw == "hosts") && s.word(at-1) != "to" {
		return false
	}
	k := at + 1
	for k < to && (mtIndefinite.has(s.word(k)) || s.word(k) == "the") {
		k++
	}
	if k >= to {
		return false
	}
	w := s.word(k)
	return mtCapitalised(w) || w == "in" || w == "to" || w == "at" || w == "here"
}
