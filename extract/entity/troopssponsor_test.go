package entity

import "testing"

// TestSponsoredForces holds a force a state backs, leads or trains
// ("U.S.-backed", "Iranian-backed") as no force of that state's, while a
// state named otherwise in the sentence still owns its troops.
func TestSponsoredForces(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"backed forces",
			"The U.S.-backed Syrian Democratic Forces field roughly 100,000 fighters.",
			[]troopFig{{100000, 100000, "", strength}}},
		{"backed militia",
			"About 5,000 Iranian-backed militia fighters crossed the border.",
			[]troopFig{{5000, 5000, "", strength}}},
		{"a state's own troops in a coalition it leads",
			"The US-led coalition has 2,000 US troops in Iraq.",
			[]troopFig{{2000, 2000, "US", strength}}},
	})
}
