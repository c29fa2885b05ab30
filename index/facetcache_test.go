package index

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// Counts kept for a shard must give way as soon as the shard changes: an
// article added to an old month, one changed in place, one deleted by
// being moved to another month. After each, the facets agree with a count
// made afresh by the reference search.
func TestKeptFacetsFollowChanges(t *testing.T) {
	idx, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	arts := fixture.Articles()
	if _, err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	check := func(step string, wantUA int) {
		t.Helper()
		for range 2 { // the second answer comes from kept counts
			got, err := idx.search(ctx, Request{Query: "nato"}, now)
			if err != nil {
				t.Fatal(err)
			}
			want, err := idx.refSearch(ctx, Request{Query: "nato"}, now)
			if err != nil {
				t.Fatal(err)
			}
			if d := resultDiff(want, nil, got, nil); d != "" {
				t.Fatalf("%s: %s", step, d)
			}
			if ua := bucket(got.Facets.Nations, "UA"); ua != wantUA {
				t.Fatalf("%s: UA counted %d times, want %d", step, ua, wantUA)
			}
		}
	}
	base, _ := idx.search(ctx, Request{Query: "nato"}, now)
	ua := bucket(base.Facets.Nations, "UA")
	if ua == 0 {
		t.Fatal("the fixture's NATO articles name no Ukraine; the test needs one")
	}
	check("as put", ua)

	added := *arts[0]
	added.ID, added.URL = "added", "https://example.com/added"
	added.Published = added.Published.Add(time.Hour) // the same month's shard
	if _, err := idx.Put([]*defwatch.Article{&added}); err != nil {
		t.Fatal(err)
	}
	check("one added to the month", ua+1)

	changed := added
	changed.Nations = []defwatch.Nation{{Code: "PL", Name: "Poland", Count: 1}}
	if _, err := idx.Put([]*defwatch.Article{&changed}); err != nil {
		t.Fatal(err)
	}
	check("one changed in place", ua)

	moved := added
	moved.Published = added.Published.AddDate(-1, 0, 0) // out of the month
	if _, err := idx.Put([]*defwatch.Article{&moved}); err != nil {
		t.Fatal(err)
	}
	check("one moved to another month", ua+1)
}
