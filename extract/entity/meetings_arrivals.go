package entity

import "strings"

// Where a guest came to meet: "with representatives of the European
// Union who arrived in Kyiv", "with Speaker Nancy Pelosi who visited
// Kyiv", "зі спікеркою ..., яка відвідала Київ", "after a recent visit to
// Kiev, where he chaired a meeting". The relative clause on the people a
// meeting was with, or the place a visit went to that the meeting
// clause hangs on, says where they met; a conversation with someone who
// came is held face to face, not by phone.

// arrivalPlace returns the place where the people of the meeting of
// group g arrived or that they visited, as the sentence st says in a
// clause of its own, or "".
func (r *mtReader) arrivalPlace(st mtSentence, g mtGroup) string {
	s := r.s
	first := g.triggers[0].at
	for k := first + 1; k < st.to; k++ {
		if !mtRelativeWho.has(s.word(k)) {
			continue
		}
		// "who arrived in Kyiv", "яка відвідала Київ", "who had visited
		// Kyiv": the verb within a few words of the pronoun.
		// German puts the verb last: "die in Kiew eingetroffen sind".
		for v := k + 1; v < min(st.to, k+6); v++ {
			if s.toks[v].kind == tPunct {
				break
			}
			if !mtArrivalVerb(s.word(v)) {
				continue
			}
			if name := s.placeAfter(r.places, v+1, st.to); name != "" {
				return name
			}
			for _, h := range r.places {
				if h.to == v && h.from > k+1 && (mtInto.has(strings.ToLower(s.word(h.from-1))) || mtAtPreps.has(s.word(h.from-1))) && s.mtCapitalCity(h) {
					return h.e.name
				}
			}
			break
		}
	}
	// "after a recent visit to Kiev, where he chaired ... a meeting",
	// "paid a visit to Kyiv on Tuesday, where she met": the place a visit
	// went to, and the meeting in its "where" clause. "During his visit
	// to Berlin, Duda met ...", "On a trip to Beijing, Scholz met ...": a
	// visit that opens the sentence is where its main clause's meeting
	// was held.
	opener := mtVisitOpeners.has(s.word(s.mtDatelineEnd(st)))
	for _, h := range r.places {
		if h.to >= first || h.from <= st.from || !s.mtCapitalCity(h) {
			continue
		}
		if s.mtVisitedThen(h, first) {
			// "visited Kyiv on Tuesday and held talks with": the place
			// visited, then what was done there.
			return h.e.name
		}
		comma := s.mtCommaWithin(h.to, first, mtVisitPlaceTail)
		if comma < 0 || !mtWhereWords.has(s.word(comma+1)) && !(opener && s.mtCommaWithin(st.from, h.from, h.from-st.from) < 0) {
			continue
		}
		p := h.from - 1
		if mtInto.has(strings.ToLower(s.word(p))) || mtAtPreps.has(s.word(p)) {
			p--
		}
		for q := p; q >= max(st.from, p-2); q-- {
			if mtArrivalVerb(s.word(q)) || mtVisitNouns.has(strings.ToLower(s.word(q))) {
				return h.e.name
			}
		}
	}
	return ""
}

// mtVisitedThen reports whether the place h is the object of a visit verb
// right before it, and the meeting at token first follows it after "and"
// and at most a day: "visited Kyiv on Tuesday and met", "visited Kyiv and
// held talks".
func (s *scan) mtVisitedThen(h lexHit, first int) bool {
	v := h.from - 1
	if v < 0 || !mtVisitVerbs.has(s.lw(v)) {
		return false
	}
	for k := h.to; k < first && k < h.to+mtVisitPlaceTail; k++ {
		if s.lw(k) == "and" {
			return first-k <= 2
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// mtVisitVerbs take the place visited as their object.
var mtVisitVerbs = setOf(mtVisitVerbsIndex, []string{"visited", "visits", "visit", "visiting", "toured"})

// mtCommaWithin returns the first comma among the n tokens from k (before
// to), or -1 when there is none or other punctuation comes first: the
// words between a place and its comma are a day at most ("to Kyiv on
// Tuesday, where").
func (s *scan) mtCommaWithin(k, to, n int) int {
	for j := k; j < min(to, k+n); j++ {
		if s.key(j) == "," {
			return j
		}
		if s.toks[j].kind == tPunct {
			return -1
		}
	}
	return -1
}

// mtVisitPlaceTail bounds the words between a visit's place and the
// comma that ends the visit's phrase.
const mtVisitPlaceTail = 5

// mtVisitOpeners open a sentence with the visit during which its main
// clause's meeting took place: "During his visit to Berlin, ...".
var mtVisitOpeners = setOf(mtVisitOpenersIndex, []string{"During", "On", "While", "Während", "Bei", "Під", "Во", "Lors"})

// tripPlace returns the capital the sentence before st says someone went
// to, when the one who meets in st is "he" or "she" (news often puts
// each sentence in a paragraph of its own, so the paragraph may differ):
// "Blinken visited Kyiv on Thursday. He met President Zelensky", "The
// chancellor's visit to Warsaw … . He held talks with the prime
// minister". A report that turns to someone else by name ("Macron
// visited Kyiv. Putin met Xi") takes no place from it.
func (r *mtReader) tripPlace(si int, st mtSentence, g mtGroup) string {
	s := r.s
	if si == 0 {
		return ""
	}
	pronoun := false
	for k := st.from; k < min(st.from+4, g.triggers[0].at); k++ {
		if mtSubjectPronouns.has(s.word(k)) {
			pronoun = true
			break
		}
	}
	if !pronoun {
		return ""
	}
	prev := r.sents[si-1]
	places := s.placeHits(prev.from, prev.to)
	for k := prev.from; k < prev.to; k++ {
		if mtArrivalVerb(s.word(k)) || mtVisitNouns.has(strings.ToLower(s.word(k))) {
			if name := s.placeAfter(places, k+1, prev.to); name != "" {
				return name
			}
		}
	}
	return ""
}

// placeAfter returns the capital of places that tokens from k name after
// at most a preposition of arriving, or "".
func (s *scan) placeAfter(places []lexHit, k, to int) string {
	if mtInto.has(strings.ToLower(s.word(k))) || mtAtPreps.has(s.word(k)) {
		k++
	}
	if mtDefinite.has(s.word(k)) {
		k++
	}
	for _, h := range places {
		if h.from == k && h.to <= to && s.mtCapitalCity(h) {
			return h.e.name
		}
	}
	return ""
}

// mtCapitalCity reports whether the place at h is a capital that stands
// for its state: guests come to a capital to meet its government ("who
// arrived in Kyiv"); those "who visited Bucha" saw what was done there
// and met no one in it.
func (s *scan) mtCapitalCity(h lexHit) bool {
	codes, end := s.nationAt(h.from)
	return len(codes) > 0 && end == h.to
}

// mtRelativeWho open a clause on the people just named.
var mtRelativeWho = setOf(mtRelativeWhoIndex, []string{"who", "який", "яка", "які", "который", "которая", "которые", "der", "die", "qui"})

// mtWhereWords open a clause on a place just named.
var mtWhereWords = setOf(mtWhereWordsIndex, []string{"where", "де", "где", "wo", "où"})

// mtVisitNouns are visits and trips to a place.
var mtVisitNouns = setOf(mtVisitNounsIndex, []string{"visit", "trip", "journey", "besuch", "reise", "візит", "візиту", "поїздки", "визит", "визита", "поездки", "visite", "voyage"})

// mtArrivalStems begin the verbs of coming to or visiting a place, in
// the past or the perfect: "arrived", "visited", "came", "прибула",
// "відвідав", "приехал", "besuchte", "angereist", "arrivé".
var mtArrivalStems = []string{
	"arrived", "visited", "came", "travelled", "traveled", "flew",
	"прибув", "прибул", "приїха", "приїжджа", "відвіда", "завіта",
	"прибыл", "приеха", "посети", "посетил",
	"besuchte", "besucht", "angereist", "gereist", "eingetroffen",
	"arrivé", "venu", "visité",
}

// mtArrivalVerb reports whether w is a verb of coming to or visiting a
// place.
func mtArrivalVerb(w string) bool {
	if w == "" {
		return false
	}
	return lowerHasPrefix(w, mtArrivalStems)
}
