package entity

import (
	"testing"
	"time"
)

// day parses a YYYY-MM-DD publication date at noon UTC.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

// meetingDate returns the date of the one meeting text reports.
func meetingDate(t *testing.T, text string, published time.Time) string {
	t.Helper()
	ms := Meetings(text, published)
	if len(ms) != 1 {
		t.Fatalf("Meetings(%q) = %+v, want one meeting", text, ms)
	}
	return ms[0].Date
}

// TestWeekdayOverAWeek reads "on Thursday" in articles published on each
// day of the week of 7–13 April 2025: the last Thursday for a meeting
// that took place, the next for one to come, and for a sentence that says
// neither, the nearer of the two.
func TestWeekdayOverAWeek(t *testing.T) {
	const (
		past   = "The defence ministers met in Brussels on Thursday."
		future = "The defence ministers will meet in Brussels on Thursday."
		either = "The defence ministers' meeting in Brussels is on Thursday."
		last   = "The defence ministers met in Brussels last Thursday."
		next   = "The defence ministers meet in Brussels next Thursday."
	)
	tests := []struct {
		published                        string
		past, future, either, last, next string
	}{
		{"2025-04-07", "2025-04-03", "2025-04-10", "2025-04-10", "2025-04-03", "2025-04-10"}, // Monday
		{"2025-04-08", "2025-04-03", "2025-04-10", "2025-04-10", "2025-04-03", "2025-04-10"}, // Tuesday
		{"2025-04-09", "2025-04-03", "2025-04-10", "2025-04-10", "2025-04-03", "2025-04-10"}, // Wednesday
		{"2025-04-10", "2025-04-10", "2025-04-10", "2025-04-10", "2025-04-03", "2025-04-17"}, // Thursday
		{"2025-04-11", "2025-04-10", "2025-04-17", "2025-04-10", "2025-04-10", "2025-04-17"}, // Friday
		{"2025-04-12", "2025-04-10", "2025-04-17", "2025-04-10", "2025-04-10", "2025-04-17"}, // Saturday
		{"2025-04-13", "2025-04-10", "2025-04-17", "2025-04-10", "2025-04-10", "2025-04-17"}, // Sunday
	}
	for _, tt := range tests {
		pub := day(tt.published)
		t.Run(pub.Weekday().String(), func(t *testing.T) {
			for _, c := range []struct{ text, want string }{
				{past, tt.past}, {future, tt.future}, {either, tt.either}, {last, tt.last}, {next, tt.next},
			} {
				if got := meetingDate(t, c.text, pub); got != c.want {
					t.Errorf("%q published %s: got %s, want %s", c.text, tt.published, got, c.want)
				}
			}
		})
	}
}

func TestMeetingDates(t *testing.T) {
	thu := day("2025-04-10")
	tests := []struct {
		name, text string
		published  time.Time
		want       string
	}{
		{"month day", "NATO leaders will meet in The Hague on April 24.", thu, "2025-04-24"},
		{"day month", "The defence ministers met in Brussels on 3 April.", thu, "2025-04-03"},
		{"range, first day", "NATO leaders will hold a summit in The Hague on June 24-25.", thu, "2025-06-24"},
		{"day range before the month", "Talks were held in Munich on 14-15 February.", thu, "2025-02-14"},
		{"abbreviated month", "Air Force leaders will gather at the Air and Space Conference on Sept. 14.", thu, "2025-09-14"},
		{"past month far ahead is last year's", "Air Force leaders gathered at the Air and Space Conference on Sept. 14.", thu, "2024-09-14"},
		{"ordinal", "NATO leaders will meet in Brussels on the 14th.", thu, "2025-04-14"},
		{"ordinal past", "The defence ministers met in Brussels on the 3rd.", thu, "2025-04-03"},
		{"ordinal before a comma", "The defence ministers met on the 3rd, officials said.", thu, "2025-04-03"},
		{"an ordinal counting meetings is no day", "The defence ministers held the 17th meeting of the group in Brussels.", thu, ""},
		{"an ordinal counting years is no day", "NATO leaders held their 75th anniversary summit in Washington.", thu, ""},
		{"with year", "The ministers met in Brussels on April 10, 2024.", thu, "2024-04-10"},
		{"iso", "The ministers met in Brussels on 2024-04-10.", thu, "2024-04-10"},
		{"weekday and date", "The ministers will meet in Brussels on Tuesday, April 15.", thu, "2025-04-15"},
		{"today", "Macron spoke by phone with Zelensky today.", thu, "2025-04-10"},
		{"yesterday", "Biden spoke by phone with Scholz yesterday.", thu, "2025-04-09"},
		{"tomorrow", "The leaders will hold talks in Paris tomorrow.", thu, "2025-04-11"},
		{"the day after tomorrow", "The leaders will hold talks in Paris the day after tomorrow.", thu, "2025-04-12"},
		{"the day before yesterday", "The leaders held talks in Paris the day before yesterday.", thu, "2025-04-08"},
		{"days ago", "The defence ministers met in Brussels two days ago.", thu, "2025-04-08"},
		{"towards this evening", "Ближче до вечора зустрівся з головою Європейського парламенту у Києві.", thu, "2025-04-10"},
		{"at noon", "Опівдні прем'єр-міністри Польщі та України провели переговори у Києві.", thu, "2025-04-10"},
		{"under a roof is no evening", "Під дахом парламенту прем'єр-міністри Польщі та України провели переговори у Києві.", thu, ""},
		{"said at the meeting on its day", "Blinken said on Friday at the Munich Security Conference that Russia was ready to invade.", thu, "2025-04-04"},
		{"said on a day, of a meeting later", "Blinken said on Friday that NATO leaders will meet in Vilnius.", thu, ""},
		{"vague week", "The defence ministers met in Brussels last week.", thu, ""},
		{"vague month", "The defence ministers met in Brussels in March.", thu, ""},
		{"a day before a comma and who said it", "The Ukrainian and Russian delegations will hold talks in Istanbul on Wednesday, Umerov said.", day("2025-07-21"), "2025-07-23"},
		{"ukrainian day before a comma and who said it", "Делегації України та Росії проведуть новий раунд переговорів у Стамбулі в середу, повідомив Умєров.", day("2025-07-21"), "2025-07-23"},
		{"proposal date is not the meeting's", "Putin on Sunday proposed direct talks with Ukraine in Istanbul on Thursday, May 15.", day("2025-05-11"), "2025-05-15"},
		{"proposal date after the verb", "Putin proposed on Sunday direct talks with Ukraine in Istanbul on Thursday.", day("2025-05-11"), "2025-05-15"},
		{"proposal date alone", "Putin on Sunday proposed direct talks with Ukraine.", day("2025-05-11"), ""},
		{"talks proposed for a day", "The talks proposed for Thursday in Istanbul will go ahead.", day("2025-05-11"), "2025-05-15"},
		{"statement date is not the meeting's", "The defence ministers will meet in Brussels, officials said on Monday.", thu, ""},
		{"next year", "NATO leaders will meet in Brussels on January 5.", day("2025-12-20"), "2026-01-05"},
		{"last year", "The defence ministers met in Brussels on Dec. 20.", day("2026-01-05"), "2025-12-20"},
		{"no publication date", "The defence ministers met in Brussels on Thursday.", time.Time{}, ""},
		{"no publication date, full date", "The defence ministers met in Brussels on April 10, 2025.", time.Time{}, "2025-04-10"},
		{"reported speech", "Biden assured Zelensky in a Monday phone call that aid would arrive quickly.", day("2024-04-23"), "2024-04-22"},
		{"clock time", "In Brussels at 12.30 there will be an extraordinary summit of EU leaders.", thu, "2025-04-10"},
		{"german weekday", "Die Außenminister trafen sich am Donnerstag in Brüssel.", day("2025-04-11"), "2025-04-10"},
		{"german date", "Die Außenminister trafen sich am 14. Februar in München.", thu, "2025-02-14"},
		{"ukrainian weekday", "Міністри оборони зустрілися у п'ятницю в Брюсселі.", day("2025-04-12"), "2025-04-11"},
		{"ukrainian date", "24 березня відбудеться саміт НАТО.", day("2025-03-21"), "2025-03-24"},
		{"ukrainian today", "Говорив сьогодні з канцлером Німеччини Олафом Шольцом.", day("2022-05-17"), "2022-05-17"},
		{"the day before, alone", "The Austrian chancellor had met with the Russian president the day before.", thu, "2025-04-09"},
		{"the day before an event is no day", "The defence ministers met in Brussels the day before the summit.", thu, ""},
		{"ukrainian day before, alone", "Канцлер Австрії напередодні зустрічався з Президентом Росії.", thu, "2025-04-09"},
		{"ukrainian eve of an event is no day", "Міністри зустрілися в Брюсселі напередодні саміту.", thu, ""},
		{"russian day before, alone", "Канцлер Австрии накануне встретился с президентом России.", thu, "2025-04-09"},
		{"french day before, alone", "Le chancelier autrichien a eu une réunion avec le président russe la veille.", thu, "2025-04-09"},
		{"ukrainian tomorrow's", "Готуємося до завтрашніх переговорів з делегацією Польщі у Варшаві.", thu, "2025-04-11"},
		{"ukrainian yesterday's, opening", "Вчорашня зустріч міністрів оборони Польщі та Литви у Вільнюсі була важливою.", thu, "2025-04-09"},
		{"russian yesterday's", "На вчерашней встрече министры обороны Польши и Литвы обсудили помощь.", thu, "2025-04-09"},
		{"german tomorrow's", "Die morgigen Gespräche der Außenminister Polens und Litauens finden in Vilnius statt.", thu, "2025-04-11"},
		{"german today's", "Beim heutigen Treffen der Verteidigungsminister Polens und Litauens ging es um Hilfe.", thu, "2025-04-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetingDate(t, tt.text, tt.published); got != tt.want {
				t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestStoryDay checks that an undated meeting takes the day its paragraph
// is at, and only its paragraph's.
func TestStoryDay(t *testing.T) {
	pub := day("2022-02-26")
	text := "It was a hard day today. I spoke with President Macron.\n\nI spoke with Chancellor Scholz."
	ms := Meetings(text, pub)
	if len(ms) != 2 || ms[0].Date != "2022-02-26" || ms[1].Date != "" {
		t.Errorf("got %+v, want Macron on 2022-02-26 and Scholz undated", ms)
	}
}

// TestWeekdayOpeningASentence reads a weekday that languages writing it
// small capitalise only where it opens the sentence.
func TestWeekdayOpeningASentence(t *testing.T) {
	pub := day("2025-04-12") // a Saturday
	tests := []struct{ text, want string }{
		{"Vendredi, le ministre a rencontré le chancelier allemand à Berlin.", "2025-04-11"},
		{"Mardi, la ministre a rencontré son homologue polonais à Varsovie.", "2025-04-08"},
		{"Четвер: міністр зустрівся з Президентом Польщі у Варшаві.", "2025-04-10"},
	}
	for _, tt := range tests {
		if got := meetingDate(t, tt.text, pub); got != tt.want {
			t.Errorf("%q: got %q, want %s", tt.text, got, tt.want)
		}
	}
}

// TestFrenchHier holds that "hier" is French "yesterday" after a French
// past participle or before a part of the day, and German "here"
// otherwise.
func TestFrenchHier(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Le ministre a rencontré hier son homologue.", true},
		{"Les ministres se sont parlé hier soir.", true},
		{"Der Minister ist hier in Berlin.", false},
		{"Hier gibt es keine Gespräche.", false},
	}
	for _, tt := range tests {
		s := newScan(tt.text)
		got := false
		for i := range s.toks {
			if e, ok := s.dtAt(i, len(s.toks)); ok && e.kind == dtRelative && e.offset == -1 {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q: yesterday read %v, want %v", tt.text, got, tt.want)
		}
	}
}
