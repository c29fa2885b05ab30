package entity

import (
	"testing"
	"time"
)

// TestArrivalPlace holds where a guest came to meet: the capital a
// relative clause on the people met says they arrived in or visited, the
// capital a visit went to whose "where" clause tells the meeting (a day
// may stand between), the capital of a visit that opens the sentence, and
// a seat named in Cyrillic. A conversation with one who came is face to
// face. A place visited that is no capital gives no place, nor does a
// visit the meeting came after.
func TestArrivalPlace(t *testing.T) {
	pub := time.Date(2022, 5, 10, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		text, kind, place string
	}{
		{"I spoke today with representatives of the European Union who arrived in Kyiv.", "meeting", "Kyiv"},
		{"Обговорив сьогодні ключові питання зі спікеркою Палати представників Конгресу США Ненсі Пелосі, яка відвідала Київ разом з делегацією.", "meeting", "Kyiv"},
		{"Der Kanzler traf Macron, der in Kiew eingetroffen war.", "summit", "Kyiv"},
		{"His statement came after a recent visit to Kiev, where he chaired a meeting with the Ukrainian president.", "meeting", "Kyiv"},
		{"The Italian prime minister paid a visit to Kyiv on Tuesday, where she met the Ukrainian president.", "summit", "Kyiv"},
		{"During his visit to Berlin, the Polish president met the German chancellor.", "summit", "Berlin"},
		{"On a trip to Beijing, the German chancellor met the Chinese president on Tuesday.", "summit", "Beijing"},
		{"Während seines Besuchs in Warschau traf der Kanzler den polnischen Präsidenten.", "summit", "Warsaw"},
		{"Сьогодні у Кремлі провів переговори з Прем'єр-міністром Канади.", "talks", "Moscow"},
		{"Сьогодні у Маріїнському палаці провів переговори з Прем'єр-міністром Канади.", "talks", "Kyiv"},
		// Near misses: a town visited is no capital met in.
		{"I spoke today with the President of France, who visited Bucha last week.", "call", ""},
		{"After his visit to Berlin, the Polish president met the German chancellor.", "summit", ""},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Kind != tt.kind || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one %s in %q", tt.text, ms, tt.kind, tt.place)
		}
	}
}

// TestTripPlace holds that a meeting whose subject is "he" or "she" took
// place where the sentence before says someone went, even across a
// paragraph break; a meeting its sentence places, one of someone named
// instead, a call and a town that is no capital take nothing from it.
func TestTripPlace(t *testing.T) {
	pub := time.Date(2022, 9, 9, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text, place string
	}{
		{"US Secretary of State Antony Blinken visited Kyiv on Thursday. He met Ukrainian President Volodymyr Zelensky.", "Kyiv"},
		{"The German chancellor arrived in Warsaw on Monday.\n\nHe held talks with the Polish prime minister.", "Warsaw"},
		{"The secretary's visit to Kyiv was meant to show support. He announced more aid during a meeting with the Ukrainian president.", "Kyiv"},
		// Near misses.
		{"The German chancellor arrived in Warsaw on Monday. He held talks with the Polish prime minister in Krakow.", "Kraków"},
		{"The French president visited Kyiv on Monday. The Chinese president met the Russian president.", ""},
		{"The French president visited Bucha on Monday. He met the Ukrainian president.", ""},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one meeting in %q", tt.text, ms, tt.place)
		}
	}
	// A call after a trip is still a call, with no place.
	ms := Meetings("The French president visited Kyiv on Monday. He spoke by phone with the Chinese president.", pub)
	if len(ms) != 1 || ms[0].Kind != "call" || ms[0].Location != "" {
		t.Errorf("a call after a trip: %+v, want one call with no place", ms)
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

// TestCapitalByAdjective places a meeting "in the Ukrainian capital" in
// Kyiv: the capital of the state the adjective names, when the places list
// and the gazetteer both know it. A capital that stands for more than its
// state (Brussels) gives none, nor does a capital spoken of without "in",
// "at" or "to".
func TestCapitalByAdjective(t *testing.T) {
	pub := time.Date(2024, 5, 8, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ text, place string }{
		{"The German chancellor met the Ukrainian president in the Ukrainian capital on Tuesday.", "Kyiv"},
		{"The Polish president hosted the summit in the Polish capital.", "Warsaw"},
		{"The two presidents held talks at the Lithuanian capital's airport on Monday.", "Vilnius"},
		{"The two leaders held talks in the South Korean capital.", "Seoul"},
		{"The defence ministers met in the Belgian capital on Thursday.", ""},
		{"The German chancellor met the Ukrainian president, who praised the Ukrainian capital's defenders.", ""},
	} {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Location != tt.place {
			t.Errorf("Meetings(%q) = %+v, want one in %q", tt.text, ms, tt.place)
		}
	}
}
