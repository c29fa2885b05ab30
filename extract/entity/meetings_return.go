package entity

import "strings"

// mtBackFrom reports whether the meeting word at token at is where
// someone came back from, in the sentence that runs from from: "returned
// from Belarus last night, from negotiations", "повернулася наша
// делегація з Білорусі, з переговорів", "kehrte von den Gesprächen
// zurück". The sentence's time word dates the return; the meeting was
// before it, on a day the sentence does not give.
func (s *scan) mtBackFrom(from, at int) bool {
	p := at - 1
	if mtDefinite.has(s.word(p)) || s.word(p) == "den" || s.word(p) == "the" {
		p--
	}
	if p < from || !mtFromWords.has(s.word(p)) {
		return false
	}
	for k := p - 1; k >= max(from, p-mtBackReach); k-- {
		if w := s.word(k); w == "back" || hasPrefixAny(w, mtReturnStems) {
			return true
		}
	}
	// German puts the particle after: "kehrte von den Gesprächen zurück".
	for k := at + 1; k < min(len(s.toks), at+4); k++ {
		if s.word(k) == "zurück" {
			return true
		}
	}
	return false
}

// mtBackReach bounds the words between a verb of returning and the
// "from" of the meeting it came back from: a place and a time between
// ("returned from Belarus last night, from").
const mtBackReach = 8

// mtFromWords are "from" in the languages read.
var mtFromWords = setOf(mtFromWordsIndex, []string{"from", "з", "із", "зі", "из", "с", "von", "aus", "de", "du", "des"})

// mtReturnStems begin the verbs of coming back: "returned", "повернулася",
// "вернулся", "zurückgekehrt", "rentré", "revenu".
var mtReturnStems = []string{"return", "повернул", "повернув", "вернул", "возвращ", "поверта", "zurückgekehrt", "zurückgekommen", "rentré", "revenu", "retour"}

// hasPrefixAny reports whether w, as written, begins with one of stems.
func hasPrefixAny(w string, stems []string) bool {
	for _, st := range stems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return false
}

// mtAheadOf reports whether the meeting word tr follows "ahead of" or
// "in advance of" and the date e stands before those words, so that e is
// the day of what was done before the meeting.
func (s *scan) mtAheadOf(e dtExpr, tr mtTrigger, from int) bool {
	p := tr.at - 1
	for p > from && p > tr.at-4 && s.toks[p].kind == tWord && s.lw(p) != "of" {
		p-- // "ahead of planned talks", "ahead of the summit"
	}
	if s.lw(p) != "of" || p-1 < from {
		return false
	}
	switch s.lw(p - 1) {
	case "ahead", "advance":
		return e.to <= p-1
	}
	return false
}
