package entity

import (
	"strings"

	"github.com/defwatch/defwatch"
)

// Readings that need more than the figure itself: what the sentence around
// it says (a condition, a vehicle's capacity), the figure before it (a noun
// carried over), the article's other figures (losses with no noun), and
// repeats.

var (
	// capacityWords say what a vehicle can hold: "Payload: 24 troops".
	capacityWords = setOf(capacityWordsIndex, []string{"payload", "capacity", "capacities", "accommodate", "accommodates", "seating"})
	// specWords head the lines of a fact sheet that give what an aircraft
	// or ship holds: "Crew: Four", "Payload: 24 troops".
	specWords = setOf(specWordsIndex, []string{"crew", "payload", "capacity", "accommodations", "passengers"})
	// factWords open a clause that reports what happened, even inside a
	// condition: "If ... confirmed, it would be the largest since sending
	// thousands of troops".
	factWords = setOf(factWordsIndex, []string{"since", "because"})
	// relativeWords open a clause about the noun before its comma.
	relativeWords = setOf(relativeWordsIndex, []string{"which", "who", "whom"})
	// serveWords after "men and women who" make them people in uniform.
	serveWords = setOf(serveWordsIndex, []string{
		"fought", "fight", "serve", "served", "serving", "died", "gave", "fell",
		"defend", "defended", "defending", "protect", "protected", "wear", "wore",
	})
	// militaryWords after "men and women of the" name a military body.
	militaryWords = setOf(militaryWordsIndex, []string{
		"military", "armed", "army", "navy", "marine", "marines", "air", "wing",
		"squadron", "brigade", "battalion", "regiment", "division", "force", "forces",
		"corps", "guard", "fleet", "command",
	})
	// carryVerbs may follow "31 more" when the noun is the previous
	// figure's: "two soldiers were killed; 31 more were wounded".
	carryVerbs = setOf(carryVerbsIndex, []string{
		"were", "was", "are", "is", "have", "had", "has", "died", "remain", "remained",
		"will", "would", "could", "may", "might", "reportedly", "also",
	})
	// measureVerbs put a figure after its unit: "troops ... to reach
	// 300,000", "the number of soldiers totals 5,000".
	measureVerbs = setOf(measureVerbsIndex, []string{
		"reach", "reached", "reaches", "reaching", "total", "totals", "totalled",
		"totaled", "totalling", "totaling", "number", "numbers", "numbered", "numbering",
	})
	// approxMeasureVerbs do the same and make the figure a bound.
	approxMeasureVerbs = setOf(approxMeasureVerbsIndex, []string{
		"exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses",
		"surpassed", "pass", "passes", "passed", "top", "tops", "topped", "approaching", "approaches", "nearing",
		"nears", "neared", "approached",
	})
	// amountVerbs take "to" before a total: "losses amount to 1,000,000",
	// "the toll came to 82".
	amountVerbs = setOf(amountVerbsIndex, []string{"amount", "amounts", "amounted", "amounting", "came", "comes", "come"})
	// riseVerbs take "to" before the figure: "rose to 5,000".
	riseVerbs = setOf(riseVerbsIndex, []string{
		"rose", "risen", "rise", "rises", "grew", "grown", "increased", "climbed",
		"jumped", "fell", "dropped",
	})
	// growVerbs take "to" or "by" before a new size: "increase troop
	// numbers by 170,000", "raise its personnel to 2.2 million".
	growVerbs = setOf(growVerbsIndex, []string{
		"increase", "increased", "increases", "increasing", "raise", "raised", "raises",
		"raising", "expand", "expanded", "expands", "expanding", "boost", "boosted",
		"boosts", "boosting", "bring", "brought", "brings", "bringing", "grow", "cut",
		"cuts", "reduce", "reduced", "reduces", "reducing", "swell", "swelled",
	})
	// putVerbs take "at" before an estimate: "put Russian casualties at".
	putVerbs = setOf(putVerbsIndex, []string{"put", "puts", "putting", "estimate", "estimated", "estimates", "place", "placed", "places"})
	// holdVerbs take "at" before a size kept or capped, not estimated:
	// "keep troop levels at 4,000".
	holdVerbs = setOf(holdVerbsIndex, []string{
		"keep", "keeps", "keeping", "kept", "maintain", "maintains", "maintaining",
		"maintained", "cap", "caps", "capping", "capped", "set", "sets", "setting",
	})
	// troopMeasures after "troop" make it a unit: "troop numbers".
	troopMeasures = setOf(troopMeasuresIndex, []string{"numbers", "levels", "strength", "presence", "count", "totals"})
	// intentWords say what a state means to do; negated, the count they
	// govern is no figure: "did not plan to take thousands of prisoners",
	// "has no plans to send", "не планувала", "plant nicht".
	intentWords = setOf(intentWordsIndex, []string{
		"plan", "plans", "planned", "planning", "intend", "intends", "intended",
		"intending", "intention", "intentions", "want", "wants", "wanted", "going",
		"aim", "aims", "aimed",
		"планував", "планувала", "планували", "планує", "планують", "збирався",
		"збиралася", "збиралися", "збирається", "збираються", "наміру", "намірів",
		"хотів", "хотіла", "хотіли", "хоче", "хочуть",
		"планировал", "планировала", "планировали", "планирует", "планируют",
		"собирался", "собиралась", "собирались", "собирается", "собираются",
		"намерен", "намерена", "намерены", "намерения", "хотел", "хотела", "хотели",
		"хочет", "хотят", "расчета", "расчёта", "розрахунку",
		"plant", "planen", "plante", "planten", "will", "wollen", "wollte", "wollten",
		"beabsichtigt", "beabsichtigen", "absicht", "pläne",
		"prévoit", "prévoient", "prévoyait", "veut", "veulent", "voulait", "envisage",
		"envisagent", "intention",
	})
	// sendWords refused outright make no figure either: "Britain will not
	// send 1,000 troops".
	sendWords = setOf(sendWordsIndex, []string{"send", "deploy", "commit", "dispatch", "contribute"})
	// negWords deny the intention next to them; the German and French
	// ones follow it ("plant nicht", "ne prévoit pas").
	negWords      = setOf(negWordsIndex, []string{"not", "never", "no", "не", "ні", "нет"})
	negAfterWords = setOf(negAfterWordsIndex, []string{"nicht", "kein", "keine", "keinen", "keiner", "pas", "jamais"})
	// civilianWords in a sentence make its losses no force's.
	civilianWords = setOf(civilianWordsIndex, []string{"civilian", "civilians", "people", "residents", "children", "women", "refugees", "citizens", "population"})
	// lossWords stand for soldiers lost in an article that counts them:
	// "the number of Russian victims ... exceeds 465,000".
	lossWords = setOf(lossWordsIndex, []string{"losses", "victims", "casualties", "deaths", "fatalities", "dead"})
	// notLossWords before a loss word make it count something else.
	notLossWords = setOf(notLossWordsIndex, []string{
		"civilian", "civilians", "tank", "tanks", "equipment", "vehicle", "vehicles",
		"aircraft", "economic", "financial", "territorial", "material", "materiel",
	})
)

// serveAfter reports whether the words from token k on say that the people
// before them serve: "in uniform", "who fought", "of the 3rd Air Force".
func (s *scan) serveAfter(k int) bool {
	switch s.lw(k) {
	case "in":
		if s.lw(k+1) == "uniform" {
			return true
		}
		// "in our Air Force", "in the armed forces": the force they are in
		j := k + 1
		if w := s.lw(j); determiners.has(w) || w == "our" || w == "its" || w == "their" {
			j++
		}
		w := s.lw(j)
		return militaryWords.has(w) && (w != "air" || s.lw(j+1) == "force") // not "in the air"
	case "who", "that":
		return serveWords.has(s.lw(k + 1))
	case "serving", "deployed", "stationed":
		return true
	case "of":
		for j := k + 1; j < len(s.toks) && j < k+7; j++ {
			if s.toks[j].brk || clauseEnds(s.key(j)) {
				return false
			}
			if militaryWords.has(s.lw(j)) || formations.has(s.word(j)) {
				return true
			}
		}
	}
	return false
}

// notAFigure reports whether a count starting at token i is no figure
// whatever it counts: inside a condition ("if ... hundreds of thousands of
// soldiers", "wenn", "якщо", "Should Russia attack": a count there is
// hypothetical), a vehicle's capacity ("Payload: 24 troops") or a size
// that only sets a scale ("as small as one Airman").
func (s *scan) notAFigure(i int) bool {
	if s.lw(i-1) == "as" && (s.lw(i-2) == "small" || s.lw(i-2) == "little") && s.lw(i-3) == "as" {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) || factWords.has(s.lw(k)) {
			break
		}
		if (k == 0 || s.toks[k].brk || endsSentence(s.key(k-1))) && invertedIfWords.has(s.word(k)) && s.toks[min(k+1, len(s.toks)-1)].kind != tPunct {
			// "Should Russia ever attack the Baltic states, the alliance
			// would need hundreds of thousands of soldiers": a condition
			// said by inverting its verb.
			return true
		}
		if _, ok := intlIfForms()[s.word(k)]; ok || k >= i-10 && capacityWords.has(s.lw(k)) {
			return true
		}
		if s.key(k+1) == ":" && specWords.has(s.lw(k)) {
			return true // a fact sheet's "Crew: ... (five officers)"
		}
	}
	return s.refusedBefore(i) || s.conditionAfter(i)
}

// conditionAfter reports whether the count at token i stands in a clause
// of will or would that a condition after it bounds: "there will be
// hundreds of thousands of soldiers here if we are attacked", "Belarus
// would put half a million men under arms if Poland crossed its border".
func (s *scan) conditionAfter(i int) bool {
	modal := false
	for k := i - 1; k >= 0 && k >= i-20 && !s.toks[k+1].brk && !endsSentence(s.key(k)); k-- {
		if troopCondModals.has(s.lw(k)) {
			modal = true
			break
		}
	}
	if !modal {
		return false
	}
	for k := i + 1; k < len(s.toks) && k < i+20 && !s.toks[k].brk && !endsSentence(s.key(k-1)); k++ {
		if w := s.lw(k); (w == "if" || w == "unless") && s.lw(k-1) != "as" && s.lw(k-1) != "even" {
			return true
		}
	}
	return false
}

// troopCondModals put a clause in the future or the conditional.
var troopCondModals = setOf(troopCondModalsIndex, []string{"will", "would", "could", "might", "ll"})

// invertedIfWords open a sentence with a condition by inversion: "Should
// Russia attack", "Were NATO to deploy", "Had Kyiv agreed".
var invertedIfWords = setOf(invertedIfWordsIndex, []string{"Should", "Were", "Had"})

// refuseReach is how many words before a count a refusal may stand.
const refuseReach = 10

// retreatStems are the verbs of taking troops away: a state that does not
// mean to withdraw or cut its 100,000 troops still has them.
var retreatStems = []string{
	"withdr", "pull", "reduc", "cut", "remov", "retreat", "abzieh", "abzuzieh",
	"reduzier", "вивес", "вивод", "відвес", "відвод", "скорот", "вывес", "вывод",
	"отвес", "отвод", "сократ", "retir", "rédui",
}

// refusedBefore reports whether the count at token i is what the text
// says someone does not mean to do: "did not plan to take thousands of
// prisoners", "has no plans to send 5,000 troops", "will not send 1,000
// troops", "не планувала брати тисячі полонених", "plant nicht, 10.000
// Soldaten zu entsenden". Such a count is no force anyone has, unlike one
// a state does not mean to withdraw or cut ("does not plan to withdraw
// its 100,000 troops").
func (s *scan) refusedBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-refuseReach; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) {
			return false
		}
		w := s.lower(k)
		if w == "," && !negAfterWords.has(s.lower(k-1)) || w == ";" || w == ":" {
			return false // another clause, unless "plant nicht, ... zu entsenden"
		}
		if stemFoldAny(w, retreatStems) {
			return false
		}
		// English "will" is no intention of its own: only German "will
		// nicht" reads as one.
		if intentWords.has(w) && (w != "will" && (s.negated(k-1) || s.negated(k-2) && s.anyWord(k-1)) || negAfterWords.has(s.lower(k+1))) {
			return true
		}
		if sendWords.has(w) && s.negated(k-1) {
			switch s.lower(k - 2) {
			case "will", "would", "shall", "can", "could":
				return true
			}
			if v := s.lower(k - 1); v == "won't" || v == "won’t" || v == "wouldn't" || v == "wouldn’t" ||
				v == "t" && (s.lower(k-3) == "won" || s.lower(k-3) == "wouldn") {
				return true
			}
		}
	}
	return false
}

// negated reports whether token k denies what follows it: "not", "no",
// "never", "didn't", "не".
func (s *scan) negated(k int) bool {
	w := s.lower(k)
	if negWords.has(w) || negAfterWords.has(w) && w != "pas" && w != "jamais" {
		return true
	}
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || w == "t" && (s.key(k-1) == "'" || s.key(k-1) == "’")
}

// dedupeTroops keeps the first mention of each figure: the same count with the
// same category and owner is one figure however often an article repeats
// it. A mention without an owner repeats one with an owner, and lends the
// first mention the owner a later one gives.
//
// A later mention whose own words give no category (strength is what a
// bare count is read as) repeats an earlier one of another category:
// "96 Ukrainian heroes were awarded ... All 96 of our heroes are like
// these five".
func dedupeTroops(ts []defwatch.Troop) []defwatch.Troop {
	out := ts[:0]
	for _, t := range ts {
		dup := false
		for k := range out {
			o := &out[k]
			// A large exact count of the same people said again is the same
			// figure whatever the second sentence does with them: "honors
			// the more than 660,000 Airmen ... training and equipping of
			// more than 660,000 Airmen".
			same := o.Category == t.Category || t.Category == defwatch.TroopStrength && (t.Max >= 100 || o.Unit == t.Unit) ||
				t.Min >= 1000 && o.Unit == t.Unit
			if o.Min == t.Min && o.Max == t.Max && same && (o.Nation == t.Nation || o.Nation == "" || t.Nation == "") {
				if o.Nation == "" {
					o.Nation = t.Nation
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// totalBefore reports whether the words before the count at token i make
// it the size of the force just counted before or after a change, or the
// size it is meant to reach: "up from", "down from", "bringing the total
// to", "raising the number to", "raise that to", "its target of".
func (s *scan) totalBefore(i int) bool {
	if s.lw(i-1) == "from" {
		w := s.lw(i - 2)
		return w == "up" || w == "down"
	}
	if s.lw(i-1) == "of" {
		// "short of its target of 215,000", "a goal of 300,000": the
		// size the force just counted is meant to reach.
		return troopTargets.has(s.lw(i - 2))
	}
	if s.lw(i-1) != "to" {
		return false
	}
	n := i - 2
	if w := s.lw(n); (w == "that" || w == "it") && growVerbs.has(s.lw(n-1)) {
		return true // "wants to raise that to 300,000"
	}
	if w := s.lw(n); w != "total" && w != "number" {
		return false
	}
	if s.lw(n-1) == "the" || s.lw(n-1) == "its" || s.lw(n-1) == "their" {
		n--
	}
	switch s.lw(n - 1) {
	case "bringing", "brings", "brought", "raising", "raises", "raised", "taking", "takes", "took", "increasing", "increased":
		return true
	}
	return false
}

// troopTargets before "of" make the count after it a size a force is
// meant to reach.
var troopTargets = setOf(troopTargetsIndex, []string{"target", "goal", "aim", "ceiling", "cap", "objective"})

// carriedVerbAt reports whether the words from token k on are an
// auxiliary and a participle that deploys or harms the count before them:
// "have been sent", "were killed", "will be deployed".
func (s *scan) carriedVerbAt(k int) bool {
	switch s.lw(k) {
	case "have", "has", "had", "were", "was", "are", "is", "will":
		k++
	default:
		return false
	}
	if w := s.lw(k); w == "already" || w == "now" || w == "also" {
		k++
	}
	if w := s.lw(k); w == "been" || w == "be" {
		k++
	}
	w := s.lw(k)
	return troopOwnVerbs.has(w) && strings.HasSuffix(w, "ed") || w == "sent" || casualtyWords.has(w) && (strings.HasSuffix(w, "ed") || w == "slain")
}

// carriedAt reads a count whose noun is that of the figure before it, in
// the same or the previous sentence: "zwei Soldaten getötet. 31 weitere
// wurden verletzt", "two soldiers were killed; 31 more were wounded". last
// is the token after that figure.
func (s *scan) carriedAt(i int, prev defwatch.Troop, last int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	if i-last > 30 || i < last {
		return t, 0, false
	}
	ends := 0
	for k := last; k < i; k++ {
		if endsSentence(s.key(k)) || k > last && s.toks[k].brk {
			ends++
		}
	}
	if ends > 1 {
		return t, 0, false
	}
	q, approx, ok := s.hedgedQuantityAt(i)
	if !ok || q.year || !s.standalone(q.start) {
		return t, 0, false
	}
	if r, ok := s.rangeAfter(q, false); ok && !q.vague {
		q = r // "70,000 killed and 100,000 to 120,000 wounded"
	}
	k := q.end
	var end int
	var cat string
	if q.vague {
		// "Thousands of Russian soldiers were killed, and hundreds were
		// taken prisoner": a vague size carries the noun only in the
		// same sentence, as the subject of what befell them. A harm said
		// right after it carries a casualty count in any language:
		// "тисячі убиті, сотні захоплено в полон, тисячі поранені".
		if e, ok := s.harmCarried(i, k, prev, ends, last); ok {
			end = e
			cat = defwatch.TroopCasualties
		} else {
			if ends > 0 || i-last > 12 || !carryVerbs.has(s.lw(k)) || s.lw(i-1) != "and" && s.lw(i-1) != "while" && s.lw(i-1) != "but" {
				return t, 0, false
			}
			end = q.end
			cat = s.category(i, k+3)
			if cat != prev.Category {
				return t, 0, false
			}
		}
	} else if w, e := s.iw(k); intlCarry.has(w) {
		if s.capitalAt(e) {
			return t, 0, false // "weitere 25 Tote": a noun of its own
		}
		end = e
		cat = s.intlCategory(i, end)
	} else if e, ok := s.harmCarried(i, k, prev, ends, last); ok {
		end = e
		cat = defwatch.TroopCasualties
	} else if s.lw(k) == "more" && (carryVerbs.has(s.lw(k+1)) || clauseEnds(s.key(k+1))) {
		end = k + 1
		cat = s.category(i, end)
	} else if ends == 0 && q.min >= 10 && (s.lw(k) == "have" || s.lw(k) == "had" || s.lw(k) == "were" || s.lw(k) == "are") && i-last <= 12 &&
		(s.lw(i-1) == "while" || s.lw(i-1) == "whereas" || s.lw(i-1) == "but") {
		// "400 British troops are based in Poland, while about 8,000 have
		// taken part": the same noun, in the same sentence.
		end = q.end
		cat = s.category(i, k+3)
	} else if ends == 0 && i-last <= 12 && q.min >= 10 && !q.vague && s.countEnds(k) && (s.figureEnds(k) || s.bareCountEnds(k)) && s.totalBefore(i) {
		// "100,000 US troops in Europe, up from 80,000 before the war",
		// "1,000 more troops, bringing the total to 2,000": the same
		// force before or after a change.
		end = q.end
		cat = prev.Category
	} else if ends == 1 && q.min >= 10 && !q.vague && s.sentenceStart(i) && s.carriedVerbAt(k) {
		// "Half a million soldiers subdued Czechoslovakia. 200,000 have
		// been sent to seize Ukraine.": a count that opens the next
		// sentence as the subject of a deployment or a harm.
		end = q.end
		cat = s.category(i, k+4)
	} else if ends == 0 && i-last <= 4 && s.lw(i-1) == "and" && q.min >= 10 && (s.lw(k) == "in" || s.lw(k) == "to") && s.capitalised(k+1) {
		// "about 2,500 troops in Iraq and 900 in Syria": a second place
		// for the same noun.
		end = q.end
		cat = prev.Category
	} else {
		return t, 0, false
	}
	t = defwatch.Troop{
		Min:      q.min,
		Max:      q.max,
		Approx:   approx || q.approx,
		Unit:     prev.Unit,
		Nation:   prev.Nation,
		Category: cat,
		Text:     s.text[s.toks[i].start:s.toks[end-1].end],
	}
	return t, end, true
}

// measuredAt reads a figure given after its unit, at the count at token
// i: "Nato troops on high alert to reach 300,000", "increase troop
// numbers by 170,000", "its personnel to more than 2.2 million", "the
// number of Russian victims ... reached 473 400" in an article that
// already counts soldiers lost (found holds the figures before it), and
// losses with no personnel noun where the sentence is about a force's
// losses: "put Russian casualties at over 1.2 million".
func (s *scan) measuredAt(i int, found []defwatch.Troop) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	j, hedged := s.hedgeAt(i)
	if s.toks[min(j, len(s.toks)-1)].kind != tNum || !s.standalone(j) {
		return t, 0, false
	}
	v, approx := i-1, hedged
	before, beforeKey := s.lw(i-1), s.key(i-1) // what the count follows, before v moves back to its verb
	if measureAdverbs.has(s.lw(v)) && (beVerbs.has(s.lw(v-1)) || measureVerbs.has(s.lw(v-1))) {
		v-- // "the number of Russian troops in Belarus is now 30,000"
	}
	switch w := s.lw(v); {
	case measureVerbs.has(w):
	case approxMeasureVerbs.has(w):
		approx = true
	case w == "at" && (s.lw(v-1) == "stands" || s.lw(v-1) == "stood" || s.lw(v-1) == "stand"):
		v--
	case w == "at" && beVerbs.has(s.lw(v-1)):
		v-- // "Russian casualties are at over 1.2 million"
	case w == "at" && putVerbs.has(s.lw(v-1)):
		v-- // "North Korean soldiers, estimated at 11,000,"
	case beVerbs.has(w) && w != "remain" && w != "remains" && w != "remained":
		// "the number of American soldiers in Poland is about 10,000":
		// the unit must be the one counted, looked for below.
	case w == "to" && (riseVerbs.has(s.lw(v-1)) || growVerbs.has(s.lw(v-1)) || amountVerbs.has(s.lw(v-1))):
		v--
	case w == "by" && (growVerbs.has(s.lw(v-1)) || riseVerbs.has(s.lw(v-1))):
		v--
	case w == "to" && s.toks[max(v-1, 0)].kind == tNum && s.lw(v-2) == "from" && (riseVerbs.has(s.lw(v-3)) || growVerbs.has(s.lw(v-3))):
		v -= 3 // "has risen from 5,000 to about 24,000"
	case w == "from" && (riseVerbs.has(s.lw(v-1)) || growVerbs.has(s.lw(v-1))):
		v-- // "has risen from 5,000 to about 24,000": the size it was
	case w == "from":
		// "cut troop levels in Afghanistan from 14,000 to 8,600": the
		// verb comes before the unit, as after "to".
	case w == "of" && lossWords.has(s.lw(v-1)):
		// "Russian losses of 1,200 a day": the losses' size right after
		// them; whose they are is checked with the loss word below.
	case w == "at" || w == "to" || w == "by":
		// "put Russian casualties at ...", "raise the number of troops
		// to ...": the verb comes before the unit; it is looked for
		// with the unit below.
	case s.key(v) == ":" && (lossWords.has(s.lw(v-1)) || s.lw(v-1) == "far" && s.lw(v-2) == "so" && lossWords.has(s.lw(v-3))):
		// "Russian losses: more than 300,000 killed or wounded", "Russian
		// losses so far: 300,000": a colon for the verb after losses.
	case s.key(v) == "," && hedged:
		// "the troops, some 3,000 in total, ...": a hedged count set off
		// by a comma right after its noun.
	default:
		return t, 0, false
	}
	q, ok := s.digitsAt(j)
	from := s.lw(i-1) == "from"
	if from {
		// The size a change starts from is a figure only when the size
		// it comes to follows: "from 5,000 to about 24,000".
		if !ok || q.year || q.min < 2 || s.lw(q.end) != "to" || !s.countEnds(q.end) {
			return t, 0, false
		}
		if h, _ := s.hedgeAt(q.end + 1); s.toks[min(h, len(s.toks)-1)].kind != tNum {
			return t, 0, false
		}
	} else if !ok || q.year || q.min < 2 {
		return t, 0, false
	} else if r, ok := s.rangeAfter(q, false); ok && measuredRange(before, beforeKey) {
		// "Ukrainian losses are estimated at 10,000 to 13,000 dead": a
		// size given as a range; after "by" or "to" the second number is
		// where a change ends, not the size's top.
		q, approx = r, true
	}
	if !from && !s.countEnds(q.end) {
		return t, 0, false
	}
	// "the army has grown to 880,000 people": a force's size in people,
	// taken only when the unit is a force or its losses (read below).
	people := !from && (s.lw(q.end) == "people" || s.lw(q.end) == "men") && s.figureEnds(q.end+1)
	if !from && !people && !s.figureEnds(s.lossesEnd(q.end)) && !s.rateAt(q.end) {
		return t, 0, false
	}
	loose := s.lw(v) == "at" || s.lw(v) == "to" || s.lw(v) == "by" || s.lw(v) == "from"
	// "Russian casualties at over 1.2 million", "losses of 1,200 a day":
	// a loss word right before "at" or "of" needs no verb.
	lossRight := (s.lw(v) == "at" || s.lw(v) == "of" || s.key(v) == ":") && lossWords.has(s.lw(v-1))
	appos := s.key(v) == ","
	numbered := beVerbs.has(s.lw(v))
	if appos && !(s.lw(q.end) == "in" && s.lw(q.end+1) == "total" || clauseEnds(s.key(q.end))) {
		return t, 0, false
	}
	for k := v - 1; k >= 0 && k >= v-16; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) || appos && k < v-1 {
			break
		}
		unit, e, singular := s.unitWordAt(k)
		if e == k && s.lw(k) == "troop" && troopMeasures.has(s.lw(k+1)) {
			unit, e = "troops", k+2 // "troop numbers", "troop levels"
		}
		force := false
		if f, fe, _ := s.forceNounAt(k); e == k && fe > k && !s.capitalised(k) && (s.lw(k+1) != "of" || s.ofStateBefore(k+1, v)) &&
			(!loose || fe == v && s.lw(v) != "at" && s.measuredVerbBefore(k, v)) {
			// "the contingent, numbering 4,000", "the army will grow to
			// 1.5 million": a force's size; after "to" or "by" only with
			// the noun right before and a verb of growth before it: "plans
			// to expand its army to 300,000".
			unit, e, force = f, fe, true
		}
		if people && e > k && (!force && !strings.HasSuffix(unit, "forces") && !s.numberOf(k) || e < v && !figureFollowers.has(s.lw(e)) && !carryVerbs.has(s.lw(e)) && !measureAdverbs.has(s.lw(e))) {
			// "the soldiers' families number 5,000 people", "the army
			// camp has grown to ...": the people are not the force's.
			// "The number of killed servicemen exceeds 12 thousand
			// people" counts the servicemen.
			return t, 0, false
		}
		if numbered && e > k && !s.numberOf(k) && !(s.lw(k) == "troop" && troopMeasures.has(s.lw(k+1))) {
			return t, 0, false
		}
		switch {
		case e > k && s.countedBefore(k):
			return t, 0, false // the unit has its own count
		case e > k && !singular && !unitFollowers.has(s.lw(e)):
			if loose && !s.measuredVerbBefore(k, v) {
				return t, 0, false
			}
			t = defwatch.Troop{Unit: unit, Nation: s.nationBefore(k), Category: s.category(k, q.end)}
			if t.Nation == "" {
				t.Nation = s.nationAfter(e) // "the troops of Belarus, numbering 20,000"
			}
		case s.lw(v) == "of" && k < v-1:
			return t, 0, false // "of" measures only the loss word before it
		case s.lw(k) == "toll" && s.lw(k-1) == "death":
			// "the Russian military death toll passed 50,000", "Russia's
			// death toll among its troops has reached 50,000"; a state's
			// toll alone may be a disease's or a disaster's.
			if lastCasualty(found) == nil && !(s.militaryLosses(k-1) && (militaryWords.has(s.lw(k-2)) || s.forceSentence(k))) {
				continue
			}
			if loose && !(lossRight && k == v-1) && !s.measuredVerbBefore(k, v) {
				return t, 0, false
			}
			t = defwatch.Troop{Unit: "death toll", Nation: s.nationBefore(k - 1), Category: defwatch.TroopCasualties}
			k-- // the span starts at "death"
		case hurtWords.has(s.lw(k)) && s.lw(k-1) == "and" && (s.lw(k-2) == "killed" || s.lw(k-2) == "dead") &&
			s.militaryLosses(k-2):
			// "put Russian killed and wounded at about 315,000": the dead
			// and wounded said as one noun, a force's by the word before.
			if loose && !s.measuredVerbBefore(k-2, v) {
				return t, 0, false
			}
			t = defwatch.Troop{Unit: "killed and " + s.lw(k), Nation: s.nationBefore(k - 2), Category: defwatch.TroopCasualties}
			k -= 2
		case lossWords.has(s.lw(k)) && !notLossWords.has(s.lw(k-1)):
			prev := lastCasualty(found)
			if prev == nil && !s.militaryLosses(k) && !(lossRight && s.stateLosses(k, k+1)) {
				continue
			}
			if loose && !(lossRight && k == v-1) && !s.measuredVerbBefore(k, v) {
				return t, 0, false
			}
			t = defwatch.Troop{Unit: s.lw(k), Nation: s.nationBefore(s.lossRateStart(k)), Category: defwatch.TroopCasualties}
			if t.Nation == "" && personnelLossWords.has(s.lw(k-1)) {
				t.Nation = s.nationBefore(k - 1) // "Russian personnel losses"
			}
			if prev != nil {
				t.Unit = prev.Unit
				if t.Nation == "" {
					t.Nation = prev.Nation
				}
			}
		default:
			continue
		}
		t.Min, t.Max, t.Approx = q.min, q.max, approx
		end := q.end
		if people {
			end++
		}
		t.Text = s.text[s.toks[k].start:s.toks[end-1].end]
		return t, end, true
	}
	return t, 0, false
}

// measuredRange reports whether a size measured after the word w (or the
// colon) may be a range: "estimated at 10,000 to 13,000", "numbering 3,000
// to 5,000", "losses: 300,000-350,000", but not "grew by 5,000 to 30,000".
func measuredRange(w, key string) bool {
	switch {
	case w == "by" || w == "to" || w == "from":
		return false
	case key == ":" || w == "at" || w == "of" || key == ",":
		return true
	}
	return measureVerbs.has(w) || approxMeasureVerbs.has(w) || beVerbs.has(w)
}

// costWars are what costs a state its soldiers.
var costWars = setOf(costWarsIndex, []string{
	"war", "invasion", "offensive", "counteroffensive", "assault", "battle", "fighting",
	"campaign", "conflict", "operation",
})

// costState returns the state a war or an invasion costs the count at
// token i, and whether a cost is said there at all: "cost Russia 50,000
// dead" (RU), "Russia's invasion has cost it more than 300,000 killed or
// wounded" (RU, the state before "it").
func (s *scan) costState(i int) (string, bool) {
	if w, v := s.lw(i-1), s.lw(i-2); w != "cost" && w != "costs" && v != "cost" && v != "costs" {
		return "", false
	}
	war := false
	for k := s.sentenceFrom(i, 20); k < i; k++ {
		war = war || costWars.has(s.lw(k))
	}
	if !war {
		return "", false // "the earthquake cost Turkey 50,000 dead"
	}
	if w := s.lw(i - 1); w == "cost" || w == "costs" {
		return "", true
	}
	if w := s.lw(i - 2); w != "cost" && w != "costs" {
		return "", false
	}
	if w := s.lw(i - 1); w == "it" || w == "them" {
		for k := i - 3; k >= 0 && k >= i-10 && !s.toks[k+1].brk && !endsSentence(s.key(k)); k-- {
			if codes, e := s.nationAt(k); e > k && e <= i-2 {
				if len(codes) == 1 {
					return codes[0], true
				}
				break
			}
		}
		return "", true
	}
	if codes, e := s.nationAt(i - 1); e == i && len(codes) == 1 {
		return codes[0], true
	}
	return "", false
}

// lossCountAt reads a count of a force's losses that names no
// personnel: "up to 325,000 deaths among Russian soldiers", "50,000
// Russian casualties", where the sentence is about soldiers, not
// civilians.
func (s *scan) lossCountAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	j, approx := s.hedgeAt(i)
	between := s.lw(j) == "between"
	if between {
		j++ // "between 40,000 and 60,000 dead"
	}
	q, ok := s.quantityAt(j)
	if !ok || q.year || !s.standalone(q.start) {
		return t, 0, false
	}
	if r, ok := s.rangeAfter(q, between); ok {
		q = r // "70,000-80,000 casualties", "70 to 80,000 losses"
	} else if between {
		return t, 0, false
	}
	if !s.countEnds(q.end) {
		return t, 0, false
	}
	enemy := s.enemyNear(i)
	if enemy && q.vague && s.lw(q.end) == "of" {
		q.end++ // "tens of thousands of wounded"
	}
	// "The Ukrainian army lost 1,000 killed and wounded", "the brigade
	// had 300 killed": a state or a force that lost them says whose dead
	// and wounded they are.
	costOf, cost := s.costState(i)
	lost := !enemy && (lossVerbs.has(s.lw(i-1)) || cost) && (s.stateLosses(i, q.end) || costOf != "" && !s.civiliansAround(i))
	u, ok := s.modifiersThen(q.end, false, func(k int) (string, int, bool) {
		if w := s.lw(k); lossWords.has(w) && w != "victims" || enemy && enemyLossWords.has(w) || lost && lostWords.has(w) {
			return w, k + 1, false
		}
		return "", k, false
	})
	side, sided := s.sideAfter(u.end)
	sided = sided && !s.civiliansAround(i)
	if !ok || u.unknownCapital || !enemy && !sided && !(lost && costOf != "") && !s.militaryLosses(u.end-1) && !s.soldiersAfter(u.end) && !s.stateLosses(i, u.end) {
		return t, 0, false
	}
	if lost {
		u.end = max(u.end, s.lossesEnd(u.end-1)) // "1,000 killed and wounded"
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: approx || q.approx, Unit: u.unit, Nation: u.nation,
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[i].start:s.toks[u.end-1].end],
	}
	if t.Nation == "" {
		t.Nation = s.nationAfter(u.end)
	}
	if t.Nation == "" && sided {
		t.Nation = side
	}
	if t.Nation == "" {
		t.Nation = costOf
	}
	for k := u.end + 1; t.Nation == "" && s.lw(u.end) == "among" && k < min(len(s.toks), u.end+4); k++ {
		if codes, e := s.nationAt(k); e > k && len(codes) == 1 {
			t.Nation = codes[0]
		}
	}
	return t, u.end, true
}

// ofStateBefore reports whether "of" at token k names a state that ends
// right before the verb at token v, perhaps with an adverb between: "the
// army of Ukraine numbers 250,000", "the forces of Belarus now number".
func (s *scan) ofStateBefore(k, v int) bool {
	j := k + 1
	if s.lw(j) == "the" {
		j++
	}
	codes, e := s.nationAt(j)
	if e == j || len(codes) != 1 {
		return false
	}
	return e == v || e+1 == v && measureAdverbs.has(s.lw(e))
}

// lossVerbs take a state's or a force's losses as their object: "the
// army lost 1,000 killed and wounded", "the brigade had 300 killed".
var lossVerbs = setOf(lossVerbsIndex, []string{
	"lost", "lose", "loses", "losing", "had", "has", "have", "suffered", "suffer",
	"suffers", "suffering", "sustained", "sustain", "sustains", "sustaining",
})

// sideAfter reads the side of a war that losses ending before token k
// are on, later in their clause: "325,000 deaths have been reported on
// the Russian side" (RU), "on both sides" (no one state). It reports
// whether a side is named at all.
func (s *scan) sideAfter(k int) (string, bool) {
	for j := k; j < len(s.toks) && j < k+8 && !s.toks[j].brk && !clauseEnds(s.key(j)); j++ {
		if s.lw(j) != "on" {
			continue
		}
		switch s.lw(j + 1) {
		case "both", "either":
			if s.lw(j+2) == "sides" || s.lw(j+2) == "side" {
				return "", true
			}
		case "the":
			if codes, e := s.nationAt(j + 2); e > j+2 && len(codes) == 1 && s.lw(e) == "side" && s.lw(e+1) != "of" {
				return codes[0], true // but "the German side of the border" is a place
			}
		}
	}
	return "", false
}

// civiliansAround reports whether the sentence token k stands in names
// civilians: its losses are then not only a force's.
func (s *scan) civiliansAround(k int) bool {
	from, to := s.sentenceFrom(k, 30), s.sentenceTo(k, 30)
	for j := from; j < to; j++ {
		if civilianWords.has(s.lw(j)) && !s.measuredPeople(j) {
			return true
		}
	}
	return false
}

// measuredPeople reports whether "people" at token j is only the noun of
// a total measured out ("Russian losses amounted to 1,150 people",
// "reached 1,150 people", "exceeds 12 thousand people"), which names no
// civilians.
func (s *scan) measuredPeople(j int) bool {
	if s.lw(j) != "people" || j == 0 {
		return false
	}
	n := j - 1
	if _, ok := multipliers[s.lw(n)]; ok && n > 0 {
		n-- // "exceeds 12 thousand people"
	}
	if s.toks[n].kind != tNum {
		return false
	}
	v := n - 1
	for v > 0 && figureStarts.has(s.lw(v)) {
		v-- // "amounted to about"
	}
	switch w := s.lw(v); {
	case measureVerbs.has(w), approxMeasureVerbs.has(w):
		return true
	case w == "to":
		return amountVerbs.has(s.lw(v-1)) || riseVerbs.has(s.lw(v-1))
	case w == "at":
		return putVerbs.has(s.lw(v-1)) || s.lw(v-1) == "stood" || s.lw(v-1) == "stands" || beVerbs.has(s.lw(v-1))
	}
	return false
}

// menLost reports whether the men counted before token j are what a
// state or a force lost: "Russia lost 2,000 men near Avdiivka".
func (s *scan) menLost(j int) bool {
	k := j - 2 // the word before the number
	for k > 0 && j-k < 6 && (figureStarts.has(s.lw(k)) || s.lw(k) == "than" || s.lw(k) == "to" || s.lw(k) == "least") {
		k-- // "lost about 2,000", "lost more than two thousand"
	}
	switch s.lw(k) {
	case "lost", "lose", "loses", "losing":
		return s.stateLosses(k+1, j+1)
	}
	return false
}

// hurtWords end "killed and wounded" said as a noun.
var hurtWords = setOf(hurtWordsIndex, []string{"wounded", "injured", "missing"})

// lostWords are what a state or a force loses with no personnel noun:
// its killed, wounded and missing.
var lostWords = setOf(lostWordsIndex, []string{"killed", "wounded", "dead", "injured", "missing", "captured"})

// enemyLossWords count the dead, wounded and captured of an enemy's
// forces when a state's address speaks of them: "14 thousand corpses",
// "tens of thousands of wounded", "Thousands of victims. Hundreds of
// prisoners".
var enemyLossWords = setOf(enemyLossWordsIndex, []string{
	"losses", "victims", "casualties", "deaths", "fatalities", "dead", "corpses",
	"bodies", "wounded", "killed", "prisoners", "captives",
})

// enemyNear reports whether the count at token i is spoken of in a text
// that speaks for a state, in a sentence, or right after one, about its
// enemy's forces ("the occupiers", "the enemy", "Russian troops") that
// names no civilians.
func (s *scan) enemyNear(i int) bool {
	if s.speakerState() == "" {
		return false
	}
	from := i
	for n := 0; from > 0 && i-from < 60; from-- {
		if endsSentence(s.key(from-1)) || s.toks[from].brk {
			if n++; n == 2 {
				break
			}
		}
	}
	to := s.sentenceTo(i, 30)
	enemy := false
	for j := from; j < to; j++ {
		w := s.lw(j)
		if civilianWords.has(w) {
			return false
		}
		if troopEnemyWords.has(w) || s.toks[j].kind == tOther && stemFoldAny(w, troopCyrEnemyStems) {
			enemy = true
		}
		if codes, e := s.nationAt(j); e > j && len(codes) == 1 && codes[0] != s.speakerState() &&
			(isUnitWord(s.lw(e)) || militaryWords.has(s.lw(e))) {
			enemy = true // "Russian troops", "the Russian army"
		}
	}
	return enemy
}

// stateLosses reports whether the losses counted at tokens [i, end) are a
// state's at war: its sentence names no civilians, and either a state
// has them ("Russia has had approximately 70,000-80,000 casualties") or
// they are "of war" or "in action".
func (s *scan) stateLosses(i, end int) bool {
	from, to := s.sentenceFrom(i, 30), s.sentenceTo(end, 30)
	for j := from; j < to; j++ {
		if civilianWords.has(s.lw(j)) {
			return false
		}
	}
	if s.lw(end) == "of" && s.lw(end+1) == "war" || s.lw(end) == "in" && s.lw(end+1) == "action" {
		return true
	}
	reach := 12
	if d := s.key(i - 1); d == "–" || d == "—" || d == ":" {
		// A count set off after the losses it gives: "has suffered more
		// military losses than at any time since World War II – roughly
		// 300,000 casualties".
		reach = 20
	}
	for k := i - 1; k >= from && k >= i-reach; k-- {
		if w := s.lw(k); w == "has" || w == "had" || w == "have" || w == "suffered" || w == "suffering" || w == "suffers" || w == "lost" || w == "sustained" {
			for j := k - 1; j >= from && j >= k-10; j-- {
				if codes, e := s.nationAt(j); e > j && len(codes) == 1 {
					return true
				}
				if militaryWords.has(s.lw(j)) && j >= k-3 && !s.capitalised(j) {
					return true // "the brigade had", "Russian forces suffered"
				}
				if troopEnemyWords.has(s.lw(j)) && j >= k-3 {
					return true // "the enemy lost", "the occupiers have suffered"
				}
			}
			return false
		}
	}
	return false
}

// soldiersAfter reports whether the losses that end before token k are
// said to be soldiers': "deaths among Russian soldiers", "casualties
// among the troops".
func (s *scan) soldiersAfter(k int) bool {
	if w := s.lw(k); w != "among" && w != "of" {
		return false
	}
	for j := k + 1; j < len(s.toks) && j < k+5; j++ {
		if _, ok := units[s.lw(j)]; ok {
			return true
		}
	}
	return false
}

// intlMeasuredAt reads a Ukrainian or Russian figure given after its
// noun: "Кількість убитих російських військових ... перевищує 12 тисяч
// осіб", "Рахунок російських втрат ... перевищив 16 тисяч убитих".
func (s *scan) intlMeasuredAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	v := i - 1
	hedged := false
	for h := max(0, i-3); h < i; h++ {
		// "склали близько 1230 осіб", "орієнтовно склали": a hedge
		// between the verb and the count, or before the verb.
		if e, ok := s.intlHedgeAt(h); ok && e == i && s.word(h) != "до" {
			v, hedged = h-1, true
			break
		}
	}
	// loose is set when the verb comes before the noun and only a
	// preposition before the count: "збільшити чисельність армії на 170
	// тисяч", "увеличить численность войск до 1,5 миллиона".
	loose := false
	if w := s.word(v); w == "до" || w == "на" {
		if v >= 1 && stemFoldAny(s.word(v-1), intlMeasureStems) {
			v-- // "наближається до 14 тисяч"
		} else {
			loose = true
		}
	}
	if w := s.word(v); !loose && v >= 0 && s.toks[v].kind == tOther && !stemFoldAny(w, intlMeasureStems) {
		if _, ok := s.intlHedgeAt(v); ok {
			v, hedged = v-1, true // "орієнтовно склали": the hedge first
		}
	}
	// A dash or colon stands for the verb: "Чисельність угруповання в
	// Україні – понад 500 тисяч", "Втрати ворога – понад 15 тисяч".
	link := v >= 0 && !loose && s.toks[v].kind == tPunct && ((s.key(v) == "–" || s.key(v) == "—") && !s.glued(v) || s.key(v) == ":")
	if !loose && !link && (v < 0 || s.toks[v].kind != tOther || !stemFoldAny(s.word(v), intlMeasureStems)) {
		return t, 0, false
	}
	q, ok := s.intlMeasureFigureAt(i)
	if !ok {
		return t, 0, false
	}
	end := q.end
	if w, e := s.iw(end); w == "осіб" || w == "людей" || w == "человек" || stemFoldAny(w, []string{"убит", "загибл", "вбит"}) {
		end = e
	}
	for k := v - 1; k >= 0 && k >= v-20; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) && !(s.toks[k-1].kind == tNum && s.glued(k) && s.glued(k+1)) {
			break // but the dots of a date ("з 24.02.22") end nothing
		}
		unit, e, _ := s.intlUnitAt(k)
		loss := s.toks[k].kind == tOther && stemFoldAny(s.word(k), []string{"втрат", "потер"})
		force := e == k && !loss && s.toks[k].kind == tOther && stemFoldAny(s.word(k), intlForceStems)
		if force && end == q.end && !clauseEnds(s.key(end)) {
			return t, 0, false // "армія склала 5% бюджету": a force counted in something else
		}
		if e == k && !loss && !force {
			continue
		}
		if loss || force {
			unit = s.word(k)
		}
		if link && !loss && !s.intlHeadsClause(k) && s.lossesOfAt(k) {
			// "втрати російських військ – понад 20 тисяч осіб": the
			// losses the force is the genitive of head the clause.
			continue
		}
		if loose && !s.intlGrowBefore(k) || link && !s.intlHeadsClause(k) {
			return t, 0, false
		}
		t = defwatch.Troop{Min: q.min, Max: q.max, Approx: hedged || stemFoldAny(s.word(v), []string{"перевищ", "наближа", "превыш", "превыс", "приближа"}), Unit: unit, Category: s.intlCategory(k, end)}
		if loss {
			t.Category = defwatch.TroopCasualties
		}
		enemy := false
		// Within the figure's sentence: "Слава Україні! Втрати ворога"
		// names no owner.
		for j := s.sentenceFrom(k, 3); j < k+3 && j < v; j++ {
			// "російських втрат", "втрати російських військ"
			if c := troopOwner(s.word(j)); c != "" && (j < k || t.Nation == "") {
				t.Nation = c
			}
			enemy = enemy || s.toks[j].kind == tOther && stemFoldAny(s.word(j), troopCyrEnemyStems)
		}
		if loss && end == q.end && (t.Nation == "" && !enemy || !clauseEnds(s.key(end))) {
			// Losses counted in people say so ("1230 осіб", "убитих"), or
			// are a state's or the enemy's and end there; the losses of
			// an economy or a harvest are counted in money or percent.
			return t, 0, false
		}
		t.Text = s.text[s.toks[k].start:s.toks[end-1].end]
		return t, end, true
	}
	return t, 0, false
}

// intlGrowBefore reports whether a verb that grows or cuts a force's size
// stands in the few words before the force at token k: "збільшити
// чисельність армії", "увеличить численность войск".
func (s *scan) intlGrowBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4 && !s.toks[j+1].brk && !endsSentence(s.key(j)); j-- {
		if s.toks[j].kind != tOther {
			return false
		}
		switch w := s.word(j); {
		case stemFoldAny(w, intlGrowStems):
			return true
		case !stemFoldAny(w, intlSizeStems):
			return false // "збільшив бюджет армії": the budget grows, not the army
		}
	}
	return false
}

// intlHeadsClause reports whether the force or losses at token k head
// their clause, perhaps behind a size word or an owner: "Чисельність
// російського угруповання – ...", "Втрати ворога – ...", but not "Ціна
// армії – ...", whose head is the price.
func (s *scan) intlHeadsClause(k int) bool {
	j := k - 1
	for ; j >= 0 && j >= k-3 && s.toks[j].kind == tOther; j-- {
		// "російського угруповання", "наші втрати", "загальні бойові
		// втрати": its owner and the kind of losses.
		if w := s.word(j); troopOwner(w) == "" && !stemFoldAny(w, troopOurStems) && !stemFoldAny(w, intlLossKindStems) {
			break
		}
	}
	if j >= 0 && s.toks[j].kind == tOther && stemFoldAny(s.word(j), intlSizeStems) {
		j--
	}
	return j < 0 || s.toks[j+1].brk || endsSentence(s.key(j)) || clauseEnds(s.key(j))
}

// lossesOfAt reports whether a Ukrainian or Russian word of losses
// stands in the three words before token k, whose genitive k may be:
// "втрати російських військ", "потери войск".
func (s *scan) lossesOfAt(k int) bool {
	for j := max(0, k-3); j < k; j++ {
		if s.toks[j].kind == tOther && stemFoldAny(s.word(j), []string{"втрат", "потер"}) {
			return true
		}
	}
	return false
}

// intlLossKindStems say which losses a count gives: "бойові втрати",
// "безповоротні", "санитарные потери".
var intlLossKindStems = []string{"бойов", "боев", "загальн", "общ", "безповоротн", "безвозвратн", "сумарн", "санітарн", "санитарн"}

// intlSizeStems name a force's size between the verb and the force:
// "збільшити чисельність армії", "увеличить штатную численность войск".
var intlSizeStems = []string{"чисельн", "численн", "кількіст", "количеств", "штатн"}

// intlGrowStems grow or cut a size: "збільшити", "увеличить", "скоротити".
var intlGrowStems = []string{"збільш", "увелич", "скорот", "сократ", "нарост", "нараст"}

// intlForceStems are the Ukrainian and Russian nouns of a force whose
// size a figure after them gives: "угруповання чисельністю понад 100
// тисяч", "армия численностью 1,1 миллиона".
var intlForceStems = []string{"угрупов", "группиров", "контингент", "армі", "арми", "зсу", "всу", "збройн", "вооружен", "військ", "войск"}

// intlStrongAt reads a Ukrainian or Russian force's size said as an
// adjective before its noun, at token i: "50-тисячне угруповання",
// "100-тысячную группировку", "30-тисячний контингент".
func (s *scan) intlStrongAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	if s.toks[i].kind != tNum || s.key(i+1) != "-" || !s.glued(i+1) || !s.glued(i+2) || s.toks[min(i+2, len(s.toks)-1)].kind != tOther {
		return t, 0, false
	}
	lit, ok := parseDigits(s.word(i))
	if !ok || !lit.plain || lit.whole < 1 || lit.whole > 999 {
		return t, 0, false
	}
	var mult int64
	switch w := s.word(i + 2); {
	case stemFold(w, "тисячн") || stemFold(w, "тысячн"):
		mult = 1000
	case stemFold(w, "мільйонн") || stemFold(w, "миллионн"):
		mult = 1000000
	default:
		return t, 0, false
	}
	end := i + 3
	unit, e, _ := s.intlUnitAt(end)
	if e == end {
		if end >= len(s.toks) || s.toks[end].kind != tOther || !stemFoldAny(s.word(end), intlForceStems) {
			return t, 0, false
		}
		unit, e = s.word(end), end+1
	}
	n := int64(lit.whole) * mult
	t = defwatch.Troop{
		Min: n, Max: n, Approx: true, Unit: unit, Category: s.intlCategory(i, e),
		Text: s.text[s.toks[i].start:s.toks[e-1].end],
	}
	if c := s.intlOwnerAfter(e); c != "" {
		t.Nation = c
	}
	return t, e, true
}

// intlMeasureStems are the Ukrainian and Russian verbs that put a figure
// after its noun.
var intlMeasureStems = []string{"зрос", "вирос", "вырос", "возрос", "збільш", "увелич", "скорот", "сократ", "чисельн", "численн", "перевищ", "сяга", "сягну", "становить", "становили", "становлять", "досяг", "наближа", "налічу", "склал", "склада", "превыш", "превыс", "достиг", "составля", "составил", "составит", "приближа"}

// measuredVerbBefore reports whether a verb that puts a figure after its
// unit ("put casualties at", "increase its personnel to") comes in the
// few words before the unit at token k, whose figure follows prep at v.
func (s *scan) measuredVerbBefore(k, v int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		w := s.lw(j)
		switch s.lw(v) {
		case "at":
			if putVerbs.has(w) || holdVerbs.has(w) {
				return true
			}
		default:
			if growVerbs.has(w) || riseVerbs.has(w) {
				return true
			}
		}
		if s.possessiveAt(j) {
			continue // "raised the army's personnel to"
		}
		if s.toks[j].kind == tPunct && !(s.key(j) == "-" && s.glued(j) && s.glued(j+1)) {
			return false // but "high-readiness" is one modifier
		}
	}
	return false
}

// militaryLosses reports whether the loss word at token k counts a
// force's losses: a state's adjective or a force's noun before it
// ("Russian casualties", "military losses"), and no civilians in its
// sentence.
// lossRateWords may stand between a force or state and its losses:
// "Russia's average daily casualties", "Russian daily losses".
var lossRateWords = setOf(lossRateWordsIndex, []string{"average", "daily", "weekly", "monthly", "total", "overall", "combined", "estimated"})

// lossRateStart returns where the casualty word at token k begins with
// the words of its rate before it ("Russia's average daily casualties":
// the token of "average"), or k. "Russia's total losses" may be tanks,
// so only words that count people harmed take them.
func (s *scan) lossRateStart(k int) int {
	if !personnelHarmWords.has(s.lw(k)) {
		return k
	}
	for n := 0; n < 2 && lossRateWords.has(s.lw(k-1)); n++ {
		k--
	}
	return k
}

// personnelHarmWords count people harmed, never things lost.
var personnelHarmWords = setOf(personnelHarmWordsIndex, []string{"casualties", "casualty", "deaths", "fatalities"})

func (s *scan) militaryLosses(k int) bool {
	if s.civiliansAround(k) {
		return false
	}
	k = s.lossRateStart(k)
	p := k - 1
	if codes, e := s.nationAt(p); e == k && len(codes) == 1 {
		return true
	}
	if s.possessiveAt(p) && s.nationBefore(k) != "" {
		return true // "Russia's casualties", "Ukraine's losses"
	}
	return militaryWords.has(s.lw(p)) || s.lw(p) == "troop" || s.lw(p) == "combat" || s.lw(p) == "battlefield" ||
		personnelLossWords.has(s.lw(p)) && (militaryWords.has(s.lw(p-1)) || s.nationBefore(p) != "")
}

// personnelLossWords before a loss word make it a count of people lost,
// not of equipment, when a force or a state comes before them: "Russian
// personnel losses", "the army's manpower losses".
var personnelLossWords = setOf(personnelLossWordsIndex, []string{"personnel", "manpower", "troop"})

// lastCasualty returns the last figure of soldiers lost, or nil.
func lastCasualty(found []defwatch.Troop) *defwatch.Troop {
	for k := len(found) - 1; k >= 0; k-- {
		if found[k].Category == defwatch.TroopCasualties {
			return &found[k]
		}
	}
	return nil
}

// countedBefore reports whether a number stands in the three tokens before
// token k, making it the count of the unit at k.
func (s *scan) countedBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if s.toks[j].kind == tNum {
			return true
		}
	}
	return false
}

// forceWords in a sentence make it one about a force, whose "men" are
// its soldiers: "mobilisation of 300,000 men", "the army lost 1,500 men".
var forceWords = setOf(forceWordsIndex, []string{
	"army", "armies", "military", "troops", "soldiers", "mobilisation", "mobilization",
	"mobilise", "mobilize", "mobilised", "mobilized", "conscription", "conscripted",
	"drafted", "reservists", "frontline", "front", "battlefield", "combat", "invasion",
	"offensive", "brigade", "brigades", "battalion", "battalions", "regiment",
	"division", "garrison", "forces", "artillery", "infantry",
})

// notForceWords in a sentence make its men someone else's: police,
// workers, hostages, a team.
var notForceWords = setOf(notForceWordsIndex, []string{
	"police", "policemen", "officers", "workers", "hostages", "gunmen", "team",
	"players", "prisoners", "inmates", "arrested", "detained", "suspects",
})

// forceSentence reports whether the sentence around token j is about a
// force: a force word in it and no civilians or other groups of men.
func (s *scan) forceSentence(j int) bool {
	from, to := s.sentenceAround(j, 30)
	force := false
	for k := from; k < to; k++ {
		w := s.lw(k)
		if civilianWords.has(w) || notForceWords.has(w) {
			return false
		}
		force = force || forceWords.has(w)
	}
	return force
}

// stateSwap reports whether the sentence around token j tells of states
// exchanging prisoners: a swap word and a state named in it, and no
// inmates, hostages or civilians.
func (s *scan) stateSwap(j int) bool {
	from, to := s.sentenceAround(j, 30)
	swap, state := false, false
	for k := from; k < to; k++ {
		w := s.lw(k)
		if civilianWords.has(w) || w == "hostages" || w == "inmates" || w == "political" {
			return false
		}
		swap = swap || swapWords.has(w) && w != "release" && w != "released" && w != "freed"
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			state = true
		}
	}
	return swap && state
}

// warCaptives reports whether the prisoners at token j are soldiers a
// side took in the war: a force or a state takes or captures them in
// the sentence ("Ukrainian forces took 300 prisoners"), or a state's
// address counts them ("Hundreds of prisoners who cannot understand why
// they were sent to Ukraine"). Prisoners of a jail, a court or a regime
// are not.
func (s *scan) warCaptives(j int) bool {
	from, to := s.sentenceAround(j, 30)
	capture, force := false, false
	for k := from; k < to; k++ {
		w := s.lw(k)
		if civilianWords.has(w) || jailWords.has(w) {
			return false
		}
		capture = capture || captureVerbs.has(w)
		if _, e := s.nationAt(k); e > k || militaryWords.has(w) || w == "troops" || w == "we" || troopEnemyWords.has(w) {
			force = true
		}
	}
	return capture && force || s.speakerState() != ""
}

var (
	// captureVerbs take prisoners in a war: "captured 500 prisoners".
	captureVerbs = setOf(captureVerbsIndex, []string{"captured", "capture", "captures", "capturing", "took", "taken", "take", "takes", "taking"})
	// jailWords make prisoners a jail's or a court's, not a war's.
	jailWords = setOf(jailWordsIndex, []string{
		"political", "hostages", "inmates", "jail", "jails", "prison", "prisons", "colony",
		"colonies", "convicts", "criminals", "police", "court", "sentenced", "amnesty",
	})
)

// rateAt reports whether the words from token i on make the count before
// them a rate: "losses of 1,200 a day", "1,000 per week", "500 daily".
func (s *scan) rateAt(i int) bool {
	switch s.lw(i) {
	case "daily", "weekly", "monthly":
		return true
	case "a", "per", "each", "every":
		switch s.lw(i + 1) {
		case "day", "week", "month", "year":
			return true
		}
	}
	return false
}

// beVerbs put a figure after its noun with "at": "casualties are at".
// measureAdverbs may stand between a be-verb and the size it gives.
var measureAdverbs = setOf(measureAdverbsIndex, []string{"now", "currently", "already", "still", "reportedly", "presently"})

var beVerbs = setOf(beVerbsIndex, []string{"is", "are", "was", "were", "remain", "remains", "remained"})

// bareApostropheAt reports whether token j is an apostrophe alone that
// makes a plural name possessive: "the Netherlands' troops", "the United
// States' forces".
func (s *scan) bareApostropheAt(j int) bool {
	k := s.key(j)
	return (k == "'" || k == "’") && s.glued(j) && !(s.lw(j+1) == "s" && s.glued(j+1)) && strings.HasSuffix(s.lw(j-1), "s")
}

// possessiveAt reports whether token j is part of a possessive ending:
// the apostrophe of "army's" or its "s".
func (s *scan) possessiveAt(j int) bool {
	switch s.key(j) {
	case "'", "’":
		return s.glued(j) && s.lw(j+1) == "s" && s.glued(j+1)
	}
	return s.lw(j) == "s" && s.glued(j) && (s.key(j-1) == "'" || s.key(j-1) == "’")
}

// lossesEnd returns the token after the words that say what losses a
// figure counts ("700,000 killed and wounded"), or k when none follow.
func (s *scan) lossesEnd(k int) int {
	e := k
	for j := k; j < len(s.toks) && j < k+5; j++ {
		switch s.lw(j) {
		case "killed", "wounded", "dead", "injured", "missing", "captured":
			e = j + 1
		case "and", "or":
		default:
			return e
		}
	}
	return e
}

// numberOf reports whether the unit at token k is what "the number of"
// or "the total of" before it counts, across a state's adjective and a
// few modifiers: "the number of American soldiers".
func (s *scan) numberOf(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if s.lw(j) == "of" {
			switch s.lw(j - 1) {
			case "number", "total", "size", "strength":
				return true
			}
			return false
		}
		if s.toks[j].kind == tPunct {
			return false
		}
	}
	return false
}

// harmCarried reads the second half of a casualty report that counts
// one harm and then another of the same people: "three soldiers were
// killed and 34 injured", "two soldiers died and at least 20 were
// wounded", "killed two soldiers and wounded five others", "троє
// військових загинули, ще п'ятеро поранені". The figure before must be a
// casualty count in the same sentence, and the count must be followed
// (or, after "and", preceded) by a harm word with no noun of its own in
// between: "and 12 civilians were wounded" counts other people. k is the
// token after the count; it returns the token after the count and its
// "others".
func (s *scan) harmCarried(i, k int, prev defwatch.Troop, ends, last int) (int, bool) {
	if prev.Category != defwatch.TroopCasualties || ends > 0 || i-last > 10 {
		return 0, false
	}
	b := i - 1
	if harmAgain.has(s.lower(b)) {
		b-- // "ще п'ятеро", "ещё пятеро"
	}
	if harmWords.has(s.lower(b)) && harmJoins.has(s.lower(b-1)) && b-1 >= last {
		// "killed two soldiers and wounded five others."
		e := k
		if harmOthers.has(s.lower(e)) {
			e++
		}
		if e < len(s.toks) && (clauseEnds(s.key(e)) || harmAfter.has(s.lower(e))) {
			return e, true
		}
		return 0, false
	}
	if !harmJoins.has(s.lower(b)) {
		return 0, false
	}
	e := k
	if harmOthers.has(s.lower(e)) {
		e++
	}
	h := e
	for n := 0; n < 3 && harmAux.has(s.lower(h)); n++ {
		h++
	}
	if !harmWords.has(s.lower(h)) && !s.captiveAt(h) && !s.woundsReceivedAt(h) {
		return 0, false
	}
	return e, true
}

// woundsReceivedAt reports whether token h starts a wounding said as
// wounds received: "ще 30 отримали поранення", "зазнали поранень", "еще 30
// получили ранения".
func (s *scan) woundsReceivedAt(h int) bool {
	return woundVerbs.has(s.lower(h)) && woundNouns.has(s.lower(h+1))
}

var (
	woundVerbs = setOf(woundVerbsIndex, []string{
		"отримали", "отримав", "отримала", "отримало", "зазнали", "зазнав", "зазнала",
		"получили", "получил", "получила", "получило",
	})
	woundNouns = setOf(woundNounsIndex, []string{
		"поранення", "поранень", "травми", "травм", "ранения", "ранений", "травмы",
	})
)

// captiveAt reports whether token h starts a taking captive said with a
// verb and "в/у полон" ("взято в полон", "потрапили в полон", "попали в
// плен") or in English "taken prisoner/captive".
func (s *scan) captiveAt(h int) bool {
	switch {
	case captiveVerbs.has(s.lower(h)):
		return captiveIn.has(s.lower(h+1)) && captiveNouns.has(s.lower(h+2))
	case s.lower(h) == "taken":
		w := s.lower(h + 1)
		return w == "prisoner" || w == "captive"
	}
	return false
}

// lower is token k's word in lower case, or its punctuation.
func (s *scan) lower(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	if s.toks[k].kind == tPunct {
		return s.key(k)
	}
	return strings.ToLower(s.word(k))
}

// forcePeople reports whether the people counted at token j are a
// force's own, which news and addresses call its people: the people of
// an enemy or an army ("thousands of their people were thrown into
// battle", "тисячі своїх убитих людей" where the sentence or the one
// before speaks of the enemy), or the people an enemy or an army lost
// ("the occupiers have lost almost 20,000 people", "окупанти втратили
// майже 20 тисяч людей"). A state that lost people may have lost them to
// anything; civilians in the sentence make them no soldiers.
func (s *scan) forcePeople(j int) bool {
	from, to := s.sentenceFrom(j, 40), s.sentenceTo(j, 30)
	for k := from; k < to; k++ {
		if k == j {
			continue
		}
		if civilianWords.has(s.lower(k)) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), intlCivilians) {
			return false
		}
	}
	own := s.speakerState()
	force := func(k int) bool {
		w := s.lower(k)
		if own != "" && s.capitalised(k) {
			// "Russia has already lost more than 15,000 people": in an
			// address, the state it fights loses soldiers.
			if codes, e := s.nationAt(k); e > k && len(codes) == 1 && codes[0] != own && !s.possessiveAt(e) {
				return true
			}
		}
		return troopEnemyWords.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, troopCyrEnemyStems) ||
			(militaryWords.has(w) || w == "russians" || w == "troops" || w == "soldiers") && !s.capitalised(k)
	}
	// The words before the count: its possessive, its verb.
	k := j - 1
	for k > from && (s.toks[k].kind == tNum || figureStarts.has(s.lower(k)) || peopleBefore.has(s.lower(k)) || s.lower(k) == "than" ||
		intlHedges.has(s.lower(k)) || s.toks[k].kind == tOther && (intlNumbers[s.lower(k)] > 0 || intlMultipliers[s.lower(k)] > 0 || intlVague[s.lower(k)] != [2]int64{})) {
		if troopItsWords.has(s.lower(k)) || stemFoldAny(s.lower(k), troopItsStems[:4]) {
			// "their people", "своїх людей": whose, in this sentence or
			// the one before.
			// The sentence must speak of battle or its toll: "thousands
			// of their people fled" are refugees.
			fight := false
			for n := from; n < to; n++ {
				w := s.lower(n)
				fight = fight || casualtyWords.has(w) || peopleBattleWords.has(w) ||
					s.toks[n].kind == tOther && (stemFoldAny(w, intlCasualtyStems) || stemFoldAny(w, peopleBattleStems))
			}
			if !fight {
				return false
			}
			b := from
			if b > 0 {
				b, _ = (&troopReader{s: s}).sentence(b - 1)
			}
			for n := b; n < k; n++ {
				if force(n) {
					return true
				}
			}
			return false
		}
		k--
	}
	if !peopleLossVerbs.has(s.lower(k)) && !(s.toks[k].kind == tOther && stemFoldAny(s.lower(k), peopleLossStems)) {
		return false
	}
	for n := max(from, k-4); n < k; n++ {
		if force(n) {
			return true
		}
	}
	return false
}

var (
	// peopleBefore may stand between a count and the people it counts:
	// "thousands of their own killed people".
	peopleBefore = setOf(peopleBeforeIndex, []string{
		"of", "their", "its", "own", "killed", "dead", "wounded", "убитих", "вбитих",
		"загиблих", "своїх", "своих", "убитых", "погибших", "ще", "ещё", "еще", "вже", "уже",
		"майже", "almost", "already",
	})
	// peopleBattleWords and peopleBattleStems put people in battle.
	peopleBattleWords = setOf(peopleBattleWordsIndex, []string{
		"battle", "battles", "assault", "assaults", "attack", "attacks", "front", "frontline",
		"fighting", "combat", "offensive", "storm", "storming",
	})
	peopleBattleStems = []string{"бій", "бою", "боях", "штурм", "фронт", "атак", "наступ", "бой"}
	// peopleLossVerbs and peopleLossStems lose a force's people.
	peopleLossVerbs = setOf(peopleLossVerbsIndex, []string{"lost", "lose", "loses", "losing"})
	peopleLossStems = []string{"втрати", "втрача", "потеря", "теря"}
)

// personnelLineAt reads the personnel line of a list of an enemy's
// combat losses, as general staffs publish them: "the total combat
// losses of the enemy amounted to: personnel – about 24,900 (+200)
// persons", "бойові втрати противника склали: особового складу –
// близько 24900 (+200) осіб". The count follows "personnel" (особового
// складу, личного состава) and a dash or colon, in a sentence that
// speaks of losses; the daily rise in brackets is part of the line.
func (s *scan) personnelLineAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	d := s.key(i - 1)
	if d != "–" && d != "—" && d != "-" && d != ":" {
		return t, 0, false
	}
	start := i - 2
	switch {
	case s.lower(start) == "personnel":
	case s.lower(start) == "складу" && s.lower(start-1) == "особового",
		s.lower(start) == "состава" && s.lower(start-1) == "личного":
		start--
	default:
		return t, 0, false
	}
	losses, owner := false, ""
	for k := start - 1; k >= 0 && start-k < 40 && (!endsSentence(s.key(k)) || s.numberDot(k)); k-- {
		w := s.lower(k)
		if w == "losses" || w == "втрати" || w == "втрат" || w == "потери" || w == "потерь" {
			losses = true
			if s.toks[k+1].kind == tOther {
				owner = troopOwner(s.word(k + 1)) // "втрати рф", "потери ВСУ"
			}
		}
	}
	if !losses {
		return t, 0, false
	}
	q, approx, ok := s.hedgedQuantityAt(i)
	if !ok || q.year || q.vague || !s.countEnds(q.end) {
		return t, 0, false
	}
	end := q.end
	if s.key(end) == "(" && s.key(end+1) == "+" && s.toks[min(end+2, len(s.toks)-1)].kind == tNum && s.key(end+3) == ")" {
		end += 4 // "(+200)": the day's rise
	}
	if w := s.lower(end); w == "people" || w == "persons" || w == "осіб" || w == "человек" {
		end++
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: approx || q.approx, Unit: "personnel", Nation: owner,
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[start].start:s.toks[end-1].end],
	}
	return t, end, true
}

// labelledCountAt reads a count set after its personnel noun and a colon,
// as a summary line gives it: "Russian troops: 190,000.", "Active
// personnel: 5,000". The count ends its line or sentence; a capacity
// ("Payload: 24 troops") has its noun after the count and is no label.
func (s *scan) labelledCountAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	if s.key(i-1) != ":" || i < 2 || s.toks[i-1].brk {
		return t, 0, false
	}
	k := i - 2
	unit, e, singular := s.unitWordAt(k)
	if e != i-1 || singular {
		return t, 0, false
	}
	q, approx, ok := s.hedgedQuantityAt(i)
	if !ok || q.year || q.vague || q.min < 10 || !s.countEnds(q.end) {
		return t, 0, false
	}
	if end := q.end; end < len(s.toks) && !s.toks[end].brk && !endsSentence(s.key(end)) && s.key(end) != "," && s.key(end) != ";" {
		return t, 0, false // "Troops: 190,000 in the east …" may count something else
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: approx || q.approx, Unit: unit, Nation: s.nationBefore(k),
		Category: s.category(k, q.end), Text: s.text[s.toks[k].start:s.toks[q.end-1].end],
	}
	return t, q.end, true
}

// sentenceFrom is the first token of the sentence token i stands in,
// looking back at most back tokens.
func (s *scan) sentenceFrom(i, back int) int {
	from := i
	for from > 0 && i-from < back && !endsSentence(s.key(from-1)) && !s.toks[from].brk {
		from--
	}
	return from
}

// sentenceAround is the sentence token j stands in, from its first token
// to the one after its end, reaching at most reach tokens each way and
// stopping at a paragraph break.
func (s *scan) sentenceAround(j, reach int) (from, to int) {
	from, to = s.sentenceFrom(j, reach), j
	for to < len(s.toks) && to-j < reach && !endsSentence(s.key(to)) && (to == j || !s.toks[to].brk) {
		to++
	}
	return from, to
}

// sentenceTo is the token after the end of the sentence token i stands
// in (or i itself when it ends one), looking ahead at most ahead tokens.
func (s *scan) sentenceTo(i, ahead int) int {
	to := i
	for to < len(s.toks) && to-i < ahead && !endsSentence(s.key(to)) {
		to++
	}
	return to
}

// hedgedQuantityAt reads the quantity at token i after any hedge ("about",
// "понад"), in English words or another language's, and whether the hedge
// makes it approximate.
func (s *scan) hedgedQuantityAt(i int) (quantity, bool, bool) {
	j, approx := s.hedgeAt(i)
	if j == i {
		j, approx = s.intlHedgeAt(i)
	}
	q, ok := s.quantityAt(j)
	if !ok {
		q, ok = s.intlQuantityAt(j)
	}
	return q, approx, ok
}

// intlLostAt reads a Ukrainian or Russian count of people a force lost,
// at token i, where the count names people rather than soldiers: "окупанти
// втратили 1240 осіб", "Росія втратила понад 500 людей", "противник
// потерял до 300 человек убитыми". The loser, right before the verb, is
// the enemy or a state; a loss of anyone else's people is no figure.
func (s *scan) intlLostAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	q, hedged, ok := s.intlPeopleCountAt(i)
	if !ok {
		return t, 0, false
	}
	w, end := s.iw(q.end)
	if w != "осіб" && w != "людей" && w != "человек" {
		if !s.bareCountEnds(q.end) {
			return t, 0, false
		}
		// "Ворог уже втратив 15 тисяч.": the count alone, with nothing
		// after it that it could count instead.
		w, end = s.word(i-1), q.end
	}
	v := i - 1
	if v >= 1 && intlAdverbs.has(s.word(v)) {
		v-- // "втратили вже 1300 осіб"
	}
	for n := 0; n < 3 && v >= 1 && s.toks[v].kind == tOther && (stemFoldAny(s.word(v), cyrHarmedBy) || n > 0 && cyrAnd(s.word(v))); n++ {
		v-- // "втратив убитими понад 500 осіб", "потерял убитыми и ранеными"
	}
	if v < 1 || s.toks[v].kind != tOther || !stemFoldAny(s.word(v), intlLostStems) {
		return t, 0, false
	}
	if d, e := s.iw(end); stemFoldAny(d, []string{"убит", "вбит", "поранен", "ранен", "загибл"}) {
		end = e // "300 человек убитыми и ранеными"
	}
	nation, enemy := "", false
	for k := v - 1; k >= 0 && k >= v-3 && !s.toks[k+1].brk && !endsSentence(s.key(k)); k-- {
		if s.toks[k].kind != tOther {
			continue
		}
		if stemFoldAny(s.word(k), troopCyrEnemyStems) {
			enemy = true
			break
		}
		if c := troopOwner(s.word(k)); c != "" && !stemEndsAny(s.word(k), troopCyrOblique) {
			nation = c
			break
		}
	}
	if nation == "" && !enemy {
		return t, 0, false
	}
	t = countTroop(s, i, end, q, hedged, w, nation, defwatch.TroopCasualties)
	return t, end, true
}

// intlLostStems are the Ukrainian and Russian verbs of losing people.
// intlAdverbs may stand between a verb and its count: "втратили вже
// 1300 осіб", "потеряли уже 500 человек".
var intlAdverbs = setOf(intlAdverbsIndex, []string{"вже", "уже", "ще", "лише", "тільки", "только", "еще", "ещё"})

var intlLostStems = []string{"втратил", "втратив", "втрачає", "втрачают", "втрачають", "потерял", "потеряв", "теряет", "теряют"}

// bareCountEnds reports whether a count that ends before token n counts
// nothing named after it: the clause ends there ("lost 15 thousand.") or
// a preposition or a time word follows ("lost 1,200 in a single day",
// "втратив 800 за добу").
func (s *scan) bareCountEnds(n int) bool {
	if n >= len(s.toks) || s.toks[n].brk {
		return true
	}
	if s.toks[n].kind == tPunct {
		k := s.key(n)
		return k != "%" && !((k == "-" || k == "–" || k == ":" || k == "/" || k == "." || k == ",") && s.glued(n) && n+1 < len(s.toks) && s.glued(n+1))
	}
	// lw and word, not lower: this runs at every count, and lower
	// allocates for a capitalised word.
	f := s.lw(n)
	if s.toks[n].kind == tOther {
		f = s.word(n)
	}
	if f == "in" {
		// "in the war", "in Bakhmut", "in battle", but not "in revenue".
		w := s.lw(n + 1)
		return determiners.has(w) || w == "a" || w == "an" || w == "this" || s.capitalised(n+1) || w == "battle" || w == "battles" ||
			w == "combat" || w == "fighting" || w == "action" || w == "war" || w == "one" || w == "just"
	}
	return bareCountFollowers.has(f)
}

// bareCountFollowers may follow a count that names nothing after it.
var bareCountFollowers = setOf(bareCountFollowersIndex, []string{
	"in", "since", "during", "over", "on", "near", "around", "at", "this", "last",
	"yesterday", "today", "per", "a", "each", "every", "overnight", "alone", "already",
	"so", "from", "for", "after", "following",
	"за", "з", "із", "від", "у", "в", "на", "під", "біля", "лише", "тільки", "вже",
	"с", "со", "от", "под", "около", "только", "уже",
})

// lostCountAt reads a bare count of what a state or a force lost, with
// no noun after it, at token i: "Russia has lost 15,000 in the war so
// far", "The enemy has already lost 15 thousand." A count of anything
// else names it ("lost 15 tanks") and is read, or dropped, elsewhere.
func (s *scan) lostCountAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	switch s.lw(i - 1) {
	case "lost", "lose", "loses", "losing":
	default:
		return t, 0, false
	}
	j, hedged := s.hedgeAt(i)
	q, ok := s.quantityAt(j)
	if !ok || q.year || q.min < 10 || !s.standalone(q.start) || !s.countEnds(q.end) || !s.bareCountEnds(q.end) {
		return t, 0, false // a bare count under ten is a score more often: "Russia lost 2 in the final"
	}
	if !s.stateLosses(i, q.end) {
		return t, 0, false
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: hedged || q.approx, Unit: "lost",
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[i-1].start:s.toks[q.end-1].end],
		// The loser is the state nearest before the verb: "Kyiv says
		// the Russian army lost 1,200".
		Nation: s.stateBeforeVerb(i - 1),
	}
	return t, q.end, true
}

// stateBeforeVerb returns the state named nearest before the verb at
// token v in its sentence, within a few words, or "": the one who lost or
// called up the count after the verb. An enemy word first ("the enemy
// lost") names no state.
func (s *scan) stateBeforeVerb(v int) string {
	for k := v - 1; k >= 0 && k >= v-7 && !s.toks[k+1].brk && !endsSentence(s.key(k)); k-- {
		if troopEnemyWords.has(s.lw(k)) {
			return ""
		}
		if codes, e := s.nationAt(k); e > k && e <= v {
			if len(codes) == 1 {
				return codes[0]
			}
			return ""
		}
	}
	return ""
}

// calledUpCountAt reads a bare count of the people a state called up,
// with no noun after it, at token i: "Russia has mobilised 300,000 since
// September", "Israel called up more than 360,000". The call-up makes
// them personnel (see peopleInForce); a count with a noun is read by
// troopAt.
func (s *scan) calledUpCountAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	j, hedged := s.hedgeAt(i)
	if !s.calledUpBefore(j) {
		return t, 0, false // most counts: no call-up before them
	}
	q, ok := s.quantityAt(j)
	if !ok || q.year || q.min < 10 || !s.standalone(q.start) || !s.countEnds(q.end) || !s.bareCountEnds(q.end) {
		return t, 0, false // under ten is a few people named, no force
	}
	v := i - 1
	if s.lw(v) == "up" {
		v-- // "called up"
	}
	if !callUpVerbs.has(s.lw(v)) && !strings.HasPrefix(s.lw(v), "call") {
		return t, 0, false // "mobilise up to 300,000": the hedge is read, the verb must stand right before it
	}
	owner := s.stateBeforeVerb(v)
	if owner == "" {
		return t, 0, false // "the club drafted 12": only a state calls up a force
	}
	unit := s.lw(v)
	if v < i-1 {
		unit += " up"
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: hedged || q.approx, Unit: unit, Nation: owner,
		Category: defwatch.TroopOther, Text: s.text[s.toks[v].start:s.toks[q.end-1].end],
	}
	return t, q.end, true
}

// enemyPeopleAt reads a count of the enemy's people killed in an address
// that speaks for a state at war, at token i: "Almost nine thousand
// Russians were killed", "almost six thousand Russians died". The people
// are named by their state ("Russians") and that state is not the
// speaker's; a state's address counts its enemy's dead as soldiers, its
// own as the victims they often are, so only the enemy's count.
func (s *scan) enemyPeopleAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	own := s.speakerState()
	if own == "" {
		return t, 0, false
	}
	if s.toks[i].kind == tOther || s.toks[i].kind == tNum && s.toks[min(i+1, len(s.toks)-1)].kind == tOther {
		return s.cyrEnemyPeopleAt(i, own)
	}
	j, approx := s.hedgeAt(i)
	q, ok := s.quantityAt(j)
	if !ok || q.year || q.min < 2 || !s.standalone(q.start) {
		return t, 0, false
	}
	k := q.end
	if q.vague && s.lw(k) == "of" {
		k++ // "thousands of Russians"
	}
	codes, e := s.nationAt(k)
	if e != k+1 || len(codes) != 1 || codes[0] == own || !peopleDemonym(s.word(k)) {
		return t, 0, false
	}
	w, n := s.lw(e), 1
	if w == "were" || w == "have" || w == "had" || w == "has" {
		w, n = s.lw(e+1), 2
		if w == "been" {
			w, n = s.lw(e+2), 3
		}
	}
	if !lostWords.has(w) && w != "died" && w != "die" && w != "dies" && w != "dying" || w == "missing" || w == "dead" || s.civiliansAround(i) || s.askedAt(i) {
		return t, 0, false
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: approx || q.approx, Unit: s.lw(k), Nation: codes[0],
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[i].start:s.toks[k].end],
	}
	return t, e + n, true
}

// peopleDemonym reports whether w names a state's people in the plural,
// "Russians", not the adjective "Russian" or the state itself.
func peopleDemonym(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "is")) && w[0] >= 'A' && w[0] <= 'Z'
}

// intlPeopleCountAt reads a Ukrainian or Russian count of two or more at
// token i, after a hedge if one is there ("понад 500", "майже шість
// тисяч"), and says whether it was hedged.
func (s *scan) intlPeopleCountAt(i int) (quantity, bool, bool) {
	j, hedged := s.intlHedgeAt(i)
	if !hedged {
		j = i
	}
	q, ok := s.intlQuantityAt(j)
	return q, hedged, ok && (!q.year || hedged) && q.min >= 2 // "около 2000 человек": a hedge makes it a count
}

// cyrEnemyPeopleAt reads the Ukrainian or Russian form of enemyPeopleAt:
// "майже шість тисяч загиблих росіян", "понад 500 росіян загинули".
func (s *scan) cyrEnemyPeopleAt(i int, own string) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	q, hedged, ok := s.intlPeopleCountAt(i)
	if !ok {
		return t, 0, false
	}
	k, harmed := q.end, false
	if w, e := s.iw(k); stemFoldAny(w, cyrHarmStems) {
		k, harmed = e, true // "загиблих росіян"
	}
	w, e := s.iw(k)
	c := troopOwner(w)
	if c == "" || c == own || !strings.HasSuffix(w, "ян") {
		return t, 0, false
	}
	end := e
	if v, ve := s.iw(e); !harmed && stemFoldAny(v, cyrHarmStems) {
		end, harmed = ve, true // "росіян загинули"
	}
	if !harmed || s.civiliansAround(i) || s.askedAt(i) {
		return t, 0, false
	}
	for k := s.sentenceFrom(i, 30); k < s.sentenceTo(end, 30); k++ {
		if s.toks[k].kind == tOther && stemFoldAny(s.word(k), cyrCivilianStems) {
			return t, 0, false // "загиблих росіян" among the dead of a strike
		}
	}
	t = countTroop(s, i, e, q, hedged, w, c, defwatch.TroopCasualties)
	return t, end, true
}

// cyrCalledUpAt reads a Ukrainian or Russian count of a people called up
// into a force, at token i: "понад 300 тисяч росіян мобілізовано",
// "Росія мобілізувала 300 тисяч росіян", "призвали 150 тысяч россиян".
// Like "60,000 Russians have been mobilised", the call-up makes the people
// personnel and names their state; counted for anything else ("500 тисяч
// українців депортовані") a people is no figure.
func (s *scan) cyrCalledUpAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	q, hedged, ok := s.intlPeopleCountAt(i)
	if !ok || q.min < 10 {
		return t, 0, false
	}
	w, e := s.iw(q.end)
	if stemFoldAny(w, cyrVolunteerStems) {
		return s.cyrVolunteersAt(i, q, hedged, w, e)
	}
	c := troopOwner(w)
	if c == "" || !cyrPeopleNoun(w) {
		return t, 0, false
	}
	called := false
	for k, n := e, 0; k < len(s.toks) && n < 3 && !s.toks[k].brk && !clauseEnds(s.key(k)); n++ {
		v, ve := s.iw(k)
		if stemFoldAny(v, cyrCallUpStems) {
			called = true
			break
		}
		k = ve
	}
	for k := i - 1; !called && k >= 0 && k >= i-3 && !s.toks[k+1].brk && !clauseEnds(s.key(k)); k-- {
		called = s.toks[k].kind == tOther && stemFoldAny(s.word(k), cyrCallUpStems)
	}
	if !called || s.askedAt(i) {
		return t, 0, false
	}
	t = countTroop(s, i, e, q, hedged, w, c, defwatch.TroopOther)
	return t, e, true
}

// cyrVolunteersAt reads volunteers counted where their sentence puts
// them in a force, as English "20,000 volunteers have joined the army"
// is read: "до лав Сил оборони долучилися понад 25 тисяч добровольців",
// "Тисячі добровольців їдуть в Україну, аби воювати". Volunteers who
// help, cook or clear rubble are no figure. The owner is the state whose
// force the sentence names ("Сил оборони України", "ЗСУ"); foreigners
// who come to fight are no state's.
func (s *scan) cyrVolunteersAt(i int, q quantity, hedged bool, w string, e int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	force, nation := false, ""
	for k := s.sentenceFrom(i, 30); k < s.sentenceTo(e, 30); k++ {
		if s.toks[k].kind != tOther {
			continue
		}
		v := s.word(k)
		force = force || stemFoldAny(v, cyrJoinForceStems)
		if p := strings.ToLower(s.word(k - 1)); cyrForceNouns.has(p) || p == "оборони" || p == "обороны" {
			if c := troopOwner(v); c != "" {
				nation = c // "Сил оборони України", "армії України"
			}
		}
		if lv := strings.ToLower(v); lv == "зсу" || lv == "всу" {
			nation = "UA"
		}
	}
	if !force || s.askedAt(i) {
		return t, 0, false
	}
	t = countTroop(s, i, e, q, hedged, w, nation, defwatch.TroopOther)
	return t, e, true
}

// cyrVolunteerStems are volunteers in Ukrainian and Russian.
var cyrVolunteerStems = []string{"добровольц", "добровольч", "доброволец", "добровольця"}

// cyrJoinForceStems put volunteers in a force: they join its ranks
// ("лав", "долучилися", "вступили") or come to fight ("воювати").
var cyrJoinForceStems = []string{"лав", "долучил", "долучают", "долучаю", "вступил", "вступа", "воюв", "воюют", "воюють", "воева", "легіон", "легион", "зсу", "всу"}

// cyrForceNouns are the forces a state's name follows in the genitive:
// "Сил оборони України", "армії України".
var cyrForceNouns = setOf(cyrForceNounsIndex, []string{"сил", "армії", "армии", "силах", "лави"})

// cyrPeopleNoun reports whether w is a people's name in the genitive
// plural ("росіян", "россиян", "українців", "украинцев"), not a state's
// adjective ("російських").
func cyrPeopleNoun(w string) bool {
	return strings.HasSuffix(w, "ян") || strings.HasSuffix(w, "ців") || strings.HasSuffix(w, "цев")
}

// cyrCallUpStems call people up into a force: "мобілізовано",
// "мобилизовали", "призвали".
var cyrCallUpStems = []string{"мобілізов", "мобілізув", "мобилизов", "призва", "призван"}

// cyrHarmedBy are the instrumental plurals a loss verb takes for how
// its losses fell: "втратив убитими", "потерял ранеными".
var cyrHarmedBy = []string{"убитими", "вбитими", "пораненими", "загиблими", "убитыми", "ранеными", "погибшими"}

// cyrAnd reports whether w is the Ukrainian or Russian "and".
func cyrAnd(w string) bool { return w == "і" || w == "й" || w == "та" || w == "и" }

// cyrHarmStems say people were killed or wounded: "загиблих", "вбито".
var cyrHarmStems = []string{"загибл", "загину", "вбит", "убит", "поранен", "ранен", "погиб"}

// cyrCivilianStems name civilians: "цивільних", "мирних", "дітей".
var cyrCivilianStems = []string{"цивільн", "мирн", "діт", "дет", "жител", "мешкан", "гражданск"}

// askedAt reports whether the sentence holding token i is a question: a
// count asked about ("Десятки или всё-таки сотни тысяч погибших россиян?")
// is no count given.
func (s *scan) askedAt(i int) bool {
	for k := i; k < len(s.toks) && k < i+40 && !s.toks[k].brk; k++ {
		if endsSentence(s.key(k)) {
			return s.key(k) == "?"
		}
	}
	return false
}

// inTheirAt reads a vague size said after its noun with "by the" or "in
// their", at the size at token i: "Russian soldiers are dying by the
// thousands", "troops in their thousands massed at the border", "the
// enemy off the battlefield by the thousands". The noun stands a few
// words before, in the same clause.
func (s *scan) inTheirAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	if p := s.lw(i - 1); (p != "the" && p != "their") || (s.lw(i-2) != "by" && s.lw(i-2) != "in") {
		return t, 0, false
	}
	q, ok := s.vagueAt(i)
	if !ok || !q.vague {
		return t, 0, false
	}
	if s.lw(q.end) == "of" {
		return t, 0, false // "in the thousands of homes": the noun follows
	}
	for k := i - 3; k >= 0 && k >= i-9; k-- {
		if s.toks[k+1].brk || clauseEnds(s.key(k)) {
			break
		}
		unit, e, singular := s.unitWordAt(k)
		enemy := troopEnemyWords.has(s.lw(k)) && s.lw(k) != "enemy's"
		if (e == k || singular) && !enemy {
			continue
		}
		if enemy {
			unit, e = s.lw(k), k+1
		}
		t = defwatch.Troop{
			Min: q.min, Max: q.max, Approx: true, Unit: unit, Nation: s.nationBefore(k),
			Category: s.category(k, q.end), Text: s.text[s.toks[k].start:s.toks[q.end-1].end],
		}
		if enemy {
			t.Category = defwatch.TroopCasualties // an enemy counted off by the thousands is its losses
		}
		return t, q.end, true
	}
	return t, 0, false
}

// countTroop makes the figure of count q read at tokens [i, end), its
// unit the word w: the Ukrainian, Russian and German readings of a people
// or a side counted by a word of their own.
func countTroop(s *scan, i, end int, q quantity, hedged bool, w, nation, category string) defwatch.Troop {
	return defwatch.Troop{
		Min: q.min, Max: q.max, Approx: hedged || q.approx, Unit: w, Nation: nation,
		Category: category, Text: s.text[s.toks[i].start:s.toks[end-1].end],
	}
}
