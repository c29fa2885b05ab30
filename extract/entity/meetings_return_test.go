package entity

import "testing"

// TestBackFromTalks checks that the day someone came back from talks
// does not date the talks, in the languages that say it.
func TestBackFromTalks(t *testing.T) {
	pub := day("2025-04-09") // a Wednesday
	tests := []struct {
		name, text, want string
	}{
		{"english", "The Polish delegation returned from Minsk on Monday, from talks with the Belarusian side.", ""},
		{"english, back from", "The Polish delegation came back on Monday from talks with the Belarusian side.", ""},
		{"ukrainian", "У понеділок повернулася польська делегація з Мінська, з переговорів з білоруською стороною.", ""},
		{"german", "Die polnische Delegation kehrte am Montag von den Gesprächen mit Belarus zurück.", ""},
		{"going to talks is dated", "The Polish delegation returned to Minsk on Monday for talks with the Belarusian side.", "2025-04-07"},
		{"returning after talks is dated", "The Polish delegation held talks with the Belarusian side in Minsk on Monday and returned home.", "2025-04-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetingDate(t, tt.text, pub); got != tt.want {
				t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
