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

// TestTroopSharedHarm checks that a count of the dead right before a
// count of the wounded shares its noun ("killed 12 and wounded 30
// soldiers"), and that a count with a noun of its own does not.
func TestTroopSharedHarm(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"killed N and wounded M soldiers",
			"The attack killed 12 and wounded 30 Estonian soldiers.",
			[]troopFig{{12, 12, "EE", casualties}, {30, 30, "EE", casualties}}},
		{"N dead and M wounded soldiers",
			"The toll includes 1,000 dead and 3,000 wounded soldiers.",
			[]troopFig{{1000, 1000, "", casualties}, {3000, 3000, "", casualties}}},
		{"a noun of its own",
			"The attack killed 3 civilians and wounded 30 soldiers.",
			[]troopFig{{30, 30, "", casualties}}},
		{"a year is no count",
			"In 2014 dead and 30 wounded soldiers were counted.",
			[]troopFig{{30, 30, "", casualties}}},
	})
}

// TestTroopKilledInAction checks the military's abbreviations for the
// killed, wounded and missing in action as casualty nouns, in capitals
// only ("a Kia dealer" is none).
func TestTroopKilledInAction(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"KIA and wounded",
			"The battalion remembered the 25 KIA and more than 200 wounded it took in six months.",
			[]troopFig{{25, 25, "", casualties}, {200, 200, "", casualties}}},
		{"a car maker",
			"The dealer sold 25 Kia cars.", nil},
	})
}
