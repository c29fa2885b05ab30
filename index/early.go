package index

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A search reads the month shards in the order of its sort and stops when
// no remaining shard can place a hit on the page. Each shard's part in a
// query is remembered until the shard changes: its best relevance before
// the recency blend, and how many articles match. By relevance, the best
// blended score a shard can give is at most that relevance times the
// recency of its newest possible day, so old months, whose recency is
// low, are left unread once the page is full of better hits; by date, a
// month wholly past the page's last hit is left unread. The total stays
// exact: a shard left unread adds the count it had, which is still true
// since the shard has not changed. A shard not yet seen with the query is
// always read: the first time a query is asked reads every shard.

//
// By relevance a shard's best few hits are kept too (ids, relevance
// before the blend, publication times), ranked as of the hour they were
// found. Asked again in that hour or later, a month that has not changed
// gives its hits from them: each score is blended again as of the new
// hour, and every match not kept scored at most the least kept one, a
// bound that only falls as the hours pass (recency only falls with age).
// Kept hits that score above both that bound and the month's own are
// exactly the month's first hits; the month is read again only when the
// page reaches below them (a page deep in the order, a month whose
// unkept matches could still place). Only the open months, which change,
// are read each time a query is asked again.

// The kept figures are keyed by their query's JSON, up to a few
// kilobytes, and a shard's best hits are a few kilobytes more: entries
// and bytes are both bounded.
const (
	shardStatEntries = 1 << 15
	shardStatBytes   = 32 << 20
	// topKept is how many of a shard's best hits are kept: the first
	// page of 20 fetches 60, to fold wire copies, and the second as
	// many again after the first's last hit.
	topKept = 100
	// keptHitBytes is a kept hit's size less its id's bytes.
	keptHitBytes = 48
)

// shardStat is one shard's part in one query.
type shardStat struct {
	best  float64  // the best relevance of a match, before the recency blend, or a bound on it
	count uint64   // matches
	top   *keptTop // by relevance, its best hits; nil when not kept
}

// keptTop is a shard's best hits for a query by relevance blended with
// recency, as of hour.
type keptTop struct {
	hour  time.Time
	hits  []keptHit
	floor float64 // every match not in hits scored at most this at hour; -Inf when none was left out
	bytes int
}

func (t *keptTop) size() int {
	if t == nil {
		return 0
	}
	return t.bytes
}

type keptHit struct {
	id    string
	rel   float64 // before the blend
	nanos int64   // publication time
	dated bool
}

// topCand is a match a searcher may keep, named by its internal id until
// the search ends.
type topCand struct {
	iid        []byte
	rel, score float64
	nanos      int64
	dated      bool
}

// topHeap holds up to topKept matches, the lowest score at its root.
type topHeap []topCand

// offer keeps a match when there is room or it beats the lowest kept.
func (h *topHeap) offer(iid []byte, rel, score float64, nanos int64, dated bool) {
	t := *h
	if len(t) < topKept {
		t = append(t, topCand{iid: slices.Clone(iid), rel: rel, score: score, nanos: nanos, dated: dated})
		siftUp(t, len(t)-1, lowerScore)
		*h = t
		return
	}
	if score <= t[0].score {
		return
	}
	t[0] = topCand{iid: append(t[0].iid[:0], iid...), rel: rel, score: score, nanos: nanos, dated: dated}
	siftDown(t, 0, lowerScore)
}

func lowerScore(a, b topCand) bool { return a.score < b.score }

// siftUp restores the min-heap h after h[i] was set or appended.
func siftUp[T any](h []T, i int, less func(a, b T) bool) {
	for i > 0 {
		up := (i - 1) / 2
		if !less(h[i], h[up]) {
			return
		}
		h[up], h[i] = h[i], h[up]
		i = up
	}
}

// siftDown restores the min-heap h after h[i] was raised.
func siftDown[T any](h []T, i int, less func(a, b T) bool) {
	for {
		small, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && less(h[l], h[small]) {
			small = l
		}
		if r < len(h) && less(h[r], h[small]) {
			small = r
		}
		if small == i {
			return
		}
		h[small], h[i] = h[i], h[small]
		i = small
	}
}

// edgeStat is the newest (or oldest) publication time of a shard's
// matches for one query; found is false when none is dated.
type edgeStat struct {
	t     time.Time
	found bool
}

type statCache struct {
	mu       sync.Mutex
	stats    map[facetKey]shardStat
	edges    map[facetKey]edgeStat
	bytes    int    // of the keys' queries, in both maps
	skips    uint64 // shards left out of searches, for tests and figures
	fromKept uint64 // shards whose hits came from their kept best, for tests and figures
	passed   uint64 // matches passed over without their time read (see passOver), for tests and figures
	handed   uint64 // matches handed to Bleve's collector as able to place (see recencySearcher.hold), for tests and figures
	byCands  uint64 // shards read at their candidates only (see recencyQuery.only), for tests and figures
}

// room makes room for a key of n bytes, starting afresh (as the facet
// counts do) when the maps are full. c.mu must be held.
func (c *statCache) room(n int) {
	if c.stats == nil || c.edges == nil || len(c.stats)+len(c.edges) >= shardStatEntries || c.bytes+n > shardStatBytes {
		c.stats, c.edges, c.bytes = map[facetKey]shardStat{}, map[facetKey]edgeStat{}, 0
	}
	c.bytes += n
}

func (c *statCache) skip() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skips++
}

func (c *statCache) keptUsed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fromKept++
}

// paged adds what the searchers of one search shared.
func (c *statCache) paged(share *pageShare) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.passed += share.passed.Load()
	c.handed += share.handed.Load()
}

func (c *statCache) readByCandidates() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byCands++
}

func (c *statCache) candidateReads() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byCands
}

func (c *statCache) passedOverCount() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.passed
}

func (c *statCache) handedCount() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.handed
}

func (c *statCache) usedKept() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fromKept
}

func (c *statCache) skipped() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skips
}

func (c *statCache) stat(k facetKey) (shardStat, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.stats[k]
	return s, ok
}

func (c *statCache) putStat(k facetKey, s shardStat) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.stats[k]; ok {
		c.bytes -= len(k.ask) + old.top.size()
		delete(c.stats, k)
	}
	c.room(len(k.ask) + s.top.size())
	c.stats[k] = s
}

func (c *statCache) edge(k facetKey) (edgeStat, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.edges[k]
	return e, ok
}

func (c *statCache) putEdge(k facetKey, e edgeStat) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.edges[k]; !ok {
		c.room(len(k.ask))
	}
	c.edges[k] = e
}

// queryKey is q as JSON, or "" when its JSON does not tell it from other
// queries (see exactJSON): figures are then never kept for it.
func queryKey(q query.Query) string {
	if !exactJSON(q) {
		return ""
	}
	data, err := json.Marshal(q)
	if err != nil {
		return ""
	}
	return string(data)
}

// shardSeen gathers what one shard's searcher saw of a query. It is
// complete only when the searcher ran to its end.
type shardSeen struct {
	mu   sync.Mutex
	stat shardStat
	done bool
}

func (s *shardSeen) finish(best float64, count uint64, top *keptTop) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stat, s.done = shardStat{best: best, count: count, top: top}, true
}

func (s *shardSeen) result() (shardStat, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stat, s.done
}

// seenShard is a shard whose searches report what they saw: one by
// recency tells its recency query, others are wrapped in one that does
// not blend (flat).
type seenShard struct {
	shardIndex
	seen *shardSeen
	// from and before bound when the shard's dated matches were
	// published (its month); zero when not known.
	from, before time.Time
	// share is shared by the shards of one search (see pageBound).
	share *pageShare
	times *timeColumns
	// only, when set, lets the shard be read at its candidates (see
	// recencyQuery.only).
	only *onlyRead
}

// shardIndex names the embedded index apart from its own method Index.
type shardIndex = bleve.Index

func (s seenShard) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	r := *req
	var dropped atomic.Uint64
	if rq, ok := req.Query.(*recencyQuery); ok {
		q := *rq
		q.seen = s.seen
		q.page = s.pageBound(req)
		q.from, q.before = s.from, s.before
		q.times, q.dropped, q.only = s.times, &dropped, s.only
		r.Query = &q
	} else {
		r.Query = &recencyQuery{q: req.Query, flat: true, seen: s.seen, page: s.pageBound(req), from: s.from, before: s.before, times: s.times, dropped: &dropped}
	}
	res, err := s.shardIndex.SearchInContext(ctx, &r)
	if err != nil {
		return nil, err
	}
	// The matches that could not place and were never handed to Bleve's
	// collector still match.
	res.Total += dropped.Load()
	return res, nil
}

func (s seenShard) pageBound(req *bleve.SearchRequest) *pageBound {
	b := newPageBound(req)
	if b != nil {
		b.shared = s.share
	}
	return b
}

func (s seenShard) Search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return s.SearchInContext(context.Background(), req)
}

// shardPlan is one shard of a search read in order.
type shardPlan struct {
	b        bleve.Index
	engine   *scorch.Scorch
	epoch    uint64
	stat     shardStat
	known    bool
	bound    float64 // by relevance, the best blended score it can give; +Inf when not known
	from, to time.Time
	dated    bool
	seen     *shardSeen
	searched bool
	skipped  bool
	// top is the shard's kept best hits when they can answer for it;
	// fromKept says the page holds them, rest bounds the scores of the
	// shard's matches they leave out.
	top      *keptTop
	fromKept bool
	rest     float64
	// bounded: stat is the shard's bound, made from its postings
	// without reading it (see shardBound); countless: its count is not
	// made yet (it is when the shard is left out).
	bounded, countless bool
	// floor, when above 0, is the score a hit of the shard must beat to
	// place, as the page stood when the shard was put to be read.
	floor float64
}

// searchInOrder runs sr over shards in the order it sorts by (relevance
// blended with recency, newest or oldest first; then id), leaving out
// each shard known to hold nothing that can be among the first
// sr.From+sr.Size: by relevance, one whose best relevance times the
// recency of its newest day is below the last of them; by date, one whose
// month lies wholly past it. It answers as one search over all of them
// would. sortBy is sr's sort as given to SortBy; ask keys the kept
// figures (see queryKey); now is the recency's clock.
func (x *Index) searchInOrder(ctx context.Context, shards []bleve.Index, sr *bleve.SearchRequest, sortBy []string, order, ask string, now time.Time) (*bleve.SearchResult, error) {
	plans := make([]*shardPlan, len(shards))
	asked := sr.Query
	if rq, ok := asked.(*recencyQuery); ok {
		asked = rq.q
	}
	for i, b := range shards {
		p := &shardPlan{b: b, bound: math.Inf(1), seen: &shardSeen{}}
		p.engine, p.epoch = shardState(b)
		p.from, p.to, p.dated = shardSpan(filepath.Base(b.Name()))
		if p.engine != nil && ask != "" {
			p.stat, p.known = x.stats.stat(facetKey{p.engine, p.epoch, ask})
		}
		if !p.known && p.engine != nil {
			x.planBound(p, asked, order, ask)
		}
		if p.known {
			newest := now // undated: bounded as if new
			if p.dated {
				newest = p.to
			}
			p.bound = p.stat.best * recencyFactor(now, newest)
			if order == SortRelevance && p.stat.top != nil && !now.Before(p.stat.top.hour) {
				p.top = p.stat.top
			}
		}
		plans[i] = p
	}
	slices.SortStableFunc(plans, func(a, b *shardPlan) int {
		switch {
		case a.dated != b.dated && order != SortRelevance:
			if a.dated { // undated articles sort last either way
				return -1
			}
			return 1
		case order == SortOldest:
			return a.from.Compare(b.from)
		case order == SortRelevance:
			// Highest bound first; among equals (not known), newest.
			if c := -cmpFloat(a.bound, b.bound); c != 0 {
				return c
			}
		}
		return b.to.Compare(a.to)
	})
	need := sr.From + sr.Size
	sub := *sr
	sub.From, sub.Size = 0, need
	// Can p hold a hit that sorts before last, the last hit that fits?
	within := func(p *shardPlan, last *search.DocumentMatch) bool {
		if !p.known {
			return true
		}
		if last == nil {
			return p.countless || p.stat.count > 0
		}
		switch order {
		case SortRelevance:
			// A margin for rounding: a shard is left out only when it
			// cannot even tie (a tie would go to the smaller id).
			return p.bound >= last.Score*(1-1e-9)
		default:
			t, ok := sortedTime(last)
			switch {
			case !ok:
				return true // undated sorts last: anything may come first
			case !p.dated:
				return false
			case order == SortNewest:
				return p.to.After(t)
			default:
				return !p.from.After(t)
			}
		}
	}

	// First, every shard not known, or else the first few known ones
	// whose matches can fill the page.
	var batch []*shardPlan
	var filled uint64
	for _, p := range plans {
		if p.known && !p.countless && p.stat.count == 0 {
			p.skipped = true // nothing there matches
			continue
		}
		if !p.known || len(batch) == 0 || filled < uint64(need) {
			batch = append(batch, p)
			filled += p.stat.count
			if p.countless {
				filled = uint64(need) // counted only if left out
			}
		}
	}
	cachedScoring, cachedDesc := sr.Sort.CacheIsScore(), sr.Sort.CacheDescending()
	var acc *bleve.SearchResult
	// The floor of the page the shards' searchers have reached, shared by
	// all: a match below it cannot place, whatever shard it is in.
	share := &pageShare{}
	defer x.stats.paged(share)
	for len(batch) > 0 {
		var idx []bleve.Index
		var kept []*search.DocumentMatch
		for _, p := range batch {
			p.searched, p.skipped = true, false
			if p.top != nil {
				// Its first hits from those kept; read only if the
				// page reaches below them.
				var hits []*search.DocumentMatch
				hits, p.rest = keptHits(p, now, sub.SearchAfter, sortBy)
				kept = append(kept, hits...)
				p.fromKept = true
				continue
			}
			s := seenShard{shardIndex: p.b, seen: p.seen, share: share, times: x.times}
			if p.floor > 0 && order == SortRelevance {
				s.only = &onlyRead{x: x, floor: p.floor}
			}
			if p.dated {
				s.from, s.before = p.from, p.to
			}
			idx = append(idx, s)
		}
		if len(idx) > 0 {
			// A sort holds state while it runs, and Bleve's copy of it
			// for each shard shares that state's storage: a fresh one
			// for each search.
			one := sub
			one.SortBy(sortBy)
			res, err := bleve.NewIndexAlias(idx...).SearchInContext(ctx, &one)
			if err != nil {
				return nil, err
			}
			if acc == nil {
				acc = res
			} else {
				acc.Merge(res)
			}
		}
		if acc == nil {
			acc = &bleve.SearchResult{Status: &bleve.SearchStatus{Errors: map[string]error{}}, Hits: search.DocumentMatchCollection{}}
		}
		acc.Hits = append(acc.Hits, kept...)
		slices.SortStableFunc(acc.Hits, func(a, b *search.DocumentMatch) int {
			return sr.Sort.Compare(cachedScoring, cachedDesc, a, b)
		})
		if len(acc.Hits) > need {
			acc.Hits = acc.Hits[:need]
		}
		var last *search.DocumentMatch // until the page is full, any hit fits
		if len(acc.Hits) >= need {
			last = acc.Hits[need-1]
		}
		batch = batch[:0]
		for _, p := range plans {
			switch {
			case p.fromKept:
				// Read after all when its unkept matches may place.
				if last == nil && !math.IsInf(p.rest, -1) || last != nil && p.rest >= last.Score*(1-1e-9) {
					name := p.b.Name()
					acc.Hits = slices.DeleteFunc(acc.Hits, func(h *search.DocumentMatch) bool { return h.Index == name })
					p.top, p.fromKept = nil, false
					batch = append(batch, p)
				}
			case p.searched:
			case within(p, last):
				if last != nil && p.bounded {
					// A month that might place a hit: read at the
					// matches that can beat the page's last, where the
					// others are known not to.
					p.floor = last.Score
				}
				batch = append(batch, p)
			case p.countless:
				// Left out: its matches are counted for the total, or
				// it is read when they cannot be.
				if count, ok := x.planCount(p, asked); ok {
					p.stat.count, p.countless, p.skipped = count, false, true
				} else {
					batch = append(batch, p)
				}
			default:
				p.skipped = true
			}
		}
		if order == SortRelevance && last != nil {
			// Months bounded unread go in order of their bounds: the
			// strongest first, the rest after them against the floor
			// they raised, at which many are read at their candidates
			// or left out.
			var top float64
			for _, p := range batch {
				if p.bounded {
					top = max(top, p.bound)
				}
			}
			now := batch[:0]
			for _, p := range batch {
				if !p.bounded || p.bound >= top/2 {
					now = append(now, p)
				}
			}
			batch = now
		}
	}
	if acc == nil {
		// Every shard is known to have no match.
		acc = &bleve.SearchResult{Status: &bleve.SearchStatus{Errors: map[string]error{}}, Hits: search.DocumentMatchCollection{}}
	}
	for _, p := range plans {
		if p.fromKept {
			x.stats.keptUsed()
			acc.Total += p.stat.count
			acc.Status.Total++
			acc.Status.Successful++
			continue
		}
		if p.skipped {
			x.stats.skip()
			acc.Total += p.stat.count
			acc.Status.Total++
			acc.Status.Successful++
			// Its bound is kept as its figures (the count exact, the
			// best relevance at most the bound), to sample its facets
			// and answer the query asked again.
			if p.bounded && ask != "" {
				x.stats.putStat(facetKey{p.engine, p.epoch, ask}, p.stat)
			}
			continue
		}
		st, done := p.seen.result()
		if !done || p.engine == nil || ask == "" {
			continue
		}
		// Kept only when the shard did not move while it was read.
		if e2, epoch2 := shardState(p.b); e2 == p.engine && epoch2 == p.epoch {
			x.stats.putStat(facetKey{p.engine, p.epoch, ask}, st)
		}
	}
	switch {
	case sr.From >= len(acc.Hits):
		acc.Hits = acc.Hits[:0]
	default:
		acc.Hits = acc.Hits[sr.From:min(len(acc.Hits), need)]
	}
	return acc, nil
}

// keptHits is the first of p's kept hits in the order of relevance as of
// now, after the hit after names when it is given, and the most any
// other match of p can score: every hit returned scores above it.
func keptHits(p *shardPlan, now time.Time, after []string, sortBy []string) ([]*search.DocumentMatch, float64) {
	rest := min(p.top.floor, p.bound)
	name := p.b.Name()
	hits := make([]*search.DocumentMatch, 0, len(p.top.hits))
	for _, k := range p.top.hits {
		if score := blended(k.rel, now, k.nanos, k.dated); score > rest {
			hits = append(hits, &search.DocumentMatch{Index: name, ID: k.id, Score: score, Sort: []string{"_score", k.id}})
		}
	}
	if after != nil {
		hits = collector.FilterHitsBySearchAfter(hits, search.ParseSortOrderStrings(sortBy), after)
	}
	return hits, rest
}

// sortedTime is the publication time a hit sorted by date sorted by, and
// false when it has none.
func sortedTime(h *search.DocumentMatch) (time.Time, bool) {
	if len(h.Sort) == 0 {
		return time.Time{}, false
	}
	term := []byte(h.Sort[0])
	if ok, shift := numeric.ValidPrefixCodedTermBytes(term); !ok || shift != 0 {
		return time.Time{}, false
	}
	n, err := numeric.PrefixCoded(term).Int64()
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(0, n), true
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
