package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// monthsOfNews is n articles a month over months months up to now, each
// naming Ukraine among words of its own, so that no two read as copies.
func monthsOfNews(now time.Time, months, n int) []*defwatch.Article {
	var arts []*defwatch.Article
	words := strings.Fields("army border convoy drone envoy frigate garrison harbour infantry jet " +
		"katyusha logistics militia navy outpost patrol quartermaster radar sapper tank")
	for m := range months {
		for i := range n {
			var text []string
			for j := range 12 {
				text = append(text, words[(i*7+j*3+m)%len(words)]+fmt.Sprint((i+j+m)%5))
			}
			text = append(text, strings.Repeat("Ukraine ", 1+i%3))
			id := fmt.Sprintf("m%02d-%03d", m, i)
			arts = append(arts, &defwatch.Article{
				ID: id, URL: "https://example.com/" + id, Source: fmt.Sprintf("outlet%d.example", i%4), Lang: "en",
				Title:     fmt.Sprintf("Report %s on %s", id, words[(i+m)%len(words)]),
				Text:      strings.Join(text, " ") + ".",
				Published: now.AddDate(0, -m, 0).Add(-time.Duration(i) * time.Hour),
			})
		}
	}
	return arts
}

// A search by relevance asked again leaves out the old months that cannot
// place a hit, and answers exactly as the reference does: on every page,
// by offset and by token, and after an old month changes (a strong match
// added to it must be found, and counted, at once).
func TestNewestFirstAgreesAndLeavesMonthsOut(t *testing.T) {
	idx, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	now := time.Now().UTC()
	if _, err := idx.Put(monthsOfNews(now, 8, 40)); err != nil {
		t.Fatal(err)
	}
	check := func(step string, req Request) *Result {
		t.Helper()
		// The second time from the kept figures.
		return agreesWithReference(t, ctx, idx, step, req, now, 2)
	}
	req := Request{Query: "ukraine", Size: 5}
	first := check("first page", req)
	if first.Total != 320 {
		t.Fatalf("total %d, want all 320 articles", first.Total)
	}
	if idx.stats.skipped() == 0 {
		t.Fatal("no month was left out when the query was asked again")
	}
	if idx.stats.usedKept() == 0 {
		t.Fatal("no month gave its hits from those kept when the query was asked again")
	}
	// Paging on by token, and by offset.
	for page, r := 2, req; page <= 4 && first.Next != ""; page++ {
		r.After = first.Next
		first = check(fmt.Sprintf("page %d by token", page), r)
	}
	check("by offset", Request{Query: "ukraine", Size: 5, From: 35})
	check("numbered", Request{Query: "ukraine", Size: 5, From: 10, Numbered: true})
	// By date, the months past the page's last hit are left out.
	for _, r := range []Request{
		{Query: "ukraine", Sort: SortNewest, Size: 5},
		{Query: "ukraine", Sort: SortOldest, Size: 5},
		{Query: "*", Size: 5},
		{Query: "*", Size: 5, From: 45},
	} {
		skipped := idx.stats.skipped()
		res := check("by date", r)
		if idx.stats.skipped() == skipped {
			t.Fatalf("%+v: no month left out", r)
		}
		r.After = res.Next
		check("by date, the next page", r)
	}

	// A strong match in the oldest month: a short text of the word alone.
	old := &defwatch.Article{
		ID: "strong", URL: "https://example.com/strong", Source: "outlet9.example", Lang: "en",
		Title: "Ukraine", Text: "Ukraine Ukraine Ukraine.", Published: now.AddDate(0, -7, 0).Add(-time.Hour),
	}
	if _, err := idx.Put([]*defwatch.Article{old}); err != nil {
		t.Fatal(err)
	}
	after := check("after an old month changed", req)
	if after.Total != 321 {
		t.Fatalf("total %d after adding one, want 321", after.Total)
	}
	if after.Hits[0].ID != "strong" {
		t.Fatalf("the strong old match is not first: %v", ids(after))
	}
}

// The kept figures stay within their bounds however many queries come:
// past them the cache starts afresh.
func TestKeptFiguresAreBounded(t *testing.T) {
	var c statCache
	long := strings.Repeat("q", 4096)
	for i := range shardStatEntries * 2 {
		k := facetKey{epoch: uint64(i), ask: long}
		c.putStat(k, shardStat{count: 1})
		c.putEdge(k, edgeStat{found: true})
		if n := len(c.stats) + len(c.edges); n > shardStatEntries || c.bytes > shardStatBytes {
			t.Fatalf("after %d queries: %d entries, %d bytes; the bounds are %d and %d", i+1, n, c.bytes, shardStatEntries, shardStatBytes)
		}
	}
	if _, ok := c.stat(facetKey{epoch: shardStatEntries*2 - 1, ask: long}); !ok {
		t.Fatal("the latest figures were not kept")
	}
}

// A month's kept best hits answer for it hours and days later, when every
// score has been blended again, and a page deeper than they reach reads
// the month after all: each answer is the reference's.
func TestKeptHitsAnswerLaterAndDeeper(t *testing.T) {
	idx, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	now := time.Now().UTC()
	// More matches a month than are kept, so that kept hits leave some out.
	if _, err := idx.Put(monthsOfNews(now, 3, topKept+60)); err != nil {
		t.Fatal(err)
	}
	check := func(step string, req Request, at time.Time) *Result {
		t.Helper()
		return agreesWithReference(t, ctx, idx, step, req, at, 1)
	}
	req := Request{Query: "ukraine", Size: 10}
	check("first time", req, now)
	used := idx.stats.usedKept()
	for _, later := range []time.Duration{0, time.Hour, 30 * time.Hour, 45 * 24 * time.Hour} {
		res := check(fmt.Sprintf("%v later", later), req, now.Add(later))
		r := req
		r.After = res.Next
		check(fmt.Sprintf("%v later, the next page", later), r, now.Add(later))
	}
	if idx.stats.usedKept() == used {
		t.Fatal("no month gave its hits from those kept")
	}
	// Past what is kept: the months are read again, and agree.
	for _, from := range []int{topKept - 5, 2 * topKept, 3*topKept + 50} {
		check(fmt.Sprintf("from %d", from), Request{Query: "ukraine", Size: 10, From: from}, now.Add(time.Hour))
	}
	// An earlier hour than the kept hits' is not answered from them.
	before := idx.stats.usedKept()
	check("an hour earlier", req, now.Add(-2*time.Hour))
	if idx.stats.usedKept() != before {
		t.Fatal("kept hits answered for an hour before the one they were ranked at")
	}
}

// Past the sample size, facets are counted over some months (the newest,
// then spread over the years) and the others estimated: the answer says its counts are approximate,
// its total and hits stay exact, and on the three-year archive, counted
// over a third of its matches, every count is within 10% of all matches
// of the exact one. At or under the sample size, the counts are exact.
func TestApproximateFacetsAreMarkedAndClose(t *testing.T) {
	idx, _, now := equivalenceIndex(t)
	ctx := context.Background()
	defer func(n uint64) { idx.facetSample = n }(idx.facetSample)
	forget := func() { // counts kept by other tests would be counted for free
		idx.facetCache.mu.Lock()
		defer idx.facetCache.mu.Unlock()
		idx.facetCache.m, idx.facetCache.terms = nil, 0
	}
	for _, q := range []string{"*", "ukraine", "troops:>=1 OR nation:RU"} {
		req := Request{Query: q}
		want, err := idx.refSearch(ctx, req, now)
		if err != nil {
			t.Fatal(err)
		}
		idx.facetSample = want.Total
		forget()
		got, err := idx.search(ctx, req, now)
		if err != nil {
			t.Fatal(err)
		}
		if d := resultDiff(want, nil, got, nil); d != "" {
			t.Fatalf("%q with %d matches sampled: %s", q, want.Total, d)
		}
		idx.facetSample = want.Total / 3
		// Sampling needs each month's matches as of its state; a month
		// still merging its segments in the background moves on between
		// the search and the counting, and is then counted whole.
		for try := 0; try < 100; try++ {
			forget()
			if got, err = idx.search(ctx, req, now); err != nil {
				t.Fatal(err)
			}
			if got.Facets.Approximate {
				break
			}
		}
		if !got.Facets.Approximate {
			t.Fatalf("%q: %d matches, counted over %d, not marked approximate", q, want.Total, idx.facetSample)
		}
		approx := got.Facets
		got.Facets = want.Facets
		if d := resultDiff(want, nil, got, nil); d != "" {
			t.Fatalf("%q: more than the facets differ: %s", q, d)
		}
		bound := int(want.Total / 10)
		worst := 0
		for name, pair := range map[string][2][]Bucket{
			"nations": {want.Facets.Nations, approx.Nations}, "sources": {want.Facets.Sources, approx.Sources},
			"lang": {want.Facets.Lang, approx.Lang}, "meetings": {want.Facets.Meetings, approx.Meetings},
			"troops": {want.Facets.Troops, approx.Troops}, "published": {days(want.Facets.Published), days(approx.Published)},
		} {
			for v, d := range bucketDiffs(pair[0], pair[1]) {
				worst = max(worst, d)
				if d > bound {
					t.Errorf("%q: %s %q is off by %d, more than %d (10%% of %d matches)", q, name, v, d, bound, want.Total)
				}
			}
		}
		t.Logf("%q: %d matches, facets counted over %d or more of them; the largest error %d", q, want.Total, idx.facetSample, worst)
	}
}

func days(ds []Day) []Bucket {
	var bs []Bucket
	for _, d := range ds {
		bs = append(bs, Bucket{Value: d.Date, Count: d.Count})
	}
	return bs
}

// bucketDiffs is how far apart two lists' counts of each value are, a
// value missing from one counting 0 there.
func bucketDiffs(a, b []Bucket) map[string]int {
	counts := map[string][2]int{}
	for _, x := range a {
		c := counts[x.Value]
		c[0] = x.Count
		counts[x.Value] = c
	}
	for _, x := range b {
		c := counts[x.Value]
		c[1] = x.Count
		counts[x.Value] = c
	}
	out := map[string]int{}
	for v, c := range counts {
		out[v] = max(c[0]-c[1], c[1]-c[0])
	}
	return out
}

// agreesWithReference asks req of idx times times at the given moment and
// fails the test unless each answer is the reference search's; it returns
// the reference's answer.
func agreesWithReference(t *testing.T, ctx context.Context, idx *Index, step string, req Request, at time.Time, times int) *Result {
	t.Helper()
	want, err := idx.refSearch(ctx, req, at)
	if err != nil {
		t.Fatal(err)
	}
	for range times {
		got, err := idx.search(ctx, req, at)
		if err != nil {
			t.Fatal(err)
		}
		if d := resultDiff(want, nil, got, nil); d != "" {
			t.Fatalf("%s %+v: %s", step, req, d)
		}
	}
	return want
}

// Matches that tie on their sort's first field (score, or publication
// time) are ordered by id, and a search that spares the id lookup of
// matches that cannot place must still give each tie its place: page by
// page, by offset and by token, every hit once, as the reference orders
// them, undated articles last.
func TestTiedScoresPageByID(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Hour)
	var arts []*defwatch.Article
	for i := range 270 {
		// Three scores and times, ninety ties each, ids not in the order
		// they are put; more than a month's kept best hits, so that later
		// pages read the month again. Every ninth is undated.
		id := fmt.Sprintf("tie-%03d", (i*37)%270)
		a := &defwatch.Article{ID: id, URL: "https://example.com/" + id, Source: "ties.example", Lang: "en",
			Title: "Convoy " + id, Text: strings.Repeat("Convoy ", 1+i%3) + "sighted near the border.",
			Published: now.Add(-time.Duration(i%3) * 24 * time.Hour)}
		if i%9 == 4 {
			// Filed in the same month by when it was fetched.
			a.Published, a.Fetched = time.Time{}, now
		}
		arts = append(arts, a)
	}
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		for _, byToken := range []bool{false, true} {
			req := Request{Query: "convoy", Sort: sort, Size: 19, AllCopies: true, NoFacets: true}
			seen := map[string]bool{}
			for page := 1; ; page++ {
				res := agreesWithReference(t, ctx, idx, fmt.Sprintf("%s page %d (by token %v)", sort, page, byToken), req, now, 1)
				for _, h := range res.Hits {
					if seen[h.ID] {
						t.Fatalf("%s: %s on two pages", sort, h.ID)
					}
					seen[h.ID] = true
				}
				if len(res.Hits) < req.Size {
					break
				}
				if byToken {
					req.After = res.Next
				} else {
					req.From += req.Size
				}
			}
			if len(seen) != len(arts) {
				t.Errorf("%s, by token %v: %d hits over all pages, want %d", sort, byToken, len(seen), len(arts))
			}
		}
	}
}
