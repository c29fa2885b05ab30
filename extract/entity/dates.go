package entity

import (
	"strconv"
	"strings"
	"time"
)

// dtKind says how much of a date an expression fixes.
type dtKind uint8

const (
	// dtExact: a day of a month, with or without its year ("April 10",
	// "10 April 2025", "2025-04-10", "24 березня").
	dtExact dtKind = iota + 1
	// dtRelative: a number of days from publication ("today",
	// "yesterday", "gestern", "завтра", "two days ago").
	dtRelative
	// dtWeekday: a day of the week, perhaps "next" or "last" one.
	dtWeekday
	// dtDay: a day of the month alone ("on the 14th").
	dtDay
	// dtVague: a time that names no day ("last week", "in June",
	// "in 2014", "recently"). It still counts, so that a meeting it
	// dates is not given some other sentence's day.
	dtVague
	// dtClock: a time of day alone ("at 12.30", "after 14:00"). It puts a
	// meeting on the day the story is at, and is read only when the
	// sentence names no day.
	dtClock
)

// dtTense is what a sentence says about when its meeting happens, which
// decides whether "on Thursday" is the last Thursday or the next one.
type dtTense uint8

const (
	dtTenseUnknown dtTense = iota
	dtPast
	dtFuture
)

// dtExpr is a time expression found at tokens [from, to).
type dtExpr struct {
	from, to     int
	kind         dtKind
	year, month  int // year 0 when the text gives none
	day, offset  int
	weekday      time.Weekday
	step         int  // for weekdays: -1 "last", +1 "next", 0 plain
	report, name bool // the date of a statement ("said on Monday"), or part of a name
}

// dtExprs returns the time expressions in tokens [from, to).
func (s *scan) dtExprs(from, to int) []dtExpr {
	var out []dtExpr
	for i := from; i < to; {
		e, ok := s.dtAt(i, to)
		if !ok {
			i++
			continue
		}
		e.report = s.dtReported(e, from, to)
		out = append(out, e)
		i = e.to
	}
	return out
}

// dtAt reads a time expression starting at token i, ending by limit.
func (s *scan) dtAt(i, limit int) (dtExpr, bool) {
	t := s.toks[i]
	w := s.word(i)
	// Nine words in ten start no date; one map lookup tells.
	if t.kind == tWord {
		if _, ok := dtStarters().get(w); !ok && !(len(w) > 6 && dtGermanWeekdayPrefix(w)) {
			return dtExpr{}, false
		}
	} else if t.kind == tPunct {
		return dtExpr{}, false
	}
	switch t.kind {
	case tNum:
		return s.dtNumericAt(i, limit)
	case tOther:
		if d, ok := dtOrdinal(w); ok {
			if e, ok := s.dtDayMonthAt(i, d, limit); ok {
				return e, true
			}
			if s.lw(i-1) == "the" && (i+1 >= len(s.toks) || s.toks[i+1].brk || s.toks[i+1].kind == tPunct || dtAfterBareDay.has(s.lw(i+1))) {
				// "on the 17th, the ministers met", but not "the 17th
				// meeting", "the 75th anniversary summit".
				return dtExpr{from: i, to: i + 1, kind: dtDay, day: d}, true
			}
			return dtExpr{}, false
		}
	}
	if e, ok := s.dtWeekdayAt(i, limit); ok {
		return e, true
	}
	if e, ok := s.dtMonthFirstAt(i, limit); ok {
		return e, true
	}
	if e, ok := s.dtRelativeAt(i, limit); ok {
		return e, true
	}
	if e, ok := s.dtVagueAt(i, limit); ok {
		return e, true
	}
	return dtExpr{}, false
}

// dtNumericAt reads dates that start with a number: "10 April",
// "14-15 February", "14. Februar", "24 березня", "2025-04-10", a year,
// or "two days ago" in digits.
func (s *scan) dtNumericAt(i, limit int) (dtExpr, bool) {
	if e, ok := s.dtClockAt(i, limit); ok {
		return e, true
	}
	w := s.word(i)
	n, err := strconv.Atoi(w)
	if err != nil {
		return dtExpr{}, false
	}
	// 2025-04-10
	if len(w) == 4 && i+4 < limit && s.key(i+1) == "-" && s.glued(i+1) && s.glued(i+2) && s.key(i+3) == "-" && s.glued(i+3) && s.glued(i+4) {
		m, err1 := strconv.Atoi(s.word(i + 2))
		d, err2 := strconv.Atoi(s.word(i + 4))
		if err1 == nil && err2 == nil && dtValid(n, m, d) {
			return dtExpr{from: i, to: i + 5, kind: dtExact, year: n, month: m, day: d}, true
		}
	}
	if n >= 1 && n <= 31 && len(w) <= 2 {
		if e, ok := s.dtDayMonthAt(i, n, limit); ok {
			return e, true
		}
		if e, ok := s.dtAgoAt(i, n, limit); ok {
			return e, true
		}
		return dtExpr{}, false
	}
	if len(w) == 4 && n >= 1900 && n <= 2100 && !s.glued(i) {
		// A year that starts a name is no date: "the 2015 Air and Space
		// Conference".
		if i+1 < limit && s.capitalised(i+1) && dtMonth(s.word(i+1)) == 0 && !s.toks[i+1].brk {
			return dtExpr{from: i, to: i + 1, kind: dtVague, year: n, name: true}, true
		}
		return dtExpr{from: i, to: i + 1, kind: dtVague, year: n}, true
	}
	return dtExpr{}, false
}

// dtClockAt reads a time of day: "at 12.30", "after 14:00", "at 9 a.m.".
func (s *scan) dtClockAt(i, limit int) (dtExpr, bool) {
	switch s.dtLower(i - 1) {
	case "at", "after", "before", "from", "until", "by", "um", "ab", "bis", "gegen", "о", "об", "після", "до", "à":
	default:
		return dtExpr{}, false
	}
	w := s.word(i)
	h, m, ok := w, "", false
	if d := strings.IndexByte(w, '.'); d > 0 {
		h, m = w[:d], w[d+1:]
		ok = true
	} else if i+2 < limit && s.key(i+1) == ":" && s.glued(i+1) && s.glued(i+2) {
		m, ok = s.word(i+2), true
	}
	hour, err1 := strconv.Atoi(h)
	if err1 != nil || hour > 24 {
		return dtExpr{}, false
	}
	if ok {
		minute, err2 := strconv.Atoi(m)
		if err2 != nil || len(m) != 2 || minute > 59 {
			return dtExpr{}, false
		}
		end := i + 1
		if !strings.Contains(w, ".") {
			end = i + 3
		}
		return dtExpr{from: i, to: end, kind: dtClock}, true
	}
	switch s.dtLower(i + 1) {
	case "a.m.", "p.m.", "am", "pm", "a", "p", "uhr", "gmt", "cet", "cest", "est", "edt", "utc":
		return dtExpr{from: i, to: i + 2, kind: dtClock}, true
	}
	return dtExpr{}, false
}

// dtDayMonthAt reads a month after the day d at token i: "10 April",
// "10th of April", "14-15 February", "14./15. Februar", "14. Februar 2016".
func (s *scan) dtDayMonthAt(i, d, limit int) (dtExpr, bool) {
	j := i + 1
	// A second day of a range: "14-15", "14./15.", "14 and 15", "14 to 15".
	if j+1 < limit && (s.key(j) == "-" || s.key(j) == "–" || s.key(j) == "/" || s.lw(j) == "and" || s.lw(j) == "to") {
		if k := j + 1; s.toks[k].kind == tNum || s.toks[k].kind == tOther {
			if _, ok := dtDayNumber(s.word(k)); ok {
				j = k + 1
			}
		}
	} else if j+2 < limit && s.key(j) == "." && s.key(j+1) == "/" {
		if _, ok := dtDayNumber(s.word(j + 2)); ok {
			j += 3
		}
	}
	if j < limit && s.key(j) == "." && s.glued(j) {
		j++ // German ordinal dot
	}
	if j < limit && s.word(j) == "of" {
		j++
	}
	if j >= limit {
		return dtExpr{}, false
	}
	m := dtMonth(s.word(j))
	if m == 0 {
		return dtExpr{}, false
	}
	e := dtExpr{from: i, to: j + 1, kind: dtExact, month: m, day: d}
	if y, end, ok := s.dtYearAfter(j+1, limit); ok {
		e.year, e.to = y, end
	}
	return e, dtValid(2000, m, d) // 2000 is a leap year: 29 February stays possible
}

// dtMonthFirstAt reads "April 10", "Sept. 14", "April 10-11, 2025",
// "April 10th", or a month alone ("in June", "June 2014"), which fixes
// no day.
func (s *scan) dtMonthFirstAt(i, limit int) (dtExpr, bool) {
	w := s.word(i)
	m := dtMonth(w)
	if m == 0 {
		return dtExpr{}, false
	}
	j := i + 1
	if j < limit && s.key(j) == "." && s.glued(j) && dtShortMonths.has(w) {
		j++
	}
	if j < limit && !s.toks[j].brk {
		if d, ok := dtDayNumber(s.word(j)); ok && (s.toks[j].kind == tNum || s.toks[j].kind == tOther) && !(j+1 < limit && s.key(j+1) == "," && s.toks[j].kind == tNum && len(s.word(j)) > 2) {
			end := j + 1
			// The range's second day: "10-11", "22-25".
			if end+1 < limit && (s.key(end) == "-" || s.key(end) == "–") {
				if _, ok := dtDayNumber(s.word(end + 1)); ok {
					end += 2
				}
			}
			e := dtExpr{from: i, to: end, kind: dtExact, month: m, day: d}
			if y, yend, ok := s.dtYearAfter(end, limit); ok {
				e.year, e.to = y, yend
			}
			if dtValid(2000, m, d) {
				return e, true
			}
		}
	}
	// "May" and "March" alone are a verb and a noun far more often than
	// months; the others, alone, are a month that names no day.
	if w == "May" || w == "March" || w == "Mar" || dtShortMonths.has(w) || w == "Mai" {
		return dtExpr{}, false
	}
	e := dtExpr{from: i, to: i + 1, kind: dtVague}
	if y, end, ok := s.dtYearAfter(i+1, limit); ok {
		e.year, e.to = y, end
	}
	return e, true
}

// dtYearAfter reads ", 2025" or " 2025" after a date.
func (s *scan) dtYearAfter(j, limit int) (int, int, bool) {
	if j < limit && s.key(j) == "," {
		j++
	}
	if j >= limit || s.toks[j].kind != tNum || len(s.word(j)) != 4 {
		return 0, 0, false
	}
	y, err := strconv.Atoi(s.word(j))
	if err != nil || y < 1900 || y > 2100 {
		return 0, 0, false
	}
	return y, j + 1, true
}

// dtWeekdayAt reads a weekday, with "next", "last" and their German and
// Ukrainian forms before it ("last Monday", "am vergangenen Montag",
// "минулого четверга").
func (s *scan) dtWeekdayAt(i, limit int) (dtExpr, bool) {
	wd, end, ok := s.dtWeekdayWord(i, limit)
	if !ok {
		return dtExpr{}, false
	}
	e := dtExpr{from: i, to: end, kind: dtWeekday, weekday: wd}
	switch s.dtLower(i - 1) {
	case "last", "past", "vergangenen", "letzten", "vorigen", "минулого", "минулої", "минулу", "минулий", "прошлую", "прошлый", "прошлой":
		e.step, e.from = -1, i-1
	case "next", "coming", "nächsten", "kommenden", "наступного", "наступної", "наступну", "наступний", "следующий", "следующую":
		e.step, e.from = 1, i-1
	}
	// "Thursday, April 10": the date after the weekday is the sharper one.
	j := end
	if j < limit && s.key(j) == "," {
		j++
	}
	if j < limit {
		if d, ok := s.dtMonthFirstAt(j, limit); ok && d.kind == dtExact {
			d.from = i
			return d, true
		}
		if n, ok := dtDayNumber(s.word(j)); ok {
			if d, ok := s.dtDayMonthAt(j, n, limit); ok {
				d.from = i
				return d, true
			}
		}
	}
	return e, true
}

// dtWeekdayWord reads a weekday's name at token i, in any of the languages,
// and returns the token after it. Ukrainian "п'ятниця" comes as three
// tokens around its apostrophe.
func (s *scan) dtWeekdayWord(i, limit int) (time.Weekday, int, bool) {
	w := s.word(i)
	if wd, ok := dtWeekdays().get(w); ok {
		return time.Weekday(wd), i + 1, true
	}
	// French, Ukrainian and Russian write the weekday small but for the
	// capital that opens a sentence: "Vendredi, le ministre a rencontré".
	if l, ok := dtStarters().get(w); ok && l != w {
		if wd, ok := dtWeekdays().get(l); ok {
			return time.Weekday(wd), i + 1, true
		}
	}
	if s.toks[i].kind == tWord && len(w) > 6 {
		// German compounds: "Dienstagabend", "Montagmorgen".
		for _, g := range dtGermanWeekdays {
			if strings.HasPrefix(w, g.name) && dtDayParts.has(w[len(g.name):]) {
				return g.day, i + 1, true
			}
		}
	}
	if (w == "п" || w == "П") && i+2 < limit && s.glued(i+1) && s.glued(i+2) && dtApostrophe(s.word(i+1)) {
		switch s.word(i + 2) {
		case "ятниця", "ятницю", "ятниці":
			return time.Friday, i + 3, true
		}
	}
	return 0, i, false
}

func dtApostrophe(w string) bool {
	return w == "'" || w == "\u2019" || w == "\u02bc" || w == "`"
}

// dtRelativeAt reads "today", "yesterday", "tomorrow" and their kin.
func (s *scan) dtRelativeAt(i, limit int) (dtExpr, bool) {
	w := s.word(i)
	if off, ok := dtRelativeDays[w]; ok {
		if dtDaytime.has(w) && dtWithDay.has(s.dtLower(i-1)) {
			// "Привітав його з Днем незалежності", "поздравил с Днём
			// Победы": a holiday greeted, not "in the daytime".
			return dtExpr{}, false
		}
		// German "Morgen" is "morning" ("heute Morgen"); only lower-case
		// "morgen" is tomorrow.
		return dtExpr{from: i, to: i + 1, kind: dtRelative, offset: off}, true
	}
	lw := s.dtLower(i)
	next := s.dtLower(i + 1)
	switch {
	case lw == "this" && (next == "morning" || next == "afternoon" || next == "evening"):
		return dtExpr{from: i, to: i + 2, kind: dtRelative}, true
	case lw == "in" && s.dtLower(i+1) == "the" && (s.dtLower(i+2) == "morning" || s.dtLower(i+2) == "afternoon" || s.dtLower(i+2) == "evening"),
		lw == "during" && s.dtLower(i+1) == "the" && s.dtLower(i+2) == "day":
		// "In the morning I spoke with ...": today's, in a report of the day.
		return dtExpr{from: i, to: i + 3, kind: dtRelative}, true
	case lw == "протягом" && s.dtLower(i+1) == "дня", lw == "в" && s.dtLower(i+1) == "течение" && s.dtLower(i+2) == "дня":
		return dtExpr{from: i, to: i + 2 + boolInt(lw == "в"), kind: dtRelative}, true
	case (lw == "ближче" && next == "до" || lw == "ближе" && next == "к") && (s.dtLower(i+2) == "вечора" || s.dtLower(i+2) == "вечеру" || s.dtLower(i+2) == "обіду" || s.dtLower(i+2) == "обеду"),
		(lw == "під" || lw == "под") && (next == "вечір" || next == "вечер"):
		// "Ближче до вечора зустрівся з ...": later today.
		return dtExpr{from: i, to: i + 2 + boolInt(lw == "ближче" || lw == "ближе"), kind: dtRelative}, true
	case s.dtThisDayAt(i, limit) > i:
		// "visiting our capital on this day.", "в цей день.": the day of
		// the report, when nothing follows that makes it another day
		// ("on this day in 1945", "an diesem Tag vor 80 Jahren").
		return dtExpr{from: i, to: s.dtThisDayAt(i, limit), kind: dtRelative}, true
	case lw == "last" && next == "night":
		return dtExpr{from: i, to: i + 2, kind: dtRelative, offset: -1}, true
	case lw == "day" && s.lw(i-1) == "the" && next == "before" && s.word(i+2) == "yesterday":
		return dtExpr{from: i - 1, to: i + 3, kind: dtRelative, offset: -2}, true
	case lw == "day" && s.lw(i-1) == "the" && next == "after" && s.word(i+2) == "tomorrow":
		return dtExpr{from: i - 1, to: i + 3, kind: dtRelative, offset: 2}, true
	case lw == "day" && s.lw(i-1) == "the" && next == "before" && (i+2 >= limit || s.toks[i+2].kind == tPunct),
		lw == "veille" && s.lw(i-1) == "la" && (i+1 >= limit || s.toks[i+1].kind == tPunct):
		// "who had met the Russian leader the day before.", "la veille":
		// the day before the one the text is at, not before an event
		// ("the day before the summit", "la veille du sommet").
		return dtExpr{from: i - 1, to: i + 2 + boolInt(lw == "day"), kind: dtRelative, offset: -1}, true
	case (lw == "напередодні" || lw == "накануне") && s.dtDayBeforeAlone(i+1, limit):
		return dtExpr{from: i, to: i + 1, kind: dtRelative, offset: -1}, true
	case lw == "aujourd" && s.word(i+2) == "hui":
		return dtExpr{from: i, to: i + 3, kind: dtRelative}, true
	case lw == "hier" && s.dtFrenchHier(i):
		return dtExpr{from: i, to: i + 1, kind: dtRelative, offset: -1}, true
	}
	if n, ok := dtSmallNumbers[lw]; ok {
		return s.dtAgoAt(i, n, limit)
	}
	return dtExpr{}, false
}

// dtFrenchHier reports whether "hier" at token i is French "yesterday",
// not German "here": after a French past participle ("a rencontré
// hier") or before a part of the day ("hier soir").
func (s *scan) dtFrenchHier(i int) bool {
	switch s.lw(i + 1) {
	case "soir", "matin", "après-midi":
		return true
	}
	p := s.lw(i - 1)
	for _, end := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(p, end) && len(p) > len(end)+2 {
			return true
		}
	}
	return false
}

// dtThisDayAt returns the end of "this day" at token i after "on", or of
// its German, Ukrainian and Russian kin ("an diesem Tag", "цього дня",
// "в цей день", "в этот день"), when the sentence ends right after it;
// else i. "On this day, 80 years ago" is another day.
func (s *scan) dtThisDayAt(i, limit int) int {
	lw := s.dtLower(i)
	switch lw {
	case "this", "diesem", "цей", "этот", "цього", "этого":
	default:
		return i
	}
	prev, next := strings.ToLower(s.word(i-1)), strings.ToLower(s.word(i+1))
	switch {
	case lw == "this" && prev == "on" && next == "day", lw == "diesem" && prev == "an" && next == "tag",
		(lw == "цей" || lw == "этот") && (prev == "в" || prev == "у") && next == "день",
		(lw == "цього" || lw == "этого") && next == "дня":
	default:
		return i
	}
	switch e := i + 2; {
	case e > limit:
		return i
	case e < limit && s.key(e) != "." && s.key(e) != "!" && s.key(e) != ";":
		return i
	}
	return i + 2
}

// dtDayBeforeAlone reports whether "напередодні" or "накануне" before
// token k stands alone, the day before ("який напередодні зустрічався з
// очільником Росії"), rather than on the eve of something named after it
// ("напередодні саміту"): a verb, a pronoun or the clause's end follows.
func (s *scan) dtDayBeforeAlone(k, limit int) bool {
	if k >= limit || s.toks[k].kind == tPunct {
		return true
	}
	w := s.dtLower(k)
	switch w {
	case "він", "вона", "вони", "ми", "я", "он", "она", "они", "мы", "ввечері", "вечером", "вночі", "ночью":
		return true
	}
	// A Ukrainian or Russian verb in the past: "зустрічався", "говорила",
	// "відбулися", "провёл".
	for _, end := range []string{"ся", "сь", "ла", "ли", "ло", "ел", "ал", "ил", "ёл"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dtAgoAt reads "2 days ago".
func (s *scan) dtAgoAt(i, n, limit int) (dtExpr, bool) {
	if i+2 < limit && (s.word(i+1) == "days" || s.word(i+1) == "day") && s.word(i+2) == "ago" && n <= 7 {
		return dtExpr{from: i, to: i + 3, kind: dtRelative, offset: -n}, true
	}
	return dtExpr{}, false
}

// dtVagueAt reads the times that fix no day: "last week", "this month",
// "recently", "two weeks ago", "on the eve of", "Mitte Dezember",
// "минулого тижня". ("vagueAt" is the troop tagger's vague quantity.)
func (s *scan) dtVagueAt(i, limit int) (dtExpr, bool) {
	w := s.dtLower(i)
	next := s.dtLower(i + 1)
	vague := func(n int) (dtExpr, bool) {
		return dtExpr{from: i, to: min(i+n, limit), kind: dtVague}, true
	}
	switch w {
	case "last", "this", "next", "past", "coming", "earlier", "later", "previous":
		switch next {
		case "week", "weekend", "month", "year", "summer", "spring", "autumn", "fall", "winter", "weeks", "months", "days":
			return vague(2)
		case "this", "that":
			if n := s.dtLower(i + 2); n == "week" || n == "month" || n == "year" {
				return vague(3)
			}
		}
	case "recently", "recent", "eve", "ago", "soon", "upcoming", "prior":
		return vague(1)
	case "weeks", "months", "years":
		if next == "ago" {
			return vague(2)
		}
	case "vergangene", "vergangenen", "letzte", "letzten", "nächste", "nächsten", "kommende", "kommenden", "diese", "dieser", "vorige", "vorigen":
		switch next {
		case "woche", "wochen", "monat", "monats", "jahr", "jahres", "tagen", "tage":
			return vague(2)
		}
	case "mitte", "anfang", "ende":
		if dtMonth(s.word(i+1)) != 0 {
			return vague(2)
		}
	case "минулого", "наступного", "цього", "минулої", "наступної", "цієї", "прошлой", "следующей", "этой":
		switch next {
		case "тижня", "місяця", "року", "недели", "месяца", "года":
			return vague(2)
		}
	case "напередодні", "нещодавно", "недавно", "накануне":
		return vague(1)
	}
	return dtExpr{}, false
}

// dtReported reports whether e dates a statement rather than an event:
// "said on Monday", "told reporters Tuesday", "on Monday said".
func (s *scan) dtReported(e dtExpr, from, to int) bool {
	if (s.key(e.to) == "'" || s.key(e.to) == "’") && s.word(e.to+1) == "s" {
		return false // "said after Thursday's talks": the day of what it qualifies
	}
	for k := e.from - 1; k >= max(from, e.from-4); k-- {
		if dtReportingVerbs.has(s.word(k)) {
			return true
		}
		if s.toks[k].kind == tPunct {
			break
		}
	}
	for k := e.to; k < min(to, e.to+2); k++ {
		if s.word(k) == "and" && k == e.to {
			break // "met the French president on Monday and said": the day of both
		}
		if dtReportingVerbs.has(s.word(k)) {
			return true
		}
		if s.toks[k].kind == tPunct {
			break // "talks in Istanbul on Wednesday, Umerov said": the talks' day
		}
	}
	// "Putin on Sunday proposed talks on Thursday", "proposed on Sunday":
	// the day of a proposal, right beside it; "talks proposed for
	// Thursday" are on Thursday.
	if e.to < to && dtProposingVerbs.has(s.word(e.to)) {
		return true
	}
	p := e.from - 1
	if s.lw(p) == "on" {
		p--
	}
	return p >= from && dtProposingVerbs.has(s.word(p))
}

// resolve turns e into a YYYY-MM-DD date against published, reading
// weekdays and yearless dates in the sentence's tense. It returns "" when
// e names no single day or needs a publication date that is unknown.
func (e dtExpr) resolve(published time.Time, t dtTense) string {
	if e.kind == dtVague || e.kind == dtClock && t == dtPast {
		return ""
	}
	if e.kind == dtExact && e.year != 0 {
		return dtFormat(e.year, e.month, e.day)
	}
	if published.IsZero() {
		return ""
	}
	y, m, d := published.Date()
	pub := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch e.kind {
	case dtRelative, dtClock:
		return pub.AddDate(0, 0, e.offset).Format(time.DateOnly)
	case dtWeekday:
		back := (int(pub.Weekday()) - int(e.weekday) + 7) % 7
		fwd := (int(e.weekday) - int(pub.Weekday()) + 7) % 7
		switch {
		case e.step < 0:
			if back == 0 {
				back = 7
			}
			return pub.AddDate(0, 0, -back).Format(time.DateOnly)
		case e.step > 0:
			if fwd == 0 {
				fwd = 7
			}
			return pub.AddDate(0, 0, fwd).Format(time.DateOnly)
		case t == dtPast || t == dtTenseUnknown && back <= fwd:
			return pub.AddDate(0, 0, -back).Format(time.DateOnly)
		default:
			return pub.AddDate(0, 0, fwd).Format(time.DateOnly)
		}
	case dtExact:
		return dtNearestYear(pub, e.month, e.day, t)
	case dtDay:
		return dtNearestMonth(pub, e.day, t)
	}
	return ""
}

// dtNearestYear puts a yearless date in the year that the tense makes
// likely: the publication year, unless that puts a past meeting months
// ahead or a coming one months behind. Two months of slack absorb the
// tenses the sentence reading gets wrong.
func dtNearestYear(pub time.Time, month, day int, t dtTense) string {
	const slack = 60 * 24 * time.Hour
	best := time.Time{}
	for _, y := range []int{pub.Year(), pub.Year() - 1, pub.Year() + 1} {
		if !dtValid(y, month, day) {
			continue
		}
		c := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		switch t {
		case dtPast:
			if c.After(pub.Add(slack)) {
				continue
			}
		case dtFuture:
			if c.Before(pub.Add(-slack)) {
				continue
			}
		}
		if best.IsZero() || dtAbs(c.Sub(pub)) < dtAbs(best.Sub(pub)) {
			best = c
		}
	}
	if best.IsZero() {
		return ""
	}
	return best.Format(time.DateOnly)
}

// dtNearestMonth puts "the 14th" in the publication month, or the month
// before or after it, as the tense asks.
func dtNearestMonth(pub time.Time, day int, t dtTense) string {
	best := time.Time{}
	for _, dm := range []int{0, -1, 1} {
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, dm, 0)
		if !dtValid(first.Year(), int(first.Month()), day) {
			continue
		}
		c := first.AddDate(0, 0, day-1)
		if t == dtPast && c.After(pub) || t == dtFuture && c.Before(pub) {
			continue
		}
		if best.IsZero() || dtAbs(c.Sub(pub)) < dtAbs(best.Sub(pub)) {
			best = c
		}
	}
	if best.IsZero() {
		return ""
	}
	return best.Format(time.DateOnly)
}

func dtAbs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func dtValid(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func dtFormat(y, m, d int) string {
	if !dtValid(y, m, d) {
		return ""
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// dtDayNumber reads a day of the month: "14" or "14th".
func dtDayNumber(w string) (int, bool) {
	if d, ok := dtOrdinal(w); ok {
		return d, true
	}
	if len(w) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(w)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// dtAfterBareDay are the words that may follow a day given as a bare
// ordinal ("on the 17th"); a noun after an ordinal is what is counted.
var dtAfterBareDay = setOf(dtAfterBareDayIndex, []string{
	"of", "and", "or", "to", "at", "in", "on", "when", "after", "before", "the", "a", "for", "with",
	"as", "this", "that", "which", "will", "would", "was", "were", "is", "are", "has", "had", "have",
	"i", "we", "he", "she", "they", "it", "until", "till", "through", "from", "but",
})

// dtOrdinal reads "14th", "1st", "22nd", "3rd".
func dtOrdinal(w string) (int, bool) {
	if len(w) < 3 || len(w) > 4 {
		return 0, false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	d, err := strconv.Atoi(w[:len(w)-2])
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// dtMonth returns the month a word names, in English, German, French,
// Ukrainian or Russian, or 0.
func dtMonth(w string) int {
	return dtMonths().at(w)
}
