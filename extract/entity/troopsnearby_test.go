package entity

import "testing"

// TestTroopNearbyOwner checks that a casualty count whose sentence names
// no owner takes the owner of the count just before it in the same
// paragraph, and that another side, a line break, a multinational force
// or a force size keeps it empty.
func TestTroopNearbyOwner(t *testing.T) {
	const (
		casualties = "casualties"
		strength   = "strength"
	)
	checkTroopCases(t, []struct {
		name, text string
		want       []troopFig
	}{
		{"the wounded after the dead, next sentence",
			"Russia lost 40 soldiers in the assault. 90 servicemen were wounded.",
			[]troopFig{{40, 40, "RU", casualties}, {90, 90, "RU", casualties}}},
		{"German tally after a source",
			"Dem türkischen Militär zufolge wurden zwei Soldaten getötet. 31 weitere wurden demnach verletzt.",
			[]troopFig{{2, 2, "TR", casualties}, {31, 31, "TR", casualties}}},
		{"another state named between",
			"Russia lost 40 soldiers in the assault. Ukraine said 90 servicemen were wounded.",
			[]troopFig{{40, 40, "RU", casualties}, {90, 90, "UA", casualties}}},
		{"a line break ends the tally",
			"Russia lost 40 soldiers in the assault.\n\n90 servicemen were wounded elsewhere.",
			[]troopFig{{40, 40, "RU", casualties}, {90, 90, "", casualties}}},
		{"three sentences back is too far",
			"Russia lost 40 soldiers in the assault. The town burned. Rain fell. 90 servicemen were wounded.",
			[]troopFig{{40, 40, "RU", casualties}, {90, 90, "", casualties}}},
		{"a UN soldier is no state's",
			"Acht kongolesische Soldaten und ein UN-Soldat wurden getötet.",
			[]troopFig{{8, 8, "CD", casualties}, {1, 1, "", casualties}}},
		{"a force size does not carry",
			"Britain sent 900 troops to Estonia. Later, 2,000 troops arrived in Poland.",
			[]troopFig{{900, 900, "GB", strength}, {2000, 2000, "", strength}}},
	})
}
