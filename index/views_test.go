package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
	"github.com/defwatch/defwatch/index/schema"
)

func find(t *testing.T, idx *Index, req Request) *Result {
	t.Helper()
	res, err := idx.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("search %+v: %v", req, err)
	}
	return res
}

func put(t *testing.T, idx *Index, arts ...*defwatch.Article) {
	t.Helper()
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
}

// TestHistogramSpansMatches: the chart of a query covers every match,
// with bars as wide as its span needs, and counts each.
func TestHistogramSpansMatches(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	var arts []*defwatch.Article
	for i, day := range []string{"2003-05-20", "2009-11-02", "2015-06-30", "2015-07-01", "2024-12-31", "2025-04-10"} {
		arts = append(arts, &defwatch.Article{ID: fmt.Sprintf("a%d", i), Source: "example.com", Lang: "en",
			Title: "Air force news", Text: fmt.Sprintf("Report number %d on the air force.", i),
			Published: fixture.Day(day + "T12:00"), Nations: []defwatch.Nation{{Code: "US", Name: "United States", Count: 1}}})
	}
	arts = append(arts, &defwatch.Article{ID: "recent", Source: "example.com", Title: "Recent", Text: "Two days old.",
		Published: time.Now().UTC().Add(-48 * time.Hour)})
	arts = append(arts, &defwatch.Article{ID: "undated", Source: "example.com", Title: "Undated", Text: "No date on the air force.",
		Nations: []defwatch.Nation{{Code: "US", Name: "United States", Count: 1}}})
	put(t, idx, arts...)

	for _, tc := range []struct {
		q            string
		interval     string
		first, last  string
		bars, counts int
	}{
		// Fields alone, over 22 years: a bar a year, from the first to the last.
		{"nation:US", "year", "2003-01-01", "2025-01-01", 23, 6},
		// Words too: the same span.
		{"air force", "year", "2003-01-01", "2025-01-01", 23, 6},
		// Six years: months.
		{"nation:US after:2009-01-01 before:2015-12-31", "month", "2009-01-01", "2015-12-01", 84, 3},
		// An open end runs to the newest match, not to today.
		{"nation:US after:2015-01-01", "year", "2015-01-01", "2025-01-01", 11, 4},
		// Under two years: weeks, from the Monday of the first.
		{"nation:US after:2024-06-01", "week", "2024-05-27", "2025-04-07", 46, 2},
		// Two days apart: days.
		{"nation:US after:2015-06-30 before:2015-07-01", "day", "2015-06-30", "2015-07-01", 2, 2},
		// An open start runs from the oldest match.
		{"nation:US before:2010-12", "month", "2003-05-01", "2010-12-01", 92, 2},
	} {
		t.Run(tc.q, func(t *testing.T) {
			f := find(t, idx, Request{Query: tc.q}).Facets
			p := f.Published
			sum := 0
			for _, d := range p {
				sum += d.Count
			}
			if f.Interval != tc.interval || len(p) != tc.bars || p[0].Date != tc.first || p[len(p)-1].Date != tc.last || sum != tc.counts {
				t.Errorf("%s bars: %d from %s to %s counting %d; want %s: %d from %s to %s counting %d",
					f.Interval, len(p), p[0].Date, p[len(p)-1].Date, sum, tc.interval, tc.bars, tc.first, tc.last, tc.counts)
			}
		})
	}
	// A recent window open at its end runs to today, matches or not.
	now := time.Now().UTC()
	p := find(t, idx, Request{Query: "last:7d"}).Facets.Published
	if len(p) < 7 || p[len(p)-1].Date != now.Format(time.DateOnly) {
		t.Errorf("last:7d: %+v; want a bar a day up to today", p)
	}
}

// TestTroopFacetCountsArticles: each article with troop figures counts
// once, under its largest figure, and the query a bucket stands for finds
// exactly the articles it counts.
func TestTroopFacetCountsArticles(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	fig := func(lo, hi int64) defwatch.Troop {
		return defwatch.Troop{Min: lo, Max: hi, Unit: "troops", Category: defwatch.TroopStrength}
	}
	arts := []struct {
		id     string
		troops []defwatch.Troop
	}{
		{"small-and-large", []defwatch.Troop{fig(500, 500), fig(20000, 20000), fig(600, 600)}},
		{"two-thousands", []defwatch.Troop{fig(3000, 3000), fig(4000, 4000)}},
		{"range-across", []defwatch.Troop{fig(5000, 15000)}},
		{"huge", []defwatch.Troop{fig(150000, 150000), fig(2000, 2000)}},
		{"few", []defwatch.Troop{fig(40, 40)}},
		{"none", nil},
	}
	for i, a := range arts {
		put(t, idx, &defwatch.Article{ID: a.id, Source: "example.com", Title: "Troops " + a.id, Text: "Troops were sent.",
			Published: fixture.Day("2025-04-10T12:00").Add(time.Duration(i) * time.Hour), Troops: a.troops})
	}
	res := find(t, idx, Request{Query: "*"})
	want := map[string]int{"1–999": 1, "1,000–9,999": 1, "10,000–99,999": 2, "100,000+": 1}
	sum := 0
	for _, b := range res.Facets.Troops {
		sum += b.Count
		if b.Count != want[b.Value] {
			t.Errorf("bucket %s counts %d, want %d", b.Value, b.Count, want[b.Value])
		}
	}
	if withFigures := find(t, idx, Request{Query: "troops:*"}).Total; uint64(sum) != withFigures {
		t.Errorf("the buckets count %d articles; %d have troop figures", sum, withFigures)
	}
	// The queries the page adds for a bucket.
	for q, n := range map[string]int{
		"(troops:>=1 -troops:>=1000)":             want["1–999"],
		"(troops:>=1000 -troops:>=10000)":         want["1,000–9,999"],
		"(troops:>=10000 -troops:>=100000)":       want["10,000–99,999"],
		"troops:>=100000":                         want["100,000+"],
		"nation:* OR (troops:>=1 -troops:>=1000)": want["1–999"],
	} {
		if got := find(t, idx, Request{Query: q}).Total; got != uint64(n) {
			t.Errorf("%s finds %d articles, the facet counts %d", q, got, n)
		}
	}
}

// TestSourcesByName: the sources facet names each outlet as it names
// itself, and keeps the key that source: matches.
func TestSourcesByName(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	n := 0
	art := func(source, site string) *defwatch.Article {
		n++
		return &defwatch.Article{ID: fmt.Sprintf("s%d", n), URL: fmt.Sprintf("https://%s/%d", source, n), Source: source, SiteName: site,
			Title: fmt.Sprintf("Story %d", n), Text: fmt.Sprintf("Text of story %d about the border.", n), Published: fixture.Day("2025-04-10T12:00")}
	}
	put(t, idx,
		art("apnews.com", "AP News"), art("apnews.com", "AP News"), art("apnews.com", ""),
		art("www.Reuters.com", ""),
		art("GDELT outlet in GB (name not recorded)", ""),
	)
	got := find(t, idx, Request{Query: "*"}).Facets.Sources
	want := []Bucket{
		{Value: "apnews.com", Label: "AP News", Count: 3},
		{Value: "gdelt outlet in gb (name not recorded)", Label: "GDELT outlet in GB (name not recorded)", Count: 1},
		{Value: "reuters.com", Label: "Reuters.com", Count: 1},
	}
	slices.SortStableFunc(got[1:], func(a, b Bucket) int { return cmpString(a.Value, b.Value) })
	if !slices.Equal(got, want) {
		t.Errorf("sources %+v,\nwant %+v", got, want)
	}
	for _, b := range want {
		if n := find(t, idx, Request{Query: "source:" + quote(b.Value)}).Total; n != uint64(b.Count) {
			t.Errorf("source:%s finds %d, the facet counts %d", b.Value, n, b.Count)
		}
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func quote(v string) string { return `"` + v + `"` }

// TestNumberedPages: pages of a fixed number of articles are the same
// whether reached by number, walked forward or walked back, and fold the
// copies of a wire story only within the page.
func TestNumberedPages(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	var arts []*defwatch.Article
	for i := range 23 {
		text := fmt.Sprintf("Report %d: %s", i, "troops were seen near the border crossing at dawn, residents said.")
		if i%4 == 0 {
			text = fixture.Wire // a wire story run by several outlets
		}
		arts = append(arts, &defwatch.Article{ID: fmt.Sprintf("p%02d", i), URL: fmt.Sprintf("https://o%d.example/%d", i, i),
			Source: fmt.Sprintf("o%d.example", i), Title: fmt.Sprintf("Report %d", i), Text: text,
			Published: fixture.Day("2025-04-01T00:00").Add(time.Duration(i) * time.Hour)})
	}
	put(t, idx, arts...)

	const size = 5
	pageIDs := func(res *Result) []string {
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
			for _, c := range h.Also {
				out = append(out, c.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, sort := range []string{SortNewest, SortRelevance} {
		q := "*"
		if sort == SortRelevance {
			q = "troops border"
		}
		t.Run(sort, func(t *testing.T) {
			total := int(find(t, idx, Request{Query: q, Size: 1}).Total)
			pages := (total + size - 1) / size
			var byNumber [][]string
			seen := map[string]bool{}
			for n := 1; n <= pages; n++ {
				res := find(t, idx, Request{Query: q, Sort: sort, Size: size, Numbered: true, From: (n - 1) * size})
				ids := pageIDs(res)
				if want := min(size, total-(n-1)*size); len(ids) != want {
					t.Errorf("page %d holds %d articles, want %d", n, len(ids), want)
				}
				for _, id := range ids {
					if seen[id] {
						t.Errorf("%s on two pages", id)
					}
					seen[id] = true
				}
				if (res.Prev != "") != (n > 1) || (res.Next != "") != (n < pages) {
					t.Errorf("page %d of %d: prev %q next %q", n, pages, res.Prev, res.Next)
				}
				byNumber = append(byNumber, ids)
			}
			if len(seen) != total {
				t.Errorf("the pages hold %d articles of %d", len(seen), total)
			}
			// Forward by Next, then back by Prev: the same pages.
			var res *Result
			for n := 1; n <= pages; n++ {
				req := Request{Query: q, Sort: sort, Size: size, Numbered: true}
				if res != nil {
					req.After = res.Next
				}
				res = find(t, idx, req)
				if got := pageIDs(res); !slices.Equal(got, byNumber[n-1]) {
					t.Errorf("page %d walked forward: %v, by number %v", n, got, byNumber[n-1])
				}
			}
			for n := pages - 1; n >= 1; n-- {
				res = find(t, idx, Request{Query: q, Sort: sort, Size: size, Numbered: true, Before: res.Prev})
				if got := pageIDs(res); !slices.Equal(got, byNumber[n-1]) {
					t.Errorf("page %d walked back: %v, by number %v", n, got, byNumber[n-1])
				}
				if (res.Prev != "") != (n > 1) || res.Next == "" {
					t.Errorf("page %d walked back: prev %q next %q", n, res.Prev, res.Next)
				}
			}
		})
	}
	// Pages of stories (the API's) walk on by relevance too: every match
	// once.
	seen := map[string]bool{}
	after := ""
	for range 10 {
		res := find(t, idx, Request{Query: "troops border", Size: 4, After: after})
		for _, h := range res.Hits {
			for _, id := range append([]string{h.ID}, alsoIDs(h)...) {
				if seen[id] {
					t.Errorf("%s twice", id)
				}
				seen[id] = true
			}
		}
		if after = res.Next; after == "" {
			break
		}
	}
	if total := find(t, idx, Request{Query: "troops border"}).Total; uint64(len(seen)) != total {
		t.Errorf("paging by relevance gave %d articles of %d", len(seen), total)
	}
	// Copies fold within a page: the wire story's copies on page 1 are one hit.
	res := find(t, idx, Request{Query: `"defense ministers"`, Sort: SortNewest, Size: size, Numbered: true})
	if len(res.Hits) != 1 || len(res.Hits[0].Also) != size-1 {
		t.Errorf("wire copies: %d hits, the first with %d more outlets; want 1 with %d", len(res.Hits), len(res.Hits[0].Also), size-1)
	}
	if _, err := idx.Search(context.Background(), Request{Query: "*", Before: res.Next}); err == nil {
		t.Errorf("before without numbered pages was accepted")
	}
}

// TestStaleShardRebuilt: a shard written at another layout makes way, and
// the index asks for the articles stream again.
func TestStaleShardRebuilt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	put(t, idx, fixture.Articles()...)
	if n, _ := idx.Count(); n != 5 || idx.replayState() != replayPending {
		t.Fatalf("count %d, replay %q", n, idx.replayState())
	}
	// The index stage caught up with the stream.
	if err := idx.setReplay(replayNone); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	idx = openTest(t, dir)
	if n, _ := idx.Count(); n != 5 || idx.Replaying() {
		t.Fatalf("reopened: count %d, replay %q", n, idx.replayState())
	}
	idx.Close()

	// The April shard as an older version wrote it: no layout recorded.
	b, err := bleve.Open(filepath.Join(dir, "2025-04"))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.DeleteInternal(schema.VersionKey); err != nil {
		t.Fatal(err)
	}
	b.Close()
	idx = openTest(t, dir)
	t.Cleanup(func() { idx.Close() })
	if n, _ := idx.Count(); n != 2 || idx.replayState() != replayPending {
		t.Errorf("after a stale shard: count %d (want the 2 of other shards), replay %q (want one pending)", n, idx.replayState())
	}
	if _, err := os.Stat(filepath.Join(dir, "2025-04")); !os.IsNotExist(err) {
		t.Errorf("the stale shard is still there: %v", err)
	}
}

func alsoIDs(h Hit) []string {
	var out []string
	for _, c := range h.Also {
		out = append(out, c.ID)
	}
	return out
}

// TestTroopTimeline: the figures of a query's articles by nation and day,
// each reported figure once, with the outlet that reported it.
func TestTroopTimeline(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	fig := func(n int64, nation, cat string) defwatch.Troop {
		return defwatch.Troop{Min: n, Max: n, Unit: "troops", Nation: nation, Category: cat, Text: fmt.Sprint(n, " troops")}
	}
	ua := []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 1}}
	put(t, idx,
		&defwatch.Article{ID: "a", URL: "https://one.example/a", Source: "one.example", SiteName: "One", Title: "Build-up", Text: "Russia massed 100,000 troops near Ukraine.",
			Published: fixture.Day("2022-01-20T10:00"), Nations: ua,
			Troops: []defwatch.Troop{fig(100000, "RU", defwatch.TroopStrength), fig(5000, "", defwatch.TroopStrength)}},
		&defwatch.Article{ID: "b", URL: "https://two.example/b", Source: "two.example", Title: "More troops", Text: "Now 130,000 Russian troops, and 200 Ukrainian soldiers wounded.",
			Published: fixture.Day("2022-01-20T18:00"), Nations: ua,
			Troops: []defwatch.Troop{fig(130000, "RU", defwatch.TroopStrength), fig(200, "UA", defwatch.TroopCasualties)}},
		&defwatch.Article{ID: "c", URL: "https://three.example/c", Source: "three.example", Title: "Later", Text: "Russia had 150,000 troops on the border, Ukraine said.",
			Published: fixture.Day("2022-02-15T08:00"), Nations: ua,
			Troops: []defwatch.Troop{fig(150000, "RU", defwatch.TroopStrength)}},
		&defwatch.Article{ID: "d", URL: "https://four.example/d", Source: "four.example", Title: "Elsewhere", Text: "Poland sent 2,000 soldiers to an exercise.",
			Published: fixture.Day("2022-02-16T08:00"),
			Troops:    []defwatch.Troop{fig(2000, "PL", defwatch.TroopStrength)}},
		&defwatch.Article{ID: "e", Source: "five.example", Title: "Undated", Text: "Ukraine: 300 troops.", Nations: ua,
			Troops: []defwatch.Troop{fig(300, "UA", defwatch.TroopStrength)}},
		&defwatch.Article{ID: "f", Source: "six.example", Title: "No figures", Text: "Ukraine talks.", Nations: ua, Published: fixture.Day("2022-02-16T08:00")},
	)
	tl, err := Troops(context.Background(), idx, TimelineRequest{Query: "nation:UA"})
	if err != nil {
		t.Fatal(err)
	}
	type day struct {
		nation, date string
		figures      []int64
		outlets      []string
	}
	var got []day
	for _, s := range tl.Series {
		for _, d := range s.Days {
			var figs []int64
			var outlets []string
			for _, f := range d.Figures {
				figs = append(figs, f.Max)
				outlets = append(outlets, f.Outlet)
			}
			got = append(got, day{s.Nation, d.Date, figs, outlets})
		}
	}
	want := []day{
		{"RU", "2022-01-20", []int64{100000, 130000}, []string{"One", "two.example"}},
		{"RU", "2022-02-15", []int64{150000}, []string{"three.example"}},
		{"UA", "2022-01-20", []int64{200}, []string{"two.example"}},
		{"", "2022-01-20", []int64{5000}, []string{"One"}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("timeline\n got %v\nwant %v", got, want)
	}
	if tl.Total != 4 || tl.Read != 4 || tl.Figures != 5 || tl.Undated != 1 || tl.Truncated || tl.From != "2022-01-20" || tl.To != "2022-02-15" {
		t.Errorf("total %d read %d figures %d undated %d truncated %v, %s to %s", tl.Total, tl.Read, tl.Figures, tl.Undated, tl.Truncated, tl.From, tl.To)
	}
	if tl.Series[0].Name != "RU" || tl.Series[1].Name != "Ukraine" || tl.Series[2].Name != "not said" {
		t.Errorf("series names %q %q %q", tl.Series[0].Name, tl.Series[1].Name, tl.Series[2].Name)
	}
	// One category.
	tl, err = Troops(context.Background(), idx, TimelineRequest{Query: "nation:UA", Category: "casualties"})
	if err != nil || len(tl.Series) != 1 || tl.Series[0].Nation != "UA" || tl.Figures != 1 {
		t.Errorf("casualties: %v %+v", err, tl)
	}
	// Everything, when the query is empty.
	tl, err = Troops(context.Background(), idx, TimelineRequest{})
	if err != nil || tl.Total != 5 || tl.Figures != 6 {
		t.Errorf("all: %v total %d figures %d", err, tl.Total, tl.Figures)
	}
	// Mistakes are the analyst's, said as such.
	for _, bad := range []TimelineRequest{{Query: "troops:>=lots"}, {Query: "nation:UA", Category: "tanks"}, {Query: "(unclosed"}} {
		if _, err := Troops(context.Background(), idx, bad); !errors.Is(err, defwatch.ErrBadQuery) {
			t.Errorf("%+v: %v, want a bad query", bad, err)
		}
	}

	// Over HTTP: /api/troops.
	h := NewHandler(idx, func(context.Context) error { return nil }, slog.New(slog.DiscardHandler))
	for path, code := range map[string]int{
		"/api/troops?q=nation:UA&category=strength": http.StatusOK,
		"/api/troops":                    http.StatusOK,
		"/api/troops?q=troops:>=lots":    http.StatusBadRequest,
		"/api/troops?category=artillery": http.StatusBadRequest,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var body struct {
			Series []TroopSeries `json:"series"`
			Error  string        `json:"error"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != code {
			t.Errorf("GET %s: %d %v %s", path, rec.Code, err, rec.Body)
		}
		if code == http.StatusOK && len(body.Series) == 0 || code != http.StatusOK && body.Error == "" {
			t.Errorf("GET %s: %s", path, rec.Body)
		}
	}
}
