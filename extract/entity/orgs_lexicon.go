package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A lexicon finds the names of a closed list (organisations, places) in a
// scanned text with one map lookup per token. It is the same idea as the
// nations gazetteer, with one addition that Ukrainian and Russian need: a
// form's word may be a stem ("Києв*"), so that the six cases of a noun do
// not have to be listed one by one.
type lexicon struct {
	exact table[[]lexEntry] // by the first token's key
	stems table[[]lexEntry] // by the first two runes of a first-word stem, the first lower-cased (lexStemKey)
	// lower has a bit for each ASCII letter a form starts with in lower
	// case ("coalition of the willing"): most words of a text are lower
	// case and start no name, and the bit spares them the map lookup.
	lower uint32
}

// lexEntry is one form of a name.
type lexEntry struct {
	first   lexKey
	rest    []lexKey
	name    string // the normalised name the form stands for
	country string // places only
	rule    lexRule
}

// lexKey is one token of a form: its exact key, or a stem that a token
// must start with (its first letter compared in either case, since
// Ukrainian writes "союзу" and "Союзу" alike).
type lexKey struct {
	text string
	stem bool
}

// lexRule names the check a form's surroundings must pass.
type lexRule uint8

const (
	lexPlain lexRule = iota
	// lexPersonLike: also a person's name ("George Washington", "Sofia
	// Coppola"); not when a capitalised name is glued on either side.
	lexPersonLike
	// lexCapsShy: an acronym that is also an English word in capitals
	// ("WHO"); not inside an all-capital headline.
	lexCapsShy
	// lexBareBody: a UN body named without "UN" ("Security Council");
	// not after another qualifier ("Russia's Security Council",
	// "Georgia General Assembly").
	lexBareBody
	// lexBracketed: an acronym too short to trust unless it stands in
	// brackets or after a German article ("(IS)", "gegen den IS").
	lexBracketed
	// lexNotCurrency: not glued to a currency sign ("AU$").
	lexNotCurrency
)

// lexForm is a source line of a lexicon table: a name and the forms a text
// uses for it, separated by "|". A word ending in "*" is a stem.
type lexForm struct {
	name, country, forms string
	rule                 lexRule
}

// buildLexicon compiles forms. Latin forms also match in capitals
// ("BRUSSELS –" in a dateline), since a text's capitals carry no meaning
// for these names.
func buildLexicon(forms []lexForm, withCaps bool) *lexicon {
	exact, stems := map[string][]lexEntry{}, map[string][]lexEntry{}
	add := func(form string, f lexForm) {
		keys := lexKeys(form)
		if len(keys) == 0 {
			return
		}
		e := lexEntry{first: keys[0], rest: keys[1:], name: f.name, country: f.country, rule: f.rule}
		if e.first.stem {
			var buf [8]byte
			k, ok := lexStemKey(&buf, e.first.text)
			if !ok {
				panic("entity: stem too short in form " + form)
			}
			stems[string(k)] = append(stems[string(k)], e)
			return
		}
		exact[e.first.text] = append(exact[e.first.text], e)
	}
	for _, f := range forms {
		all := append([]string{f.name}, strings.Split(f.forms, "|")...)
		for _, form := range all {
			if form == "" {
				continue
			}
			add(form, f)
			if withCaps && !strings.Contains(form, "*") {
				if up := strings.ToUpper(form); up != form && lexLatinText(form) {
					add(up, f)
				}
			}
		}
	}
	lx := &lexicon{}
	for k := range exact {
		if c := k[0]; c >= 'a' && c <= 'z' {
			lx.lower |= 1 << (c - 'a')
		}
	}
	longestFirst := func(a, b lexEntry) int { return len(b.rest) - len(a.rest) }
	for _, es := range exact {
		slices.SortStableFunc(es, longestFirst)
	}
	for _, es := range stems {
		slices.SortStableFunc(es, longestFirst)
	}
	lx.exact, lx.stems = tableOf(exact), tableOf(stems)
	return lx
}

// lexKeys tokenises a form the way text is tokenised; a "*" glued after a
// word makes that word a stem.
func lexKeys(form string) []lexKey {
	toks := tokenize(form, nil)
	var keys []lexKey
	for i, t := range toks {
		k := tokKey(form, t)
		if k == "*" && i > 0 && !t.space && len(keys) > 0 {
			keys[len(keys)-1].stem = true
			continue
		}
		keys = append(keys, lexKey{text: k})
	}
	return keys
}

func lexLatinText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// lexStemIndex returns the first two runes of w, the first lower-cased.
func lexStemIndex(w string) ([2]rune, bool) {
	r0, n := utf8.DecodeRuneInString(w)
	if n == 0 || n == len(w) {
		return [2]rune{}, false
	}
	r1, _ := utf8.DecodeRuneInString(w[n:])
	return [2]rune{lexLower(r0), r1}, true
}

// lexStemKey writes into buf the first two runes of w in UTF-8, the first
// lower-cased: the key of a stem in a lexicon.
func lexStemKey(buf *[8]byte, w string) ([]byte, bool) {
	r0, n := utf8.DecodeRuneInString(w)
	if n == 0 || n == len(w) {
		return nil, false
	}
	_, n1 := utf8.DecodeRuneInString(w[n:])
	return append(utf8.AppendRune(buf[:0], lexLower(r0)), w[n:n+n1]...), true
}

// lexLower lower-cases a rune, quickly for the Latin and Cyrillic letters
// that make up nearly all text: unicode.ToLower's table search is the
// slowest step of reading a Ukrainian article otherwise.
func lexLower(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < 0x80 || r >= 0x430 && r <= 0x45F:
		return r // ASCII or Cyrillic already lower
	case r >= 0x410 && r <= 0x42F: // А–Я
		return r + 0x20
	case r >= 0x400 && r <= 0x40F: // Ѐ–Џ, with Є, І, Ї
		return r + 0x50
	}
	return unicode.ToLower(r)
}

// lexHasStem reports whether w starts with stem, the first letter compared in
// either case.
func lexHasStem(w, stem string) bool {
	r0, n0 := utf8.DecodeRuneInString(w)
	s0, m0 := utf8.DecodeRuneInString(stem)
	if n0 == 0 || lexLower(r0) != lexLower(s0) {
		return false
	}
	return strings.HasPrefix(w[n0:], stem[m0:])
}

// lexKeyMatches reports whether token i has key k.
func (s *scan) lexKeyMatches(i int, k lexKey) bool {
	if k.stem {
		return s.toks[i].kind != tPunct && lexHasStem(s.word(i), k.text)
	}
	return s.key(i) == k.text
}

// lexAt returns the longest entry of lx that starts at token i and ends
// by token limit, and the token after it. A name does not run across a
// line break. Surrounding checks are left to the caller, which knows what
// kind of name it looks for.
func (s *scan) lexAt(lx *lexicon, i, limit int) (*lexEntry, int) {
	t := s.toks[i]
	if t.kind == tPunct || t.kind == tNum {
		return nil, i
	}
	if c := s.text[t.start]; c >= 'a' && c <= 'z' && lx.lower&(1<<(c-'a')) == 0 {
		return nil, i
	}
	var best *lexEntry
	end := i
	try := func(es []lexEntry) {
		for k := range es {
			e := &es[k]
			if i+1+len(e.rest) <= end || i+1+len(e.rest) > limit {
				continue
			}
			if !s.lexKeyMatches(i, e.first) {
				continue
			}
			ok := true
			for j, key := range e.rest {
				if s.toks[i+1+j].brk || !s.lexKeyMatches(i+1+j, key) {
					ok = false
					break
				}
			}
			if ok {
				best, end = e, i+1+len(e.rest)
				return // entries are longest first
			}
		}
	}
	try(lx.exact.at(s.key(i)))
	if t.kind == tOther {
		var buf [8]byte
		if k, ok := lexStemKey(&buf, s.word(i)); ok {
			try(lx.stems.at(string(k)))
		}
	}
	return best, end
}

// lexHit is a name found in the text, as tokens [from, to).
type lexHit struct {
	from, to int
	e        *lexEntry
}

// lexHits returns the names of lx in tokens [from, to) that pass their
// rules, in text order, without overlaps.
func (s *scan) lexHits(lx *lexicon, from, to int, keep func(h lexHit) bool) []lexHit {
	var out []lexHit
	for i := from; i < to; {
		e, end := s.lexAt(lx, i, to)
		if e == nil {
			i++
			continue
		}
		h := lexHit{from: i, to: end, e: e}
		if s.lexRuleOK(h) && (keep == nil || keep(h)) {
			out = append(out, h)
		}
		i = end
	}
	return out
}

// lexRuleOK applies the entry's rule to its surroundings.
func (s *scan) lexRuleOK(h lexHit) bool {
	i, end := h.from, h.to
	switch h.e.rule {
	case lexPersonLike:
		if !s.toks[i].brk && s.lexNameWord(i-1) {
			return false
		}
		if end < len(s.toks) && !s.toks[end].brk && s.lexNameWord(end) && !s.startsLex(end) {
			return false
		}
	case lexCapsShy:
		if s.allCaps(i-1) && !s.toks[i].brk || s.allCaps(end) && end < len(s.toks) && !s.toks[end].brk {
			return false
		}
	case lexBareBody:
		p := i - 1
		if s.key(p) == "s" && s.key(p-1) == "'" {
			return false
		}
		if s.capitalised(p) && !capitalisedFunctionWords.has(s.word(p)) && !s.toks[i].brk {
			return false
		}
	case lexBracketed:
		if s.key(i-1) == "(" && s.key(end) == ")" {
			return true
		}
		switch s.word(i - 1) {
		case "der", "des", "den", "dem", "die", "gegen", "vom", "zum":
			return true
		}
		return false
	case lexNotCurrency:
		if end < len(s.toks) && s.glued(end) && s.key(end) == "$" {
			return false
		}
	}
	return true
}

// lexNameWord reports whether token i is a capitalised word that could be
// part of a person's or a title's name: not a function word, a month or a
// weekday, and not in capitals.
func (s *scan) lexNameWord(i int) bool {
	if !s.capitalised(i) || s.allCaps(i) {
		return false
	}
	w := s.word(i)
	return !capitalisedFunctionWords.has(w) && !calendarWords.has(w) && !lexSentenceWords.has(w)
}

// startsLex reports whether a place or an organisation may start at
// token i, so that "Washington Brussels" is two places and no name.
func (s *scan) startsLex(i int) bool {
	k := s.key(i)
	return placeLex().exact.has(k) || orgLex().exact.has(k)
}

// lexSentenceWords start sentences in news without being names.
var lexSentenceWords = setOf(lexSentenceWordsIndex, []string{
	"It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those",
	"There", "Here", "A", "An", "Its", "His", "Her", "Their", "Our", "My", "Yesterday",
	"Today", "Tomorrow", "Last", "Next", "Earlier", "Later", "Now", "Officials",
	"President", "Prime", "Minister", "Secretary", "Chancellor", "General", "Gen",
	"Airport", "Region", "Oblast", "Province", "Summit", "Meeting", "Talks",
})
