package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is made of.
type tokKind uint8

const (
	// tWord is a run of Latin letters, or a dotted initialism such as U.S.
	tWord tokKind = iota
	// tNum is a run of ASCII digits with any thousands separators or
	// decimal point inside it ("10,000", "10 000", "1.5").
	tNum
	// tPunct is one punctuation mark or symbol.
	tPunct
	// tOther is a run of letters of another script, or digits glued to
	// letters ("82nd", "1990s"). It matches nothing, and by being a token
	// it keeps the words on either side apart: scraped text puts Thai
	// mojibake straight after names ("Russiaโ€™s").
	tOther
)

// token is a span of the text. Tokens keep offsets rather than strings so
// that tokenising costs one slice and no copying.
type token struct {
	start, end int
	kind       tokKind
	space      bool // whitespace, or the start of the text, comes before it
	brk        bool // a line break comes before it
}

// tokenize splits text into tokens, appending to toks.
func tokenize(text string, toks []token) []token {
	space, brk := true, false
	for i := 0; i < len(text); {
		c := text[i]
		var kind tokKind
		var j int
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c == '\n':
				space, brk = true, true
				i++
				continue
			case isASCIILetter(c):
				kind, j = tWord, scanWord(text, i)
			case isDigit(c):
				kind, j = tNum, scanNumber(text, i)
				if j < len(text) && startsLetter(text[j:]) && !lostSpace(text, i, j) {
					kind, j = tOther, scanGlued(text, j)
				}
			default:
				kind, j = tPunct, i+1
			}
		} else if cyrillicLetterAt(text, i) > 0 {
			kind, j = tOther, scanForeign(text, i)
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				space = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					brk = true
				}
				i += n
				continue
			case unicode.Is(unicode.Latin, r):
				kind, j = tWord, scanWord(text, i)
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
				kind, j = tOther, scanForeign(text, i)
			default:
				kind, j = tPunct, i+n
			}
		}
		toks = append(toks, token{start: i, end: j, kind: kind, space: space, brk: brk})
		space, brk = false, false
		i = j
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isUpper(c byte) bool       { return c >= 'A' && c <= 'Z' }

// lostSpace reports whether the number text[i:j] runs into a word only
// because a page lost the space between them: "over 100,000soldiers". The
// number has a group separator and the word is four or more lower-case
// letters with nothing glued after it, so "5th", "1990s", "100km", "F16s"
// and "3M" stay one token.
func lostSpace(text string, i, j int) bool {
	if !strings.ContainsAny(text[i:j], ",.") {
		return false
	}
	k := j
	for k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
		k++
	}
	if k-j < 4 {
		return false
	}
	return k == len(text) || !isASCIILetter(text[k]) && !isDigit(text[k]) && text[k] < utf8.RuneSelf
}

// startsLetter reports whether s begins with a letter of any script.
func startsLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isASCIILetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// latinAt returns the size of the Latin letter or combining mark at s[i],
// or 0. Combining marks belong to the word so that decomposed "Côte" stays
// one token.
func latinAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if isASCIILetter(c) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) {
		return n
	}
	return 0
}

// scanWord returns the end of the word starting at i. A single capital
// followed by a dot and more capital-dot pairs ("U.S.", "U.S.A.", "D.R.")
// is one word, dots included, so that initialisms can be looked up whole.
func scanWord(s string, i int) int {
	if isUpper(s[i]) && i+3 < len(s) && s[i+1] == '.' && isUpper(s[i+2]) && s[i+3] == '.' {
		j := i
		for j+1 < len(s) && isUpper(s[j]) && s[j+1] == '.' && (j+2 >= len(s) || latinAt(s, j+2) == 0 || isUpper(s[j+2])) {
			j += 2
		}
		// "U.S.Army" without a space still ends the initialism at the dot.
		return j
	}
	j := i
	for j < len(s) {
		if isASCIILetter(s[j]) {
			j++
			continue
		}
		n := latinAt(s, j)
		if n == 0 {
			break
		}
		j += n
	}
	return j
}

// scanForeign returns the end of a run of non-Latin letters, digits and marks.
func scanForeign(s string, i int) int {
	j := i
	for j < len(s) {
		if n := cyrillicLetterAt(s, j); n > 0 {
			j += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if r < utf8.RuneSelf && !isDigit(byte(r)) && !isASCIILetter(byte(r)) {
			break
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			break
		}
		j += n
	}
	return j
}

// cyrillicLetterAt returns the size of the letter or mark of the basic
// Cyrillic block (U+0400 to U+04FF) at s[i], or 0. Ukrainian and Russian
// are most of what defwatch reads besides Latin script, and this spares
// their every letter a look-up in the unicode tables; the three signs of
// the block that are neither letters nor marks of a word (U+0482, U+0488,
// U+0489) are left to those tables.
func cyrillicLetterAt(s string, i int) int {
	if i+1 >= len(s) {
		return 0
	}
	c, d := s[i], s[i+1]
	if c < 0xD0 || c > 0xD3 || d&0xC0 != 0x80 || c == 0xD2 && (d == 0x82 || d == 0x88 || d == 0x89) {
		return 0
	}
	return 2
}

// scanGlued returns the end of letters and digits glued to a number.
func scanGlued(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			break
		}
		j += n
	}
	return j
}

// digitRun returns the end of the ASCII digits starting at i.
func digitRun(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// groupAt reports whether s[i:] is exactly three digits not followed by
// another digit: the only shape a thousands group can have.
func groupAt(s string, i int) bool {
	return i+3 <= len(s) && isDigit(s[i]) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isDigit(s[i+3]))
}

// spaceSep returns the size of a space that may separate thousands groups
// ("10 000", with a plain, no-break or thin space), or 0.
func spaceSep(s string, i int) int {
	switch {
	case s[i] == ' ':
		return 1
	case i+1 < len(s) && s[i] == 0xC2 && s[i+1] == 0xA0: // U+00A0
		return 2
	case i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x89 || s[i+2] == 0xAF): // U+2009, U+202F
		return 3
	}
	return 0
}

// scanNumber returns the end of the number starting at i. It takes in
// thousands groups after a comma, a dot or a single space, and one decimal
// part; which reading a dot gets is left to parseDigits, since only the
// words after the number can tell "10.000" from "1.5".
func scanNumber(s string, i int) int {
	j := digitRun(s, i)
	lead := j - i
	sep := byte(0) // the group separator in use, once one is seen
	for j < len(s) {
		c := s[j]
		switch {
		case c == ',' && lead <= 3 && (sep == 0 || sep == ',') && groupAt(s, j+1):
			sep = ','
			j += 4
		case c == '.' && j+1 < len(s) && isDigit(s[j+1]):
			k := digitRun(s, j+1)
			if k-(j+1) == 3 && lead <= 3 && (sep == 0 || sep == '.') {
				sep = '.'
				j = k
				continue
			}
			// A decimal part ends the number.
			return k
		case sep == 0 || sep == ' ':
			n := spaceSep(s, j)
			if n == 0 || lead > 3 || !groupAt(s, j+n) {
				return j
			}
			sep = ' '
			j += n + 3
		default:
			return j
		}
	}
	return j
}

// punctKey folds the look-alike apostrophes, hyphens and dashes that real
// text uses into the ones the gazetteer and the readers are written with:
// ASCII apostrophe and hyphen, en dash and em dash. A general staff's
// "personnel ‒ about 150,000" uses the figure dash.
func punctKey(p string) string {
	switch p {
	case "\u2019", "\u2018", "\u02bc", "`", "\u00b4":
		return "'"
	case "\u2010", "\u2011", "\u2212", "\ufe63", "\uff0d":
		return "-"
	case "\u2012":
		return "\u2013"
	case "\u2015", "\ufe58":
		return "\u2014"
	}
	return p
}
