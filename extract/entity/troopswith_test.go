package entity

import "testing"

// TestTroopWithSubject checks that a force's size given with "with" or
// "mit" after a verb of fighting or taking part takes that verb's subject
// as owner, and that "with" after another verb gives none.
func TestTroopWithSubject(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"could invade with", "Belarus could invade Lithuania with about 19,000 troops, officials say.",
			[]troopFig{{19000, 19000, "BY", strength}}},
		{"attacked with", "Belarus attacked with 40,000 soldiers.",
			[]troopFig{{40000, 40000, "BY", strength}}},
		{"German, participle last", "Kanada ist mit 3.000 Soldaten in Lettland vertreten.",
			[]troopFig{{3000, 3000, "CA", strength}}},
		{"concerned with is no owner's verb", "Lithuania is concerned with 30,000 troops nearby.",
			[]troopFig{{30000, 30000, "", strength}}},
	})
}
