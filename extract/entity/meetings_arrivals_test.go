package entity

import (
	"testing"
	"time"
)

// TestArrivalPlace holds where a guest came to meet: the capital a
// relative clause on the people met says they arrived in or visited, the
// capital a visit went to whose "where" clause tells the meeting, and a
// seat named in Cyrillic. A conversation with one who came is face to
// face. A place visited that is no capital gives no place.
func TestArrivalPlace(t *testing.T) {
	pub := time.Date(2022, 5, 10, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		text, kind, place string
	}{
		{"I spoke today with representatives of the European Union who arrived in Kyiv.", "meeting", "Kyiv"},
		{"Обговорив сьогодні ключові питання зі спікеркою Палати представників Конгресу США Ненсі Пелосі, яка відвідала Київ разом з делегацією.", "meeting", "Kyiv"},
		{"Der Kanzler traf Macron, der in Kiew eingetroffen war.", "meeting", "Kyiv"},
		{"His statement came after a recent visit to Kiev, where he chaired a meeting with the Ukrainian president.", "meeting", "Kyiv"},
		{"Сьогодні у Кремлі провів переговори з Прем'єр-міністром Канади.", "talks", "Moscow"},
		{"Сьогодні у Маріїнському палаці провів переговори з Прем'єр-міністром Канади.", "talks", "Kyiv"},
		// Near misses: a town visited is no capital met in.
		{"I spoke today with the President of France, who visited Bucha last week.", "call", ""},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Kind != tt.kind || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one %s in %q", tt.text, ms, tt.kind, tt.place)
		}
	}
}

// TestPlaceOfAnActOfWar holds that a place after an act of war is where
// the act was, not where a meeting is: "a special meeting on Russia's
// war crimes in Bucha", "засідання щодо воєнних злочинів Росії в Бучі".
// A place after the meeting itself is still its place.
func TestPlaceOfAnActOfWar(t *testing.T) {
	pub := time.Date(2022, 4, 5, 20, 0, 0, 0, time.UTC)
	tests := []struct{ text, place string }{
		{"The UN Security Council convened for a special meeting on Russia's war crimes in Bucha.", ""},
		{"Рада Безпеки ООН зібралася на спеціальне засідання щодо воєнних злочинів Росії в Бучі.", ""},
		{"The ministers discussed the shelling in Kharkiv at a meeting in Brussels.", "Brussels"},
		// Near miss: no act of war before the place.
		{"The defence ministers held a meeting on security in Brussels.", "Brussels"},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one in %q", tt.text, ms, tt.place)
		}
	}
}
