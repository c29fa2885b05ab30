package entity

import "testing"

// TestTroopRangeThousandsUnsaid checks that a range whose first half
// leaves its thousands unsaid ("between 30 and 35,000", "30-35,000",
// "entre 30 et 35 000") counts from thousands, in each language, and that
// two numbers that are not such a range stay apart.
func TestTroopRangeThousandsUnsaid(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"en between ... and",
			"Estonia has massed between 40 and 45,000 troops near the border.",
			[]troopFig{{40000, 45000, "EE", strength}}},
		{"en glued dash",
			"Estonia has deployed 40-45,000 troops to the north.",
			[]troopFig{{40000, 45000, "EE", strength}}},
		{"en the first half too small to be thousands",
			"Between 2 and 9,000 soldiers died.",
			[]troopFig{{9000, 9000, "", casualties}}},
		{"en halves too far apart for unsaid thousands",
			"Between 20 and 45,000 soldiers died.",
			[]troopFig{{45000, 45000, "", casualties}}},
		{"de bis",
			"Estland hat 40 bis 45.000 Soldaten an die Grenze verlegt.",
			[]troopFig{{40000, 45000, "EE", strength}}},
		{"de zwischen ... und",
			"Zwischen 40 und 45.000 Soldaten sind gefallen.",
			[]troopFig{{40000, 45000, "", casualties}}},
		{"fr entre ... et, written out",
			"L'Estonie a déployé entre 40 000 et 45 000 soldats.",
			[]troopFig{{40000, 45000, "EE", strength}}},
		{"fr entre ... et, thousands unsaid",
			"L'Estonie a déployé entre 40 et 45 000 soldats.",
			[]troopFig{{40000, 45000, "EE", strength}}},
		{"uk від ... до, thousands unsaid",
			"Естонія перекинула від 40 до 45 000 військових.",
			[]troopFig{{40000, 45000, "EE", strength}}},
	})
}

// TestTroopMeasuredRange checks that a size measured after a verb or a
// loss word may be a range ("estimated at 10,000 to 13,000"), that a
// change's "by ... to" is not read as one, and that a time phrase with
// "over" ends the count.
func TestTroopMeasuredRange(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"estimated at a range",
			"Estonian losses are estimated at 4,000 to 6,000 dead.",
			[]troopFig{{4000, 6000, "EE", casualties}}},
		{"stand at a range",
			"Estonian casualties stand at 4,000 to 6,000.",
			[]troopFig{{4000, 6000, "EE", casualties}}},
		{"a list is no range",
			"Estonian casualties stand at 4,000, 150 of them officers.",
			[]troopFig{{4000, 4000, "EE", casualties}}},
		{"over a time",
			"The staff put Estonian losses at 540 over the past day.",
			[]troopFig{{540, 540, "EE", casualties}}},
	})
}
