package entity

import (
	"slices"
	"testing"
)

// TestSpokeAtGathering checks that one who speaks at a summit or a
// conference, and the states named in what they said there, are no
// parties to it for that; those said to meet or attend there are.
func TestSpokeAtGathering(t *testing.T) {
	pub := day("2025-04-12")
	tests := []struct {
		name, text string
		want       []string
	}{
		{"said at, that", "The Polish foreign minister said on Friday at the Munich Security Conference that Russia is preparing another offensive against Ukraine.", nil},
		{"told reporters on the sidelines", "The Polish foreign minister told reporters on the sidelines of the NATO summit in Vilnius that Lithuania needs more air defence.", nil},
		{"met at", "The Polish foreign minister met his Lithuanian counterpart at the NATO summit in Vilnius.", []string{"LT", "PL"}},
		{"attended, then said that", "The Polish and Lithuanian presidents attended the NATO summit in Vilnius and said that Russia remains the main threat.", []string{"LT", "PL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 {
				t.Fatalf("%q: %+v, want one meeting", tt.text, ms)
			}
			if got := ms[0].Participants; !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("%q: participants %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
