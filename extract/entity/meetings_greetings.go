package entity

import "strings"

// A leader's own address tells its calls by what was said in them as often
// as by the call itself: "I congratulated President of France Macron on
// winning the elections", "Висловив сьогодні співчуття Президенту
// Литовської Республіки". Said by the speaker to someone in another
// state's office, that is a conversation; said by others, or to a people,
// or in a telegram or a letter, it is no meeting.

// mtGreetedOffice reports whether the congratulation or condolence at tr
// is the speaker's own, to someone in office whom the next few words
// name, and not sent in writing.
func (s *scan) mtGreetedOffice(tr *mtTrigger, from, to int) bool {
	i := tr.at
	for k := from; k < to; k++ {
		if mtWritten.has(strings.ToLower(s.word(k))) || s.toks[k].kind == tOther && stemFoldAny(s.word(k), mtCyrWrittenStems) {
			return false // "congratulated him in a telegram"
		}
	}
	if !s.mtFirstPerson(from, i, *tr) {
		return false
	}
	k := i + 1
	if strings.EqualFold(s.word(i), "condolences") {
		if s.word(k) != "to" {
			return false
		}
		k++
	}
	// "Висловив сьогодні співчуття Президенту": a time word or two may
	// stand between the words and whom they were said to.
	for n := 0; n < 2 && k < to && mtBetweenSpeakAndWith.has(s.word(k)); n++ {
		k++
	}
	j := s.mtSkipDeterminers(k, to)
	if j >= to {
		return false
	}
	if _, e := s.nationAt(j); e > j {
		j = e // "Polish President Andrzej Duda"
	}
	if j >= to || !(mtTitleWords.has(s.word(j)) && !mtGenericPlural.has(s.word(j)) || s.mtCyrTitle(j)) {
		return false
	}
	if !s.mtStateNear(k, min(to, j+7)) {
		return false // someone in office, but of no state the text names
	}
	tr.object = k
	return true
}

// mtWritten are the words of a message sent in writing.
var mtWritten = setOf(mtWrittenIndex, []string{"telegram", "letter", "message", "statement", "tweet", "telegramm", "brief", "schreiben", "glückwunschschreiben"})

var mtCyrWrittenStems = []string{"телегр", "лист", "послан", "звернен", "письм", "обращен"}

// mtStateNear reports whether tokens [from, to) name a state: "President
// of the Republic of Lithuania", "Polish President".
func (s *scan) mtStateNear(from, to int) bool {
	for k := from; k < to; k++ {
		if codes, e := s.nationAt(k); e > k && len(codes) > 0 {
			return true
		}
	}
	return false
}

// mtOfficeParties keeps the parties that name someone in office.
func (s *scan) mtOfficeParties(ps []mtParty) []mtParty {
	var out []mtParty
	for _, p := range ps {
		for k := p.from; k < p.to; k++ {
			if mtTitleWords.has(s.word(k)) || s.mtCyrTitle(k) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
