package entity

import (
	"slices"
	"testing"
	"time"
)

// TestGuestVisitWithTalks holds a leader's address that tells a guest's
// visit in one sentence and the talks in the next: one meeting, told from
// the visit's sentence, with the guest's state and the city; a visit no
// talk follows, a visit told of those a meeting was with, and another
// meeting told after the visit stay as they are.
func TestGuestVisitWithTalks(t *testing.T) {
	pub := time.Date(2022, 4, 28, 21, 0, 0, 0, time.FixedZone("EEST", 3*3600))
	const head = "Address by the President of Ukraine.\n\n"
	tests := []struct {
		name, text string
		want       []string // each meeting's kind, place, participants and first words
	}{
		{"visit then talks",
			head + "Prime Minister of Bulgaria Kiril Petkov paid a visit to Kyiv today. We had very warm negotiations with him. Defense and energy issues were discussed with Mr. Petkov.",
			[]string{"summit 2022-04-28 Kyiv [BG UA] Prime Minister of Bulgaria"}},
		{"Ukrainian visit then talks",
			head + "Сьогодні у Києві з візитом був Прем'єр-міністр Болгарії Кирил Петков. Обговорили з паном Петковим оборонні питання.",
			[]string{"summit 2022-04-28 Kyiv [BG UA] Сьогодні у Києві з візитом"}},
		{"head of a body, talks without a name",
			head + "Mr. Grossi, Director General of the IAEA, paid a visit to Kyiv today. We discussed all the dangers created by the war.",
			[]string{"meeting 2022-04-28 Kyiv [UA] Mr. Grossi, Director General"}},
		{"visit alone",
			head + "Prime Minister of Lithuania Ingrida Šimonytė paid a visit to Ukraine today. I am grateful to her for the support.",
			nil},
		{"another meeting after the visit",
			head + "Prime Minister of Lithuania Ingrida Šimonytė paid a visit to Ukraine today. I am grateful to her. Sanctions were also discussed today with Prime Minister of the Netherlands Mark Rutte. The second topic of our conversation was energy.",
			[]string{"call 2022-04-28  [NL UA] Sanctions were also discussed"}},
		{"guests of several states joined after one office",
			head + "Today the Prime Ministers of Portugal and Greece arrived in Kyiv. We held talks on air defence.",
			[]string{"summit 2022-04-28 Kyiv [GR PT UA] Today the Prime Ministers"}},
		{"Ukrainian guests of several states",
			head + "Сьогодні до Києва прибули прем'єр-міністри Португалії та Греції. Провели переговори щодо протиповітряної оборони.",
			[]string{"summit 2022-04-28 Kyiv [GR PT UA] Сьогодні до Києва"}},
		{"guests' states listed after the visit",
			head + "The Prime Ministers of two neighbouring states visited Kyiv today. Moldova and Romania. I was glad to talk to them in person.",
			[]string{"summit 2022-04-28 Kyiv [MD RO UA] The Prime Ministers of two"}},
		{"guests thanked after the visit",
			head + "The Prime Minister of Estonia arrived in Kyiv today. Thank you.\n\nI thanked her for the new air defence package.",
			[]string{"summit 2022-04-28 Kyiv [EE UA] The Prime Minister of Estonia"}},
		{"Ukrainian guests thanked after the visit",
			head + "Сьогодні до Києва прибув прем'єр-міністр Естонії. Дякую.\n\nПодякував йому за новий пакет допомоги.",
			[]string{"summit 2022-04-28 Kyiv [EE UA] Сьогодні до Києва"}},
		{"a day said before the visit in its paragraph",
			head + "Today was a busy day for our diplomacy. First, the Prime Minister of Estonia arrived in Kyiv.\n\nI thanked her for the new air defence package.",
			[]string{"summit 2022-04-28 Kyiv [EE UA] First, the Prime Minister"}},
		{"a body's session after the visit is its own",
			head + "The Prime Minister of Estonia arrived in Kyiv today. I thanked her for the support.\n\nI also addressed the participants of the annual session of the IMF today.",
			[]string{"summit 2022-04-28 Kyiv [EE UA] The Prime Minister of Estonia", "meeting 2022-04-28  [] I also addressed"}},
		{"visit told of those met",
			head + "We talked about this with the leaders of European countries who visited Bucha with us.",
			[]string{"call   [UA] We talked about this"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Meetings(tt.text, pub) {
				p := slices.Clone(m.Participants)
				slices.Sort(p)
				got = append(got, m.Kind+" "+m.Date+" "+m.Location+" "+fmtList(p)+" "+m.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d meetings %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if len(got[i]) < len(tt.want[i]) || got[i][:len(tt.want[i])] != tt.want[i] {
					t.Errorf("meeting %d: got %q, want it to start %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func fmtList(p []string) string {
	out := "["
	for i, c := range p {
		if i > 0 {
			out += " "
		}
		out += c
	}
	return out + "]"
}

// TestSpeakerWelcomesGuest holds that a leader who tells of welcoming a
// guest from another state or body has met them, whether or not talks are
// told after it, and that a welcome being prepared is a meeting to come.
func TestSpeakerWelcomesGuest(t *testing.T) {
	pub := time.Date(2022, 4, 9, 21, 0, 0, 0, time.FixedZone("EEST", 3*3600))
	const head = "Address by the President of Ukraine.\n\n"
	tests := []struct {
		name, text, kind, status string
		want                     []string
	}{
		{"welcomed in our capital", head + "Today, it was a great honor for me to welcome in our capital a sincere friend of Ukraine - Prime Minister of the United Kingdom Boris Johnson.",
			"summit", "held", []string{"GB", "UA"}},
		{"Ukrainian welcome", head + "Сьогодні для мене було великою честю вітати в нашій столиці Прем'єр-міністра Великої Британії Бориса Джонсона.",
			"summit", "held", []string{"GB", "UA"}},
		{"welcome prepared", head + "We are preparing to welcome President of the European Commission Ursula von der Leyen in Kyiv in the near future.",
			"summit", "planned", []string{"UA"}},
		{"Ukrainian welcome prepared", head + "Готуємося приймати вже найближчим часом у Києві Президентку Єврокомісії Урсулу фон дер Ляєн.",
			"summit", "planned", []string{"UA"}},
		// Near misses: a welcome of a decision, and a guest whom no one
		// in office leads.
		{"welcomed a decision", head + "I welcome the decision of the Prime Minister of the United Kingdom to send weapons to our capital.", "", "", nil},
		{"no one in office", head + "I was glad to welcome in Kyiv journalists from around the world.", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Meetings(tt.text, pub)
			if tt.want == nil {
				if len(ms) != 0 {
					t.Fatalf("got %+v, want none", ms)
				}
				return
			}
			if len(ms) != 1 {
				t.Fatalf("got %+v, want one meeting", ms)
			}
			m := ms[0]
			if m.Kind != tt.kind || m.Status != tt.status || !slices.Equal(m.Participants, tt.want) {
				t.Errorf("got %s %s %v, want %s %s %v", m.Kind, m.Status, m.Participants, tt.kind, tt.status, tt.want)
			}
		})
	}
}
