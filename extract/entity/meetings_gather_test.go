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
