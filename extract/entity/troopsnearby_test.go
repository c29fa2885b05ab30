package entity

import "testing"

// TestTroopNearbyOwner checks that a casualty count whose sentence names
// no owner takes the owner of the count just before it in the same
// paragraph, and that another side, a line break, a multinational force
// or a force size keeps it empty.
func TestTroopNearbyOwner(t *testing.T) {
	checkTroopCases(t, []troopCase{
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
		{"a verbless sentence lists on, two sentences after",
			"Слава Україні! Ворог втратив техніку, ще сотні солдатів. Дуже багато загиблих російських строковиків. Десятки офіцерів.",
			[]troopFig{{100, 999, "RU", casualties}, {24, 99, "RU", strength}}},
		{"a sentence with a verb does not list on",
			"Russia lost 40 soldiers in the assault. Dozens of officers arrived later.",
			[]troopFig{{40, 40, "RU", casualties}, {24, 99, "", strength}}},
		{"a force size does not carry",
			"Britain sent 900 troops to Estonia. Later, 2,000 troops arrived in Poland.",
			[]troopFig{{900, 900, "GB", strength}, {2000, 2000, "", strength}}},
	})
}

// TestTroopDefiniteReferent checks that "the country", "the army" and a
// relative clause in brackets refer a figure back to the one state named
// before as a party, and to none when two compete or the state was only a
// place.
func TestTroopDefiniteReferent(t *testing.T) {
	const strength = "strength"
	checkTroopCases(t, []troopCase{
		{"the country's forces",
			"Poland is expanding its military. The country's armed forces now number 200,000 soldiers.",
			[]troopFig{{200000, 200000, "PL", strength}}},
		{"the army as subject",
			"Germany has struggled to recruit. The army has about 180,000 soldiers.",
			[]troopFig{{180000, 180000, "DE", strength}}},
		{"the small country, a state as a place before",
			"Moldova knows its survival depends on Ukraine. The small country has fewer than 10,000 personnel.",
			[]troopFig{{10000, 10000, "MD", strength}}},
		{"a relative clause in brackets",
			"Nothing stands between Moldova (which has fewer than 10,000 personnel) and an attack.",
			[]troopFig{{10000, 10000, "MD", strength}}},
		{"two states compete",
			"Germany and France signed a pact. The army has about 180,000 soldiers.",
			[]troopFig{{180000, 180000, "", strength}}},
		{"a state only as a place",
			"Floods hit Germany last week. The army has about 180,000 soldiers.",
			[]troopFig{{180000, 180000, "", strength}}},
		{"a new paragraph",
			"Germany has struggled to recruit.\n\nThe army has about 180,000 soldiers.",
			[]troopFig{{180000, 180000, "", strength}}},
	})
}

// TestTroopCalledUpOwner checks that people said to be called up or
// mobilised are the calling state's, and nobody's when another state is
// named, even as the place of the call-up.
func TestTroopCalledUpOwner(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"the state before as subject",
			"Israel has called up reservists. Some 300,000 reservists have been mobilised.",
			[]troopFig{{300000, 300000, "IL", other}}},
		{"another state as the place",
			"Kyiv says 300,000 reservists have been mobilised in Russia.",
			[]troopFig{{300000, 300000, "", other}}},
		{"two states compete",
			"Russia and Belarus held drills. 30,000 reservists have been mobilised.",
			[]troopFig{{30000, 30000, "", other}}},
	})
}

// TestTroopQuotedSpeaker checks that "our" in a quotation in a report
// points at the state of the one quoted, and at none when the speaker is
// tied to no state.
func TestTroopQuotedSpeaker(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"speaker after the quotation",
			"Ukraine needs more air defence. \"Our 800,000 soldiers are defending every town,\" Zelensky said.",
			[]troopFig{{800000, 800000, "UA", strength}}},
		{"speaker before the quotation",
			"Ukraine needs more air defence, Zelensky said: \u201cMore than 1,000 of our soldiers were wounded this week.\u201d",
			[]troopFig{{1000, 1000, "UA", casualties}}},
		{"a speaker tied to no state",
			"Ukraine needs more air defence. \"Our 800,000 soldiers are defending every town,\" a soldier said.",
			[]troopFig{{800000, 800000, "", strength}}},
	})
}

// TestTroopAmongOwner checks that people counted among a group take the
// group's state, and none when two states are named for it.
func TestTroopAmongOwner(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"among a state's dead",
			"Among the dead Russian soldiers were two colonels.",
			[]troopFig{{2, 2, "RU", casualties}}},
		{"among the dead of two states",
			"Among the dead Russian and Ukrainian soldiers were two colonels.",
			[]troopFig{{2, 2, "", casualties}}},
	})
}

// TestTroopPeopleSubject checks that a people named in the plural as the
// subject stands for its state's forces, and not when it harmed the
// people counted or another state is a party.
func TestTroopPeopleSubject(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"a people as the subject",
			"Despite the losses, the Russians keep coming, with little to show for it but thousands of soldiers returning home in body bags.",
			[]troopFig{{1000, 9999, "RU", casualties}}}, // in body bags: dead
		{"a people that killed them",
			"The Ukrainians killed 300 soldiers near Bakhmut.",
			[]troopFig{{300, 300, "", casualties}}},
		{"another state as a party",
			"The Russians say Poland keeps 5,000 soldiers on alert.",
			[]troopFig{{5000, 5000, "PL", strength}}},
	})
}
