package entity

import (
	"testing"
	"time"
)

// TestTroopRangesAndLeavers holds ranges opened by "between" in Ukrainian
// and Russian and by "de … à" in French, and those who deserted or
// defected, who are counted apart from a force's strength.
func TestTroopRangesAndLeavers(t *testing.T) {
	pub := time.Date(2024, 10, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		min, max   int64
		category   string
		status     string
	}{
		{"Ukrainian between", "Між 10 і 12 тисячами північнокорейських військових перебувають у Росії.", 10000, 12000, strength, "deployed"},
		{"Russian between", "Между 10 и 12 тысячами северокорейских военных находятся в России.", 10000, 12000, strength, "deployed"},
		{"French de à", "De 10 000 à 12 000 soldats nord-coréens sont en Russie.", 10000, 12000, strength, ""},
		{"French de, no range", "Une armée de 10 000 soldats attend à la frontière.", 10000, 10000, strength, ""},
		{"French plus de", "Plus de 10 000 soldats ont été déployés.", 10000, 10000, strength, "deployed"},
		{"deserted", "More than 100,000 Ukrainian soldiers have deserted, according to prosecutors.", 100000, 100000, other, ""},
		{"defected", "About 30 Russian soldiers defected to Ukraine.", 30, 30, other, ""},
		{"arrived", "About 3,000 Russian soldiers arrived in Belarus.", 3000, 3000, strength, "deployed"},
		{"of a state's", "Kyiv says 500 of Ukraine's troops were captured.", 500, 500, casualties, ""},
		{"losses in people", "Russian losses over the past day amounted to 1,150 people, the General Staff said.", 1150, 1150, casualties, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, pub).Troops
			if len(got) != 1 || got[0].Min != tt.min || got[0].Max != tt.max || got[0].Category != tt.category || got[0].Status != tt.status {
				t.Fatalf("Troops(%q) = %+v, want one of %d..%d, %s, status %q", tt.text, got, tt.min, tt.max, tt.category, tt.status)
			}
		})
	}
}

// TestTroopStatePossessor holds a count of a state's soldiers named by
// its possessive after "of": the possessor owns them, not the subject
// who counts them.
func TestTroopStatePossessor(t *testing.T) {
	pub := time.Date(2024, 10, 10, 12, 0, 0, 0, time.UTC)
	got := Tag("Ukraine says it has killed 1,000 of Russia's soldiers in a day.", pub).Troops
	if len(got) != 1 || got[0].Min != 1000 || got[0].Nation != "RU" || got[0].Category != casualties {
		t.Fatalf("Troops = %+v, want 1,000 Russian casualties", got)
	}
	if got := Tag("One of Russia's soldiers said the unit had left.", pub).Troops; len(got) != 0 {
		t.Fatalf("Troops = %+v, want none", got)
	}
}

// TestTroopLossesNotCivilians holds that civilians' losses counted in
// people stay no figure beside a force's losses so counted.
func TestTroopLossesNotCivilians(t *testing.T) {
	pub := time.Date(2024, 10, 10, 12, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Civilian losses amounted to 1,150 people.",
		"The Russian strike on the market killed 20 people.",
	} {
		if got := Tag(text, pub).Troops; len(got) != 0 {
			t.Errorf("Troops(%q) = %+v, want none", text, got)
		}
	}
}
