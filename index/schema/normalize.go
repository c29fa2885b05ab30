package schema

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// normalizer makes the spellings of one word that people type
// interchangeably into one term, after lower-casing and before stop words
// and stemming:
//
//   - every apostrophe (’ ʼ ＇ ‘ ′) becomes ', so "NATO’s" and "NATO's" are
//     one word; in Cyrillic words the apostrophe is dropped, since
//     Ukrainian writes "зв'язок", "зв’язок" and "звʼязок" for one word;
//   - letters of an acronym written with dots lose them: "u.s" (from
//     "U.S.") is "us", "u.k" is "uk";
//   - Latin letters lose their diacritics ("défense" is "defense",
//     "Łukaszenka" is "lukaszenka", "ß" is "ss"), while Cyrillic letters keep
//     theirs (й, ї and є are letters of their own), except Russian ё, which
//     print writes as е more often than not.
//
// It changes only terms, never offsets, so highlights still point into the
// text as it is.
type normalizer struct{}

func (normalizer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if s, changed := normalizeTerm(t.Term); changed {
			t.Term = []byte(s)
		}
	}
	return input
}

// normalizeTerm is the term after normalisation, and whether it changed.
// Plain lower-case ASCII words, most of the terms, cost one pass over
// their bytes.
func normalizeTerm(term []byte) (string, bool) {
	// Most terms are plain: ASCII without dots or apostrophes, or
	// Cyrillic (U+0400–U+04FF, lead bytes D0–D3) other than ё (D1 91).
	plain := true
	for i := 0; i < len(term) && plain; i++ {
		switch c := term[i]; {
		case c == '.' || c == '\'':
			plain = false
		case c < utf8.RuneSelf:
		case c >= 0xd0 && c <= 0xd3 && i+1 < len(term):
			plain = !(c == 0xd1 && term[i+1] == 0x91)
			i++
		default:
			plain = false
		}
	}
	if plain {
		return "", false
	}
	s := string(term)
	cyrillic := false
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			cyrillic = true
			break
		}
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case isApostrophe(r):
			if !cyrillic {
				out = append(out, '\'')
			}
		case r == 'ё':
			out = append(out, 'е')
		case r < utf8.RuneSelf || !isLatin(r):
			out = append(out, r)
		default:
			out = appendFolded(out, r)
		}
	}
	if isDottedAcronym(out) {
		j := 0
		for _, r := range out {
			if r != '.' {
				out[j] = r
				j++
			}
		}
		out = out[:j]
	}
	folded := string(out)
	return folded, folded != s
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '＇', '‘', '′':
		return true
	}
	return false
}

func isLatin(r rune) bool { return unicode.Is(unicode.Latin, r) }

// appendFolded appends r without its diacritics: the letters that do not
// decompose into a base letter and marks are spelled out.
func appendFolded(out []rune, r rune) []rune {
	switch r {
	case 'ß':
		return append(out, 's', 's')
	case 'æ':
		return append(out, 'a', 'e')
	case 'œ':
		return append(out, 'o', 'e')
	case 'ø':
		return append(out, 'o')
	case 'ł':
		return append(out, 'l')
	case 'đ', 'ð':
		return append(out, 'd')
	case 'þ':
		return append(out, 't', 'h')
	case 'ı':
		return append(out, 'i')
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, d)
		}
	}
	return out
}

// isDottedAcronym says the term is single letters joined by dots: "u.s",
// "u.k", "e.u".
func isDottedAcronym(rs []rune) bool {
	if len(rs) < 3 {
		return false
	}
	for i, r := range rs {
		if i%2 == 1 {
			if r != '.' {
				return false
			}
		} else if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
