package entity

import (
	"slices"
	"testing"
	"time"
)

// TestSpokeAboutWith holds the frame "spoke (about a topic) with someone"
// in each language: adverbs and a short topic may stand between the verb
// and whom it was with, and anything else ends the frame.
func TestSpokeAboutWith(t *testing.T) {
	pub := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string // the call's participants; nil: no meeting
	}{
		{"Говорив сьогодні, зокрема, і про це з канцлером Німеччини Олафом Шольцом.", []string{"DE"}},
		{"Дуже детально говорили про це і з Президентом Франції.", []string{"FR"}},
		{"The Ukrainian president talked about the sanctions with the French president.", []string{"FR", "UA"}},
		{"Der deutsche Kanzler sprach darüber telefonisch mit dem französischen Präsidenten.", []string{"DE", "FR"}},
		// Near misses: no one it was with, or a speech.
		{"Говорив сьогодні про це у зверненні до народу.", nil},
		{"He spoke about the war in his address to the nation.", nil},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		switch {
		case tt.want == nil && len(ms) != 0:
			t.Errorf("Meetings(%q) = %+v, want none", tt.text, ms)
		case tt.want != nil && (len(ms) != 1 || !slices.Equal(ms[0].Participants, tt.want)):
			t.Errorf("Meetings(%q) = %+v, want one with %v", tt.text, ms, tt.want)
		}
	}
}
