package entity

import (
	"slices"
	"testing"
	"time"
)

// TestArrivalDay checks that a past meeting no sentence of its own dates
// takes the day one of its people arrived, told in another paragraph,
// and only that: not another person's arrival, not an arrival in another
// city, not two arrivals on different days, not a meeting to come.
func TestArrivalDay(t *testing.T) {
	pub := day("2025-04-09") // a Wednesday
	const trip = "Norwegian Prime Minister Jonas Store has made a trip to Ukraine to meet Ukrainian President Volodymyr Zelensky.\n\n"
	const met = "Norwegian Prime Minister Jonas Store met Ukrainian President Volodymyr Zelensky in Kyiv.\n\n"
	tests := []struct {
		name, text, want string
	}{
		{"arrival after the trip", trip + "Store arrived in Kyiv on Tuesday morning, and also went to Irpin.", "2025-04-08"},
		{"arrival before the meeting", "Store arrived in Kyiv on Monday.\n\n" + met, "2025-04-07"},
		{"another person's arrival", trip + "Swedish Prime Minister Ulf Kristersson arrived in Kyiv on Tuesday.", ""},
		{"an arrival in another city", met + "Store arrived in Lviv on Tuesday.", ""},
		{"arrivals on two days", met + "Store arrived in Kyiv on Monday.\n\nStore came to Kyiv again on Tuesday.", ""},
		{"a meeting to come", "Norwegian Prime Minister Jonas Store will meet Ukrainian President Volodymyr Zelensky in Kyiv.\n\nStore arrived in Poland on Tuesday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 {
				t.Fatalf("%q: %+v, want one meeting", tt.text, ms)
			}
			if ms[0].Date != tt.want {
				t.Errorf("%q: date %q, want %q", tt.text, ms[0].Date, tt.want)
			}
		})
	}
}

// TestDaysApart holds a meeting a sentence tells as days before or after
// another ("– a day after Xi met Putin", ", two days before the German
// chancellor meets ...") dated from the other's day, even one another
// sentence gives (Kishida's arrival); without such words, no day.
func TestDaysApart(t *testing.T) {
	pub := time.Date(2023, 3, 22, 12, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		text  string
		dates []string
	}{
		{"Japanese Prime Minister Fumio Kishida has made a surprise trip to Ukraine to meet Ukrainian President Volodymyr Zelensky – a day after Chinese leader Xi Jinping met his Russian counterpart Vladimir Putin in Moscow. Kishida arrived in Kyiv on Tuesday afternoon local time.",
			[]string{"2023-03-21", "2023-03-20"}},
		{"The Ukrainian president met the Polish president in Warsaw on Tuesday, a day after the German chancellor met the French president in Paris.",
			[]string{"2023-03-21", "2023-03-20"}},
		{"The Ukrainian president met the Polish president in Warsaw on Tuesday, two days before the German chancellor meets the French president in Paris.",
			[]string{"2023-03-21", "2023-03-23"}},
		{"The Ukrainian president met the Polish president in Warsaw on Tuesday – the German chancellor met the French president in Paris.",
			[]string{"2023-03-21", ""}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Meetings(tt.text, pub) {
			got = append(got, m.Date)
		}
		if !slices.Equal(got, tt.dates) {
			t.Errorf("Meetings(%q) dates = %q, want %q", tt.text, got, tt.dates)
		}
	}
}

// TestMetOnTwoDays holds a meeting told on two days apart ("on 16 May
// and 2 June", "on Tuesday and again on Wednesday") as one meeting each
// day, and two days in a row without "again" ("meets on Thursday and
// Friday") as one meeting over both.
func TestMetOnTwoDays(t *testing.T) {
	tests := []struct {
		text  string
		pub   time.Time
		dates []string
	}{
		{"The delegations of Russia and Ukraine met in Istanbul on 16 May and 2 June.", day("2025-07-25"), []string{"2025-05-16", "2025-06-02"}},
		{"The Israeli and US defence ministers met in Washington on Tuesday and again on Wednesday.", day("2025-06-19"), []string{"2025-06-17", "2025-06-18"}},
		{"The European Council meets in Brussels on Thursday and Friday.", day("2024-10-12"), []string{"2024-10-10"}},
		{"The ministers met in Brussels on June 2 and June 3.", day("2025-06-19"), []string{"2025-06-02"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Meetings(tt.text, tt.pub) {
			got = append(got, m.Date)
		}
		if !slices.Equal(got, tt.dates) {
			t.Errorf("Meetings(%q) dates = %q, want %q", tt.text, got, tt.dates)
		}
	}
}
