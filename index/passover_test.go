package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/defwatch/defwatch"
)

// A search asked for the first time reads every month, but a match whose
// best possible key (its relevance times its month's newest recency, or
// its month's newest or oldest moment) is below the page's floor is
// passed over without its publication time or id being read. Whatever is
// passed over, every sort and page answers as the reference does.
func TestPassedOverMatchesLeaveAnswersExact(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	ctx := context.Background()
	now := time.Now().UTC()
	// More matches a month than a shard keeps of its best (topKept),
	// weaker and stronger in no order (texts of shuffled lengths), so
	// that by relevance an old month's weaker late matches can be passed
	// over while a strong late one must still be found.
	var arts []*defwatch.Article
	for m := range 6 {
		for i := range topKept + 30 {
			words := []string{"Ukraine"}
			for j := range 10 + 2*(i*37%(topKept+30)) {
				words = append(words, fmt.Sprintf("w%dx%dx%d", m, i, j))
			}
			id := fmt.Sprintf("p%d-%03d", m, i)
			arts = append(arts, &defwatch.Article{
				ID: id, URL: "https://example.com/" + id, Source: fmt.Sprintf("outlet%d.example", i%4), Lang: "en",
				Title: "Report " + id, Text: strings.Join(words, " ") + ".",
				Published: now.AddDate(0, -m, 0).Add(-time.Duration(i) * time.Hour),
			})
		}
	}
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		// A query not asked before each time, which its phrase keeps from
		// being bounded unread (see shardBound), so no month is known and
		// every one is read.
		for i, q := range []string{`ukraine OR "zzq yyq"`, `ukraine OR "zzq yyq" -source:none` + sort} {
			req := Request{Query: q, Sort: sort, Size: 5}
			before := idx.stats.passedOverCount()
			// Twice: the second time from what the first kept.
			first := agreesWithReference(t, ctx, idx, sort+" first page", req, now, 2)
			if sort == SortRelevance && i == 0 && idx.stats.passedOverCount() == before {
				t.Errorf("by relevance, no match of %d over 6 months was passed over", first.Total)
			}
			r := req
			r.From = 10
			agreesWithReference(t, ctx, idx, sort+" by offset", r, now, 1)
			r = req
			for page := 2; page <= 5 && first.Next != ""; page++ {
				r.After = first.Next
				first = agreesWithReference(t, ctx, idx, sort+" by token", r, now, 2)
			}
		}
	}
}

// passOver's decision: a match passes over only when the best key its
// shard allows is below the floor some shard has reached, and by
// relevance only when it cannot join the shard's kept best either.
func TestPassOverDecides(t *testing.T) {
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	may, june := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	searcher := func(sort boundSort, floor uint64) *recencySearcher {
		share := &pageShare{}
		share.floor.Store(floor)
		s := &recencySearcher{now: now, most: min(1, recencyFactor(now, june)*(1+1e-9)), from: may, before: june,
			page: pageBound{need: 3, sort: sort, shared: share}}
		s.flat = sort != byScore
		return s
	}
	newest, oldest, score := pageBound{sort: byNewest}, pageBound{sort: byOldest}, pageBound{sort: byScore}
	at := func(b pageBound, t time.Time) uint64 { return b.key(0, t.UnixNano(), true) }
	for _, c := range []struct {
		name  string
		s     *recencySearcher
		score float64
		want  bool
	}{
		{"newest first, floor after the month", searcher(byNewest, at(newest, june.Add(time.Hour))), 1, true},
		{"newest first, floor within the month", searcher(byNewest, at(newest, june.Add(-time.Hour))), 1, false},
		{"newest first, no floor yet", searcher(byNewest, 0), 1, false},
		{"oldest first, floor before the month", searcher(byOldest, at(oldest, may.Add(-time.Hour))), 1, true},
		{"oldest first, floor within the month", searcher(byOldest, at(oldest, may.Add(time.Hour))), 1, false},
		{"relevance, bound below the floor", searcher(byScore, score.key(2, 0, true)), 1, true},
		{"relevance, bound above the floor", searcher(byScore, score.key(0.5, 0, true)), 1, false},
	} {
		d := &search.DocumentMatch{ID: "a", Score: c.score}
		if got := c.s.passOver(d); got != c.want {
			t.Errorf("%s: passed over %v, want %v", c.name, got, c.want)
		}
		if got := d.ID == unplaced; got != c.want {
			t.Errorf("%s: named unplaced %v, want %v", c.name, got, c.want)
		}
		if c.want && c.s.page.sort == byScore && d.Score < c.score*recencyFactor(now, june.Add(-time.Nanosecond)) {
			t.Errorf("%s: score %v is below the match's own best %v", c.name, d.Score, c.score*recencyFactor(now, june))
		}
	}
	// By relevance, one that could still join the shard's kept best is
	// read: there is room among them.
	s := searcher(byScore, score.key(2, 0, true))
	s.reader = someReader{}
	if s.passOver(&search.DocumentMatch{Score: 1}) {
		t.Error("by relevance, a match was passed over while the shard's kept best had room")
	}
	// With no room, it is read when it could beat the least kept, and
	// passed over when it could not.
	for _, c := range []struct {
		least float64
		want  bool
	}{{0.5, false}, {0.99, true}} {
		s.top = s.top[:0]
		for range topKept {
			s.top = append(s.top, topCand{score: c.least})
		}
		if got := s.passOver(&search.DocumentMatch{Score: 1}); got != c.want {
			t.Errorf("by relevance, least kept %v: passed over %v, want %v", c.least, got, c.want)
		}
	}
}

// someReader stands for a shard's reader where only its presence counts.
type someReader struct{ bindex.IndexReader }

// A match that cannot place is dropped before Bleve's collector sees it,
// counted in the search's total instead; the collector looks at the
// deadline only for matches it is handed, so the dropping looks at it
// too, every 1,024 matches.
func TestDroppedMatchesCountAndHeedTheDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var dropped atomic.Uint64
	s := &recencySearcher{goctx: ctx, dropped: &dropped}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(1, 0)}
	placed := &search.DocumentMatch{ID: "a"}
	if d, err := s.keep(sctx, placed); d != placed || err != nil {
		t.Fatalf("a match that can place: %v, %v; want it back", d, err)
	}
	for i := range 2048 {
		if i == 1100 {
			cancel()
		}
		d, err := s.keep(sctx, &search.DocumentMatch{ID: unplaced})
		switch {
		case d != nil:
			t.Fatalf("match %d, unplaced, handed on", i)
		case i < 2047 && err != nil:
			t.Fatalf("match %d: %v; want it dropped without a look at the deadline", i, err)
		case i == 2047 && err == nil:
			t.Fatalf("match %d, the 1,024th since the search was cancelled: no error", i)
		}
	}
	s.flushDropped()
	if got := dropped.Load(); got != 2048 {
		t.Errorf("%d dropped matches counted, want 2048", got)
	}
}
