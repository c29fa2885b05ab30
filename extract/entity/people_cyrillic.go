package entity

import "strings"

// Ukrainian and Russian inflect names with their titles: "Президент
// Володимир Зеленський" but "з Президентом Володимиром Зеленським". Only a
// title in the nominative vouches for a name in the nominative, the form a
// person is listed under, so only those heads are read; an inflected
// mention is left out rather than listed under a form of the name that is
// not its own.

// cyrTitleHeads are nominative title heads, as written in running text.
// Compound heads are matched on their last piece, which the tokenizer
// splits off: міністр of Прем'єр-міністр.
var cyrTitleHeads = setOf(cyrTitleHeadsIndex, []string{
	"Президент", "президент", "Віцепрезидент", "віцепрезидент", "Канцлер", "канцлер",
	"Міністр", "міністр", "Генсек", "генсек", "Посол", "посол", "Речник", "речник",
	"Генерал", "генерал", "Держсекретар", "держсекретар", "Король", "король", "Папа",
	"Министр", "министр", "Госсекретарь", "госсекретарь", "секретарь",
	// "Генеральний секретар": the second word is the head.
	"секретар",
})

// cyrTitleFillers may stand between a head and the name, inside the title:
// "Міністр закордонних справ", "Генеральний секретар".
var cyrTitleFillers = setOf(cyrTitleFillersIndex, []string{
	"закордонних", "справ", "оборони", "внутрішніх", "фінансів", "економіки", "юстиції",
	"іноземних", "иностранных", "дел", "обороны", "внутренних", "финансов",
	"Генеральний", "генеральний", "Генеральный", "генеральный",
})

// cyrPersonAt reads a Cyrillic title and the name after it from token i.
func (s *scan) cyrPersonAt(i int) (personMention, bool) {
	start, j := s.cyrTitleAt(i)
	if j == start {
		return personMention{}, false
	}
	tEnd := j
	// "пан" and "пані" (Mr, Mrs) stand between a title and a name.
	if w := s.word(j); w == "пан" || w == "пані" || w == "господин" || w == "госпожа" {
		j++
	}
	var m personMention
	k := j
	for k < len(s.toks) && m.words < 4 && !s.toks[k].brk && s.cyrCapitalised(k) && !s.cyrAllCaps(k, k+1) {
		if codes, _ := s.nationAt(k); codes != nil {
			break
		}
		if s.cyrNotName(k) {
			return personMention{}, false
		}
		if m.words == 0 {
			m.first = s.word(k)
		}
		m.last = s.word(k)
		m.words++
		k++
		// Hyphenated surnames: Римський-Корсаков.
		if s.key(k) == "-" && s.glued(k) && s.glued(k+1) && s.cyrCapitalised(k+1) {
			m.last = s.word(k + 1)
			k += 2
		}
	}
	// A name of four words or more, or one that runs into a capitalised
	// word after a break, is not read.
	if m.words == 0 || m.words == 4 || k < len(s.toks) && s.cyrCapitalised(k) {
		return personMention{}, false
	}
	m.name = s.text[s.toks[j].start:s.toks[k-1].end]
	m.title = s.text[s.toks[start].start:s.toks[tEnd-1].end]
	m.pos, m.end = start, k
	return m, true
}

// cyrTitleAt reads a nominative title whose head is token i: the pieces
// of a compound and the fillers before it (Прем'єр-міністр, Генеральний
// секретар), then fillers, states (України, Великої Британії) and acronyms
// (НАТО, ООН) after it. It returns the title's first token and the token
// after it, both i when there is none.
func (s *scan) cyrTitleAt(i int) (start, end int) {
	if !s.cyrHeadAt(i) {
		return i, i
	}
	start = i
	for start > 0 && !s.toks[start].brk && (s.glued(start) || cyrTitleFillers.has(s.word(start-1))) {
		start--
	}
	j := i + 1
	for n := 0; n < 4 && j < len(s.toks) && !s.toks[j].brk; n++ {
		w := s.word(j)
		switch {
		case cyrTitleFillers.has(w) || cyrTitleHeads.has(w):
			j++
		case s.cyrAllCaps(j, j+1) && s.toks[j].kind != tPunct:
			j++ // НАТО, ООН, США
		default:
			codes, e := s.nationAt(j)
			if codes == nil {
				return start, j
			}
			j = e
		}
	}
	return start, j
}

// cyrHeadAt reports whether token j is a nominative title head, whole or
// as the last piece of a compound (міністр of Прем'єр-міністр).
func (s *scan) cyrHeadAt(j int) bool {
	if j < 0 || j >= len(s.toks) || s.toks[j].kind != tOther {
		return false
	}
	return cyrTitleHeads.has(s.word(j))
}

// cyrBodyStems start the capitalised nouns that follow a title as the body
// it heads, in the genitive: Президент Палати, секретар Ради, Президент
// Європейської Комісії.
var cyrBodyStems = []string{
	"рад", "палат", "коміс", "офіс", "міністерств", "парламент", "сейм", "сенат", "конгрес",
	"уряд", "кабінет", "асамбле", "організац", "союз", "банк", "фонд", "суд", "служб",
	"агентств", "комітет", "штаб", "сил", "академ", "університет", "інститут", "федерац",
	"республік", "королівств", "держав", "світов", "совет", "правительств", "министерств",
	"комисс", "управлін", "департамент", "місі", "миссии", "верховн", "національн",
}

// cyrObliqueEndings end adjectives in the oblique cases, which a name in
// the nominative does not: Європейської, Національного.
var cyrObliqueEndings = []string{"ої", "ого", "ому", "ими", "ыми", "ского", "ской"}

// cyrNotName reports whether the capitalised word at token k is a body or
// an inflected adjective rather than part of a name.
func (s *scan) cyrNotName(k int) bool {
	var b [96]byte
	w := string(foldCyr(b[:0], s.word(k)))
	for _, stem := range cyrBodyStems {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	for _, e := range cyrObliqueEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
