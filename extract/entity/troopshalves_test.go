package entity

import "testing"

// TestTroopHalfGlued checks that a half glued to its multiplier
// ("півмільйона") is read as a count, and that an abbreviated multiplier
// with no number before it ("Tsd. Soldaten") gives no figure rather than
// one thousand.
func TestTroopHalfGlued(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"uk half a million", "Країну окупували півмільйона солдатів.",
			[]troopFig{{500000, 500000, "", strength}}},
		{"ru half a million", "Россия стянула к границе полмиллиона военных.",
			[]troopFig{{500000, 500000, "RU", strength}}},
		{"uk half a thousand", "Загинули півтисячі військових.",
			[]troopFig{{500, 500, "", casualties}}},
		{"de Tsd. without a number", "Die Bundeswehr verlegt Tsd. Soldaten nach Litauen.", nil},
		{"uk тис. without a number", "Командування перекинуло тис. військових на схід.", nil},
		{"de Tsd. after a number", "Die Bundeswehr verlegt 4 Tsd. Soldaten nach Litauen.",
			[]troopFig{{4000, 4000, "DE", strength}}},
		{"uk тисяча without a number", "Тисяча військових загинула.",
			[]troopFig{{1000, 1000, "", casualties}}},
	})
}
