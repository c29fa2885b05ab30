package entity

import (
	"testing"
	"time"
)

// TestFramedMeetingToldAgain holds a meeting named only to set the time
// or the occasion of what someone said or did ("said after the talks",
// "during his call with …", "після переговорів") to the meeting the text
// told before it: one entry, in each language. A framed meeting with
// someone the text never told of, or the first one told, stands alone.
func TestFramedMeetingToldAgain(t *testing.T) {
	pub := time.Date(2024, 10, 9, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		want int
	}{
		{"said after talks", "The Finnish president met the Japanese prime minister in Tokyo on Tuesday. The two leaders signed a pact on undersea cables. \"NATO must guard the seabed,\" the president said after talks, pointing to the cable cuts.", 1},
		{"the other side of a call", "During a phone call with the Polish defence minister Kasprzak yesterday, the Dutch defence minister Verhoef thanked him for the offer. During his call with Verhoef, Kasprzak asked for more shells.", 1},
		{"speaking at the meeting", "The foreign ministers of Chile and Peru met in Lima on Monday. Speaking about fishing rights at Monday's meeting, the Chilean minister asked for a UN patrol.", 1},
		// Told again the way the text already merges: the rule must keep it.
		{"German", "Der finnische Präsident traf am Dienstag den japanischen Regierungschef in Tokio. Nach den Gesprächen sagte der Präsident, die Nato müsse die Kabel schützen.", 1},
		{"Ukrainian", "Президент Фінляндії зустрівся у вівторок з прем'єр-міністром Японії в Токіо. Після переговорів президент заявив, що НАТО має захистити кабелі.", 1},
		{"French", "Le président finlandais a rencontré mardi le Premier ministre japonais à Tokyo. Après les négociations, le président a déclaré que l'OTAN doit protéger les câbles.", 1},
		// Near misses: a framed meeting with someone else is its own,
		// and so is the first meeting a text tells.
		{"someone else", "The Finnish president held talks with the Japanese prime minister in Tokyo on Tuesday. After talks with the Chilean president in Santiago on Thursday, he flew home.", 2},
		{"first told", "\"NATO must guard the seabed,\" the Finnish president said after talks with the Japanese prime minister in Tokyo on Tuesday.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != tt.want {
				t.Errorf("Meetings(%q) = %+v, want %d", tt.text, ms, tt.want)
			}
		})
	}
}
