package entity

import (
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestOnTheEve holds that a meeting whose eve a sentence in the present
// speaks of is still to come, in each language, while one whose eve a
// sentence about the past speaks of keeps what the past tense says.
func TestOnTheEve(t *testing.T) {
	pub := time.Date(2022, 3, 22, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, want string
	}{
		{"present", "We continue to coordinate our positions with Canada on the eve of this week's NATO and G7 summits.", defwatch.MeetingPlanned},
		{"opening phrase", "On the eve of the meeting of the G7 finance ministers, these talks with the IMF are a direct preparation.", defwatch.MeetingPlanned},
		{"Ukrainian", "Координуємо наші позиції напередодні саміту НАТО в Брюсселі.", defwatch.MeetingPlanned},
		{"German", "Am Vorabend des Nato-Gipfels in Brüssel beraten die Außenminister.", defwatch.MeetingPlanned},
		{"past", "On the eve of the summit in Bucharest, they argued for weeks.", defwatch.MeetingHeld},
		{"Ukrainian past", "Напередодні саміту НАТО у Брюсселі ми говорили з Президентом Франції.", defwatch.MeetingHeld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) == 0 {
				t.Fatalf("no meeting in %q", tt.text)
			}
			for _, m := range ms {
				if m.Status != tt.want {
					t.Errorf("%s %q: status %q, want %q", m.Kind, m.Text, m.Status, tt.want)
				}
			}
		})
	}
}
