package entity

import "testing"

// TestTroopLossesAcrossADate checks that a date written with dots between
// a loss word and its count ends no sentence, so the count stays a loss,
// in German and Ukrainian.
func TestTroopLossesAcrossADate(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"de date", "Die Verluste seit dem 24.02.2022 belaufen sich auf 150.000 Soldaten.",
			[]troopFig{{150000, 150000, "", casualties}}},
		{"uk date", "Загальні бойові втрати противника з 24.02.22 орієнтовно склали близько 180 тисяч осіб особового складу.",
			[]troopFig{{180000, 180000, "", casualties}}},
		{"de a sentence ends", "Die Verluste waren hoch. 150.000 Soldaten sind in Litauen stationiert.",
			[]troopFig{{150000, 150000, "", strength}}},
	})
}

// TestTroopLostByHarm checks a Ukrainian or Russian loss verb followed by
// how the losses fell ("втратив убитими") before the count, and a hedged
// four-digit count of people lost.
func TestTroopLostByHarm(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"uk killed", "Противник втратив убитими понад 400 осіб.",
			[]troopFig{{400, 400, "", casualties}}},
		{"uk killed and wounded", "Противник втратив убитими і пораненими понад 400 осіб.",
			[]troopFig{{400, 400, "", casualties}}},
		{"ru killed and wounded", "Россия потеряла убитыми и ранеными около 2500 человек.",
			[]troopFig{{2500, 2500, "RU", casualties}}},
		{"ru hedged four digits", "Россия потеряла около 2000 человек.",
			[]troopFig{{2000, 2000, "RU", casualties}}},
		{"ru a year", "Россия потеряла в 2000 году многое.", nil},
	})
}
