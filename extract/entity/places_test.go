package entity

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
)

func TestPlaces(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Name/CC", in order of first mention
	}{
		{"capital", "Talks in Brussels.", []string{"Brussels/BE"}},
		{"summit venues", "After the Aspen Security Forum, the G7 ministers met in Capri and the Weimar Triangle in Weimar.", []string{"Aspen/US", "Capri/IT", "Weimar/DE"}},
		{"a venue's town in a name of another kind", "The Aspen Institute said so.", nil},
		{"ramstein, ukrainian", "на засіданні Рамштайну", []string{"Ramstein/DE"}},
		{"old spelling", "Shelling of Kiev and Kharkov.", []string{"Kyiv/UA", "Kharkiv/UA"}},
		{"german", "In Kiew und Brüssel.", []string{"Kyiv/UA", "Brussels/BE"}},
		{"ukrainian cases", "у Києві, з Харкова, в Одесі", []string{"Kyiv/UA", "Kharkiv/UA", "Odesa/UA"}},
		{"russian", "в Киеве и Москве", []string{"Kyiv/UA", "Moscow/RU"}},
		{"region", "Fighting in Donbas and Crimea.", []string{"Donbas/UA", "Crimea/UA"}},
		{"dateline", "BRUSSELS – Ministers met.", []string{"Brussels/BE"}},
		{"front line", "Near Avdiivka, Bakhmut and Zaporizhzhia.", []string{"Avdiivka/UA", "Bakhmut/UA", "Zaporizhzhia/UA"}},
		{"nato sites", "From Ramstein Air Base and Rzeszów to Incirlik.", []string{"Ramstein/DE", "Rzeszów/PL", "Incirlik/TR"}},
		{"middle east", "Rafah, Gaza and Tel Aviv.", []string{"Rafah/PS", "Gaza/PS", "Tel Aviv/IL"}},
		{"taipei", "Taipei protested.", []string{"Taipei/TW"}},
		{"washington dc", "in Washington, D.C., on Monday", []string{"Washington/US"}},
		{"person, not place", "George Washington and Sofia Coppola.", nil},
		{"newspaper, not place", "The Kyiv Independent and the Washington Post reported.", nil},
		{"agreement, not place", "The Minsk agreements failed.", nil},
		{"us town", "Athens, Ohio and Dublin, Ohio.", nil},
		{"gas is no gaza", "ціни на газ і газу", nil},
		{"one entry per place", "Kyiv, Kiev, Київ.", []string{"Kyiv/UA"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Places(tt.text) {
				got = append(got, p.Name+"/"+p.Country)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Places(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestPlacesSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Places(string(b))
	for _, want := range []defwatch.Place{{Name: "Brussels", Country: "BE"}, {Name: "Kyiv", Country: "UA"}} {
		if !slices.Contains(got, want) {
			t.Errorf("seed places %v lack %v", got, want)
		}
	}
}

// TestPlaceForms checks the table: every country is a state the nations
// tagger knows, and no form names two places.
func TestPlaceForms(t *testing.T) {
	codes := map[string]bool{}
	for _, st := range states {
		codes[st.code] = true
	}
	seen := map[string]string{}
	for _, f := range placeForms {
		if !codes[f.country] {
			t.Errorf("%s: unknown country %q", f.name, f.country)
		}
		for _, form := range append([]string{f.name}, strings.Split(f.forms, "|")...) {
			if form == "" {
				continue
			}
			if prev, ok := seen[form]; ok && prev != f.name {
				t.Errorf("form %q is both %s and %s", form, prev, f.name)
			}
			seen[form] = f.name
		}
	}
	placeLex()
}

func FuzzPlaces(f *testing.F) {
	for _, s := range append(fuzzMeetingSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps := Places(text)
		if len(ps) > len(text) {
			t.Fatalf("%d places in %d bytes", len(ps), len(text))
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if p.Name == "" || len(p.Country) != 2 || seen[p.Name] {
				t.Fatalf("bad place %+v in %+v", p, ps)
			}
			seen[p.Name] = true
		}
	})
}
