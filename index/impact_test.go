package index

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch/index/query"
)

// A shard's bound must hold for every query it is made for: its count is
// the number of matches Bleve finds in the shard, its best relevance is
// at least the best Bleve scores there. Checked on the three-year archive
// of the equivalence tests (shards of several segments, deleted
// documents), for every query those tests ask and the same with a
// clause that excludes nothing (as a fresh question does).
func TestShardBoundsHold(t *testing.T) {
	idx, arts, now := equivalenceIndex(t)
	ctx := context.Background()
	idx.mu.RLock()
	shards := idx.pick(time.Time{}, time.Time{})
	idx.mu.RUnlock()
	var bounded, scored int
	var ratios []float64
	for _, text := range equivalenceQueries(t, arts, now) {
		for _, text := range []string{text, text + " -source:nowhere.example"} {
			pq, err := query.Parse(text, now)
			if err != nil {
				continue // the equivalence tests check its error
			}
			q := pq.Bleve()
			for _, b := range shards {
				best, count, ok := idx.shardBound(b, q, true)
				if !ok {
					continue
				}
				_, count2, ok2 := idx.shardBound(b, q, false)
				if !ok2 || count2 != count {
					t.Fatalf("%q in %s: counted without scores %d (%v), with %d", text, b.Name(), count2, ok2, count)
				}
				bounded++
				res, err := b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != count {
					t.Fatalf("%q in %s: bound counts %d matches, Bleve finds %d", text, b.Name(), count, res.Total)
				}
				if res.MaxScore > best {
					t.Fatalf("%q in %s: bound %g below the best score %g", text, b.Name(), best, res.MaxScore)
				}
				if res.Total > 0 && res.MaxScore > 0 {
					scored++
					ratios = append(ratios, best/res.MaxScore)
				}
			}
		}
	}
	if bounded < 1000 || scored < 300 {
		t.Fatalf("only %d shard bounds made, %d of shards with matches: the test no longer tries enough", bounded, scored)
	}
	// Tight enough to leave old months out: half the bounds within twice
	// the best score.
	sort.Float64s(ratios)
	if med := ratios[len(ratios)/2]; med > 2 {
		t.Fatalf("median bound is %.2f × the best score", med)
	}
	t.Logf("%d bounds, %d with matches; bound / best score: median %.3f, 90th percentile %.3f, most %.3f",
		bounded, scored, ratios[len(ratios)/2], ratios[len(ratios)*9/10], ratios[len(ratios)-1])
}

// What cannot be bounded from postings is read as before.
func TestShardBoundsRefuse(t *testing.T) {
	now := time.Now().UTC()
	for _, text := range []string{`"peace talks"`, "troops:>=1000", "ukr*", "last:30d ukraine", "-ukraine"} {
		pq, err := query.Parse(text, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := boundTree(pq.Bleve()); ok {
			t.Errorf("%q: bounded, want read", text)
		}
	}
	for name, q := range map[string]bq.Query{
		"two required of a disjunction": &bq.DisjunctionQuery{Disjuncts: []bq.Query{bq.NewTermQuery("a"), bq.NewTermQuery("b")}, Min: 2},
		"a term of no field":            bq.NewTermQuery("a"),
		"should beside must":            &bq.BooleanQuery{Must: termOf("text", "a"), Should: termOf("text", "b")},
		"a boosted compound":            func() bq.Query { d := bq.NewDisjunctionQuery([]bq.Query{termOf("text", "a")}); d.SetBoost(2); return d }(),
	} {
		if _, ok := boundTree(q); ok {
			t.Errorf("%s: bounded, want read", name)
		}
	}
}

func termOf(field, term string) *bq.TermQuery {
	q := bq.NewTermQuery(term)
	q.SetField(field)
	return q
}

// A keyword asked the first time leaves out the old months that cannot
// place a hit, without ever having read them, and answers as the
// reference does, total included.
func TestFirstTimeLeavesOldMonthsUnread(t *testing.T) {
	idx, err := Open(t.TempDir() + "/idx")
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	now := time.Now().UTC()
	if _, err := idx.Put(monthsOfNews(now, 8, 40)); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, req := range []Request{
		{Query: "ukraine", Size: 5},
		{Query: "ukraine -source:outlet1.example", Size: 5},
		{Query: "ukraine -source:outlet2.example", Sort: SortNewest, Size: 5},
		{Query: "ukraine -tank1", Size: 5, From: 10},
		{Query: "ukraine OR zzzqqq", Size: 5},
	} {
		skipped := idx.stats.skipped()
		res := agreesWithReference(t, ctx, idx, "first time", req, now, 1)
		if idx.stats.skipped() == skipped {
			t.Fatalf("%+v asked the first time: no month left out", req)
		}
		if i == 0 && res.Total != 320 {
			t.Fatalf("total %d, want all 320 articles", res.Total)
		}
	}
}
