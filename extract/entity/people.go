package entity

import (
	"maps"
	"slices"
	"strings"

	"github.com/defwatch/defwatch"
)

// People returns the persons text names, each once and in the order they
// are first named, with the title the text gives them: "U.S. Defense
// Secretary Pete Hegseth" is {Pete Hegseth, U.S. Defense Secretary}.
//
// A person is a run of capitalised words after a title ("President",
// "Gen.", "NATO Secretary General", "Außenminister"), or one that starts
// with a known given name. A surname alone ("Secretary Hegseth") folds
// into the full name given elsewhere in the text. Runs that name a body, a
// place, a ship or a state are not persons; where the text is unclear, the
// tagger leaves a name out rather than guess.
func People(text string) []defwatch.Person { return peopleOf(newScan(text)) }

func peopleOf(s *scan) []defwatch.Person {
	var ms []personMention
	for i := 0; i < len(s.toks); {
		if s.cyrHeadAt(i) {
			if m, ok := s.cyrPersonAt(i); ok {
				ms = append(ms, m)
				i = m.end
				continue
			}
		}
		if !s.mayStartPerson(i) {
			i++
			continue
		}
		if m, ok := s.titledAt(i); ok {
			ms = append(ms, m)
			i = m.end
			continue
		}
		if m, ok := s.untitledAt(i); ok {
			ms = append(ms, m)
			i = m.end
			continue
		}
		i++
	}
	return foldMentions(ms)
}

// personMention is one naming of a person.
type personMention struct {
	name, title string
	first, last string // the first and last word of the name, for folding
	words       int    // words in the name, initials and particles aside
	pos, end    int    // tokens
}

// mayStartPerson is a cheap test of whether a title or name can start at
// token i: a word with a capital, or a lower-case title head or qualifier.
func (s *scan) mayStartPerson(i int) bool {
	if !s.isWord(i) {
		return false
	}
	w := s.word(i)
	if startsWithCapital(w) {
		return true
	}
	if len(w) < 4 {
		return slices.Contains(lowerTitles.short, w)
	}
	return lowerTitles.starts.mayStart(w) && (titleHeads[w] || titleQualifiers.has(w))
}

// lowerTitles filters the lower-case words of a text, most of which start
// no title, before they are looked up: the starts of the lower-case title
// words, and the few words of fewer than four bytes ("roi") whole.
var lowerTitles = func() (t struct {
	starts startFilter
	short  []string
}) {
	t.starts.n = 4
	for _, set := range [][]string{slices.Collect(maps.Keys(titleHeads)), titleQualifiers.keys} {
		for _, w := range set {
			switch {
			case startsWithCapital(w):
			case len(w) < 4:
				t.short = append(t.short, w)
			default:
				t.starts.add(w)
			}
		}
	}
	return t
}()

// titledAt reads a title and the name after it from token i.
func (s *scan) titledAt(i int) (personMention, bool) {
	tEnd, strong, ok := s.titleRunAt(i)
	if !ok || tEnd >= len(s.toks) || s.toks[tEnd].brk {
		return personMention{}, false
	}
	nEnd, m, ok := s.personNameAt(tEnd)
	if !ok || s.shipBefore(i) || m.words == 1 && !s.oneWordName(tEnd, nEnd, strong) {
		return personMention{}, false
	}
	start := s.titleStart(i)
	m.title = s.text[s.toks[start].start:s.toks[tEnd-1].end]
	m.pos, m.end = start, nEnd
	return m, true
}

// oneWordName decides whether a title is followed by a name of one word
// over tokens [k, e): a surname after a title that vouches for one
// ("President Biden", "Gen. Welsh"), a given name after a monarch's or a
// pope's, and never a word that looks like a noun, a name cut short by a
// bracket ("[President Vladimir] Putin") or one that runs on into more
// capitalised words ("Mrs. Managing Director").
func (s *scan) oneWordName(k, e int, strong bool) bool {
	w := s.word(k)
	head := s.word(k - 1)
	if head == "." {
		head = s.word(k - 2)
	}
	switch {
	case !strong || looksLikeNoun(w) || s.capitalised(e) && !s.toks[e].brk:
		return false
	case byFirstName.has(head):
		return true
	case givenNames.has(w):
		return false
	}
	// "President of the Norwegian Storting": after a state's adjective the
	// word is the body it qualifies.
	return !s.namesState(k - 1)
}

// untitledAt reads a name with no title before it, which must start with a
// known given name and have a surname; an apposition after it may give the
// title ("Mark Rutte, NATO's secretary general,").
func (s *scan) untitledAt(i int) (personMention, bool) {
	if !givenNames.has(s.word(i)) || s.shipBefore(i) || s.continuesName(i) {
		return personMention{}, false
	}
	nEnd, m, ok := s.personNameAt(i)
	if !ok || m.words < 2 {
		return personMention{}, false
	}
	m.pos, m.end = i, nEnd
	if t, e := s.titleAfter(nEnd); t != "" {
		m.title, m.end = t, e
	}
	return m, true
}

// titleHeadAt reports whether a title head starts at token i, and returns
// the token after it (after the dot of an abbreviation) and whether the
// head vouches for a one-word name.
func (s *scan) titleHeadAt(i int) (end int, strong, ok bool) {
	if !s.isWord(i) {
		return i, false, false
	}
	w := s.word(i)
	strong, ok = titleHeads[w]
	if ok && len(w) <= 5 && isAbbrevHead(w) {
		// An abbreviation is a head only with its dot: "Gen." but not
		// "Gen Z", "Rep" or "Sen".
		if s.key(i+1) == "." && s.glued(i+1) {
			return i + 2, strong, true
		}
		return i, false, false
	}
	if ok {
		return i + 1, strong, true
	}
	if germanHead(w) {
		return i + 1, true, true
	}
	return i, false, false
}

// isAbbrevHead reports whether w is one of the abbreviated heads.
func isAbbrevHead(w string) bool {
	switch w {
	case "Gen", "Adm", "Col", "Maj", "Capt", "Lt", "Sgt", "Cpl", "Pvt", "Pfc", "Spc", "Cmdr",
		"Cdr", "Brig", "Gov", "Sen", "Rep", "Amn", "SrA", "SSgt", "TSgt", "MSgt", "SMSgt",
		"CMSgt", "Ens", "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Sec", "Secy":
		return true
	}
	return false
}

// germanHead reports whether w is a German compound title: Außenminister,
// Bundespräsidentin, Regierungssprecher.
func germanHead(w string) bool {
	if !startsWithCapital(w) || len(w) < 6 {
		return false
	}
	for _, suf := range germanHeadSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// titleRunAt reads the title that starts at token i and runs up to a name:
// heads, qualifiers, joining words and states ("Secretary of State",
// "Chief Master Sgt.", "Präsident der Ukraine"). It returns the token after
// the title and whether any head in it vouches for a one-word name.
func (s *scan) titleRunAt(i int) (end int, strong, ok bool) {
	j := i
	heads := 0
	for j < len(s.toks) && (j == i || !s.toks[j].brk) {
		if e, st, isHead := s.titleHeadAt(j); isHead {
			heads++
			strong = strong || st
			j = e
			continue
		}
		w := s.word(j)
		switch {
		case !s.isWord(j) && s.key(j) == "-" && s.glued(j) && s.glued(j+1) && j > i:
			j++ // Secretary-General, Vice-President
		case s.isWord(j) && titleQualifiers.has(w):
			j++
		case j > i && titleJoins.has(w) && s.titlePartAfterJoin(j+1):
			j++
		case j > i && s.toks[j].kind == tOther && isRankOrdinal(w):
			j++ // Airman 1st Class
		case j > i && heads > 0 && (titleJoins.has(s.word(j-1)) || germanHead(s.word(j-1))) && s.namesState(j):
			// A state inside a title: "President of Ukraine Volodymyr
			// Zelensky", "Präsident Russlands Wladimir Putin".
			_, j = s.nationAt(j)
		default:
			return s.trimTitle(i, j, heads, strong)
		}
	}
	return s.trimTitle(i, j, heads, strong)
}

// trimTitle ends a title run at its last head or qualifier: a joining word
// or a state cannot be the last word before a name.
func (s *scan) trimTitle(i, j, heads int, strong bool) (int, bool, bool) {
	if heads == 0 || j == i {
		return i, false, false
	}
	last := s.word(j - 1)
	if titleJoins.has(last) || s.key(j-1) == "-" {
		return i, false, false
	}
	return j, strong, true
}

// titlePartAfterJoin reports whether token j can follow "of" or "der"
// inside a title.
func (s *scan) titlePartAfterJoin(j int) bool {
	if !s.isWord(j) {
		return false
	}
	w := s.word(j)
	if titleQualifiers.has(w) || titleJoins.has(w) {
		return true
	}
	_, _, head := s.titleHeadAt(j)
	if head {
		return true
	}
	codes, _ := s.nationAt(j)
	return codes != nil
}

func isRankOrdinal(w string) bool {
	n := len(w)
	return n >= 3 && n <= 4 && isDigit(w[0]) &&
		(strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th"))
}

// titleStart extends a title back from token i over what qualifies it:
// states and their possessives ("U.S.", "Russia's"), bodies ("NATO",
// "Air Force Global Strike Command"), hyphenated prefixes ("Ex-") and
// qualifiers ("Defense", "Deputy").
func (s *scan) titleStart(i int) int {
	start := i
	for j := i - 1; j >= 0 && !s.toks[j+1].brk; j-- {
		w := s.word(j)
		switch {
		case s.key(j) == "s" && s.glued(j) && s.key(j-1) == "'" && s.glued(j-1) && s.titleOwner(j-2):
			j -= 2 // "Russia's": the owner starts the title so far
			start = j
			continue
		case s.key(j) == "-" && s.glued(j) && s.glued(j+1) && s.isWord(j-1):
			continue // "Ex-", "HDP-": the word before is taken on the next turn
		case s.isWord(j) && (titleQualifiers.has(w) || s.titleOwner(j)):
		case s.isWord(j) && s.capitalised(j) && !s.openingFunctionWord(j) && titleBodyNouns.has(s.word(start)):
			// An unknown word inside the name of a body: "Global" in
			// "Air Force Global Strike Command".
		default:
			if _, _, head := s.titleHeadAt(j); !head || s.key(j) == "." {
				return s.skipJoins(start, i)
			}
		}
		start = j
	}
	return s.skipJoins(start, i)
}

// skipJoins drops joining words and hyphens from the front of a title.
func (s *scan) skipJoins(start, i int) int {
	for start < i && (titleJoins.has(s.word(start)) || !s.isWord(start)) {
		start++
	}
	return start
}

// titleOwner reports whether token j can own a title: a state ("U.S.",
// "Ukrainian", "türkische"), an acronym ("NATO", "EU") or the seat of a
// government ("Kremlin").
func (s *scan) titleOwner(j int) bool {
	if !s.isWord(j) {
		return false
	}
	if s.allCaps(j) {
		// An acronym, but not a word of an all-capital headline ("VIEW
		// VIDEO Col.").
		return len(s.word(j)) <= 6 && !s.allCaps(j-1) && !s.allCaps(j+1)
	}
	if codes, e := s.nationAt(j); codes != nil && e > j {
		return true
	}
	// The second word of a two-word state: "United States".
	if codes, e := s.nationAt(j - 1); codes != nil && e == j+1 {
		return true
	}
	return false
}

// openingFunctionWord reports whether token j is a word that starts
// sentences without belonging to a title ("The", "In").
func (s *scan) openingFunctionWord(j int) bool {
	w := s.word(j)
	return capitalisedFunctionWords.has(w) || notNameWords.has(w) || calendarWords.has(w)
}

// shipBefore reports whether the run at token i is a ship's name: "USS
// Carl Vinson", "HMS Queen Elizabeth".
func (s *scan) shipBefore(i int) bool {
	switch s.word(i - 1) {
	case "USS", "HMS", "USNS", "HMCS", "HMAS", "INS", "FS", "RFS", "USCGC", "RV", "MV":
		return true
	}
	return false
}

// continuesName reports whether token i continues a run of capitalised
// words that started before it: "Fort George Meade", "Lake Victoria".
func (s *scan) continuesName(i int) bool {
	if i == 0 || s.toks[i].brk {
		return false
	}
	p := i - 1
	switch {
	case s.key(p) == "-" && s.glued(i):
		return true // the second half of Frank-Walter
	case s.key(p) == "." && s.glued(p) && s.word(p-1) == "St":
		return true // St. Louis
	}
	if !s.isWord(p) || !s.capitalised(p) || s.openingFunctionWord(p) {
		return false
	}
	if _, _, head := s.titleHeadAt(p); head {
		return false
	}
	return true
}

// personNameAt reads a person's name from token k: up to four capitalised
// words with initials, particles (von der, bin, al-) and a suffix (Jr.,
// III) among them. It fails when the run turns out to name something else.
func (s *scan) personNameAt(k int) (end int, m personMention, ok bool) {
	var firstTok, lastTok int
	end = k // after the last word or suffix: initials and particles end no name
	j := k
scan:
	for j < len(s.toks) && (j == k || !s.toks[j].brk) {
		w := s.word(j)
		switch {
		case !s.isWord(j):
			break scan
		case isNameInitial(w) && s.key(j+1) == "." && s.glued(j+1) && m.words > 0:
			j += 2
		case m.words > 0 && (isDottedInitials(w) || isNameInitial(w) && s.capitalised(j+1) && !s.allCaps(j+1)):
			j++ // George H.W. Bush, George W Bush
		case nameSuffixes.has(w) && m.words > 0:
			j++
			if (w == "Jr" || w == "Sr") && s.key(j) == "." && s.glued(j) {
				j++
			}
			end = j
			break scan
		case namePrefixes.has(w) && m.words > 0 && (s.capitalised(j+1) || namePrefixes.has(s.word(j+1)) && s.capitalised(j+2)):
			j++
		case !s.capitalised(j) || s.allCaps(j) || len(w) < 2:
			break scan
		case nonPersonWords.has(w):
			return k, m, false
		case nameSuffixes.has(w) && m.words == 0:
			return k, m, false
		case (titleQualifiers.has(w) || titleHeads[w]) && m.words > 0 && nameSuffixes.has(s.word(j+1)):
			// A title word as a surname: "Martin Luther King Jr."
			lastTok = j
			m.words++
			j++
			end = j
		case calendarWords.has(w) || s.openingFunctionWord(j) || titleQualifiers.has(w) || titleHeads[w] || germanHead(w) || s.namesState(j):
			if m.words == 0 {
				return k, m, false
			}
			break scan
		case m.words == 4:
			return k, m, false // too long for a name: "Ronald Reagan Washington National Airport"
		case m.words > 0 && looksLikeNoun(w):
			break scan // a German noun after a name: "Rob Morgan Ansteckabzeichen"
		default:
			if m.words == 0 {
				firstTok = j
			}
			lastTok = j
			m.words++
			j++
			// Hyphenated and apostrophised names: Jean-Claude, al-Assad,
			// O'Brien; not the possessive.
			for (s.key(j) == "-" || s.key(j) == "'") && s.glued(j) && s.glued(j+1) && s.isWord(j+1) &&
				(s.capitalised(j+1) || namePrefixes.has(s.word(j+1))) {
				j += 2
			}
			end = j
		}
	}
	if m.words == 0 {
		return k, m, false
	}
	// A name that runs into the name of a body or a place is part of it:
	// "John F. Kennedy Center", "Ronald Reagan Washington National Airport".
	for n := j; n < j+4 && n < len(s.toks) && !s.toks[n].brk && s.capitalised(n); n++ {
		if nonPersonWords.has(s.word(n)) {
			return k, m, false
		}
	}
	m.name = s.text[s.toks[k].start:s.toks[end-1].end]
	m.first, m.last = s.word(firstTok), s.word(lastTok)
	return end, m, true
}

// namesState reports whether a state's form starts at token j.
func (s *scan) namesState(j int) bool {
	codes, _ := s.nationAt(j)
	return codes != nil
}

func isNameInitial(w string) bool {
	return len(w) == 1 && isUpper(w[0])
}

// isDottedInitials reports whether w is a run of dotted initials ("H.W."),
// which the tokenizer keeps as one word.
func isDottedInitials(w string) bool {
	return len(w) >= 4 && len(w) <= 6 && w[len(w)-1] == '.' && isUpper(w[0]) && w[1] == '.'
}

// nounEndings end common nouns that follow a title in the place of a name
// ("Special Adviser for Policy Implementation") but end few surnames.
var nounEndings = []string{
	"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ing",
	"ung", "heit", "keit", "schaft", "zeichen",
}

// looksLikeNoun reports whether w looks like a common noun rather than a
// name.
func looksLikeNoun(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, e := range nounEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// byFirstName are the titles that name people by their given name alone:
// Pope Francis, King Charles, Prince William.
var byFirstName = setOf(byFirstNameIndex, []string{
	"Pope", "King", "Queen", "Prince", "Princess", "Sultan", "Emir", "Sheikh", "Patriarch",
	"Papst", "König", "Königin", "roi", "reine",
})

// titleAfter reads a title given in apposition after a name ending at
// token e: ", NATO's secretary general," or ", the Ukrainian defence
// minister.". It returns the title and the token after it, or "".
func (s *scan) titleAfter(e int) (string, int) {
	if s.key(e) != "," {
		return "", e
	}
	k := e + 1
	switch s.word(k) {
	case "the", "a", "an":
		k++
	}
	start, heads := k, 0
	for k < len(s.toks) && !s.toks[k].brk {
		w := s.word(k)
		switch {
		case s.key(k) == "'" && s.glued(k) && s.key(k+1) == "s" && k > start:
			k += 2
			continue
		case s.key(k) == "-" && s.glued(k) && s.glued(k+1) && k > start:
			k++
			continue
		}
		if !s.isWord(k) {
			break
		}
		lw := strings.ToLower(w)
		if _, _, ok := s.titleHeadAt(k); ok || titleHeads[withCapital(lw)] || appositionHeads.has(lw) {
			heads++
			k++
			if s.key(k) == "." && s.glued(k) && isAbbrevHead(w) {
				k++
			}
			continue
		}
		if titleQualifiers.has(w) || titleQualifiers.has(withCapital(lw)) || titleJoins.has(w) && heads > 0 {
			k++
			continue
		}
		if codes, ne := s.nationAt(k); codes != nil || s.allCaps(k) {
			if ne <= k {
				ne = k + 1
			}
			k = ne
			continue
		}
		break
	}
	if heads == 0 || k == start || titleJoins.has(s.word(k-1)) {
		return "", e
	}
	// The apposition must end where the clause does.
	switch s.key(k) {
	case ",", ".", ";", ")", ":", "":
	default:
		if k < len(s.toks) && !s.toks[k].brk {
			return "", e
		}
	}
	return s.text[s.toks[start].start:s.toks[k-1].end], k
}

// appositionHeads are heads written in lower case after a name.
var appositionHeads = setOf(appositionHeadsIndex, []string{
	"president", "minister", "secretary", "secretary-general", "chancellor", "spokesman",
	"spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "chief", "director",
	"chairman", "chairwoman", "head", "leader", "general", "admiral", "governor", "senator",
	"mayor", "adviser", "advisor", "premier", "king", "queen", "prince",
})

// foldMentions merges the mentions of each person: full names by their
// first and last word (Donald J. Trump and Donald Trump), then surnames
// alone into the one full name that ends with them. A surname that could
// be two people is dropped. Each person keeps the first title given.
func foldMentions(ms []personMention) []defwatch.Person {
	type person struct {
		defwatch.Person
		first, last string
		pos         int
	}
	var ps []person
	find := func(first, last string) int {
		return slices.IndexFunc(ps, func(p person) bool { return p.first == first && p.last == last })
	}
	for _, m := range ms {
		if m.words < 2 {
			continue
		}
		if k := find(m.first, m.last); k >= 0 {
			if ps[k].Title == "" {
				ps[k].Title = m.title
			}
			continue
		}
		ps = append(ps, person{Person: defwatch.Person{Name: m.name, Title: m.title}, first: m.first, last: m.last, pos: m.pos})
	}
	for _, m := range ms {
		if m.words != 1 {
			continue
		}
		// The full names this surname may stand for, or the person it
		// named alone before.
		k, n := -1, 0
		for j, p := range ps {
			if p.last == m.last && (p.first != p.last || p.Name == m.name) {
				k, n = j, n+1
			}
		}
		switch {
		case n == 0:
			ps = append(ps, person{Person: defwatch.Person{Name: m.name, Title: m.title}, first: m.last, last: m.last, pos: m.pos})
		case n == 1:
			if ps[k].Title == "" || ps[k].pos > m.pos && m.title != "" {
				ps[k].Title = m.title
			}
			ps[k].pos = min(ps[k].pos, m.pos)
		}
	}
	slices.SortStableFunc(ps, func(a, b person) int { return a.pos - b.pos })
	out := make([]defwatch.Person, len(ps))
	for i, p := range ps {
		out[i] = p.Person
	}
	return out
}
