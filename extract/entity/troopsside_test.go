package entity

import "testing"

// TestTroopGermanSideDead checks that the German dead of a side the
// clause names as a force are casualties ("Auf Seiten der Armee gab es 17
// Tote"), and that the dead of no force, or of a force in another
// sentence, are no figure.
func TestTroopGermanSideDead(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"on the army's side",
			"Auf Seiten der Armee gab es 17 Tote.",
			[]troopFig{{17, 17, "", casualties}}},
		{"on the rebels' side, hedged",
			"Auf Seiten der Rebellen gab es mindestens 30 Tote.",
			[]troopFig{{30, 30, "", casualties}}},
		{"a state's army",
			"Auf Seiten der estnischen Armee gab es 17 Tote.",
			[]troopFig{{17, 17, "EE", casualties}}},
		{"in the army's own ranks",
			"Die Armee meldete 30 Tote in den eigenen Reihen.",
			[]troopFig{{30, 30, "", casualties}}},
		{"the dead of an attack",
			"Bei dem Anschlag gab es 65 Tote.", nil},
		{"civilians' side",
			"Auf Seiten der Zivilisten gab es 17 Tote.", nil},
		{"a party's own ranks",
			"Die Partei meldete 30 Tote in den eigenen Reihen.", nil},
		{"the army in the sentence before",
			"Die Armee griff an. Es gab 30 Tote.", nil},
	})
}
