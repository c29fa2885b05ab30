package entity

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/defwatch/defwatch"
)

// What a figure's sentence says about it beyond the words of the figure
// itself: whose personnel they are when no adjective says so (the subject
// of the verb, a possessor, "our"), what the text says of them (deployed,
// planned, proposed, estimated, claimed), and who gives the figure.

// troopAntecedentReach is how many sentences back a pronoun subject's
// antecedent is looked for.
const troopAntecedentReach = 3

// troopSpan is where a figure stands, in tokens [start, end).
type troopSpan struct{ start, end int }

// troopReader reads the sentences of one text's figures.
type troopReader struct {
	s *scan

	orgs     []lexHit // the organisations of the sentence being read, once asked for
	orgsFrom int      // the sentence they are of
	sentFrom int      // the sentence being read for a source
	sentTo   int
	usText   int8 // whether the text names the United States: 0 not yet known, 1 yes, 2 no
	usMil    int8 // whether the text is written in the US services' words: 0 not yet known, 1 yes, 2 no

	enemy     string // the state at war with enemyOwn, once read
	enemyOwn  string
	enemyRead bool
}

// readFigures fills in the owner, status and source of each figure from
// its sentence, and drops the counts that are no force figure: a handful
// of people described or honoured ("five Guardians were recognised").
func (s *scan) readFigures(ts []defwatch.Troop, spans []troopSpan) []defwatch.Troop {
	if len(ts) == 0 {
		return ts
	}
	r := troopReader{s: s}
	out := ts[:0]
	prevOwner := ""
	for k, t := range ts {
		sp := spans[k]
		if t.Max < 10 && t.Category != defwatch.TroopCasualties {
			continue
		}
		from, to := r.sentence(sp.start)
		if t.Category == defwatch.TroopCasualties && r.forecast(sp, to) {
			continue // "thousands more will be killed in the coming weeks"
		}
		if t.Nation == "" && r.ofThem(sp.start, from) {
			t.Nation = prevOwner // "137 of our heroes ... Of them, 10 officers"
		}
		t.Source = r.source(sp, from, to)
		if t.Nation == "" {
			t.Nation = r.owner(t, sp, from, to)
		}
		if t.Nation == "" && len(out) > 0 {
			t.Nation = r.continuedOwner(out[len(out)-1], spans[k-1], t, sp, from, to)
		}
		if t.Nation == "" && len(out) > 0 {
			t.Nation = r.nearbyOwner(out[len(out)-1], spans[k-1], t, sp, from, to)
		}
		if t.Nation != "" && s.sponsorOnly(t.Nation, from, to) {
			t.Nation = "" // "U.S.-backed Syrian Democratic Forces ... 100,000 fighters"
		}
		if t.Nation != "" && t.Category == defwatch.TroopCasualties && r.groupUnit(sp) && s.killedBefore(from, sp.start) {
			// "its forces had killed about 17,000 Hamas fighters": the
			// fighters a state's forces killed are an armed group's.
			t.Nation = ""
		}
		prevOwner = t.Nation
		t.Status = r.status(t, sp, from, to)
		out = append(out, t)
	}
	return out
}

// killedBefore reports whether a verb of killing stands in tokens
// [from, to): someone killed the figure's people.
func (s *scan) killedBefore(from, to int) bool {
	for k := from; k < to; k++ {
		switch s.low(k) {
		case "killed", "kill", "kills", "killing", "eliminated", "neutralised", "neutralized", "liquidated":
			return true
		}
	}
	return false
}

// sponsorOnly reports whether the sentence [from, to) names state c only
// as the sponsor of a force ("U.S.-backed", "Iranian-led", "Russian-
// trained"): the force it backs is not its own.
func (s *scan) sponsorOnly(c string, from, to int) bool {
	sponsor := false
	for k := from; k < to; {
		codes, e := s.nationAt(k)
		if e <= k {
			k++
			continue
		}
		if slices.Contains(codes, c) {
			if s.key(e) != "-" || !s.glued(e) || !troopSponsorWords.has(s.lw(e+1)) {
				return false
			}
			sponsor = true
		}
		k = e
	}
	return sponsor
}

// troopSponsorWords follow a state and a hyphen to name what it does for
// a force that is not its own: "U.S.-backed", "Iranian-led".
var troopSponsorWords = setOf(troopSponsorWordsIndex, []string{
	"backed", "led", "trained", "funded", "sponsored", "supported", "armed", "aligned", "allied", "financed", "brokered",
})

// continuedOwner returns the owner of the figure before when this one
// goes on from it: "well over 100,000 troops near the border ... thousands
// more troops have arrived", "seven thousand Russian soldiers ... a total
// of about 170,000 soldiers". The figure says it adds to or sums a count
// ("more", "additional", "another", "a total of", "in all"), the one
// before has an owner and the same category and stands in this sentence
// or one of the two before, and no state but that owner, a place or the
// figure's source is named from there to the end of this sentence.
func (r *troopReader) continuedOwner(prev defwatch.Troop, psp troopSpan, t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	if prev.Nation == "" || prev.Category != t.Category || psp.end > sp.start {
		return ""
	}
	cont := false
	first := sp.start
	for first > max(0, sp.start-2) && s.toks[first-1].kind != tPunct {
		first-- // "an additional 3,000", not the noun of a figure before
	}
	for k := first; k < sp.end; k++ {
		w := s.low(k)
		if continueWords.has(w) || w == "total" && s.low(k-1) == "a" && s.low(k+1) == "of" {
			cont = true
		}
	}
	if !cont {
		return ""
	}
	// The figure before within this sentence or the two before it.
	reach := from
	for n := 0; n < 2 && reach > 0; n++ {
		reach, _ = r.sentence(reach - 1)
	}
	if psp.start < reach || r.otherPartyIn(psp.end, to, prev.Nation, t.Source) {
		return ""
	}
	return prev.Nation
}

// otherPartyIn reports whether tokens [from, to) name a state other than
// owner or source as a party: a place ("in Poland") or the one who gives
// the figure ("according to a US official") is none.
func (r *troopReader) otherPartyIn(from, to int, owner, source string) bool {
	s := r.s
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k {
			place := troopPrepositions.has(s.low(k-1)) || troopPrepositions.has(s.low(k-2)) && s.low(k-1) == "the"
			if !place && (len(codes) != 1 || codes[0] != owner && codes[0] != source) {
				return true
			}
			k = e - 1
		}
	}
	return false
}

// multinationalIn reports whether a figure's own words make its people a
// multinational force's ("ein UN-Soldat", "NATO troops"), which no state
// owns.
func (r *troopReader) multinationalIn(sp troopSpan) bool {
	for k := sp.start; k < sp.end; k++ {
		w := r.s.word(k)
		for _, m := range multinationalMarks {
			if w == m || strings.HasPrefix(w, m+"-") {
				return true
			}
		}
	}
	return false
}

// multinationalMarks name forces no single state owns.
var multinationalMarks = []string{"UN", "U.N", "NATO", "EU", "UNIFIL", "AU", "ООН", "НАТО", "ЕС", "ЄС"}

// nearbyOwner returns the owner of the casualty figure before when this
// one follows it closely in the same paragraph and nothing between names
// another side: "the enemy lost hundreds more soldiers ... Dozens of
// officers.", "two soldiers were killed ... seven others wounded". A tally
// of losses goes on counting one side's dead and wounded until it names
// the other; a line break, more than two sentences between, another state
// named as a party or a multinational force ends that. Force sizes do not carry so
// (a later "2,000 troops arrived" may be anyone's) unless they say they
// add to the one before (continuedOwner) or stand alone in a verbless
// sentence that lists on from it ("... hundreds of soldiers. Dozens of
// officers.").
func (r *troopReader) nearbyOwner(prev defwatch.Troop, psp troopSpan, t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	if prev.Nation == "" || psp.end > sp.start || r.multinationalIn(sp) {
		return ""
	}
	if !r.fragment(sp, from, to) && (t.Category != defwatch.TroopCasualties || prev.Category != t.Category) {
		return ""
	}
	reach := from
	for n := 0; n < 2 && reach > 0 && !s.toks[reach].brk; n++ {
		reach, _ = r.sentence(reach - 1)
	}
	if psp.start < reach {
		return ""
	}
	for k := psp.end; k <= sp.start; k++ {
		if s.toks[k].brk {
			return ""
		}
	}
	if r.otherPartyIn(psp.end, to, prev.Nation, t.Source) {
		return ""
	}
	return prev.Nation
}

// fragment reports whether the sentence [from, to) is the figure alone,
// with at most a word that adds it to what came before: "Десятки
// офіцерів.", "And dozens of officers." Such a sentence has no verb of
// its own and goes on with the count before it, whatever its kind.
func (r *troopReader) fragment(sp troopSpan, from, to int) bool {
	s := r.s
	for k := from; k < to; k++ {
		if k >= sp.start && k < sp.end || s.toks[k].kind == tPunct || fragmentWords.has(s.low(k)) {
			continue
		}
		return false
	}
	return true
}

// fragmentWords may stand beside a figure in a verbless sentence.
var fragmentWords = setOf(fragmentWordsIndex, []string{"and", "also", "plus", "ще", "і", "й", "та", "также", "и", "ещё", "еще", "und", "auch", "et"})

// continueWords make a figure add to one before: "thousands more troops",
// "an additional 3,000", "another 5,000".
var continueWords = setOf(continueWordsIndex, []string{"more", "additional", "another", "further", "extra"})

// sentence returns the tokens of the sentence token i stands in, as far
// as mtMaxSentence tokens either way: from after the last full stop that
// a new sentence follows, or a line break, to the next.
func (r *troopReader) sentence(i int) (int, int) {
	s := r.s
	from := i
	for from > 0 && i-from < mtMaxSentence && !s.toks[from].brk && !r.endsAt(from-1) {
		from--
	}
	to := i + 1
	for to < len(s.toks) && to-i < mtMaxSentence && !s.toks[to].brk && !r.endsAt(to-1) {
		to++
	}
	return from, to
}

// endsAt reports whether a sentence ends with token k: a full stop, a
// question or exclamation mark that no abbreviation explains and that a
// new sentence follows.
func (r *troopReader) endsAt(k int) bool {
	s := r.s
	switch s.key(k) {
	case "!", "?", "…":
	case ".":
		if s.mtAbbreviation(k) {
			return false
		}
		// The stop of a multiplier a figure reads through ("20 Tsd.
		// Soldaten hat die Ukraine verloren", "1,5 Mio. Soldaten") is
		// inside the figure, and the subject after it is the figure's.
		if m, e := s.intlMultiplierAt(k - 1); k >= 2 && m != 0 && e == k+1 && s.toks[k-2].kind == tNum {
			return false
		}
	default:
		return false
	}
	return k+1 >= len(s.toks) || s.toks[k+1].brk || s.mtStartsSentence(k+1) || mtClosers.has(s.key(k+1))
}

// owner finds whose personnel a figure counts when its own words do not
// say: a possessor before it ("Russia's 127,000 soldiers", "2,000 of its
// troops", "our warriors"), a state after it ("servicemen of the Armed
// Forces of Ukraine"), the subject of the verb that deploys, masses, has
// or loses them ("Russia has massed 100,000 soldiers", "Ukraine will
// deploy about 12,000 troops"), or, for the capitalised service nouns of
// US military writing ("36 Airmen", "More than 6,000 Sailors"), the
// United States when the text names it.
func (r *troopReader) owner(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	// A possessor right before the count.
	p := sp.start - 1
	if s.key(p) == "s" && (s.key(p-1) == "'" || s.key(p-1) == "’") {
		if c := r.nationEndingAt(p-1, from); c != "" {
			return c
		}
	}
	if s.bareApostropheAt(p) {
		if c := r.nationEndingAt(p, from); c != "" {
			return c // "the Netherlands' 2,000 soldiers"
		}
	}
	if prisonerUnit(t.Unit) && r.capturedIn(from, to) {
		// "Ukrainian forces took 300 prisoners", "we have taken 500
		// prisoners": the captor's prisoners are its enemy's soldiers.
		return r.enemyOf(r.subjectOwner(t, sp, from, to))
	}
	if c := r.aggregateOwner(sp, from); c != "" {
		return c
	}
	if c := r.orderedAggregateOwner(sp, from); c != "" {
		return c
	}
	// Possessives inside the figure or just before it: "2,000 of its
	// troops", "our servicemen", "drei seiner Soldaten".
	for k := max(from, sp.start-1); k < sp.end; k++ {
		w := s.word(k)
		switch {
		case troopOurWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, troopOurStems):
			if c := r.speakerNation(); c != "" {
				return c
			}
			if c := r.quotedSpeaker(k); c != "" {
				return c
			}
		case troopYourWords.has(w) && r.speakerNation() != "":
			if c := r.enemyOf(r.speakerNation()); c != "" {
				return c
			}
		case troopItsWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, troopItsStems):
			if c := r.subjectNation(from, sp.start); c != "" {
				return c
			}
			if r.enemyBefore(from, sp.start) {
				// "The invaders did not succeed. Thousands of their people
				// were thrown into battle": the enemy's own.
				if c := r.enemyOf(r.speakerNation()); c != "" {
					return c
				}
			}
			if troopPronouns.has(s.word(from)) {
				// "Росія атакує. Вони кинули в бій тисячі своїх солдатів":
				// "their" points at the subject the pronoun stands for.
				if c := r.antecedentOwner(from); c != "" {
					return c
				}
			}
		}
	}
	if c := r.ownerAfter(sp.end, to); c != "" && !(s.low(sp.end) == "from" && s.movedBefore(sp.start, from)) {
		return c
	}
	// An address's own: "our heroes" said as "340 border guards – our
	// heroes", and its defenders and heroes, whom it names without "our"
	// ("122 defenders were awarded").
	if d := s.key(sp.end); (d == "–" || d == "—" || d == "-") && !s.glued(sp.end) {
		for k := sp.end + 1; k < min(to, sp.end+3); k++ {
			if troopOurWords.has(s.word(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopOurStems) {
				if c := r.speakerNation(); c != "" {
					return c
				}
			}
		}
	}
	for k := max(from, sp.start-2); k < sp.end; k++ {
		if troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopCyrEnemyStems) {
			own := r.speakerNation()
			if own == "" {
				// "Ukraine's eastern military command has said
				// 20,000-25,000 enemy troops are ...": the enemy of the
				// state that gives the figure.
				if src := r.source(sp, from, to); len(src) == 2 && isUpper(src[0]) && isUpper(src[1]) {
					own = src
				}
			}
			if c := r.enemyOf(own); c != "" {
				return c
			}
			if own != "" {
				// The enemy of a speaker whose enemy the text does not
				// name is no state the text gives, and never the
				// speaker's own.
				return ""
			}
			break
		}
	}
	if c := r.lossesOwner(t, sp, from); c != "" {
		return c
	}
	for j := sp.end; j < min(to, sp.end+8) && !clauseEnds(s.key(j)); j++ {
		if s.low(j) == "on" && troopOurWords.has(s.word(j+1)) && s.low(j+2) == "side" {
			// "About 1,300 servicemen were killed on our side"
			if c := r.speakerNation(); c != "" {
				return c
			}
		}
	}
	if troopOwnNouns.has(t.Unit) || s.toks[sp.end-1].kind == tOther && stemFoldAny(t.Unit, troopCyrOwnNouns) {
		if c := r.speakerNation(); c != "" {
			return c
		}
	}
	if c := r.admittedLoss(t, sp, from); c != "" {
		return c
	}
	if c := r.subjectOwner(t, sp, from, to); c != "" && !r.released(t, from, to) {
		return c
	}
	if c := r.invertedSubject(t, sp, from, to); c != "" {
		return c
	}
	if c := r.passiveAgent(t, sp, to); c != "" {
		return c
	}
	if c := r.withSubject(t, sp, from, to); c != "" {
		return c
	}
	if c := r.appositiveOwner(t, sp, from); c != "" {
		return c
	}
	if c := r.heldPrisonersOwner(t, from, to); c != "" {
		return c
	}
	for k := from; k < min(from+3, sp.start); k++ {
		// "Die Bundeswehr beteiligt sich mit 1.200 Soldaten": a German or
		// Austrian state body that opens the sentence, whatever its verb.
		if w := s.word(k); s.capitalised(k) && strings.HasPrefix(w, "Bundes") && t.Category != defwatch.TroopCasualties {
			if c := troopOwner(w); c != "" {
				return c
			}
		}
	}
	if c := r.antecedentNation(sp.start, from); c != "" {
		return c
	}
	if c := r.ourForces(sp.start, from); c != "" {
		return c
	}
	if c := r.definiteReferent(sp, from, to, t.Source); c != "" {
		return c
	}
	if c := r.calledUpOwner(sp, from, to, t.Source); c != "" {
		return c
	}
	if c := r.amongOwner(sp, from); c != "" {
		return c
	}
	if c := r.peopleSubject(sp, from, to); c != "" {
		return c
	}
	if t.Category == defwatch.TroopStrength {
		// A force's size, not the dead: "the Ukrainian military said it
		// killed 300 soldiers" are not Ukraine's.
		if c := r.troopsSpokenOf(sp, from, to, t.Source); c != "" {
			return c
		}
	}
	if troopUSServiceNouns.has(s.word(sp.end-1)) && !s.sentenceStart(sp.end-1) && r.namesUSNear(from, to) {
		return "US"
	}
	if armyUnits.has(strings.ToLower(t.Unit)) {
		if c := r.armyNear(sp, from, to); c != "" {
			return c
		}
	}
	if c := r.reportedOwnDead(t, sp, from, to); c != "" {
		return c
	}
	if t.Category == defwatch.TroopCasualties && s.enemyNear(sp.start) {
		// An address counting the dead of the forces it fights.
		if c := r.enemyOf(r.speakerNation()); c != "" {
			return c
		}
	}
	if r.defendsOurs(sp.end, to) {
		// "Десятки тисяч добровольців ... долучилися до захисту нашої
		// землі", "thousands of reservists defending our country": an
		// address's defenders of its own land are its own.
		if c := r.speakerNation(); c != "" {
			return c
		}
	}
	if t.Category != defwatch.TroopCasualties && r.awardsIn(from, to) {
		// "I signed a decree awarding orders to 39 national guardsmen":
		// a state's address honours its own.
		if c := r.speakerNation(); c != "" {
			return c
		}
	}
	if r.usMilitaryText() && r.namesUSNear(from, to) && !r.namesOtherStateNear(from, to) {
		// In a text written in the US services' words, a count of
		// personnel whose sentence or the one before names the United
		// States and no other state or alliance is the US's: "the
		// Headquarters U.S. Air Force portfolio with ... 37,000
		// personnel".
		return "US"
	}
	if c := r.colonHeadOwner(t, sp, from); c != "" {
		return c
	}
	if c := r.sideIn(from, to); c != "" {
		return c
	}
	if k := s.measuredLossAt(sp.start, true); k >= 0 && t.Category == defwatch.TroopCasualties {
		// "Russia's losses are 38 thousand soldiers", "Russian losses
		// amounted to 1,230 personnel": whose losses they are.
		if c := s.nationBefore(k); c != "" {
			return c
		}
	}
	if u := strings.ToLower(t.Unit); (u == "occupiers" || u == "invaders") && r.speakerNation() != "RU" && r.namesRussiaEn() {
		// "Ukraine's Defense Forces eliminated 45 occupiers": in coverage
		// of Russia's invasion the occupiers are Russia's, as the
		// Ukrainian and Russian words for them already are.
		return "RU"
	}
	return ""
}

// sideIn returns the state whose side of a war the sentence [from, to)
// puts its figure on in German, Ukrainian, Russian or French: "auf
// russischer Seite", "з російського боку", "с российской стороны", "du
// côté russe"; "" when it names both sides or none.
func (r *troopReader) sideIn(from, to int) string {
	s := r.s
	side := ""
	for k := from; k < to; k++ {
		w := strings.ToLower(s.word(k))
		if !sideWords.has(w) {
			continue
		}
		for _, j := range [...]int{k - 1, k + 1} {
			if j < from || j >= to {
				continue
			}
			a := strings.ToLower(s.word(j))
			if bothWords.has(a) {
				return ""
			}
			if c := troopOwner(s.word(j)); c != "" {
				if side != "" && side != c {
					return ""
				}
				side = c
				break
			}
		}
	}
	return side
}

// sideWords are the nouns for a side of a war; bothWords before them
// name both.
var (
	sideWords = setOf(sideWordsIndex, []string{"seite", "боку", "стороны", "сторони", "стороні", "côté"})
	bothWords = setOf(bothWordsIndex, []string{"beiden", "beide", "обох", "обеих", "обеими", "deux"})
)

// enemySubject returns the enemy's state when the subject of the verb at
// token verb is the enemy, the occupiers or the invaders: "The occupiers
// concentrated tens of thousands of soldiers", "the enemy has massed
// 20,000 troops". The enemy is the one the address's state fights, or,
// where no state speaks, Russia in English coverage of its invasion, as
// for "45 occupiers" (owner).
func (r *troopReader) enemySubject(from, verb int) string {
	s := r.s
	for k := max(from, verb-4); k < verb; k++ {
		if !troopEnemyWords.has(s.low(k)) || !r.subjectPlace(k, from) {
			continue
		}
		for j := k + 1; j < verb; j++ {
			// Only auxiliaries and adverbs between: "the invaders of 1812
			// lost" are someone else.
			if w := s.low(j); !troopAuxiliaries.has(w) && !troopModals.has(w) && !strings.HasSuffix(w, "ly") && w != "already" && w != "also" {
				return ""
			}
		}
		own := r.speakerNation()
		if own != "" {
			return r.enemyOf(own)
		}
		if w := s.low(k); (w == "occupiers" || w == "invaders") && r.namesRussiaEn() {
			return "RU"
		}
		return ""
	}
	return ""
}

// namesRussiaEn reports whether the text names Russia in English.
func (r *troopReader) namesRussiaEn() bool {
	s := r.s
	for k := 0; k < len(s.toks); k++ {
		if !s.capitalised(k) {
			continue
		}
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 && codes[0] == "RU" {
			return true
		}
	}
	return false
}

// cyrVerbFirst reports whether the Ukrainian or Russian sentence starting
// at token k opens with its verb and leaves its subject unsaid, as the
// one before's: "Окупанти збирають сили. Нагнали підкріплення на
// Харківщину." A past plural (-ли) or a present plural (-ють, -ять, -уть,
// -ать) that names no state, force or personnel is such a verb.
func (s *scan) cyrVerbFirst(k int) bool {
	if k >= len(s.toks) || s.toks[k].kind != tOther {
		return false
	}
	w := strings.ToLower(s.word(k))
	if !stemEndsAny(w, []string{"али", "или", "іли", "яли", "ули", "ють", "ять", "уть", "ать"}) || w == "сили" {
		return false
	}
	return troopOwner(s.word(k)) == "" && !stemFoldAny(w, intlUnitStems) && !stemFoldAny(w, troopCyrEnemyStems)
}

// troopCyrLossStems are the Ukrainian and Russian verbs of losing.
var troopCyrLossStems = []string{"втратил", "втратив", "втрача", "потерял", "потеря", "теря"}

// awardsIn reports whether tokens [from, to) speak of awards given.
func (r *troopReader) awardsIn(from, to int) bool {
	for k := from; k < to; k++ {
		switch w := r.s.low(k); w {
		case "awarded", "awarding", "awards", "decree", "decorated", "honoured", "honored":
			return true
		default:
			if r.s.toks[k].kind == tOther && stemFoldAny(w, troopCyrAwardStems) {
				return true
			}
		}
	}
	return false
}

// defendsOurs reports whether the clause from token from (the one after
// a figure) to its end speaks of defending "our" land, country or state:
// a defence word, then within two words "our" ("are defending our
// country", "долучилися до захисту нашої землі", "защищают нашу
// страну", "verteidigen unser Land"). Another clause ("attacked our
// cities, while we defend our land") says nothing of the figure.
func (r *troopReader) defendsOurs(from, to int) bool {
	s := r.s
	for k := from; k < to; k++ {
		w := s.low(k)
		if clauseEnds(s.key(k)) || troopClauseJoins.has(w) {
			return false
		}
		if !troopDefendWords.has(w) && !(s.toks[k].kind == tOther && stemFoldAny(w, troopCyrDefendStems)) {
			continue
		}
		for j := k + 1; j <= k+3 && j < to; j++ {
			if s.low(j) == "our" || troopOurWords.has(s.word(j)) || s.toks[j].kind == tOther && stemFoldAny(s.word(j), troopOurStems) {
				return true
			}
		}
	}
	return false
}

var (
	// troopDefendWords and troopCyrDefendStems defend a land.
	troopDefendWords = setOf(troopDefendWordsIndex, []string{
		"defend", "defends", "defended", "defending", "defence", "defense", "protect",
		"protects", "protecting", "verteidigen", "verteidigt", "verteidigung", "défendre", "défendent",
	})
	troopCyrDefendStems = []string{"захист", "захища", "захищ", "оборон", "защит", "защища"}
	// troopClauseJoins start a clause of their own.
	troopClauseJoins = setOf(troopClauseJoinsIndex, []string{"while", "whereas", "but", "а", "але", "но", "während", "aber", "mais"})
)

// troopCyrAwardStems are Ukrainian and Russian words of awards and decrees.
var troopCyrAwardStems = []string{"нагород", "указ", "відзнач", "награ", "орден"}

// usServiceMarks are the words only US military writing uses of its own
// people and bases.
var usServiceMarks = setOf(usServiceMarksIndex, []string{"Airmen", "Airman", "Guardians", "USAF", "DoD", "DVIDS", "Pentagon", "USS"})

// usServicePairs are two-word names of US services and bases.
var usServicePairs = setOf(usServicePairsIndex, []string{"Space Force", "Force Base", "Joint Base", "Marine Corps", "Air National", "U.S. Air", "U.S. Army", "U.S. Navy", "Defense Department", "Army Reserve"})

// usMilitaryText reports whether the text is written in the words of
// the US services: at least three marks of them, and no other state's
// armed forces spoken of as "Royal" or by a foreign air force's name.
func (r *troopReader) usMilitaryText() bool {
	if r.usMil == 0 {
		r.usMil = 2
		s := r.s
		marks := 0
		for k := 0; k < len(s.toks) && marks < 3; k++ {
			if s.toks[k].kind != tWord {
				continue
			}
			w := s.word(k)
			switch {
			case usServiceMarks.has(w):
				marks++
			case k+1 < len(s.toks) && usServicePairs.has(w+" "+s.word(k+1)):
				marks++
			case w == "U" && s.key(k+1) == "." && s.word(k+2) == "S" && s.key(k+3) == "." && usServicePairs.has("U.S. "+s.word(k+4)):
				marks++
			}
		}
		if marks >= 3 {
			r.usMil = 1
		}
	}
	return r.usMil == 1
}

// namesOtherStateNear reports whether the sentence [from, to) or the
// one before names a state other than the US or an alliance, making a
// figure there someone else's or shared.
func (r *troopReader) namesOtherStateNear(from, to int) bool {
	s := r.s
	if from > 0 {
		from, _ = r.sentence(from - 1)
	}
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k {
			if len(codes) != 1 || codes[0] != "US" {
				return true
			}
			k = e - 1
			continue
		}
		if s.lw(k) == "partner" || s.lw(k) == "partners" || s.lw(k) == "international" {
			return true
		}
	}
	return r.alliedIn(from, to, "Wagner Group", "Hamas", "Hezbollah")
}

// alliedIn reports whether tokens [from, to) speak of allies, a coalition
// or an alliance, or name an international body or one of the groups
// given: a figure there is not one state's alone.
func (r *troopReader) alliedIn(from, to int, groups ...string) bool {
	s := r.s
	for k := from; k < to; k++ {
		switch s.lw(k) {
		case "allies", "allied", "coalition", "multinational", "alliance":
			return true
		}
	}
	for _, h := range s.orgHits(from, to) {
		switch h.e.name {
		case "NATO", "EU", "UN", "OSCE", "African Union":
			return true
		}
		if slices.Contains(groups, h.e.name) {
			return true
		}
	}
	return false
}

// antecedentNation returns the state of the noun a relative clause
// hangs on when the figure stands in that clause: "the number of Russian
// victims, which in April amounted to 899 soldiers".
func (r *troopReader) antecedentNation(start, from int) string {
	s := r.s
	for k := start - 1; k > from && k >= start-10; k-- {
		if s.low(k) != "which" {
			if clauseEnds(s.key(k)) || s.low(k) == "that" {
				return ""
			}
			continue
		}
		if s.key(k-1) != "," && s.key(k-1) != "(" {
			return ""
		}
		// The noun before the comma or bracket ("Moldova (which has fewer
		// than 10,000 personnel)") and the state that qualifies it.
		for j := k - 2; j >= max(from, k-5); j-- {
			if codes, e := s.nationAt(j); e > j && len(codes) == 1 && e <= k-1 {
				return codes[0]
			}
		}
		return ""
	}
	return ""
}

// troopsSpokenOf returns the state whose troops the figure's sentence,
// or the one before it, speaks of when the figure names no owner of its
// own: "Russia's claim that it is moving troops away from the border is
// false, ... 7,000 extra troops have arrived"; "Russian troops are
// massing. About 5,000 more troops arrived this week". The
// state's troops are a state named right before a personnel or force
// noun ("Russian troops", "Russia's army") or as the subject of a verb
// that moves them ("Russia is moving troops"). No other state may stand
// in the figure's sentence but as a place ("Ukraine's border", "in
// Belarus") or as the one who gives the figure, and no alliance.
func (r *troopReader) troopsSpokenOf(sp troopSpan, from, to int, source string) string {
	s := r.s
	switch u := s.low(sp.end - 1); {
	case groupUnits.has(u), troopUSServiceNouns.has(s.word(sp.end - 1)):
		// Fighters, rebels and militants belong to groups, not states;
		// Airmen and Guardians are named so by their own service.
		return ""
	}
	prev := from
	if from > 0 {
		prev, _ = r.sentence(from - 1)
	}
	found := ""
	for k := prev; k < sp.start; k++ {
		codes, e := s.nationAt(k)
		if e == k {
			continue
		}
		if len(codes) == 1 {
			n := e
			if (s.key(n) == "'" || s.key(n) == "’") && s.word(n+1) == "s" {
				n += 2
			}
			if u := s.low(n); isUnitWord(u) || militaryWords.has(u) && u != "air" {
				found = codes[0]
			} else if r.subjectPlace(k, prev) {
				for j := n; j < min(sp.start, n+5); j++ {
					if troopOwnVerbs.has(s.verb(j)) && (isUnitWord(s.low(j+1)) || s.low(j+1) == "its" && isUnitWord(s.low(j+2))) {
						found = codes[0]
					}
					if buildUpVerbs.has(s.low(j)) && r.forceWithin(j+1, min(sp.start, j+5)) {
						// "Russia continues to build up forces near
						// Ukraine", "The US is reinforcing its eastern
						// flank": a state making its force bigger.
						found = codes[0]
					}
				}
			}
		}
		k = e - 1
	}
	if found == "" {
		return ""
	}
	for k := from; k < to; k++ {
		if k >= sp.start && k < sp.end {
			continue
		}
		codes, e := s.nationAt(k)
		if e == k {
			continue
		}
		if len(codes) != 1 || codes[0] != found && codes[0] != source && !r.placeRole(k, e) {
			return "" // another state's troops, unless it only gives the figure
		}
		k = e - 1
	}
	if r.alliedIn(from, to) {
		return ""
	}
	return found
}

// buildUpVerbs make a force bigger: "build up forces", "reinforce its
// flank".
var buildUpVerbs = setOf(buildUpVerbsIndex, []string{
	"build", "builds", "building", "built", "reinforce", "reinforces", "reinforcing",
	"reinforced", "bolster", "bolsters", "bolstering", "bolstered", "beef", "beefs", "beefing",
	"beefed", "strengthen", "strengthens", "strengthening", "strengthened",
})

// forceWithin reports whether a force is named in tokens [from, to) before
// the clause ends: "up forces", "its eastern flank", "its military
// presence".
func (r *troopReader) forceWithin(from, to int) bool {
	s := r.s
	for k := from; k < to && !clauseEnds(s.key(k)); k++ {
		w := s.low(k)
		if isUnitWord(w) || militaryWords.has(w) && w != "air" || forceNouns.has(w) || w == "flank" || w == "presence" {
			return true
		}
	}
	return false
}

// groupUnit reports whether the figure at sp counts members of an armed
// group rather than a state's: fighters, rebels, militants, in English
// or German ("PKK-Kämpfer", "Rebellen", "Jihadisten", "Terroristen").
func (r *troopReader) groupUnit(sp troopSpan) bool {
	w := strings.ToLower(r.s.word(sp.end - 1))
	if groupUnits.has(w) {
		return true
	}
	for _, stem := range groupStems {
		if strings.Contains(w, stem) {
			return true
		}
	}
	return false
}

var (
	// groupUnits are the personnel nouns of armed groups rather than
	// states.
	groupUnits = setOf(groupUnitsIndex, []string{
		"fighters", "rebels", "militants", "insurgents", "jihadists", "mercenaries", "militiamen",
		"volunteers", "terrorists",
	})
	// groupStems are the German ones, inside compounds ("PKK-Kämpfer").
	groupStems = []string{"kämpfer", "rebell", "jihadist", "dschihadist", "terrorist", "aufständisch", "milizionär", "extremist"}
)

// placeRole reports whether the state named at tokens [k, e) stands as a
// place: after a preposition ("in Belarus", "with Ukraine") or as the
// owner of a border or territory ("Ukraine's border").
func (r *troopReader) placeRole(k, e int) bool {
	s := r.s
	p := k - 1
	if w := s.low(p); w == "the" {
		p--
	}
	if troopPrepositions.has(s.low(p)) || s.low(p) == "of" || s.low(p) == "with" {
		return true
	}
	n := e
	if (s.key(n) == "'" || s.key(n) == "’") && s.word(n+1) == "s" {
		n += 2
	}
	switch s.low(n) {
	case "border", "borders", "territory", "frontier", "soil", "east", "north", "south", "west":
		return true
	}
	return false
}

// ourForces returns the speaker's state when an address counts its own
// forces: the figure's sentence, or the one before it, speaks of "our
// military", "our defenders" or "our heroes" ("I signed decrees awarding
// our military. 292 servicemen, 57 of them posthumously.").
func (r *troopReader) ourForces(start, from int) string {
	s := r.s
	if r.speakerNation() == "" {
		return ""
	}
	prev, _ := r.sentence(max(from-1, 0))
	if from == 0 {
		prev = 0
	}
	for k := prev; k < start; k++ {
		if !(troopOurWords.has(s.word(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopOurStems)) {
			continue
		}
		for j := k + 1; j < min(len(s.toks), k+3); j++ {
			w := s.low(j)
			if militaryWords.has(w) || troopOwnNouns.has(w) || units[w] == false && isUnitWord(w) || s.toks[j].kind == tOther && (stemFoldAny(s.word(j), troopCyrOwnNouns) || isCyrUnit(s.word(j))) {
				return r.speakerNation()
			}
		}
	}
	return ""
}

// isUnitWord reports whether w is a plural noun for military personnel.
func isUnitWord(w string) bool {
	singular, ok := units[w]
	return ok && !singular
}

// isCyrUnit reports whether w is a Ukrainian or Russian noun for
// military personnel.
func isCyrUnit(w string) bool {
	if _, ok := intlUnits[strings.ToLower(w)]; ok {
		return true
	}
	_, ok := cyrUnitStem(w)
	return ok
}

// ofThem reports whether a figure counts some of the one before it:
// "З них – 10 офіцерів", "of them, 10 officers", "darunter 18 Soldaten".
func (r *troopReader) ofThem(start, from int) bool {
	s := r.s
	for k := start - 1; k >= max(from, start-4); k-- {
		switch s.low(k) {
		case "them", "whom", "них", "which", "ihnen", "davon", "darunter", "among":
			return true
		}
	}
	return false
}

// forecast reports whether the losses a figure counts are foretold, not
// counted: "thousands more Russian soldiers will be killed", "тисячі
// будуть вбиті".
func (r *troopReader) forecast(sp troopSpan, to int) bool {
	s := r.s
	for k := sp.end; k < min(to, sp.end+4); k++ {
		switch s.low(k) {
		case "will", "shall", "будуть", "буде", "будут", "будет":
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// enemyOf returns the state that own, the state an address speaks for
// or a figure's source, is at war with: the state the text names most
// besides own. The "enemy", "invaders" and "occupiers" of an address or
// of a state's report are that state's soldiers.
func (r *troopReader) enemyOf(own string) string {
	if own == "" {
		return ""
	}
	if !r.enemyRead || r.enemyOwn != own {
		r.enemyRead, r.enemyOwn, r.enemy = true, own, ""
		counts := map[string]int{}
		s := r.s
		for k := 0; k < len(s.toks); {
			codes, e := s.nationAt(k)
			if e == k {
				k++
				continue
			}
			if len(codes) == 1 && codes[0] != own {
				counts[codes[0]]++
				if n := counts[codes[0]]; n > counts[r.enemy] || n == counts[r.enemy] && codes[0] < r.enemy {
					r.enemy = codes[0]
				}
			}
			k = e
		}
	}
	return r.enemy
}

// nationEndingAt returns the state whose name ends just before token end
// ("Russia" of "Russia's", "North Korea" of "North Korea's"), or "".
func (r *troopReader) nationEndingAt(end, from int) string {
	if codes := r.s.nationEnding(end, from); len(codes) == 1 {
		return codes[0]
	}
	return ""
}

// ownerAfter reads the state a unit is "of" or "from" when other words
// come between: "servicemen of the Armed Forces of Ukraine", "soldiers of
// the Russian army". A state body named without its state ("servicemen
// of the Armed Forces", "військовослужбовців Головного управління
// розвідки") is the speaker's, in a text that speaks for a state.
func (r *troopReader) ownerAfter(end, to int) string {
	s := r.s
	k := end
	if w := s.low(end); w == "of" || w == "from" {
		k++
	} else if s.toks[min(end, len(s.toks)-1)].kind != tOther || !s.capitalAt(end) {
		return ""
	}
	body := false
	for ; k < min(to, end+16); k++ {
		if codes, e := s.nationAt(k); e > k {
			if s.low(end) == "from" && routeEnds.has(s.low(e)) {
				// "send 1,000 soldiers from Germany to Romania": a route
				// from where they are based, not whose they are.
				return ""
			}
			if len(codes) == 1 {
				return codes[0]
			}
			return ""
		}
		w := s.low(k)
		if w == "of" || w == "the" {
			continue
		}
		if ordinalAt(s, k) || s.toks[k].kind == tWord && !s.capitalAt(k) && (militaryWords.has(s.low(k+1)) || troopBodyWords.has(s.low(k+1))) {
			continue // "of the 19th missile brigade of the Ground Forces of Ukraine"
		}
		if militaryWords.has(w) || troopBodyWords.has(w) || s.capitalAt(k) {
			body = body || s.capitalAt(k)
			continue
		}
		break
	}
	if body {
		return r.speakerNation()
	}
	return ""
}

// colonHeadOwner returns the state a headline opens with before a colon
// when the figure follows it: "Russia: 10,000 troops moved to the
// border". The state is the one the headline is about; for the dead it
// may as well be who counts them, so casualties are left alone.
func (r *troopReader) colonHeadOwner(t defwatch.Troop, sp troopSpan, from int) string {
	s := r.s
	if t.Category == defwatch.TroopCasualties {
		return ""
	}
	codes, e := s.nationAt(from)
	if len(codes) != 1 || s.key(e) != ":" || sp.start <= e || sp.start > e+4 {
		return ""
	}
	return codes[0]
}

// routeEnds after "from X" make X where a route starts.
var routeEnds = setOf(routeEndsIndex, []string{"to", "into", "toward", "towards"})

// ordinalAt reports whether token k is an ordinal written in digits:
// "19th", "3rd", "1st".
func ordinalAt(s *scan, k int) bool {
	w := s.word(k)
	if len(w) < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// movedBefore reports whether a verb that takes personnel away from a
// place comes shortly before the figure starting at start.
func (s *scan) movedBefore(start, from int) bool {
	for k := start - 1; k >= max(from, start-6); k-- {
		if troopMoveVerbs.has(s.verb(k)) {
			return true
		}
		if clauseEnds(s.key(k)) {
			break
		}
	}
	return false
}

// subjectOwner returns the state that is the subject of the verb that
// deploys, masses, keeps or loses the figure's personnel: "Russia has
// massed 100,000 soldiers", "the Kremlin has deployed", "Britain, which
// has 900 troops in Estonia, will send 1,000 more". German puts the verb
// last ("Russland hat 100.000 Soldaten zusammengezogen"), so a verb after
// the figure counts in German and Cyrillic text.
func (r *troopReader) subjectOwner(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	verb := -1
	reach := 12
	if d := s.key(sp.start - 1); d == "–" || d == "—" || d == ":" {
		reach = 20 // a count set off after the losses it gives, as in stateLosses
	}
	for k := sp.start - 1; k >= max(from, sp.start-reach); k-- {
		w := s.verb(k)
		if k < sp.start-8 && !troopLossVerbs.has(w) && !(s.toks[k].kind == tOther && stemFoldAny(w, troopCyrLossStems)) {
			// Past eight words only a verb of losing reaches its object:
			// "Вони втратили у боях цієї безглуздої для Росії війни вже
			// понад 23 тисячі солдатів".
			if troopStopsOwner.has(w) || dtReportingVerbs.has(s.word(k)) || s.key(k) == ";" || s.key(k) == ":" {
				break
			}
			continue
		}
		if troopOwnVerbs.has(w) || troopGermanFiniteVerbs.has(s.word(k)) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrOwnStems) {
			if (t.Category != defwatch.TroopCasualties || troopLossVerbs.has(w) || troopGermanLossVerbs.has(s.word(k)) || s.toks[k].kind == tOther) &&
				// A participle that takes the figure as its object has a
				// subject: "Russian forces suffered 1,200 killed".
				(k == sp.start-1 || !s.reducedRelative(k, from)) {
				verb = k
			}
			break
		}
		if w == "up" && (callWords.has(s.lw(k-1)) || signWords.has(s.lw(k-1))) && t.Category != defwatch.TroopCasualties {
			verb = k - 1 // "Russia called up 150,000 conscripts", "signed up": a state drafts its own
			break
		}
		if troopStopsOwner.has(w) || dtReportingVerbs.has(s.word(k)) || s.key(k) == ";" || s.key(k) == ":" {
			break
		}
	}
	if verb < 0 {
		// German and Cyrillic verbs after the figure.
		for k := sp.end; k < min(to, sp.end+8); k++ {
			if clauseEnds(s.key(k)) {
				break
			}
			w := s.word(k)
			if troopGermanOwnVerbs.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrOwnStems) {
				verb = sp.start
				break
			}
		}
	}
	if verb < 0 {
		return ""
	}
	if c := r.subjectNation(from, verb); c != "" {
		return c
	}
	if verb < sp.start && (germanFiniteBefore.has(s.word(verb)) || troopGermanFiniteVerbs.has(s.word(verb))) {
		// "Im Januar schickten die USA 3.000 Soldaten", "In der Ukraine
		// hat Russland 100.000 Soldaten stationiert": the subject right
		// after the finite verb.
		j := verb + 1
		if w := s.low(j); w == "die" || w == "der" || w == "das" || w == "la" || w == "le" || w == "les" {
			j++
		}
		if codes, e := s.nationAt(j); e > j && e <= sp.start && len(codes) == 1 && s.capitalised(j) {
			return codes[0]
		}
	}
	for k := max(from+1, verb-4); k < verb; k++ {
		// "L'armée française compte 200 000 militaires", "L'armée russe a
		// perdu": a French force and its adjective after it as the
		// subject, the adjective read by the gazetteer in every gender.
		if w := s.low(k - 1); w == "armée" || w == "troupes" || w == "forces" {
			if codes, e := s.nationAt(k); e == k+1 && len(codes) == 1 {
				return codes[0]
			}
		}
	}
	if c := r.leaderSubject(from, verb); c != "" {
		return c
	}
	if c := r.enemySubject(from, verb); c != "" {
		return c
	}
	if c := r.countrySubject(from, verb); c != "" {
		return c
	}
	// "The Biden administration announced it would send 3,000 troops": a
	// well-known leader's government, in a text that names the state.
	for k := max(from, verb-12); k < verb; k++ {
		switch s.low(k + 1) {
		case "administration", "government", "regime", "cabinet":
			if c := leaderState(s.word(k), s.toks[k].kind == tOther); c != "" && s.textNamesState(c) {
				return c
			}
		}
	}
	// "Die Bundeswehr hat ...", "Die Bundesregierung will ... schicken":
	// a German state body as the subject.
	for k := max(from, verb-4); k < verb; k++ {
		if w := s.word(k); s.capitalised(k) && strings.HasPrefix(w, "Bundes") {
			if c := troopOwner(w); c != "" {
				return c
			}
		}
	}
	// "we lost 137 of our heroes", "ми втратили": the speaker's own;
	// "the enemy lost hundreds of soldiers", "окупанти втратили": its
	// enemy's.
	for k := max(from, verb-4); k < verb; k++ {
		switch w := s.word(k); {
		case w == "we" || w == "We" || w == "ми" || w == "Ми" || w == "wir" || w == "Wir" || w == "мы" || w == "Мы":
			return r.speakerNation()
		case troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrEnemyStems):
			return r.enemyOf(r.speakerNation())
		case troopPronouns.has(w) && (k == from || troopConjunctions.has(s.low(k-1)) || s.key(k-1) == ","):
			// "The occupiers are massing forces. They have already lost
			// more than 23,000 soldiers": the subject the pronoun stands for.
			return r.antecedentOwner(from)
		}
	}
	if troopPronouns.has(s.word(from)) && verb > from+4 && s.asideOnly(from+1, verb) {
		// "It has, however, kept about 20,000 troops": an aside between
		// commas parts the pronoun from its verb.
		return r.antecedentOwner(from)
	}
	return ""
}

// asideOnly reports whether tokens [from, to) hold only auxiliaries,
// adverbs and an aside set off by commas: "has, however,", "have, in
// turn, also".
func (s *scan) asideOnly(from, to int) bool {
	commas := 0
	for k := from; k < to; k++ {
		w := s.low(k)
		switch {
		case s.key(k) == ",":
			commas++
		case troopAuxiliaries.has(w), troopAdverbs.has(w), strings.HasSuffix(w, "ly"), troopAsides.has(w):
		default:
			return false
		}
	}
	return commas == 2
}

// troopAsides are the words of a short aside between commas: ", however,",
// ", in turn,", ", too,".
var troopAsides = setOf(troopAsidesIndex, []string{"however", "meanwhile", "though", "too", "in", "turn", "moreover", "nonetheless", "nevertheless", "instead", "for", "its", "part", "their"})

// antecedentOwner returns the state a pronoun subject in the sentence
// starting at from stands for: the subject of the sentence before, an
// enemy or a state, followed back over sentences that open with a
// pronoun too ("They built up reinforcements."), as far as
// troopAntecedentReach sentences. A sentence that opens with any other
// subject ends the search: the pronoun may be its.
func (r *troopReader) antecedentOwner(from int) string {
	s := r.s
	for n := 0; n < troopAntecedentReach && from > 0 && !s.toks[from].brk; n++ {
		pf, _ := r.sentence(from - 1)
		for k := pf; k < min(from-1, pf+3); k++ {
			w := s.word(k)
			if troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrEnemyStems) {
				return r.enemyOf(r.speakerNation())
			}
			if codes, e := s.nationAt(k); e > k && len(codes) == 1 && r.subjectPlace(k, pf) {
				if s.possessiveAt(e) && !troopBodyWords.has(s.low(e+2)) && !militaryWords.has(s.low(e+2)) {
					return "" // "Ukraine's partners met": the subject is the partners
				}
				return codes[0]
			}
		}
		if !troopPronouns.has(s.word(pf)) && !s.cyrVerbFirst(pf) {
			return ""
		}
		from = pf
	}
	return ""
}

// reducedRelative reports whether the participle at token k describes
// the noun before it ("the force massed on Ukraine's border") rather than
// having a subject of its own ("Russia massed", "has massed").
func (s *scan) reducedRelative(k, from int) bool {
	w := s.word(k)
	if !strings.HasSuffix(w, "ed") && w != "sent" && w != "kept" && w != "brought" && w != "built" && w != "withdrawn" {
		return false
	}
	p := k - 1
	for p > from && (strings.HasSuffix(s.word(p), "ly") || troopAdverbs.has(s.word(p))) {
		p-- // "has recently gathered", "has not only amassed"
	}
	if p < from || s.toks[p].kind != tWord {
		return false
	}
	if troopAuxiliaries.has(s.low(p)) || troopConjunctions.has(s.low(p)) || s.capitalAt(p) {
		return false
	}
	if codes, e := s.nationAt(p); e > p && len(codes) > 0 {
		return false
	}
	return true
}

// subjectNation returns the state that stands as a subject before token
// at in the sentence starting at from: the nearest one named not after a
// preposition ("in Ukraine", "to Poland"), and not as the possessor of
// something other than its government or forces ("Ukraine's border").
func (r *troopReader) subjectNation(from, at int) string {
	s := r.s
	best := ""
	for k := max(from, at-25); k < at; {
		codes, e := s.nationAt(k)
		if e == k && k+1 <= at && s.word(k) == "Washington" && r.subjectPlace(k, from) &&
			(troopAuxiliaries.has(s.low(k+1)) || troopModals.has(s.low(k+1)) || troopOwnVerbs.has(s.verb(k+1))) {
			// The capital for its government, as a subject ("Washington
			// will send"); the gazetteer leaves the name out since it is
			// also a state of the US and a surname.
			codes, e = []string{"US"}, k+1
		}
		if e == k {
			k++
			continue
		}
		if len(codes) == 1 && e <= at && r.subjectPlace(k, from) {
			ok := true
			if (s.key(e) == "'" || s.key(e) == "’") && s.word(e+1) == "s" {
				ok = troopBodyWords.has(s.low(e+2)) || militaryWords.has(s.low(e+2))
			}
			if ok {
				best = codes[0]
			}
		}
		k = e
	}
	return best
}

// subjectPlace reports whether a state named at token k stands where a
// subject does: first in its sentence or clause, after punctuation or a
// conjunction, perhaps behind "the" ("the Kremlin", "the US president"),
// not after a preposition ("near Ukraine") or a verb whose object it is
// ("planning to invade Ukraine").
func (r *troopReader) subjectPlace(k, from int) bool {
	s := r.s
	p := k - 1
	if w := s.word(p); w == "the" || w == "The" || w == "der" || w == "die" || w == "Die" || w == "Der" ||
		w == "La" || w == "la" || w == "Le" || w == "le" || w == "Les" || w == "les" {
		p--
	} else if a := s.key(p); (a == "'" || a == "’") && p > 0 && s.glued(p) && s.glued(k) && (s.word(p-1) == "L" || s.word(p-1) == "l") {
		p -= 2 // French elides the article before a vowel: "L'Ukraine a envoyé"
	}
	if p < from || s.toks[p+1].brk {
		return true
	}
	if s.toks[k].kind == tOther {
		// Ukrainian and Russian put a subject after adverbs as readily
		// as first; its case shows it ("Росія втратила", not "Росії").
		return !troopPrepositions.has(s.low(p)) && !stemEndsAny(s.word(k), troopCyrOblique)
	}
	if s.toks[p].kind == tPunct {
		return s.key(p) != "'" && s.key(p) != "’"
	}
	if troopTimeWords.has(s.word(p)) {
		// A clause may open with when it happened: "In recent days
		// Russia has sent", "On Tuesday Germany will deploy". The state
		// right after the time is its subject when a verb follows it.
		if _, e := s.nationAt(k); e > k && (troopSubjectVerbs.has(s.low(e)) || troopModals.has(s.low(e)) || troopOwnVerbs.has(s.word(e))) {
			return true
		}
	}
	// "Kyiv says Russia has lost ...": what was said has a subject of
	// its own. A German main clause that opens with something else puts
	// its subject right after the finite verb: "Nach Angaben Kiews hat
	// Russland ... verloren", "Im Januar schickten die USA ...".
	return troopConjunctions.has(s.low(p)) || dtReportingVerbs.has(s.word(p)) || troopSourceVerbs.has(s.word(p)) || s.word(p) == "say" ||
		germanFiniteBefore.has(s.word(p)) && s.capitalised(k)
}

// germanFiniteBefore are German finite verbs a subject may follow when
// the clause opens with another part: "hat Russland", "will die
// Bundeswehr", "schickten die USA".
// appositiveOwner reads the owner of a force's size set off after the
// force it measures: "Russian forces, estimated at 150,000 troops, ...",
// "Russia's forces, numbering about 150,000 troops".
func (r *troopReader) appositiveOwner(t defwatch.Troop, sp troopSpan, from int) string {
	s := r.s
	if t.Category != defwatch.TroopStrength {
		return ""
	}
	k := sp.start - 1
	switch s.low(k) {
	case "at":
		if w := s.low(k - 1); w != "estimated" && w != "put" && w != "numbered" {
			return ""
		}
		k -= 2
	case "numbering", "totalling", "totaling":
		k--
	default:
		return ""
	}
	if s.key(k) != "," || k-1 < from {
		return ""
	}
	f := k - 1
	if !forceNouns.has(s.lw(f)) && s.lw(f) != "troops" && s.lw(f) != "forces" {
		return ""
	}
	return s.nationBefore(f)
}

// withStems are the verbs a force joins in with its soldiers: "Russia
// could invade Ukraine with 190,000 troops", "Frankreich beteiligt sich
// mit 3.000 Soldaten".
var withStems = []string{
	"invad", "attack", "enter", "advanc", "strik", "fight", "fought", "particip",
	"contribut", "join", "defend", "assault", "storm", "occup", "launch",
	"beteilig", "vertreten", "angreif", "einmarsch",
}

// withSubject reads the owner of a force's size given with "with" or
// "mit" after a verb of fighting or taking part, from that verb's subject:
// "Russia could invade Ukraine with 190,000 troops".
func (r *troopReader) withSubject(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	w := sp.start - 1
	if t.Category != defwatch.TroopStrength || s.low(w) != "with" && s.low(w) != "mit" {
		return ""
	}
	verb := -1
	for k := w - 1; k >= max(from, w-6) && !clauseEnds(s.key(k)); k-- {
		if s.isWord(k) && stemFoldAny(s.low(k), withStems) {
			verb = k
			break
		}
		if (measuredForceHeads.has(s.low(k)) || forceNouns.has(s.low(k))) && troopItsWords.has(s.word(k-1)) {
			// "Britain is doubling its presence in Estonia with 900
			// troops": the force the subject's own "its" names.
			verb = k - 1
			break
		}
	}
	if verb < 0 && s.low(w) == "mit" {
		// German puts the participle last: "ist mit 3.000 Soldaten in
		// Mali vertreten".
		for k := sp.end; k < min(to, sp.end+8) && !clauseEnds(s.key(k)); k++ {
			if s.isWord(k) && stemFoldAny(s.low(k), withStems) {
				verb = w
				break
			}
		}
	}
	if verb < 0 {
		return ""
	}
	return r.subjectNation(from, verb)
}

// passiveAgent reads the owner of a figure a passive verb of moving or
// raising forces follows, from its agent: "About 3,000 troops were sent
// by the United States", "300,000 reservists were called up by Russia",
// "3.000 Soldaten wurden von den USA verlegt". Whoever kills, captures or
// trains soldiers does not own them, so only those verbs count.
func (r *troopReader) passiveAgent(t defwatch.Troop, sp troopSpan, to int) string {
	s := r.s
	if t.Category == defwatch.TroopCasualties || !passiveAux.has(s.low(sp.end)) {
		return ""
	}
	moved := false
	for k := sp.end + 1; k < min(to, sp.end+8) && !clauseEnds(s.key(k)); k++ {
		w := s.low(k)
		moved = moved || passiveMoveVerbs.has(w)
		if w != "by" && w != "von" || !moved && w == "by" {
			continue
		}
		j := k + 1
		if w := s.low(j); w == "the" || w == "den" || w == "der" || w == "dem" {
			j++
		}
		if codes, e := s.nationAt(j); e > j && len(codes) == 1 && s.capitalised(j) {
			if w == "von" && !r.movedAfter(e, to) {
				return ""
			}
			return codes[0]
		}
		return ""
	}
	return ""
}

// movedAfter reports whether a German participle of moving or raising
// forces ends the clause from token k: "wurden von den USA nach Polen
// verlegt".
func (r *troopReader) movedAfter(k, to int) bool {
	for ; k < to && !clauseEnds(r.s.key(k)); k++ {
		if passiveMoveVerbs.has(r.s.low(k)) {
			return true
		}
	}
	return false
}

var (
	// passiveAux open a passive right after a figure.
	passiveAux = setOf(passiveAuxIndex, []string{
		"were", "was", "are", "is", "have", "has", "had", "will", "would", "be", "been",
		"wurden", "wurde", "werden", "wird", "sind",
	})
	// passiveMoveVerbs move or raise forces; their agent owns them.
	passiveMoveVerbs = setOf(passiveMoveVerbsIndex, []string{
		"deployed", "sent", "stationed", "massed", "amassed", "called", "mobilised",
		"mobilized", "recruited", "drafted", "ordered", "dispatched", "moved", "put",
		"fielded", "committed", "placed", "gathered", "concentrated", "positioned",
		"assembled", "redeployed", "conscripted", "raised", "rotated",
		"verlegt", "entsandt", "geschickt", "stationiert", "mobilisiert", "einberufen",
		"zusammengezogen", "eingezogen",
	})
)

// invertedSubject reads the owner of a German figure that opens its
// sentence, with the finite verb and then the subject after it: "Bis zu
// 100.000 Soldaten hat Russland an der Grenze zusammengezogen", "Rund
// 1,5 Mio. Soldaten will Russland unter Waffen haben". The dead are the
// subject's own only when it lost them ("Mehr als 20.000 Soldaten hat die
// Ukraine verloren"), not when it killed them.
func (r *troopReader) invertedSubject(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	if sp.start != from || !germanFiniteBefore.has(s.word(sp.end)) {
		return ""
	}
	j := sp.end + 1
	if w := s.word(j); w == "die" || w == "der" || w == "das" {
		j++
	}
	codes, e := s.nationAt(j)
	if e <= j || len(codes) != 1 || !s.capitalised(j) {
		return ""
	}
	if t.Category == defwatch.TroopCasualties && !troopGermanLossVerbs.has(s.word(sp.end)) {
		lost := false
		for k := e; k < to && !lost; k++ {
			lost = troopGermanLossVerbs.has(s.word(k))
		}
		if !lost {
			return ""
		}
	}
	return codes[0]
}

var germanFiniteBefore = setOf(germanFiniteBeforeIndex, []string{
	"hat", "haben", "hatte", "hatten", "will", "wollen", "wollte", "soll", "sollen", "sollte",
	"wird", "werden", "wurde", "muss", "müssen", "kann", "können", "verlegt", "verlegen",
	"verlegte", "verlegten", "schickt", "schicken", "schickte", "schickten", "verlor", "verloren",
	"entsendet", "entsenden", "stationiert", "mobilisiert", "zählt", "zählen",
})

// speakerNation returns the state a text speaks for when it is an
// address or statement in the first person: the one it hails ("Glory to
// Ukraine!", "God bless America", "Слава Україні!"), whose people it
// addresses in a line of their own ("Ukrainians!", "Героїчний народе
// України!"), or whose president or government its title says it is
// from ("Address by the President of Ukraine").
func (r *troopReader) speakerNation() string { return r.s.speakerState() }

func (s *scan) speakerNation() string {
	counts := map[string]int{}
	best := ""
	// A hail or a title says whose the address is; a line addressing a
	// people may address another's ("Граждане России!").
	note := func(codes []string, weight int) {
		if len(codes) != 1 {
			return
		}
		c := codes[0]
		counts[c] += weight
		if best == "" || counts[c] > counts[best] {
			best = c
		}
	}
	lineStart, lineLen := 0, 0
	for k := 0; k < len(s.toks); k++ {
		if k == 0 || s.toks[k].brk {
			lineStart, lineLen = k, 0
		}
		lineLen++
		w := s.word(k)
		switch {
		case speakerHails.has(w):
			j := k + 1
			if s.low(j) == "to" || s.word(j) == "all" || s.low(j) == "the" {
				j++
			}
			if codes, e := s.nationAt(j); e > j {
				note(codes, 3)
			}
		case w == "!" && lineLen <= 6:
			// A line of its own that hails a people: "Ukrainians!",
			// "Українці й українки!", "Героїчний народе України!".
			for j := lineStart; j < k; j++ {
				if codes, e := s.nationAt(j); e > j {
					note(codes, 1)
					break
				}
			}
		case k == lineStart && lineStart == 0 && speakerTitles.has(w):
			// The title: "Address by the President of Ukraine", "Звернення
			// Президента України".
			for j := k + 1; j < min(len(s.toks), k+8) && !s.toks[j].brk; j++ {
				if codes, e := s.nationAt(j); e > j {
					note(codes, 3)
					break
				}
			}
		}
	}
	return best
}

// namesUSNear reports whether the sentence [from, to), or the one before
// it, names the United States: the guideline's reach for an owner.
func (r *troopReader) namesUSNear(from, to int) bool {
	s := r.s
	if from > 0 {
		from, _ = r.sentence(from - 1)
	}
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k {
			if len(codes) == 1 && codes[0] == "US" {
				return true
			}
			k = e - 1
		}
	}
	return false
}

// namesUS reports whether the text names the United States anywhere.
func (r *troopReader) namesUS() bool {
	if r.usText == 0 {
		r.usText = 2
		s := r.s
		for k := 0; k < len(s.toks); k++ {
			if !s.capitalised(k) {
				continue
			}
			if codes, e := s.nationAt(k); e > k && len(codes) == 1 && codes[0] == "US" {
				r.usText = 1
				break
			}
		}
	}
	return r.usText == 1
}

// status says what the figure's clause says of it: an estimate, a claim
// about the other side, a plan, a proposal, or a force in place. A count
// of casualties or trainees is only ever estimated or claimed.
func (r *troopReader) status(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	// The clause: back to its start, on past the figure to its end.
	a := sp.start
	for a > from && !troopClauseEdge(s, a-1) {
		a--
	}
	b := sp.end
	for b < to && !troopClauseEdge(s, b) {
		b++
	}
	var estimated, claimed, proposed, planned, deployed bool
	if s.key(a-1) == "," && troopGermanReady.has(s.low(a-2)) {
		// "Deutschland ist bereit, 5.000 Soldaten nach Litauen zu
		// entsenden": German sets off what one is ready to do with a comma.
		proposed = true
	}
	for k := a; k < b; k++ {
		w := s.verb(k)
		cyr := s.toks[k].kind == tOther
		switch {
		case troopEstimateWords.has(w) || cyr && stemFoldAny(w, troopCyrEstimateStems):
			estimated = true
		case troopClaimWords.has(w):
			claimed = true
		case troopProposeWords.has(w) && (!troopReadyWords.has(w) || s.low(k+1) == "to") || cyr && stemFoldAny(w, troopCyrProposeStems):
			proposed = true
		case troopPlanWords.has(w) || (w == "is" || w == "are" || w == "set" || w == "due") && s.low(k+1) == "to" || cyr && stemFoldAny(w, troopCyrPlanStems):
			planned = true
		case w == "to" && k < sp.start && troopOwnVerbs.has(strings.ToLower(s.word(k+1))) && r.nationEndingAt(k, 0) != "":
			planned = true // a headline's "RUSSIA TO MOBILIZE 60,000 RESERVISTS"
		case troopDeployedWords.has(w) || cyr && stemFoldAny(w, troopCyrDeployedStems):
			deployed = true
		case w == "up" && s.key(k-1) == "-" && s.low(k-2) == "build":
			deployed = true // "a build-up of 130,000 troops"
		case (w == "border" || w == "borders" || w == "frontline" || w == "front") && r.atPlaceBefore(k):
			deployed = true // "150,000 troops along the border", "near Ukraine's border"
		}
	}
	// Intelligence estimates anywhere in the sentence ("according to
	// western intelligence estimates, ...").
	for k := from; k < to && !estimated; k++ {
		if w := s.low(k); w == "estimates" || w == "estimate" || w == "intelligence" || w == "estimated" || troopIntelWords.has(strings.ToLower(w)) {
			estimated = true
		}
	}
	put := false
	for k := a; k < b && !estimated; k++ {
		// "put Russian casualties at 1.2 million"
		put = put || putVerbs.has(s.verb(k))
		if put && s.low(k) == "at" {
			j, _ := s.hedgeAt(k + 1)
			estimated = s.toks[min(j, len(s.toks)-1)].kind == tNum
		}
	}
	// A state counting another's losses makes a claim, and so does an
	// address counting the enemy's.
	other := len(t.Source) == 2 && t.Nation != "" && t.Source != t.Nation && t.Category == defwatch.TroopCasualties
	// A state at war giving the size of its enemy's forces makes a claim
	// too ("according to Ukraine's defence ministry, ... 140,000 Russian
	// soldiers"); a state not at war with the owner estimates.
	claimed = claimed || belligerents.has(t.Source+t.Nation) && !estimated
	if t.Nation == "" && len(t.Source) == 2 && isUpper(t.Source[0]) && t.Category == defwatch.TroopCasualties && r.groupUnit(sp) {
		// A state counting the armed group it fights: "die türkische
		// Armee hat 260 PKK-Kämpfer getötet".
		other = true
	}
	if t.Source == "" && t.Nation != "" {
		// An address counting the enemy's dead, or the men it calls the
		// enemy ("invaders", "their people" after "the occupiers"), makes
		// a claim about the other side; its count of another state's
		// troops in other words may be common knowledge.
		if sp := r.speakerNation(); sp != "" && sp != t.Nation &&
			(t.Category == defwatch.TroopCasualties || t.Nation == r.enemyOf(sp) && r.enemyBefore(from, to)) {
			other = true
		}
	}
	switch {
	case claimed:
		return defwatch.TroopClaimed
	case estimated:
		return defwatch.TroopEstimated
	case other:
		return defwatch.TroopClaimed
	case t.Category == defwatch.TroopCasualties:
		return ""
	case proposed:
		return defwatch.TroopProposed
	case planned:
		return defwatch.TroopPlanned
	case deployed && t.Category == defwatch.TroopStrength:
		return defwatch.TroopDeployed
	}
	return ""
}

// atPlaceBefore reports whether a word that puts troops somewhere ("along",
// "near", "on") comes shortly before the border or front at token k:
// "along the border", "near Ukraine's border", "on the eastern front".
func (r *troopReader) atPlaceBefore(k int) bool {
	s := r.s
	for j := k - 1; j >= max(0, k-5); j-- {
		if troopAtPlace.has(s.low(j)) {
			return true
		}
		if s.toks[j].kind == tPunct && s.key(j) != "'" && s.key(j) != "’" || s.toks[j+1].brk {
			return false
		}
	}
	return false
}

// troopClauseEdge reports whether token k bounds the clause a figure's
// status is read from.
func troopClauseEdge(s *scan, k int) bool {
	switch s.key(k) {
	case ";", ":", ",", "(", ")", "–", "—", "\"", "“", "”":
		return true
	}
	w := s.low(k)
	return troopStopsOwner.has(w) || w == "since" || w == "after" || w == "before" || w == "because"
}

// source returns who the sentence says gives the figure: the state or
// organisation after "according to", "citing", "nach (ukrainischen)
// Angaben", "laut", "selon", "за даними", "по данным", before "zufolge",
// or as the subject of a reporting verb ("the Pentagon said", "said the
// UK Ministry of Defence"). A person's name alone names no source; a
// state's title or adjective does ("Ukrainian President Zelensky said").
func (r *troopReader) source(sp troopSpan, from, to int) string {
	s := r.s
	r.orgs, r.orgsFrom = nil, -1
	r.sentFrom, r.sentTo = from, to
	best, bestDist := "", 1<<30
	contrasted := false
	consider := func(code string, at int) {
		if code == "" {
			return
		}
		d := sp.start - at
		if at >= sp.end {
			d = at - sp.end
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = code, d
		}
	}
	for k := from; k < to; k++ {
		if k >= sp.start && k < sp.end {
			continue
		}
		w := s.low(k)
		if k >= sp.end && troopContrasts.has(w) {
			contrasted = true
		}
		if contrasted && k+1 < to && s.toks[k+1].kind != tPunct {
			// "Ukraine says Russia has lost 500,000 troops, while Moscow
			// says Kyiv has lost 600,000": a clause set against the
			// figure's tells of its own figures, and its speaker is not
			// the figure's; one that closes the sentence ("..., but
			// Moscow denies it, Kyiv said.") still speaks for it all.
			continue
		}
		switch {
		case w == "according" && s.low(k+1) == "to", w == "citing", w == "per" && k+1 < to && s.capitalised(k+1),
			w == "laut" || w == "selon" || w == "nach" && (s.word(k+1) == "Angaben" || s.word(k+2) == "Angaben"):
			consider(r.sourceIn(k+1, min(to, k+12), sp), k)
		case w == "zufolge":
			consider(r.sourceIn(max(from, k-6), k, sp), k)
		case s.toks[k].kind == tOther && (troopCyrBy.has(w) && stemFoldAny(s.word(k+1), troopCyrAccording) || stemFoldAny(w, troopCyrReportStems)):
			consider(r.sourceIn(k+1, min(to, k+10), sp), k)
		case dtReportingVerbs.has(s.verb(k)) || troopSourceVerbs.has(s.verb(k)):
			// The subject before the verb, or after it ("said the
			// Pentagon").
			v := k
			for v > from && troopSaidAux.has(s.low(v-1)) {
				v-- // "has said", "had reported"
			}
			c := r.sourceIn(r.subjectStart(v, from), v, sp)
			if c == "" && k+1 < to && troopInvertedVerbs.has(s.verb(k)) {
				j := k + 1
				if s.low(j) == "the" {
					j++
				}
				if codes, e := s.nationAt(j); e > j && len(codes) == 1 && r.phraseEnds(e, to) {
					c = codes[0]
				} else if h := r.orgAt(j); h != "" {
					c = h
				}
			}
			consider(c, k)
		}
	}
	return best
}

// troopContrasts open a clause set against the one before it.
var troopContrasts = setOf(troopContrastsIndex, []string{
	"while", "whereas", "but", "although", "though", "während", "aber", "тоді", "натомість", "тогда",
})

// troopSaidAux come between a source and its reporting verb: "has
// said", "had reported".
var troopSaidAux = setOf(troopSaidAuxIndex, []string{"has", "have", "had"})

// troopSourceModifiers describe a source's body: "Ukraine's eastern
// military command", "the southern operational command".
var troopSourceModifiers = setOf(troopSourceModifiersIndex, []string{
	"eastern", "western", "northern", "southern", "operational", "regional", "joint", "central",
})

// phraseEnds reports whether the noun phrase that reaches token k ends
// the clause: "..., said the UK Ministry of Defence."
func (r *troopReader) phraseEnds(k, to int) bool {
	s := r.s
	for ; k < to; k++ {
		if s.toks[k].kind == tPunct {
			return true
		}
		if !s.capitalAt(k) && !troopSourceNouns.has(s.low(k)) && s.low(k) != "of" && s.low(k) != "the" {
			return false
		}
	}
	return true
}

// subjectStart returns where the noun phrase that ends right before the
// reporting verb at token k starts: "the UK Ministry of Defence", "Ukraine's
// General Staff", "Ukrainian officials", "Pentagon spokesman John Kirby".
// A verb needs its subject next to it; "... against Russia's aggression
// and said" names no source.
func (r *troopReader) subjectStart(k, from int) int {
	s := r.s
	a := k
	for a > max(from, k-8) {
		p := a - 1
		w := s.low(p)
		switch {
		case s.capitalAt(p) && !troopConjunctions.has(w), troopSourceNouns.has(w), w == "of" || w == "the", troopSourceModifiers.has(w),
			(s.key(p) == "'" || s.key(p) == "’") && s.glued(p), w == "s" && (s.key(p-1) == "'" || s.key(p-1) == "’"):
			a--
			continue
		}
		if codes, e := s.nationAt(p); e > p && len(codes) > 0 {
			a--
			continue
		}
		break
	}
	return a
}

// sourceIn returns the first state or organisation named in tokens
// [a, b) outside the figure, or the state of a person the text ties to
// one ("Kahl said", where the text calls him a US under secretary).
func (r *troopReader) sourceIn(a, b int, sp troopSpan) string {
	s := r.s
	for k := a; k < b; k++ {
		if (k < sp.start || k >= sp.end) && k == b-1 {
			// The surname right before the verb: "Kahl said".
			if s.capitalAt(k) {
				if c := s.people().stateOf(s, k); c != "" {
					return c
				}
			}
		}
		if k >= sp.start && k < sp.end {
			return ""
		}
		if s.toks[k].kind == tPunct && s.key(k) != "'" && s.key(k) != "’" && s.key(k) != "-" && s.key(k) != "." {
			return "" // the phrase ends: "according to the latest reports, Russia ..."
		}
		if codes, e := s.nationAt(k); e > k {
			if len(codes) == 1 {
				return codes[0]
			}
			k = e - 1
			continue
		}
		if h := r.orgAt(k); h != "" {
			return h
		}
	}
	return ""
}

// orgAt returns the short name of the organisation of the sentence being
// read whose name starts at token k, or "". The sentence's organisations
// are looked up once, when an attribution first asks.
func (r *troopReader) orgAt(k int) string {
	if !r.s.startsLex(k) && !(r.s.toks[k].kind == tOther && r.s.capitalAt(k)) {
		return "" // no organisation's name starts with this word
	}
	if r.orgsFrom != r.sentFrom {
		r.orgs, r.orgsFrom = r.s.orgHits(r.sentFrom, r.sentTo), r.sentFrom
	}
	for _, h := range r.orgs {
		if h.from == k {
			return h.e.name
		}
	}
	return ""
}

// low returns token k in lower case when it is a Latin word the figure
// reader has a list for, else as written (Cyrillic stems are matched in
// either case). A capitalised word it has no list for is a name, and
// compares with nothing; looking it up spares a copy per word.
func (s *scan) low(k int) string {
	w := s.word(k)
	if w == "" || s.toks[k].kind != tWord || !isUpper(w[0]) {
		return w
	}
	if l, ok := lowVocab().get(w); ok {
		return l
	}
	return w
}

// lowVocab maps the capitalised and all-capital forms of every word the
// figure reader's lists hold to their lower case.
var lowVocab = sync.OnceValue(genLowVocab)

// buildLowVocab builds lowVocab from the word lists; tables_gen.go holds its
// result, which genLowVocab returns without building.
func buildLowVocab() map[string]string {
	m := maps.Clone(buildVocab())
	for _, set := range []wordSet{
		troopOwnVerbs, troopLossVerbs, troopStopsOwner, troopPrepositions, troopBodyWords,
		troopEstimateWords, troopClaimWords, troopProposeWords, troopReadyWords, troopPlanWords,
		troopDeployedWords, troopSourceVerbs, troopInvertedVerbs, troopSourceNouns,
		troopConjunctions, troopAuxiliaries, troopAdverbs, militaryWords, putVerbs,
	} {
		for _, w := range set.keys {
			if w == "" || !isASCIILetter(w[0]) {
				continue
			}
			m[strings.ToUpper(w[:1])+w[1:]] = w
			m[strings.ToUpper(w)] = w
		}
	}
	for _, w := range []string{"according", "citing", "per", "laut", "selon", "nach", "zufolge", "of", "the", "from", "at", "since", "after", "before", "because", "estimates", "estimate", "intelligence", "estimated"} {
		m[strings.ToUpper(w[:1])+w[1:]] = w
		m[strings.ToUpper(w)] = w
	}
	return m
}

// troopCyrOblique end Ukrainian and Russian state names and adjectives
// in the cases a subject does not take.
var troopCyrOblique = []string{"ії", "ію", "ією", "ої", "ою", "ому", "их", "ів", "ини", "ину", "иною", "ью", "ии"}

// stemEndsAny reports whether w ends with any of endings.
func stemEndsAny(w string, endings []string) bool {
	for _, e := range endings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// verb returns token k as a verb may be written: in lower case, or
// capitalised where a sentence starts or in a headline in capitals. A
// capitalised word inside a sentence is a name ("the United States").
func (s *scan) verb(k int) string {
	w := s.word(k)
	if w == "" || s.toks[k].kind != tWord || !isUpper(w[0]) {
		return w
	}
	if s.sentenceStart(k) || s.allCaps(k) || s.titleCased(k) {
		return s.low(k)
	}
	return ""
}

var (
	// speakerHails come before the state an address hails: "Glory to
	// Ukraine", "God bless America".
	speakerHails = setOf(speakerHailsIndex, []string{"Glory", "glory", "GLORY", "bless", "Слава", "слава", "Vive", "vive", "lebe", "Hoch"})
	// speakerTitles open the title of an address or a statement.
	speakerTitles = setOf(speakerTitlesIndex, []string{"Address", "Statement", "Speech", "Звернення", "Обращение", "Заява", "Заявление", "Rede", "Ansprache", "Erklärung"})

	// troopAuxiliaries come before a participle that has a subject.
	troopAuxiliaries = setOf(troopAuxiliariesIndex, []string{"has", "have", "had", "having", "is", "are", "was", "were", "been", "be", "also", "already", "now", "then", "reportedly", "who", "which", "it", "they", "he", "she"})

	// troopTimeWords end a phrase of time that may open a clause before
	// its subject: "in recent days", "on Tuesday", "last week".
	troopTimeWords = setOf(troopTimeWordsIndex, []string{
		"days", "weeks", "months", "years", "hours", "day", "week", "month", "year", "weekend",
		"morning", "afternoon", "evening", "night", "today", "yesterday", "recently", "meanwhile",
		"earlier", "later", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
		"Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	})

	// troopSubjectVerbs follow a subject: "Russia has", "Germany will".
	troopSubjectVerbs = setOf(troopSubjectVerbsIndex, []string{
		"has", "have", "had", "is", "are", "was", "were", "also", "already", "now", "reportedly",
	})

	troopModals = setOf(troopModalsIndex, []string{"will", "would", "can", "could", "may", "might", "must", "should", "plans", "intends", "wants"})

	troopAdverbs = setOf(troopAdverbsIndex, []string{"not", "only", "also", "already", "now", "just", "since", "still", "even", "then"})

	// troopConjunctions may come right before a clause's subject.
	troopConjunctions = setOf(troopConjunctionsIndex, []string{
		"and", "but", "while", "as", "that", "because", "since", "after", "when", "if",
		"although", "though", "whereas", "so", "meanwhile", "however", "now", "also",
		"where", "which", "who",
		"und", "aber", "während", "dass", "weil", "als", "da", "denn", "doch", "і", "й",
		"та", "а", "але", "що", "бо", "и", "но", "что",
	})
	// troopOwnVerbs have the owner of the personnel as their subject:
	// "Russia has massed", "Ukraine will deploy", "Britain lost".
	troopOwnVerbs = setOf(troopOwnVerbsIndex, []string{
		"deploy", "deploys", "deployed", "deploying", "send", "sends", "sent", "sending",
		// A state recruits and drafts its own; it trains others' too.
		"recruit", "recruits", "recruited", "recruiting", "conscript", "conscripts", "conscripted",
		"conscripting", "draft", "drafts", "drafted", "drafting",
		"mass", "masses", "massed", "massing", "amass", "amasses", "amassed", "amassing",
		"gather", "gathers", "gathered", "gathering", "station", "stations", "stationed", "stationing",
		"keep", "keeps", "kept", "keeping", "maintain", "maintains", "maintained",
		"has", "have", "had", "having", "field", "fields", "fielded", "commit", "commits",
		"committed", "contribute", "contributes", "contributed", "pledge", "pledged",
		"pledges", "pledging", "offer", "offers", "offered", "offering", "promise",
		"promises", "promised", "promising",
		"concentrate", "concentrated", "concentrates", "accumulate", "accumulated",
		"accumulates", "position", "positioned", "move", "moved", "moves", "moving",
		"withdraw", "withdrew", "withdrawn", "bring", "brought", "put", "dispatch",
		"dispatched", "mobilise", "mobilised", "mobilize", "mobilized", "mobilising",
		"mobilizing", "prepare", "prepares", "prepared", "preparing", "recruit", "recruited", "draft", "drafted", "lost", "lose", "loses",
		"losing", "suffer", "suffers", "suffered", "suffering", "sustain", "sustains", "sustained", "raise", "raised", "increase", "increased", "add", "added", "number",
		"numbers", "deploys", "rotate", "rotated", "build", "built", "assemble", "assembled",
		"array", "arrayed", "employ", "employs", "employed", "muster", "mustered",
		"order", "orders", "ordered", "ordering", "pull", "pulls", "pulled", "pulling",
		"redeploy", "redeploys", "redeployed", "relocate", "relocated", "transfer",
		"transferred", "withdraws", "withdrawing", "reassign", "reassigned",
		// A state throws its own into battle: "they threw tens of
		// thousands of reservists there".
		"throw", "throws", "threw", "thrown", "throwing",
		// A state cuts or grows its own forces: "the US plans to cut troop
		// levels in Germany to 25,000".
		"cut", "cuts", "cutting", "reduce", "reduces", "reduced", "reducing", "boost", "boosts",
		"boosted", "boosting", "expand", "expands", "expanded", "expanding",
	})
	// troopMoveVerbs take personnel away from a place: after them "from
	// Germany" is where the troops were, not whose they are ("Washington
	// will withdraw 12,000 troops from Germany").
	troopMoveVerbs = setOf(troopMoveVerbsIndex, []string{
		"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "pull", "pulls",
		"pulled", "pulling", "move", "moves", "moved", "moving", "redeploy", "redeploys",
		"redeployed", "relocate", "relocated", "transfer", "transferred", "evacuate",
		"evacuated", "bring", "brought", "remove", "removed", "shift", "shifted",
		"reassign", "reassigned", "rotate", "rotated", "recall", "recalled",
	})
	// troopLossVerbs own a count of casualties: the state that lost them.
	troopLossVerbs = setOf(troopLossVerbsIndex, []string{
		"lost", "lose", "loses", "losing", "has", "have", "had", "suffer", "suffers",
		"suffered", "suffering", "sustain", "sustains", "sustained",
	})
	// troopGermanLossVerbs are the German and French verbs of losing
	// soldiers: "Die Ukraine verliert täglich etwa 1000 Soldaten".
	troopGermanLossVerbs = setOf(troopGermanLossVerbsIndex, []string{"verlor", "verloren", "verliert", "verlieren", "perdu", "perd", "perdent"})
	// troopGermanOwnVerbs come after the figure in German.
	// troopGermanFiniteVerbs come before the figure in a German main
	// clause: "Die USA verlegen 3000 Soldaten", "Die russische Armee
	// verlor 1200 Soldaten".
	troopGermanFiniteVerbs = setOf(troopGermanFiniteVerbsIndex, []string{
		"verlegt", "verlegen", "verlegte", "verlegten", "schickt", "schicken", "schickte", "schickten",
		"entsendet", "entsenden", "entsandte", "stationiert", "stationieren", "verlor", "verloren",
		"verliert", "verlieren", "mobilisiert", "mobilisieren", "stellt", "stellen", "stellte", "hat", "haben", "hatte",
		"zieht", "ziehen", "zog", "zogen",
		// A state adds to its own: "Deutschland stockt sein Kontingent um
		// 350 Soldaten auf", "Polen verstärkt die Grenze mit 10.000 Soldaten".
		"stockt", "stocken", "stockte", "stockten", "verstärkt", "verstärken", "verstärkte",
		"erhöht", "erhöhen", "erhöhte",
		// French: "La France va envoyer 1 500 soldats", "La Russie a massé".
		"envoyer", "envoie", "envoient", "envoyé", "déployer", "déploie", "déployé", "massé",
		"masse", "perdu", "perd", "mobilisé", "mobiliser", "stationne", "stationné", "compte",
		"enverra", "enverront", "envoyait", "déploiera", "déploieront", "déploient", "déployait",
		"mobilisera", "mobiliseront", "stationnera", "stationneront",
	})
	troopGermanOwnVerbs = setOf(troopGermanOwnVerbsIndex, []string{
		"stationiert", "verlegt", "entsandt", "entsendet", "geschickt", "zusammengezogen",
		"verloren", "mobilisiert", "abgezogen", "aufgestellt", "aufgeboten", "stationieren",
		"verlegen", "entsenden", "schicken", "abziehen", "mobilisieren", "einberufen",
		"aufgestockt", "aufstocken", "verstärkt", "verstärken", "erhöht", "erhöhen",
	})
	// troopCyrOwnStems are the Ukrainian and Russian stems of those verbs.
	troopCyrOwnStems = []string{
		"зосеред", "сконцентрув", "зібра", "собра", "стягну", "стягув", "втрат", "втрача", "мобілізув",
		"розгорну", "розміст", "направи", "направл", "відправ", "перекину", "перекида",
		"сосредоточ", "стянул", "потерял", "теря", "мобилизов", "развернул", "разместил", "направил",
		"отправил", "перебросил", "має", "мають", "мала", "мав", "имеет", "имеют",
		"кинул", "кида", "кинут", "бросил", "броса",
	}
	// troopStopsOwner end the search for the verb that owns a figure: what
	// comes before them belongs to another clause.
	troopStopsOwner = setOf(troopStopsOwnerIndex, []string{"that", "which", "who", "whom", "whose", "where", "when", "if", "dass", "wenn", "що", "якщо", "что", "если"})
	// troopPrepositions put a state after them as a place or a topic, not
	// the subject.
	troopPrepositions = setOf(troopPrepositionsIndex, []string{
		"in", "to", "into", "near", "on", "at", "from", "with", "against", "toward",
		"towards", "of", "for", "by", "across", "along", "around", "over", "inside",
		"within", "onto", "through", "throughout", "than", "between", "beyond", "outside",
		"under", "about", "like", "nach", "an", "gegen", "aus", "von", "mit", "für", "bei",
		"zu", "auf", "über", "um", "vor", "im", "am", "zum", "zur", "vom", "у", "в", "на",
		"до", "з", "із", "від", "біля", "проти", "для", "по", "під", "над", "через",
		"около", "против", "из", "от", "о", "об",
	})
	// troopBodyWords after "X's" keep X the subject: "Russia's military has
	// massed", "Ukraine's army lost".
	troopBodyWords = setOf(troopBodyWordsIndex, []string{
		"military", "army", "forces", "force", "government", "defence", "defense",
		"ministry", "navy", "armed", "leadership", "president", "command", "troops",
		"general", "staff", "regime", "administration", "authorities",
	})
	// troopOwnNouns are what an address calls its own soldiers: they are
	// the speaker's state's when nothing else says whose.
	troopOwnNouns    = setOf(troopOwnNounsIndex, []string{"defenders", "heroes", "warriors"})
	troopCyrOwnNouns = []string{"захисник", "геро", "воїн", "защитник"}
	// troopEnemyWords name the other side's soldiers in an address.
	troopEnemyWords = setOf(troopEnemyWordsIndex, []string{"enemy", "enemies", "invaders", "occupiers", "invading", "occupying", "enemy's"})
	// troopYourWords make a figure the enemy's in an address that speaks
	// to the enemy's people: "more than 14 thousand of your soldiers".
	troopYourWords = setOf(troopYourWordsIndex, []string{"your", "Your", "ваших", "ваши", "ваш", "ваші"})
	// troopPronouns stand for a subject named before: "They have lost".
	troopPronouns      = setOf(troopPronounsIndex, []string{"they", "They", "it", "It", "вони", "Вони", "они", "Они"})
	troopCyrEnemyStems = []string{"ворог", "ворож", "враг", "окупант", "загарбник", "оккупант", "вражеск", "противник"}
	// troopOurWords make a figure the speaker's state's: "our warriors".
	troopOurWords = setOf(troopOurWordsIndex, []string{"our", "Our", "unsere", "unserer", "unseren", "Unsere", "notre", "nos"})
	troopOurStems = []string{"наш", "наших"}
	// troopItsWords point back at the sentence's subject state: "2,000 of
	// its soldiers", "drei seiner Soldaten".
	troopItsWords = setOf(troopItsWordsIndex, []string{"its", "their", "seiner", "ihrer", "seine", "ihre", "seinen", "ihren", "ses", "leurs"})
	troopItsStems = []string{"своїх", "свої", "своих", "свои", "його", "її"}
	// troopUSServiceNouns are capitalised in US military writing, and
	// nowhere else.
	troopUSServiceNouns = setOf(troopUSServiceNounsIndex, []string{"Airmen", "Guardians", "Sailors", "Marines", "Soldiers", "Airman", "Guardian", "Sailor", "Marine", "Soldier"})

	troopEstimateWords = setOf(troopEstimateWordsIndex, []string{
		"estimated", "estimates", "estimate", "estimating", "believed", "assessed",
		"assessment", "assesses", "reportedly", "thought", "geschätzt", "schätzungsweise",
		"vermutlich", "mutmaßlich", "estimé", "estimés", "estimée", "estimées", "estimation", "estimations",
	})
	troopCyrEstimateStems = []string{"оцінк", "оцінюю", "орієнтовно", "приблизно", "оценк", "оценива", "по оценкам"}
	troopClaimWords       = setOf(troopClaimWordsIndex, []string{"claimed", "claims", "claim", "claiming", "alleged", "alleges", "allegedly", "purported", "purportedly", "behauptet", "behauptete"})
	troopProposeWords     = setOf(troopProposeWordsIndex, []string{
		"proposed", "propose", "proposes", "proposal", "proposals", "considering",
		"consider", "considers", "considered", "could", "might", "offer", "offered",
		"offers", "offering", "calls", "urged", "urges", "suggested", "suggests",
		"possible", "potential", "ready", "willing", "prepared", "vorgeschlagen",
		"könnte", "könnten", "erwägt", "erwägen", "pourrait", "pourraient", "envisage", "envisagent",
	})
	troopReadyWords      = setOf(troopReadyWordsIndex, []string{"ready", "willing", "prepared"})
	troopGermanReady     = setOf(troopGermanReadyIndex, []string{"bereit", "gewillt", "willens"})
	troopCyrProposeStems = []string{"пропону", "запропон", "могл", "може", "можуть", "готов", "предлож", "мог"}
	troopPlanWords       = setOf(troopPlanWordsIndex, []string{
		"will", "shall", "plan", "plans", "planned", "planning", "intends", "intend",
		"intended", "scheduled", "expected", "would", "aims", "aim", "ll", "wird",
		"werden", "soll", "sollen", "sollten", "plant", "planen", "geplant", "wollen",
		// A force agreed on or approved is to come: "die AU hatte sich auf
		// eine Friedenstruppe von 5.000 Soldaten geeinigt".
		"agreed", "approved", "authorised", "authorized", "geeinigt", "beschlossen", "vereinbart",
		// A force ordered is yet to come: "ordered a partial mobilisation
		// of 300,000 reservists" (not "orders", which are medals too).
		"ordered", "ordering", "ordnete", "angeordnet",
		// A force pledged is to come: "has pledged to send 1,000 troops".
		"pledged", "pledges", "pledge", "promised", "promises", "vowed", "vows",
	})
	troopCyrPlanStems  = []string{"буде", "будуть", "планує", "плануют", "планую", "заплан", "будет", "будут", "планир"}
	troopDeployedWords = setOf(troopDeployedWordsIndex, []string{
		"deployed", "stationed", "massed", "amassed", "amassing", "massing", "gathered",
		// A force in place taken together: "Russia's build-up of 100,000".
		"buildup", "presence", "deployment", "concentration",
		"gathering", "concentrated", "based", "serving", "serve", "serves", "sent",
		"arrayed", "accumulated", "positioned", "present", "garrisoned", "deploys",
		"fighting", "fight", "fought", "has", "have", "had", "there", "remain", "remained",
		"remaining", "sending", "stationiert", "verlegt", "entsandt", "zusammengezogen", "dispatched", "moved", "brought", "committed", "fielded", "contributed",
		// Doing what troops in place do: "servicemembers defending NATO's
		// borders", "troops continued to line the border", "controlled by
		// 500 soldiers", "soldiers are involved in maneuvers".
		"defending", "guarding", "patrolling", "line", "lined", "lining", "controlled",
		"occupying", "holding", "operating", "surrounding", "encircling", "besieging",
		"involved", "participating", "mobilizing", "mobilising", "manning", "assigned",
		"bleiben", "bleibt", "verbleiben", "eingesetzt",
		"déployé", "déployés", "déployées", "stationnés", "stationnées", "massés", "envoyés",
		// A force kept somewhere is in place: "keeps about 100,000 troops
		// in Europe".
		"keeps", "kept", "maintains", "maintained",
		// Arrived in place: "300 British soldiers arrived in Estonia".
		"arrived", "arrives", "arriving",
		"schickt", "schicken", "schickte", "schickten", "entsendet", "entsenden",
	})
	// troopIntelWords name an intelligence service, whose counts are
	// estimates, or an estimate, in German and French nouns, which are
	// read anywhere in the sentence ("laut britischem Geheimdienst", "nach
	// britischen Schätzungen", "selon le renseignement britannique").
	troopIntelWords = setOf(troopIntelWordsIndex, []string{"geheimdienst", "geheimdienste", "geheimdienstes", "geheimdiensten", "schätzung", "schätzungen", "renseignement", "renseignements"})
	// belligerents are pairs of states at war in the years the news
	// covers, each way round: one's count of the other's forces is a
	// claim.
	belligerents = setOf(belligerentsIndex, []string{"UARU", "RUUA", "ILIR", "IRIL", "ILPS", "PSIL", "AMAZ", "AZAM", "INPK", "PKIN"})
	// troopAtPlace come before the border or front where troops are.
	troopAtPlace          = setOf(troopAtPlaceIndex, []string{"along", "on", "at", "near", "to", "across"})
	troopCyrDeployedStems = []string{"зосередж", "зосереди", "розгорнут", "розміщ", "дислок", "перебува", "сосредоточ", "развернут", "размещ", "находя", "воюют", "воюють"}

	// troopInvertedVerbs may put their subject after them: "said the
	// Pentagon".
	troopInvertedVerbs = setOf(troopInvertedVerbsIndex, []string{"said", "says", "reported", "added", "claimed", "estimated", "stated", "wrote", "announced", "sagte", "erklärte", "meldete", "berichtete", "teilte"})
	// troopSourceNouns head the phrases that give figures: "Ukrainian
	// officials said", "the British defence ministry estimates".
	troopSourceNouns = setOf(troopSourceNounsIndex, []string{
		"officials", "official", "ministry", "defence", "defense", "military", "army",
		"intelligence", "government", "spokesman", "spokeswoman", "spokesperson",
		"command", "staff", "general", "forces", "authorities", "estimates", "data",
		"sources", "source", "office", "department", "services", "service", "agency",
		"president", "minister", "secretary", "chief", "commander", "leadership",
		"administration", "analysts", "experts", "figures", "statement", "report",
		"ministerium", "armee", "militär", "regierung", "geheimdienst", "behörden",
	})
	// troopSourceVerbs attribute a figure to their subject.
	troopSourceVerbs = setOf(troopSourceVerbsIndex, []string{
		"estimated", "estimates", "claimed", "claims", "reported", "reports", "announced",
		"announces", "stated", "states", "wrote", "writes", "confirmed", "confirms",
		"put", "puts", "counted", "counts", "assessed", "assesses", "believes",
		"meldete", "berichtete", "erklärte", "teilte", "sagte", "sprach", "gab", "schätzt",
	})
	troopCyrBy          = setOf(troopCyrByIndex, []string{"за", "За", "по", "По"}) // "за даними", "по данным"
	troopCyrAccording   = []string{"дани", "данн", "слова", "інформаці", "оцінк", "даним", "словам", "информаци", "оценк"}
	troopCyrReportStems = []string{"повідоми", "заяви", "зазначи", "повідомля", "сообщи", "заяви", "сообща"}
)

// armyUnits are the soldiers an army has; fighters, rebels and airmen
// may be anyone's.
var armyUnits = setOf(armyUnitsIndex, []string{"soldiers", "soldier", "troops", "servicemen", "personnel", "soldaten", "soldat", "soldatinnen"})

// armyWords name a state's army when a state's adjective comes before
// them: "the Turkish military", "der syrischen Armee".
// armyReach is how many sentences before a figure's armyNear reads: a
// report names the army, then tells of the attack on it, then of its dead.
const armyReach = 2

var armyWords = setOf(armyWordsIndex, []string{"military", "army", "Militär", "Militärs", "Armee", "Streitkräfte", "Streitkräften"})

// armyNear returns the state whose army the figure's sentence or the one
// before names, when it names one state's army and the figure's sentence
// names no other state: "Dem türkischen Militär zufolge wurden zwei
// Soldaten getötet", "ein Lager der syrischen Armee ... Bei den Kämpfen
// seien auch neun Soldaten getötet worden". Not when someone killed them:
// an army that kills soldiers kills its enemy's.
func (r *troopReader) armyNear(sp troopSpan, from, to int) string {
	s := r.s
	for k := from; k < to; k++ {
		switch s.low(k) {
		case "killed", "tötete", "töteten", "getötet", "killing":
			if k < sp.start && s.low(k) != "getötet" {
				return ""
			}
		}
	}
	prev := from
	for n := 0; n < armyReach && prev > 0 && !s.toks[prev].brk; n++ {
		prev, _ = r.sentence(prev - 1)
	}
	army := ""
	for k := prev; k < to; k++ {
		armed := s.low(k) == "forces" && s.low(k-1) == "armed"
		if !armyWords.has(s.word(k)) && !armyWords.has(s.low(k)) && !armed {
			continue
		}
		if c := s.stateOfAfter(k + 1); c != "" {
			// "The army of North Korea numbers", "the Armed Forces of
			// Ukraine have lost".
			if army != "" && army != c {
				return ""
			}
			army = c
			continue
		}
		p := k - 1
		if armed {
			p-- // "armed" of "its armed forces"
		}
		if w := s.low(p); (w == "its" || w == "their") && (p == 0 || s.toks[p].brk || endsSentence(s.key(p-1))) {
			// "Poland is growing. Its armed forces now number 200,000
			// soldiers": the state the pronoun stands for.
			if c := r.antecedentOwner(p); c != "" {
				if army != "" && army != c {
					return ""
				}
				army = c
				continue
			}
		}
		if armed {
			continue
		}
		switch {
		case s.word(p) == "'s" || s.key(p) == "s" && (s.key(p-1) == "'" || s.key(p-1) == "’"):
			p -= 2
			if s.key(p+1) == "'s" {
				p++
			}
		case s.bareApostropheAt(p):
			p-- // "the Philippines' army"
		}
		codes, e := s.nationAt(p)
		if e <= p {
			// "Ukraine's military", "North Korea's army": the possessor
			// ends before the 's.
			if c := s.nationEnding(p+1, max(prev, p-3)); len(c) == 1 {
				codes, e = c, p+1
			}
		}
		if e <= p || len(codes) != 1 {
			c := troopOwner(s.word(p))
			if c == "" {
				continue
			}
			codes = []string{c}
		}
		if army != "" && army != codes[0] {
			return ""
		}
		army = codes[0]
	}
	if army == "" {
		return ""
	}
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k {
			if len(codes) != 1 || codes[0] != army {
				return ""
			}
			k = e - 1
		}
	}
	return army
}

// stateOfAfter returns the one state named after "of" (and "the") at
// token k, or "".
func (s *scan) stateOfAfter(k int) string {
	if s.low(k) != "of" {
		return ""
	}
	j := k + 1
	if s.low(j) == "the" {
		j++
	}
	if codes, e := s.nationAt(j); e > j && len(codes) == 1 {
		return codes[0]
	}
	return ""
}

// leaderSubject returns the state of a well-known leader who is the
// subject of a verb that deploys, orders, has or loses personnel, at or
// before token verb: "Putin ordered the army to increase troop numbers
// by 170,000", "Trump has sent 2,000 National Guard troops", "Зеленський
// наказав". Between the name and that verb only auxiliaries, modals and
// adverbs may stand, and the text must name the leader's state, since
// some of the names are common surnames too.
func (r *troopReader) leaderSubject(from, verb int) string {
	s := r.s
	for k := max(from, verb-16); k < verb; k++ {
		if !s.capitalised(k) {
			continue
		}
		c := leaderState(s.word(k), s.toks[k].kind == tOther)
		if c == "" {
			continue
		}
		v := k + 1
		if s.key(v) == "," && relativeWords.has(s.low(v+1)) {
			// "Putin, who met Xi on Monday, has 150,000 troops": the
			// relative clause set off by commas stands between.
			for c := v + 2; c < verb; c++ {
				if s.key(c) == "," {
					v = c + 1
					break
				}
			}
		}
		for v < verb && (troopAuxiliaries.has(s.low(v)) || troopModals.has(s.low(v)) || troopAdverbs.has(s.low(v))) {
			v++
		}
		w := s.verb(v)
		if (troopOwnVerbs.has(w) || s.toks[v].kind == tOther && stemFoldAny(w, troopCyrOwnStems)) && s.textNamesState(c) {
			return c
		}
	}
	return ""
}

// countrySubject returns the state a subject names without its name, in
// the few words before the verb at verb: a leader's country or army
// ("Zelensky said his country had lost", "Putin's army has lost") or
// "the country" opening a sentence after one whose subject is a state
// ("Iraq is unstable. The country has 20,000 troops").
func (r *troopReader) countrySubject(from, verb int) string {
	s := r.s
	for k := max(from, verb-4); k < verb; k++ {
		w := s.low(k)
		switch {
		case (w == "country" || w == "nation") && (s.low(k-1) == "his" || s.low(k-1) == "her") && k-1 >= from:
			for j := k - 2; j >= from && j >= k-8; j-- {
				if s.capitalised(j) {
					if c := leaderState(s.word(j), s.toks[j].kind == tOther); c != "" && s.textNamesState(c) {
						return c
					}
				}
			}
		case (w == "country" || w == "nation") && s.low(k-1) == "the" && k-1 == from:
			if c := r.antecedentOwner(from); c != "" {
				return c
			}
		case (militaryWords.has(w) || w == "troops") && k >= from+3 && s.possessiveAt(k-1) && s.capitalised(k-3):
			// "Putin's army": k-3 is the name, k-2 and k-1 the "'s".
			if c := leaderState(s.word(k-3), s.toks[k-3].kind == tOther); c != "" && s.textNamesState(c) {
				return c
			}
		}
	}
	return ""
}

// orderedAggregateOwner returns the state that is the subject of a verb
// that orders, announces or begins a build-up the figure measures, when
// no state stands before the build-up itself: "The Russian leader ordered
// a partial mobilisation of 300,000 reservists", "Putin announced the
// deployment of 5,000 troops", "Росія оголосила мобілізацію 300 тисяч
// резервістів" (the Cyrillic noun governs the count without "of").
func (r *troopReader) orderedAggregateOwner(sp troopSpan, from int) string {
	s := r.s
	k := sp.start - 1
	if s.low(k) == "of" {
		k--
		if !troopAggregates.has(s.low(k)) {
			return ""
		}
	} else if s.toks[max(k, 0)].kind != tOther || !stemFoldAny(s.low(k), troopCyrAggregateStems) {
		return ""
	}
	k--
	for n := 0; n < 3 && k >= from && (troopAggregateKinds.has(s.low(k)) || troopOrderedModifiers.has(s.low(k))); n++ {
		k-- // "the", "a partial", "часткову"
	}
	if k < from {
		return ""
	}
	w := s.low(k)
	if !troopOrderVerbs.has(w) && !(s.toks[k].kind == tOther && stemFoldAny(w, troopCyrOrderStems)) {
		return ""
	}
	if c := r.subjectNation(from, k); c != "" {
		return c
	}
	return r.leaderSubject(from, k)
}

// aggregateOwner returns the state that owns a body, a build-up or a
// presence the figure measures with "of": "a Russian build-up of about
// 130,000 troops", "Russia's deployment of 100,000 troops", "Britain's
// contingent of 900 troops", "the US military presence of 2,500 troops".
// The state must stand right before the noun, as an adjective or a
// possessor.
func (r *troopReader) aggregateOwner(sp troopSpan, from int) string {
	s := r.s
	k := sp.start - 1
	if s.low(k) != "of" || k-1 < from {
		return ""
	}
	k--
	switch {
	case forceNouns.has(s.low(k)) || troopAggregates.has(s.low(k)):
		k--
	case s.low(k) == "up" && s.key(k-1) == "-" && s.low(k-2) == "build":
		k -= 3 // "build-up"
	default:
		return ""
	}
	if k >= from && s.capitalised(k+1) && !s.sentenceStart(k+1) {
		return "" // a name: "the Ukraine Defense Contact Group of 50 nations"
	}
	for n := 0; n < 2 && k >= from && troopAggregateKinds.has(s.low(k)); n++ {
		k-- // "military presence", "troop deployment"
	}
	if k < from {
		return ""
	}
	if s.key(k) == "s" && (s.key(k-1) == "'" || s.key(k-1) == "’") {
		return r.nationEndingAt(k-1, from)
	}
	return r.nationEndingAt(k+1, from)
}

var (
	// troopAggregates are nouns for a state's troops taken together that
	// a count measures with "of": "a build-up of 100,000 troops".
	troopAggregates = setOf(troopAggregatesIndex, []string{
		"buildup", "deployment", "deployments", "presence", "surge", "reinforcement",
		"reinforcements", "concentration", "grouping", "mobilisation", "mobilization", "contribution",
	})
	// troopOrderVerbs order, announce or begin a build-up: "ordered a
	// partial mobilisation of", "announced the deployment of".
	troopOrderVerbs = setOf(troopOrderVerbsIndex, []string{
		"ordered", "orders", "order", "announced", "announces", "announce", "declared",
		"declares", "declare", "approved", "approves", "approve", "authorized",
		"authorised", "authorizes", "authorises", "launched", "launches", "began",
		"begins", "started", "starts", "completed", "completes", "decreed",
	})
	// troopOrderedModifiers stand between such a verb and the build-up.
	troopOrderedModifiers = setOf(troopOrderedModifiersIndex, []string{
		"a", "an", "the", "partial", "full", "general", "further", "second", "another",
		"часткову", "загальну", "нову", "частичную", "всеобщую", "новую",
	})
	// troopCyrAggregateStems are Ukrainian and Russian build-up nouns that
	// govern a count without a preposition: "мобілізацію 300 тисяч".
	troopCyrAggregateStems = []string{"мобілізац", "мобилизац", "розгортанн", "развертывани", "призов", "призыв"}
	// troopCyrOrderStems order or announce one: "оголосив", "объявил".
	troopCyrOrderStems = []string{"оголоси", "оголошу", "объяви", "объявля", "наказа", "приказа", "розпоча", "начал", "почал", "провод"}
	// troopAggregateKinds may stand between the state and the aggregate.
	troopAggregateKinds = setOf(troopAggregateKindsIndex, []string{
		"military", "troop", "troops", "naval", "ground", "army", "force", "forces", "new",
		"additional", "current", "planned", "massive", "huge", "large",
	})
)

// enemyBefore reports whether the enemy is named in the sentence before
// token at, from from on, or in the sentence before that one.
func (r *troopReader) enemyBefore(from, at int) bool {
	s := r.s
	b := from
	if b > 0 && !s.toks[b].brk {
		b, _ = r.sentence(b - 1)
	}
	for k := b; k < at; k++ {
		if troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopCyrEnemyStems) {
			return true
		}
	}
	return false
}

// admittedLoss returns the state that confirms, admits or acknowledges
// the deaths or the loss of the figure's personnel: its own ("Russia
// confirmed the deaths of 1,351 service members", "Moscow acknowledged
// the loss of 6,000 troops").
func (r *troopReader) admittedLoss(t defwatch.Troop, sp troopSpan, from int) string {
	s := r.s
	if t.Category != defwatch.TroopCasualties {
		return ""
	}
	k := sp.start - 1
	if s.low(k) != "of" || !admittedNouns.has(s.low(k-1)) {
		return ""
	}
	k -= 2
	if s.low(k) == "the" || s.low(k) == "its" {
		k--
	}
	if !admitVerbs.has(s.low(k)) {
		return ""
	}
	return r.subjectNation(from, k)
}

var (
	// admittedNouns are what a state admits of its personnel.
	admittedNouns = setOf(admittedNounsIndex, []string{"deaths", "death", "loss", "losses"})
	// admitVerbs say a state owns up to a loss.
	admitVerbs = setOf(admitVerbsIndex, []string{
		"confirmed", "confirms", "confirm", "acknowledged", "acknowledges", "acknowledge",
		"admitted", "admits", "admit",
	})
)

// released reports whether the figure counts prisoners that the
// sentence's subject releases or hands over: the captor's prisoners are
// the other side's soldiers ("Russland hat 200 Kriegsgefangene
// freigelassen", "Росія звільнила 95 військовополонених").
func (r *troopReader) released(t defwatch.Troop, from, to int) bool {
	s := r.s
	if !prisonerUnit(t.Unit) {
		return false
	}
	for k := from; k < to; k++ {
		w := s.low(k)
		if releaseWords.has(w) || w == "over" && strings.HasPrefix(s.low(k-1), "hand") ||
			s.toks[k].kind == tOther && stemFoldAny(s.word(k), releaseStems) {
			return true
		}
	}
	return false
}

// lossesOwner returns whose losses the figure measures when it gives
// them after the loss word, from the word before that: "Our losses are
// about 1,300 servicemen", "Наші втрати – близько 1300
// військовослужбовців" (the speaker's state), "Die russischen Verluste
// belaufen sich auf 300.000 Soldaten" (the adjective's state).
func (r *troopReader) lossesOwner(t defwatch.Troop, sp troopSpan, from int) string {
	s := r.s
	for k := sp.start; k >= from && k >= sp.start-9; k-- {
		if k < sp.start && endsSentence(s.key(k)) {
			return ""
		}
		w := s.word(k)
		loss := lossWords.has(s.low(k)) || w == "Verluste" || w == "pertes" ||
			s.toks[k].kind == tOther && stemFoldAny(w, []string{"втрат", "потер"})
		head := measuredForceHeads.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrForceHeads)
		if !(loss && t.Category == defwatch.TroopCasualties) && !(head && t.Category == defwatch.TroopStrength) {
			continue
		}
		q := k
		if head && troopHeadAdjectives.has(s.low(k-1)) {
			q-- // "Finland's total reserve"
		}
		if (s.key(q-1) == "s" || s.key(q-1) == "’s") && (s.key(q-2) == "'" || s.key(q-2) == "’") {
			// "Germany's contribution is 1,000 soldiers", "Russia's losses
			// are 300,000 soldiers"; "the country's reserve" is the
			// state the sentence is about.
			if w := s.low(q - 3); w == "country" || w == "nation" {
				if c := r.subjectNation(from, q-3); c != "" {
					return c
				}
				return r.antecedentOwner(from)
			}
			return r.nationEndingAt(q-2, from)
		}
		o := ""
		if k > from {
			o = s.word(k - 1)
		}
		switch {
		case o != "" && (troopOurWords.has(o) || s.toks[k-1].kind == tOther && stemFoldAny(o, troopOurStems)):
			if c := r.speakerNation(); c != "" {
				return c
			}
			return r.quotedSpeaker(k - 1)
		case o != "" && troopOwner(o) != "":
			return troopOwner(o)
		case k+1 < sp.start && troopOwner(s.word(k+1)) != "":
			return troopOwner(s.word(k + 1)) // "les pertes russes", "die Verluste Russlands"
		case k+1 < sp.start && s.toks[k+1].kind == tOther && r.stateAt(k+1) != "":
			return r.stateAt(k + 1) // "угруповання Білорусі", "группировки Беларуси"
		case k+2 < sp.start && genitiveArticles.has(s.low(k+1)) && troopOwner(s.word(k+2)) != "":
			// "die Verluste der russischen Armee", "les pertes de l'armée
			// russe" is left to the noun's own adjective
			return troopOwner(s.word(k + 2))
		}
		if k > from {
			if codes, e := s.nationAt(k - 1); e == k && len(codes) == 1 {
				return codes[0]
			}
		}
		return ""
	}
	return ""
}

// capturedIn reports whether the sentence from..to says its prisoners
// were taken or captured.
func (r *troopReader) capturedIn(from, to int) bool {
	for k := from; k < to; k++ {
		if captureVerbs.has(r.s.low(k)) {
			return true
		}
	}
	return false
}

// measuredForceHeads are what a state's force figure after them
// measures: "Germany's contribution is 1,000 soldiers".
// stateAt returns the one state named at token k, or "".
func (r *troopReader) stateAt(k int) string {
	if codes, e := r.s.nationAt(k); e > k && len(codes) == 1 {
		return codes[0]
	}
	return ""
}

// troopCyrForceHeads are Ukrainian and Russian nouns for a force whose
// size a figure may give, owned by the state named beside them:
// "Чисельність угруповання Росії – понад 500 тисяч".
var troopCyrForceHeads = []string{"угрупован", "группировк", "контингент"}

// genitiveArticles open a German genitive after a noun: "die Verluste
// der russischen Armee".
var genitiveArticles = setOf(genitiveArticlesIndex, []string{"der", "des"})

var measuredForceHeads = setOf(measuredForceHeadsIndex, []string{"contribution", "contingent", "deployment", "presence", "garrison", "reserve", "reserves", "strength"})

// troopHeadAdjectives may stand between a possessor and the force head it
// measures: "Finland's total reserve", "Poland's wartime strength".
var troopHeadAdjectives = setOf(troopHeadAdjectivesIndex, []string{"total", "wartime", "current", "overall", "peacetime", "active", "trained"})

// prisonerUnit reports whether a figure's unit counts prisoners.
func prisonerUnit(unit string) bool {
	u := strings.ToLower(unit)
	return strings.Contains(u, "prisoner") || u == "pows" || strings.Contains(u, "gefangen") ||
		strings.Contains(u, "полонен") || strings.Contains(u, "пленн")
}

// heldPrisonersOwner returns the enemy of the state an address speaks
// for when the address counts prisoners it does not call its own and
// says nothing of bringing them home: the prisoners a state holds are
// its enemy's soldiers ("Hundreds and hundreds of prisoners", "Сотни
// пленных, которых отправили в Украину"). Its own held by the enemy it
// calls "our" ("150 of our prisoners", read before this) or brings home,
// frees or exchanges.
func (r *troopReader) heldPrisonersOwner(t defwatch.Troop, from, to int) string {
	if !prisonerUnit(t.Unit) || t.Category != defwatch.TroopCasualties {
		return ""
	}
	own := r.speakerNation()
	if own == "" || r.released(t, from, to) {
		return ""
	}
	s := r.s
	for k := from; k < to; k++ {
		w := s.low(k)
		if returnWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), returnStems) {
			return ""
		}
	}
	return r.enemyOf(own)
}

var (
	// returnWords and returnStems bring prisoners home or trade them.
	returnWords = setOf(returnWordsIndex, []string{
		"home", "back", "returned", "return", "returns", "returning", "exchange", "exchanged",
		"swap", "swapped", "swaps", "repatriated", "austausch", "ausgetauscht",
	})
	returnStems = []string{"поверн", "обмін", "обмен", "обменя", "вернул", "вернут", "додому", "домой"}
	// releaseWords and releaseStems free or hand over prisoners.
	releaseWords = setOf(releaseWordsIndex, []string{
		"released", "releases", "release", "releasing", "freed", "frees", "free", "freeing",
		"freigelassen", "freigegeben", "übergeben", "ausgeliefert", "entlassen",
	})
	releaseStems = []string{"звільни", "звільня", "передал", "передав", "освобод", "отпуст", "відпуст"}
)

// reportedOwnDead returns the state that reports the figure when the
// figure counts soldiers it says were killed, wounded or died, as the
// subject of that harm: "Israel said 12 soldiers were killed in Gaza",
// "Russia's defence ministry said 30 soldiers were killed". A state
// reporting its enemy's dead names them ("300 Russian soldiers") or says
// it killed them ("Ukraine said it killed 300 soldiers"); an address's
// enemy, an armed group's fighters and a report of the enemy are left
// to the other readings.
func (r *troopReader) reportedOwnDead(t defwatch.Troop, sp troopSpan, from, to int) string {
	s := r.s
	src := t.Source
	if t.Category != defwatch.TroopCasualties || len(src) != 2 || !isUpper(src[0]) || !isUpper(src[1]) || r.groupUnit(sp) {
		return ""
	}
	u := strings.ToLower(t.Unit)
	if i := strings.LastIndexByte(u, ' '); i >= 0 {
		u = u[i+1:] // "service members"
	}
	if !isUnitWord(u) && u != "members" && !isCyrUnit(u) && !strings.HasPrefix(u, "soldat") || groupUnits.has(u) || stemFoldAny(u, groupStems) || stemFoldAny(u, ownDeadExcluded) {
		return "" // "260 PKK-Kämpfer getötet und rund 400 weitere verletzt": a group's
	}
	e := sp.end
	for n := 0; n < 3 && (harmAux.has(s.lower(e)) || s.lower(e) == "wurde" || s.lower(e) == "reportedly"); n++ {
		e++
	}
	if !harmWords.has(s.lower(e)) && s.lower(e) != "died" && s.lower(e) != "starben" {
		return ""
	}
	for k := from; k < to; k++ {
		if troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopCyrEnemyStems) {
			return ""
		}
	}
	return src
}

// ownDeadExcluded begin nouns for fighters that a state's report counts as
// its enemy, not its own, beside groupStems.
var ownDeadExcluded = []string{"separatist", "guerrilla", "partisan", "бойовик", "боевик", "повстан", "сепаратист", "найман", "наемн", "наёмн"}

// definiteReferent returns the state a definite noun refers back to when
// it owns the figure: the sentence opens with "the country", "the army",
// "the military", "the armed forces" or "the nation" as its subject or a
// possessor ("The country's armed forces now number 200,000 soldiers",
// "The army has about 180,000 soldiers"), or that noun's possessive stands
// right before the figure ("the country's 200,000 troops"). The referent
// is the one state the sentence before, in the same paragraph, names as a
// party and as a subject, not only as a place or an object ("Floods hit
// Germany"); none when it names two, or when the figure's own sentence
// names another state as a party.
func (r *troopReader) definiteReferent(sp troopSpan, from, to int, source string) string {
	s := r.s
	at := -1
	if s.low(from) == "the" {
		k := from + 1
		if s.toks[k].kind == tWord && !definiteStateNouns.has(s.low(k)) && definiteStateNouns.has(s.low(k+1)) {
			k++ // "the small country", "the Baltic nation"
		}
		if definiteStateNouns.has(s.low(k)) && k < sp.start {
			at = k
		}
	}
	if p := sp.start - 1; at < 0 && s.key(p) == "s" && (s.key(p-1) == "'" || s.key(p-1) == "’") &&
		definiteStateNouns.has(s.low(p-2)) && s.low(p-3) == "the" && p-3 >= from {
		at = p - 2
	}
	if at < 0 || from == 0 || s.toks[from].brk {
		return ""
	}
	pf, _ := r.sentence(from - 1)
	ref, subject := "", false
	for k := pf; k < from; k++ {
		codes, e := s.nationAt(k)
		if e <= k {
			continue
		}
		if !r.placeRole(k, e) {
			if len(codes) != 1 || ref != "" && ref != codes[0] {
				return "" // two states compete as the referent
			}
			ref = codes[0]
			subject = subject || r.subjectPlace(k, pf)
		}
		k = e - 1
	}
	if !subject || r.otherPartyIn(from, to, ref, source) {
		return ""
	}
	return ref
}

// definiteStateNouns stand for a state or its forces named before: "the
// country", "the army".
var definiteStateNouns = setOf(definiteStateNounsIndex, []string{"country", "nation", "army", "military", "kingdom", "republic"})

// calledUpOwner returns the state that calls a figure up when the figure's
// clause says its people were called up, mobilised, drafted or
// conscripted ("Putin said 300,000 reservists had been called up",
// "Some 300,000 reservists have been mobilised"): a state calls up only
// its own. The state is the one that gives the figure, else the one state
// this sentence or the one before (same paragraph) names as a subject,
// with no other state named as a party.
func (r *troopReader) calledUpOwner(sp troopSpan, from, to int, source string) string {
	s := r.s
	passive := false
	for k := sp.end; k < min(to, sp.end+6); k++ {
		w := s.low(k)
		if clauseEnds(s.key(k)) {
			break
		}
		if calledUpWords.has(w) && (w != "called" || s.low(k+1) == "up") && troopAuxiliaries.has(s.low(k-1)) {
			passive = true
			break
		}
	}
	if !passive {
		return ""
	}
	if len(source) == 2 && isUpper(source[0]) && isUpper(source[1]) {
		for k := from; k < to; k++ {
			// "Kyiv says 300,000 reservists have been mobilised in
			// Russia": here even a place names whose call-up it is.
			if codes, e := s.nationAt(k); e > k {
				if len(codes) != 1 || codes[0] != source {
					return ""
				}
				k = e - 1
			}
		}
		return source
	}
	pf := from
	if from > 0 && !s.toks[from].brk {
		pf, _ = r.sentence(from - 1)
	}
	ref, subject := "", false
	for k := pf; k < to; k++ {
		codes, e := s.nationAt(k)
		if e <= k {
			continue
		}
		if !r.placeRole(k, e) {
			if len(codes) != 1 || ref != "" && ref != codes[0] {
				return ""
			}
			ref = codes[0]
			start := from
			if k < from {
				start = pf
			}
			subject = subject || r.subjectPlace(k, start)
		}
		k = e - 1
	}
	if !subject {
		return ""
	}
	return ref
}

// calledUpWords say a state called people up to its forces.
var calledUpWords = setOf(calledUpWordsIndex, []string{"called", "mobilised", "mobilized", "drafted", "conscripted", "einberufen", "mobilisiert"})

// quotedSpeaker returns the state of the one whose words quote token k,
// for "our" in a quotation in a report: "“Our 800,000 soldiers are
// holding,” Zelensky said." The quotation opens before k in the same
// paragraph, and the speaker is a person the text ties to a state, or a
// state, named with a verb of saying right after the quotation closes or
// right before it opens.
func (r *troopReader) quotedSpeaker(k int) string {
	s := r.s
	open := -1
	for j := k - 1; j >= max(0, k-80); j-- {
		if quoteOpens(s.key(j)) || s.key(j) == "\"" && (j == 0 || s.toks[j].brk || s.toks[j-1].kind == tPunct || !s.glued(j)) {
			open = j
			break
		}
		if quoteCloses(s.key(j)) || s.toks[j].brk {
			return ""
		}
	}
	if open < 0 {
		return ""
	}
	close := -1
	for j := k + 1; j < min(len(s.toks), k+80); j++ {
		if quoteCloses(s.key(j)) || s.key(j) == "\"" {
			close = j
			break
		}
		if j > k+1 && s.toks[j].brk {
			break
		}
	}
	if close >= 0 {
		// "...," Zelensky said. / "...," said Zelensky.
		if c := r.saidBy(close+1, min(len(s.toks), close+6)); c != "" {
			return c
		}
	}
	// Zelensky said: "..."
	return r.saidBy(max(0, open-6), open)
}

// saidBy returns the state of the speaker in tokens [a, b): a person the
// text ties to a state, or a state, next to a verb of saying; "" when
// there is none or two.
func (r *troopReader) saidBy(a, b int) string {
	s := r.s
	said := false
	for k := a; k < b; k++ {
		if k > a && s.toks[k].brk {
			b = k
			break
		}
		if quotedSayVerbs.has(s.low(k)) {
			said = true
		}
	}
	if !said {
		return ""
	}
	who := ""
	for k := a; k < b; k++ {
		c := ""
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 {
			c, k = codes[0], e-1
		} else if s.capitalAt(k) {
			c = s.people().stateOf(s, k)
		}
		if c != "" {
			if who != "" && who != c {
				return ""
			}
			who = c
		}
	}
	return who
}

func quoteOpens(q string) bool  { return q == "“" || q == "«" || q == "„" }
func quoteCloses(q string) bool { return q == "”" || q == "»" }

// quotedSayVerbs attribute a quotation to its speaker.
var quotedSayVerbs = setOf(quotedSayVerbsIndex, []string{"said", "says", "told", "added", "declared", "stressed", "sagte", "erklärte"})

// amongOwner returns the owner of the group a figure is counted among when
// the sentence opens with "among" and names that group before the figure:
// "Серед убитих окупантів – ще один генерал", "Among the dead Russian
// soldiers were two colonels". The group is the enemy's in an address, or
// the one state named in it.
func (r *troopReader) amongOwner(sp troopSpan, from int) string {
	s := r.s
	if !amongWords.has(strings.ToLower(s.word(from))) || sp.start-from > 8 {
		return ""
	}
	who := ""
	for k := from + 1; k < sp.start; k++ {
		c := ""
		if troopEnemyWords.has(s.low(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), troopCyrEnemyStems) {
			c = r.enemyOf(r.speakerNation())
		} else if codes, e := s.nationAt(k); e > k {
			if len(codes) != 1 {
				return ""
			}
			c, k = codes[0], e-1
		}
		if c != "" {
			if who != "" && who != c {
				return ""
			}
			who = c
		}
	}
	return who
}

// amongWords open a sentence that counts people among a group.
var amongWords = setOf(amongWordsIndex, []string{"among", "серед", "среди", "unter"})

// peopleSubject returns the state whose people, named in the plural as
// the sentence's subject, stand for its forces in war coverage: "Despite
// the losses, the Russians keep coming ... with little to show for it
// except thousands of soldiers returning home in body bags". The people
// come before the figure behind "the", no other state is named in the
// sentence as a party, and nothing between them and the figure says they
// harmed or reported the figure ("the Ukrainians killed 300 soldiers").
func (r *troopReader) peopleSubject(sp troopSpan, from, to int) string {
	s := r.s
	who := ""
	at := -1
	for k := from; k < sp.start; k++ {
		codes, e := s.nationAt(k)
		if e <= k {
			continue
		}
		w := s.word(e - 1)
		if e == k+1 && len(codes) == 1 && strings.HasSuffix(w, "ns") && strings.ToLower(s.word(k-1)) == "the" && r.subjectPlace(k, from) {
			if who != "" && who != codes[0] {
				return ""
			}
			who, at = codes[0], k
		}
		k = e - 1
	}
	if who == "" || r.otherPartyIn(from, to, who, who) {
		return ""
	}
	for k := at + 1; k < sp.start; k++ {
		w := s.low(k)
		if peopleHarmWords.has(w) || troopSourceVerbs.has(w) || dtReportingVerbs.has(w) {
			return ""
		}
	}
	return who
}

// peopleHarmWords say a subject harmed or took the people counted after
// them, so they are not its own.
var peopleHarmWords = setOf(peopleHarmWordsIndex, []string{"killed", "kill", "kills", "killing", "destroyed", "destroy", "eliminated", "eliminate",
	"captured", "capture", "wounded", "wound", "shot", "took", "take", "taken", "inflicted", "lost", "lose", "neutralised", "neutralized"})
