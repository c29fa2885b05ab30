package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/defwatch/defwatch/index/internal/fixture"
	"github.com/defwatch/defwatch/index/query"
)

// TestMatchAgreesWithSearch is the contract of saved searches: a rule
// matches an article exactly when a search with the same query finds it.
func TestMatchAgreesWithSearch(t *testing.T) {
	idx := filled(t)
	arts := fixture.Articles()
	check := func(t *testing.T, q string, want []string) {
		res, err := idx.Search(context.Background(), Request{Query: q, AllCopies: true, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		searched := ids(res)
		slices.Sort(searched)
		f, err := query.Parse(q, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		var matched []string
		for _, a := range arts {
			if f.Match(a, time.Now()) {
				matched = append(matched, a.ID)
			}
		}
		slices.Sort(matched)
		if !slices.Equal(matched, searched) {
			t.Errorf("match %v, search %v", matched, searched)
		}
		if want != nil && !slices.Equal(matched, want) {
			t.Errorf("match %v, want %v", matched, want)
		}
	}
	for _, tc := range fixture.QueryCases {
		t.Run(tc.Q, func(t *testing.T) { check(t, tc.Q, tc.Want) })
	}
	for _, q := range fixture.MoreQueries {
		t.Run(q, func(t *testing.T) { check(t, q, nil) })
	}
}

// TestCorpusRulesAgreeWithSearch runs generated saved searches over the
// tagged sample corpus both ways: searched in the index and matched in Go.
func TestCorpusRulesAgreeWithSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the sample corpus")
	}
	arts := fixture.Corpus(t)
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	queries := fixture.RuleQueries(arts, 300)
	now := time.Now()
	docs := make([]*query.Doc, len(arts))
	for i, a := range arts {
		docs[i] = query.NewDoc(a, now)
	}
	matchedSome := 0
	for _, q := range queries {
		res, err := idx.Search(context.Background(), Request{Query: q, AllCopies: true, Size: MaxSize, NoFacets: true})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		searched := ids(res)
		slices.Sort(searched)
		f, err := query.Parse(q, now)
		if err != nil {
			t.Fatal(err)
		}
		var matched []string
		for i, d := range docs {
			if f.Matches(d) {
				matched = append(matched, arts[i].ID)
			}
		}
		slices.Sort(matched)
		if !slices.Equal(matched, searched) {
			t.Errorf("%s: match %v, search %v", q, matched, searched)
		}
		if len(matched) > 0 {
			matchedSome++
		}
	}
	// Rules that match nothing would make this test say little.
	if matchedSome < len(queries)/4 {
		t.Errorf("only %d of %d generated rules match anything", matchedSome, len(queries))
	}
}
