package entity

import "strings"

// mtTalksAsAim reports whether the talks at token i are what someone aims
// at, demands or is pushed into rather than an occasion: "as a condition
// for peace talks", "will be forced into negotiations", "end in talks",
// "reached out for talks", "заклик до переговорів", "условие для
// переговоров", "bereit zu Gesprächen", "appel à des négociations". A
// trip for talks ("flew to Ankara for talks") is an occasion, and so
// is left alone.
func (s *scan) mtTalksAsAim(i, from int) bool {
	p := i - 1
	// A modifier or two may stand between: "peace talks", "direct
	// negotiations", "мирних переговорів".
	for n := 0; n < 2 && p > from && mtTalksModifier(s, p); n++ {
		p--
	}
	if w := s.word(p); mtListArticles.has(w) || w == "des" || w == "a" || w == "an" {
		p-- // "appel à des négociations"
	}
	if p <= from {
		return false
	}
	prep := strings.ToLower(s.word(p))
	head := strings.ToLower(s.word(p - 1))
	if mtListArticles.has(head) || head == "a" || head == "an" {
		head = strings.ToLower(s.word(p - 2)) // "a call for the talks"
	}
	switch prep {
	case "for", "into", "to", "für", "zu", "zur", "zum", "pour", "à", "до", "для", "к":
		return lowerHasPrefix(head, mtAimStems)
	case "in":
		// "end in talks", "resulted in negotiations".
		return lowerHasPrefix(head, []string{"end", "result", "culminat", "lead"})
	}
	return false
}

// mtTalksModifier reports whether token k is a lower-case word that may
// qualify talks: an adjective, not a verb or a preposition.
func mtTalksModifier(s *scan, k int) bool {
	w := s.word(k)
	if w == "" || s.toks[k].kind == tPunct || s.capitalAt(k) {
		return false
	}
	return mtTalksModifiers.has(strings.ToLower(w)) || s.toks[k].kind == tOther && (strings.HasSuffix(w, "их") || strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "ім") || strings.HasSuffix(w, "ым"))
}

// mtTalksModifiers qualify talks in English, German and French.
var mtTalksModifiers = setOf(mtTalksModifiersIndex, []string{
	"peace", "direct", "new", "serious", "meaningful", "bilateral", "possible", "further", "formal",
	"diplomatic", "substantive", "genuine", "real", "ceasefire", "political",
	"direkte", "direkten", "neue", "neuen", "ernsthafte", "ernsthaften",
	"paix", "directes", "nouvelles", "véritables",
})

// mtAimStems are the stems of the words that make talks an aim: a
// condition, a call, a readiness, a push or a force, in each language.
var mtAimStems = []string{
	"condition", "call", "push", "press", "ready", "readiness", "prepared", "willing", "hope", "prospect",
	"basis", "appetite", "need", "opportunit", "out", "forc", "drag", "drawn", "drew", "coerc",
	"bedingung", "aufruf", "bereit", "drängt", "gedrängt", "gezwungen", "zwingen",
	"appel", "prêt", "prête", "prêts", "contraint", "forcé", "poussé",
	"умов", "заклик", "готов", "змуси", "змушу", "примуси",
	"услови", "призыв", "призва", "готовн", "вынуди", "принуди",
}
