package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
)

// Nations returns the states text names, as ISO 3166-1 alpha-2 codes with
// counts, most-named first (ties by code). It reads English, Ukrainian,
// Russian, German and French, inflected forms included, without being told
// which: the forms of one language rarely mean anything in another, and an
// article quotes others (a Ukrainian address cites Russian; English news
// quotes a Ukrainian slogan).
func Nations(text string) []defwatch.Nation { return nationsOf(newScan(text)) }

func nationsOf(s *scan) []defwatch.Nation {
	var out []defwatch.Nation
	var capitals map[int]lexHit // a state's capital named at a token, found on first need
	for i := 0; i < len(s.toks); {
		codes, end := s.nationAt(i)
		if end == i {
			i++
			continue
		}
		if len(codes) == 1 && s.mayBeCapital(i) {
			if capitals == nil {
				capitals = s.capitalHits()
			}
			if h, ok := capitals[i]; ok && h.to == end && h.e.country == codes[0] && s.cityAsPlace(h, capitals) {
				i = end
				continue
			}
		}
		for _, c := range codes {
			k := slices.IndexFunc(out, func(n defwatch.Nation) bool { return n.Code == c })
			if k < 0 {
				out = append(out, defwatch.Nation{Code: c, Name: gaz().names.at(c)})
				k = len(out) - 1
			}
			out[k].Count++
		}
		i = end
	}
	slices.SortFunc(out, func(a, b defwatch.Nation) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// phrase is one form of the gazetteer, keyed in the index by its first
// token's text.
type phrase struct {
	rest  []string // the keys of the tokens after the first
	codes []string // nil for a phrase that names no state
	rule  formRule
}

// gazetteer is the compiled lookup: each first word lists the phrases that
// start with it, longest first, so one map lookup per capitalised word finds
// the longest match without a pass over the text per name.
type gazetteer struct {
	byFirst table[[]phrase]
	names   table[string]    // code to English short name
	cyr     table[[]cyrForm] // Cyrillic stems, folded to lower case
	compass table[[]string]  // German names that join a compass prefix, lower-cased
	// lowerStarts holds the first four bytes of the forms that start in
	// lower case (deutsche, français), cyrStarts the first three letters of
	// the Cyrillic stems. Most words of a text start no form, and the
	// filters spare them the map lookups.
	lowerStarts, cyrStarts startFilter
	cyrStems               wordFilter // every Cyrillic stem, whole
	// lowerShort are the few lower-case first words shorter than four
	// bytes: "sud" of sud-africain, "mer" of mer de Chine. cyrShort are the
	// Cyrillic stems of two letters (рф).
	lowerShort, cyrShort []string
}

// wordFilter is a set of words, hashed to one bit each, that a word whose
// bit is clear is certainly not in.
type wordFilter [1 << 16 / 64]uint64

func (f *wordFilter) add(w string) {
	k := startBit(w, len(w))
	f[k/64] |= 1 << (k % 64)
}

func (f *wordFilter) mayHold(w []byte) bool {
	k := startBit(w, len(w))
	return f[k/64]&(1<<(k%64)) != 0
}

// startFilter is a set of words' first n bytes, hashed to one bit each: a
// word whose bit is clear starts no word of the set; one whose bit is set
// may.
type startFilter struct {
	n    int
	bits [1 << 16 / 64]uint64
}

// startBit hashes the first n bytes of w (FNV-1a).
func startBit[T string | []byte](w T, n int) uint {
	h := uint64(14695981039346656037)
	for i := range n {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return uint(h >> 48)
}

// add puts the start of w, which has n bytes or more, in the set.
func (f *startFilter) add(w string) {
	k := startBit(w, f.n)
	f.bits[k/64] |= 1 << (k % 64)
}

// mayStart reports whether w may start a word of the set; w has n bytes
// or more.
func (f *startFilter) mayStart(w string) bool {
	k := startBit(w, f.n)
	return f.bits[k/64]&(1<<(k%64)) != 0
}

// mayStartBytes is mayStart for a word held in a buffer.
func (f *startFilter) mayStartBytes(w []byte) bool {
	k := startBit(w, f.n)
	return f.bits[k/64]&(1<<(k%64)) != 0
}

func (g *gazetteer) mayStartLower(w string) bool {
	if len(w) < 4 {
		return slices.Contains(g.lowerShort, w)
	}
	return g.lowerStarts.mayStart(w)
}

// gaz is built on first use and never changed after.
var gaz = sync.OnceValue(genGazetteer)

func buildGazetteer() *gazetteer {
	g := &gazetteer{
		lowerStarts: startFilter{n: 4},
		cyrStarts:   startFilter{n: cyrFilterBytes},
	}
	byFirst := make(map[string][]phrase, 4000)
	names := make(map[string]string, len(states))
	compass := make(map[string][]string, 400)
	// One shared slice per state, so that a match allocates nothing.
	codes := make(map[string][]string, len(states))
	for _, st := range states {
		codes[st.code] = []string{st.code}
	}
	seen := make(map[string]bool, 5000)
	add := func(form string, codes []string, rule formRule) {
		if seen[form] {
			return // another language spells it alike (Iran, Kabul, Mali)
		}
		seen[form] = true
		keys := formKeys(form)
		switch first := keys[0]; {
		case startsWithCapital(first):
		case len(first) < 4:
			if !slices.Contains(g.lowerShort, first) {
				g.lowerShort = append(g.lowerShort, first)
			}
		default:
			g.lowerStarts.add(first)
		}
		if r := formRules[form]; r != ruleNone {
			rule = r
		}
		if rule == ruleNone && languages.has(form) {
			rule = ruleLanguage
		}
		byFirst[keys[0]] = append(byFirst[keys[0]], phrase{rest: keys[1:], codes: codes, rule: rule})
	}
	for _, st := range states {
		names[st.code] = st.name
		for form := range strings.SplitSeq(st.forms, "|") {
			add(form, codes[st.code], ruleNone)
		}
	}
	for _, j := range jointForms {
		add(j.form, j.codes, ruleNone)
	}
	for _, form := range notStates {
		add(form, nil, ruleNone)
	}
	for _, form := range slices.Concat(deNotStates, frNotStates) {
		add(form, nil, ruleNone)
	}
	for _, st := range deStates {
		deForms(st, func(form string, name bool) {
			add(form, codes[st.code], ruleNone)
			if name && !strings.ContainsAny(form, " -") {
				compass[withoutCapital(form)] = codes[st.code]
			}
		})
	}
	for _, st := range frStates {
		frForms(st, func(form string, language bool) {
			rule := ruleNone
			if language {
				rule = ruleFrenchLanguage
			}
			add(form, codes[st.code], rule)
		})
	}
	for _, ps := range byFirst {
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.rest) - len(a.rest) })
	}
	cyr := buildCyrillic(func(c string) []string { return codes[c] })
	g.byFirst, g.names, g.cyr, g.compass = tableOf(byFirst), tableOf(names), tableOf(cyr), tableOf(compass)
	for _, stem := range g.cyr.keys {
		g.cyrStems.add(stem)
		if len(stem) >= cyrFilterBytes {
			g.cyrStarts.add(stem)
		} else {
			g.cyrShort = append(g.cyrShort, stem)
		}
	}
	return g
}

// formKeys tokenises a gazetteer form the way text is tokenised.
func formKeys(form string) []string {
	toks := tokenize(form, nil)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = tokKey(form, t)
	}
	return keys
}

func tokKey(text string, t token) string {
	if t.kind == tPunct {
		return punctKey(text[t.start:t.end])
	}
	return text[t.start:t.end]
}

// calendarWords are capitalised words that follow a state's name in
// ordinary sentences ("Jordan Tuesday"), so they do not make it a surname.
var calendarWords = setOf(calendarWordsIndex, []string{
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
})

// scan is one text, tokenised once and read by both taggers.
type scan struct {
	text    string
	toks    []token
	g       *gazetteer
	georgia int8   // whether bare "Georgia" is the US state: 0 not yet known, 1 yes, 2 no
	buf     []byte // a Cyrillic word folded to lower case

	speaker     string // the state a first-person text speaks for, once read
	speakerRead bool

	named map[string]bool // the states the text names, once asked for

	persons     personStates    // names the text ties to a state, once read
	officeNames map[string]bool // surname keys the text names with an office, once read

	// recase holds, by token, the lower-case form word returns for a
	// function word a title-case headline capitalises ("Meets With"), or
	// nil when the text has none (see headlineCase).
	recase []string
	// orig is the text as written; text differs from it where a line in
	// capitals is read in title case (see readCapsLines).
	orig string
}

// speakerState returns the state the text speaks for when it is an
// address or statement in the first person, or "": read once a text.
func (s *scan) speakerState() string {
	if !s.speakerRead {
		s.speaker, s.speakerRead = s.speakerNation(), true
	}
	return s.speaker
}

func newScan(text string) *scan {
	read := readCapsLines(text)
	s := &scan{text: read, orig: text, toks: tokenize(read, make([]token, 0, len(read)/5+1)), g: gaz()}
	s.headlineCase()
	return s
}

// word returns the text of token i, or "" past either end.
func (s *scan) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	if s.recase != nil && s.recase[i] != "" {
		return s.recase[i]
	}
	return s.text[s.toks[i].start:s.toks[i].end]
}

// key returns the gazetteer key of token i, or "" past either end.
func (s *scan) key(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return tokKey(s.text, s.toks[i])
}

func (s *scan) isWord(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tWord
}

// glued reports whether token i follows token i-1 with no space between.
func (s *scan) glued(i int) bool {
	return i > 0 && i < len(s.toks) && !s.toks[i].space
}

// capitalised reports whether token i is a word that starts with a capital.
func (s *scan) capitalised(i int) bool {
	if !s.isWord(i) {
		return false
	}
	w := s.word(i)
	if w[0] < 0x80 {
		return isUpper(w[0])
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allCaps reports whether token i is a word of two or more capitals.
func (s *scan) allCaps(i int) bool {
	if !s.isWord(i) {
		return false
	}
	w := s.word(i)
	if len(w) < 2 {
		return false
	}
	for j := 0; j < len(w); j++ {
		if !isUpper(w[j]) && w[j] != '.' {
			return false
		}
	}
	return true
}

// nationAt matches the gazetteer at token i. It returns the end of the
// longest phrase found there, or i when none starts there, and the states
// that phrase names in this place: none for a phrase that names no state or
// a form its surroundings rule out.
func (s *scan) nationAt(i int) (codes []string, end int) {
	if i >= 0 && i < len(s.toks) && s.toks[i].kind == tOther && isCyrillicAt(s.text[s.toks[i].start:]) {
		return s.cyrNationAt(i)
	}
	if !s.isWord(i) {
		return nil, i
	}
	w := s.word(i)
	if !startsWithCapital(w) && !s.g.mayStartLower(w) {
		return nil, i
	}
	ps, ok := s.g.byFirst.get(w)
	if !ok {
		if codes := s.compassAt(w); codes != nil {
			return codes, i + 1
		}
		return s.capsNationAt(i, w)
	}
	for _, p := range ps {
		if !s.matches(i+1, p.rest) {
			continue
		}
		end = i + 1 + len(p.rest)
		if p.codes == nil || !s.allowed(p.rule, i, end) || p.codes[0] != "US" && s.usPlaceAt(end) {
			return nil, end
		}
		return p.codes, end
	}
	return nil, i
}

// capsNationAt reads a state's one-word name in an all-capital headline
// ("RUSSIA TO MOBILIZE 60,000 RESERVISTS"): the name as it is written
// elsewhere, capitalised. Two- and three-letter words are left alone:
// in capitals they are abbreviations and pronouns ("US", "IT").
func (s *scan) capsNationAt(i int, w string) ([]string, int) {
	if len(w) < 4 || !s.allCaps(i) || strings.IndexByte(w, '.') >= 0 || !(s.allCaps(i-1) || s.allCaps(i+1)) {
		return nil, i
	}
	ps, ok := s.g.byFirst.get(w[:1] + strings.ToLower(w[1:]))
	if !ok {
		return nil, i
	}
	for _, p := range ps {
		end := i + 1 + len(p.rest)
		if end > len(s.toks) {
			continue
		}
		ok := true
		for k, key := range p.rest {
			if s.toks[i+1+k].brk || !strings.EqualFold(s.key(i+1+k), key) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if p.codes == nil || p.rule != ruleNone {
			return nil, end // "MINSK AGREEMENTS" names no state
		}
		return p.codes, end
	}
	return nil, i
}

// startsWithCapital reports whether w starts with a capital letter.
func startsWithCapital(w string) bool {
	if w[0] < utf8.RuneSelf {
		return isUpper(w[0])
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// compassAt returns the state of a German compound of a compass prefix and
// a country name (Nordirak, Südwestukraine), or nil.
func (s *scan) compassAt(w string) []string {
	switch w[0] {
	case 'N', 'S', 'O', 'W', 'Z':
	default:
		return nil
	}
	for _, p := range compassPrefixes {
		if len(w) > len(p)+3 && strings.HasPrefix(w, p) {
			if codes, ok := s.g.compass.get(w[len(p):]); ok {
				return codes
			}
		}
	}
	return nil
}

// matches reports whether the tokens from i on have the keys rest. A line
// break inside stops the match: a phrase does not run across paragraphs.
func (s *scan) matches(i int, rest []string) bool {
	if i+len(rest) > len(s.toks) {
		return false
	}
	for k, key := range rest {
		if s.toks[i+k].brk || s.key(i+k) != key {
			return false
		}
	}
	return true
}

// allowed applies a form's rule to the match of tokens [i, end).
func (s *scan) allowed(rule formRule, i, end int) bool {
	switch rule {
	case rulePersonName:
		return !s.personName(i, end)
	case ruleGeorgia:
		return !s.georgiaUS(i, end)
	case ruleUS:
		if s.key(end) == "$" && s.glued(end) {
			return false
		}
		return !s.usPronoun(i, end)
	case ruleLanguage:
		return !s.language(i, end)
	case ruleFrenchLanguage:
		p := s.word(i - 1)
		return p != "en" && p != "En"
	}
	return true
}

// usPronoun reports whether the "US" at [i, end) is the pronoun of an
// all-capital headline.
func (s *scan) usPronoun(i, end int) bool {
	if s.toks[i].brk || !s.allCaps(i-1) {
		return false
	}
	p := s.word(i - 1)
	if usPronounVerbs.has(p) {
		return true
	}
	if !usPronounPreps.has(p) {
		return false
	}
	return end >= len(s.toks) || s.toks[end].brk || !s.allCaps(end) || usAfterPronoun.has(s.word(end))
}

// usPlaceAt reports whether tokens from i on are a comma and a US state,
// which make the place before them a US town: "Lebanon, Missouri".
func (s *scan) usPlaceAt(i int) bool {
	if s.key(i) != "," || i+1 >= len(s.toks) || s.toks[i+1].brk {
		return false
	}
	w := s.word(i + 1)
	switch {
	case usStates.has(w):
		return true
	case w == "New" || w == "North" || w == "South" || w == "West" || w == "Rhode":
		return usTwoWordStates.has(w + " " + s.word(i+2))
	case usStateAbbrevs.has(w):
		return strings.HasSuffix(w, ".") || s.key(i+2) == "."
	}
	return false
}

// personName reports whether the state's form at [i, end) is part of a
// person's name: after a given name ("Michael Jordan"), an initial or a
// title ("Rep. Jordan"), or before a surname ("Jordan Peterson").
func (s *scan) personName(i, end int) bool {
	if !s.toks[i].brk {
		p := i - 1
		if s.capitalised(p) && !s.allCaps(p) && !capitalisedFunctionWords.has(s.word(p)) && !calendarWords.has(s.word(p)) && !s.startsState(p) {
			return true
		}
		if s.key(p) == "." && s.glued(p) && s.isWord(p-1) {
			prev := s.word(p - 1)
			if titles.has(prev) || len(prev) == 1 && isUpper(prev[0]) {
				return true
			}
		}
	}
	if end < len(s.toks) && !s.toks[end].brk && s.capitalised(end) && !s.allCaps(end) &&
		!calendarWords.has(s.word(end)) && !capitalisedFunctionWords.has(s.word(end)) && !s.startsState(end) {
		return true
	}
	return false
}

// startsState reports whether a state's form starts at token i.
func (s *scan) startsState(i int) bool {
	return s.g.byFirst.has(s.word(i))
}

// georgiaUS reports whether the "Georgia" at [i, end) is the US state:
// from its own surroundings ("governor of Georgia", "Fulton County,
// Georgia") or, failing those, from the article as a whole.
func (s *scan) georgiaUS(i, end int) bool {
	switch p := s.word(i - 1); {
	case p == "of":
		switch s.word(i - 2) {
		case "governor", "Governor", "Gov", "state", "State", "University", "Senator", "senator":
			return true
		}
	case p == ",":
		pp := s.word(i - 2)
		if georgiaUSCues.has(pp) || usStates.has(pp) || pp == "County" || pp == "Base" || pp == "AFB" || pp == "Field" || pp == "Station" {
			return true
		}
	}
	if s.key(end) == "," && (s.word(end+1) == "USA" || s.word(end+1) == "U.S.") {
		return true
	}
	if s.georgia == 0 {
		s.georgia = 2
		us, state := false, false
		for k := range s.toks {
			w := s.word(k)
			switch {
			case georgiaStateCues.has(w):
				state = true
			case georgiaUSCues.has(w) || usStates.has(w):
				us = true
			case w == "Ga" && s.key(k+1) == "." && s.key(k-1) == ",":
				us = true
			}
		}
		if us && !state {
			s.georgia = 1
		}
	}
	return s.georgia == 1
}

// language reports whether the adjective at [i, end) names a language:
// "Russian-speaking", "in Russian." or "in Russian and English", or a
// broadcaster's service in it ("BBC Russian").
func (s *scan) language(i, end int) bool {
	if s.key(end) == "-" && s.glued(end) && s.glued(end+1) {
		switch s.word(end + 1) {
		case "speaking", "speaker", "speakers", "language", "languages":
			return true
		}
	}
	switch s.word(i - 1) {
	case "BBC", "VOA", "RFE", "RFERL", "DW":
		// "BBC Russian", "VOA Ukrainian", "DW Russian": a broadcaster's
		// service in that language.
		return true
	case "in", "In":
		if end >= len(s.toks) || s.toks[end].brk || s.toks[end].kind == tPunct && !(s.key(end) == "-" && s.glued(end)) {
			return true
		}
		if n := s.word(end); n == "and" || n == "or" {
			return true
		}
	}
	return false
}

// mayBeCapital reports whether token i could start a city's name: a
// capitalised or Cyrillic word. It spares most states' names the lookup of
// the places.
func (s *scan) mayBeCapital(i int) bool {
	return s.toks[i].kind == tOther || s.capitalised(i) && !s.allCaps(i)
}

// capitalHits returns the places the text names, by the token each
// starts at.
func (s *scan) capitalHits() map[int]lexHit {
	m := map[int]lexHit{}
	for _, h := range s.placeHits(0, len(s.toks)) {
		m[h.from] = h
	}
	return m
}

// cityAsPlace reports whether a state's capital, named at h, is the city
// where something happens rather than the state's government: "a meeting
// in Vilnius", "arrived in Moscow", "the Beijing Olympics", a list of
// cities ("Warsaw, Bratislava, Budapest"). A capital that acts or speaks
// ("Moscow said", "Kyiv's decision") or is a government's seat ("the
// government in Warsaw") stands for the state and counts.
func (s *scan) cityAsPlace(h lexHit, places map[int]lexHit) bool {
	p, n := h.from-1, h.to
	if p >= 0 && !s.toks[h.from].brk {
		w := s.word(p)
		if seatWords.has(s.word(p-1)) && (w == "in" || w == "в" || w == "у") {
			return false // "the government in Warsaw", "уряд у Варшаві"
		}
		if placePrepositions.has(w) {
			return true
		}
		if w == "to" && travelWords.has(strings.ToLower(s.word(p-1))) {
			return true // "a visit to Moscow", "flew to Beijing"
		}
	}
	if s.actsAt(n) {
		return false // "Kyiv warns", "Moscow said"
	}
	if p >= 0 && !s.toks[h.from].brk && s.capitalised(p) && !s.sentenceStart(p) && !s.allCaps(p) &&
		!capitalisedFunctionWords.has(s.word(p)) && (n >= len(s.toks) || s.toks[n].brk || !s.capitalised(n)) {
		// The end of a longer name: "West Berlin", "Breitbart London"; in
		// a headline in title case the next word is capitalised too.
		return true
	}
	if n < len(s.toks) && !s.toks[n].brk {
		switch w := s.word(n); {
		case eventAfterCity.has(w) || eventAfterCity.has(strings.ToLower(w)):
			return true // "the Beijing Olympics", "the Vilnius summit"
		case w == "," || w == "and" || w == "und" || w == "та" || w == "і" || w == "и":
			// One of a list of cities: "Warsaw, Bratislava, Budapest".
			if _, ok := places[n+1]; ok {
				return true
			}
		}
	}
	if p >= 0 && (s.key(p) == "," || s.word(p) == "and") && !s.toks[h.from].brk {
		for k := p - 1; k >= max(0, p-4); k-- {
			if g, ok := places[k]; ok && g.to == p {
				return true // the last of a list of cities
			}
		}
	}
	return false
}

// actsAt reports whether token n reads as the verb of a subject before
// it: a reporting verb, an auxiliary or modal, or a lower-case word ending
// in "-s" or "-ed" ("Kyiv warns", "Moscow has", "Beijing responded").
func (s *scan) actsAt(n int) bool {
	if n >= len(s.toks) || s.toks[n].brk || s.toks[n].kind != tWord {
		return false
	}
	w := s.word(n)
	if w != strings.ToLower(w) || eventAfterCity.has(w) {
		return false
	}
	return dtReportingVerbs.has(w) || troopAuxiliaries.has(w) || troopModals.has(w) ||
		len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

var (
	// placePrepositions put a city where something happens.
	placePrepositions = setOf(placePrepositionsIndex, []string{
		"in", "at", "near", "outside", "around", "inside", "across", "through", "within",
		"In", "At", "Near", "Outside", "Around",
		"im", "bei", "nach",
		"à", "près",
		"у", "в", "во", "біля", "поблизу", "під", "У", "В",
	})
	// seatWords come before "in" when a city is named as the seat of a
	// government: "the government in Warsaw".
	seatWords = setOf(seatWordsIndex, []string{
		"government", "officials", "authorities", "leadership", "regime", "leaders",
		"Regierung", "Führung", "уряд", "влада", "керівництво", "правительство",
	})
	// travelWords take "to" before the city a trip goes to.
	travelWords = setOf(travelWordsIndex, []string{
		"visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels",
		"travelled", "traveled", "traveling", "travelling", "flew", "fly", "flies", "flying",
		"arrived", "arrive", "arrives", "came", "come", "went", "go", "goes", "going",
		"journey", "return", "returned", "returning", "headed", "heading", "moved",
		"invited", "invitation", "way", "road", "route", "drive", "drove", "march", "marched",
	})
	// eventAfterCity are nouns a city's name modifies when it is where
	// something took place: "the Beijing Olympics", "the Madrid summit".
	eventAfterCity = setOf(eventAfterCityIndex, []string{
		"olympics", "olympic", "games", "summit", "conference", "forum", "talks",
		"meeting", "meetings", "format", "airport", "metro", "subway", "region", "oblast",
		"residents", "mayor", "city", "streets", "street", "district", "suburbs", "suburb",
		"bombing", "bombings", "attack", "attacks", "marathon", "zoo", "university",
		"gipfel", "саміт", "зустріч", "переговори", "область", "області",
	})
)
