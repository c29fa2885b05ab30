package entity

import (
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

// Meetings returns the meetings text reports (summits, ministerials,
// talks, conferences, calls and other meetings between states and the
// bodies they form) in the order the text first reports them, one entry
// per meeting however often the text returns to it; each keeps the first
// sentence of the body that reports it. A press conference, a speech, a
// visit or a parliament's session is no meeting, and neither is a meeting
// the text only denies, counts or speaks of in general.
//
// Dates are resolved against published, the article's publication time,
// in the time zone the article was published in: "on Thursday" is the
// last Thursday in a sentence about the past, the next one in a sentence
// about the future, and the nearer one when the sentence does not say. A
// meeting its sentence gives no date takes the day an earlier sentence of
// the same paragraph named ("Today was hard. I spoke with Macron."). When
// published is zero, only dates that carry their year are given.
func Meetings(text string, published time.Time) []defwatch.Meeting {
	return meetingsOf(newScan(text), published)
}

func meetingsOf(s *scan, published time.Time) []defwatch.Meeting {
	r := mtReader{s: s, published: published}
	ms := r.read()
	for i := range ms {
		ms[i].Text = s.asWritten(ms[i].Text)
	}
	return ms
}

// mtSentence is a sentence as tokens [from, to).
type mtSentence struct {
	from, to int
	para     int
	headline bool
}

// mtMention is one report of a meeting in one sentence.
type mtMention struct {
	sent         int
	kind         string
	strong       bool
	talks        bool     // called talks, whatever kind its holders make it
	side         []string // the states of its subject: "the French president is to talk to …"
	date         string
	dated        bool // the sentence dates it, if only vaguely ("last week")
	day          bool // the sentence names its day, whether or not it resolves
	location     string
	nations      []string
	counterparts []string // the states of those it was with
	names        []string // and their surnames
	subjects     []string // the surname stems of those who meet on the other side: "Macron is to talk to …"
	who          bool     // it names whom it was with
	orgs         []string
	name         string
	anaphoric    bool     // "the meeting", "spoke with him": one told of before
	topic        bool     // what the sentence is about: "informed them about the meeting"
	bound        []string // the states of the people it names as meeting: subject, parties
	pronoun      bool     // its only counterpart is "him" or "them"
	tense        dtTense
	speaker      string // the state of the "I" or "we" who meets, in an address
	status       string
	statusSure   bool // the sentence's words say it, rather than no tense at all
	distinct     bool // a call with someone no call yet known was with
	plural       bool // "three summits will take place": several, told one by one after
	daysBefore   int  // "– a day after Xi met Putin": days before the meeting told just before it
}

// mtMeeting is a meeting being gathered from its mentions.
type mtMeeting struct {
	m            defwatch.Meeting
	strong       bool
	talks        bool     // its first mention called it talks
	side         []string // the states of its first mention's subject
	name         string
	counterparts []string
	names        []string
	subjects     []string // surname stems of the subjects of its mentions
	who          bool
	first, last  int  // sentence indices
	headline     bool // its text is the headline's, until the body reports it
	tense        dtTense
	dated        bool   // a mention gave a day, if one the publication date cannot resolve
	speaker      string // the state of the "I" or "we" who meets, in an address
	statusSure   bool
}

// mtReader reads one text.
type mtReader struct {
	s         *scan
	published time.Time
	sents     []mtSentence
	orgs      []lexHit // of the sentence being read
	places    []lexHit // of the sentence being read
	quoted    []bool   // by token, made when first needed
	meetings  []*mtMeeting

	// The meetings a sentence told in the plural ("three summits will
	// take place in Brussels"), which the fragments after it name one by
	// one ("NATO Summit. EU Summit.").
	listed     *mtMention
	listedSent int

	// The day the story was last at, and the paragraph that said so.
	storyDate string
	storyPara int
	// The day still to come the story last spoke of, and its paragraph:
	// "On Saturday Biden will call Putin. Macron is also to talk to him."
	planDate string
	planPara int

	// The first day each sentence fixed, for the meetings told before
	// it in its paragraph (see laterDays).
	days []sentenceDay

	visit *mtGuestVisit // a guest's visit whose talks may follow

	adversaryState string // the state an address speaks of as the aggressor, once read
	adversaryRead  bool

	dayLinks []mtDayLink // meetings dated by another's day (see linkedDays)
}

// mtDayLink dates meeting m days before meeting ref: "Kishida made a trip
// to Kyiv to meet Zelensky – a day after Xi met Putin in Moscow".
type mtDayLink struct {
	m, ref *mtMeeting
	days   int
}

// speakerNation returns the state the text speaks for when it is an
// address in the first person ("Glory to Ukraine!"), or "".
func (r *mtReader) speakerNation() string { return r.s.speakerState() }

// participants returns the states that take part in the meeting of
// triggers in sentence st: those named in its clauses, up to where the
// sentence goes on to something else (", outlining his concerns about
// Russia's aggression", "as the French president prepared to ..."), and
// not inside a quotation the meeting word is not in.
func (r *mtReader) participants(st mtSentence, triggers []mtTrigger) []string {
	s := r.s
	end := r.participantsEnd(st, triggers)
	if r.quoted == nil {
		r.quoted = s.mtQuoted()
	}
	var out []string
	inQuote := r.quoted[triggers[0].at]
	from := s.mtReportedFrom(st.from, triggers[0])
	for _, c := range s.mtNationsInQuoted(from, end, triggers, r.quoted, inQuote) {
		out = append(out, c)
	}
	// A capital that says where ("met Ukrainian leaders in Doha") names
	// the place, not its state as a party, unless the sentence names the
	// state otherwise too.
	for _, h := range r.places {
		if h.from < from || h.to > end || !slices.Contains(out, h.e.country) {
			continue
		}
		p := h.from - 1
		if mtDefinite.has(s.word(p)) && !mtAtPreps.has(s.word(p)) {
			p--
		}
		if p < from || !mtAtPreps.has(s.word(p)) || s.mtStateNamedApart(from, end, h) {
			continue
		}
		out = slices.DeleteFunc(out, func(c string) bool { return c == h.e.country })
	}
	return out
}

// mtSeparateWords before a plural meeting word make it one meeting with
// each party named: "separate meetings with", "bilateral talks with".
var mtSeparateWords = setOf(mtSeparateWordsIndex, []string{"separate", "individual", "bilateral", "one-on-one"})

// mtStateNamedApart reports whether tokens [from, to) name the state of
// the place h other than by h itself, or by the state set after it to
// place it ("Geneva, Switzerland").
func (s *scan) mtStateNamedApart(from, to int, h lexHit) bool {
	for k := from; k < to; {
		codes, e := s.nationAt(k)
		if e <= k {
			k++
			continue
		}
		if (k < h.from || k >= h.to) && slices.Contains(codes, h.e.country) && !s.mtPlacesPlace(h, k, e) {
			return true
		}
		k = e
	}
	return false
}

// mtPlacesPlace reports whether the state at tokens [k, e) is set after
// the place h to say where it lies, as wire copy does: "in Bali,
// Indonesia,", not "in Munich, Germany's foreign minister said". A host
// named as the place's possessor ("in Vilnius, Lithuania's capital")
// stays a party: the labels count a member hosting its body's summit.
func (s *scan) mtPlacesPlace(h lexHit, k, e int) bool {
	if k != h.to+1 || s.key(h.to) != "," {
		return false
	}
	if a := s.key(e); a == "'" || a == "’" {
		return false
	}
	return e >= len(s.toks) || s.toks[e].brk || s.toks[e].kind == tPunct
}

// participantsEnd returns where the participants of the meeting of
// triggers in sentence st end: where the sentence turns to something
// else after its last meeting word, or the sentence's end.
func (r *mtReader) participantsEnd(st mtSentence, triggers []mtTrigger) int {
	for k := triggers[len(triggers)-1].end; k < st.to; k++ {
		if r.s.mtParticipantsEnd(k) {
			return k
		}
	}
	return st.to
}

// frameNames returns the states of the people a meeting noun names as
// its own parties after it: "the meeting between Kerry and Lavrov", "das
// Treffen zwischen Kerry und Lawrow", "the video meeting of Lukashenko
// with Putin", "зустріч Зеленського з Макроном". Those named before it
// or after "with" are read elsewhere.
func (r *mtReader) frameNames(st mtSentence, g mtGroup) []string {
	s := r.s
	end := r.participantsEnd(st, g.triggers)
	var out []string
	for _, tr := range g.triggers {
		k := tr.end
		switch s.word(k) {
		case "between", "zwischen", "між", "между", "of", "von":
		default:
			// A Cyrillic noun takes its party in the genitive, no word
			// between: "зустріч Зеленського".
			if !(s.toks[tr.at].kind == tOther && k < end && s.toks[k].kind == tOther && s.capitalAt(k)) {
				continue
			}
			k--
		}
		// The frame's parties: a run of names, offices and the words
		// that join them, a handful of words at most ("of politicians
		// was the second since Putin's attack" names no party).
		to := k + 1
		for to < min(end, k+mtFrameReach) && s.mtFrameWord(to) {
			to++
		}
		out = mtUnion(out, r.stateNames(k+1, to))
	}
	return out
}

// mtFrameWord reports whether token k may stand in the parties of a
// meeting noun: a name, an office, or a word that joins them.
func (s *scan) mtFrameWord(k int) bool {
	w := s.word(k)
	switch {
	case w == "" || mtClauseBreak(s, k):
		return false
	case s.capitalAt(k), mtTitleWords.has(w), personTitleWords.has(w), mtFrameJoins.has(w):
		return true
	}
	return false
}

// mtFrameJoins join the parties of a meeting noun.
var mtFrameJoins = setOf(mtFrameJoinsIndex, []string{"and", "with", "the", "und", "mit", "dem", "der", "den", "і", "та", "й", "з", "із", "зі", "и", "с", "со", "'", "’", "s", "-"})

// mtFrameReach bounds the words after a meeting noun read for its
// parties: two people with their first names and a "with" or "and".
const mtFrameReach = 8

// mtParticipantsEnd reports whether the sentence turns at token k from
// the meeting to something else: a participle or a clause of its own
// after a comma (", outlining", ", while urging"), a conjunction that
// opens another clause ("as", "while", "because"), or a dash.
func (s *scan) mtParticipantsEnd(k int) bool {
	switch s.key(k) {
	case ";", "–", "—", "(":
		return true
	case ",":
		w := s.word(k + 1)
		if w == "and" && s.mtSerialComma(k) {
			return false // "Ukraine, Germany, and Turkey": one list
		}
		return strings.HasSuffix(w, "ing") && s.toks[min(k+1, len(s.toks)-1)].kind == tWord && !isUpper(w[0]) || mtOtherClause.has(w)
	}
	switch s.word(k) {
	case "as", "while", "because", "although", "though", "whereas", "während", "weil", "obwohl", "поки", "тоді", "хоча", "бо":
		return true
	case "who", "який", "яка", "который", "которая":
		// "spoke with Chancellor Nehammer who had met with the Russian
		// leader": with no comma before it too, a relative clause that
		// tells its own meeting tells another one.
		return s.mtMayMeet(k+1, min(k+4, len(s.toks)))
	case "that", "dass", "що", "что":
		// "said on Friday at the Munich Security Conference that Russia is
		// looking for an excuse": what was said there, not who was there.
		return s.mtSaidBefore(k)
	}
	return false
}

// mtInviterPronoun reports whether the pronoun met at trigger tr is the
// one who invites or asks: "invited the Russian president to meet him in
// Istanbul", "asked Putin to meet her". It is the sentence's subject, no
// one told of before.
func (s *scan) mtInviterPronoun(tr mtTrigger, from int) bool {
	if s.lw(tr.at-1) != "to" {
		return false
	}
	for k := tr.at - 2; k >= max(from, tr.at-8); k-- {
		w := s.lw(k)
		if mtProposeWords.has(w) || mtUrgeWords.has(w) {
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtReportedFrom returns where the clause of the meeting at tr starts when
// one who reports it, with "that", opens the sentence ("Xinhua reports
// that during the meetings of NATO foreign ministers", "the ministry says
// that the ministers met"): the reporter is no party. A report of one's own
// meeting keeps its reporter: "Biden said he met Xi", "Russia said that
// talks with Ukraine will go on".
func (s *scan) mtReportedFrom(from int, tr mtTrigger) int {
	j := tr.at - 1
	for ; j >= from; j-- {
		if mtReportWords.has(s.word(j)) {
			break
		}
	}
	if j < from || !mtThat.has(s.word(j+1)) {
		return from
	}
	start := j + 2
	named := false
	for k := start; k < tr.at; k++ {
		if mtSubjectPronouns.has(s.word(k)) || mtReporterPronouns.has(s.word(k)) {
			return from
		}
		if codes, _ := s.nationAt(k); len(codes) > 0 {
			named = true
		}
	}
	// The parties are named apart from the reporter: before the meeting
	// word, in a frame after it ("the meetings of NATO foreign
	// ministers", "talks between"), or as the subject of a meeting verb
	// ("the ministers met"). Else the reporter may be one ("said the
	// next step was requesting a meeting").
	switch s.lw(tr.end) {
	case "of", "between", "among", "zwischen":
		named = true
	}
	if named || tr.class == mtMeetVerb && tr.at > start {
		return start
	}
	return from
}

// mtReporterPronouns after a verb of reporting make the meeting the
// reporter's own: "said they met", "says we will meet", "the ministry
// says that it held talks".
var mtReporterPronouns = setOf(mtReporterPronounsIndex, []string{"I", "we", "We", "they", "They", "it", "ich", "wir", "sie", "es", "я", "ми", "мы", "вони", "они"})

// mtReportWords report what someone else did.
var mtReportWords = setOf(mtReportWordsIndex, []string{"said", "says", "reported", "reports", "claimed", "claims", "stated", "states", "wrote", "writes", "sagte", "berichtet", "berichtete", "meldet", "meldete"})

// mtSaidBefore reports whether a verb of saying stands a few words before
// the "that" at token k, in its clause: "said at the summit that",
// "told his counterpart during the call that".
func (s *scan) mtSaidBefore(k int) bool {
	for j := k - 1; j >= max(0, k-mtSaidReach); j-- {
		if mtClauseBreak(s, j) || s.key(j) == "." {
			return false
		}
		if mtSaidWords.has(s.word(j)) || mtSpokeAtWords.has(s.word(j)) {
			return true
		}
	}
	return false
}

// mtSaidReach bounds the words between a verb of saying and its "that":
// a day, a place and a gathering ("said on Friday at the Munich Security
// Conference that").
const mtSaidReach = 12

// mtSerialComma reports whether the comma at k, before "and", closes a
// list of states ("with Ukraine, Germany, and Turkey"), not a clause: a
// state stands after "and", and before the comma a state that a comma
// itself follows.
func (s *scan) mtSerialComma(k int) bool {
	j := k + 2
	if mtDefinite.has(s.word(j)) {
		j++
	}
	if codes, e := s.nationAt(j); e == j || len(codes) == 0 {
		return false
	}
	for i := k - 1; i >= max(0, k-4); i-- {
		if codes, e := s.nationAt(i); e == k && len(codes) > 0 {
			p := i - 1
			if mtDefinite.has(s.word(p)) {
				p--
			}
			return p >= 0 && s.key(p) == ","
		}
	}
	return false
}

// mtOtherClause open a clause of its own after a comma.
var mtOtherClause = setOf(mtOtherClauseIndex, []string{"which", "who", "where", "when", "adding", "saying", "but", "and", "dass", "що", "який", "яка", "які", "что", "который"})

// mtNationsInQuoted is mtNationsIn less the states named inside a
// quotation when the meeting word stands outside it.
func (s *scan) mtNationsInQuoted(from, to int, triggers []mtTrigger, quoted []bool, inQuote bool) []string {
	if inQuote {
		return s.mtNationsIn(from, to, triggers)
	}
	var out []string
	a := from
	for k := from; k <= to; k++ {
		if k == to || quoted[k] {
			if k > a {
				out = mtUnion(out, s.mtNationsIn(a, k, triggers))
			}
			a = k + 1
		}
	}
	return out
}

// singularPronoun reports whether the one a meeting was with is "him"
// or "her": one person, whom the sentence before may name.
func (r *mtReader) singularPronoun(m mtMention) bool {
	st := r.sents[m.sent]
	for k := st.from; k < st.to; k++ {
		switch r.s.word(k) {
		case "him", "her", "ihm", "ним", "нею", "ней":
			return true
		}
	}
	return false
}

// statesOf returns the states sentence si names with an office ("Prime
// Minister of Bulgaria", "the Polish president"), or through a person the
// text ties to one.
func (r *mtReader) statesOf(si int) []string {
	if si < 0 || si >= len(r.sents) {
		return nil
	}
	st := r.sents[si]
	return mtUnion(r.s.officeStates(st.from, st.to), r.stateNames(st.from, st.to))
}

// officeStates returns the states tokens [from, to) name with an office:
// "Prime Minister of Bulgaria", "the Turkish foreign minister".
func (s *scan) officeStates(from, to int) []string {
	var out []string
	officeEnd := -1 // where the last state named with an office ends
	for k := from; k < to; {
		codes, e := s.nationAt(k)
		if e == k {
			k++
			continue
		}
		// "Prime Ministers of Spain and Denmark", "прем'єр-міністри
		// Іспанії та Данії": the office is of each state the list joins.
		joined := officeEnd >= 0 && k == officeEnd+1 && (mtStateJoins.has(s.word(officeEnd)) || s.key(officeEnd) == "," && s.mtStateListFrom(k, to))
		if len(codes) == 1 && (s.titleBefore(k) || s.titleRun(e) > e || joined) {
			out = mtUnion(out, codes)
			officeEnd = e
		}
		k = e
	}
	return out
}

// mtStateListFrom reports whether tokens from k on are the rest of a list
// of states that "and" closes: "Чехії та Словенії" after "прем'єр-міністри
// Польщі,", "Spain and Denmark" after "Prime Ministers of Italy,".
func (s *scan) mtStateListFrom(k, to int) bool {
	for k < to {
		codes, e := s.nationAt(k)
		if e <= k || len(codes) != 1 || s.key(e) == "'" || s.key(e) == "’" {
			return false
		}
		if mtStateJoins.has(s.word(e)) {
			c, e2 := s.nationAt(e + 1)
			return e2 > e+1 && len(c) == 1
		}
		if s.key(e) != "," {
			return false
		}
		k = e + 1
		if s.word(k) == "the" {
			k++
		}
	}
	return false
}

// mtStateJoins join states that share the office named before the first.
var mtStateJoins = setOf(mtStateJoinsIndex, []string{"and", "та", "і", "й", "и", "und", "et"})

// mtClauseStart returns where the clause of token at begins: after a
// comma, a clause's conjunction or "that", at most back to from.
func (s *scan) mtClauseStart(from, at int) int {
	a := at
	for a > from && !mtClauseBreak(s, a-1) && !mtThat.has(s.word(a-1)) && !mtSaidWords.has(s.word(a-1)) {
		a--
	}
	return a
}

// mtAfterOpeningTime returns the token after a time or place word that
// opens the clause at token k before the meeting word at at ("On Friday
// she met", "There he held talks", "Then he met"), or k when none does:
// the clause's subject comes after it.
func (s *scan) mtAfterOpeningTime(k, at int) int {
	j := k
	for j < at && j < k+4 {
		if e, ok := s.dtAt(j, at); ok && e.to > j {
			j = e.to
			continue
		}
		if !mtOpeningAdverbs.has(strings.ToLower(s.word(j))) {
			break
		}
		j++
	}
	if j > k && mtSubjectPronouns.has(s.word(j)) {
		return j
	}
	return k
}

// mtOpeningAdverbs may open a clause before its subject.
var mtOpeningAdverbs = setOf(mtOpeningAdverbsIndex, []string{
	"on", "there", "then", "later", "afterwards", "also", "today", "yesterday", "dort", "dann", "heute",
	"gestern", "там", "потім", "сьогодні", "вчора",
})

// mtPronounSubject reports whether the one who meets at trigger tr is a
// personal pronoun opening its clause, close before the meeting word:
// "He met with", "She also held talks with", "Він провів зустріч з". The
// clause names no state before the word.
func (s *scan) mtPronounSubject(clause int, tr mtTrigger) bool {
	if !mtSubjectPronouns.has(s.word(clause)) || tr.at-clause > 4 {
		return false
	}
	for k := clause + 1; k < tr.at; k++ {
		// Only adverbs and auxiliaries stand between: in "he was
		// isolating before meeting the president" he is the subject of
		// another verb.
		if !mtPronounFillers.has(s.word(k)) {
			return false
		}
	}
	switch tr.class {
	case mtMeetVerb, mtSpeak, mtPhone, mtHost, mtDiscuss, mtConverse, mtTalks, mtMeetNoun:
		return true
	}
	return false
}

// mtPronounFillers may stand between a subject pronoun and its meeting
// verb: "he also met", "she is set to hold talks", "він також провів".
var mtPronounFillers = setOf(mtPronounFillersIndex, []string{
	"also", "then", "later", "subsequently", "separately", "briefly", "again", "previously", "recently", "since",
	"has", "had", "have", "will", "would", "is", "was", "to", "set", "due", "expected", "scheduled", "going", "plans",
	"held", "hold", "holds", "conducted", "an", "a", "phone", "telephone", "video", "bilateral",
	"auch", "dann", "später", "hat", "hatte", "wird", "hielt", "führte", "aussi", "ensuite", "va", "eu",
	"провів", "провела", "проведе", "мав", "мала", "провел", "имел",
	"також", "теж", "вже", "ще", "сьогодні", "вчора", "тоже", "также", "уже", "еще", "сегодня", "вчера",
})

// mtSubjectPronouns stand for one person as a clause's subject.
var mtSubjectPronouns = setOf(mtSubjectPronounsIndex, []string{"He", "She", "he", "she", "Er", "er", "Il", "il", "Elle", "elle", "Він", "він", "Вона", "вона", "Он", "он", "Она", "она"})

// mtSaidWords end the clause of one who reports a meeting rather than
// takes part: "Blinken said Chinese leader Xi Jinping had made it clear
// in a call with President Vladimir Putin".
var mtSaidWords = setOf(mtSaidWordsIndex, []string{"said", "says", "told", "stated", "added", "noted", "claimed", "reported", "recalled", "wrote", "sagte", "erklärte"})

// mtFirstPerson reports whether the one who meets at trigger tr, in the
// clause that runs from from, is the speaker: "I spoke with", "we held
// talks", "У мене відбулася розмова", or a Ukrainian or Russian verb with
// no subject before it ("Говорив сьогодні з канцлером").
func (s *scan) mtFirstPerson(from, at int, tr mtTrigger) bool {
	a := at
	for a > from && !mtClauseBreak(s, a-1) && !mtThat.has(s.word(a-1)) {
		a--
	}
	named := false
	for k := a; k < at; k++ {
		switch s.word(k) {
		case "I", "we", "We", "ich", "Ich", "wir", "Wir", "я", "Я", "ми", "Ми", "мене", "Мене", "нас", "Нас", "мною", "мы", "Мы", "меня", "Меня":
			return true
		case "Наша", "наша", "Наш", "наш", "Наші", "наші", "Наши", "наши":
			return true // "Наша делегація провела переговори": the speaker's side
		}
		if s.capitalAt(k) && !mtFirstPersonOpeners.has(s.word(k)) && !s.mtCyrNotSubject(k) || s.toks[k].kind == tNum {
			named = true
		}
	}
	if s.toks[at].kind == tOther && !named {
		switch tr.class {
		case mtSpeak, mtMeetVerb, mtInform, mtPhone, mtHost, mtDiscuss, mtCalled, mtGreet:
			return true
		case mtConverse, mtMeetNoun, mtTalks:
			// "Провів зустріч з ...", "Відбулася розмова з Президентом
			// США": the speaker's, when held or had with someone; "Вчора
			// відбулась зустріч лідерів ЄС" is others'.
			return tr.object >= 0 || s.mtCyrVerbBefore(a, at)
		}
	}
	return false
}

// mtConversation are the classes of meeting words a conversation is
// said with, which an address uses for its calls as well as its meetings.
var mtConversation = map[mtClass]bool{mtDiscuss: true, mtTalks: true, mtConverse: true, mtSpeak: true}

// mtAtTalks reports whether the meeting word at trigger tr follows a
// preposition of an occasion ("at the talks with", "на переговорах з"):
// talks held somewhere, which the sentence refers back to.
func (s *scan) mtAtTalks(tr mtTrigger) bool {
	for k := tr.at - 1; k >= max(0, tr.at-3); k-- {
		switch strings.ToLower(s.word(k)) {
		case "at", "during", "in", "на", "під", "в", "у", "во", "bei", "während":
			return true
		}
	}
	return false
}

// mtNoOneBefore reports whether the clause of trigger tr names no one
// before it while the trigger is with someone ("There were talks with
// the Prime Minister of X", "A conversation took place with US President
// Biden", "The conversation with Prime Minister of Israel Bennett was
// also important"): in an address, the speaker's. A state, a name or a
// figure before the trigger is someone else's subject.
func (s *scan) mtNoOneBefore(from int, tr mtTrigger) bool {
	if tr.object < 0 {
		return false
	}
	a := s.mtClauseStart(from, tr.at)
	for k := a; k < tr.at; k++ {
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			return false
		}
		if k > a && s.capitalAt(k) && !mtFirstPersonOpeners.has(s.word(k)) && !s.mtCyrNotSubject(k) || s.toks[k].kind == tNum {
			return false
		}
		if k == a && s.capitalAt(k) && s.capitalAt(k+1) && k+1 < tr.at {
			return false // "Prime Minister Kishida's talks with"
		}
	}
	return true
}

// mtStaffMeeting reports whether the meeting word of tr is a meeting of
// the Staff, the commander-in-chief's council that an address reports
// as its speaker's own: "There was also a Staff meeting", "a meeting of
// the Staff".
func (s *scan) mtStaffMeeting(tr mtTrigger) bool {
	if s.word(tr.at-1) == "Staff" && !s.capitalAt(tr.at-2) {
		return true // not "Chief of Staff meeting", "Joint Staff"
	}
	return s.lw(tr.end) == "of" && s.lw(tr.end+1) == "the" && s.word(tr.end+2) == "Staff"
}

// mtRelativeBefore returns the comma that opens a relative clause set off
// right before the clause starting at token clause (", who flew to Turkey
// on Thursday,"), or -1.
func (s *scan) mtRelativeBefore(from, clause int) int {
	if clause-1 <= from || s.key(clause-1) != "," {
		return -1
	}
	for k := clause - 2; k > from && clause-k < 16; k-- {
		if s.key(k) == "," {
			if w := s.lw(k + 1); w == "who" || w == "which" {
				return k
			}
			return -1
		}
		if s.toks[k].kind == tPunct && s.key(k) != "'" && s.key(k) != "’" && s.key(k) != "-" {
			return -1
		}
	}
	return -1
}

// mtCyrVerbBefore reports whether a Ukrainian or Russian verb in the past
// with no subject of its own comes before token at: "Провів переговори".
func (s *scan) mtCyrVerbBefore(from, at int) bool {
	for k := from; k < at; k++ {
		w := strings.ToLower(s.word(k))
		if s.toks[k].kind == tOther && mtCyrPast(w) && !strings.HasSuffix(w, "лася") && !strings.HasSuffix(w, "лась") && !strings.HasSuffix(w, "вся") && !strings.HasSuffix(w, "лся") && !strings.HasSuffix(w, "лося") && !strings.HasSuffix(w, "лись") {
			return true
		}
	}
	return false
}

// mtCyrNotSubject reports whether the capitalised Ukrainian or Russian
// word at token k cannot be the subject of its clause: a verb in the
// past that opens it ("Провів", "Говорив"), or a place after a
// preposition ("у Києві").
func (s *scan) mtCyrNotSubject(k int) bool {
	if s.toks[k].kind != tOther {
		return false
	}
	if mtAtPreps.has(s.word(k-1)) || s.word(k-1) == "з" || s.word(k-1) == "із" || mtAtPreps.has(s.word(k)) {
		return true
	}
	if _, ok := dtStarters().get(s.word(k)); ok {
		return true // "Протягом дня говорив"
	}
	if s.sentenceStart(k) && mtCyrAbstractNoun(s.word(k)) {
		if _, end := s.nationAt(k); end == k {
			// "Розслідування воєнних злочинів обговорив і з …",
			// "Питання покарання обговорили з …": the topic put first,
			// before a verb with no subject, is no one who meets.
			return true
		}
	}
	return mtCyrPast(strings.ToLower(s.word(k))) && s.sentenceStart(k)
}

// mtCyrAbstractNoun reports whether w ends as Ukrainian and Russian
// verbal and abstract nouns do ("розслідування", "питання",
// "відповідальність", "ситуація"), which name no person.
func mtCyrAbstractNoun(w string) bool {
	for _, suf := range []string{"ння", "ття", "ість", "ості", "ція", "ції", "ние", "ния", "ость", "ости", "ция", "ции"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mtNamedWithSpeaker reports whether a person is named beside the
// speaker as the subject of a meeting: "Pelosi and I", "я і Президент".
func (s *scan) mtNamedWithSpeaker(from, at int) bool {
	for k := from; k+2 < at; k++ {
		if (s.lexNameWord(k) || s.toks[k].kind == tOther && s.capitalAt(k)) && !s.sentenceStart(k) || s.lexNameWord(k) && s.word(k+1) == "and" {
			if (s.word(k+1) == "and" || s.word(k+1) == "і" || s.word(k+1) == "и") && (s.word(k+2) == "I" || s.word(k+2) == "я") {
				return true
			}
		}
	}
	return false
}

// mtFirstPersonOpeners start a Ukrainian or Russian sentence without
// being its subject: "Сьогодні говорив", "Також провів".
var mtFirstPersonOpeners = setOf(mtFirstPersonOpenersIndex, []string{
	"Сьогодні", "Вчора", "Також", "Ще", "Окремо", "Зранку", "Ввечері", "Потім", "Були", "Була", "Був",
	"Сегодня", "Вчера", "Также", "Еще", "Ещё", "Отдельно", "Утром", "Вечером", "Потом", "Були",
})

func (r *mtReader) read() []defwatch.Meeting {
	s := r.s
	if len(s.toks) == 0 {
		return nil
	}
	r.sents = s.mtSentences()
	// Most paragraphs report no meeting. A paragraph without a meeting
	// word is skipped whole: a story's day matters only to meetings of
	// its own paragraph.
	may := make([]bool, len(r.sents))
	paras := make([]bool, r.sents[len(r.sents)-1].para+1)
	for si, st := range r.sents {
		if s.mtMayMeet(st.from, st.to) {
			may[si], paras[st.para] = true, true
		}
	}
	var headlines []mtMention
	for si, st := range r.sents {
		if paras[st.para] || st.para+1 < len(paras) && paras[st.para+1] || r.speakerNation() != "" {
			// A visit is a meeting only with talks told in its paragraph
			// or the next, or in an address that welcomes a guest.
			r.readVisit(si)
		}
		if !may[si] {
			// Thanks to a guest who came tell the visit's talks in a
			// sentence with no meeting word: "Подякував їм за допомогу".
			if r.visit != nil && r.visit.mt == nil && r.visitTalks(si) {
				r.confirmVisit()
			}
			if paras[st.para] || r.speakerNation() != "" {
				// In an address the day is kept for a guest's visit too,
				// which no meeting word may tell: "Today was a meaningful
				// day. First, the Prime Ministers … arrived in Kyiv."
				r.advanceStory(si, st, s.dtExprs(st.from, st.to), nil)
			}
			continue
		}
		r.orgs = s.orgHits(st.from, st.to)
		r.places = s.placeHits(st.from, st.to)
		ms, dates := r.mentions(si, st)
		if st.headline {
			headlines = append(headlines, ms...)
			continue
		}
		r.listedAfter(si, ms)
		var prev *mtMeeting
		for _, m := range ms {
			if !r.absorbVisit(m) {
				mt := r.add(m)
				if m.daysBefore != 0 && mt != nil && prev != nil && mt != prev {
					r.dayLinks = append(r.dayLinks, mtDayLink{mt, prev, m.daysBefore})
				}
				prev = mt
				r.visitInterrupted(m)
			}
		}
		if len(ms) == 0 && r.visitTalks(si) {
			r.confirmVisit()
		}
		r.advanceStory(si, st, dates, ms)
	}
	r.fragmentCalls()
	r.laterDays()
	r.arrivalDays()
	r.linkedDays()
	for _, m := range headlines {
		r.addHeadline(m)
	}
	return r.result()
}

// mentions finds the meetings sentence si reports.
func (r *mtReader) mentions(si int, st mtSentence) ([]mtMention, []dtExpr) {
	s := r.s
	orgs := r.orgs
	triggers := s.mtTriggers(st.from, st.to, orgs)
	if len(triggers) == 0 {
		// The dates of sentences without meetings still move the story.
		return nil, s.dtExprs(st.from, st.to)
	}
	dates := s.dtExprs(st.from, st.to)
	s.mtDatelineDates(st, dates)
	groups := s.mtGroups(triggers, orgs)
	var out []mtMention
	for _, g := range groups {
		if a, b, cut, ok := s.mtTwoMeetings(g, dates); ok {
			// Each meeting reads its own part of the sentence, and its
			// own dates. A second stop with no tense of its own ("before
			// travelling to Germany to meet") is in the time of the
			// first ("will visit Poland").
			first, second := st, st
			first.to, second.from = cut, cut+1
			b.tense = s.mtTenseIn(first.from, first.to)
			fms := r.mentionsOf(si, first, a, orgs, mtDatesIn(dates, first))
			ms := r.mentionsOf(si, second, b, orgs, mtDatesIn(dates, second))
			if days, _, ok := s.mtDaysApartAt(second.from); ok && len(fms) > 0 {
				// "– a day after Xi met Putin": dated by the first
				// meeting once it has its day (linkedDays).
				for i := range ms {
					ms[i].daysBefore = days
				}
			}
			if s.mtOpenerEnd(a.triggers[len(a.triggers)-1], b.triggers[0]) == cut {
				// "After meeting the French president on Monday, the
				// Ukrainian president held talks with ...": the one who
				// met in the opening clause is the main clause's subject.
				subject := s.mtSubjectStates(second.from, b.triggers[0].at)
				for i := range fms {
					fms[i].nations = mtUnion(fms[i].nations, subject)
					if fms[i].speaker == "" && len(ms) > 0 {
						fms[i].speaker = ms[0].speaker
					}
				}
			}
			out = append(out, fms...)
			if at := b.triggers[0].at; !s.mtHasSubject(second.from, at) {
				// "..., and then on Tuesday to Russia, where he plans to
				// meet Putin": the one who travels on is the first
				// part's subject.
				subject := s.mtSubjectStates(first.from, a.triggers[0].at)
				for i := range ms {
					ms[i].nations = mtUnion(ms[i].nations, subject)
				}
			}
			out = append(out, ms...)
			continue
		}
		ms := r.mentionsOf(si, st, g, orgs, dates)
		if len(ms) == 1 && ms[0].date != "" && len(groups) == 1 {
			if second, ok := s.mtSecondDay(dates, ms[0], r.published); ok {
				// "met in Istanbul on 16 May and 2 June", "on Tuesday and
				// again on Wednesday": one meeting each day.
				again := ms[0]
				again.date = second.resolve(r.published, again.tense)
				again.distinct = true
				if again.date != "" && again.date != ms[0].date {
					ms = append(ms, again)
				}
			}
		}
		out = append(out, ms...)
	}
	return out, dates
}

// mtSecondDay returns the second of two days a sentence joins with "and"
// ("on 16 May and 2 June", "on Tuesday and again on Wednesday") when the
// first is the one mention m was dated by: the same meeting held again.
func (s *scan) mtSecondDay(dates []dtExpr, m mtMention, published time.Time) (dtExpr, bool) {
	for i := 0; i+1 < len(dates); i++ {
		a, b := dates[i], dates[i+1]
		if a.report || b.report || a.name || b.name || !mtNamedDay(a) || !mtNamedDay(b) {
			continue
		}
		k := a.to
		if s.lw(k) != "and" {
			continue
		}
		k++
		again := s.lw(k) == "again"
		if again {
			k++
		}
		if s.lw(k) == "on" {
			k++
		}
		if k != b.from {
			continue
		}
		if !again {
			// "meets in Brussels on Thursday and Friday": two days in a
			// row are one meeting's, unless it met "again".
			d1, err1 := time.Parse(time.DateOnly, m.date)
			d2, err2 := time.Parse(time.DateOnly, b.resolve(published, m.tense))
			if err1 != nil || err2 != nil {
				continue
			}
			if d := d2.Sub(d1); d >= -24*time.Hour && d <= 24*time.Hour {
				continue
			}
			if a.kind == dtWeekday && b.kind == dtWeekday && (b.weekday-a.weekday+7)%7 == 1 {
				// "next Thursday and Friday": the second weekday is the
				// one after the first, however each resolves alone.
				continue
			}
		}
		return b, true
	}
	return dtExpr{}, false
}

// mtNamedDay reports whether e names a day by its date or weekday, not
// relative to the story ("today and tomorrow").
func mtNamedDay(e dtExpr) bool {
	return e.kind == dtExact || e.kind == dtDay || e.kind == dtWeekday
}

// mtTwoMeetings splits a group of meeting words that tells two meetings
// in one sentence: two who met someone each, in clauses set apart by a
// dash, a semicolon or a conjunction of time ("Kishida made a trip to
// Ukraine to meet Zelensky – a day after Xi met Putin in Moscow"), or
// the stops of one trip, each with someone met ("will visit Poland to
// discuss ... with the Polish leader, before travelling to Germany to
// meet the chancellor", "will go to Ukraine for talks with the
// president, and then on Tuesday to Russia, where he plans to meet
// Putin"). It returns the two groups and the token between them.
func (s *scan) mtTwoMeetings(g mtGroup, dates []dtExpr) (a, b mtGroup, cut int, ok bool) {
	if len(g.triggers) < 2 {
		return a, b, 0, false
	}
	for i := 1; i < len(g.triggers); i++ {
		t1, t2 := g.triggers[i-1], g.triggers[i]
		if t2.object < 0 || t2.pronoun {
			continue
		}
		if c := s.mtOpenerEnd(t1, t2); c >= 0 && (s.mtMetSomeoneIn(g.triggers[:i]) || s.mtPeopleAfter(t1.at, c, mtOpenerReach)) {
			// "After meeting the French president on Monday, the
			// Ukrainian president held talks with the German chancellor":
			// the opening clause's meeting, then the main clause's.
			return mtGroup{triggers: g.triggers[:i], org: g.org}, mtGroup{triggers: g.triggers[i:], org: g.org}, c, true
		}
		if t2.class != mtMeetVerb || !s.mtMetSomeoneIn(g.triggers[:i]) {
			continue
		}
		trip := len(g.triggers) > 2 || t1.class != mtMeetVerb
		for k := t1.end; k < t2.at; k++ {
			_, _, apart := s.mtDaysApartAt(k + 1)
			switch {
			case s.key(k) == "–" || s.key(k) == "—" || s.key(k) == ";",
				mtTimeConjunctions.has(s.word(k)) && mtClauseBreak(s, k-1),
				s.key(k) == "," && apart && !trip,
				trip && s.word(k) == "then" && (mtClauseBreak(s, k-1) || s.word(k-1) == "and" && mtClauseBreak(s, k-2)),
				s.word(k) == "and" && s.mtEachItsDay(dates, t1, k, t2):
				if trip && !s.mtSecondStop(k, t2.at) {
					continue
				}
				a = mtGroup{triggers: g.triggers[:i], org: g.org}
				b = mtGroup{triggers: g.triggers[i:], org: g.org}
				if s.word(k) == "then" {
					return a, b, k - 1, true // "then" goes with the second stop
				}
				return a, b, k, true
			}
		}
	}
	return a, b, 0, false
}

// mtEachItsDay reports whether the meetings of triggers t1 and t2, joined
// by the "and" at token and, each have a day of their own among the
// sentence's dates: "met the
// Finnish president in Helsinki on Tuesday and then met the Estonian
// prime minister in Tallinn on Wednesday". Two days with one meeting word
// ("met on Tuesday and again on Wednesday") are one meeting held twice,
// which mtSecondDay reads.
func (s *scan) mtEachItsDay(dates []dtExpr, t1 mtTrigger, and int, t2 mtTrigger) bool {
	named := func(from, to int) (dtExpr, bool) {
		for _, e := range dates {
			if e.from >= from && e.to <= to && mtNamedDay(e) && !e.report && !e.name {
				return e, true
			}
		}
		return dtExpr{}, false
	}
	a, ok := named(t1.end, and)
	if !ok {
		return false
	}
	end := t2.end
	for end < min(len(s.toks), t2.end+mtEachDayReach) && !mtClauseBreak(s, end) && s.key(end) != "." {
		end++
	}
	b, ok := named(and+1, end)
	return ok && (a.weekday != b.weekday || a.day != b.day || a.month != b.month)
}

// mtEachDayReach bounds the words read after a second meeting word for
// its day.
const mtEachDayReach = 12

// mtOpenerEnd returns the comma that ends a sentence's opening clause of
// time ("After meeting the French president on Monday,") when trigger t1
// stands in it and t2 after it, or -1.
func (s *scan) mtOpenerEnd(t1, t2 mtTrigger) int {
	k := t1.at - 1
	for k >= 0 && !s.toks[k].brk && s.toks[k].kind != tPunct {
		k--
	}
	if k >= 0 && !s.toks[k].brk && s.key(k) != "." {
		return -1 // not the sentence's first clause
	}
	first := k + 1 // after the full stop, or the text's first word
	if k >= 0 && s.toks[k].brk && s.toks[k].kind != tPunct {
		first = k // the line's first word
	}
	if !mtOpeningTimes.has(s.word(first)) {
		return -1
	}
	for c := t1.end; c < t2.at; c++ {
		if s.key(c) == "," {
			return c
		}
		if s.toks[c].kind == tPunct {
			return -1
		}
	}
	return -1
}

// mtOpenerReach bounds the words between an opening clause's meeting
// word and whom it met: "After meeting the French president".
const mtOpenerReach = 4

// mtOpeningTimes open a sentence with a clause of another time.
var mtOpeningTimes = setOf(mtOpeningTimesIndex, []string{"After", "Before", "Following", "Nach", "Nachdem", "Bevor", "Після", "Перед", "После", "Après", "Avant"})

// mtPersonRelative reports whether the meeting word at token at stands
// in a relative clause on a person just named: "Chancellor Nehammer who
// had met", "канцлером Австрії Негаммером, який напередодні
// зустрічався". "It was today that I held talks" and "домовленостей, які
// були досягнуті на переговорах" are no such clause.
func (s *scan) mtPersonRelative(from, at int) bool {
	for k := at - 1; k >= max(from+1, at-4); k-- {
		if s.toks[k].kind == tPunct {
			return false
		}
		switch s.word(k) {
		case "who", "який", "яка", "які", "который", "которая", "которые":
			p := k - 1
			if s.key(p) == "," {
				p--
			}
			return p >= from && s.capitalAt(p)
		}
	}
	return false
}

// mtHasSubject reports whether tokens [from, at) name someone who
// could be a meeting's subject other than a pronoun: a state or an
// office not after a preposition.
func (s *scan) mtHasSubject(from, at int) bool {
	for k := from; k < at; k++ {
		// A state after a preposition is where one goes, not who goes.
		if p := s.word(k - 1); mtTopicPreps.has(p) || mtAtPreps.has(p) {
			continue
		}
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			return true
		}
		if mtTitleWords.has(s.word(k)) || mtPeopleWords.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtSubjectStates returns the states tokens [from, at) name other than
// after a preposition: who goes, not where ("the German Chancellor will
// go to Ukraine" is DE).
func (s *scan) mtSubjectStates(from, at int) []string {
	var out []string
	for k := from; k < at; {
		codes, e := s.nationAt(k)
		if e == k {
			k++
			continue
		}
		if p := s.word(k - 1); !mtTopicPreps.has(p) && !mtAtPreps.has(p) && e <= at {
			out = mtUnion(out, codes)
		}
		k = e
	}
	return out
}

// mtMetSomeoneIn reports whether one of triggers names whom it met.
func (s *scan) mtMetSomeoneIn(triggers []mtTrigger) bool {
	for _, tr := range triggers {
		if tr.object >= 0 {
			return true
		}
	}
	return false
}

// mtSecondStop reports whether tokens [from, to) take a trip on to
// another place: a state or a place after a word of going ("travelling
// to Germany", "then on Tuesday to Russia, where"). A second meeting
// word with no new stop ("talks, then met the press") is the same visit.
func (s *scan) mtSecondStop(from, to int) bool {
	for k := from; k < to; k++ {
		if s.word(k) != "to" && s.word(k) != "for" && s.word(k) != "nach" {
			continue
		}
		j := k + 1
		if mtDefinite.has(s.word(j)) {
			j++
		}
		if codes, e := s.nationAt(j); e > j && len(codes) > 0 {
			return true
		}
	}
	return false
}

// mtTimeConjunctions open a clause of another time.
var mtTimeConjunctions = setOf(mtTimeConjunctionsIndex, []string{"after", "before", "while", "nachdem", "bevor", "після", "перед", "после"})

// mtMayMeet reports whether tokens [from, to) hold a meeting word.
func (s *scan) mtMayMeet(from, to int) bool {
	for k := from; k < to; k++ {
		if s.mtClassAt(k) != mtNone {
			return true
		}
	}
	return false
}

// mtGroup is the triggers of a sentence that report one meeting, with the
// organisation it is bound to ("the NATO summit").
type mtGroup struct {
	triggers []mtTrigger
	org      *lexHit
	tense    dtTense // the tense of a sentence's earlier part, for a part with none
}

// mtDatesIn returns the dates that stand in sentence part st.
func mtDatesIn(dates []dtExpr, st mtSentence) []dtExpr {
	var out []dtExpr
	for _, e := range dates {
		if e.from >= st.from && e.to <= st.to {
			out = append(out, e)
		}
	}
	return out
}

// mtGroups sorts a sentence's triggers into meetings. A sentence usually
// reports one ("met on the sidelines of the summit and held talks"), but
// "the NATO summit, the G7 summit" is two, and a call is never the same
// meeting as the summit it is made from; a talk on the summit's sidelines
// is no call.
func (s *scan) mtGroups(triggers []mtTrigger, orgs []lexHit) []mtGroup {
	var groups []mtGroup
	sidelines := s.mtSidelinesNear(triggers)
	for _, tr := range triggers {
		org := s.mtBoundOrg(tr, orgs)
		if (tr.class == mtSpeak || tr.class == mtConverse) && sidelines {
			// "On the sidelines of the summit, Scholz spoke with Xi": a
			// talk face to face at the gathering, told once with it.
			tr.kind = "meeting"
		}
		call := tr.kind == "call"
		k := -1
		for gi := range groups {
			g := &groups[gi]
			gcall := g.triggers[0].kind == "call"
			if gcall != call {
				continue
			}
			if org != nil && g.org != nil && org.e.name != g.org.e.name {
				continue
			}
			k = gi
			break
		}
		if k < 0 {
			groups = append(groups, mtGroup{triggers: []mtTrigger{tr}, org: org})
			continue
		}
		groups[k].triggers = append(groups[k].triggers, tr)
		if groups[k].org == nil {
			groups[k].org = org
		}
	}
	return groups
}

// mtSidelinesNear reports whether the sentence of triggers tells of "the
// sidelines" or "margins" of a gathering ("am Rande des Gipfels") that is
// one of the triggers.
func (s *scan) mtSidelinesNear(triggers []mtTrigger) bool {
	for _, tr := range triggers {
		if tr.class == mtSidelines {
			return true
		}
		for k := tr.at - 1; k >= max(0, tr.at-6); k-- {
			switch s.word(k) {
			case "sidelines", "margins", "Rande":
				return true
			}
		}
	}
	return false
}

// mtListedBefore returns the bodies listed right before org, joined to
// it by "and", "und", "та", "і" or a comma: "the G7, EU and NATO summits".
func (s *scan) mtListedBefore(org *lexHit, orgs []lexHit) []*lexHit {
	if org == nil {
		return nil
	}
	var out []*lexHit
	at := org.from
	for len(out) < mtMaxListed {
		j := at - 1
		if j < 0 {
			break
		}
		switch strings.ToLower(s.word(j)) {
		case "and", ",", "und", "та", "і", "и", "et":
		default:
			return out
		}
		found := false
		for k := range orgs {
			if orgs[k].to == j {
				out = append(out, &orgs[k])
				at, found = orgs[k].from, true
				break
			}
		}
		if !found {
			break
		}
	}
	return out
}

// mtMaxListed bounds the bodies read from one list before a meeting word.
const mtMaxListed = 8

// mtBoundOrg returns the organisation a meeting word belongs to: right
// before it ("NATO summit", "Nato-Gipfel", "the EU's summit") or right
// after it ("summit of NATO", "summit of the leaders of the EU", "саміту
// НАТО").
func (s *scan) mtBoundOrg(tr mtTrigger, orgs []lexHit) *lexHit {
	for k := range orgs {
		h := &orgs[k]
		switch {
		case h.to == tr.at:
			return h
		case h.to+1 == tr.at && (s.key(h.to) == "-" || s.key(h.to) == "'"):
			return h
		case h.to+2 == tr.at && s.key(h.to) == "'" && s.key(h.to+1) == "s":
			return h
		}
	}
	k := tr.end
	for n := 0; n < 7 && k < len(s.toks); n++ {
		for j := range orgs {
			if orgs[j].from == k {
				return &orgs[j]
			}
		}
		switch strings.ToLower(s.word(k)) {
		case "of", "the", "leaders", "heads", "state", "and", "government", "ministers", "foreign", "defense",
			"defence", "finance", "des", "der", "лідерів", "країн", "членів", "міністрів", "лидеров", "стран",
			"«", "\"", "„", "“":
			k++
			continue
		}
		break
	}
	return nil
}

// mentionsOf turns a group of triggers into mentions: one, or one for each
// of several people spoken with or bodies that met.
func (r *mtReader) mentionsOf(si int, st mtSentence, g mtGroup, sentOrgs []lexHit, dates []dtExpr) []mtMention {
	s := r.s
	first := g.triggers[0]
	e, dated := s.mtNearestDate(dates, g.triggers)
	t := s.mtTense(st.from, st.to, g.triggers, e, dated)
	if t == dtTenseUnknown && g.tense != dtTenseUnknown {
		t = g.tense
	}
	if t == dtTenseUnknown {
		t = s.mtFrontedTense(st.from, st.to, first)
	}
	if t == dtTenseUnknown && first.class == mtGather && s.mtConveningNow(first.at) {
		// "Britain is convening the Security Council", "скликає Раду
		// Безпеки": the session being called is still to come.
		t = dtFuture
	}
	m := mtMention{sent: si, kind: first.kind, strong: first.strong, tense: t, plural: (first.plural || s.mtNumberBefore(first.at, st.from)) && len(g.triggers) == 1}
	m.status, m.statusSure = s.mtStatus(st.from, st.to, g.triggers, t)
	if m.status == defwatch.MeetingPlanned && t == dtPast {
		// "was postponed until Monday": put off in the past, to a day to
		// come, which its weekday names forward.
		t, m.tense = dtFuture, dtFuture
	}
	named := false
	pronouns := 0
	for _, tr := range g.triggers {
		if tr.strong && !m.strong {
			m.kind, m.strong = tr.kind, true
		}
		if m.name == "" && tr.name != "" {
			m.name, named = tr.name, true
		}
		pronoun := tr.pronoun && !s.mtInviterPronoun(tr, st.from)
		if tr.definite || pronoun {
			m.anaphoric = true
		}
		if pronoun {
			pronouns++
		}
	}
	m.pronoun = pronouns == len(g.triggers)
	m.topic = s.mtSpokenOf(first, st.from)
	if named {
		// A meeting with a name of its own is itself, whatever article
		// comes before it.
		m.anaphoric = false
	}
	if !m.strong {
		m.kind = s.mtRefineKind(m.kind, st.from, st.to, g.triggers)
	}
	m.talks = m.kind == "talks"
	if g.org != nil && (m.kind == "summit" || m.kind == "ministerial") && m.name == "" {
		m.name = g.org.e.name + " " + m.kind
	}

	// The date nearest the meeting's words.
	if dated {
		// A month and year ("im Juni 2014") dates a meeting well enough to
		// tell it from others, if not to the day.
		m.dated, m.day = true, e.kind != dtVague || e.year != 0 && !e.name
		m.date = e.resolve(r.published, t)
		if e.kind == dtClock {
			if d := r.storyDay(st.para); d != "" {
				m.date = d
			}
		}
	}
	if dated && s.mtAheadOf(e, first, st.from) {
		// "arrived in Saudi Arabia on Monday ahead of talks with U.S.
		// officials": the day is the arrival's; the talks come after it,
		// on a day the sentence does not give.
		m.date, m.day = "", false
	}
	if !dated && t == dtTenseUnknown && !r.published.IsZero() && s.mtBeginsNow(g.triggers, st.to) {
		// "The two-day summit of European Union leaders begins in
		// Versailles": news tells a meeting opening in the present on
		// the day it opens.
		m.date, m.dated, m.day = r.published.Format("2006-01-02"), true, true
	}
	if m.tense != dtFuture && s.mtBackFrom(st.from, first.at) {
		// "Our delegation returned from Belarus last night, from
		// negotiations": the day said, or the day the story is at, is the
		// return's; the talks were before it. The sentence dates them as
		// far as it can, which is not to the day.
		m.date, m.dated, m.day = "", true, false
	}
	if m.kind != "call" {
		m.location = r.location(st, g)
	}
	if m.location == "" {
		if place := r.arrivalPlace(st, g); place != "" {
			// A conversation with one who came is held face to face.
			m.location = place
			if m.kind == "call" && !s.mtPhoneNear(g.triggers[0].at, st.from, st.to) {
				m.kind = "meeting"
			}
		} else if m.kind != "call" {
			m.location = r.tripPlace(si, st, g)
		}
	}
	if m.talks && m.location != "" {
		// "The French and Chinese presidents held talks in Paris": talks
		// of heads face to face are their summit, of ministers their
		// ministerial, as the guideline has it; delegations' talks stay
		// talks, and talks held nowhere the text says may have been a
		// call.
		m.kind = s.mtTalksOfOffice(st.from, st.to, g.triggers)
	}

	// Organisations: the one the meeting belongs to ("the G7 summit"), or
	// failing that all the sentence names.
	if g.org != nil {
		m.orgs = []string{g.org.e.name}
	} else {
		for _, h := range sentOrgs {
			if !slices.Contains(m.orgs, h.e.name) {
				m.orgs = append(m.orgs, h.e.name)
			}
		}
	}
	m.nations = r.participants(st, g.triggers)
	if !m.strong && len(m.orgs) == 0 && len(m.nations) <= 2 && s.mtMetByRemoteMeans(g.triggers) {
		// "The Ukrainian and Polish presidents met by video": two sides
		// talking from afar hold a call, as the guideline has it; many
		// by video are a gathering (mtVirtualGathering).
		m.kind, m.location = "call", ""
	}
	speaker := ""
	if gov, ok := s.mtGovernmentSession(first, st.to); ok && r.speakerNation() != "" {
		// "Today, at a session of the Government, an agreement was signed
		// with the Government of Japan": the session is the speaker's
		// government's, or the one of the state named with it, and the
		// states it dealt with take no part.
		m.nations = nil
		if gov != "" {
			m.nations = []string{gov}
		}
	}
	// "I spoke with Chancellor Nehammer who had met with the Russian
	// leader": the meeting of a relative clause is its antecedent's, not
	// the speaker's.
	relative := s.mtPersonRelative(st.from, first.at)
	speechEnd, speech := s.mtSpeechBefore(st.from, first)
	if !relative && !speech && (s.mtFirstPerson(st.from, first.at, first) || s.mtOurs(st.from, first.at) && r.speakerNation() != "" || s.mtNoOneBefore(st.from, first) && r.speakerNation() != "" ||
		s.mtStaffMeeting(first) && r.speakerNation() != "" ||
		len(m.nations) == 0 && r.speakerNation() != "" && s.mtOwnGovernment(first, st.to)) && !s.mtOthersGathering(st, g) {
		speaker = r.speakerNation()
		m.speaker = speaker
	}

	// One meeting each of several bodies: "meetings of the G7, leaders of
	// NATO and the European Union".
	if first.plural && len(g.triggers) == 1 {
		var bodies []string
		// … or before it: "next week's G7 and NATO summits".
		if g.org != nil && g.org.to <= first.at {
			for _, h := range slices.Backward(s.mtListedBefore(g.org, sentOrgs)) {
				bodies = append(bodies, h.e.name)
			}
			bodies = append(bodies, g.org.e.name)
		}
		for _, h := range sentOrgs {
			if h.from > first.at && !slices.Contains(bodies, h.e.name) {
				bodies = append(bodies, h.e.name)
			}
		}
		if len(bodies) > 1 {
			var out []mtMention
			for _, b := range bodies {
				c := m
				c.orgs = []string{b}
				c.anaphoric = false
				c.name = b + " " + c.kind
				out = append(out, c)
			}
			return out
		}
	}
	// One call each with several people: "spoke with Rutte and Macron".
	parties, between := s.mtCounterparts(g.triggers, st.to, sentOrgs)
	if len(sentOrgs) == 0 && s.mtPrivatePeople(parties) {
		// "I also spoke with Ashton Kutcher and Mila Kunis": people the
		// text gives no office, state or body are no side of a meeting
		// between states.
		return nil
	}
	if between {
		m.who = true
	}
	// Those named before the meeting word in its clause, and those it was
	// with, stand for the states the text ties them to.
	clause := s.mtClauseStart(st.from, first.at)
	subjectNames := r.stateNames(clause, first.at)
	if rel := s.mtRelativeBefore(st.from, clause); rel >= 0 && len(subjectNames) == 0 {
		// "Zelenskyy, who flew to Turkey on Thursday, held talks with":
		// the subject stands before the clause set off after it.
		subjectNames = r.stateNames(s.mtClauseStart(st.from, rel), rel)
	}
	if from, to, ok := s.mtDuringSubject(st, first); ok {
		// "Biden, during a call with Zelenskyy, warned": the one who
		// called is the subject of the clause the phrase is set in.
		subjectNames = mtUnion(subjectNames, mtUnion(s.mtNationsIn(from, to, g.triggers), r.stateNames(from, to)))
	}
	pc := clause
	if w := s.lw(pc); w == "where" || w == "when" || w == "after" || w == "before" {
		pc++ // "..., where he is due to meet"
	}
	pc = s.mtAfterOpeningTime(pc, first.at)
	if len(subjectNames) == 0 && !s.mtPronounSubject(pc, first) && s.mtDuringPronoun(st, first) {
		// "US President Joe Biden spoke. He announced more aid during a
		// meeting with the Ukrainian prime minister."
		// The state of the one met, named before too ("arrived in Kyiv"),
		// is not the one who acts.
		prev := slices.DeleteFunc(slices.Clone(r.statesOf(si-1)), func(c string) bool { return slices.Contains(m.nations, c) })
		if len(prev) == 1 {
			subjectNames = prev
		}
	}
	if len(subjectNames) == 0 && s.mtPronounSubject(pc, first) {
		// "Biden will travel on to Poland, where he is due to meet": "he"
		// is the one the sentence names before the clause. "President
		// Zelensky spoke on Thursday. He met there with the President of
		// France": "he" is the one the sentence before names with a
		// state, when it names only one.
		if own := r.stateNames(st.from, clause); clause > st.from && len(own) == 1 {
			subjectNames = own
		} else if prev := r.statesOf(si - 1); len(prev) == 1 {
			subjectNames = prev
		}
	}
	m.nations = mtUnion(m.nations, subjectNames)
	m.subjects = r.subjectKeys(clause, first.at)
	m.side = mtUnion(subjectNames, s.mtNationsIn(clause, first.at, nil))
	frame := r.frameNames(st, g)
	m.nations = mtUnion(m.nations, frame)
	m.bound = mtUnion(mtUnion(subjectNames, frame), s.officeStates(st.from, r.participantsEnd(st, g.triggers)))
	if speaker != "" && s.mtNamedWithSpeaker(clause, first.at) {
		m.who = true // "Pelosi and I had four hours of negotiations"
	}
	// "we are negotiating with American partners and Ukrainian
	// producers": negotiations are talks, whoever tells of them.
	negotiated := first.class == mtDiscuss && first.kind == "talks"
	if speaker != "" && !between && len(parties) > 1 && m.location == "" && mtConversation[first.class] && !negotiated && !s.mtAtTalks(first) {
		// "I discussed this today with Charles Michel, Ursula von der
		// Leyen, Emmanuel Macron", "There were talks with the Prime
		// Minister of the Netherlands, the President of Slovakia": an
		// address's conversations with several leaders abroad, with no
		// place of meeting, are its calls, one each.
		m.kind = "call"
	}
	if speaker != "" && !between && len(parties) == 1 && m.location == "" && first.class == mtDiscuss && !negotiated && !m.strong && !s.mtAtTalks(first) {
		// "Обговорив сьогодні це з Президенткою Єврокомісії", "I
		// discussed this issue today with President …": an address's
		// discussion with one leader, no place given, is a call, and the
		// call told before with the same person when it names them again.
		m.kind = "call"
	}
	if first.class == mtGreet {
		// "condolences to the President of Lithuania and to the entire
		// Lithuanian people": one call, with the one in office.
		parties = s.mtOfficeParties(parties)
	}
	// "I had separate meetings with the Prime Minister of Poland, the
	// Prime Minister of Sweden and the President of Lithuania": one
	// meeting each, as with calls.
	separate := !between && mtSeparateWords.has(s.lw(first.at-1)) && strings.HasSuffix(s.lw(first.at), "s")
	if (m.kind == "call" || separate) && len(parties) > 1 {
		subject := mtUnion(s.mtNationsIn(st.from, first.at, nil), subjectNames)
		var out []mtMention
		for _, p := range parties {
			c := m
			c.counterparts, c.names, c.who = p.nations, p.names, len(p.nations)+len(p.names) > 0
			c.nations = mtUnion(subject, mtUnion(p.nations, r.stateNames(p.from, p.to)))
			c.orgs = nil
			for _, h := range sentOrgs {
				if h.from >= p.from && h.to <= p.to && !slices.Contains(c.orgs, h.e.name) {
					c.orgs = append(c.orgs, h.e.name)
				}
			}
			c.anaphoric, c.pronoun = false, false
			out = append(out, c)
		}
		return out
	}
	for _, p := range parties {
		m.counterparts = mtUnion(m.counterparts, p.nations)
		m.names = mtUnion(m.names, p.names)
		pn := r.stateNames(p.from, p.to)
		m.nations = mtUnion(m.nations, pn)
		m.bound = mtUnion(m.bound, mtUnion(p.nations, pn))
		// An office alone ("met with senior leaders") names no one.
		m.who = m.who || len(p.nations)+len(p.names) > 0
	}
	if at, ok := s.mtSpokeAt(st.from, first); ok {
		// "Blinken said on Friday at the Munich Security Conference that
		// …": one who speaks at a gathering is no party to it for that.
		a := s.mtClauseStart(st.from, at)
		said := mtUnion(s.mtNationsIn(a, at, nil), r.stateNames(a, at))
		m.nations = slices.DeleteFunc(m.nations, func(c string) bool { return slices.Contains(said, c) })
		m.bound = slices.DeleteFunc(m.bound, func(c string) bool { return slices.Contains(said, c) })
	}
	if host := r.talksHost(st, first, m, subjectNames, sentOrgs, between); host != "" {
		m.nations = mtUnion(m.nations, []string{host})
		m.bound = mtUnion(m.bound, []string{host})
	}
	if sides := r.unnamedTalksSides(st, first, m, parties, between); sides != nil {
		// "Our delegation returned from Belarus, from negotiations":
		// the speaker's and the adversary's.
		m.nations, m.bound = sides, sides
	}
	if speech && st.headline && m.date == "" && m.tense != dtFuture && !r.published.IsZero() {
		// "Speech by the President at the NATO Summit" over the text of
		// the speech: a speech's text comes out the day it is given, and
		// the gathering it was given to met that day.
		m.date, m.dated, m.day = r.published.Format("2006-01-02"), true, true
	}
	if speech {
		// "Addressed the UN Security Council": the one who spoke is no
		// party to the gathering spoken to.
		drop := mtUnion(s.mtNationsIn(st.from, speechEnd, nil), r.stateNames(st.from, speechEnd))
		m.nations = slices.DeleteFunc(m.nations, func(c string) bool { return slices.Contains(drop, c) })
		m.bound = slices.DeleteFunc(m.bound, func(c string) bool { return slices.Contains(drop, c) })
	}
	if m.who {
		m.pronoun = false
	}
	if first.class == mtGreet && m.speaker != "" {
		// What the words were said about ("over the murder by Russian
		// soldiers") is no party to the call.
		m.nations = mtUnion([]string{m.speaker}, m.counterparts)
	}
	return []mtMention{m}
}

// talksHost returns the state whose city talks are held in when it takes
// part as the side the sentence leaves unnamed: "the UN Secretary-General
// was holding negotiations in Moscow" (RU), "the German chancellor held
// talks in Warsaw" (PL), "I held talks in Kyiv with the foreign ministers
// of Germany and the Netherlands" (UA). Talks have two sides; when the
// sentence names one, by its subject or by whom they were with, and not
// the other, the host is the other. With both sides named ("met in Poland
// with colleagues from the United States", "Russian and Ukrainian
// delegations held talks in Istanbul") or neither ("talks in Istanbul")
// the host is no party.
func (r *mtReader) talksHost(st mtSentence, first mtTrigger, m mtMention, subjectNames []string, sentOrgs []lexHit, between bool) string {
	s := r.s
	if first.class != mtTalks || m.location == "" || between {
		return ""
	}
	host := ""
	for _, h := range r.places {
		if h.e.name == m.location {
			host = h.e.country
		}
	}
	if host == "" || slices.Contains(m.nations, host) {
		return ""
	}
	// A speaker in the first person is a side the sentence does not name
	// by state: "I held talks in Kyiv with …" is the host's.
	subject := len(subjectNames) > 0 || m.speaker != ""
	clause := s.mtClauseStart(st.from, first.at)
	subjects := mtUnion(subjectNames, s.mtNationsIn(clause, first.at, nil)) // "the German chancellor held talks"
	if len(subjects) > 1 {
		return "" // "Russian and Ukrainian delegations held talks in Istanbul": both sides
	}
	subject = subject || len(subjects) > 0
	for _, h := range sentOrgs {
		subject = subject || h.from >= clause && h.to <= first.at
	}
	// "with colleagues from the United States": a state named after the
	// word names the other side; two name both ("Переговоры России и
	// Украины прошли в Стамбуле", the talks of Russia and Ukraine).
	after := s.mtNationsIn(first.end, st.to, nil)
	if len(after) > 1 && !subject && !s.mtFirstPerson(clause, first.at, first) {
		return ""
	}
	other := len(m.counterparts) > 0 || len(m.names) > 0 || len(after) > 0
	if !subject && !other && len(sentOrgs) == 0 && s.mtOurs(st.from, first.at) {
		// "after the end of our talks in Kyiv": the speaker's talks in a
		// city are with its host, or held by it.
		return host
	}
	if subject == other {
		return ""
	}
	return host
}

// mtOurs reports whether "our" or "my" stands just before the meeting
// word at: "our talks in Kyiv".
func (s *scan) mtOurs(from, at int) bool {
	for k := at - 1; k >= max(from, at-3); k-- {
		switch strings.ToLower(s.word(k)) {
		case "our", "my", "unsere", "unseren", "unserer", "unser", "meine", "meinen", "notre", "nos", "mon", "ma", "mes",
			"наша", "нашу", "нашої", "наші", "наших", "моя", "мою", "мої", "моїх", "наши", "мои", "мой", "наш":
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtRefineKind gives a meeting word with no kind of its own ("meeting",
// "talks", "gathered") the kind the sentence shows: ministers among
// themselves make a ministerial, leaders a summit.
//
// Ministers make a ministerial only when they meet each other: named on
// both sides of "met with", or as the plural subject of "convene". The
// president who "met with the foreign ministers" holds a meeting. Two
// heads of state or government and no minister make a summit ("French
// President Emmanuel Macron hosted Chinese President Xi Jinping").
func (s *scan) mtRefineKind(kind string, from, to int, triggers []mtTrigger) string {
	if kind != "meeting" {
		return kind
	}
	at := triggers[0].at
	var before, after int // ministers who meet, and ministers met
	heads, leaders := 0, 0
	headsBefore := 0 // heads of state or government before the meeting word
	named := 0       // heads named by office, the speaker's "I" aside
	with := false    // "with" came after the meeting word: who follows is met
	for k := from; k < to; k++ {
		w := s.word(k)
		if k > at && (w == "with" || w == "mit" || w == "з" || w == "із" || w == "с") {
			with = true
		}
		n := 0
		switch {
		case w == "heads" || w == "Heads":
			if s.word(k+1) == "of" && (s.word(k+2) == "state" || s.word(k+2) == "government" || s.word(k+2) == "states") {
				leaders++
			}
		case mtLeaderWords.has(w):
			if !mtNotHeadsBefore.has(s.word(k-1)) && !mtNotHeadTitle.has(strings.ToLower(s.word(k-1))) {
				leaders++ // not "vice presidents", "former leaders"
			}
		case headSurnames.has(w) && !s.mtTitledName(k) && !mtMaybeRemote[triggers[0].class]:
			// "Xi will host Putin for talks": heads the news names alone,
			// face to face; "Zelensky and Duda discussed" may have been
			// on the phone.
			heads++
			named++
			if k < at {
				headsBefore++
			}
		case mtHeadWords.has(w):
			heads++
			if k < at {
				headsBefore++
			}
			if w != "I" && !mtNotHeadTitle.has(strings.ToLower(s.word(k-1))) {
				named++ // not "Vice President", "former Prime Minister"
			}
		case (w == "Minister" || w == "minister") && (s.word(k-1) == "Prime" || s.word(k-1) == "prime"):
			// The head's own title, no minister.
		case (w == "Ministers" || w == "ministers") && (s.word(k-1) == "Prime" || s.word(k-1) == "prime"),
			w == "Presidents" || w == "chancellors" || w == "Chancellors":
			// "the Czech and Slovak prime ministers met", "the
			// chancellors of Austria and Germany": heads, more than one.
			q := k - 1 // "former Presidents"
			if strings.EqualFold(s.word(q), "prime") {
				q-- // "deputy prime ministers"
			}
			if !mtNotHeadTitle.has(strings.ToLower(s.word(q))) {
				heads++
				named += 2
			}
		case mtCounterpartWords.has(w) && k > at:
			// "met his French counterpart": one of the same office as
			// whoever met them.
			switch {
			case before > 0 && headsBefore == 0:
				n = 1
			case headsBefore > 0 && before == 0:
				leaders++
			}
		case w == "ministers" || w == "Ministers" || w == "ministerial" || w == "Ministerial" || strings.HasSuffix(w, "ministern") ||
			strings.HasSuffix(w, "minister") && isUpper(w[0]) && (strings.ToLower(s.word(k-1)) == "die" || s.key(k-1) == "-" && strings.ToLower(s.word(k-3)) == "die"):
			// German plurals: "die Außenminister", "den Verteidigungsministern",
			// "die EU-Innenminister".
			n = 2
		case w == "minister" || w == "Minister" || strings.HasSuffix(w, "minister"):
			n = 1
		case (w == "secretary" || w == "Secretary") && s.mtMinisterSecretary(k):
			n = 1 // "the US defense secretary", "Secretary of State"
		case s.toks[k].kind == tOther && (lexHasStem(w, "міністр") || lexHasStem(w, "министр")):
			n = 1
			if strings.HasSuffix(w, "ами") || strings.HasSuffix(w, "ів") || strings.HasSuffix(w, "и") || strings.HasSuffix(w, "ы") || strings.HasSuffix(w, "ов") {
				n = 2
			}
		case s.toks[k].kind == tOther && (lexHasStem(w, "президент") || lexHasStem(w, "прем")):
			heads++
		}
		if k < at || !with {
			before += n // "the defense ministers … convene", "a meeting of defense ministers"
		} else {
			after += n
		}
	}
	switch {
	case leaders > 0:
		return "summit"
	case named >= 2 && before+after == 0:
		return "summit"
	case heads == 0 && (before >= 2 || before >= 1 && after >= 1) && !s.mtGroupIn(from, to):
		return "ministerial"
	}
	return kind
}

// mtGroupIn reports whether tokens [from, to) name a group whose
// delegates meet, chaired by ministers or not: "the Ukraine Defense
// Contact Group, co-chaired by the British Defence Secretary and the
// German Defence Minister" is a meeting of delegates, as the guideline
// has it.
func (s *scan) mtGroupIn(from, to int) bool {
	for k := from; k < to; k++ {
		if w := strings.ToLower(s.word(k)); (w == "group" || w == "coalition") && s.word(k+1) != "of" {
			return true // not "the Group of 7 foreign ministers"
		}
	}
	return false
}

// mtMinisterSecretary reports whether "secretary" at token k is a
// minister's title: "defense secretary", "foreign secretary", "Secretary
// of State", not a "press secretary" or a "Secretary General".
func (s *scan) mtMinisterSecretary(k int) bool {
	switch strings.ToLower(s.word(k - 1)) {
	case "defense", "defence", "foreign", "home", "state", "interior":
		return true
	}
	if s.word(k+1) == "of" {
		switch strings.ToLower(s.word(k + 2)) {
		case "defense", "defence", "state":
			return true
		}
	}
	return false
}

// mtTalksOfOffice returns the kind of the talks of triggers by who holds
// them, as mtRefineKind reads the sentence: a summit of heads of state or
// government, a ministerial of ministers, or talks still when a
// delegation or a negotiator takes part, or the word is a negotiation's.
func (s *scan) mtTalksOfOffice(from, to int, triggers []mtTrigger) string {
	for _, tr := range triggers {
		if w := strings.ToLower(s.word(tr.at)); w != "talks" && w != "gespräche" && w != "gesprächen" {
			return "talks" // "negotiations", "переговори": a negotiation, whoever leads it
		}
	}
	for k := from; k < to; k++ {
		if mtNegotiatorWords.has(strings.ToLower(s.word(k))) {
			return "talks"
		}
	}
	if !s.mtOfficeBefore(from, triggers[0].at) {
		// "There were talks with the Prime Minister of the Netherlands
		// and the President of Slovakia": whoever held them is not named
		// by office.
		return "talks"
	}
	if kind := s.mtRefineKind("meeting", from, to, triggers); kind != "meeting" {
		return kind
	}
	return "talks"
}

// mtBeginsNow reports whether the meeting of triggers is the subject of a
// verb of opening in the present a few words on, in its clause: "the
// summit of EU leaders begins in Versailles", "der Gipfel beginnt".
func (s *scan) mtBeginsNow(triggers []mtTrigger, to int) bool {
	last := triggers[len(triggers)-1]
	for k := last.end; k < to && k < last.end+mtBeginReach; k++ {
		if mtClauseBreak(s, k) || s.mtClassAt(k) != mtNone {
			return false
		}
		w := strings.ToLower(s.word(k))
		if mtBeginVerbs.has(w) || w == "kicks" && s.word(k+1) == "off" || (w == "gets" || w == "is") && s.word(k+1) == "under" && s.word(k+2) == "way" {
			return true
		}
	}
	return false
}

// mtBeginReach bounds the words between a meeting word and the verb of
// its opening: "the summit of European Union leaders begins".
const mtBeginReach = 8

// mtBeginVerbs open a meeting in the present.
var mtBeginVerbs = setOf(mtBeginVerbsIndex, []string{
	"begins", "opens", "starts", "commences", "beginnt", "startet", "commence", "s'ouvre",
	"розпочинається", "починається", "стартує", "відкривається", "начинается", "открывается", "стартует",
})

// mtMaybeRemote are the classes of meeting words that may tell a
// conversation on the phone as well as face to face.
var mtMaybeRemote = map[mtClass]bool{mtDiscuss: true, mtConverse: true, mtSpeak: true, mtPhone: true, mtCallNoun: true}

// mtTitledName reports whether the name at token k follows a head's
// title, which mtRefineKind counts already: "President Joe Biden".
func (s *scan) mtTitledName(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if mtHeadWords.has(s.word(j)) || strings.EqualFold(s.word(j), "minister") {
			return true
		}
		if !s.capitalAt(j) {
			return false
		}
	}
	return false
}

// mtOfficeBefore reports whether tokens [from, at) name someone by an
// office of a head or a minister, or a head the news names alone: the
// side that holds the talks.
func (s *scan) mtOfficeBefore(from, at int) bool {
	for k := from; k < at; k++ {
		w := s.word(k)
		if mtHeadWords.has(w) && w != "I" || headSurnames.has(w) || mtLeaderWords.has(w) || strings.HasSuffix(strings.ToLower(w), "minister") || strings.HasSuffix(strings.ToLower(w), "ministers") {
			return true
		}
	}
	return false
}

// mtNegotiatorWords name those who negotiate for a side, or a medium
// that holds the talks apart: such talks are no summit or ministerial.
var mtNegotiatorWords = setOf(mtNegotiatorWordsIndex, []string{
	"delegation", "delegations", "delegation's", "negotiator", "negotiators", "envoy", "envoys",
	"delegates", "delegationen", "unterhändler", "phone", "telephone", "video",
})

// mtNotHeadTitle before a head's title makes it another office, or one
// left.
var mtNotHeadTitle = setOf(mtNotHeadTitleIndex, []string{"vice", "deputy", "former", "ex", "acting", "first", "late"})

// mtCounterpartWords name one of the same office as another.
var mtCounterpartWords = setOf(mtCounterpartWordsIndex, []string{"counterpart", "counterparts", "homologue", "homologues", "Amtskollegen", "Amtskollege", "Amtskollegin"})

// mtNearestDate returns the time expression closest to the meeting's
// words, leaving out the dates of statements ("said on Monday") and years
// that are part of a name.
func (s *scan) mtNearestDate(dates []dtExpr, triggers []mtTrigger) (dtExpr, bool) {
	for i := range dates {
		if dates[i].report && s.mtSaidAt(dates[i], triggers) {
			dates[i].report = false
		}
	}
	clock := true
	for _, e := range dates {
		if !e.report && !e.name && e.kind != dtClock {
			clock = false // a day named beats a time of day
		}
	}
	best, bestDist := dtExpr{}, -1
	for _, e := range dates {
		if e.report || e.name || e.kind == dtClock && !clock || mtSpanStart.has(s.lw(e.from-1)) {
			continue
		}
		for _, tr := range triggers {
			d := 0
			switch {
			case e.to <= tr.at:
				d = tr.at - e.to + 1
			case e.from >= tr.end:
				d = e.from - tr.end
			}
			if bestDist < 0 || d < bestDist {
				best, bestDist = e, d
			}
		}
	}
	if bestDist >= 0 && s.mtArrivalDay(best, triggers) {
		// "arrived in Washington on Thursday for talks with Trump on
		// Friday": the first day is the arrival's, the second the talks'.
		for _, e := range dates {
			if !e.report && !e.name && e.kind != dtClock && e.from >= triggers[0].end {
				return e, true
			}
		}
	}
	return best, bestDist >= 0
}

// mtArrivalDay reports whether the date e, before the first of
// triggers, is the day of an arrival the meeting is the purpose of:
// "arrived in Washington on Thursday for talks".
func (s *scan) mtArrivalDay(e dtExpr, triggers []mtTrigger) bool {
	at := triggers[0].at
	if e.to > at || at-e.to > 4 {
		return false
	}
	purpose := false
	for k := e.to; k < at; k++ {
		purpose = purpose || s.word(k) == "for" || s.word(k) == "to"
	}
	if !purpose {
		return false
	}
	for k := e.from - 1; k >= 0 && k >= e.from-6; k-- {
		if mtArrivalVerb(s.lw(k)) {
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtSpanStart words start a span of time at the date after them, which
// is not a meeting's day: "the first direct talks since 2022".
var mtSpanStart = setOf(mtSpanStartIndex, []string{"since", "seit", "depuis"})

// mtSaidAt reports whether the statement date e is said at the meeting
// of one of triggers: "said on Friday at the Munich Security
// Conference", "told reporters on Monday on the sidelines of the
// summit". What is said at a meeting is said on its day.
func (s *scan) mtSaidAt(e dtExpr, triggers []mtTrigger) bool {
	for _, tr := range triggers {
		if tr.at < e.to || tr.at > e.to+8 {
			continue
		}
		switch strings.ToLower(s.word(e.to)) {
		case "at", "during", "on", "auf", "bei", "während", "на", "під", "в", "у":
		default:
			return false
		}
		for k := e.to; k < tr.at; k++ {
			if s.toks[k].kind == tPunct && s.key(k) != "-" {
				return false
			}
		}
		return true
	}
	return false
}

// mtTense reads whether the sentence tells of a meeting to come or one
// that took place. It reads only the clauses of the meeting word and of
// its date, which end at punctuation and at "that": what follows "assured
// Zelensky in a Monday phone call that the assistance would arrive" is
// what was said, not when. A meeting word that is itself a past verb
// ("met", "spoke") settles it.
func (s *scan) mtTense(from, to int, triggers []mtTrigger, e dtExpr, dated bool) dtTense {
	start, end := to, from
	span := func(a, b int) {
		for a > from && !s.mtClauseEdge(a-1) {
			a--
		}
		for b < to && !s.mtClauseEdge(b) {
			b++
		}
		start, end = min(start, a), max(end, b)
	}
	for _, tr := range triggers {
		if p := s.lw(tr.at - 1); p == "sera" || p == "seront" || p == "be" && mtFuture.has(s.word(tr.at-2)) {
			return dtFuture // "sera reçu lundi", "will be received"
		}
		if mtPast.has(s.word(tr.at)) || s.toks[tr.at].kind == tOther && mtCyrPast(s.word(tr.at)) {
			return dtPast
		}
		if w := s.word(tr.at - 1); (w == "held" || w == "had") && tr.at-1 >= from && !mtPassiveAux.has(s.lw(tr.at-2)) {
			// "Belousov held talks in Minsk ... on joint exercises planned
			// for 2026": the verb of the meeting settles its time, not
			// what the talks were about.
			return dtPast
		}
		if s.mtTripAhead(tr, from) || s.mtArrangedAhead(tr, from) {
			return dtFuture
		}
		span(tr.at, tr.end)
	}
	if dated {
		span(e.from, e.to)
	}
	return s.mtTenseIn(start, end)
}

// mtFrontedTense reads the tense of a meeting told in a phrase that opens
// the sentence before a comma and has no verb of its own ("During a
// meeting with the Polish president on Monday, Zelensky spoke of …", "At
// his first meeting with the prime minister, Sunak will seek …"): the
// clause after the comma tells when, up to its own end.
func (s *scan) mtFrontedTense(from, to int, tr mtTrigger) dtTense {
	if !mtFrontedOpeners.has(strings.ToLower(s.word(from))) {
		return dtTenseUnknown
	}
	comma := -1
	for k := from + 1; k < to; k++ {
		if s.key(k) == "," {
			comma = k
			break
		}
		if s.toks[k].kind == tPunct && s.key(k) != "-" && s.key(k) != "'" && s.key(k) != "’" {
			return dtTenseUnknown
		}
	}
	if comma < tr.end {
		return dtTenseUnknown
	}
	end := comma + 1
	for end < to && !s.mtClauseEdge(end) {
		end++
		if dtReportingVerbs.has(s.word(end - 1)) {
			// "After Thursday's talks, the prime minister said the two
			// would coordinate": what was said has a time of its own.
			break
		}
	}
	return s.mtTenseIn(comma+1, end)
}

// mtFrontedOpeners open a phrase set before the clause it belongs to.
var mtFrontedOpeners = setOf(mtFrontedOpenersIndex, []string{
	"during", "at", "after", "before", "following", "ahead", "beim", "bei", "nach", "vor", "während",
	"під", "після", "перед", "на", "во", "после", "pendant", "lors", "après", "avant",
})

// mtTripAhead reports whether the meeting is the purpose of a trip told
// in the present: "Blinken travels to Geneva for talks", "heads to Kyiv to
// meet Zelensky". News tells a trip that is under way or coming so.
func (s *scan) mtTripAhead(tr mtTrigger, from int) bool {
	p := tr.at - 1
	for p >= from && (mtIndefinite.has(s.word(p)) || mtDefinite.has(s.word(p)) || s.toks[p].kind == tWord && !mtTravelPresent.has(s.word(p)) && p > tr.at-3 && s.word(p) != "for" && s.word(p) != "to") {
		p--
	}
	if s.word(p) != "for" && s.word(p) != "to" {
		return false
	}
	for k := p - 1; k >= max(from, p-8); k-- {
		if mtTravelPresent.has(s.word(k)) {
			return true
		}
		if mtClauseBreak(s, k) {
			return false
		}
	}
	return false
}

// mtArrangedAhead reports whether the meeting word is the infinitive
// after a verb that arranges or offers it: "invited Putin to meet",
// "agreed to hold talks", "is scheduled to meet". What is arranged lies
// ahead, whatever the tense of the arranging.
func (s *scan) mtArrangedAhead(tr mtTrigger, from int) bool {
	k := tr.at - 1
	for k > from && tr.at-k < 4 && (s.word(k) == "hold" || s.word(k) == "have" || mtIndefinite.has(s.word(k))) {
		k-- // "to hold talks", "to have a call"
	}
	if s.word(k) != "to" {
		return false
	}
	for j := k - 1; j >= max(from, k-5); j-- {
		if mtArrangeVerbs.has(s.word(j)) {
			return true
		}
		if mtClauseBreak(s, j) {
			return false
		}
	}
	return false
}

// mtArrangeVerbs put the meeting of their infinitive ahead.
var mtArrangeVerbs = setOf(mtArrangeVerbsIndex, []string{
	"invited", "invites", "proposed", "proposes", "agreed", "agree", "agrees", "plans", "planned",
	"planning", "scheduled", "expected", "due", "set", "going", "offered", "offers", "intends",
	"intend", "aims", "arranged", "decided", "promised", "hopes", "wants", "asked", "asks", "urged",
})

// mtTravelPresent are verbs of going in the present tense.
var mtTravelPresent = setOf(mtTravelPresentIndex, []string{"travels", "heads", "flies", "goes", "leaves", "departs", "travel", "head", "fly", "reist", "fliegt", "їде", "летить", "вирушає", "едет", "летит"})

// mtClauseEdge reports whether token k bounds a clause for reading its
// tense: punctuation, or "that" before what someone said.
func (s *scan) mtClauseEdge(k int) bool {
	switch s.key(k) {
	case ",", ";", ":", "–", "—", "(", ")":
		return true
	}
	return mtThat.has(s.word(k))
}

var mtThat = setOf(mtThatIndex, []string{"that", "dass", "що", "что", "which"})

// mtTenseIn reads the tense of tokens [from, to).
func (s *scan) mtTenseIn(from, to int) dtTense {
	past := false
	for k := from; k < to; k++ {
		w := s.word(k)
		switch {
		case w == "Will" && k > from && !s.mtClauseEdge(k-1):
			// Only a question opens with the modal; within a sentence it
			// is a name: "US Congressman Will Hurd".
		case mtFuture.has(w):
			if w == "ll" && s.key(k-1) != "'" || w == "would" && s.word(k+1) == "have" || s.mtPlanOfOther(k) {
				continue
			}
			return dtFuture
		case (w == "set" || w == "due" || w == "going") && s.word(k+1) == "to":
			return dtFuture
		case (w == "is" || w == "are") && (s.word(k+1) == "to" || mtToAdverbs.has(s.word(k+1)) && s.word(k+2) == "to"):
			return dtFuture // "is to meet", "is also to talk", "are now to hold"
		case w == "to" && k > from && mtHeadlineFuture.has(s.word(k+1)) && s.mtNamesOnly(from, k):
			return dtFuture // a headline's "Biden to meet Zelensky in Paris"
		case mtPast.has(w):
			past = true
		case s.toks[k].kind == tOther && mtCyrPast(w):
			past = true
		case s.mtRegularPast(k):
			past = true
		case len(w) > 4 && strings.HasSuffix(w, "ed") && s.word(k+1) == "that" && s.toks[k].kind == tWord && !isUpper(w[0]):
			past = true // "the secretary argued that", "officials warned that"
		}
	}
	if past {
		return dtPast
	}
	return dtTenseUnknown
}

// mtNamesOnly reports whether tokens [from, k) are a few capitalised
// words and nothing else: a headline's subject ("US President Biden").
func (s *scan) mtNamesOnly(from, k int) bool {
	if k-from > 5 {
		return false
	}
	for j := from; j < k; j++ {
		if !s.capitalAt(j) && s.key(j) != "-" && s.key(j) != "'" && s.key(j) != "’" {
			return false
		}
	}
	return true
}

// mtHeadlineFuture after a name and "to" make a headline's meeting one
// to come: "Biden to meet Zelensky", "Sunak to visit Poland for talks".
var mtHeadlineFuture = setOf(mtHeadlineFutureIndex, []string{
	"meet", "host", "visit", "hold", "talk", "speak", "travel", "attend", "receive", "welcome",
})

// mtPlanOfOther reports whether "plan" or "plans" at token k is a noun
// for a plan of something other than a meeting: "held talks on a plan to
// reopen the ports", "discussed the peace plan". A plan to meet ("Biden's
// plans to meet Putin") is a meeting to come.
func (s *scan) mtPlanOfOther(k int) bool {
	if w := s.word(k); w != "plan" && w != "plans" {
		return false
	}
	p := strings.ToLower(s.word(k - 1))
	if !determiners.has(p) && p != "a" && p != "s" && !mtPlanKinds.has(p) {
		return false // "plans to meet", "we plan to": the verb
	}
	for j := k + 1; j <= k+4 && j < len(s.toks) && !clauseEnds(s.key(j)); j++ {
		if s.mtClassAt(j) != mtNone || mtTripWords.has(s.word(j)) {
			return false // "the plans of the Saturday visit to Munich"
		}
	}
	return true
}

// mtTripWords are the trips a plan may be for.
var mtTripWords = setOf(mtTripWordsIndex, []string{"visit", "trip", "travel", "tour", "journey"})

// mtPlanKinds name what a plan is for: "the peace plan".
var mtPlanKinds = setOf(mtPlanKindsIndex, []string{"peace", "new", "victory", "ceasefire", "grain", "security", "action", "reform"})

// mtToAdverbs may stand between "is" and the "to" of an arrangement.
var mtToAdverbs = setOf(mtToAdverbsIndex, []string{"also", "now", "then", "soon", "still", "next", "later", "first"})

// mtRegularPast reports whether token k is an English verb in the past
// tense: a lower-case word in "-ed" right after its subject, a name or a
// pronoun ("Putin chaired", "they agreed"). After a state's adjective it
// is more likely an adjective itself ("Russian armed forces").
func (s *scan) mtRegularPast(k int) bool {
	w := s.word(k)
	if len(w) < 5 || !strings.HasSuffix(w, "ed") || s.toks[k].kind != tWord || isUpper(w[0]) {
		return false
	}
	p := k - 1
	switch s.word(p) {
	case "he", "she", "they", "we", "I", "He", "She", "They", "We", "who":
		return true
	}
	if s.mtClassAt(max(p, 0)) != mtNone {
		return true // "the session opened", "talks resumed"
	}
	if !s.capitalised(p) || capitalisedFunctionWords.has(s.word(p)) {
		return false
	}
	// A state's name is a subject ("Ukraine resumed talks"); its
	// adjective more likely qualifies what follows ("Russian armed
	// forces").
	start := p
	for start > 0 && s.capitalised(start-1) && !s.toks[start].brk {
		start--
	}
	if codes, end := s.nationAt(start); end == k && len(codes) > 0 {
		return s.word(p) == gaz().names.at(codes[0]) || !mtDemonymLike(s.word(p)) // "Iran resumed"
	}
	if s.startsState(p) {
		return false
	}
	codes, end := s.nationAt(p)
	return !(end > p && len(codes) > 0)
}

// mtDemonymLike reports whether w ends as English adjectives of states do
// ("Russian", "Chinese", "British", "Israeli", "French", "Swiss"), not as
// their names ("Ukraine", "Russia", "Britain").
func mtDemonymLike(w string) bool {
	for _, suf := range []string{"an", "ans", "ese", "ish", "i", "ic", "ch", "ss", "ek"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mtCyrPast reports whether a Ukrainian or Russian word looks like a verb
// in the past tense: "говорив", "відбулася", "зустрілися", "встретились".
func mtCyrPast(w string) bool {
	// Russian past tense of the reflexive verbs ("встретился",
	// "созвонился") ends in "-лся", and of "вести" in "-вёл"/"-вел"
	// ("провёл переговоры").
	for _, suf := range []string{"лися", "лася", "лось", "вся", "лся", "лись", "лась", "ла", "ли", "ив", "ав", "ил", "ал", "вёл", "вел"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+4 {
			return suf != "ав" || !mtCyrPluralOfAva(w)
		}
	}
	// "-ів" and "-ов" end far more nouns in the genitive plural
	// ("переговорів", "дронів", "самітів", "островів", "переговоров",
	// "лидеров") than verbs. The verbs that end so are few: "вести" with
	// its prefixes ("провів", "привів"), "-йти" ("пішов", "прийшов"), and
	// some in "-іти" ("хотів", "прилетів", "зустрів").
	if strings.HasSuffix(w, "вів") && mtCyrLedVerbs.has(strings.ToLower(w)) {
		return true
	}
	for _, suf := range []string{"йшов", "пішов", "устрів", "хотів", "сидів", "летів"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mtCyrLedVerbs are "вести" in the past with its prefixes, the Ukrainian
// verbs in "-вів"; nouns end so too ("островів", "мотивів").
var mtCyrLedVerbs = setOf(mtCyrLedVerbsIndex, []string{
	"вів", "провів", "привів", "вивів", "перевів", "завів", "підвів", "відвів", "навів", "увів", "ввів",
	"звів", "довів", "розвів",
})

// mtCyrPluralOfAva reports whether a word in "-ав" is the genitive plural
// of a noun in "-ава" ("держав", "справ", "прав", "переправ"), not a verb
// ("казав", "надав", "обрав").
func mtCyrPluralOfAva(w string) bool {
	return strings.HasSuffix(w, "держав") || strings.HasSuffix(w, "прав") || strings.HasSuffix(w, "застав")
}

// advanceStory moves the story's day to the last day a sentence fixed,
// outside quotes: later meetings the text leaves undated happened then.
func (r *mtReader) advanceStory(si int, st mtSentence, dates []dtExpr, ms []mtMention) {
	if len(dates) > 0 && r.quoted == nil {
		r.quoted = r.s.mtQuoted()
	}
	for _, e := range dates {
		if e.name || r.quoted[e.from] {
			continue
		}
		if e.kind == dtVague || e.kind == dtClock {
			continue
		}
		if e.report && e.kind != dtRelative {
			continue
		}
		t := r.s.mtTenseIn(st.from, st.to)
		d := e.resolve(r.published, t)
		if d != "" && t == dtFuture && !e.report {
			r.planDate, r.planPara = d, st.para
		}
		if d != "" && r.notAfterPublication(d) {
			r.storyDate, r.storyPara = d, st.para
			if e.kind == dtRelative && t != dtFuture {
				r.sayDay(si, d, len(ms) > 0)
			}
		}
	}
	for _, m := range ms {
		if m.date != "" && r.notAfterPublication(m.date) {
			r.storyDate, r.storyPara = m.date, st.para
		}
		if m.date != "" && m.status == defwatch.MeetingPlanned {
			r.planDate, r.planPara = m.date, st.para
		}
	}
}

func (r *mtReader) notAfterPublication(d string) bool {
	if r.published.IsZero() {
		return true
	}
	y, mo, da := r.published.Date()
	return d <= time.Date(y, mo, da, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// storyDay is the day an undated mention in paragraph para inherits: the
// story's day, if the same paragraph set it. A paragraph is where a
// writer keeps to one day; the next one may well go back in time.
func (r *mtReader) storyDay(para int) string {
	if r.storyDate == "" || para != r.storyPara {
		return ""
	}
	return r.storyDate
}

// add merges m into the meeting it reports again, or starts a new one,
// and returns that meeting (nil when m tells none).
func (r *mtReader) add(m mtMention) *mtMeeting {
	if !m.dated && m.tense != dtFuture && !m.anaphoric {
		m.date = r.storyDay(r.sents[m.sent].para)
	}
	if !m.dated && m.tense == dtFuture && !m.anaphoric && r.planDate != "" && r.sents[m.sent].para == r.planPara {
		// A meeting to come with no day of its own is on the day to come
		// its paragraph has just named.
		m.date = r.planDate
	}
	if mt := r.sameMeeting(m); mt != nil && !m.distinct {
		r.merge(mt, m)
		return mt
	}
	if m.pronoun {
		// "Prime Minister of Bulgaria Kiril Petkov paid a visit to Kyiv
		// today. We had very warm negotiations with him.": him is the one
		// the sentence before named with his state.
		prev := r.statesOf(m.sent - 1)
		if len(prev) != 1 || !r.singularPronoun(m) {
			return nil // "spoke with him" with no one told of before tells nothing
		}
		m.nations = mtUnion(m.nations, prev)
		m.counterparts, m.who, m.pronoun = prev, true, false
	}
	if m.anaphoric && !m.dated && m.tense != dtFuture {
		m.date = r.storyDay(r.sents[m.sent].para)
	}
	if len(m.nations) < 2 && r.s.mtTheTwo(r.sents[m.sent]) {
		// "the last call between the two politicians", "setzten die
		// beiden Minister ihre Beratungen fort": the two are the two
		// states the sentence before names with their people.
		if prev := mtUnion(m.nations, r.statesOf(m.sent-1)); len(prev) == 2 {
			m.nations = prev
		}
	}
	if len(r.meetings) >= mtMaxMeetings {
		return nil
	}
	mt := r.newMeeting(m)
	r.meetings = append(r.meetings, mt)
	return mt
}

// mtMaxMeetings bounds the meetings one text is read for: no article
// reports more, and each new mention is compared with every one kept.
const mtMaxMeetings = 300

// sameMeeting finds the meeting m reports again: the one with its name,
// the one "the meeting" refers back to, or one of the same kind on the
// same day that nothing tells apart.
func (r *mtReader) sameMeeting(m mtMention) *mtMeeting {
	if m.name != "" {
		for _, mt := range r.meetings {
			if mt.name == m.name && r.compatible(mt, m) {
				return mt
			}
		}
	}
	if m.anaphoric {
		var best *mtMeeting
		for _, mt := range r.meetings {
			if mt.first == m.sent {
				continue // a meeting does not refer back to one of its own sentence
			}
			if len(m.orgs) > 0 && len(mt.m.Orgs) == 0 && len(mt.counterparts) > 0 {
				// "the spring session of the World Bank" is the body's,
				// not the states' meeting told before it.
				continue
			}
			if !r.compatible(mt, m) || !kindsCompatible(mt, m) {
				continue
			}
			if best == nil || mt.last >= best.last {
				best = mt
			}
		}
		if best != nil && len(m.nations) > 0 && len(best.m.Participants) > 0 && !mtOverlap(best.m.Participants, m.nations) {
			// "the (Russian and Chinese) Presidents after the bilateral
			// meeting": when the latest meeting is of other states, the
			// latest one of the states it names.
			for _, mt := range slices.Backward(r.meetings) {
				if mt.first != m.sent && mtOverlap(mt.m.Participants, m.nations) && r.compatible(mt, m) && kindsCompatible(mt, m) {
					return mt
				}
			}
		}
		if best != nil {
			return best
		}
	}
	if m.date != "" {
		for _, mt := range r.meetings {
			if mt.first == m.sent {
				continue
			}
			if mt.m.Date == m.date && mt.m.Kind == m.kind && r.compatible(mt, m) {
				return mt
			}
		}
	}
	// A second meeting with the same people is the same one told again:
	// "I had a conversation with President of France …. We also spoke
	// separately with the President of France about …"; "held talks with
	// Prime Minister of Canada Justin Trudeau … reached in negotiations
	// with Mr. Trudeau".
	for _, mt := range r.meetings {
		if mt.first == m.sent || !r.compatible(mt, m) || !kindsCompatible(mt, m) {
			continue
		}
		if len(m.names) > 0 && mtOverlap(mt.names, m.names) {
			return mt
		}
		// The one met, told of again as the one who meets, with no one
		// else named: "talks with Chinese Foreign Minister Wang Yi … Wang
		// exchanged views during Saturday's talks".
		if len(m.names) == 0 && m.tense == mt.tense && mtOneToOne(m.kind) && mtOverlap(m.subjects, mtKeys(mt.names)) {
			return mt
		}
		if m.kind == "call" && len(m.counterparts) > 0 && slices.Equal(mt.counterparts, m.counterparts) && (len(m.names) == 0 || len(mt.names) == 0) {
			return mt
		}
	}
	// The same states (or some of them) meeting again a few sentences on,
	// in the same tense and with no day or place of their own to set it
	// apart, is the meeting told again: "held talks today with … Prime
	// Minister of Canada …. The Ukrainian and Canadian delegations held
	// bilateral talks."
	if len(m.nations) > 0 && !m.dated && m.location == "" {
		for _, mt := range slices.Backward(r.meetings) {
			if mt.first == m.sent || m.sent-mt.last > mtRetoldWithin || !r.compatible(mt, m) || !kindsCompatible(mt, m) {
				continue
			}
			if m.tense == mt.tense && mtSubset(m.nations, mtUnion(mt.m.Participants, []string{mt.speaker})) {
				return mt
			}
		}
	}
	// A lead that tells a meeting with no day and no place ("will meet
	// with the leaders of Ukraine and Turkey this week") and a sentence
	// soon after that gives the same states, in the same tense, a day or
	// a place ("will hold talks in Lviv with … on Thursday") tell one
	// meeting: the later sentence fills in what the lead left open.
	if len(m.nations) > 1 && (m.day || m.location != "") {
		for _, mt := range slices.Backward(r.meetings) {
			if mt.first == m.sent || m.sent-mt.last > mtBareWithin || mt.m.Date != "" || mt.m.Location != "" {
				continue
			}
			if m.tense == mt.tense && r.compatible(mt, m) && kindsCompatible(mt, m) && mtSameStates(m.nations, mt.m.Participants) {
				return mt
			}
		}
	}
	// A bare mention of a kind, with no one, no body, no name and no
	// place of its own, in the same tense, is the meeting of that kind
	// told of a few sentences before: "The presidents … spoke by phone.
	// … Wednesday's phone call was their second this year."
	if len(m.nations) == 0 && len(m.orgs) == 0 && len(m.names) == 0 && m.location == "" && m.name == "" {
		for _, mt := range slices.Backward(r.meetings) {
			if mt.first == m.sent || m.sent-mt.last > mtBareWithin || !r.compatible(mt, m) {
				continue
			}
			if (mt.m.Kind == m.kind || m.talks && mt.talks) && m.tense == mt.tense {
				return mt
			}
		}
	}
	return nil
}

// mtRetoldWithin is how many sentences on a meeting of the same states
// is still read as the one before told again.
const mtRetoldWithin = 5

// mtBareWithin is how many sentences on a bare mention of a kind ("the
// phone call", "Saturday's talks") is still read as the one before: it
// names no one who could tell it apart, so it may reach further.
const mtBareWithin = 10

// subjectKeys returns the surname stems of the people tokens [from, to)
// name whom the text ties to a state or whom the news knows by surname:
// the subjects of a meeting word that stands at to.
func (r *mtReader) subjectKeys(from, to int) []string {
	s := r.s
	var out []string
	for k := from; k < to; k++ {
		if !s.capitalAt(k) || k+1 < to && s.capitalAt(k+1) && s.toks[k+1].kind == s.toks[k].kind {
			continue // not a name, or not its last word
		}
		w := s.word(k)
		if leaderState(w, s.toks[k].kind == tOther) == "" && s.people().stateOf(s, k) == "" {
			continue
		}
		out = mtUnion(out, []string{personKey(w)})
	}
	return out
}

// mtOneToOne reports whether meetings of kind are had by one side with
// another, rather than attended by many.
func mtOneToOne(kind string) bool {
	return kind == "call" || kind == "talks" || kind == "meeting"
}

// mtKeys returns the surname stems of names.
func mtKeys(names []string) []string {
	out := make([]string, 0, len(names))
	for _, w := range names {
		out = append(out, personKey(w))
	}
	return out
}

// mtSameStates reports whether a and b hold the same states.
func mtSameStates(a, b []string) bool {
	return len(a) == len(b) && mtSubset(a, b) && mtSubset(b, a)
}

// mtSubset reports whether every one of a is in b.
func mtSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// compatible reports whether nothing tells mt and m apart: no two dates,
// places, bodies or counterparts.
func (r *mtReader) compatible(mt *mtMeeting, m mtMention) bool {
	if m.date != "" && mt.m.Date != "" && m.date != mt.m.Date {
		return false
	}
	if m.location != "" && mt.m.Location != "" && m.location != mt.m.Location {
		return false
	}
	if len(m.orgs) > 0 && len(mt.m.Orgs) > 0 && !mtOverlap(m.orgs, mt.m.Orgs) {
		return false
	}
	if len(m.counterparts) > 0 && len(mt.counterparts) > 0 && !mtOverlap(m.counterparts, mt.counterparts) {
		return false
	}
	if len(m.names) > 0 && len(mt.names) > 0 && !mtOverlap(m.names, mt.names) {
		return false
	}
	// A call with a state's leader and one with a body's ("condolences to
	// the President of Lithuania", "with the President of the European
	// Commission") are two calls, whatever day they share, unless they
	// name the same person.
	if m.kind == "call" && mt.m.Kind == "call" && !mtOverlap(m.names, mt.names) && mtStateOrBody(m.counterparts, m.orgs) != "" && mtStateOrBody(mt.counterparts, mt.m.Orgs) != "" &&
		mtStateOrBody(m.counterparts, m.orgs) != mtStateOrBody(mt.counterparts, mt.m.Orgs) {
		return false
	}
	// Two people who each meet on their own are two meetings, whatever
	// else they share: "a conversation between the heads of American and
	// Russian diplomacy is to take place on Saturday. … Macron is also to
	// talk to the President of the Russian Federation." A subject who
	// is the other's counterpart ("Xi told Biden at the meeting") is the
	// same meeting seen from the other side. At a summit or a
	// conference many meet, and each may be told as its subject.
	if mtOneToOne(m.kind) && mtOneToOne(mt.m.Kind) && m.who && mt.who &&
		len(m.subjects) > 0 && len(mt.subjects) > 0 && !mtOverlap(m.subjects, mt.subjects) &&
		!mtOverlap(m.subjects, mtKeys(mt.names)) && !mtOverlap(mt.subjects, mtKeys(m.names)) {
		return false
	}
	// So are two states' leaders each talking to the same third: "the US
	// president will speak with the Russian president by phone. The French
	// president is also to talk to the Russian president."
	if mtOneToOne(m.kind) && mtOneToOne(mt.m.Kind) && len(m.side) == 1 && len(mt.side) == 1 && m.side[0] != mt.side[0] &&
		!slices.Contains(mt.counterparts, m.side[0]) && !slices.Contains(m.counterparts, mt.side[0]) {
		return false
	}
	// One meeting to come and one that took place are two, unless they
	// share a day ("confirmed earlier Saturday he would attend the
	// conference").
	if (m.date == "" || mt.m.Date == "") && (m.tense == dtFuture && mt.tense == dtPast || m.tense == dtPast && mt.tense == dtFuture) {
		return false
	}
	if m.name != "" && mt.name != "" && m.name != mt.name {
		return false
	}
	return true
}

// mtStateOrBody tells whether a call was with a state's people alone
// ("state"), a body's alone ("body"), or either or neither ("").
func mtStateOrBody(counterparts, orgs []string) string {
	switch {
	case len(counterparts) > 0 && len(orgs) == 0:
		return "state"
	case len(counterparts) == 0 && len(orgs) > 0:
		return "body"
	}
	return ""
}

// kindsCompatible: a word with no kind of its own ("the meeting") refers
// to a meeting of any kind but a call, and "these talks" to a call too; a
// summit only to a summit.
func kindsCompatible(mt *mtMeeting, m mtMention) bool {
	if (m.kind == "call") != (mt.m.Kind == "call") {
		return m.kind == "talks" && !m.strong
	}
	if !m.strong || !mt.strong {
		return true
	}
	// "The foreign ministers held talks in Bali. Saturday's talks lasted
	// five hours": talks their holders made a ministerial are still the
	// talks told of again.
	return m.kind == mt.m.Kind || m.talks && mt.talks
}

func (r *mtReader) newMeeting(m mtMention) *mtMeeting {
	st := r.sents[m.sent]
	mt := &mtMeeting{
		m: defwatch.Meeting{
			Kind:         m.kind,
			Date:         m.date,
			Location:     m.location,
			Participants: slices.Clone(m.nations),
			Orgs:         slices.Clone(m.orgs),
			Text:         r.sentenceText(st),
		},
		strong:       m.strong,
		talks:        m.talks,
		side:         m.side,
		name:         m.name,
		counterparts: m.counterparts,
		names:        m.names,
		subjects:     m.subjects,
		who:          m.who,
		first:        m.sent,
		last:         m.sent,
		headline:     st.headline,
		tense:        m.tense,
		dated:        m.day,
		speaker:      m.speaker,
	}
	mt.m.Status, mt.statusSure = m.status, m.statusSure
	return mt
}

// merge adds what m tells to mt.
func (r *mtReader) merge(mt *mtMeeting, m mtMention) {
	if m.strong && !mt.strong {
		mt.m.Kind, mt.strong = m.kind, true
	} else if !mt.strong && mt.m.Kind == "meeting" && m.kind != "meeting" {
		mt.m.Kind = m.kind
	}
	if mt.m.Date == "" {
		mt.m.Date = m.date
	}
	if mt.m.Location == "" {
		mt.m.Location = m.location
	}
	if mt.name == "" {
		mt.name = m.name
	}
	if len(mt.counterparts) == 0 {
		mt.counterparts = m.counterparts
	}
	mt.names = mtUnion(mt.names, m.names)
	mt.subjects = mtUnion(mt.subjects, m.subjects)
	mt.who = mt.who || m.who
	// A sentence that speaks of the meeting ("informed Iran and Egypt
	// about the meeting", "sprach über das Treffen") names those it
	// tells, not those who met, once the meeting has its own.
	switch {
	case len(mt.m.Participants) < 2:
		mt.m.Participants = mtUnion(mt.m.Participants, m.nations)
	case m.topic:
	case m.anaphoric && m.name == "":
		// "the meeting had emphasised … holding Russia to account":
		// a meeting referred back to, whose parties are known, gains
		// only the people the sentence names as meeting, not every
		// state it speaks of.
		mt.m.Participants = mtUnion(mt.m.Participants, m.bound)
	default:
		mt.m.Participants = mtUnion(mt.m.Participants, m.nations)
	}
	mt.m.Orgs = mtUnion(mt.m.Orgs, m.orgs)
	if mt.headline && !r.sents[m.sent].headline {
		mt.m.Text, mt.headline = r.sentenceText(r.sents[m.sent]), false
	}
	mt.last = max(mt.last, m.sent)
	mt.dated = mt.dated || m.day
	if mt.speaker == "" && !m.topic {
		// "We exchanged details about this meeting": those who speak of
		// a meeting did not hold it.
		mt.speaker = m.speaker
	}
	// What became of a meeting outranks what was said of it before: a
	// plan that was then held, or called off.
	if m.statusSure && (!mt.statusSure || mtStatusRank[m.status] > mtStatusRank[mt.m.Status]) {
		mt.m.Status, mt.statusSure = m.status, true
	}
}

// mtPassiveAux stand before the participle of a passive: "was
// cancelled", "has been called off", "wurde abgesagt".
var mtPassiveAux = setOf(mtPassiveAuxIndex, []string{"was", "were", "been", "is", "are", "be", "got", "wurde", "wurden", "worden", "ist", "sind", "été"})

// mtCancelAt reports whether token k calls a meeting off: a word of
// cancelling ("cancelled", "abgesagt", "скасували"), "called off", or the
// German "sagte … ab". A postponement to a day named just after it
// ("postponed to next Friday") moves the meeting rather than calls it
// off: moved reports that.
func (s *scan) mtCancelAt(k, to int) (off, moved bool) {
	w := s.word(k)
	switch {
	case mtCancelWords.has(w), mtCancelPairs[strings.ToLower(w)] != "" && s.word(k+1) == mtCancelPairs[strings.ToLower(w)],
		s.toks[k].kind == tOther && stemFoldAny(w, mtCyrCancelStems):
		moved = s.mtMovedTo(k, to)
		return !moved, moved
	case w == "sagte" || w == "sagten" || w == "sagt":
		return s.mtParticleAhead(k, to, "ab"), false
	}
	return false, false
}

// mtMovedTo reports whether a postponement at token k names the day it
// moves to: "postponed to next Friday", "verschoben auf Montag".
func (s *scan) mtMovedTo(k, to int) bool {
	switch w := strings.ToLower(s.word(k)); {
	case w == "postponed" || w == "postpone" || w == "postpones" || w == "verschoben" || w == "verschieben" || w == "reporté" || w == "reportée":
	case s.toks[k].kind == tOther && stemFoldAny(w, mtCyrMovedStems):
		// "перенесли на п'ятницю", "перенесена на понедельник"
	default:
		return false
	}
	switch strings.ToLower(s.word(k + 1)) {
	case "to", "until", "till", "auf", "au", "на":
	default:
		return false
	}
	// A weekday is read at its own word and reaches back over "next".
	for j := k + 2; j < min(to, k+5); j++ {
		if e, ok := s.dtAt(j, to); ok && e.from <= k+3 {
			return true
		}
	}
	return false
}

// mtCyrMovedStems begin the Ukrainian and Russian verbs of moving a
// meeting to another day.
var mtCyrMovedStems = []string{"перенес", "перенос"}

// mtStatusClauseEnd reports whether token k ends the clause a meeting's
// status is read from: a clause break, a clause of another time ("after",
// "nachdem") or a relative clause on someone else ("which", "who").
func (s *scan) mtStatusClauseEnd(k int) bool {
	return mtClauseBreak(s, k) || mtTimeConjunctions.has(s.lw(k)) || s.lw(k) == "which" || mtRelativeWho.has(s.word(k))
}

// mtAppositiveEnds reports whether the comma at token k closes a phrase
// set off after a subject, its verb following: "The meeting between Putin
// and Trump, originally planned for Budapest, was called off".
func (s *scan) mtAppositiveEnds(k int) bool {
	return s.key(k) == "," && (mtPassiveAux.has(s.lw(k+1)) || s.lw(k+1) == "has" || s.lw(k+1) == "had")
}

// mtParticleAhead reports whether the separable particle p ends the
// clause of the German verb at token k: "sagte den Gipfel ab".
func (s *scan) mtParticleAhead(k, to int, p string) bool {
	for j := k + 1; j < min(to, k+12); j++ {
		if s.toks[j].kind == tPunct {
			return s.word(j-1) == p
		}
	}
	return false
}

// mtStatusRank orders what a text can say of one meeting, the later
// news first: called off, held, agreed, proposed.
var mtStatusRank = map[string]int{
	defwatch.MeetingProposed: 1, defwatch.MeetingPlanned: 2, defwatch.MeetingHeld: 3, defwatch.MeetingCancelled: 4,
}

// mtStatus reads what became of the meeting whose words are triggers in
// the sentence [from, to): called off or postponed (words of cancelling
// near it), put off to a day it names (to come), proposed by one side
// ("invited Putin to meet"), to come (the sentence's tense), or held.
func (s *scan) mtStatus(from, to int, triggers []mtTrigger, t dtTense) (string, bool) {
	cancelled, proposed, moved := false, false, false
	for _, tr := range triggers {
		for k := max(from, tr.at-8); k < min(to, tr.end+8); k++ {
			w := s.word(k)
			off, put := s.mtCancelAt(k, to)
			switch {
			case off:
				cancelled = true
			case put:
				moved = true
			case k < tr.at && (mtProposeWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, mtCyrProposeStems)):
				proposed = true
			}
		}
		// The verb of a long subject comes later: "the meeting between the
		// Russian and Ukrainian foreign ministers was postponed", "der
		// Gipfel zwischen … wurde abgesagt". Its clause is read on to its
		// end.
		for k := min(to, tr.end+8); k < min(to, tr.end+24) && !cancelled && (!s.mtStatusClauseEnd(k) || s.mtAppositiveEnds(k)); k++ {
			// Only the subject's own verb: "was postponed", "wurde
			// abgesagt", "скасували"; not a noun ("the former Soviet
			// block").
			if mtPassiveAux.has(s.lw(k-1)) || s.toks[k].kind == tOther {
				off, put := s.mtCancelAt(k, to)
				cancelled, moved = off, moved || put
			}
		}
	}
	switch {
	case cancelled:
		return defwatch.MeetingCancelled, true
	case moved:
		// "has been postponed until June": put off to a day still to
		// come, whatever the tense of the putting off.
		return defwatch.MeetingPlanned, true
	case proposed:
		return defwatch.MeetingProposed, true
	case t == dtFuture:
		return defwatch.MeetingPlanned, true
	case t != dtPast && s.mtSetOffFor(from, triggers) && !s.mtPastAnywhere(from, to):
		// "is heading to Warsaw for talks". In a sentence about the past
		// ("earlier this month before heading to Moscow to meet Putin")
		// the journey may well have ended since.
		return defwatch.MeetingPlanned, true
	case t != dtPast && s.mtOnTheEve(from, triggers) && !s.mtPastAnywhere(from, to):
		// "We continue to coordinate our positions on the eve of this
		// week's NATO and G7 summits": the meeting is still to come. In a
		// sentence about the past the eve is past too, and the meeting
		// may well have been held since.
		return defwatch.MeetingPlanned, true
	}
	// A sentence in the present ("the talks go on") tells of a meeting
	// held or under way.
	return defwatch.MeetingHeld, t == dtPast
}

// addHeadline merges a headline's or a subheading's meeting into the
// first meeting after it that it could be, since a heading sums up what
// follows; failing that, into one before it, and only then stands alone.
func (r *mtReader) addHeadline(m mtMention) {
	var fallback *mtMeeting
	for _, mt := range r.meetings {
		// A headline seldom says how its people talked: "Secretary
		// Discusses Iran With Israeli Defense Minister" is the phone call
		// the body reports with the same state.
		told := kindsCompatible(mt, m) || !m.strong && mt.m.Kind == "call" && mtOverlap(m.nations, mt.m.Participants)
		if !r.compatible(mt, m) || !told {
			continue
		}
		if mt.first > m.sent {
			fallback = mt
			break
		}
		if fallback == nil {
			fallback = mt
		}
	}
	if fallback != nil {
		body := fallback.m.Text
		r.merge(fallback, m)
		fallback.m.Text = body
		return
	}
	if len(r.meetings) >= mtMaxMeetings {
		return
	}
	mt := r.newMeeting(m)
	at := 0
	for at < len(r.meetings) && r.meetings[at].first < m.sent {
		at++
	}
	r.meetings = slices.Insert(r.meetings, at, mt)
}

// result returns the meetings worth reporting: those the text tells
// something about. "A prior summit" with no date, place, party or name is
// a turn of phrase, not a meeting anyone can look up.
func (r *mtReader) result() []defwatch.Meeting {
	var out []defwatch.Meeting
	for _, mt := range r.meetings {
		m := mt.m
		if !mt.dated && m.Location == "" && len(m.Participants) == 0 && len(m.Orgs) == 0 && mt.name == "" && !mt.who {
			continue
		}
		// A day after publication is to come, one before it is past,
		// whatever tense the sentence was read in.
		if d := r.dayOf(m.Date); !d.IsZero() && (m.Status == defwatch.MeetingHeld || m.Status == defwatch.MeetingPlanned) {
			switch pub := r.publishedDay(); {
			case d.After(pub):
				m.Status = defwatch.MeetingPlanned
			case d.Before(pub):
				m.Status = defwatch.MeetingHeld
			}
		}
		// The speaker takes part, but does not by itself make a passing
		// mention a meeting: every sentence of an address has one.
		if mt.speaker != "" {
			m.Participants = mtUnion(m.Participants, []string{mt.speaker})
		}
		if m.Participants == nil {
			m.Participants = []string{}
		}
		if m.Orgs == nil {
			m.Orgs = []string{}
		}
		slices.Sort(m.Participants)
		out = append(out, m)
	}
	return out
}

// dayOf parses a meeting's date, or returns the zero time.
func (r *mtReader) dayOf(date string) time.Time {
	if date == "" || r.published.IsZero() {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return time.Time{}
	}
	return d
}

// publishedDay is the publication's calendar day in its own zone, as a
// UTC midnight to compare meeting dates with.
func (r *mtReader) publishedDay() time.Time {
	y, m, d := r.published.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// sentenceText returns the text of a sentence, without its dateline.
func (r *mtReader) sentenceText(st mtSentence) string {
	s := r.s
	return s.text[s.toks[s.mtDatelineEnd(st)].start:s.toks[st.to-1].end]
}

func mtUnion(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func mtOverlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// mtSpokenOf reports whether the meeting word of tr is what its sentence
// speaks of, the object of "about" and the like: "informed them about
// the meeting", "über das Treffen in Wien", "про цю зустріч".
func (s *scan) mtSpokenOf(tr mtTrigger, from int) bool {
	k := tr.at - 1
	for n := 0; n < 3 && k >= from; n, k = n+1, k-1 {
		w := strings.ToLower(s.word(k))
		if mtTopicWords[w] && w != "on" || mtAboutWords.has(w) {
			return true
		}
		// Only determiners and modifiers of the meeting come between:
		// "about the recent meeting", "über das gestrige Treffen".
		if s.toks[k].kind == tPunct || s.toks[k].kind == tNum {
			return false
		}
	}
	return false
}

// mtAboutWords are the prepositions of a topic that mtTopicWords, read
// before whom a meeting is with, leaves out.
var mtAboutWords = setOf(mtAboutWordsIndex, []string{"о", "об", "sur", "concerning"})

// mtTheTwo reports whether sentence st speaks of its people as "the two"
// or "both": "the two leaders", "die beiden Politiker", "обидва
// президенти".
func (s *scan) mtTheTwo(st mtSentence) bool {
	for k := st.from; k+1 < st.to; k++ {
		if !mtTwoWords.has(strings.ToLower(s.word(k))) {
			continue
		}
		n := strings.ToLower(s.word(k + 1))
		if mtPeopleWords.has(s.word(k+1)) || mtTwoPeople.has(n) || s.toks[k+1].kind == tOther && stemFoldAny(n, mtCyrTwoPeople) {
			return true
		}
	}
	return false
}

var (
	// mtTwoWords speak of two people met before.
	mtTwoWords = setOf(mtTwoWordsIndex, []string{"two", "both", "beiden", "beide", "обидва", "обидві", "обоє", "оба", "обе"})
	// mtTwoPeople are the people "the two" are, beyond mtPeopleWords.
	mtTwoPeople = setOf(mtTwoPeopleIndex, []string{"men", "women", "politicians", "sides", "politiker", "minister", "präsidenten",
		"staatschefs", "regierungschefs", "außenminister", "seiten"})
	// mtCyrTwoPeople are their stems in Ukrainian and Russian.
	mtCyrTwoPeople = []string{"лідер", "президент", "міністр", "політик", "сторон", "лидер", "министр", "политик"}
)
