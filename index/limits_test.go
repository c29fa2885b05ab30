package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

func repeat(s string, n int, sep string) string {
	return strings.Join(slices.Repeat([]string{s}, n), sep)
}

// TestQueryLimits: every limit answers a bad query that names it and the
// query's own figure, from a search and from a saved search alike; a query
// at the limit still runs.
func TestQueryLimits(t *testing.T) {
	idx := filled(t)
	for _, c := range []struct{ name, q, want string }{
		{"880 KB", repeat("ukraine", 110_000, " "), "879999 bytes long; the limit is 4096"},
		{"100,000 nested -(", strings.Repeat("-(", 100_000) + "ukraine" + strings.Repeat(")", 100_000), "300007 bytes long"},
		{"2,000 OR'ed *xy*", repeat("*xy*", 2000, " OR "), "15996 bytes long"},
		{"200 words", repeat("ukraine", 200, " "), "200 words and values; the limit is 128"},
		{"a long phrase", `"` + repeat("ukraine", 129, " ") + `"`, "129 words and values"},
		{"many fields", repeat("nation:UA", 129, " OR "), "129 words and values"},
		{"deep", strings.Repeat("-(", 17) + "ukraine" + strings.Repeat(")", 17), "nest 17 deep; the limit is 16"},
		{"nine wildcards", repeat("*xy*", 9, " OR "), "9 wildcards; the limit is 8"},
		{"a busy wildcard", "a*b*c?d*e*", "5 * and ? in one word; the limit is 4"},
		{"a busy source", "source:*.*.*.*.*.com", "5 * and ?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := idx.Search(context.Background(), Request{Query: c.q})
			if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("search: %.200v; want ErrBadQuery saying %q", err, c.want)
			}
			_, err = NewFilter(c.q)
			if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("saved search: %.200v; want ErrBadQuery saying %q", err, c.want)
			}
		})
	}
	for _, q := range []string{
		repeat("ukraine", MaxTerms, " "),
		strings.Repeat("(", MaxDepth) + "ukraine" + strings.Repeat(")", MaxDepth),
		repeat("ukrain*", MaxWildcards, " OR "),
		"u*r?a*n*",
	} {
		if _, err := idx.Search(context.Background(), Request{Query: q}); err != nil {
			t.Errorf("%.60s… at the limit: %v", q, err)
		}
	}
}

// TestWildcardExpansionIsBounded: a wildcard that stands for more words
// than MaxWildcardTerms is a bad query; a narrower one finds its articles;
// a search past its deadline stops while it lists words.
func TestWildcardExpansionIsBounded(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	var batch []*defwatch.Article
	for i := range 60 {
		var words []string
		for j := range 20 {
			words = append(words, fmt.Sprintf("code%04d", i*20+j))
		}
		batch = append(batch, &defwatch.Article{ID: fmt.Sprintf("a%02d", i), Source: "example.com", Lang: "en",
			Title: "Codes", Text: strings.Join(words, " "), Published: time.Date(2025, time.Month(1+i%6), 3, 0, 0, 0, 0, time.UTC)})
	}
	if _, err := idx.Put(batch); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err := idx.Search(ctx, Request{Query: "code*"})
	if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), "more than 1000 words") {
		t.Errorf("code* (1,200 words): %v; want a bad query naming the limit", err)
	}
	res, err := idx.Search(ctx, Request{Query: "code00*", AllCopies: true})
	if err != nil || res.Total != 5 {
		t.Errorf("code00* (100 words in 5 articles): %v, %+v", err, res)
	}
	if res, err := idx.Search(ctx, Request{Query: "text:code0?00 OR zzz*"}); err != nil || res.Total != 10 {
		t.Errorf("code0?00 OR zzz*: %v; want the 10 articles of code0000 to code0900", err)
	}
	past, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	if _, err := idx.Search(past, Request{Query: "code00*"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past the deadline: %v", err)
	}
}
