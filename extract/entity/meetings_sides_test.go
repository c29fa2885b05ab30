package entity

import (
	"slices"
	"testing"
	"time"
)

// TestUnnamedTalksInAnAddress holds a leader's address at war that tells
// a round of its negotiations held in a third state without naming the
// other side: the sides are the speaker's state and the one the address
// speaks of as the aggressor, and the state they were held in is none, in
// each language.
func TestUnnamedTalksInAnAddress(t *testing.T) {
	pub := time.Date(2022, 3, 20, 22, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Glory to Ukraine! Dear Ukrainians! Russian troops shelled Kharkiv again tonight. Our delegation came back from Turkey last night, from negotiations. We will keep fighting.", []string{"RU", "UA"}},
		{"Слава Україні! Шановні українці! Російські війська знову обстрілювали Харків. Вночі наша делегація повернулася з Туреччини, з переговорів. Ми будемо боротися.", []string{"RU", "UA"}},
		{"Слава Украине! Дорогие украинцы! Российские войска снова обстреливали Харьков. Ночью наша делегация вернулась из Турции, с переговоров. Мы будем бороться.", []string{"RU", "UA"}},
		{"Ruhm der Ukraine! Liebe Ukrainer! Russische Truppen haben Charkiw wieder beschossen. Unsere Delegation kam heute aus der Türkei von den Verhandlungen zurück. Wir kämpfen weiter.", []string{"RU", "UA"}},
		{"Gloire à l'Ukraine ! Chers Ukrainiens ! Les troupes russes ont de nouveau bombardé Kharkiv. Notre délégation est revenue de Turquie, des négociations. Nous continuerons à nous battre.", []string{"RU", "UA"}},
		// Negotiations in general are no meeting, whatever the war.
		{"Glory to Ukraine! Dear Ukrainians! Russian troops shelled Kharkiv again tonight. In all international negotiations we speak of peace. We will keep fighting.", nil},
	}
	checkParties(t, pub, tests)

	// Near misses: with no aggressor in the text, or with the other side
	// named, no side is added.
	for _, text := range []string{
		"Glory to Ukraine! Dear Ukrainians! Our delegation came back from Turkey last night, from negotiations. We will keep fighting.",
		"Glory to Ukraine! Dear Ukrainians! Russian troops shelled Kharkiv again tonight. Our delegation held negotiations with Moldova in Chisinau yesterday. We will keep fighting.",
	} {
		ms := Meetings(text, pub)
		if len(ms) != 1 || slices.Contains(ms[0].Participants, "RU") {
			t.Errorf("Meetings(%q) = %+v, want one meeting without RU", text, ms)
		}
	}
}
