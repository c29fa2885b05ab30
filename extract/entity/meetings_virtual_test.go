package entity

import (
	"testing"
	"time"
)

// TestVirtualGathering holds a teleconference or videoconference of many:
// a summit of leaders, a ministerial of ministers, in each language; a
// videoconference with one counterpart stays a call.
func TestVirtualGathering(t *testing.T) {
	pub := time.Date(2022, 2, 19, 12, 0, 0, 0, time.UTC) // a Saturday
	tests := []struct {
		text, kind string
	}{
		{"On Friday evening there was a teleconference with the participation of EU and NATO leaders.", "summit"},
		{"On Friday a teleconference of leaders of NATO countries and the European Union was held.", "summit"},
		{"On Friday the defence ministers of NATO held a videoconference.", "ministerial"},
		{"Am Freitag fand eine Videokonferenz der Staats- und Regierungschefs der NATO statt.", "summit"},
		{"У п'ятницю відбулася відеоконференція лідерів країн НАТО.", "summit"},
		{"В пятницу состоялась видеоконференция лидеров стран НАТО.", "summit"},
		{"Les dirigeants de l'OTAN ont tenu une visioconférence vendredi.", "summit"},
		// Near miss: one counterpart makes a call.
		{"On Friday the president held a videoconference with his Polish counterpart.", "call"},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Kind != tt.kind || ms[0].Date != "2022-02-18" {
			t.Errorf("Meetings(%q) = %+v, want one %s on 2022-02-18", tt.text, ms, tt.kind)
		}
	}
}

// TestMetByVideoBetweenTwo holds two sides who "met by video" as a call,
// and the ministers of a body who did so as a ministerial.
func TestMetByVideoBetweenTwo(t *testing.T) {
	pub := time.Date(2022, 2, 19, 12, 0, 0, 0, time.UTC) // a Saturday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Ukrainian and Polish presidents met by video on Friday.", n: 1, kind: "call", date: "2022-02-18", who: []string{"PL", "UA"}},
		{text: "NATO defence ministers met by video link on Friday.", n: 1, kind: "ministerial", date: "2022-02-18"},
		{text: "The leaders of France, Germany and Italy met by video on Friday.", n: 1, kind: "summit", date: "2022-02-18", who: []string{"DE", "FR", "IT"}},
	})
}
