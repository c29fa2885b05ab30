package entity

import "testing"

// TestLaterDayInAddress checks that a speaker's meeting its sentence
// leaves undated takes the today a later sentence of its paragraph names,
// and that nothing else does: another's meeting, a day in the future
// tense, a weekday said later, or a today past another meeting.
func TestLaterDayInAddress(t *testing.T) {
	pub := day("2025-04-10")
	const open = "Dear compatriots!\n\n"
	const close = "\n\nGlory to Ukraine!"
	tests := []struct {
		name, text, want string
	}{
		{"today later, english", "I met in Lviv with the Prime Minister of Norway. We spoke about energy. I thank him for his visit to Lviv today.", "2025-04-10"},
		{"on this day later, english", "I met in Lviv with the Prime Minister of Norway. We spoke about energy. I am grateful for his visit on this day.", "2025-04-10"},
		{"yesterday later, english", "I met in Lviv with the Prime Minister of Norway. We spoke about energy. He arrived yesterday.", "2025-04-09"},
		{"today later, ukrainian", "Провів у Львові зустріч з прем'єр-міністром Норвегії. Норвегія допомагає нам. І сьогодні ми детально поговорили про енергетику.", "2025-04-10"},
		{"in this day later, ukrainian", "Провів у Львові зустріч з прем'єр-міністром Норвегії. Дякую за візит до Львова в цей день.", "2025-04-10"},
		{"another's meeting", "At the talks in Geneva the two delegations agreed on a first step. The corridors are to open today.", ""},
		{"today in the future tense", "I met in Lviv with the Prime Minister of Norway. The new line will open today.", ""},
		{"a weekday said later is another event's", "I met in Lviv with the Prime Minister of Norway. The shelling of Kharkiv occurred on Tuesday.", ""},
		{"on this day of another year", "I met in Lviv with the Prime Minister of Norway. On this day, eighty years ago, the camp was freed.", ""},
		{"another paragraph's today", "I met in Lviv with the Prime Minister of Norway.\n\nToday the new line opened.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Meetings(open+tt.text+close, pub) {
				got = append(got, m.Date)
			}
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("%q: dates %q, want the first %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestHolidayGreetedIsNoDay checks that a holiday greeted with "з Днем …"
// ("with the Day of …") is not "in the daytime", today.
func TestHolidayGreetedIsNoDay(t *testing.T) {
	pub := day("2025-04-10")
	for _, text := range []string{
		"Говорив з Прем'єр-міністром Норвегії та привітав його з Днем Конституції.",
		"Привітав Норвегію з Днем Конституції. Говорив з Прем'єр-міністром Норвегії.",
		"Говорил с премьер-министром Норвегии и поздравил его с Днём Конституции.",
	} {
		if got := meetingDate(t, text, pub); got != "" {
			t.Errorf("%q: got %q, want no date", text, got)
		}
	}
	// "Днем" alone is still the daytime of the day reported.
	if got := meetingDate(t, "Днем говорив з Прем'єр-міністром Норвегії.", pub); got != "2025-04-10" {
		t.Errorf("daytime: got %q, want 2025-04-10", got)
	}
}
