package entity

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
)

const (
	strength   = defwatch.TroopStrength
	casualties = defwatch.TroopCasualties
	other      = defwatch.TroopOther
)

func TestTroops(t *testing.T) {
	tests := []struct {
		name, text string
		want       []defwatch.Troop
	}{
		// Digits.
		{"comma thousands", "NATO sent 10,000 troops.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "troops", Category: strength, Text: "10,000 troops"}}},
		{"space thousands", "Poland has 10 000 soldiers there.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "soldiers", Nation: "PL", Category: strength, Text: "10 000 soldiers"}}},
		{"no-break space thousands", "Poland has 10\u00a0000 soldiers there.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "soldiers", Nation: "PL", Category: strength, Text: "10\u00a0000 soldiers"}}},
		{"dot thousands", "Berlin sends 10.000 soldiers.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "soldiers", Nation: "DE", Category: strength, Text: "10.000 soldiers"}}},
		{"millions with commas", "an army of 1,320,000 servicemen",
			[]defwatch.Troop{{Min: 1320000, Max: 1320000, Unit: "servicemen", Category: strength, Text: "1,320,000 servicemen"}}},
		{"decimal million", "Russia has 1.5 million troops.",
			[]defwatch.Troop{{Min: 1500000, Max: 1500000, Unit: "troops", Nation: "RU", Category: strength, Text: "1.5 million troops"}}},
		{"digits and thousand", "It massed 10 thousand soldiers.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "soldiers", Category: strength, Text: "10 thousand soldiers"}}},
		{"plain number", "It moved 300 marines.",
			[]defwatch.Troop{{Min: 300, Max: 300, Unit: "marines", Category: strength, Text: "300 marines"}}},

		// Words.
		{"number word", "Five soldiers were wounded.",
			[]defwatch.Troop{{Min: 5, Max: 5, Unit: "soldiers", Category: casualties, Text: "Five soldiers"}}},
		{"hyphenated tens", "twenty-five sailors",
			[]defwatch.Troop{{Min: 25, Max: 25, Unit: "sailors", Category: strength, Text: "twenty-five sailors"}}},
		{"tens and thousand", "thirty thousand troops",
			[]defwatch.Troop{{Min: 30000, Max: 30000, Unit: "troops", Category: strength, Text: "thirty thousand troops"}}},
		{"hundred and", "one hundred and fifty paratroopers",
			[]defwatch.Troop{{Min: 150, Max: 150, Unit: "paratroopers", Category: strength, Text: "one hundred and fifty paratroopers"}}},
		{"a dozen", "a dozen soldiers",
			[]defwatch.Troop{{Min: 12, Max: 12, Unit: "soldiers", Category: strength, Text: "a dozen soldiers"}}},
		{"a million", "a million soldiers",
			[]defwatch.Troop{{Min: 1000000, Max: 1000000, Unit: "soldiers", Category: strength, Text: "a million soldiers"}}},
		{"and a half thousand", "Four and a half thousand Russian soldiers have been killed.",
			[]defwatch.Troop{{Min: 4500, Max: 4500, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "Four and a half thousand Russian soldiers"}}},
		{"half a million", "Half a million soldiers subdued Czechoslovakia.",
			[]defwatch.Troop{{Min: 500000, Max: 500000, Unit: "soldiers", Category: strength, Text: "Half a million soldiers"}}},
		{"one singular", "One soldier died.",
			[]defwatch.Troop{{Min: 1, Max: 1, Unit: "soldier", Category: casualties, Text: "One soldier"}}},

		// Vague sizes.
		{"tens of thousands", "tens of thousands of troops",
			[]defwatch.Troop{{Min: 10000, Max: 99999, Approx: true, Unit: "troops", Category: strength, Text: "tens of thousands of troops"}}},
		{"thousands", "Thousands of Russian soldiers",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "soldiers", Nation: "RU", Category: strength, Text: "Thousands of Russian soldiers"}}},
		{"hundreds", "hundreds of troops",
			[]defwatch.Troop{{Min: 100, Max: 999, Approx: true, Unit: "troops", Category: strength, Text: "hundreds of troops"}}},
		{"hundreds of thousands", "hundreds of thousands of reservists",
			[]defwatch.Troop{{Min: 100000, Max: 999999, Approx: true, Unit: "reservists", Category: strength, Text: "hundreds of thousands of reservists"}}},
		{"several thousand", "several thousand mercenaries",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "mercenaries", Category: strength, Text: "several thousand mercenaries"}}},
		{"thousands more", "thousands more troops",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "troops", Category: strength, Text: "thousands more troops"}}},

		// Ranges.
		{"to range", "10,000 to 30,000 troops",
			[]defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Unit: "troops", Category: strength, Text: "10,000 to 30,000 troops"}}},
		{"between and", "between 5,000 and 7,000 soldiers",
			[]defwatch.Troop{{Min: 5000, Max: 7000, Approx: true, Unit: "soldiers", Category: strength, Text: "between 5,000 and 7,000 soldiers"}}},
		{"hyphen range", "10,000-30,000 peacekeepers",
			[]defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Unit: "peacekeepers", Category: strength, Text: "10,000-30,000 peacekeepers"}}},
		{"en dash range", "10,000–30,000 peacekeepers",
			[]defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Unit: "peacekeepers", Category: strength, Text: "10,000–30,000 peacekeepers"}}},
		{"between to", "could number between 10,000 to 30,000 troops",
			[]defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Unit: "troops", Category: strength, Text: "between 10,000 to 30,000 troops"}}},
		{"shared multiplier", "10 to 20 thousand conscripts",
			[]defwatch.Troop{{Min: 10000, Max: 20000, Approx: true, Unit: "conscripts", Category: strength, Text: "10 to 20 thousand conscripts"}}},
		{"or range", "twenty or thirty soldiers",
			[]defwatch.Troop{{Min: 20, Max: 30, Approx: true, Unit: "soldiers", Category: strength, Text: "twenty or thirty soldiers"}}},
		{"list is no range", "the estimates were 50,000, 150 or one million soldiers",
			[]defwatch.Troop{{Min: 1000000, Max: 1000000, Unit: "soldiers", Category: strength, Text: "one million soldiers"}}},

		// Hedges.
		{"roughly", "roughly 30,000 troops",
			[]defwatch.Troop{{Min: 30000, Max: 30000, Approx: true, Unit: "troops", Category: strength, Text: "roughly 30,000 troops"}}},
		{"up to", "up to 10,000 soldiers",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Approx: true, Unit: "soldiers", Category: strength, Text: "up to 10,000 soldiers"}}},
		{"at least", "at least 20 soldiers were killed",
			[]defwatch.Troop{{Min: 20, Max: 20, Approx: true, Unit: "soldiers", Category: casualties, Text: "at least 20 soldiers"}}},
		{"more than", "more than 100,000 troops",
			[]defwatch.Troop{{Min: 100000, Max: 100000, Approx: true, Unit: "troops", Category: strength, Text: "more than 100,000 troops"}}},
		{"an estimated", "an estimated 13,000 personnel",
			[]defwatch.Troop{{Min: 13000, Max: 13000, Approx: true, Unit: "personnel", Category: strength, Text: "an estimated 13,000 personnel"}}},
		{"as many as", "as many as 190,000 Russian troops",
			[]defwatch.Troop{{Min: 190000, Max: 190000, Approx: true, Unit: "troops", Nation: "RU", Category: strength, Text: "as many as 190,000 Russian troops"}}},
		{"or more", "1,000 or more troops",
			[]defwatch.Troop{{Min: 1000, Max: 1000, Approx: true, Unit: "troops", Category: strength, Text: "1,000 or more troops"}}},
		{"hedges", "some 15 soldiers, about 16 soldiers, around 17 soldiers, over 18 soldiers, nearly 19 soldiers, almost 10 soldiers, approximately 11 soldiers",
			[]defwatch.Troop{
				{Min: 15, Max: 15, Approx: true, Unit: "soldiers", Category: strength, Text: "some 15 soldiers"},
				{Min: 16, Max: 16, Approx: true, Unit: "soldiers", Category: strength, Text: "about 16 soldiers"},
				{Min: 17, Max: 17, Approx: true, Unit: "soldiers", Category: strength, Text: "around 17 soldiers"},
				{Min: 18, Max: 18, Approx: true, Unit: "soldiers", Category: strength, Text: "over 18 soldiers"},
				{Min: 19, Max: 19, Approx: true, Unit: "soldiers", Category: strength, Text: "nearly 19 soldiers"},
				{Min: 10, Max: 10, Approx: true, Unit: "soldiers", Category: strength, Text: "almost 10 soldiers"},
				{Min: 11, Max: 11, Approx: true, Unit: "soldiers", Category: strength, Text: "approximately 11 soldiers"},
			}},

		// Units and modifiers.
		{"service members", "28,000 U.S. service members",
			[]defwatch.Troop{{Min: 28000, Max: 28000, Unit: "service members", Nation: "US", Category: strength, Text: "28,000 U.S. service members"}}},
		{"servicemembers", "3,000 servicemembers",
			[]defwatch.Troop{{Min: 3000, Max: 3000, Unit: "servicemembers", Category: strength, Text: "3,000 servicemembers"}}},
		{"military personnel", "700 military personnel",
			[]defwatch.Troop{{Min: 700, Max: 700, Unit: "military personnel", Category: strength, Text: "700 military personnel"}}},
		{"capitalised unit", "More than 500 Airmen deployed.",
			[]defwatch.Troop{{Min: 500, Max: 500, Approx: true, Unit: "airmen", Category: strength, Text: "More than 500 Airmen"}}},
		{"all capitals", "PUTIN CALLS UP 300,000 RESERVISTS",
			[]defwatch.Troop{{Min: 300000, Max: 300000, Unit: "reservists", Category: other, Text: "300,000 RESERVISTS"}}},
		{"adjective before unit", "10,000 Russian troops",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "troops", Nation: "RU", Category: strength, Text: "10,000 Russian troops"}}},
		{"several modifiers", "5,000 additional U.S. troops",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Unit: "troops", Nation: "US", Category: strength, Text: "5,000 additional U.S. troops"}}},
		{"compound modifier", "900,000 active-duty personnel and 1,000 UK-based troops",
			[]defwatch.Troop{
				{Min: 900000, Max: 900000, Unit: "personnel", Category: strength, Text: "900,000 active-duty personnel"},
				{Min: 1000, Max: 1000, Unit: "troops", Nation: "GB", Category: strength, Text: "1,000 UK-based troops"},
			}},
		{"singular unit as modifier", "5,000 conscript soldiers and 2,000 Marine Corps personnel",
			[]defwatch.Troop{
				{Min: 5000, Max: 5000, Unit: "soldiers", Category: strength, Text: "5,000 conscript soldiers"},
				{Min: 2000, Max: 2000, Unit: "personnel", Category: strength, Text: "2,000 Marine Corps personnel"},
			}},
		{"named group", "more than 1,000 Wagner mercenaries",
			[]defwatch.Troop{{Min: 1000, Max: 1000, Approx: true, Unit: "mercenaries", Category: strength, Text: "more than 1,000 Wagner mercenaries"}}},
		{"nation after unit", "2,000 troops from France, 500 soldiers of Britain and 300 sailors from the United States",
			[]defwatch.Troop{
				{Min: 2000, Max: 2000, Unit: "troops", Nation: "FR", Category: strength, Text: "2,000 troops"},
				{Min: 500, Max: 500, Unit: "soldiers", Nation: "GB", Category: strength, Text: "500 soldiers"},
				{Min: 300, Max: 300, Unit: "sailors", Nation: "US", Category: strength, Text: "300 sailors"},
			}},
		{"partitive", "more than 13,000 of our servicemen received awards",
			[]defwatch.Troop{{Min: 13000, Max: 13000, Approx: true, Unit: "servicemen", Category: strength, Text: "more than 13,000 of our servicemen"}}},
		{"strong force", "a 2,000-strong force",
			[]defwatch.Troop{{Min: 2000, Max: 2000, Unit: "force", Category: strength, Text: "2,000-strong force"}}},
		{"strong peacekeeping force", "a 5,000-strong British peacekeeping force",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Unit: "force", Nation: "GB", Category: strength, Text: "5,000-strong British peacekeeping force"}}},
		{"man contingent", "a 600-man contingent",
			[]defwatch.Troop{{Min: 600, Max: 600, Unit: "contingent", Category: strength, Text: "600-man contingent"}}},
		{"brigade of", "a brigade of 4,000 would deploy",
			[]defwatch.Troop{{Min: 4000, Max: 4000, Unit: "brigade", Category: strength, Text: "brigade of 4,000"}}},
		{"force of", "a British force of some 30,000.",
			[]defwatch.Troop{{Min: 30000, Max: 30000, Approx: true, Unit: "force", Nation: "GB", Category: strength, Text: "force of some 30,000"}}},
		{"force of with unit", "a force of 30,000 troops",
			[]defwatch.Troop{{Min: 30000, Max: 30000, Unit: "troops", Category: strength, Text: "30,000 troops"}}},

		// Categories.
		{"killed", "12 soldiers were killed",
			[]defwatch.Troop{{Min: 12, Max: 12, Unit: "soldiers", Category: casualties, Text: "12 soldiers"}}},
		{"killing before", "the strike, killing 30 soldiers",
			[]defwatch.Troop{{Min: 30, Max: 30, Unit: "soldiers", Category: casualties, Text: "30 soldiers"}}},
		{"wounded modifier", "16 wounded soldiers",
			[]defwatch.Troop{{Min: 16, Max: 16, Unit: "soldiers", Category: casualties, Text: "16 wounded soldiers"}}},
		{"lost", "Russia has lost 30,000 troops",
			[]defwatch.Troop{{Min: 30000, Max: 30000, Unit: "troops", Nation: "RU", Category: casualties, Text: "30,000 troops"}}},
		{"casualty words", "200 troops missing; 300 soldiers captured; 400 sailors died; 500 marines dead; 600 soldiers injured; 700 troops casualties",
			[]defwatch.Troop{
				{Min: 200, Max: 200, Unit: "troops", Category: casualties, Text: "200 troops"},
				{Min: 300, Max: 300, Unit: "soldiers", Category: casualties, Text: "300 soldiers"},
				{Min: 400, Max: 400, Unit: "sailors", Category: casualties, Text: "400 sailors"},
				{Min: 500, Max: 500, Unit: "marines", Category: casualties, Text: "500 marines"},
				{Min: 600, Max: 600, Unit: "soldiers", Category: casualties, Text: "600 soldiers"},
				{Min: 700, Max: 700, Unit: "troops", Category: casualties, Text: "700 troops"},
			}},
		{"trained", "The UK has trained 20,000 Ukrainian soldiers.",
			[]defwatch.Troop{{Min: 20000, Max: 20000, Unit: "soldiers", Nation: "UA", Category: other, Text: "20,000 Ukrainian soldiers"}}},
		{"other words", "mobilised 300,000 reservists; recruited 500 mercenaries; drafted 100 conscripts; released 90 soldiers; mobilized 50 troops; 80 soldiers exchanged; conscripted 70 soldiers",
			[]defwatch.Troop{
				{Min: 300000, Max: 300000, Unit: "reservists", Category: other, Text: "300,000 reservists"},
				{Min: 500, Max: 500, Unit: "mercenaries", Category: other, Text: "500 mercenaries"},
				{Min: 100, Max: 100, Unit: "conscripts", Category: other, Text: "100 conscripts"},
				{Min: 90, Max: 90, Unit: "soldiers", Category: other, Text: "90 soldiers"},
				{Min: 50, Max: 50, Unit: "troops", Category: other, Text: "50 troops"},
				{Min: 80, Max: 80, Unit: "soldiers", Category: other, Text: "80 soldiers"},
				{Min: 70, Max: 70, Unit: "soldiers", Category: other, Text: "70 soldiers"},
			}},
		{"exchange of captured", "Ukraine and Russia exchanged 200 captured soldiers.",
			[]defwatch.Troop{{Min: 200, Max: 200, Unit: "soldiers", Category: other, Text: "200 captured soldiers"}}},
		{"eliminated", "they eliminated 5,000 troops in a single battle",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Unit: "troops", Category: casualties, Text: "5,000 troops"}}},
		{"call up", "Putin called up 300,000 reservists; Trump calls for 10,000 troops.",
			[]defwatch.Troop{
				{Min: 300000, Max: 300000, Unit: "reservists", Category: other, Text: "300,000 reservists"},
				{Min: 10000, Max: 10000, Unit: "troops", Category: strength, Text: "10,000 troops"},
			}},
		{"category word in a name", "The Air Force Recruiting Service comprises more than 2,470 Airmen.",
			[]defwatch.Troop{{Min: 2470, Max: 2470, Approx: true, Unit: "airmen", Category: strength, Text: "more than 2,470 Airmen"}}},
		{"casualty in another clause", "The U.S. has 10,000 troops in the region, and two were killed last week.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "troops", Nation: "US", Category: strength, Text: "10,000 troops"}}},

		{"fighters of a group", "Some 2,000 Hamas fighters crossed, and 300 ISIS fighters surrendered.",
			[]defwatch.Troop{
				{Min: 2000, Max: 2000, Approx: true, Unit: "fighters", Category: strength, Text: "Some 2,000 Hamas fighters"},
				{Min: 300, Max: 300, Unit: "fighters", Category: casualties, Text: "300 ISIS fighters"},
			}},

		// Not troop figures.
		{"nations", "defense ministers of roughly 30 nations", nil},
		{"countries", "troops from 12 countries", nil},
		{"ships and aircraft", "30 ships, 40 aircraft, 50 tanks, 60 armored vehicles and 12 battalion groups", nil},
		{"personnel carriers", "890 armored personnel carriers", nil},
		{"fighter jets", "20 fighter jets and 36 Rafale fighters and F-16 fighters and 20 JF-17 fighters", nil},
		{"money", "$10,000 troops budget, 5 million euros for soldiers, 2 billion dollars, 40 pounds", nil},
		{"distance", "troops moved 30 km and 20 miles", nil},
		{"years", "In 2014 Russian troops entered Crimea. Since 2022 troops have rotated.", nil},
		{"year range", "From 2014 to 2022 Russian troops stayed.", nil},
		{"dates", "On March 24 troops crossed the border.", nil},
		{"ages", "an 18-year-old soldier", nil},
		{"percentages", "10% of troops and 20 percent of soldiers and 30 per cent of sailors", nil},
		{"civilians", "1,000 civilians, 2,000 refugees and 3,000 people", nil},
		{"designations", "the F-35 fighters, Su-27 fighters and the 82 Airborne soldiers", nil},
		{"unit numbers", "the 82nd Airborne and 18th Airborne forces", nil},
		{"one of", "one of the soldiers said", nil},
		{"forces as a name", "one Mobility Air Forces departure", nil},
		{"forces as an adjective", "two security forces defenders were wounded", nil},
		{"group of", "the Group of Seven.", nil},
		{"force of year", "the Air Force of 2030.", nil},
		{"a force of ships", "a force of 30 ships", nil},
		{"times", "at 10:30 troops moved", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := figuresOnly(Troops(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Troops(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

// figuresOnly clears what TestTroopReading checks (status and source), so
// that the tests of reading the figures themselves say only what they are
// about.
func figuresOnly(ts []defwatch.Troop) []defwatch.Troop {
	for k := range ts {
		ts[k].Status, ts[k].Source = "", ""
	}
	return ts
}

func TestTroopsSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Troops(string(b))
	if len(got) != 1 {
		t.Fatalf("seed troops = %+v, want exactly one figure", got)
	}
	tr := got[0]
	if tr.Min != 10000 || tr.Max != 30000 || tr.Unit != "troops" || tr.Category != strength {
		t.Errorf("seed troop = %+v, want 10000..30000 troops, strength", tr)
	}
}

// TestTroopsIn reads only the figures that start in the range asked for,
// with the text around them: the owner comes from the sentence before,
// and a figure said earlier in the text is still given for the range.
func TestTroopsIn(t *testing.T) {
	text := "Russia has massed 100,000 troops near the border. It has 100,000 soldiers ready. Thousands of Russian soldiers were killed, hundreds were taken prisoner."
	second := strings.Index(text, "It has")
	third := strings.Index(text, "Thousands")
	got := TroopsIn(text, second, third)
	if len(got) != 1 || got[0].Min != 100000 || got[0].Nation != "RU" {
		t.Errorf("second sentence: %+v, want the one figure of 100,000 owned by RU", got)
	}
	got = TroopsIn(text, third, len(text))
	if len(got) != 2 || got[1].Min != 100 || got[1].Category != defwatch.TroopCasualties {
		t.Errorf("third sentence: %+v, want thousands killed and hundreds taken prisoner", got)
	}
	if got := TroopsIn(text, 0, 0); len(got) != 0 {
		t.Errorf("empty range: %+v", got)
	}
}
