package entity

import (
	"testing"
	"time"
)

// TestCyrillicGathering holds Ukrainian and Russian verbs of gathering
// whose subject, people who meet, comes after them ("зберуться міністри
// оборони"), and the same verb of collecting money, no meeting.
func TestCyrillicGathering(t *testing.T) {
	pub := time.Date(2022, 4, 15, 12, 0, 0, 0, time.UTC) // a Friday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "Завтра у Брюсселі зберуться міністри оборони країн НАТО.", n: 1, kind: "ministerial", date: "2022-04-16", place: "Brussels"},
		{text: "Вчора в Брюсселі зібралися лідери країн ЄС.", n: 1, kind: "summit", date: "2022-04-14", place: "Brussels"},
		{text: "Завтра в Брюсселе соберутся министры обороны стран НАТО.", n: 1, kind: "ministerial", date: "2022-04-16", place: "Brussels"},
		{text: "Волонтери зібрали 10 мільйонів гривень на дрони.", n: 0},
	})
}

// TestTallyAndAttempt holds a tally of meetings ("almost a dozen
// meetings") and an attempt at one ("three attempts to convene
// consultations") as no meeting, and a name with a number in it ("the
// Group of Seven summit") as the meeting it names.
func TestTallyAndAttempt(t *testing.T) {
	pub := time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC) // a Friday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The UN Security Council has convened almost a dozen meetings on Ukraine since February.", n: 0},
		{text: "Since 2014, Ukraine has made three attempts to convene consultations with the guarantor states.", n: 0},
		{text: "The Pope tried to arrange a meeting with the Russian president in Moscow last year.", n: 0},
		{text: "Since 2014, Ukraine has tried three times to convene consultations with the guarantor states.", n: 0},
		{text: "The Group of Seven summit opened in Hiroshima on Friday.", n: 1, kind: "summit", date: "2024-05-03", place: "Hiroshima"},
	})
}

// TestNoSittingOrAnyTalks holds a sitting of a parliament ("a joint
// meeting of Congress") and talks of no occasion in particular ("at any
// talks", "на будь-яких переговорах") as no meeting, and a body named a
// congress of its own as one.
func TestNoSittingOrAnyTalks(t *testing.T) {
	pub := time.Date(2022, 4, 27, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Israeli prime minister warned against a bad deal in his March 3 address to a joint meeting of Congress.", n: 0},
		{text: "Russia would guarantee nothing at any talks with Ukraine, the minister said.", n: 0},
		{text: "Інакше що тоді взагалі може гарантувати Росія на будь-яких переговорах?", n: 0},
		{text: "A meeting of the Congress of Local and Regional Authorities took place today.", n: 1, kind: "meeting", date: "2022-04-27"},
	})
}

// TestWithThePress holds talking with the press ("spoke with
// representatives of the Ukrainian media") as no meeting, and talking
// with a leader about the press as one.
func TestWithThePress(t *testing.T) {
	pub := time.Date(2022, 4, 27, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Ukrainian president spoke with representatives of the Ukrainian media.", n: 0},
		{text: "The Ukrainian president spoke today with the Polish president about the press freedom law.", n: 1, kind: "call", date: "2022-04-27", who: []string{"PL", "UA"}},
	})
}

// TestForumThatActs holds a named forum that acts ("honoured by the World
// Economic Forum", "the Kohelet Policy Forum said") as a body, no
// gathering, and one spoken at as its gathering.
func TestForumThatActs(t *testing.T) {
	pub := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC) // a Thursday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "He was honoured as a Young Global Leader by the World Economic Forum in 2013.", n: 0},
		{text: "The World Economic Forum reports that 41% of employers plan to cut jobs.", n: 0},
		{text: "The Kohelet Policy Forum said the ruling was wrong.", n: 0},
		{text: "The Ukrainian president spoke at the World Economic Forum in Davos on Tuesday.", n: 1, kind: "conference", date: "2024-03-12", place: "Davos"},
	})
}

// TestUkrainianCallsAndTalks holds Ukrainian words of a phone call
// ("дзвінок", "зідзвонився"), of talks ("перемовини") and of receiving a
// guest ("прийняти"), and talks with firms as none.
func TestUkrainianCallsAndTalks(t *testing.T) {
	pub := time.Date(2022, 4, 15, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "Також був дзвінок від Президента Туреччини.", n: 1, kind: "call", who: []string{"TR"}},
		{text: "Провели перемовини з польськими колегами.", n: 1, kind: "talks", who: []string{"PL"}},
		{text: "Мав честь прийняти в Києві Президента Польщі.", n: 1, kind: "meeting", place: "Kyiv", who: []string{"PL"}},
		{text: "Зараз ми ведемо перемовини з американськими партнерами та українськими виробниками щодо модульних будинків.", n: 0},
	})
}
