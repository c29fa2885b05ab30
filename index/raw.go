package index

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// RawSearch runs sr over every shard as Bleve does alone, through one
// alias, with none of Search's own work (no limits, folding, recency or
// facets of its own): benchmarks set it beside Search to show what the
// index adds to the parts it is made of.
func (x *Index) RawSearch(ctx context.Context, sr *bleve.SearchRequest) (*bleve.SearchResult, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	all, ok := x.alias(time.Time{}, time.Time{})
	if !ok {
		return &bleve.SearchResult{}, nil
	}
	return all.SearchInContext(ctx, sr)
}
