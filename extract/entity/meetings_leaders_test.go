package entity

import (
	"slices"
	"testing"
	"time"
)

// TestLeaderSurnames holds the participants a well-known leader's
// surname gives: the state, when the text names it somewhere; none when
// it does not; and not the one who only reports a meeting.
func TestLeaderSurnames(t *testing.T) {
	pub := time.Date(2025, 4, 9, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"states named elsewhere", "Ukraine asked the US for air defence. Biden spoke with Zelensky by phone on Monday.",
			[]string{"UA", "US"}},
		{"states never named", "Biden spoke with Zelensky by phone on Monday.", []string{}},
		{"Ukrainian forms", "Україна і Білорусь. У понеділок у мене відбулася телефонна розмова з Олександром Лукашенком.", []string{"BY"}},
		{"one who reports", "China and Russia are close, the US says. Blinken said Xi had made it clear in a call with Putin on Monday.",
			[]string{"CN", "RU"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 || !slices.Equal(ms[0].Participants, tt.want) {
				t.Fatalf("Meetings(%q) = %+v, want one with participants %v", tt.text, ms, tt.want)
			}
		})
	}
}
