package entity

import "testing"

// TestTroopRefused checks that a count someone says they do not mean to
// take, send or have is no figure, in each language, while a count a
// state does not mean to withdraw, a refusal in another clause and a plan
// that is not denied stay figures.
func TestTroopRefused(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"did not plan to take", "The army did not plan to take thousands of prisoners.", nil},
		{"didn't plan", "The army didn't plan to take thousands of prisoners.", nil},
		{"has no plans to send", "Norway has no plans to send 5,000 troops to the region.", nil},
		{"no intention of deploying", "Canada has no intention of deploying 3,000 troops.", nil},
		{"never intended", "Spain never intended to deploy 2,000 soldiers there.", nil},
		{"will not send", "Italy will not send 1,000 troops to the mission.", nil},
		{"won't send", "Italy won't send 1,000 troops to the mission.", nil},
		{"Ukrainian", "Армія не планувала брати тисячі полонених.", nil},
		{"Russian, a noun of intent", "У армии не было расчета взять тысячи пленных.", nil},
		{"German, the negation after", "Österreich plant nicht, 10.000 Soldaten zu entsenden.", nil},
		{"German keine", "Österreich will keine 5.000 Soldaten schicken.", nil},
		{"French", "L'Espagne ne prévoit pas d'envoyer 2 000 soldats.", nil},
		{"not withdrawing keeps the troops",
			"Norway does not plan to withdraw its 1,000 troops from the region.",
			[]troopFig{{1000, 1000, "NO", strength}}},
		{"a refusal in another clause",
			"Norway, which did not plan the exercise, has sent 1,000 troops.",
			[]troopFig{{1000, 1000, "NO", strength}}},
		{"a plan not denied", "Norway plans to send 5,000 troops to the region.",
			[]troopFig{{5000, 5000, "NO", strength}}},
		{"English will is no intention", "Analysts do not think Norway will send 5,000 troops.",
			[]troopFig{{5000, 5000, "", strength}}},
	})
}
