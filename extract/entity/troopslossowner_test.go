package entity

import "testing"

// TestLossesOwnedByTheirState holds losses whose state follows the loss
// word at a sentence's start ("Потери ВСУ составили", "втрати рф ...
// особового складу ‒ 992 850") as that state's, in Russian and Ukrainian.
func TestLossesOwnedByTheirState(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"russian, losses first",
			"Потери ВСУ за сутки составили до 1 310 военнослужащих, сообщило Минобороны России.",
			[]troopFig{{1310, 1310, "UA", casualties}}},
		{"ukrainian general staff line",
			"Загальні бойові втрати рф з 24.02.22 по 03.06.25 орієнтовно склали: особового складу ‒ близько 992 850 (+1 070) осіб.",
			[]troopFig{{992850, 992850, "RU", casualties}}},
		{"russian general staff line",
			"Общие боевые потери ВСУ составили: личного состава – около 400 000 человек.",
			[]troopFig{{400000, 400000, "UA", casualties}}},
	})
}
