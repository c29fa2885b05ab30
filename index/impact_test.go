package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/query"
	"github.com/defwatch/defwatch/index/schema"
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
	shards := everyShard(idx)
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

// A month that may place a hit is read at the few matches that can beat
// the page's last, when every other one is known not to, and the answers
// stay the reference's: every page by offset and by token, asked the
// first time and again, in months with more matches than a term's best
// documents kept (topImpacts).
func TestCandidateReadsAgree(t *testing.T) {
	idx, err := Open(t.TempDir() + "/idx")
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	now := time.Now().UTC()
	var arts []*defwatch.Article
	const perMonth = 8 * topImpacts
	// Each month's articles within it, minutes apart (this month's
	// before now).
	published := func(m, i int) time.Time {
		if m == 0 {
			return now.Add(-time.Duration(i) * time.Minute)
		}
		start := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
		return start.AddDate(0, -m, 0).Add(time.Duration(i) * time.Minute)
	}
	for m := range 4 {
		for i := range perMonth {
			// Texts of shuffled lengths, a few short and strong.
			n := 4 + (i*53)%(perMonth)
			words := []string{"Ukraine"}
			for j := range n {
				words = append(words, fmt.Sprintf("w%dx%dx%d", m, i, j))
			}
			id := fmt.Sprintf("c%d-%03d", m, i)
			arts = append(arts, &defwatch.Article{
				ID: id, URL: "https://example.com/" + id, Source: fmt.Sprintf("outlet%d.example", i%4), Lang: "en",
				Title: "Report " + id, Text: strings.Join(words, " ") + ".",
				Published: published(m, i),
			})
		}
	}
	for i := 0; i < len(arts); i += 500 {
		if _, err := idx.Put(arts[i:min(len(arts), i+500)]); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	for i, q := range []string{"ukraine", "ukraine -source:none.example", "ukraine OR zzzqqq"} {
		req := Request{Query: q, Size: 10}
		first := agreesWithReference(t, ctx, idx, "first page", req, now, 2)
		if first.Total != uint64(len(arts)) {
			t.Fatalf("%q: total %d, want %d", q, first.Total, len(arts))
		}
		r := req
		for page := 2; page <= 4 && first.Next != ""; page++ {
			r.After = first.Next
			first = agreesWithReference(t, ctx, idx, fmt.Sprintf("%q page %d by token", q, page), r, now, 2)
		}
		// Asked afresh at pages deep enough that an old month's matches
		// beyond its best documents place.
		for _, from := range []int{25 + 10*i, 270, 700, 1500} {
			fresh := fmt.Sprintf("%s -source:deep%d.example", q, from)
			agreesWithReference(t, ctx, idx, "by offset", Request{Query: fresh, Size: 10, From: from}, now, 2)
		}
	}
	if idx.stats.candidateReads() == 0 {
		t.Fatal("no month was read at its candidates")
	}

	// Whatever the floor, a shard read at its candidates leaves out only
	// matches that score below it.
	pq, err := query.Parse("ukraine", now)
	if err != nil {
		t.Fatal(err)
	}
	shards := everyShard(idx)
	var tried, read int
	for _, b := range shards {
		sr := bleve.NewSearchRequestOptions(pq.Bleve(), perMonth, 0, false)
		res, err := b.SearchInContext(ctx, sr)
		if err != nil {
			t.Fatal(err)
		}
		snap, done, ok := snapshotOf(b)
		if !ok {
			t.Fatalf("%s: no snapshot", b.Name())
		}
		for k := 0; k < len(res.Hits); k += 16 { // floors from the best match's score down
			h := res.Hits[k]
			for _, most := range []float64{1, 0.5} {
				floor := h.Score * most
				tree, _ := boundTree(pq.Bleve())
				ids, count, _, ok := idx.candidates(snap, tree, floor, most)
				tried++
				if !ok {
					continue
				}
				read++
				if count != res.Total {
					t.Fatalf("%s: candidates counted %d matches, Bleve %d", b.Name(), count, res.Total)
				}
				in := map[uint64]bool{}
				for _, id := range ids {
					in[id] = true
				}
				for _, m := range res.Hits {
					if !in[m.IndexInternalID.Value()] && m.Score*most >= floor {
						t.Fatalf("%s: a match scoring %g × %g is not a candidate under the floor %g", b.Name(), m.Score, most, floor)
					}
				}
				if len(ids) >= 3 {
					advancedByCandidates(t, snap, b, pq.Bleve(), &onlyRead{x: idx, floor: floor}, most, ids)
				}
			}
		}
		done()
	}
	if read == 0 || read == tried {
		t.Fatalf("candidates made for %d floors of %d: the test no longer tries both outcomes", read, tried)
	}
}

// The histogram's ends read from the postings and the time columns are
// those a search sorted by date finds: in every month of the equivalence
// archive, for every query that can be read so, newest and oldest.
func TestColumnEdgesMatchSearch(t *testing.T) {
	idx, arts, now := equivalenceIndex(t)
	ctx := context.Background()
	shards := everyShard(idx)
	var compared, dated int
	for _, text := range equivalenceQueries(t, arts, now) {
		pq, err := query.Parse(text, now)
		if err != nil {
			continue
		}
		for _, b := range shards {
			for _, newest := range []bool{true, false} {
				got, gotFound, ok := idx.columnEdge(b, pq.Bleve(), newest)
				if !ok {
					continue
				}
				order := schema.TimeField
				if newest {
					order = "-" + order
				}
				want, wantFound, err := shardEdge(ctx, b, pq.Bleve(), order)
				if err != nil {
					t.Fatal(err)
				}
				compared++
				if gotFound != wantFound || !got.Equal(want) {
					t.Fatalf("%q in %s (newest %v): columns give %v (%v), the search %v (%v)", text, b.Name(), newest, got, gotFound, want, wantFound)
				}
				if gotFound {
					dated++
				}
			}
		}
	}
	if compared < 1000 || dated < 300 {
		t.Fatalf("only %d ends compared, %d dated: the test no longer tries enough", compared, dated)
	}
}

// everyShard is every shard of idx, undated and dated.
func everyShard(idx *Index) []bleve.Index {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	return idx.pick(time.Time{}, time.Time{})
}

// advancedByCandidates checks that a searcher reading at candidates and
// advanced to a point between two of them reads on from the later one,
// in order, to the last.
func advancedByCandidates(t *testing.T, snap *scorch.IndexSnapshot, b bleve.Index, q bq.Query, o *onlyRead, most float64, ids []uint64) {
	t.Helper()
	ctx := context.Background()
	child, err := q.Searcher(ctx, snap, b.Mapping(), search.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := &recencySearcher{Searcher: child, most: most, goctx: ctx, now: time.Now()}
	defer s.Close()
	s.readOnly(o, q, snap)
	if !s.byCandidates {
		t.Fatalf("%s: not read at candidates under the floor %g", b.Name(), o.floor)
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(8, 0)}
	// Just past the first candidate: the second is the next match.
	var got []uint64
	d, err := s.Advance(sctx, bindex.NewIndexInternalID(nil, ids[0]+1))
	for ; d != nil && err == nil; d, err = s.Next(sctx) {
		got = append(got, d.IndexInternalID.Value())
		sctx.DocumentMatchPool.Put(d)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, ids[1:]) {
		t.Fatalf("%s: advanced past the first candidate, read %v, want %v", b.Name(), got, ids[1:])
	}
}
