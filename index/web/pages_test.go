package web

import (
	"log/slog"
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
		if got := doc.Find("h1").Text(); got != "No title or text" {
			t.Errorf("heading %q", got)
		}
		// A title made from the text says so.
		made := &defwatch.Article{ID: "made", Source: "x.example", Title: "Drones struck a depot", TitleFrom: "text", Text: "Drones struck a depot. More."}
		_, _, madeDoc := get(t, newTestServer(&fakeSearcher{articles: map[string]*defwatch.Article{"made": made}}), "/article/made")
		if got := madeDoc.Find(".facts").Text(); madeDoc.Find("h1").Text() != "Drones struck a depot" || !strings.Contains(got, "its first sentence") {
			t.Errorf("a title from the text: %q, facts %q", madeDoc.Find("h1").Text(), got)
		}
		// Indexed before titles were made from the text: its opening.
		old := &defwatch.Article{ID: "old", Source: "x.example", Text: "Drones struck a depot near the border overnight.\n\nMore followed."}
		_, _, oldDoc := get(t, newTestServer(&fakeSearcher{articles: map[string]*defwatch.Article{"old": old}}), "/article/old")
		if got := oldDoc.Find("h1").Text(); got != "Drones struck a depot near the border overnight. More followed." {
			t.Errorf("heading %q, want the text's opening", got)
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
	if len(reqs) != 4 || reqs[0].Query != "meeting_after:2025-04-03" || reqs[0].Sort != index.SortNewest || reqs[1].After != "p2" ||
		reqs[2].Query != "meeting_after:1970-01-01" || reqs[3].After != "p2" {
		t.Errorf("searches %+v: want meeting_after the start of the recent week, newest first, both pages, then all months' meetings", reqs)
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

// TestMeetingsCalendar: any month or week of the coverage, and the latest
// meetings when nothing is coming up, as an archive's are years back.
func TestMeetingsCalendar(t *testing.T) {
	m := func(kind, date, loc string) defwatch.Meeting {
		return defwatch.Meeting{Kind: kind, Date: date, Location: loc}
	}
	arts := []index.Hit{
		{Article: defwatch.Article{ID: "seed", Title: "NATO to host defense leaders", Source: "example.com",
			Meetings: []defwatch.Meeting{m("ministerial", "2025-04-10", "Brussels"), m("meeting", "2025-04-11", "")}}},
		{Article: defwatch.Article{ID: "old", Title: "Talks in Istanbul", Source: "example.org",
			Meetings: []defwatch.Meeting{m("talks", "2022-03-29", "Istanbul"), m("call", "2022-03-31", "")}}},
	}
	// The fake answers meeting_after/meeting_before as the index would.
	f := &fakeSearcher{result: func(req index.Request) (*index.Result, error) {
		var from, to string
		for _, c := range strings.Fields(req.Query) {
			if v, ok := strings.CutPrefix(c, "meeting_after:"); ok {
				from = v
			}
			if v, ok := strings.CutPrefix(c, "meeting_before:"); ok {
				to = v
			}
		}
		res := &index.Result{Hits: []index.Hit{}}
		for _, h := range arts {
			for _, mt := range h.Meetings {
				if (from == "" || mt.Date >= from) && (to == "" || mt.Date <= to) {
					res.Hits = append(res.Hits, h)
					break
				}
			}
		}
		return res, nil
	}}
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	h := newServer(f, slog.New(slog.DiscardHandler), func() time.Time { return now })
	days := func(doc *goquery.Document, sel string) []string {
		var out []string
		doc.Find(sel + " .day").Each(func(_ int, s *goquery.Selection) {
			out = append(out, strings.Join(strings.Fields(s.Find("h3").Text()), " ")+": "+words(s.Find(".meeting .what")))
		})
		return out
	}

	t.Run("April 2025", func(t *testing.T) {
		code, body, doc := get(t, h, "/meetings?month=2025-04")
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		checkNoLiveMarkup(t, body)
		want := []string{"Thursday 10 April 2025: ministerial Brussels", "Friday 11 April 2025: meeting place not given"}
		if got := days(doc, ".month"); !slices.Equal(got, want) {
			t.Errorf("days %q, want %q", got, want)
		}
		if got := strings.Join(strings.Fields(doc.Find("h1").Text()), " "); got != "Meetings April 2025" {
			t.Errorf("heading %q", got)
		}
		nav := map[string]string{}
		doc.Find(".month-nav > a").Each(func(_ int, s *goquery.Selection) { nav[s.Text()] = s.AttrOr("href", "") })
		for label, href := range map[string]string{
			"← March 2025": "/meetings?month=2025-03", "May 2025 →": "/meetings?month=2025-05", "By week": "/meetings?week=2025-03-31",
			"Coming up": "/meetings", "Latest: April 2025": "/meetings?month=2025-04",
		} {
			if nav[label] != href {
				t.Errorf("nav %q leads to %q, want %q (all: %v)", label, nav[label], href, nav)
			}
		}
		if v := doc.Find(`.picker input[type="month"]`).AttrOr("value", ""); v != "2025-04" || doc.Find(`.picker label[for="month"]`).Length() != 1 {
			t.Errorf("the month picker holds %q", v)
		}
		if doc.Find(`meta[http-equiv="refresh"]`).Length() != 0 {
			t.Errorf("a month of the archive reloads itself")
		}
	})
	t.Run("a week across months", func(t *testing.T) {
		_, _, doc := get(t, h, "/meetings?week=2022-04-01")
		want := []string{"Tuesday 29 March 2022: talks Istanbul", "Thursday 31 March 2022: call place not given"}
		if got := days(doc, ".month"); !slices.Equal(got, want) {
			t.Errorf("days %q, want %q", got, want)
		}
		if got := doc.Find("h2#month-h").Text(); got != "28 March – 3 April 2022" {
			t.Errorf("week heading %q", got)
		}
		if got := doc.Find(`.month-nav a[rel="prev"]`).AttrOr("href", ""); got != "/meetings?week=2022-03-21" {
			t.Errorf("the week before is %q", got)
		}
	})
	t.Run("nothing coming up: the latest month", func(t *testing.T) {
		_, _, doc := get(t, h, "/meetings")
		if doc.Find(".upcoming .empty-result").Length() != 1 || doc.Find(".recent .empty-result").Length() != 1 {
			t.Errorf("upcoming and recent should say they are empty")
		}
		if got := strings.Join(strings.Fields(doc.Find(".latest h2").Text()), " "); got != "April 2025 · the latest meetings in the coverage" {
			t.Errorf("latest heading %q", got)
		}
		if got := days(doc, ".latest"); len(got) != 2 {
			t.Errorf("latest month days %q", got)
		}
	})
	t.Run("meetings by month", func(t *testing.T) {
		_, _, doc := get(t, h, "/meetings?month=2025-04")
		var rows []string
		doc.Find(".calendar tbody tr").Each(func(_ int, s *goquery.Selection) {
			row := s.Find("th").Text()
			s.Find("td").Each(func(i int, c *goquery.Selection) {
				if a := c.Find("a"); a.Length() > 0 {
					row += " " + a.AttrOr("href", "") + "=" + a.Text()
					if c.HasClass("current") {
						row += "*"
					}
				}
			})
			rows = append(rows, row)
		})
		want := []string{"2025 /meetings?month=2025-04=2*", "2022 /meetings?month=2022-03=2"}
		if !slices.Equal(rows, want) {
			t.Errorf("calendar %q, want %q", rows, want)
		}
	})
	t.Run("an empty month points to the latest", func(t *testing.T) {
		_, _, doc := get(t, h, "/meetings?month=2019-01")
		if got := doc.Find(".month .empty-result a").AttrOr("href", ""); got != "/meetings?month=2025-04" {
			t.Errorf("an empty month links to %q", got)
		}
	})
	for _, bad := range []string{"/meetings?month=April", "/meetings?month=0001-01", "/meetings?week=2025-13-01"} {
		if code, _, _ := get(t, h, bad); code != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 400", bad, code)
		}
	}
}
