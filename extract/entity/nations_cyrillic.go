package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ukrainian and Russian inflect names and adjectives for case, number and
// gender: Україна, України, Україні, Україну, Україною; російський,
// російська, російських and a dozen more. Rather than list every form, the
// Cyrillic gazetteer holds stems with the class of endings each takes, and
// a word matches when it is a known stem plus one of its class's endings.
// Stems are whole-word matches, never prefixes, so "Франці" with the
// endings of Франція cannot match Франциск.

// cyrState is one state's Cyrillic forms, separated by spaces. A form is
// "stem:class" or a whole word; a leading "!" marks a name that is also a
// common word at the start of a sentence (Того "that", Малі "small"), which
// counts only inside one.
type cyrState struct {
	code, forms string
}

// cyrContext is a form whose reading depends on the word before or after
// it. prev and next are space-separated lower-case prefixes that word must
// start with; code "" reads the form as naming no state.
type cyrContext struct {
	code, forms, prev, next string
}

// cyrKind says how a form may be written.
type cyrKind uint8

const (
	// cyrName is a proper name: capitalised, or in an all-capital headline.
	cyrName cyrKind = iota
	// cyrAcronym is written all in capitals (США, РФ); in lower case it is
	// often a common word (пар "steam").
	cyrAcronym
	// cyrAdj is an adjective, written in lower case but capitalised at the
	// start of a sentence or of a name (Російська Федерація).
	cyrAdj
	// cyrDemonym is a noun for a people, in lower case; capitalised inside a
	// sentence it is a surname (Поляков, Швед).
	cyrDemonym
	// cyrCommon is a lower-case word that names a state only beside another
	// (Білий дім).
	cyrCommon
)

// cyrClass is a set of endings and the kind of word that takes them.
type cyrClass struct {
	endings []string
	kind    cyrKind
}

// cyrClasses merge the Ukrainian and Russian endings of each paradigm: a
// stem spelt in one language never meets the other's endings in real
// text, and a form that exists in neither language harms nothing.
var cyrClasses = map[string]cyrClass{
	// Feminine nouns in -а: Україна, Польща, Москва; Украина, Канады.
	"a": {[]string{"а", "и", "ы", "і", "е", "у", "ой", "ою", "о", "ею", "ей"}, cyrName},
	// Feminine nouns in -ія/-ия: Росія, Франція; Россия, Франции.
	"ia": {[]string{"я", "ї", "ю", "єю", "є", "и", "ей", "ею", "е"}, cyrName},
	// Masculine nouns ending in a hard consonant: Ірак, Лондон, Париж.
	"m": {[]string{"", "а", "у", "і", "е", "ом", "ем", "ові", "еві"}, cyrName},
	// Masculine nouns ending in a soft sign: Ізраїль, Кремль, Тайвань.
	"ms": {[]string{"ь", "я", "ю", "і", "е", "ем", "еві"}, cyrName},
	// Nouns ending in -й: Китай, Парагвай.
	"j": {[]string{"й", "я", "ю", "ї", "є", "єм", "е", "ем"}, cyrName},
	// Feminine nouns ending in a soft sign: Білорусь, Беларусь.
	"f": {[]string{"ь", "і", "и", "сю", "ью"}, cyrName},
	// Neuter nouns in -о: Королівство.
	"o": {[]string{"о", "а", "у", "і", "е", "ом"}, cyrName},
	// Plural names: Нідерланди, Філіппіни, Штати.
	"pl": {[]string{"и", "ы", "ів", "ов", "ам", "ами", "ах"}, cyrName},
	// Adjectives in -ськ-/-цьк-/-ск-, both languages, with "о" for the
	// first half of a compound (українсько-російський).
	"adj": {[]string{
		"ий", "ого", "ому", "им", "ім", "ій", "а", "ої", "у", "ою", "е", "і", "их", "ими",
		"ом", "ая", "ой", "ую", "ое", "ие", "о",
	}, cyrAdj},
	// Demonyms in -ець: українці, американців; украинцы, американцев.
	"dc": {[]string{
		"і", "ів", "ям", "ями", "ях", "я", "ю", "ем", "еві",
		"ы", "ев", "ам", "ами", "ах", "а", "у", "е",
	}, cyrDemonym},
	// Demonyms with a hard stem: француз, поляки, шведів.
	"dh": {[]string{
		"", "и", "ы", "і", "ів", "ов", "ам", "ами", "ах", "а", "у", "ові", "ом", "е",
	}, cyrDemonym},
	// Demonyms in -янин/-яни: росіяни, росіянин; россияне.
	"dj": {[]string{
		"", "и", "е", "ам", "ами", "ах", "ин", "ина", "ину", "ином",
		"ка", "ки", "ці", "ку", "кою", "ке", "кой",
	}, cyrDemonym},
	// Feminine demonyms in -ка: українка, полячки.
	"fem": {[]string{"а", "и", "і", "у", "ою", "ам", "ами", "ах", "е", "ой"}, cyrDemonym},
}

// cyrFilterBytes is how much of a folded word the gazetteer's filter reads:
// three Cyrillic letters, which only one stem (рф) does not have.
const cyrFilterBytes = 6

// cyrMaxEnding is the longest ending of any class, in runes.
const cyrMaxEnding = 4

// cyrForm is one entry of the Cyrillic index, keyed by its folded stem.
type cyrForm struct {
	codes      []string // nil: names no state
	endings    []string // nil: the key is the whole word
	kind       cyrKind
	anyCase    bool // a name that may also be written in lower case
	notFirst   bool // a common word at the start of a sentence
	prev, next []string
}

// cyrLowerCaseNames are the states whose names some Ukrainian outlets write
// in lower case on purpose (росія, рф, кремль).
var cyrLowerCaseNames = map[string]bool{"RU": true}

// buildCyrillic compiles the Ukrainian and Russian tables into one index.
// Forms that need context go first, so that their conditions are tried
// before the plain reading of the same stem.
func buildCyrillic(codes func(string) []string) map[string][]cyrForm {
	idx := make(map[string][]cyrForm, 1500)
	add := func(code, forms, prev, next string, inContext bool) {
		for f := range strings.FieldsSeq(forms) {
			e := cyrForm{codes: codes(code), anyCase: cyrLowerCaseNames[code]}
			if strings.HasPrefix(f, "!") {
				e.notFirst = true
				f = f[1:]
			}
			stem, class, ok := strings.Cut(f, ":")
			if ok {
				c := cyrClasses[class]
				e.endings, e.kind = c.endings, c.kind
			} else {
				e.kind = wholeWordKind(stem, inContext)
			}
			if prev != "" {
				e.prev = strings.Fields(prev)
			}
			if next != "" {
				e.next = strings.Fields(next)
			}
			key := string(foldCyr(nil, stem))
			idx[key] = append(idx[key], e)
		}
	}
	for _, t := range [][]cyrContext{ukInContext, ruInContext} {
		for _, c := range t {
			add(c.code, c.forms, c.prev, c.next, true)
		}
	}
	for _, t := range [][]cyrState{ukStates, ruStates} {
		for _, st := range t {
			add(st.code, st.forms, "", "", false)
		}
	}
	// A stem's conditional readings, from either language, come before
	// its unconditional ones.
	for _, forms := range idx {
		slices.SortStableFunc(forms, func(a, b cyrForm) int {
			return b.conditional() - a.conditional()
		})
	}
	return idx
}

// conditional is 1 for a form with a neighbour condition, which sorts it
// before the stem's plain readings, and 0 otherwise.
func (f cyrForm) conditional() int {
	if f.prev != nil || f.next != nil {
		return 1
	}
	return 0
}

// wholeWordKind tells an acronym (США), a name (Київ) and a lower-case
// word apart by how the form is written. A lower-case word of its own is a
// demonym (чехи, українець); one that needs a neighbour is common (дім).
func wholeWordKind(w string, inContext bool) cyrKind {
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case upper >= 2 && upper == utf8.RuneCountInString(w):
		return cyrAcronym
	case unicode.IsUpper(r):
		return cyrName
	case inContext:
		return cyrCommon
	}
	return cyrDemonym
}

// isCyrillicAt reports whether s starts with a Cyrillic letter (U+0400 to
// U+04FF, whose UTF-8 lead bytes are 0xD0 to 0xD3).
func isCyrillicAt(s string) bool {
	return len(s) > 1 && s[0] >= 0xD0 && s[0] <= 0xD3
}

// foldCyr appends w in lower case, with ё read as е (Russian print mostly
// leaves its dots off) and the marks Ukrainian writes its apostrophe with
// read as "'". The basic Cyrillic letters are folded byte-wise: every
// Cyrillic word of a text is folded, and the unicode tables would be most
// of the cost.
func foldCyr(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c == '`' {
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		}
		if i+1 < len(w) {
			if b0, b1, ok := foldCyrPair(c, w[i+1]); ok {
				dst = append(dst, b0, b1)
				i += 2
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(w[i:])
		dst = foldRune(dst, w[i:i+n])
		i += n
	}
	return dst
}

// foldCyrPair folds the two-byte encoding of a letter from Ѐ (U+0400) to
// џ (U+045F), which holds the Ukrainian and Russian alphabets but ґ.
func foldCyrPair(c, d byte) (byte, byte, bool) {
	switch {
	case c == 0xD0 && d == 0x81, c == 0xD1 && d == 0x91: // Ё, ё
		return 0xD0, 0xB5, true
	case c == 0xD0 && d >= 0x80 && d <= 0x8F: // Ѐ to Џ
		return 0xD1, d + 0x10, true
	case c == 0xD0 && d >= 0x90 && d <= 0x9F: // А to П
		return 0xD0, d + 0x20, true
	case c == 0xD0 && d >= 0xA0 && d <= 0xAF: // Р to Я
		return 0xD1, d - 0x20, true
	case c == 0xD0 && d >= 0xB0 && d <= 0xBF, c == 0xD1 && d >= 0x80 && d <= 0x9F: // а to џ
		return c, d, true
	}
	return 0, 0, false
}

// foldRune appends the first rune of w in lower case, or as "'" when it is
// one of the apostrophes.
func foldRune(dst []byte, w string) []byte {
	r, _ := utf8.DecodeRuneInString(w)
	switch r {
	case '\u02bc', '\u2019':
		return append(dst, '\'')
	case 'Ё', 'ё':
		return append(dst, "е"...)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// cyrWordEnd returns the end of the Cyrillic word at token i: one token,
// or three when an apostrophe joins two (В'єтнам, М'янма, Об'єднане).
func (s *scan) cyrWordEnd(i int) int {
	if i+2 < len(s.toks) && s.key(i+1) == "'" && s.glued(i+1) && s.glued(i+2) &&
		s.toks[i+2].kind == tOther && isCyrillicAt(s.word(i+2)) {
		return i + 3
	}
	return i + 1
}

// cyrFolded folds the word over tokens [i, end) into the scan's buffer.
func (s *scan) cyrFolded(i, end int) []byte {
	s.buf = foldCyr(s.buf[:0], s.text[s.toks[i].start:s.toks[end-1].end])
	return s.buf
}

// cyrNationAt matches the Cyrillic gazetteer at token i, which must be a
// Cyrillic word. Like nationAt it returns the end of the match, or i, and
// the states it names. Neighbouring words that name the same state are one
// mention: Саудівська Аравія, Російська Федерація.
func (s *scan) cyrNationAt(i int) (codes []string, end int) {
	codes, end = s.cyrWordAt(i)
	for codes != nil && end < len(s.toks) && !s.toks[end].brk && s.toks[end].space &&
		s.toks[end].kind == tOther && isCyrillicAt(s.word(end)) {
		more, e := s.cyrWordAt(end)
		if more == nil || more[0] != codes[0] {
			break
		}
		end = e
	}
	return codes, end
}

// cyrWordAt matches one word at token i against the Cyrillic index.
func (s *scan) cyrWordAt(i int) (codes []string, end int) {
	end = s.cyrWordEnd(i)
	key := s.cyrFolded(i, end)
	if len(key) < cyrFilterBytes {
		if !slices.Contains(s.g.cyrShort, string(key)) {
			return nil, i
		}
	} else if !s.g.cyrStarts.mayStartBytes(key) {
		return nil, i
	}
	runes := utf8.RuneCount(key)
	for cut, n := len(key), 0; n <= cyrMaxEnding && runes >= 2; n++ {
		if s.g.cyrStems.mayHold(key[:cut]) {
			ending := string(key[cut:])
			forms := s.g.cyr.at(string(key[:cut]))
			for k := range forms {
				f := &forms[k]
				if !f.takes(ending) || !s.cyrAllowed(f, i, end) {
					continue
				}
				if f.kind == cyrAdj && s.cyrLanguageNoun(end, ending) {
					return nil, end
				}
				return f.codes, end
			}
		}
		// Step back one rune; stems keep at least two.
		_, size := utf8.DecodeLastRune(key[:cut])
		cut -= size
		runes--
	}
	return nil, i
}

// takes reports whether the form's stem takes ending.
func (f *cyrForm) takes(ending string) bool {
	if f.endings == nil {
		return ending == ""
	}
	for _, e := range f.endings {
		if e == ending {
			return true
		}
	}
	return false
}

// cyrAllowed checks a form's case and context at the word over [i, end).
func (s *scan) cyrAllowed(f *cyrForm, i, end int) bool {
	w := s.word(i)
	r, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(r)
	switch f.kind {
	case cyrName:
		if !capital && !f.anyCase {
			return false
		}
	case cyrAcronym:
		if !s.cyrAllCaps(i, end) && !f.anyCase {
			return false
		}
	case cyrDemonym:
		if capital && !s.openingWord(i) && !s.cyrAllCaps(i, end) {
			return false
		}
	case cyrAdj:
		// After a first name a capitalised adjective is a surname
		// (Олександр Македонський); before a capitalised noun it starts the
		// name of a state or its body (Президент Литовської Республіки).
		if capital && !s.openingWord(i) && !s.cyrAllCaps(i, end) && s.cyrCapitalised(i-1) &&
			!s.cyrAllCaps(i-1, i) && !s.cyrCapitalised(s.cyrAfter(end)) {
			return false
		}
	}
	if f.notFirst && s.openingWord(i) {
		return false
	}
	if f.prev != nil && !s.cyrNeighbourStarts(s.cyrBefore(i), f.prev) {
		return false
	}
	if f.next != nil && !s.cyrNeighbourStarts(s.cyrAfter(end), f.next) {
		return false
	}
	return true
}

// cyrBefore returns the token of the word before token i, looking across a
// hyphen (Коста-Ріка), or -1.
func (s *scan) cyrBefore(i int) int {
	if i <= 0 || s.toks[i].brk {
		return -1
	}
	p := i - 1
	switch {
	case s.key(p) == "-" && s.glued(i) && s.glued(p):
		p--
	case s.key(p) == "." && s.glued(p):
		p-- // an abbreviation: "дол. США"
	}
	if p < 0 {
		return -1
	}
	return p
}

// cyrAfter returns the token of the word that starts at token e, looking
// across a hyphen (Гвінея-Бісау), or -1.
func (s *scan) cyrAfter(e int) int {
	if e >= len(s.toks) || s.toks[e].brk {
		return -1
	}
	if s.key(e) == "-" && s.glued(e) && s.glued(e+1) {
		e++
	}
	if e >= len(s.toks) {
		return -1
	}
	return e
}

// cyrNeighbourStarts reports whether the Cyrillic word at token j starts,
// in lower case, with one of prefixes.
func (s *scan) cyrNeighbourStarts(j int, prefixes []string) bool {
	if j < 0 || s.toks[j].kind != tOther || !isCyrillicAt(s.word(j)) {
		return false
	}
	var b [64]byte
	w := foldCyr(b[:0], s.word(j))
	for _, p := range prefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
}

// cyrLanguageWords start the words for "language" (мова, язык).
var cyrLanguageWords = []string{"мов", "язык"}

// cyrLanguageNoun reports whether the adjective ending before token e
// names a language: followed by the word for language (українська мова,
// русский язык), or an instrumental with nothing after it (говорити
// російською.).
func (s *scan) cyrLanguageNoun(e int, ending string) bool {
	if e >= len(s.toks) || s.toks[e].brk {
		return ending == "ою"
	}
	if s.toks[e].kind == tPunct {
		return ending == "ою" && s.key(e) != "-"
	}
	return s.cyrNeighbourStarts(e, cyrLanguageWords)
}

// openingWord reports whether token i starts a sentence, a line, a
// quotation or a line of dialogue.
func (s *scan) openingWord(i int) bool {
	if i <= 0 || s.toks[i].brk {
		return true
	}
	switch s.key(i - 1) {
	case ".", "!", "?", "…", ":", "«", "\"", "“", "„", "(":
		return true
	case "—", "–", "-":
		return s.toks[i].space
	}
	return false
}

// cyrCapitalised reports whether token i is a Cyrillic word with a capital.
func (s *scan) cyrCapitalised(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tOther || !isCyrillicAt(s.word(i)) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.word(i))
	return unicode.IsUpper(r)
}

// cyrAllCaps reports whether the word over tokens [i, end) is written all
// in capitals, as headlines and acronyms are.
func (s *scan) cyrAllCaps(i, end int) bool {
	n := 0
	for _, r := range s.text[s.toks[i].start:s.toks[end-1].end] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}
