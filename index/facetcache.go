package index

import (
	"context"
	"encoding/json"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

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
func (x *Index) shardFacets(ctx context.Context, shards []bleve.Index, q query.Query, h histogram) (search.FacetResults, *bleve.SearchStatus) {
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
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, b := range shards {
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
			sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
			sr.Score = "none" // counting needs no scores
			addFacets(sr, h)
			res, err := b.SearchInContext(ctx, sr)
			if err != nil {
				errs[i] = err
				return
			}
			per[i] = res.Facets
			// The engine moved on while counting: the counts may be
			// of either state, so they are not kept.
			if s2, epoch2 := shardState(b); s != nil && ask != "" && s2 == s && epoch2 == epoch {
				x.facetCache.put(k, res.Facets)
			}
		}()
	}
	wg.Wait()
	st := &bleve.SearchStatus{Total: len(shards), Errors: map[string]error{}}
	sum := search.FacetResults{}
	for i, fr := range per {
		if errs[i] != nil {
			st.Failed++
			st.Errors[filepath.Base(shards[i].Name())] = errs[i]
			continue
		}
		st.Successful++
		addFacetResults(sum, fr)
	}
	for name, f := range sizes.Facets {
		sum.Fixup(name, f.Size)
	}
	return sum, st
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
