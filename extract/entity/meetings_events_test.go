package entity

import (
	"slices"
	"testing"

	"github.com/defwatch/defwatch"
)

// event is what a test expects of one meeting read as an event; empty
// fields are not checked, participants nil is not checked either.
type event struct {
	kind, status, date, location string
	participants                 []string
}

// TestMeetingEvents reads meetings as events: said with a verb or a
// noun, with who meets whom, when, where and what became of them; and
// the words that read like meetings but report none.
func TestMeetingEvents(t *testing.T) {
	fri := day("2025-04-11") // a Friday
	tests := []struct {
		name, text string
		want       []event
	}{
		// Said with a verb.
		// Xi stands for China, which Beijing names; Macron for no state:
		// the text never names France.
		{"plans to meet", "Macron plans to meet President Xi in Beijing next week.",
			[]event{{status: "planned", location: "Beijing", participants: []string{"CN"}}}},
		{"is to talk to", "The French president is also to talk to the President of Poland on Monday.",
			[]event{{status: "planned", date: "2025-04-14", participants: []string{"FR", "PL"}}}},
		{"held talks with", "Zelensky held talks with the Prime Minister of Japan on Thursday.",
			[]event{{kind: "talks", status: "held", date: "2025-04-10", participants: []string{"JP"}}}},
		{"negotiations with", "Ukraine continues negotiations with Turkey on grain exports.",
			[]event{{kind: "talks", participants: []string{"TR", "UA"}}}},
		{"discussions between counterparts", "Discussions between the British foreign secretary and her French counterpart focused on Ukraine.",
			[]event{{kind: "talks", participants: []string{"FR", "GB"}}}},
		{"discussed with", "Zelensky discussed air defence with the Prime Minister of Norway on Tuesday.",
			[]event{{status: "held", date: "2025-04-08", participants: []string{"NO"}}}},
		{"summoned an ambassador", "Moscow summoned the British ambassador on Wednesday.",
			[]event{{kind: "meeting", date: "2025-04-09"}}},
		{"called someone in office", "I have personally called German Chancellor Olaf Scholz.",
			[]event{{kind: "call", participants: []string{"DE"}}}},
		{"delegations talk every day", "Ukrainian and Russian delegations speak in video format every day.",
			[]event{{status: "held", participants: []string{"RU", "UA"}}}},
		// Biden stands for the US: the White House names it.
		{"will meet Friday at", "Biden will also meet Friday at the White House with the Kenyan president.",
			[]event{{status: "planned", date: "2025-04-11", location: "Washington", participants: []string{"KE", "US"}}}},
		{"a council's session", "The UN Human Rights Council session opened in Geneva on Monday.",
			[]event{{status: "held", date: "2025-04-07", location: "Geneva"}}},
		{"a security cabinet", "The Israeli security cabinet met on Thursday night.",
			[]event{{status: "held", date: "2025-04-10", participants: []string{"IL"}}}},
		{"Ukrainian, to the speaker", "Слава Україні!\nГоворив сьогодні з Президентом Франції.",
			[]event{{kind: "call", date: "2025-04-11", participants: []string{"FR", "UA"}}}},
		{"Ukrainian video format", "Сьогодні представники делегацій говорять у відеоформаті.",
			[]event{{date: "2025-04-11"}}},
		{"list after many leaders", "Glory to Ukraine!\nI spoke today with many leaders - the United Kingdom, Turkey, France.",
			[]event{{kind: "call", participants: []string{"GB", "UA"}}, {kind: "call", participants: []string{"TR", "UA"}}, {kind: "call", participants: []string{"FR", "UA"}}}},

		// Status.
		{"cancelled", "The summit in Vilnius was cancelled.", []event{{kind: "summit", status: "cancelled", location: "Vilnius"}}},
		{"blocked", "Hungary blocked the EU-Ukraine meeting planned for Thursday.", []event{{status: "cancelled"}}},
		{"called off", "The two were supposed to meet in Jerusalem, but the trip was called off.", []event{{status: "cancelled"}}},
		{"French yesterday before whom", "Le ministre français a rencontré hier son homologue allemand à Paris.",
			[]event{{status: "held", date: "2025-04-10", location: "Paris", participants: []string{"DE", "FR"}}}},
		{"German yesterday and place before whom", "Der französische Außenminister traf gestern in Paris seinen deutschen Amtskollegen.",
			[]event{{status: "held", date: "2025-04-10", location: "Paris", participants: []string{"DE", "FR"}}}},
		{"Russian plural future", "Министры иностранных дел России и США встретятся в Женеве в понедельник.",
			[]event{{status: "planned", date: "2025-04-14", location: "Geneva", participants: []string{"RU", "US"}}}},
		{"Russian future of holding talks", "Президент России проведёт переговоры с президентом Китая в Пекине.",
			[]event{{kind: "talks", status: "planned", location: "Beijing", participants: []string{"CN", "RU"}}}},
		{"Ukrainian future of talks taking place", "Переговори України та Росії пройдуть у Стамбулі.",
			[]event{{kind: "talks", status: "planned", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"the talks of two states name both sides, not the host", "Переговоры России и Украины прошли в Стамбуле.",
			[]event{{kind: "talks", status: "held", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"hosted the ministers of two states", "The Turkish president hosted the Ukrainian and Russian foreign ministers in Antalya on Thursday.",
			[]event{{status: "held", location: "Antalya", participants: []string{"RU", "TR", "UA"}}}},
		{"invited to meet the one who invites", "The Ukrainian president invited the Russian president to meet him in Istanbul on Monday.",
			[]event{{status: "proposed", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"spoke with him, no one told of", "He said he had spoken with him on Tuesday.", nil},
		{"a long subject's verb calls it off", "The meeting between the Russian and Ukrainian foreign ministers was postponed.",
			[]event{{status: "cancelled", participants: []string{"RU", "UA"}}}},
		{"a long subject's verb calls it off, German", "Der Gipfel zwischen dem US-Präsidenten und dem chinesischen Präsidenten wurde abgesagt.",
			[]event{{kind: "summit", status: "cancelled", participants: []string{"CN", "US"}}}},
		{"postponed to a day named", "The meeting between the Russian and Ukrainian foreign ministers was postponed to next Friday.",
			[]event{{status: "planned", date: "2025-04-18"}}},
		{"postponed to a weekday, looking forward", "The meeting between the Russian and Ukrainian foreign ministers was postponed until Monday.",
			[]event{{status: "planned", date: "2025-04-14"}}},
		{"postponed to a month", "The meeting of the Russian and Ukrainian foreign ministers has been postponed until June.",
			[]event{{status: "planned"}}},
		{"moved to a weekday, Ukrainian", "Зустріч президентів України та Польщі перенесли на четвер.",
			[]event{{status: "planned", date: "2025-04-17"}}},
		{"moved to a weekday, Russian", "Встречу президентов России и Турции перенесли на понедельник.",
			[]event{{status: "planned", date: "2025-04-14"}}},
		{"moved, no day named, Ukrainian", "Зустріч президентів України та Польщі перенесли.",
			[]event{{status: "cancelled"}}},
		{"a bloc is no blocking", "The Belarusian leader met with the security chiefs of the states of the former Soviet block, which belong to the CIS, in Minsk on Monday.",
			[]event{{status: "held", location: "Minsk"}}},
		{"proposed", "Zelensky invited Putin to meet in Istanbul on Thursday.",
			[]event{{status: "proposed", date: "2025-04-17", location: "Istanbul"}}},
		{"a plan, then its outcome", "The defence ministers will meet in Brussels on Thursday. The ministers met for six hours.",
			[]event{{status: "planned"}}},
		{"a trip for talks", "Blinken travels to Geneva for talks with Lavrov on Friday.",
			[]event{{kind: "talks", status: "planned", date: "2025-04-11", location: "Geneva"}}},

		// Place.
		{"a venue's city", "Trump met the Japanese prime minister at Mar-a-Lago on Saturday.",
			[]event{{location: "Palm Beach", date: "2025-04-05", participants: []string{"JP"}}}},
		{"a city in the name", "Defence ministers spoke at the Munich Security Conference on Friday.",
			[]event{{kind: "conference", location: "Munich", date: "2025-04-11"}}},
		{"a forum's city", "He was speaking at the Aspen Security Forum.",
			[]event{{kind: "conference", location: "Aspen"}}},
		{"the host is no party", "The leaders held a morning trilateral meeting in Kyiv.",
			[]event{{location: "Kyiv", participants: []string{}}}},

		// Who meets.
		{"A's counterpart B", "Britain's defence secretary and his German counterpart met in Berlin on Wednesday.",
			[]event{{location: "Berlin", date: "2025-04-09", participants: []string{"DE", "GB"}}}},
		{"a name the text ties to a state", "US President Joe Biden arrived on Monday. Biden spoke by phone with the Ukrainian president on Tuesday.",
			[]event{{kind: "call", date: "2025-04-08", participants: []string{"UA", "US"}}}},
		{"what the sentence turns to", "The Latvian foreign minister met with the Australian foreign minister on Monday, outlining his concerns about Russia's aggression.",
			[]event{{participants: []string{"AU", "LV"}}}},
		{"a quotation is no party", "\"Russia must take real steps,\" US President Joe Biden and German Chancellor Olaf Scholz agreed in a phone call on Wednesday.",
			[]event{{kind: "call", participants: []string{"DE", "US"}}}},

		// No meeting.
		{"a press conference", "Stoltenberg emphasized at the Friday conference that NATO stands with Ukraine.", nil},
		{"a document", "The Vilnius Summit Communique commits allies to spend 2%.", nil},
		{"a memorial service", "Leaders gathered for a memorial service in Warsaw on Thursday.", nil},
		{"readiness", "Zelensky said he is ready to meet Putin.", nil},
		{"a demand", "Ukraine demands talks with Russia on prisoner exchanges.", nil},
		{"a solemn meeting", "A solemn meeting was held in Kyiv on Monday to mark the anniversary of the liberation.", nil},
		{"a solemn meeting, Ukrainian", "Урочиста зустріч відбулася в Києві в понеділок з нагоди річниці визволення.", nil},
		{"a festive session, German", "Eine feierliche Sitzung des Bundesrates fand am Montag in Berlin statt.", nil},
		{"a meeting, not solemn", "A meeting with the Polish president was held in Kyiv on Monday.",
			[]event{{status: "held", location: "Kyiv", participants: []string{"PL"}}}},
		{"ongoing negotiations", "Ongoing negotiations with Germany for two more systems are complicated, the Ukrainian minister said.", nil},
		{"long-running talks", "The long-running peace talks between the government and the rebels stalled.", nil},
		{"protracted talks, Ukrainian", "Тривалі переговори з Німеччиною щодо систем ускладнені.", nil},
		{"talks held today, not ongoing", "Ukraine held negotiations with Germany on Thursday on two more systems.",
			[]event{{kind: "talks", status: "held", date: "2025-04-10", participants: []string{"DE", "UA"}}}},
		{"made a call to someone in office", "On Thursday I made an urgent call to the French President.",
			[]event{{kind: "call", status: "held", date: "2025-04-10", participants: []string{"FR"}}}},
		{"made a call to arms", "On Thursday the president made a call to arms.", nil},
		{"made a call to the nation", "The president made a call to the nation to stay calm.", nil},
		{"a state that made the goods is no party", "The Polish president met the Ukrainian president on Monday to discuss Iranian-made drones.",
			[]event{{status: "held", participants: []string{"PL", "UA"}}}},
		{"a state that backs others is no party", "The foreign ministers of France and Iraq met in Baghdad on Monday to discuss Iranian-backed militias.",
			[]event{{status: "held", location: "Baghdad", participants: []string{"FR", "IQ"}}}},
		{"people met in private life", "He kept training until he met Kevin Sterling while stationed at Hickam Air Force Base, Hawaii, in 2009.", nil},
		{"an office meets a name", "The Polish president met Kevin Sterling in Warsaw on Monday.",
			[]event{{status: "held", location: "Warsaw", participants: []string{"PL"}}}},
		{"a refusal, Russian", "Россия отказалась от переговоров с Украиной.", nil},
		{"a refusal, Ukrainian present", "Росія відмовляється від переговорів з Україною.", nil},
		{"would meet on a condition", "The Chinese leader would meet the American president only if sanctions were lifted.", nil},
		{"would meet, reported plan", "The Chinese leader said he would meet the American president in Beijing on Monday.",
			[]event{{status: "planned", location: "Beijing", participants: []string{"CN", "US"}}}},
		{"not on the agenda", "The Kremlin said a meeting between the Russian and Ukrainian presidents was not on the agenda.", nil},
		{"not on the cards", "Talks with the Ukrainian president are not on the cards, the Russian foreign minister said.", nil},
		{"a session of a parliamentary assembly of states", "The session of the Parliamentary Assembly of the Council of Europe opened in Strasbourg on Monday.",
			[]event{{kind: "conference", status: "held", location: "Strasbourg"}}},
		{"a session of one state's parliament", "The session of the Polish parliament opened in Warsaw on Monday.", nil},
		{"a figurative summit", "Polish officials said on Monday that it was not a summit of peace but a summit of war.", nil},
		{"a meeting of minds", "It was a meeting of minds between the French and German leaders on Monday.", nil},
		{"a summit of leaders after is", "The meeting in Vilnius on Tuesday was a summit of NATO leaders.",
			[]event{{kind: "summit", location: "Vilnius"}}},
		{"hosted counterparts of two states", "The Turkish foreign minister hosted his Russian and Ukrainian counterparts in Antalya on Thursday.",
			[]event{{status: "held", date: "2025-04-10", location: "Antalya", participants: []string{"RU", "TR", "UA"}}}},
		{"the host of the speaker's own talks", "Right after our talks in Warsaw on Thursday, the news came.",
			[]event{{kind: "talks", location: "Warsaw", participants: []string{"PL"}}}},
		{"the host of the speaker's own talks, Ukrainian", "Одразу після наших переговорів у Варшаві в четвер надійшла новина.",
			[]event{{kind: "talks", location: "Warsaw", participants: []string{"PL"}}}},
		{"the speaker's talks with a body in its seat", "Our talks in Brussels with NATO went well on Thursday.",
			[]event{{kind: "talks", location: "Brussels", participants: []string{}}}},
		{"recommended talks", "Experts recommended talks between Russia and Ukraine.", nil},
		{"urged to hold talks", "The senator urged Kyiv and Moscow to hold negotiations.", nil},
		{"called on to resume talks", "The pope called on both sides to resume peace talks in Geneva.", nil},
		{"calling on someone to enter talks", "I am still calling Russia to get involved in negotiations and avoid an invasion.", nil},
		{"urged to engage in talks", "Britain urged Russia to engage in talks.", nil},
		{"asked to take part in talks", "The minister asked Belarus to take part in negotiations in Geneva.", nil},
		{"took part in talks", "Ukraine and Russia took part in talks in Istanbul on Tuesday.",
			[]event{{kind: "talks", location: "Istanbul", participants: []string{"RU", "UA"}}}},
		{"a reporter is no party", "The Chinese news agency Xinhua reports that the foreign ministers of NATO countries met in Brussels on Thursday.",
			[]event{{status: "held", location: "Brussels", participants: []string{}}}},
		{"a reporter of its own talks", "The Polish foreign ministry says that it held talks with Germany in Berlin on Thursday.",
			[]event{{status: "held", location: "Berlin", participants: []string{"DE", "PL"}}}},
		{"a reporter of a meeting it asks for", "Ukraine's foreign minister said that the next step was requesting a meeting within 48 hours.",
			[]event{{participants: []string{"UA"}}}},
		{"a clock's zone is no party", "At 12:30 Kyiv time on Thursday, the French president spoke with the Russian president.",
			[]event{{status: "held", participants: []string{"FR", "RU"}}}},
		{"a conflict between states is a topic", "The French president talked to the Russian president on Thursday about the conflict between Russia and Ukraine.",
			[]event{{status: "held", participants: []string{"FR", "RU"}}}},
		{"talks between states", "A round of talks between Russia and Ukraine ended on Thursday.",
			[]event{{kind: "talks", participants: []string{"RU", "UA"}}}},
		{"a series of meetings", "For two weeks, a series of meetings of Russian officials with NATO ministers took place.", nil},
		{"a topic state is no party", "The defense secretary discussed Russia with his Polish counterpart on Tuesday.",
			[]event{{status: "held", date: "2025-04-08", participants: []string{"PL"}}}},
		{"a topic state is no party, Ukrainian", "Міністр обговорив Росію з польським колегою у вівторок.",
			[]event{{status: "held", participants: []string{"PL"}}}},
		{"a list with a serial comma", "The president met leaders of France, Germany, and Italy in Rome on Monday.",
			[]event{{status: "held", date: "2025-04-07", participants: []string{"DE", "FR", "IT"}}}},
		{"a list with a serial comma, proposed", "Zelensky proposed a summit with the participation of Ukraine, Germany, and Turkey.",
			[]event{{status: "proposed", participants: []string{"DE", "TR", "UA"}}}},
		{"a clause after a comma and", "The French president met the Polish president in Warsaw on Monday, and Germany sent more tanks.",
			[]event{{status: "held", participants: []string{"FR", "PL"}}}},
		{"the host of talks a visitor holds", "The UN Secretary-General held negotiations in Ankara on Monday.",
			[]event{{kind: "talks", status: "held", location: "Ankara", participants: []string{"TR"}}}},
		{"the host of talks a state holds", "The German chancellor held talks in Warsaw on Tuesday.",
			[]event{{kind: "talks", status: "held", location: "Warsaw", participants: []string{"DE", "PL"}}}},
		{"the host of the speaker's talks", "I held talks in Kyiv today with the foreign ministers of France and Italy.",
			[]event{{status: "held", location: "Kyiv", participants: []string{"FR", "IT", "UA"}}}},
		{"both sides named, the host is none", "Ministers of Ukraine held talks in Warsaw with colleagues from the United States.",
			[]event{{status: "held", location: "Warsaw", participants: []string{"UA", "US"}}}},
		{"neither side named, the host is none", "Talks were held in Istanbul on Monday.",
			[]event{{kind: "talks", location: "Istanbul", participants: []string{}}}},
		{"encouraged by talks", "Kyiv was encouraged by the talks with the Prime Minister of Japan on Thursday.",
			[]event{{kind: "talks", status: "held", date: "2025-04-10"}}},
		{"a topic", "There can be no negotiations while Russian troops occupy Ukraine.", nil},
		{"what talks would do", "Ongoing negotiations with Putin would lead only to recurring conflict.", nil},
		{"a refusal", "Putin refused to meet Zelensky.", nil},
		{"a meeting ruled out", "The Kremlin on Thursday ruled out a meeting between the Russian and Ukrainian presidents.", nil},
		{"a condition", "If Putin and Zelensky met, the war could end.", nil},
		{"a target met", "The target had been met by the end of March.", nil},
		{"a press conference before a ministerial", "The Secretary General will hold a pre-ministerial press conference on Tuesday.", nil},
		{"a summit's news conference", "The leaders spoke at a summit news conference in Vilnius on Tuesday.", nil},
		{"a target far from met", "Ukraine's target of producing more than one million drones this year has been met, the minister said on Monday.", nil},
		{"met by someone", "The Ukrainian president was met at the airport in Warsaw by the Polish president on Monday.",
			[]event{{kind: "summit", status: "held", date: "2025-04-07", location: "Warsaw", participants: []string{"PL", "UA"}}}},
		{"meeting targets", "In an effort to meet Defense Department funding targets, the service cut jobs.", nil},
		{"a body's requirements met", "The new frigate meets the Navy's requirements.", nil},
		{"a government's guidelines met", "The plan meets the UK Government's guidelines.", nil},
		{"a long owner's standards met", "The tank meets the Federal Procurement Office's strict standards.", nil},
		{"a briefing by conference call", "Pentagon officials told reporters on a conference call that more troops would deploy.", nil},
		{"an agency's interview", "Reuters spoke with five Ukrainian officials, who asked not to be named.", nil},
		{"reporters who met someone", "Ukrainian journalists met the singer in Courchevel on Monday.", nil},
		{"someone met, not a requirement", "The Polish president met the Navy's chief in Gdansk on Monday.",
			[]event{{status: "held", location: "Gdańsk", participants: []string{"PL"}}}},
		{"a conference call between states", "The Polish and Lithuanian presidents held a conference call on Monday.",
			[]event{{kind: "call", status: "held", participants: []string{"LT", "PL"}}}},
		{"an award received", "The Air Force received the Secretary of Defense trophy.", nil},
		{"named, not called", "Biden called President Putin a war criminal.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Meetings(tt.text, fri)
			if len(got) != len(tt.want) {
				t.Fatalf("Meetings(%q) = %d meetings %+v, want %d", tt.text, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				checkEvent(t, got[i], w)
			}
		})
	}
}

func checkEvent(t *testing.T, got defwatch.Meeting, w event) {
	t.Helper()
	if w.kind != "" && got.Kind != w.kind {
		t.Errorf("kind %q, want %q (%+v)", got.Kind, w.kind, got)
	}
	if w.status != "" && got.Status != w.status {
		t.Errorf("status %q, want %q (%+v)", got.Status, w.status, got)
	}
	if w.date != "" && got.Date != w.date {
		t.Errorf("date %q, want %q (%+v)", got.Date, w.date, got)
	}
	if w.location != "" && got.Location != w.location {
		t.Errorf("location %q, want %q (%+v)", got.Location, w.location, got)
	}
	if w.participants != nil && !slices.Equal(got.Participants, w.participants) {
		t.Errorf("participants %v, want %v (%+v)", got.Participants, w.participants, got)
	}
}

// TestMeetingStatuses keeps the statuses the tagger gives to the ones the
// shared types name, and every meeting has one.
func TestMeetingStatuses(t *testing.T) {
	ok := map[string]bool{defwatch.MeetingHeld: true, defwatch.MeetingPlanned: true,
		defwatch.MeetingCancelled: true, defwatch.MeetingProposed: true}
	text := "NATO leaders will hold a summit in The Hague on June 24.\n\nThe ministers met on Monday.\n\n" +
		"A summit in Geneva was postponed.\n\nErdogan invited both sides to talks in Istanbul."
	ms := Meetings(text, day("2025-04-10"))
	if len(ms) < 4 {
		t.Fatalf("%d meetings %+v, want four", len(ms), ms)
	}
	for _, m := range ms {
		if !ok[m.Status] {
			t.Errorf("status %q of %q is none of the shared statuses", m.Status, m.Text)
		}
	}
}

// TestStateNameSubjectTense holds that a state's name before a regular
// past verb makes the sentence past, so a weekday looks back from a Monday
// article; a state's adjective before a participle ("Russian armed
// forces") does not.
func TestStateNameSubjectTense(t *testing.T) {
	mon := day("2024-05-13")
	for _, text := range []string{
		"Russia and Ukraine resumed peace talks in Istanbul on Tuesday.",
		"Iran resumed talks with the IAEA on Tuesday.",
	} {
		ms := Meetings(text, mon)
		if len(ms) != 1 || ms[0].Status != "held" || ms[0].Date != "2024-05-07" {
			t.Errorf("Meetings(%q) = %+v, want one held on 2024-05-07", text, ms)
		}
	}
	s := newScan("Russian armed forces attacked Kharkiv.")
	if s.mtRegularPast(1) {
		t.Error(`"Russian armed": read as a verb in the past`)
	}
}

// TestStaffSession holds a working session with the military ("нарада з
// військовими", "совещание с военными") as a meeting, while a meeting with
// soldiers at the front ("зустріч з військовими") stays a visit to troops.
func TestStaffSession(t *testing.T) {
	pub := day("2022-04-17")
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Розпочав сьогоднішній день із наради з військовими та урядовцями щодо ситуації на фронті.", 1},
		{"Сьогодні провів нараду з військовим командуванням.", 1},
		{"Сегодня провел совещание с военными.", 1},
		{"Сьогодні була зустріч з військовими на передовій.", 0},
		{"Сьогодні була нарада з журналістами.", 0},
	} {
		if ms := Meetings(tt.text, pub); len(ms) != tt.want {
			t.Errorf("Meetings(%q) = %+v, want %d", tt.text, ms, tt.want)
		}
	}
}
