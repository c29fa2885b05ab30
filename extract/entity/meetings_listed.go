package entity

import "strings"

// listedAfter gives the meetings of sentence si, when it is a fragment
// with no verb that names them one by one ("NATO Summit. EU Summit. G7
// Summit."), what the sentence before told of them in the plural ("On
// March 24, three important summits will take place in Brussels"): their
// time, day and place. It notes the plural mention of si for the
// fragments that may follow.
func (r *mtReader) listedAfter(si int, ms []mtMention) {
	st := r.sents[si]
	if l := r.listed; l != nil && si-r.listedSent <= mtListedReach && r.sents[r.listedSent].para == st.para && r.mtFragment(st) {
		for i := range ms {
			m := &ms[i]
			if m.tense != dtTenseUnknown || m.dated || m.location != "" || m.kind != l.kind {
				continue
			}
			m.tense, m.status, m.statusSure = l.tense, l.status, l.statusSure
			m.date, m.dated, m.day = l.date, l.dated, l.day
			m.location = l.location
		}
		r.listedSent = si // the list goes on
		return
	}
	r.listed = nil
	for i := range ms {
		if ms[i].plural && (ms[i].tense != dtTenseUnknown || ms[i].dated) {
			r.listed, r.listedSent = &ms[i], si
			break
		}
	}
}

// mtListedReach is how many sentences after a plural mention its
// fragments may follow.
const mtListedReach = 4

// mtFragment reports whether sentence st is a short phrase with no verb
// of tense: "EU Summit.", "Саміт «Великої сімки».".
func (r *mtReader) mtFragment(st mtSentence) bool {
	return st.to-st.from <= mtFragmentLen && r.s.mtTenseIn(st.from, st.to) == dtTenseUnknown
}

// mtFragmentLen is the longest a fragment naming one meeting may be.
const mtFragmentLen = 8

// mtNumberBefore reports whether a count of a few stands just before the
// meeting word at: "two important summits", "zwei wichtige Gipfel", "два
// важных саммита", the plural a language may not show on the noun.
func (s *scan) mtNumberBefore(at, from int) bool {
	for k := at - 1; k >= max(from, at-3); k-- {
		if s.toks[k].kind == tNum || mtFewWords.has(strings.ToLower(s.word(k))) {
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtFewWords count a few meetings, in each language.
var mtFewWords = setOf(mtFewWordsIndex, []string{
	"two", "three", "four", "five", "several", "zwei", "drei", "vier", "fünf", "mehrere",
	"deux", "trois", "quatre", "cinq", "plusieurs", "два", "дві", "три", "чотири", "кілька",
	"две", "четыре", "несколько",
})
