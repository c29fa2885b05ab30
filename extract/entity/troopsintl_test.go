package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
)

func TestTroopsGerman(t *testing.T) {
	tests := []struct {
		name, text string
		want       []defwatch.Troop
	}{
		{"dot thousands", "Die Allianz verlegt 4.000 Soldaten nach Litauen.",
			[]defwatch.Troop{{Min: 4000, Max: 4000, Unit: "soldaten", Category: strength, Text: "4.000 Soldaten"}}},
		{"hedge and owner", "Moskau hat rund 90.000 russische Soldaten an der Grenze.",
			[]defwatch.Troop{{Min: 90000, Max: 90000, Approx: true, Unit: "soldaten", Nation: "RU", Category: strength, Text: "rund 90.000 russische Soldaten"}}},
		{"two-word hedge", "Es sollen mehr als 1.500 Marinesoldaten sein.",
			[]defwatch.Troop{{Min: 1500, Max: 1500, Approx: true, Unit: "marinesoldaten", Category: strength, Text: "mehr als 1.500 Marinesoldaten"}}},
		{"up to", "Geplant sind bis zu 300 Reservisten.",
			[]defwatch.Troop{{Min: 300, Max: 300, Approx: true, Unit: "reservisten", Category: strength, Text: "bis zu 300 Reservisten"}}},
		{"number word and casualty", "Bei dem Angriff wurden vier Soldaten getötet.",
			[]defwatch.Troop{{Min: 4, Max: 4, Unit: "soldaten", Category: casualties, Text: "vier Soldaten"}}},
		{"compound number", "Dort stehen zweitausend Soldaten.",
			[]defwatch.Troop{{Min: 2000, Max: 2000, Unit: "soldaten", Category: strength, Text: "zweitausend Soldaten"}}},
		{"compound unit", "Berlin schickt 650 Bundeswehrsoldaten.",
			[]defwatch.Troop{{Min: 650, Max: 650, Unit: "bundeswehrsoldaten", Nation: "DE", Category: strength, Text: "650 Bundeswehrsoldaten"}}},
		{"hyphen compound", "Die Armee meldete 40 IS-Kämpfer tot.",
			[]defwatch.Troop{{Min: 40, Max: 40, Unit: "kämpfer", Category: casualties, Text: "40 IS-Kämpfer"}}},
		{"vague thousands", "Tausende Soldaten marschierten auf.",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "soldaten", Category: strength, Text: "Tausende Soldaten"}}},
		{"vague dozens with participle", "Die Miliz sprach von Dutzenden verwundeten Rebellen.",
			[]defwatch.Troop{{Min: 24, Max: 99, Approx: true, Unit: "rebellen", Category: casualties, Text: "Dutzenden verwundeten Rebellen"}}},
		{"several hundred", "Mehrere hundert Söldner kämpfen dort.",
			[]defwatch.Troop{{Min: 100, Max: 999, Approx: true, Unit: "söldner", Category: strength, Text: "Mehrere hundert Söldner"}}},
		{"between and", "Man rechnet mit zwischen 3.000 und 5.000 Soldaten.",
			[]defwatch.Troop{{Min: 3000, Max: 5000, Approx: true, Unit: "soldaten", Category: strength, Text: "zwischen 3.000 und 5.000 Soldaten"}}},
		{"decimal comma million", "Das Heer zählt 1,2 Millionen Soldaten.",
			[]defwatch.Troop{{Min: 1200000, Max: 1200000, Unit: "soldaten", Category: strength, Text: "1,2 Millionen Soldaten"}}},
		{"trained", "Die EU hat 20.000 ukrainische Soldaten ausgebildet.",
			[]defwatch.Troop{{Min: 20000, Max: 20000, Unit: "soldaten", Nation: "UA", Category: other, Text: "20.000 ukrainische Soldaten"}}},
		{"one killed", "Ein Soldat wurde bei der Explosion getötet.",
			[]defwatch.Troop{{Min: 1, Max: 1, Unit: "soldat", Category: casualties, Text: "Ein Soldat"}}},
		{"noun carried over", "Drei Soldaten starben. 12 weitere wurden verletzt.",
			[]defwatch.Troop{
				{Min: 3, Max: 3, Unit: "soldaten", Category: casualties, Text: "Drei Soldaten"},
				{Min: 12, Max: 12, Unit: "soldaten", Category: casualties, Text: "12 weitere"},
			}},
		{"force in men", "Die Schutztruppe umfasst 5.000 Mann.",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Unit: "mann", Category: strength, Text: "5.000 Mann"}}},

		{"a soldier is no figure", "Ein Soldat sagte der Zeitung, es sei ruhig.", nil},
		{"a man is no figure", "Ein Mann wurde festgenommen.", nil},
		{"people", "Dabei wurden 30 Menschen getötet.", nil},
		{"own noun after weitere", "Zwei Soldaten starben. Weitere 25 Tote gab es im Norden.",
			[]defwatch.Troop{{Min: 2, Max: 2, Unit: "soldaten", Category: casualties, Text: "Zwei Soldaten"}}},
		{"subset", "Sechs Soldaten wurden verletzt, zwei von ihnen schwer.",
			[]defwatch.Troop{{Min: 6, Max: 6, Unit: "soldaten", Category: casualties, Text: "Sechs Soldaten"}}},
		{"condition", "Wenn Russland angreift, kämen 10.000 Soldaten.", nil},
		{"money and tanks", "Es kostet 40 Millionen Euro und umfasst 90 Kampfpanzer.", nil},
		{"date", "Am 3. Mai Soldaten in der Stadt.", nil},
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

func TestTroopsCyrillic(t *testing.T) {
	tests := []struct {
		name, text string
		want       []defwatch.Troop
	}{
		{"digits and thousands", "Росія зосередила 40 тисяч військових біля кордону.",
			[]defwatch.Troop{{Min: 40000, Max: 40000, Unit: "військових", Nation: "RU", Category: strength, Text: "40 тисяч військових"}}},
		{"persons of the enemy", "Він знищив ворожий танк і близько 50 осіб противника.",
			[]defwatch.Troop{{Min: 50, Max: 50, Approx: true, Unit: "осіб", Category: casualties, Text: "близько 50 осіб противника"}}},
		{"persons of the personnel", "За добу знищено понад 200 осіб особового складу.",
			[]defwatch.Troop{{Min: 200, Max: 200, Approx: true, Unit: "осіб", Category: casualties, Text: "понад 200 осіб особового складу"}}},
		{"persons are no soldiers", "У місті проживає 300 осіб.", nil},
		{"abbreviated thousands", "Туди прибули 12 тис. російських солдатів.",
			[]defwatch.Troop{{Min: 12000, Max: 12000, Unit: "солдатів", Nation: "RU", Category: strength, Text: "12 тис. російських солдатів"}}},
		{"decimal comma million", "Армія налічує 1,5 млн військовослужбовців.",
			[]defwatch.Troop{{Min: 1500000, Max: 1500000, Unit: "військовослужбовців", Category: strength, Text: "1,5 млн військовослужбовців"}}},
		{"hedge and loss", "Ворог втратив понад 300 бійців за добу.",
			[]defwatch.Troop{{Min: 300, Max: 300, Approx: true, Unit: "бійців", Category: casualties, Text: "понад 300 бійців"}}},
		{"two-word hedge", "Там було не менше ніж 500 найманців.",
			[]defwatch.Troop{{Min: 500, Max: 500, Approx: true, Unit: "найманців", Category: strength, Text: "не менше ніж 500 найманців"}}},
		{"apostrophe number word", "Загинули п'ятеро військовослужбовців.",
			[]defwatch.Troop{{Min: 5, Max: 5, Unit: "військовослужбовців", Category: casualties, Text: "п'ятеро військовослужбовців"}}},
		{"curly apostrophe and dative", "Звання присвоєно п’ятдесятьом нашим воїнам.",
			[]defwatch.Troop{{Min: 50, Max: 50, Unit: "воїнам", Category: other, Text: "п’ятдесятьом нашим воїнам"}}},
		{"words and thousands", "Мобілізовано двадцять п'ять тисяч резервістів.",
			[]defwatch.Troop{{Min: 25000, Max: 25000, Unit: "резервістів", Category: other, Text: "двадцять п'ять тисяч резервістів"}}},
		{"and a half thousand", "Вони втратили три з половиною тисячі солдатів.",
			[]defwatch.Troop{{Min: 3500, Max: 3500, Unit: "солдатів", Category: casualties, Text: "три з половиною тисячі солдатів"}}},
		{"thousands and units", "Нагороди отримали 2 тисячі 140 військовослужбовців.",
			[]defwatch.Troop{{Min: 2140, Max: 2140, Unit: "військовослужбовців", Category: other, Text: "2 тисячі 140 військовослужбовців"}}},
		{"vague thousands", "Тисячі десантників чекають наказу.",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "десантників", Category: strength, Text: "Тисячі десантників"}}},
		{"tens of thousands", "Там десятки тисяч мобілізованих.",
			[]defwatch.Troop{{Min: 10000, Max: 99999, Approx: true, Unit: "мобілізованих", Category: other, Text: "десятки тисяч мобілізованих"}}},
		{"range from to", "Щодня прибуває від 500 до 700 солдатів.",
			[]defwatch.Troop{{Min: 500, Max: 700, Approx: true, Unit: "солдатів", Category: strength, Text: "від 500 до 700 солдатів"}}},
		{"owner after unit", "Обмін: додому повернулися 90 військовослужбовців Збройних Сил України.",
			[]defwatch.Troop{{Min: 90, Max: 90, Unit: "військовослужбовців", Nation: "UA", Category: other, Text: "90 військовослужбовців"}}},
		{"occupiers are the invader's", "Росія знову атакує. Знищено близько 200 окупантів.",
			[]defwatch.Troop{{Min: 200, Max: 200, Approx: true, Unit: "окупантів", Nation: "RU", Category: casualties, Text: "близько 200 окупантів"}}},
		{"russian", "Погибли более 60 российских военнослужащих.",
			[]defwatch.Troop{{Min: 60, Max: 60, Approx: true, Unit: "военнослужащих", Nation: "RU", Category: casualties, Text: "более 60 российских военнослужащих"}}},

		{"military things", "Уражено 15 військових об'єктів і 4 військових кораблі.", nil},
		{"date", "24 лютого російські війська перейшли кордон.", nil},
		{"mixed with civilians", "Загинули 14 тисяч захисників та мирних громадян.", nil},
		{"subset", "Нагороди отримали 40 бійців, з них 6 – посмертно.",
			[]defwatch.Troop{{Min: 40, Max: 40, Unit: "бійців", Category: other, Text: "40 бійців"}}},
		{"money", "Уряд виділив 20 млрд грн для військових.", nil},
		{"a soldier said", "Один солдат розповів про бій.", nil},
		{"condition", "Якщо буде наступ, прийдуть 100 тисяч солдатів.", nil},
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

func TestTroopsContext(t *testing.T) {
	tests := []struct {
		name, text string
		want       []defwatch.Troop
	}{
		{"repeat is one figure", "Russia lost 5,000 troops. Kyiv says the 5,000 Russian troops were killed in a week.",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Unit: "troops", Nation: "RU", Category: casualties, Text: "5,000 troops"}}},
		{"same number, other category", "It sent 300 soldiers; 300 soldiers were killed.",
			[]defwatch.Troop{
				{Min: 300, Max: 300, Unit: "soldiers", Category: strength, Text: "300 soldiers"},
				{Min: 300, Max: 300, Unit: "soldiers", Category: casualties, Text: "300 soldiers"},
			}},
		{"noun carried over", "Two soldiers were killed; 31 more were wounded.",
			[]defwatch.Troop{
				{Min: 2, Max: 2, Unit: "soldiers", Category: casualties, Text: "Two soldiers"},
				{Min: 31, Max: 31, Unit: "soldiers", Category: casualties, Text: "31 more"},
			}},
		{"more with a noun of its own", "Two soldiers were killed and 31 more tanks were lost.",
			[]defwatch.Troop{{Min: 2, Max: 2, Unit: "soldiers", Category: casualties, Text: "Two soldiers"}}},
		{"figure after unit", "The number of troops on standby will reach 40,000.",
			[]defwatch.Troop{{Min: 40000, Max: 40000, Unit: "troops", Category: strength, Text: "troops on standby will reach 40,000"}}},
		{"figure after rose to", "Its troops in the region rose to 12,000.",
			[]defwatch.Troop{{Min: 12000, Max: 12000, Unit: "troops", Category: strength, Text: "troops in the region rose to 12,000"}}},
		{"losses after a casualty figure", "Kyiv said 700 Russian soldiers were killed on Monday. Russia's total losses now exceed 90,000.",
			[]defwatch.Troop{
				{Min: 700, Max: 700, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "700 Russian soldiers"},
				{Min: 90000, Max: 90000, Approx: true, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "losses now exceed 90,000"},
			}},
		{"losses alone are no figure", "Russia's total losses now exceed 90,000.", nil},
		{"tank losses", "700 soldiers were killed. Tank losses exceed 3,000.",
			[]defwatch.Troop{{Min: 700, Max: 700, Unit: "soldiers", Category: casualties, Text: "700 soldiers"}}},
		{"figure after unit with its own count", "The 3,000 troops will reach 40 bases.",
			[]defwatch.Troop{{Min: 3000, Max: 3000, Unit: "troops", Category: strength, Text: "3,000 troops"}}},
		{"condition", "If our country is attacked, there will be hundreds of thousands of soldiers here.", nil},
		{"even one", "He will act if so much as one soldier crosses.", nil},
		{"condition after, will", "There will be hundreds of thousands of soldiers here if we are attacked.", nil},
		{"condition after, would", "Belarus would put half a million men under arms if Poland ever crossed its border.", nil},
		{"even if is no condition", "Russia will deploy 10,000 troops to the border even if talks resume.",
			[]defwatch.Troop{{Min: 10000, Max: 10000, Unit: "troops", Nation: "RU", Category: strength, Text: "10,000 troops"}}},
		{"condition by inversion", "Should Russia attack the Baltic states, the alliance would need hundreds of thousands of soldiers.", nil},
		{"inversion with were", "Were NATO to deploy 5,000 troops to Estonia, Moscow would respond.", nil},
		{"a question before a fact", "Should soldiers be paid more? About 5,000 soldiers quit last year.",
			[]defwatch.Troop{{Min: 5000, Max: 5000, Approx: true, Unit: "soldiers", Category: strength, Text: "About 5,000 soldiers"}}},
		{"fact inside a condition", "If confirmed, it would be the largest push since sending thousands of troops in 2022.",
			[]defwatch.Troop{{Min: 1000, Max: 9999, Approx: true, Unit: "troops", Category: strength, Text: "thousands of troops"}}},
		{"capacity", "Payload: 24 troops (seated), 32 troops (floor loaded)", nil},
		{"fact sheet crew", "Crew: pilot, navigator (three officers) and two gunners", nil},
		{"scale", "Presence can be as small as one Airman.", nil},
		{"men and women who served", "We honor the 2,300 brave men and women who served here.",
			[]defwatch.Troop{{Min: 2300, Max: 2300, Unit: "men and women", Category: strength, Text: "2,300 brave men and women"}}},
		{"men and women of a wing", "the 900 men and women of the 3rd Wing",
			[]defwatch.Troop{{Min: 900, Max: 900, Unit: "men and women", Category: strength, Text: "900 men and women"}}},
		{"men and women at a gala", "About 400 men and women attended the gala.", nil},
		{"officers", "nineteen French and British exchange officers",
			[]defwatch.Troop{{Min: 19, Max: 19, Unit: "officers", Category: other, Text: "nineteen French and British exchange officers"}}},
		{"police officers", "Two police officers were hurt.", nil},
		{"guardians", "She is one of 15 Guardians in the squadron.",
			[]defwatch.Troop{{Min: 15, Max: 15, Unit: "guardians", Category: strength, Text: "15 Guardians"}}},
		{"guardians of children", "three guardians signed the form", nil},
		{"warriors", "I awarded 40 of our warriors.",
			[]defwatch.Troop{{Min: 40, Max: 40, Unit: "warriors", Category: other, Text: "40 of our warriors"}}},
		{"wounded warriors programme", "Two wounded warriors spoke at the camp.", nil},
		{"misspelt soldiers", "dozens of Russian solders stood at the gate",
			[]defwatch.Troop{{Min: 24, Max: 99, Approx: true, Unit: "solders", Nation: "RU", Category: strength, Text: "dozens of Russian solders"}}},
		{"joined", "dozens of Russian soldiers joined the mutiny",
			[]defwatch.Troop{{Min: 24, Max: 99, Approx: true, Unit: "soldiers", Nation: "RU", Category: other, Text: "dozens of Russian soldiers"}}},
		{"rebels", "about 8,000 rebels remain",
			[]defwatch.Troop{{Min: 8000, Max: 8000, Approx: true, Unit: "rebels", Category: strength, Text: "about 8,000 rebels"}}},
		{"troops and civilians", "evacuating hundreds of troops and civilians", nil},
		{"relative clause", "the number of Russian victims, which in April amounted to 899 soldiers",
			[]defwatch.Troop{{Min: 899, Max: 899, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "899 soldiers"}}},
		{"border guards", "340 border guards fight in the city",
			[]defwatch.Troop{{Min: 340, Max: 340, Unit: "border guards", Category: strength, Text: "340 border guards"}}},
		{"members of a division", "About 1,500 members of the 82nd Airborne Division left.",
			[]defwatch.Troop{{Min: 1500, Max: 1500, Approx: true, Unit: "members", Category: strength, Text: "About 1,500 members"}}},
		{"members of a club", "About 1,500 members of the golf club left.", nil},
		{"list of kinds", "Tens of thousands of volunteers, reservists and territorial defense fighters have joined.",
			[]defwatch.Troop{{Min: 10000, Max: 99999, Approx: true, Unit: "fighters", Category: other, Text: "Tens of thousands of volunteers, reservists and territorial defense fighters"}}},
		{"list with civilians", "Tens of thousands of volunteers, civilians and reservists left.", nil},
		{"vague size carried over", "Thousands of Russian soldiers were killed, and hundreds were taken prisoner.",
			[]defwatch.Troop{
				{Min: 1000, Max: 9999, Approx: true, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "Thousands of Russian soldiers"},
				{Min: 100, Max: 999, Approx: true, Unit: "soldiers", Nation: "RU", Category: casualties, Text: "hundreds"},
			}},
		{"forecast of losses", "Thousands more Russian soldiers will be killed in the coming weeks.", nil},
		{"approaching", "The number of killed soldiers is already approaching 14,000.",
			[]defwatch.Troop{{Min: 14000, Max: 14000, Approx: true, Unit: "soldiers", Category: casualties, Text: "soldiers is already approaching 14,000"}}},
		{"lost space", "It has over 150,000.Russian soldiers at the border.",
			[]defwatch.Troop{{Min: 150000, Max: 150000, Approx: true, Unit: "soldiers", Nation: "RU", Category: strength, Text: "over 150,000.Russian soldiers"}}},
		{"possessor of a force", "Ukraine's armed forces now number about 880,000.",
			[]defwatch.Troop{{Min: 880000, Max: 880000, Approx: true, Unit: "forces", Nation: "UA", Category: strength, Text: "forces now number about 880,000"}}},
		{"Ukrainian stems", "На кордоні 340 прикордонників і 1200 нацгвардійців.",
			[]defwatch.Troop{
				{Min: 340, Max: 340, Unit: "прикордонників", Category: strength, Text: "340 прикордонників"},
				{Min: 1200, Max: 1200, Unit: "нацгвардійців", Nation: "UA", Category: strength, Text: "1200 нацгвардійців"},
			}},
		{"Russian stems", "Обменяли 144 военнопленных.",
			[]defwatch.Troop{{Min: 144, Max: 144, Unit: "военнопленных", Category: other, Text: "144 военнопленных"}}},
		{"not a personnel noun", "Знищено 340 прикордонних пунктів.", nil},
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

// FuzzTroopsIntl feeds the German and Cyrillic readings the shapes they
// find hardest: split apostrophes, abbreviations with dots, decimal commas,
// carried-over nouns and text cut mid-phrase.
func FuzzTroopsIntl(f *testing.F) {
	for _, s := range []string{
		"rund 1,5 Millionen russische Soldaten", "zwischen 3.000 und", "12 weitere",
		"Drei Soldaten starben. 12 weitere wurden verletzt.", "zweihundertfünfundzwanzigtausend Soldaten",
		"п'ятеро військовослужбовців", "п’ять", "п'", "9 тисяч 781 захисник", "12 тис.",
		"від 500 до", "три з половиною тисячі солдатів", "десятки тисяч", "1,5 млн", "1,",
		"не менше ніж 500 найманців", "24 лютого російські війська", "Crew: (five officers)",
		"troops to reach 300,000", "losses exceed 9", "men and women of the",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tr := range Troops(text) {
			if tr.Min > tr.Max || tr.Min < 1 {
				t.Fatalf("bad bounds %+v", tr)
			}
			if tr.Text == "" || !strings.Contains(text, tr.Text) {
				t.Fatalf("text %q is not in the input", tr.Text)
			}
			if tr.Unit == "" || tr.Category == "" {
				t.Fatalf("missing unit or category: %+v", tr)
			}
		}
	})
}

// TestHalvesOfAMultiplier checks counts of one and a half or a half of a
// thousand or a million, which are no vague "thousands".
func TestHalvesOfAMultiplier(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"uk one and a half thousand", "Росія перекинула півтори тисячі військових.",
			[]fig{{1500, 1500, "RU", strength}}},
		{"uk half a million", "Росія втратила пів мільйона військових.",
			[]fig{{500000, 500000, "RU", casualties}}},
		{"ru one and a half thousand", "Россия перебросила полторы тысячи солдат.",
			[]fig{{1500, 1500, "RU", strength}}},
		{"uk one and a half months", "За півтора місяця загинули 300 військових.",
			[]fig{{300, 300, "", casualties}}},
		{"uk one and a half million citizens", "Понад півтора мільйона громадян виїхали.", nil},
	})
}

// TestArmedForcesMeasured checks a Ukrainian or Russian armed forces'
// size given after them, and the French force whose adjective follows
// it, beside the armed forces' spending.
func TestArmedForcesMeasured(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"uk ZSU", "Чисельність ЗСУ становить близько 700 тисяч.", []fig{{700000, 700000, "UA", strength}}},
		{"uk armed forces", "Чисельність Збройних сил України становить близько 700 тисяч.", []fig{{700000, 700000, "UA", strength}}},
		{"uk ZSU spending", "Витрати ЗСУ становлять 700 тисяч гривень.", nil},
		{"uk a share", "Чисельність ЗСУ становить 5% населення.", nil},
		{"fr army and adjective", "L'armée française compte 200 000 militaires.", []fig{{200000, 200000, "FR", strength}}},
	})
}

// TestForceGrowsIntl checks a Ukrainian or Russian force's size that a
// verb before it grows by or to a count, beside a budget that grows.
func TestForceGrowsIntl(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"uk grow the army by", "Путін наказав збільшити чисельність армії на 170 тисяч.", []fig{{170000, 170000, "", strength}}},
		{"ru grow the troops by", "Путин приказал увеличить штатную численность войск на 137 тысяч.", []fig{{137000, 137000, "", strength}}},
		{"uk the army grew to", "Чисельність армії зросла до 900 тисяч.", []fig{{900000, 900000, "", strength}}},
		{"uk the army's budget grows", "Уряд збільшив бюджет армії на 170 тисяч.", nil},
		{"uk prices grew", "Ціни зросли до 900 тисяч гривень.", nil},
		{"uk a city grew", "Населення міста зросло до 900 тисяч.", nil},
	})
}

// TestDashForVerbIntl checks a Ukrainian size or loss given after a dash
// that stands for the verb, when the force or the losses head the clause.
func TestDashForVerbIntl(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"a grouping's size", "Чисельність російського угруповання в Україні – понад 500 тисяч.", []fig{{500000, 500000, "RU", strength}}},
		{"the enemy's losses", "Втрати ворога – понад 15 тисяч.", []fig{{15000, 15000, "", casualties}}},
		{"the enemy's losses in money", "Втрати ворога – понад 15 тисяч гривень.", nil},
		{"an army's price", "Ціна армії – 500 тисяч.", nil},
		{"a city's residents", "У місті – понад 500 тисяч мешканців.", nil},
	})
}

// TestLostWithAdverbIntl checks a Ukrainian or Russian count of people a
// force lost with an adverb between the verb and the count, beside a
// town's losses.
func TestLostWithAdverbIntl(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"uk troops lost already", "Слава Україні! Російські війська втратили вже 1300 осіб тільки на цьому напрямку.",
			[]fig{{1300, 1300, "RU", casualties}}},
		{"ru the enemy lost already", "Противник потерял уже 500 человек.", []fig{{500, 500, "", casualties}}},
		{"uk a town lost", "Місто втратило вже 1300 осіб.", nil},
	})
}

// TestGermanStateBodiesAndKilling checks a German or Austrian state body
// that opens the sentence as the owner whatever its verb, and "tötete" as
// a casualty verb.
func TestGermanStateBodiesAndKilling(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"Bundeswehr takes part", "Die Bundeswehr beteiligt sich mit 1.200 Soldaten.", []fig{{1200, 1200, "DE", strength}}},
		{"Bundeswehr to grow", "Die Bundeswehr soll auf 203.000 Soldaten wachsen.", []fig{{203000, 203000, "DE", strength}}},
		{"Bundesheer sends", "Das Bundesheer schickt 100 Soldaten an die Grenze.", []fig{{100, 100, "AT", strength}}},
		{"government on another state", "Die Bundesregierung kritisierte, dass Russland 100.000 Soldaten verlegt hat.", []fig{{100000, 100000, "RU", strength}}},
		{"an army killed", "Die Armee tötete nach eigenen Angaben 50 Extremisten.", []fig{{50, 50, "", casualties}}},
	})
}

// TestGermanAbbreviatedMultipliers checks "Tsd." and "Mio." before a
// German personnel noun, whose capital does not open a new sentence,
// beside a sum and a sentence that does open after the dot.
func TestGermanAbbreviatedMultipliers(t *testing.T) {
	type fig = troopFig
	checkTroopCases(t, []troopCase{
		{"Mio. Soldaten", "Russland hat 1,5 Mio. Soldaten.", []fig{{1500000, 1500000, "RU", strength}}},
		{"Tsd. Soldaten", "Russland hat 30 Tsd. Soldaten verloren.", []fig{{30000, 30000, "RU", casualties}}},
		{"Tsd. Euro", "Russland hat 30 Tsd. Euro verloren.", nil},
		{"Mio. then a sentence", "Das kostet 1,5 Mio. Die Soldaten protestieren.", nil},
	})
}
