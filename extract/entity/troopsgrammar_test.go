package entity

import "testing"

// TestTroopOwnerFromGrammar checks owners read from the grammar around a
// figure: the subject of a force its own "its" names before "with", a
// leader's surname with a relative clause before his verb, and a German
// "aus" that says where troops leave rather than whose they are.
func TestTroopOwnerFromGrammar(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"its presence with", "Denmark is doubling its presence in Latvia with 800 troops.",
			[]troopFig{{800, 800, "DK", strength}}},
		{"its contingent with", "Norway will strengthen its contingent in Lithuania with 300 soldiers.",
			[]troopFig{{300, 300, "NO", strength}}},
		{"another's presence with", "Denmark is doubling its presence in Latvia, where Sweden helps with 800 troops.",
			[]troopFig{{800, 800, "", strength}}},
		{"leader, a relative clause", "Russia says it is ready. Putin, who met Xi on Monday in Beijing, has sent 90,000 troops.",
			[]troopFig{{90000, 90000, "RU", strength}}},
		{"leader, a relative clause, said", "Russia says it is ready. Putin, who met Xi, said 9,000 troops had died.",
			[]troopFig{{9000, 9000, "", casualties}}},
		{"de withdrawn from", "Die USA ziehen 11.000 Soldaten aus Italien ab.",
			[]troopFig{{11000, 11000, "US", strength}}},
		{"de withdrawn, participle", "Kanada hat 900 Soldaten aus Lettland abgezogen.",
			[]troopFig{{900, 900, "CA", strength}}},
		{"de from a state", "In Litauen sind 300 Soldaten aus Norwegen stationiert.",
			[]troopFig{{300, 300, "NO", strength}}},
	})
}

// TestGermanMembersOfForces checks that "Angehörige" and "Mitglieder" of a
// force, with an adjective before it or not, are personnel, and members of
// anything else are not.
func TestGermanMembersOfForces(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"security forces", "Dabei wurden 23 Angehörige der Sicherheitskräfte getötet.",
			[]troopFig{{23, 23, "", casualties}}},
		{"members, armed forces", "Mehr als 600 Mitglieder der Streitkräfte wurden ausgebildet.",
			[]troopFig{{600, 600, "", other}}},
		{"an adjective", "Rund 400 Angehörige der türkischen Streitkräfte sind in Katar stationiert.",
			[]troopFig{{400, 400, "TR", strength}}},
		{"a party's members", "Rund 400 Mitglieder der Partei demonstrierten.", nil},
		{"the dead's relatives", "Rund 400 Angehörige der getöteten Soldaten trauerten.", nil},
	})
}

// TestTroopThrownIntoBattle checks that a state, or a pronoun standing for
// the state of the sentence before, that throws troops into battle owns
// them, in English and Ukrainian, while people throwing things at
// soldiers do not.
func TestTroopThrownIntoBattle(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"en pronoun", "Glory to Ukraine! Russia attacked us. They threw tens of thousands of reservists into battle.",
			[]troopFig{{10000, 99999, "RU", strength}}},
		{"uk pronoun", "Слава Україні! Росія напала на нас. Вони кинули туди десятки тисяч резервістів.",
			[]troopFig{{10000, 99999, "RU", strength}}},
		{"en state", "Moldova threw 4,000 soldiers into the defence of the capital.",
			[]troopFig{{4000, 4000, "MD", strength}}},
		{"en stones", "Russia attacked. Protesters threw stones at 300 soldiers.",
			[]troopFig{{300, 300, "", strength}}},
	})
}

// TestTroopLongOfPhrase checks that a figure's noun followed by a long
// "of" phrase naming its unit and state ("servicemen of the 19th missile
// brigade of the Ground Forces of the Armed Forces of Ukraine") still
// takes that state as owner and the verb after the phrase for its
// category.
func TestTroopLongOfPhrase(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"awarded after the phrase", "148 servicemen of the Armed Forces of Moldova were awarded state awards.",
			[]troopFig{{148, 148, "MD", other}}},
		{"an ordinal and a unit", "42 servicemen of the 19th missile brigade of the Ground Forces of the Armed Forces of Moldova were awarded state awards.",
			[]troopFig{{42, 42, "MD", other}}},
		{"trained", "2,000 soldiers of the 3rd Brigade of the Army of Georgia were trained in Britain.",
			[]troopFig{{2000, 2000, "GE", other}}},
		{"a size", "2,000 soldiers of the 3rd Brigade of the Army of Georgia guard the border.",
			[]troopFig{{2000, 2000, "GE", strength}}},
	})
}

// TestTroopAwardsGivenTo checks that personnel an award is given "to" are
// counted as other, with the award a few words back, while orders or
// reinforcements given to troops leave them a force's strength.
func TestTroopAwardsGivenTo(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"state awards to", "Also on state awards to 240 servicemen of the National Guard of Moldova.",
			[]troopFig{{240, 240, "MD", other}}},
		{"the title, far back", "And the decree on conferring the title of Hero of the Republic of Moldova to 12 servicemen.",
			[]troopFig{{12, 12, "", other}}},
		{"medals, then sent", "Moldova gave medals and sent 3,000 troops.",
			[]troopFig{{3000, 3000, "MD", strength}}},
		{"orders to", "The general gave orders to 3,000 troops to advance.",
			[]troopFig{{3000, 3000, "", strength}}},
		{"reinforcements to", "Moldova sent reinforcements to 3,000 troops in the east.",
			[]troopFig{{3000, 3000, "MD", strength}}},
	})
}
