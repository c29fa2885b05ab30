package entity

import "testing"

// TestTroopInvertedSubject checks that a German figure that opens its
// sentence takes the subject after its finite verb as its owner, through
// a multiplier's stop ("20 Tsd."), and that the dead are the subject's
// only when it lost them.
func TestTroopInvertedSubject(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"has massed",
			"Bis zu 100.000 Soldaten hat Belarus an der Grenze stationiert.",
			[]troopFig{{100000, 100000, "BY", strength}}},
		{"wants, with a multiplier's stop",
			"Rund 1,5 Mio. Soldaten will Belarus künftig unter Waffen haben.",
			[]troopFig{{1500000, 1500000, "BY", strength}}},
		{"has, nothing after",
			"Knapp 2 Mio. Reservisten hat Belarus.",
			[]troopFig{{2000000, 2000000, "BY", strength}}},
		{"lost, the verb past the multiplier's stop",
			"Mehr als 20 Tsd. Soldaten hat die Slowakei seit dem Frühjahr verloren.",
			[]troopFig{{20000, 20000, "SK", casualties}}},
		{"killed are not the subject's",
			"Mehr als 20.000 Soldaten hat die Slowakei seit dem Frühjahr getötet.",
			[]troopFig{{20000, 20000, "", casualties}}},
		{"a figure inside the sentence is not inverted",
			"Gestern kamen 500 Soldaten an, sagte Belarus.",
			[]troopFig{{500, 500, "", strength}}},
	})
}

// TestTroopGermanAddsToOwn checks that a German state that tops up or
// reinforces with soldiers owns them, with the verb second or last.
func TestTroopGermanAddsToOwn(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"tops up, verb second",
			"Estland stockt sein Kontingent in Lettland um 350 Soldaten auf.",
			[]troopFig{{350, 350, "EE", strength}}},
		{"raises, verb second",
			"Estland erhöht sein Kontingent in Lettland um 350 Soldaten.",
			[]troopFig{{350, 350, "EE", strength}}},
		{"tops up, verb last",
			"In Lettland will Estland sein Kontingent um 350 Soldaten aufstocken.",
			[]troopFig{{350, 350, "EE", strength}}},
	})
}
