package entity

import "testing"

// TestTroopWoundsReceived checks that a count after the dead that
// "received wounds" carries their noun in Ukrainian and Russian, and that
// a count that received anything else does not.
func TestTroopWoundsReceived(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"uk received wounds",
			"Загинули 12 військовослужбовців, ще 30 отримали поранення.",
			[]troopFig{{12, 12, "", casualties}, {30, 30, "", casualties}}},
		{"uk suffered wounds",
			"Загинули 12 військовослужбовців, ще 30 зазнали поранень.",
			[]troopFig{{12, 12, "", casualties}, {30, 30, "", casualties}}},
		{"ru received wounds",
			"Погибли 12 военнослужащих, еще 30 получили ранения.",
			[]troopFig{{12, 12, "", casualties}, {30, 30, "", casualties}}},
		{"uk received awards",
			"Загинули 12 військовослужбовців, ще 30 отримали нагороди.",
			[]troopFig{{12, 12, "", casualties}}},
	})
}
