package entity

import "testing"

// TestTroopAppositiveOwner checks that a force's size set off after the
// force it measures takes that force's state when the sentence names
// another state too, and that a size after anything but a force takes
// none.
func TestTroopAppositiveOwner(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"estimated at", "Belarusian forces, estimated at 15,000 troops, surround Lithuania.",
			[]troopFig{{15000, 15000, "BY", strength}}},
		{"numbering", "Belarus's forces, numbering about 15,000 troops, surround Lithuania.",
			[]troopFig{{15000, 15000, "BY", strength}}},
		{"after a place", "Near Belarus, estimated at 15,000 troops, the build-up surrounds Lithuania.",
			[]troopFig{{15000, 15000, "", strength}}},
		{"a force with no state", "Forces, estimated at 15,000 troops, surround Lithuania.",
			[]troopFig{{15000, 15000, "", strength}}},
	})
}
