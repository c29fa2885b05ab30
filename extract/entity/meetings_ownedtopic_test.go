package entity

import (
	"slices"
	"testing"
)

// TestOwnedTopic checks that a state named as the owner of what a
// meeting is about ("Georgia's membership") takes no part for that, while
// a state owning an office ("Georgia's foreign minister") does.
func TestOwnedTopic(t *testing.T) {
	pub := day("2025-04-12")
	tests := []struct {
		name, text string
		want       []string
	}{
		{"membership", "The question of Georgia's membership will dominate the summit of Poland and Lithuania in Vilnius on Monday.", []string{"LT", "PL"}},
		{"territorial integrity", "Moldova's territorial integrity was the subject of talks between Poland and Lithuania in Vilnius on Monday.", []string{"LT", "PL"}},
		{"an office", "Georgia's foreign minister held talks with his Lithuanian counterpart in Vilnius on Monday.", []string{"GE", "LT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 {
				t.Fatalf("%q: %+v, want one meeting", tt.text, ms)
			}
			if got := ms[0].Participants; !slices.Equal(got, tt.want) {
				t.Errorf("%q: participants %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestRaisedTopic checks that a state inside what a meeting is to discuss
// or raise is its subject, not a party, while the state of those it is
// discussed with takes part.
func TestRaisedTopic(t *testing.T) {
	checkParties(t, day("2025-04-12"), []meetingParties{
		{"The White House convened a meeting with Cabinet members on Thursday to discuss Russia's buildup near Ukraine.", []string{"US"}},
		{"Ahead of his meeting with the Chinese president on Friday, the US president said he would raise Taiwan.", []string{"CN", "US"}},
		{"The foreign minister of Poland met his German counterpart in Berlin on Friday and discussed the war with him.", []string{"DE", "PL"}},
		{"On Friday the Polish president discussed the war in Ukraine with the German chancellor in Berlin.", []string{"DE", "PL"}},
	})
}
