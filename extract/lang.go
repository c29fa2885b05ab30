package extract

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
)

// stopwords are frequent function words that tell Latin- and
// Cyrillic-script languages apart. A few dozen words a language is enough for
// news text and costs kilobytes, where n-gram models cost megabytes. A
// slice of literals, the linker lays it out: nothing is built at start-up.
var stopwords = []struct {
	lang  string
	words []string
}{
	{"en", []string{"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "by", "as", "at", "from", "his", "have", "has", "it", "be", "this", "which", "were", "said", "will", "their", "not", "but", "they"}},
	{"de", []string{"der", "die", "und", "das", "den", "nicht", "ist", "von", "sich", "mit", "des", "auf", "für", "dem", "ein", "eine", "auch", "es", "im", "wird", "nach", "bei", "werden", "wurde", "sind", "zu", "einer", "aus", "hat", "sie"}},
	{"fr", []string{"le", "la", "les", "des", "et", "est", "une", "du", "dans", "que", "pour", "qui", "sur", "au", "aux", "pas", "par", "avec", "ce", "il", "sont", "été", "ont", "mais", "leur", "cette", "selon", "entre", "d", "l"}},
	{"es", []string{"el", "los", "las", "del", "y", "que", "en", "por", "con", "una", "para", "es", "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "ha", "entre", "sobre", "también", "han", "sin", "desde", "muy"}},
	{"it", []string{"il", "di", "che", "della", "per", "con", "non", "una", "sono", "gli", "del", "nel", "alla", "anche", "come", "più", "dei", "delle", "è", "ha", "ma", "questo", "tra", "dal", "nella", "essere", "stato", "degli", "le", "si"}},
	{"pt", []string{"os", "as", "que", "não", "uma", "para", "com", "dos", "das", "por", "mais", "foi", "como", "ao", "pelo", "pela", "seu", "sua", "também", "são", "ele", "na", "no", "em", "do", "da", "um", "se", "mas", "ou"}},
	{"nl", []string{"de", "het", "een", "van", "en", "is", "dat", "op", "niet", "zijn", "voor", "met", "ook", "aan", "er", "maar", "om", "bij", "nog", "wordt", "worden", "naar", "door", "uit", "heeft", "deze", "tot", "dan", "als", "over"}},
	{"pl", []string{"się", "nie", "to", "na", "jest", "że", "do", "w", "z", "jak", "od", "za", "po", "ale", "są", "przez", "dla", "może", "tym", "oraz", "jego", "także", "który", "które", "była", "było", "już", "tak", "tylko", "czy"}},
	{"uk", []string{"і", "в", "на", "що", "не", "з", "до", "у", "це", "як", "та", "за", "від", "про", "ми", "ви", "його", "є", "але", "також", "які", "який", "під", "буде", "було", "вже", "щоб", "наших", "україни", "нас"}},
	{"ru", []string{"и", "в", "не", "на", "что", "с", "как", "по", "это", "он", "к", "но", "из", "у", "за", "от", "о", "так", "же", "для", "все", "был", "было", "его", "только", "уже", "который", "года", "россии", "также"}},
}

// DetectLang guesses the language of text as an ISO 639-1 code, or "" when
// there is too little text to tell.
func DetectLang(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	var han, kana, hangul, cyr, arabic, hebrew, greek, thai, latin, devanagari int
	var ukLetters, ruLetters, faLetters, urLetters int
	for _, r := range text {
		switch {
		case r < 0x250:
			// ASCII, Latin-1 and Latin Extended-A and -B: no letter here
			// belongs to a script counted below. The scripts are disjoint,
			// so Cyrillic, the most common of them here, is tried first.
			if unicode.IsLetter(r) {
				latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				ukLetters++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ё':
				ruLetters++
			}
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Arabic, r):
			arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی':
				faLetters++
			case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
				urLetters++
			}
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Thai, r):
			thai++
		case unicode.Is(unicode.Devanagari, r):
			devanagari++
		case unicode.IsLetter(r):
			latin++ // accented Latin
		}
	}
	letters := han + kana + hangul + cyr + arabic + hebrew + greek + thai + latin + devanagari
	if letters < 20 {
		return ""
	}
	switch max(han+kana, hangul, cyr, arabic, hebrew, greek, thai, latin, devanagari) {
	case hangul:
		return "ko"
	case han + kana:
		if kana*10 > han {
			return "ja"
		}
		return "zh"
	case arabic:
		if urLetters > faLetters && urLetters > 0 {
			return "ur"
		}
		if faLetters*20 > arabic {
			return "fa"
		}
		return "ar"
	case hebrew:
		return "he"
	case greek:
		return "el"
	case thai:
		return "th"
	case devanagari:
		return "hi"
	case cyr:
		if ukLetters > ruLetters {
			return "uk"
		}
		if ruLetters > 0 {
			return "ru"
		}
		return bestByStopwords(text, "uk", "ru")
	}
	return bestByStopwords(text, "en", "de", "fr", "es", "it", "pt", "nl", "pl")
}

// stopwordLangs maps each stop word to the languages that use it, bit i
// standing for stopwords[i]; built on first use, read only.
var stopwordLangs = sync.OnceValue(func() map[string]uint16 {
	if len(stopwords) > 16 {
		panic("extract: stopwordLangs holds a bit for at most 16 languages")
	}
	m := make(map[string]uint16, 30*len(stopwords))
	for i, sw := range stopwords {
		for _, w := range sw.words {
			m[w] |= 1 << i
		}
	}
	return m
})

func bestByStopwords(text string, langs ...string) string {
	var hits [16]int // by stopwords' index
	byWord := stopwordLangs()
	count := func(word string) {
		for set := byWord[word]; set != 0; set &= set - 1 {
			hits[bits.TrailingZeros16(set)]++
		}
	}
	// The words are the runs of letters, read in place.
	lower := strings.ToLower(text)
	start := -1 // where the word being read began
	for i, r := range lower {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			count(lower[start:i])
			start = -1
		}
	}
	if start >= 0 {
		count(lower[start:])
	}
	best, bestScore := langs[0], -1
	for _, l := range langs {
		score := 0
		for i, sw := range stopwords {
			if sw.lang == l {
				score += hits[i]
			}
		}
		if score > bestScore {
			best, bestScore = l, score
		}
	}
	return best
}

// primaryLang reduces a language tag from a feed or a header ("en-US",
// "pt_BR", "DE") to its primary subtag, lower case; anything that is not a
// tag becomes "".
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_;, "); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII {
			return ""
		}
	}
	return strings.ToLower(tag)
}
