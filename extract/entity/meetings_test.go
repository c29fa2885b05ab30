package entity

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// fuzzMeetingSeeds are the shapes the meeting reader finds hardest: lists
// of people, apostrophes inside Ukrainian words, dates cut short, mojibake.
var fuzzMeetingSeeds = []string{
	"I spoke with the President of Lithuania, Mr. Nausėda, Prime Minister of Israel Bennett and",
	"BRUSSELS โ€“ The defense ministers are set to convene on Thursday at NATOโ€™s headquarters.",
	"Говорив з Президентом Литви паном Наусєдою, Премʼєр-міністром Ізраїлю у п'ятницю",
	"Meetings of the G7, leaders of NATO and the European Union will take place on March 24.",
	"met on the 31st of February 2025-02-30 at 25:99 Sept. 14-",
	"Beim Nato-Gipfel am 14./15. Februar in Brüssel trafen sich die Außenminister",
	"the meeting. The summit. these talks with him",
	"spoke with", "met", "on Thursday", "п'", "Mr.", "meeting the", "a call",
}

// meeting is what a test expects of one meeting; empty fields are not
// checked.
type meeting struct {
	kind, date, location string
	participants, orgs   []string
}

func TestMeetings(t *testing.T) {
	thu := day("2025-04-10")
	tests := []struct {
		name, text string
		published  time.Time
		want       []meeting
	}{
		// Kinds.
		{"summit", "NATO leaders will hold a summit in The Hague on June 24.", thu,
			[]meeting{{kind: "summit", date: "2025-06-24", location: "The Hague", orgs: []string{"NATO"}}}},
		{"ministerial", "NATO defence ministers met in Brussels on Thursday.", thu,
			[]meeting{{kind: "ministerial", date: "2025-04-10", location: "Brussels", orgs: []string{"NATO"}}}},
		{"ministers meeting each other", "The Latvian foreign minister met with the Australian foreign minister on Monday.", day("2022-08-08"),
			[]meeting{{kind: "ministerial", date: "2022-08-08", participants: []string{"AU", "LV"}}}},
		{"a president meeting ministers is a meeting", "The Polish president met with the foreign ministers of the Baltic states in Warsaw.", thu,
			[]meeting{{kind: "meeting", location: "Warsaw"}}},
		{"talks", "Russian and Ukrainian delegations held talks in Istanbul on Friday.", day("2025-05-17"),
			[]meeting{{kind: "talks", date: "2025-05-16", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"negotiations between", "Negotiations between Ukraine and Russia will resume in Geneva.", thu,
			[]meeting{{kind: "talks", location: "Geneva", participants: []string{"RU", "UA"}}}},
		{"conference", "Defence chiefs will attend the Munich Security Conference on Friday.", thu,
			[]meeting{{kind: "conference", date: "2025-04-11"}}},
		// A day and a place between the verb and whom it was with.
		{"uk: day and place before whom", "Міністр зустрівся у вівторок у Варшаві з Президентом Польщі.", thu,
			[]meeting{{kind: "meeting", date: "2025-04-08", location: "Warsaw", participants: []string{"PL"}}}},
		{"ru: day and place before whom", "Министр встретился во вторник в Варшаве с президентом Польши.", thu,
			[]meeting{{kind: "meeting", date: "2025-04-08", location: "Warsaw", participants: []string{"PL"}}}},
		{"fr: day and place before whom", "Le ministre a rencontré mardi à Varsovie le président polonais.", thu,
			[]meeting{{kind: "meeting", date: "2025-04-08", location: "Warsaw", participants: []string{"PL"}}}},
		{"call by phone", "Biden spoke by phone with Scholz on Monday.", thu,
			[]meeting{{kind: "call", date: "2025-04-07", location: ""}}},
		{"phone call", "US President Joe Biden and German Chancellor Olaf Scholz agreed in a phone call on Wednesday.", day("2022-02-16"),
			[]meeting{{kind: "call", date: "2022-02-16", participants: []string{"DE", "US"}}}},
		{"held a call", "Macron held a call with Zelensky.", thu, []meeting{{kind: "call"}}},
		{"one call per person", "I spoke with the President of Lithuania, Mr. Nausėda, Prime Minister of Israel Bennett and Prime Minister of the United Kingdom Johnson.", thu,
			[]meeting{{kind: "call", participants: []string{"LT"}}, {kind: "call", participants: []string{"IL"}}, {kind: "call", participants: []string{"GB"}}}},
		{"an address's talks with several leaders are its calls", "Glory to Ukraine! There were very substantive talks with the Prime Minister of the Netherlands, the President of Slovakia and the Prime Minister of Georgia.", thu,
			[]meeting{{kind: "call", participants: []string{"NL", "UA"}}, {kind: "call", participants: []string{"SK", "UA"}}, {kind: "call", participants: []string{"GE", "UA"}}}},
		{"talks with several leaders in a report stay one", "There were talks with the Prime Minister of the Netherlands and the President of Slovakia, the ministry said.", thu,
			[]meeting{{kind: "talks", participants: []string{"NL", "SK"}}}},
		{"an address's talks in a city are one summit, not calls", "Glory to Ukraine! Today I met in Kyiv with the Prime Minister of the Netherlands and the President of Slovakia.", thu,
			[]meeting{{kind: "summit", date: "2025-04-10", location: "Kyiv", participants: []string{"NL", "SK", "UA"}}}},
		{"an address's conversation with no one before is the speaker's", "Glory to Ukraine! A conversation took place with US President Biden.", thu,
			[]meeting{{kind: "call", participants: []string{"UA", "US"}}}},
		{"a report's conversation with no one before is no one's", "A conversation took place with US President Biden, officials said.", thu,
			[]meeting{{kind: "call", participants: []string{"US"}}}},
		{"at the talks with several is one earlier meeting", "Glory to Ukraine! At the talks with the Prime Minister of the Netherlands and the President of Slovakia we agreed on aid.", thu,
			[]meeting{{kind: "talks", participants: []string{"NL", "SK", "UA"}}}},
		{"the state whose invasion is discussed is no party", "The Latvian foreign minister met with the Australian foreign minister on Monday to discuss Russia's military invasion.", day("2022-08-08"),
			[]meeting{{kind: "ministerial", date: "2022-08-08", participants: []string{"AU", "LV"}}}},
		{"a summit on the threat of an invasion", "EU leaders will hold an extraordinary summit in Brussels on the threat of another Russian invasion of Ukraine.", thu,
			[]meeting{{kind: "summit", location: "Brussels", participants: []string{}}}},
		{"a state's president at the table is a party", "The Russian President met the Chinese leader in Moscow.", thu,
			[]meeting{{participants: []string{"CN", "RU"}, location: "Moscow"}}},
		{"apposition is one person", "Lavrov accused the US during a call with his US counterpart, Antony Blinken, the Russian foreign ministry said.", thu,
			[]meeting{{kind: "call", participants: []string{"RU", "US"}}}},
		{"met someone", "Sullivan will meet Chinese Foreign Minister Wang Yi in Rome on Monday.", thu,
			[]meeting{{kind: "meeting", date: "2025-04-14", location: "Rome", participants: []string{"CN"}}}},
		{"contact group", "The Ukraine Defense Contact Group met at Ramstein Air Base on Friday.", day("2025-04-12"),
			[]meeting{{date: "2025-04-11", location: "Ramstein", orgs: []string{"Ukraine Defense Contact Group"}}}},
		{"gathering of delegates", "Delegates from 50 nations will be gathering at NATO on Friday.", thu,
			[]meeting{{date: "2025-04-11", location: "Brussels", orgs: []string{"NATO"}}}},
		{"several bodies", "Meetings of the G7, leaders of NATO and the European Union will take place on March 24.", day("2022-03-21"),
			[]meeting{{kind: "summit", date: "2022-03-24", orgs: []string{"G7"}}, {kind: "summit", orgs: []string{"NATO"}}, {kind: "summit", orgs: []string{"EU"}}}},
		{"two summits in one sentence", "Leaders met at the NATO summit and then at the G7 summit.", thu,
			[]meeting{{kind: "summit", orgs: []string{"NATO"}}, {kind: "summit", orgs: []string{"G7"}}}},
		{"peak for summit", "In Brussels at 12.30 there will be an extraordinary peak with the participation of EU leaders.", thu,
			[]meeting{{kind: "summit", date: "2025-04-10", location: "Brussels", orgs: []string{"EU"}}}},
		{"sidelines of the assembly", "Makei gave an interview on the sidelines of the UN General Assembly in New York.", thu,
			[]meeting{{location: "New York", orgs: []string{"UN General Assembly"}}}},

		// Places.
		{"at NATO headquarters", "The defence ministers will meet at NATO headquarters.", thu,
			[]meeting{{location: "Brussels", orgs: []string{"NATO"}}}},
		{"at the Pentagon", "Hegseth met his Japanese counterpart at the Pentagon on Tuesday.", thu,
			[]meeting{{location: "Washington", participants: []string{"JP", "US"}}}},
		{"at the Kremlin", "Putin met Xi at the Kremlin.", thu, []meeting{{location: "Moscow"}}},
		{"named for its city", "After the Madrid summit, allies agreed.", thu, []meeting{{kind: "summit", location: "Madrid"}}},
		{"a call has no place", "From Kyiv, Zelensky spoke by phone with Macron.", thu, []meeting{{kind: "call", location: ""}}},

		// Participants.
		{"the subject is no party", "The ministers met in Brussels to discuss sending troops to Ukraine.", thu,
			[]meeting{{participants: []string{}}}},
		{"who stays away is no party", "Britain and Germany will lead the meeting in Brussels, although the U.S. is not slated to attend.", thu,
			[]meeting{{participants: []string{"DE", "GB"}}}},

		// Other languages.
		{"german meeting", "Die Außenminister trafen sich in Wien.", time.Time{}, []meeting{{location: "Vienna"}}},
		{"german summit", "Am Rande des Nato-Gipfels in Madrid sprach er.", time.Time{}, []meeting{{kind: "summit", location: "Madrid", orgs: []string{"NATO"}}}},
		{"german call", "Israels Ministerpräsident Netanjahu und der palästinensische Präsident Abbas haben miteinander telefoniert.", time.Time{},
			[]meeting{{kind: "call", participants: []string{"IL", "PS"}}}},
		{"ukrainian meeting", "Провів у Києві зустріч з Прем'єр-міністром Болгарії.", thu, []meeting{{kind: "meeting", location: "Kyiv"}}},
		{"bodies listed before a plural are one summit each", "The ministers prepared for next week's EU, G7 and NATO summits.", thu,
			[]meeting{{kind: "summit", orgs: []string{"EU"}}, {kind: "summit", orgs: []string{"G7"}}, {kind: "summit", orgs: []string{"NATO"}}}},
		{"bodies listed before a singular are one summit", "The ministers prepared for the EU-NATO summit.", thu,
			[]meeting{{kind: "summit"}}},
		{"held talks about a topic with someone", "Glory to Ukraine! Today I held talks about energy security with the Prime Minister of Poland.", thu,
			[]meeting{{kind: "talks", date: "2025-04-10", participants: []string{"PL", "UA"}}}},
		{"talks about as a verb", "The minister often talks about energy security with reporters.", thu, nil},
		{"ukrainian summit", "До учасників саміту НАТО, саміту «Великої сімки».", thu,
			[]meeting{{kind: "summit", orgs: []string{"NATO"}}, {kind: "summit", orgs: []string{"G7"}}}},

		// One meeting, told several times.
		{"referred back to", "The defence ministers will meet on Thursday in Brussels. The meeting will focus on Ukraine.", day("2025-04-08"),
			[]meeting{{date: "2025-04-10", location: "Brussels"}}},
		{"same kind and day", "NATO leaders will meet in Vilnius on July 11. Allies expect much of the NATO summit on July 11.", thu,
			[]meeting{{kind: "summit", date: "2025-07-11", location: "Vilnius"}}},
		{"same person again", "I had a conversation with President of France Emmanuel Macron.\n\nWe also spoke separately with the President of France about the EU.", thu,
			[]meeting{{kind: "call"}}},
		{"the same states again a paragraph on", "The prime ministers of Poland and Lithuania held talks in Vilnius on Monday.\n\nThe Polish and Lithuanian delegations held bilateral talks.", thu,
			[]meeting{{kind: "summit", date: "2025-04-07", location: "Vilnius", participants: []string{"LT", "PL"}}}},
		{"the speaker's talks again a paragraph on", "Glory to Ukraine! Today I held talks with my friend, the Prime Minister of Poland.\n\nThe Ukrainian and Polish delegations held bilateral talks.", thu,
			[]meeting{{kind: "talks", date: "2025-04-10", participants: []string{"PL", "UA"}}}},
		{"the same states to meet again are another meeting", "The prime ministers of Poland and Lithuania held talks in Vilnius.\n\nThe Polish and Lithuanian delegations will hold talks again.", thu,
			[]meeting{{kind: "summit", location: "Vilnius", participants: []string{"LT", "PL"}}, {kind: "talks", participants: []string{"LT", "PL"}}}},
		{"a bare call of the same day is the one told of", "The presidents of Russia and China spoke by phone, the Kremlin said.\n\nThey discussed trade.\n\nWednesday's phone call was their second this year.", day("2022-06-16"),
			[]meeting{{kind: "call", date: "2022-06-15", participants: []string{"CN", "RU"}}}},
		{"bare talks take the day of the ones told of", "The foreign ministers of the United States and China held talks in Bali.\n\nSaturday's talks lasted five hours.", day("2022-06-16"),
			[]meeting{{kind: "ministerial", date: "2022-06-11", location: "Bali", participants: []string{"CN", "US"}}}},
		{"a bare call of another day is another", "The presidents of Russia and China spoke by phone on Monday.\n\nWednesday's phone call was their second this week.", day("2022-06-16"),
			[]meeting{{kind: "call", date: "2022-06-13", participants: []string{"CN", "RU"}}, {kind: "call", date: "2022-06-15", participants: []string{}}}},
		{"the last call is another", "Israels Premier und der palästinensische Präsident haben telefoniert. Das letzte Telefonat der beiden fand im Juni 2014 statt.", time.Time{},
			[]meeting{{kind: "call"}, {kind: "call"}}},
		{"pronoun with no one before", "I spoke with him at length.", thu, nil},
		{"Russian reflexive past looks back", "В понедельник президент Украины встретился с президентом Польши.", day("2022-03-12"),
			[]meeting{{date: "2022-03-07", participants: []string{"PL", "UA"}}}},
		{"Russian past of вести looks back", "В понедельник президент Украины провёл переговоры с президентом Польши.", day("2022-03-12"),
			[]meeting{{date: "2022-03-07", participants: []string{"PL", "UA"}}}},
		{"Russian future looks ahead", "В понедельник президент Украины встретится с президентом Польши.", day("2022-03-12"),
			[]meeting{{date: "2022-03-14", participants: []string{"PL", "UA"}}}},
		{"direct talks that took place", "Direct talks between Russia and Ukraine took place in Istanbul on Tuesday.", thu,
			[]meeting{{kind: "talks", date: "2025-04-08", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"a relative clause's meeting is not the call's", "The chancellor spoke today with the Prime Minister of Hungary who had met with the Chinese president in Beijing.", thu,
			[]meeting{{kind: "call", participants: []string{"HU"}}, {kind: "summit", participants: []string{"CN", "HU"}}}},
		{"met on the sidelines of the summit is a meeting", "The leaders of France and Germany met on the sidelines of the summit on Wednesday.", thu,
			[]meeting{{date: "2025-04-09", participants: []string{"DE", "FR"}}}},
		{"a topic put first in an address leaves the speaker the subject", "Бажаю здоров'я всім нашим захисникам! Питання покарання російських окупантів обговорив сьогодні з Президентом Франції. Слава Україні!", thu,
			[]meeting{{kind: "call", participants: []string{"FR", "UA"}}}},
		{"the state whose aggression, in the genitive, is no party", "Після трьох місяців агресії Росії проти України наша зустріч у Варшаві з прем'єр-міністром Польщі доводить єдність.", thu,
			[]meeting{{location: "Warsaw", participants: []string{"PL"}}}},
		{"the state whose troops' crimes are discussed is no party", "Розслідування злочинів російських військ обговорив сьогодні з Президентом Франції.", thu,
			[]meeting{{participants: []string{"FR"}}}},
		{"a delegation in the genitive is a party", "Зустрілися з делегацією Росії у Стамбулі.", thu,
			[]meeting{{location: "Istanbul", participants: []string{"RU"}}}},
		{"appealed for something at a meeting", "The Ukrainian president appealed for air defence at a meeting with the Prime Minister of Japan on Tuesday.", thu,
			[]meeting{{date: "2025-04-08", participants: []string{"JP", "UA"}}}},
		{"two people calling the same state on one day make two calls", "US Secretary of State Antony Blinken is to speak with Russian Foreign Minister Sergei Lavrov on Saturday.\n\nFrench President Emmanuel Macron is also to talk to the President of the Russian Federation on Saturday.", day("2022-02-12"),
			[]meeting{{kind: "call", date: "2022-02-12", participants: []string{"RU", "US"}}, {kind: "call", date: "2022-02-12", participants: []string{"FR", "RU"}}}},
		{"the counterpart as subject is the same call", "US President Joe Biden spoke with Chinese President Xi Jinping on Tuesday.\n\nXi told Biden during the call on Tuesday that Taiwan was a red line.", day("2022-02-17"),
			[]meeting{{kind: "call", date: "2022-02-15", participants: []string{"CN", "US"}}}},
		{"a later sentence gives the lead's meeting its day and place", "UN chief Antonio Guterres will meet with the leaders of Ukraine and Turkey this week, a UN official says.\n\nGuterres will hold talks in the western Ukrainian city of Lviv with President Volodymyr Zelensky and Turkish counterpart Recep Tayyip Erdogan on Thursday.", day("2022-08-17"),
			[]meeting{{date: "2022-08-18", participants: []string{"TR", "UA"}}}},
		{"other states on another day are another meeting", "UN chief Antonio Guterres will meet with the leaders of Ukraine and Turkey this week.\n\nGuterres will hold talks in Lviv with the presidents of Ukraine and Poland on Thursday.", day("2022-08-17"),
			[]meeting{{date: "", participants: []string{"TR", "UA"}}, {date: "2022-08-18", location: "Lviv", participants: []string{"PL", "UA"}}}},
		{"he is the one named before", "Ukrainian President Volodymyr Zelensky arrived in Bucharest on Thursday. He met there with the President of Romania.", thu,
			[]meeting{{kind: "meeting", participants: []string{"RO", "UA"}}}},
		{"she is the one named before", "German Foreign Minister Annalena Baerbock flew to Warsaw. She also held talks with her Polish counterpart.", thu,
			[]meeting{{kind: "talks", participants: []string{"DE", "PL"}}}},
		{"він is the one named before", "Президент Франції прибув до Києва. Він провів зустріч з Президентом України.", thu,
			[]meeting{{participants: []string{"FR", "UA"}}}},
		{"he with two named before is no one", "The French president thanked the Polish president. He met with the Prime Minister of Spain on Monday.", thu,
			[]meeting{{kind: "meeting", participants: []string{"ES"}}}},

		// Not meetings.
		{"press conference", "Stoltenberg told a press conference in Brussels on Monday that allies agree.", thu, nil},
		{"potential meetings", "Officials are preparing for a wide range of potential meetings between the United States and Russia.", thu, nil},
		{"a possible summit", "A possible summit of the presidents of France and Russia was discussed.", thu, nil},
		{"the process of international consultations", "The ministers agreed to start the process of international consultations with NATO.", thu, nil},
		{"a decision on serious negotiations", "In view of Russia's decision on serious negotiations and a withdrawal of its troops, I would support it.", thu, nil},
		{"spoke to servicewomen", "Retired Lt. Gen. Jane Doe, a former wing commander, spoke to servicewomen from Peterson Air Force Base during a luncheon on Oct. 29.", thu, nil},
		{"spoke to cadets", "Gen. John Smith spoke to cadets at the U.S. Air Force Academy on Tuesday.", thu, nil},
		{"met with Guardians", "The chief met with Guardians at Buckley Space Force Base on Tuesday.", thu, nil},
		{"the conclusions of a summit", "Diplomats failed to agree on Monday in Brussels on the draft conclusions of the EU summit.", thu, nil},
		{"die Abschlusserklärung des Gipfels", "Die Abschlusserklärung des Gipfels wurde am Freitag veröffentlicht.", thu, nil},
		{"декларація саміту", "Текст декларації саміту погодили в середу.", thu, nil},
		{"argued for talks", "Poland has long argued for direct talks between the United States and Russia.", thu, nil},
		{"appelle à des négociations", "La France appelle à des négociations entre la Russie et l'Ukraine.", thu, nil},
		{"hopes that talks", "Officials in Berlin hope that talks with Moscow resume in the spring.", thu, nil},
		{"налаштована на переговори", "Польща налаштована на переговори з Білоруссю.", thu, nil},
		{"news conference", "Speaking at a news conference, the minister said.", thu, nil},
		{"parliament session", "The Verkhovna Rada held a session on Tuesday.", thu, nil},
		{"visit alone", "Macron visited Kyiv on Tuesday.", thu, nil},
		{"speech", "Zelensky gave a speech to the Bundestag on Tuesday.", thu, nil},
		{"meeting targets", "Germany is meeting NATO's spending target of 2%.", thu, nil},
		{"meeting the needs", "The aid is meeting the needs of the army.", thu, nil},
		{"met with criticism", "The plan met with criticism in Berlin on Monday.", thu, nil},
		{"a call for", "Macron renewed his call for a ceasefire on Monday.", thu, nil},
		{"call on", "The EU called on Russia to withdraw.", thu, nil},
		{"did not meet", "Putin did not meet Zelensky in Istanbul.", thu, nil},
		{"any talks", "Russia rejected any talks with Kyiv.", thu, nil},
		{"troops gathered", "Russian troops gathered near the border on Monday.", thu, nil},
		{"spoke to reporters", "Blinken spoke to reporters in Brussels on Monday.", thu, nil},
		{"spoke with world leaders", "That night I spoke with world leaders.", thu, nil},
		{"a tally", "He held 230 phone calls with foreign leaders.", thu, nil},
		{"talks the verb", "He talks about peace in Kyiv.", thu, nil},
		{"met troops", "The secretary met with troops in Kuwait on Monday.", thu, nil},
		{"a press call", "The official told reporters during a phone call on Saturday.", thu, nil},
		{"a figure of speech", "The coalition is building on an agreement reached at a prior summit.", thu, nil},
		{"several occasions", "Sabalenka has met Lukashenko on several occasions.", thu, nil},
		{"headline in capitals", "FBI TALKS CHINA'S THREAT TO U.S.", thu, nil},
		{"recalled for consultations", "Berlin recalled its ambassador from Moscow for consultations.", thu, nil},
		{"empty", "", thu, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Meetings(tt.text, tt.published)
			if len(got) != len(tt.want) {
				t.Fatalf("Meetings(%q) = %d meetings, want %d: %+v", tt.text, len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				checkMeeting(t, got[i], w)
			}
		})
	}
}

func checkMeeting(t *testing.T, got defwatch.Meeting, w meeting) {
	t.Helper()
	if w.kind != "" && got.Kind != w.kind {
		t.Errorf("kind %q, want %q (%+v)", got.Kind, w.kind, got)
	}
	if w.date != "" && got.Date != w.date {
		t.Errorf("date %q, want %q (%+v)", got.Date, w.date, got)
	}
	if w.location != "" && got.Location != w.location || w.location == "" && w.kind == "call" && got.Location != "" {
		t.Errorf("location %q, want %q (%+v)", got.Location, w.location, got)
	}
	if w.participants != nil && !slices.Equal(got.Participants, w.participants) {
		t.Errorf("participants %v, want %v (%+v)", got.Participants, w.participants, got)
	}
	for _, o := range w.orgs {
		if !slices.Contains(got.Orgs, o) {
			t.Errorf("orgs %v lack %s (%+v)", got.Orgs, o, got)
		}
	}
}

// TestMeetingsText checks that a meeting's text is a sentence of the
// article, and the body's rather than the headline's.
func TestMeetingsText(t *testing.T) {
	text := "Biden and Xi to meet in San Francisco\n\nBiden and Xi will meet in San Francisco on Wednesday. The meeting will last four hours."
	got := Meetings(text, day("2023-11-13"))
	if len(got) != 1 {
		t.Fatalf("got %+v, want one meeting", got)
	}
	if want := "Biden and Xi will meet in San Francisco on Wednesday."; got[0].Text != want {
		t.Errorf("text %q, want %q", got[0].Text, want)
	}
	if got[0].Date != "2023-11-15" {
		t.Errorf("date %q, want 2023-11-15", got[0].Date)
	}
}

// TestMeetingsDateline checks that a wire dateline stays out of a
// meeting's text, and that it does not place the meeting: it says where
// the story was filed, and the guideline leaves a place given only by a
// dateline out.
func TestMeetingsDateline(t *testing.T) {
	for _, text := range []string{
		"BRUSSELS – The defence ministers will meet on Thursday.",
		"JOINT BASE ANDREWS, Md. (AFNS) -- The defence ministers will meet on Thursday.",
	} {
		got := Meetings(text, day("2025-04-08"))
		if len(got) != 1 || got[0].Text != "The defence ministers will meet on Thursday." || got[0].Date != "2025-04-10" {
			t.Errorf("Meetings(%q) = %+v, want the sentence without its dateline, on 2025-04-10", text, got)
		}
	}
	if got := Meetings("BRUSSELS – The defence ministers will meet on Thursday.", day("2025-04-08")); len(got) != 1 || got[0].Location != "" {
		t.Errorf("Meetings = %+v, want one with no location from the dateline", got)
	}
}

// TestMeetingsSeed is what the project was started for: the seed article
// reports a ministerial on the day it was published and a wider meeting
// the day after, both at NATO in Brussels.
func TestMeetingsSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Meetings(string(b), time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC))
	if len(got) != 2 {
		t.Fatalf("got %d meetings, want 2: %+v", len(got), got)
	}
	checkMeeting(t, got[0], meeting{kind: "ministerial", date: "2025-04-10", location: "Brussels", participants: []string{"FR", "GB"}, orgs: []string{"NATO"}})
	checkMeeting(t, got[1], meeting{kind: "meeting", date: "2025-04-11", location: "Brussels", participants: []string{"DE", "GB"}, orgs: []string{"NATO"}})
	if !strings.Contains(got[0].Text, "set to convene on Thursday") || !strings.Contains(got[1].Text, "unfold on Friday") {
		t.Errorf("texts %q and %q are not the sentences that date the meetings", got[0].Text, got[1].Text)
	}
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzMeetings(f *testing.F) {
	for _, s := range append(fuzzMeetingSeeds, fuzzSeeds...) {
		f.Add(s, int64(1744276320)) // 2025-04-10
	}
	if b, err := os.ReadFile("../../testdata/seed.txt"); err == nil {
		f.Add(string(b), int64(0))
	}
	kinds := []string{"summit", "ministerial", "talks", "conference", "call", "meeting"}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<33), 0).UTC()
		}
		ms := Meetings(text, pub)
		if len(ms) > len(text)/4+1 {
			t.Fatalf("%d meetings in %d bytes", len(ms), len(text))
		}
		for _, m := range ms {
			if !slices.Contains(kinds, m.Kind) {
				t.Fatalf("bad kind %q", m.Kind)
			}
			if m.Date != "" && !isoDate.MatchString(m.Date) {
				t.Fatalf("bad date %q", m.Date)
			}
			if m.Text == "" || !strings.Contains(text, m.Text) {
				t.Fatalf("text %q is not in the input", m.Text)
			}
			if m.Participants == nil || m.Orgs == nil {
				t.Fatalf("nil lists in %+v", m)
			}
			for _, p := range m.Participants {
				if len(p) != 2 {
					t.Fatalf("bad participant %q", p)
				}
			}
		}
	})
}

// TestMeetingsManyNamedCalls feeds an address of tens of thousands of
// calls, each with someone named by name alone: whether each is named
// with an office anywhere in the text is read once a text, not once a
// call, so the text is read in time in proportion to its size (once a
// call, this megabyte took minutes under the race detector).
func TestMeetingsManyNamedCalls(t *testing.T) {
	var b strings.Builder
	b.WriteString("Dear Ukrainians! ")
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "I also spoke with Aaron K%c%c%cson. ", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26)
	}
	got := Meetings(b.String(), day("2025-04-10"))
	if len(got) != 0 {
		t.Errorf("%d meetings with people the text gives no office, want none", len(got))
	}
}

// TestMeetingsRunOn feeds text that lost its full stops and is all
// meeting words: it must be read in bounded time and give a bounded list.
func TestMeetingsRunOn(t *testing.T) {
	text := strings.Repeat("leaders met at the summit for talks and a phone call with President Macron on Monday ", 5000)
	got := Meetings(text, day("2025-04-10"))
	if len(got) > mtMaxMeetings {
		t.Errorf("%d meetings, want at most %d", len(got), mtMaxMeetings)
	}
}

// TestTalksAbout reads "talks" with a possessive object right after it as
// the verb of one who talks about something, not as talks held.
func TestTalksAbout(t *testing.T) {
	checkFirstMeetings(t, time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC), []firstMeeting{
		{text: "The FBI director talks China's threat on television.", n: 0},
		{text: "Pentagon Chief Talks Russia's War at Senate Hearing", n: 0},
		{text: "The talks with Russia's delegation ended on Monday.", n: 1, kind: "talks", date: "2024-03-04"},
	})
}

// TestCallOnADay reads "held a call on Friday" as a call held that day,
// while "a call on Russia to withdraw" and "a call on Monday for calm"
// stay appeals.
func TestCallOnADay(t *testing.T) {
	checkFirstMeetings(t, time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC), []firstMeeting{
		{text: "The leaders of Sweden and Finland held a call on Thursday.", n: 1, kind: "call", date: "2025-03-13", who: []string{"FI", "SE"}},
		{text: "Tusk and the Estonian prime minister had a call on 12 March.", n: 1, kind: "call", date: "2025-03-12", who: []string{"EE"}},
		{text: "Macron renewed his call on Russia to withdraw its troops.", n: 0},
		{text: "The minister made a call on Monday for calm.", n: 0},
		{text: "His call on 5 countries to act went unanswered.", n: 0},
	})
}

// TestVideoCallOfLeaders makes one video call with the leaders or
// ministers of several states one gathering, as a teleconference is,
// where a video call with one leader stays a call.
func TestVideoCallOfLeaders(t *testing.T) {
	checkFirstMeetings(t, time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC), []firstMeeting{
		{text: "Starmer held a video call with the leaders of Denmark, Norway and Canada on Thursday.", n: 1, kind: "summit", date: "2025-03-13", who: []string{"CA", "DK", "NO"}},
		{text: "The defence ministers of Latvia, Lithuania and Estonia held a video call on Thursday.", n: 1, kind: "ministerial", date: "2025-03-13", who: []string{"EE", "LT", "LV"}},
		{text: "The Lithuanian president held a video call with Ukrainian President Zelensky on Thursday.", n: 1, kind: "call", date: "2025-03-13", who: []string{"LT", "UA"}},
	})
}

// TestHeadsMeetInSummit makes the in-person meeting of two heads of state
// or government a summit, as the guideline has it, and leaves a meeting
// with ministers, officials or the speaker alone.
func TestHeadsMeetInSummit(t *testing.T) {
	checkFirstMeetings(t, time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC), []firstMeeting{
		{text: "Spanish Prime Minister Pedro Sanchez hosted Portuguese President Marcelo Rebelo de Sousa in Madrid on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Madrid"},
		{text: "The Finnish president met the Swedish prime minister in Helsinki on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Helsinki"},
		{text: "The Finnish president met the Swedish defence minister in Helsinki on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Helsinki"},
		{text: "The Finnish president met with the foreign ministers of the Baltic states in Helsinki on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Helsinki"},
		{text: "The foreign ministers of Finland and Sweden met in Helsinki on Thursday.", n: 1, kind: "ministerial", date: "2025-03-13", place: "Helsinki"},
		{text: "The Czech and Slovak prime ministers met in Prague on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Prague"},
		{text: "The Chancellors of Austria and Germany met in Vienna on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Vienna"},
		{text: "The deputy prime ministers of Finland and Sweden met in Helsinki on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Helsinki"},
		{text: "The vice presidents of Finland and Sweden met in Helsinki on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Helsinki"},
		{text: "The former Chancellors of Austria and Germany met in Vienna on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Vienna"},
		{text: "The French and Chinese presidents held talks in Paris on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Paris"},
		{text: "China and Russia are close. Xi hosted Putin for talks in Beijing on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Beijing"},
		{text: "Turkey and Hungary are close. Erdogan met Orban in Budapest on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Budapest"},
		{text: "Macron hosted Zelensky in Paris on Thursday.", n: 1, kind: "summit", date: "2025-03-13", place: "Paris"},
		{text: "Macron hosted Smith in Paris on Thursday.", n: 0},
		{text: "The US defense secretary hosted his Japanese counterpart at the Pentagon on Thursday.", n: 1, kind: "ministerial", date: "2025-03-13", place: "Washington"},
		{text: "The contact group met in Brussels on Thursday, chaired by the British Defence Secretary and the German Defence Minister.", n: 1, kind: "meeting", date: "2025-03-13", place: "Brussels"},
		{text: "The White House press secretary met reporters in Washington on Thursday.", n: 0},
		{text: "Russia and the US are at odds. Blinken met Lavrov in Geneva on Thursday.", n: 1, kind: "meeting", date: "2025-03-13", place: "Geneva"},
		{text: "The delegations of the French and Chinese presidents held talks in Paris on Thursday.", n: 1, kind: "talks", date: "2025-03-13", place: "Paris"},
		{text: "The foreign ministers of Finland and Sweden held talks in Helsinki on Thursday.", n: 1, kind: "ministerial", date: "2025-03-13", place: "Helsinki"},
	})
}
