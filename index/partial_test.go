package index

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// failingIndex is a shard whose every search fails, as one that runs out
// of time or cannot be read does.
type failingIndex struct{ bleveIndex }

// bleveIndex names the embedded index, whose Index method would clash
// with a field called Index.
type bleveIndex = bleve.Index

var errShardBroken = errors.New("shard forced to fail")

func (*failingIndex) Search(*bleve.SearchRequest) (*bleve.SearchResult, error) {
	return nil, errShardBroken
}

func (*failingIndex) SearchInContext(context.Context, *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return nil, errShardBroken
}

// Advanced fails too: a shard that cannot be read has no state to key
// kept figures by, so none kept from before it broke stand in for it.
func (*failingIndex) Advanced() (bindex.Index, error) {
	return nil, errShardBroken
}

func breakShard(t *testing.T, idx *Index, name string) {
	t.Helper()
	idx.mu.Lock()
	defer idx.mu.Unlock()
	b, ok := idx.shards[name]
	if !ok {
		t.Fatalf("no shard %s", name)
	}
	idx.shards[name] = &failingIndex{b}
}

func TestSearchSaysWhichShardsItMissed(t *testing.T) {
	idx := filled(t)
	ctx := context.Background()
	whole, err := idx.Search(ctx, Request{Query: "nation:UA"})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Partial || len(whole.MissedShards) > 0 {
		t.Fatalf("an intact index answers partially: %+v", whole)
	}
	breakShard(t, idx, "2025-03")

	res, err := idx.Search(ctx, Request{Query: "nation:UA"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Partial || !slices.Equal(res.MissedShards, []string{"2025-03"}) {
		t.Errorf("partial %v, missed %v; want true, [2025-03]", res.Partial, res.MissedShards)
	}
	if res.Total >= whole.Total {
		t.Errorf("total %d with a shard missing, %d without: the test does not miss anything", res.Total, whole.Total)
	}
	if ua := bucket(res.Facets.Nations, "UA"); ua >= bucket(whole.Facets.Nations, "UA") {
		t.Errorf("UA facet %d with a shard missing, %d without", ua, bucket(whole.Facets.Nations, "UA"))
	}

	t.Run("a search that does not need the shard is whole", func(t *testing.T) {
		res, err := idx.Search(ctx, Request{Query: "nation:UA after:2025-04-01"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Partial || res.Total == 0 {
			t.Errorf("partial %v, total %d; want a whole answer with hits", res.Partial, res.Total)
		}
	})
	t.Run("a lookup that needs every shard fails", func(t *testing.T) {
		if a, err := idx.Article(ctx, "seed"); err == nil {
			t.Errorf("article found with a shard missing, which could have hidden it: %s", a.ID)
		}
	})
	t.Run("over HTTP", func(t *testing.T) {
		srv := httptest.NewServer(NewHandler(idx, func(context.Context) error { return nil }, slog.New(slog.DiscardHandler)))
		defer srv.Close()
		resp, err := http.Get(srv.URL + "/api/search?q=nation:UA")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || body["partial"] != true {
			t.Errorf("status %d, partial %v; want 200 and true", resp.StatusCode, body["partial"])
		}
		if missed, _ := body["missed_shards"].([]any); len(missed) != 1 || missed[0] != "2025-03" {
			t.Errorf("missed_shards %v, want [2025-03]", body["missed_shards"])
		}
	})
	t.Run("no shard answers", func(t *testing.T) {
		for _, name := range []string{"2025-04", undatedShard} {
			breakShard(t, idx, name)
		}
		if res, err := idx.Search(ctx, Request{Query: "*"}); err == nil {
			t.Errorf("a search no shard answered: %d hits and no error", res.Total)
		}
	})
}

func bucket(bs []Bucket, value string) int {
	for _, b := range bs {
		if b.Value == value {
			return b.Count
		}
	}
	return 0
}
