package entity

import "github.com/defwatch/defwatch"

// German and French figures given after their noun: "Die Zahl der
// getöteten Soldaten stieg auf 50", "Die Truppenstärke soll auf 203.000
// steigen", "beziffert die russischen Verluste auf 500.000", "Le nombre
// de soldats russes tués s'élève à 50 000", "Les effectifs de l'armée
// atteindront 275 000".

var (
	// measurePreps stand right before a total in German and French: "auf
	// 50", "à 50 000", "liegt bei 5.000".
	measurePreps = setOf(measurePrepsIndex, []string{"auf", "bei", "à"})
	// measureVerbsIntl give a total with no preposition: "beträgt 5.000",
	// "atteindront 275 000".
	measureVerbsIntl = setOf(measureVerbsIntlIndex, []string{
		"beträgt", "betrug", "betragen", "betrugen", "erreicht", "erreichte", "erreichten",
		"atteint", "atteindra", "atteindront", "atteignent", "atteignait", "dépasse", "dépassent", "dépassé",
	})
	// countHeads take a personnel noun after them as what they count:
	// "die Zahl der Soldaten", "le nombre de soldats".
	countHeads = setOf(countHeadsIndex, []string{"zahl", "anzahl", "gesamtzahl", "nombre"})
	// strengthHeads are a force's size by themselves: "die Truppenstärke",
	// "les effectifs".
	strengthHeads = setOf(strengthHeadsIndex, []string{"truppenstärke", "personalstärke", "sollstärke", "truppenzahl", "effectifs", "effectif"})
	// lossHeads are a force's losses when a state's adjective comes with
	// them: "die russischen Verluste", "les pertes russes".
	lossHeads = setOf(lossHeadsIndex, []string{"verluste", "pertes"})
)

// intlMeasureAt reads a German or French figure given after its noun, at
// the count at token i.
func (s *scan) intlMeasureAt(i int) (defwatch.Troop, int, bool) {
	var t defwatch.Troop
	hedged := false
	v := i - 1
	for h := max(0, i-3); h < i; h++ {
		if e, ok := s.intlHedgeAt(h); ok && e == i {
			v, hedged = h-1, true // "auf mehr als 300.000", "à plus de 50 000"
			break
		}
	}
	if w := s.lower(v); !measurePreps.has(w) && !measureVerbsIntl.has(w) {
		return t, 0, false
	}
	q, ok := s.intlMeasureFigureAt(i)
	if !ok {
		return t, 0, false
	}
	end := q.end
	if u, e, _ := s.intlUnitAt(end); u != "" {
		end = e // "auf 300.000 Mann", "à 300 000 morts"
	} else if e := s.deadAndWoundedAt(end); e > end {
		end = e // "auf mehr als 300.000 Tote und Verletzte"
	} else if w := s.word(end); end < len(s.toks) && !clauseEnds(s.key(end)) && !(s.toks[end].kind == tWord && !s.capitalised(end) && w != "%") {
		// "auf 50 Prozent", "auf 2 Milliarden Euro", "à 50 %": a share or
		// a sum, not people. A verb or the clause's end may follow.
		return t, 0, false
	}
	for k := v - 1; k >= 0 && k >= v-16; k-- {
		if s.toks[k+1].brk || endsSentence(s.key(k)) && (s.key(k) != "." || s.capitalised(k+1)) {
			break
		}
		w := s.lower(k)
		var unitStart int
		cat, unit := "", w
		switch {
		case countHeads.has(w):
			// The personnel noun within the next few words: "der
			// getöteten Soldaten", "de soldats russes".
			for j := k + 1; j < v && j < k+5; j++ {
				if u, e, _ := s.intlUnitAt(j); u != "" && e <= v {
					unitStart, cat, unit = k, s.intlCategory(j, e), u
					break
				}
			}
		case strengthHeads.has(w):
			unitStart, cat = k, defwatch.TroopStrength
		case lossHeads.has(w):
			for j := s.sentenceFrom(k, 2); j <= k+2 && j < v; j++ {
				if c := troopOwner(s.word(j)); c != "" && j != k {
					unitStart, cat = k, defwatch.TroopCasualties
				}
			}
		}
		if cat == "" {
			continue
		}
		t = defwatch.Troop{Min: q.min, Max: q.max, Approx: hedged || q.approx, Unit: unit, Category: cat}
		if cat == defwatch.TroopStrength && s.lower(v) != "à" && s.lower(v) != "auf" && s.lower(v) != "bei" {
			t.Category = s.intlCategory(k, end)
		}
		for j := s.sentenceFrom(unitStart, 3); j < v && j < unitStart+6; j++ {
			if c := troopOwner(s.word(j)); c != "" && j != unitStart {
				t.Nation = c // "die russischen Verluste", "soldats russes"
				break
			}
		}
		t.Text = s.text[s.toks[unitStart].start:s.toks[end-1].end]
		return t, end, true
	}
	return t, 0, false
}

// deadAndWounded are the German and French nouns of the dead and wounded
// that may follow a count of losses: "300.000 Tote und Verletzte", "200
// 000 morts et blessés". They make a figure only where a head before the
// count says whose losses they are.
var deadAndWounded = setOf(deadAndWoundedIndex, []string{
	"tote", "toten", "gefallene", "gefallenen", "verletzte", "verletzten", "verwundete",
	"verwundeten", "morts", "tués", "blessés",
})

// deadAndWoundedAt returns the token after the dead and wounded named at
// token k ("Tote", "Tote und Verletzte", "morts et blessés"), or k.
func (s *scan) deadAndWoundedAt(k int) int {
	if !deadAndWounded.has(s.lower(k)) {
		return k
	}
	if c := s.lower(k + 1); (c == "und" || c == "et") && deadAndWounded.has(s.lower(k+2)) {
		return k + 3
	}
	return k + 1
}

// intlMeasureFigureAt reads the figure a measure sets, at token i:
// written in digits, ten or more, and no year.
func (s *scan) intlMeasureFigureAt(i int) (quantity, bool) {
	if s.toks[i].kind != tNum {
		return quantity{}, false
	}
	q, ok := s.intlDigitsAt(i)
	return q, ok && !q.year && q.min >= 10
}
