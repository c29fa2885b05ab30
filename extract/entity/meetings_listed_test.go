package entity

import (
	"testing"
	"time"
)

// TestListedFragments holds meetings named one by one in fragments after
// a sentence that tells them in the plural: each takes the time, day and
// place told, in each language. A fragment after no such sentence keeps
// what it says itself.
func TestListedFragments(t *testing.T) {
	pub := time.Date(2023, 6, 26, 21, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		text string
		n    int // meetings, each planned in Vilnius on 2023-06-29
	}{
		{"On June 29, two important summits will take place in Vilnius. NATO Summit. EU Summit.", 2},
		{"29 червня у Вільнюсі відбудуться одразу два важливі саміти. Саміт НАТО. Саміт Євросоюзу.", 2},
		{"29 июня в Вильнюсе пройдут сразу два важных саммита. Саммит НАТО. Саммит Евросоюза.", 2},
		{"Am 29. Juni finden in Vilnius zwei wichtige Gipfel statt. NATO-Gipfel. EU-Gipfel.", 2},
		{"Le 29 juin, deux importants sommets auront lieu à Vilnius. Sommet de l'OTAN. Sommet de l'UE.", 2},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		ok := len(ms) >= tt.n
		for _, m := range ms {
			ok = ok && m.Status == "planned" && m.Date == "2023-06-29" && m.Location == "Vilnius"
		}
		if !ok {
			t.Errorf("Meetings(%q) = %+v, want %d planned in Vilnius on 2023-06-29", tt.text, ms, tt.n)
		}
	}
	// Near miss: with no plural sentence before, a fragment is what it
	// says alone.
	ms := Meetings("The alliance is under strain. NATO Summit.", pub)
	for _, m := range ms {
		if m.Location == "Vilnius" || m.Date != "" {
			t.Errorf("a lone fragment took a day or place it does not say: %+v", m)
		}
	}
}
