package entity

import "testing"

// TestTroopPassiveAgent checks that a figure a passive verb of moving or
// raising forces follows takes its agent as owner, in English and German,
// and that an agent who kills or trains the soldiers, or one in another
// clause, gives none.
func TestTroopPassiveAgent(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"sent by", "About 3,000 troops were sent by Canada to Latvia.",
			[]troopFig{{3000, 3000, "CA", strength}}},
		{"deployed by, after a place", "2,000 troops were deployed to Latvia by Canada last week.",
			[]troopFig{{2000, 2000, "CA", strength}}},
		{"have been deployed by", "5,000 troops have been deployed by Canada.",
			[]troopFig{{5000, 5000, "CA", strength}}},
		{"German von", "3.000 Soldaten wurden von Kanada nach Lettland verlegt.",
			[]troopFig{{3000, 3000, "CA", strength}}},
		{"killed by is no owner", "500 soldiers were killed by Canada.",
			[]troopFig{{500, 500, "", casualties}}},
		{"trained by is no owner", "20,000 soldiers were trained by Canada.",
			[]troopFig{{20000, 20000, "", other}}},
		{"German, no verb of moving", "3.000 Soldaten wurden von Kanada ausgezeichnet.",
			[]troopFig{{3000, 3000, "", other}}},
		{"agent in another clause", "2,000 troops were stationed in Latvia, as reported by Canada.",
			[]troopFig{{2000, 2000, "", strength}}},
	})
}
