package entity

import (
	"slices"
	"testing"
	"time"
)

// TestFragmentCalls holds the calls an address reports in fragments: a
// list of states after a few words naming conversations, and a fragment
// that goes on with the list of those spoken with; and what is no such
// list.
func TestFragmentCalls(t *testing.T) {
	pub := time.Date(2022, 3, 10, 20, 0, 0, 0, time.UTC)
	const hail = "\n\nGlory to Ukraine!"
	tests := []struct {
		name, text string
		want       [][]string // the participants of each call, in order
	}{
		{"states after a fragment",
			"Our people held on.\n\nImportant international negotiations. Bulgaria, Slovakia and Poland." + hail,
			[][]string{{"BG", "UA"}, {"SK", "UA"}, {"PL", "UA"}}},
		{"Ukrainian fragment",
			"Важливі міжнародні переговори. Болгарія, Словаччина, Польща.\n\nСлава Україні!",
			[][]string{{"BG", "UA"}, {"SK", "UA"}, {"PL", "UA"}}},
		{"a list that is not of calls",
			"Important decisions. Bulgaria, Slovakia and Poland." + hail, nil},
		{"a sentence, not a fragment, before the list",
			"We spoke about the negotiations that are going on in the region for weeks now. Bulgaria, Slovakia and Poland." + hail, nil},
		{"a fragment going on with a call",
			"I spoke with President of Lithuania Gitanas Nausėda. With President of Poland Andrzej Duda. Prime Minister of Luxembourg Xavier Bettel." + hail,
			[][]string{{"LT", "UA"}, {"PL", "UA"}, {"LU", "UA"}}},
		{"a fragment after no call",
			"The shelling went on all night. With President of Poland Andrzej Duda." + hail, nil},
		{"not an address",
			"Important international negotiations. Bulgaria, Slovakia and Poland.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, m := range Meetings(tt.text, pub) {
				if m.Kind == "call" {
					got = append(got, m.Participants)
				}
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal[[]string]) {
				t.Fatalf("calls of %q = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestHostGroup holds a host's guests named as a group: "to host a group
// of African leaders" is a summit; "hosts a group of tourists" is none.
func TestHostGroup(t *testing.T) {
	pub := time.Date(2023, 6, 14, 9, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Russian President Vladimir Putin is to host a group of African leaders in St Petersburg on Saturday.", 1},
		{"Russian President Vladimir Putin hosted a delegation of foreign ministers in Moscow on Saturday.", 1},
		{"The museum in St Petersburg is to host a group of tourists on Saturday.", 0},
	}
	checkCounts(t, pub, tests)
}

// TestVisitToDiscuss holds a visit to a state made to confer with it: a
// meeting with that state; a visit for anything else is none.
func TestVisitToDiscuss(t *testing.T) {
	pub := time.Date(2024, 4, 22, 22, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"British Prime Minister Rishi Sunak will visit Poland on Tuesday to discuss European security.", []string{"GB", "PL"}},
		{"The French defence minister visited Estonia to hold talks on air defence.", []string{"EE", "FR"}},
		{"British Prime Minister Rishi Sunak will visit Poland on Tuesday to see British troops.", nil},
		{"Tourists visit Poland to discuss nothing at all.", nil},
	}
	checkParties(t, pub, tests)
}

// TestWithdrawnTalks holds talks a party left or suspended: no meeting;
// talks it held are one.
func TestWithdrawnTalks(t *testing.T) {
	pub := time.Date(2022, 8, 9, 9, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"The Russian embassy said the United States withdrew from talks with Moscow on Ukraine.", 0},
		{"Russia suspended the talks with the United States on arms control.", 0},
		{"Ukraine pulled out of the negotiations with Russia in Istanbul.", 0},
		{"The United States held talks with Russia in Geneva on Monday.", 1},
	}
	checkCounts(t, pub, tests)
}

// TestSeatedBody holds the city of a meeting of a body that always sits
// in its seat, and a city the text gives instead.
func TestSeatedBody(t *testing.T) {
	pub := time.Date(2022, 2, 18, 9, 0, 0, 0, time.UTC)
	tests := []struct{ text, want string }{
		{"Blinken warned of an attack during the Thursday meeting of the UN Security Council.", "New York"},
		{"Russia called a UN Security Council meeting on Thursday.", "New York"},
		{"The UN Security Council will meet in Geneva on Monday.", "Geneva"},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Location != tt.want {
			t.Errorf("Meetings(%q) = %+v, want one in %s", tt.text, ms, tt.want)
		}
	}
}

// TestAlsoWithFragment holds a fragment that adds one more leader to the
// calls told before ("And also with …", "А також із …"): a call of its
// own, on the day of the call it goes on with, not merged into it; and a
// clause after "And also with" is no such fragment.
func TestAlsoWithFragment(t *testing.T) {
	pub := time.Date(2022, 4, 5, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want [][]string // participants of each call, in order
	}{
		{"Glory to Ukraine! I spoke today with the Prime Minister of Italy. And also with President of Finland Niinistö.",
			[][]string{{"IT", "UA"}, {"FI", "UA"}}},
		{"Слава Україні! Говорив сьогодні з Прем'єр-міністром Італії. А також із президентом Фінляндії Ніїністе.",
			[][]string{{"IT", "UA"}, {"FI", "UA"}}},
		{"Glory to Ukraine! I spoke today with the Prime Minister of Italy. And also with our partners we will work on it.",
			[][]string{{"IT", "UA"}}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		ok := len(ms) == len(tt.want)
		for i := 0; ok && i < len(ms); i++ {
			ok = ms[i].Kind == "call" && ms[i].Date == "2022-04-05" && slices.Equal(ms[i].Participants, tt.want[i])
		}
		if !ok {
			t.Errorf("Meetings(%q) = %+v, want calls with %v on 2022-04-05", tt.text, ms, tt.want)
		}
	}
}

// TestSeparateMeetings holds "separate meetings" or "bilateral talks"
// with several people as one meeting with each, as calls listed are, and
// talks with several together as one.
func TestSeparateMeetings(t *testing.T) {
	pub := time.Date(2025, 3, 21, 20, 0, 0, 0, time.UTC)
	checkMeetingLists(t, pub, []meetingLists{
		{"In Brussels, the Ukrainian president had separate meetings with the Prime Minister of Poland, the Prime Minister of Sweden and the President of Lithuania.",
			[][]string{{"PL", "UA"}, {"SE", "UA"}, {"LT", "UA"}}},
		{"The US president held bilateral talks with the leaders of Japan and South Korea in Lima on Friday.",
			[][]string{{"JP", "US"}, {"KR", "US"}}},
		{"The US president held talks with the leaders of Japan and South Korea in Lima on Friday.",
			[][]string{{"JP", "KR", "US"}}},
	})
}
