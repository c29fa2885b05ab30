package index

import (
	"cmp"
	"context"
	"encoding/json"
	"math"
	"math/bits"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Facets are counted shard by shard, and a shard's counts for a query are
// kept until the shard changes. Counting reads every match's values, the
// largest part of a search's work, while most month shards of an archive
// are closed: a query asked again (the next page, a saved search, the same
// question from another analyst) counts only the months that moved. The
// counts are exact: a changed shard is counted again, never reused.

// The kept counts are bounded in entries and in terms (about 100 bytes
// each): a month's outlets can run to thousands.
const (
	facetCacheEntries = 4096
	facetCacheTerms   = 1 << 19
)

// facetKey names one shard's counts for one query: the shard as it was
// (Bleve's engine for it and its epoch, which every change to it moves
// on), and the query and facets asked, as JSON.
type facetKey struct {
	shard *scorch.Scorch
	epoch uint64
	ask   string
}

type facetCache struct {
	mu    sync.Mutex
	m     map[facetKey]search.FacetResults
	terms int // held in m
}

func (c *facetCache) get(k facetKey) (search.FacetResults, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fr, ok := c.m[k]
	return fr, ok
}

func (c *facetCache) put(k facetKey, fr search.FacetResults) {
	n := 0
	for _, r := range fr {
		n += r.Terms.Len() + len(r.NumericRanges) + len(r.DateRanges)
	}
	if n > facetCacheTerms/8 {
		return // too large to be worth keeping
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	if c.m == nil || len(c.m) >= facetCacheEntries || c.terms+n > facetCacheTerms {
		// Starting afresh is simpler than ageing entries, and a full
		// cache is rare: counts are kept per query and shard state.
		c.m, c.terms = map[facetKey]search.FacetResults{}, 0
	}
	c.m[k] = fr
	c.terms += n
}

// shardState is the engine under b and its epoch, or nil when b is not a
// scorch index (its counts are then never kept).
func shardState(b bleve.Index) (*scorch.Scorch, uint64) {
	adv, err := b.Advanced()
	if err != nil {
		return nil, 0
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, 0
	}
	st, ok := s.Stats().(*scorch.Stats)
	if !ok {
		return nil, 0
	}
	return s, atomic.LoadUint64(&st.CurRootEpoch)
}

// shardFacets counts q's matches in each shard by the facets of h, from
// the kept counts where the shard has not changed, and adds them up as
// Bleve adds up an alias's shards. A shard that cannot be counted is in
// the status, as in a search over an alias.
// Past x.facetSample matches only some months up to that many are
// counted (see sampleShards), and the answer says its counts are
// approximate.
func (x *Index) shardFacets(ctx context.Context, shards []bleve.Index, q query.Query, h histogram) (search.FacetResults, *bleve.SearchStatus, bool) {
	sizes := bleve.NewSearchRequest(q)
	addFacets(sizes, h)
	ask := ""
	if data, err := json.Marshal(struct {
		Q query.Query         `json:"q"`
		F bleve.FacetsRequest `json:"f"`
	}{q, sizes.Facets}); err == nil && exactJSON(q) {
		ask = string(data)
	}
	per := make([]search.FacetResults, len(shards))
	errs := make([]error, len(shards))
	counted := x.sampleShards(shards, queryKey(q), h, ask)
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, b := range shards {
		if counted.left[i] {
			continue
		}
		s, epoch := shardState(b)
		k := facetKey{s, epoch, ask}
		if s != nil && ask != "" {
			if fr, ok := x.facetCache.get(k); ok {
				per[i] = fr
				continue
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			fr, ok, err := x.columnFacets(ctx, b, q, sizes.Facets)
			if err != nil {
				errs[i] = err
				return
			}
			if !ok {
				sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
				sr.Score = "none" // counting needs no scores
				addFacets(sr, h)
				res, err := b.SearchInContext(ctx, sr)
				if err != nil {
					errs[i] = err
					return
				}
				fr = res.Facets
			}
			per[i] = fr
			// The engine moved on while counting: the counts may be
			// of either state, so they are not kept.
			if s2, epoch2 := shardState(b); s != nil && ask != "" && s2 == s && epoch2 == epoch {
				x.facetCache.put(k, fr)
			}
		}()
	}
	wg.Wait()
	st := &bleve.SearchStatus{Total: len(shards), Errors: map[string]error{}}
	sum := search.FacetResults{}
	for i, fr := range per {
		if counted.left[i] {
			st.Successful++
			continue
		}
		if errs[i] != nil {
			st.Failed++
			st.Errors[filepath.Base(shards[i].Name())] = errs[i]
			continue
		}
		st.Successful++
		addFacetResults(sum, fr)
	}
	approx := counted.estimate(sum, h)
	for name, f := range sizes.Facets {
		sum.Fixup(name, f.Size)
	}
	return sum, st, approx
}

// facetSampleHits is how many matches facets are counted over at most
// before the other months are estimated: counting reads every match's
// values, a cost linear in matches (about 4 µs of CPU each), and a
// keyword in most articles of a large archive matches hundreds of
// thousands.
const facetSampleHits = 20000

// sampled says which shards' facets a search leaves uncounted and how to
// estimate them.
type sampled struct {
	left    []bool             // by shard: not counted
	counted uint64             // matches in the shards counted
	rest    uint64             // matches in the shards left
	bars    map[string]float64 // matches of the shards left, by the histogram bar, shared by the days of their months in it
}

// sampleShards picks the shards whose facets are counted for q (keyed
// ask, see queryKey): all of them when they hold at most x.facetSample
// matches, else months until that many (the newest first, then spread
// over the span), with every shard whose counts are kept (they cost
// nothing) and every one not wholly within h's bars. The matches of each shard are known from
// the search just run (its kept part in the query); when any is not, all
// are counted.
func (x *Index) sampleShards(shards []bleve.Index, ask string, h histogram, facetAsk string) sampled {
	out := sampled{left: make([]bool, len(shards))}
	if x.facetSample == 0 || ask == "" || facetAsk == "" {
		return out
	}
	type cand struct {
		i     int
		to    time.Time
		count uint64
		bars  map[string]float64 // the share of its month in each bar
	}
	var cands []cand
	var total, must uint64
	for i, b := range shards {
		s, epoch := shardState(b)
		if s == nil {
			return out
		}
		st, ok := x.stats.stat(facetKey{s, epoch, ask})
		if !ok {
			return out
		}
		total += st.count
		from, to, dated := shardSpan(filepath.Base(b.Name()))
		_, kept := x.facetCache.get(facetKey{s, epoch, facetAsk})
		var bars map[string]float64
		if dated && !kept {
			bars = h.shares(from, to)
		}
		if bars == nil {
			must += st.count
			continue
		}
		cands = append(cands, cand{i, to, st.count, bars})
	}
	if total <= x.facetSample {
		return out
	}
	// Newest first, then spread over the years: the newest month, the
	// middle one, the oldest, the quarters, and so on (the order of the
	// bit-reversed place), so that the months counted cover the span
	// however what is written about shifts over time.
	slices.SortFunc(cands, func(a, b cand) int { return b.to.Compare(a.to) })
	w := bits.Len(uint(len(cands)))
	rank := func(i int) uint { return bits.Reverse(uint(i)) >> (bits.UintSize - w) }
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(rank(a), rank(b)) })
	spread := make([]cand, len(cands))
	for i, j := range order {
		spread[i] = cands[j]
	}
	cands = spread
	out.counted = must
	for _, c := range cands {
		if out.counted < x.facetSample {
			out.counted += c.count
			continue
		}
		out.left[c.i] = true
		out.rest += c.count
		if out.bars == nil {
			out.bars = map[string]float64{}
		}
		for bar, share := range c.bars {
			out.bars[bar] += float64(c.count) * share
		}
	}
	return out
}

// shares is the share of [from, to) in each bar of h, by the bar's name,
// or nil when some of it lies outside every bar.
func (h histogram) shares(from, to time.Time) map[string]float64 {
	out := map[string]float64{}
	var covered time.Duration
	for i, start := range h.bars {
		lo, hi := start, h.barEnd(i)
		if from.After(lo) {
			lo = from
		}
		if to.Before(hi) {
			hi = to
		}
		if !lo.Before(hi) {
			continue
		}
		covered += hi.Sub(lo)
		out[start.Format(time.DateOnly)] = float64(hi.Sub(lo)) / float64(to.Sub(from))
	}
	if covered != to.Sub(from) {
		return nil
	}
	return out
}

// estimate adds to sum, the counts of the shards counted, what the shards
// left would add at the same rates: each term's count scaled by all
// matches over those counted, and each left month's matches in its bar of
// the histogram at the share of counted matches that are dated. It says
// whether anything was estimated.
func (s sampled) estimate(sum search.FacetResults, h histogram) bool {
	if s.rest == 0 || s.counted == 0 {
		return false
	}
	scale := func(n int) int {
		return n + int(math.Round(float64(n)*float64(s.rest)/float64(s.counted)))
	}
	var dated int
	for name, r := range sum {
		switch name {
		case "published":
			for _, dr := range r.DateRanges {
				dated += dr.Count
			}
			continue
		}
		if r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				t.Count = scale(t.Count)
			}
		}
		for _, nr := range r.NumericRanges {
			nr.Count = scale(nr.Count)
		}
		r.Total, r.Missing, r.Other = scale(r.Total), scale(r.Missing), scale(r.Other)
	}
	r, ok := sum["published"]
	if !ok {
		r = &search.FacetResult{Field: "published"}
		sum["published"] = r
	}
	share := float64(dated) / float64(s.counted)
	for name, n := range s.bars {
		add := int(math.Round(n * share))
		i := slices.IndexFunc(r.DateRanges, func(dr *search.DateRangeFacet) bool { return dr.Name == name })
		if i < 0 {
			r.DateRanges = append(r.DateRanges, &search.DateRangeFacet{Name: name})
			i = len(r.DateRanges) - 1
		}
		r.DateRanges[i].Count += add
		r.Total += add
	}
	return true
}

// addFacetResults adds src's counts to dst, copying every part it takes:
// src may be kept counts, which Bleve's own Merge would alter later.
func addFacetResults(dst, src search.FacetResults) {
	for name, s := range src {
		d, ok := dst[name]
		if !ok {
			d = &search.FacetResult{Field: s.Field}
			dst[name] = d
		}
		d.Total += s.Total
		d.Missing += s.Missing
		d.Other += s.Other
		if s.Terms != nil {
			if d.Terms == nil {
				d.Terms = &search.TermFacets{}
			}
			for _, t := range s.Terms.Terms() {
				d.Terms.Add(&search.TermFacet{Term: t.Term, Count: t.Count})
			}
		}
		for _, nr := range s.NumericRanges {
			c := *nr
			d.NumericRanges = d.NumericRanges.Add(&c)
		}
		for _, dr := range s.DateRanges {
			c := *dr
			d.DateRanges = d.DateRanges.Add(&c)
		}
	}
}

// exactJSON says q's JSON tells it from every other query, so that it can
// key kept counts: Bleve writes a date range's bounds to the second, where
// last:7d counts back from the nanosecond of the search. A query of a kind
// not known here is taken as not.
func exactJSON(q query.Query) bool {
	switch q := q.(type) {
	case nil:
		return true
	case *query.BooleanQuery:
		return q != nil && exactJSON(q.Must) && exactJSON(q.Should) && exactJSON(q.MustNot) && exactJSON(q.Filter)
	case *query.ConjunctionQuery:
		return q != nil && allExactJSON(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q != nil && allExactJSON(q.Disjuncts)
	case *query.DateRangeQuery:
		return q != nil && q.Start.Nanosecond() == 0 && q.End.Nanosecond() == 0
	case *query.TermQuery, *query.MatchQuery, *query.MatchPhraseQuery, *query.PhraseQuery,
		*query.MultiPhraseQuery, *query.NumericRangeQuery, *query.MatchAllQuery, *query.MatchNoneQuery,
		*query.DocIDQuery, *query.PrefixQuery, *query.WildcardQuery, *query.TermRangeQuery:
		return true
	}
	return false
}

func allExactJSON(qs []query.Query) bool {
	for _, q := range qs {
		if !exactJSON(q) {
			return false
		}
	}
	return true
}
