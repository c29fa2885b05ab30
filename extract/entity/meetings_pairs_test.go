package entity

import (
	"testing"
	"time"
)

// TestPairSpoke holds a conversation whose two parties are the subject of
// a verb of speaking, with no "with": in each language, past or to come,
// a call between the two. A speech at or to something, and a pair that
// names no state, office or person, tell none.
func TestPairSpoke(t *testing.T) {
	pub := time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC) // a Wednesday
	tests := []meetingParties{
		{"Polish President Jan Nowak and Lithuanian President Ona Kairė spoke on Tuesday about air defence.", []string{"LT", "PL"}},
		{"The Polish and Lithuanian leaders talked for an hour on Tuesday.", []string{"LT", "PL"}},
		{"Finnish Prime Minister Aino Virta and Estonia's president are expected to talk about energy next week.", []string{"EE", "FI"}},
		{"Der polnische Präsident und die litauische Präsidentin sprachen am Dienstag über die Luftabwehr.", []string{"LT", "PL"}},
		{"Der polnische Präsident und die litauische Präsidentin telefonierten am Dienstag.", []string{"LT", "PL"}},
		{"Президенти Польщі та Литви поговорили у вівторок про протиповітряну оборону.", []string{"LT", "PL"}},
		{"Президенты Польши и Литвы поговорили во вторник о противовоздушной обороне.", []string{"LT", "PL"}},
		{"Les présidents polonais et lituanien ont parlé mardi de la défense aérienne.", []string{"LT", "PL"}},
		// Near misses: an audience, and a pair that names no one.
		{"Polish President Jan Nowak and Lithuanian President Ona Kairė spoke at the rally on Tuesday.", nil},
		{"Polish President Jan Nowak and Lithuanian President Ona Kairė spoke to reporters on Tuesday.", nil},
		{"Analysts and diplomats spoke about the risks on Tuesday.", nil},
	}
	checkParties(t, pub, tests)

	// The day of a past conversation is the one before publication, not
	// the one to come.
	for _, text := range []string{
		"Der polnische Präsident und die litauische Präsidentin telefonierten am Dienstag.",
		"Polish President Jan Nowak and Lithuanian President Ona Kairė spoke on Tuesday about air defence.",
	} {
		ms := Meetings(text, pub)
		if len(ms) != 1 || ms[0].Date != "2023-03-07" || ms[0].Status != "held" {
			t.Errorf("Meetings(%q) = %+v, want one held on 2023-03-07", text, ms)
		}
	}
}
