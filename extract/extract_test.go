package extract

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func codes(a *defwatch.Article) []string {
	var out []string
	for _, n := range a.Nations {
		out = append(out, n.Code)
	}
	slices.Sort(out)
	return out
}

// checkSeedTags asserts the tags every form of the seed must get.
func checkSeedTags(t *testing.T, a *defwatch.Article) {
	t.Helper()
	got := codes(a)
	for _, want := range []string{"DE", "FR", "GB", "RU", "UA", "US"} {
		if !slices.Contains(got, want) {
			t.Errorf("nations %v lack %s", got, want)
		}
	}
	var force bool
	for _, tr := range a.Troops {
		force = force || tr.Min == 10000 && tr.Max == 30000 && tr.Category == defwatch.TroopStrength
	}
	if !force {
		t.Errorf("troops %+v lack the 10,000-30,000 strength figure", a.Troops)
	}
	// The ministerial on Thursday at NATO headquarters led by Britain and
	// France, and the meeting of about 50 nations on Friday.
	var ministerial, friday bool
	for _, m := range a.Meetings {
		switch {
		case m.Kind == defwatch.MeetingMinisterial && m.Date == "2025-04-10" && m.Location == "Brussels" &&
			slices.Contains(m.Participants, "GB") && slices.Contains(m.Participants, "FR"):
			ministerial = true
		case m.Date == "2025-04-11" && slices.Contains(m.Participants, "GB") && slices.Contains(m.Participants, "DE"):
			friday = true
		}
	}
	if !ministerial || !friday {
		t.Errorf("meetings %+v: want the ministerial of 2025-04-10 in Brussels (GB, FR) and the meeting of 2025-04-11 (GB, DE)", a.Meetings)
	}
	if len(a.Orgs) == 0 || a.Orgs[0].Name != "NATO" {
		t.Errorf("orgs %+v: want NATO first", a.Orgs)
	}
}

func TestFromPageSeedHTML(t *testing.T) {
	fetched := time.Date(2025, 4, 10, 10, 0, 0, 0, time.UTC)
	a, err := FromPage(&defwatch.Page{
		ID: "seed", URL: "https://news.example/world/nato-ukraine-force-ministers.html", Source: "news.example",
		Feed: "https://news.example/feed.xml", Title: "Feed title", Fetched: fetched,
		Published: time.Date(2025, 4, 9, 0, 0, 0, 0, time.UTC), HTML: strings.ReplaceAll(readFile(t, "../testdata/seed.html"), "{{BASE}}", "https://news.example"),
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSeedTags(t, a)
	if a.Title != "NATO to host defense leaders for Ukraine force discussions" {
		t.Errorf("title %q: the page's headline should beat the feed's", a.Title)
	}
	if want := time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedFrom == FromFeed {
		t.Errorf("published %s from %q: the page's date should beat the feed's", a.Published, a.PublishedFrom)
	}
	if a.Lang != "en" || a.ID != "seed" || a.Source != "news.example" || !a.Fetched.Equal(fetched) {
		t.Errorf("lang %q id %q source %q fetched %s", a.Lang, a.ID, a.Source, a.Fetched)
	}
	for _, junk := range []string{"Most read", "All rights reserved", "Subscribe", "\n0\n"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps boilerplate %q", junk)
		}
	}
	if !strings.HasPrefix(a.Text, "BRUSSELS – The defense ministers") {
		t.Errorf("text should open with the dateline, its dash repaired: %.80q", a.Text)
	}
	if !strings.Contains(a.Text, "NATO’s headquarters") || strings.Contains(a.Text, "โ€") {
		t.Errorf("apostrophes not repaired: %.300q", a.Text)
	}
	if a.TitleFrom == "" || a.TitleFrom == FromFeed || a.LangFrom != LangFromPage || a.SiteName != "World News Desk" {
		t.Errorf("title from %q, lang from %q, site name %q", a.TitleFrom, a.LangFrom, a.SiteName)
	}
}

func TestFromPageSeedText(t *testing.T) {
	a, err := FromPage(&defwatch.Page{ID: "seed-text", Title: "NATO to host defense leaders for Ukraine force discussions",
		Text: readFile(t, "../testdata/seed.txt"), Published: time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC), Imported: true})
	if err != nil {
		t.Fatal(err)
	}
	checkSeedTags(t, a)
	if a.PublishedFrom != FromArchive || a.TitleFrom != FromArchive || a.LangFrom != LangFromDetected || a.Lang != "en" {
		t.Errorf("published_from %q, title_from %q, lang %q from %q", a.PublishedFrom, a.TitleFrom, a.Lang, a.LangFrom)
	}
	if !strings.Contains(a.Text, "BRUSSELS – The defense") || strings.Contains(a.Text, "โ€") {
		t.Errorf("mojibake not repaired: %.200q", a.Text)
	}
	for _, line := range strings.Split(a.Text, "\n") {
		if strings.TrimSpace(line) == "0" {
			t.Errorf("share counter kept in %.120q", a.Text)
		}
	}
}

func TestFromPageEdges(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		if _, err := FromPage(&defwatch.Page{ID: "x", HTML: "<html><body></body></html>"}); err == nil {
			t.Error("an empty page gave no error")
		}
	})
	t.Run("id from content when there is no URL", func(t *testing.T) {
		p := &defwatch.Page{Text: "Talks on Ukraine resumed in Geneva on Monday."}
		a1, err1 := FromPage(p)
		a2, err2 := FromPage(p)
		if err1 != nil || err2 != nil || a1.ID == "" || a1.ID != a2.ID {
			t.Errorf("ids %q %q, errors %v %v", a1.ID, a2.ID, err1, err2)
		}
	})
	t.Run("lists are never null", func(t *testing.T) {
		a, err := FromPage(&defwatch.Page{ID: "x", Text: "Nothing of note happened here today at all."})
		if err != nil {
			t.Fatal(err)
		}
		if a.Nations == nil || a.Troops == nil || a.Meetings == nil || a.Orgs == nil || a.People == nil || a.Places == nil {
			t.Errorf("nil list in %+v", a)
		}
	})
	t.Run("impossible feed dates are dropped", func(t *testing.T) {
		for _, when := range []time.Time{time.Now().Add(72 * time.Hour), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC)} {
			a, err := FromPage(&defwatch.Page{ID: "x", Feed: "https://f.example/rss", Published: when, Text: "Troops gathered near the border for the exercise."})
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.IsZero() || a.PublishedFrom != "" {
				t.Errorf("feed date %s kept as %s (%s)", when, a.Published, a.PublishedFrom)
			}
		}
	})
	t.Run("a huge page stays within bounds", func(t *testing.T) {
		html := "<html><body><article>" + strings.Repeat("<p>Russian troops, about 10,000 of them, moved toward Kyiv on Thursday.</p>", 40000) + "</article></body></html>"
		a, err := FromPage(&defwatch.Page{ID: "x", HTML: html})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Text) > maxText || len(a.Troops) > maxEntities || !utf8.ValidString(a.Text) || !strings.HasSuffix(a.Text, "Thursday.") {
			t.Errorf("text %d bytes (ends %q), %d troop figures", len(a.Text), a.Text[len(a.Text)-20:], len(a.Troops))
		}
	})
	t.Run("feed date when the page has none", func(t *testing.T) {
		when := time.Date(2025, 4, 10, 9, 0, 0, 0, time.UTC)
		a, err := FromPage(&defwatch.Page{ID: "x", Feed: "https://f.example/rss", Published: when,
			HTML: "<html><body><article><p>" + strings.Repeat("Troops gathered near the border for the exercise. ", 8) + "</p></article></body></html>"})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Published.Equal(when) || a.PublishedFrom != FromFeed {
			t.Errorf("published %s from %q", a.Published, a.PublishedFrom)
		}
	})
}

func TestDetectLang(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The defense ministers of roughly 30 nations are set to convene on Thursday to discuss the force.", "en"},
		{"Die Verteidigungsminister der Nato haben sich am Donnerstag in Brüssel getroffen, um über die Truppe zu sprechen.", "de"},
		{"Les ministres de la Défense se sont réunis jeudi à Bruxelles pour discuter de la force pour l'Ukraine.", "fr"},
		{"Міністри оборони зібралися в Брюсселі, щоб обговорити миротворчі сили для України.", "uk"},
		{"Министры обороны собрались в Брюсселе, чтобы обсудить миротворческие силы для Украины.", "ru"},
		{"国防部长们周四在布鲁塞尔开会讨论乌克兰维和部队问题。", "zh"},
		{"too short", ""},
	} {
		if got := DetectLang(tc.text); got != tc.want {
			t.Errorf("DetectLang(%.40q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestDetectLangScriptsDisjoint checks what DetectLang's order of tests
// assumes: no character is in two of the scripts it counts, and none below
// U+0250 is in any of them.
func TestDetectLangScriptsDisjoint(t *testing.T) {
	scripts := map[string]*unicode.RangeTable{
		"Han": unicode.Han, "Hiragana": unicode.Hiragana, "Katakana": unicode.Katakana,
		"Hangul": unicode.Hangul, "Cyrillic": unicode.Cyrillic, "Arabic": unicode.Arabic,
		"Hebrew": unicode.Hebrew, "Greek": unicode.Greek, "Thai": unicode.Thai,
		"Devanagari": unicode.Devanagari,
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		var in []string
		for name, table := range scripts {
			if unicode.Is(table, r) {
				in = append(in, name)
			}
		}
		if len(in) > 1 || len(in) == 1 && r < 0x250 {
			t.Fatalf("%U is in %v", r, in)
		}
	}
}

// TestBestByStopwords checks the stop-word vote against counting each
// language's words in the text one list at a time, on texts mixing two
// languages' lists in every proportion.
func TestBestByStopwords(t *testing.T) {
	latin := []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl"}
	words := map[string][]string{}
	for _, sw := range stopwords {
		words[sw.lang] = sw.words
	}
	want := func(text string, langs []string) string {
		best, bestScore := langs[0], -1
		for _, l := range langs {
			n := 0
			for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if slices.Contains(words[l], w) {
					n++
				}
			}
			if n > bestScore {
				best, bestScore = l, n
			}
		}
		return best
	}
	for _, a := range latin {
		for _, b := range latin {
			for cut := 0; cut <= 30; cut += 5 {
				text := strings.Join(words[a][:cut], " ") + " " + strings.ToUpper(strings.Join(words[b][cut:], ", "))
				if got, want := bestByStopwords(text, latin...), want(text, latin); got != want {
					t.Errorf("%s %d + %s: bestByStopwords = %q, want %q", a, cut, b, got, want)
				}
			}
		}
	}
	text := strings.Join(words["uk"][:20], " ") + " " + strings.Join(words["ru"][10:], " ")
	if got, want := bestByStopwords(text, "uk", "ru"), want(text, []string{"uk", "ru"}); got != want {
		t.Errorf("Cyrillic mix: bestByStopwords = %q, want %q", got, want)
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{"en-us": "en", "EN": "en", "pt_BR": "pt", "de, en;q=0.5": "de", "": "", "english": "", "1x": ""} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFromPage(f *testing.F) {
	f.Add("<html><body><p>Russian troops, some 10,000 of them, crossed.</p></body></html>", "")
	f.Add("", "0\n0\nBRUSSELS โ€“ The defense ministers of roughly 30 nations met.")
	f.Fuzz(func(t *testing.T, html, text string) {
		a, err := FromPage(&defwatch.Page{HTML: html, Text: text, URL: "https://example.com/a"})
		if err == nil && (a.ID == "" || a.Nations == nil) {
			t.Fatalf("article without id or lists: %+v", a)
		}
	})
}

func TestTitleFromText(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"a short first sentence, whole", "Ministers met in Brussels on Thursday. They agreed on a force.", "Ministers met in Brussels on Thursday"},
		{"a question keeps its mark", "Will the coalition send troops? Nobody knows yet.", "Will the coalition send troops?"},
		{"an abbreviation does not end it", "Gov. Jane Roe said the U.S. Army would help. More later.", "Gov. Jane Roe said the U.S. Army would help"},
		{"an initial does not end it", "Gen. J. Smith arrived in Kyiv on Monday with aides. He left.", "Gen. J. Smith arrived in Kyiv on Monday with aides"},
		{"a stop run into the next sentence", "Ukraine was ready for the worst.He said so twice.", "Ukraine was ready for the worst"},
		{"a quote run into the next sentence", "Leaders appealed to the Kremlin.\"The nation has a right to live,\" one said.", "Leaders appealed to the Kremlin"},
		{"a label line is skipped", "WATCH VIDEO\n\nTroops crossed the river before dawn on Friday. Shelling followed.", "Troops crossed the river before dawn on Friday"},
		{"a dateline line is skipped", "Kyiv Daily Wire —\n\nDrones struck a depot near the border overnight. Officials said so.", "Drones struck a depot near the border overnight"},
		{"a dateline before a dash is dropped", "BRUSSELS, 10 April (Wire) – Defence ministers of about 30 nations met on Thursday. More.", "Defence ministers of about 30 nations met on Thursday"},
		{"a subheading between dashes", "– Gas deliveries to be cut by half –\n\nThe company said deliveries would fall.", "Gas deliveries to be cut by half"},
		{"German", "Regierung will Militäreinsatz fortführen. Wien – Die Regierung hat entschieden.", "Regierung will Militäreinsatz fortführen"},
		{"Ukrainian", "Президент провів переговори з партнерами у Києві. Далі буде.", "Президент провів переговори з партнерами у Києві"},
		{"a long sentence is cut on a word",
			"The defence ministers of roughly thirty nations gathered at the alliance's headquarters on Thursday to discuss a peacekeeping force that could number many thousands of troops.",
			"The defence ministers of roughly thirty nations gathered at the alliance's headquarters on Thursday…"},
		{"a long word is cut inside", strings.Repeat("x", 300), strings.Repeat("x", 100) + "…"},
		{"no words", "  \n\n – \n\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := titleFromText(tc.text)
			if got != tc.want {
				t.Errorf("title %q, want %q", got, tc.want)
			}
			if n := utf8.RuneCountInString(got); n > maxTitle+1 {
				t.Errorf("title of %d characters, over %d", n, maxTitle)
			}
		})
	}
}

// TestFromPageTitleFromText: imported articles without a title, as a third
// of the archive in testdata is, get one from their text, marked so.
func TestFromPageTitleFromText(t *testing.T) {
	a, err := FromPage(&defwatch.Page{ID: "x", Imported: true, Published: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC),
		Text: "Poland said on Tuesday that 100,000 refugees had crossed from Ukraine. Germany and France offered help."})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Poland said on Tuesday that 100,000 refugees had crossed from Ukraine" || a.TitleFrom != FromText {
		t.Errorf("title %q from %q", a.Title, a.TitleFrom)
	}
	// The title repeats the text, so nothing in it is counted twice.
	var pl int
	for _, n := range a.Nations {
		if n.Code == "PL" {
			pl = n.Count
		}
	}
	if pl != 1 || len(a.Troops) > 1 {
		t.Errorf("Poland counted %d times, %d troop figures: the title was tagged as well as the text", pl, len(a.Troops))
	}

	// A page with a headline keeps it.
	b, err := FromPage(&defwatch.Page{ID: "y", Title: "Refugees cross into Poland", Imported: true, Text: a.Text})
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Refugees cross into Poland" || b.TitleFrom != FromArchive {
		t.Errorf("title %q from %q: the archive's title should stay", b.Title, b.TitleFrom)
	}

	// Every untitled article of the test archive gets a title of a
	// headline's length.
	for _, r := range readArchive(t, "../testdata/articles.jsonl.gz") {
		if r.Title != "" {
			continue
		}
		a, err := FromPage(&defwatch.Page{ID: r.ID, Text: r.Text, Source: r.Source, Imported: true})
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if a.Title == "" || a.TitleFrom != FromText || utf8.RuneCountInString(a.Title) > maxTitle+1 || strings.Contains(a.Title, "\n") {
			t.Errorf("%s: title %q from %q", r.ID, a.Title, a.TitleFrom)
		}
	}
}

type archived struct{ ID, Source, Title, Text string }

func readArchive(t testing.TB, path string) []archived {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []archived
	dec := json.NewDecoder(z)
	for dec.More() {
		var r archived
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no articles", path)
	}
	return out
}

func FuzzTitleFromText(f *testing.F) {
	for _, s := range []string{"A. B. C.", "WATCH —\n\nx", "– –", "Mr. X met Dr. Y.He left", "\"Q?\"\n\nA b c d."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := titleFromText(strings.ToValidUTF8(text, ""))
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > maxTitle+1 || strings.ContainsAny(got, "\n\r") {
			t.Errorf("title %q of %q", got, text)
		}
	})
}

// BenchmarkFromArchivedText is the extract stage's work on an imported
// article, without NATS: the repository's 201 archived articles (English,
// Ukrainian, German) cleaned, repaired and tagged; ns/op is per article.
func BenchmarkFromArchivedText(b *testing.B) {
	arts := readArchive(b, "../testdata/articles.jsonl.gz")
	for i := 0; b.Loop(); i++ {
		r := arts[i%len(arts)]
		if _, err := FromPage(&defwatch.Page{ID: r.ID, Title: r.Title, Text: r.Text, Source: r.Source, Imported: true}); err != nil {
			b.Fatal(err)
		}
	}
}
