package entity

import "strings"

// What makes a meeting word no meeting however well it reads: a document
// or a ceremony named after one, a wish, a readiness or a demand to meet,
// a condition, negotiations spoken of as a topic, a press conference.

// mtNotAnEvent reports whether the meeting word tr, in the sentence
// [from, to), speaks of no specific meeting.
func (s *scan) mtNotAnEvent(tr mtTrigger, from, to int) bool {
	return s.mtDocument(tr, to) || s.mtDocumentOf(tr, from) || s.mtCeremony(tr, from, to) || s.mtWished(tr, from) ||
		s.mtConditional(tr, from) || s.mtWouldIf(tr, from, to) || s.mtFigurative(tr, from, to) || s.mtTopic(tr, from, to) || s.mtNotYet(tr, to) || s.mtWithdrawn(tr, from) || s.mtMayHappen(tr, from, to)
}

// mtWithdrawn reports whether the sentence says a party left the talks
// or suspended them, which reports no meeting held or to come: "the
// United States withdrew from talks with Moscow", "pulled out of the
// negotiations", "suspended the talks". A walk-out leaves a meeting
// that took place.
func (s *scan) mtWithdrawn(tr mtTrigger, from int) bool {
	if tr.class != mtTalks && tr.class != mtMeetNoun {
		return false
	}
	k := tr.at - 1
	for k >= from && (mtDefinite.has(s.word(k)) || s.word(k) == "peace" || s.word(k) == "all") {
		k--
	}
	if k < from {
		return false
	}
	switch w := strings.ToLower(s.word(k)); w {
	case "suspended", "suspend", "suspends", "abandoned", "abandon", "quit", "quits", "boycotted", "boycott":
		return true
	case "from":
		switch strings.ToLower(s.word(k - 1)) {
		case "withdrew", "withdrawn", "withdraw", "withdraws", "withdrawing", "retreated":
			return true
		}
	case "of":
		if p := strings.ToLower(s.word(k - 1)); p == "out" {
			switch strings.ToLower(s.word(k - 2)) {
			case "pulled", "pull", "pulls":
				return true
			}
		}
	}
	return false
}

// mtNotYet reports whether what follows the meeting word says it has not
// happened, or speaks of what talks would bring: "the peace talks have not
// yet begun", "negotiations with Putin would lead only to recurring
// conflict", "haben nicht stattgefunden".
func (s *scan) mtNotYet(tr mtTrigger, to int) bool {
	if tr.class != mtTalks && tr.class != mtMeetNoun && tr.class != mtSummit {
		return false
	}
	for k := tr.end; k < min(to, tr.end+8); k++ {
		w := strings.ToLower(s.word(k))
		switch w {
		case "not", "nicht", "не", "yet":
			if k+2 < to && (s.word(k+1) == "on" || s.word(k+1) == "auf") && mtAgendaWords.has(strings.ToLower(s.word(k+2))) || k+3 < to && s.word(k+1) == "on" && s.word(k+2) == "the" && mtAgendaWords.has(s.word(k+3)) {
				return true // "a Putin-Zelensky meeting was not on the agenda"
			}
			if k+1 < to && (s.word(k+1) == "yet" || strings.HasSuffix(s.word(k+1), "ed") || s.word(k+1) == "begun" || s.word(k+1) == "taken" || strings.HasPrefix(s.word(k+1), "stattg")) {
				return true
			}
		case "would", "could", "can":
			switch strings.ToLower(s.word(k + 1)) {
			case "lead", "bring", "end", "only", "never", "not", "result", "produce", "deliver":
				return true
			}
		}
		if mtClauseBreak(s, k) || mtThat.has(s.word(k)) {
			return false
		}
	}
	return false
}

// mtAgendaWords say what is planned: a meeting "not on the agenda" or
// "not on the cards" is none.
var mtAgendaWords = setOf(mtAgendaWordsIndex, []string{"agenda", "cards", "table", "tagesordnung", "horizon"})

// mtDocumentOf reports whether the meeting word is the one a text is
// "of": "the draft conclusions of the EU summit", "the final communiqué
// of the meeting", "die Abschlusserklärung des Gipfels", "декларації
// саміту". The text is what the sentence speaks of; the meeting is only
// named, and the day and place around it are the text's.
func (s *scan) mtDocumentOf(tr mtTrigger, from int) bool {
	if k := tr.at - 1; k >= from && s.toks[k].kind == tOther {
		return stemFoldAny(s.word(k), mtCyrTextStems) // genitive: "декларації саміту"
	}
	// Back over what names the meeting ("the", "this year's", "the EU",
	// "NATO") to "of" and the text before it.
	for k, n := tr.at-1, 0; k > from && n < 5; k, n = k-1, n+1 {
		switch strings.ToLower(s.word(k)) {
		case "of", "from", "des", "der", "du", "de":
			if mtTextWords.has(strings.ToLower(s.word(k - 1))) {
				return true
			}
		}
		if !mtDefinite.has(s.word(k)) && !(s.capitalAt(k) && s.toks[k].kind == tWord) {
			return false
		}
	}
	return false
}

var (
	// mtTextWords are texts a meeting issues: the meeting they are "of"
	// is only named.
	mtTextWords = setOf(mtTextWordsIndex, []string{
		"conclusion", "conclusions", "communique", "communiqué", "communiques", "declaration", "declarations",
		"draft", "drafts", "statement", "statements", "text", "document", "documents", "resolution",
		"abschlusserklärung", "erklärung", "kommuniqué", "schlussfolgerungen", "beschlüsse",
		"déclaration", "projet",
	})
	mtCyrTextStems = []string{"декларац", "комюніке", "коммюнике", "висновк", "заяв", "резолюц", "проєкт", "проект"}
)

// mtDocument reports whether the meeting word names a document or an
// agreement: "the Vilnius Summit Communique", "the summit declaration",
// "Minsk-format talks".
func (s *scan) mtDocument(tr mtTrigger, to int) bool {
	k := tr.end
	if s.key(k) == "-" && s.glued(k) {
		k++
	}
	if k >= to {
		return false
	}
	return mtDocumentWords.has(strings.ToLower(s.word(k))) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrDocumentStems)
}

// mtSolemn reports whether a ceremonial word qualifies the meeting word
// at tr, one word between at most: "a solemn meeting", "the festive
// session", "урочисте засідання", "торжественное заседание".
func (s *scan) mtSolemn(tr mtTrigger, from int) bool {
	switch tr.class {
	case mtMeetNoun, mtSession, mtGather, mtConf:
	default:
		return false
	}
	for k := tr.at - 1; k >= max(from, tr.at-2); k-- {
		w := strings.ToLower(s.word(k))
		if mtSolemnWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, mtCyrSolemnStems) {
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtCeremony reports whether those who gather or meet do so at a
// ceremony, a memorial service or a parade rather than to confer.
func (s *scan) mtCeremony(tr mtTrigger, from, to int) bool {
	if s.mtSolemn(tr, from) {
		return true
	}
	switch tr.class {
	case mtGather, mtMeetVerb, mtMeetNoun, mtHost:
	default:
		return false
	}
	for k := max(from, tr.at-6); k < min(to, tr.end+8); k++ {
		w := strings.ToLower(s.word(k))
		if mtCeremonyWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrCeremonyStems) {
			return true
		}
	}
	return false
}

// mtWished reports whether the meeting is only wished for, offered as a
// readiness or demanded: "we are ready to meet", "ready for talks",
// "hopes to meet", "Ukraine demands talks", "calls for negotiations".
func (s *scan) mtWished(tr mtTrigger, from int) bool {
	if s.lw(tr.at-1) == "einem" || s.lw(tr.at-1) == "einer" || s.lw(tr.at-1) == "zu" || s.lw(tr.at-1) == "zum" {
		// German sets "bereit" at the clause's end: "ist zu einem
		// Treffen mit Putin bereit".
		for k := tr.end; k < min(len(s.toks), tr.end+8) && s.toks[k].kind != tPunct; k++ {
			if w := s.lw(k); w == "bereit" || w == "gesprächsbereit" {
				return true
			}
		}
	}
	for k := tr.at - 1; k >= max(from, tr.at-5); k-- {
		w := strings.ToLower(s.word(k))
		if mtDemandWords.has(w) || mtAdviseWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrWishStems) {
			return true
		}
		if mtReadyWords.has(w) {
			switch strings.ToLower(s.word(k + 1)) {
			case "to", "for", "zu", "für", "à":
				return true
			}
		}
		if w == "für" && s.word(tr.end) == "stark" {
			return true // "machte sich für eine Gesprächsrunde stark"
		}
		if (w == "call" || w == "calls" || w == "called" || w == "calling" || w == "push" || w == "pushes" || w == "pushed" || w == "pushing") && s.lw(k+1) == "for" {
			return true
		}
		if mtPleaWords.has(w) && s.mtPleadsFor(k+1, tr.at) {
			return true // "advocates for peace talks", "appelle à des négociations"
		}
		if mtHopeWords.has(w) && s.lw(k+1) == "that" {
			return true // "hopes that talks with Russia can help"
		}
		if s.toks[k].kind == tPunct && s.key(k) != "-" && s.key(k) != "'" {
			return false
		}
	}
	return s.mtUrgedToHold(tr, from)
}

// mtUrgedToHold reports whether the meeting is what someone is urged or
// advised to hold: "urged Kyiv and Moscow to hold negotiations",
// "called on both sides to resume talks", "encouraged the parties to
// start peace talks". The one urged is named between the plea and "to",
// so the plea stands further back than mtWished reads.
func (s *scan) mtUrgedToHold(tr mtTrigger, from int) bool {
	k := tr.at - 1
	for k > from && (mtTalksAdjectives.has(s.lw(k)) || s.lw(k) == "peace" || s.lw(k) == "ceasefire" || s.lw(k) == "a" || s.lw(k) == "the") {
		k--
	}
	k = s.mtEntryVerb(k, from)
	if k < 0 || k-1 < from || s.lw(k-1) != "to" {
		return false
	}
	for j := k - 2; j >= max(from, k-9); j-- {
		w := s.lw(j)
		// "calling Russia to get involved in negotiations": a call on
		// someone, as "called on both sides to".
		if mtDemandWords.has(w) || mtAdviseWords.has(w) || mtUrgeWords.has(w) || mtCallWords.has(w) || (w == "on" || w == "upon") && mtCallWords.has(s.lw(j-1)) {
			return true
		}
		if s.toks[j].kind == tPunct && s.key(j) != "-" && s.key(j) != "'" && s.key(j) != "," {
			return false
		}
	}
	return false
}

// mtEntryVerb returns the token of the verb that enters the meeting whose
// word follows token k ("hold", "start", "resume"), reading back over a
// preposition and its phrase: "engage in", "get involved in", "take part
// in", "return to"; -1 when there is none.
func (s *scan) mtEntryVerb(k, from int) int {
	if k-1 >= from && (s.lw(k) == "in" || s.lw(k) == "into" || s.lw(k) == "to") {
		switch {
		case s.lw(k-1) == "involved" && k-2 >= from && mtInvolveVerbs.has(s.lw(k-2)):
			return k - 2
		case s.lw(k-1) == "part" && k-2 >= from && mtTakeVerbs.has(s.lw(k-2)):
			return k - 2
		}
		k--
	}
	if k >= from && mtStartVerbs.has(s.lw(k)) {
		return k
	}
	return -1
}

var (
	// mtInvolveVerbs before "involved in": "get involved in talks".
	mtInvolveVerbs = setOf(mtInvolveVerbsIndex, []string{"get", "become", "be"})
	// mtTakeVerbs before "part in": "take part in negotiations".
	mtTakeVerbs = setOf(mtTakeVerbsIndex, []string{"take"})
)

// mtPleadsFor reports whether token k is "for" ("à", "pour") and only
// words that qualify a meeting stand between it and the meeting word at:
// "for peace talks", "à des négociations directes", but not "for weapons
// at a meeting".
func (s *scan) mtPleadsFor(k, at int) bool {
	switch s.lw(k) {
	case "for", "à", "pour":
	default:
		return false
	}
	for j := k + 1; j < at; j++ {
		if !mtPleaFillers.has(s.lw(j)) {
			return false
		}
	}
	return true
}

// mtPleaFillers qualify a meeting pleaded for.
var mtPleaFillers = setOf(mtPleaFillersIndex, []string{
	"a", "an", "the", "new", "more", "further", "direct", "immediate", "urgent", "renewed", "serious",
	"peace", "ceasefire", "cease-fire", "diplomatic", "international", "high-level", "des", "de", "la", "les", "un", "une",
})

// mtConditional reports whether the meeting word stands in a condition:
// "if Putin and Zelensky met", "wenn sich die beiden träfen".
func (s *scan) mtConditional(tr mtTrigger, from int) bool {
	for k := tr.at - 1; k >= max(from, tr.at-10); k-- {
		switch s.word(k) {
		case "if", "If", "unless", "Unless", "wenn", "Wenn", "falls", "Falls", "якщо", "Якщо", "если", "Если", "si", "Si":
			return true
		}
		if mtClauseBreak(s, k) {
			return false
		}
	}
	return false
}

// mtFigurative reports whether a summit or a meeting is named only to
// call something by it: "this is not a summit of peace but a summit of
// war", "it was a meeting of minds". The noun stands after "is" or
// "was" (and "not … but"), and what it is "of" is an idea, not people or
// a body.
func (s *scan) mtFigurative(tr mtTrigger, from, to int) bool {
	if tr.class != mtSummit && tr.class != mtMeetNoun {
		return false
	}
	if tr.end+1 >= to || s.lw(tr.end) != "of" {
		return false
	}
	j := tr.end + 1
	w := s.word(j)
	if s.toks[j].kind != tWord || isUpper(w[0]) || mtPeopleWords.has(w) || mtTitleWords.has(w) || mtGatherers.has(w) || mtDefinite.has(w) || mtIndefinite.has(w) || mtNumberWords.has(w) {
		return false
	}
	copula := false
	for k := tr.at - 1; k >= max(from, tr.at-8); k-- {
		switch s.lw(k) {
		case "is", "was", "are", "were", "be", "been", "becomes", "became", "remains", "ist", "war":
			copula = true
		}
	}
	return copula
}

// mtWouldIf reports whether the meeting is one that would or could
// happen on a condition the sentence sets after it: "would meet the
// American president only if sanctions were lifted", "würde ihn treffen,
// wenn …". A "would" in reported speech with no condition is a plan.
func (s *scan) mtWouldIf(tr mtTrigger, from, to int) bool {
	modal := false
	for k := tr.at - 1; k >= max(from, tr.at-4); k-- {
		switch s.lw(k) {
		case "would", "could", "might", "würde", "würden", "könnte", "könnten":
			modal = true
		}
	}
	if !modal {
		return false
	}
	for k := tr.end; k < to; k++ {
		switch s.lw(k) {
		case "if", "unless", "wenn", "falls", "sofern":
			return true
		}
	}
	return false
}

// mtTopic reports whether talks or negotiations are spoken of as a topic
// rather than as a round that takes place: "there can be no negotiations
// while ...", "peace talks are the only way", "the negotiation process".
// A round has someone holding it or someone it is with.
func (s *scan) mtTopic(tr mtTrigger, from, to int) bool {
	if tr.class == mtMeetNoun || tr.class == mtSummit {
		// "the range of possible meetings", "a potential summit": a
		// possibility, whoever it would be between; "a summit with
		// Russia was premature": one judged, not held.
		return s.mtMerePossibility(tr, from) || !tr.definite && tr.name == "" && s.mtJudged(tr, to)
	}
	if tr.class != mtTalks {
		return false
	}
	if p := strings.ToLower(s.word(tr.at - 1)); p == "accession" || p == "membership" || p == "beitrittsverhandlungen" {
		return true // "accession talks": a process of years, not a round
	}
	if s.mtJudged(tr, to) {
		return true // "talks with Beijing are difficult"
	}
	if s.mtMerePossibility(tr, from) {
		return true // "a format for negotiations with Russia", "можливі переговори"
	}
	if s.mtOngoing(tr, from) {
		return true // "ongoing negotiations for four more units are complicated"
	}
	if tr.object >= 0 || tr.definite || tr.name != "" {
		return false
	}
	p := tr.at - 1 // the word before the talks and what qualifies them
	prev := strings.ToLower(s.word(p))
	if p >= from && (prev == "peace" || prev == "ceasefire" || prev == "cease-fire" || mtTalksAdjectives.has(prev)) {
		// "the process of international consultations", "any direct
		// negotiations": what qualifies the talks does not make them a
		// round.
		p--
		prev = strings.ToLower(s.word(p))
	}
	switch prev {
	case "of":
		// "the prospect of talks", but "a round of (peace) talks" is one.
		switch strings.ToLower(s.word(p - 1)) {
		case "round", "rounds", "session", "sessions", "series":
			return false
		}
		// "a day of talks", "two days of talks", "an hour of talks": a
		// span counted out is a meeting held; "weeks of talks" with
		// nothing to count them is negotiation at large.
		if mtTalkSpans.has(strings.ToLower(s.word(p-1))) && p-2 >= from {
			q := p - 2
			if mtIndefinite.has(s.word(q)) || s.toks[q].kind == tNum || mtNumberWords.has(strings.ToLower(s.word(q))) {
				return false
			}
		}
		return true
	case "no", "any", "about", "on", "than", "over", "towards", "toward":
		return true
	}
	// "Negotiations are the only way", "talks remain possible".
	switch strings.ToLower(s.word(tr.end)) {
	case "are", "is", "remain", "remains", "would", "could", "can", "should", "must", "process", "track":
		return !s.mtPeopleNear(tr, from, to)
	}
	return false
}

// mtOngoing reports whether the talks at tr are called ongoing or drawn
// out: a process spoken of as a whole, whoever it is with ("ongoing
// negotiations with Germany for two more systems", "the protracted peace
// talks", "тривалі переговори"), not a round held on a day.
func (s *scan) mtOngoing(tr mtTrigger, from int) bool {
	for k := tr.at - 1; k >= max(from, tr.at-3); k-- {
		w := strings.ToLower(s.word(k))
		if mtOngoingWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, mtCyrOngoingStems) {
			return true
		}
		if !(w == "peace" || w == "ceasefire" || w == "cease-fire" || mtTalksAdjectives.has(w) || s.key(k) == "-" || w == "long" || w == "years" || w == "months") {
			return false
		}
	}
	return false
}

// mtOngoingWords before talks make them a process.
var mtOngoingWords = setOf(mtOngoingWordsIndex, []string{
	"ongoing", "continuing", "protracted", "lengthy", "long-running", "drawn-out", "years-long", "months-long",
	"running", "laufenden", "andauernden", "langwierigen", "langwierige",
})

// mtCyrOngoingStems are mtOngoingWords in Ukrainian and Russian.
var mtCyrOngoingStems = []string{"тривал", "затяжн", "продолжающ", "длительн"}

// mtTalkSpans are spans of time talks may be counted in.
var mtTalkSpans = setOf(mtTalkSpansIndex, []string{"day", "days", "hour", "hours", "morning", "afternoon", "evening", "night", "week"})

// mtNumberWords count a few spans in words.
var mtNumberWords = setOf(mtNumberWordsIndex, []string{"two", "three", "four", "five", "several", "full", "whole"})

// mtBareConference reports whether a "conference" at token i is most
// likely a press conference: it has no name ("Munich Security
// Conference"), no body that holds it, no word of what it is about
// ("peace conference", "a conference of donors") and no one named as
// taking part; "emphasized at the Friday conference".
func (s *scan) mtBareConference(i, from, to int, orgs []lexHit) bool {
	if s.toks[i].kind != tWord || s.mtNameBefore(i, from) != "" || s.capitalised(i) && s.capitalised(i-1) {
		return false
	}
	for _, h := range orgs {
		if h.to >= i-3 && h.to <= i {
			return false
		}
	}
	for k := max(from, i-4); k < i; k++ {
		w := strings.ToLower(s.word(k))
		if mtConfKinds.has(w) {
			return false
		}
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			return false // "a Ukraine-EU conference", "the London conference"
		}
		if s.toks[k].kind == tPunct && s.key(k) != "-" {
			break
		}
	}
	for _, h := range s.placeHits(max(from, i-3), i) {
		_ = h
		return false
	}
	switch strings.ToLower(s.word(i + 1)) {
	case "of", "on", "with", "between", "for", "about":
		return false
	}
	return true
}

// mtConfKinds before "conference" say what it is about: a meeting of
// states, not one with the press.
var mtConfKinds = setOf(mtConfKindsIndex, []string{
	"peace", "security", "donor", "donors", "international", "ministerial", "defence",
	"defense", "reconstruction", "recovery", "investment", "climate", "diplomatic",
	"intergovernmental", "regional", "summit", "leaders", "ministers", "nuclear",
	"disarmament", "humanitarian", "pledging", "accession", "review", "global",
	"friedenskonferenz", "geberkonferenz", "sicherheitskonferenz",
})

// mtJudged reports whether the talks are the subject of a judgement
// rather than an event: "talks with Beijing are difficult", "negotiations
// with the Kremlin were impossible".
func (s *scan) mtJudged(tr mtTrigger, to int) bool {
	k := tr.end
	obj := tr.object
	if obj < 0 && mtWithWords.has(strings.ToLower(s.word(k))) {
		obj = k + 1
	}
	if obj >= 0 {
		// Past the one they are with: "with the Kremlin".
		for k = obj; k < min(to, obj+6) && !mtCopulas.has(strings.ToLower(s.word(k))); k++ {
			if s.toks[k].kind == tOther && stemFoldAny(strings.ToLower(s.word(k)), mtCyrJudgementStems) {
				return true // "Переговоры с Украиной невозможны"
			}
			if s.toks[k].kind == tPunct {
				return false
			}
		}
	}
	if s.toks[min(k, len(s.toks)-1)].kind == tOther {
		// Ukrainian and Russian need no copula: "Переговоры с Украиной
		// невозможны".
		return stemFoldAny(strings.ToLower(s.word(k)), mtCyrJudgementStems)
	}
	if !mtCopulas.has(strings.ToLower(s.word(k))) {
		return false
	}
	for n := 0; n < 2 && mtJudgeAdverbs.has(strings.ToLower(s.word(k+1))); n++ {
		k++ // "is not", "sind derzeit", "sont encore"
	}
	return mtJudgements.has(strings.ToLower(s.word(k + 1)))
}

var (
	mtCopulas = setOf(mtCopulasIndex, []string{
		"are", "were", "is", "was", "remain", "remained", "remains", "seem", "seemed", "seems",
		"sind", "waren", "bleiben", "ist", "wäre", "wären", "bleibt",
		"sont", "est", "serait", "seraient", "restent", "reste",
	})
	mtJudgements = setOf(mtJudgementsIndex, []string{
		"difficult", "impossible", "possible", "necessary", "important", "needed", "essential",
		"hard", "tough", "unlikely", "likely", "pointless", "meaningless", "futile", "inevitable",
		"the", "a", "an", "key", "crucial", "vital", "unrealistic", "premature", "schwierig", "unmöglich",
		"verfrüht", "möglich", "nötig", "notwendig", "ausgeschlossen", "sinnlos", "unrealistisch",
		"impossibles", "prématuré", "prématurée", "prématurés", "possibles",
		"nécessaire", "nécessaires", "difficile", "difficiles", "inutile", "inutiles", "exclu", "exclus",
	})
	// mtJudgeAdverbs may stand between the copula and the judgement.
	mtJudgeAdverbs = setOf(mtJudgeAdverbsIndex, []string{
		"not", "now", "still", "currently", "derzeit", "jetzt", "noch", "momentan", "nicht",
		"encore", "toujours", "actuellement", "pas",
	})
)

// mtWithWords name whom a meeting is with, after its noun.
var mtWithWords = setOf(mtWithWordsIndex, []string{"with", "between", "mit", "zwischen", "avec", "entre", "з", "із", "зі", "с", "со", "між", "между"})

// mtCyrJudgementStems are the judgements in Ukrainian and Russian:
// impossible, possible, premature, pointless.
var mtCyrJudgementStems = []string{"неможлив", "невозможн", "можлив", "возможн", "передчасн", "преждевремен", "безглузд", "бессмыслен"}

// mtPeopleNear reports whether someone who could hold the talks is named
// within a few words before them.
func (s *scan) mtPeopleNear(tr mtTrigger, from, to int) bool {
	for k := max(from, tr.at-4); k < tr.at; k++ {
		if s.mtPersonWord(k) || mtPeopleWords.has(s.word(k)) {
			return true
		}
	}
	return false
}

var (
	// mtDocumentWords after a meeting word make it a document's name.
	mtDocumentWords = setOf(mtDocumentWordsIndex, []string{
		"communique", "communiqué", "declaration", "declarations", "statement", "agreement",
		"agreements", "accord", "accords", "format", "formula", "decisions", "conclusions",
		"document", "documents", "commitment", "commitments", "pledge", "text", "outcome",
		"erklärung", "abschlusserklärung", "kommuniqué", "beschlüsse", "vereinbarungen",
		"abkommen", "formats", "table", "tables",
	})
	mtCyrDocumentStems = []string{"декларац", "комюніке", "коммюнике", "заяв", "угод", "домовленост", "формат"}
	// mtCeremonyWords near a meeting word make it a ceremony.
	mtCeremonyWords = setOf(mtCeremonyWordsIndex, []string{
		"memorial", "ceremony", "ceremonies", "funeral", "funerals", "parade", "parades",
		"commemoration", "commemorations", "commemorate", "wreath", "wreath-laying",
		"vigil", "mass", "requiem", "burial", "inauguration", "celebration", "celebrations",
		"gedenkfeier", "trauerfeier", "zeremonie", "beerdigung", "parade", "gottesdienst",
		"cérémonie", "obsèques",
	})
	// mtSolemnWords before a meeting word make it a ceremony: "a solemn
	// meeting", "eine feierliche Sitzung", "урочисте засідання".
	mtSolemnWords = setOf(mtSolemnWordsIndex, []string{
		"solemn", "festive", "ceremonial", "commemorative", "memorial", "jubilee", "gala",
		"feierliche", "feierlichen", "festliche", "festlichen", "solennelle", "solennel", "commémorative",
	})
	mtCyrSolemnStems   = []string{"урочист", "святков", "ювілейн", "торжествен", "праздничн", "юбилейн", "пам'ятн", "памятн"}
	mtCyrCeremonyStems = []string{"церемон", "жалобн", "панахид", "вшанув", "похорон", "парад", "прощан"}
	// mtReadyWords before "to" or "for" make a meeting a readiness or a
	// wish: "ready to meet", "ready for talks", "hopes to meet".
	mtReadyWords = setOf(mtReadyWordsIndex, []string{
		"ready", "readiness", "willing", "willingness", "prepared", "eager", "open", "hope",
		"hopes", "hoped", "hoping", "want", "wants", "wanted", "wish", "wishes", "wishing",
		"bereit", "bereitschaft", "prêt", "prête", "prêts",
	})
	// mtDemandWords before a meeting word make it a demand: "Ukraine
	// demands talks", "urged negotiations".
	mtDemandWords = setOf(mtDemandWordsIndex, []string{
		"demand", "demands", "demanded", "demanding", "urge", "urges", "urged", "urging",
		"insist", "insists", "insisted", "seek", "seeks", "sought", "seeking",
		"fordert", "forderte", "fordern", "forderten", "verlangt", "verlangte", "exige", "réclame",
	})
	// mtAdviseWords before a meeting word advise a meeting, which is no
	// occasion: "experts recommended talks".
	mtAdviseWords = setOf(mtAdviseWordsIndex, []string{
		"recommend", "recommends", "recommended", "recommending", "advise", "advises", "advised",
		"advising", "empfiehlt", "empfahl", "empfehlen", "recommande", "recommandent", "recommandé",
	})
	// mtUrgeWords before the one urged and "to hold" talks urge them:
	// "encouraged the parties to start talks". Alone before a meeting
	// word they say nothing of it ("encouraged by the talks").
	mtUrgeWords = setOf(mtUrgeWordsIndex, []string{
		"encourage", "encourages", "encouraged", "encouraging", "press", "presses", "pressed",
		"pressing", "ask", "asks", "asked", "asking", "tell", "tells", "told", "telling",
	})
	// mtStartVerbs take a meeting word as what is begun or held: "to
	// hold talks", "to resume negotiations".
	mtStartVerbs = setOf(mtStartVerbsIndex, []string{"hold", "start", "begin", "resume", "launch", "open", "enter", "engage", "return", "restart", "pursue", "join"})
	// mtCallWords before "on" call on someone: "called on both sides".
	mtCallWords = setOf(mtCallWordsIndex, []string{"call", "calls", "called", "calling"})
	// mtPleaWords before "for" ("à", "pour") plead for a meeting: "the
	// leading advocates for peace talks", "la France appelle à des
	// négociations".
	mtPleaWords = setOf(mtPleaWordsIndex, []string{
		"advocate", "advocates", "advocated", "advocating", "argue", "argues", "argued", "arguing",
		"plead", "pleads", "pleaded", "pleading", "appeal", "appeals", "appealed", "appealing", "lobby", "lobbied",
		"appelle", "appellent", "appelé", "appeler", "plaide", "plaident", "plaidé", "milite",
	})
	// mtTalksAdjectives qualify talks without making them one round.
	mtTalksAdjectives = setOf(mtTalksAdjectivesIndex, []string{"international", "direct", "bilateral", "further", "serious", "meaningful", "substantive", "formal", "informal", "diplomatic", "new"})
	// mtHopeWords before "that" hope for a meeting: "hopes that talks
	// with Russia can help".
	mtHopeWords    = setOf(mtHopeWordsIndex, []string{"hope", "hopes", "hoped", "hoping", "expectation", "expectations", "wish", "belief"})
	mtCyrWishStems = []string{"надії", "сподіва", "надежд", "надеж", "налаштован", "настроен", "готов", "готові", "готовн", "вимага", "закликa", "заклика", "прагн", "хоче", "хочу", "хотів", "требу", "призыва", "хотим", "хотят"}
)

// mtMerePossibility reports whether the talks at tr are only a form, a
// prospect or a possibility, whoever they would be with: "there was
// already a format for negotiations with Russia", "about the prospects of
// negotiations in Turkey with the Russian Federation", "possible talks",
// "Формат переговорів", "перспективи переговорів", "можливі переговори",
// "mögliche Verhandlungen".
func (s *scan) mtMerePossibility(tr mtTrigger, from int) bool {
	k := tr.at - 1
	if k < from {
		return false
	}
	if p := strings.ToLower(s.word(k)); p == "peace" || p == "ceasefire" || p == "мирних" || p == "мирні" || p == "мирных" {
		k--
	}
	if k < from {
		return false
	}
	w := strings.ToLower(s.word(k))
	if mtPossibleBefore.has(w) {
		return true
	}
	if (w == "for" || w == "of") && k-1 >= from && mtFormOf.has(strings.ToLower(s.word(k-1))) {
		return true
	}
	return s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrPossibleStems)
}

// mtPossibleBefore are the words before talks that make them a
// possibility; mtFormOf the nouns whose "of" or "for" talks follow.
var mtPossibleBefore = setOf(mtPossibleBeforeIndex, []string{"possible", "potential", "eventual", "hypothetical", "mögliche", "möglichen", "eventuelle", "eventuellen"})

var mtFormOf = setOf(mtFormOfIndex, []string{"format", "formats", "prospect", "prospects", "possibility", "possibilities", "idea", "hopes"})

var mtCyrPossibleStems = []string{"формат", "перспектив", "можлив", "возможн", "потенційн", "потенциальн"}
