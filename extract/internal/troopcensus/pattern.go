package main

import (
	"strings"
	"unicode"
)

// The census picks sentences by a deliberately broad pattern, written
// before any tagger output was read: a number in digits or words within
// window words of a personnel, force or casualty word in English,
// Ukrainian, Russian, German or French. It is meant to catch far more than
// figures, so that what the tagger misses shows up in the sample.
const window = 8

// numberWords are number words and vague quantities, lower case, matched
// whole or (for Cyrillic stems) as prefixes in numberStems.
var numberWords = set(
	// en
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
	"seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
	"million", "millions", "dozen", "dozens", "tens", "several", "billion",
	// de
	"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
	"hundert", "hunderte", "tausend", "tausende", "zehntausende", "hunderttausende",
	"dutzende", "millionen",
	// fr
	"deux", "trois", "quatre", "cinq", "dix", "cent", "centaines", "mille",
	"milliers", "dizaines", "millions",
)

// numberStems are prefixes of inflected number words (uk, ru, de).
var numberStems = []string{
	"тисяч", "тис", "сотн", "сотень", "десят", "мільйон", "мільярд", "два", "дві",
	"три", "чотир", "п'ят", "пʼят", "шіст", "сім", "вісім", "дев",
	"тысяч", "миллион", "сотни", "сотен", "десятк", "четыр", "пят", "шест", "восем",
	"zehntausend", "hunderttausend", "tausend",
}

// personnelStems are prefixes of personnel, force and casualty words.
var personnelStems = []string{
	// en
	"troop", "soldier", "personnel", "servicem", "service member", "servicewom",
	"fighter", "forces", "army", "armies", "reservist", "conscript", "recruit",
	"mercenar", "killed", "dead", "death", "died", "casualt", "loss", "wounded",
	"injured", "captured", "prisoner", "pow", "missing", "marines", "sailors",
	"airmen", "guardsmen",
	// uk
	"військов", "солдат", "бійц", "бійці", "особов", "загибл", "вбит", "убит",
	"поранен", "втрат", "полонен", "окупант", "військовополонен",
	// ru
	"военн", "погиб", "потер", "раненых", "пленн",
	// de
	"soldat", "truppe", "reservist", "tote", "toten", "verwundet", "verluste",
	"streitkr", "bundeswehr",
	// fr
	"soldats", "militaires", "effectifs", "morts", "tués", "blessés", "pertes",
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// words splits a sentence into lower-case words; digits with their
// separators stay one word ("10,000", "1.2").
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',' || r == '.' || r == '\'' || r == 'ʼ' || r == '-')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, ",.'-ʼ")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func isNumber(w string) bool {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return true
	}
	if numberWords[w] {
		return true
	}
	for _, s := range numberStems {
		if strings.HasPrefix(w, s) && len([]rune(w)) <= len([]rune(s))+6 {
			return true
		}
	}
	return false
}

func isPersonnel(w string) bool {
	for _, s := range personnelStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// candidate reports whether a sentence has a number within window words
// of a personnel, force or casualty word.
func candidate(sentence string) bool {
	ws := words(sentence)
	// "service member(s)" is two words; join them so one stem finds it.
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "service" && strings.HasPrefix(ws[i+1], "member") {
			ws[i] = "servicem"
		}
	}
	var nums, pers []int
	for i, w := range ws {
		if isNumber(w) {
			nums = append(nums, i)
		}
		if isPersonnel(w) {
			pers = append(pers, i)
		}
	}
	for _, n := range nums {
		for _, p := range pers {
			if n != p && abs(n-p) <= window {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
