package entity

import (
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
	})
}
