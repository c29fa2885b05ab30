package entity

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestOrgs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // names, most-named first
	}{
		{"acronym", "NATO allies met.", []string{"NATO"}},
		{"full name", "The North Atlantic Treaty Organization said.", []string{"NATO"}},
		{"news spelling", "Nato's chief spoke.", []string{"NATO"}},
		{"french acronym", "L'OTAN et l'UE.", []string{"EU", "NATO"}},
		{"german forms", "Die Vereinten Nationen und die Europäische Union.", []string{"EU", "UN"}},
		{"german compound", "Beim Nato-Gipfel in Brüssel.", []string{"NATO"}},
		{"ukrainian", "Саміт НАТО і засідання ООН, ЄС.", []string{"EU", "NATO", "UN"}},
		{"ukrainian inflected", "лідери Європейського Союзу та Євросоюзу", []string{"EU"}},
		{"ukrainian G7", "саміт «Великої сімки»", []string{"G7"}},
		{"russian", "Генсек ООН и МАГАТЭ", []string{"IAEA", "UN"}},
		{"most named first", "The EU and NATO. NATO again. Nato once more.", []string{"NATO", "EU"}},
		{"security council", "The UN Security Council met; the Security Council voted.", []string{"UN Security Council"}},
		{"not the UN's council", "Russia's Security Council and the National Security Council met.", nil},
		{"not a state assembly", "The Georgia General Assembly passed a bill.", nil},
		{"general assembly", "He spoke at the General Assembly.", []string{"UN General Assembly"}},
		{"G7 and G20", "The G7 and the G-20 and the Group of Seven.", []string{"G7", "G20"}},
		{"african union", "The African Union (AU) and the AU.", []string{"AU"}},
		{"not a currency", "It cost AU$ 5 million.", nil},
		{"WHO", "The WHO warned.", []string{"WHO"}},
		{"WHO in a headline", "WHO WILL PAY FOR THE WAR", nil},
		{"islamic state in brackets", "Der Islamische Staat (IS) und der IS.", []string{"Islamic State"}},
		{"IS the verb", "IS THIS THE END? It IS.", nil},
		{"armed groups", "Hamas, Hezbollah and the Houthis; Wagner Group fighters.", []string{"Hamas", "Hezbollah", "Houthis", "Wagner Group"}},
		{"wagner the composer", "They played Wagner at the concert.", nil},
		{"contact group", "The Ukraine Defense Contact Group, the Ramstein format.", []string{"Ukraine Defense Contact Group"}},
		{"coalition of the willing", "the coalition of the willing met", []string{"Coalition of the Willing"}},
		{"groupings of states", "The Weimar Triangle, the Bucharest Nine, the NB8, the Visegrad Four and the E3 met.",
			[]string{"Bucharest Nine", "E3", "Nordic-Baltic Eight", "Visegrad Group", "Weimar Triangle"}},
		{"groupings in Ukrainian", "Міністри Веймарського трикутника і Вишеградської четвірки.", []string{"Visegrad Group", "Weimar Triangle"}},
		{"kremlin is no org", "The Kremlin said and the White House said.", nil},
		{"pentagon", "The Pentagon said.", []string{"Pentagon"}},
		{"not inside a word", "NATOS and UNESCO and EUR", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range Orgs(tt.text) {
				got = append(got, o.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Orgs(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestOrgsCounts(t *testing.T) {
	got := Orgs("NATO and Nato and the North Atlantic Alliance; the EU.")
	if len(got) != 2 || got[0].Name != "NATO" || got[0].Count != 3 || got[1].Name != "EU" || got[1].Count != 1 {
		t.Errorf("got %+v, want NATO 3, EU 1", got)
	}
}

func TestOrgsSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Orgs(string(b))
	if len(got) != 1 || got[0].Name != "NATO" {
		t.Errorf("seed orgs = %+v, want NATO only", got)
	}
}

// TestOrgForms checks the table itself: every stem is long enough to
// index, and no name is listed twice under different spellings.
func TestOrgForms(t *testing.T) {
	seen := map[string]string{}
	for _, f := range orgForms {
		for _, form := range append([]string{f.name}, strings.Split(f.forms, "|")...) {
			if form == "" {
				continue
			}
			if prev, ok := seen[form]; ok && prev != f.name {
				t.Errorf("form %q is both %s and %s", form, prev, f.name)
			}
			seen[form] = f.name
		}
	}
	orgLex() // panics on a stem too short to index
}

func FuzzOrgs(f *testing.F) {
	for _, s := range append(fuzzMeetingSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		orgs := Orgs(text)
		if len(orgs) > len(text) {
			t.Fatalf("%d orgs in %d bytes", len(orgs), len(text))
		}
		for i, o := range orgs {
			if o.Name == "" || o.Count < 1 {
				t.Fatalf("bad org %+v", o)
			}
			if i > 0 && orgs[i-1].Count < o.Count {
				t.Fatalf("orgs out of order: %+v", orgs)
			}
		}
	})
}
