package entity

import "testing"

// TestTroopFrenchElidedSubject checks that a state after the elided
// article ("L'Ukraine a envoyé") is the subject that owns the figure, as
// after "La" or "Le".
func TestTroopFrenchElidedSubject(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"elided, sent",
			"L'Estonie a envoyé 4 000 soldats en Lettonie.",
			[]troopFig{{4000, 4000, "EE", strength}}},
		{"elided, lost",
			"L'Ukraine a perdu 2 000 soldats en une semaine.",
			[]troopFig{{2000, 2000, "UA", casualties}}},
		{"after a preposition it is no subject",
			"Les soldats d'Estonie, 4 000 soldats, sont partis.",
			[]troopFig{{4000, 4000, "", strength}}},
	})
}

// TestTroopFrenchMassedMen checks that men a verb masses are soldiers
// ("a massé 100 000 hommes"), while men mobilised, who may be police or
// firemen, are not read as troops without a force word.
func TestTroopFrenchMassedMen(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"massed, past",
			"L'Estonie a massé 40 000 hommes à la frontière.",
			[]troopFig{{40000, 40000, "EE", strength}}},
		{"masses, present",
			"L'Estonie masse 40 000 hommes près de la frontière.",
			[]troopFig{{40000, 40000, "EE", strength}}},
		{"firemen mobilised",
			"Les pompiers ont mobilisé 200 hommes contre l'incendie.",
			nil},
		{"men for security",
			"Quelque 7 000 hommes seront mobilisés pour la sécurité du réveillon.",
			nil},
	})
}

// TestTroopFrenchAdjectiveOwners checks that a French state adjective
// after its noun gives the owner in either gender and number ("l'armée
// russe", "soldats nord-coréens", "troupes turques").
func TestTroopFrenchAdjectiveOwners(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"army, feminine singular",
			"L'armée russe a perdu plus de 600 000 soldats.",
			[]troopFig{{600000, 600000, "RU", casualties}}},
		{"soldiers, masculine plural",
			"Quelque 11 000 soldats nord-coréens ont été envoyés en Russie.",
			[]troopFig{{11000, 11000, "KP", strength}}},
		{"troops, feminine plural",
			"Environ 3 000 troupes turques sont stationnées au Qatar.",
			[]troopFig{{3000, 3000, "TR", strength}}},
	})
}
