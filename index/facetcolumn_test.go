package index

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/facet"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/query"
)

// TestColumnFacetsMatchBleve counts every query of the equivalence
// archive in every month from the columns and by Bleve's own facet
// builders, under the query's own histogram and under bars of a day over
// three weeks (months partly outside every bar), and wants the same
// figures to the last one: terms, ranges, totals, missing and other.
// It counts twice: with no column kept (a few matches are visited, the
// rest not counted) and with every segment's column read first.
func TestColumnFacetsMatchBleve(t *testing.T) {
	idx, arts, now := equivalenceIndex(t)
	defer func(c *facetColumns) { idx.facetCols = c }(idx.facetCols)
	ctx := context.Background()
	shards := everyShard(idx)
	days := histogram{interval: "day"}
	for d := range 21 {
		days.bars = append(days.bars, now.UTC().Truncate(24*time.Hour).AddDate(0, 0, d-400))
	}
	type asked struct {
		text string
		q    bq.Query
		sr   *bleve.SearchRequest
	}
	var asks []asked
	for _, text := range equivalenceQueries(t, arts, now) {
		pq, err := query.Parse(text, now)
		if err != nil {
			continue
		}
		var q bq.Query = bleve.NewMatchAllQuery()
		if pq.Bleve() != nil {
			q = pq.Bleve()
		}
		if q, err = expandWildcards(ctx, q, shards); err != nil {
			continue // refused, as a search refuses it
		}
		idx.mu.RLock()
		own, err := idx.window(ctx, q, pq, now)
		idx.mu.RUnlock()
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []histogram{own, days} {
			sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
			addFacets(sr, h)
			asks = append(asks, asked{text, q, sr})
		}
	}
	compare := func(pass string) (compared, counted int) {
		for _, a := range asks {
			for _, b := range shards {
				got, ok, err := idx.columnFacets(ctx, b, a.q, a.sr.Facets)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					continue
				}
				res, err := b.SearchInContext(ctx, a.sr)
				if err != nil {
					t.Fatal(err)
				}
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(res.Facets)
				if string(g) != string(w) {
					t.Fatalf("%s: %q in %s: counted\n%s\nBleve counts\n%s", pass, a.text, b.Name(), g, w)
				}
				compared++
				if res.Total > 0 {
					counted++
				}
			}
		}
		t.Logf("%s: %d shards' facets compared, %d with a match", pass, compared, counted)
		return compared, counted
	}
	idx.facetCols = newFacetColumns(0)
	if compared, counted := compare("visited"); compared < 2000 || counted < 300 {
		t.Fatalf("only %d shards' facets compared by visiting, %d with a match: the test no longer tries enough", compared, counted)
	}
	idx.facetCols = newFacetColumns(facetColumnBytes)
	fields := facetFields(asks[0].sr.Facets)
	for _, b := range shards {
		snap, done, ok := snapshotOf(b)
		if !ok {
			t.Fatal("not a scorch index")
		}
		for _, ss := range snap.Segments() {
			if idx.facetCols.column(ss.Segment(), fields) == nil {
				t.Fatalf("%s: no column read", b.Name())
			}
		}
		done()
	}
	if compared, counted := compare("from columns"); compared < 2000 || counted < 500 {
		t.Fatalf("only %d shards' facets compared from columns, %d with a match: the test no longer tries enough", compared, counted)
	}
}

// TestFacetRangesAgreeWithBleve counts values at and around the ends of
// date ranges (bars that follow one another, ranges that overlap or are
// open) and of numeric ranges, by facetCount and by Bleve's builders.
func TestFacetRangesAgreeWithBleve(t *testing.T) {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	var values []int64
	for d := -2; d <= 12; d++ {
		at := day.AddDate(0, 0, d).UnixNano()
		values = append(values, at-1, at, at+1, at+int64(12*time.Hour))
	}
	bars := func(n int) [][2]time.Time {
		var rs [][2]time.Time
		for i := range n {
			rs = append(rs, [2]time.Time{day.AddDate(0, 0, i), day.AddDate(0, 0, i+1)})
		}
		return rs
	}
	sets := map[string][][2]time.Time{
		"bars":        bars(10),
		"one bar":     bars(1),
		"overlapping": {{day, day.AddDate(0, 0, 3)}, {day.AddDate(0, 0, 2), day.AddDate(0, 0, 5)}},
		"open ends":   {{time.Time{}, day.AddDate(0, 0, 2)}, {day.AddDate(0, 0, 2), day.AddDate(0, 0, 4)}, {day.AddDate(0, 0, 4), time.Time{}}},
		"a gap":       {{day, day.AddDate(0, 0, 1)}, {day.AddDate(0, 0, 3), day.AddDate(0, 0, 4)}},
	}
	for name, rs := range sets {
		req := bleve.NewFacetRequest("published", len(rs))
		b := facet.NewDateTimeFacetBuilder("published", len(rs))
		for i, r := range rs {
			req.AddDateTimeRange(fmt.Sprint(i), r[0], r[1])
			b.AddRange(fmt.Sprint(i), r[0], r[1])
		}
		rangesAgree(t, name, req, b, values)
	}
	lo, mid, hi := 1000.0, 10000.0, 100000.0
	req := bleve.NewFacetRequest("peak", 3)
	b := facet.NewNumericFacetBuilder("peak", 3)
	for _, r := range []struct {
		name     string
		min, max *float64
	}{{"low", &lo, &mid}, {"high", &mid, &hi}, {"any", nil, nil}, {"top", &hi, nil}} {
		req.AddNumericRange(r.name, r.min, r.max)
		b.AddRange(r.name, r.min, r.max)
	}
	values = nil
	for _, f := range []float64{0, 999, 1000, 1001, 9999.5, 10000, 99999, 100000, 1e6} {
		values = append(values, numeric.Float64ToInt64(f))
	}
	rangesAgree(t, "numeric ranges", req, b, values)
}

// rangesAgree counts values, one a document, by facetCount for req and
// by Bleve's builder b, and wants the same figures.
func rangesAgree(t *testing.T, name string, req *bleve.FacetRequest, b search.FacetBuilder, values []int64) {
	t.Helper()
	c := newFacetCount(req)
	for _, v := range values {
		c.addValue(v)
		b.StartDoc()
		b.UpdateVisitor(numeric.MustNewPrefixCodedInt64(v, 0))
		b.EndDoc()
	}
	g, _ := json.Marshal(c.result())
	w, _ := json.Marshal(b.Result())
	if string(g) != string(w) {
		t.Errorf("%s: counted\n%s\nBleve counts\n%s", name, g, w)
	}
}

// TestSpansMatchBleveAtTheirEnds puts articles a nanosecond either side
// of a range's ends, and one undated, and wants every way of writing the
// range (ends included or not, open at either side) to match the same
// articles from the time column as Bleve's own range search does.
func TestSpansMatchBleveAtTheirEnds(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	from := time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 3)
	var arts []*defwatch.Article
	for i, at := range []time.Time{from.Add(-1), from, from.Add(1), to.Add(-1), to, to.Add(1), {}} {
		id := fmt.Sprint("span", i)
		arts = append(arts, &defwatch.Article{ID: id, URL: "https://example.com/" + id, Source: "example.com", Lang: "en",
			Title: "Report " + id, Text: "Troops moved to the border.", Published: at})
	}
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	var tried int
	for _, start := range []time.Time{{}, from} {
		for _, end := range []time.Time{{}, to} {
			for _, incl := range [][2]*bool{{nil, nil}, {&yes, &yes}, {&no, &no}, {&yes, &no}, {&no, &yes}} {
				if start.IsZero() && end.IsZero() {
					continue
				}
				q := bq.NewDateRangeInclusiveQuery(start, end, incl[0], incl[1])
				q.SetField(publishedField)
				for _, b := range everyShard(idx) {
					tree, ok := matchTree(q)
					if !ok {
						t.Fatalf("%v to %v: not matched from the columns", start, end)
					}
					snap, done, ok := snapshotOf(b)
					if !ok {
						t.Fatal("not a scorch index")
					}
					e, ok := idx.evaluate(snap, tree, false)
					done()
					if !ok {
						t.Fatalf("%v to %v: not evaluated", start, end)
					}
					res, err := b.Search(bleve.NewSearchRequest(q))
					if err != nil {
						t.Fatal(err)
					}
					if e.count != res.Total {
						t.Errorf("%v to %v, included %v %v, in %s: %d matches from the column, Bleve finds %d", start, end, incl[0], incl[1], b.Name(), e.count, res.Total)
					}
					tried++
				}
			}
		}
	}
	if tried < 15 {
		t.Fatalf("only %d ranges tried", tried)
	}
}
