package entity

import (
	"slices"
	"testing"
	"time"
)

// TestOnePersonTwoOffices holds a person spoken with whom the sentence
// names twice, by name and office or by two offices: one call, in each
// language, whether or not an article opens the office ("Anna Berg,
// President of Estonia"), whether the state's name starts with
// "Republic of", and whether a body's office comes before the state's
// ("the Chair of the African Union, President of Ghana Kofi Mensah").
// A list of several people stays several calls.
func TestOnePersonTwoOffices(t *testing.T) {
	pub := time.Date(2023, 6, 14, 20, 0, 0, 0, time.UTC)
	one := []meetingParties{
		{"Glory to Ukraine! Today I spoke with Anna Berg, President of Estonia.", []string{"EE", "UA"}},
		{"Слава Україні! Сьогодні говорив з Анною Берг, Президенткою Естонії.", []string{"EE", "UA"}},
		{"Слава Украине! Сегодня говорил с Анной Берг, президентом Эстонии.", []string{"EE", "UA"}},
		{"Der Kanzler telefonierte am Dienstag mit Anna Berg, Präsidentin der Europäischen Kommission.", []string{}},
		{"Le président s'est entretenu avec Anna Berg, présidente de la Commission européenne.", []string{}},
		{"Glory to Ukraine! Today I spoke with Anna Berg, President of the European Commission.", []string{"UA"}},
		{"Слава Україні! Сьогодні говорив з Анною Берг, Президенткою Європейської комісії.", []string{"UA"}},
		{"Glory to Ukraine! I spoke with the President of the Republic of Poland and our good friend Jan Nowak.", []string{"PL", "UA"}},
		{"Glory to Ukraine! I spoke with the Chair of the African Union, President of Ghana Kofi Mensah.", []string{"GH", "UA"}},
		{"Слава Україні! Провів розмову з головою Африканського союзу, Президентом Гани Кофі Менсою.", []string{"GH", "UA"}},
	}
	checkParties(t, pub, one)
	several := []meetingCount{
		{"Glory to Ukraine! I spoke with the President of Poland, the Prime Minister of Italy and the Chancellor of Austria.", 3},
		{"Le président s'est entretenu avec Anna Berg, présidente de l'Estonie, et Jan Nowak, président de la Pologne.", 2},
	}
	checkCounts(t, pub, several)
}

// TestCallsWithAStateAndABody holds two calls of one day, one with a
// state's leader and one with a body's, as two: nothing but the day is
// shared, and a president of a state is not a president of a commission.
func TestCallsWithAStateAndABody(t *testing.T) {
	pub := time.Date(2023, 6, 14, 20, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Glory to Ukraine! Today I expressed condolences to the President of the Republic of Latvia. I also discussed this today with the President of the European Commission Anna Berg.", 2},
		{"Слава Україні! Сьогодні висловив співчуття Президенту Латвії. Також говорив сьогодні з Президенткою Європейської комісії Анною Берг.", 2},
		// The same person told twice is one call.
		{"Glory to Ukraine! Today I spoke with the President of the European Commission Anna Berg. We also discussed sanctions today with Anna Berg.", 1},
	}
	checkCounts(t, pub, tests)
}

// TestPersonStateAfterAnotherState ties a name to the state of the office
// right before it even when another state was named a few words earlier:
// "talks in Vilnius. Polish President Piotr Nowak" is Poland's president,
// and the state of the place before does not stop the reading.
func TestPersonStateAfterAnotherState(t *testing.T) {
	for _, tt := range []struct {
		text, name, want string
	}{
		{"They held talks in Vilnius. Polish President Piotr Nowak said so.", "Nowak", "PL"},
		{"Aid to Ukraine: German Chancellor Karl Weber spoke.", "Weber", "DE"},
		{"France and German Chancellor Karl Weber agreed.", "Weber", "DE"},
		{"Polish President Piotr Nowak said so.", "Nowak", "PL"},
		// A name written family name first is named again by either word.
		{"Chinese Foreign Minister Zhao Lin said so.", "Zhao", "CN"},
		{"Chinese Foreign Minister Zhao Lin said so.", "Lin", "CN"},
		{"Polish President Piotr Nowak said so.", "Piotr", ""},
	} {
		ps := newScan(tt.text).personStates()
		if got := ps[personKey(tt.name)]; got != tt.want {
			t.Errorf("%q: %s stands for %q, want %q (%v)", tt.text, tt.name, got, tt.want, ps)
		}
	}
}

// TestMetToldFromTheOtherSide holds one meeting when the one met is told
// of again as the one who meets, in the same tense, with no one else
// named ("talks with Chinese Foreign Minister Zhao Lin … Zhao exchanged
// views during Saturday's talks"): the later sentence gives its day. A
// meeting to come with the same person is another.
func TestMetToldFromTheOtherSide(t *testing.T) {
	pub := time.Date(2022, 7, 10, 6, 0, 0, 0, time.UTC) // a Sunday
	for _, tt := range []struct {
		minister, again, state string
	}{
		{"Chinese Foreign Minister Zhao Lin", "Zhao", "CN"},
		{"Polish Foreign Minister Piotr Nowak", "Nowak", "PL"},
	} {
		lead := "US Secretary of State Jan Roe said he had discussed Russian aggression in Ukraine during five hours of talks with " + tt.minister + ". " +
			"The talks were candid. Roe told a news conference that the tone was professional. Trade was not on the agenda. "
		told := lead + tt.again + " exchanged views on Ukraine during Saturday's talks, according to his ministry."
		want := []string{tt.state, "US"}
		slices.Sort(want)
		ms := Meetings(told, pub)
		if len(ms) != 1 || ms[0].Date != "2022-07-09" || !slices.Equal(ms[0].Participants, want) {
			t.Errorf("Meetings(%q) = %+v, want one with %v on 2022-07-09", told, ms, want)
		}
		again := lead + tt.again + " will hold talks in Warsaw next week."
		if ms := Meetings(again, pub); len(ms) != 2 {
			t.Errorf("Meetings(%q) = %+v, want two", again, ms)
		}
	}
}

// TestLeadFilledInLater holds one meeting when a lead tells it with no
// day and no place and a sentence several sentences on gives the same
// states, in the same tense, a day and a place: as far on as a bare
// mention of the meeting may come.
func TestLeadFilledInLater(t *testing.T) {
	pub := time.Date(2024, 5, 4, 9, 0, 0, 0, time.UTC) // a Saturday
	text := "The presidents of China and France will hold talks, officials said. Trade is a concern. Tariffs rose. " +
		"Exports fell. Officials worry. Markets wobbled. Analysts disagree. " +
		"The Chinese and French presidents will hold talks in Paris on Monday."
	ms := Meetings(text, pub)
	if len(ms) != 1 || ms[0].Date != "2024-05-06" || ms[0].Location != "Paris" {
		t.Errorf("Meetings(%q) = %+v, want one in Paris on 2024-05-06", text, ms)
	}
}
