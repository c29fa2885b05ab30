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

// TestForceOfAStateSaidBefore holds a force named by a pronoun or by
// "the country's" for the state the text speaks of ("Poland is growing.
// Its armed forces now number ...", "enlarge the country's reserve"),
// and a state's force head measured after an adjective ("Finland's total
// reserve stands at").
func TestForceOfAStateSaidBefore(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"its armed forces",
			"Poland is in the middle of a build-up. Its armed forces now number about 200,000 soldiers.",
			[]troopFig{{200000, 200000, "PL", strength}}},
		{"the country's reserve",
			"Finland is raising the age limit, a move that will enlarge the country's reserve by about 125,000 reservists by 2031.",
			[]troopFig{{125000, 125000, "FI", strength}}},
		{"a state's total reserve",
			"Finland's total reserve currently stands at about 870,000 reservists.",
			[]troopFig{{870000, 870000, "FI", strength}}},
	})
}

// TestGroupFightersKilled holds the fighters of an armed group a state's
// forces killed as no state's, while soldiers it killed are still their
// own state's.
func TestGroupFightersKilled(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"group fighters killed by a state's forces",
			"The Israeli military said its forces had killed about 17,000 Hamas fighters during the war.",
			[]troopFig{{17000, 17000, "", casualties}}},
		{"a state's soldiers killed",
			"Israel said its forces had killed about 17,000 Russian soldiers.",
			[]troopFig{{17000, 17000, "RU", casualties}}},
	})
}

// TestListedStateAdjectives holds a figure whose noun follows a list of
// states' adjectives joined by commas ("350 Lithuanian, Latvian and
// Polish personnel") as a figure of no one state, as one joined by "and"
// is.
func TestListedStateAdjectives(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"three adjectives",
			"Roughly 350 Lithuanian, Latvian and Polish personnel took part in the exercise.",
			[]troopFig{{350, 350, "", strength}}},
		{"two adjectives",
			"About 4,000 American and British troops took part.",
			[]troopFig{{4000, 4000, "", strength}}},
		{"a list of things after the noun",
			"Some 2,000 Estonian troops, British tanks and French jets took part.",
			[]troopFig{{2000, 2000, "EE", strength}}},
	})
}
