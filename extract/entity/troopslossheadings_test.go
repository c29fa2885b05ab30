package entity

import "testing"

// TestTroopLossHeadings checks that Ukrainian and Russian losses given
// after a dash count when the kind of losses qualifies them ("бойові
// втрати") or the force they are the losses of follows ("втрати
// російських військ"), and that a force without losses or losses of
// equipment stay no figure.
func TestTroopLossHeadings(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"kind of losses", "Бойові втрати противника – близько 30 500 осіб.",
			[]troopFig{{30500, 30500, "", casualties}}},
		{"two kinds", "Загальні бойові втрати ворога – понад 40 тисяч осіб.",
			[]troopFig{{40000, 40000, "", casualties}}},
		{"losses of a force", "Втрати білоруських військ – понад 2 тисячі осіб.",
			[]troopFig{{2000, 2000, "BY", casualties}}},
		{"Russian, losses of a force", "Потери белорусских войск – более 2 тысяч человек.",
			[]troopFig{{2000, 2000, "BY", casualties}}},
		{"an offensive is no loss", "Наступ білоруських військ – понад 2 тисячі осіб.", nil},
		{"economic losses", "Економічні втрати – понад 500 мільярдів доларів.", nil},
	})
}
