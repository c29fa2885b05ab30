package entity

import "testing"

// TestTroopTitleCaseHeadline checks that an English headline in title
// case is read like a sentence: its capitalised verbs give the category
// and the owner, while a sentence whose capitals are names stays as it
// was, and a German sentence's capitalised nouns change nothing.
func TestTroopTitleCaseHeadline(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"lost", "Moldova Has Lost 2,000 Troops in the East, Officials Say",
			[]troopFig{{2000, 2000, "MD", casualties}}},
		{"killed", "Over 100 Moldovan Soldiers Killed Daily, Officials Say",
			[]troopFig{{100, 100, "MD", casualties}}},
		{"captured", "More Than 300 Moldovan Troops Captured Near the Border",
			[]troopFig{{300, 300, "MD", casualties}}},
		{"will send", "Norway Will Send 350 Troops to Lithuania",
			[]troopFig{{350, 350, "NO", strength}}},
		{"a sentence with names", "Officials in Chisinau said 2,000 troops Killed Bill Patrol watched the border.",
			[]troopFig{{2000, 2000, "", strength}}},
		{"german", "Norwegen schickt 350 Soldaten nach Litauen.",
			[]troopFig{{350, 350, "NO", strength}}},
	})
}
