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

// TestTroopVagueOneWord checks vague sizes written as one word:
// "кількасот" (several hundred), "кількадесят" (several tens),
// "Zigtausende" (tens of thousands), and that people they count stay
// civilians.
func TestTroopVagueOneWord(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"uk several hundred",
			"У полон потрапили кількасот естонських бійців.",
			[]troopFig{{100, 999, "EE", casualties}}},
		{"uk several tens",
			"Загинули кількадесят військових.",
			[]troopFig{{24, 99, "", casualties}}},
		{"de zig thousands",
			"Zigtausende Soldaten wurden an die Grenze verlegt.",
			[]troopFig{{10000, 99999, "", strength}}},
		{"uk several hundred people",
			"Кількасот людей вийшли на мітинг.", nil},
	})
}
