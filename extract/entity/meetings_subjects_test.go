package entity

import (
	"slices"
	"testing"
	"time"
)

// TestMeetingSubjects holds meetings told by who did what: a guest hosted
// by surname, two sides who discussed something with each other, a
// cabinet or council that met, and a meeting demanded rather than
// reported. Each kind has near misses that are no meeting.
func TestMeetingSubjects(t *testing.T) {
	pub := time.Date(2024, 10, 11, 12, 0, 0, 0, time.UTC) // a Friday
	type want struct {
		kind, date, place string
		who               []string
	}
	tests := []struct {
		name, text string
		want       []want
	}{
		{"host a surname", "The United States and Ukraine are allies. Trump hosted Zelensky at Mar-a-Lago on Sunday.",
			[]want{{"summit", "2024-10-06", "Palm Beach", []string{"UA", "US"}}}},
		{"host a surname, no place", "France and Germany are allies. Scholz hosted Macron on Tuesday.",
			[]want{{"summit", "2024-10-08", "", []string{"DE", "FR"}}}},
		{"host a surname's thing", "France and Germany are allies. Scholz hosted Macron's exhibition on Tuesday.", nil},
		{"host an unknown name", "France and Germany are allies. Scholz hosted Eurovision on Tuesday.", nil},
		{"two discussed", "Ukrainian President Volodymyr Zelensky thanked Poland's President Andrzej Duda. Zelensky and Duda discussed arms supplies on Tuesday.",
			[]want{{"meeting", "2024-10-08", "", []string{"PL", "UA"}}}},
		{"two states discussed", "The US and Russia discussed the New START treaty's future in Geneva on Monday.",
			[]want{{"meeting", "2024-10-07", "Geneva", []string{"RU", "US"}}}},
		{"two of one state discussed", "US President Joe Biden and Vice President Kamala Harris discussed the campaign on Tuesday.", nil},
		{"two discussed, passive", "A possible summit of the presidents of France and Russia was discussed.", nil},
		{"two with no state discussed", "In the film, two prison inmates, Andy and Red, discuss their future.", nil},
		{"security cabinet", "Israel struck Iran overnight. Israel's security cabinet met late on Saturday to discuss the response.",
			[]want{{"meeting", "2024-10-05", "", []string{"IL"}}}},
		{"council meets", "The European Council meets in Brussels on Thursday and Friday.",
			[]want{{"meeting", "2024-10-10", "Brussels", []string{}}}},
		{"town council", "Ukraine's allies sent aid. The town council met on Tuesday.", nil},
		{"demand", "Russian President Vladimir Putin spoke. Putin should meet Ukrainian President Volodymyr Zelensky, the chancellor said.", nil},
		{"demand, must", "Russian President Vladimir Putin spoke. Putin must meet Ukrainian President Volodymyr Zelensky, Macron said.", nil},
		{"German demand", "Der russische Präsident Wladimir Putin müsste sich mit dem ukrainischen Präsidenten treffen.", nil},
		{"plan", "Russian President Vladimir Putin spoke. Putin will meet Ukrainian President Volodymyr Zelensky in Istanbul on Monday.",
			[]want{{"summit", "2024-10-14", "Istanbul", []string{"RU", "UA"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			var got []want
			for _, m := range ms {
				got = append(got, want{m.Kind, m.Date, m.Location, m.Participants})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Meetings(%q) = %+v, want %+v", tt.text, ms, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.kind != w.kind || g.date != w.date || g.place != w.place || !slices.Equal(g.who, w.who) {
					t.Errorf("meeting %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestMeetingClauseEdges holds what stands around a meeting's verb: a day
// between the verb and whom, a reporting clause after the one spoken
// with, and a year that starts a span rather than dating the meeting.
func TestMeetingClauseEdges(t *testing.T) {
	pub := time.Date(2024, 10, 12, 12, 0, 0, 0, time.UTC) // a Saturday
	tests := []struct {
		name, text string
		n          int // meetings
		date       string
		who        []string
	}{
		{"French day before avec", "Le président français Emmanuel Macron s'est entretenu vendredi avec le président ukrainien Volodymyr Zelensky.",
			1, "2024-10-11", []string{"FR", "UA"}},
		{"English day before with", "US President Joe Biden spoke on Tuesday with Ukrainian President Volodymyr Zelensky.",
			1, "2024-10-08", []string{"UA", "US"}},
		{"French report after", "Emmanuel Macron s'est entretenu avec Volodymyr Zelensky, a indiqué l'Élysée. La France soutient l'Ukraine.",
			1, "", []string{"FR", "UA"}},
		{"German report after", "Der französische Präsident Emmanuel Macron telefonierte mit Wolodymyr Selenskyj, wie der Élysée-Palast mitteilte. Frankreich unterstützt die Ukraine.",
			1, "", []string{"FR", "UA"}},
		{"Russian report after", "Президент России Владимир Путин в пятницу провел телефонный разговор с президентом Турции Реджепом Тайипом Эрдоганом, сообщила пресс-служба Кремля.",
			1, "2024-10-11", []string{"RU", "TR"}},
		{"a list goes on", "Ukraine's president spoke by phone with the presidents of France, Germany and Poland.",
			3, "", nil},
		{"since a year", "Ukrainian and Russian delegations met in Istanbul on Friday for the first direct talks since 2022.",
			1, "2024-10-11", []string{"RU", "UA"}},
		{"German since a year", "Ukrainische und russische Delegationen trafen sich am Freitag in Istanbul zu den ersten direkten Gesprächen seit 2022.",
			1, "2024-10-11", []string{"RU", "UA"}},
		{"in a year", "Ukrainian and Russian delegations met in Istanbul in 2022.",
			1, "", []string{"RU", "UA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != tt.n {
				t.Fatalf("Meetings(%q) = %+v, want %d", tt.text, ms, tt.n)
			}
			if tt.who == nil {
				return
			}
			if ms[0].Date != tt.date || !slices.Equal(ms[0].Participants, tt.who) {
				t.Errorf("Meetings(%q) = %+v, want date %q, participants %v", tt.text, ms[0], tt.date, tt.who)
			}
		})
	}
}

// TestMeetingReceivedAndLeft holds a guest received, a call received, a
// count of states before the verb, and a trip after the meeting whose
// place is no meeting's.
func TestMeetingReceivedAndLeft(t *testing.T) {
	pub := time.Date(2025, 4, 12, 12, 0, 0, 0, time.UTC) // a Saturday
	checkFirstMeetings(t, pub, []firstMeeting{
		{"Ukrainian Foreign Minister Andrii Sybiha received his Lithuanian counterpart in Kyiv on Friday.", 1, "ministerial", "2025-04-11", "Kyiv", []string{"LT", "UA"}},
		{"The Ukrainian president received the Polish delegation in Kyiv.", 1, "meeting", "", "Kyiv", []string{"PL", "UA"}},
		{"Ukrainian President Volodymyr Zelensky received a letter from US President Joe Biden on Friday.", 0, "", "", "", nil},
		{"The Air Force received the secretary of defense trophy for the best program.", 0, "", "", "", nil},
		{"Ukraine received 31 Abrams tanks from the United States.", 0, "", "", "", nil},
		{"Ukrainian President Volodymyr Zelensky received a call from US President Joe Biden on Friday.", 1, "call", "2025-04-11", "", []string{"UA", "US"}},
		{"The Ukrainian government received a call from the opposition for calm.", 0, "", "", "", nil},
		{"Defence ministers from more than 50 countries met in Brussels on Friday.", 1, "ministerial", "2025-04-11", "Brussels", []string{}},
		{"There will be more meetings than before.", 0, "", "", "", nil},
		{"After meeting German Chancellor Olaf Scholz on Thursday, Ukrainian President Volodymyr Zelensky travelled to Rome.", 1, "summit", "2025-04-10", "", []string{"DE", "UA"}},
		{"Ukrainian President Volodymyr Zelensky met German Chancellor Olaf Scholz on Thursday before flying to Rome.", 1, "summit", "2025-04-10", "", []string{"DE", "UA"}},
		{"Ukrainian President Volodymyr Zelensky travelled to Rome to meet Italian Prime Minister Giorgia Meloni.", 1, "summit", "", "Rome", []string{"IT", "UA"}},
	})
}

// TestMeetingGuestsInAddresses holds a leader's address that tells guests
// who came "to us" or "were in Kyiv", offices shared by a list of states
// joined by commas, and talking told with "поспілкувався".
func TestMeetingGuestsInAddresses(t *testing.T) {
	pub := time.Date(2022, 5, 10, 20, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"Шановні українці! Сьогодні до нас приїхали прем'єр-міністри Польщі, Чехії та Словенії. Ми обговорили оборонну допомогу. Слава Україні!",
			[]string{"CZ", "PL", "SI", "UA"}},
		{"Шановні українці! Сьогодні в Києві був Прем'єр-міністр Канади. Ми провели переговори. Слава Україні!",
			[]string{"CA", "UA"}},
		{"Шановні українці! Сьогодні в Києві був Прем'єр-міністр Канади. Слава Україні!", nil},
		{"Шановні українці! Сьогодні я поспілкувався з Президентом Туреччини Реджепом Тайіпом Ердоганом. Слава Україні!",
			[]string{"TR", "UA"}},
		{"Шановні українці! Сьогодні я поспілкувався з журналістами. Слава Україні!", nil},
		{"Шановні українці! Сьогодні відбулося засідання Ради національної безпеки і оборони. Слава Україні!",
			[]string{"UA"}},
		{"Шановні українці! Сьогодні провів засідання РНБО. Слава Україні!", []string{"UA"}},
		{"Шановні українці! Рада ЄС ухвалила рішення. Слава Україні!", nil},
		{"Шановні українці! Наша делегація провела черговий раунд переговорів з російською стороною. Слава Україні!",
			[]string{"RU", "UA"}},
		{"The Prime Ministers of Poland, the Czech Republic and Slovenia met in Kyiv on Tuesday.",
			[]string{"CZ", "PL", "SI"}},
		{"The President of Poland, Ukraine's ally, met the Ukrainian president in Kyiv on Tuesday.",
			[]string{"PL", "UA"}},
	})
}

// TestMeetingGermanClauseEnds holds German verbs whose meeting word ends
// the clause ("kam … zusammen", "hat … empfangen"), a venue after "im",
// a talk on a summit's sidelines, which is no call of its own, a guest
// after the day ("empfing am Dienstag den … Präsidenten"), and ministers
// of any portfolio who confer ("die EU-Innenminister beraten").
func TestMeetingGermanClauseEnds(t *testing.T) {
	pub := time.Date(2024, 10, 12, 12, 0, 0, 0, time.UTC) // a Saturday
	checkFirstMeetings(t, pub, []firstMeeting{
		{"Der deutsche Kanzler kam am Freitag mit dem französischen Präsidenten Emmanuel Macron zusammen.", 1, "summit", "2024-10-11", "", nil},
		{"Die Außenminister Deutschlands und Frankreichs sind am Montag in Paris zusammengekommen.", 1, "ministerial", "2024-10-07", "Paris", nil},
		{"Selenskyj wird am Montag in Washington mit US-Präsident Joe Biden zusammentreffen.", 1, "summit", "2024-10-14", "Washington", nil},
		{"Deutschland arbeitet eng mit Frankreich zusammen.", 0, "", "", "", nil},
		{"Der Kanzler reiste zusammen mit dem französischen Präsidenten nach Kiew.", 0, "", "", "", nil},
		{"Bundeskanzler Olaf Scholz hat am Freitag den ukrainischen Präsidenten Wolodymyr Selenskyj in Berlin empfangen.", 1, "summit", "2024-10-11", "Berlin", nil},
		{"Kanzler Faymann empfing am Dienstag den slowakischen Präsidenten in Wien.", 1, "summit", "2024-10-08", "Vienna", nil},
		{"Die EU-Innenminister beraten am Montag in Brüssel über die Flüchtlingskrise.", 1, "ministerial", "2024-10-14", "Brussels", nil},
		{"Der deutsche Kanzler wird am Montag den polnischen Ministerpräsidenten im Kanzleramt empfangen.", 1, "summit", "2024-10-14", "Berlin", nil},
		{"Die Bundeswehr hat die ersten Signale empfangen.", 0, "", "", "", nil},
		{"Die Ukraine hat die ersten Panzer empfangen.", 0, "", "", "", nil},
		{"Im Weißen Haus empfing Biden am Freitag den israelischen Ministerpräsidenten Benjamin Netanjahu.", 1, "summit", "2024-10-11", "Washington", nil},
		{"On the sidelines of the summit, German Chancellor Olaf Scholz spoke with Chinese leader Xi Jinping.", 1, "summit", "", "", nil},
		{"Am Rande des Gipfels sprach Bundeskanzler Olaf Scholz mit dem chinesischen Staatschef Xi Jinping.", 1, "summit", "", "", nil},
		{"During the summit, German Chancellor Olaf Scholz spoke by phone with Chinese leader Xi Jinping.", 2, "summit", "", "", nil},
	})
}

// TestMeetingJudged holds a meeting spoken of only to be judged, which is
// no occasion, beside one judged after it took place.
func TestMeetingJudged(t *testing.T) {
	pub := time.Date(2024, 10, 12, 12, 0, 0, 0, time.UTC)
	checkCounts(t, pub, []meetingCount{
		{"Ukraine's foreign minister said a summit with Russia was premature.", 0},
		{"A meeting between Putin and Zelensky is impossible, the Kremlin said.", 0},
		{"The summit with Russia was a success, Ukraine's foreign minister said.", 1},
		{"A summit with Russia was held in Geneva on Monday.", 1},
	})
}

// TestMeetingOtherLanguagesNotOccasions holds, in German, French,
// Ukrainian and Russian, what the English readings already leave out: a
// press conference, talks judged or wished for; and the French future
// that plans a meeting.
func TestMeetingOtherLanguagesNotOccasions(t *testing.T) {
	pub := time.Date(2024, 10, 12, 12, 0, 0, 0, time.UTC)
	checkStatuses(t, pub, []meetingStatus{
		{"Die Pressekonferenz findet am Montag statt.", ""},
		{"Прес-конференція відбудеться у понеділок.", ""},
		{"Пресс-конференция состоится в понедельник.", ""},
		{"Verhandlungen mit Russland sind derzeit unmöglich.", ""},
		{"Ein Gipfel mit Russland wäre verfrüht.", ""},
		{"Des négociations avec la Russie sont impossibles pour le moment.", ""},
		{"Переговоры с Украиной невозможны, заявили в Кремле.", ""},
		{"Selenskyj ist zu einem Treffen mit Putin bereit.", ""},
		{"Die Videokonferenz der NATO-Staats- und Regierungschefs findet am Montag statt.", "planned"},
		{"Verhandlungen mit Russland fanden am Freitag in Istanbul statt.", "held"},
		{"Le sommet de l'OTAN se tiendra à Washington en juillet.", "planned"},
		{"Le président français s'entretiendra lundi avec son homologue ukrainien.", "planned"},
		{"Le président français entretient de bonnes relations avec son homologue ukrainien.", ""},
	})
}

// TestMeetingCallsPlacesAndDays holds a call praised in quotes, summit
// towns and cities newly known, and a day that belongs to an arrival
// before the talks rather than to the talks.
func TestMeetingCallsPlacesAndDays(t *testing.T) {
	pub := time.Date(2025, 3, 12, 12, 0, 0, 0, time.UTC) // a Wednesday
	checkFirstMeetings(t, pub, []firstMeeting{
		{`U.S. President Donald Trump said he had a "very good" call with Russian President Vladimir Putin.`, 1, "call", "", "", nil},
		{"Chinese President Xi Jinping attended the SCO summit in Tianjin on Monday.", 1, "summit", "2025-03-10", "Tianjin", nil},
		{"The two-day summit of European Union leaders begins in Versailles.", 1, "summit", "2025-03-12", "Versailles", nil},
		{"Ukrainian President Volodymyr Zelensky and U.S. President Donald Trump held a closed-door meeting at the Vatican on Saturday.", 1, "summit", "2025-03-08", "Vatican City", nil},
		{"Ukrainian President Volodymyr Zelensky arrived in Saudi Arabia on Monday ahead of talks with U.S. officials.", 1, "talks", "", "", nil},
		{"Ukrainian President Volodymyr Zelensky met with U.S. President Donald Trump in the Oval Office on Friday.", 1, "summit", "2025-03-07", "Washington", nil},
		{"Ukrainian President Volodymyr Zelensky will travel to Jeddah on Monday for talks with U.S. officials.", 1, "talks", "2025-03-17", "Jeddah", nil},
	})
}

// TestMeetingPrivatePeople holds conversations with people the text gives
// no office, state or body, which are no meetings between states, beside
// officials named by surname, in an office said elsewhere, or with a word
// that says who they are.
func TestMeetingPrivatePeople(t *testing.T) {
	pub := time.Date(2022, 5, 10, 20, 0, 0, 0, time.UTC)
	checkCounts(t, pub, []meetingCount{
		{"Dear Ukrainians! I also spoke with Ashton Kutcher and Mila Kunis. Glory to Ukraine!", 0},
		{"Шановні українці! Також поспілкувався з Ештоном Кутчером і Мілою Куніс. Слава Україні!", 0},
		{"Dear Ukrainians! Inspirational conversation with Elon Musk. Glory to Ukraine!", 0},
		{"Dear Ukrainians! NATO Secretary General Jens Stoltenberg was in Madrid. I also spoke with Jens Stoltenberg. Glory to Ukraine!", 1},
		{"Dear Ukrainians! I spoke with Mark Rutte today. Glory to Ukraine!", 1},
		{"Dear Ukrainians! France is with us. I spoke with Emmanuel Macron today. Glory to Ukraine!", 1},
		{"Шановні українці! Обговорив це сьогодні з Шарлем Мішелем. Слава Україні!", 1},
		{"Шановні українці! Сьогодні вранці я говорив з Його Святістю Папою Франциском. Слава Україні!", 1},
		{"Dear Ukrainians! I held a meeting with representatives of the Verkhovna Rada today. Glory to Ukraine!", 1},
	})
}

// TestMeetingHostCapital holds a capital that says where a meeting was,
// which names no party unless the sentence names its state otherwise, and
// people met by a lower-case office ("the NATO chief", "lawmakers").
func TestMeetingHostCapital(t *testing.T) {
	pub := time.Date(2025, 3, 12, 12, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"Turkish Foreign Minister Hakan Fidan met Ukrainian leaders in Doha.", []string{"TR", "UA"}},
		{"Turkish Foreign Minister Hakan Fidan met Hamas leaders in Doha.", []string{"TR"}},
		{"Turkish Foreign Minister Hakan Fidan met Qatari officials in Doha.", []string{"QA", "TR"}},
		{"Ukraine's president met the NATO chief in Kyiv.", []string{"UA"}},
		{"Ukraine's president met with U.S. lawmakers in Washington.", []string{"UA", "US"}},
	})
}

// TestMeetingStayedAway holds a state that kept out of a meeting, which is
// no party to it.
func TestMeetingStayedAway(t *testing.T) {
	pub := time.Date(2025, 3, 12, 12, 0, 0, 0, time.UTC)
	ms := Meetings("Hungary boycotted the EU summit in Brussels on Thursday.", pub)
	if len(ms) != 1 || len(ms[0].Participants) != 0 || ms[0].Location != "Brussels" {
		t.Errorf("Meetings = %+v, want the summit in Brussels without HU", ms)
	}
	for _, text := range []string{
		"Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv, and Duda declined to comment.",
		"Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv and declined to comment.",
	} {
		ms = Meetings(text, pub)
		if len(ms) != 1 || !slices.Equal(ms[0].Participants, []string{"PL", "UA"}) {
			t.Errorf("Meetings(%q) = %+v, want one with PL and UA", text, ms)
		}
	}
}

// firstMeeting is a text, how many meetings it tells, and the kind, date,
// place and (when who is not nil) participants of the first.
type firstMeeting struct {
	text              string
	n                 int
	kind, date, place string
	who               []string
}

// checkFirstMeetings tags each text as published at pub and checks it.
func checkFirstMeetings(t *testing.T, pub time.Time, tests []firstMeeting) {
	t.Helper()
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != tt.n {
			t.Errorf("Meetings(%q) = %+v, want %d", tt.text, ms, tt.n)
			continue
		}
		if tt.n == 0 {
			continue
		}
		if m := ms[0]; m.Kind != tt.kind || m.Date != tt.date || m.Location != tt.place || tt.who != nil && !slices.Equal(m.Participants, tt.who) {
			t.Errorf("Meetings(%q) = %+v, want first %s on %q in %q with %v", tt.text, m, tt.kind, tt.date, tt.place, tt.who)
		}
	}
}

// TestCityStateLocation holds a meeting in a state whose capital bears
// its name ("met in Luxembourg") as held in that city, and the same
// name further from the meeting word, where something else is, as no
// place.
func TestCityStateLocation(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "EU foreign ministers met in Luxembourg on Monday.", n: 1, kind: "ministerial", date: "2025-05-05", place: "Luxembourg"},
		{text: "The French and US presidents met on Monday in Monaco.", n: 1, kind: "summit", date: "2025-05-05", place: "Monaco"},
		{text: "The French and Djiboutian defence ministers met in Djibouti on Monday.", n: 1, kind: "ministerial", date: "2025-05-05", place: "Djibouti"},
		{text: "The Polish and Ukrainian presidents met on Monday to discuss the naval base that France has long run in Djibouti.", n: 1, kind: "summit", date: "2025-05-05", place: ""},
	})
}

// TestPlaceStateIsNoParty holds a state set after a city to say where it
// lies ("in Bali, Indonesia,") as no party, while a state's official
// named after the place ("in Munich, Germany's foreign minister said")
// and a host named as the place's possessor ("in Vilnius, Lithuania's
// capital") are.
func TestPlaceStateIsNoParty(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Chinese and US presidents met in Bali, Indonesia, on Monday.", n: 1, kind: "summit", date: "2025-05-05", place: "Bali", who: []string{"CN", "US"}},
		{text: "The Ukrainian and US delegations met in Geneva, Switzerland.", n: 1, kind: "meeting", place: "Geneva", who: []string{"UA", "US"}},
		{text: "The US and Chinese presidents met in San Francisco, California, on Wednesday.", n: 1, kind: "summit", date: "2025-05-07", place: "San Francisco", who: []string{"CN", "US"}},
		{text: "NATO leaders will hold a summit in Vilnius, Lithuania's capital, next week.", n: 1, kind: "summit", place: "Vilnius", who: []string{"LT"}},
		{text: "At a security conference in Munich, Germany's foreign minister said the world was at a dangerous moment.", n: 1, kind: "conference", place: "Munich", who: []string{"DE"}},
	})
}

// TestPronounOfTheSentence holds a pronoun subject of a clause ("where
// he is due to meet") as the one the sentence names before it, whom the
// text ties to a state.
func TestPronounOfTheSentence(t *testing.T) {
	pub := time.Date(2023, 2, 20, 18, 0, 0, 0, time.UTC) // a Monday
	text := "U.S. President Joe Biden made an unannounced visit to Kyiv on Monday.\n\n" +
		"Biden will travel on to Poland, where he is due to meet the Polish president in Warsaw on Tuesday."
	ms := Meetings(text, pub)
	if len(ms) == 0 || !slices.Equal(ms[len(ms)-1].Participants, []string{"PL", "US"}) || ms[len(ms)-1].Date != "2023-02-21" {
		t.Errorf("Meetings(%q) = %+v, want the last of PL and US on 2023-02-21", text, ms)
	}
}

// TestPronounAfterOpeningTime holds a pronoun subject after a time or
// place word that opens its sentence ("On Friday she met", "There he held
// talks") as the one the sentence before names with a state.
func TestPronounAfterOpeningTime(t *testing.T) {
	checkParties(t, time.Date(2025, 3, 17, 9, 0, 0, 0, time.UTC), []meetingParties{
		{"The Polish president travelled to Vilnius. There he held talks with his Lithuanian counterpart.", []string{"LT", "PL"}},
		{"The Polish foreign minister is touring the region. On Friday she met her Lithuanian counterpart in Vilnius.", []string{"LT", "PL"}},
		{"The Polish president flew to Vilnius on Sunday. Later he met the Lithuanian president.", []string{"LT", "PL"}},
	})
}

// TestPronounAroundDuring holds a pronoun subject of the clause around a
// phrase of a meeting ("He announced more aid during a meeting with the
// Ukrainian prime minister", "During a meeting with …, he pledged") as
// the one the sentence before names, the state of the one met aside.
func TestPronounAroundDuring(t *testing.T) {
	checkParties(t, time.Date(2022, 9, 1, 9, 0, 0, 0, time.UTC), []meetingParties{
		{"US President Joe Biden spoke at the White House. He announced a further $2.8bn (£2.4bn) in aid during a meeting with the Ukrainian prime minister on Thursday.", []string{"UA", "US"}},
		{"The US secretary of state arrived in Kyiv. During a meeting with the Ukrainian foreign minister on Thursday, he pledged more aid.", []string{"UA", "US"}},
	})
}

// TestDescribedPlace holds a place named after words that describe it
// ("in the Saudi city of Jeddah", "the Black Sea port of Odesa", "im
// maltesischen Valletta") as the meeting's place, and a place after "of"
// alone ("the outskirts of Kyiv") as none.
func TestDescribedPlace(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Ukrainian and US delegations met in the Saudi city of Jeddah on Tuesday.", n: 1, kind: "meeting", date: "2025-05-06", place: "Jeddah", who: []string{"UA", "US"}},
		{text: "The Turkish and Ukrainian foreign ministers met in the Black Sea port of Odesa on Tuesday.", n: 1, kind: "ministerial", date: "2025-05-06", place: "Odesa"},
		{text: "Die Außenminister Polens und Litauens trafen sich am Dienstag im maltesischen Valletta.", n: 1, kind: "ministerial", date: "2025-05-06", place: "Valletta"},
		{text: "The Turkish and Ukrainian foreign ministers met on the outskirts of Kyiv on Tuesday.", n: 1, kind: "ministerial", date: "2025-05-06", place: ""},
	})
}

// TestSubjectBeforeRelative holds the subject of a meeting set off from
// its verb by a relative clause ("Zelenskyy, who flew to Turkey on
// Thursday, held talks with ...") as a party, by the state the text ties
// the name to.
func TestSubjectBeforeRelative(t *testing.T) {
	pub := time.Date(2025, 5, 16, 12, 0, 0, 0, time.UTC)
	checkMeetingLists(t, pub, []meetingLists{
		{"Ukraine's delegation arrived. Zelenskyy, who flew to Turkey on Thursday, held talks with Turkish President Recep Tayyip Erdogan in Ankara that day.",
			[][]string{{"TR", "UA"}}},
	})
}
