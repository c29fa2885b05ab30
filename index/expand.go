package index

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	dwquery "github.com/defwatch/defwatch/index/query"
)

// maxTermSearchers is the most term searchers one search may build in a
// shard, Bleve's own last guard on a query's size: the query limits keep a
// search far below it (numeric and date ranges take a few dozen each).
const maxTermSearchers = 20000

// expandWildcards replaces each wildcard in q with the words of the
// shards' dictionaries it stands for. Bleve would do the same while it
// builds the search, but without a deadline and without a bound: here the
// walk stops at the deadline, and at MaxWildcardTerms words for the whole
// query, which is a bad query to be made narrower. q itself is left as it
// is.
func expandWildcards(ctx context.Context, q query.Query, shards []bleve.Index) (query.Query, error) {
	var readers []bleveindex.IndexReader
	defer func() {
		for _, r := range readers {
			_ = r.Close()
		}
	}()
	open := func() error {
		if readers != nil {
			return nil
		}
		for _, b := range shards {
			ai, err := b.Advanced()
			if err != nil {
				return err
			}
			r, err := ai.Reader()
			if err != nil {
				return err
			}
			readers = append(readers, r)
		}
		return nil
	}
	budget := dwquery.MaxWildcardTerms
	// The same wildcard twice (ukr* OR ukr*, or one pattern in two
	// clauses) walks the dictionaries once.
	seen := map[[2]string]query.Query{}
	var expand func(q query.Query) (query.Query, error)
	expandAll := func(qs []query.Query) ([]query.Query, error) {
		out := make([]query.Query, len(qs))
		for i, sub := range qs {
			var err error
			if out[i], err = expand(sub); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	// Compound queries are copied, not changed: q belongs to the parsed
	// query.
	expand = func(q query.Query) (query.Query, error) {
		var err error
		switch q := q.(type) {
		case *query.WildcardQuery:
			key := [2]string{q.FieldVal, q.Wildcard}
			if done, ok := seen[key]; ok {
				return done, nil
			}
			if err := open(); err != nil {
				return nil, err
			}
			done, err := expandOne(ctx, q, readers, &budget)
			seen[key] = done
			return done, err
		case *query.BooleanQuery:
			c := *q
			for _, sub := range []*query.Query{&c.Must, &c.Should, &c.MustNot, &c.Filter} {
				if *sub != nil {
					if *sub, err = expand(*sub); err != nil {
						return nil, err
					}
				}
			}
			return &c, nil
		case *query.ConjunctionQuery:
			c := *q
			c.Conjuncts, err = expandAll(q.Conjuncts)
			return &c, err
		case *query.DisjunctionQuery:
			c := *q
			c.Disjuncts, err = expandAll(q.Disjuncts)
			return &c, err
		}
		return q, nil
	}
	return expand(q)
}

// expandOne lists the words one wildcard stands for in every shard.
func expandOne(ctx context.Context, q *query.WildcardQuery, readers []bleveindex.IndexReader, budget *int) (query.Query, error) {
	re := wildcardPattern(q.Wildcard)
	words := map[string]bool{}
	for _, r := range readers {
		rr, ok := r.(bleveindex.IndexReaderRegexp)
		if !ok {
			return nil, fmt.Errorf("index: this index cannot list words by pattern")
		}
		dict, err := rr.FieldDictRegexp(q.FieldVal, re)
		if err != nil {
			return nil, fmt.Errorf("index: wildcard %s: %w", q.Wildcard, err)
		}
		for i := 0; ; i++ {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					dict.Close()
					return nil, fmt.Errorf("index: wildcard %s: %w", q.Wildcard, err)
				}
			}
			e, err := dict.Next()
			if err != nil {
				dict.Close()
				return nil, fmt.Errorf("index: wildcard %s: %w", q.Wildcard, err)
			}
			if e == nil {
				break
			}
			if !words[e.Term] {
				words[e.Term] = true
				if *budget--; *budget < 0 {
					dict.Close()
					return nil, dwquery.BadQuery("%s stands for more than %d words in the index; make the wildcards longer (ukrain* rather than u*)", q.Wildcard, dwquery.MaxWildcardTerms)
				}
			}
		}
		dict.Close()
	}
	if len(words) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	terms := make([]string, 0, len(words))
	for w := range words {
		terms = append(terms, w)
	}
	slices.Sort(terms)
	alts := make([]query.Query, len(terms))
	for i, w := range terms {
		t := bleve.NewTermQuery(w)
		t.SetField(q.FieldVal)
		t.BoostVal = q.BoostVal
		alts[i] = t
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

// wildcardPattern is a wildcard as a regular expression over whole terms:
// * any run of characters, ? one, everything else literal.
func wildcardPattern(w string) string {
	return strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(w))
}
