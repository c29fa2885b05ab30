package entity

import (
	"testing"
	"time"
)

// TestSpeechToAGathering holds a speech given to a gathering: the
// gathering is a meeting, the one who spoke is no party to it, in each
// language, and in an address "our meeting" is the speaker's. One who
// spoke and "took part in" or "attended" the gathering is a party; a
// meeting of the Staff an address reports is its speaker's. A
// meeting with someone is no speech, whatever verb of speaking tells it.
func TestSpeechToAGathering(t *testing.T) {
	pub := time.Date(2023, 6, 14, 18, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Slava Ukraini! Glory to Ukraine! Today I addressed the ministers at the Council of Europe session in Strasbourg.", []string{}},
		{"The Polish president addressed the NATO summit in Vilnius on Tuesday.", []string{}},
		{"Speech by the Prime Minister of Estonia at the Security Forum in Bratislava.", []string{}},
		{"Слава Україні! Звернувся сьогодні до учасників засідання Ради Безпеки ООН у Нью-Йорку.", []string{}},
		{"Президент Литви виступив на саміті НАТО у Вільнюсі у вівторок.", []string{}},
		{"Президент Казахстана выступил на саммите ШОС в Астане во вторник.", []string{}},
		{"Der polnische Präsident hielt am Dienstag eine Rede vor dem NATO-Gipfel in Vilnius.", []string{}},
		{"Le président polonais a prononcé un discours au sommet de l'OTAN à Vilnius mardi.", []string{}},
		// A meeting of the Staff in an address is the speaker's, as
		// "I held" one is; a Joint Staff meeting elsewhere names no one.
		{"Slava Ukraini! Glory to Ukraine! Today there was also a Staff meeting.", []string{"UA"}},
		{"Slava Ukraini! Glory to Ukraine! Today there was a meeting of the Staff on the front.", []string{"UA"}},
		{"The Joint Staff meeting on Monday reviewed the plans.", []string{}},
		// A speech and the gathering the speaker took part in.
		{"Slava Ukraini! Glory to Ukraine! Today I addressed the European Parliament and took part in the European Council summit in Brussels.", []string{"UA"}},
		{"The Polish president addressed the Sejm and attended the NATO summit in Vilnius on Tuesday.", []string{"PL"}},
		// The sentence's other states are the gathering's, as before.
		{"The Polish president spoke at the summit of Ukraine and Moldova in Chisinau on Tuesday.", []string{"MD", "UA"}},
		// In an address, "our meeting" is the speaker's.
		{"Слава Україні! Шановні учасники! Наша зустріч із прем'єр-міністром Польщі у Варшаві була дуже важливою.", []string{"PL", "UA"}},
		// Near misses: a meeting with someone, spoken of with a verb of
		// speaking, keeps both sides.
		{"The Polish president spoke with the Lithuanian president in Vilnius on Tuesday.", []string{"LT", "PL"}},
		{"Der polnische Präsident sprach am Dienstag mit dem litauischen Präsidenten in Vilnius.", []string{"LT", "PL"}},
	}
	checkParties(t, pub, tests)
}

// TestSpeechHeadlineDay holds the headline of a speech's text ("Speech by
// the President of Estonia at the NATO Summit in Vilnius"): the gathering
// met the day the text came out, in each language. A speech told in the
// body with no day of its own keeps no date, and "at the NATO summit in
// Vilnius" is in Vilnius, not at NATO's seat.
func TestSpeechHeadlineDay(t *testing.T) {
	pub := time.Date(2023, 7, 11, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		text, date, place string
	}{
		{"Speech by the President of Estonia at the NATO Summit in Vilnius\n\nDear friends! I am glad to be here.", "2023-07-11", "Vilnius"},
		{"Виступ Президента Естонії на саміті НАТО у Вільнюсі\n\nДорогі друзі! Радий бути тут.", "2023-07-11", "Vilnius"},
		{"Выступление президента Эстонии на саммите НАТО в Вильнюсе\n\nДорогие друзья! Рад быть здесь.", "2023-07-11", "Vilnius"},
		{"Rede des estnischen Präsidenten auf dem NATO-Gipfel in Vilnius\n\nLiebe Freunde! Ich freue mich, hier zu sein.", "2023-07-11", "Vilnius"},
		{"Discours du président estonien au sommet de l'OTAN à Vilnius\n\nChers amis ! Je suis heureux d'être ici.", "2023-07-11", "Vilnius"},
		// Near miss: the body's report of a speech, with no day.
		{"Estonia and NATO\n\nThe president of Estonia gave a speech at the NATO summit in Vilnius. He was glad to be there.", "", "Vilnius"},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Date != tt.date || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one on %q in %s", tt.text, ms, tt.date, tt.place)
		}
	}
}
