package entity

import "strings"

// mtSpeechBefore reports whether the meeting word at trigger tr is the
// gathering a speech is given to, and where the speaker's part of the
// sentence ends: "Addressed the UN Security Council, which convened",
// "Speech by the President of Ukraine at the CEO Council Summit",
// "Звернувся до Ради Безпеки ООН", "hielt eine Rede vor dem
// Wirtschaftsforum". A speaker is no party to the gathering spoken to
// (the guideline's "a speech to a summit or forum does not make the
// speaker's state a participant"), so the states named up to the end
// returned are not its participants. A meeting with someone ("spoke at
// a meeting with the Polish president") is no speech to a gathering.
func (s *scan) mtSpeechBefore(from int, tr mtTrigger) (end int, ok bool) {
	if tr.object >= 0 || tr.class == mtSpeak || tr.class == mtConverse || tr.class == mtPhone {
		return 0, false
	}
	for k := from; k < tr.at; k++ {
		n := s.mtSpeechWordAt(k)
		if n == 0 {
			continue
		}
		// The gathering follows the speech word, after a preposition or
		// straight on ("addressed the summit"); the speaker's part ends
		// at the last preposition before the meeting word.
		end = k + n
		for j := k + n; j < tr.at; j++ {
			if mtSpeechPreps.has(strings.ToLower(s.word(j))) {
				end = j
			}
			if s.lw(j) == "and" && s.mtTookPartAt(j+1) {
				// "I addressed the European Parliament and took part in
				// the European Council summit": the speaker took part.
				return 0, false
			}
			if mtClauseBreak(s, j) && s.key(j) != "," {
				return 0, false
			}
		}
		return end, true
	}
	return 0, false
}

// mtSpeechWordAt returns how many tokens the speech word at k spans, or 0.
func (s *scan) mtSpeechWordAt(k int) int {
	w := s.word(k)
	if s.toks[k].kind == tOther {
		if stemFoldAny(strings.ToLower(w), mtCyrSpeechStems) {
			return 1
		}
		return 0
	}
	lw := strings.ToLower(w)
	if mtSpeechWords.has(lw) {
		return 1
	}
	// "spoke at the forum", "sprach vor dem Parlament": a verb of
	// speaking is a speech only with the preposition of an audience.
	if mtSpeakAt.has(lw) && mtSpeechPreps.has(strings.ToLower(s.word(k+1))) && strings.ToLower(s.word(k+1)) != "to" {
		return 2
	}
	return 0
}

// mtSpeechWords are the words of a speech or an address, in English,
// German and French.
var mtSpeechWords = setOf(mtSpeechWordsIndex, []string{
	"addressed", "addresses", "addressing", "speech", "speeches", "keynote",
	"rede", "ansprache", "videobotschaft", "grußwort",
	"discours", "allocution", "adressé", "adressée", "adressant",
})

// mtSpeakAt are verbs of speaking that make a speech when an audience's
// preposition follows: "spoke at", "sprach vor", "a parlé devant".
var mtSpeakAt = setOf(mtSpeakAtIndex, []string{"spoke", "speaks", "speaking", "sprach", "spricht", "parlé", "parle"})

// mtSpeechPreps open the gathering a speech is given to.
var mtSpeechPreps = setOf(mtSpeechPrepsIndex, []string{
	"at", "to", "before", "vor", "auf", "bei", "an", "devant", "à", "au", "до", "перед", "на", "к",
})

// mtCyrSpeechStems are the Ukrainian and Russian stems of addressing a
// gathering and of a speech: "звернувся до", "виступив на", "обратился
// к", "выступление на".
var mtCyrSpeechStems = []string{
	"звернувся", "звернулася", "звернулись", "звернулися", "виступ", "промов",
	"обратился", "обратилась", "обратились", "выступ", "речь", "речью",
}

// mtTookPartAt reports whether token k says its subject took part in a
// gathering: "took part", "attended", "participated", "joined".
func (s *scan) mtTookPartAt(k int) bool {
	switch s.lw(k) {
	case "took", "take", "takes", "taking":
		return s.lw(k+1) == "part"
	case "attended", "attend", "attends", "participated", "participate", "participates", "joined", "join", "joins":
		return true
	}
	return false
}
