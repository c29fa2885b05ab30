package entity

import (
	"strings"
	"unicode/utf8"
)

// Whose people meet: a person named with a state's title once ("US
// President Joe Biden", "the President of France Emmanuel Macron",
// "Außenminister ... des Irans", "канцлером Німеччини Олафом Шольцом")
// stands for that state wherever the text names them again ("Biden
// informed the Ukrainian president"). A name the text never ties to a
// state stands for none.

// personStates maps surnames to the state the text ties them to.
type personStates map[string]string

// personStates reads the text once for names given with a state's title.
// It starts from the offices, which are few, rather than trying every
// token for a state.
func (s *scan) personStates() personStates {
	ps := personStates{}
	for j := 0; j+1 < len(s.toks); j++ {
		// A name, "of" or a comma follows the last office of a run; most
		// words are followed by none of these, and are passed over
		// without a lookup.
		next := s.word(j + 1)
		if !(s.capitalAt(j+1) || next == "of" || next == "," || s.toks[j+1].kind == tOther) || !s.isTitleWord(j) || s.isTitleWord(j+1) {
			continue
		}
		// "President of France Emmanuel Macron", "Prime Minister of the
		// United Kingdom Johnson".
		if next == "of" {
			k := j + 2
			if s.word(k) == "the" {
				k++
			}
			if codes, e := s.nationAt(k); e > k && len(codes) == 1 {
				s.namesAt(e, codes[0], ps)
			}
			continue
		}
		// "канцлером Німеччини Олафом Шольцом".
		if s.toks[j].kind == tOther && s.toks[j+1].kind == tOther {
			if codes, e := s.nationAt(j + 1); e > j+1 && len(codes) == 1 {
				s.namesAt(e, codes[0], ps)
				continue
			}
		}
		// "US President Joe Biden", "the French president, Emmanuel
		// Macron", "the Latvian foreign minister, Edgars Rinkēvičs",
		// "US-Außenminister John Kerry": a state right before the run of
		// offices.
		start := j
		for start > 0 && j-start < 4 && s.isTitleWord(start-1) {
			start--
		}
		// A state further back that no office follows ("talks in
		// Vilnius. Polish President Piotr Nowak") is passed over.
		for k := max(0, start-4); k < start; k++ {
			codes, e := s.nationAt(k)
			if e <= k || len(codes) != 1 {
				continue
			}
			if s.titleRun(e) == j+1 {
				s.namesAt(j+1, codes[0], ps)
				break
			}
			k = e - 1
		}
	}
	return ps
}

// titleRun returns the token after the titles that start at token k
// ("President", "foreign minister", "-Außenminister"), or k.
func (s *scan) titleRun(k int) int {
	j := k
	if (s.key(j) == "'" || s.key(j) == "’") && s.word(j+1) == "s" {
		j += 2
	}
	if s.key(j) == "-" && s.glued(j) {
		j++
	}
	start := j
	for j < len(s.toks) && j-start < 4 && s.isTitleWord(j) {
		j++
	}
	if j == start {
		return k
	}
	return j
}

// titleBefore reports whether an office comes right before the state at
// token k: "President of France", "Prime Minister of the United
// Kingdom", "Президентом Франції".
func (s *scan) titleBefore(k int) bool {
	p := k - 1
	if s.toks[min(k, len(s.toks)-1)].kind == tOther {
		return p >= 0 && s.mtCyrTitle(p)
	}
	if s.word(p) == "the" {
		p--
	}
	if s.word(p) != "of" {
		return false
	}
	// "Prime Ministers of", "the Presidents of": an office held by
	// several, each of a state.
	switch strings.ToLower(s.word(p - 1)) {
	case "ministers":
		return s.isTitleWord(p - 2)
	case "presidents":
		return true
	}
	return s.isTitleWord(p - 1)
}

// isTitleWord reports whether token k is an office or a word of one.
func (s *scan) isTitleWord(k int) bool {
	w := s.word(k)
	if k < 0 || w == "" {
		return false
	}
	switch s.toks[k].kind {
	case tWord:
		if (mtTitleWords.has(w) || personTitleWords.has(w)) && !mtHonorifics.has(w) && !mtGenericPlural.has(w) {
			return true
		}
		// German compounds: "Außenminister", "Ministerpräsident".
		return len(w) > 7 && (strings.HasSuffix(w, "minister") || strings.HasSuffix(w, "präsident") || strings.HasSuffix(w, "kanzler") || strings.HasSuffix(w, "kanzlerin") || strings.HasSuffix(w, "chef"))
	case tOther:
		return s.mtCyrTitle(k)
	}
	return false
}

// namesAt reads the name that starts at token k, after an optional comma
// and honorific, and ties its surname to code.
func (s *scan) namesAt(k int, code string, ps personStates) {
	if s.key(k) == "," {
		k++
	}
	if mtHonorifics.has(s.word(k)) {
		k++
		if s.key(k) == "." {
			k++
		}
	}
	last := -1
	for j := k; j < len(s.toks) && j-k < 4 && !s.toks[j].brk; j++ {
		if (s.toks[j].kind == tOther && s.capitalAt(j) || s.lexNameWord(j)) && !s.isTitleWord(j) {
			if codes, e := s.nationAt(j); e > j && len(codes) > 0 {
				break
			}
			last = j
			continue
		}
		if s.key(j) == "-" && s.glued(j) && last == j-1 {
			continue // "Jean-Claude"
		}
		break
	}
	if last < 0 {
		return
	}
	ps.tie(personKey(s.word(last)), code)
	if last > k && s.toks[k].kind == tWord && familyNameFirst[code] {
		// "Chinese Foreign Minister Wang Yi" is Wang when named again.
		ps.tie(personKey(s.word(k)), code)
	}
}

// tie ties the surname key to code, unless the text tied it to a state
// before.
func (ps personStates) tie(key, code string) {
	if _, taken := ps[key]; !taken {
		ps[key] = code
	}
}

// familyNameFirst are the states whose people's names English writes
// family name first: "Wang Yi", "Li Qiang", "Yoon Suk Yeol", "Kim Jong
// Un", named again as "Wang", "Li", "Yoon", "Kim".
var familyNameFirst = map[string]bool{"CN": true, "TW": true, "KR": true, "KP": true}

// personKey is a surname's stem: Ukrainian and Russian names take case
// endings ("Шольц", "Шольцом"), so the last two letters of a long name
// are dropped, and a name matches any form that starts with the stem.
func personKey(w string) string {
	n := utf8.RuneCountInString(w)
	if n <= 5 || w[0] < utf8.RuneSelf {
		return w
	}
	for i := 0; i < 2; i++ {
		_, size := utf8.DecodeLastRuneInString(w)
		w = w[:len(w)-size]
	}
	return w
}

// stateOf returns the state a name at token k stands for, or "".
func (ps personStates) stateOf(s *scan, k int) string {
	w := s.word(k)
	if c, ok := ps[w]; ok {
		return c
	}
	if s.toks[k].kind == tOther {
		if c, ok := ps[personKey(w)]; ok {
			return c
		}
	}
	// A leader the news names by surname alone stands for the state
	// when the text names that state somewhere: "President Macron" in
	// an article that never says France or French ties him to none.
	if c := leaderState(w, s.toks[k].kind == tOther); c != "" && s.textNamesState(c) {
		return c
	}
	return ""
}

// personTitleWords are offices written in lower case ("the Ukrainian
// president", "the Latvian foreign minister").
var personTitleWords = caseSet(personTitleWordsIndex,
	"president", "prime", "minister", "chancellor", "secretary", "foreign", "defence", "defense",
	"leader", "premier", "counterpart", "ambassador", "envoy", "king", "queen", "emir", "general",
	"state", "vice", "deputy", "affairs", "spokesman", "spokeswoman", "head", "chief", "first",
	"lady", "national", "security", "adviser", "advisor",
)

// stateNames returns the states of the names in tokens [from, to).
func (r *mtReader) stateNames(from, to int) []string {
	s := r.s
	if s.persons == nil {
		// The text is read for names only when there is a name to look up.
		name := false
		for k := from; k < to && !name; k++ {
			name = s.lexNameWord(k) || s.toks[k].kind == tOther && s.capitalAt(k)
		}
		if !name {
			return nil
		}
	}
	var out []string
	ps := s.people()
	for k := from; k < to; k++ {
		if !s.capitalAt(k) {
			continue
		}
		if c := ps.stateOf(s, k); c != "" {
			out = mtUnion(out, []string{c})
		}
	}
	return out
}

// people returns the text's person-to-state map, read once for both
// taggers.
func (s *scan) people() personStates {
	if s.persons == nil {
		s.persons = s.personStates()
	}
	return s.persons
}
