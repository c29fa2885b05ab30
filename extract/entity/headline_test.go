package entity

import (
	"slices"
	"testing"
	"time"
)

// TestHeadlineCase reads the function words of a title-case headline in
// lower case, and leaves alone a line's or a sentence's first word, words
// in capitals, lines that end in a full stop and lines mostly in lower
// case. The text itself is not changed.
func TestHeadlineCase(t *testing.T) {
	tests := []struct {
		text  string
		lower []string // the words read in lower case, in order
	}{
		{"Hagel Meets With Chinese Defense Minister in Beijing\n\nBody text.", []string{"meets", "with"}},
		{"Austin Hosts Japanese Counterpart at Pentagon\n\nBody text.", []string{"hosts", "counterpart"}},
		{"With Allies Watching, Leaders Meet in Brussels\n\nBody text.", []string{"meet"}},
		{"Russia-Ukraine Conflict.On Saturday, Talks Begin\n\nBody text.", []string{"talks"}},
		{"NATO CHIEF MEETS WITH ZELENSKY IN KYIV\n\nBody text.", nil},
		{"Hagel Meets With Chinese Defense Minister in Beijing.\n\nBody text.", nil},
		{"The minister met With the press in Beijing\n\nBody text.", nil},
	}
	for _, tt := range tests {
		s := newScan(tt.text)
		var got []string
		for k := range s.toks {
			if w := s.word(k); w != s.text[s.toks[k].start:s.toks[k].end] {
				got = append(got, w)
			}
		}
		if !slices.Equal(got, tt.lower) {
			t.Errorf("%q: read %q in lower case, want %q", tt.text, got, tt.lower)
		}
	}
}

// TestTitleCaseHeadlineMeetings finds the meetings of title-case
// headlines, and merges a headline's conversation into the call the body
// reports with the same state.
func TestTitleCaseHeadlineMeetings(t *testing.T) {
	pub := time.Date(2014, 3, 20, 12, 0, 0, 0, time.UTC)
	const body = "\n\nThe United States, China and Japan are Pacific powers. Officials gave no details."
	tests := []struct {
		text, kind, place string
		parties           []string
	}{
		{"Roe Meets With Chinese Defense Minister in Beijing" + body, "meeting", "Beijing", []string{"CN"}},
		{"Roe Hosts Japanese Counterpart at Pentagon" + body, "meeting", "Washington", []string{"JP", "US"}},
		{"Secretary Discusses Iran With Israeli Defense Minister\n\nDuring a phone conversation with Israeli Defense Minister Dan Levi yesterday, " +
			"Defense Secretary Jan Roe expressed his concern about Iran, the U.S. said.", "call", "", []string{"IL", "US"}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) != 1 || ms[0].Kind != tt.kind || ms[0].Location != tt.place || !slices.Equal(ms[0].Participants, tt.parties) {
			t.Errorf("Meetings(%q) = %+v, want one %s in %q with %v", tt.text, ms, tt.kind, tt.place, tt.parties)
		}
	}
}

// TestCapsLines reads a line written in capitals as its title-case
// headline would be written, letter for letter in place, and leaves
// alone lines in mixed case and short runs of capitals.
func TestCapsLines(t *testing.T) {
	tests := []struct{ text, read string }{
		{"SPANISH, PORTUGUESE LEADERS TO MEET MACRON IN PARIS ON FRIDAY\n\nBody text.",
			"Spanish, Portuguese Leaders to meet Macron in Paris on Friday\n\nBody text."},
		{"JOIN US ON TELEGRAM FOR LIVE UPDATES", "Join us on Telegram for Live Updates"},
		{"US, UK SEND TROOPS TO NATO'S EASTERN FLANK", "US, UK Send Troops to NATO's Eastern Flank"},
		{"WHO WILL PAY FOR THE WAR IN UKRAINE?", "who will PAY for the WAR in Ukraine?"},
		{"ЗЕЛЕНСЬКИЙ ЗУСТРІВСЯ З МАКРОНОМ У ПАРИЖІ", "Зеленський Зустрівся З Макроном У Парижі"},
		{"BRUSSELS – The ministers met on Friday.", "BRUSSELS – The ministers met on Friday."},
		{"The US and NATO agreed on Friday.", "The US and NATO agreed on Friday."},
		{"G7 IN ROME", "G7 IN ROME"},
	}
	for _, tt := range tests {
		if got := readCapsLines(tt.text); got != tt.read {
			t.Errorf("readCapsLines(%q) = %q, want %q", tt.text, got, tt.read)
		}
	}
}

// TestCapsLineEntities finds meetings, troop figures and states in lines
// written in capitals, and gives their spans back as written.
func TestCapsLineEntities(t *testing.T) {
	pub := time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)
	const headline = "SPANISH, PORTUGUESE LEADERS TO MEET MACRON IN PARIS ON FRIDAY"
	ms := Meetings(headline+"\n\nThe leaders will discuss farm policy.", pub)
	if len(ms) != 1 || ms[0].Kind != "summit" || ms[0].Status != "planned" || ms[0].Date != "2024-03-08" || ms[0].Location != "Paris" ||
		!slices.Equal(ms[0].Participants, []string{"ES", "FR", "PT"}) || ms[0].Text != headline {
		t.Errorf("Meetings(%q) = %+v, want a summit planned in Paris on 2024-03-08 with ES FR PT, its text as written", headline, ms)
	}
	ts := Troops("NORTH KOREA SENDS 10,000 SOLDIERS TO RUSSIA, SEOUL SAYS")
	if len(ts) != 1 || ts[0].Text != "10,000 SOLDIERS" {
		t.Errorf("Troops = %+v, want one figure, its text as written", ts)
	}
	var codes []string
	for _, n := range Nations("POLAND AND ESTONIA URGE ALLIES TO SEND MORE TROOPS EAST\n\nBody text.") {
		codes = append(codes, n.Code)
	}
	slices.Sort(codes)
	if !slices.Equal(codes, []string{"EE", "PL"}) {
		t.Errorf("Nations = %v, want EE PL", codes)
	}
}
