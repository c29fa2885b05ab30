package entity

import (
	"slices"
	"sort"
	"strings"

	"github.com/defwatch/defwatch"
)

// Troops returns the troop figures text gives, in text order, each figure
// once.
func Troops(text string) []defwatch.Troop { return troopsOf(newScan(text)) }

// TroopsIn returns the troop figures that start in text[from:to], read
// with the whole text around them: the owner an address gives its own
// forces ("our defenders"), a subject in the sentence before. A figure
// said again there is kept, unlike in Troops, since the range is asked
// about on its own.
func TroopsIn(text string, from, to int) []defwatch.Troop {
	s := newScan(text)
	ts, spans := s.troopsFound()
	k := 0
	for i := range ts {
		if off := s.toks[spans[i].start].start; off >= from && off < to {
			ts[k], spans[k] = ts[i], spans[i]
			k++
		}
	}
	return s.troopsAsWritten(dedupeTroops(s.readFigures(ts[:k], spans[:k])))
}

func troopsOf(s *scan) []defwatch.Troop {
	out, spans := s.troopsFound()
	return s.troopsAsWritten(dedupeTroops(s.readFigures(out, spans)))
}

// troopsAsWritten gives the figures' spans back as the text writes them.
func (s *scan) troopsAsWritten(ts []defwatch.Troop) []defwatch.Troop {
	for i := range ts {
		ts[i].Text = s.asWritten(ts[i].Text)
	}
	return ts
}

// troopsFound reads every figure of the text with the tokens it spans,
// before owners, statuses and sources are read.
func (s *scan) troopsFound() ([]defwatch.Troop, []troopSpan) {
	var out []defwatch.Troop
	var spans []troopSpan
	last := -1 // the token after the last figure, whose noun a count may carry over
	for i := 0; i < len(s.toks); {
		if !s.mayStartFigure(i) {
			i++
			continue
		}
		t, end, ok := s.troopAt(i)
		if !ok {
			t, end, ok = s.troopIntlAt(i)
		}
		if !ok && last >= 0 {
			t, end, ok = s.carriedAt(i, out[len(out)-1], last)
		}
		if !ok {
			t, end, ok = s.measuredAt(i, out)
		}
		if !ok {
			t, end, ok = s.lossCountAt(i)
		}
		if !ok {
			t, end, ok = s.lostCountAt(i)
		}
		if !ok {
			t, end, ok = s.calledUpCountAt(i)
		}
		if !ok {
			t, end, ok = s.intlMeasuredAt(i)
		}
		if !ok {
			t, end, ok = s.intlStrongAt(i)
		}
		if !ok {
			t, end, ok = s.intlMeasureAt(i)
		}
		if !ok {
			t, end, ok = s.intlLostAt(i)
		}
		if !ok {
			t, end, ok = s.enemyPeopleAt(i)
		}
		if !ok {
			t, end, ok = s.sideDeadAt(i)
		}
		if !ok && (s.toks[i].kind == tOther || s.toks[i].kind == tNum) {
			t, end, ok = s.cyrCalledUpAt(i)
		}
		if !ok {
			t, end, ok = s.inTheirAt(i)
		}
		if !ok {
			t, end, ok = s.personnelLineAt(i)
		}
		if !ok {
			t, end, ok = s.labelledCountAt(i)
		}
		if !ok {
			i++
			continue
		}
		if !s.notAFigure(i) {
			if n, ok := s.sharedHarmAt(i, t, last); ok {
				out = append(out, n)
				spans = append(spans, troopSpan{i - 3, i - 2})
			}
			out = append(out, t)
			spans = append(spans, troopSpan{s.tokenAt(s.toks[i].start - (len(t.Text) - len(s.text[s.toks[i].start:s.toks[end-1].end]))), end})
			last = end
		}
		i = end
	}
	return dropParts(out, spans)
}

// sharedHarmAt reads a count of casualties right before the casualty
// figure at token i whose noun it shares: "killed 12 and wounded 30
// soldiers", "1,000 dead and 3,000 wounded soldiers". The first count
// ends two tokens before i; last is where the figure before ended.
func (s *scan) sharedHarmAt(i int, t defwatch.Troop, last int) (defwatch.Troop, bool) {
	n := i - 3
	if t.Category != defwatch.TroopCasualties || n < 1 || n < last || s.toks[n].kind != tNum {
		return defwatch.Troop{}, false
	}
	switch {
	case s.lw(i-1) == "and" && harmWords.has(s.lw(i-2)):
		// "1,000 dead and 3,000 wounded soldiers"
	case harmWords.has(s.lw(i-1)) && s.lw(i-2) == "and" && (harmWords.has(s.lw(n-1)) || s.lw(n-1) == "killing"):
		// "killed 12 and wounded 30 soldiers"
	default:
		return defwatch.Troop{}, false
	}
	q, ok := s.quantityAt(n)
	if !ok || q.end != i-2 || q.year || !s.standalone(n) {
		return defwatch.Troop{}, false
	}
	return defwatch.Troop{
		Min: q.min, Max: q.max, Approx: q.approx, Unit: t.Unit, Nation: t.Nation,
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[n].start:s.toks[q.end-1].end],
	}, true
}

// partsReach is how many tokens after a figure its parts may start.
const partsReach = 60

// dropParts leaves out figures that break down the one right before them:
// "202 defenders were awarded. 194 servicemen of the Armed Forces and 8
// of the Special Communications Service", "3,000 more troops: 2,000
// from the 82nd Airborne and 1,000 from Germany". Two or more figures in
// a row that start close after it and add up to it exactly are its parts,
// not figures of their own.
func dropParts(ts []defwatch.Troop, spans []troopSpan) ([]defwatch.Troop, []troopSpan) {
	for a := 0; a+2 < len(ts); a++ {
		whole := ts[a].Max
		if whole < 10 || ts[a].Min != whole {
			continue
		}
		var sum int64
		for c := a + 1; c < len(ts) && spans[c].start-spans[a].end <= partsReach && ts[c].Min == ts[c].Max; c++ {
			sum += ts[c].Max
			if sum > whole {
				break
			}
			if sum == whole && c > a+1 {
				ts = slices.Delete(ts, a+1, c+1)
				spans = slices.Delete(spans, a+1, c+1)
				break
			}
		}
	}
	return ts, spans
}

// tokenAt returns the token that starts at byte offset off, or the one
// that holds it.
func (s *scan) tokenAt(off int) int {
	return sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > off })
}

// troopAt reads a troop figure starting at token i and returns it with the
// token after it. A figure is a count ("10,000", "between 5,000 and 7,000",
// "tens of thousands of"), perhaps hedged ("up to"), then a few modifiers
// and a unit of people ("additional U.S. troops"), or the count inside a
// force's description ("a 2,000-strong force", "a force of 30,000").
func (s *scan) troopAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	j, approx := s.hedgeAt(i)
	between := false
	if s.lw(j) == "between" {
		between, j = true, j+1
	}
	q, ok := s.quantityAt(j)
	if !ok || !s.standalone(q.start) {
		return t, 0, false
	}
	isRange := false
	if r, ok := s.rangeAfter(q, between); ok {
		q, isRange = r, true
	} else if between {
		return t, 0, false
	}
	if w := s.lw(q.end + 1); s.lw(q.end) == "or" && (w == "more" || w == "so") {
		q.end += 2 // "1,000 or more troops"
		q.approx = true
	} else if s.key(q.end) == "-" && s.glued(q.end) && s.glued(q.end+1) && s.lw(q.end+1) == "plus" {
		q.end += 2 // "100,000-plus troops"
		q.approx = true
	} else if s.key(q.end) == "+" && s.glued(q.end) && s.isWord(q.end+1) && !s.glued(q.end+1) {
		q.end++ // "100,000+ troops"
		q.approx = true
	}
	if !s.countEnds(q.end) {
		return t, 0, false
	}
	if q.min > q.max {
		q.min, q.max = q.max, q.min
	}
	start, end := i, 0
	k := q.end
	if s.key(k) == "." && s.glued(k) && s.glued(k+1) && s.capitalised(k+1) {
		k++ // "over 150,000.Russian soldiers": scraped text lost a space
	}
	u, ok := s.unitAfter(k, q)
	switch {
	case ok:
		end = u.end
	case s.key(q.end) == "-" && s.glued(q.end) && s.glued(q.end+1) && strongWords.has(s.lw(q.end+1)):
		// "a 2,000-strong force", "a 600-man contingent", "Russia's 1.3
		// million-strong military"
		u, ok = s.modifiersThen(q.end+2, false, func(j int) (string, int, bool) {
			if s.lw(j) == "military" && !s.capitalised(j) {
				return "military", j + 1, false
			}
			return s.forceNounAt(j)
		})
		if !ok {
			return t, 0, false
		}
		if u.nation == "" && s.possessiveAt(i-1) {
			u.nation = s.nationBefore(i) // "Russia's 1.3 million-strong military"
		}
		end = u.end
	case s.lw(q.end) == "strong" && s.key(i-1) == "," && s.key(q.end+1) == ",":
		// "The force, 3,000 strong, will deploy": a force's size set off
		// after its noun.
		unit, e, _ := s.forceNounAt(i - 2)
		if e != i-1 || s.capitalised(i-2) {
			return t, 0, false
		}
		u = unitMatch{unit: unit, end: q.end + 1, nation: s.nationBefore(i - 2)}
		start, end = i-2, q.end+1
	default:
		// "a force of 30,000", "a brigade of some 4,000"
		f := i - 2
		if s.lw(i-1) != "of" || s.toks[i-1].brk || s.toks[i].brk {
			return t, 0, false
		}
		unit, e, _ := s.forceNounAt(f)
		if e != i-1 || s.capitalised(f) || !s.figureEnds(q.end) {
			return t, 0, false
		}
		u = unitMatch{unit: unit, end: q.end, nation: s.nationBefore(f)}
		start, end = f, q.end
	}
	// "In 2014 Russian troops ...", but a hedged number is a count: "more
	// than 2000 Ukrainian soldiers".
	if q.year && (u.mods > 0 && j == i || yearWords.has(s.word(i-1)) || yearWords.has(s.word(q.start-1)) || calendarWords.has(s.word(q.start-1))) {
		return t, 0, false
	}
	if !isRange && !q.vague && q.max <= 31 && calendarWords.has(s.word(q.start-1)) {
		return t, 0, false // "on March 24 troops ..."
	}
	if u.nation == "" && !(s.lw(u.end) == "from" && s.movedBefore(start, 0)) {
		u.nation = s.nationAfter(u.end)
	}
	cat := s.category(start, end)
	switch {
	case u.takenIn:
		cat = defwatch.TroopOther
	case (u.unit == "pows" || u.unit == "prisoners") && cat == defwatch.TroopStrength:
		cat = defwatch.TroopCasualties // captured, as "prisoners of war" are
	}
	t = defwatch.Troop{
		Min:      q.min,
		Max:      q.max,
		Approx:   approx || q.approx,
		Unit:     u.unit,
		Nation:   u.nation,
		Category: cat,
		Text:     s.text[s.toks[start].start:s.toks[end-1].end],
	}
	return t, end, true
}

// mayStartFigure reports whether a figure could start at token i: a
// number, or a word that begins a hedge or a number in words. It keeps the
// scan of the other nine words in ten down to one map lookup.
func (s *scan) mayStartFigure(i int) bool {
	switch s.toks[i].kind {
	case tNum:
		return true
	case tWord:
		return figureStarts.has(s.lw(i)) || s.mayStartIntl(i)
	case tOther:
		return s.mayStartIntl(i) || s.text[s.toks[i].start] >= '0' && s.text[s.toks[i].start] <= '9'
	case tPunct:
		return s.key(i) == "~"
	}
	return false
}

// hedgeAt reads a hedge before a count ("roughly", "up to", "more than")
// and returns the token after it; without one it returns i.
func (s *scan) hedgeAt(i int) (int, bool) {
	if s.key(i) == "~" {
		return i + 1, true
	}
	next := s.lw(i + 1)
	switch s.lw(i) {
	case "over", "under":
		if s.lw(i) == "over" && particleVerbs.has(s.lw(i-1)) {
			return i, false // "handed over 90 prisoners": a verb's particle
		}
		return i + 1, true
	case "roughly", "about", "around", "some", "nearly", "almost", "approximately",
		"approx", "circa", "estimated", "reportedly":
		return i + 1, true
	case "an":
		if next == "estimated" {
			return i + 2, true
		}
	case "up", "close":
		if next == "to" {
			return i + 2, true
		}
	case "at":
		if next == "least" || next == "most" {
			return i + 2, true
		}
	case "more", "fewer", "less":
		if next == "than" {
			return i + 2, true
		}
	case "upwards":
		if next == "of" {
			return i + 2, true
		}
	case "as":
		if (next == "many" || next == "much") && s.lw(i+2) == "as" {
			return i + 3, true
		}
	case "just", "well":
		if next == "over" || next == "under" || next == "below" || next == "above" {
			return i + 2, true
		}
	}
	return i, false
}

// standalone reports whether the count starting at token i stands on its
// own rather than being part of a designation ("F-35", "Su27"), an amount
// of money ("$10,000", "US$5") or a date or fraction ("3/4").
func (s *scan) standalone(i int) bool {
	if s.toks[i].kind != tNum || !s.glued(i) {
		return true
	}
	switch p := s.key(i - 1); {
	case s.toks[i-1].kind == tWord || s.toks[i-1].kind == tNum || s.toks[i-1].kind == tOther:
		return false
	case p == "-" || p == "–":
		return !s.glued(i - 1)
	case p == "$" || p == "£" || p == "€" || p == "¥" || p == "#" || p == "№" || p == "/" || p == ":" || p == "." || p == ",":
		return false
	}
	return true
}

// countEnds reports whether a count that ends before token i is over: not a
// percentage, a time ("10:30"), a date ("3/4") or a decimal a stray
// separator split.
func (s *scan) countEnds(i int) bool {
	switch w := s.lw(i); {
	case w == "percent" || w == "per" && s.lw(i+1) == "cent":
		return false
	case s.glued(i):
		switch s.key(i) {
		case "%", "/", ":", "$", "£", "€":
			return false
		case ",", ".":
			return i+1 >= len(s.toks) || s.toks[i+1].kind != tNum || !s.glued(i+1)
		}
	}
	return true
}

// figureEnds reports whether the sentence can end a force's size before
// token i ("a force of 30,000 could ..."), rather than go on to count
// something else ("a force of 30 ships").
func (s *scan) figureEnds(i int) bool {
	if i >= len(s.toks) || s.toks[i].brk {
		return true
	}
	if s.toks[i].kind == tPunct {
		return !(s.key(i) == "-" && s.glued(i))
	}
	if figureFollowers.has(s.lw(i)) {
		return true
	}
	// A phrase of time: "increase troop numbers by 170,000 this year".
	switch s.lw(i) {
	case "this", "next", "last":
		return troopTimeWords.has(s.lw(i + 1))
	case "today", "yesterday", "tomorrow":
		return true
	}
	// A verb in the past: "a garrison of 800 surrendered", "troops
	// numbering around 5,000 crossed the border", "forces numbering
	// 30,000 took part".
	w := s.word(i)
	if irregularPasts.has(w) {
		return true
	}
	return s.toks[i].kind == tWord && len(w) > 4 && strings.HasSuffix(w, "ed") && w == strings.ToLower(w) &&
		!pastAdjectives.has(w)
}

// irregularPasts are the verbs in the past, not ending in "-ed", that
// tell what a force did.
var irregularPasts = setOf(irregularPastsIndex, []string{
	"took", "fought", "went", "came", "began", "left", "held", "stood", "fled", "made", "ran", "swept",
	"struck", "sent", "lost", "won", "fell", "brought", "kept", "met", "saw", "got", "led", "withdrew",
	"overran", "drove", "flew", "broke", "built", "became", "rode", "stayed", "dug",
})

// pastAdjectives end in "-ed" but describe a noun that follows: "a unit of
// about 115 enlisted people" counts people, not the unit.
var pastAdjectives = setOf(pastAdjectivesIndex, []string{
	"enlisted", "armed", "unarmed", "trained", "untrained", "uniformed", "skilled",
	"experienced", "seasoned", "specialised", "specialized", "qualified", "paid",
	"unpaid", "retired", "wounded", "injured", "mechanized", "mechanised", "motorized",
	"motorised", "dedicated", "selected", "assigned", "attached", "embedded", "detailed",
})

// rangeAfter reads the second half of a range whose first half is q:
// "10,000 to 30,000", "10,000-30,000", "5,000 or 6,000", and "and" after
// "between". A bare first half takes the second's multiplier: "10 to 20
// thousand" is 10,000 to 20,000.
func (s *scan) rangeAfter(q quantity, between bool) (quantity, bool) {
	k := q.end
	switch s.key(k) {
	case "to", "or", "-", "–", "—":
	case "and":
		if !between {
			return q, false
		}
	default:
		return q, false
	}
	q2, ok := s.quantityAt(k + 1)
	if !ok || q.vague != q2.vague {
		return q, false
	}
	lo := q.min
	if q.mult == 0 && q2.mult > 1 && !q.vague && float64(lo)*float64(q2.mult) <= float64(q2.max) {
		lo *= q2.mult
	}
	if q.mult == 0 && q2.mult == 0 && !q.vague && lo < 1000 && q2.max >= 1000 && lo*1000 <= q2.max && 2*lo*1000 > q2.max && s.thousandsUnsaid(q.end) {
		lo *= 1000 // "70 to 80,000": the first half's thousands go unsaid
	}
	if !q.vague && (lo > q2.max || q2.max > 20*lo) {
		return q, false // "50,000, 150 or one million soldiers" is a list, not a range
	}
	return quantity{min: lo, max: q2.max, approx: true, start: q.start, end: q2.end, mult: q2.mult, vague: q2.vague, year: q.year && q2.year}, true
}

// thousandsUnsaid reports whether the word or dash at token k joins the
// halves of a range whose first half may leave its thousands unsaid: "70
// to 80,000", "between 30 and 35,000" ("and" is a range only after
// "between"), "30-35,000", "entre 30 et 35 000", "30 bis 35.000".
func (s *scan) thousandsUnsaid(k int) bool {
	switch s.key(k) {
	case "to", "and", "bis", "und", "et", "до", "і", "и":
		return true
	case "-", "–", "—":
		return s.glued(k) && s.glued(k+1)
	}
	return false
}

// unitMatch is the unit a count belongs to, over the tokens before end.
type unitMatch struct {
	unit     string // lower case, as written: "troops", "service members"
	end      int
	nation   string // the state named among the modifiers, if any
	mods     int    // how many modifiers came between count and unit
	singular bool
	// unknownCapital is set when a modifier was a capitalised word the
	// gazetteer does not know: a name such as "Wagner" or "Rafale".
	unknownCapital bool
	// shared is set when the modifiers name two states ("French and
	// British officers"): a figure of several owners has none.
	shared bool
	// takenIn is set for people a force takes in ("recruited 50,000
	// prisoners"): they count as recruited, whatever else they are.
	takenIn bool
}

// sharedModifiers after "and" add other states' forces to a state's:
// "U.S. and allied service members".
var sharedModifiers = setOf(sharedModifiersIndex, []string{"allied", "coalition", "multinational", "partner", "NATO", "nato"})

// addNation takes in the states a modifier names.
func (u *unitMatch) addNation(codes []string) {
	switch {
	case codes == nil || u.shared:
	case u.nation == "":
		u.nation = codes[0]
	case u.nation != codes[0]:
		u.nation, u.shared = "", true
	}
}

// unitAfter reads the modifiers and unit after a count that ends before
// token k: "troops", "Russian troops", "additional U.S. troops", "of
// Ukrainian soldiers" (after a vague size).
func (s *scan) unitAfter(k int, q quantity) (unitMatch, bool) {
	var possessor []string
	if s.lw(k) == "of" {
		// "thousands of troops", "2,000 of its soldiers"; but "one of the
		// soldiers said" speaks of one soldier, not a count of them.
		switch {
		case q.vague:
			k++
		case determiners.has(s.lw(k+1)) && (q.min >= 2 || s.lw(k+1) != "the"):
			k += 2
		default:
			// "1,000 of Russia's soldiers": the possessor owns them.
			codes, e := s.statePossessive(k + 1)
			if q.min < 2 || e == k+1 {
				return unitMatch{}, false
			}
			possessor, k = codes, e
		}
		if determiners.has(s.lw(k)) {
			k++
		}
	}
	of := s.lw(k-1) == "of" || determiners.has(s.lw(k-1)) && s.lw(k-2) == "of"
	u, ok := s.modifiersThen(k, q.max == 1, s.unitWordAt)
	if ok && possessor != nil {
		u.addNation(possessor)
	}
	if !ok && of && q.max > 1 {
		// "tens of thousands of volunteers, reservists and territorial
		// defense fighters": a list of kinds of people, one of them
		// soldiers, counted together.
		u, ok = s.listedUnitAt(k)
	}
	if !ok && q.min >= 100 {
		// but "20 Russians were fighting in the bar" is a brawl
		u, ok = s.peopleServingAt(k)
	}
	if !ok && q.min >= 10 && (s.lw(k) == "people" || s.lw(k) == "men") && (s.forceHas(q.start) || s.peopleInForce(q.start, k)) {
		// "a wing with 6,000 people", "an army of 100,000 men": the
		// people a force has are its personnel.
		u, ok = unitMatch{unit: s.lw(k), end: k + 1}, true
	}
	if !ok && q.min >= 10 && s.lw(k) == "more" && (s.lw(k+1) == "people" || s.lw(k+1) == "men") && s.peopleInForce(q.start, k+1) {
		// "mobilise up to 500,000 more people into the army"
		u, ok = unitMatch{unit: s.lw(k + 1), end: k + 2}, true
	}
	if !ok && q.min >= 10 && (s.lw(k) == "convicts" || s.lw(k) == "inmates" || s.lw(k) == "prisoners") && s.calledUpBefore(q.start) &&
		(s.forceSentence(k) || s.armedGroupIn(max(0, q.start-6), q.start) || s.stateIn(max(0, q.start-6), q.start) || s.asPersonnel(k+1)) {
		// "Wagner recruited around 50,000 convicts", "recruited 50,000
		// prisoners as fighters": people a force takes in, counted after
		// the verb that takes them.
		u, ok = unitMatch{unit: s.lw(k), end: k + 1, takenIn: true}, true
	}
	if !ok && q.min >= 10 {
		if codes, e := s.nationAt(k); e == k+1 && len(codes) == 1 && s.capitalised(k) && strings.HasSuffix(s.word(k), "s") && s.calledUpBefore(q.start) {
			// "plans to mobilise 450,000 Ukrainians": a people a call-up
			// counts is personnel of its own state, as after the verb.
			u, ok = unitMatch{unit: strings.ToLower(s.word(k)), end: e, nation: codes[0]}, true
		}
	}
	if !ok {
		return u, false
	}
	if u.singular && q.max > 1 || unitFollowers.has(s.lw(u.end)) {
		return u, false // "two soldier", "personnel carriers", "fighter jets"
	}
	if u.unit == "fighters" && u.unknownCapital && !s.armedGroupIn(k, u.end) {
		return u, false // "36 Rafale fighters" are aircraft
	}
	if (u.unit == "heroes" || u.unit == "defenders") && u.nation == "" && !s.ourBefore(k) && s.speakerState() == "" {
		// "our heroes", "96 Ukrainian heroes", the defenders an address
		// speaks of, not heroes at large.
		return u, false
	}
	if (u.unit == "warriors" || u.unit == "warrior") && s.lw(u.end-2) == "wounded" {
		// "wounded warriors" are the veterans of a care programme, not a
		// casualty count.
		return u, false
	}
	if s.mixedWithCivilians(u.end) {
		return u, false
	}
	if strings.HasSuffix(u.unit, "forces") && (s.capitalised(u.end-1) || !s.figureEnds(u.end)) {
		// "forces" names a service ("Mobility Air Forces") or describes
		// the noun after it ("two security forces defenders") more often
		// than it counts people, unless the clause ends with it.
		return u, false
	}
	if q.end == k && !q.vague && q.min < 1000 && s.toks[q.start].kind == tNum && formations.has(s.word(k)) {
		return u, false // "the 82 Airborne soldiers": a unit's number
	}
	return u, true
}

// peopleServingAt reads a people counted at token k whom the verb after
// them puts in a force: "Tens of thousands of Ukrainians join the ranks
// of territorial defence", "Around 10,000 North Koreans are fighting in
// Kursk". A people counted for anything else ("10,000 Ukrainians fled")
// is no figure.
//
// People named by what they are, not by their state ("20,000 volunteers",
// "30,000 convicts"), are personnel only when they join a force or are
// called up to it: volunteers who serve meals or fight a fire are not.
func (s *scan) peopleServingAt(k int) (unitMatch, bool) {
	codes, e := s.nationAt(k)
	generic := false
	if e == k && recruitedPeople.has(s.lw(k)) {
		generic, codes, e = true, []string{""}, k+1
	} else if e == k || len(codes) != 1 || !s.capitalised(e-1) || !strings.HasSuffix(s.word(e-1), "s") {
		return unitMatch{}, false // a plural people's name: "Ukrainians", "North Koreans"
	}
	v := e
	switch s.lw(v) {
	case "are", "were", "have", "had", "has", "now", "also", "already":
		v++
	}
	if s.lw(v) == "been" {
		v++
	}
	switch s.lw(v) {
	case "fighting", "fight", "serving", "serve", "enlisted", "volunteered":
		// but not "fought" or "served": "Millions of Ukrainians fought
		// Nazism" tells history, not a force
		if generic {
			return unitMatch{}, false
		}
	case "from", "come", "came", "have", "arrived", "travel", "travelled", "traveled", "went", "go":
		// "Thousands of volunteers from all over the world come to
		// Ukraine to fight on the side of freedom": people who come to
		// fight for a side, not against a fire.
		if !generic || s.lw(k) != "volunteers" || !s.comeToFight(v, 14) {
			return unitMatch{}, false
		}
		return unitMatch{unit: "volunteers", end: e, nation: ""}, true
	case "mobilised", "mobilized", "conscripted", "drafted":
		// "About 60,000 Russians have been mobilised": a call-up makes
		// them personnel, as it does "300,000 reservists"
	case "called":
		if s.lw(v+1) != "up" {
			return unitMatch{}, false
		}
	case "join", "joined", "joining", "joins":
		// "join the ranks of", "joined the army", "have joined the
		// territorial defence"
		ok := false
		for j := v + 1; j < len(s.toks) && j < v+6 && !clauseEnds(s.key(j)); j++ {
			ok = ok || s.lw(j) == "ranks" || militaryWords.has(s.lw(j)) || s.lw(j) == "defence" || s.lw(j) == "defense"
		}
		if !ok {
			return unitMatch{}, false
		}
	default:
		return unitMatch{}, false
	}
	u := unitMatch{unit: strings.ToLower(s.text[s.toks[k].start:s.toks[e-1].end]), end: e, nation: codes[0]}
	for j := v + 1; j < len(s.toks) && j < v+8 && !clauseEnds(s.key(j)); j++ {
		if c, ce := s.nationAt(j); ce > j && len(c) == 1 && c[0] != u.nation && (militaryWords.has(s.lw(ce)) || s.lw(ce) == "ranks") {
			// "3,000 Americans have joined the Ukrainian army": volunteers
			// in another state's force are neither state's.
			u.nation = ""
		}
	}
	return u, true
}

// comeToFight reports whether "to fight" follows token v within reach in
// its clause, for a side or in a place ("to fight for Ukraine", "to fight
// on the side of freedom"), not against a fire.
func (s *scan) comeToFight(v, reach int) bool {
	for j := v; j < len(s.toks) && j < v+reach && !s.toks[j].brk && !endsSentence(s.key(j)); j++ {
		if s.lw(j) == "to" && s.lw(j+1) == "fight" {
			switch s.lw(j + 2) {
			case "for", "on", "in", "against", "alongside", "with", "":
				return true
			}
			return s.toks[min(j+2, len(s.toks)-1)].kind == tPunct
		}
	}
	return false
}

// asPersonnel reports whether "as" and a noun of military personnel
// start at token j: "recruited 50,000 prisoners as fighters".
func (s *scan) asPersonnel(j int) bool {
	if s.lw(j) != "as" {
		return false
	}
	_, e, singular := s.unitWordAt(j + 1)
	return e > j+1 && !singular
}

// recruitedPeople are people a force may take in, counted by what they
// are rather than by their state.
var recruitedPeople = setOf(recruitedPeopleIndex, []string{"volunteers", "convicts", "inmates", "men"})

// armedGroupIn reports whether tokens [from, to) name an organisation
// or an acronym: "2,000 Hamas fighters", "300 ISIS fighters" are its
// members, where "36 Rafale fighters" are aircraft.
func (s *scan) armedGroupIn(from, to int) bool {
	if len(s.orgHits(from, to)) > 0 {
		return true
	}
	for j := from; j < to; j++ {
		if w := s.word(j); len(w) >= 2 && s.allCaps(j) && s.toks[j].kind == tWord && s.key(j+1) != "-" {
			return true // not "JF-17 fighters", a type of aircraft
		}
	}
	return false
}

// listedUnitAt reads a list of kinds of people from token k ("volunteers,
// reservists and territorial defense fighters") and returns the last unit
// of military personnel in it. Every item is a lower-case plural; a
// civilian in the list makes the group no force.
func (s *scan) listedUnitAt(k int) (unitMatch, bool) {
	var best unitMatch
	found := false
	for j, items := k, 0; j < len(s.toks) && j < k+12; {
		if j > k && s.toks[j].brk {
			break
		}
		if civilianWords.has(s.lw(j)) {
			return unitMatch{}, false
		}
		if u, ok := s.modifiersThen(j, false, s.unitWordAt); ok && !u.singular {
			best, found = u, true
			j = u.end
		} else {
			w := s.word(j)
			if s.toks[j].kind != tWord || isUpper(w[0]) || !strings.HasSuffix(w, "s") {
				break
			}
			j++
		}
		items++
		if sep := s.key(j); sep != "," && s.lw(j) != "and" && s.lw(j) != "or" {
			break
		}
		j++
		if s.lw(j) == "and" || s.lw(j) == "or" {
			j++ // the serial comma
		}
	}
	return best, found
}

// ourBefore reports whether "our" comes in the two tokens before k: "105
// of our heroes".
func (s *scan) ourBefore(k int) bool {
	return s.lw(k-1) == "our" || s.lw(k-2) == "our" || s.word(k-1) == "our"
}

// modifiersThen skips up to four modifiers from token k (state adjectives,
// "additional", "active-duty", capitalised names such as "Wagner") and
// returns the match of want that follows them. A singular unit after a
// count above one is a modifier ("5,000 conscript soldiers", "2,000 Marine
// Corps personnel").
func (s *scan) modifiersThen(k int, one bool, want func(int) (string, int, bool)) (unitMatch, bool) {
	var u unitMatch
	for j := k; j < len(s.toks); {
		if j > k && s.toks[j].brk {
			return u, false // a headline or paragraph ends here
		}
		if unit, e, singular := want(j); e > j && (one || !singular || !modifiers.has(s.lw(j))) {
			u.unit, u.end, u.singular = unit, e, singular
			return u, true
		}
		if u.mods >= 4 {
			return u, false
		}
		if codes, e := s.nationAt(j); e > j {
			u.addNation(codes)
			u.mods++
			j = e
			continue
		}
		if c := s.quotedUntil(j); c > j {
			u.mods++ // a modifier in scare quotes: "about 1,500 “peacekeeper” troops"
			j = c + 1
			continue
		}
		w := s.lw(j)
		if sharedModifiers.has(w) && (s.lw(j-1) == "and" || s.lw(j-1) == "or") && u.mods > 0 {
			// "5,000 U.S. and allied service members", "U.S. and NATO
			// troops": a force of several states has no one owner.
			u.nation, u.shared = "", true
		}
		// A run of capitalised words is one name, one modifier: "6,000
		// Air National Guard and Air Force Reserve personnel".
		inName := j > k && s.capitalised(j) && s.capitalised(j-1)
		switch {
		case s.key(j) == "-" && u.mods > 0 && s.glued(j) && s.glued(j+1):
			// The joint of a compound: "active-duty", "U.S.-trained",
			// "combat-hardened". Its second half is part of the modifier,
			// whatever the word.
			if _, e, _ := want(j + 1); e == j+1 && s.isWord(j+1) {
				j++
			}
		case modifiers.has(w):
			if !inName {
				u.mods++
			}
		case (w == "and" || w == "or") && u.mods > 0:
		case s.key(j) == "," && u.mods > 0 && s.stateNamedAt(j+1):
			// "350 Lithuanian, Latvian and Polish personnel": a list of
			// states' adjectives before the noun.
		case s.capitalised(j) && !calendarWords.has(w) && !capitalisedFunctionWords.has(w):
			if !inName {
				u.mods++
			}
			u.unknownCapital = true
		default:
			return u, false
		}
		j++
	}
	return u, false
}

// stateIn reports whether a state is named in tokens [from, to).
func (s *scan) stateIn(from, to int) bool {
	for j := from; j < to; j++ {
		if s.stateNamedAt(j) {
			return true
		}
	}
	return false
}

// stateNamedAt reports whether a state is named at token j.
func (s *scan) stateNamedAt(j int) bool {
	_, e := s.nationAt(j)
	return e > j
}

// unitWordAt reads a unit of military personnel at token j and returns it
// in lower case with the token after it; e is j when there is none.
func (s *scan) unitWordAt(j int) (unit string, e int, singular bool) {
	w := s.lw(j)
	if s.word(j) == "POWs" {
		w = "pows"
	}
	switch n := s.lw(j + 1); w {
	case "service":
		if n == "members" || n == "member" || n == "personnel" {
			return "service " + n, j + 2, n == "member"
		}
		return "", j, false
	case "military":
		if n == "personnel" {
			return "military personnel", j + 2, false
		}
		return "", j, false
	case "men":
		// "the 5,076 brave men and women who fought": people in uniform,
		// when the sentence says they serve.
		if n == "and" && s.lw(j+2) == "women" && (s.serveAfter(j+3) || s.lw(j-1) == "enlisted") {
			return "men and women", j + 3, false
		}
		// "a partial mobilisation of 300,000 men", "the army lost 1,500
		// men": men counted in a sentence about a force are its soldiers.
		if n != "and" && s.lw(j-1) != "and" && (s.forceSentence(j) || s.menLost(j)) {
			return "men", j + 1, false
		}
		return "", j, false
	case "blue":
		// "10,000 blue helmets": UN peacekeepers, in a sentence that
		// speaks of the UN, a mission or a force.
		if n == "helmets" && (s.forceSentence(j) || s.peacekeepingNear(j)) {
			return "blue helmets", j + 2, false
		}
		return "", j, false
	case "kia", "wia", "mia":
		// "the 25 KIA and more than 200 wounded": killed, wounded or
		// missing in action, the military's own abbreviations.
		if s.allCaps(j) {
			return w, j + 1, false
		}
		return "", j, false
	case "boots":
		// "10,000 boots on the ground": troops deployed.
		if n == "on" && s.lw(j+2) == "the" && s.lw(j+3) == "ground" {
			return "boots on the ground", j + 4, false
		}
		return "", j, false
	case "people":
		// "thousands of their people were thrown into battle", "the
		// occupiers have lost 20,000 people": a force's own people.
		if s.forcePeople(j) {
			return "people", j + 1, false
		}
		return "", j, false
	case "guardians", "guardian":
		// Space Force members are capitalised; other guardians are not.
		if !isUpper(s.word(j)[0]) {
			return "", j, false
		}
	case "warriors", "warrior":
		// "our warriors", but not a team or a programme ("Wounded Warrior").
		if isUpper(s.word(j)[0]) && !s.allCaps(j) {
			return "", j, false
		}
	case "border", "national", "coast":
		// "340 border guards", "133 national guards" (the Ukrainian
		// National Guard, translated), "Coast Guard members".
		if n == "guards" || n == "guard" && s.lw(j+2) != "members" {
			return w + " " + n, j + 2, n == "guard"
		}
		if n == "guard" && s.lw(j+2) == "members" {
			return w + " guard members", j + 3, false
		}
		return "", j, false
	case "members", "member":
		// "1,500 members of the 82nd Airborne Division", "members of the
		// Armed Forces of Ukraine": a military body's members serve in it.
		if n == "of" && s.militaryBodyAfter(j+2) {
			return w, j + 1, w == "member"
		}
		// "29,000 active-duty members", "6,000 reserve members": a duty
		// or a component before them says they serve.
		if dutyWords.has(s.lw(j - 1)) {
			return w, j + 1, w == "member"
		}
		return "", j, false
	case "prisoners", "prisoner":
		// "157 prisoners of war": captured soldiers, whoever holds them.
		if n == "of" && s.lw(j+2) == "war" {
			return "prisoners of war", j + 3, w == "prisoner"
		}
		// "Ukraine and Russia swapped 390 prisoners each": prisoners that
		// states exchange are prisoners of war.
		if w == "prisoners" && (s.stateSwap(j) || s.warCaptives(j)) {
			return "prisoners", j + 1, false
		}
		return "", j, false
	case "pows":
		return "pows", j + 1, false
	case "special":
		if n == "forces" {
			// "2,000 special forces troops": the unit after the service
			// is the noun counted.
			if u := s.lw(j + 2); u == "operators" || u == "personnel" {
				return "special forces " + u, j + 3, false
			}
			if sing, ok := units[s.lw(j+2)]; ok && !sing {
				return "special forces " + s.lw(j+2), j + 3, false
			}
			return "special forces", j + 2, false
		}
		if n == "operations" && s.lw(j+2) == "forces" {
			return "special operations forces", j + 3, false
		}
		return "", j, false
	}
	if singular, ok := units[w]; ok {
		return w, j + 1, singular
	}
	return "", j, false
}

// militaryBodyAfter reports whether a military body is named from token
// k on: "the 82nd Airborne Division", "the Armed Forces of Ukraine", "the
// Ukrainian army", "the U.S. Marine Corps".
func (s *scan) militaryBodyAfter(k int) bool {
	for j := k; j < len(s.toks) && j < k+6; j++ {
		if s.toks[j].brk || s.toks[j].kind == tPunct && s.key(j) != "-" && s.key(j) != "." {
			return false
		}
		w := s.lw(j)
		if militaryWords.has(w) && w != "command" || formations.has(s.word(j)) {
			return true
		}
		if w == "militia" || w == "militias" || w == "paramilitary" || w == "group" && s.capitalised(j-1) && s.armedGroupIn(k, j+1) {
			return true // "members of the Wagner group", "of a militia"
		}
	}
	return false
}

// forceNounAt reads a noun for a body of troops ("force", "brigade").
func (s *scan) forceNounAt(j int) (string, int, bool) {
	if w := s.lw(j); forceNouns.has(w) {
		return w, j + 1, false
	}
	return "", j, false
}

// nationBefore returns the state named just before token f ("a British
// force of 5,000"), or whose the noun at f is ("Ukraine's armed forces",
// "Russia's military losses").
func (s *scan) nationBefore(f int) string {
	end := f
	for k := f - 1; k >= 0 && k >= f-6; k-- {
		if codes, e := s.nationAt(k); e == end && codes != nil {
			if longer := s.nationEnding(end, k-3); longer != nil {
				codes = longer // "North Korea's", not its "Korea's"
			}
			return codes[0]
		}
		switch {
		case k == end-1 && (modifiers.has(s.lw(k)) || militaryWords.has(s.lw(k))) && f-end < 2:
			end = k // "armed" of "Ukraine's armed forces"
		case k == end-1 && s.lw(k) == "s" && (s.key(k-1) == "'" || s.key(k-1) == "’"):
			end = k - 1
			k--
		case k == end-1 && s.bareApostropheAt(k):
			end = k // "the Philippines' army"
		}
	}
	return ""
}

// nationEnding returns the codes of the longest state name that ends just
// before token end and starts at from or later: "North Korea" of "North
// Korea's", not its "Korea"; nil when none does.
func (s *scan) nationEnding(end, from int) []string {
	for k := max(from, end-4, 0); k < end; k++ {
		if codes, e := s.nationAt(k); e == end && len(codes) > 0 {
			return codes
		}
	}
	return nil
}

// nationAfter returns the state named right after a unit that ends before
// token e: "troops from France", "soldiers of the United Kingdom".
func (s *scan) nationAfter(e int) string {
	if w := s.lw(e); w != "from" && w != "of" {
		return ""
	}
	k := e + 1
	if s.lw(k) == "the" {
		k++
	}
	if codes, after := s.nationAt(k); codes != nil {
		if s.lw(e) == "from" && routeEnds.has(s.lw(after)) {
			return "" // "1,000 soldiers from Germany to Romania": a route
		}
		return codes[0]
	}
	return ""
}

// category says what a figure over tokens [start, end) counts, from the
// words of its clause: casualties when soldiers were killed or captured,
// other when they were trained, mobilised or exchanged, else the strength
// of a force. An exchange or release wins over "captured", since it is the
// prisoners' return that the figure counts.
func (s *scan) category(start, end int) string {
	var casualty, other, swap, dead, handBack bool
	look := func(k int, before bool) {
		if s.capitalised(k) && !s.allCaps(k) && !s.sentenceStart(k) && !s.titleCased(k) {
			return // a name: the "Recruiting Service", "Operation Killer"
		}
		switch w := s.lw(k); {
		case deadWords.has(w):
			dead, casualty = true, true // "handed back the bodies of 757 fallen soldiers"
		case swapWords.has(w):
			swap = true
		case w == "captivity" && (s.lw(k-1) == "from" || s.lw(k-2) == "from"),
			(w == "back" || w == "home") && handBackVerbs.has(s.lw(k-1)):
			// "came home from Russian captivity", "Russia handed back 150
			// Ukrainian servicemen", "brought home 95 defenders"; but
			// prisoners of war brought home are counted as prisoners.
			handBack = true
		case casualtyWords.has(w), w == "remains" && s.lw(k+1) == "of":
			casualty = true // "the remains of 64 soldiers"
		case w == "trained" && forceNouns.has(s.lw(k+1)):
			// "a trained reserve of 870,000": a force's quality, not
			// soldiers being trained
		case otherAfterWords.has(w), before && otherBeforeWords.has(w):
			other = true
		case before && (callWords.has(w) || signWords.has(w)) && s.lw(k+1) == "up":
			other = true // "called up 300,000 reservists", "signed up 450,000 contract soldiers"
		case !before && callWords.has(w) && s.lw(k+1) == "up" && passiveAux.has(s.lw(k-1)):
			other = true // "300,000 reservists were called up"
		case !before && w == "training" && trainingTakers.has(s.lw(k-1)):
			other = true // "3,000 soldiers ... received training"
		case !before && w == "training" && passiveAux.has(s.lw(k-1)) && (s.toks[k+1].brk || s.toks[min(k+1, len(s.toks)-1)].kind == tPunct || trainedWhere.has(s.lw(k+1))):
			// "2,000 Ukrainian servicemen are training in Germany": they
			// are trained; "are training Ukrainian troops" trains others.
			other = true
		}
	}
	if s.lw(start-1) == "to" {
		// "state awards to 240 servicemen", "awarding the title of Hero
		// of Ukraine to 12 servicemen": what is given to them.
		for k := start - 2; k >= 0 && k >= start-10 && !s.toks[k+1].brk && !clauseEnds(s.key(k)); k-- {
			if awardNouns.has(s.lw(k)) {
				other = true
			}
		}
	}
	for k, reach := start-1, start-6; k >= 0 && k >= reach; k-- {
		if s.toks[k+1].brk {
			break
		}
		if clauseEnds(s.key(k)) {
			// A relative clause counts the noun it hangs on: "the number
			// of Russian victims, which in April amounted to 899 soldiers".
			// So does a part of the people the clause counted: "300
			// people were killed, including 50 soldiers".
			if s.key(k) != "," || !relativeWords.has(s.lw(k+1)) && !partWords.has(s.lw(k+1)) || reach < start-6 {
				break
			}
			reach = k - 6
			continue
		}
		look(k, true)
	}
	for k := start; k < end; k++ {
		if s.lw(k) == "enlisted" {
			continue // a rank inside the figure, "5,000 enlisted Airmen", not joining up
		}
		look(k, true)
	}
	reach := end + 7
	of := end
	if s.lw(of) == "and" && s.toks[min(of+1, len(s.toks)-1)].kind == tWord && s.lw(of+2) == "of" {
		of += 2 // "2,000 soldiers and officers of the Russian army were killed"
	}
	if s.lw(of) == "of" {
		// "165 servicemen of the Armed Forces of Ukraine were awarded":
		// the verb comes after the noun's own "of" phrase.
		reach = of + 18
	}
	for k := end; k < len(s.toks) && k < reach; k++ {
		if s.toks[k].brk || clauseEnds(s.key(k)) {
			break
		}
		look(k, false)
	}
	if !swap && !casualty && s.lossesMeasuredBefore(start) {
		casualty = true
	}
	switch {
	case dead:
		return defwatch.TroopCasualties
	case swap:
		return defwatch.TroopOther
	case casualty:
		return defwatch.TroopCasualties
	case other, handBack:
		return defwatch.TroopOther
	}
	return defwatch.TroopStrength
}

// awardNouns are what a state gives those it honours: "state awards to
// 240 servicemen".
var awardNouns = setOf(awardNounsIndex, []string{"awards", "medals", "decorations", "title"})

// lossesMeasuredBefore reports whether the figure starting at token start
// is what a force's losses come to: a verb that gives a total right before
// it and losses as that verb's subject, however far back in the clause
// ("The total combat losses of the enemy from Feb. 24 to Oct. 1 amounted
// to approximately 59,080 personnel", "Russian losses over the past day:
// 1,230 personnel").
func (s *scan) lossesMeasuredBefore(start int) bool {
	return s.measuredLossAt(start, false) >= 0
}

// measuredLossAt returns the loss word whose total the figure starting at
// token start gives, or -1: see lossesMeasuredBefore. With be set a form
// of "be" gives the total too ("Russia's losses are 38 thousand
// soldiers"), which says whose losses a figure is but not, for a figure
// with its own noun, that it counts losses at all.
func (s *scan) measuredLossAt(start int, be bool) int {
	v := start - 1
	for v > 0 && figureStarts.has(s.lw(v)) {
		v-- // "amounted to approximately", "reached more than"
	}
	switch w := s.lw(v); {
	case w == "to" && (amountVerbs.has(s.lw(v-1)) || riseVerbs.has(s.lw(v-1))):
		v-- // "amounted to", "the death toll … rose to"
	case measureVerbs.has(w), approxMeasureVerbs.has(w), s.key(v) == ":":
	case be && (w == "are" || w == "were" || w == "is" || w == "was"):
	default:
		return -1
	}
	for k := v - 1; k >= 0 && k >= v-16; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) && (s.key(k) != "." || s.capitalised(k+1)) {
			return -1 // but "Feb. 24", "24.02.22" end nothing
		}
		if w := s.lw(k); (w == "losses" || w == "casualties" || w == "toll") && !notLossWords.has(s.lw(k-1)) {
			return k
		}
	}
	return -1
}

// sentenceStart reports whether token k begins a sentence or a line.
// titleCased reports whether token k stands in an English headline
// written in title case ("Russia Has Lost 20,000 Troops in Ukraine"),
// where a capital marks no name: its line, up to a sentence end, has at
// least three words of four letters or more, and all but one in five of
// them start with a capital (short prepositions and "says" are left out
// of the count, as title case may leave them small).
func (s *scan) titleCased(k int) bool {
	if _, ok := lowVocab().get(s.word(k)); !ok {
		return false // a word the figure reader has no use for in lower case: a name
	}
	// Prose shows itself within a few words: two small words of four
	// letters or more after k end the question before the whole
	// sentence is read.
	small := 0
	for j := k + 1; j < len(s.toks) && j < k+12 && !s.toks[j].brk && !endsSentence(s.key(j)); j++ {
		if w := s.word(j); s.toks[j].kind == tWord && len(w) >= 4 && !isUpper(w[0]) && !titleSmallWords.has(w) {
			if small++; small == 2 {
				return false
			}
		}
	}
	from := s.sentenceFrom(k, 40)
	words, caps := 0, 0
	for j := from; j < len(s.toks) && j < from+60; j++ {
		if j > from && (s.toks[j].brk || endsSentence(s.key(j)) && !s.numberDot(j)) {
			break
		}
		w := s.word(j)
		if s.toks[j].kind != tWord || len(w) < 4 || titleSmallWords.has(strings.ToLower(w)) {
			continue
		}
		words++
		if isUpper(w[0]) {
			caps++
		}
	}
	return words >= 3 && caps*5 >= words*4
}

// titleSmallWords may stay lower case in a title-case headline.
var titleSmallWords = setOf(titleSmallWordsIndex, []string{
	"from", "with", "over", "into", "near", "than", "amid", "after", "says", "said", "onto", "upon",
})

func (s *scan) sentenceStart(k int) bool {
	if k == 0 || s.toks[k].brk {
		return true
	}
	switch s.key(k - 1) {
	case ".", "!", "?", "\"", "“", ":":
		return true
	}
	return false
}

func clauseEnds(p string) bool {
	return p == "." || p == "," || p == ";" || p == "!" || p == "?" || p == ":"
}

// dutyWords before "members" make them service members: "active-duty
// members", "reserve members", "enlisted members".
var dutyWords = setOf(dutyWordsIndex, []string{"duty", "reserve", "reservist", "enlisted", "uniformed", "military", "component"})

// particleVerbs take "over" as a particle, not a bound on the count
// after it: "handed over 90 prisoners", "turned over 20 soldiers".
var particleVerbs = setOf(particleVerbsIndex, []string{
	"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning",
})

// peacekeepingNear reports whether the sentence around token j speaks of
// the UN or of peacekeeping.
func (s *scan) peacekeepingNear(j int) bool {
	for k := j - 1; k >= 0 && j-k < 30 && !endsSentence(s.key(k)); k-- {
		if w := s.word(k); w == "UN" || w == "U.N" || w == "UNIFIL" || s.lw(k) == "peacekeeping" || s.lw(k) == "mission" {
			return true
		}
	}
	for k := j + 2; k < len(s.toks) && k-j < 30 && !endsSentence(s.key(k)); k++ {
		if w := s.word(k); w == "UN" || w == "UNIFIL" || s.lw(k) == "peacekeeping" || s.lw(k) == "mission" {
			return true
		}
	}
	return false
}

// quotedUntil returns the closing quote of a short quoted phrase that
// opens at token j ("“peacekeeper”", "«миротворців»"), or j when none
// opens there.
func (s *scan) quotedUntil(j int) int {
	if j >= len(s.toks) || s.toks[j].kind != tPunct || !openQuotes.has(s.key(j)) {
		return j
	}
	for c := j + 2; c < len(s.toks) && c <= j+4; c++ {
		if s.toks[c].brk {
			return j
		}
		if closeQuotes.has(s.key(c)) {
			return c
		}
	}
	return j
}

var (
	openQuotes  = setOf(openQuotesIndex, []string{"“", "\"", "«", "„", "‘", "'"})
	closeQuotes = setOf(closeQuotesIndex, []string{"”", "\"", "»", "“", "’", "'"})
)

// peopleInForce reports whether the people counted at token k (the count
// starting at token q) are put in a force by the words around them:
// "700,000 people under arms", "the army has 1 million people in
// uniform", "500,000 people into the army", or a state's call-up before
// them: "Ukraine plans to mobilise 450,000 to 500,000 people", "Russia
// called up 300,000 men".
func (s *scan) peopleInForce(q, k int) bool {
	from := s.sentenceFrom(q, 30)
	military, state := false, false
	for j := from; j < q; j++ {
		military = military || militaryWords.has(s.lw(j)) && !s.capitalised(j)
		if _, e := s.nationAt(j); e > j {
			state = true
		}
	}
	switch n := s.lw(k + 1); {
	case n == "under" && s.lw(k+2) == "arms":
		return true
	case n == "in" && s.lw(k+2) == "uniform":
		return military // "the army has ... people in uniform", not a parade's
	case n == "in" || n == "into":
		j := k + 2
		if determiners.has(s.lw(j)) {
			j++
		}
		if s.lw(j) == "armed" && s.lw(j+1) == "forces" {
			j++
		} else if w := s.lw(j); w != "army" && w != "military" || s.capitalised(j) {
			break
		}
		// "into the army", but not "in the army camp"
		return s.figureEnds(j+1) || s.bareCountEnds(j+1)
	}
	if s.calledUpBefore(q) {
		return state || military // a state's call-up, not volunteers clearing snow
	}
	return false
}

// calledUpBefore reports whether a verb of calling up stands right before
// the count starting at token q, past its hedge: "mobilise up to",
// "called up more than", "mobilise another".
func (s *scan) calledUpBefore(q int) bool {
	p := q - 1
	for p > 0 && q-p < 5 && (figureStarts.has(s.lw(p)) || s.lw(p) == "than" || s.lw(p) == "to" || s.lw(p) == "least" || s.lw(p) == "another" || s.lw(p) == "further") {
		p--
	}
	w := s.lw(p)
	return callUpVerbs.has(w) || recruitVerbs.has(w) || w == "up" && (strings.HasPrefix(s.lw(p-1), "call") || signWords.has(s.lw(p-1))) ||
		strings.HasPrefix(w, "call") && s.lw(p+1) == "up"
}

// recruitVerbs take people into a force: "recruited 50,000 convicts".
var recruitVerbs = setOf(recruitVerbsIndex, []string{"recruit", "recruits", "recruited", "recruiting", "enlisted", "enlist", "enlists"})

// callUpVerbs put the people they count into a force.
var callUpVerbs = setOf(callUpVerbsIndex, []string{
	"mobilize", "mobilise", "mobilizes", "mobilises", "mobilized", "mobilised", "mobilizing",
	"mobilising", "conscript", "conscripts", "conscripted", "conscripting", "draft", "drafts",
	"drafted", "drafting",
})

// forceHas reports whether the count starting at token q is what a force
// named right before it has or is made of: "a wing with 6,000 people", "a
// brigade of about 4,000 men".
func (s *scan) forceHas(q int) bool {
	p := q - 1
	for p > 0 && q-p < 4 && figureStarts.has(s.lw(p)) && s.lw(p) != "of" && s.lw(p) != "with" {
		p-- // "with about", "of more than"
	}
	if w := s.lw(p); w != "with" && w != "of" {
		return false
	}
	f := s.lw(p - 1)
	return (militaryWords.has(f) || forceNouns.has(f)) && f != "air" && f != "armed" && f != "mission" && !s.capitalised(p-1)
}

// statePossessive returns the state of a possessive that starts at token
// k ("Russia's", "Ukraine’s") and the token after it, or nil and k.
func (s *scan) statePossessive(k int) ([]string, int) {
	codes, e := s.nationAt(k)
	if e <= k || len(codes) != 1 || (s.key(e) != "'" && s.key(e) != "’") || s.lw(e+1) != "s" {
		return nil, k
	}
	return codes, e + 2
}
