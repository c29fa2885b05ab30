package entity

import (
	"slices"
	"testing"
	"time"
)

// TestConveningABody holds a state convening a body that meets: a
// meeting of the body, with the state that calls it, still to come when
// the verb is in the present and held when it is in the past, in each
// language. Convening people who are no body stays what it was.
func TestConveningABody(t *testing.T) {
	pub := time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		text   string
		status string // "" for no meeting
	}{
		{"Estonia is convening the UN Security Council over the drone attack.", "planned"},
		{"Estonia convened an emergency session of the UN Security Council over the drone attack.", "held"},
		{"Естонія скликає Раду Безпеки ООН через атаку на порт.", "planned"},
		{"Эстония созывает Совет Безопасности ООН из-за атаки на порт.", "planned"},
		{"Estland hat den UN-Sicherheitsrat wegen des Drohnenangriffs einberufen.", "held"},
		{"L'Estonie convoque le Conseil de sécurité de l'ONU après l'attaque de drones.", "planned"},
		// Near miss: convening what is no body.
		{"Estonia is convening a panel of historians on the drone attack.", ""},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		switch {
		case tt.status == "" && len(ms) != 0:
			t.Errorf("Meetings(%q) = %+v, want none", tt.text, ms)
		case tt.status != "" && (len(ms) != 1 || ms[0].Status != tt.status || !slices.Equal(ms[0].Participants, []string{"EE"}) || !slices.Contains(ms[0].Orgs, "UN Security Council")):
			t.Errorf("Meetings(%q) = %+v, want one %s meeting of the UN Security Council with EE", tt.text, ms, tt.status)
		}
	}
}
