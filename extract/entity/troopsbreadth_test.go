package entity

import "testing"

// TestTroopBreadth holds classes of wording rather than single texts: a
// force's losses said as a total after their noun ("amount to", "came
// to"), the dead and wounded said as one noun, losses of personnel as
// opposed to equipment, and an enemy that loses men. Each class has a near
// miss that is no figure.
func TestTroopBreadth(t *testing.T) {
	type fig = troopFig
	tests := []troopCase{
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
	checkTroopCases(t, tests)
}

// TestEnemyPeople holds counts of an enemy's people killed in an address
// that speaks for a state at war: its enemy's dead are soldiers, its own
// dead and anyone's civilians are no figure.
func TestEnemyPeople(t *testing.T) {
	tests := []struct {
		name, text string
		min, max   int64
		nation     string
	}{
		{"enemy dead in English", "Glory to Ukraine! Russia keeps attacking. Almost nine thousand Russians were killed!", 9000, 9000, "RU"},
		{"enemy dead, vague", "Glory to Ukraine! Russia keeps attacking. Tens of thousands of Russians have been killed.", 10000, 99999, "RU"},
		{"enemy dead, died", "Glory to Ukraine! Russia keeps attacking. Almost six thousand Russians died.", 6000, 6000, "RU"},
		{"enemy dead in Ukrainian", "Слава Україні! Росія атакує. Вдумайтеся у це число: майже шість тисяч загиблих росіян.", 6000, 6000, "RU"},
		{"enemy dead, Ukrainian verb after", "Слава Україні! Росія атакує. Понад 500 росіян загинули за добу.", 500, 500, "RU"},
		{"own dead", "Glory to Ukraine! Russia keeps attacking. More than 1,000 Ukrainians were killed in the strike.", 0, 0, ""},
		{"enemy civilians", "Glory to Ukraine! Russia keeps attacking. 14 Russians were killed, including children.", 0, 0, ""},
		{"enemy civilians in Ukrainian", "Слава Україні! Росія атакує. Загинули 20 мирних росіян.", 0, 0, ""},
		{"enemy people unharmed", "Слава Україні! Росія атакує. 200 росіян приїхали на фестиваль.", 0, 0, ""},
		{"no address", "Russia keeps attacking. Almost nine thousand Russians were killed.", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if tt.min == 0 {
				if len(got) != 0 {
					t.Fatalf("Troops(%q) = %+v, want none", tt.text, got)
				}
				return
			}
			if len(got) != 1 || got[0].Min != tt.min || got[0].Max != tt.max || got[0].Nation != tt.nation || got[0].Category != casualties {
				t.Fatalf("Troops(%q) = %+v, want %d..%d %s casualties", tt.text, got, tt.min, tt.max, tt.nation)
			}
		})
	}
}

func TestEnemyPeopleAsked(t *testing.T) {
	text := "Слава Україні! Росія атакує. Десятки чи сотні тисяч загиблих росіян? Ніхто не знає."
	if got := Troops(text); len(got) != 0 {
		t.Fatalf("Troops(%q) = %+v, want none: a count asked about is not given", text, got)
	}
}

// TestTroopNumberForms holds ways of writing a number news use beside
// digits and words: a multiplier glued on as a letter ("1.5m", "20k"), a
// fraction of a multiplier ("a quarter of a million"), and a Ukrainian or
// Russian count put out of action ("вибули з ладу", "выбыли из строя").
func TestTroopNumberForms(t *testing.T) {
	type fig struct {
		min, max int64
		category string
	}
	tests := []struct {
		name, text string
		want       []fig
	}{
		{"m glued", "Some 1.5m troops serve in the Russian army.", []fig{{1500000, 1500000, strength}}},
		{"k glued", "The army will grow by 20k troops.", []fig{{20000, 20000, strength}}},
		{"glued, not a multiplier", "The 5th brigade drove 20km with 3D soldiers.", nil},
		{"money glued", "The deal is worth $1.5m to the soldiers' fund.", nil},
		{"a quarter of a million", "A quarter of a million Russian troops were massed.", []fig{{250000, 250000, strength}}},
		{"a quarter of the troops", "A quarter of the troops were sick.", nil},
		{"out of action, Ukrainian", "Понад 700 тис. російських військових вибули з ладу.", []fig{{700000, 700000, casualties}}},
		{"out of action, Russian", "Около 300 военных выбыли из строя.", []fig{{300, 300, casualties}}},
		{"scores", "Scores of Russian soldiers were killed near the river.", []fig{{24, 99, casualties}}},
		{"scores, not a count", "The test scores of 30 cadets rose.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Troops(%q) = %+v, want %d figures %+v", tt.text, got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if g := got[i]; g.Min != w.min || g.Max != w.max || g.Category != w.category {
					t.Errorf("figure %d = %d..%d %s, want %d..%d %s", i, g.Min, g.Max, g.Category, w.min, w.max, w.category)
				}
			}
		})
	}
}

// TestCasualtyIdioms holds casualty figures said by idiom or as a part
// of a count of the dead, which read as a force's size without their
// cue: "claimed the lives of", "the toll included", "including".
func TestCasualtyIdioms(t *testing.T) {
	tests := []struct {
		text     string
		min      int64
		category string
	}{
		{"The attack claimed the lives of 20 soldiers.", 20, casualties},
		{"Some 300 people were killed, including 50 soldiers.", 50, casualties},
		{"The toll included 16 soldiers.", 16, casualties},
		{"The fallen 40 soldiers were buried on Friday.", 40, casualties},
		{"Some 300 people arrived, including 50 soldiers.", 50, strength},
		{"The base, including 500 soldiers, moved north.", 500, strength},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != 1 || got[0].Min != tt.min || got[0].Category != tt.category {
			t.Errorf("Troops(%q) = %+v, want %d %s", tt.text, got, tt.min, tt.category)
		}
	}
}

// TestMeasuredOwnerAfter holds the owner of a figure given after its
// noun when the state follows the noun: "the troops of Belarus,
// numbering 20,000". A place the troops are in is no owner.
func TestMeasuredOwnerAfter(t *testing.T) {
	tests := []struct{ text, nation string }{
		{"The troops of Belarus, numbering 20,000, moved south.", "BY"},
		{"Soldiers from Poland numbering about 2,000 arrived.", "PL"},
		{"The number of troops in Poland reached 10,000.", ""},
	}
	wantOneOwner(t, tests)
}

// TestLossTotals holds figures a force's losses come to, however far
// back the losses stand in the clause, and a range carried to a second
// harm: "70,000 killed and 100,000 to 120,000 wounded".
func TestLossTotals(t *testing.T) {
	type fig struct {
		min, max int64
		category string
	}
	tests := []struct {
		text string
		want []fig
	}{
		{"The total combat losses of the enemy from Feb. 24 to Oct. 1 amounted to approximately 59,080 personnel.",
			[]fig{{59080, 59080, casualties}}},
		{"Russian losses over the past day: 1,230 personnel.", []fig{{1230, 1230, casualties}}},
		{"Equipment losses amounted to 300 tanks, while the army numbered 20,000 troops.", []fig{{20000, 20000, strength}}},
		{"The army's losses were heavy. It still numbers 200,000 troops.", []fig{{200000, 200000, strength}}},
		{"Ukraine has suffered about 70,000 killed and 100,000 to 120,000 wounded, U.S. officials said.",
			[]fig{{70000, 70000, casualties}, {100000, 120000, casualties}}},
		{"About 120,000 Russian soldiers have been killed and 170,000 to 180,000 wounded.",
			[]fig{{120000, 120000, casualties}, {170000, 180000, casualties}}},
		{"The number of killed Russian servicemen already exceeds 12 thousand people.", []fig{{12000, 12000, casualties}}},
		{"The soldiers' families number 5,000 people.", nil},
		{"The death toll from the strike on the barracks rose to 63 servicemen.", []fig{{63, 63, casualties}}},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Troops(%q) = %+v, want %d figures", tt.text, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Min != w.min || g.Max != w.max || g.Category != w.category {
				t.Errorf("Troops(%q) figure %d = %d..%d %s, want %d..%d %s", tt.text, i, g.Min, g.Max, g.Category, w.min, w.max, w.category)
			}
		}
	}
}

// TestMeasuredGermanFrench holds German and French figures given after
// their noun with "auf", "à" or a verb of reaching, beside shares, sums
// and counts of other people said the same way.
func TestMeasuredGermanFrench(t *testing.T) {
	type fig struct {
		min      int64
		nation   string
		category string
	}
	tests := []struct {
		text string
		want []fig
	}{
		{"Die Zahl der getöteten Soldaten stieg auf 50.", []fig{{50, "", casualties}}},
		{"Die Truppenstärke soll auf 203.000 steigen.", []fig{{203000, "", strength}}},
		{"Die Zahl der russischen Soldaten an der Grenze wird auf 100.000 geschätzt.", []fig{{100000, "RU", strength}}},
		{"Die Ukraine beziffert die russischen Verluste auf 500.000.", []fig{{500000, "RU", casualties}}},
		{"Le nombre de soldats russes tués s'élève à 50 000.", []fig{{50000, "RU", casualties}}},
		{"Les effectifs de l'armée atteindront 275 000 en 2030.", []fig{{275000, "", strength}}},
		{"Les pertes russes sont estimées à 300 000 morts et blessés.", []fig{{300000, "RU", casualties}}},
		{"Die Zahl der Arbeitslosen stieg auf 50.000.", nil},
		{"Die Zahl der Soldaten stieg auf 50 Prozent.", nil},
		{"Die Verluste der Firma belaufen sich auf 500.000 Euro.", nil},
		{"Les pertes de l'entreprise s'élèvent à 300 000.", nil},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Troops(%q) = %+v, want %d figures", tt.text, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Min != w.min || g.Nation != w.nation || g.Category != w.category {
				t.Errorf("Troops(%q) figure %d = %d %q %s, want %d %q %s", tt.text, i, g.Min, g.Nation, g.Category, w.min, w.nation, w.category)
			}
		}
	}
}

// TestPersonnelNouns holds personnel nouns news use for soldiers beyond
// the common ones: conscripts in Ukrainian and Russian, the slang for
// Russia's soldiers in Ukrainian coverage (owned by the invader the
// article names), and French and English ranks and draftees.
func TestPersonnelNouns(t *testing.T) {
	tests := []struct {
		text   string
		min    int64
		nation string
	}{
		{"Під час боїв загинули 120 призовників.", 120, ""},
		{"В ходе боев погибли 120 призывников.", 120, ""},
		{"Сили оборони ліквідували 500 рашистів. Росія продовжує наступ.", 500, "RU"},
		{"За добу знищено 300 орків. Росія продовжує наступ.", 300, "RU"},
		{"Lors des combats, 120 officiers ont été tués.", 120, ""},
		{"In the fighting, 120 draftees were killed.", 120, ""},
		{"Росія втратила 20 тисяч особового складу.", 20000, "RU"},
		{"Россия потеряла 500 личного состава.", 500, "RU"},
		{"Bei Aleppo ergaben sich etwa 150 Rebellen.", 150, ""},
		{"Понад 200 російських військових здалися в полон під Харковом.", 200, "RU"},
		{"Оркестр із 40 музикантів виступив у Києві.", 0, ""},
		{"Склад команди: 40 гравців.", 0, ""},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.min == 0 {
			if len(got) != 0 {
				t.Errorf("Troops(%q) = %+v, want none", tt.text, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Min != tt.min || got[0].Nation != tt.nation || got[0].Category != casualties {
			t.Errorf("Troops(%q) = %+v, want %d casualties owned by %q", tt.text, got, tt.min, tt.nation)
		}
	}
}

// TestForcePeople holds the people or men a force has, counted with
// "with" or "of" after its noun, beside a mission's people and a state's.
func TestForcePeople(t *testing.T) {
	tests := []struct {
		text string
		min  int64
	}{
		{"He commanded a wing with 6,000 people.", 6000},
		{"An army of 100,000 men crossed the border.", 100000},
		{"A brigade of about 4,000 people moved north.", 4000},
		{"The monitoring mission with 700 people left.", 0},
		{"The army of Ukraine, with 40 million people behind it, will win.", 0},
		{"A city of 100,000 people was shelled.", 0},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.min == 0 && len(got) != 0 || tt.min > 0 && (len(got) != 1 || got[0].Min != tt.min || got[0].Category != strength) {
			t.Errorf("Troops(%q) = %+v, want %d strength", tt.text, got, tt.min)
		}
	}
}

// TestPronounLoser holds the owner of losses whose subject is a pronoun:
// the enemy named sentences before, across a Ukrainian sentence that
// opens with its verb and leaves its subject unsaid, and a verb of
// losing far from its object.
func TestPronounLoser(t *testing.T) {
	tests := []struct{ text, nation string }{
		{"Слава Україні! Росія атакує. Окупанти збирають сили. Нагнали підкріплення на Харківщину. Вони втратили вже понад 23 тисячі солдатів.", "RU"},
		{"Слава Україні! Росія атакує. Окупанти збирають сили. Вони втратили у боях цієї безглуздої для Росії війни вже понад 23 тисячі солдатів.", "RU"},
		{"Слава Україні! Росія атакує. Окупанти збирають сили. Сили оборони тримають позиції. Вони втратили вже понад 23 тисячі солдатів.", ""},
		{"Glory to Ukraine! Russia attacks. The occupiers are gathering forces. They have already lost more than 23,000 soldiers.", "RU"},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != 1 || got[0].Nation != tt.nation || got[0].Category != casualties {
			t.Errorf("Troops(%q) = %+v, want casualties owned by %q", tt.text, got, tt.nation)
		}
	}
}

// TestLossRange holds losses with no personnel noun counted as a range
// opened by "between".
func TestLossRange(t *testing.T) {
	for _, text := range []string{
		"Britain's defence intelligence estimated that Russia had lost between 40,000 and 60,000 dead.",
		"Russia has suffered between 40,000 and 60,000 casualties.",
	} {
		got := Troops(text)
		if len(got) != 1 || got[0].Min != 40000 || got[0].Max != 60000 || got[0].Nation != "RU" {
			t.Errorf("Troops(%q) = %+v, want RU 40000..60000", text, got)
		}
	}
	if got := Troops("Between 40,000 and 60,000 civilian deaths were reported."); len(got) != 0 {
		t.Errorf("civilian deaths read as a figure: %+v", got)
	}
}

// TestOccupiersOwner holds the owner of English "occupiers" and
// "invaders" in coverage of Russia's invasion with no address's speaker:
// Russia, as for the Ukrainian and Russian words.
func TestOccupiersOwner(t *testing.T) {
	tests := []struct{ text, nation string }{
		{"Russia attacks. Ukrainian defenders killed 45 occupiers and destroyed three tanks.", "RU"},
		{"Russian troops advance. About 300 invaders were killed near Bakhmut.", "RU"},
		{"The Romans fought back. About 300 invaders were killed near the river.", ""},
	}
	wantOneOwner(t, tests)
}

// TestArmedGroupMembers holds members counted of an armed group or a
// militia, beside members of a club or a civic group.
func TestArmedGroupMembers(t *testing.T) {
	tests := []struct {
		text string
		min  int64
	}{
		{"20 members of the Wagner group were killed.", 20},
		{"More than 50 members of a local militia took up positions.", 50},
		{"300 members of the Rotary group met in Vienna.", 0},
		{"Twelve members of the club attended.", 0},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.min == 0 && len(got) != 0 || tt.min > 0 && (len(got) != 1 || got[0].Min != tt.min) {
			t.Errorf("Troops(%q) = %+v, want %d", tt.text, got, tt.min)
		}
	}
}

// TestSideOwner holds the owner a side of a war gives in German,
// Ukrainian and Russian, and the owner "their" gives through a pronoun.
func TestSideOwner(t *testing.T) {
	tests := []struct{ text, nation string }{
		{"Nach Schätzungen sind auf russischer Seite bis zu 120.000 Soldaten gefallen.", "RU"},
		{"Auf beiden Seiten sind bis zu 120.000 Soldaten gefallen.", ""},
		{"За оцінками, з російського боку загинули понад 100 тисяч військових.", "RU"},
		{"По оценкам, с российской стороны погибли более 100 тысяч военных.", "RU"},
		{"Auf der anderen Seite der Grenze stehen 5000 Soldaten.", ""},
		{"Слава Україні! Росія атакує. Вони кинули в бій тисячі своїх солдатів.", "RU"},
		{"Russia attacks. Ukraine resists. They threw thousands of their soldiers into battle.", "UA"},
	}
	wantOneOwner(t, tests)
}

// TestGermanForceMembers holds "Angehörige" of a German force, beside a
// victim's relatives.
func TestGermanForceMembers(t *testing.T) {
	tests := []struct {
		text   string
		min    int64
		nation string
	}{
		{"Rund 300 Angehörige der Bundeswehr sind in Litauen stationiert.", 300, "DE"},
		{"Etwa 2000 Angehörige der Streitkräfte nahmen teil.", 2000, ""},
		{"Rund 300 Angehörige der Opfer trauerten.", 0, ""},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.min == 0 && len(got) != 0 || tt.min > 0 && (len(got) != 1 || got[0].Min != tt.min || got[0].Nation != tt.nation) {
			t.Errorf("Troops(%q) = %+v, want %d %q", tt.text, got, tt.min, tt.nation)
		}
	}
}

// TestAddressPeopleLost holds people the state an address fights loses,
// or its people dying, beside the speaker's own people, a state's people
// lost to something other than war, and the same words outside an
// address.
func TestAddressPeopleLost(t *testing.T) {
	tests := []struct {
		text string
		min  int64
	}{
		{"Glory to Ukraine! Russia attacks. Russia has already lost more than 15,000 people in Ukraine.", 15000},
		{"Glory to Ukraine! Russia attacks. Russian troops lost almost 1,000 people in a day.", 1000},
		{"Glory to Ukraine! Russia attacks. Every day, hundreds of Russians die in our land.", 100},
		{"Glory to Ukraine! Russia attacks. We lost three people in the shelling.", 0},
		{"Glory to Ukraine! Russia attacks. Ukraine has lost 300 people to the floods.", 0},
		{"Glory to Ukraine! Russia attacks. Russia's economy lost 15,000 people to emigration.", 0},
		{"Russia attacks. Russia has already lost more than 15,000 people in Ukraine.", 0},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.min == 0 && len(got) != 0 || tt.min > 0 && (len(got) != 1 || got[0].Min != tt.min || got[0].Nation != "RU" || got[0].Category != casualties) {
			t.Errorf("Troops(%q) = %+v, want %d RU casualties", tt.text, got, tt.min)
		}
	}
}

// TestCountrySubject holds owners a subject gives without naming its
// state: a leader's country or army, and "the country" after a sentence
// whose subject is a state.
func TestCountrySubject(t *testing.T) {
	tests := []struct{ text, nation string }{
		{"Russia attacks Ukraine. Putin's army has lost 300,000 men.", "RU"},
		{"Ukraine resists Russia. Zelensky said his country had lost 31,000 soldiers.", "UA"},
		{"Iraq is unstable. The country has 20,000 troops in Baghdad.", "IQ"},
		{"He met the minister. The country has 20,000 troops in Baghdad.", ""},
	}
	wantOneOwner(t, tests)
}

// TestLossOwner holds the owner of a casualty figure given as what a
// state's losses are or come to.
func TestLossOwner(t *testing.T) {
	tests := []struct{ text, nation, category string }{
		{"Russia attacks. Russia's losses are 38 thousand soldiers.", "RU", casualties},
		{"Russian losses over the past day amounted to 1,230 personnel.", "RU", casualties},
		{"Ukraine's losses are heavy, and 5,000 troops are in reserve.", "", strength},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != 1 || got[0].Nation != tt.nation || got[0].Category != tt.category {
			t.Errorf("Troops(%q) = %+v, want one %s figure owned by %q", tt.text, got, tt.category, tt.nation)
		}
	}
}

// TestInTheirThousands holds a vague size said after its noun with "by
// the" or "in their", beside other people counted so and a list that
// mixes soldiers with civilians.
func TestInTheirThousands(t *testing.T) {
	tests := []struct {
		text     string
		category string
	}{
		{"Russian soldiers are dying by the thousands.", casualties},
		{"Troops in their thousands massed at the border.", strength},
		{"The airmen kept the enemy off the battlefield by the thousands.", casualties},
		{"Refugees are fleeing by the thousands.", ""},
		{"Prices rose in the hundreds of towns.", ""},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if tt.category == "" && len(got) != 0 || tt.category != "" && (len(got) != 1 || got[0].Min != 1000 || got[0].Max != 9999 || got[0].Category != tt.category) {
			t.Errorf("Troops(%q) = %+v, want %q 1000..9999", tt.text, got, tt.category)
		}
	}
}

// wantOneOwner checks that each text gives one troop figure, owned by its
// nation ("" for none).
func wantOneOwner(t *testing.T, tests []struct{ text, nation string }) {
	t.Helper()
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != 1 || got[0].Nation != tt.nation {
			t.Errorf("Troops(%q) = %+v, want one figure owned by %q", tt.text, got, tt.nation)
		}
	}
}

// troopFig is a figure a text should give: its range, owner and category.
type troopFig struct {
	min, max int64
	nation   string
	category string
}

// troopCase is a named text and the figures it should give, in order.
type troopCase struct {
	name, text string
	want       []troopFig
}

// checkTroopCases checks that each named text gives exactly the figures
// it wants, in order.
func checkTroopCases(t *testing.T, tests []troopCase) {
	t.Helper()
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

// TestLabelledCountLine holds a count set after its personnel noun and a
// colon on a summary line ("Russian troops: 190,000.") as a figure of
// the state the noun names, and a capacity or a count that goes on to
// count something else as none.
func TestLabelledCountLine(t *testing.T) {
	checkTroopCases(t, []troopCase{
		{"two lines", "Russian troops: 190,000. Ukrainian troops: 250,000.",
			[]troopFig{{190000, 190000, "RU", strength}, {250000, 250000, "UA", strength}}},
		{"a fact sheet", "Personnel: 5,000\nAircraft: 40", []troopFig{{5000, 5000, "", strength}}},
		{"a capacity", "Payload: 24 troops", nil},
		{"goes on", "Troops: 190,000 tanks and more", nil},
	})
}
