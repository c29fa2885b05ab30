package entity

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
)

// nationList writes nations as "UA:2 RU:1", the way a failure reads best.
func nationList(ns []defwatch.Nation) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("%s:%d", n.Code, n.Count)
	}
	return strings.Join(parts, " ")
}

func TestNations(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		// Names, aliases, adjectives and demonyms.
		{"short names", "Ukraine and Russia met in Turkey.", "RU:1 TR:1 UA:1"},
		{"multi-word names", "The United Kingdom, the United States and the United Arab Emirates signed.", "AE:1 GB:1 US:1"},
		{"british aliases", "Britain, Great Britain, the U.K. and the UK are one state.", "GB:4"},
		{"american aliases", "The U.S., the USA, the U.S.A., America and the United States of America.", "US:5"},
		{"netherlands aliases", "the Netherlands and Holland and Dutch troops", "NL:3"},
		{"new names", "Czechia, Türkiye, Eswatini, Cabo Verde and Timor-Leste", "CV:1 CZ:1 SZ:1 TL:1 TR:1"},
		{"old names", "the Czech Republic, Swaziland, Cape Verde, East Timor, Burma and the Ivory Coast", "CI:1 CV:1 CZ:1 MM:1 SZ:1 TL:1"},
		{"ivory coast apostrophes", "Côte d'Ivoire and Côte d’Ivoire", "CI:2"},
		{"adjectives", "British, French, Ukrainian and German officers", "DE:1 FR:1 GB:1 UA:1"},
		{"demonyms", "Ukrainians, Russians, Americans and Germans", "DE:1 RU:1 UA:1 US:1"},
		{"possessive", "Russia's army and Britain’s navy", "GB:1 RU:1"},
		{"force names", "the U.S. Air Force and the Royal Navy", "GB:1 US:1"},
		{"ministry names", "Russian Defense Ministry and the Ukrainian Ministry of Defence", "RU:1 UA:1"},
		{"capitals", "Kyiv said; Kiev wants; Moscow says; Beijing warned and Tehran denied it.", "UA:2 CN:1 IR:1 RU:1"},
		{"capitals as places", "The talks in Vilnius, a trip to Madrid and the Beijing Olympics.", ""},
		{"a list of cities", "We proposed Warsaw, Bratislava, Budapest and Baku as venues.", ""},
		{"a capital ending a name", "The story ran in Breitbart London on Sunday.", ""},
		{"a capital in a title-case headline", "Zelensky Says Kyiv Will Fight On", "UA:1"},
		{"a government's seat", "The government in Warsaw said so, and Moscow's reply came.", "PL:1 RU:1"},
		{"capital in Ukrainian", "Делегації зустрілися у Варшаві.", ""},
		{"seats of government", "the Kremlin and the Pentagon", "RU:1 US:1"},
		{"partial states", "Taiwan, Kosovo, Palestine and the Vatican", "PS:1 TW:1 VA:1 XK:1"},
		{"hyphenated pair", "the Ukrainian-Russian border", "RU:1 UA:1"},
		{"most named first", "France. Germany. Germany. Austria. Germany. France.", "DE:3 FR:2 AT:1"},
		{"mojibake apostrophe", "boost Russiaโ€™s position", "RU:1"},
		{"mojibake dash", "UKRAINE โ€“ Ukraine", "UA:1"},

		// Longest match first.
		{"niger and nigeria", "Niger and Nigeria and Nigerien and Nigerian", "NE:2 NG:2"},
		{"guineas", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", "GN:1 GQ:1 GW:1 PG:1"},
		{"congos", "the Democratic Republic of the Congo, DR Congo, the DRC and the Republic of the Congo", "CD:3 CG:1"},
		{"koreas", "North Korea, South Korea and North Korean missiles", "KP:2 KR:1"},
		{"both koreas", "between North and South Korea", "KP:1 KR:1"},
		{"sudans", "Sudan and South Sudan", "SD:1 SS:1"},
		{"northern ireland", "Ireland and Northern Ireland", "GB:1 IE:1"},
		{"saudi arabia", "Saudi Arabia, Saudi officials and Saudis", "SA:3"},
		{"people's republic", "the People's Republic of China and the Republic of China", "CN:1 TW:1"},

		// Traps.
		{"georgia with us cues", "Atlanta, Georgia, is home to Fort McPherson; the governor of Georgia spoke.", ""},
		{"georgia abbreviated", "Robins Air Force Base, Ga., and Georgia.", ""},
		{"georgia county", "He lives in Fulton County, Georgia.", ""},
		{"georgia guard", "members of the Georgia National Guard", ""},
		{"georgia in a list of us states", "AOR: Alabama, Florida, Georgia, Louisiana", ""},
		{"georgia after a us state", "Moody AFB, Georgia", ""},
		{"georgia country", "Russia invaded Georgia in 2008.", "GE:1 RU:1"},
		{"georgia capital wins over us cue", "Tbilisi, Georgia, and Atlanta", "GE:2"},
		{"new mexico", "Cannon Air Force Base, New Mexico", ""},
		{"new jersey", "Joint Base McGuire-Dix-Lakehurst, New Jersey", ""},
		{"jordan after given name", "Michael Jordan and Rep. Jim Jordan spoke.", ""},
		{"jordan before surname", "Jordan Peterson spoke.", ""},
		{"jordan country", "Israel and Jordan. Jordan's King Abdullah visited Amman.", "JO:3 IL:1"},
		{"jordan at sentence start", "In Jordan, troops train.", "JO:1"},
		{"chad a person", "Tech. Sgt. Chad A. Molenhour", ""},
		{"lake chad", "the Lake Chad basin", ""},
		{"turkey", "Turkey hosted the talks.", "TR:1"},
		{"korean alone", "the Korean Peninsula and Korean War veterans", ""},
		{"american indian", "American Indian tribes and an Indian reservation", ""},
		{"indian ocean", "the Indian Ocean", ""},
		{"indian tribe", "a federally recognised Indian tribe", ""},
		{"india", "Indian troops and India", "IN:2"},
		{"latin america", "Latin America and South America", ""},
		{"african american", "the first African-American general", ""},
		{"seas", "the South China Sea, the Sea of Japan and the Gulf of Mexico", ""},
		{"town named after a state", "Lebanon, Missouri, Paris, Texas, Moscow, Idaho, and Peru, Ind.", ""},
		{"panama city florida", "Tyndall Air Force Base near Panama City", ""},
		{"language", "published in Russian. Ask in French or English.", ""},
		{"language adjective", "Russian-speaking residents", ""},
		{"a broadcaster's language service", "BBC Russian has confirmed the names of the dead.", ""},
		{"a broadcaster's service, then the state", "According to BBC Ukrainian, Russian troops advanced.", "RU:1"},
		{"adjective after in", "in Russian-occupied territory", "RU:1"},
		{"us pronoun in headline", "JOIN US ON TELEGRAM", ""},
		{"us in headline", "US TO MOVE MORE TROOPS", "US:1"},
		{"us troops in headline", "WITHDRAWAL OF US TROOPS", "US:1"},
		{"names in a capitals headline", "RUSSIA TO MOBILIZE 60,000 RESERVISTS NEAR UKRAINE", "RU:1 UA:1"},
		{"capitals word alone", "Visit JORDAN today", ""},
		{"agreement named in capitals", "THE MINSK AGREEMENTS FAIL", ""},
		{"us dollars", "a US$5 billion deal", ""},
		{"muay thai", "a Muay Thai class", ""},
		{"welsh surname", "Gen. Mark Welsh said", ""},

		// Organisations are never nations.
		{"organisations", "NATO, the EU, the UN, the United Nations, the European Union and the African Union", ""},
		{"organization of american states", "the Organization of American States", ""},

		// Case and boundaries.
		{"lower case", "china plates and a turkey dinner", ""},
		{"inside a word", "Russiagate and Frenchness and Indiana", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nationList(Nations(tt.text)); got != tt.want {
				t.Errorf("Nations(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNationsNames(t *testing.T) {
	got := Nations("Britain and Ukraine")
	want := []defwatch.Nation{
		{Code: "GB", Name: "United Kingdom", Count: 1},
		{Code: "UA", Name: "Ukraine", Count: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Nations = %+v, want %+v", got, want)
	}
}

func TestNationsSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range Nations(string(b)) {
		got = append(got, n.Code)
	}
	slices.Sort(got)
	want := []string{"DE", "FR", "GB", "RU", "UA", "US"}
	if !slices.Equal(got, want) {
		t.Errorf("seed nations = %v, want %v", got, want)
	}
}

// TestGazetteer checks the data itself: every UN member state and the four
// others are there, and no form names two states.
func TestGazetteer(t *testing.T) {
	unMembers := strings.Fields(`AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT
		BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ
		DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN
		ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT
		MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE
		PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD
		SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`)
	if len(unMembers) != 193 {
		t.Fatalf("test list has %d UN members, want 193", len(unMembers))
	}
	want := append(unMembers, "TW", "XK", "PS", "VA")
	codes := map[string]bool{}
	forms := map[string]string{}
	for _, st := range states {
		if codes[st.code] {
			t.Errorf("%s listed twice", st.code)
		}
		codes[st.code] = true
		if st.name == "" {
			t.Errorf("%s has no name", st.code)
		}
		for form := range strings.SplitSeq(st.forms, "|") {
			if form == "" || !isUpper(form[0]) && form[0] < 0x80 {
				t.Errorf("%s: form %q must start with a capital", st.code, form)
			}
			if other, ok := forms[form]; ok && other != st.code {
				t.Errorf("form %q names both %s and %s", form, other, st.code)
			}
			forms[form] = st.code
			// Every form must find its own state when it stands alone,
			// unless a rule needs context it does not have.
			if got := Nations(form); len(got) != 1 || got[0].Code != st.code {
				t.Errorf("Nations(%q) = %v, want %s", form, got, st.code)
			}
		}
	}
	for _, c := range want {
		if !codes[c] {
			t.Errorf("%s missing from the gazetteer", c)
		}
	}
	if len(codes) != len(want) {
		t.Errorf("gazetteer has %d states, want %d", len(codes), len(want))
	}
	for _, form := range notStates {
		if got := Nations(form); len(got) != 0 {
			t.Errorf("Nations(%q) = %v, want none", form, got)
		}
	}
}
