package entity

import "testing"

// TestTroopWordings holds the figure wordings news use beyond "N
// troops": men counted in a sentence about a force, prisoners states
// exchange, a size set off after its noun, a second place for the same
// noun, losses with what they count after the number, and a force's
// size after a possessive. Each has a near miss that is no figure.
func TestTroopWordings(t *testing.T) {
	type fig = troopFig
	tests := []troopCase{
		{"men mobilised", "Putin ordered a partial mobilisation of 300,000 men.",
			[]fig{{300000, 300000, "", other}}},
		{"men an army lost", "The Russian army lost about 1,500 men in a single day.",
			[]fig{{1500, 1500, "RU", casualties}}},
		{"men with no force", "The company hired 300 men for the harvest.", nil},
		{"men the police hold", "Police detained 12 men after the army parade.", nil},
		{"men beside women", "About 40 men and 60 women joined the army.", nil},
		{"POWs", "Russia returned 150 Ukrainian POWs on Friday.",
			[]fig{{150, 150, "UA", casualties}}},
		{"prisoners states swap", "Ukraine and Russia swapped 390 prisoners each.",
			[]fig{{390, 390, "", other}}},
		{"prisoners released at home", "The court released 200 prisoners in Ohio.", nil},
		{"apposition with hedge", "The troops, some 3,000 in total, will arrive in spring.",
			[]fig{{3000, 3000, "", strength}}},
		{"apposition without hedge", "The troops, 3,000 in total, will arrive.", nil},
		{"force numbering", "The contingent, numbering 4,000, will leave next month.",
			[]fig{{4000, 4000, "", strength}}},
		{"force grows to", "The size of the army will grow to 1.5 million.",
			[]fig{{1500000, 1500000, "", strength}}},
		{"named force grows", "The Air Force budget will grow to 1.5 million.", nil},
		{"measured, then a verb", "Troops numbering around 5,000 crossed the border overnight.",
			[]fig{{5000, 5000, "", strength}}},
		{"force of, then a verb", "The garrison of 800 surrendered after a week.",
			[]fig{{800, 800, "", casualties}}},
		{"force of people described", "The unit of about 115 enlisted people was disbanded.", nil},
		{"surrendered are captured", "Around 400 Russian soldiers surrendered last month.",
			[]fig{{400, 400, "RU", casualties}}},
		{"parts of a whole", "The Pentagon will send 3,000 more troops: 2,000 from the 82nd Airborne and 1,000 from Germany.",
			[]fig{{3000, 3000, "US", strength}}},
		{"parts that do not add up", "The Pentagon will send 3,000 more troops: 2,000 paratroopers and 500 Marines.",
			[]fig{{3000, 3000, "US", strength}, {2000, 2000, "", strength}, {500, 500, "US", strength}}},
		{"a force said again", "The general leads 660,000 Airmen. He is in charge of training 660,000 Airmen.",
			[]fig{{660000, 660000, "", strength}}},
		{"an enemy's dead in an address", "Glory to Ukraine! The occupiers have lost 14 thousand corpses. Tens of thousands of wounded.",
			[]fig{{14000, 14000, "", casualties}, {10000, 99999, "", casualties}}},
		{"the dead of a strike in an address", "Glory to Ukraine! Russian troops shelled the city. 14 thousand were killed, among them children.", nil},
		{"an enemy's dead in a report", "The occupiers have lost 14 thousand corpses, a blogger wrote.", nil},
		{"a small count of other people said again", "He destroyed about 10 enemies. He saved more than 10 servicemen.",
			[]fig{{10, 10, "", casualties}, {10, 10, "", strength}}},
		{"a lost space", "Russia has massed over 100,000soldiers near the border.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"a state's losses measured", "Russia's casualties exceeded 500,000.",
			[]fig{{500000, 500000, "RU", casualties}}},
		{"a state's losses estimated", "Ukraine's losses are estimated at 70,000.",
			[]fig{{70000, 70000, "UA", casualties}}},
		{"a state's losses in money", "Ukraine's losses reached 100 billion hryvnias.", nil},
		{"a state's economic losses", "Ukraine's economic losses exceeded 500,000.", nil},
		{"losses at, in a headline", "Russian casualties at over 1.2 million.",
			[]fig{{1200000, 1200000, "RU", casualties}}},
		{"civilian losses at", "Civilian casualties at 2,000, the mayor said.", nil},
		{"losses of, a rate", "Russian losses of 1,200 a day were reported.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"a state's average daily casualties rose to", "Russia's average daily casualties in Ukraine rose to 1,286 in May.",
			[]fig{{1286, 1286, "RU", casualties}}},
		{"a city's daily casualties", "Average daily casualties in the city rose to 40.", nil},
		{"losses of, a subject's", "Russia is suffering losses of about 1,000 a day.",
			[]fig{{1000, 1000, "RU", casualties}}},
		{"losses of things", "Russia's losses of 300 tanks were confirmed.", nil},
		{"a firm's losses of", "The company reported losses of 1,200 a day.", nil},
		{"a pronoun for the state before", "Russia denies any plan to invade. It has massed 100,000 troops near the border.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"a pronoun and an aside", "Belarus has not joined the war. It has, however, kept about 20,000 troops near the border.",
			[]fig{{20000, 20000, "BY", strength}}},
		{"a pronoun and a longer aside", "Russia is massing forces. It has, for its part, sent 10,000 troops to the border.",
			[]fig{{10000, 10000, "RU", strength}}},
		{"a pronoun for the enemy before", "Russia attacked at dawn. The occupiers are massing forces. They built up reserves. They have already lost more than 23,000 soldiers. Glory to Ukraine!",
			[]fig{{23000, 23000, "RU", casualties}}},
		{"a pronoun after another subject", "Russia massed troops. Ukraine's partners met in Paris. They have sent 5,000 soldiers.",
			[]fig{{5000, 5000, "", strength}}},
		{"the enemy, a Ukrainian noun", "Слава Україні! Росія напала. Ворог втратив техніку, ще сотні солдатів.",
			[]fig{{100, 999, "RU", casualties}}},
		{"killed and wounded an army lost", "The Ukrainian army lost 1,000 killed and wounded.",
			[]fig{{1000, 1000, "UA", casualties}}},
		{"killed and wounded forces suffered", "Russian forces suffered 1,200 killed and wounded in a day.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"killed a state lost", "Russia has lost up to 30,000 killed, Western officials say.",
			[]fig{{30000, 30000, "RU", casualties}}},
		{"casualties forces suffered", "Russian forces suffered 1,200 casualties in a day.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"victims a state killed", "The Russians may have killed 80,000 victims.", nil},
		{"bodies found where a state speaks", "Ukraine says war crimes have been committed in Izyum, where 59 bodies have been exhumed.", nil},
		{"men a state lost", "Russia has lost more than 2,000 men near Avdiivka.",
			[]fig{{2000, 2000, "RU", casualties}}},
		{"men a firm lost", "The company lost 300 men to a rival.", nil},
		{"deaths on a side", "Up to 325,000 deaths have been reported on the Russian side.",
			[]fig{{325000, 325000, "RU", casualties}}},
		{"deaths on both sides", "About 70,000 deaths on both sides, US officials say.",
			[]fig{{70000, 70000, "", casualties}}},
		{"deaths on a side of a border", "The flu caused 5,000 deaths on the German side of the border.", nil},
		{"deaths on a side with civilians", "Some 300 deaths were counted on the Ukrainian side, among them civilians.", nil},
		{"a military death toll", "The Russian military death toll passed 50,000 in May.",
			[]fig{{50000, 50000, "RU", casualties}}},
		{"a state's death toll from a disease", "Russia's death toll from Covid passed 50,000.", nil},
		{"a civilian death toll", "The civilian death toll has reached 9,000.", nil},
		{"a force numbering, Ukrainian", "Росія зосередила біля кордону угруповання чисельністю понад 100 тисяч.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"a force numbering, Russian", "Россия сосредоточила у границы группировку численностью около 100 тысяч.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"an army counts, Ukrainian", "Армія налічує понад 700 тисяч.",
			[]fig{{700000, 700000, "", strength}}},
		{"an army's money", "Видатки на армію склали 300 мільярдів гривень.", nil},
		{"N-strong, Ukrainian", "Росія стягнула 50-тисячне угруповання військ.",
			[]fig{{50000, 50000, "RU", strength}}},
		{"N-strong, Russian", "Россия собрала 100-тысячную группировку.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"an N-thousand town", "Це 30-тисячне місто на сході.", nil},
		{"a people joining a force", "Tens of thousands of Ukrainians join the ranks of territorial defence.",
			[]fig{{10000, 99999, "UA", strength}}},
		{"a people fighting", "Around 10,000 North Koreans are fighting in Kursk.",
			[]fig{{10000, 10000, "KP", strength}}},
		{"a people in another state's army", "Some 3,000 Americans have joined the Ukrainian army.",
			[]fig{{3000, 3000, "", other}}},
		{"a people fleeing", "About 10,000 Ukrainians fled to Poland.", nil},
		{"a people joining protests", "Thousands of Russians joined the protests.", nil},
		{"a people in history", "Millions of Ukrainians fought Nazism.", nil},
		{"a brawl", "About 20 Russians were fighting in the bar.", nil},
		{"a force, N strong", "The British contingent, 800 strong, arrived.",
			[]fig{{800, 800, "GB", strength}}},
		{"a team, N strong", "The team, 30 strong, arrived.", nil},
		{"a state's N-strong military", "Russia's 1.3 million-strong military is stretched.",
			[]fig{{1300000, 1300000, "RU", strength}}},
		{"a state's N-strong population", "Russia's 1.3 million-strong population is ageing.", nil},
		{"a state calls up", "Russia called up 150,000 conscripts this spring.",
			[]fig{{150000, 150000, "RU", other}}},
		{"a state calls on others", "Zelensky called on the West to send 1,000 soldiers.",
			[]fig{{1000, 1000, "", strength}}},
		{"losing now, German", "Die Ukraine verliert täglich etwa 1000 Soldaten.",
			[]fig{{1000, 1000, "UA", casualties}}},
		{"moving now, German", "Die Bundeswehr verlegt täglich etwa 1000 Soldaten nach Litauen.",
			[]fig{{1000, 1000, "DE", strength}}},
		{"losing now, Ukrainian", "Росія щодня втрачає близько 1200 військових.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"moving now, Ukrainian", "Росія щодня перекидає близько 1200 військових.",
			[]fig{{1200, 1200, "RU", strength}}},
		{"losing now, Russian", "Россия ежедневно теряет около 1000 солдат.",
			[]fig{{1000, 1000, "RU", casualties}}},
		{"combatants", "186 combatants were awarded state awards.",
			[]fig{{186, 186, "", other}}},
		{"second place", "The US military has about 2,500 troops in Iraq and 900 in Syria.",
			[]fig{{2500, 2500, "US", strength}, {900, 900, "US", strength}}},
		{"losses killed and wounded", "Estimates put Russian losses at around 700,000 killed and wounded.",
			[]fig{{700000, 700000, "RU", casualties}}},
		{"losses are at", "Russian casualties are at over 1.2 million, according to estimates.",
			[]fig{{1200000, 1200000, "RU", casualties}}},
		{"possessive before noun", "Putin raised the army's personnel to more than 2.2 million.",
			[]fig{{2200000, 2200000, "", strength}}},
		{"rise by", "Troop numbers will rise by 137,000.",
			[]fig{{137000, 137000, "", strength}}},
		{"special forces and unit", "Some 2,000 special forces troops were deployed.",
			[]fig{{2000, 2000, "", strength}}},
		{"named group's fighters", "An estimated 50,000 Wagner fighters fought in Bakhmut.",
			[]fig{{50000, 50000, "", strength}}},
		{"named aircraft", "Egypt bought 24 Rafale fighters.", nil},
		{"estimated at after noun", "North Korean soldiers, estimated at 11,000, have been sent to Kursk.",
			[]fig{{11000, 11000, "KP", strength}}},
		{"the number of is", "The number of American soldiers in Poland is about 10,000.",
			[]fig{{10000, 10000, "US", strength}}},
		{"a noun that is not counted", "American soldiers in Poland say the base is about 10,000 square metres.", nil},
		{"losses in people, hedged", "Загальні бойові втрати противника склали близько 1230 осіб.",
			[]fig{{1230, 1230, "", casualties}}},
		{"losses across a date", "Загальні бойові втрати противника з 24.02.22 по 06.12.25 орієнтовно склали 1 180 000 осіб.",
			[]fig{{1180000, 1180000, "", casualties}}},
		{"losses of a state's troops", "Втрати російських військ за добу становлять 1230 осіб.",
			[]fig{{1230, 1230, "RU", casualties}}},
		{"losses in money", "Втрати економіки склали 1230 мільйонів гривень.", nil},
		{"losses in percent", "Втрати врожаю становлять 20 відсотків.", nil},
		{"a rise from one size to another", "Meanwhile, the US troop presence has risen from 5,000 to about 24,000.",
			[]fig{{5000, 5000, "US", strength}, {24000, 24000, "US", strength}}},
		{"a cut from one size to another", "The US will cut troop levels in Afghanistan from 14,000 to 8,600.",
			[]fig{{14000, 14000, "US", strength}, {8600, 8600, "US", strength}}},
		{"a rise from a size alone", "The US troop presence has risen from 5,000 since May.", nil},
		{"a rise from a price", "Prices rose from 300 to 969 dollars.", nil},
		{"lost their lives, German", "Bei Gefechten kamen 15 Soldaten ums Leben.",
			[]fig{{15, 15, "", casualties}}},
		{"fell in battle, German", "Im Kampf um die Stadt fielen 12 Soldaten.",
			[]fig{{12, 12, "", casualties}}},
		{"living, German", "In der Kaserne leben 15 Soldaten ums Eck vom Bahnhof.",
			[]fig{{15, 15, "", strength}}},
		{"generals lost", "Russia has lost 12 generals in Ukraine.",
			[]fig{{12, 12, "RU", casualties}}},
		{"commanders killed", "Five commanders were killed in the strike.",
			[]fig{{5, 5, "", casualties}}},
		{"separatists killed", "Some 3,000 separatists were killed.",
			[]fig{{3000, 3000, "", casualties}}},
		{"snipers lost", "The regiment lost 30 snipers.",
			[]fig{{30, 30, "", casualties}}},
		{"generals, Ukrainian", "Росія втратила 12 генералів.",
			[]fig{{12, 12, "RU", casualties}}},
		{"colonels, Ukrainian", "Загинули два російські полковники.",
			[]fig{{2, 2, "RU", casualties}}},
		{"one general, Ukrainian", "Серед убитих – ще один генерал.",
			[]fig{{1, 1, "", casualties}}},
		{"a general assembly, Ukrainian", "Відбулися дві генеральні асамблеї.", nil},
		{"gunners as a team", "The Gunners scored 3 goals.", nil},
		{"people an enemy lost", "The occupiers have already lost almost 20,000 people.",
			[]fig{{20000, 20000, "", casualties}}},
		{"people an army lost", "The Russian army has lost 15,000 people in Ukraine.",
			[]fig{{15000, 15000, "RU", casualties}}},
		{"people an enemy lost, Ukrainian", "Окупанти втратили вже майже 20 тисяч людей.",
			[]fig{{20000, 20000, "", casualties}}},
		{"people a state lost", "Russia lost 300 people in the flood.", nil},
		{"people a firm lost", "The company lost 300 people to layoffs.", nil},
		{"people an enemy killed", "The enemy killed 20 people in the town.", nil},
		{"an enemy's people in battle", "The invaders did not succeed. Thousands of their people were thrown into battle.",
			[]fig{{1000, 9999, "", strength}}},
		{"an enemy's people fleeing", "The invaders shelled the town. Thousands of their people fled.", nil},
		{"an enemy's dead people, Ukrainian", "Це війна з дуже впертим ворогом. Який не звертає уваги на тисячі своїх убитих людей.",
			[]fig{{1000, 9999, "", casualties}}},
		{"a number with an adverb", "The number of Russian troops in Belarus is now 30,000.",
			[]fig{{30000, 30000, "RU", strength}}},
		{"troop levels are", "US troop levels in Europe are around 100,000.",
			[]fig{{100000, 100000, "US", strength}}},
		{"a distance with an adverb", "The number of Russian troops in Belarus is now 30 km from the border.", nil},
		{"a loss of troops", "Moscow acknowledged the loss of 6,000 troops.",
			[]fig{{6000, 6000, "RU", casualties}}},
		{"handed over is no bound", "Russia handed over 90 prisoners of war to Ukraine.",
			[]fig{{90, 90, "", casualties}}},
		{"blue helmets", "The UN has 10,000 blue helmets in Lebanon.",
			[]fig{{10000, 10000, "", strength}}},
		{"blue helmets bought", "She bought 20 blue helmets for the team.", nil},
		{"boots on the ground", "Britain could put 2,000 boots on the ground in Ukraine.",
			[]fig{{2000, 2000, "GB", strength}}},
		{"boots on a market", "He sold 300 boots on the market.", nil},
		{"a losses list's personnel line", "The total combat losses of the enemy amounted to: personnel – about 24,900 (+200) persons.",
			[]fig{{24900, 24900, "", casualties}}},
		{"a losses list's personnel line, Ukrainian", "Загальні бойові втрати противника склали: особового складу – близько 24900 (+200) осіб.",
			[]fig{{24900, 24900, "", casualties}}},
		{"a losses list's personnel line with a figure dash and dotted dates", "The total combat losses of the enemy from 24.02.22 to 01.03.23 were approximately: personnel \u2012 about 150,000 (+770) persons were liquidated.",
			[]fig{{150000, 150000, "", casualties}}},
		{"a losses list's personnel line with a figure dash, Ukrainian", "Загальні бойові втрати противника з 24.02.22 по 01.03.23 орієнтовно склали: особового складу \u2012 близько 150 000 (+770) осіб ліквідовано.",
			[]fig{{150000, 150000, "", casualties}}},
		{"a harm after two nouns and their of phrase", "About 2,000 soldiers and officers of the Russian army were killed.",
			[]fig{{2000, 2000, "RU", casualties}}},
		{"a staff list's personnel line", "The base has: personnel – 2,400, aircraft – 40.", nil},
		{"neutralised, Ukrainian", "За минулу добу знешкоджено 1130 окупантів.",
			[]fig{{1130, 1130, "", casualties}}},
		{"French number words", "Trois soldats français ont été tués au Mali.",
			[]fig{{3, 3, "FR", casualties}}},
		{"French second harm", "Deux militaires ont été tués et cinq blessés.",
			[]fig{{2, 2, "", casualties}, {5, 5, "", casualties}}},
		{"French prisoners of war swapped", "Kiev et Moscou ont échangé 95 prisonniers de guerre.",
			[]fig{{95, 95, "", other}}},
		{"French prisoners of a court", "Le tribunal a libéré 200 prisonniers.", nil},
		{"French blue helmets", "L'ONU a déployé 10 000 casques bleus au Liban.",
			[]fig{{10000, 10000, "", strength}}},
		{"Russian collective numerals", "Погибли трое военнослужащих, ещё пятеро ранены.",
			[]fig{{3, 3, "", casualties}, {5, 5, "", casualties}}},
		{"an English month, not French seven", "Sept. 16 was a Monday and 300 soldiers marched.",
			[]fig{{300, 300, "", strength}}},
		{"a count with plus", "Russia has 100,000-plus troops at the border.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"a count with a plus sign", "Russia has 100,000+ troops at the border.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"a modifier in scare quotes", "Russia has about 1,500 “peacekeeper” troops in Transnistria.",
			[]fig{{1500, 1500, "RU", strength}}},
		{"a modifier in Ukrainian quotes", "Росія тримає 1500 «миротворчих» військових у Придністров'ї.",
			[]fig{{1500, 1500, "", strength}}},
		{"a unit in quotes", "He wrote 300 \"troops\" in the essay.", nil},
		{"an emphatic particle, Russian", "План предусматривает гибель десятков тысяч своих же солдат.",
			[]fig{{10000, 99999, "", casualties}}},
		{"a second harm, bare", "Three U.S. service members were killed and 34 injured in Jordan.",
			[]fig{{3, 3, "US", casualties}, {34, 34, "US", casualties}}},
		{"a second harm with a verb", "Five soldiers died and at least 20 were injured when the barracks was hit.",
			[]fig{{5, 5, "", casualties}, {20, 20, "", casualties}}},
		{"a second harm, others", "Two Ukrainian soldiers were killed and 11 others wounded overnight.",
			[]fig{{2, 2, "UA", casualties}, {11, 11, "UA", casualties}}},
		{"a second harm as a verb", "The strike killed two soldiers and wounded five others.",
			[]fig{{2, 2, "", casualties}, {5, 5, "", casualties}}},
		{"a second harm, Ukrainian", "Загинули троє військових, ще п'ятеро поранені.",
			[]fig{{3, 3, "", casualties}, {5, 5, "", casualties}}},
		{"a second harm, German", "Bei dem Angriff wurden drei Soldaten getötet und zwölf verletzt.",
			[]fig{{3, 3, "", casualties}, {12, 12, "", casualties}}},
		{"a second harm to civilians", "Two soldiers were killed and 12 civilians were injured.",
			[]fig{{2, 2, "", casualties}}},
		{"a second harm as a verb, civilians", "The strike killed two soldiers and wounded 12 civilians.",
			[]fig{{2, 2, "", casualties}}},
		{"a second count that is a year", "Four soldiers were killed and 2025 was the worst year.",
			[]fig{{4, 4, "", casualties}}},
		{"a second harm in the next sentence", "Two soldiers were killed. A storm hit and 12 were injured.",
			[]fig{{2, 2, "", casualties}}},
	}
	checkTroopCases(t, tests)
}

// TestUSOutletOwner holds the owner of a figure in US military writing,
// where the services' own people are counted beside the United States'
// name and no other state's.
func TestUSOutletOwner(t *testing.T) {
	const base = "Airmen from Joint Base Andrews joined Guardians of the Space Force on Monday. "
	tests := []struct {
		name, text string
		us         bool
	}{
		{"outlet, US named", base + "The Headquarters U.S. Air Force portfolio has 37,000 personnel.", true},
		{"outlet, another state named", base + "The U.S. Air Force trained Polish units with 3,700 personnel.", false},
		{"outlet, US and an ally", base + "The U.S. and Germany keep 37,000 personnel there.", false},
		{"outlet, US not named", base + "The wing has 3,700 personnel.", false},
		{"no outlet", "The U.S. said 100,000 troops are massed at the border.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != 1 || (got[0].Nation == "US") != tt.us {
				t.Fatalf("Troops(%q) = %+v, want one figure, the US's: %v", tt.text, got, tt.us)
			}
		})
	}
}

// TestArmyNearOwner holds the owner a state's army gives the bare
// soldiers of its sentence or the next, and the German main clause's
// subject before its verb.
func TestArmyNearOwner(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"army reports its losses", "Dem türkischen Militär zufolge wurden zwei Soldaten getötet.", "TR"},
		{"army in the sentence before", "Rebellen griffen ein Lager der syrischen Armee an. Bei den Kämpfen seien auch neun Soldaten getötet worden.", "SY"},
		{"army two sentences before", "Rebellen griffen ein Lager der syrischen Armee an. Mehrere Gruppen hätten den Angriff gestartet. Bei den Kämpfen seien auch neun Soldaten getötet worden.", "SY"},
		{"army three sentences before", "Rebellen griffen ein Lager der syrischen Armee an. Mehrere Gruppen hätten den Angriff gestartet. Er dauerte die ganze Nacht. Bei den Kämpfen seien auch neun Soldaten getötet worden.", ""},
		{"English", "The Ukrainian military said three soldiers were killed overnight.", "UA"},
		{"an army that kills", "The Ukrainian military said it killed 300 soldiers overnight.", ""},
		{"fighters are anyone's", "Dem türkischen Militär zufolge wurden 20 Kämpfer getötet.", ""},
		{"another state in the sentence", "The Ukrainian military said 300 Russian soldiers were killed.", "RU"},
		{"German subject before the verb", "Die USA verlegen 3000 Soldaten nach Polen.", "US"},
		{"German state body", "Die Bundesregierung will 5000 Soldaten nach Litauen schicken.", "DE"},
		{"a leader's administration", "America is ready. The Biden administration announced it would send 3,000 troops to Eastern Europe.", "US"},
		{"a leader's administration, state never named", "The Biden administration announced it would send 3,000 troops to Eastern Europe.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Troops(tt.text)
			if len(got) != 1 || got[0].Nation != tt.want {
				t.Fatalf("Troops(%q) = %+v, want one figure owned by %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFrenchTroops holds French figures: numbers grouped by spaces,
// hedges, vague sizes, the state's adjective after the noun, the subject
// that sends or masses them; men only in a sentence about a force.
func TestFrenchTroops(t *testing.T) {
	type fig struct {
		min, max int64
		nation   string
		category string
	}
	tests := []struct {
		text string
		want []fig
	}{
		{"La France va envoyer 1 500 soldats en Roumanie.", []fig{{1500, 1500, "FR", strength}}},
		{"La Russie a massé plus de 100 000 soldats à la frontière.", []fig{{100000, 100000, "RU", strength}}},
		{"Environ 11 000 soldats nord-coréens combattent dans la région de Koursk.", []fig{{11000, 11000, "KP", strength}}},
		{"Des dizaines de milliers de soldats russes sont déployés.", []fig{{10000, 99999, "RU", strength}}},
		{"Des milliers de soldats ont été tués.", []fig{{1000, 9999, "", casualties}}},
		{"L'armée ukrainienne a perdu près de 5 000 hommes.", []fig{{5000, 5000, "UA", casualties}}},
		{"Près de 5 000 hommes ont manifesté à Paris.", nil},
		{"Des milliers de manifestants ont défilé.", nil},
	}
	for _, tt := range tests {
		got := Troops(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Troops(%q) = %+v, want %v", tt.text, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Min != w.min || g.Max != w.max || g.Nation != w.nation || g.Category != w.category {
				t.Errorf("Troops(%q)[%d] = %d..%d %q %s, want %v", tt.text, i, g.Min, g.Max, g.Nation, g.Category, w)
			}
		}
	}
}

// TestFigureAfterItsNoun holds sizes written after their noun that a
// preposition of time or source ends, and sizes a government keeps or
// caps; beside each, the same wording of something else.
func TestFigureAfterItsNoun(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"losses, then since", "Western officials put Russian casualties at over 1.2 million since the invasion began.",
			[]fig{{1200000, 1200000, "RU", casualties}}},
		{"losses, then according", "Russia's losses stood at 300,000 according to British intelligence.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"civilian losses, then since", "Officials put civilian casualties at over 1,200 since the invasion began.", nil},
		{"a force of, then during", "A force of 3,000 during the exercise crossed the river.",
			[]fig{{3000, 3000, "", strength}}},
		{"a force of ships, then during", "A force of 30 ships during the exercise sailed north.", nil},
		{"remains of soldiers", "Ukraine received the remains of 64 soldiers on Friday.",
			[]fig{{64, 64, "", casualties}}},
		{"a presence that remains", "The troop presence remains 5,000 soldiers.",
			[]fig{{5000, 5000, "", strength}}},
		{"troop levels kept", "Washington will keep troop levels at 4,000 until spring.",
			[]fig{{4000, 4000, "US", strength}}},
		{"troop levels capped", "The Pentagon capped troop levels in Syria at 900 after the withdrawal.",
			[]fig{{900, 900, "", strength}}},
		{"prices kept", "The government will keep fuel prices at 4,000 until spring.", nil},
	})
}

// TestPrisonersOfWarInOneWord holds prisoners of war named by a compound
// ("Kriegsgefangene", "военнопленные", "військовополонені"): they are
// captured, so casualties, unless states exchange or free them.
func TestPrisonersOfWarInOneWord(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"de held", "Russland hält mehr als 2.000 ukrainische Kriegsgefangene fest.",
			[]fig{{2000, 2000, "UA", casualties}}},
		{"de taken into captivity", "Mehr als 500 ukrainische Soldaten wurden in Kriegsgefangenschaft genommen.",
			[]fig{{500, 500, "UA", casualties}}},
		{"de moved", "Mehr als 500 ukrainische Soldaten wurden in die Ukraine verlegt.",
			[]fig{{500, 500, "UA", strength}}},
		{"de exchanged", "Russland und die Ukraine tauschten je 200 Kriegsgefangene aus.",
			[]fig{{200, 200, "", other}}},
		{"ru held", "Россия удерживает более 2 тысяч украинских военнопленных.",
			[]fig{{2000, 2000, "UA", casualties}}},
		{"uk held", "Росія утримує понад 2 тисячі українських військовополонених.",
			[]fig{{2000, 2000, "UA", casualties}}},
	})
}

// TestWarCaptives holds prisoners with no "of war" that a side took in
// the war, whose owner is the captor's enemy and never the captor, beside
// prisoners of a jail, a regime or a court.
func TestWarCaptives(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"a force takes prisoners", "Ukrainian forces took 300 prisoners in the counteroffensive.",
			[]fig{{300, 300, "", casualties}}},
		{"an address counts prisoners", "Glory to Ukraine! Thousands of victims. Hundreds of prisoners who cannot understand why they were sent to Ukraine.",
			[]fig{{100, 999, "", casualties}}},
		{"an address takes prisoners from a named enemy", "Glory to Ukraine! Russia attacks. We have already taken more than 500 prisoners.",
			[]fig{{500, 500, "RU", casualties}}},
		{"the police take prisoners", "Police took 300 prisoners to the new jail.", nil},
		{"a regime's political prisoners", "The regime holds 1,000 political prisoners.", nil},
		{"convicts released to fight", "Russia released 1,000 prisoners to fight in Ukraine.", nil},
	})
}

// TestBareLostCount holds counts of what a state or a force lost with
// nothing named after them, beside counts that name what was lost or
// lost something else.
func TestBareLostCount(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"a state lost, then in the war", "Russia has lost 15,000 in the war so far, Kyiv says.",
			[]fig{{15000, 15000, "RU", casualties}}},
		{"an army lost, then in a day", "The Russian army lost 1,200 in a single day, Kyiv said.",
			[]fig{{1200, 1200, "RU", casualties}}},
		{"the enemy lost, at the end", "Glory to Ukraine! The enemy has already lost 15 thousand.",
			[]fig{{15000, 15000, "", casualties}}},
		{"uk enemy lost", "Слава Україні! Ворог уже втратив 15 тисяч.",
			[]fig{{15000, 15000, "", casualties}}},
		{"ru enemy lost in a day", "Противник потерял 800 за сутки.",
			[]fig{{800, 800, "", casualties}}},
		{"tanks lost", "Russia has lost 15 tanks in the war so far.", nil},
		{"revenue lost", "Russia has lost 15,000 in revenue this year.", nil},
		{"a score", "The team lost 3-1 in the final.", nil},
		{"a state's team's score", "Russia lost 2 in the final.", nil},
		{"a share of land", "Ukraine lost 20 percent of its territory.", nil},
		{"money lost", "Росія втратила 2 мільярди доларів.", nil},
		{"civilians among the lost", "Ukraine lost 300 in the shelling of Kharkiv, including civilians.", nil},
	})
}

// TestPeopleInAForce holds people or men counted where the words around
// them put them in a force (under arms, into the army, a state's
// call-up), beside people whom the same words leave civilians.
func TestPeopleInAForce(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"under arms", "Kyiv has 700,000 people under arms.",
			[]fig{{700000, 700000, "UA", strength}}},
		{"in uniform in an army", "The Ukrainian army has around 1 million people in uniform.",
			[]fig{{1000000, 1000000, "UA", strength}}},
		{"a state mobilises people", "Ukraine plans to mobilize 450,000 to 500,000 people.",
			[]fig{{450000, 500000, "UA", other}}},
		{"more people into the army", "Ukraine plans to mobilise up to 500,000 more people into the army.",
			[]fig{{500000, 500000, "UA", other}}},
		{"a state calls up men", "Russia called up 300,000 men in September.",
			[]fig{{300000, 300000, "RU", other}}},
		{"a state signs up soldiers", "Russia signed up some 450,000 contract soldiers in 2024.",
			[]fig{{450000, 450000, "RU", other}}},
		{"another, before people mobilised", "Ukraine plans to mobilise another 450,000 to 500,000 people.",
			[]fig{{450000, 500000, "UA", other}}},
		{"a people mobilised, the verb before", "The military has asked to mobilise another 450,000 to 500,000 Ukrainians.",
			[]fig{{450000, 500000, "UA", other}}},
		{"a people displaced", "The war displaced 450,000 Ukrainians.", nil},
		{"in uniform at a parade", "About 5,000 people in uniform marched in the parade.", nil},
		{"a government mobilises helpers", "The government mobilised 20,000 people to clear the snow.", nil},
		{"in an army camp", "About 200 people in the army camp were infected.", nil},
		{"in a union's ranks", "The company has 700,000 people in the ranks of its union.", nil},
	})
}

// TestLossesMeasuredIntl holds a force's losses given after the loss
// word in German, French and Russian, with the dead and wounded named
// after the count, beside losses of a firm, of nobody named, or in money.
func TestLossesMeasuredIntl(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"de dead and wounded", "Die russischen Verluste belaufen sich auf mehr als 300.000 Tote und Verletzte.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"de dead and wounded after bei", "Die russischen Verluste liegen bei über 300.000 Toten und Verwundeten.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"fr losses in soldiers", "Les pertes russes dépassent 300 000 soldats.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"ru losses exceeded", "Потери российской армии превысили 50 тысяч человек.",
			[]fig{{50000, 50000, "RU", casualties}}},
		{"de losses of nobody named", "Die Verluste belaufen sich auf 300 Tote.", nil},
		{"de a firm's losses", "Die Verluste der Firma belaufen sich auf 300.000 Euro.", nil},
		{"de an earthquake's dead", "Bei dem Erdbeben liegt die Zahl bei 300 Toten und Verletzten.", nil},
		{"fr losses in money", "Les pertes économiques dépassent 300 000 euros.", nil},
		{"ru a firm's losses", "Потери компании превысили 50 тысяч рублей.", nil},
	})
}

// TestForceSizeInPeople holds a force's size given after it in people or
// men, beside people a force does not have.
func TestForceSizeInPeople(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"an army grown to people", "Ukraine's army has grown to 880,000 people.",
			[]fig{{880000, 880000, "UA", strength}}},
		{"armed forces number people", "The Ukrainian armed forces number 700,000 people.",
			[]fig{{700000, 700000, "UA", strength}}},
		{"an army now numbers people", "The Russian army now numbers 1.3 million people.",
			[]fig{{1300000, 1300000, "RU", strength}}},
		{"a force numbers, no noun", "The contingent numbers some 5,000, officials said.",
			[]fig{{5000, 5000, "", strength}}},
		{"families number people", "The soldiers' families number 5,000 people.", nil},
		{"a city grown to people", "The city has grown to 880,000 people.", nil},
		{"an army camp grown to people", "The army camp has grown to 880,000 people.", nil},
		{"a team numbers fans", "The team numbers 5,000 fans.", nil},
	})
}

// TestCountOpeningNextSentence holds a bare count that opens the
// sentence after a figure as the subject of a deployment or a harm, so
// takes that figure's noun; beside bare counts that open a sentence for
// anything else.
func TestCountOpeningNextSentence(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"sent, after a figure", "Half a million soldiers subdued the country. 200,000 have been sent to seize Ukraine.",
			[]fig{{500000, 500000, "", strength}, {200000, 200000, "", strength}}},
		{"killed, after a figure", "Russia sent 10,000 soldiers to Belarus. About 3,000 were killed in the first week.",
			[]fig{{10000, 10000, "RU", strength}, {3000, 3000, "", casualties}}},
		{"what they were", "5,000 troops arrived on Monday. 3,000 were civilians.",
			[]fig{{5000, 5000, "", strength}}},
		{"a year", "The army has 50,000 soldiers. 2024 was a hard year.",
			[]fig{{50000, 50000, "", strength}}},
	})
}

// TestAbbreviatedMultipliers holds "mln", "mn" and a capital "K" after a
// number, beside the same abbreviations of money and distance.
func TestAbbreviatedMultipliers(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"mln", "Ukraine has 1 mln soldiers.", []fig{{1000000, 1000000, "UA", strength}}},
		{"capital K", "Russia massed 30K troops on the border.", []fig{{30000, 30000, "RU", strength}}},
		{"mn glued", "Russia has 1.2mn troops.", []fig{{1200000, 1200000, "RU", strength}}},
		{"mln of money", "Ukraine got 5 mln hryvnias.", nil},
		{"K of distance", "The road is 30K long.", nil},
	})
}

// TestLossesAWarCosts holds the dead and wounded a war or an invasion
// costs a state, beside what a disaster costs or money a project does.
func TestLossesAWarCosts(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"cost it", "Russia's invasion has cost it more than 300,000 killed or wounded.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"cost a state", "The war has cost Russia 50,000 dead.",
			[]fig{{50000, 50000, "RU", casualties}}},
		{"a disaster's cost", "The earthquake cost Turkey 50,000 dead.", nil},
		{"a war's civilian cost", "The war has cost Ukraine 10,000 civilians dead.", nil},
		{"money", "The project cost 300,000 dollars.", nil},
	})
}

// TestSharedForcesAndAttendance holds a state's force joined with allied
// or NATO forces, which has no one owner, and people attending an event,
// who are no force's strength.
func TestSharedForcesAndAttendance(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"a state and its allies", "The exercise involves more than 5,000 U.S. and allied service members.",
			[]fig{{5000, 5000, "", strength}}},
		{"a state and NATO", "More than 3,000 U.S. and NATO troops took part.",
			[]fig{{3000, 3000, "", strength}}},
		{"a state alone", "About 3,000 U.S. troops are in Poland.",
			[]fig{{3000, 3000, "US", strength}}},
		{"attending a town hall", "About 150 Airmen attended the town hall.",
			[]fig{{150, 150, "", other}}},
	})
}

// TestLossesAfterColon holds a force's losses given after a colon that
// stands for the verb, beside losses of money or of civilians.
func TestLossesAfterColon(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"losses, colon, killed or wounded", "Russian losses: more than 300,000 killed or wounded.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"losses so far, colon", "Russian losses so far: 300,000.",
			[]fig{{300000, 300000, "RU", casualties}}},
		{"uk losses, colon", "Втрати ворога: понад 15 тисяч.",
			[]fig{{15000, 15000, "", casualties}}},
		{"economic losses", "Economic losses: 300,000.", nil},
		{"losses in money", "Losses: 300,000 dollars.", nil},
		{"civilian casualties", "Civilian casualties: 3,000.", nil},
	})
}

// TestSizeBeforeOrAfterAChange holds the same force's size before or
// after a change said right after a figure, beside a change of a share,
// of other things, or of a cost.
func TestSizeBeforeOrAfterAChange(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"up from", "There are about 100,000 US troops in Europe, up from 80,000 before the war.",
			[]fig{{100000, 100000, "US", strength}, {80000, 80000, "US", strength}}},
		{"down from", "The army has 50,000 soldiers, down from 60,000 in 2020.",
			[]fig{{50000, 50000, "", strength}, {60000, 60000, "", strength}}},
		{"bringing the total to", "Britain will send 1,000 more troops, bringing the total to 2,000.",
			[]fig{{1000, 1000, "GB", strength}, {2000, 2000, "", strength}}},
		{"up from a share", "Russia has 100,000 troops on the border, up from 20 percent last year.",
			[]fig{{100000, 100000, "RU", strength}}},
		{"up from tanks", "The US has 3,000 troops there, up from 2,000 tanks.",
			[]fig{{3000, 3000, "US", strength}}},
		{"a total cost", "The US sent 3,000 troops, bringing the total cost to 2 billion.",
			[]fig{{3000, 3000, "US", strength}}},
	})
}

// TestIrregularPastAfterFigure holds a figure after its noun that a verb
// in the past without "-ed" follows ("took part", "fought", "held"), as
// one with "-ed" does; the same verb after a count of something else
// makes no figure.
func TestIrregularPastAfterFigure(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"forces numbering, then took", "Dutch forces numbering 30,000 took part in the drills.",
			[]fig{{30000, 30000, "NL", strength}}},
		{"a garrison of, then held", "A garrison of 800 held the town for weeks.",
			[]fig{{800, 800, "", strength}}},
		{"ships numbering, then took", "Ships numbering 30 took part in the drills.", nil},
	})
}

// TestLongStateBeforePossessive holds a possessive state whose last word
// is itself a state's name: "North Korea's" is North Korea's, not South
// Korea's, and "Papua New Guinea's" not Guinea's.
func TestLongStateBeforePossessive(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"North Korea's army of", "North Korea's army of 150,000 personnel is being modernised.",
			[]fig{{150000, 150000, "KP", strength}}},
		{"North Korea's soldiers", "North Korea's 12,000 soldiers fought in Kursk.",
			[]fig{{12000, 12000, "KP", strength}}},
		{"Papua New Guinea's soldiers", "Papua New Guinea's 3,000 soldiers took part.",
			[]fig{{3000, 3000, "PG", strength}}},
		{"South Korea's army of", "South Korea's army of 500,000 troops is large.",
			[]fig{{500000, 500000, "KR", strength}}},
	})
}

// TestPluralStatePossessive holds a state whose name ends in "s" made
// possessive by an apostrophe alone ("the Netherlands' 2,000 soldiers",
// "the Philippines' army of"), as "Russia's" is; a plural noun so made
// possessive names no state.
func TestPluralStatePossessive(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"the Netherlands' soldiers", "The Netherlands' 2,000 soldiers in Lithuania will stay.",
			[]fig{{2000, 2000, "NL", strength}}},
		{"the United States' troops", "The United States' 100,000 troops in Europe will stay.",
			[]fig{{100000, 100000, "US", strength}}},
		{"the Philippines' army of", "The Philippines' army of 100,000 troops is growing.",
			[]fig{{100000, 100000, "PH", strength}}},
		{"the allies' troops", "The allies' 5,000 troops arrived in the spring.",
			[]fig{{5000, 5000, "", strength}}},
	})
}

// TestArmyOfAState holds a force named with its state after "of" as the
// sentence's subject ("The army of North Korea numbers", "The Armed
// Forces of Ukraine have lost", "the armed forces of Ukraine number
// 900,000 personnel"): the figure is that state's.
func TestArmyOfAState(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"the army of", "The army of North Korea numbers 1.2 million troops.",
			[]fig{{1200000, 1200000, "KP", strength}}},
		{"the military of", "The military of Taiwan has about 160,000 troops.",
			[]fig{{160000, 160000, "TW", strength}}},
		{"the Armed Forces of", "The Armed Forces of Ukraine have lost 45,000 soldiers.",
			[]fig{{45000, 45000, "UA", casualties}}},
		{"personnel, lower case", "The armed forces of Ukraine number about 900,000 personnel.",
			[]fig{{900000, 900000, "UA", strength}}},
	})
}
