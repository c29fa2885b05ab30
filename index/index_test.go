package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
	"github.com/defwatch/defwatch/index/schema"
)

func openTest(t testing.TB, dir string, opts ...Option) *Index {
	t.Helper()
	idx, err := Open(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func filled(t *testing.T) *Index {
	t.Helper()
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	return idx
}

func ids(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestQueryLanguage(t *testing.T) {
	idx := filled(t)
	for _, tc := range fixture.QueryCases {
		t.Run(tc.Q, func(t *testing.T) {
			res, err := idx.Search(context.Background(), Request{Query: tc.Q, AllCopies: true})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			slices.Sort(got)
			if !slices.Equal(got, tc.Want) || res.Total != uint64(len(tc.Want)) {
				t.Errorf("got %v (total %d), want %v", got, res.Total, tc.Want)
			}
		})
	}
}

func TestBadQueries(t *testing.T) {
	idx := filled(t)
	for q, want := range map[string]string{
		`title:"unclosed`: "unterminated quote",
		"colour:red":      `unknown field "colour:"`,
		"troops:>=lots":   "not a number",
		"troops:9-2":      "smaller to the larger",
		"after:yesterday": "not a date",
		"last:7x":         "unknown unit",
		"last:d":          "like 7d",
		"(nation:UA":      `unclosed "("`,
		"nation:UA)":      `unexpected ")"`,
		"nation:UA OR":    "OR needs something",
		"NOT":             "NOT needs something",
		"nation:":         "has no value",
		"- ukraine":       "must stand right before",
		"()":              "empty",
	} {
		t.Run(q, func(t *testing.T) {
			_, err := idx.Search(context.Background(), Request{Query: q})
			if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), want) {
				t.Errorf("got %v, want ErrBadQuery saying %q", err, want)
			}
		})
	}
	for _, req := range []Request{{Query: "*", Size: MaxSize + 1}, {Query: "*", Size: -1}, {Query: "*", From: MaxFrom + 1},
		{Query: "*", Sort: "random"}, {Query: "*", After: "not-a-token"}} {
		if _, err := idx.Search(context.Background(), req); !errors.Is(err, defwatch.ErrBadQuery) {
			t.Errorf("%+v: got %v, want ErrBadQuery", req, err)
		}
	}
	if _, err := idx.Article(context.Background(), "missing"); !errors.Is(err, defwatch.ErrNotFound) {
		t.Errorf("missing article: got %v, want ErrNotFound", err)
	}
}

func TestSortAndPaging(t *testing.T) {
	idx := filled(t)
	ctx := context.Background()
	res, err := idx.Search(ctx, Request{Query: "*", Sort: SortOldest, AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got[:4], []string{"march", "seed", "copy", "drill"}) {
		t.Errorf("oldest first: %v", got)
	}
	// Newest first, two at a time, by search-after.
	var pages [][]string
	after := ""
	for range 5 {
		res, err := idx.Search(ctx, Request{Query: "*", Sort: SortNewest, Size: 2, After: after, AllCopies: true})
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ids(res))
		if after = res.Next; after == "" {
			break
		}
	}
	want := [][]string{{"drill", "copy"}, {"seed", "march"}, {"undated"}}
	if len(pages) != len(want) {
		t.Fatalf("pages %v, want %v", pages, want)
	}
	for i := range want {
		if !slices.Equal(pages[i], want[i]) {
			t.Errorf("page %d: %v, want %v", i, pages[i], want[i])
		}
	}
	// Relevance blends recency: of two equally good matches, the newer wins.
	res, err = idx.Search(ctx, Request{Query: "Ukraine", AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); len(got) < 2 || slices.Index(got, "copy") > slices.Index(got, "march") {
		t.Errorf("relevance order %v: the April copy should beat the March address", got)
	}
}

func TestStoriesFold(t *testing.T) {
	idx := filled(t)
	res, err := idx.Search(context.Background(), Request{Query: "nation:UA troops:*"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Also) != 1 {
		t.Fatalf("hits %v, want the fixture.Wire story once with one more outlet", ids(res))
	}
	h := res.Hits[0]
	if first, other := h.ID, h.Also[0].ID; !(first == "seed" && other == "copy" || first == "copy" && other == "seed") || h.Also[0].Source == "" {
		t.Errorf("story %s also %+v", first, h.Also)
	}
	if h.Story != "seed" {
		t.Errorf("story id %q, want the first copy indexed", h.Story)
	}
	// A redelivered copy keeps its story.
	if _, err := idx.Put(fixture.Articles()[1:2]); err != nil {
		t.Fatal(err)
	}
	res, _ = idx.Search(context.Background(), Request{Query: "id:copy", AllCopies: true})
	if len(res.Hits) != 1 || res.Hits[0].Story != "seed" {
		t.Errorf("after redelivery: %+v", res.Hits)
	}
}

func TestFacetsAndHighlights(t *testing.T) {
	idx := filled(t)
	res, err := idx.Search(context.Background(), Request{Query: "soldiers OR troops", AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Facets
	if f == nil {
		t.Fatal("no facets")
	}
	count := func(bs []Bucket, v string) int {
		for _, b := range bs {
			if b.Value == v {
				return b.Count
			}
		}
		return 0
	}
	if count(f.Nations, "UA") != 2 || count(f.Nations, "PL") != 1 || count(f.Sources, "example.pl") != 1 || count(f.Lang, "en") != 3 {
		t.Errorf("term facets: %+v", f)
	}
	if count(f.Troops, "10,000–99,999") != 2 || count(f.Troops, "1,000–9,999") != 1 || count(f.Troops, "100,000+") != 0 {
		t.Errorf("troop facet: %+v", f.Troops)
	}
	if count(f.Meetings, "ministerial") != 1 {
		t.Errorf("meeting facet: %+v", f.Meetings)
	}
	// The histogram runs from the oldest match to the newest, a bar a day.
	if f.Interval != "day" || len(f.Published) != 3 || f.Published[0].Date != "2025-04-10" || f.Published[2].Date != "2025-04-12" {
		t.Fatalf("histogram %s %+v", f.Interval, f.Published)
	}
	byDate := map[string]int{}
	for _, d := range f.Published {
		byDate[d.Date] = d.Count
	}
	if byDate["2025-04-10"] != 2 || byDate["2025-04-12"] != 1 || byDate["2025-04-11"] != 0 {
		t.Errorf("histogram counts %v", byDate)
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "<mark>") {
			t.Errorf("%s: snippet without a highlight: %q", h.ID, h.Snippet)
		}
		if h.ID == "drill" && (strings.Contains(h.Snippet, "<script>") || !strings.Contains(h.Snippet, "&lt;script&gt;")) {
			t.Errorf("snippet not escaped: %q", h.Snippet)
		}
		if h.Text != "" {
			t.Errorf("hit %s carries its text", h.ID)
		}
	}
	// A window in the query sets the histogram's span.
	res, err = idx.Search(context.Background(), Request{Query: "after:2025-01-01 before:2025-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	// (weeks from the Monday of the first)
	if res.Facets.Interval != "week" || res.Facets.Published[0].Date != "2024-12-30" {
		t.Errorf("histogram over a half year: %s from %s", res.Facets.Interval, res.Facets.Published[0].Date)
	}
	// One day asked for is one bar.
	res, err = idx.Search(context.Background(), Request{Query: "after:2025-04-10 before:2025-04-10"})
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Facets.Published; len(p) != 1 || p[0].Date != "2025-04-10" || p[0].Count != 2 {
		t.Errorf("one-day histogram %+v", p)
	}
	// Without words the snippet is the text's opening, escaped.
	res, _ = idx.Search(context.Background(), Request{Query: "id:drill"})
	if s := res.Hits[0].Snippet; !strings.HasPrefix(s, "About 2,500 soldiers") || strings.Contains(s, "<script>") {
		t.Errorf("plain snippet %q", s)
	}
}

func TestShardsMovesAndRetention(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	arts := fixture.Articles()
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	for _, shard := range []string{"2025-03", "2025-04", "undated"} {
		if _, err := os.Stat(filepath.Join(dir, shard)); err != nil {
			t.Errorf("shard %s: %v", shard, err)
		}
	}
	// The drill's date is corrected to May: it moves, it is not copied.
	moved := *arts[2]
	moved.Published = fixture.Day("2025-05-02T08:00")
	if _, err := idx.Put([]*defwatch.Article{&moved}); err != nil {
		t.Fatal(err)
	}
	if n, _ := idx.Count(); n != 5 {
		t.Errorf("%d articles after a move, want 5", n)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopened with a retention that ends before April: March goes, and an
	// old article sent again is not taken back.
	idx = openTest(t, dir, WithRetention(time.Since(fixture.Day("2025-04-01T00:00"))))
	defer idx.Close()
	if _, err := idx.Put([]*defwatch.Article{arts[4]}); err != nil { // any Put prunes
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "2025-03")); !os.IsNotExist(err) {
		t.Errorf("March shard still there: %v", err)
	}
	if _, err := idx.Put([]*defwatch.Article{arts[3]}); err != nil {
		t.Fatal(err)
	}
	res, err := idx.Search(context.Background(), Request{Query: "*", AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(res)
	slices.Sort(got)
	if !slices.Equal(got, []string{"copy", "drill", "seed", "undated"}) {
		t.Errorf("after retention: %v", got)
	}
	a, err := idx.Article(context.Background(), "drill")
	if err != nil || !a.Published.Equal(moved.Published) || !strings.HasPrefix(a.Text, "About 2,500") {
		t.Errorf("moved article: %+v, %v", a, err)
	}
}

func TestFreshIndexIsMarked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	if idx.replayState() != replayPending {
		t.Error("a new index does not ask for a replay")
	}
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	idx = openTest(t, dir)
	defer idx.Close()
	if idx.replayState() != replayPending {
		t.Error("a reopened index no longer asks for the replay that never began")
	}
	if err := idx.setReplay(replayNone); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	idx = openTest(t, dir)
	if idx.Replaying() {
		t.Error("a caught-up index asks for a replay")
	}
}

// TestOlderSchemaIsRebuilt opens an index with a shard made before the
// schema was versioned (Bleve's standard analysis for every language) and
// one of the current schema: the old one is dropped, and the index says it
// must be rebuilt from the articles stream.
func TestOlderSchemaIsRebuilt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	// April's shard as the previous version made it: no version key.
	april, err := bleve.Open(filepath.Join(dir, "2025-04"))
	if err != nil {
		t.Fatal(err)
	}
	if err := april.DeleteInternal(schema.VersionKey); err != nil {
		t.Fatal(err)
	}
	april.Close()
	// And a shard of an old mapping altogether.
	old, err := bleve.New(filepath.Join(dir, "2024-01"), bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Index("old", map[string]any{"text": "переговорів"}); err != nil {
		t.Fatal(err)
	}
	old.Close()

	idx = openTest(t, dir)
	defer idx.Close()
	if idx.replayState() != replayPending {
		t.Error("an index with old shards is not marked for a rebuild")
	}
	var shards []string
	for name := range idx.shards {
		shards = append(shards, name)
	}
	slices.Sort(shards)
	if want := []string{"2025-03", "undated"}; !slices.Equal(shards, want) {
		t.Errorf("shards kept %v, want %v", shards, want)
	}
	for _, gone := range []string{"2025-04", "2024-01"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("old shard %s is still on disk (%v)", gone, err)
		}
	}
	// What the rebuild puts back is searchable with the new analysis:
	// "meets" finds "meet", which the standard analysis kept apart.
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	res, err := idx.Search(context.Background(), Request{Query: "leaders meets", AllCopies: true})
	if err != nil || !slices.Equal(ids(res), []string{"copy"}) {
		t.Errorf("after the rebuild: %v, %v", res, err)
	}
}

func TestStoryCopiesAcrossMonthsAndBatches(t *testing.T) {
	idx := filled(t)
	ctx := context.Background()
	// A later outlet runs the fixture.Wire story three weeks on, in May's shard:
	// still within reach of April's.
	late := *fixture.Articles()[1]
	late.ID, late.Source, late.Published = "late", "late.example", fixture.Day("2025-05-01T08:00")
	// Months later, in a batch of its own, the same text is no longer
	// looked for: a new story.
	stale := *fixture.Articles()[1]
	stale.ID, stale.Source, stale.Published = "stale", "stale.example", fixture.Day("2025-10-01T08:00")
	for _, a := range []*defwatch.Article{&late, &stale} {
		if _, err := idx.Put([]*defwatch.Article{a}); err != nil {
			t.Fatal(err)
		}
	}
	story := func(id string) string {
		t.Helper()
		res, err := idx.Search(ctx, Request{Query: "id:" + id, AllCopies: true})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("id:%s: %v %v", id, ids(res), err)
		}
		return res.Hits[0].Story
	}
	if got := story("late"); got != "seed" {
		t.Errorf("late copy in story %q, want seed", got)
	}
	if got := story("stale"); got != "stale" {
		t.Errorf("copy half a year on in story %q, want its own", got)
	}
	// Its date corrected by years, a copy keeps its story all the same.
	moved := *fixture.Articles()[1]
	moved.Published = fixture.Day("2023-01-05T10:00")
	if _, err := idx.Put([]*defwatch.Article{&moved}); err != nil {
		t.Fatal(err)
	}
	if got := story("copy"); got != "seed" {
		t.Errorf("moved copy in story %q, want seed", got)
	}
}

func TestFieldsThatOnlyMatch(t *testing.T) {
	idx := filled(t)
	a := *fixture.Articles()[2]
	a.ID, a.Byline = "bylined", "Jane Q. Doe"
	if _, err := idx.Put([]*defwatch.Article{&a}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		`byline:"jane q. doe"`:               {"bylined"}, // a phrase needs the byline's positions
		`byline:"doe jane"`:                  nil,
		"org:nato":                           {"seed"},
		"meeting_after:2025-04-10 nation:GB": {"seed"},
	} {
		res, err := idx.Search(context.Background(), Request{Query: q, AllCopies: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

func TestHistogramEndsAtNewestMatchInOlderShard(t *testing.T) {
	idx := filled(t)
	// The only Ukrainian article is in March's shard; April's has newer
	// articles, none of them a match.
	res, err := idx.Search(context.Background(), Request{Query: "lang:uk"})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Facets
	if last := f.Published[len(f.Published)-1]; last.Date != "2025-03-02" || last.Count != 1 {
		t.Errorf("histogram ends %+v, want 2025-03-02 with one article", last)
	}
}

// TestRelevancePagesAreStable pages through hits of equal text, ordered by
// relevance blended with recency, a few at a time: every hit once, though
// the clock moves between pages.
func TestRelevancePagesAreStable(t *testing.T) {
	idx := filled(t)
	var many []*defwatch.Article
	for i := range 300 {
		many = append(many, &defwatch.Article{ID: fmt.Sprintf("bulk-%03d", i), Source: "bulk.example", Lang: "en",
			Title: "Bulk report", Text: "A report on brigade rotations.",
			Published: time.Now().Add(-time.Duration(i) * time.Hour)})
	}
	if _, err := idx.Put(many); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	req := Request{Query: "brigade rotations", Size: 7, AllCopies: true, NoFacets: true}
	for {
		res, err := idx.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Fatalf("%s on two pages", h.ID)
			}
			seen[h.ID] = true
		}
		if res.Next == "" {
			break
		}
		req.After = res.Next
	}
	if len(seen) != 300 {
		t.Errorf("%d hits over all pages, want 300", len(seen))
	}
}
