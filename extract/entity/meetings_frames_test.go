package entity

import (
	"slices"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestSpokeAboutWith holds the frame "spoke (about a topic) with someone"
// in each language: adverbs and a short topic may stand between the verb
// and whom it was with, and anything else ends the frame.
func TestSpokeAboutWith(t *testing.T) {
	pub := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Говорив сьогодні, зокрема, і про це з канцлером Німеччини Олафом Шольцом.", []string{"DE"}},
		{"Дуже детально говорили про це і з Президентом Франції.", []string{"FR"}},
		{"The Ukrainian president talked about the sanctions with the French president.", []string{"FR", "UA"}},
		{"Der deutsche Kanzler sprach darüber telefonisch mit dem französischen Präsidenten.", []string{"DE", "FR"}},
		// Near misses: no one it was with, or a speech.
		{"Говорив сьогодні про це у зверненні до народу.", nil},
		{"He spoke about the war in his address to the nation.", nil},
	}
	checkParties(t, pub, tests)
}

// TestMeetingNounParties holds the parties a meeting noun names after
// it ("between A and B", "of A with B", a Cyrillic genitive), and a
// sentence that speaks of a meeting told before, whose states are those
// it tells, not those who met.
func TestMeetingNounParties(t *testing.T) {
	pub := time.Date(2015, 10, 25, 12, 0, 0, 0, time.UTC)
	checkMeetingLists(t, pub, []meetingLists{
		{"Das Treffen zwischen Kerry und Lawrow in Wien war am Freitag. Russland und die USA streiten.",
			[][]string{{"RU", "US"}}},
		{"See the video meeting of Lukashenko with Putin. Belarus and Russia are allies.",
			[][]string{{"BY", "RU"}}},
		{"Зустріч Зеленського з Макроном відбулася у Парижі. Україна і Франція домовилися.",
			[][]string{{"FR", "UA"}}},
		// A lower-case noun after "of" is no party, and a name further on
		// is not one either.
		{"Putin spoke with Xi by phone on Wednesday. Russia and China agreed. Wednesday's phone call of politicians was the second since Putin's attack on Ukraine.",
			[][]string{{"CN", "RU"}}},
	})
	// The first meeting keeps its two states, whatever the calls after.
	told := "Lawrow traf Kerry am Freitag in Wien. Russland und die USA. Lawrow informierte später die Außenminister des Irans und Ägyptens über das Treffen in Wien."
	if ms := Meetings(told, pub); len(ms) == 0 || !slices.Equal(ms[0].Participants, []string{"RU", "US"}) {
		t.Errorf("Meetings(%q) = %+v, want the first with [RU US]", told, ms)
	}
}

// TestTalksToCome holds an arrangement with an adverb before its "to"
// ("is also to talk") as a meeting to come, and a span of talks counted
// out ("a day of talks") as a meeting, but not talks at large ("after
// weeks of talks"), whether or not a word qualifies the talks ("a round of
// peace talks", "a day of direct talks").
func TestTalksToCome(t *testing.T) {
	pub := time.Date(2024, 5, 5, 9, 0, 0, 0, time.UTC)
	checkStatuses(t, pub, []meetingStatus{
		{"The French president is also to talk to the President of the Russian Federation.", "planned"},
		{"The French and Chinese presidents are now to hold talks in Paris.", "planned"},
		{"The French and Chinese presidents are to hold a day of talks in Paris on Monday.", "planned"},
		{"The French and Chinese presidents held two days of talks in Paris.", "held"},
		{"Russia and Ukraine held a new round of peace talks in Istanbul on Monday.", "held"},
		{"The two presidents held a day of direct talks in Geneva.", "held"},
		{"After weeks of talks the budget is done.", ""},
		{"After weeks of direct talks the budget is done.", ""},
		{"The prospect of talks is dim.", ""},
		{"The prospect of peace talks is dim.", ""},
	})
}

// meetingStatus is a text and the status of the one meeting it tells;
// "": it tells none.
type meetingStatus struct {
	text   string
	status string
}

// checkStatuses tags each text as published at pub and checks it.
func checkStatuses(t *testing.T, pub time.Time, tests []meetingStatus) {
	t.Helper()
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		switch {
		case tt.status == "" && len(ms) != 0:
			t.Errorf("Meetings(%q) = %+v, want none", tt.text, ms)
		case tt.status != "" && (len(ms) != 1 || ms[0].Status != tt.status):
			t.Errorf("Meetings(%q) = %+v, want one %s meeting", tt.text, ms, tt.status)
		}
	}
}

// TestTopicAfterMeetingWord holds a state after "on" or "über" right
// after the meeting word as what the talks are about, and one after
// "with" or "to" as a party.
func TestTopicAfterMeetingWord(t *testing.T) {
	pub := time.Date(2015, 10, 25, 12, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Russia and the United States will continue their talks on Syria.", []string{"RU", "US"}},
		{"Russland und die USA wollen ihre Verhandlungen über Syrien fortsetzen.", []string{"RU", "US"}},
		{"The United States held talks with Russia on Monday.", []string{"RU", "US"}},
		{"The American president spoke to Britain's prime minister by phone.", []string{"GB", "US"}},
	}
	checkParties(t, pub, tests)
}

// TestReferredBackAddsOnlyItsPeople holds a meeting referred back to
// ("the meeting had …") as gaining the states of those the sentence
// names as meeting or by office, not every state it speaks of, once it
// has parties of its own.
func TestReferredBackAddsOnlyItsPeople(t *testing.T) {
	pub := time.Date(2022, 8, 8, 12, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"The Latvian foreign minister met with the Australian foreign minister on Monday. " +
			"The Australian minister said the meeting had emphasised the Australian government’s commitment to holding Russia to account for its invasion.",
			[]string{"AU", "LV"}},
		// A meeting with no parties yet takes them from the sentence.
		{"A meeting was held on Monday. The meeting brought together the Latvian and Australian ministers.",
			[]string{"AU", "LV"}},
	}
	checkParties(t, pub, tests)
}

// TestCountedByTheMany holds meetings counted by the many ("dozens of
// calls", "десятки переговорів") as a tally, no meeting, as a figure
// ("230 calls") already was; a meeting beside them still counts.
func TestCountedByTheMany(t *testing.T) {
	pub := time.Date(2022, 2, 25, 22, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Протягом дня я провів десятки міжнародних переговорів.", 0},
		{"The Ukrainian president held dozens of calls with foreign leaders this week.", 0},
		{"Der ukrainische Präsident führte Dutzende Telefonate mit Staatschefs.", 0},
		{"The Ukrainian president held talks with the French president on Friday.", 1},
	}
	checkCounts(t, pub, tests)
}

// TestTookPlaceWith holds a meeting noun whose party follows a verb of
// taking place ("a conversation also took place with", "розмова
// відбулася з") as a meeting with that party.
func TestTookPlaceWith(t *testing.T) {
	pub := time.Date(2022, 6, 26, 22, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"An important conversation also took place with the Prime Minister of Canada.", []string{"CA"}},
		{"Сьогодні відбулася розмова з Прем'єр-міністром Канади.", []string{"CA"}},
		{"The conversation took place with reporters in the room.", nil},
	}
	checkParties(t, pub, tests)
}

// TestTwoMeetingsInOneSentence holds two who met someone each, in
// clauses set apart by a dash or "after", as two meetings with their
// own parties and places; one meeting told with two verbs stays one.
func TestTwoMeetingsInOneSentence(t *testing.T) {
	pub := time.Date(2023, 3, 22, 2, 45, 0, 0, time.UTC)
	text := "The Japanese prime minister made a trip to Kyiv to meet the Ukrainian president – a day after the Chinese president met the Russian president in Moscow."
	ms := Meetings(text, pub)
	if len(ms) != 2 || !slices.Equal(ms[0].Participants, []string{"JP", "UA"}) || !slices.Equal(ms[1].Participants, []string{"CN", "RU"}) {
		t.Fatalf("Meetings(%q) = %+v, want [JP UA] and [CN RU]", text, ms)
	}
	if ms[0].Location == "Moscow" || ms[1].Location != "Moscow" {
		t.Errorf("Meetings(%q) locations %q, %q: want Moscow for the second only", text, ms[0].Location, ms[1].Location)
	}
	one := "The French president met the German chancellor in Berlin and met him again in Paris."
	if ms := Meetings(one, pub); len(ms) != 1 {
		t.Errorf("Meetings(%q) = %+v, want one", one, ms)
	}
}

// TestOpeningPhraseParties holds the parties of a meeting in the
// phrase that opens a sentence as ending at its comma: one call, not a
// call with whatever the sentence goes on to; a list after "spoke with"
// still makes one call each.
func TestOpeningPhraseParties(t *testing.T) {
	pub := time.Date(2022, 6, 16, 7, 30, 0, 0, time.UTC)
	tests := []meetingCount{
		{"After a telephone conversation with the Chinese leader, the Kremlin's official message repeated the terms of the partnership.", 1},
		{"Nach dem Telefonat mit dem chinesischen Präsidenten, der russischen Botschaft zufolge, bleibt alles beim Alten.", 1},
		{"After talks with the French president, the German chancellor and the British prime minister, the minister said Kyiv is grateful.", 1},
		{"I spoke with the President of France, the Prime Minister of Britain and the Chancellor of Germany.", 3},
	}
	checkCounts(t, pub, tests)
}

// TestTheTwo holds "the two ministers", "die beiden Minister" of a
// meeting as the two states the sentence before names with its people,
// and leaves a meeting alone when that sentence names more or fewer.
func TestTheTwo(t *testing.T) {
	pub := time.Date(2015, 10, 25, 12, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Der russische Außenminister sprach am Samstag im Fernsehen. Nach dem Treffen mit US-Außenminister John Kerry in Wien setzten die beiden Minister ihre Beratungen telefonisch fort.",
			[]string{"RU", "US"}},
		{"The Russian foreign minister was on television on Saturday. After the meeting with the US secretary of state in Vienna, the two men spoke again by phone.",
			[]string{"RU", "US"}},
		{"The Russian, French and Chinese ministers were on television on Saturday. After the meeting with the US secretary of state in Vienna, the two men spoke again by phone.",
			[]string{"US"}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		if len(ms) == 0 || !slices.Equal(ms[0].Participants, tt.want) {
			t.Errorf("Meetings(%q) = %+v, want the first with %v", tt.text, ms, tt.want)
		}
	}
}

// TestListedPeopleFragment holds a verbless fragment that goes on with an
// address's calls ("With the President of the European Council Charles
// Michel and …") as a call with each person in it, and a fragment with a
// clause of its own as none.
func TestListedPeopleFragment(t *testing.T) {
	pub := time.Date(2022, 3, 5, 11, 15, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Слава Україні! Говорив з Президентом Туреччини Ердоганом. З Президентом Європейської Ради Шарлем Мішелем і Президенткою Єврокомісії Урсулою фон дер Ляєн.", 3},
		{"Glory to Ukraine! I spoke with the President of Turkey. With the President of the European Council Charles Michel and the President of the European Commission Ursula von der Leyen.", 3},
		{"Glory to Ukraine! I spoke with the President of Turkey. With the President of the European Council we will work on it.", 1},
	}
	checkCounts(t, pub, tests)
}

// TestSpeakPresent holds the present tense of "speak with" in Ukrainian
// and Russian ("Говоримо про це з Туреччиною") as talks with a state,
// and speaking to the audience as none.
func TestSpeakPresent(t *testing.T) {
	pub := time.Date(2022, 3, 21, 22, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Слава Україні! Говоримо про це з Туреччиною як з посередником.", []string{"TR", "UA"}},
		{"Слава Україні! Я говорю з вами щодня.", nil},
		{"Мы говорим с вами о войне.", nil},
	}
	checkParties(t, pub, tests)
}

// TestThreatFrom holds a state after "from" or "by" following what a
// meeting is about ("the threat from Russia", "attacks by Russia") as
// its topic, as "the invasion of Ukraine" was.
func TestThreatFrom(t *testing.T) {
	pub := time.Date(2024, 4, 22, 22, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"The British prime minister will visit Poland on Tuesday to discuss European security and the threat from Russia.", []string{"GB", "PL"}},
		{"The Polish and Lithuanian presidents met on Monday to discuss the threat posed by Belarus.", []string{"LT", "PL"}},
		{"Delegates from Japan met the Polish president on Monday.", []string{"JP", "PL"}},
	}
	checkParties(t, pub, tests)
}

// TestDuringACallWith holds the one who had a meeting told in a phrase
// set off from its clause: the clause's subject, before the phrase or
// after it, is a party. The leaders are named by surname alone, which the
// text ties to states it names in another sentence.
func TestDuringACallWith(t *testing.T) {
	pub := time.Date(2022, 2, 7, 12, 0, 0, 0, time.UTC)
	const states = "Germany, France, Poland and Turkey back the plan. "
	tests := []meetingParties{
		{states + "Scholz, during a phone call with Macron last week, urged a ceasefire.", []string{"DE", "FR"}},
		{states + "Chancellor Scholz last month, during talks with Duda, promised help.", []string{"DE", "PL"}},
		{states + "During a video call with Duda on Monday, Macron pledged more aid.", []string{"FR", "PL"}},
		{states + "But during talks with Erdogan, Macron offered guarantees.", []string{"FR", "TR"}},
	}
	checkParties(t, pub, tests)
}

// TestAddressDiscussedWith holds an address's discussion with one leader:
// "обговорив з" reads as "discussed with", no place makes it a call, and
// naming the same person again (or "with him") tells that call again.
func TestAddressDiscussedWith(t *testing.T) {
	pub := time.Date(2022, 2, 7, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []defwatch.Meeting // kind and participants of each
	}{
		{"Слава Україні! Обговорив сьогодні з Прем'єр-міністром Італії підтримку нашої держави.",
			[]defwatch.Meeting{{Kind: "call", Participants: []string{"IT", "UA"}}}},
		{"Glory to Ukraine! I discussed sanctions today with the Prime Minister of Italy.",
			[]defwatch.Meeting{{Kind: "call", Participants: []string{"IT", "UA"}}}},
		{"Слава Україні! Говорив з Президентом Франції. Обговорили з ним оборонну співпрацю.",
			[]defwatch.Meeting{{Kind: "call", Participants: []string{"FR", "UA"}}}},
		{"Слава Україні! Говорив про це і з Президентом Франції Макроном. Окрім санкцій, обговорили з Макроном оборонну співпрацю.",
			[]defwatch.Meeting{{Kind: "call", Participants: []string{"FR", "UA"}}}},
		// A place makes it a meeting there, not a call.
		{"Слава Україні! Обговорили з прем'єр-міністром Італії ситуацію на фронті в Києві.",
			[]defwatch.Meeting{{Kind: "meeting", Participants: []string{"IT", "UA"}}}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		ok := len(ms) == len(tt.want)
		for i := 0; ok && i < len(ms); i++ {
			ok = ms[i].Kind == tt.want[i].Kind && slices.Equal(ms[i].Participants, tt.want[i].Participants)
		}
		if !ok {
			t.Errorf("Meetings(%q) = %+v, want %+v", tt.text, ms, tt.want)
		}
	}
}

// TestOneRegularSitting holds "a regular meeting": one sitting of a body
// that meets by habit is a meeting; "regular meetings" are meetings in
// general.
func TestOneRegularSitting(t *testing.T) {
	pub := time.Date(2022, 7, 21, 21, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Glory to Ukraine! Today I held a regular meeting of the Staff.", 1},
		{"Glory to Ukraine! This morning I chaired a weekly meeting of the security council.", 1},
		{"Glory to Ukraine! We hold regular meetings of the Staff.", 0},
	}
	checkCounts(t, pub, tests)
}

// meetingParties is a text and the participants of the one meeting it
// tells; nil: it tells none.
type meetingParties struct {
	text string
	want []string
}

// checkParties tags each text as published at pub and checks it.
func checkParties(t *testing.T, pub time.Time, tests []meetingParties) {
	t.Helper()
	for _, tt := range tests {
		ms := Meetings(tt.text, pub)
		switch {
		case tt.want == nil && len(ms) != 0:
			t.Errorf("Meetings(%q) = %+v, want none", tt.text, ms)
		case tt.want != nil && (len(ms) != 1 || !slices.Equal(ms[0].Participants, tt.want)):
			t.Errorf("Meetings(%q) = %+v, want one with %v", tt.text, ms, tt.want)
		}
	}
}

// meetingCount is a text and how many meetings it tells.
type meetingCount struct {
	text string
	want int
}

// checkCounts tags each text as published at pub and counts its meetings.
func checkCounts(t *testing.T, pub time.Time, tests []meetingCount) {
	t.Helper()
	for _, tt := range tests {
		if got := Meetings(tt.text, pub); len(got) != tt.want {
			t.Errorf("Meetings(%q) = %+v, want %d", tt.text, got, tt.want)
		}
	}
}

// TestTopicListsAndReporters holds two kinds of states a sentence names
// beside a meeting that take no part in it: each state of a list that a
// topic opens ("sanctions on Iran, Syria and Lebanon", in each language),
// and the press that reports the meeting ("Russian media described").
// Lists after "to" and "for" are left as they are read alone: they name
// whom a visit or thanks goes to as often as a topic.
func TestTopicListsAndReporters(t *testing.T) {
	pub := time.Date(2024, 4, 18, 12, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"EU leaders meeting in Brussels vowed sanctions on Iran, Syria and Lebanon.", []string{}},
		{"EU-Außenminister berieten in Luxemburg über Syrien, den Irak und Libyen.", []string{}},
		{"Russian media described the meeting of Polish President Duda with Emmanuel Macron in Paris as humiliating.", []string{"FR", "PL"}},
		// Near misses: a list of parties, a city with its state, a
		// state that qualifies a name in a list, thanks to a list, a day
		// after "on" that a comma sets off.
		{"The French president met the leaders of Poland, Germany and Italy in Warsaw.", []string{"DE", "FR", "IT", "PL"}},
		{"The Ukrainian president met President Nauseda in Vilnius, Lithuania's capital.", []string{"LT", "UA"}},
		{"The secretary met with leaders at Camp Lemonnier and the U.S. Embassy.", []string{"US"}},
		{"The minister met Macron and thanked France, Poland and Sweden.", []string{"FR", "PL", "SE"}},
		{"Earlier this week, on Tuesday, the Czech and Slovak prime ministers met in Prague.", []string{"CZ", "SK"}},
		{"On 3 April, Poland and Lithuania held talks in Vilnius.", []string{"LT", "PL"}},
	}
	checkParties(t, pub, tests)
}

// TestGermanMeetingVerbs holds German meeting verbs in their tenses: the
// past ("traf den ... Präsidenten", "sprach mit", "empfing"), the perfect
// whose participle ends the clause ("hat sich mit ... getroffen", "hat
// mit ... gesprochen"). German writes every noun with a capital, so only
// an office, a state or a known leader is met; a separable particle makes
// another verb ("traf die Nachricht ein").
func TestGermanMeetingVerbs(t *testing.T) {
	pub := time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC) // a Friday
	tests := []meetingParties{
		{"Der Kanzler traf den französischen Präsidenten am Montag in Paris.", []string{"FR"}},
		{"Scholz hat sich am Montag mit dem französischen Präsidenten getroffen.", []string{"FR"}},
		{"Scholz hat mit dem französischen Präsidenten gesprochen.", []string{"FR"}},
		{"Scholz sprach am Montag mit dem französischen Präsidenten.", []string{"FR"}},
		{"Der Kanzler empfing den polnischen Präsidenten im Kanzleramt.", []string{"PL"}},
		// Near misses.
		{"Die Regierung hat eine Entscheidung getroffen.", nil},
		{"Das Haus wurde von einer Rakete getroffen.", nil},
		{"Merkel sprach mit Reportern über die Lage.", nil},
		{"Er sprach mit der Bild-Zeitung.", nil},
		{"Am Morgen traf die Nachricht ein, dass die Grenze offen sei.", nil},
		{"Die Polizei traf auf Widerstand der Demonstranten.", nil},
	}
	checkParties(t, pub, tests)
	// The perfect looks back: Monday is the Monday before.
	ms := Meetings("Scholz hat sich am Montag mit dem französischen Präsidenten getroffen.", pub)
	if len(ms) != 1 || ms[0].Date != "2024-05-06" || ms[0].Status != defwatch.MeetingHeld {
		t.Errorf("perfect on Monday = %+v, want held on 2024-05-06", ms)
	}
}

// TestTripStops holds a trip told in one sentence with someone met at
// each stop: two meetings, each with its own day and the traveller, the
// second in the first's tense when it has none of its own. The state a
// trip goes to takes part.
func TestTripStops(t *testing.T) {
	sun := time.Date(2022, 2, 13, 19, 0, 0, 0, time.UTC)
	type want struct {
		parts  []string
		date   string
		status string
	}
	tests := []struct {
		text string
		pub  time.Time
		want []want
	}{
		{"On Monday, the German Chancellor will go to Ukraine for talks with the president of this country, and then on Tuesday to Russia, where he plans to meet President Vladimir Putin.", sun,
			[]want{{[]string{"DE", "UA"}, "2022-02-14", defwatch.MeetingPlanned}, {[]string{"DE", "RU"}, "2022-02-15", defwatch.MeetingPlanned}}},
		{"The German chancellor will visit Poland on Tuesday to discuss security with the Polish president, before travelling to France to meet the French president.", sun,
			[]want{{[]string{"DE", "PL"}, "2022-02-15", defwatch.MeetingPlanned}, {[]string{"DE", "FR"}, "", defwatch.MeetingPlanned}}},
		{"US Secretary of State Antony Blinken is expected to travel to China this month for talks.", sun,
			[]want{{[]string{"CN", "US"}, "", defwatch.MeetingPlanned}}},
		// Near miss: a second meeting word with no second stop.
		{"The chancellor held talks with the Polish president on Monday, then met the Polish prime minister.", sun,
			[]want{{[]string{"PL"}, "2022-02-07", defwatch.MeetingHeld}}},
	}
	for _, tt := range tests {
		ms := Meetings(tt.text, tt.pub)
		ok := len(ms) == len(tt.want)
		for i := 0; ok && i < len(ms); i++ {
			w := tt.want[i]
			ok = slices.Equal(ms[i].Participants, w.parts) && ms[i].Date == w.date && ms[i].Status == w.status
		}
		if !ok {
			t.Errorf("Meetings(%q) = %+v, want %+v", tt.text, ms, tt.want)
		}
	}
}

// TestFrenchMeetingVerbs holds French meeting verbs and nouns in their
// tenses and agreement: "a rencontré", "rencontrera", "s'est entretenu
// avec", "a reçu", "la rencontre entre A et B". A letter received, the
// press spoken with, an interview given are none.
func TestFrenchMeetingVerbs(t *testing.T) {
	pub := time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC) // a Friday
	tests := []meetingParties{
		{"Emmanuel Macron a rencontré le président ukrainien lundi à Paris.", []string{"FR", "UA"}},
		{"Le président français s'est entretenu avec son homologue ukrainien par téléphone.", []string{"FR", "UA"}},
		{"Le chancelier allemand a reçu le président polonais à Berlin.", []string{"DE", "PL"}},
		{"Macron rencontrera le président chinois mardi à Paris.", []string{"CN", "FR"}},
		{"La rencontre entre le président français et le président russe a eu lieu à Moscou.", []string{"FR", "RU"}},
		// Near misses.
		{"Le ministre a reçu une lettre du président.", nil},
		{"Le ministre a parlé avec les journalistes.", nil},
		{"Dans un entretien au Monde, le président a parlé de la guerre.", nil},
	}
	checkParties(t, pub, tests)
	ms := Meetings("Macron rencontrera le président chinois mardi à Paris.", pub)
	if len(ms) != 1 || ms[0].Date != "2024-05-14" || ms[0].Status != defwatch.MeetingPlanned || ms[0].Location != "Paris" {
		t.Errorf("future meeting = %+v, want planned on 2024-05-14 in Paris", ms)
	}
	// "UN" is no French article: the assembly after it is still read.
	if ms := Meetings("The minister gave an interview on the sidelines of the UN General Assembly in New York.", pub); len(ms) != 1 {
		t.Errorf("sidelines of the UN General Assembly = %+v, want one meeting", ms)
	}
}

// TestMeetingOfOthersInAnAddress holds that a speaker's address does not
// make the speaker a party to a meeting of others: one a relative clause
// on someone named tells ("Nehammer who had met with the Russian
// leader", "Негаммером, який напередодні зустрічався"), nor one the
// speaker then speaks about ("We exchanged details about this meeting").
func TestMeetingOfOthersInAnAddress(t *testing.T) {
	pub := time.Date(2022, 4, 13, 21, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Glory to Ukraine! I also spoke today with Chancellor of Austria Nehammer who had met with the Russian leader the day before. We exchanged details about this meeting.",
		"Слава Україні! Говорив також сьогодні з канцлером Австрії Негаммером, який напередодні зустрічався з очільником Росії. Обмінялися деталями про цю зустріч.",
	} {
		ms := Meetings(text, pub)
		if len(ms) != 2 || !slices.Equal(ms[0].Participants, []string{"AT", "UA"}) || !slices.Equal(ms[1].Participants, []string{"AT", "RU"}) || ms[1].Date != "2022-04-12" {
			t.Errorf("Meetings(%q) = %+v, want the call AT UA and the meeting AT RU on 2022-04-12", text, ms)
		}
	}
	// A cleft sentence is no relative clause: the speaker held the talks.
	ms := Meetings("Glory to Ukraine! And it was today that I held talks with the Prime Minister of Canada.", pub)
	if len(ms) != 1 || !slices.Equal(ms[0].Participants, []string{"CA", "UA"}) {
		t.Errorf("cleft sentence = %+v, want one with CA UA", ms)
	}
}

// TestFrenchReciprocal holds that a French meeting verb made reflexive
// ("se sont rencontrés", "se rencontreront", "s'étaient entretenus") tells
// a meeting of those who meet one another, as "trafen sich" does, and
// that people with no office or state who meet so tell none.
func TestFrenchReciprocal(t *testing.T) {
	pub := time.Date(2025, 4, 12, 10, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"Les ministres polonais et lituanien de la Défense se sont rencontrés lundi à Vilnius.", []string{"LT", "PL"}},
		{"Les présidents de la Pologne et de la Lituanie se rencontreront mardi à Varsovie.", []string{"LT", "PL"}},
		{"Les chefs de la diplomatie roumaine et moldave s'étaient entretenus la veille à Chisinau.", []string{"MD", "RO"}},
		// Near misses: no one who meets for a state or a body.
		{"Les deux équipes se sont rencontrées en finale à Lyon.", nil},
		{"Ils se sont rencontrés à l'université de Lyon.", nil},
	}
	checkParties(t, pub, tests)
}

// TestMeetingWithThePublic holds that a meeting noun, or German "traf
// sich", with people who meet for no state or body (inhabitants,
// students, journalists, citizens) tells no meeting between parties, in
// each language, while one with an office or a state's people still does.
func TestMeetingWithThePublic(t *testing.T) {
	pub := time.Date(2025, 4, 12, 10, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"The Polish president said at a meeting with the inhabitants of Gdansk that Germany owed reparations.", nil},
		{"During a meeting with local students in Kyiv, the Ukrainian president spoke about the war.", nil},
		{"Під час зустрічі з мешканцями Харкова Президент України пообіцяв відбудувати місто.", nil},
		{"Der Bundeskanzler traf sich am Montag mit Bürgern in Dresden.", nil},
		// Near misses: an office, a state's ministers, a body's members.
		{"Der Bundeskanzler traf sich am Montag mit dem polnischen Präsidenten in Warschau.", []string{"PL"}},
		{"The meeting with the defence ministers of Poland and Lithuania took place in Vilnius on Monday.", []string{"LT", "PL"}},
		{"The US president held a meeting with members of the UN Security Council on Monday.", []string{"US"}},
	}
	checkParties(t, pub, tests)
}

// TestNamedLikeAThing holds a name whose first word is also a thing one
// meets ("the 10,000 mark", "the bar"): "met with Mark Carney" is a
// meeting with someone, and the thing, in lower case, is still no one.
func TestNamedLikeAThing(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"I met with Mark Rutte, Prime Minister of the Netherlands.", []string{"NL"}},
		{"The US president met with Canadian Prime Minister Mark Carney at the White House on Tuesday.", []string{"CA", "US"}},
		{"The Ukrainian president met Mark Carney, the Canadian prime minister, in Kyiv.", []string{"CA", "UA"}},
		{"After meeting Mark Carney, Prime Minister of Canada, the French president flew home.", []string{"CA", "FR"}},
		// Near misses: the thing met, in lower case.
		{"Ukraine's exports of grain met the 10,000 mark last year.", nil},
		{"The German army's new rifle meets the bar set by NATO.", nil},
	})
}

// TestWillAsName holds "Will" within a sentence as a name, not the modal:
// a call with "Will Hurd" on Monday was held last Monday. A question that
// opens with it still asks of one to come.
func TestWillAsName(t *testing.T) {
	pub := time.Date(2025, 5, 6, 12, 0, 0, 0, time.UTC) // a Tuesday
	checkFirstMeetings(t, pub, []firstMeeting{
		{"Ukrainian President Volodymyr Zelensky had a phone call with US Congressman Will Hurd on Monday.", 1, "call", "2025-05-05", "", []string{"UA", "US"}},
		{"The Ukrainian president met Will Hurd, a US congressman, in Kyiv on Monday.", 1, "meeting", "2025-05-05", "Kyiv", []string{"UA", "US"}},
		{"Will the Ukrainian president meet the Turkish president in Istanbul on Thursday?", 1, "summit", "2025-05-08", "Istanbul", []string{"TR", "UA"}},
	})
}

// TestHostedByLesserTitle holds a guest hosted or received under a title
// written in lower case or below a minister's ("national security
// adviser", "congressman", "lawmakers"), as "met" already reads them.
func TestHostedByLesserTitle(t *testing.T) {
	pub := time.Date(2025, 5, 6, 12, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"Ukrainian President Volodymyr Zelensky welcomed US national security adviser Jake Sullivan in Kyiv on Monday.", []string{"UA", "US"}},
		{"The Ukrainian president hosted the US national security adviser in Kyiv on Monday.", []string{"UA", "US"}},
		{"The Ukrainian president hosted US Congressman Will Hurd in Kyiv on Monday.", []string{"UA", "US"}},
		{"The Polish president received US lawmakers in Warsaw on Monday.", []string{"PL", "US"}},
		// Near misses: a thing received, a proposal welcomed.
		{"The Polish president received a letter from a US senator on Monday.", nil},
		{"The Ukrainian president welcomed the US adviser's proposal on Monday.", nil},
	})
}

// TestMeetsWithPhrases holds the wire's other ways of meeting someone
// "with": "sat down with", "conferred with", "huddled with", "had lunch
// with", "a working dinner with", with an office or a name the text
// ties to a state. A meal or a sit-down with reporters, family or a bare
// name is no meeting of states, and "conferred" a medal
// is no meeting at all.
func TestMeetsWithPhrases(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"The Ukrainian president sat down with the Polish president in Kyiv on Tuesday.", []string{"PL", "UA"}},
		{"The Ukrainian president conferred with the Polish president in Kyiv on Tuesday.", []string{"PL", "UA"}},
		{"The Ukrainian president huddled with the Polish president in Kyiv on Tuesday.", []string{"PL", "UA"}},
		{"The Ukrainian president had lunch with the Polish president in Kyiv on Tuesday.", []string{"PL", "UA"}},
		{"The US president had a working dinner with the Polish president at the White House on Tuesday.", []string{"PL", "US"}},
		// A name the text ties to a state before.
		{"U.S. President Joe Biden announced new aid on Tuesday. British Prime Minister Keir Starmer sat down with Biden at the White House on Wednesday.", []string{"GB", "US"}},
		// Near misses.
		{"The Ukrainian president sat down with reporters in Kyiv on Tuesday.", nil},
		{"The Ukrainian president had dinner with his family on Tuesday.", nil},
		{"The political counselor was having lunch with Sondland in Kyiv.", nil},
		{"The general conferred the medal on a Polish officer on Tuesday.", nil},
	})
}

// TestPlaceOfWelcomeOrVisit holds the place of a meeting said by where a
// guest was welcomed to ("welcomed the Polish president to Kyiv") or by
// the place visited right before "and" the meeting ("visited Kyiv on
// Tuesday and held talks").
func TestPlaceOfWelcomeOrVisit(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	pair := []string{"PL", "UA"}
	checkFirstMeetings(t, pub, []firstMeeting{
		{"The Ukrainian president welcomed the Polish president to Kyiv on Tuesday.", 1, "summit", "2025-05-06", "Kyiv", pair},
		{"The Polish president visited Kyiv on Tuesday and held talks with the Ukrainian president.", 1, "summit", "2025-05-06", "Kyiv", pair},
		{"The Polish president visited Kyiv and met the Ukrainian president.", 1, "summit", "", "Kyiv", pair},
		// Near misses: two places visited; a visit told apart from the
		// meeting by a comma.
		{"The Polish president visited Kyiv and Lviv and met the Ukrainian president.", 1, "summit", "", "", pair},
		{"The Polish president visited Kyiv last year, and on Tuesday he spoke with the Ukrainian president by phone.", 1, "call", "2025-05-06", "", pair},
	})
}

// TestCallAsAVerb holds "call" as the verb of a call to come ("is
// expected to call the Polish president on Friday", "will call") and
// "dialed" as "called" is read; "to call for" something, or to call
// someone a name, is no call.
func TestCallAsAVerb(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC) // a Wednesday
	checkFirstMeetings(t, pub, []firstMeeting{
		{"The Ukrainian president is expected to call the Polish president on Friday.", 1, "call", "2025-05-09", "", []string{"PL", "UA"}},
		{"The Ukrainian president will call German Chancellor Friedrich Merz on Friday.", 1, "call", "2025-05-09", "", []string{"DE", "UA"}},
		{"The Ukrainian president dialed the Polish president on Tuesday.", 1, "call", "2025-05-06", "", []string{"PL", "UA"}},
		{"The opposition is expected to call for the Polish president to resign.", 0, "", "", "", nil},
		{"He will call the Polish president a liar.", 0, "", "", "", nil},
	})
}

// TestMeetThenATime holds "meet" followed by a time that names no day
// ("agreed to meet next month", "will meet this week"): a meeting to come
// between those named; "meet this target" is none.
func TestMeetThenATime(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkParties(t, pub, []meetingParties{
		{"The Ukrainian and Polish presidents agreed to meet next month.", []string{"PL", "UA"}},
		{"The Ukrainian and Polish presidents will meet this week.", []string{"PL", "UA"}},
		{"The Ukrainian president will meet next week with the Polish president.", []string{"PL", "UA"}},
		{"The Ukrainian army's new rifle will meet this target next year.", nil},
	})
}

// TestMetByRemoteMeans holds "met by video link" as a meeting of those who
// met, where "met by" otherwise takes someone met; a target met by phone
// sales is none.
func TestMetByRemoteMeans(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkCounts(t, pub, []meetingCount{
		{"The Coalition of the Willing met by video link on Tuesday.", 1},
		{"NATO defence ministers met by videoconference on Tuesday.", 1},
		{"The sales target was met by phone sales.", 0},
	})
}

// TestFrenchGatheringAndGuest holds French ministers or leaders who "se
// sont réunis" or "se réuniront" (gathered, will gather), and a guest
// received after the day and the place ("a reçu mardi à l'Élysée le
// président ukrainien"); evidence "réunies" by investigators, and a
// letter received, are no meeting.
func TestFrenchGatheringAndGuest(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkCounts(t, pub, []meetingCount{
		{"Les ministres des Affaires étrangères du G7 se sont réunis mardi à Tokyo.", 1},
		{"Les dirigeants européens se réuniront jeudi à Bruxelles.", 1},
		{"Les preuves réunies par les enquêteurs sont accablantes.", 0},
	})
	checkParties(t, pub, []meetingParties{
		{"Le président français a reçu mardi à l'Élysée le président ukrainien.", []string{"FR", "UA"}},
		{"Le président français a reçu mardi le président ukrainien.", []string{"FR", "UA"}},
		{"Le président français a reçu mardi une lettre du président ukrainien.", nil},
	})
}

// TestOpeningClauseMeeting holds a sentence that opens with a meeting in
// a clause of another time ("After meeting the French president on
// Monday,") and tells a second one with someone else in its main clause:
// two meetings, each with its own day, the first also of the main
// clause's subject, who met in both. The same one met again, as "him",
// stays one.
func TestOpeningClauseMeeting(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	text := "After meeting the French president on Monday, the Ukrainian president held talks with the German chancellor on Tuesday."
	ms := Meetings(text, pub)
	if len(ms) != 2 || ms[0].Date != "2025-05-05" || !slices.Equal(ms[0].Participants, []string{"FR", "UA"}) ||
		ms[1].Date != "2025-05-06" || !slices.Equal(ms[1].Participants, []string{"DE", "UA"}) {
		t.Errorf("Meetings(%q) = %+v, want one of FR and UA on Monday, one of DE and UA on Tuesday", text, ms)
	}
	checkCounts(t, pub, []meetingCount{
		{"After meeting the French president, the Ukrainian president held talks with him on defence.", 1},
	})
}

// TestCounterpartKind holds the kind a counterpart gives: a minister's
// counterparts make a ministerial, a president's a summit; a president
// who meets a minister holds a meeting.
func TestCounterpartKind(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	checkFirstMeetings(t, pub, []firstMeeting{
		{"The Ukrainian foreign minister met his French and German counterparts in Berlin on Tuesday.", 1, "ministerial", "2025-05-06", "Berlin", []string{"DE", "FR", "UA"}},
		{"The Ukrainian president met his Polish counterpart in Kyiv on Tuesday.", 1, "summit", "2025-05-06", "Kyiv", []string{"PL", "UA"}},
		{"The Ukrainian president met the Polish foreign minister in Kyiv on Tuesday.", 1, "meeting", "2025-05-06", "Kyiv", []string{"PL", "UA"}},
	})
}

// TestHostedInThePassive holds a guest received in the passive, the host
// after "par" or "by" ("sera reçu lundi à l'Élysée par Emmanuel Macron",
// "was received in Warsaw by the Polish president"), in the tense of its
// auxiliary, with the venue after an elided article giving the city; a
// thing hosted by a state is no guest.
func TestHostedInThePassive(t *testing.T) {
	pub := time.Date(2025, 11, 14, 12, 0, 0, 0, time.UTC) // a Friday
	checkFirstMeetings(t, pub, []firstMeeting{
		{text: "Le président ukrainien Volodymyr Zelensky sera reçu lundi à l'Élysée par le président français.", n: 1, kind: "meeting", date: "2025-11-17", place: "Paris", who: []string{"FR", "UA"}},
		{text: "Le président ukrainien a été reçu lundi à l'Élysée par le président français.", n: 1, kind: "meeting", date: "2025-11-10", place: "Paris", who: []string{"FR", "UA"}},
		{text: "The Ukrainian president was received in Warsaw by the Polish president on Monday.", n: 1, kind: "summit", date: "2025-11-10", place: "Warsaw", who: []string{"PL", "UA"}},
		{text: "The Ukrainian president will be received in Warsaw by the Polish president on Monday.", n: 1, kind: "summit", date: "2025-11-17", place: "Warsaw", who: []string{"PL", "UA"}},
		{text: "The Winter Games, which are hosted by China, could shape the Russian president's plans.", n: 0},
	})
	for _, m := range Meetings("Le président ukrainien sera reçu lundi à l'Élysée par le président français.", pub) {
		if m.Status != defwatch.MeetingPlanned {
			t.Errorf("%q: status %q, want planned", m.Text, m.Status)
		}
	}
}

// meetingLists is a text and each meeting's participants it should give,
// in order.
type meetingLists struct {
	text string
	want [][]string
}

// checkMeetingLists tags each text as published at pub and checks the
// participants of every meeting it gives.
func checkMeetingLists(t *testing.T, pub time.Time, tests []meetingLists) {
	t.Helper()
	for _, tt := range tests {
		var got [][]string
		for _, m := range Meetings(tt.text, pub) {
			got = append(got, m.Participants)
		}
		if !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("Meetings(%q) participants = %v, want %v", tt.text, got, tt.want)
		}
	}
}
