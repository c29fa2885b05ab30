package entity

import "testing"

// TestTroopHeadlineWords checks the words headlines use: a state before a
// colon owns the force that follows ("Russia: 10,000 troops moved"),
// though not the dead, whom it may only count; verbs in the present
// ("loses", "captures") make casualties; a state that offers, pledges or
// promises troops owns them.
func TestTroopHeadlineWords(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"state before a colon",
			"Estonia: 10,000 troops moved to the border",
			[]troopFig{{10000, 10000, "EE", strength}}},
		{"state before a colon, hedged",
			"Estonia: more than 10,000 troops moved to the border",
			[]troopFig{{10000, 10000, "EE", strength}}},
		{"the dead after a colon are not the state's",
			"Estonia: 300 soldiers killed in shelling",
			[]troopFig{{300, 300, "", casualties}}},
		{"no state before the colon",
			"The report: 10,000 troops moved to the border",
			[]troopFig{{10000, 10000, "", strength}}},
		{"loses, present",
			"Estonia loses 300 soldiers in a day",
			[]troopFig{{300, 300, "EE", casualties}}},
		{"captures, present",
			"Latvia captures 500 Estonian soldiers",
			[]troopFig{{500, 500, "EE", casualties}}},
		{"offered",
			"Estonia offered 700 soldiers for the mission.",
			[]troopFig{{700, 700, "EE", strength}}},
		{"pledges",
			"Estonia pledges 1,000 more troops for the mission",
			[]troopFig{{1000, 1000, "EE", strength}}},
		{"promises",
			"Estonia promises 500 troops to the force.",
			[]troopFig{{500, 500, "EE", strength}}},
	})
}

// TestTroopRouteNotOwner checks that "from X to Y" is a route the troops
// take, not their owner, while "from X" alone names where they come from.
func TestTroopRouteNotOwner(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"a route after the subject's verb",
			"Estonia will send 1,000 soldiers from Latvia to Lithuania.",
			[]troopFig{{1000, 1000, "EE", strength}}},
		{"a route with no subject state",
			"The alliance will send 1,000 soldiers from Latvia to Lithuania.",
			[]troopFig{{1000, 1000, "", strength}}},
		{"from a state alone",
			"1,000 soldiers from Latvia arrived in Lithuania.",
			[]troopFig{{1000, 1000, "LV", strength}}},
	})
}
