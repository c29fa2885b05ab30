package entity

import (
	"slices"
	"testing"
)

// TestSpeakerAtOthersGathering checks that an address's "we" or "I"
// makes the speaker's state a participant of a body's summit only when
// the sentence says the speaker took part in it or held it, not when the
// speaker prepares for it, speaks of it or addresses it.
func TestSpeakerAtOthersGathering(t *testing.T) {
	pub := day("2025-04-10")
	const open = "Dear compatriots!\n\n"
	const close = "\n\nGlory to Ukraine!"
	tests := []struct {
		name, text string
		speaker    bool
	}{
		{"preparing for it", "We are preparing our positions for next week's NATO summit in Madrid.", false},
		{"addressing it", "Today I addressed the EU summit in Brussels.", false},
		{"agreeing on what it will do", "We agreed on the support the G7 summit in Rome will give.", false},
		{"taking part", "Today we took part in the G7 summit in Rome.", true},
		{"attending", "Today I attended the EU summit in Brussels.", true},
		{"met there", "Today I met the Prime Minister of Norway at the NATO summit in Madrid.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(open+tt.text+close, pub)
			if len(ms) == 0 {
				t.Fatalf("%q: no meeting", tt.text)
			}
			if got := slices.Contains(ms[0].Participants, "UA"); got != tt.speaker {
				t.Errorf("%q: participants %v, want the speaker's UA: %v", tt.text, ms[0].Participants, tt.speaker)
			}
		})
	}
}
