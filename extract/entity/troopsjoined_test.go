package entity

import "testing"

// TestTroopPeopleJoining checks that people counted by what they are
// ("volunteers", "convicts", "men") are personnel when they join a force,
// come to fight for a side or are called up, and no figure when they join
// anything else, serve or fight a fire.
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
		{"volunteers come to fight",
			"Thousands of volunteers from all over the world come to Ukraine to fight on the side of freedom.",
			[]troopFig{{1000, 9999, "", other}}},
		{"volunteers come to fight fires",
			"Hundreds of volunteers came to the town to fight the fires.", nil},
		{"convicts recruited by a state",
			"Russia recruited around 50,000 convicts last year.",
			[]troopFig{{50000, 50000, "RU", other}}},
		{"convicts recruited to fight",
			"The army has recruited 100,000 convicts to fight in the war.",
			[]troopFig{{100000, 100000, "", other}}},
		{"inmates recruited for work",
			"The prison service recruited 300 inmates for kitchen work.", nil},
	})
}

// TestTroopVolunteersCyrillic checks Ukrainian and Russian volunteers who
// join a force's ranks or come to fight, owned by the force's state when
// the sentence names it, and volunteers who help as no figure.
func TestTroopVolunteersCyrillic(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"joined the ranks of Ukraine's forces",
			"Від початку року до лав Сил оборони України долучилися понад 25 тисяч добровольців.",
			[]troopFig{{25000, 25000, "UA", other}}},
		{"come to fight",
			"Тисячі добровольців з усього світу їдуть в Україну, аби воювати на боці свободи.",
			[]troopFig{{1000, 9999, "", other}}},
		{"russian, joined",
			"В ряды ВСУ вступили более 20 тысяч добровольцев.",
			[]troopFig{{20000, 20000, "UA", other}}},
		{"volunteers who help",
			"Тисячі добровольців допомагають переселенцям.", nil},
	})
}
