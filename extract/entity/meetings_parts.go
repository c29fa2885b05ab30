package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// mtSentences splits the text into sentences: at a line break, and after
// a full stop, question or exclamation mark that a new sentence follows
// (a capital, a digit or an opening quote, with or without a space:
// scraped text glues "Ukraine.It"). Abbreviations ("Gen.", "Sept. 14",
// "J. Smith") and German ordinals ("14. Februar") do not end one.
func (s *scan) mtSentences() []mtSentence {
	var out []mtSentence
	n := len(s.toks)
	para, start := 0, 0
	closeAt := func(end int) {
		// A "sentence" longer than any a writer makes is scraped text that
		// lost its stops; cutting it keeps the work per sentence bounded.
		for end-start > mtMaxSentence {
			out = append(out, mtSentence{from: start, to: start + mtMaxSentence, para: para})
			start += mtMaxSentence
		}
		if end > start {
			out = append(out, mtSentence{from: start, to: end, para: para})
		}
		start = end
	}
	for i := 0; i < n; i++ {
		if s.toks[i].brk && i > start {
			closeAt(i)
			para++
		}
		switch s.key(i) {
		case ".", "!", "?", "…":
		default:
			continue
		}
		j := i + 1
		for j < n && !s.toks[j].brk && mtClosers.has(s.key(j)) {
			j++
		}
		if j >= n || s.toks[j].brk {
			continue
		}
		if !s.mtStartsSentence(j) || s.key(i) == "." && s.mtAbbreviation(i) {
			continue
		}
		closeAt(j)
		i = j - 1
	}
	closeAt(n)
	// A line with no full stop that a line of more follows is a headline
	// or a subheading: it sums up what comes after it.
	for k := range out {
		st := &out[k]
		if k+1 >= len(out) || !s.toks[out[k+1].from].brk || !s.toks[st.from].brk && st.from != 0 || st.to-st.from > 30 {
			continue
		}
		switch s.key(st.to - 1) {
		case ".", "!", "?", "\"", "”", ":", "»":
			continue
		}
		st.headline = true
	}
	return out
}

// mtDatelineEnd returns the first token after a wire dateline that opens
// the sentence ("BRUSSELS –", "JOINT BASE ANDREWS, Md. (AFNS) --",
// "MINSK, 26 September (BelTA) –"), or st.from when there is none. The
// dateline says where the story was filed; it is no part of the sentence.
func (s *scan) mtDatelineEnd(st mtSentence) int {
	if !s.allCaps(st.from) {
		return st.from
	}
	for k := st.from + 1; k < min(st.to-1, st.from+14); k++ {
		switch s.key(k) {
		case "–", "—":
			return k + 1
		case "-":
			if s.key(k+1) == "-" {
				return k + 2
			}
			if s.toks[k].space {
				return k + 1
			}
		case ",", ".", "(", ")":
			continue
		}
		if t := s.toks[k]; t.kind == tWord && !s.capitalised(k) || t.kind == tOther && !isDigit(s.word(k)[0]) {
			return st.from
		}
	}
	return st.from
}

// mtDatelineDates marks the date of a dateline ("MINSK, 26 September
// (BelTA) –") as the date of the report, not of what it reports.
func (s *scan) mtDatelineDates(st mtSentence, dates []dtExpr) {
	if !s.allCaps(st.from) {
		return
	}
	for k := range dates {
		e := &dates[k]
		if e.from-st.from > 4 {
			return
		}
		for j := e.to; j < min(st.to, e.to+5); j++ {
			switch s.key(j) {
			case "–", "—", "-":
				e.report = true
			}
		}
	}
}

// mtMaxSentence is the most tokens a sentence is read as.
const mtMaxSentence = 160

var mtClosers = setOf(mtClosersIndex, []string{"\"", "”", "’", "»", ")", "'", "]", "“"})

// mtStartsSentence reports whether token j can begin a sentence.
func (s *scan) mtStartsSentence(j int) bool {
	t := s.toks[j]
	switch t.kind {
	case tNum:
		return true
	case tPunct:
		switch s.key(j) {
		case "\"", "“", "«", "„", "(", "‘", "'", "-", "–", "—":
			return true
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.word(j))
	return unicode.IsUpper(r)
}

// mtAbbreviation reports whether the full stop at token i ends an
// abbreviation or an initial rather than a sentence.
func (s *scan) mtAbbreviation(i int) bool {
	if i == 0 || s.glued(i) == false {
		return false
	}
	w := s.word(i - 1)
	if titles.has(w) || dtShortMonths.has(w) || mtAbbrevs.has(w) || usStateAbbrevs.has(w) {
		return true
	}
	if len(w) == 1 && isUpper(w[0]) {
		return true // "J. Smith"
	}
	// German ordinal before a month: "am 14. Februar".
	if s.toks[i-1].kind == tNum && len(w) <= 2 && dtMonth(s.word(i+1)) != 0 {
		return true
	}
	return false
}

var mtAbbrevs = setOf(mtAbbrevsIndex, []string{
	"St", "No", "Nos", "Mt", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "vs", "Gov", "Govs", "Sens", "Reps",
	"Pres", "Rev", "Hon", "Gens", "Lt", "Maj", "Cmdr", "Cdr", "Cpt", "Sgt", "Pfc", "Spc", "Ret", "approx",
	"Nr", "Dr", "Prof", "ca", "bzw", "z", "B", "u", "a", "etc", "Fig", "Vol", "pp", "ggf", "vgl", "Abs", "Art",
})

// mtQuoted marks the tokens inside quotation marks. Quotes do not run
// across lines: scraped text drops closing ones.
func (s *scan) mtQuoted() []bool {
	q := make([]bool, len(s.toks)+1)
	in := false
	for i, t := range s.toks {
		if t.brk {
			in = false
		}
		switch s.key(i) {
		case "\"":
			in = !in
		case "“", "«", "„":
			in = true
		case "”", "»":
			in = false
		}
		q[i] = in
	}
	return q
}

// location finds where the meeting of group g takes place: a place after
// "in" or "at" ("in Brussels", "у Києві"), a place naming the meeting
// ("the Madrid summit"), a body's seat ("at NATO headquarters", "at NATO"),
// a building that stands for its city ("at the Pentagon"), and, failing
// those, the sentence's dateline ("BRUSSELS –").
func (r *mtReader) location(st mtSentence, g mtGroup) string {
	s := r.s
	// A meeting named after its city, or known to meet in one: "Munich
	// Security Conference", "Aspen Security Forum".
	for _, tr := range g.triggers {
		if tr.name == "" {
			continue
		}
		if city, ok := mtEventCities[tr.name]; ok {
			return city
		}
		start := s.tokenAt(s.toks[tr.end-1].end - len(tr.name))
		for _, h := range r.places {
			if h.from >= start && h.to <= tr.at {
				return h.e.name
			}
		}
	}
	best, bestDist := "", -1
	consider := func(name string, at int) {
		if city, ok := mtSeatWords[name]; ok {
			name = city // a venue known by name: "Mar-a-Lago" is in Palm Beach
		}
		d := 1 << 30
		for _, tr := range g.triggers {
			dd := tr.at - at
			if dd < 0 {
				dd = -dd
			}
			d = min(d, dd)
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = name, d
		}
	}
	for _, h := range r.places {
		if h.from < st.from || h.to > st.to {
			continue // the other meeting's part of a sentence that tells two
		}
		p := s.mtPlaceDescribed(h.from-1, st.from)
		if mtDefinite.has(s.word(p)) && !mtAtPreps.has(s.word(p)) && p-1 >= st.from {
			p-- // "in der", "at the"; "im" is both
		}
		if p >= st.from && (mtAtPreps.has(s.word(p)) || s.word(p) == "to" && (s.mtArriveBefore(p, st.from) || s.mtWelcomedTo(p, g)) && !s.mtLeftAfter(p, st.from, g)) {
			if mtAtPreps.has(s.word(p)) && s.mtHostileBefore(p-1, st.from) {
				continue // "a meeting on Russia's war crimes in Bucha": where the crimes were
			}
			consider(h.e.name, h.from)
			continue
		}
		for _, tr := range g.triggers {
			if h.to == tr.at || h.to+1 == tr.at && s.key(h.to) == "-" {
				consider(h.e.name, h.from)
			}
		}
	}
	for _, h := range r.orgs {
		seat, ok := mtSeatOf[h.e.name]
		if !ok {
			continue
		}
		k := h.to
		if s.key(k) == "'" || s.key(k) == "’" {
			k++
			if s.word(k) == "s" {
				k++
			}
		}
		if mtHeadquarters.has(s.word(k)) || s.toks[min(k, len(s.toks)-1)].kind == tOther && s.mtHeadquartersAt(k) {
			consider(seat, h.from)
			continue
		}
		p := h.from - 1
		if mtDefinite.has(s.word(p)) {
			p--
		}
		if p >= st.from && (s.word(p) == "at" || s.word(p) == "At") && (h.e.name == "NATO" || h.e.name == "Pentagon" || h.e.name == "EU") && !mtNamesMeeting(h, g) {
			// "talks at NATO" are at its seat; "at the NATO summit in
			// Madrid" is at the summit, wherever it meets.
			consider(seat, h.from)
			continue
		}
		if mtSeatedBodies.has(h.e.name) {
			// A body that always sits in its seat: "the Thursday meeting
			// of the Security Council", "a UN Security Council session".
			for _, tr := range g.triggers {
				if h.to == tr.at || h.from > tr.at && h.from <= tr.end+2 && (s.word(tr.end) == "of" || s.word(tr.end) == "des" || s.word(tr.end) == "der") {
					consider(seat, h.from)
				}
			}
		}
	}
	for k := st.from; k < st.to; k++ {
		// A state whose capital bears its name, met in: "EU foreign
		// ministers met in Luxembourg" (the places list leaves these
		// capitals out, since elsewhere the name means the state).
		codes, e := s.nationAt(k)
		if e <= k {
			continue
		}
		if len(codes) != 1 || !mtAtPreps.has(s.word(k-1)) || k-1 < st.from {
			k = e - 1
			continue
		}
		if city, ok := mtCityStates[codes[0]]; ok && mtNearTrigger(g, k, mtCityStateReach) {
			consider(city, k)
		}
		k = e - 1
	}
	for k := st.from; k < st.to; k++ {
		city, end := s.mtSeatWordAt(k, st.to)
		if city == "" {
			continue
		}
		p := k - 1
		if mtDefinite.has(s.word(p)) && !mtAtPreps.has(s.word(p)) {
			p-- // "at the White House"; "im Kanzleramt" has its article in "im"
		} else if a := s.key(p); (a == "'" || a == "’") && (s.word(p-1) == "l" || s.word(p-1) == "L") {
			p -= 2 // French elides the article: "à l'Élysée"
		}
		if p >= st.from && mtAtPreps.has(s.word(p)) {
			consider(city, k)
		}
		k = end - 1
	}
	// "in the Ukrainian capital", "to the Russian capital": the state's
	// capital, named by its state's adjective as wire copy does to avoid
	// saying its name twice.
	for k := st.from + 3; k < st.to; k++ {
		if s.word(k) != "capital" {
			continue
		}
		// The state's adjective is one or two words ("Ukrainian", "South
		// Korean") after "in the", "at the" or "to the".
		for j := max(st.from+2, k-2); j < k; j++ {
			if codes, e := s.nationAt(j); e == k && len(codes) == 1 {
				if p := s.word(j - 2); mtDefinite.has(s.word(j-1)) && (mtAtPreps.has(p) || p == "to") && capitalOf()[codes[0]] != "" {
					consider(capitalOf()[codes[0]], j)
				}
				break
			}
		}
	}
	// A dateline ("JERUSALEM (Reuters) -") says where the story was filed,
	// not where the meeting was: the guideline leaves such a place out.
	return best
}

// capitalOf maps a state's code to the name of its capital, for the states
// whose capital the places list holds and the gazetteer names the state
// by (Kyiv, Moscow, Beijing; not Brussels or Rome, which stand for more
// than their state).
var capitalOf = sync.OnceValue(func() map[string]string {
	forms := map[string]map[string]bool{}
	for _, st := range states {
		m := map[string]bool{}
		for _, f := range strings.Split(st.forms, "|") {
			m[f] = true
		}
		forms[st.code] = m
	}
	out := map[string]string{}
	for _, p := range placeForms {
		if _, done := out[p.country]; !done && forms[p.country][p.name] {
			out[p.country] = p.name
		}
	}
	return out
})

// mtNamesMeeting reports whether the organisation h qualifies a meeting
// word of g that follows it: "the NATO summit", "the EU-China summit".
func mtNamesMeeting(h lexHit, g mtGroup) bool {
	for _, tr := range g.triggers {
		if tr.at >= h.to && tr.at <= h.to+2 {
			return true
		}
	}
	return false
}

// mtHostileBefore reports whether token k, or the word before a state's
// genitive at k, is an act of war: "war crimes in Bucha", "the shelling
// in Kharkiv", "злочинів Росії в Бучі". A place after it is where the act
// was, not where the meeting is.
func (s *scan) mtHostileBefore(k, from int) bool {
	for n := 0; n < 2 && k >= from; n, k = n+1, k-1 {
		w := strings.ToLower(s.word(k))
		if mtHostileNouns.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, mtCyrHostileStems) {
			return true
		}
		if codes, e := s.nationAt(k); !(e > k && len(codes) > 0) || s.toks[k].kind != tOther {
			return false // only a Cyrillic state's genitive stands between
		}
	}
	return false
}

// mtArriveBefore reports whether "to" at p follows a word of arriving,
// which puts the meeting at the place: "arrive in Brussels to the summit"
// is caught by "in"; "travelled to Madrid for the summit" by this.
func (s *scan) mtArriveBefore(p, from int) bool {
	for k := p - 1; k >= max(from, p-3); k-- {
		switch s.word(k) {
		case "traveled", "travelled", "travel", "travels", "arrived", "arrive", "arrives", "came", "come", "went", "flew", "headed", "heading",
			"travelling", "traveling", "go", "goes", "fly", "flies", "flying", "then":
			return true
		}
	}
	return false
}

// mtWelcomedTo reports whether the "to" at token p takes a guest
// welcomed to a place: "welcomed the Polish president to Kyiv".
func (s *scan) mtWelcomedTo(p int, g mtGroup) bool {
	for _, tr := range g.triggers {
		if tr.class == mtHost && tr.at < p && p-tr.at <= mtWelcomedReach && strings.HasPrefix(s.lw(tr.at), "welcom") {
			return true
		}
	}
	return false
}

// mtWelcomedReach bounds the words between "welcomed" and the "to" of
// the place: the guest's title and name.
const mtWelcomedReach = 8

// mtLeftAfter reports whether the trip to the place after token p comes
// after the meeting, so that the place is where the one who met went
// next: "After meeting Scholz on Thursday, Zelensky flew to Rome", "met
// Scholz before flying to Rome".
func (s *scan) mtLeftAfter(p, from int, g mtGroup) bool {
	for _, tr := range g.triggers {
		if tr.at >= p {
			continue
		}
		if k := s.mtClauseStart(from, tr.at); tr.at-k <= 2 && (s.lw(k) == "after" || s.lw(k) == "following") {
			return true
		}
		for k := tr.end; k < p; k++ {
			switch s.lw(k) {
			case "before", "then", "later", "afterwards", "next":
				return true
			}
		}
	}
	return false
}

func (s *scan) mtHeadquartersAt(k int) bool {
	w := s.word(k)
	return lexHasStem(w, "штаб-квартир") || lexHasStem(w, "штаб")
}

// mtSeatWordAt reads a building that stands for its city at token k and
// returns the city and the token after the building's name.
func (s *scan) mtSeatWordAt(k, to int) (string, int) {
	w := s.word(k)
	// Hyphenated names come as several tokens: "Mar-a-Lago".
	for _, n := range [...]int{5, 3} {
		if k+n <= to && s.key(k+1) == "-" && s.glued(k+1) {
			if city, ok := mtSeatWords[s.text[s.toks[k].start:s.toks[k+n-1].end]]; ok {
				return city, k + n
			}
		}
	}
	if k+1 < to {
		if city, ok := mtSeatWords[w+" "+s.word(k+1)]; ok {
			return city, k + 2
		}
	}
	if city, ok := mtSeatWords[w]; ok {
		return city, k + 1
	}
	// capitalAt, not capitalised: a Cyrillic token is no tWord.
	if s.toks[k].kind == tOther && s.capitalAt(k) {
		for stem, city := range mtSeatWords {
			if !lexLatinText(stem) && lexHasStem(w, stem) {
				return city, k + 1
			}
		}
	}
	return "", k
}

// mtNationsIn returns the participant states named in tokens [from, to).
func (s *scan) mtNationsIn(from, to int, triggers []mtTrigger) []string {
	var out []string
	for i := from; i < to; {
		codes, end := s.nationAt(i)
		if end == i {
			i++
			continue
		}
		if len(codes) > 0 && end <= to {
			switch {
			case s.mtTopicNation(i, from, triggers) || s.mtListTopic(i, end, from, triggers) || s.mtMadeBy(end):
			case s.mtDeniedClause(i, from, to, triggers) || s.mtReporterNation(end) || s.mtTimeZone(i, end):
			default:
				for _, c := range codes {
					if !slices.Contains(out, c) {
						out = append(out, c)
					}
				}
			}
		}
		i = end
	}
	return out
}

// mtTimeZone reports whether the state at tokens [i, end) names the zone
// of a clock time: "after 18:00 Polish time", "at 12:30 Kyiv time". A
// clock says when, not who meets.
func (s *scan) mtTimeZone(i, end int) bool {
	switch s.lw(end) {
	case "time", "zeit":
	default:
		return false
	}
	return i > 0 && s.toks[i-1].kind == tNum
}

// mtMadeBy reports whether the state that ends before token k names
// where something was made or who backs it: "Iranian-made drones",
// "Russian-backed separatists". What the meeting speaks of, not a party.
func (s *scan) mtMadeBy(k int) bool {
	return s.key(k) == "-" && s.glued(k) && mtMadeWords.has(strings.ToLower(s.word(k+1)))
}

// mtMadeWords after a state and a hyphen make it an origin or a backer.
var mtMadeWords = setOf(mtMadeWordsIndex, []string{
	"made", "built", "produced", "manufactured", "designed", "supplied", "provided", "backed",
	"funded", "sponsored", "armed", "trained", "controlled", "occupied", "annexed", "installed",
})

// mtListTopic reports whether the state at tokens [i, end) stands in a
// list of names whose head is what the meeting is about: "sanctions on
// Iran, Syria and Lebanon", "deliveries to proxies in Gaza, Yemen and
// Lebanon". A list has an "and" or "or": "in Vilnius, Lithuania's
// capital" is a city and its state, no list.
func (s *scan) mtListTopic(i, end, from int, triggers []mtTrigger) bool {
	if s.capitalAt(end) {
		return false // "the U.S. Embassy": the state qualifies a name
	}
	head, joined := i, mtListJoins.has(s.word(end)) || s.key(end) == "," && mtListJoins.has(s.word(end+1))
	for k := i - 1; k > from; {
		if mtListArticles.has(s.word(k)) {
			k--
		}
		if s.key(k) != "," && !mtListJoins.has(s.word(k)) {
			break
		}
		joined = joined || mtListJoins.has(s.word(k))
		k--
		if s.key(k) == "," {
			k--
		}
		if !s.capitalAt(k) {
			break
		}
		if _, day := s.dtAt(k, i); day {
			break // "on Tuesday, the Czech and Slovak prime ministers": a day, no list
		}
		for k > from && s.capitalAt(k-1) {
			k--
		}
		head = k
		k--
	}
	if head == i || !joined {
		return false
	}
	// "grateful to Poland and Sweden", "a mission to Russia and
	// Ukraine": after "to" or "for" a list names whom a meeting is with
	// or goes to as often as what it is about; the list holds only what
	// "on", "about", "against" or "in" open.
	p := head - 1
	if mtListArticles.has(s.word(p)) {
		p--
	}
	switch s.word(p) {
	case "to", "for", "für", "nach", "до", "для":
		return false
	}
	return s.mtTopicNation(head, from, triggers)
}

// mtListArticles may stand before a name in a list.
var mtListArticles = setOf(mtListArticlesIndex, []string{"the", "den", "die", "der", "dem", "das", "le", "la", "les", "l"})

// mtListJoins join the states of a list.
var mtListJoins = setOf(mtListJoinsIndex, []string{"and", "or", "und", "oder", "et", "ou", "і", "та", "й", "чи", "и", "или"})

// mtReporterNation reports whether the state that ends before token k
// names who reports the meeting rather than who holds it: "Russian media
// described Vučić's meeting with Macron", "Chinese state media said".
func (s *scan) mtReporterNation(k int) bool {
	if s.word(k) == "state" || s.word(k) == "staatliche" || s.word(k) == "державні" || s.word(k) == "государственные" {
		k++
	}
	return mtMediaWords.has(strings.ToLower(s.word(k)))
}

// mtMediaWords are the press that reports a meeting.
var mtMediaWords = setOf(mtMediaWordsIndex, []string{
	"media", "press", "outlets", "outlet", "newspaper", "newspapers", "tv", "television", "broadcaster",
	"medien", "presse", "zeitung", "zeitungen", "médias", "presse", "змі", "сми", "медіа", "пресса",
})

// mtTopicNation reports whether the state at token i is what a meeting is
// about rather than who meets: after "to", "for", "on" (but not "spoke
// to"), or after "of" or "in" following "invasion", "war" and the like.
func (s *scan) mtTopicNation(i, from int, triggers []mtTrigger) bool {
	if s.mtOwnedTopic(i) {
		return true
	}
	p := i - 1
	if mtDefinite.has(s.word(p)) && p > from {
		p--
	}
	if p < from {
		return false
	}
	w := s.word(p)
	for _, tr := range triggers {
		// "spoke to Britain", "talks with Russia": the preposition right
		// after the meeting word says whom it was with; "talks on Syria",
		// "Verhandlungen über Syrien" say what it was about.
		if (p == tr.end || p == tr.end+1 && s.word(tr.end) == "by") && !mtAtPreps.has(w) && !mtAboutPreps.has(w) {
			return false
		}
	}
	if w == "to" && s.mtArriveBefore(p, from) {
		// "travelling to Germany to meet the chancellor", "will go to
		// Ukraine for talks": the state a trip goes to is its host.
		return false
	}
	if mtTopicPreps.has(w) {
		return true
	}
	if s.mtActedOnVerb(p) {
		// "preventing Iran from obtaining", "accused the United States
		// of", "encouraging Ukraine and Georgia to join", "preventing
		// Ukrainian President Zelensky from negotiating": a state, or
		// one in its office, that a verb acts on is what is said, not
		// who meets.
		return true
	}
	if s.mtClassAt(p) == mtDiscuss {
		// "discussed Iran with the Israeli defence minister",
		// "обговорили Україну": what is discussed is the topic; whom
		// it was discussed with follows "with".
		return true
	}
	// "talks in Turkey", "met in Beijing": the host is no party unless
	// its people are named as one.
	if mtAtPreps.has(w) && w != "на" && w != "На" {
		// "at the Pentagon" is the government that hosts; "leaders in
		// Morocco" are its leaders.
		_, seat := mtSeatWords[s.word(i)]
		return !seat && !mtPeopleWords.has(s.word(p-1))
	}
	if w == "of" || w == "in" || w == "des" || w == "der" || w == "in der" || w == "from" || w == "by" || w == "between" || w == "zwischen" {
		// "the threat from Russia", "the attacks by Russia", "the
		// conflict between Russia and Ukraine", as "the invasion of
		// Ukraine": the state is what the meeting is about.
		q := p - 1
		if w == "by" && s.word(q) == "posed" {
			q--
		}
		if mtTopicNouns.has(strings.ToLower(s.word(q))) {
			return true
		}
	}
	if s.mtRaisedBefore(i, from) {
		return true
	}
	if s.toks[p].kind == tOther && stemFoldAny(w, mtCyrHostileStems) {
		// Ukrainian and Russian put the owner after the act, in the
		// genitive and with no preposition: "війни Російської Федерації
		// проти України", "агрессии России".
		return true
	}
	return s.mtHostileOwner(i)
}

// mtRaisedBefore reports whether the state at token i lies in what a
// verb of discussing takes as its object, a few words on and in the same
// clause: "convened a meeting to discuss Russia's buildup near Ukraine",
// "said he would raise Taiwan". "with" or "between" first ends the object
// ("discussed the war with Poland's president"): whom it was discussed
// with may take part.
func (s *scan) mtRaisedBefore(i, from int) bool {
	for k := i - 1; k >= from && k >= i-mtTopicReach; k-- {
		w := s.word(k)
		if mtWithWords.has(strings.ToLower(w)) || mtClauseBreak(s, k) {
			return false
		}
		switch c := s.mtClassAt(k); {
		case c == mtDiscuss || mtRaiseVerbs.has(w):
			return true
		case c != mtNone:
			// "addressed the Moscow Conference in the Russian capital":
			// a gathering between the verb and the state is what the
			// state is said of.
			return false
		}
	}
	return false
}

// mtRaiseVerbs put what follows them on a meeting's agenda, or make it
// what the meeting means to settle: "talks to avoid the Russian-Ukrainian
// conflict".
var mtRaiseVerbs = setOf(mtRaiseVerbsIndex, []string{
	"raise", "raised", "raises", "raising", "address", "addressed", "addressing", "review",
	"reviewed", "reviewing", "avoid", "avert", "prevent", "defuse", "resolve", "settle",
})

// mtOwnedTopic reports whether the state at token i owns what a meeting
// is about, named right after it: "the question of Ukraine's membership
// is expected to dominate the summit", "Georgia's bid was the summit's
// main subject". Only nouns of a state's affairs that no office is named
// with count: "Ukraine's defence minister" is a person who may meet.
func (s *scan) mtOwnedTopic(i int) bool {
	k, ok := s.mtAfterOwner(i)
	if !ok {
		return false
	}
	if s.word(k) == "territorial" {
		k++ // "Ukraine's territorial integrity"
	}
	return mtStateAffairs.has(s.word(k))
}

// mtAfterOwner is the token after the state named at token i and its
// possessive "'s", if any; false when no state is named there.
func (s *scan) mtAfterOwner(i int) (int, bool) {
	_, k := s.nationAt(i)
	if k == i {
		return 0, false
	}
	if (s.key(k) == "'" || s.key(k) == "’") && s.word(k+1) == "s" {
		k += 2
	}
	return k, true
}

// mtStateAffairs are a state's affairs that a meeting speaks of, nouns no
// office is named with.
var mtStateAffairs = setOf(mtStateAffairsIndex, []string{
	"membership", "accession", "sovereignty", "integrity", "future", "reconstruction", "independence",
	"bid", "candidacy", "application",
})

// mtActedOnVerb reports whether token k is a verb whose object is acted
// on rather than met: to prevent, accuse, encourage, condemn or sanction
// a state, in each language.
func (s *scan) mtActedOnVerb(k int) bool {
	w := s.word(k)
	if w == "" || s.toks[k].kind == tPunct {
		return false
	}
	lw := strings.ToLower(w)
	if s.toks[k].kind == tOther {
		return stemFoldAny(lw, mtCyrActedOnStems)
	}
	for _, st := range mtActedOnStems {
		if strings.HasPrefix(lw, st) {
			return true
		}
	}
	return false
}

// mtActedOnStems are the English, German and French stems of verbs that
// act on a state; mtCyrActedOnStems the Ukrainian and Russian ones.
var mtActedOnStems = []string{
	"prevent", "accus", "encourag", "discourag", "convinc", "persuad", "deter", "punish", "condemn",
	"sanction", "blam", "criticis", "criticiz", "isolat",
	"hinder", "beschuldig", "ermutig", "überzeug", "verurteil", "kritisier", "bestraf", "isolier",
	"empêch", "accus", "encourag", "convainc", "condamn", "critiqu", "dissuad", "isoler", "isolé",
}

var mtCyrActedOnStems = []string{
	"звинуват", "засуди", "засудж", "переконав", "переконал", "стриму", "стримат", "покара", "ізолю", "критику",
	"обвини", "обвиня", "осуди", "осужда", "убедил", "сдержив", "сдержат", "наказа", "изолир", "критику",
}

// mtAboutPreps, right after a meeting word, open what it is about.
var mtAboutPreps = setOf(mtAboutPrepsIndex, []string{"on", "about", "over", "regarding", "concerning", "über", "um", "про", "щодо", "о", "об", "по"})

// mtHostileOwner reports whether the state at token i is the one whose
// war, invasion or soldiers a meeting speaks of: "concerns about
// Russia's aggression", "condemnation of Russia's military invasion",
// "the threat of another Russian invasion", "вбивство російськими
// військовими". The state that wages a war is its topic, not at the table.
func (s *scan) mtHostileOwner(i int) bool {
	k, ok := s.mtAfterOwner(i)
	if !ok {
		return false
	}
	for n := 0; n < 3 && k < len(s.toks); n, k = n+1, k+1 {
		w := s.word(k)
		if w == "" || s.toks[k].kind == tPunct {
			return false
		}
		lw := strings.ToLower(w)
		if mtHostileNouns.has(lw) || s.toks[k].kind == tOther && stemFoldAny(lw, mtCyrHostileStems) {
			return true
		}
		if isUpper(w[0]) || s.toks[k].kind == tOther {
			return false // "Russian President", "російський президент"
		}
	}
	return false
}

// mtHostileNouns are acts and agents of war whose state is a meeting's
// topic when it owns them.
var mtHostileNouns = setOf(mtHostileNounsIndex, []string{
	"invasion", "war", "aggression", "attack", "attacks", "offensive", "strikes", "bombing",
	"bombardment", "occupation", "annexation", "atrocities", "crimes", "troops", "soldiers",
	"shelling", "missiles", "drones", "blockade", "tanks", "rockets", "bombs", "artillery",
	"krieg", "angriff", "angriffskrieg", "invasion", "truppen", "soldaten", "raketen", "panzer", "drohnen",
	"guerre", "agression", "attaque", "attaques", "troupes", "soldats", "frappes", "chars",
})

// mtCyrHostileStems are mtHostileNouns in Ukrainian and Russian.
var mtCyrHostileStems = []string{"війн", "агресі", "вторгнен", "напад", "військ", "окупац", "окупант", "обстріл", "злочин",
	"войн", "вторжени", "нападени", "военн", "войск", "оккупац", "оккупант", "обстрел", "солдат", "преступлен",
	"танк", "ракет", "бомб", "снаряд", "артилер", "дрон"}

// mtDeniedClause reports whether token i stands in a clause that says
// its subject takes no part: "although U.S. Defense Secretary Pete Hegseth
// is not slated to participate".
func (s *scan) mtDeniedClause(i, from, to int, triggers []mtTrigger) bool {
	start := i
	for start > from && !mtClauseBreak(s, start-1) {
		start--
	}
	end := i
	for end < to && !mtClauseBreak(s, end) {
		end++
	}
	for k := start; k < end; k++ {
		w := s.word(k)
		if w == "not" || w == "n't" || w == "absent" || w == "without" || w == "nicht" || w == "не" || w == "t" && s.key(k-1) == "'" {
			return true
		}
		if k > i && mtStayAwayVerbs.has(w) && len(triggers) > 0 && k < triggers[0].at {
			// "Russia refused to send a delegation to the summit",
			// "Hungary boycotted the summit"; not "met Duda and declined
			// to comment".
			return true
		}
	}
	// "if Russia attacks Ukraine again": a condition names no party.
	for k := start; k < i; k++ {
		switch s.word(k) {
		case "if", "If", "unless", "whether", "wenn", "falls", "якщо", "если":
			return true
		}
	}
	return false
}

// mtStayAwayVerbs say that their subject kept out of a meeting, which
// makes the subject no party to it.
var mtStayAwayVerbs = setOf(mtStayAwayVerbsIndex, []string{
	"refused", "refuses", "declined", "declines", "boycotted", "boycotts", "boycotting", "skipped",
	"skips", "snubbed", "shunned", "boykottierte", "boykottiert", "verweigerte", "boycotté", "refusé",
})

// mtClauseBreak reports whether token k ends a clause.
func mtClauseBreak(s *scan, k int) bool {
	switch s.key(k) {
	case ",":
		return !s.mtHeadlineComma(k)
	case ";", ":", "(", ")", "–", "—":
		return true
	}
	switch s.word(k) {
	case "although", "but", "while", "though", "whereas", "however", "aber", "jedoch", "але", "однак":
		return true
	}
	return false
}

// mtParty is one of the people a meeting was with.
type mtParty struct {
	from, to int
	nations  []string // the states named with them ("Prime Minister of Israel")
	names    []string // their surnames, by which a later sentence may name them again
}

// mtPrivatePeople reports whether parties are all people named by name
// alone whom the text never gives an office, a state or a body: no leader
// the news knows by surname, no name the text ties to a state, and no
// mention of the name with an office word before it ("Secretary General
// Jens Stoltenberg" said earlier makes "Stoltenberg" an official).
func (s *scan) mtPrivatePeople(parties []mtParty) bool {
	if len(parties) == 0 {
		return false
	}
	for _, p := range parties {
		if len(p.nations) > 0 || len(p.names) == 0 {
			return false
		}
		// Names alone: a word in lower case ("representatives of the
		// Verkhovna Rada", "членами Кабміну") says who they are.
		names := 0
		for k := s.mtSkipDeterminers(p.from, p.to); k < p.to; k++ {
			if s.toks[k].kind == tPunct {
				continue
			}
			if !s.capitalAt(k) || s.mtOfficialWord(k) || s.people().stateOf(s, k) != "" {
				return false
			}
			names++
		}
		if names == 0 || names > 3 {
			return false
		}
		for _, n := range p.names {
			if s.mtNamedInOffice(n) {
				return false
			}
		}
	}
	return true
}

// mtCyrHonorificStems and mtCyrBodyLeaderStems are the honorifics ("Його
// Святістю Папою") and the heads of international bodies in Ukrainian and
// Russian.
var (
	mtCyrHonorificStems  = []string{"пап", "святіст", "святейшеств", "величніст", "величеств", "патріарх", "патриарх", "корол", "принц"}
	mtCyrBodyLeaderStems = []string{"мішел", "мишел", "столтенберг", "гутерр", "ляєн", "ляйен", "боррел", "рютте", "рютт", "каллас", "кошт", "гроссі", "гросси", "георгієв", "георгиев", "мецол", "малпас"}
)

// mtBodyLeaders are the heads of alliances and international bodies the
// news names by surname alone, whom leaderStates leaves out because they
// stand for no state.
var mtBodyLeaders = setOf(mtBodyLeadersIndex, []string{
	"Stoltenberg", "Rutte", "Guterres", "Leyen", "Michel", "Borrell", "Kallas", "Costa", "Grossi",
	"Georgieva", "Lagarde", "Metsola", "Malpass", "Banga", "Türk", "Bachelet", "Tedros",
})

// mtNamedInOffice reports whether the text anywhere names the person with
// surname n after an office word or an organisation ("NATO Secretary
// General Jens Stoltenberg", "IMF chief Georgieva") or before an office
// ("Jens Stoltenberg, the NATO Secretary General").
func (s *scan) mtNamedInOffice(n string) bool {
	if s.officeNames == nil {
		s.officeNames = s.mtOfficeNames()
	}
	return s.officeNames[personKey(n)]
}

// mtOfficeNames reads the text once for the surnames mtNamedInOffice
// asks about, so that a text of many calls is read once, not once a call.
func (s *scan) mtOfficeNames() map[string]bool {
	afterOrg := make([]bool, len(s.toks))
	for _, h := range s.orgHits(0, len(s.toks)) {
		for k := h.to; k <= h.from+4 && k < len(s.toks); k++ {
			afterOrg[k] = true // an organisation ends within the four tokens before k
		}
	}
	office := func(j int) bool {
		w := s.word(j)
		return mtTitleWords.has(w) || personTitleWords.has(w) || s.mtCyrTitle(j)
	}
	m := map[string]bool{}
	for k := range s.toks {
		if s.toks[k].kind == tPunct || !s.capitalAt(k) {
			continue
		}
		named := afterOrg[k]
		for j := k - 1; !named && j >= max(0, k-4) && s.toks[j].kind != tPunct; j-- {
			named = office(j)
		}
		for j := k + 1; !named && j < min(len(s.toks), k+4) && (s.toks[j].kind != tPunct || j == k+1 && s.key(j) == ","); j++ {
			named = s.key(j) != "," && office(j)
		}
		if named {
			m[personKey(s.word(k))] = true
		}
	}
	return m
}

// mtCounterparts splits the people someone spoke with, met or informed
// into one party per person: "with the President of Lithuania, Mr.
// Nausėda, Prime Minister of Israel Bennett and Prime Minister of the
// United Kingdom Johnson" is three people, LT, IL and GB. Pronouns ("with
// him") make no party. It also reports whether the parties meet each
// other ("talks between Ukraine and Russia") rather than each the one who
// speaks.
func (s *scan) mtCounterparts(triggers []mtTrigger, to int, orgs []lexHit) ([]mtParty, bool) {
	obj := -1
	for _, tr := range triggers {
		if tr.object >= 0 {
			obj = tr.object
			break
		}
	}
	if obj < 0 {
		return nil, false
	}
	switch s.word(obj - 1) {
	case "between", "zwischen", "між", "между":
		return nil, true
	}
	type item struct {
		mtParty
		person, name, honorific, title bool
		startsThe                      bool
	}
	var items []item
	cur := item{mtParty: mtParty{from: obj}}
	flush := func(end int) {
		cur.to = end
		if cur.person {
			items = append(items, cur)
		}
	}
	// "After a telephone conversation with the Chinese leader, the
	// Kremlin said": a meeting in a sentence's opening phrase has its
	// parties up to the comma that closes the phrase.
	intro := s.mtOpeningPhrase(triggers[0].at)
	k := obj
	for k < to {
		w := s.word(k)
		if intro && s.key(k) == "," && !s.mtListGoesOn(k, to) {
			break
		}
		if dtReportingVerbs.has(w) {
			cur.person = false // ", the Russian foreign ministry said"
			break
		}
		if mtListEnds.has(w) || mtListEnds.has(s.key(k)) {
			// "Mr. Nausėda": the full stop of a title ends nothing.
			if !(s.key(k) == "." && (mtHonorifics.has(s.word(k-1)) || titles.has(s.word(k-1)))) {
				break
			}
		}
		if s.key(k) == "," && s.mtReportAfter(k+1) {
			break // "avec Zelensky, a indiqué l'Élysée", "mit Selenskyj, wie der Élysée mitteilte"
		}
		if mtListSeparators.has(w) || mtListSeparators.has(s.key(k)) {
			flush(k)
			cur = item{mtParty: mtParty{from: k + 1}}
			k++
			continue
		}
		if k == cur.from && (w == "the" || w == "his" || w == "her") {
			cur.startsThe = true
		}
		codes, end := s.nationAt(k)
		if end > k {
			if len(codes) > 0 {
				cur.person = true
				cur.nations = mtUnion(cur.nations, codes)
			}
			k = end
			continue
		}
		if oe := mtOrgEnd(orgs, k); oe > k {
			k = oe // "the Prosecutor of the International Criminal Court": no one's name
			continue
		}
		if k == cur.from && mtHonorifics.has(w) {
			cur.honorific = true
		}
		switch {
		case s.mtPronoun(k):
		case mtTitleWords.has(w) || mtHonorifics.has(w) || s.mtCyrTitle(k):
			cur.person, cur.title = true, cur.title || !mtHonorifics.has(w)
		case s.mtPersonWord(k) && s.word(k+1) == "of":
			// "the President of the Republic of Lithuania": a word that
			// "of" follows names an office or a state, not a person.
			cur.person = true
		case s.mtPersonWord(k):
			cur.person, cur.name = true, true
			// The last name word is the surname; a family name its state
			// writes first ("Wang Yi", "Kim Jong Un") is kept beside it,
			// as the text names the person again by it.
			var family []string
			for _, n := range cur.names {
				if familyNameFirst[s.people()[personKey(n)]] {
					family = append(family, n)
				}
			}
			cur.names = append(append(cur.names[:0:0], w), family...)
		}
		k++
	}
	flush(k)
	// An apposition belongs to the person before it: "his US counterpart,
	// Antony Blinken"; "the President of Lithuania, Mr. Nausėda"; "Karim
	// Khan, the Prosecutor of the International Criminal Court".
	var merged []item
	for i, it := range items {
		if n := len(merged); n > 0 {
			prev := &merged[n-1]
			comma := s.key(it.from-1) == ","
			nameAfterOffice := !prev.name && (it.honorific || it.name && len(it.nations) == 0 && !it.title)
			// "Charles Michel, President of the European Council",
			// "з Шарлем Мішелем, Президентом Європейської ради": an
			// office after a comma with no name of its own is the
			// named person's, with or without an article.
			officeAfterName := prev.name && !it.name && !prev.title && (it.startsThe || comma && s.isTitleWord(it.from))
			// "з головою Африканського союзу, Президентом Сенегалу Макі
			// Саллом": an office of a body with no one named, then after
			// a comma at the list's end a state's office and a name, is
			// one person holding both.
			officeOfBody := !prev.name && prev.title && len(prev.nations) == 0 && it.title && it.name && comma && i == len(items)-1
			nameAfterOffice = nameAfterOffice || officeOfBody
			if nameAfterOffice || officeAfterName {
				prev.name = prev.name || it.name
				prev.title = prev.title || it.title
				prev.nations = mtUnion(prev.nations, it.nations)
				prev.names = mtUnion(prev.names, it.names)
				prev.to = it.to
				continue
			}
		}
		merged = append(merged, it)
	}
	out := make([]mtParty, len(merged))
	for i, it := range merged {
		out[i] = it.mtParty
	}
	return out, false
}

// mtOpeningPhrase reports whether the meeting word at token at stands in
// the phrase that opens its sentence, with no comma or verb before it:
// "After a call with …,", "During talks with …,", "Nach dem Treffen mit
// …,", "Після розмови з …,".
func (s *scan) mtOpeningPhrase(at int) bool {
	for k := at - 1; k >= 0 && at-k <= 4; k-- {
		if s.toks[k].kind == tPunct {
			return false
		}
		if mtOpeners.has(s.word(k)) {
			return k == 0 || s.key(k-1) == "." || s.key(k-1) == "!" || s.key(k-1) == "?" ||
				strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], "\n")
		}
	}
	return false
}

// mtListGoesOn reports whether the comma at token k goes on with a list
// that an "and" closes before a comma of its own: "After talks with
// France, Germany and Britain, the minister said".
func (s *scan) mtListGoesOn(k, to int) bool {
	and := false
	for j := k + 1; j < to; j++ {
		switch {
		case s.key(j) == ",":
			return and
		case mtListAnd.has(s.word(j)):
			and = true
		}
	}
	return false
}

// mtReportAfter reports whether the clause a comma opens at token k is
// no further party but what follows them: a word in lower case that is no
// article, office, people or state ("a indiqué l'Élysée", "wie der Élysée
// mitteilte", "hieß es aus Paris"). Ukrainian and Russian offices start
// with adjectives in lower case ("виконавчим директором"), so their
// lists are not cut so.
func (s *scan) mtReportAfter(k int) bool {
	if k >= len(s.toks) || s.toks[k].kind != tWord || s.capitalAt(k) {
		return false
	}
	w := s.word(k)
	if next := s.lw(k + 1); (w == "a" || w == "ont") && (strings.HasSuffix(next, "é") || next == "dit" || next == "écrit") {
		return true // the French perfect "a indiqué", not the article
	}
	if s.mtSkipDeterminers(k, k+1) > k || mtListAnd.has(w) || mtTitleWords.has(w) || personTitleWords.has(w) ||
		mtPeopleWords.has(w) || mtHonorifics.has(w) {
		return false
	}
	if _, e := s.nationAt(k); e > k {
		return false
	}
	return true
}

// mtListAnd close a list.
var mtListAnd = setOf(mtListAndIndex, []string{"and", "und", "і", "й", "та", "и", "et"})

// mtOpeners open a phrase of time or occasion at the head of a sentence.
var mtOpeners = setOf(mtOpenersIndex, []string{"After", "During", "Following", "Before", "Ahead", "At", "Nach", "Während", "Vor", "Bei", "Після", "Під", "Перед", "После", "Во"})

// mtOrgEnd returns the end of the organisation's name that starts at
// token k, or k.
func mtOrgEnd(orgs []lexHit, k int) int {
	for _, h := range orgs {
		if h.from == k {
			return h.to
		}
	}
	return k
}

func (s *scan) mtCyrTitle(k int) bool {
	if k < 0 || k >= len(s.toks) || s.toks[k].kind != tOther {
		return false
	}
	w := s.word(k)
	key, ok := lexStemIndex(w)
	if !ok {
		return false
	}
	for _, t := range mtCyrTitleIndex()[key] {
		if lexHasStem(w, t) {
			return true
		}
	}
	return false
}

// mtCyrTitleIndex files the Cyrillic office stems under their first two
// runes, so that a word is compared with the few that could match.
var mtCyrTitleIndex = sync.OnceValue(func() map[[2]rune][]string {
	m := map[[2]rune][]string{}
	for _, t := range mtCyrTitles {
		k, ok := lexStemIndex(t)
		if !ok {
			panic("entity: office stem too short: " + t)
		}
		m[k] = append(m[k], t)
	}
	return m
})

// mtNearTrigger reports whether token k is within reach tokens of one of
// the group's meeting words.
func mtNearTrigger(g mtGroup, k, reach int) bool {
	for _, tr := range g.triggers {
		if k >= tr.at-reach && k < tr.end+reach {
			return true
		}
	}
	return false
}

// mtCityStateReach bounds the words between a meeting word and a state
// whose capital bears its name: "met in Luxembourg", "met on Monday in
// Luxembourg", not a stop of a trip told further on.
const mtCityStateReach = 6

// mtCityStates are the states whose capital is spelt as the state is: a
// meeting "in Luxembourg" is in the city.
var mtCityStates = map[string]string{"LU": "Luxembourg", "MC": "Monaco", "DJ": "Djibouti", "SM": "San Marino"}

// mtPlaceDescribed steps back from token p over the words that describe
// the place after them, "the Saudi city of" Jeddah, "the Black Sea port
// of" Odesa, "im maltesischen" Valletta, and returns the token before
// them (p itself when there are none).
func (s *scan) mtPlaceDescribed(p, from int) int {
	k := p
	if s.lw(k) == "of" {
		k--
	}
	if mtPlaceNouns.has(s.lw(k)) {
		k--
	} else if k != p {
		return p // "of" alone: "the outskirts of Kyiv"
	}
	for n := 0; n < 3 && k > from; n++ {
		switch codes, e := s.nationAt(k); {
		case e == k+1 && len(codes) == 1:
			k-- // "the Saudi city of", "the Turkish capital", "im maltesischen"
		case mtSeaWords.has(s.word(k)):
			k-- // "the Black Sea port of"
		default:
			n = 3
		}
	}
	if k == p {
		return p
	}
	return k
}

// mtPlaceNouns name what kind of place follows: "the city of Jeddah".
var mtPlaceNouns = setOf(mtPlaceNounsIndex, []string{
	"city", "capital", "port", "town", "resort", "village", "island", "seaport",
	"stadt", "hauptstadt", "hafenstadt", "ville", "capitale",
})

// mtSeaWords are the words of a sea's or region's name before a place
// noun: "the Black Sea port of Odesa", "the Red Sea city of Jeddah".
var mtSeaWords = setOf(mtSeaWordsIndex, []string{"Black", "Red", "Baltic", "Caspian", "Sea", "Arctic", "Pacific", "coastal", "southern", "northern", "eastern", "western"})
