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

func TestTroopsPage(t *testing.T) {
	fig := func(lo, hi int64, nation, cat, text string) defwatch.Troop {
		return defwatch.Troop{Min: lo, Max: hi, Unit: "troops", Nation: nation, Category: cat, Text: text}
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d.Add(10 * time.Hour) }
	hits := []index.Hit{
		{Article: defwatch.Article{ID: "b", Title: "More troops", Source: "two.example", Published: day("2022-02-15"),
			Nations: []defwatch.Nation{{Code: "RU", Name: "Russia"}},
			Troops:  []defwatch.Troop{fig(150000, 150000, "RU", "strength", "150,000 Russian troops"), fig(10000, 30000, "", "strength", `"><script>x</script>`)}}},
		{Article: defwatch.Article{ID: "a", Title: "Build-up", Source: "one.example", SiteName: "One News", Published: day("2022-01-20"),
			Troops: []defwatch.Troop{fig(100000, 100000, "RU", "strength", "100,000 troops"), fig(200, 200, "UA", "casualties", "200 wounded")}}},
	}
	f := &fakeSearcher{result: func(req index.Request) (*index.Result, error) {
		return &index.Result{Total: 2, Hits: hits}, nil
	}}
	h := newTestServer(f)
	code, body, doc := get(t, h, "/troops?q=nation:UA")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	checkNoLiveMarkup(t, body)
	if last := f.requests()[0]; last.Query != "(nation:UA) troops:*" || last.Sort != index.SortNewest {
		t.Errorf("searched %+v", last)
	}
	var rows []string
	doc.Find(".troop-table tbody tr").Each(func(_ int, s *goquery.Selection) { rows = append(rows, words(s)) })
	want := []string{
		"2022-02-15 RU 150,000 strength two.example More troops 150,000 Russian troops",
		`2022-02-15 not said 10,000–30,000 strength two.example More troops "><script>x</script>`,
		"2022-01-20 RU 100,000 strength One News Build-up 100,000 troops",
		"2022-01-20 UA 200 casualties One News Build-up 200 wounded",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	svg := doc.Find("figure.troop-chart svg")
	if n := svg.Find("a.fig").Length(); n != 4 || svg.Find("a.fig line").Length() != 1 {
		t.Errorf("%d figures drawn (%d ranges), want 4 with one range", n, svg.Find("a.fig line").Length())
	}
	// The scale spans whole decades around the figures: 100 to 1M.
	var ticks []string
	svg.Find("text.scale").Each(func(_ int, s *goquery.Selection) { ticks = append(ticks, s.Text()) })
	if !slices.Equal(ticks, []string{"100", "1k", "10k", "100k", "1M"}) {
		t.Errorf("scale %q", ticks)
	}
	if !strings.Contains(svg.AttrOr("aria-label", ""), "20 Jan 2022 to 15 Feb 2022") {
		t.Errorf("chart label %q", svg.AttrOr("aria-label", ""))
	}
	var legend []string
	doc.Find(".legend li").Each(func(_ int, s *goquery.Selection) { legend = append(legend, words(s)) })
	if !slices.Equal(legend, []string{"RU Russia 2", "UA Ukraine 1", "? not said 1"}) {
		t.Errorf("legend %q", legend)
	}
	if href := doc.Find(".legend li a").First().AttrOr("href", ""); href != "/troops?q=nation%3AUA+nation%3ARU" {
		t.Errorf("RU's own timeline is %q", href)
	}
	if got := doc.Find(".searchbox").AttrOr("action", ""); got != "/troops" {
		t.Errorf("the header's box searches %q, want this view", got)
	}

	t.Run("a bad query", func(t *testing.T) {
		code, _, doc := get(t, newTestServer(&fakeSearcher{}), "/troops?q=troops:>=lots")
		if code != http.StatusBadRequest || !strings.Contains(doc.Find("#query-error").Text(), "not a number") {
			t.Errorf("%d %q", code, doc.Find("#query-error").Text())
		}
		code, _, _ = get(t, newTestServer(&fakeSearcher{}), "/troops?category=tanks")
		if code != http.StatusBadRequest {
			t.Errorf("category=tanks: %d", code)
		}
	})
	t.Run("no figures", func(t *testing.T) {
		_, _, doc := get(t, newTestServer(&fakeSearcher{}), "/troops?q=nation:IS")
		if !strings.Contains(doc.Find(".empty-result").Text(), "No troop figures") || doc.Find("svg").Length() != 0 {
			t.Errorf("an empty timeline does not say so")
		}
	})
}
