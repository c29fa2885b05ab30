package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestSearchKeepsTheQueryLimits: a search answers a query past a limit
// with the parser's bad-query error, before anything reaches the index.
func TestSearchKeepsTheQueryLimits(t *testing.T) {
	idx := filled(t)
	for q, want := range map[string]string{
		strings.Repeat("ukraine ", 110_000):                            "880000 bytes long; the limit is 4096",
		strings.Repeat("ukraine ", 200):                                "200 words and values; the limit is 128",
		strings.Repeat("-(", 17) + "ukraine" + strings.Repeat(")", 17): "nest 17 deep; the limit is 16",
		strings.TrimSuffix(strings.Repeat("*xy* OR ", 9), " OR "):      "9 wildcards; the limit is 8",
	} {
		_, err := idx.Search(context.Background(), Request{Query: q})
		if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), want) {
			t.Errorf("%.40s…: %.200v; want ErrBadQuery saying %q", q, err, want)
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
