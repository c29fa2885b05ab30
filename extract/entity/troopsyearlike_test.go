package entity

import "testing"

// TestTroopHedgedYearLikeCount checks that a four-digit number a hedge
// opens is a count even when an adjective stands before its noun, in
// English and German, while a year before an adjective and its noun stays
// no figure.
func TestTroopHedgedYearLikeCount(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"more than, English", "More than 2000 Slovak soldiers were wounded.",
			[]troopFig{{2000, 2000, "SK", casualties}}},
		{"between, English", "Between 1900 and 2100 Slovak soldiers died.",
			[]troopFig{{1900, 2100, "SK", casualties}}},
		{"mehr als, German", "Mehr als 2000 slowakische Soldaten wurden verwundet.",
			[]troopFig{{2000, 2000, "SK", casualties}}},
		{"rund, German", "Rund 1900 slowakische Soldaten sind in Litauen stationiert.",
			[]troopFig{{1900, 1900, "SK", strength}}},
		{"a year, English", "In 2014 Slovak soldiers arrived in the region.", nil},
		{"a year opening the sentence, German", "2014 slowakische Soldaten kamen nie an, schrieb er.", nil},
	})
}
