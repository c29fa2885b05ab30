package entity

import "testing"

// TestTroopPeopleCalledUp checks that a people counted as called up into a
// force ("60,000 Russians have been mobilised") is a figure of its state,
// in English, Ukrainian and Russian, while a people counted for anything
// else stays no figure.
func TestTroopPeopleCalledUp(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"en mobilised", "About 40,000 Belarusians have been mobilised since the spring.",
			[]troopFig{{40000, 40000, "BY", other}}},
		{"en drafted", "Some 25,000 Georgians were drafted last year.",
			[]troopFig{{25000, 25000, "GE", other}}},
		{"en called up", "More than 70,000 Russians were called up in the first week.",
			[]troopFig{{70000, 70000, "RU", other}}},
		{"en called up, a vague size", "Tens of thousands of Ukrainians were called up.",
			[]troopFig{{10000, 99999, "UA", other}}},
		{"en fled", "More than 70,000 Russians have fled to Georgia.", nil},
		{"en called, not up", "More than 70,000 Russians were called liars.", nil},
		{"uk mobilised after", "Понад 80 тисяч росіян мобілізовано за весну.",
			[]troopFig{{80000, 80000, "RU", other}}},
		{"uk mobilised before", "Кремль мобілізував ще 120 тисяч росіян.",
			[]troopFig{{120000, 120000, "RU", other}}},
		{"ru called up", "Осенью призвали около 150 тысяч россиян.",
			[]troopFig{{150000, 150000, "RU", other}}},
		{"uk deported", "Понад 400 тисяч українців депортовані силою.", nil},
		{"uk returned", "Вже 90 тисяч українців повернулись додому.", nil},
		{"uk asked", "Скільки тисяч росіян мобілізовано?", nil},
	})
}

// TestTroopBareCallUp checks that a bare count a state called up, with
// no noun after it, is a figure of that state, while a count called up by
// no state, or under ten, is none.
func TestTroopBareCallUp(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"mobilised", "Russia has mobilised 300,000 since September.", []troopFig{{300000, 300000, "RU", other}}},
		{"called up, hedged", "Israel called up more than 360,000 after the attack.", []troopFig{{360000, 360000, "IL", other}}},
		{"no state", "The club drafted 12 in the first round.", nil},
		{"under ten", "Estonia has conscripted 4 this week.", nil},
	})
}

// TestTroopPrisonersTakenIn checks that prisoners a force recruits are
// recruits of it, while prisoners taken are captured.
func TestTroopPrisonersTakenIn(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"as fighters", "The group recruited around 50,000 prisoners as fighters, its founder said.", []troopFig{{50000, 50000, "", other}}},
		{"by a state", "Russia recruited 50,000 prisoners for the war.", []troopFig{{50000, 50000, "RU", other}}},
		{"not as personnel", "The charity recruited 5,000 prisoners as volunteers for the harvest.", nil},
		{"taken", "Ukraine took 500 prisoners near Kursk.", []troopFig{{500, 500, "", casualties}}},
	})
}

// TestTroopSubjectAfterTime checks that a state after a phrase of time
// that opens its clause is the subject that owns the figure.
func TestTroopSubjectAfterTime(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"in recent days", "In recent days Hungary has moved 2,000 soldiers to the border.",
			[]troopFig{{2000, 2000, "HU", strength}}},
		{"after that", "Officials said that over the past weeks Romania had sent 1,500 troops north.",
			[]troopFig{{1500, 1500, "RO", strength}}},
		{"a weekday", "On Friday Norway will deploy 700 troops to Finland.",
			[]troopFig{{700, 700, "NO", strength}}},
		{"a month", "Since March Sweden has trained 3,000 soldiers.",
			[]troopFig{{3000, 3000, "SE", other}}},
		{"a place, not a subject", "In recent days 2,000 soldiers were moved to Hungary.",
			[]troopFig{{2000, 2000, "", strength}}},
	})
}

// TestTroopForceNamedOf checks that a force's size or losses take the
// state its head noun names in a genitive or with "of" ("the army of
// Ukraine numbers", "Чисельність угруповання Росії", "die Verluste der
// russischen Armee").
func TestTroopForceNamedOf(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"en army of a state numbers", "The army of Moldova numbers about 6,000.",
			[]troopFig{{6000, 6000, "MD", strength}}},
		{"en forces of the state, an adverb", "The armed forces of Estonia now number 7,000.",
			[]troopFig{{7000, 7000, "EE", strength}}},
		{"en population of a state", "The population of Estonia numbers 1.3 million.", nil},
		{"en army of a general", "The army of Napoleon numbered 600,000.", nil},
		{"uk grouping of a state", "Чисельність угруповання Білорусі на півночі – близько 20 тисяч військових.",
			[]troopFig{{20000, 20000, "BY", strength}}},
		{"ru grouping of a state", "Численность группировки Беларуси – около 20 тысяч военных.",
			[]troopFig{{20000, 20000, "BY", strength}}},
		{"de losses of an army", "Die Verluste der ukrainischen Armee belaufen sich auf mehr als 50.000 Mann.",
			[]troopFig{{50000, 50000, "UA", casualties}}},
	})
}

// TestTroopMenAndWomenInForce checks that "men and women" counted in a
// force ("in our Air Force") or by their rank ("enlisted") are personnel,
// and that a rank inside the figure does not make it a count of recruits.
func TestTroopMenAndWomenInForce(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"in our Air Force", "We remember more than two million men and women in our Air Force.",
			[]troopFig{{2000000, 2000000, "", strength}}},
		{"in the army", "Some 3,000 men and women in the Army were promoted.",
			[]troopFig{{3000, 3000, "", strength}}},
		{"enlisted", "The wing has more than 4,000 enlisted men and women.",
			[]troopFig{{4000, 4000, "", strength}}},
		{"enlisted, a rank", "About 6,000 enlisted Airmen serve at the base.",
			[]troopFig{{6000, 6000, "", strength}}},
		{"enlisted, joined up", "About 6,000 Airmen enlisted last year.",
			[]troopFig{{6000, 6000, "", other}}},
		{"in the air", "About 400 men and women in the air cheered.", nil},
		{"in the audience", "About 400 men and women in the audience cheered.", nil},
	})
}
