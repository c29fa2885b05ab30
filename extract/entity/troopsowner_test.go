package entity

import (
	"testing"

	"github.com/defwatch/defwatch"
)

// TestTroopReading checks what a figure's sentence says of it: whose
// personnel they are when no adjective says so, what the text says of
// them, and who gives the figure; and which counts are no force figure.
func TestTroopReading(t *testing.T) {
	type fig struct {
		min, max               int64
		nation, status, source string
	}
	tests := []struct {
		name, text string
		want       []fig
	}{
		// Owners.
		{"subject of massing", "Russia has massed 100,000 soldiers near the border.", []fig{{100000, 100000, "RU", "deployed", ""}}},
		{"a state's build-up of", "A Russian build-up of about 130,000 troops continues.", []fig{{130000, 130000, "RU", "deployed", ""}}},
		{"a state's deployment of", "Russia's deployment of 100,000 troops alarmed Kyiv.", []fig{{100000, 100000, "RU", "deployed", ""}}},
		{"a state's military presence of", "The US military presence of about 2,500 troops in Iraq is small.", []fig{{2500, 2500, "US", "deployed", ""}}},
		{"an alliance's deployment of", "NATO's deployment of 5,000 troops in Poland continues.", []fig{{5000, 5000, "", "deployed", ""}}},
		{"a named group of", "The Ukraine Defense Contact Group of 500 officers met.", []fig{{500, 500, "", "", ""}}},
		{"an enemy's people in an address", "Glory to Ukraine! Russia attacked again. The invaders did not succeed today. Although thousands of their people were thrown into battle.", []fig{{1000, 9999, "RU", "claimed", ""}}},
		{"a state confirms its dead", "Russia confirmed the deaths of 1,351 service members.", []fig{{1351, 1351, "RU", "", "RU"}}},
		{"a capital acknowledges its loss", "Moscow acknowledged the loss of 6,000 troops.", []fig{{6000, 6000, "RU", "", ""}}},
		{"a state confirms the enemy's dead", "Ukraine confirmed the deaths of 500 Russian soldiers.", []fig{{500, 500, "RU", "claimed", "UA"}}},
		{"prisoners a state frees", "Russland hat 200 Kriegsgefangene freigelassen.", []fig{{200, 200, "", "", ""}}},
		{"prisoners a state frees, Ukrainian", "Росія звільнила 95 військовополонених.", []fig{{95, 95, "", "", ""}}},
		{"prisoners a state brings home", "Die Ukraine hat 150 Kriegsgefangene zurückgeholt.", []fig{{150, 150, "UA", "", ""}}},
		{"a state reports its dead", "Israel said 12 soldiers were killed in Gaza on Monday.", []fig{{12, 12, "IL", "", "IL"}}},
		{"a ministry reports its dead", "Russia's defence ministry said 30 soldiers were killed in the strike.", []fig{{30, 30, "RU", "", "RU"}}},
		{"a state reports the dead it killed", "Ukraine said it killed 300 soldiers.", []fig{{300, 300, "", "", "UA"}}},
		{"a state reports a group's dead", "Turkey said 15 PKK fighters were killed.", []fig{{15, 15, "", "claimed", "TR"}}},
		{"a state cuts its troop levels", "The US plans to cut troop levels in Germany to 25,000.", []fig{{25000, 25000, "US", "planned", ""}}},
		{"another state's strikes cut a force", "Russia's strikes cut Ukraine's forces to 500,000 troops.", []fig{{500000, 500000, "", "", ""}}},
		{"a leader as the subject", "Russia is at war. Putin ordered the army to increase troop numbers by 170,000.", []fig{{170000, 170000, "RU", "planned", ""}}},
		{"a leader with an auxiliary", "The war goes on in Ukraine. Trump has sent 2,000 more troops to Poland, the United States said.", []fig{{2000, 2000, "US", "deployed", "US"}}},
		{"a leader whose state the text never names", "Putin ordered the army to increase troop numbers by 170,000.", []fig{{170000, 170000, "", "planned", ""}}},
		{"a leader who only speaks", "Russia is at war. Putin said 300 soldiers were seen.", []fig{{300, 300, "", "", "RU"}}},
		{"subject with a future", "Ukraine will deploy about 12,000 troops.", []fig{{12000, 12000, "UA", "planned", ""}}},
		{"withdrawn from a place", "Germany will withdraw 500 soldiers from Mali.", []fig{{500, 500, "DE", "planned", ""}}},
		{"sent from a state", "About 2,000 soldiers from France joined the exercise.", []fig{{2000, 2000, "FR", "", ""}}},
		{"troops lining a border", "Thousands of Russian troops continued to line the Ukrainian border.", []fig{{1000, 9999, "RU", "deployed", ""}}},
		{"troops along a border", "There are 150,000 Russian troops along the border.", []fig{{150000, 150000, "RU", "deployed", ""}}},
		{"an enemy's count is a claim", "According to Ukraine's defence ministry, 30,000 Russian soldiers are in Belarus.", []fig{{30000, 30000, "RU", "claimed", "UA"}}},
		{"a neutral count is an estimate", "According to US intelligence estimates, 30,000 Russian soldiers are in Belarus.", []fig{{30000, 30000, "RU", "estimated", "US"}}},
		{"awards in an address", "Glory to Ukraine! I signed a decree awarding orders to 39 national guardsmen.", []fig{{39, 39, "UA", "", ""}}},
		{"troops spoken of before", "Russia says it is moving troops away from the border. But 7,000 extra troops have arrived near Ukraine's border in recent days.", []fig{{7000, 7000, "RU", "deployed", ""}}},
		{"troops spoken of, then an alliance", "Russian troops are massing. NATO will send 5,000 extra troops.", []fig{{5000, 5000, "", "planned", ""}}},
		{"troops spoken of, then a group", "Russian troops are massing. Wagner has 25,000 fighters.", []fig{{25000, 25000, "", "deployed", ""}}},
		{"the enemy as a subject", "Glory to Ukraine! Russia attacked again. The enemy lost equipment and hundreds of soldiers.", []fig{{100, 999, "RU", "claimed", ""}}},
		{"your soldiers in an address", "Glory to Ukraine! Citizens of Russia, more than 14 thousand of your soldiers have been killed.", []fig{{14000, 14000, "RU", "claimed", ""}}},
		{"a state counting a group's dead", "Nach Angaben der türkischen Armee wurden 260 PKK-Kämpfer getötet.", []fig{{260, 260, "", "claimed", "TR"}}},
		{"a headline's plan", "RUSSIA TO MOBILIZE 60,000 RESERVISTS", []fig{{60000, 60000, "RU", "planned", ""}}},
		{"arrived in place", "A contingent of 300 British soldiers arrived in Estonia.", []fig{{300, 300, "GB", "deployed", ""}}},
		{"a force kept in place", "The United States keeps about 100,000 troops in Europe.", []fig{{100000, 100000, "US", "deployed", ""}}},
		{"sent, German", "Frankreich schickt 1000 Soldaten nach Rumänien.", []fig{{1000, 1000, "FR", "deployed", ""}}},
		{"an estimate noun, German", "Russland hat nach britischen Schätzungen bereits mehr als 300.000 Soldaten verloren.", []fig{{300000, 300000, "RU", "estimated", ""}}},
		{"deployed, French", "La Russie a déployé 100 000 soldats à la frontière.", []fig{{100000, 100000, "RU", "deployed", ""}}},
		{"an intelligence service's count, German", "Laut britischem Geheimdienst sind bis zu 50.000 russische Soldaten gefallen.", []fig{{50000, 50000, "RU", "estimated", "GB"}}},
		{"a mobilisation ordered", "The Russian leader ordered a partial mobilisation of 300,000 Russian reservists.", []fig{{300000, 300000, "RU", "planned", ""}}},
		{"orders as medals", "I signed a decree awarding orders to 105 Ukrainian soldiers.", []fig{{105, 105, "UA", "", ""}}},
		{"a force agreed on", "Die AU hatte sich auf eine Friedenstruppe von 5.000 Soldaten geeinigt.", []fig{{5000, 5000, "", "planned", ""}}},
		{"sailors assigned", "More than 6,000 Sailors are assigned to the strike group.", []fig{{6000, 6000, "", "deployed", ""}}},
		{"near a state's border", "The build-up of 100,000 Russian troops near Ukraine's border worries Kyiv.", []fig{{100000, 100000, "RU", "deployed", ""}}},
		{"Washington as a subject", "Washington will withdraw 12,000 troops from Germany.", []fig{{12000, 12000, "US", "planned", ""}}},
		{"Washington as a place", "About 1,000 troops marched in Washington on Saturday.", []fig{{1000, 1000, "", "", ""}}},
		{"an institution orders", "The Pentagon ordered 3,000 more troops to Poland.", []fig{{3000, 3000, "US", "planned", ""}}},
		{"capital for its government", "The Kremlin has not only amassed roughly 100,000 troops on its southern border but deployed an additional 30,000 troops to Belarus.",
			[]fig{{100000, 100000, "RU", "deployed", ""}, {30000, 30000, "RU", "deployed", ""}}},
		{"subject after a comma", "According to the latest reports, Russia has recently gathered about 190,000 soldiers near Ukraine.", []fig{{190000, 190000, "RU", "deployed", ""}}},
		{"relative clause keeps its subject", "Britain will commit an extra 1,000 troops to Estonia, where Britain already has about 1,700 personnel deployed.",
			[]fig{{1000, 1000, "GB", "planned", ""}, {1700, 1700, "GB", "deployed", ""}}},
		{"possessor", "Russia's 127,000 concentrated soldiers are ready.", []fig{{127000, 127000, "RU", "deployed", ""}}},
		{"a state recruits its own", "Russia is recruiting 400,000 contract soldiers.", []fig{{400000, 400000, "RU", "", ""}}},
		{"a state trains others'", "Britain is training 10,000 recruits.", []fig{{10000, 10000, "", "", ""}}},
		{"enemy of the state that gives the figure", "Russia attacked Ukraine again. Ukraine's eastern military command has said 20,000-25,000 enemy troops are trying to storm the town.",
			[]fig{{20000, 25000, "RU", "claimed", "UA"}}},
		{"enemy with no side given", "Russia attacked Ukraine again. Officials said 20,000 enemy troops are trying to storm the town.",
			[]fig{{20000, 20000, "", "", ""}}},
		{"its points at the subject", "Turkey said it had lost 200 of its soldiers.", []fig{{200, 200, "TR", "", "TR"}}},
		{"seiner points at the subject", "Die Türkei hat drei seiner Soldaten verloren.", []fig{{3, 3, "TR", "", ""}}},
		{"of the armed forces of a state", "269 servicemen of the Armed Forces of Ukraine were awarded state awards.", []fig{{269, 269, "UA", "", ""}}},
		{"object of a verb is no subject", "Russia, despite having amassed well over 100,000 troops, denies planning to invade Ukraine.", []fig{{100000, 100000, "RU", "deployed", ""}}},
		{"a participle describes its noun", "US officials raised their estimate of the force massed on Ukraine's border to 190,000 troops.", []fig{{190000, 190000, "", "estimated", ""}}},
		{"killing is no owning", "Ukraine killed 20,000 soldiers.", []fig{{20000, 20000, "", "", ""}}},
		{"speaker's warriors", "Free people!\nI signed a decree on awarding 105 of our warriors.\nGlory to Ukraine!", []fig{{105, 105, "UA", "", ""}}},
		{"speaker's state body", "Ukrainians!\nState awards went to 119 servicemen of the Armed Forces.", []fig{{119, 119, "UA", "", ""}}},
		{"no speaker, no owner", "I signed a decree on awarding 105 of our warriors.", []fig{{105, 105, "", "", ""}}},
		{"US service nouns", "The U.S. Air Force said 36 Airmen worked on the project.", []fig{{36, 36, "US", "", "US"}}},
		{"Ukrainian subject", "А ще Росія втратила майже 27 тисяч солдатів.", []fig{{27000, 27000, "RU", "", ""}}},

		// Status and source.
		{"claimed by the other side", "Kyiv says Russia has lost 20,000 soldiers.", []fig{{20000, 20000, "RU", "claimed", "UA"}}},
		{"according to a ministry", "According to the UK Ministry of Defence, Russia has lost 20,000 soldiers.", []fig{{20000, 20000, "RU", "claimed", "GB"}}},
		{"an estimate", "Moscow has deployed an estimated 100,000 soldiers near the border.", []fig{{100000, 100000, "RU", "estimated", ""}}},
		{"an institute's estimate", "Russia has lost an estimated 20,000 soldiers, according to the Institute for the Study of War.", []fig{{20000, 20000, "RU", "estimated", "ISW"}}},
		{"said the ministry", "Some 3,000 troops will arrive next week, said the Pentagon.", []fig{{3000, 3000, "", "planned", "US"}}},
		{"the Pentagon said", "The United States will deploy 3,000 more troops to Romania, the Pentagon said Wednesday.", []fig{{3000, 3000, "US", "planned", "US"}}},
		{"proposed", "France could send 2,000 troops to Ukraine.", []fig{{2000, 2000, "FR", "proposed", ""}}},
		// The army that reports soldiers killed, with no other state named,
		// reports its own.
		{"German source", "Dem türkischen Militär zufolge wurden 20 Soldaten getötet.", []fig{{20, 20, "TR", "", "TR"}}},
		{"names after the verb are no source", "Kyt commands over 300 Belarusian soldiers who fight against Russia's aggression and said more would come.", []fig{{300, 300, "BY", "", ""}}},
		{"a state named in a name is no verb", "Two decades ago, the United States invaded Iraq, sending 130,000 US troops into the country.", []fig{{130000, 130000, "US", "deployed", ""}}},

		// Figures written after their noun, and losses without one.
		{"casualties put at", "Western officials put Russian casualties at over 1.2 million.", []fig{{1200000, 1200000, "RU", "estimated", ""}}},
		{"deaths among soldiers", "The war has caused up to 325,000 deaths among Russian soldiers.", []fig{{325000, 325000, "RU", "", ""}}},
		{"civilian deaths are no figure", "The shelling caused 300 deaths among civilians.", nil},
		{"personnel to", "Putin ordered the army to increase its personnel to more than 2.2 million.", []fig{{2200000, 2200000, "", "planned", ""}}},
		{"a hyphenated modifier before the unit", "NATO will increase the number of its high-readiness forces to over 300,000.", []fig{{300000, 300000, "", "planned", ""}}},
		{"money after the unit", "Russia wants to raise the pay of its soldiers to 200,000 rubles.", nil},
		{"troop numbers by", "Russia plans to increase troop numbers by 170,000.", []fig{{170000, 170000, "RU", "planned", ""}}},
		{"a phrase of time after the size", "China will boost troop numbers by 50,000 this year.", []fig{{50000, 50000, "CN", "planned", ""}}},
		{"a day after the size", "Estonia's army grew to 7,000 yesterday.", []fig{{7000, 7000, "EE", "", ""}}},
		{"no phrase of time after the size", "China will boost troop numbers by 50,000 this way.", nil},
		{"prisoners of war", "Ukraine brought home 157 prisoners of war.", []fig{{157, 157, "", "", ""}}},

		// Counts of a few people described or honoured are no figures;
		// casualties of any size are.
		{"five Guardians", "Five Guardians were recognised for their work.", nil},
		{"nine officers", "nine French and British exchange officers", nil},
		{"two soldiers killed", "Two soldiers were killed on Monday.", []fig{{2, 2, "", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Troops(%q) = %+v, want %d figures", tt.text, got, len(tt.want))
			}
			for k, w := range tt.want {
				g := got[k]
				if g.Min != w.min || g.Max != w.max || g.Nation != w.nation || g.Status != w.status || g.Source != w.source {
					t.Errorf("Troops(%q)[%d] = %d-%d owner %q status %q source %q, want %d-%d owner %q status %q source %q",
						tt.text, k, g.Min, g.Max, g.Nation, g.Status, g.Source, w.min, w.max, w.nation, w.status, w.source)
				}
			}
		})
	}
}

// TestTroopStatuses keeps the statuses the tagger gives to the ones the
// shared types name.
func TestTroopStatuses(t *testing.T) {
	ok := map[string]bool{"": true, defwatch.TroopDeployed: true, defwatch.TroopPlanned: true,
		defwatch.TroopProposed: true, defwatch.TroopEstimated: true, defwatch.TroopClaimed: true}
	for _, text := range []string{
		"Russia has massed 100,000 soldiers; NATO could send 5,000 troops; Kyiv says 20,000 Russian soldiers were killed; an estimated 3,000 troops will arrive.",
	} {
		for _, tr := range Troops(text) {
			if !ok[tr.Status] {
				t.Errorf("status %q of %q is none of the shared statuses", tr.Status, tr.Text)
			}
		}
	}
}

// TestLossesOwner checks whose losses a figure given after the loss word
// counts: the possessor or adjective of the losses, the speaker's for
// "our losses", and no state from the sentence before ("Слава Україні!"
// names the speaker, not the owner of the enemy's losses).
func TestLossesOwner(t *testing.T) {
	tests := []struct {
		name, text, nation string
	}{
		{"our losses in an address", "Glory to Ukraine! Our losses amount to about 1,300 servicemen.", "UA"},
		{"our losses in a Ukrainian address", "Слава Україні! Наші втрати – близько 1300 військовослужбовців.", "UA"},
		{"an adjective's losses", "Russian losses are 300,000 soldiers.", "RU"},
		{"a German adjective's losses", "Die russischen Verluste belaufen sich auf 300.000 Soldaten.", "RU"},
		{"the enemy's losses after a greeting", "Слава Україні! Втрати ворога перевищують 15 тисяч убитих.", ""},
		{"the occupiers' losses after a greeting", "Слава Україні! Втрати окупантів перевищують 15 тисяч убитих.", ""},
		{"the enemy's losses where the text names it", "Слава Україні! Росія атакує. Втрати ворога перевищують 15 тисяч убитих.", "RU"},
		{"a possessor's losses", "Russia's losses are 300,000 soldiers.", "RU"},
		{"killed on our side", "Glory to Ukraine! About 1,300 servicemen were killed on our side.", "UA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != 1 {
				t.Fatalf("Troops(%q) = %+v, want one figure", tt.text, got)
			}
			if got[0].Nation != tt.nation || got[0].Category != defwatch.TroopCasualties {
				t.Errorf("Troops(%q) = owner %q %s, want %q casualties", tt.text, got[0].Nation, got[0].Category, tt.nation)
			}
		})
	}
}

// ownerCase is a text with one troop figure, and the figure's owner.
type ownerCase struct{ text, nation string }

// checkOwners checks that each text gives one figure, of its owner.
func checkOwners(t *testing.T, cases []ownerCase) {
	t.Helper()
	for _, c := range cases {
		got := Troops(c.text)
		if len(got) != 1 {
			t.Errorf("Troops(%q) = %+v, want one figure", c.text, got)
			continue
		}
		if got[0].Nation != c.nation {
			t.Errorf("Troops(%q) owner = %q, want %q", c.text, got[0].Nation, c.nation)
		}
	}
}

// TestInvertedSubjectOwner checks owners given by a German subject that
// follows its finite verb, and by French verbs in the future.
func TestInvertedSubjectOwner(t *testing.T) {
	checkOwners(t, []ownerCase{
		{"Nach Angaben Kiews hat Russland seit Kriegsbeginn mehr als 400.000 Soldaten verloren.", "RU"},
		{"Im Januar schickten die USA 3.000 Soldaten nach Polen.", "US"},
		{"In der Ukraine hat Russland 100.000 Soldaten stationiert.", "RU"},
		{"La France enverra 1 500 soldats en Roumanie.", "FR"},
		{"Bei dem Angriff auf Polen wurden 30 Soldaten verletzt.", ""},
	})
}

// TestBuildUpOwner checks that a figure with no owner of its own takes
// the state that, in the sentence before, makes its force bigger, and
// no state when that sentence speaks of anything else.
func TestBuildUpOwner(t *testing.T) {
	checkOwners(t, []ownerCase{
		{"Russia continues to build up forces near Ukraine. About 100,000 soldiers are already at the border.", "RU"},
		{"The US is reinforcing its eastern flank. A further 3,000 soldiers will arrive in Poland next week.", "US"},
		{"Russia is building a bridge. About 500 soldiers guard it.", ""},
		{"Russia continues to build up forces near Ukraine. NATO said 100,000 soldiers are at the border.", ""},
	})
}

// TestMeasuredForceOwner checks that a state's contribution, contingent
// or presence owns the figure that measures it, and an alliance's none.
func TestMeasuredForceOwner(t *testing.T) {
	tests := []struct {
		text, nation string
	}{
		{"Germany's contribution is 1,000 soldiers.", "DE"},
		{"France's contingent in Mali numbers 5,100 soldiers.", "FR"},
		{"NATO's presence in Poland is 10,000 troops.", ""},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != 1 || got[0].Nation != tt.nation || got[0].Category != defwatch.TroopStrength {
			t.Errorf("Troops(%q) = %+v, want one strength figure of %q", tt.text, got, tt.nation)
		}
	}
}

// TestSourceInOtherLanguages holds the attributions German, French,
// Ukrainian and Russian put first: "nach ukrainischen Angaben", "selon
// Kiev", "за даними Генштабу ЗСУ", "по данным Минобороны России".
func TestSourceInOtherLanguages(t *testing.T) {
	checkTroopReadings(t, []troopReading{
		{"Nach ukrainischen Angaben hat Russland 600.000 Soldaten verloren.", defwatch.TroopClaimed, "UA"},
		{"Selon Kiev, la Russie a perdu 600 000 soldats.", defwatch.TroopClaimed, "UA"},
		{"La Russie a perdu 600 000 soldats, selon l'état-major ukrainien.", defwatch.TroopClaimed, "UA"},
		{"За даними Генштабу ЗСУ, Росія втратила 600 тисяч солдатів.", defwatch.TroopClaimed, "UA"},
		{"По данным Минобороны России, Украина потеряла 600 тысяч солдат.", defwatch.TroopClaimed, "RU"},
	})
}

// TestSourceAcrossContrast holds that a speaker in a clause set against
// the figure's ("while Moscow says ...") is not the figure's source, and
// one whose words close the sentence is.
func TestSourceAcrossContrast(t *testing.T) {
	ts := Troops("Ukraine says Russia has lost nearly 500,000 troops, while Moscow says its losses are far lower.")
	if len(ts) != 1 || ts[0].Source != "UA" || ts[0].Status != defwatch.TroopClaimed {
		t.Errorf("got %+v, want one figure claimed by UA", ts)
	}
	checkTroopReadings(t, []troopReading{
		{"Russia has lost 1,000 troops in a day, but Moscow denies it, Kyiv said.", defwatch.TroopClaimed, "UA"},
	})
}

// troopReading is a text of one figure, and the status and source it
// should be read with.
type troopReading struct {
	text, status, source string
}

// checkTroopReadings checks that each text gives one figure, read with
// the status and source it wants.
func checkTroopReadings(t *testing.T, tests []troopReading) {
	t.Helper()
	for _, tt := range tests {
		ts := Troops(tt.text)
		if len(ts) != 1 || ts[0].Status != tt.status || ts[0].Source != tt.source {
			t.Errorf("Troops(%q) = %+v, want one %q from %q", tt.text, ts, tt.status, tt.source)
		}
	}
}

// TestPledgedAndForeignStatuses holds a force pledged as one to come
// ("has pledged to send 1,000 troops"), a French "pourrait envoyer" as
// one proposed, a German force one "ist bereit, … zu entsenden" (is
// ready to send) as one proposed, and a Ukrainian force "зосередила"
// (concentrated) as one in place; wanting to talk about a force makes it no plan.
func TestPledgedAndForeignStatuses(t *testing.T) {
	checkTroopReadings(t, []troopReading{
		{"Britain has pledged to send 1,000 troops.", defwatch.TroopPlanned, ""},
		{"La France pourrait envoyer jusqu'à 2 000 soldats en Ukraine.", defwatch.TroopProposed, ""},
		{"Росія зосередила понад 100 тисяч військових біля кордону.", defwatch.TroopDeployed, ""},
		{"Deutschland ist bereit, 5.000 Soldaten nach Litauen zu entsenden.", defwatch.TroopProposed, ""},
		{"I want to talk about the legacy of more than seven million enlisted men and women in our Air Force.", "", ""},
	})
}
