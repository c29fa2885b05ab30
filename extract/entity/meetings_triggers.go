package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// mtTrigger is a word that reports a meeting, with what its surroundings
// say about it.
type mtTrigger struct {
	at, end    int // tokens
	class      mtClass
	kind       string
	strong     bool
	definite   bool // "the summit", "this meeting": one told of before
	indefinite bool // "a meeting": a new one
	plural     bool // "meetings of the G7, NATO and the EU": one each
	object     int  // for calls and meetings with someone: where the people met start, or -1
	pronoun    bool // "spoke with him": the counterpart is one told of before
	name       string
}

// mtClassAt returns the meeting class of the word at token i.
func (s *scan) mtClassAt(i int) mtClass {
	t := s.toks[i]
	w := s.word(i)
	switch t.kind {
	case tWord:
		if c, ok := mtLatin().get(w); ok {
			return c
		}
		if s.mtMeetsWithAt(i) {
			return mtMeetVerb
		}
		if mtNamedWords.has(w) {
			return mtNamed
		}
		if (w == "sidelines" || w == "margins" || w == "Rande") && (s.word(i+1) == "of" || s.word(i+1) == "des" || s.word(i+1) == "der") {
			return mtSidelines
		}
		if len(w) > 8 && isUpper(w[0]) {
			for _, g := range mtGermanSuffixes {
				// The whole word may be the suffix, capitalised:
				// "Pressekonferenz".
				if strings.HasSuffix(w, g.suffix) || len(w) == len(g.suffix) && strings.EqualFold(w, g.suffix) {
					return g.class
				}
			}
		}
	case tOther:
		k, ok := lexStemIndex(w)
		if !ok {
			return mtNone
		}
		_, n := utf8.DecodeRuneInString(w)
		for _, c := range mtCyrIndex()[k] {
			if strings.HasPrefix(w[n:], c.rest) {
				return c.class
			}
		}
	}
	return mtNone
}

// mtCyrIndex files the Ukrainian and Russian stems under their first two
// runes, so that a word is compared with the few that could match, in
// the order mtCyrillic gives them.
var mtCyrIndex = sync.OnceValue(func() map[[2]rune][]mtCyrStem {
	m := map[[2]rune][]mtCyrStem{}
	for _, c := range mtCyrillic {
		k, ok := lexStemIndex(c.stem)
		if !ok {
			panic("entity: meeting stem too short: " + c.stem)
		}
		_, n := utf8.DecodeRuneInString(c.stem)
		m[k] = append(m[k], mtCyrStem{rest: c.stem[n:], class: c.class})
	}
	return m
})

// mtCyrStem is a stem less its first rune.
type mtCyrStem struct {
	rest  string
	class mtClass
}

// mtTriggers returns the meeting words of the sentence in tokens
// [from, to) that pass their checks.
func (s *scan) mtTriggers(from, to int, orgs []lexHit) []mtTrigger {
	var out []mtTrigger
	for i := from; i < to; i++ {
		c := s.mtClassAt(i)
		if c == mtNone {
			continue
		}
		tr := mtTrigger{at: i, end: i + 1, class: c, kind: mtKindOf[c], strong: mtStrong(c), object: -1}
		if !s.mtCheck(&tr, from, to, orgs) {
			continue
		}
		if s.mtNegated(i, from) || s.mtCounted(i, from) || s.mtAttempted(i, from) || s.mtWithNoOne(tr, to) || s.mtShouted(i) || s.mtTalksAbout(i) || s.mtOpenQuestion(tr, from, to) {
			continue
		}
		det, sequel := s.mtDeterminer(i, from)
		if mtNonSpecific.has(det) {
			continue
		}
		tr.definite = mtDefinite.has(det) && !sequel
		tr.indefinite = mtIndefinite.has(det)
		if tr.indefinite && s.mtPredicative(i, from) {
			// "it was a fruitful meeting": said of one told of before.
			tr.definite, tr.indefinite = true, false
		}
		if s.mtNotAnEvent(tr, from, to) {
			continue
		}
		out = append(out, tr)
		i = tr.end - 1
	}
	return out
}

// mtArrangedTo before "to" make what follows arranged: "are due to
// negotiate", "agreed to negotiate".
var mtArrangedTo = setOf(mtArrangedToIndex, []string{
	"scheduled", "due", "set", "expected", "are", "is", "agreed", "plan", "plans", "planning", "slated",
})

// mtHabitual are the words of mtNonSpecific that say how often a body
// meets; after "a" they name one of its sittings.
var mtHabitual = setOf(mtHabitualIndex, []string{"regular", "routine", "weekly", "monthly", "daily"})

// mtCheck applies the class's checks to tr, and fills in what they find.
func (s *scan) mtCheck(tr *mtTrigger, from, to int, orgs []lexHit) bool {
	i := tr.at
	w := s.word(i)
	lw := strings.ToLower(w)
	prev := s.word(i - 1)
	if i-1 < from {
		prev = ""
	}
	if mtNotMeetingBefore.has(prev) {
		return false
	}
	switch tr.class {
	case mtSpeak, mtMeetVerb, mtConverse, mtPhone, mtDiscuss, mtTalks:
		if s.mtMediaSubject(from, i) {
			return false // "Reuters spoke with five officials"
		}
		if s.mtWithMedia(i, to) {
			return false // "spoke with representatives of the Ukrainian media"
		}
	}
	// "press-conference"
	if p := strings.ToLower(s.word(i - 2)); s.key(i-1) == "-" && s.glued(i) && i-2 >= from && (p == "press" || p == "news" || p == "прес" || p == "пресс") {
		return false
	}
	next := s.mtWordAfter(i, to)
	switch tr.class {
	case mtSummit, mtMinister:
		if tr.class == mtMinister && (next == "post" || next == "posts" || next == "portfolio" || next == "level" && lw == "ministerial" && s.word(i-1) != "at") {
			return false
		}
		if next == "press" || next == "news" {
			return false // "a pre-ministerial press conference", "the summit news conference"
		}
		tr.plural = strings.HasSuffix(lw, "s") && lw != "gipfels" || s.toks[i].kind == tOther && mtCyrPluralNoun(lw)
	case mtConf:
		if s.mtAbstractAfter(i, to) {
			return false // "a conference room"
		}
		if next == "call" || next == "calls" {
			if s.mtBriefingIn(from, to) {
				return false // "told reporters on a conference call"
			}
			tr.kind, tr.end = "call", i+2
		} else if s.mtBareConference(i, from, to, orgs) {
			return false
		}
	case mtMeetNoun:
		if s.mtAbstractAfter(i, to) || s.mtWithThePublic(i, to) && !s.mtStaffSession(i, to) {
			return false
		}
		if j := s.mtSkipDeterminers(i+2, to); next == "of" && j < to && s.mtParliamentIn(j, j+1) && s.word(j+1) != "of" && !s.mtInterParliament(i+1, min(to, i+6)) {
			// "an address to a joint meeting of Congress": a parliament
			// sitting; "the Congress of Local and Regional Authorities"
			// is a body of its own.
			return false
		}
		tr.plural = lw == "meetings" || s.toks[i].kind == tOther && mtCyrPluralNoun(lw)
		s.mtObject(tr, to)
	case mtTalks:
		// "he talks about", "Biden talks to": the verb; "held talks
		// about …" is the noun.
		if lw == "talks" && (next == "about" || next == "to" || next == "up") && !mtHoldVerbs[strings.ToLower(s.word(i-1))] {
			return false
		}
		if s.mtTalksAsAim(i, from) || s.mtWithBusiness(i, to) {
			return false // "перемовини з … виробниками": a purchase
		}
		s.mtObject(tr, to)
		if lw == "discussions" && tr.object < 0 {
			return false // "discussions on the budget": only those with someone
		}
	case mtGather:
		if next == "intelligence" || next == "information" || next == "evidence" || next == "data" ||
			next == "momentum" || next == "pace" || next == "strength" || next == "dust" || next == "storm" {
			return false
		}
		if lw == "gathering" || lw == "gatherings" {
			if !s.mtHasGatherers(from, to) && !mtDefinite.has(s.word(i-1)) && !mtDefinite.has(s.word(i-2)) {
				return false
			}
		} else if !s.mtPeopleGather(i, from) && !s.mtConvenesBody(i, to, orgs) {
			return false
		}
	case mtMeetVerb:
		if !s.mtMetSomeone(tr, from, to) || (s.word(i) == "met" || s.word(i) == "meet" || s.word(i) == "meets") && tr.object > i && s.capitalAt(tr.object) && s.mtPrivateMeeting(from, to, orgs) {
			return false
		}
	case mtCallNoun:
		if !s.mtPhoneCall(tr, from, to) {
			return false
		}
		if kind, ok := s.mtVirtualGathering(*tr, from, to, orgs); ok {
			tr.kind = kind // "a video call with the leaders of Poland, France and Germany"
		}
	case mtConverse:
		phone := s.mtPhoneNear(i, from, to)
		s.mtObject(tr, to)
		if tr.object >= 0 && !s.mtSomeoneAt(tr, to) {
			return false
		}
		if !phone && tr.object < 0 {
			return false
		}
	case mtSpeak:
		if !s.mtSpokeWith(tr, from, to) {
			return false
		}
	case mtInform:
		// "informed the President of Egypt", "informierte auch die
		// Außenminister des Irans": someone in office, or one told of.
		ok := false
		for k := i + 1; k < min(to, i+5) && !ok; k++ {
			switch {
			case s.mtPronoun(k):
				tr.object, tr.pronoun, ok = k, true, true
			case mtTitleWords.has(s.word(k)) && !mtHonorifics.has(s.word(k)) && !mtGenericPlural.has(s.word(k)) || s.mtCyrTitle(k):
				tr.object, ok = s.mtSkipDeterminers(i+1, to), true
			case s.toks[k].kind == tPunct:
				return false
			}
		}
		if !ok {
			return false
		}
	case mtPhone:
		s.mtObject(tr, to)
		if kind, ok := s.mtVirtualGathering(*tr, from, to, orgs); ok {
			tr.kind = kind
		} else if lw == "teleconference" && tr.object < 0 {
			return false
		}
	case mtHost:
		if lw == "empfangen" {
			// The German participle or infinitive ends its clause, the
			// guest before it: "hat am Freitag den ukrainischen
			// Präsidenten in Berlin empfangen".
			return s.mtGermanGuestBefore(tr, from)
		}
		n := 4
		if s.word(i+3) == "of" && mtGroupNouns.has(s.word(i+2)) {
			n = 7 // "to host a group of African leaders"
		}
		// "a reçu mardi à l'Élysée le président ukrainien": the day and
		// the place before the guest.
		g := s.mtSkipWhenWhere(i+1, to) - 1
		if (s.word(g+1) == "par" || s.word(g+1) == "by") && mtPassiveAux.has(s.lw(i-1)) || s.word(g+1) == "par" && s.lw(i-1) == "sera" {
			// "sera reçu lundi à l'Élysée par Emmanuel Macron", "was
			// received by the Polish president": the host after "par" or
			// "by", the guest the subject.
			aux := i - 1
			if s.lw(aux-1) == "a" || s.lw(aux-1) == "has" || s.lw(aux-1) == "have" || s.lw(aux-1) == "had" {
				aux-- // "a été reçu", "has been received"
			}
			// The guest is the clause's subject: not "the Games, which are
			// hosted by China".
			c := s.mtClauseStart(from, aux)
			guest := c < aux && (s.mtHasPeople(c, aux) || s.mtStatesBefore(c, aux) > 0)
			if j := s.mtSkipDeterminers(g+2, to); guest && j < to && (s.mtPersonWord(j) || s.mtPeopleAfter(g+1, to, 4)) {
				tr.object = j
				return true
			}
		}
		guest := s.mtGuestAfter(g, to)
		if !guest {
			if j := s.mtNamedGuest(i, to); j >= 0 {
				guest, tr.object = true, j
			}
		}
		receive := lw == "received" || lw == "receives"
		if !guest && (receive || !s.mtPeopleAfter(i, to, n)) {
			return false // "received a letter from President Biden" is no guest
		}
		if receive && s.mtThingAfterOffice(i+1, to) {
			return false // "received the Secretary of Defense trophy"
		}
		if lw == "welcomed" || lw == "welcomes" {
			// "welcomed President Duda", not "welcomed the Secretary's
			// proposal".
			j := s.mtSkipDeterminers(i+1, to)
			if !s.mtPersonWord(j) || s.mtPossessiveAfter(j, to) {
				return false
			}
		}
	case mtSummon:
		// "Moscow summoned the British ambassador".
		ok := false
		for k := i + 1; k < min(to, i+6) && !ok; k++ {
			w := strings.ToLower(s.word(k))
			ok = w == "ambassador" || w == "envoy" || w == "chargé" || w == "botschafter" || s.toks[k].kind == tOther && (lexHasStem(w, "посл") || lexHasStem(w, "посол"))
		}
		if !ok {
			return false
		}
		tr.object = s.mtSkipDeterminers(i+1, to)
	case mtDiscuss:
		// "discussed European security with the Polish prime minister",
		// "обговорили з Президентом": a meeting with someone.
		j := s.mtWithAfterWithin(i, to, 12)
		if j < 0 && s.toks[i].kind == tWord && !mtPassiveAux.has(s.lw(i-1)) && s.mtPairSubject(from, i, to) && s.mtStatesBefore(from, i) > 1 {
			// "Zelensky and Duda discussed arms supplies": the two with
			// each other; not "a summit of France and Russia was
			// discussed".
			break
		}
		if j < 0 || mtWithTopics.has(strings.ToLower(s.word(j-2))) {
			return false // "discussed the negotiation process with Russia"
		}
		tr.object = j
	}
	if tr.class == mtDiscuss && (strings.HasPrefix(lw, "negotiat") || strings.HasPrefix(lw, "verhandel")) {
		if lw == "negotiate" && prev == "to" && !mtArrangedTo.has(s.lw(i-2)) {
			// "tried to negotiate with Russia", "a way to negotiate":
			// an aim, not talks held or arranged ("are due to
			// negotiate").
			return false
		}
		if s.mtWithBusiness(i, to) {
			return false // "negotiating with American partners and Ukrainian producers": a purchase
		}
		// "are negotiating with Poland over grain": talks between
		// the sides, however high their rank.
		tr.kind = "talks"
	}
	switch tr.class {
	case mtCalled:
		if !s.mtCalledSomeone(tr, to) {
			return false
		}
	case mtGreet:
		if !s.mtGreetedOffice(tr, from, to) {
			return false
		}
	case mtVisit:
		if next != "with" {
			// "will visit Poland on Tuesday to discuss European
			// security": a visit to a state to confer with it.
			if codes, e := s.nationAt(i + 1); e <= i+1 || len(codes) != 1 || !s.mtToDiscuss(e, to) || !s.mtLeaderBefore(from, i) {
				return false
			}
			tr.object = i + 1
			break
		}
		k := s.mtSkipDeterminers(i+2, to)
		if k >= to || !s.mtPersonWord(k) && !s.mtPeopleAfter(i+1, to, 4) {
			return false
		}
	case mtSession:
		if !s.mtBodyMeets(from, to, orgs) {
			return false
		}
		if s.mtInterParliament(from, to) {
			tr.kind = "conference" // an assembly, by the guideline
		}
		s.mtObject(tr, to)
	case mtPeak:
		if !s.mtPeakIsSummit(i, from, to, orgs) {
			return false
		}
	case mtNamed:
		name := s.mtNameBefore(i, from)
		if name == "" {
			name = s.mtCompoundBefore(i, from)
		}
		if name == "" {
			return false
		}
		if s.mtBodyActs(i, from) {
			return false
		}
		tr.name = name
	case mtSidelines:
		// "on the sidelines of the UN General Assembly": the assembly is
		// the meeting. A summit named after it is found as a summit.
		k := s.mtSkipDeterminers(i+2, to)
		for _, h := range orgs {
			if h.from == k {
				if c := s.mtClassAt(min(h.to, to-1)); c != mtNone && h.to < to {
					return false
				}
				tr.name = h.e.name
				switch h.e.name {
				case "UN General Assembly", "UN", "UN Security Council":
				default:
					tr.kind = "summit"
				}
				return true
			}
		}
		return false
	}
	if tr.class == mtSummit || tr.class == mtConf || tr.class == mtMinister || tr.class == mtPeak || tr.class == mtMeetNoun {
		if n := s.mtNameBefore(i, from); n != "" {
			tr.name = n
		} else if n := s.mtCompoundBefore(i, from); n != "" {
			tr.name = n
		}
	}
	return true
}

// mtCyrPluralNoun reports whether a Ukrainian or Russian meeting noun may
// be plural ("зустрічі", "саміти"); it is read so only before several
// bodies.
func mtCyrPluralNoun(w string) bool {
	return strings.HasSuffix(w, "і") || strings.HasSuffix(w, "и")
}

// mtShouted reports whether the meeting word stands in an all-capital
// headline ("FBI TALKS CHINA'S THREAT"), where nouns and verbs look alike.
func (s *scan) mtShouted(i int) bool {
	return s.allCaps(i) && (s.allCaps(i-1) || s.allCaps(i+1))
}

// mtTalksAbout reports whether "talks" is the verb of one who talks
// about something, as its object directly after it shows: "FBI Talks
// China's Threat", "the director talks Russia's war". The noun is
// followed by with, on, between and the like, never by a possessive.
func (s *scan) mtTalksAbout(i int) bool {
	return s.lw(i) == "talks" && s.isWord(i+1) && s.possessiveAt(i+2)
}

// mtOpenQuestion reports whether a meeting is only asked about or spoken
// of in general: "whether negotiations take place", "asked if Zelensky
// talked to", "talks every day", "recalled its ambassador for
// consultations".
func (s *scan) mtOpenQuestion(tr mtTrigger, from, to int) bool {
	for k := tr.at - 1; k >= max(from, tr.at-3); k-- {
		switch s.word(k) {
		case "whether", "Whether", "if", "If", "ob", "чи", "ли":
			return true
		}
	}
	if w := s.word(tr.end); (w == "every" || w == "each") && tr.end < to && !s.mtDelegationsBefore(tr.at, from) {
		return true
	}
	// "has met Lukashenko on several occasions", "met many times"
	for k := tr.end; k < min(to, tr.end+5); k++ {
		switch s.word(k) {
		case "occasions", "times", "repeatedly", "regularly", "mehrfach", "mehrmals", "неодноразово", "регулярно":
			return true
		}
	}
	if tr.class == mtTalks && strings.EqualFold(s.word(tr.at), "consultations") {
		for k := from; k < to; k++ {
			if w := strings.ToLower(s.word(k)); w == "ambassador" || w == "envoy" || w == "botschafter" {
				return true
			}
		}
	}
	return false
}

// mtListAfterGeneric returns where the list starts that names the
// people spoken with after a plural that names no one ("many leaders -
// the United Kingdom, Turkey, France", "з друзями України – Президентом
// Туреччини"), or j when there is none.
func (s *scan) mtListAfterGeneric(j, to int) int {
	k := j
	for k < min(to, j+4) && s.toks[k].kind != tPunct {
		if mtGenericPlural.has(s.word(k)) || s.toks[k].kind == tOther && (lexHasStem(s.word(k), "друз") || lexHasStem(s.word(k), "партнер") || lexHasStem(s.word(k), "лідер") || lexHasStem(s.word(k), "колег")) {
			// the plural; its "of Ukraine" may follow
			k++
			for k < min(to, j+6) && s.toks[k].kind != tPunct {
				k++
			}
			switch s.key(k) {
			case "-", "–", "—", ":":
				n := s.mtSkipDeterminers(k+1, to)
				if codes, e := s.nationAt(n); e > n && len(codes) > 0 || s.mtPersonWord(n) {
					return k + 1
				}
			}
			return j
		}
		k++
	}
	return j
}

// mtDelegationsBefore reports whether delegations or their
// representatives are who talk: their talks, even "every day", are one
// negotiation going on.
func (s *scan) mtDelegationsBefore(at, from int) bool {
	for k := max(from, at-8); k < at; k++ {
		switch strings.ToLower(s.word(k)) {
		case "delegations", "delegation", "negotiators", "delegates":
			return true
		}
		if s.toks[k].kind == tOther && (lexHasStem(s.word(k), "делегац") || lexHasStem(s.word(k), "переговорник")) {
			return true
		}
	}
	return false
}

// mtCompoundBefore returns the name a hyphenated pair of capitalised
// words gives the meeting word at i: "the EU-African summit", "a
// US-China meeting". Such a meeting is itself, not one told of before.
func (s *scan) mtCompoundBefore(i, from int) string {
	k := i - 3
	if k < from || s.key(k+1) != "-" || !s.glued(k+1) || !s.glued(k+2) || !s.capitalised(k) || !s.capitalised(k+2) {
		return ""
	}
	return s.text[s.toks[k].start:s.toks[i].end]
}

// mtCounted reports whether a number counts the meeting word at i: "230
// phone calls", "294 video sessions" are a tally, not a meeting.
func (s *scan) mtCounted(i, from int) bool {
	k := i - 1
	if k >= from && s.mtCountWord(k) {
		return true // "almost a dozen meetings"
	}
	if k-1 >= from && s.toks[k].kind != tPunct && s.toks[k].kind != tNum && !mtPeopleWords.has(s.word(k)) && !s.capitalised(k) {
		k-- // "230 telephone calls"
	}
	if k >= from && s.mtCountWord(k) {
		return true // "dozens of calls", "десятки міжнародних переговорів"
	}
	if k >= from && s.word(k) == "of" && k-1 >= from && s.mtCountWord(k-1) {
		return true
	}
	if k < from || s.toks[k].kind != tNum || s.glued(k) && s.isWord(k-1) {
		return false // "G7 summit" is no count
	}
	w := s.word(k)
	return !(len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")))
}

// mtAttempted reports whether the meeting word at i is what attempts
// were made to bring about: "three attempts to convene consultations",
// "tried to arrange a meeting". An attempt tells no meeting held.
func (s *scan) mtAttempted(i, from int) bool {
	for k := i - 1; k >= from && k >= i-4; k-- {
		if s.word(k) == "to" && (mtAttemptWords.has(strings.ToLower(s.word(k-1))) || k-3 >= from && mtAttemptWords.has(strings.ToLower(s.word(k-3))) && s.word(k-1) == "times") {
			return true // "tried three times to convene consultations"
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtAnyWords right before a meeting word make it no meeting in
// particular.
var mtAnyWords = setOf(mtAnyWordsIndex, []string{
	"any", "любых", "любые", "любой", "jegliche", "irgendwelche", "irgendein", "irgendeinem",
})

// mtAttemptWords before "to" make what follows an aim not reached.
var mtAttemptWords = setOf(mtAttemptWordsIndex, []string{
	"attempt", "attempts", "attempted", "tried", "trying", "failed", "effort", "efforts",
})

// mtCountWord reports whether token k counts many of what follows
// without a figure: "dozens", "hundreds", "десятки", "Dutzende".
func (s *scan) mtCountWord(k int) bool {
	if s.capitalised(k) && !s.sentenceStart(k) {
		return false // "the Group of Seven summit" is a name
	}
	w := strings.ToLower(s.word(k))
	if mtCountWords.has(w) {
		return true
	}
	return s.toks[k].kind == tOther && stemFoldAny(w, mtCyrCountStems)
}

// mtCountWords count meetings by the many: a tally, not a meeting; "a
// series of meetings" over weeks is no one occasion either.
var mtCountWords = setOf(mtCountWordsIndex, []string{
	"dozens", "hundreds", "scores", "countless", "numerous", "series", "dutzende", "hunderte", "zahllose",
	"unzählige", "dozen", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
})

// mtCyrCountStems are mtCountWords in Ukrainian and Russian.
var mtCyrCountStems = []string{"десятк", "сотн", "сотен", "безліч", "множеств", "чисельн", "численн", "многочисленн"}

// mtWithNoOne reports whether the meeting word is followed by "with" and
// people who are no party to a meeting between states: "met with
// troops", "a conference with five hundred of our journalists".
func (s *scan) mtWithNoOne(tr mtTrigger, to int) bool {
	k := s.mtWithAfterAny(tr.end-1, to)
	if k < 0 || tr.class == mtMeetNoun && s.mtStaffSession(tr.at, to) {
		return false
	}
	none := false
	for j := k; j < min(to, k+6); j++ {
		w := s.word(j)
		if s.toks[j].kind == tPunct && w != "-" && w != "'" {
			break
		}
		if mtNotCounterparts.has(w) || s.mtCyrNotCounterpart(j) {
			none = true
			continue
		}
		if s.mtPersonWord(j) || mtPeopleWords.has(w) {
			return false // "with Airmen and senior leaders"
		}
	}
	return none
}

// mtWithAfterAny returns the token after a "with" that closely follows
// token i, or -1.
func (s *scan) mtWithAfterAny(i, to int) int {
	for k := i + 1; k < min(to, i+4); k++ {
		switch s.word(k) {
		case "with", "mit", "avec", "з", "із", "зі", "с", "со":
			return k + 1
		}
		if s.toks[k].kind == tPunct {
			return -1
		}
	}
	return -1
}

func (s *scan) mtCyrNotCounterpart(k int) bool {
	if s.toks[k].kind != tOther {
		return false
	}
	for _, st := range mtCyrNotCounterparts {
		if lexHasStem(s.word(k), st) {
			return true
		}
	}
	return false
}

// mtWithThePublic reports whether the meeting word at i is with people
// who meet for no state or body, within a few words after it: "a meeting
// with the inhabitants of Gdansk", "during a meeting with students",
// "зустріч з мешканцями", "Treffen mit Bürgern". A leader meets the
// public as a visit or a speech, not as a meeting between parties.
func (s *scan) mtWithThePublic(i, to int) bool {
	for k := i + 1; k < min(to, i+5); k++ {
		switch strings.ToLower(s.word(k)) {
		case "with", "mit", "avec", "з", "із", "зі", "с", "со":
			j := s.mtSkipDeterminers(k+1, to)
			for n := 0; n < 2 && j+1 < to && s.toks[j].kind != tPunct && !s.capitalAt(j) && !mtNotCounterparts.has(s.word(j)) && !s.mtCyrNotCounterpart(j); n++ {
				j++ // "with local residents", "з місцевими мешканцями"
			}
			if j >= to || s.word(j) == "members" {
				return false // "members of the Security Council" are a body's
			}
			return mtNotCounterparts.has(s.word(j)) || s.mtCyrNotCounterpart(j)
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtStaffSession reports whether the meeting noun at i is a working
// session held with the military ("нарада з військовими", "совещание с
// военными"): a leader's session with the command, not a visit to troops,
// which "зустріч з військовими" is.
func (s *scan) mtStaffSession(i, to int) bool {
	if s.toks[i].kind != tOther || !stemFoldAny(s.word(i), mtCyrSessionStems) {
		return false
	}
	switch strings.ToLower(s.word(i + 1)) {
	case "з", "із", "зі", "с", "со":
	default:
		return false
	}
	j := i + 2
	return j < to && s.toks[j].kind == tOther && stemFoldAny(s.word(j), mtCyrMilitaryStems)
}

// mtCyrSessionStems begin the Ukrainian and Russian nouns of a working
// session; mtCyrMilitaryStems those of the military as a body.
var (
	mtCyrSessionStems  = []string{"нарад", "совещан"}
	mtCyrMilitaryStems = []string{"військов", "военн"}
)

// mtObject notes who the meeting word at tr is with ("a meeting with
// Xi", "talks with them"), if anyone.
func (s *scan) mtObject(tr *mtTrigger, to int) {
	tr.object = s.mtWithAfter(tr.end-1, to)
	if tr.object >= 0 {
		tr.pronoun = s.mtPronoun(s.mtSkipDeterminers(tr.object, to))
	}
}

// mtPeopleGather reports whether those who gather or convene at the verb
// at i are people who meet for their states ("the defense ministers …
// are set to convene", "delegates from 50 nations gathering"), not troops
// or crowds ("troops gathered around Ukraine").
func (s *scan) mtPeopleGather(i, from int) bool {
	for k := i - 1; k >= max(from, i-3); k-- {
		w := s.word(k)
		if mtNotCounterparts.has(w) || w == "troops" || w == "crowds" || w == "people" {
			return false
		}
	}
	for k := i - 1; k >= from; k-- {
		w := s.word(k)
		if mtGatherers.has(w) || isUpper(w[0]) && (strings.HasSuffix(w, "minister") || strings.HasSuffix(w, "ministern")) {
			return true // any German ministers: "die EU-Innenminister beraten"
		}
	}
	// Ukrainian and Russian put the subject after the verb: "зберуться
	// міністри оборони", "собрались лидеры".
	for k := i + 1; k < len(s.toks) && k <= i+3 && s.toks[i].kind == tOther; k++ {
		if s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrGatherers) {
			return true
		}
	}
	return false
}

// mtCyrGatherers are the stems of Ukrainian and Russian people who gather
// to meet.
var mtCyrGatherers = []string{
	"міністр", "министр", "лідер", "лидер", "делегац", "представник", "представител", "очільник",
	"глави", "главы",
}

// mtWordAfter returns the next word after token i, lower-cased, or "".
func (s *scan) mtWordAfter(i, to int) string {
	if i+1 >= to || s.toks[i+1].kind == tPunct {
		return ""
	}
	return strings.ToLower(s.word(i + 1))
}

// mtAbstractAfter reports whether a meeting word is the verb of "meeting
// the needs" or "meeting its targets", or a noun's modifier ("meeting
// room").
func (s *scan) mtAbstractAfter(i, to int) bool {
	for k := i + 1; k < min(to, i+5); k++ {
		w := strings.ToLower(s.word(k))
		if s.mtAbstractAt(k) {
			return true
		}
		if s.toks[k].kind == tPunct && w != "%" && w != "'" && w != "-" {
			return false
		}
		switch w {
		case "with", "of", "in", "on", "at", "between", "for", "to", "mit", "з", "із":
			return false
		}
		if s.mtPersonWord(k) {
			return false
		}
	}
	return false
}

// mtGuestAfter reports whether the one hosted or welcomed at the verb at
// i is someone in office: the words after it, past determiners, states'
// adjectives and "and", are an office ("hosted his Russian and Ukrainian
// counterparts", "hosted the Lithuanian president"), not a thing or a
// possessor ("hosted President Duda's exhibition").
func (s *scan) mtGuestAfter(i, to int) bool {
	j := s.mtSkipDeterminers(i+1, to)
	for j < to {
		if codes, e := s.nationAt(j); e > j && len(codes) > 0 && e < to && s.toks[e].kind == tWord && !isUpper(s.word(e)[0]) || s.word(j) == "and" {
			if s.word(j) == "and" {
				j++
			} else {
				j = e
			}
			continue
		}
		if codes, e := s.nationAt(j); e > j && len(codes) > 0 && e < to && (mtTitleWords.has(s.word(e)) || mtPeopleWords.has(s.word(e))) {
			j = e // "the Lithuanian President"
			continue
		}
		break
	}
	// "the Ukrainian and Russian foreign ministers": an office's words
	// before its title.
	for n := 0; n < 3 && j < to && mtOfficeQualifiers.has(s.word(j)); n++ {
		j++
	}
	if j >= to || s.mtPossessiveAfter(j, to) {
		return false
	}
	w := s.word(j)
	return mtTitleWords.has(w) || mtPeopleWords.has(w) && w != "nations" && w != "countries" && w != "allies" && w != "partners"
}

// mtNamedGuest returns where the one hosted at the verb at i is named,
// by a name the text ties to a state or a leader's the news knows by
// surname ("Trump hosted Zelensky at Mar-a-Lago"), or -1: a thing of
// theirs ("hosted Zelensky's speech") is no guest.
func (s *scan) mtNamedGuest(i, to int) int {
	j := s.mtSkipDeterminers(i+1, to)
	for k := j; k < min(to, j+3) && s.toks[k].kind == tWord && s.capitalAt(k); k++ {
		if s.mtPossessiveAfter(k, to) {
			return -1
		}
		if s.people().stateOf(s, k) != "" || headSurnames.has(s.word(k)) {
			return j // "hosted Zelensky": a guest the news names alone
		}
	}
	return -1
}

// mtThingAfterOffice reports whether the office named from token k is
// only the name of a thing that comes after it: "the Secretary of
// Defense trophy", "the Chief of Staff award".
func (s *scan) mtThingAfterOffice(k, to int) bool {
	k = s.mtSkipDeterminers(k, to)
	for ; k < to; k++ {
		w := s.word(k)
		if s.capitalAt(k) || w == "of" || w == "the" || mtTitleWords.has(w) || personTitleWords.has(w) || mtOfficeQualifiers.has(w) {
			continue
		}
		if _, e := s.nationAt(k); e > k {
			k = e - 1
			continue
		}
		return s.toks[k].kind == tWord && !mtListEnds.has(w) && !mtListSeparators.has(w) && w != "from"
	}
	return false
}

// mtOfficeQualifiers stand before an office's title: "foreign
// ministers", "defence chiefs", "deputy prime minister".
var mtOfficeQualifiers = setOf(mtOfficeQualifiersIndex, []string{"foreign", "defence", "defense", "prime", "deputy", "vice", "interior", "finance", "top", "chief", "national", "security"})

// mtSkipDeterminers returns the first token from k that is no article or
// possessive.
func (s *scan) mtSkipDeterminers(k, to int) int {
	for k < to {
		switch strings.ToLower(s.word(k)) {
		case "the", "his", "her", "their", "its", "a", "an", "our", "my", "with", "der", "die", "den", "dem", "des", "mit", "avec", "з", "із", "зі", "с", "со",
			"seinen", "seine", "seinem", "ihren", "ihre", "ihrem", "einen", "einem", "eine",
			"le", "la", "les", "son", "sa", "ses", "leur", "leurs", "l":
			k++
			continue
		}
		break
	}
	return k
}

// mtWithAfterWithin returns the token after a "with" that comes within n
// words after token i, before any clause break, when someone comes after
// it; otherwise -1.
func (s *scan) mtWithAfterWithin(i, to, n int) int {
	for k := i + 1; k < min(to, i+n); k++ {
		switch s.word(k) {
		case "with", "mit", "avec", "з", "із", "зі", "с", "со":
			// "обговорив це з Президенткою Єврокомісії", "обсудили с
			// канцлером": the Cyrillic "with" takes its person in the
			// instrumental, which the checks below read as for "with".
			j := s.mtSkipDeterminers(k+1, to)
			// "discussed with him" tells again a meeting told before.
			if j < to && !s.mtPronoun(j) && (s.mtPersonWord(j) || s.mtPeopleAfter(k, to, 4)) && !s.mtCyrNotCounterpart(j) {
				return k + 1
			}
			return -1
		}
		if s.toks[k].kind == tPunct {
			return -1
		}
	}
	return -1
}

// mtWithAfter returns the token after "with" (or "mit", "з", "із", "с")
// that follows token i within a few words, when someone comes after it;
// otherwise -1.
func (s *scan) mtWithAfter(i, to int) int {
	reach := i + 4
	if i+1 < to && mtTopicWords[strings.ToLower(s.word(i+1))] {
		// "held talks about our European integration with …": the topic
		// comes between the word and whom it was with.
		reach = i + mtTopicReach
	}
	start := i + 1
	if j := s.mtSkipWhenWhere(start, to); j > start {
		// "зустрівся у вівторок у Вільнюсі з …": when and where come
		// between the word and whom it was with.
		start, reach = j, max(reach, j+3)
	}
	for k := start; k < min(to, reach); k++ {
		w := s.word(k)
		if mtOccurWords.has(w) && reach < i+8 {
			reach++ // "a conversation also took place with", "розмова відбулася з"
		}
		switch w {
		case "with", "mit", "avec", "з", "із", "зі", "с", "со", "between", "zwischen", "між", "между":
			j := s.mtSkipDeterminers(k+1, to)
			if j < to && (s.mtPersonWord(j) || s.mtPronoun(j) || s.mtPeopleAfter(k, to, 4)) && !mtNotCounterparts.has(s.word(j)) && !s.mtCyrNotCounterpart(j) {
				return k + 1
			}
			return -1
		}
		if s.toks[k].kind == tPunct {
			return -1
		}
	}
	return -1
}

// mtSkipWhenWhere returns the first token from k past the day and the
// place said right after a meeting word: "у вівторок у Вільнюсі", "mardi
// à Vilnius", "во вторник в Вильнюсе". It reads a few of each at most, so
// a long sentence costs no more than a short one.
func (s *scan) mtSkipWhenWhere(k, to int) int {
	for n := 0; n < mtWhenWhereReach && k < to; n++ {
		d := k
		if (mtPlacePrepositions.has(s.word(k)) || s.word(k) == "am") && k+1 < to {
			d = k + 1 // "у вівторок", "во вторник", "am Dienstag"
		}
		if e, ok := s.dtAt(d, to); ok && e.kind != dtClock {
			k = e.to
			continue
		}
		p := k + 1 // the place's first word
		if s.word(p) == "l" && (s.key(p+1) == "'" || s.key(p+1) == "’") {
			p += 2 // "à l'Élysée": its article elided
		}
		if mtPlacePrepositions.has(s.word(k)) && p < to && s.capitalAt(p) && !s.mtPersonTitle(p) {
			k = p + 1
			for k < to && s.capitalAt(k) && !s.mtPersonTitle(k) && n < mtWhenWhereReach {
				k, n = k+1, n+1
			}
			continue
		}
		break
	}
	return k
}

// mtWhenWhereReach bounds the days and places mtSkipWhenWhere reads.
const mtWhenWhereReach = 4

// mtPlacePrepositions put a place after a meeting verb in the languages
// whose meeting verbs take their object after it: "у Вільнюсі", "в
// Вильнюсе", "на Банковій", "à Vilnius", "au Caire", "in Paris".
var mtPlacePrepositions = setOf(mtPlacePrepositionsIndex, []string{"у", "в", "во", "на", "à", "au", "en", "in"})

// mtPersonTitle reports whether token k is an office, which starts whom
// the meeting was with, not where it was.
func (s *scan) mtPersonTitle(k int) bool {
	w := s.word(k)
	if mtTitleWords.has(w) || mtTitleWords.has(strings.ToLower(w)) || mtHonorifics.has(w) {
		return true
	}
	for _, t := range mtCyrTitles {
		if lexHasStem(strings.ToLower(w), t) {
			return true
		}
	}
	return false
}

// mtOccurWords say a meeting took place; whom it was with may follow
// them: "a conversation also took place with", "was held with".
var mtOccurWords = setOf(mtOccurWordsIndex, []string{"took", "place", "was", "were", "held", "has", "have", "had", "been", "taken",
	"відбулася", "відбулись", "відбулися", "відбувся", "состоялась", "состоялся", "состоялись"})

// mtHoldVerbs make the word after them a noun: "held talks about".
var mtHoldVerbs = map[string]bool{"held": true, "hold": true, "holds": true, "holding": true, "had": true, "have": true, "has": true}

// mtTopicWords open what a meeting is about, before whom it is with.
var mtTopicWords = map[string]bool{"about": true, "on": true, "regarding": true, "über": true, "щодо": true, "про": true}

// mtTopicReach bounds the words read past a topic for "with": a topic of
// a few words, not a clause.
const mtTopicReach = 9

// mtPersonWord reports whether token k names someone who could be met: an
// office, a state, or a capitalised name.
func (s *scan) mtPersonWord(k int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	w := s.word(k)
	if mtNotCounterparts.has(w) {
		return false
	}
	if mtTitleWords.has(w) || mtHonorifics.has(w) {
		return true
	}
	switch s.toks[k].kind {
	case tWord:
		if codes, end := s.nationAt(k); end > k && len(codes) > 0 {
			return true
		}
		return s.lexNameWord(k) && !s.toks[k].brk
	case tOther:
		for _, t := range mtCyrTitles {
			if lexHasStem(w, t) {
				return true
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
}

func (s *scan) mtPronoun(k int) bool {
	switch s.word(k) {
	case "him", "her", "them", "ihm", "ihr", "ihnen", "ним", "нею", "ними", "ней":
		return true
	}
	return false
}

// mtPeopleAfter reports whether someone who meets is named within n words
// after token i.
func (s *scan) mtPeopleAfter(i, to, n int) bool {
	for k := i + 1; k < min(to, i+1+n); k++ {
		if mtPeopleWords.has(s.word(k)) || mtTitleWords.has(s.word(k)) && s.word(k) != "head" {
			return true
		}
		if s.toks[k].kind == tOther && s.mtPersonWord(k) {
			return true
		}
	}
	return false
}

// mtHasGatherers reports whether the sentence names people whose
// gathering is a meeting.
func (s *scan) mtHasGatherers(from, to int) bool {
	for k := from; k < to; k++ {
		if mtGatherers.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtHasPeople reports whether the sentence names those who gather.
func (s *scan) mtHasPeople(from, to int) bool {
	for k := from; k < to; k++ {
		if mtPeopleWords.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtByAfter reports whether "by" follows the meeting word at token i in
// its clause: "was met at the airport by the foreign minister".
func (s *scan) mtByAfter(i, to int) bool {
	for k := i + 1; k < to && k < i+10 && !clauseEnds(s.key(k)); k++ {
		if s.lw(k) == "by" {
			return true
		}
	}
	return false
}

// mtRemoteMeans are what a meeting is held "by" from afar: "met by video
// link", "by phone".
var mtRemoteMeans = setOf(mtRemoteMeansIndex, []string{"video", "videolink", "videoconference", "teleconference", "phone", "telephone", "zoom"})

// mtMeetsWithAt reports whether token i is the word of a meeting that
// takes its other side after "with" alone: "conferred with", "huddled
// with", "dined with", the "down" of "sat down with", the meal of "had
// lunch with" or "a working dinner with".
func (s *scan) mtMeetsWithAt(i int) bool {
	if s.word(i+1) != "with" {
		return false
	}
	w := s.lw(i)
	switch {
	case mtWithVerbs.has(w):
		return true
	case w == "down":
		return mtSitWords.has(s.lw(i - 1))
	case mtMeals.has(w):
		return mtMealBefore.has(s.lw(i - 1))
	}
	return false
}

// mtWithVerbs meet someone "with" them; mtSitWords sit down with them;
// a meal is had with them.
var (
	mtWithVerbs  = setOf(mtWithVerbsIndex, []string{"conferred", "confer", "confers", "conferring", "huddled", "huddle", "huddles", "dined", "dine", "dines", "lunched"})
	mtSitWords   = setOf(mtSitWordsIndex, []string{"sat", "sit", "sits", "sitting"})
	mtMeals      = setOf(mtMealsIndex, []string{"lunch", "dinner", "breakfast", "supper"})
	mtMealBefore = setOf(mtMealBeforeIndex, []string{"had", "have", "has", "having", "working", "private", "official", "a"})
)

// mtMetSomeone checks "met": "met Xi", "met with his counterpart", "the
// leaders met in Brussels", but not "met with criticism" or "met the
// target".
func (s *scan) mtMetSomeone(tr *mtTrigger, from, to int) bool {
	i := tr.at
	if s.word(i) == "getroffen" {
		return s.mtGermanParticiple(tr, from)
	}
	if strings.HasPrefix(s.word(i), "zusammen") {
		return s.mtGermanTogether(tr, from, to)
	}
	if s.word(i) == "met" && mtPassiveAux.has(s.lw(i-1)) && !s.mtByAfter(i, to) {
		// "Ukraine's target of producing a million drones has been met":
		// met with no one by whom is a thing achieved.
		return false
	}
	k := i + 1
	if k >= to {
		return false
	}
	w := s.word(k)
	if s.mtFrenchReciprocal(i, from) {
		// "les deux ministres se sont rencontrés lundi": several who
		// meet one another, like "trafen sich".
		return s.mtHasPeople(from, to) || s.mtPairSubject(from, i, to)
	}
	if s.toks[i].kind == tOther {
		// "зустрівся з …", "зустрілися на …": someone to meet, or several
		// who meet; not "зустріч з мешканцями".
		if s.mtWithThePublic(i, to) {
			return false
		}
		if j := s.mtWithAfter(i, to); j >= 0 {
			tr.object = j
			return true
		}
		return s.mtHasPeople(from, to) || s.mtCyrPlural(i)
	}
	if j := s.mtSkipWhenWhere(k, to); j > k && j < to {
		switch s.word(j) {
		case "le", "la", "les", "l", "son", "sa", "ses", "leur", "leurs",
			"den", "die", "der", "dem", "seinen", "seine", "seinem", "ihren", "ihre", "ihrem":
			// "a rencontré mardi à Vilnius le président lituanien", "traf
			// gestern in Paris seinen deutschen Amtskollegen": the day and
			// the place before whom.
			k, w = j, s.word(j)
		}
	}
	switch w {
	case "with", "mit", "by":
		if w == "by" && mtRemoteMeans.has(s.lw(k+1)) {
			// "met by video link": those who met, not someone met.
			return s.mtBodyBefore(i, from) || s.mtHasPeople(from, to) || s.mtPersonBefore(i, from)
		}
		tr.object = k + 1
		j := s.mtSkipDeterminers(k+1, to)
		if j >= to || s.mtAbstractAt(j) {
			return false
		}
		if s.mtMeetsWithAt(i) {
			// A meal or a sit-down is a meeting with someone in office,
			// not with whoever a name stands for: "having lunch with
			// Sondland".
			codes, e := s.nationAt(j)
			return e > j && len(codes) > 0 || s.mtPeopleAfter(k, to, 4) || s.mtKnownPersonAt(j, to)
		}
		return s.mtPersonWord(j) || s.mtPronoun(j) || s.mtPeopleAfter(k, to, 4)
	case "sich":
		return !s.mtWithThePublic(k, to) // "traf sich mit Bürgern" is no meeting of states
	case "next", "this":
		// "agreed to meet next month", "will meet this week": a time,
		// then whom or no one; not "meet this target".
		if !troopTimeWords.has(s.word(k+1)) && !troopTimeWords.has(s.word(k+2)) {
			return false
		}
		if j := s.mtWithAfterWithin(k, to, 8); j >= 0 {
			tr.object = j
			return true
		}
		return s.mtHasPeople(from, to) || s.mtPersonBefore(i, from)
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "tomorrow", "soon", "also":
		// "will also meet Friday at the White House with the Kenyan
		// president": a day, then whom.
		if j := s.mtWithAfterWithin(k, to, 8); j >= 0 {
			tr.object = j
			return true
		}
		return s.mtHasPeople(from, to) || s.mtPersonBefore(i, from)
	case "in", "on", "at", "for", "last", "yesterday", "today", "behind", "privately", "separately", "again",
		"briefly", "face-to-face", "virtually", "twice", "earlier", "later", "here", "there", "informally",
		"regularly", "personally", "am", "im", "in der", "on Monday", ",", "late", "early", "overnight":
		if s.mtBodyBefore(i, from) {
			return true // "Israel's security cabinet met late on Saturday", "the European Council meets in Brussels"
		}
		if s.word(i) == "meets" || s.word(i) == "meet" && s.word(i-1) != "to" && s.word(i-1) != "will" && s.word(i-1) != "would" {
			// "meet in the middle" is no meeting; "Putin and Xi meet in
			// Beijing", a headline's present, is one between the two.
			if w == "in" && (s.word(k+1) == "the" && s.word(k+2) == "middle" || s.word(k+1) == "between") {
				return false
			}
			return s.mtHasPeople(from, to) || s.mtPairBefore(from, i)
		}
		return s.mtHasPeople(from, to) || s.mtPersonBefore(i, from)
	case "den", "die", "der", "dem", "seinen", "seine", "seinem", "ihren", "ihre", "ihrem":
		// German writes every noun with a capital: only an office, a
		// state or people are met ("traf den französischen
		// Präsidenten"), not "traf die Nachricht ein".
		if s.mtGermanParticle(i, to) {
			return false
		}
		j := s.mtSkipDeterminers(k, to)
		if codes, e := s.nationAt(j); e > j && len(codes) > 0 || s.mtPeopleAfter(k-1, to, 4) {
			tr.object = k
			return true
		}
		return false
	case "the", "his", "her", "their", "its", "le", "la", "les", "son", "sa", "ses", "leur", "leurs", "l":
		j := s.mtSkipDeterminers(k, to)
		if j >= to || s.mtAbstractAt(j) || s.toks[j].kind == tNum || s.mtAbstractAhead(j, to) {
			return false // "meets the Navy's requirements"
		}
		if s.mtPersonWord(j) || s.mtPeopleAfter(k, to, 4) {
			tr.object = k
			return true
		}
		return false
	}
	if s.mtAbstractAt(k) || s.toks[k].kind == tNum || s.mtAbstractAhead(k, to) {
		return false
	}
	if s.mtPersonWord(k) || s.mtPronoun(k) {
		tr.object = k
		tr.pronoun = s.mtPronoun(k)
		return true
	}
	return false
}

// mtMediaSubject reports whether the one who speaks or meets at token i is
// a news outlet or a reporter ("Reuters spoke with five Ukrainian
// officials", "journalists have also met the minister"): reporting, not a
// meeting between states.
func (s *scan) mtMediaSubject(from, i int) bool {
	k := i - 1
	for k >= from && mtPronounFillers.has(s.word(k)) {
		k--
	}
	return k >= from && mtReporters.has(s.word(k))
}

// mtBodyActs reports whether the named forum at i is a body that acts,
// not its gathering: "honoured by the World Economic Forum", "the World
// Economic Forum reports that", "the Kohelet Policy Forum said".
func (s *scan) mtBodyActs(i, from int) bool {
	start := i
	for start > from && s.capitalised(start-1) {
		start--
	}
	for start > from && mtDefinite.has(s.word(start-1)) {
		start--
	}
	if start > from && s.word(start-1) == "by" {
		return true
	}
	next := s.word(i + 1)
	return dtReportingVerbs.has(next) || mtBodyVerbs.has(next)
}

// mtBodyVerbs after a named forum make it a body that acts.
var mtBodyVerbs = setOf(mtBodyVerbsIndex, []string{
	"reports", "report", "estimates", "estimated", "found", "finds", "ranks", "ranked", "published",
	"publishes", "warns",
})

// mtWithBusiness reports whether those a negotiation at i is with,
// after "with", include firms: "negotiating with American partners and
// Ukrainian producers to provide modular buildings" is a purchase.
func (s *scan) mtWithBusiness(i, to int) bool {
	j := i + 1
	for j < to && j < i+4 && !mtWithWords.has(s.word(j)) {
		j++
	}
	if j >= to || !mtWithWords.has(s.word(j)) {
		return false
	}
	for k := j + 1; k < to && k < j+9; k++ {
		if s.toks[k].kind == tPunct || mtTopicPreps.has(s.word(k)) || s.word(k) == "about" {
			return false
		}
		if mtBusinessWords.has(strings.ToLower(s.word(k))) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrBusinessStems) {
			return true
		}
	}
	return false
}

// mtBusinessWords name firms one buys from or sells to.
var mtBusinessWords = setOf(mtBusinessWordsIndex, []string{
	"producers", "manufacturers", "companies", "company", "firms", "firm", "suppliers", "businesses",
	"contractors", "vendors", "investors", "creditors", "bondholders",
})

// mtCyrBusinessStems are mtBusinessWords in Ukrainian and Russian.
var mtCyrBusinessStems = []string{"виробник", "компані", "фірм", "постачальник", "производител", "компани", "поставщик"}

// mtWithMedia reports whether those a meeting word at i is with are the
// press, named a few words after "with": "spoke with representatives of
// the Ukrainian media". Talking to the press is no meeting.
func (s *scan) mtWithMedia(i, to int) bool {
	j := i + 1
	if s.word(j) != "with" && s.word(j+1) != "with" {
		return false
	}
	for k := j; k < to && k < j+7; k++ {
		if s.toks[k].kind == tPunct || mtTopicPreps.has(s.word(k)) || s.word(k) == "about" {
			return false // "spoke with the president about the press law"
		}
		if w := strings.ToLower(s.word(k)); mtMediaWords.has(w) && w != "tv" || mtReporters.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtReporters name news outlets and those who report for them.
var mtReporters = setOf(mtReportersIndex, []string{
	"Reuters", "AP", "AFP", "CNN", "BBC", "NBC", "CBS", "ABC", "Bloomberg", "Politico", "Axios", "Times",
	"Post", "Journal", "Guardian", "Telegraph", "Spiegel", "Bild", "Interfax", "TASS", "Ukrinform",
	"reporter", "reporters", "journalist", "journalists", "correspondent", "correspondents", "newspaper",
	"Reporter", "Reporters", "Journalists", "Journalisten", "journalistes",
})

// mtBriefingIn reports whether tokens [from, to) tell of a briefing to the
// press or to investors, which a conference call often is: "Pentagon
// officials told reporters on a conference call".
func (s *scan) mtBriefingIn(from, to int) bool {
	for k := from; k < to; k++ {
		if mtBriefed.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtBriefed are those a briefing is given to.
var mtBriefed = setOf(mtBriefedIndex, []string{
	"reporters", "journalists", "investors", "analysts", "shareholders", "Reporters", "Journalists",
})

// mtAbstractAt reports whether token k is a thing one meets that is no
// one: "the needs", "its targets", "the 10,000 mark". A capitalised word
// that another one follows is the first of a name instead: "met with Mark
// Carney".
func (s *scan) mtAbstractAt(k int) bool {
	if !mtAbstract.has(strings.ToLower(s.word(k))) {
		return false
	}
	return !s.capitalAt(k) || !s.capitalAt(k+1) || s.toks[k+1].kind != s.toks[k].kind
}

// mtAbstractAhead reports whether what a meeting verb takes, from token k,
// is a thing rather than someone, named a few words on: "meet Defense
// Department funding targets", "meets the Navy's requirements".
func (s *scan) mtAbstractAhead(k, to int) bool {
	for j, words := k+1, 0; j < to && words < mtAbstractReach; j++ {
		if s.possessiveAt(j) {
			continue
		}
		words++
		if s.toks[j].kind != tWord {
			break
		}
		if s.mtAbstractAt(j) {
			return true
		}
		if s.word(j) == "with" || s.word(j) == "in" || s.word(j) == "on" || s.word(j) == "at" {
			break
		}
	}
	return false
}

// mtAbstractReach bounds the words mtAbstractAhead reads.
const mtAbstractReach = 5

// mtFrenchReciprocal reports whether the French verb at i is reflexive,
// which a meeting verb is when those who meet meet one another: "se
// rencontreront", "se sont rencontrés", "s'étaient entretenus".
func (s *scan) mtFrenchReciprocal(i, from int) bool {
	k := i - 1
	if k >= from && mtFrenchAuxiliaries.has(s.lw(k)) {
		k--
	}
	if k < from {
		return false
	}
	if s.lw(k) == "se" {
		return true
	}
	// "s'étaient": the pronoun elided before the auxiliary.
	return k-1 >= from && dtApostrophe(s.key(k)) && s.lw(k-1) == "s"
}

// mtFrenchAuxiliaries stand between a French reflexive pronoun and the
// participle of its verb.
var mtFrenchAuxiliaries = setOf(mtFrenchAuxiliariesIndex, []string{"sont", "est", "seront", "sera", "étaient", "était", "soient", "sont-ils"})

// mtPrivateMeeting reports whether people met in private life: the
// sentence names no state, no office, no organisation and no leader,
// only people by name ("until he met Kevin Sterling while stationed at
// Hickam"). Those who meet for a state or a body are named by it.
func (s *scan) mtPrivateMeeting(from, to int, orgs []lexHit) bool {
	if len(orgs) > 0 {
		return false
	}
	for k := from; k < to; k++ {
		if s.toks[k].kind == tOther {
			return false // read in English only
		}
		if s.mtOfficialWord(k) {
			return false
		}
	}
	return true
}

// mtOfficialWord reports whether token k says that someone acts for a
// state or a body: an office, a word for officials, an honorific, a
// leader known by surname, or a state.
func (s *scan) mtOfficialWord(k int) bool {
	w := s.word(k)
	if mtTitleWords.has(w) || mtTitleWords.has(strings.ToLower(w)) || personTitleWords.has(w) || mtPeopleWords.has(w) || mtHonorifics.has(w) {
		return true
	}
	if leaderState(w, s.toks[k].kind == tOther) != "" || mtBodyLeaders.has(w) {
		return true
	}
	if s.toks[k].kind == tOther && (s.mtCyrTitle(k) || lowerHasPrefix(w, mtCyrHonorificStems) || lowerHasPrefix(w, mtCyrBodyLeaderStems)) {
		return true
	}
	codes, e := s.nationAt(k)
	return e > k && len(codes) > 0
}

// mtPossessiveAfter reports whether the name that starts at token j is
// a possessor: "the Secretary-General's proposal".
func (s *scan) mtPossessiveAfter(j, to int) bool {
	for k := j; k < min(to, j+5); k++ {
		if s.key(k) == "'" || s.key(k) == "’" {
			return s.word(k+1) == "s"
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtWithTopics before "with" make what follows part of the topic, not
// the one spoken with: "the negotiation process with Russia", "relations
// with China".
var mtWithTopics = setOf(mtWithTopicsIndex, []string{
	"process", "negotiations", "talks", "relations", "cooperation", "partnership", "agreement",
	"agreements", "war", "conflict", "border", "ties", "dialogue", "contacts", "exchange",
	"trade", "deal", "situation", "integration", "confrontation", "tensions",
})

// mtCalledSomeone checks "called" and "heard from": "called German
// Chancellor Olaf Scholz", "heard today from Austrian Chancellor Karl
// Nehammer", but not "called for calm", "called on Russia", "called
// Putin a war criminal" or "called it".
func (s *scan) mtCalledSomeone(tr *mtTrigger, to int) bool {
	i := tr.at
	switch strings.ToLower(s.word(i - 1)) {
	case "be", "is", "was", "are", "were", "been", "being", "so", "-":
		return false // "will be called the White Hall", "so-called"
	}
	k := i + 1
	if s.word(i) == "heard" {
		for k < min(to, i+4) && s.word(k) != "from" && (strings.HasSuffix(s.word(k), "ly") || mtBetweenSpeakAndWith.has(s.word(k))) && !mtIndefinite.has(s.word(k)) && s.word(k) != "the" {
			k++
		}
		if s.word(k) != "from" {
			return false
		}
		k++
	}
	j := s.mtSkipDeterminers(k, to)
	if j >= to {
		return false
	}
	if !(mtTitleWords.has(s.word(j)) && !mtGenericPlural.has(s.word(j))) {
		// A state's office: "called German Chancellor", not "called the
		// Iranian attack unprecedented".
		_, e := s.nationAt(j)
		if e == j || !mtTitleWords.has(s.word(e)) || mtGenericPlural.has(s.word(e)) {
			return false
		}
	}
	// "called X a ...": a name for someone, not a call.
	for e := j + 1; e < min(to, j+8); e++ {
		w := s.word(e)
		if w == "a" || w == "an" || w == "\"" || w == "“" {
			return false
		}
		if s.toks[e].kind == tPunct {
			break
		}
	}
	tr.object = k
	return true
}

// mtCyrPlural reports whether a Ukrainian or Russian verb is plural: those
// who met are more than one ("зустрілися", "встретились").
func (s *scan) mtCyrPlural(i int) bool {
	w := s.word(i)
	// Past plurals ("зустрілися", "встретились") and future ones
	// ("зустрінуться", "зустрічатимуться", "встретятся", "соберутся").
	for _, suf := range []string{"лися", "лись", "нуться", "тимуться", "ятся", "утся", "ются"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mtPersonBefore reports whether someone is named just before a verb.
func (s *scan) mtPersonBefore(i, from int) bool {
	for k := i - 1; k >= max(from, i-4); k-- {
		if s.mtPersonWord(k) || mtPeopleWords.has(s.word(k)) || s.word(k) == "they" || s.word(k) == "They" || s.word(k) == "two" {
			return true
		}
	}
	return false
}

// mtStatesBefore counts the states the clause before token at names, by
// their names, adjectives or people the text ties to them.
func (s *scan) mtStatesBefore(from, at int) int {
	var seen []string
	for k := s.mtClauseStart(from, at); k < at; k++ {
		c := ""
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 {
			c, k = codes[0], e-1
		} else if s.capitalAt(k) {
			c = s.people().stateOf(s, k)
		}
		if c != "" && !slices.Contains(seen, c) {
			seen = append(seen, c)
		}
	}
	return len(seen)
}

// mtBodyBefore reports whether the subject right before the meeting verb
// at i is a government's cabinet or a council: "the security cabinet
// met", "the European Council will meet". A council in lower case may be
// a town's.
func (s *scan) mtBodyBefore(i, from int) bool {
	for k := i - 1; k >= max(from, i-3); k-- {
		w := s.word(k)
		if mtGovernmentWords.has(w) || w == "Council" {
			return true
		}
		if s.toks[k].kind != tWord || s.capitalAt(k) {
			return false
		}
	}
	return false
}

// mtPhoneCall checks "call": "a phone call", "a call with", "held a call",
// but not "a call for calm" or "call on Russia".
func (s *scan) mtPhoneCall(tr *mtTrigger, from, to int) bool {
	i := tr.at
	prev := strings.ToLower(s.word(i - 1))
	if i-1 < from {
		prev = ""
	}
	s.mtObject(tr, to)
	if tr.object < 0 && s.mtPressCall(from, to) {
		return false // "the official told reporters during a phone call"
	}
	switch prev {
	case "phone", "telephone", "video", "conference", "zoom":
		tr.at = i - 1
		return true
	}
	if s.key(i-1) == "-" && (s.lw(i-2) == "phone" || s.lw(i-2) == "long") {
		return true
	}
	if s.mtWordAfter(i, to) == "to" && s.mtMadeCall(i, from) {
		// "made an urgent call to the IAEA Director General": a call
		// placed to someone in office, not "a call to arms".
		k := i + 1
		for k < to && s.word(k) != "to" {
			k++
		}
		j := s.mtSkipDeterminers(k+1, to)
		if j < to && (mtTitleWords.has(s.word(j)) || s.mtPeopleAfter(k, to, 4)) {
			tr.object = k + 1
			return true
		}
		return false
	}
	if s.mtWordAfter(i, to) == "from" && mtIndefinite.has(prev) {
		// "received a call from the US president": a call taken from
		// someone, not "a call from the opposition for calm".
		switch strings.ToLower(s.word(i - 2)) {
		case "received", "receives", "got", "gets", "took", "takes":
			k := i + 1
			for k < to && s.word(k) != "from" {
				k++
			}
			if j := s.mtSkipDeterminers(k+1, to); j < to && (s.mtPersonWord(j) || s.mtPeopleAfter(k, to, 4)) {
				tr.object = k + 1
				return true
			}
		}
		return false
	}
	switch s.mtWordAfter(i, to) {
	case "on":
		if s.mtDayAfterOn(i+1, to) {
			break // "held a call on Friday", not "a call on Russia to"
		}
		return false
	case "for", "to", "up", "off", "out", "it", "him", "her", "them", "back", "sign", "center", "centre":
		return false
	}
	switch prev {
	case "to", "will", "would", "shall", "'ll":
		// The verb: "is expected to call the Polish president", "will
		// call German Chancellor Merz", as "called" is read.
		return s.mtCalledSomeone(tr, to)
	}
	if tr.object >= 0 {
		// "a call with", "a \"very good\" call with", "a lengthy call
		// with": the determiner past the words that praise or measure it.
		for d := i - 1; d > max(from, i-5); d-- {
			w := s.word(d)
			if q := s.key(d); q != "\"" && q != "“" && q != "”" && q != "'" && (s.toks[d].kind != tWord || s.capitalAt(d) || mtIndefinite.has(w) || w == "the" || w == "their" || w == "his" || w == "her") {
				break
			}
			prev = strings.ToLower(s.word(d - 1))
		}
		return prev == "a" || prev == "the" || prev == "their" || prev == "his" || prev == "her" || prev == "this" || prev == "that" || prev == "in" || prev == "on" ||
			strings.HasSuffix(prev, "day") // "a Monday call with"
	}
	if prev == "a" || prev == "the" {
		switch strings.ToLower(s.word(i - 2)) {
		case "held", "had", "hold", "have", "during", "in", "on", "after", "joined", "join":
			return true
		}
	}
	return false
}

// mtDayAfterOn reports whether the "on" at k gives a day ("on Friday",
// "on 12 May", "on May 12"), as the dates reader finds one, rather than
// whom a call is on.
func (s *scan) mtDayAfterOn(k, to int) bool {
	if k+1 >= to {
		return false
	}
	_, ok := s.dtAt(k+1, to)
	return ok
}

// mtMadeCall reports whether the call at i is one made or placed: "made
// a call", "placed an urgent phone call", "зробив дзвінок" aside.
func (s *scan) mtMadeCall(i, from int) bool {
	k := i - 1
	for n := 0; n < 2 && k > from && s.toks[k].kind == tWord && !mtIndefinite.has(s.word(k)) && s.word(k) != "the"; n++ {
		k-- // "an urgent", "a brief phone"
	}
	if !mtIndefinite.has(s.word(k)) {
		return false
	}
	switch strings.ToLower(s.word(k - 1)) {
	case "made", "make", "makes", "making", "placed", "place", "places", "placing":
		return k-1 >= from
	}
	return false
}

// mtPressCall reports whether the sentence's call is one with the press.
func (s *scan) mtPressCall(from, to int) bool {
	for k := from; k < to; k++ {
		switch s.word(k) {
		case "reporters", "journalists", "press", "media", "briefing":
			return true
		}
	}
	return false
}

// mtPhoneNear reports whether "phone", "telephone" or "телефон" is near
// token i.
func (s *scan) mtPhoneNear(i, from, to int) bool {
	for k := max(from, i-3); k < min(to, i+4); k++ {
		w := strings.ToLower(s.word(k))
		if w == "phone" || w == "telephone" || w == "telephonic" || w == "video" || lexHasStem(w, "телефон") {
			return true
		}
	}
	return false
}

// mtSpokeWith checks "spoke": "spoke with President Macron", "spoke by
// phone", "talked about Ukraine by phone with Scholz", but not "spoke to
// reporters" or "spoke at the conference".
func (s *scan) mtSpokeWith(tr *mtTrigger, from, to int) bool {
	i := tr.at
	if s.mtFrenchReciprocal(i, from) && s.mtWithAfterWithin(i, to, 8) < 0 {
		return s.mtHasPeople(from, to) || s.mtPairSubject(from, i, to) // "se sont entretenus lundi"
	}
	switch s.word(i) {
	case "gesprochen":
		return s.mtGermanParticiple(tr, from)
	case "sprach", "sprachen", "spricht", "Sprach", "Sprachen":
		// "sprach mit Journalisten", "mit der Bild-Zeitung": German
		// capitalises every noun, so only an office, a state or a
		// leader is someone spoken with.
		j := s.mtWithAfterWithin(i, to, 8)
		if j < 0 && s.mtPairSubject(from, i, to) {
			return true // "Der Kanzler und der Präsident sprachen am Montag"
		}
		if j < 0 || !s.mtGermanCounterpart(j, to) {
			return false
		}
		tr.object = j
		return true
	}
	phone := false
	for k := i + 1; k < min(to, i+10); k++ {
		w := strings.ToLower(s.word(k))
		if w == "phone" || w == "telephone" || w == "telefon" || w == "video" || lexHasStem(w, "телефон") || lexHasStem(w, "відеоформат") || lexHasStem(w, "видеоформат") || lexHasStem(w, "відеозв") {
			phone = true
		}
		if s.key(k) == "." || s.key(k) == ";" {
			break
		}
	}
	past := false
	switch strings.ToLower(s.word(i)) {
	case "spoke", "talked", "spoken":
		past = true
	}
	reach, topic := i+8, false
	for k := i + 1; k < min(to, reach); k++ {
		w := s.word(k)
		switch w {
		case "with", "to", "з", "із", "зі", "с", "со", "mit", "avec":
			if w == "to" && topic {
				break // "spoke about the aid to Ukraine": part of the topic
			}
			if w == "to" && !past && !s.mtTalkToCome(i) {
				return phone
			}
			tr.object = k + 1
			if !s.mtSomeoneAt(tr, to) {
				tr.object = -1
				return false
			}
			return true
		}
		// Only a few words come between "spoke" and "with": "spoke today
		// with", "spoke by phone with", "talked separately and at length
		// with"; "spoke about Mykolaiv in my address to" is no call. A
		// topic of a few words may come first, in any of the languages:
		// "talked about the sanctions with", "говорив про це з", "sprach
		// darüber mit".
		lw := strings.ToLower(w)
		if mtTopicWords[lw] && !topic {
			topic, reach = true, k+mtTopicReach
			continue
		}
		if topic && s.toks[k].kind != tPunct {
			continue
		}
		if !mtBetweenSpeakAndWith.has(lw) && !strings.HasSuffix(w, "ly") {
			break
		}
	}
	if phone || s.mtPairSubject(from, i, to) {
		// "spoke by phone", or "Biden and Xi spoke": a conversation
		// whose parties are its subject.
		tr.object = -1
		return true
	}
	return false
}

// mtGermanCounterpart reports whether the words from token j name
// someone met or spoken with in German: an office or people within a few
// words ("dem französischen Präsidenten", "den Außenministern"), a state,
// or a leader known by name ("mit Macron").
func (s *scan) mtGermanCounterpart(j, to int) bool {
	j = s.mtSkipDeterminers(j, to)
	if j >= to {
		return false
	}
	if codes, e := s.nationAt(j); e > j && len(codes) > 0 {
		return true
	}
	if _, ok := leaderStates[s.word(j)]; ok {
		return true
	}
	return s.mtPeopleAfter(j-1, to, 4)
}

// mtGermanParticle reports whether the German verb at token i has a
// separable particle at its clause's end that makes it another verb:
// "traf die Nachricht ein" (arrived), "traf ... auf Widerstand".
func (s *scan) mtGermanParticle(i, to int) bool {
	for k := i + 1; k < to; k++ {
		if mtClauseBreak(s, k) || s.key(k) == "." {
			return s.word(k-1) == "ein" || s.word(k-1) == "an"
		}
		if s.word(k) == "auf" {
			return true // "traf auf Widerstand", "trafen auf Proteste"
		}
	}
	return s.word(to-1) == "ein" || s.word(to-1) == "an"
}

// mtGermanTogether checks the German verbs of coming together, whose
// particle may end the clause: "kam am Freitag mit dem französischen
// Präsidenten zusammen", "Die Minister kommen am Donnerstag in Brüssel
// zusammen", "wird mit Biden zusammentreffen"; not "zusammen mit" (along
// with) or "arbeiten zusammen".
func (s *scan) mtGermanTogether(tr *mtTrigger, from, to int) bool {
	i := tr.at
	if s.word(i) == "zusammen" {
		if s.word(i+1) == "mit" {
			return false
		}
		verb := false
		for k := i - 1; k >= max(from, i-12) && !mtClauseBreak(s, k); k-- {
			if mtGermanComeVerbs.has(s.lw(k)) {
				verb = true
				break
			}
		}
		if !verb {
			return false
		}
	}
	for k := i - 1; k >= max(from, i-12) && !mtClauseBreak(s, k); k-- {
		if s.word(k) == "mit" {
			if j := s.mtSkipDeterminers(k+1, i); j < i && (s.mtGermanCounterpart(j, i) || s.mtPronoun(j)) {
				tr.object = j
				return true
			}
		}
	}
	return s.mtHasPeople(from, to) || s.mtPairSubject(from, i, to)
}

// mtGermanGuestBefore checks "empfangen" at the end of a German clause:
// an auxiliary ("hat", "wird", "will") and a guest in office in the
// accusative before it ("den ukrainischen Präsidenten"), or, in the
// passive ("wurde … empfangen"), a guest in office as the subject. Signals
// and messages are received too, and are no guests.
func (s *scan) mtGermanGuestBefore(tr *mtTrigger, from int) bool {
	i := tr.at
	aux, passive := -1, false
	for k := i - 1; k >= max(from, i-14) && !mtClauseBreak(s, k) && aux < 0; k-- {
		switch s.lw(k) {
		case "hat", "haben", "hatte", "hatten", "wird", "werden", "will", "wollen", "soll", "sollen", "möchte":
			aux = k
		case "wurde", "wurden", "worden":
			aux, passive = k, true
		}
	}
	if aux < 0 {
		return false
	}
	if passive {
		return s.mtPersonBefore(aux, from) || s.mtHasPeople(from, aux)
	}
	// The guest stands between the auxiliary and the participle; the one
	// before the auxiliary is the host.
	for k := aux + 1; k < i; k++ {
		switch s.lw(k) {
		case "den", "die", "seinen", "ihren", "seine", "ihre":
			if j := s.mtSkipDeterminers(k, i); j < i && s.mtGermanCounterpart(j, i) {
				tr.object = j
				return true
			}
		}
	}
	return false
}

// mtGermanComeVerbs are the forms of kommen and treffen whose particle
// "zusammen" ends the clause.
var mtGermanComeVerbs = setOf(mtGermanComeVerbsIndex, []string{
	"kam", "kamen", "kommt", "kommen", "trifft", "traf", "trafen", "treffen", "kommst", "komme",
})

// mtGermanParticiple checks a German perfect, whose participle ends the
// clause and whose partner comes before it: "hat sich am Montag mit
// Macron getroffen", "hatte mit dem Präsidenten Frankreichs gesprochen",
// "haben sich in Paris getroffen". "eine Entscheidung getroffen" and
// "von einer Rakete getroffen" have no one met.
func (s *scan) mtGermanParticiple(tr *mtTrigger, from int) bool {
	for k := tr.at - 1; k >= max(from, tr.at-12); k-- {
		if mtClauseBreak(s, k) {
			return false
		}
		switch s.word(k) {
		case "mit":
			if j := s.mtSkipDeterminers(k+1, tr.at); j < tr.at && (s.mtGermanCounterpart(j, tr.at) || s.mtPronoun(j)) {
				tr.object = j
				return true
			}
		case "sich", "uns":
			if s.word(tr.at) == "getroffen" {
				return true
			}
		}
	}
	return false
}

// mtTalkToCome reports whether "talk" at token i is a talk to come with
// someone rather than a speech: "is also to talk to the President",
// "will talk to Macron".
func (s *scan) mtTalkToCome(i int) bool {
	if s.word(i) != "talk" && s.word(i) != "speak" {
		return false
	}
	k := i - 1
	if s.word(k) == "also" {
		k--
	}
	switch s.word(k) {
	case "will", "would", "shall":
		return true
	case "to":
		// "is to talk", "plans to talk": not "studied Russian to talk".
		switch s.word(k - 1) {
		case "is", "are", "was", "were", "plans", "planned", "expected", "due", "set", "scheduled", "going", "agreed", "also":
			return true
		}
	}
	return false
}

var mtBetweenSpeakAndWith = setOf(mtBetweenSpeakAndWithIndex, []string{
	"today", "yesterday", "again", "also", "and", "separately", "briefly", "at", "length", "by", "phone",
	"telephone", "over", "the", "on", "later", "earlier", "twice", "this", "morning", "evening", "afternoon",
	"night", "sofort", "heute", "gestern", "сьогодні", "також", "окремо", "й", "і", "вчора", "телефоном",
	"ще", "теж", "сегодня", "вчера", "тоже", "также", ",", "-", "about", "it", "this", "that", "matters",
	// "in particular", "as well", "at length" in the other languages.
	"зокрема", "насамперед", "детально", "довго", "подробно", "insbesondere", "auch",
	"ausführlich", "telefonisch", "ebenfalls", "darüber", "dabei",
	// "sprach am Montag mit", "sprach erneut mit".
	"am", "erneut", "zuvor", "bereits", "noch", "persönlich", "montag", "dienstag", "mittwoch", "donnerstag",
	"freitag", "samstag", "sonntag", "sonnabend", "abend", "morgen", "vormittag", "nachmittag",
	// "spoke on Monday with", "s'est entretenu vendredi par téléphone avec".
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
	"téléphone", "par", "longuement", "également", "aussi", "encore", "déjà",
})

// mtSomeoneAt reports whether the people after tr.object are someone
// met for a state: a name, an office or a state, not "reporters", "the
// Danish Parliament" or "world leaders" at large.
func (s *scan) mtSomeoneAt(tr *mtTrigger, to int) bool {
	j := s.mtSkipDeterminers(tr.object, to)
	if j >= to {
		return false
	}
	if s.mtPronoun(j) {
		tr.pronoun = true
		return true
	}
	if k := s.mtListAfterGeneric(j, to); k > j {
		tr.object = k // "spoke with many leaders - the United Kingdom, Turkey, ..."
		return true
	}
	named, generic := false, false
	for k := j; k < min(to, j+6); k++ {
		w := s.word(k)
		if s.toks[k].kind == tPunct && w != "-" && w != "'" && w != "." {
			break
		}
		if mtNotCounterparts.has(w) || s.mtCyrNotCounterpart(k) {
			if !named {
				return false
			}
			break
		}
		if mtGenericPlural.has(w) {
			generic = true
			continue
		}
		if codes, end := s.nationAt(k); end > k && len(codes) > 0 {
			named = true
			k = end - 1
			continue
		}
		if s.mtPersonWord(k) {
			named = true
		}
	}
	if generic && !named {
		return false
	}
	return named || s.mtPeopleAfter(j-1, to, 3) && !generic
}

// mtParliamentIn reports whether tokens [from, to) name a parliament or
// a court.
func (s *scan) mtParliamentIn(from, to int) bool {
	for k := from; k < to; k++ {
		if mtParliament.has(s.word(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrParliament) {
			return true
		}
	}
	return false
}

// mtBodyMeets reports whether a session belongs to a body whose sessions
// are meetings between states (the Security Council, NATO's council), not
// to a parliament or a court.
func (s *scan) mtBodyMeets(from, to int, orgs []lexHit) bool {
	if s.mtInterParliament(from, to) {
		return true // "the session of the Parliamentary Assembly of the Union State"
	}
	if s.mtParliamentIn(from, to) {
		return false
	}
	for _, h := range orgs {
		if h.from >= from && h.to <= to {
			return true
		}
	}
	for k := from; k < to; k++ {
		if s.mtGovernmentWord(k) {
			return true // "засідання Уряду", "a cabinet session"
		}
		if mtLeaderWords.has(s.word(k)) || mtPeopleWords.has(s.word(k)) && s.word(k) != "members" {
			return true
		}
	}
	return false
}

// mtInterParliament reports whether the sentence names a parliamentary
// assembly of several states (of the Council of Europe, NATO, the OSCE,
// the Union State): delegates of states meeting, unlike one state's
// parliament in session.
func (s *scan) mtInterParliament(from, to int) bool {
	for k := from; k+1 < to; k++ {
		w, next := strings.ToLower(s.word(k)), strings.ToLower(s.word(k+1))
		if w == "parliamentary" && (next == "assembly" || next == "assemblies") ||
			w == "parlamentarische" && strings.HasPrefix(next, "versammlung") ||
			s.toks[k].kind == tOther && (lexHasStem(w, "парламентськ") || lexHasStem(w, "парламентск")) && (lexHasStem(next, "асамбле") || lexHasStem(next, "ассамбле")) {
			return true
		}
	}
	return false
}

// mtPeakIsSummit reads "peak" as the summit a translation made of
// "szczyt" or "Gipfel": only with leaders or a body that holds summits.
func (s *scan) mtPeakIsSummit(i, from, to int, orgs []lexHit) bool {
	prev := strings.ToLower(s.word(i - 1))
	hasOrg := false
	for _, h := range orgs {
		if h.from >= from && h.to <= to {
			hasOrg = true
			if h.to == i || h.to+1 == i || h.to+2 == i {
				return true // "EU peak", "the EU-African peak"
			}
		}
	}
	if !hasOrg {
		return false
	}
	if prev == "extraordinary" || prev == "informal" || prev == "emergency" {
		return true
	}
	for k := from; k < to; k++ {
		if mtLeaderWords.has(s.word(k)) {
			return true
		}
	}
	return false
}

// mtNameBefore returns the capitalised name that ends with the word at i
// ("Munich Security Conference", "Air and Space Conference"), or "".
func (s *scan) mtNameBefore(i, from int) string {
	if !mtNamedWords.has(s.word(i)) {
		return ""
	}
	k := i - 1
	for k >= from && !s.toks[k+1].brk {
		w := s.word(k)
		if s.capitalised(k) && !capitalisedFunctionWords.has(w) && !lexSentenceWords.has(w) || (w == "and" || w == "of" || w == "on" || w == "for") && s.capitalised(k-1) {
			k--
			continue
		}
		if w == "-" && s.glued(k) && s.glued(k+1) && s.capitalised(k-1) {
			k--
			continue
		}
		break
	}
	k++
	if k >= i {
		return ""
	}
	return s.text[s.toks[k].start:s.toks[i].end]
}

// mtNegated reports whether the meeting word at i stands in a clause that
// denies it: "did not meet", "no talks were held", "will not attend the
// summit".
func (s *scan) mtNegated(i, from int) bool {
	for k := i - 1; k >= max(from, i-6); k-- {
		w := s.word(k)
		if mtNegation.has(w) {
			return true
		}
		if k >= i-2 && mtAnyWords.has(strings.ToLower(w)) || k >= i-4 && strings.EqualFold(w, "будь") && s.key(k+1) == "-" {
			return true // "at any talks", "на будь-яких переговорах": none in particular
		}
		if w == "t" && s.key(k-1) == "'" { // "didn't", "won't"
			return true
		}
		if w == "out" && mtRuleVerbs.has(s.lw(k-1)) {
			return true // "the Kremlin ruled out a meeting between"
		}
		if s.toks[k].kind == tPunct && s.key(k) != "'" && s.key(k) != "-" {
			break
		}
		switch w {
		case "but", "and", "although", "while", "aber", "und", "але", "і", "а":
			return false
		}
	}
	return false
}

// mtRuleVerbs take "out" to deny what comes: "ruled out a meeting".
var mtRuleVerbs = setOf(mtRuleVerbsIndex, []string{"ruled", "rule", "rules", "ruling"})

// mtDeterminer returns the article or demonstrative that opens the noun
// phrase of the meeting word at i ("the" of "the inaugural defense
// ministers' meeting"), or "".
//
// It also reports whether a word between them sets the meeting apart from
// one told of before: "the last call between the two", "the previous
// summit".
func (s *scan) mtDeterminer(i, from int) (string, bool) {
	sequel := false
	for k := i - 1; k >= max(from, i-6); k-- {
		w := s.word(k)
		if mtHabitual.has(w) && k > from && mtIndefinite.has(s.word(k-1)) && !strings.HasSuffix(s.word(i), "s") {
			// "held a regular meeting of the Staff today": one sitting
			// of a body that meets by habit, not meetings in general.
			return s.word(k - 1), sequel
		}
		if mtDefinite.has(w) || mtIndefinite.has(w) || mtNonSpecific.has(w) {
			// "this week's summit" is dated, not referred back to.
			if n := s.word(k + 1); n == "week" || n == "year" || n == "month" {
				return "", sequel
			}
			return w, sequel
		}
		if mtSequence.has(w) || s.toks[k].kind == tOther && mtCyrSequenceWord(w) {
			sequel = true
		}
		t := s.toks[k]
		if t.kind == tPunct && w != "'" && w != "’" && w != "-" {
			return "", sequel
		}
		// A verb ends the noun phrase: "a trip that included visits".
		if t.kind == tWord && strings.HasSuffix(w, "ed") && len(w) > 4 && !isUpper(w[0]) && s.key(k-1) != "-" {
			return "", sequel
		}
		switch w {
		case "of", "with", "for", "to", "in", "on", "at", "by", "and", "or", "from", "after", "before", "during", "has", "have", "had", "was", "were", "is", "are", "will", "would", "held", "hold", "attend", "attended",
			"than": // "leaders from more than 30 countries met": a count, not more meetings
			return "", sequel
		}
	}
	return "", sequel
}

// mtPredicative reports whether the indefinite noun phrase of the
// meeting word at i follows "was" or "is": "It was an extraordinary,
// informal peak".
func (s *scan) mtPredicative(i, from int) bool {
	for k := i - 1; k >= max(from, i-6); k-- {
		if mtIndefinite.has(s.word(k)) {
			switch s.word(k - 1) {
			case "was", "is", "were", "been", "war", "ist":
				return true
			}
			return false
		}
	}
	return false
}

func mtCyrSequenceWord(w string) bool {
	for _, st := range mtCyrSequence {
		if lexHasStem(w, st) {
			return true
		}
	}
	return false
}

// mtGroupNouns gather the guests a host receives: "a group of African
// leaders", "a delegation of ministers".
var mtGroupNouns = setOf(mtGroupNounsIndex, []string{"group", "delegation", "number", "dozen", "series", "gathering"})

// mtToDiscuss reports whether "to discuss" or "for talks" follows within
// a few words of token k, before the clause ends: the purpose of a visit.
func (s *scan) mtToDiscuss(k, to int) bool {
	for j := k; j < min(to, k+6); j++ {
		if mtClauseBreak(s, j) {
			return false
		}
		switch w := s.word(j); w {
		case "to":
			if n := s.word(j + 1); n == "discuss" || n == "hold" && (s.word(j+2) == "talks" || s.word(j+2) == "meetings") {
				return true
			}
		case "for":
			if n := s.word(j + 1); n == "talks" || n == "meetings" || n == "discussions" {
				return true
			}
		}
	}
	return false
}

// mtLeaderBefore reports whether the clause before token i names one who
// holds an office: "British Prime Minister Rishi Sunak will visit".
func (s *scan) mtLeaderBefore(from, i int) bool {
	for k := s.mtClauseStart(from, i); k < i; k++ {
		if s.isTitleWord(k) || k > from && s.mtPersonWord(k) || leaderState(s.word(k), s.toks[k].kind == tOther) != "" {
			return true
		}
	}
	return false
}

// mtKnownPersonAt reports whether the name at token j (a first name and
// a surname, or a surname alone) is one the text ties to a state: "sat
// down with Biden" after "U.S. President Joe Biden".
func (s *scan) mtKnownPersonAt(j, to int) bool {
	ps := s.people()
	for k := j; k < min(j+2, to) && s.capitalAt(k); k++ {
		if ps.stateOf(s, k) != "" {
			return true
		}
	}
	return false
}
