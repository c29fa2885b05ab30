package entity

import "testing"

// TestTroopBreadth holds classes of wording rather than single texts: a
// force's losses said as a total after their noun ("amount to", "came
// to"), the dead and wounded said as one noun, losses of personnel as
// opposed to equipment, and an enemy that loses men. Each class has a near
// miss that is no figure.
func TestTroopBreadth(t *testing.T) {
	type fig struct {
		min, max int64
		nation   string
		category string
	}
	tests := []struct {
		name, text string
		want       []fig
	}{
		{"losses amount to", "Russian personnel losses amount to 1,000,000.",
			[]fig{{1000000, 1000000, "RU", casualties}}},
		{"losses came to", "Russian military losses came to 1,200 in one day.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"money amounts to", "The company's losses amounted to $5 million.", nil},
		{"equipment amounts to", "Equipment losses amount to 300 tanks.", nil},
		{"civilians amount to", "Civilian casualties amount to 10,000.", nil},
		{"personnel losses exceed", "Kyiv says Russian personnel losses have exceeded 500,000.",
			[]fig{{500000, 500000, "RU", casualties}}},
		{"killed and wounded as a noun", "The estimate puts Russian killed and wounded at about 315,000.",
			[]fig{{315000, 315000, "RU", casualties}}},
		{"killed and wounded of no force", "The report puts the killed and wounded at about 300.", nil},
		{"an enemy loses men", "The enemy lost up to 400 men killed and wounded.",
			[]fig{{400, 400, "", casualties}}},
		{"a club loses men", "The club lost 3 men to injury.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Troops(%q) = %+v, want %d figures %+v", tt.text, got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Min != w.min || g.Max != w.max || g.Nation != w.nation || g.Category != w.category {
					t.Errorf("figure %d = %d..%d %q %s, want %d..%d %q %s", i, g.Min, g.Max, g.Nation, g.Category, w.min, w.max, w.nation, w.category)
				}
			}
		})
	}
}
