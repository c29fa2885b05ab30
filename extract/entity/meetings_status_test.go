package entity

import (
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestOnTheEve holds that a meeting whose eve a sentence in the present
// speaks of is still to come, in each language, while one whose eve a
// sentence about the past speaks of keeps what the past tense says.
func TestOnTheEve(t *testing.T) {
	pub := time.Date(2022, 3, 22, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, want string
	}{
		{"present", "We continue to coordinate our positions with Canada on the eve of this week's NATO and G7 summits.", defwatch.MeetingPlanned},
		{"opening phrase", "On the eve of the meeting of the G7 finance ministers, these talks with the IMF are a direct preparation.", defwatch.MeetingPlanned},
		{"Ukrainian", "Координуємо наші позиції напередодні саміту НАТО в Брюсселі.", defwatch.MeetingPlanned},
		{"German", "Am Vorabend des Nato-Gipfels in Brüssel beraten die Außenminister.", defwatch.MeetingPlanned},
		{"past", "On the eve of the summit in Bucharest, they argued for weeks.", defwatch.MeetingHeld},
		{"Ukrainian past", "Напередодні саміту НАТО у Брюсселі ми говорили з Президентом Франції.", defwatch.MeetingHeld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) == 0 {
				t.Fatalf("no meeting in %q", tt.text)
			}
			for _, m := range ms {
				if m.Status != tt.want {
					t.Errorf("%s %q: status %q, want %q", m.Kind, m.Text, m.Status, tt.want)
				}
			}
		})
	}
}

// TestSetOffFor holds that a meeting a journey under way or ahead is going
// to is still to come, while one a journey told as done went to, or one
// in a sentence about the past, keeps what the past tense says.
func TestSetOffFor(t *testing.T) {
	checkStatuses(t, time.Date(2024, 4, 23, 9, 0, 0, 0, time.UTC), []meetingStatus{
		{"The British prime minister is heading to Warsaw for talks with the Polish president.", defwatch.MeetingPlanned},
		{"The US secretary of state is on his way to Kyiv to meet Ukraine's foreign minister.", defwatch.MeetingPlanned},
		{"The British prime minister sets off for Warsaw for talks with the Polish president.", defwatch.MeetingPlanned},
		{"Preparations are under way for a summit of NATO leaders in Washington.", defwatch.MeetingPlanned},
		{"The US secretary of state flew to Kyiv for talks with Ukraine's foreign minister.", defwatch.MeetingHeld},
		{"Earlier this month, before heading to Moscow to meet the Russian president, Belarus's leader said he wanted peace.", defwatch.MeetingHeld},
	})
}

// TestCongratulationsAndCondolences holds that a speaker's congratulation
// or condolence to someone in another state's office is a call with that
// state, in each language, and that one to a people, to one's own, by
// someone else, or in writing is none.
func TestCongratulationsAndCondolences(t *testing.T) {
	pub := time.Date(2022, 4, 25, 21, 0, 0, 0, time.UTC)
	const head = "Address by the President of Ukraine.\n\n"
	tests := []meetingParties{
		{head + "I congratulated President of France Macron on winning the elections.", []string{"FR", "UA"}},
		{head + "Today I expressed condolences to the President of the Republic of Lithuania and to the entire Lithuanian people over the murder by Russian soldiers.", []string{"LT", "UA"}},
		{head + "Привітав Президента Франції Макрона з перемогою на виборах.", []string{"FR", "UA"}},
		{head + "Висловив сьогодні співчуття Президенту Литовської Республіки та всьому литовському народу.", []string{"LT", "UA"}},
		{head + "Ich gratulierte dem französischen Präsidenten Macron zum Wahlsieg.", []string{"FR", "UA"}},
		// Near misses.
		{head + "My sincere condolences to relatives and friends.", nil},
		{head + "I congratulated our border guards on their professional day.", nil},
		{head + "I congratulated President of France Macron in a letter.", nil},
		{"Putin congratulated Chinese President Xi Jinping on his re-election.", nil},
	}
	checkParties(t, pub, tests)
}

// TestGovernmentSession holds that a government's session told in a
// leader's address is a meeting of the speaker's state, or of the state
// named with the government, whatever states the session dealt with, and
// that a parliament's session is still none.
func TestGovernmentSession(t *testing.T) {
	pub := time.Date(2022, 2, 28, 21, 0, 0, 0, time.UTC)
	const head = "Address by the President of Ukraine.\n\n"
	tests := []meetingParties{
		{head + "Today, at an ad-hoc Government meeting, we made the following decisions.", []string{"UA"}},
		{head + "Сьогодні на позачерговому засіданні Уряду ми прийняли наступні рішення.", []string{"UA"}},
		{head + "Today, at a session of the Government, an agreement was signed with the Government of Japan.", []string{"UA"}},
		{head + "Сьогодні відбулося засідання Уряду Польщі.", []string{"PL"}},
		// Near misses: a parliament's session.
		{head + "Today, at a session of the Verkhovna Rada, deputies voted for the law.", nil},
		{head + "Сьогодні на засіданні Верховної Ради депутати ухвалили закон.", nil},
	}
	checkParties(t, pub, tests)
}

// TestTalksAsPossibility holds that talks spoken of as a form, a prospect
// or a possibility are no meeting, whoever they would be with, in each
// language, while talks held or planned with someone still are.
func TestTalksAsPossibility(t *testing.T) {
	pub := time.Date(2022, 3, 31, 21, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"In 2019 there was already a format for negotiations with Russia.", 0},
		{"In particular, about the prospects of negotiations in Turkey with the Russian Federation.", 0},
		{"Some allies envisage possible negotiations with Russia's current leadership.", 0},
		{"Зараз багато новин про можливі переговори України та Росії.", 0},
		{"Формат переговорів з Росією мав закінчити війну.", 0},
		{"Die EU verliere ein Druckmittel in möglichen Verhandlungen mit Russland.", 0},
		// Near misses: talks held, and talks to come with a day.
		{"Ukraine and Russia held talks in Istanbul on Tuesday.", 1},
		{"The delegations of Ukraine and Russia will hold peace negotiations in Istanbul on Monday.", 1},
	}
	checkCounts(t, pub, tests)
}

// TestCyrillicGenitivePlural holds that a Ukrainian or Russian noun in
// the genitive plural ("переговорів", "міністрів", "саммитов") is not read
// as a verb in the past, so a meeting to come keeps its status and its
// weekday looks ahead; the verbs that end so ("провів") still tell of a
// meeting held.
func TestCyrillicGenitivePlural(t *testing.T) {
	pub := time.Date(2022, 3, 30, 12, 0, 0, 0, time.UTC) // a Wednesday
	tests := []oneMeeting{
		{"talks ahead", "У п'ятницю в Анкарі відбудеться новий раунд переговорів делегацій України та Туреччини.", defwatch.MeetingPlanned, "2022-04-01"},
		{"eve of ministers", "Напередодні зустрічі міністрів оборони країн НАТО координуємо позиції з Польщею.", defwatch.MeetingPlanned, ""},
		{"Russian talks ahead", "В пятницу в Анкаре состоится новый раунд переговоров делегаций Украины и Турции.", defwatch.MeetingPlanned, "2022-04-01"},
		// Near misses: the verbs in "-ів" and "-ов" tell of the past.
		{"led talks", "У понеділок провів переговори з Президентом Польщі у Варшаві.", defwatch.MeetingHeld, "2022-03-28"},
		{"led a meeting", "У вівторок провів зустріч з Прем'єр-міністром Великої Британії.", defwatch.MeetingHeld, "2022-03-29"},
	}
	checkOneMeeting(t, pub, tests)
}

// TestFrontedMeetingPhrase holds that a meeting told in a phrase that
// opens the sentence, with no verb of its own, takes its tense from the
// clause after the comma: a past one looks back for its weekday, a future
// one is planned, and what is said in that clause does not count.
func TestFrontedMeetingPhrase(t *testing.T) {
	pub := time.Date(2025, 4, 12, 10, 0, 0, 0, time.UTC) // a Saturday
	tests := []oneMeeting{
		{"past", "During a meeting with the Polish president in Kyiv on Monday, the Ukrainian president spoke about the war.", defwatch.MeetingHeld, "2025-04-07"},
		{"future", "At his first meeting with the Polish prime minister, the British prime minister will seek closer ties.", defwatch.MeetingPlanned, ""},
		{"what was said", "During the talks with the French president on Monday, the German chancellor said that aid will come.", defwatch.MeetingHeld, "2025-04-07"},
		{"Ukrainian", "Під час зустрічі з Президентом Польщі у понеділок, Президент України говорив про війну.", defwatch.MeetingHeld, "2025-04-07"},
	}
	checkOneMeeting(t, pub, tests)
}

// oneMeeting is a text that tells of one meeting, with its status and date.
type oneMeeting struct {
	name, text, status, date string
}

// checkOneMeeting holds that each text gives its one meeting, with the
// status and date it says, published at pub.
func checkOneMeeting(t *testing.T, pub time.Time, tests []oneMeeting) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if len(ms) != 1 {
				t.Fatalf("%d meetings in %q, want 1: %+v", len(ms), tt.text, ms)
			}
			if ms[0].Status != tt.status || ms[0].Date != tt.date {
				t.Errorf("status %q date %q, want %q %q", ms[0].Status, ms[0].Date, tt.status, tt.date)
			}
		})
	}
}

// TestPlanOfSomethingElse holds talks held "on a plan to reopen the
// ports" as held on the day past, a plan of something other than a
// meeting; a plan to meet or to visit is a meeting to come.
func TestPlanOfSomethingElse(t *testing.T) {
	pub := time.Date(2022, 7, 9, 11, 0, 0, 0, time.UTC) // a Saturday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Ukrainian and Turkish foreign ministers held talks in Ankara on Monday on a plan to reopen the ports.", n: 1, kind: "ministerial", date: "2022-07-04", place: "Ankara"},
		{text: "The Ukrainian and Polish presidents met in Kyiv on Monday and discussed the peace plan.", n: 1, kind: "summit", date: "2022-07-04", place: "Kyiv"},
		{text: "The White House confirmed the president's plans to meet the Turkish president in Ankara on Monday.", n: 1, kind: "summit", date: "2022-07-11", place: "Ankara"},
	})
	for _, m := range Meetings("The Ukrainian and Turkish foreign ministers held talks in Ankara on Monday on a plan to reopen the ports.", pub) {
		if m.Status != defwatch.MeetingHeld {
			t.Errorf("%q: status %q, want held", m.Text, m.Status)
		}
	}
}

// TestHeldTalksOnAPlan holds talks "held" as past whatever their topic
// says of the future ("on joint exercises planned for 2026"), and a
// meeting whose day stands right before "agreed" as dated by that day.
func TestHeldTalksOnAPlan(t *testing.T) {
	tue := time.Date(2025, 12, 16, 14, 0, 0, 0, time.UTC)
	thu := time.Date(2025, 6, 26, 14, 0, 0, 0, time.UTC)
	tests := []struct {
		text       string
		pub        time.Time
		date, stat string
	}{
		{"On Tuesday, the Russian defence minister held talks in Minsk with his Belarusian counterpart on joint exercises planned for 2026.", tue, "2025-12-16", defwatch.MeetingHeld},
		{"European Union leaders meeting in Brussels on Thursday agreed to extend economic sanctions on Russia.", thu, "2025-06-26", defwatch.MeetingHeld},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, tt.pub)
		if len(ms) != 1 || ms[0].Date != tt.date || ms[0].Status != tt.stat {
			t.Errorf("Meetings(%q) = %+v, want one %s on %s", tt.text, ms, tt.stat, tt.date)
		}
	}
}

// TestHeadlineToMeet holds a headline's "X to meet Y" as a meeting to
// come, and "a trip to Ukraine to meet" in a sentence as no headline; and
// a meeting called off after a phrase set off after it as cancelled.
func TestHeadlineToMeet(t *testing.T) {
	checkStatuses(t, time.Date(2024, 5, 3, 9, 0, 0, 0, time.UTC), []meetingStatus{
		{"The summit of the Russian and US presidents, originally planned for Budapest, was called off.", defwatch.MeetingCancelled},
		{"Biden to meet Zelensky in Paris\n\nThe two leaders will discuss aid, officials said.", defwatch.MeetingPlanned},
		{"Japanese Prime Minister Fumio Kishida made a surprise trip to Ukraine to meet Ukrainian President Volodymyr Zelensky on Tuesday.", defwatch.MeetingHeld},
	})
}
