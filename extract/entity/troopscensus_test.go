package entity

import "testing"

// TestTroopCensusKinds holds the kinds of miss the troop census's tune
// half showed, each in several languages and wordings, with a near miss
// that is no figure.
func TestTroopCensusKinds(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		// A vague count after a casualty figure carries its noun when a
		// harm or a taking captive follows it, in any language.
		{"uk taken captive", "Тисячі російських військових убиті, сотні захоплено в полон, тисячі поранені.",
			[]fig{{1000, 9999, "RU", casualties}, {100, 999, "RU", casualties}}},
		{"uk fell captive", "Сотні російських військових загинули, десятки потрапили у полон.",
			[]fig{{100, 999, "RU", casualties}, {24, 99, "RU", casualties}}},
		{"ru fell captive", "Сотни российских военных погибли, десятки попали в плен.",
			[]fig{{100, 999, "RU", casualties}, {24, 99, "RU", casualties}}},
		{"en captured", "Hundreds of Russian soldiers were killed and dozens captured.",
			[]fig{{100, 999, "RU", casualties}, {24, 99, "RU", casualties}}},
		{"uk taken, not captive", "Тисячі російських військових убиті, сотні взято під контроль.",
			[]fig{{1000, 9999, "RU", casualties}}},
		{"en villages captured", "Thousands of Russian soldiers were killed, and hundreds of villages were captured.",
			[]fig{{1000, 9999, "RU", casualties}}},
		// A count set off by a dash after the losses it gives reaches
		// further back for the state that suffered them.
		{"losses, a dash, the count", "Russia has suffered more military losses than at any time since World War II – roughly 300,000 casualties and thousands of tanks.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"floods, a dash, a count", "The country has had more floods this year than at any time since 1990 – roughly 3,000 casualties.", nil},
		// A German, Ukrainian or Russian list of kinds of people, one of
		// them soldiers, is counted together; a civilian kind in the list
		// makes it no force.
		{"uk list, unit last", "Десятки тисяч добровольців, резервістів, бійців територіальної оборони вже воюють.",
			[]fig{{10000, 99999, "", strength}}},
		{"uk list with та", "Тисячі добровольців та бійців вже воюють.",
			[]fig{{1000, 9999, "", strength}}},
		{"de list", "Tausende Freiwillige und Soldaten kämpfen.",
			[]fig{{1000, 9999, "", strength}}},
		{"uk list without a unit", "Тисячі лікарів, вчителів та інженерів працюють.", nil},
		{"uk list with children", "Десятки тисяч мешканців, дітей і солдатів евакуйовані.", nil},
		// Prisoners an address counts without calling them its own or
		// bringing them home are its enemy's soldiers.
		{"en prisoners held", "Glory to Ukraine! Our defenders took many Russian soldiers captive. Hundreds of prisoners are now held by our army.",
			[]fig{{100, 999, "RU", casualties}}},
		{"uk prisoners held", "Слава Україні! Росія напала. Сотні полонених, які не розуміють, навіщо їх відправили в Україну.",
			[]fig{{100, 999, "RU", casualties}}},
		{"en our prisoners", "Glory to Ukraine! Russia attacked us. We brought home 150 of our prisoners of war.",
			[]fig{{150, 150, "UA", casualties}}},
		{"uk prisoners returned", "Слава Україні! Росія напала. Сьогодні ми повернули 150 полонених.",
			[]fig{{150, 150, "", other}}},
		// An address's figure whose own clause defends "our" land is the
		// speaker's; another clause says nothing of it.
		{"uk defending our land", "Слава Україні! Росія напала. Десятки тисяч резервістів вже долучилися до захисту нашої землі.",
			[]fig{{10000, 99999, "UA", strength}}},
		{"en defending our country", "Glory to Ukraine! Russia attacked. Thousands of reservists are already defending our country.",
			[]fig{{1000, 9999, "UA", strength}}},
		{"en defence in another clause", "Glory to Ukraine! Russia attacked. Thousands of soldiers attacked our cities, while we defend our land.",
			[]fig{{1000, 9999, "", strength}}},
		// Members a duty or a component qualifies serve; a run of
		// capitalised words is one name, so a count of two services'
		// personnel joined by "and" is read.
		{"active-duty members", "More than 29,000 active-duty members make up the command.",
			[]fig{{29000, 29000, "", strength}}},
		{"club members", "The club has 29,000 members.", nil},
		{"two services' personnel", "The wing has 6,000 Air National Guard and Air Force Reserve personnel.",
			[]fig{{6000, 6000, "", strength}}},
		{"counts beside civilians", "More than 29,000 active-duty members, 6,000 Air National Guard and Air Force Reserve personnel, and 15,000 civilian personnel make up the command.",
			[]fig{{29000, 29000, "", strength}, {6000, 6000, "", strength}}},
		// The enemy, the occupiers or the invaders as the subject own the
		// figure, unless something other than an auxiliary or an adverb
		// follows them.
		{"en occupiers concentrated", "Russia attacked Ukraine in February. The occupiers concentrated tens of thousands of soldiers and equipment.",
			[]fig{{10000, 99999, "RU", strength}}},
		{"en invaders have massed", "Russia attacked Ukraine in February. The invaders have massed 20,000 troops near Kharkiv.",
			[]fig{{20000, 20000, "RU", strength}}},
		{"en invaders of another war", "The invaders of 1812 lost 400,000 soldiers in Russia.",
			[]fig{{400000, 400000, "", casualties}}},
		// A figure that adds to or sums the one before, which has an
		// owner, in this sentence or the two before, takes its owner when
		// no other state is named but as a place or the source.
		{"thousands more", "Russia has amassed well over 100,000 troops near the border. Its defence ministry published images of troops returning to base. But according to a US official, thousands more troops have arrived in the area in recent days.",
			[]fig{{100000, 100000, "RU", strength}, {1000, 9999, "RU", strength}}},
		{"more, arriving in a place", "Britain sent 900 troops to Estonia. Later, 2,000 more troops arrived in Poland.",
			[]fig{{900, 900, "GB", strength}, {2000, 2000, "GB", strength}}},
		{"more, another subject", "Russia has amassed 100,000 troops near the border. Ukraine has 5,000 more troops in the east.",
			[]fig{{100000, 100000, "RU", strength}, {5000, 5000, "UA", strength}}},
		{"more, no cue", "Britain sent 900 troops to Estonia. Later, 2,000 troops arrived in Poland.",
			[]fig{{900, 900, "GB", strength}, {2000, 2000, "", strength}}},
		// The subject of a verb that orders or announces a build-up owns
		// the figure that build-up measures, unless the figure names its
		// own owner.
		{"en leader orders mobilisation", "The Russian leader ordered a partial mobilisation of 300,000 reservists.",
			[]fig{{300000, 300000, "RU", other}}},
		{"en government orders deployment", "The German government ordered the deployment of 5,000 troops.",
			[]fig{{5000, 5000, "DE", strength}}},
		{"uk announces mobilisation", "Російський президент оголосив мобілізацію 300 тисяч резервістів.",
			[]fig{{300000, 300000, "RU", other}}},
		{"ru announces mobilisation", "Россия объявила частичную мобилизацию 300 тысяч резервистов.",
			[]fig{{300000, 300000, "RU", other}}},
		{"en criticises another's deployment", "The Russian president criticised the deployment of 5,000 US troops.",
			[]fig{{5000, 5000, "US", strength}}},
		{"en orders another's troops", "The Russian president ordered the deployment of 5,000 Belarusian troops.",
			[]fig{{5000, 5000, "BY", strength}}},
		{"en criticises a deployment", "The Russian president criticised the deployment of 5,000 troops.",
			[]fig{{5000, 5000, "", strength}}},
	})
}
