package entity

import (
	"testing"
	"time"
)

// TestModalMeetingIsNoMeeting holds a meeting told with a modal of
// possibility ("could meet", "may come to a meeting", "könnten sich
// treffen", "talks with Peru can ease") to no meeting, as the guideline
// counts possibilities, in each language. A plan reported in the past
// ("said he would meet"), and a meeting that took place whose outcome
// may follow, stay meetings.
func TestModalMeetingIsNoMeeting(t *testing.T) {
	pub := time.Date(2024, 10, 9, 18, 0, 0, 0, time.UTC)
	checkStatuses(t, pub, []meetingStatus{
		{"The Chilean and Peruvian foreign ministers could meet in Lima next week.", ""},
		{"The Chilean and Peruvian foreign ministers might meet in Lima on Friday.", ""},
		{"The Chilean and Peruvian foreign ministers may hold talks in Lima on Friday, a diplomat said.", ""},
		{"The heads of Chilean and Peruvian diplomacy may come to a meeting in Lima.", ""},
		{"Die Außenminister Chiles und Perus könnten sich am Freitag in Lima treffen.", ""},
		{"Переговори з Перу можуть допомогти, заявив міністр Чилі.", ""},
		// Near misses: a plan, and an outcome that may follow a meeting.
		{"The Chilean president said he would meet the Peruvian president in Lima on Friday.", "planned"},
		{"The Chilean and Peruvian presidents met in Lima on Friday, and the talks may lead to a deal.", "held"},
		{"Die Außenminister Chiles und Perus trafen sich am Freitag in Lima, um über Fischerei zu sprechen.", "held"},
	})
}
