package entity

import "testing"

// TestTroopPeopleJoining checks that people counted by what they are
// ("volunteers", "convicts", "men") are personnel when they join a force
// or are called up, and no figure when they join anything else, serve or
// fight a fire.
func TestTroopPeopleJoining(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"volunteers joined the army",
			"Some 20,000 volunteers have joined the army.",
			[]troopFig{{20000, 20000, "", other}}},
		{"men joined the territorial defence",
			"More than 10,000 men have joined the territorial defence.",
			[]troopFig{{10000, 10000, "", other}}},
		{"inmates drafted",
			"More than 300 inmates were drafted.",
			[]troopFig{{300, 300, "", other}}},
		{"volunteers joined a cleanup",
			"Some 1,000 volunteers joined the cleanup.", nil},
		{"volunteers fighting a fire",
			"About 500 volunteers are fighting the fire.", nil},
		{"volunteers serving",
			"Some 2,000 volunteers serve meals.", nil},
	})
}
