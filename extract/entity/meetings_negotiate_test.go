package entity

import (
	"slices"
	"testing"
)

// TestNegotiateVerb checks that negotiating with a side, or two sides
// negotiating, are talks between them, one meeting however many sides
// the text lists, while an aim to negotiate is none.
func TestNegotiateVerb(t *testing.T) {
	pub := day("2025-03-14")
	tests := []struct {
		name, text     string
		date, location string
		participants   []string
		status         string
	}{
		{"with a side", "Ukraine is negotiating with Poland over grain imports.", "", "", []string{"PL", "UA"}, "held"},
		{"two sides", "Armenia and Azerbaijan negotiated in Washington on Tuesday.", "2025-03-11", "Washington", []string{"AM", "AZ"}, "held"},
		{"arranged", "Serbia and Montenegro are due to negotiate in Brussels on Monday.", "2025-03-17", "Brussels", []string{"ME", "RS"}, "planned"},
		{"an address", "We are negotiating with Germany and France on air defence, I told the parliament.", "", "", []string{"DE", "FR"}, "held"},
		{"German", "Die Ukraine verhandelt mit Polen über Getreide.", "", "", []string{"PL", "UA"}, "held"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 {
				t.Fatalf("%q: %+v, want one meeting", tt.text, ms)
			}
			m := ms[0]
			if m.Kind != "talks" || m.Date != tt.date || m.Location != tt.location || !slices.Equal(m.Participants, tt.participants) || m.Status != tt.status {
				t.Errorf("%q: %s %q %q %v %s, want talks %q %q %v %s", tt.text, m.Kind, m.Date, m.Location, m.Participants, m.Status, tt.date, tt.location, tt.participants, tt.status)
			}
		})
	}
	for _, text := range []string{
		"The Israeli prime minister is trying to find a way to negotiate with Russia.",
		"The French president tried to negotiate with Russia by making sweeping promises.",
		"So we are currently negotiating with American partners and Ukrainian producers to provide modular buildings.",
	} {
		if ms := Meetings(text, pub); len(ms) != 0 {
			t.Errorf("%q: %+v, want no meeting", text, ms)
		}
	}
}
