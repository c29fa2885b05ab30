package entity

import (
	"slices"
	"strings"
)

// A leader's own address at war tells its negotiations with the enemy as
// "our delegation returned from Belarus, from negotiations", "the third
// round of talks took place in Belarus": the other side goes unnamed,
// because everyone knows it. The text makes it unmistakable all the same
// by what it says of that state ("Russia's war", "російські війська"),
// so talks of the speaker's with no side named are with the state the
// address speaks of as the aggressor, and the third state they are held
// in is no party.

// mtAdversaryMin is how often a state must be spoken of as the aggressor
// for an address's unnamed negotiations to be with it.
const mtAdversaryMin = 1

// adversary returns the state the address speaks of as the aggressor
// more often than any other, or "": read once a text.
func (r *mtReader) adversary() string {
	if r.adversaryRead {
		return r.adversaryState
	}
	r.adversaryRead = true
	s := r.s
	speaker := r.speakerNation()
	counts := map[string]int{}
	for k := 0; k < len(s.toks); {
		codes, e := s.nationAt(k)
		if e == k {
			k++
			continue
		}
		if len(codes) == 1 && codes[0] != speaker && (s.mtHostileOwner(k) || s.mtHostileActBefore(k)) {
			counts[codes[0]]++
		}
		k = e
	}
	best, n, tie := "", 0, false
	for c, m := range counts {
		switch {
		case m > n:
			best, n, tie = c, m, false
		case m == n:
			tie = true
		}
	}
	if tie || n < mtAdversaryMin {
		return ""
	}
	r.adversaryState = best
	return best
}

// mtHostileActBefore reports whether the state at token k owns the hostile
// act named just before it: "the war of Russia", "агресії Росії",
// "війни Російської Федерації".
func (s *scan) mtHostileActBefore(k int) bool {
	p := k - 1
	switch s.word(p) {
	case "of", "by", "der", "des", "de", "du", "par":
		p--
	}
	if mtDefinite.has(s.word(p)) {
		p--
	}
	if p < 0 {
		return false
	}
	lw := strings.ToLower(s.word(p))
	return mtHostileNouns.has(lw) || s.toks[p].kind == tOther && stemFoldAny(lw, mtCyrHostileStems)
}

// unnamedTalksSides returns the sides of talks in the speaker's own
// address that name no side but the speaker's, and no body: the speaker's
// state and its adversary. The states the sentence names only as where
// the talks are ("from Belarus", "у Білорусі") take no part. It returns
// nil when the talks are not such.
func (r *mtReader) unnamedTalksSides(st mtSentence, first mtTrigger, m mtMention, parties []mtParty, between bool) []string {
	s := r.s
	if first.class != mtTalks || between || len(parties) > 0 || len(m.orgs) > 0 || len(m.names) > 0 {
		return nil
	}
	speaker := r.speakerNation()
	if speaker == "" {
		return nil
	}
	// A round of its own is held somewhere: talks in a third state
	// ("from Belarus, from negotiations"), not negotiations spoken of in
	// general ("in all international negotiations"). The whole text is
	// read for the adversary only once the sentence is such.
	var placed []string
	for k := st.from; k < st.to; {
		codes, e := s.nationAt(k)
		if e == k {
			k++
			continue
		}
		if len(codes) > 0 && !slices.Contains(codes, speaker) {
			p := k - 1
			if mtDefinite.has(s.word(p)) || mtListArticles.has(s.word(p)) {
				p-- // "aus der Türkei"
			}
			if !mtPlacePreps.has(strings.ToLower(s.word(p))) {
				return nil // "negotiations with Turkey": a side is named
			}
			placed = append(placed, codes...)
		}
		k = e
	}
	if len(placed) == 0 {
		return nil
	}
	side := r.adversary()
	if side == "" || slices.Contains(placed, side) {
		return nil // "talks in Russia": the adversary is the host, named
	}
	return []string{speaker, side}
}

// mtPlacePreps put a state after them as where something is: "in
// Belarus", "from Belarus", "у Білорусі", "з Білорусі", "aus der Türkei",
// "de Turquie".
var mtPlacePreps = setOf(mtPlacePrepsIndex, []string{"in", "from", "aus", "en", "de", "d", "у", "в", "з", "із", "зі", "из", "во"})
