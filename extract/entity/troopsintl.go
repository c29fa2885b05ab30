package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
)

// German and Cyrillic troop figures. They share the English shape (hedge,
// count, modifiers, unit) but not its words, and their nouns and numbers
// change with case, so they are read from their own lists
// (troopwords_intl.go) after the English reading has failed. Keeping the
// languages apart matters: German "die" and "an" would otherwise read as
// English casualty and hedge words.

// troopIntlAt reads a German or Cyrillic troop figure starting at token i
// and returns it with the token after it.
func (s *scan) troopIntlAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	j, approx := s.intlHedgeAt(i)
	between := false
	if w, e := s.iw(j); w == "zwischen" || w == "від" || w == "от" || w == "entre" || w == "між" || w == "между" || w == "de" {
		between, j = true, e
	}
	q, ok := s.intlQuantityAt(j)
	if !ok || !s.standalone(q.start) {
		return t, 0, false
	}
	if r, ok := s.intlRangeAfter(q, between); ok {
		q = r
	} else if between {
		return t, 0, false
	}
	if !s.countEnds(q.end) || s.dateAt(q.end) {
		return t, 0, false
	}
	u, ok := s.intlUnitAfter(q.end, q)
	if !ok && q.max > 1 {
		// "Десятки тисяч добровольців, резервістів, бійців територіальної
		// оборони", "Tausende Freiwillige und Soldaten": a list of kinds
		// of people, one of them soldiers, counted together.
		u, ok = s.intlListedUnitAt(q.end)
	}
	if !ok || s.mixedWithCivilians(u.end) {
		return t, 0, false
	}
	if q.year && u.mods > 0 && j == i {
		// "2014 russische Soldaten" may follow a year; a hedged number
		// is a count ("Mehr als 2000 ukrainische Soldaten").
		return t, 0, false
	}
	w, _ := s.iw(q.start)
	one := q.min == 1 && q.max == 1 && intlOneWords.has(w)
	if one && !u.singular {
		return t, 0, false // "eine Truppe", "один із бійців"
	}
	if u.unit == "mann" && q.min < 10 {
		return t, 0, false // "ein Mann" is a man; "5.000 Mann" a force
	}
	if u.nation == "" {
		u.nation = s.intlOwnerAfter(u.end)
	}
	if u.nation == "" {
		u.nation = troopOwner(u.unit) // "нацгвардійці" are Ukraine's National Guard
	}
	if u.nation == "" && stemFoldAny(u.unit, intlOccupierStems) && s.namesRussia() {
		u.nation = "RU"
	}
	cat := s.intlCategory(i, u.end)
	if one && cat == defwatch.TroopStrength {
		// German and Ukrainian have no article apart from "one": "ein
		// Soldat sagte" is a soldier, not a figure, unless something
		// happened to him.
		return t, 0, false
	}
	t = defwatch.Troop{
		Min:      q.min,
		Max:      q.max,
		Approx:   approx || q.approx,
		Unit:     u.unit,
		Nation:   u.nation,
		Category: cat,
		Text:     s.text[s.toks[i].start:s.toks[u.end-1].end],
	}
	return t, u.end, true
}

// dateAt reports whether a month's name, after any ordinal dot, stands at
// token k, making the number before it a day: "24 лютого", "3. Mai".
func (s *scan) dateAt(k int) bool {
	if s.key(k) == "." && s.glued(k) {
		k++
	}
	w, _ := s.iw(k)
	return intlMonths.has(w)
}

// mixedWithCivilians reports whether the unit ending before token e is
// joined to civilians ("захисників та мирних громадян", "soldiers and
// civilians"): a group the figure does not count as troops alone.
func (s *scan) mixedWithCivilians(e int) bool {
	if d := s.key(e); (d == "–" || d == "—" || d == "-") && !s.glued(e) {
		// "137 наших героїв – наших громадян": the heroes are citizens.
		for k := e + 1; k < min(len(s.toks), e+3); k++ {
			if s.anyWord(k) && (stemFoldAny(s.word(k), intlCivilians) || s.lw(k) == "civilians" || s.lw(k) == "citizens") {
				return true
			}
		}
	}
	w, k := s.iw(e)
	if !intlAnd.has(w) && s.lw(e) != "and" {
		return false
	}
	if s.lw(e) == "and" {
		k = e + 1
	}
	if !s.anyWord(k) {
		return false
	}
	c := s.word(k)
	return stemFoldAny(c, intlCivilians) || s.lw(k) == "civilians" || s.lw(k) == "civilian"
}

// intlListedUnitAt reads a German, Ukrainian or Russian list of kinds of
// people from token k, items joined by commas or "і/та/und", and returns
// the last unit of military personnel in it with the token after the
// list's last item. Each item is one or two words; a civilian in the list
// makes the group no force, and so does a list without a unit.
func (s *scan) intlListedUnitAt(k int) (unitMatch, bool) {
	var best unitMatch
	found := false
	for j, items := k, 0; j < len(s.toks) && j < k+16 && items < 6; items++ {
		if j > k && s.toks[j].brk || !s.anyWord(j) {
			break
		}
		if stemFoldAny(s.word(j), intlCivilians) || stemFoldAny(s.word(j), intlListCivilians) {
			return unitMatch{}, false
		}
		if u, ok := s.intlUnitAfter(j, quantity{min: 2, max: 2}); ok && !u.singular {
			best, found = u, true
			j = u.end
		} else {
			j++
			if s.anyWord(j) && !intlAnd.has(s.lower(j)) {
				j++ // a two-word item: "добровольчих формувань"
			}
		}
		if s.key(j) != "," && !intlAnd.has(s.lower(j)) {
			break
		}
		j++
		if intlAnd.has(s.lower(j)) {
			j++
		}
	}
	return best, found
}

// anyWord reports whether token i is a word in any script.
func (s *scan) anyWord(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	switch s.toks[i].kind {
	case tWord:
		return true
	case tOther:
		return startsLetter(s.word(i))
	}
	return false
}

// iw reads the word at token i for the German and Cyrillic lists: its
// listed form when it is one, else the word as written, with the token
// after it. A Ukrainian word the tokenizer split at its apostrophe
// ("п'ять") is read whole. It returns "" and i where no word starts.
func (s *scan) iw(i int) (string, int) {
	if !s.anyWord(i) {
		return "", i
	}
	v := intlVocab()
	if i+2 < len(s.toks) && s.toks[i+1].kind == tPunct && s.key(i+1) == "'" && s.glued(i+1) && s.glued(i+2) && s.anyWord(i+2) {
		if w, ok := v.get(s.text[s.toks[i].start:s.toks[i+2].end]); ok {
			return w, i + 3
		}
	}
	w := s.word(i)
	if l, ok := v.get(w); ok {
		return l, i + 1
	}
	return w, i + 1
}

// mayStartIntl reports whether a German or Cyrillic figure could start at
// token i.
func (s *scan) mayStartIntl(i int) bool {
	w := s.word(i)
	if intlStartForms().has(w) {
		return true
	}
	if i+2 < len(s.toks) && s.toks[i+1].kind == tPunct && s.glued(i+1) && s.key(i+1) == "'" {
		return intlStartForms().has(s.text[s.toks[i].start:s.toks[i+2].end]) // "п'ять"
	}
	return s.toks[i].kind == tWord && len(w) > 6 && germanNumber(w) > 0
}

// stemFold reports whether w begins with stem, whatever the case of w.
func stemFold(w, stem string) bool {
	for _, sr := range stem {
		if w == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(w)
		if r != sr && unicode.ToLower(r) != sr {
			return false
		}
		w = w[n:]
	}
	return true
}

func stemFoldAny(w string, stems []string) bool {
	for _, st := range stems {
		if stemFold(w, st) {
			return true
		}
	}
	return false
}

// intlHedgeAt reads a German or Cyrillic hedge ("rund", "mehr als", "не
// менше ніж") and returns the token after it; without one it returns i.
func (s *scan) intlHedgeAt(i int) (int, bool) {
	w, e := s.iw(i)
	if w == "" {
		return i, false
	}
	if rest, ok := intlHedgePairs[w]; ok {
		w2, e2 := s.iw(e)
		for _, r := range rest {
			if w2 == r {
				if w3, e3 := s.iw(e2); w3 == "ніж" || w3 == "як" {
					return e3, true // "не менше ніж"
				}
				return e2, true
			}
		}
	}
	if intlHedges.has(w) {
		if w == "ca" && s.key(e) == "." && s.glued(e) {
			e++
		}
		return e, true
	}
	return i, false
}

// intlQuantityAt reads a count starting at token i: digits with any
// multiplier ("5.000", "27 тисяч", "1,5 млн"), a vague size ("tausende",
// "десятки тисяч", "mehrere hundert") or number words ("zwei",
// "двадцять п'ять тисяч", "zweihundert").
func (s *scan) intlQuantityAt(i int) (quantity, bool) {
	if i >= len(s.toks) {
		return quantity{}, false
	}
	if s.toks[i].kind == tNum {
		return s.intlDigitsAt(i)
	}
	w, e := s.iw(i)
	if w == "" {
		return quantity{}, false
	}
	if h, ok := intlHalves[w]; ok {
		// "півтори тисячі" is 1,500, "пів мільйона" 500,000: not the
		// vague "тисячі" after it.
		w2, e2 := s.iw(e)
		if m := intlMultipliers[w2]; m >= 1000 {
			return quantity{min: h * m / 2, max: h * m / 2, start: i, end: e2, mult: m}, true
		}
		return quantity{}, false
	}
	several := intlSeveral.has(w)
	if w == "ein" {
		if w2, e2 := s.iw(e); w2 == "paar" {
			several, e = true, e2
		}
	}
	if several {
		w2, e2 := s.iw(e)
		var m int64
		switch w2 {
		case "hundert", "сотень", "сотні", "сотен", "сотни":
			m = 100
		case "dutzend", "десятків", "десятки", "десятков":
			m = 12
		default:
			m = intlMultipliers[w2]
		}
		if m > 0 {
			lo, hi := severalBounds(m)
			return quantity{min: lo, max: hi, approx: true, start: i, end: e2, vague: true, mult: m}, true
		}
		return quantity{}, false
	}
	if v, ok := intlVague[w]; ok {
		switch w {
		case "dizaines", "centaines":
			// "des dizaines de milliers", "des centaines de milliers"
			if w2, e2 := s.iw(e); w2 == "de" {
				if w3, e3 := s.iw(e2); w3 == "milliers" {
					if v[0] < 100 {
						return quantity{min: 1e4, max: 99999, approx: true, start: i, end: e3, vague: true}, true
					}
					return quantity{min: 1e5, max: 999999, approx: true, start: i, end: e3, vague: true}, true
				}
			}
		case "milliers":
			if p, _ := s.iw(i - 2); s.word(i-1) == "de" && (p == "dizaines" || p == "centaines") {
				return quantity{}, false // read with the size before it
			}
		case "десятки", "десятків", "десятков", "сотні", "сотень", "сотни":
			// "десятки тисяч", "сотні тисяч"
			if w2, e2 := s.iw(e); intlMultipliers[w2] > 1 {
				big := intlMultipliers[w2]
				if v[0] < 100 {
					return quantity{min: big * 10, max: big*100 - 1, approx: true, start: i, end: e2, vague: true}, true
				}
				return quantity{min: big * 100, max: big*1000 - 1, approx: true, start: i, end: e2, vague: true}, true
			}
		}
		return quantity{min: v[0], max: v[1], approx: true, start: i, end: e, vague: true}, true
	}
	return s.intlWordsAt(i)
}

// intlDigitsAt reads a written number and any multiplier after it, with a
// decimal comma before a multiplier ("1,5 млн", "2,5 Millionen").
func (s *scan) intlDigitsAt(i int) (quantity, bool) {
	lit, ok := parseDigits(s.word(i))
	if !ok {
		return quantity{}, false
	}
	end := i + 1
	value := float64(lit.whole)
	if lit.dot && !lit.dotGroups {
		value = lit.decimal
	}
	if lit.plain && s.key(end) == "," && s.glued(end) && end+1 < len(s.toks) && s.toks[end+1].kind == tNum && s.glued(end+1) {
		frac := s.word(end + 1)
		if len(frac) <= 2 {
			if m, _ := s.intlMultiplierAt(end + 2); m > 0 {
				f, _ := parseDigits(frac)
				if len(frac) == 1 {
					value += float64(f.whole) / 10
				} else {
					value += float64(f.whole) / 100
				}
				end += 2
			}
		}
	}
	if m, e := s.intlMultiplierAt(end); m > 0 {
		v := value * float64(m)
		if v >= maxCount || v < 1 {
			return quantity{}, false
		}
		n := int64(v + 0.5)
		if e < len(s.toks) && s.toks[e].kind == tNum && !s.toks[e].brk {
			// "9 тисяч 781 захисник": the rest of the number after its thousands
			if rest, ok := parseDigits(s.word(e)); ok && rest.plain && rest.whole < m && value == float64(int64(value)) {
				n += rest.whole
				e++
			}
		}
		return quantity{min: n, max: n, start: i, end: e, mult: m}, true
	}
	if end != i+1 || lit.dot && !lit.dotGroups || lit.whole < 1 {
		return quantity{}, false
	}
	q := quantity{min: lit.whole, max: lit.whole, start: i, end: end}
	q.year = lit.plain && len(s.word(i)) == 4 && q.min >= 1800 && q.min <= 2100
	return q, true
}

// intlMultiplierAt reads "тисяч", "Millionen" or an abbreviation with its
// dot ("тис.", "Mio."), and returns its value and the token after it.
func (s *scan) intlMultiplierAt(k int) (int64, int) {
	w, e := s.iw(k)
	m := intlMultipliers[w]
	if m == 0 {
		return 0, k
	}
	if (w == "тис" || w == "тыс" || w == "mio" || w == "tsd" || w == "млн") && s.key(e) == "." && s.glued(e) {
		// "30 тис. військових", "1,5 Mio. Soldaten"; but a capital after
		// the dot may open the next sentence, unless it is a German
		// personnel noun.
		if u, _, _ := s.intlUnitAt(e + 1); !s.capitalAt(e+1) || u != "" {
			e++
		}
	}
	return m, e
}

// capitalAt reports whether token i is a word that starts with a capital, in
// any script.
func (s *scan) capitalAt(i int) bool {
	if !s.anyWord(i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.word(i))
	return unicode.IsUpper(r)
}

// intlWordsAt reads a number in words: a run of number words, each smaller
// than the one before, with multipliers ("двадцять п'ять тисяч", "eine
// Million", "тисяча").
func (s *scan) intlWordsAt(i int) (quantity, bool) {
	var total, cur, mult int64
	last, lastMult := int64(maxCount), int64(maxCount)
	half := false // "чотири з половиною тисячі"
	j := i
	for j < len(s.toks) {
		w, e := s.iw(j)
		if w == "" {
			break
		}
		v, ok := intlNumbers[w]
		if !ok && s.toks[j].kind == tWord && len(w) > 6 {
			v = germanNumber(w)
			ok = v > 0
		}
		if ok {
			if v >= last {
				break
			}
			cur, last, mult = cur+v, v, 0
			j = e
			if w2, e2 := s.iw(j); (w2 == "з" || w2 == "із") && v < 10 {
				if w3, e3 := s.iw(e2); w3 == "половиною" {
					half, j = true, e3
				}
			}
			continue
		}
		if m, me := s.intlMultiplierAt(j); m > 0 && m < lastMult && cur < m {
			if cur == 0 {
				if j > i || w == "tsd" || w == "mio" || w == "тис" || w == "тыс" || w == "млн" {
					// "Tsd. Soldaten" with no number before it counts none:
					// the number is lost, not one.
					break
				}
				cur = 1 // "тисяча солдатів"
			}
			total += cur * m
			if half {
				total, half = total+m/2, false
			}
			cur, mult = 0, m
			last, lastMult = m, m
			j = me
			continue
		}
		break
	}
	v := total + cur
	if j == i || v <= 0 {
		return quantity{}, false
	}
	return quantity{min: v, max: v, start: i, end: j, mult: mult}, true
}

// germanNumber reads a German number written as one word ("zweihundert",
// "fünfundzwanzig", "dreitausend"), or returns 0.
func germanNumber(w string) int64 {
	if !strings.Contains(w, "hundert") && !strings.Contains(w, "tausend") && !strings.HasSuffix(w, "zig") && !strings.HasSuffix(w, "ßig") {
		return 0
	}
	return parseGerman(strings.ToLower(w))
}

func parseGerman(w string) int64 {
	for _, part := range [...]struct {
		word string
		val  int64
	}{{"tausend", 1000}, {"hundert", 100}} {
		k := strings.Index(w, part.word)
		if k < 0 {
			continue
		}
		hi, lo := int64(1), int64(0)
		if k > 0 {
			if hi = parseGerman(w[:k]); hi == 0 {
				return 0
			}
		}
		if rest := w[k+len(part.word):]; rest != "" {
			if lo = parseGerman(rest); lo == 0 || lo >= part.val {
				return 0
			}
		}
		return hi*part.val + lo
	}
	if k := strings.Index(w, "und"); k > 0 {
		unit, tens := germanSmall(w[:k]), germanSmall(w[k+3:])
		if unit > 0 && unit < 10 && tens >= 20 && tens%10 == 0 && tens < 100 {
			return unit + tens
		}
		return 0
	}
	return germanSmall(w)
}

func germanSmall(w string) int64 {
	if w == "eins" {
		return 1
	}
	if v, ok := intlNumbers[w]; ok && w[0] < utf8.RuneSelf {
		return v
	}
	return 0
}

// intlRangeAfter reads the second half of a range: "3.000 bis 5.000",
// "zwischen 3.000 und 5.000", "від 10 до 15 тисяч", "10-15 тисяч".
func (s *scan) intlRangeAfter(q quantity, between bool) (quantity, bool) {
	k := q.end
	var next int
	switch w, e := s.iw(k); {
	case s.key(k) == "-" || s.key(k) == "–" || s.key(k) == "—":
		next = k + 1
	case w == "bis" || w == "до" || w == "або" || w == "oder" || w == "чи" || w == "или":
		next = e
	case between && (w == "und" || w == "і" || w == "и" || w == "та" || w == "et" || w == "à"):
		// "zwischen 10.000 und 12.000", "між 10 і 12 тисячами", "de
		// 10 000 à 12 000".
		next = e
	default:
		return q, false
	}
	q2, ok := s.intlQuantityAt(next)
	if !ok || q.vague != q2.vague {
		return q, false
	}
	lo := q.min
	if q.mult == 0 && q2.mult > 1 && !q.vague && float64(lo)*float64(q2.mult) <= float64(q2.max) {
		lo *= q2.mult
	}
	if q.mult == 0 && q2.mult == 0 && !q.vague && lo < 1000 && q2.max >= 1000 && lo*1000 <= q2.max && 2*lo*1000 > q2.max && s.thousandsUnsaid(k) {
		lo *= 1000 // "zwischen 30 und 35.000": the first half's thousands go unsaid
	}
	if !q.vague && (lo > q2.max || q2.max > 20*lo) {
		return q, false
	}
	return quantity{min: lo, max: q2.max, approx: true, start: q.start, end: q2.end, mult: q2.mult, vague: q2.vague}, true
}

// intlUnitAfter reads the modifiers and unit after a count that ends before
// token k: "Soldaten", "russische Soldaten", "PKK-Kämpfer", "наших воїнів",
// "українських і британських військових".
func (s *scan) intlUnitAfter(k int, q quantity) (unitMatch, bool) {
	var u unitMatch
	if w, e := s.iw(k); intlDeterminers.has(w) {
		k = e // "Tausende von Soldaten", "1.000 ihrer Soldaten"
	}
	for j := k; j < len(s.toks); {
		if j > k && s.toks[j].brk {
			return u, false
		}
		if unit, e, singular := s.intlUnitAt(j); e > j {
			u.unit, u.end, u.singular = unit, e, singular
			return u, true
		}
		if u.mods >= 3 {
			return u, false
		}
		if codes, e := s.nationAt(j); e > j {
			u.addNation(codes)
			u.mods++
			j = e
			if s.key(j) == "-" && s.glued(j) && s.glued(j+1) {
				j++ // "US-Soldaten"
			}
			continue
		}
		if c := s.quotedUntil(j); c > j {
			u.mods++ // "тисячі «миротворців»"
			j = c + 1
			continue
		}
		w, e := s.iw(j)
		switch {
		case w == "":
			return u, false
		case w == "же" && j > k:
			// "своих же солдат": an emphasis, no modifier
		case intlAnd.has(w) && u.mods > 0:
		case s.capitalised(j) && s.key(e) == "-" && s.glued(e) && s.glued(e+1):
			u.mods++ // the first half of a compound: "PKK-Kämpfer"
			e++
		case intlModifier(w):
			u.mods++
			if c := troopOwner(w); c != "" {
				u.addNation([]string{c})
			}
		default:
			return u, false
		}
		j = e
	}
	return u, false
}

// intlModifier reports whether w can be an adjective between a count and
// its unit: a German word with an adjective's ending in lower case
// ("russische", "mutmaßliche", "getöteten"), or a Cyrillic one
// ("російських", "наших", "ворожі").
func intlModifier(w string) bool {
	if intlStopWords.has(w) || len(w) < 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	if unicode.Is(unicode.Latin, r) {
		for _, end := range [...]string{"e", "en", "er", "es", "em"} {
			if strings.HasSuffix(w, end) {
				return true
			}
		}
		return false
	}
	if !unicode.Is(unicode.Cyrillic, r) {
		return false
	}
	if _, ok := intlNumbers[w]; ok {
		return false
	}
	for _, end := range [...]string{"их", "іх", "їх", "ых", "ими", "ыми", "им", "ым", "ій", "ий", "ый", "ої", "ого", "ому", "ие", "ые", "і", "ї"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// cyrPersons are the Ukrainian and Russian words for persons that count
// soldiers when the enemy or a force's personnel follows.
var cyrPersons = setOf(cyrPersonsIndex, []string{"осіб", "особи", "особа", "человек", "лиц"})

// intlUnitAt reads a unit of military personnel at token j and returns it
// in lower case with the token after it; e is j when there is none.
func (s *scan) intlUnitAt(j int) (unit string, e int, singular bool) {
	w, e := s.iw(j)
	if w == "" {
		return "", j, false
	}
	if lw := strings.ToLower(w); (lw == "angehörige" || lw == "angehörigen" || lw == "mitglieder") && (s.lower(e) == "der" || s.lower(e) == "des") {
		// "2000 Angehörige der Streitkräfte", "Mitglieder der türkischen
		// Sicherheitskräfte": members of a force, where "Angehörige"
		// alone are a soldier's relatives.
		f := e + 1
		if a := s.lower(f); strings.HasSuffix(a, "en") && !s.capitalAt(f) {
			f++ // an adjective: "der türkischen"
		}
		if germanForces.has(s.lower(f)) {
			return lw, e, false
		}
	}
	if singular, ok := intlUnits[w]; ok {
		if intlAdjectivalUnits.has(w) && s.describesNext(e) {
			return "", j, false
		}
		if w == "mann" && s.word(j) != "Mann" {
			return "", j, false
		}
		if w == "prisonniers" {
			// "95 prisonniers de guerre": prisoners of war, not of a court.
			if s.lower(e) == "de" && s.lower(e+1) == "guerre" {
				return w, e + 2, false
			}
			return "", j, false
		}
		if w == "casques" {
			// "10 000 casques bleus": UN peacekeepers.
			if s.lower(e) == "bleus" {
				return w, e + 1, false
			}
			return "", j, false
		}
		if w == "hommes" && !s.frenchForceSentence(j) {
			return "", j, false // "300 hommes" are soldiers only in a sentence about a force
		}
		return w, e, singular
	}
	if s.toks[j].kind == tOther {
		if stem, ok := cyrUnitStem(w); ok {
			return strings.ToLower(w), e, cyrSingular(w[len(stem):])
		}
		if l, n := strings.ToLower(w), strings.ToLower(s.word(e)); l == "особового" && strings.HasPrefix(n, "склад") || l == "личного" && strings.HasPrefix(n, "состав") {
			// "ворог втратив 20 тисяч особового складу", "потеряли 500
			// личного состава": a count of a force's personnel.
			return l + " " + strings.ToLower(s.word(e)), e + 1, false
		}
		if l := strings.ToLower(w); (l == "людей" || l == "человек") && s.forcePeople(j) {
			return l, e, false // "тисячі своїх людей", "окупанти втратили 20 тисяч людей"
		}
		if cyrPersons.has(strings.ToLower(w)) && e < len(s.toks) && s.toks[e].kind == tOther {
			// "50 осіб противника", "200 осіб особового складу": persons
			// of the enemy or of a force's personnel are its soldiers.
			if n := strings.ToLower(s.word(e)); stemFoldAny(n, troopCyrEnemyStems) || strings.HasPrefix(n, "ворог") {
				return strings.ToLower(w), e + 1, false
			} else if strings.HasPrefix(n, "особов") && e+1 < len(s.toks) && strings.HasPrefix(strings.ToLower(s.word(e+1)), "склад") {
				return strings.ToLower(w), e + 2, false
			}
		}
		return "", j, false
	}
	if s.toks[j].kind == tWord && s.capitalised(j) {
		for _, suf := range intlUnitSuffixes {
			if len(w) > len(suf) && strings.HasSuffix(w, suf) {
				return strings.ToLower(w), e, false
			}
		}
	}
	return "", j, false
}

// cyrUnitStem returns the stem of intlUnitStems that w is a case form
// of: the stem and an ending of up to three letters.
func cyrUnitStem(w string) (string, bool) {
	for _, st := range intlUnitStems {
		if len(w) < len(st) || !stemFold(w, st) {
			continue
		}
		// stemFold matched the stem's letters; the rest, in bytes, is
		// the same length in either case for Cyrillic.
		if rest := w[len(st):]; utf8.RuneCountInString(rest) <= 3 {
			return st, true
		}
	}
	return "", false
}

// cyrSingular reports whether a Ukrainian or Russian noun ending is of
// the singular, which only "one" may count.
func cyrSingular(ending string) bool {
	switch ending {
	case "", "а", "я", "у", "ю", "ом", "ем", "ові", "еві", "ий", "ого", "ому", "ый":
		return true
	}
	return false
}

// describesNext reports whether the word at token e is a noun that an
// adjectival unit before it describes: "військових об'єктів" are military
// sites, "aufständische Kurden" are Kurds.
func (s *scan) describesNext(e int) bool {
	if !s.anyWord(e) || s.toks[e].brk {
		return false
	}
	w := s.word(e)
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.Is(unicode.Latin, r) {
		return unicode.IsUpper(r) && !s.sentenceStart(e)
	}
	if !unicode.IsLower(r) {
		return false
	}
	if stemFoldAny(w, intlNotUnitNouns) {
		return true
	}
	for _, end := range [...]string{"ів", "їв", "ов", "ев", "ей"} {
		if strings.HasSuffix(w, end) {
			if _, unit := intlUnits[w]; !unit {
				return true
			}
		}
	}
	return false
}

// troopOwner returns the state an adjective or name gives as a figure's
// owner ("russische", "російських", "України"), or "".
func troopOwner(w string) string {
	for _, o := range intlOwners {
		if stemFold(w, o.stem) {
			return o.code
		}
	}
	return ""
}

// intlOwnerAfter returns the state named right after a unit that ends
// before token e: "Soldaten der Bundeswehr", "військовослужбовців Збройних
// Сил України". Ukraine's armed forces are "Збройні Сили" with capitals and
// no state in Ukrainian text.
func (s *scan) intlOwnerAfter(e int) string {
	// French puts the state's adjective after the noun: "soldats
	// russes", "soldats nord-coréens".
	if s.isWord(e) && !s.capitalised(e) {
		if codes, end := s.nationAt(e); end > e && len(codes) == 1 {
			return codes[0]
		}
	}
	armed := false
	if s.isWord(e) {
		// German names the owner in a genitive or after "aus": "Soldaten
		// der Bundeswehr", "Soldaten aus Polen", but "nach Litauen" is
		// where they go.
		if w := s.word(e); w != "der" && w != "des" && w != "aus" && w != "von" {
			return ""
		}
		if s.word(e) == "aus" && s.withdrawnFrom(e) {
			return "" // "Die USA ziehen 12.000 Soldaten aus Deutschland ab": where from
		}
		e++
	}
	for k := e; k < len(s.toks) && k < e+5; k++ {
		if k > e && s.toks[k].brk || !s.anyWord(k) || intlPrepositions.has(s.word(k)) {
			break
		}
		if codes, end := s.nationAt(k); end > k && codes != nil {
			return codes[0]
		}
		w := s.word(k)
		if c := troopOwner(w); c != "" {
			return c
		}
		if stemFold(w, "збройн") && s.capitalAt(k) {
			armed = true
		}
	}
	if armed {
		return "UA"
	}
	return ""
}

// withdrawnFrom reports whether the German clause around "aus" at token k
// takes troops out of a place ("ziehen ... ab", "abgezogen", "holt ...
// zurück"), so that the state after "aus" is where they leave, not
// whose they are.
func (s *scan) withdrawnFrom(k int) bool {
	for j := s.sentenceFrom(k, 20); j < len(s.toks) && j < k+12; j++ {
		if j > k && endsSentence(s.key(j)) {
			break
		}
		w := strings.ToLower(s.word(j))
		if j > k && (w == "ab" || w == "zurück") || stemFoldAny(w, germanWithdrawStems) {
			return true
		}
	}
	return false
}

// germanWithdrawStems take troops out of a place: "abziehen",
// "abgezogen", "zurückholen", "Abzug".
var germanWithdrawStems = []string{"abzieh", "abgezog", "abzug", "zurückzieh", "zurückgezog", "zurückhol", "zurückgehol", "zurückbeorder"}

// namesRussia reports whether the text names Russia in Cyrillic, which
// makes "окупанти" Russian troops.
func (s *scan) namesRussia() bool {
	for k := range s.toks {
		if s.toks[k].kind == tOther && troopOwner(s.word(k)) == "RU" {
			return true
		}
	}
	return false
}

// intlCategory says what a German or Cyrillic figure over tokens [start,
// end) counts, from the stems of the words of its sentence. German puts
// the participle last, after any list ("wurden 14 Aufständische, mindestens
// sieben Zivilisten ... getötet"), and Ukrainian puts the verb first
// ("відзначені державними нагородами 212 військовослужбовців"), so the
// window reaches across commas.
func (s *scan) intlCategory(start, end int) string {
	var casualty, other, swap, dead bool
	look := func(k int) {
		if !s.anyWord(k) {
			return
		}
		w := s.word(k)
		switch {
		case stemFoldAny(w, intlDeadStems), intlBodyWords.has(strings.ToLower(w)):
			dead = true
		case stemFoldAny(w, intlSwapStems):
			swap = true
		case stemFoldAny(w, intlCasualtyStems):
			casualty = true
		case (w == "ums" || w == "Ums") && s.word(k+1) == "Leben":
			casualty = true // "kamen 15 Soldaten ums Leben"
		case stemFoldAny(w, intlOtherStems):
			other = true
		}
	}
	for k := start - 1; k >= 0 && k >= start-12; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) && !s.numberDot(k) {
			break
		}
		look(k)
	}
	for k := start; k < end; k++ {
		look(k)
	}
	for k := end; k < len(s.toks) && k < end+12; k++ {
		if s.toks[k].brk || endsSentence(s.key(k)) && !s.numberDot(k) {
			break
		}
		look(k)
	}
	switch {
	case dead:
		return defwatch.TroopCasualties
	case swap:
		return defwatch.TroopOther
	case casualty:
		return defwatch.TroopCasualties
	case other:
		return defwatch.TroopOther
	}
	return defwatch.TroopStrength
}

// numberDot reports whether the dot at token k stands inside a number or
// a date written with dots ("24.02.22", "seit dem 24.02.2022"), glued
// to digits on both sides, where it ends no sentence.
func (s *scan) numberDot(k int) bool {
	return s.key(k) == "." && k > 0 && k+1 < len(s.toks) && s.glued(k) && s.glued(k+1) &&
		s.toks[k-1].kind == tNum && s.toks[k+1].kind == tNum
}

func endsSentence(p string) bool {
	return p == "." || p == "!" || p == "?" || p == ";"
}

// frenchForceWords in a French sentence make the men it counts soldiers;
// so does a verb that masses a force ("a massé 100 000 hommes"), where
// "mobilisé" would not do: police and firemen are mobilised too.
var frenchForceWords = setOf(frenchForceWordsIndex, []string{
	"armée", "armées", "troupes", "militaires", "soldats", "mobilisation", "front", "régiment",
	"brigade", "bataillon", "forces", "combats", "offensive", "invasion",
	"masse", "massent", "massé", "massés", "amassé", "amassés",
})

// frenchForceSentence reports whether the sentence around token j speaks
// of a force.
func (s *scan) frenchForceSentence(j int) bool {
	for k := j - 1; k >= 0 && j-k < 30 && !endsSentence(s.key(k)) && !s.toks[k+1].brk; k-- {
		if frenchForceWords.has(strings.ToLower(s.word(k))) {
			return true
		}
	}
	for k := j + 1; k < len(s.toks) && k-j < 30 && !endsSentence(s.key(k-1)) && !s.toks[k].brk; k++ {
		if frenchForceWords.has(strings.ToLower(s.word(k))) {
			return true
		}
	}
	return false
}

// sideDeadAt reads the German dead or wounded of a side that the clause
// names as a force: "Auf Seiten der Armee gab es 17 Tote", "Die Armee
// meldete 30 Tote in den eigenen Reihen". The dead alone ("65 Tote")
// may be anyone and are no figure.
func (s *scan) sideDeadAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	q, hedged, ok := s.intlPeopleCountAt(i)
	if !ok || q.end >= len(s.toks) || !germanDeadNouns.has(s.word(q.end)) {
		return t, 0, false
	}
	end := q.end + 1
	from, to := i, end
	for from > 0 && i-from < 14 && !s.toks[from].brk && !endsSentence(s.key(from-1)) {
		from--
	}
	for to < len(s.toks) && to-end < 12 && !s.toks[to].brk && !endsSentence(s.key(to-1)) {
		to++
	}
	nation, side := "", false
	for k := from; k < to; k++ {
		switch w := s.lower(k); {
		case w == "reihen" && s.lower(k-1) == "eigenen":
			// "in den eigenen Reihen": the subject's own, when it is a force
			for j := from; j < k; j++ {
				side = side || germanForces.has(s.lower(j))
			}
		case (w == "seiten" || w == "aufseiten" || w == "reihen") && (s.lower(k+1) == "der" || s.lower(k+1) == "des"):
			f := k + 2
			if codes, e := s.nationAt(f); len(codes) == 1 && e == f+1 && !s.capitalAt(f) {
				nation, f = codes[0], e // "auf Seiten der syrischen Armee"
			}
			side = side || germanForces.has(s.lower(f)) || germanSideNouns.has(s.lower(f))
		}
	}
	if !side {
		return t, 0, false
	}
	t = defwatch.Troop{
		Min: q.min, Max: q.max, Approx: hedged || q.approx, Unit: s.lower(q.end), Nation: nation,
		Category: defwatch.TroopCasualties, Text: s.text[s.toks[i].start:s.toks[end-1].end],
	}
	return t, end, true
}

// germanDeadNouns count the dead and wounded without saying whose they are.
var germanDeadNouns = setOf(germanDeadNounsIndex, []string{
	"Tote", "Toten", "Verletzte", "Verletzten", "Verwundete", "Verwundeten", "Gefallene", "Gefallenen",
})

// germanSideNouns are the fighters a side may be named by: "auf Seiten
// der Rebellen".
var germanSideNouns = setOf(germanSideNounsIndex, []string{
	"soldaten", "rebellen", "aufständischen", "kämpfer", "milizen", "separatisten", "angreifer",
	"dschihadisten", "jihadisten", "regierungstruppen", "streitkräfte",
})

// germanForces are the German forces whose members ("Angehörige der
// Bundeswehr") are soldiers.
var germanForces = setOf(germanForcesIndex, []string{
	"streitkräfte", "bundeswehr", "armee", "truppe", "truppen", "marine", "luftwaffe",
	"nationalgarde", "bundeswehrsoldaten", "sicherheitskräfte",
})
