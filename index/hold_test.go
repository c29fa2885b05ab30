package index

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/query"
)

// inDateOrder opens an index holding commits×per articles that all say
// "convoy", published a minute apart within last month, put a commit at
// a time in the order they were published (Bleve orders those of one
// commit its own way).
func inDateOrder(t *testing.T, commits, per int) (*Index, map[string]time.Time) {
	t.Helper()
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	month := time.Now().UTC().AddDate(0, 0, -time.Now().UTC().Day()+1)
	start := time.Date(month.Year(), month.Month()-1, 2, 0, 0, 0, 0, time.UTC)
	published := map[string]time.Time{}
	for c := range commits {
		var arts []*defwatch.Article
		for i := range per {
			n := c*per + i
			id := fmt.Sprintf("ord-%04d", n)
			at := start.Add(time.Duration(n) * time.Minute)
			published[id] = at
			arts = append(arts, &defwatch.Article{ID: id, URL: "https://example.com/" + id, Source: "order.example", Lang: "en",
				Title: "Convoy " + id, Text: "A convoy was sighted near the border.", Published: at})
		}
		if _, err := idx.Put(arts); err != nil {
			t.Fatal(err)
		}
	}
	return idx, published
}

// A month written in date order gives its matches oldest first, so by
// relevance and newest first each one read would place when it is read,
// and Bleve's collector would read the id of each. Held back until later
// ones overtake them, only about the page's worth are handed on, and
// every answer is the reference's.
func TestHeldMatchesSpareIDReads(t *testing.T) {
	idx, published := inDateOrder(t, 60, 10)
	defer idx.Close()
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Hour)
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		req := Request{Query: "convoy -source:s" + sort, Sort: sort, Size: 5, AllCopies: true, NoFacets: true}
		before := idx.stats.handedCount()
		res := agreesWithReference(t, ctx, idx, sort, req, now, 1)
		if res.Total != uint64(len(published)) {
			t.Fatalf("%s: %d matches, want %d", sort, res.Total, len(published))
		}
		if n := idx.stats.handedCount() - before; n < uint64(req.Size) || n > 3*uint64(req.Size) {
			t.Errorf("%s: %d of %d matches handed on to place for a page of %d", sort, n, len(published), req.Size)
		}
		// Later pages, by token, read the month again.
		for page := 2; page <= 3; page++ {
			req.After = res.Next
			res = agreesWithReference(t, ctx, idx, fmt.Sprintf("%s page %d", sort, page), req, now, 1)
		}
	}
}

// Advanced, a searcher gives the matches at or after where it is sent, in
// order, among them every one of the page's best it has read there:
// whether it held matches back when it was sent or had read none yet.
func TestHoldingSearcherAdvances(t *testing.T) {
	idx, published := inDateOrder(t, 30, 10)
	defer idx.Close()
	ctx := context.Background()
	shards := everyShard(idx)
	var b bleve.Index
	for _, s := range shards {
		if n, _ := s.DocCount(); n > 0 {
			b = s
		}
	}
	snap, done, ok := snapshotOf(b)
	if !ok {
		t.Fatalf("%s: no snapshot", b.Name())
	}
	defer done()
	pq, err := query.Parse("convoy", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	q := pq.Bleve()
	const need = 5
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(8, 0)}
	open := func() *recencySearcher {
		var dropped atomic.Uint64
		rq := &recencyQuery{q: q, now: time.Now(), flat: true, page: &pageBound{need: need, sort: byOldest}, dropped: &dropped}
		s, err := rq.Searcher(ctx, snap, b.Mapping(), search.SearcherOptions{})
		if err != nil {
			t.Fatal(err)
		}
		rs := s.(*recencySearcher)
		if !rs.holding {
			t.Fatal("the searcher does not hold matches back")
		}
		return rs
	}
	// Every match, in the order read, and when each was published.
	type match struct {
		iid uint64
		at  time.Time
	}
	var all []match
	child, err := q.Searcher(ctx, snap, b.Mapping(), search.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for d, err := child.Next(sctx); d != nil || err != nil; d, err = child.Next(sctx) {
		if err != nil {
			t.Fatal(err)
		}
		id, err := snap.ExternalID(d.IndexInternalID)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, match{d.IndexInternalID.Value(), published[id]})
		sctx.DocumentMatchPool.Put(d)
	}
	child.Close()
	if len(all) != len(published) {
		t.Fatalf("%d matches read, want %d", len(all), len(published))
	}
	// oldest is the need oldest of ms, in the order read.
	oldest := func(ms []match) []uint64 {
		byAge := slices.Clone(ms)
		slices.SortFunc(byAge, func(a, b match) int { return a.at.Compare(b.at) })
		var ids []uint64
		for _, m := range byAge[:need] {
			ids = append(ids, m.iid)
		}
		slices.Sort(ids)
		return ids
	}
	// rest reads s to its end from d.
	rest := func(s *recencySearcher, d *search.DocumentMatch, err error) []uint64 {
		var got []uint64
		for ; d != nil || err != nil; d, err = s.Next(sctx) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, d.IndexInternalID.Value())
			sctx.DocumentMatchPool.Put(d)
		}
		return got
	}
	check := func(step string, got []uint64, from uint64, must []uint64) {
		t.Helper()
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("%s: matches out of order or twice: %v", step, got)
		}
		if len(got) > 0 && got[0] < from {
			t.Fatalf("%s: sent to %d, gave %v", step, from, got)
		}
		for _, id := range must {
			if id >= from && !slices.Contains(got, id) {
				t.Fatalf("%s: %d, among the page's best, is missing from %v", step, id, got)
			}
		}
	}

	// Sent on before reading anything: the page's best of what is at or
	// after the point.
	mid := all[len(all)/2].iid
	s := open()
	d, err := s.Advance(sctx, bindex.NewIndexInternalID(nil, mid))
	var after []match
	for _, m := range all {
		if m.iid >= mid {
			after = append(after, m)
		}
	}
	check("advanced first", rest(s, d, err), mid, oldest(after))
	s.Close()

	// Sent on while holding the page's best of every match: those at or
	// after the point are still given.
	best := oldest(all)
	s = open()
	d, err = s.Next(sctx)
	if err != nil || d == nil || d.IndexInternalID.Value() != best[0] {
		t.Fatalf("first match handed on %v (%v), want %d", d, err, best[0])
	}
	sctx.DocumentMatchPool.Put(d)
	if s.heldN < need-1 {
		t.Fatalf("%d matches held after the first was handed on, want the other %d of the page's best at least", s.heldN, need-1)
	}
	d, err = s.Advance(sctx, bindex.NewIndexInternalID(nil, best[2]))
	got := rest(s, d, err)
	check("advanced while holding", got, best[2], best)
	if !slices.Equal(got, best[2:]) {
		t.Fatalf("advanced while holding to %d: gave %v, want %v", best[2], got, best[2:])
	}
	s.Close()
}
