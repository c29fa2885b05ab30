package entity

import "testing"

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
