package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

func TestArticlePage(t *testing.T) {
	a := &defwatch.Article{
		ID: "3f0c5b8e9d2a41c7", URL: "https://example.com/world/nato.html", Source: "example.com", SiteName: "World News Desk",
		Title: "NATO to host defense leaders", Byline: "Jane Reporter",
		Published: time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC), PublishedFrom: "json-ld",
		Fetched: time.Date(2025, 4, 10, 10, 0, 0, 0, time.UTC), Lang: "en", LangFrom: "page",
		Text:     "BRUSSELS – The defense ministers\nof roughly 30 nations will meet.\n\nA force of 10,000 to 30,000 troops is discussed.\n\n\n",
		Nations:  []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 6}, {Code: "GB", Name: "United Kingdom", Count: 3}},
		Troops:   []defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Unit: "troops", Category: "strength", Text: "between 10,000 to 30,000 troops"}},
		Meetings: []defwatch.Meeting{{Kind: "ministerial", Date: "2025-04-10", Location: "Brussels", Participants: []string{"John Healey", "Rustem Umerov"}, Orgs: []string{"NATO"}, Text: "convene on Thursday"}},
		Orgs:     []defwatch.Org{{Name: "North Atlantic Treaty Organization", Count: 2}},
		People:   []defwatch.Person{{Name: "John Healey", Title: "Defence Secretary"}},
		Places:   []defwatch.Place{{Name: "Brussels", Country: "BE"}},
	}
	h := newTestServer(&fakeSearcher{articles: map[string]*defwatch.Article{a.ID: a}})
	code, body, doc := get(t, h, "/article/"+a.ID)
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	checkNoLiveMarkup(t, body)
	if got := doc.Find("h1").Text(); got != a.Title {
		t.Errorf("heading %q", got)
	}
	facts := map[string]string{}
	doc.Find(".facts dt").Each(func(_ int, s *goquery.Selection) {
		facts[s.Text()] = strings.Join(strings.Fields(s.Next().Text()), " ")
	})
	for k, want := range map[string]string{
		"Source":    "World News Desk (example.com)",
		"Byline":    "Jane Reporter",
		"Published": "2025-04-10 09:12 UTC from json-ld",
		"Fetched":   "2025-04-10 10:00 UTC",
		"Language":  "English (en, from page)",
		"Original":  a.URL,
	} {
		if facts[k] != want {
			t.Errorf("%s: %q, want %q", k, facts[k], want)
		}
	}
	orig := doc.Find(".facts a.url")
	if orig.AttrOr("href", "") != a.URL || orig.AttrOr("rel", "") != "noopener noreferrer" {
		t.Errorf("original link %q rel %q", orig.AttrOr("href", ""), orig.AttrOr("rel", ""))
	}
	var paras []string
	doc.Find(".body p").Each(func(_ int, s *goquery.Selection) { paras = append(paras, s.Text()) })
	if !slices.Equal(paras, []string{"BRUSSELS – The defense ministers of roughly 30 nations will meet.", "A force of 10,000 to 30,000 troops is discussed."}) {
		t.Errorf("paragraphs %q", paras)
	}
	if got := doc.Find(".body").Parent().AttrOr("lang", ""); got != "en" {
		t.Errorf("article lang %q", got)
	}

	tags := words(doc.Find(".tags"))
	for _, want := range []string{
		"Nations 2", "UA Ukraine 6×", "GB United Kingdom 3×",
		"Troop figures 1", "~10,000–30,000 troops strength between 10,000 to 30,000 troops",
		"Meetings 1", "ministerial 2025-04-10 · Brussels with John Healey, Rustem Umerov orgs NATO convene on Thursday",
		"Organisations 1", "North Atlantic Treaty Organization 2×",
		"People 1", "John Healey · Defence Secretary",
		"Places 1", "Brussels · BE",
	} {
		if !strings.Contains(tags, want) {
			t.Errorf("tags lack %q:\n%s", want, tags)
		}
	}
	if got := queryOf(t, doc.Find(".tags a.chip-nation").First().AttrOr("href", "")); got != "nation:UA" {
		t.Errorf("the UA tag searches %q", got)
	}
	if got := queryOf(t, doc.Find(`.tags a[href*="org"]`).AttrOr("href", "")); got != `org:"North Atlantic Treaty Organization"` {
		t.Errorf("the org tag searches %q", got)
	}

	t.Run("no tags, no text", func(t *testing.T) {
		bare := &defwatch.Article{ID: "bare", Source: "x.example", URL: "ftp://x.example/a"}
		_, _, doc := get(t, newTestServer(&fakeSearcher{articles: map[string]*defwatch.Article{"bare": bare}}), "/article/bare")
		if got := doc.Find("h1").Text(); got != "(untitled)" {
			t.Errorf("heading %q", got)
		}
		if !strings.Contains(doc.Find(".tags").Text(), "No nations") || !strings.Contains(doc.Find(".body").Text(), "no text") {
			t.Errorf("an untagged, empty article does not say so")
		}
		if doc.Find(".facts a").Length() != 0 {
			t.Errorf("an ftp: URL is linked")
		}
	})
}

func TestMeetingsPage(t *testing.T) {
	hit := func(id, title, source string, ms ...defwatch.Meeting) index.Hit {
		return index.Hit{Article: defwatch.Article{ID: id, Title: title, Source: source, Meetings: ms}}
	}
	m := func(kind, date, loc string, people ...string) defwatch.Meeting {
		return defwatch.Meeting{Kind: kind, Date: date, Location: loc, Participants: people}
	}
	pages := map[string]*index.Result{
		"": {Hits: []index.Hit{
			hit("a", "Summit set", "apnews.com", m("summit", "2025-04-12", "Brussels", "Starmer"), m("call", "2025-04-01", "")),
			hit("b", "Ministers today", "reuters.com", m("ministerial", "2025-04-10", "Brussels"), m("meeting", "", "Paris")),
			hit("c", "Ministerial Saturday", "bbc.co.uk", m("ministerial", "2025-04-12", "Brussels")),
		}, Next: "p2"},
		"p2": {Hits: []index.Hit{
			hit("d", "Leaders to gather", "dw.com", m("summit", "2025-04-12", "brussels", "Macron", "starmer")),
			hit("e", "Geneva talks ended", "lemonde.fr", m("talks", "2025-04-05", "Geneva")),
			hit("f", "Call yesterday", "kyivindependent.com", m("call", "2025-04-09", "")),
			hit("g", "Summit called off", "ft.com", defwatch.Meeting{Kind: "summit", Date: "2025-04-14", Location: "Vilnius", Status: defwatch.MeetingCancelled}),
		}},
	}
	f := &fakeSearcher{result: func(req index.Request) (*index.Result, error) { return pages[req.After], nil }}
	code, body, doc := get(t, newTestServer(f), "/meetings")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	checkNoLiveMarkup(t, body)

	reqs := f.requests()
	if len(reqs) != 2 || reqs[0].Query != "meeting_after:2025-04-03" || reqs[0].Sort != index.SortNewest || reqs[1].After != "p2" {
		t.Errorf("searches %+v: want meeting_after the start of the recent week, newest first, both pages", reqs)
	}
	if got := doc.Find(`meta[http-equiv="refresh"]`).AttrOr("content", ""); got != "300" {
		t.Errorf("refresh %q, want every 300 s", got)
	}

	type day struct {
		heading  string
		meetings []string
	}
	read := func(sel string) []day {
		var out []day
		doc.Find(sel + " .day").Each(func(_ int, s *goquery.Selection) {
			d := day{heading: strings.Join(strings.Fields(s.Find("h3").Text()), " ")}
			s.Find(".meeting").Each(func(_ int, m *goquery.Selection) {
				d.meetings = append(d.meetings, words(m))
			})
			out = append(out, d)
		})
		return out
	}
	upcoming := []day{
		{"Thursday 10 April 2025 today", []string{"ministerial Brussels Ministers today reuters.com"}},
		{"Saturday 12 April 2025 in 2 days", []string{
			// One summit, however many outlets report it, with everyone they name.
			"summit Brussels with Starmer, Macron Summit set apnews.com also: Leaders to gather",
			"ministerial Brussels Ministerial Saturday bbc.co.uk",
		}},
	}
	recent := []day{
		{"Wednesday 9 April 2025 yesterday", []string{"call place not given Call yesterday kyivindependent.com"}},
		{"Saturday 5 April 2025 5 days ago", []string{"talks Geneva Geneva talks ended lemonde.fr"}},
	}
	for _, tc := range []struct {
		sel  string
		want []day
	}{{".upcoming", upcoming}, {".recent", recent}} {
		got := read(tc.sel)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d days %q, want %d", tc.sel, len(got), got, len(tc.want))
			continue
		}
		for i := range got {
			if got[i].heading != tc.want[i].heading || !slices.Equal(got[i].meetings, tc.want[i].meetings) {
				t.Errorf("%s day %d:\n got %q\nwant %q", tc.sel, i, got[i], tc.want[i])
			}
		}
	}
	if href := doc.Find(".upcoming .meeting .from a").First().AttrOr("href", ""); href != "/article/b" {
		t.Errorf("the meeting links to %q, want its article", href)
	}

	t.Run("none", func(t *testing.T) {
		_, _, doc := get(t, newTestServer(&fakeSearcher{}), "/meetings")
		for _, sel := range []string{".upcoming", ".recent"} {
			if !strings.Contains(doc.Find(sel+" .empty-result").Text(), "No meeting") {
				t.Errorf("%s does not say it is empty", sel)
			}
		}
	})
}
