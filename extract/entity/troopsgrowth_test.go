package entity

import "testing"

// TestTroopForceGrownTo checks that a force's new size given after "to"
// or "by" is a figure when a verb of growth comes before the force
// ("plans to expand its army to 300,000"), and not without one.
func TestTroopForceGrownTo(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"expand its army to",
			"Poland plans to expand its army to 300,000.",
			[]troopFig{{300000, 300000, "PL", strength}}},
		{"army ordered to grow",
			"Putin ordered the army to grow to 1.5 million.",
			[]troopFig{{1500000, 1500000, "", strength}}},
		{"a force sent to a number of places",
			"The army moved to 300 villages in the region.",
			nil},
		{"a budget, not a force",
			"The ministry plans to increase the army budget to 3,000 million.",
			nil},
	})
}

// TestTroopSizeMeantToReach checks that the size a force just counted is
// meant to reach ("its target of 215,000", "raise that to 300,000") is a
// figure of the same force, and a target of anything else is none.
func TestTroopSizeMeantToReach(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"target of",
			"Taiwan's military has about 188,000 active-duty personnel, short of its target of 215,000.",
			[]troopFig{{188000, 188000, "TW", strength}, {215000, 215000, "TW", strength}}},
		{"raise that to",
			"Poland's army numbers about 200,000 personnel, and the government wants to raise that to 300,000.",
			[]troopFig{{200000, 200000, "PL", strength}, {300000, 300000, "PL", strength}}},
		{"another target",
			"The army has 50,000 soldiers and a recruiting target of 2 percent.",
			[]troopFig{{50000, 50000, "", strength}}},
	})
}

// TestTroopWashingtonRightBeforeVerb checks that the capital standing
// for the US government owns a figure when its verb follows it at once
// ("Washington keeps 28,500 troops"), as after an auxiliary.
func TestTroopWashingtonRightBeforeVerb(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"keeps",
			"Washington keeps roughly 28,500 service members in South Korea.",
			[]troopFig{{28500, 28500, "US", strength}}},
		{"sent",
			"Washington sent 3,000 troops to Poland.",
			[]troopFig{{3000, 3000, "US", strength}}},
	})
}

// TestTroopsTrainingThemselves checks that personnel who "are training"
// somewhere are trainees (other), while those training someone are a
// force in place.
func TestTroopsTrainingThemselves(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"training in a place",
			"About 2,000 Ukrainian servicemen are training in Germany.",
			[]troopFig{{2000, 2000, "UA", other}}},
		{"training at a base",
			"Some 1,200 Ukrainian soldiers were training at a base in Poland.",
			[]troopFig{{1200, 1200, "UA", other}}},
		{"training others",
			"About 500 US soldiers are training Ukrainian troops in Germany.",
			[]troopFig{{500, 500, "US", strength}}},
	})
}

// TestTroopReserveOf checks that a reserve's size after "of" is a force's
// size ("a trained reserve of roughly 870,000"), and a reserve of things
// is none.
func TestTroopReserveOf(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"trained reserve",
			"Finland has a trained reserve of roughly 870,000.",
			[]troopFig{{870000, 870000, "FI", strength}}},
		{"a bank's reserve",
			"The central bank has a reserve of 870,000 ounces of gold.", nil},
		{"a reserve of tanks",
			"The army keeps a reserve of about 20,000 tanks.", nil},
	})
}
