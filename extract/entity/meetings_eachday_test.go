package entity

import (
	"slices"
	"testing"
)

// TestEachItsDay checks that two meetings one sentence joins with "and",
// each with whom it was held and its own day, are two, while one meeting
// held on two days stays one meeting on each day.
func TestEachItsDay(t *testing.T) {
	pub := day("2025-03-14")
	tests := []struct {
		text  string
		dates []string
	}{
		{"The Swedish prime minister met the Finnish president in Helsinki on Tuesday and then met the Estonian prime minister in Tallinn on Wednesday.", []string{"2025-03-11", "2025-03-12"}},
		{"The Polish president met the Lithuanian president on Monday and met the Latvian president in Riga on Thursday.", []string{"2025-03-10", "2025-03-13"}},
		{"The Polish president met the Lithuanian president in Vilnius on Monday and again on Tuesday.", []string{"2025-03-10", "2025-03-11"}},
		{"The Polish president met the Lithuanian president on Monday and discussed the border with him.", []string{"2025-03-10"}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		var got []string
		for _, m := range ms {
			got = append(got, m.Date)
		}
		if !slices.Equal(got, tt.dates) {
			t.Errorf("%q: meetings on %v, want %v", tt.text, got, tt.dates)
		}
	}
}
