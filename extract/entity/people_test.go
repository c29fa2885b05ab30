package entity

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// personList writes people as "Name (Title); Name", the way a failure
// reads best.
func personList(text string) string {
	var parts []string
	for _, p := range People(text) {
		if p.Title == "" {
			parts = append(parts, p.Name)
		} else {
			parts = append(parts, fmt.Sprintf("%s (%s)", p.Name, p.Title))
		}
	}
	return strings.Join(parts, "; ")
}

func TestPeople(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		// Titles before the name.
		{"state and office", "U.S. Defense Secretary Pete Hegseth said on Tuesday.", "Pete Hegseth (U.S. Defense Secretary)"},
		{"office", "President Volodymyr Zelensky thanked Defence Minister Rustem Umerov.", "Volodymyr Zelensky (President); Rustem Umerov (Defence Minister)"},
		{"organisation", "NATO Secretary General Mark Rutte spoke.", "Mark Rutte (NATO Secretary General)"},
		{"rank abbreviation", "Gen. Mark Welsh visited.", "Mark Welsh (Gen.)"},
		{"compound rank", "Chief Master Sgt. JoAnne Bass and Lt. Gen. Stanley E. Clarke III", "JoAnne Bass (Chief Master Sgt.); Stanley E. Clarke III (Lt. Gen.)"},
		{"title with of", "Secretary of State Marco Rubio and Chairman of the Joint Chiefs of Staff Gen. Dan Caine", "Marco Rubio (Secretary of State); Dan Caine (Chairman of the Joint Chiefs of Staff Gen.)"},
		{"possessive owner", "Russia's Foreign Minister Sergei Lavrov said.", "Sergei Lavrov (Russia's Foreign Minister)"},
		{"command before the title", "Air Force Global Strike Command Commander Gen. Thomas Bussiere", "Thomas Bussiere (Air Force Global Strike Command Commander Gen.)"},
		{"ordinal in a rank", "Airman 1st Class Jane Doe", "Jane Doe (Airman 1st Class)"},
		{"state inside the title", "President of Ukraine Volodymyr Zelensky", "Volodymyr Zelensky (President of Ukraine)"},
		{"lower-case title", "defence secretary John Healey said", "John Healey (defence secretary)"},
		{"surname after a strong title", "President Biden spoke.", "Biden (President)"},
		{"pope by given name", "Pope Francis and King Charles", "Francis (Pope); Charles (King)"},
		{"dotted initials", "President George H.W. Bush", "George H.W. Bush (President)"},
		{"initial without a dot", "George W Bush", "George W Bush"},
		{"particles", "Ursula von der Leyen met Luiz Inácio Lula da Silva.", "Ursula von der Leyen; Luiz Inácio Lula da Silva"},
		{"hyphenated names", "Frank-Walter Steinmeier and Linda Thomas-Greenfield", "Frank-Walter Steinmeier; Linda Thomas-Greenfield"},

		// No title, or a title after the name.
		{"known given name", "Mark Rutte said.", "Mark Rutte"},
		{"apposition", "Mark Rutte, NATO's secretary general, said.", "Mark Rutte (NATO's secretary general)"},
		{"apposition with article", "Dmitry Peskov, the Kremlin spokesman, said.", "Dmitry Peskov (Kremlin spokesman)"},

		// Folding.
		{"surname folds into full name", "U.S. Defense Secretary Pete Hegseth arrived. Secretary Hegseth then left. Hegseth said.", "Pete Hegseth (U.S. Defense Secretary)"},
		{"surname before the full name", "President Zelensky spoke. Volodymyr Zelensky is in Kyiv.", "Volodymyr Zelensky (President)"},
		{"title given later", "Volodymyr Zelensky spoke. President Zelensky left.", "Volodymyr Zelensky (President)"},
		{"middle initial", "Donald J. Trump and President Donald Trump", "Donald J. Trump (President)"},
		{"ambiguous surname", "Eric Trump and Donald Trump. President Trump said.", "Eric Trump; Donald Trump"},

		// Other languages.
		{"german", "Der türkische Präsident Recep Tayyip Erdoğan beauftragte Ministerpräsident Ahmet Davutoğlu.", "Recep Tayyip Erdoğan (türkische Präsident); Ahmet Davutoğlu (Ministerpräsident)"},
		{"german compound title", "HDP-Chef Selahattin Demirtaş und Außenminister Sebastian Kurz (ÖVP)", "Selahattin Demirtaş (HDP-Chef); Sebastian Kurz (Außenminister)"},
		{"french", "le président Emmanuel Macron et François Hollande", "Emmanuel Macron (président); François Hollande"},
		{"ukrainian", "Президент України Володимир Зеленський і Генеральний секретар ООН Антоніу Гутерріш", "Володимир Зеленський (Президент України); Антоніу Гутерріш (Генеральний секретар ООН)"},
		{"ukrainian compound title", "Прем'єр-міністр Словаччини пан Едуард Хегер", "Едуард Хегер (Прем'єр-міністр Словаччини)"},
		{"russian", "Премьер-министр Израиля Нафтали Беннет", "Нафтали Беннет (Премьер-министр Израиля)"},
		{"ukrainian inflected title", "Говорив з Президентом Литовської Республіки Гітанасом Наусєдою.", ""},
		{"ukrainian body after a title", "Президент Європейської Комісії, секретар Ради національної безпеки", ""},

		// Traps: bodies, places, ships, things, states.
		{"company after a rank", "General Dynamics Land Systems and General Atomics", ""},
		{"ship", "USS Carl Vinson and HMS Queen Elizabeth", ""},
		{"fort", "Fort George Meade", ""},
		{"airport", "Ronald Reagan Washington National Airport", ""},
		{"university", "George Washington University", ""},
		{"medal", "the Meritorious Service Medal", ""},
		{"month after a rank", "Lieutenant General Aug. 2010", ""},
		{"noun after a title", "Special Adviser for Policy Implementation", ""},
		{"bracketed given name", "[President Vladimir] Putin said", ""},
		{"state after a title", "President of Ukraine said", ""},
		{"organisation as name", "President NATO", ""},
		{"title alone", "Mr. Speaker, the President said.", ""},
		{"headline", "PRESIDENT MEETS GENERAL", ""},
		{"abbreviation without dot", "Gen Z and Rep Smith", ""},
		{"generation", "Gen. Z", ""},
		{"possessive", "President Trump's plan", "Trump (President)"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := personList(tt.text); got != tt.want {
				t.Errorf("People(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPeopleCorpus runs People over the repository's sample of real
// articles and checks what must hold for any text.
func TestPeopleCorpus(t *testing.T) {
	b, err := os.ReadFile("testdata/gdelt-dc57ec8f01.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	ps := People(text)
	if len(ps) == 0 {
		t.Fatal("found nobody in a wire story full of officials")
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Name] {
			t.Errorf("%q listed twice", p.Name)
		}
		seen[p.Name] = true
		if !strings.Contains(text, p.Name) || p.Title != "" && !strings.Contains(text, p.Title) {
			t.Errorf("%+v is not in the text", p)
		}
	}
}

func FuzzPeople(f *testing.F) {
	for _, s := range []string{
		"U.S. Defense Secretary Pete Hegseth said. Hegseth added.",
		"Chief Master Sgt. of the Air Force JoAnne Bass; Gen. Z; Mr.",
		"Ursula von der Leyen, Frank-Walter Steinmeier, O'Brien's",
		"Mark Rutte, NATO's secretary general, said",
		"Der türkische Präsident Recep Tayyip Erdoğan, HDP-Chef",
		"President", "Gen.", "von der", "Jr.", "Mark", ", the", "'s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, p := range People(text) {
			if p.Name == "" || !utf8.ValidString(p.Name) || seen[p.Name] {
				t.Fatalf("bad or repeated person %+v", p)
			}
			seen[p.Name] = true
			if !strings.Contains(text, p.Name) || !strings.Contains(text, p.Title) {
				t.Fatalf("%+v is not in the text", p)
			}
		}
	})
}

func ExamplePeople() {
	text := "NATO Secretary General Mark Rutte met U.S. Defense Secretary Pete Hegseth. Hegseth said little."
	for _, p := range People(text) {
		fmt.Printf("%s, %s\n", p.Name, p.Title)
	}
	// Output:
	// Mark Rutte, NATO Secretary General
	// Pete Hegseth, U.S. Defense Secretary
}
