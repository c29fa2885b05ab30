package entity

import "strings"

// mtConvenesBody reports whether the verb of convening at token i has a
// body that meets as its object: "Britain is convening a UN Security
// Council", "France convened the UN Security Council", "Велика Британія
// скликає Раду Безпеки ООН", "Франция созывает Совет Безопасности ООН",
// "den UN-Sicherheitsrat einberufen", "la France convoque le Conseil de
// sécurité". Convening a body is calling a meeting of it, whoever the
// sentence names as its people.
func (s *scan) mtConvenesBody(i, to int, orgs []lexHit) bool {
	for _, h := range orgs {
		if h.from <= i || h.from > i+mtConveneReach {
			continue
		}
		// Only articles, a few adjectives ("an emergency", "a special
		// session of the") and the words of the body's own name stand
		// between the verb and the body.
		ok := true
		for k := i + 1; k < h.from && ok; k++ {
			w := strings.ToLower(s.word(k))
			ok = s.capitalAt(k) || mtConveneFillers.has(w) || mtListArticles.has(w) || w == "a" || w == "an"
		}
		if ok {
			return true
		}
	}
	// German puts the verb last: "den UN-Sicherheitsrat einberufen".
	if w := strings.ToLower(s.word(i)); w == "einberufen" || w == "einberief" {
		for _, h := range orgs {
			if h.to <= i && h.to >= i-mtConveneReach {
				return true
			}
		}
	}
	return false
}

// mtConveneReach is how many words after a verb of convening its body may
// start.
const mtConveneReach = 5

// mtConveneFillers may stand between a verb of convening and its body.
var mtConveneFillers = setOf(mtConveneFillersIndex, []string{
	"emergency", "special", "extraordinary", "urgent", "session", "meeting", "of",
	"sitzung", "dringlichkeitssitzung", "sondersitzung", "des", "der",
	"réunion", "session", "urgence", "extraordinaire", "du", "de",
	"засідання", "екстрене", "позачергове", "заседание", "экстренное", "внеочередное",
})

// mtConveningNow reports whether the verb of convening at token i is in
// the present ("is convening", "convenes", "скликає", "созывает",
// "convoque"): a call for a session that is still to come.
func (s *scan) mtConveningNow(i int) bool {
	w := strings.ToLower(s.word(i))
	switch w {
	case "convenes", "convoque":
		return true
	case "convening":
		p := strings.ToLower(s.word(i - 1))
		return p == "is" || p == "are"
	}
	return s.toks[i].kind == tOther && (strings.HasSuffix(w, "ає") || strings.HasSuffix(w, "ають") || strings.HasSuffix(w, "ает") || strings.HasSuffix(w, "ают"))
}
