package schema

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// ukStemmer is a light stemmer for Ukrainian: it removes the inflectional
// ending of nouns and adjectives (and the commonest verb endings), so the
// case forms of one word share a term: "переговори", "переговорів" and
// "переговорах" are all "переговор"; "Україна", "України", "Україною" are
// "україн". It does not undo the consonant and vowel changes inside a
// stem ("допомога" and "допомозі", "Київ" and "Києва"): that needs a
// dictionary, and a light stemmer errs on the side of leaving a word alone.
//
// There is no Ukrainian stemmer in Bleve or Snowball; this one follows the
// approach of Savoy's light stemmers for other Slavic languages: strip the
// longest ending that leaves a stem of at least ukMinStem letters, then
// drop one vowel or soft sign the ending left at the end of a longer stem,
// so "санкції" and "санкцій" meet at "санкц", "зброя" and "зброю" at "збр". Verb endings are left alone:
// "-ла", "-ти", "-ть" end as many noun stems ("підрозділи", "роботи",
// "смерть") as verbs.
type ukStemmer struct{}

func (ukStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if s, ok := stemUK(string(t.Term)); ok {
			t.Term = []byte(s)
		}
	}
	return input
}

// ukMinStem is the fewest letters a stem keeps.
const ukMinStem = 3

// ukEndings are the endings stemUK removes, longest first within each
// length so the longest that fits wins.
var ukEndings = func() [][]string {
	all := []string{
		// adjectives (and nouns that decline like them)
		"ього", "ьому", "ими", "іми", "ого", "ому", "ої", "ою", "ею", "єю",
		"ий", "ій", "им", "ім", "их", "іх",
		// nouns; not "-ам" and "-ем", which end more stems ("програм",
		// "проблем") than datives and instrumentals
		"ами", "ями", "ові", "еві", "єві", "ів", "їв", "ах", "ях", "ям", "ом", "ей",
		// one letter
		"а", "я", "о", "е", "є", "у", "ю", "и", "і", "ї", "ь",
	}
	byLen := map[int][]string{}
	longest := 0
	for _, e := range all {
		n := utf8.RuneCountInString(e)
		byLen[n] = append(byLen[n], e)
		longest = max(longest, n)
	}
	out := make([][]string, 0, longest)
	for n := longest; n >= 1; n-- {
		out = append(out, byLen[n])
	}
	return out
}()

// stemUK is the stem of a lower-case word, and whether it differs. Words
// that are not Cyrillic are left alone.
func stemUK(w string) (string, bool) {
	n := utf8.RuneCountInString(w)
	if n <= ukMinStem || !isCyrillicWord(w) {
		return w, false
	}
	s := w
	// A reflexive verb's particle comes off before its ending.
	for _, p := range []string{"ся", "сь"} {
		if strings.HasSuffix(s, p) && n-2 >= ukMinStem+1 {
			s = s[:len(s)-len(p)]
			n -= 2
			break
		}
	}
endings:
	for _, group := range ukEndings {
		for _, e := range group {
			// An ending that would leave too short a stem gives way to a
			// shorter one.
			if k := utf8.RuneCountInString(e); strings.HasSuffix(s, e) && n-k >= ukMinStem {
				s = s[:len(s)-len(e)]
				n -= k
				break endings
			}
		}
	}
	if n > ukMinStem {
		if r, size := utf8.DecodeLastRuneInString(s); strings.ContainsRune("аеєиіїоуюяйь", r) {
			s = s[:len(s)-size]
		}
	}
	return s, s != w
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if r >= 'а' && r <= 'я' || r == 'і' || r == 'ї' || r == 'є' || r == 'ґ' {
			return true
		}
	}
	return false
}
