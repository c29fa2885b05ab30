package entity

import (
	"slices"
	"testing"
	"time"
)

// TestDayOfTheMeeting holds three ways a meeting's day is told: a
// weekday in the possessive qualifies the meeting, not the saying after
// a reporting verb ("said after Thursday's talks"); a meeting in an
// opening phrase takes the time of the main clause's own verb, not of
// what was said there; and two weekdays in a row ("next Thursday and
// Friday") are one meeting's days.
func TestDayOfTheMeeting(t *testing.T) {
	pub := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC) // a Friday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The Czech prime minister said after Thursday's talks with his Slovak counterpart in Bratislava that the two would coordinate.", n: 1, kind: "summit", date: "2025-03-13", place: "Bratislava"},
		{text: "After Thursday's talks with his Slovak counterpart in Bratislava, the Czech prime minister said the two would coordinate.", n: 1, kind: "talks", date: "2025-03-13", place: "Bratislava"},
		{text: "EU leaders will meet in Brussels next Thursday and Friday to discuss defence spending, officials said.", n: 1, kind: "summit", date: "2025-03-20", place: "Brussels"},
		{text: "The foreign ministers of Turkey and Greece met in Athens on Tuesday and again on Thursday.", n: 2, kind: "ministerial", date: "2025-03-11", place: "Athens"},
		{text: "The French president received the Chinese president at the Elysee on Monday.", n: 1, kind: "summit", date: "2025-03-10", place: "Paris"},
		{text: "The Ukrainian president arrived in Washington on Thursday to meet the US president on Friday.", n: 1, kind: "summit", date: "2025-03-14", place: "Washington"},
		{text: "The German chancellor met the French president in Paris on Monday and said that Russia must withdraw.", n: 1, kind: "summit", date: "2025-03-10", place: "Paris"},
		{text: "At the meeting of the security council on Monday, the secretary argued that the West wanted war.", n: 1, kind: "meeting", date: "2025-03-10"},
	})
}

// TestOpensToday holds a meeting that opens in the present ("the summit
// begins in Versailles") as held on the day of publication, and one that
// opened or will open, with no day said, as undated.
func TestOpensToday(t *testing.T) {
	pub := time.Date(2022, 3, 10, 9, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "The two-day summit of European Union leaders begins in Versailles.", n: 1, kind: "summit", date: "2022-03-10", place: "Versailles"},
		{text: "The NATO summit kicks off in Madrid.", n: 1, kind: "summit", date: "2022-03-10", place: "Madrid"},
		{text: "The summit of EU leaders began in Versailles.", n: 1, kind: "summit", date: "", place: "Versailles"},
		{text: "The summit of EU leaders will begin in Versailles.", n: 1, kind: "summit", date: "", place: "Versailles"},
	})
}

// TestDayToCome holds a meeting to come with no day of its own as on the
// day to come its paragraph has just named, and one in the next
// paragraph as undated.
func TestDayToCome(t *testing.T) {
	pub := time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC) // a Thursday
	text := "On Saturday the US president will speak with the Russian president by phone. " +
		"The French president is also to talk to the Russian president.\n\n" +
		"The German chancellor is to talk to the Russian president too."
	ms := Meetings(text, pub)
	var dates []string
	for _, m := range ms {
		dates = append(dates, m.Date)
	}
	if want := []string{"2022-02-12", "2022-02-12", ""}; !slices.Equal(dates, want) {
		t.Errorf("Meetings(%q) on %v, want %v: %+v", text, dates, want, ms)
	}
}

// TestBackReferenceOfItsStates holds a bare back-reference that names
// states ("the Russian and Chinese presidents after the bilateral
// meeting") as the meeting of those states, not the latest meeting of
// others, and one that names none as the latest meeting.
func TestBackReferenceOfItsStates(t *testing.T) {
	pub := time.Date(2022, 2, 11, 9, 0, 0, 0, time.UTC)
	text := "The Russian president travelled to Beijing and met with the Chinese president.\n\n" +
		"In Washington, the White House convened a meeting of the cabinet on Thursday night.\n\n" +
		"The statement issued by the Russian and Chinese presidents after the bilateral meeting is concerning, she said."
	ms := Meetings(text, pub)
	if len(ms) != 2 || !slices.Equal(ms[0].Participants, []string{"CN", "RU"}) || !slices.Equal(ms[1].Participants, []string{"US"}) {
		t.Errorf("Meetings(%q) = %+v, want the Beijing meeting of CN and RU, then the White House's of US", text, ms)
	}
}
