package entity

import "testing"

// TestSwapsAndBodies holds the category of soldiers a swap brings home:
// those handed back or come home from captivity were exchanged (other),
// while the bodies of the fallen handed back are casualties, in English
// and Ukrainian; "тільки" (only) is no body.
func TestSwapsAndBodies(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"handed back",
			"Under the swap, Russia handed back 150 Ukrainian servicemen.",
			[]troopFig{{150, 150, "UA", other}}},
		{"came home from captivity",
			"On Friday 95 Ukrainian defenders came home from Russian captivity.",
			[]troopFig{{95, 95, "UA", other}}},
		{"bodies handed back",
			"Russia handed back the bodies of 757 fallen Ukrainian soldiers.",
			[]troopFig{{757, 757, "UA", casualties}}},
		{"bodies, Ukrainian",
			"Україна повернула тіла 909 полеглих українських військовослужбовців.",
			[]troopFig{{909, 909, "UA", casualties}}},
		{"only, Ukrainian",
			"Тільки вчора державними нагородами були відзначені 404 військовослужбовці Збройних Сил України.",
			[]troopFig{{404, 404, "UA", other}}},
	})
}

// TestHeldInCustody holds soldiers or fighters held in prisons or in
// custody as casualties (captured), while those come home from captivity
// were exchanged.
func TestHeldInCustody(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"in prisons",
			"The Syrian Democratic Forces hold several thousand Islamic State militants in prisons across the northeast.",
			[]troopFig{{1000, 9999, "", casualties}}},
		{"in custody",
			"Ukraine holds about 1,500 Russian soldiers in custody.",
			[]troopFig{{1500, 1500, "RU", casualties}}},
		{"home from captivity",
			"On Friday 95 Ukrainian defenders came home from Russian captivity.",
			[]troopFig{{95, 95, "UA", other}}},
	})
}
