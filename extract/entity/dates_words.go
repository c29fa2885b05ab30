package entity

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// dtWeekdays are the weekdays in English, German, French, Ukrainian and
// Russian, in the cases that follow "on", "am", "у" and "в".
var dtWeekdays = sync.OnceValue(genDtWeekdays)

// buildDtWeekdays builds dtWeekdays from the word lists; tables_gen.go holds
// its result, which genDtWeekdays returns without building.
func buildDtWeekdays() map[string]int {
	m := map[string]int{}
	add := func(wd time.Weekday, forms ...string) {
		for _, f := range forms {
			m[f] = int(wd)
		}
	}
	add(time.Monday, "Monday", "MONDAY", "Montag", "lundi", "понеділок", "понеділка", "понеділку", "понедельник")
	add(time.Tuesday, "Tuesday", "TUESDAY", "Dienstag", "mardi", "вівторок", "вівторка", "вівторку", "вторник")
	add(time.Wednesday, "Wednesday", "WEDNESDAY", "Mittwoch", "mercredi", "середа", "середу", "середи", "среда", "среду")
	add(time.Thursday, "Thursday", "THURSDAY", "Donnerstag", "jeudi", "четвер", "четверга", "четвергу", "четверг")
	add(time.Friday, "Friday", "FRIDAY", "Freitag", "vendredi", "пʼятниця", "пʼятницю", "пʼятниці", "пятница", "пятницу")
	add(time.Saturday, "Saturday", "SATURDAY", "Samstag", "Sonnabend", "samedi", "субота", "суботу", "суботи", "суббота", "субботу")
	add(time.Sunday, "Sunday", "SUNDAY", "Sonntag", "dimanche", "неділя", "неділю", "неділі", "воскресенье")
	return m
}

// dtGermanWeekdays start the compounds of a weekday and a part of the day.
var dtGermanWeekdays = []struct {
	name string
	day  time.Weekday
}{
	{"Montag", time.Monday}, {"Dienstag", time.Tuesday}, {"Mittwoch", time.Wednesday},
	{"Donnerstag", time.Thursday}, {"Freitag", time.Friday}, {"Samstag", time.Saturday},
	{"Sonntag", time.Sunday},
}

// dtGermanWeekdayPrefix reports whether w may be such a compound.
func dtGermanWeekdayPrefix(w string) bool {
	switch w[:2] {
	case "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So":
		return true
	}
	return false
}

// dtVagueStarters begin the times that fix no day (see dtVagueAt).
var dtVagueStarters = []string{
	"last", "this", "next", "past", "coming", "earlier", "later", "previous", "recently", "recent",
	"eve", "ago", "soon", "upcoming", "prior", "weeks", "months", "years", "day", "aujourd", "hier",
	"vergangene", "vergangenen", "letzte", "letzten", "nächste", "nächsten", "kommende", "kommenden",
	"diese", "dieser", "vorige", "vorigen", "mitte", "anfang", "ende",
	"минулого", "наступного", "цього", "минулої", "наступної", "цієї", "прошлой", "следующей", "этой",
	"напередодні", "нещодавно", "недавно", "накануне", "veille",
	// "an diesem Tag", "в цей день", "в этот день", "этого дня": today.
	"diesem", "цей", "этот", "этого",
	// "In the morning", "during the day", "протягом дня": parts of today.
	"in", "during", "протягом",
	// "ближче до вечора", "под вечер": towards this evening.
	"ближче", "ближе", "під", "под",
}

// dtStarters maps every word that may begin a time expression, in the
// cases text writes it, to its lower-case form, so that the date reader
// skips other words with one lookup and lower-cases without allocating.
var dtStarters = sync.OnceValue(genDtStarters)

// buildDtStarters builds dtStarters from the word lists; tables_gen.go holds its
// result, which genDtStarters returns without building.
func buildDtStarters() map[string]string {
	m := map[string]string{}
	add := func(w string) {
		l := strings.ToLower(w)
		m[w] = l
		m[l] = l
		m[strings.ToUpper(l[:1])+l[1:]] = l
		if r, n := utf8.DecodeRuneInString(l); n > 0 {
			m[string(unicode.ToUpper(r))+l[n:]] = l
		}
	}
	for w := range buildDtWeekdays() {
		add(w)
	}
	for w := range buildDtMonths() {
		add(w)
	}
	for w := range dtRelativeDays {
		m[w] = strings.ToLower(w)
	}
	for w := range dtSmallNumbers {
		add(w)
	}
	for _, w := range dtVagueStarters {
		add(w)
	}
	// "morgen" is tomorrow only in lower case; "Morgen" is the morning.
	delete(m, "Morgen")
	return m
}

// dtLower returns the word at token i in lower case if it is one the
// date reader knows, and as written otherwise.
func (s *scan) dtLower(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	w := s.word(i)
	if l, ok := dtStarters().get(w); ok {
		return l
	}
	if l, ok := dtOtherWords[w]; ok {
		return l
	}
	return w
}

// dtOtherWords are the words the date reader looks at after a starter, in
// their capitalised forms.
var dtOtherWords = map[string]string{
	"Week": "week", "Month": "month", "Year": "year", "Morning": "morning", "Afternoon": "afternoon",
	"Evening": "evening", "Night": "night", "At": "at", "After": "after", "Before": "before", "From": "from",
	"Until": "until", "By": "by", "Um": "um", "Ab": "ab", "Bis": "bis", "Gegen": "gegen", "Woche": "woche",
	"Wochen": "wochen", "Monat": "monat", "Monats": "monats", "Jahr": "jahr", "Jahres": "jahres",
	"Tagen": "tagen", "Tage": "tage", "Last": "last", "Past": "past", "Next": "next", "Coming": "coming",
	"Uhr": "uhr", "GMT": "gmt", "CET": "cet", "CEST": "cest", "EST": "est", "EDT": "edt", "UTC": "utc",
	"AM": "am", "PM": "pm",
}

var dtDayParts = setOf(dtDayPartsIndex, []string{"abend", "morgen", "vormittag", "nachmittag", "mittag", "nacht", "früh"})

// dtRelativeDays are the words that name a day by its distance from the day
// of publication, with the adjectives made from them (dtDayAdjectives).
// Only lower-case "morgen" is German "tomorrow"; "heute Morgen" is this
// morning.
var dtRelativeDays = withDayAdjectives(map[string]int{
	"today": 0, "Today": 0, "TODAY": 0, "tonight": 0, "Tonight": 0,
	"yesterday": -1, "Yesterday": -1, "YESTERDAY": -1,
	"tomorrow": 1, "Tomorrow": 1, "TOMORROW": 1,
	"heute": 0, "Heute": 0, "gestern": -1, "Gestern": -1, "morgen": 1,
	"übermorgen": 2, "vorgestern": -2, "Vortag": -1,
	"demain": 1, "Demain": 1,
	"сьогодні": 0, "Сьогодні": 0, "вчора": -1, "Вчора": -1, "учора": -1, "Учора": -1,
	"завтра": 1, "Завтра": 1, "позавчора": -2, "післязавтра": 2,
	"сегодня": 0, "Сегодня": 0, "вчера": -1, "Вчера": -1, "позавчера": -2, "послезавтра": 2,
	// The parts of the day a daily report or address tells: today's.
	"вранці": 0, "Вранці": 0, "зранку": 0, "Зранку": 0, "вдень": 0, "Вдень": 0, "ввечері": 0,
	"Ввечері": 0, "утром": 0, "Утром": 0, "вечером": 0, "Вечером": 0, "надвечір": 0, "Надвечір": 0,
	"опівдні": 0, "Опівдні": 0, "пополудні": 0, "Пополудні": 0, "днем": 0, "Днем": 0, "днём": 0, "Днём": 0,
})

// dtDaytime are the Ukrainian and Russian instrumental "днем" (in the
// daytime), also the case a holiday takes after "with": "з Днем
// незалежності", "с Днём Победы".
var dtDaytime = setOf(dtDaytimeIndex, []string{"днем", "Днем", "днём", "Днём"})

// dtWithDay are "with" before such an instrumental: a greeting on a
// holiday ("привітав з Днем …").
var dtWithDay = setOf(dtWithDayIndex, []string{"з", "із", "зі", "с", "со"})

// dtDayAdjectives are the adjectives of "today", "yesterday" and
// "tomorrow" that name the day of what they qualify in German, Ukrainian
// and Russian, by stem, with the endings of their inflection: "die
// morgigen Gespräche", "завтрашніх переговорів", "на вчерашней встрече".
// English says it with a possessive ("tomorrow's talks"), which the
// day's own word already reads.
var dtDayAdjectives = []struct {
	stems   []string
	endings []string
	offset  int
}{
	{[]string{"heutig"}, dtGermanAdjectiveEndings, 0},
	{[]string{"gestrig"}, dtGermanAdjectiveEndings, -1},
	{[]string{"morgig"}, dtGermanAdjectiveEndings, 1},
	{[]string{"сьогоднішн"}, dtUkrainianSoftEndings, 0},
	{[]string{"вчорашн", "учорашн"}, dtUkrainianSoftEndings, -1},
	{[]string{"завтрашн"}, dtUkrainianSoftEndings, 1},
	{[]string{"сегодняшн"}, dtRussianSoftEndings, 0},
	{[]string{"вчерашн"}, dtRussianSoftEndings, -1},
	{[]string{"завтрашн"}, dtRussianSoftEndings, 1},
}

var (
	dtGermanAdjectiveEndings = []string{"e", "en", "em", "er", "es"}
	dtUkrainianSoftEndings   = []string{"ій", "я", "є", "і", "ього", "ьої", "ьому", "ю", "ім", "іх", "іми"}
	dtRussianSoftEndings     = []string{"ий", "яя", "ее", "ие", "его", "ей", "ему", "юю", "им", "их", "ими", "ем"}
)

// withDayAdjectives adds to m every form of dtDayAdjectives, in lower
// case and capitalised as a sentence opens.
func withDayAdjectives(m map[string]int) map[string]int {
	for _, a := range dtDayAdjectives {
		for _, stem := range a.stems {
			for _, end := range a.endings {
				w := stem + end
				m[w] = a.offset
				r, n := utf8.DecodeRuneInString(w)
				m[string(unicode.ToUpper(r))+w[n:]] = a.offset
			}
		}
	}
	return m
}

// dtMonths are the months in English (with the abbreviations wire copy
// uses), German, French, Ukrainian and Russian (in the genitive of "24
// березня" and the locative of "у березні").
var dtMonths = sync.OnceValue(genDtMonths)

// buildDtMonths builds dtMonths from the word lists; tables_gen.go holds its
// result, which genDtMonths returns without building.
func buildDtMonths() map[string]int {
	m := map[string]int{}
	for i, forms := range [12][]string{
		{"January", "Jan", "Januar", "Jänner", "janvier", "січня", "січень", "січні", "января", "январе"},
		{"February", "Feb", "Februar", "février", "лютого", "лютий", "лютому", "февраля", "феврале"},
		{"March", "Mar", "März", "mars", "березня", "березень", "березні", "марта", "марте"},
		{"April", "Apr", "avril", "квітня", "квітень", "квітні", "апреля", "апреле"},
		{"May", "Mai", "mai", "травня", "травень", "травні", "мая", "мае"},
		{"June", "Jun", "Juni", "juin", "червня", "червень", "червні", "июня", "июне"},
		{"July", "Jul", "Juli", "juillet", "липня", "липень", "липні", "июля", "июле"},
		{"August", "Aug", "août", "серпня", "серпень", "серпні", "августа", "августе"},
		{"September", "Sep", "Sept", "septembre", "вересня", "вересень", "вересні", "сентября", "сентябре"},
		{"October", "Oct", "Oktober", "octobre", "жовтня", "жовтень", "жовтні", "октября", "октябре"},
		{"November", "Nov", "novembre", "листопада", "листопад", "листопаді", "ноября", "ноябре"},
		{"December", "Dec", "Dezember", "décembre", "грудня", "грудень", "грудні", "декабря", "декабре"},
	} {
		for _, f := range forms {
			m[f] = i + 1
		}
	}
	return m
}

// dtShortMonths are the short forms, which name a month only with a
// day after them ("Sept. 14").
var dtShortMonths = setOf(dtShortMonthsIndex, []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})

// dtReportingVerbs date a statement, not the event it reports.
var dtReportingVerbs = setOf(dtReportingVerbsIndex, []string{
	"said", "says", "told", "announced", "stated", "reported", "added", "wrote", "tweeted",
	"posted", "noted", "declared", "warned", "insisted", "explained",
	"sagte", "sagten", "erklärte", "betonte", "teilte",
	"заявив", "заявила", "заявили", "повідомив", "повідомила", "повідомили", "сказав", "сказала",
	"заявил", "сообщил", "сообщила", "сообщили", "сказал",
})

// dtProposingVerbs date a proposal or an invitation when the day stands
// right beside them: "on Sunday proposed", "invited on Monday".
var dtProposingVerbs = setOf(dtProposingVerbsIndex, []string{
	"proposed", "suggested", "offered", "invited", "urged",
})

// dtSmallNumbers count the days of "two days ago".
var dtSmallNumbers = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
