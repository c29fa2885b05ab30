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

// TestPairInHeadline holds the pairs a headline names: two names joined
// by a comma where running text writes "and" ("Nowak, Kairė hold talks"),
// and two who meet in the headline's present ("Nowak and Kairė meet in
// Vilnius"). The body below ties each name to its state without telling
// the meeting again, so the parties come from the headline alone.
func TestPairInHeadline(t *testing.T) {
	pub := time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC)
	const body = "\n\nPolish President Jan Nowak has led his country since 2020. Lithuania's president, Ona Kairė, took office last year."
	tests := []meetingParties{
		{"Nowak, Kairė hold talks in Vilnius" + body, []string{"LT", "PL"}},
		{"Nowak, Kairė talk by phone" + body, []string{"LT", "PL"}},
		{"Nowak and Kairė meet in Vilnius" + body, []string{"LT", "PL"}},
		{"Nowak, Kairė meet in Vilnius" + body, []string{"LT", "PL"}},
		{"Poland and Lithuania meet in Vilnius" + body, []string{"LT", "PL"}},
		// Near misses: the middle ground, and a present that is no
		// meeting between the two.
		{"Nowak and Kairė could meet in the middle on air defence" + body, nil},
		{"Prices and wages meet in the market" + body, nil},
	}
	checkParties(t, pub, tests)
}

// TestHeadlineComma tells the comma that joins a headline's two names from
// the commas of running text: after a full stop, before an apposition, or
// after an opening phrase of place, it is no "and".
func TestHeadlineComma(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Nowak, Kairė hold talks in Vilnius\n\nBody text.", true},
		{"Jan Nowak, Ona Kairė hold talks\n\nBody text.", true},
		{"Nowak, Kairė hold talks in Vilnius", true},
		{"Body text.\n\nNowak, Kairė hold talks in Vilnius\n\nMore text.", true},
		{"Nowak, Kairė hold talks in Vilnius.", false},
		{"Nowak, the Polish president, holds talks in Vilnius\n\nBody text.", false},
		{"In Vilnius, Nowak holds talks\n\nBody text.", false},
		{"Nowak, Kairė, Petraitis and Jonaitis hold talks\n\nBody text.", false},
		{"Polish President Jan Nowak, Kairė hold talks\n\nBody text.", false},
		{"The report said Nowak, Kairė hold talks\n\nBody text.", false},
	}
	for _, tt := range tests {
		s := newScan(tt.text)
		comma := -1
		for k := range s.toks {
			if s.key(k) == "," {
				comma = k
				break
			}
		}
		if comma < 0 {
			t.Fatalf("%q: no comma", tt.text)
		}
		if got := s.mtHeadlineComma(comma); got != tt.want {
			t.Errorf("mtHeadlineComma(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
