package schema

import (
	"bytes"
	"slices"
	"strings"
	"sync"
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
		t.Term = stemUK(t.Term)
	}
	return input
}

// ukMinStem is the fewest letters a stem keeps.
const ukMinStem = 3

// ukEnding is an ending and its length in letters.
type ukEnding struct {
	b []byte
	n int
}

// ukEndings are the endings stemUK removes, longest first, so the longest
// that fits wins. They are sorted on first use, not when a command that
// never indexes starts.
var ukEndings = sync.OnceValue(func() []ukEnding {
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
	out := make([]ukEnding, len(all))
	for i, e := range all {
		out[i] = ukEnding{[]byte(e), utf8.RuneCountInString(e)}
	}
	slices.SortStableFunc(out, func(a, b ukEnding) int { return b.n - a.n })
	return out
})

var (
	reflexive = [][]byte{[]byte("ся"), []byte("сь")}
	// softFinal are the letters a stem does not end in.
	softFinal = "аеєиіїоуюяйь"
)

// stemUK is the stem of a lower-case word: a shorter slice of the same
// bytes. Words that are not Cyrillic are left alone.
func stemUK(w []byte) []byte {
	if len(w) < 2 || w[0] != 0xd0 && w[0] != 0xd1 { // not Cyrillic
		return w
	}
	n := utf8.RuneCount(w)
	if n <= ukMinStem {
		return w
	}
	s := w
	// A reflexive verb's particle comes off before its ending.
	for _, p := range reflexive {
		if bytes.HasSuffix(s, p) && n-2 >= ukMinStem+1 {
			s, n = s[:len(s)-len(p)], n-2
			break
		}
	}
	// An ending that would leave too short a stem gives way to a shorter
	// one.
	for _, e := range ukEndings() {
		if n-e.n >= ukMinStem && bytes.HasSuffix(s, e.b) {
			s, n = s[:len(s)-len(e.b)], n-e.n
			break
		}
	}
	if n > ukMinStem {
		if r, size := utf8.DecodeLastRune(s); strings.ContainsRune(softFinal, r) {
			s = s[:len(s)-size]
		}
	}
	return s
}
