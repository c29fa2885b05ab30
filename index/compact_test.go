package index

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// commitInParts puts arts in parts commits, so that each month shard they
// fall in gets a segment from each.
func commitInParts(t *testing.T, idx *Index, arts []*defwatch.Article, parts int) {
	t.Helper()
	for p := range parts {
		var part []*defwatch.Article
		for i, a := range arts {
			if i%parts == p {
				part = append(part, a)
			}
		}
		put(t, idx, part...)
	}
}

// monthly is monthsOfNews with each month's articles within that month:
// the month under way's in the hours before now, an earlier month's from
// its 10th on.
func monthly(now time.Time, months, n int) []*defwatch.Article {
	arts := monthsOfNews(now, months, n)
	for k, a := range arts {
		m, i := k/n, k%n
		if m == 0 {
			a.Published = now.Add(-time.Duration(i) * time.Minute)
			continue
		}
		first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -m, 0)
		a.Published = first.AddDate(0, 0, 9).Add(time.Duration(i) * time.Minute)
	}
	return arts
}

// answers is what idx answers each query, as JSON, the time taken left out.
func answers(t *testing.T, idx *Index, queries []string) []string {
	t.Helper()
	var out []string
	for _, q := range queries {
		res, err := idx.Search(context.Background(), Request{Query: q, Size: 50})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		res.TookMs = 0
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// segmentsOf is how many segments each shard of idx holds.
func segmentsOf(idx *Index) map[string]int {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	out := map[string]int{}
	for name, b := range idx.shards {
		out[name] = segmentCount(b)
	}
	return out
}

// TestCompactMergesEndedMonths: a month that has ended, had no commit for
// the quiet period and holds three segments or more is merged into one,
// newest first; the month under way, a month written within the quiet
// period and a month of fewer segments are not; every answer stays the
// same, a moved article's old copy included.
func TestCompactMergesEndedMonths(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	now := time.Now().UTC()
	// Scorch merges a shard of a few hundred articles into fewer segments
	// by itself; 330 a month in three commits stay three.
	arts := monthly(now, 4, 330)
	// The oldest month gets two commits only.
	var three, two []*defwatch.Article
	oldest := now.AddDate(0, -3, 0).Format("2006-01")
	for _, a := range arts {
		if a.Published.Format("2006-01") == oldest {
			two = append(two, a)
		} else {
			three = append(three, a)
		}
	}
	commitInParts(t, idx, three, 3)
	commitInParts(t, idx, two, 2)
	// An article of an ended month moved to the month under way: its old
	// shard deletes it.
	moved := *three[len(three)-1]
	moved.Published = now.Add(-time.Hour)
	put(t, idx, &moved)

	before := segmentsOf(idx)
	var ended []string
	for name, n := range before {
		_, end, ok := shardSpan(name)
		if !ok || end.After(now) {
			continue
		}
		if name != oldest && n < compactMinSegments {
			t.Fatalf("shard %s holds %d segments before compaction, want at least %d for the test to mean anything", name, n, compactMinSegments)
		}
		if n >= compactMinSegments {
			ended = append(ended, name)
		}
	}
	if len(ended) < 2 {
		t.Fatalf("ended months with segments to merge: %v (of %v), want at least 2", ended, before)
	}
	slices.Sort(ended)
	slices.Reverse(ended)

	queries := []string{"ukraine", "*", "tank0 ukraine", `"ukraine ukraine"`, "source:outlet1.example", "last:200d"}
	want := answers(t, idx, queries)

	if got, err := idx.Compact(context.Background(), time.Now(), time.Hour); err != nil || len(got) != 0 {
		t.Fatalf("compacted %v (%v) right after commits with an hour's quiet, want none", got, err)
	}
	got, err := idx.Compact(context.Background(), time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Shard)
		if c.After != 1 || c.Segments != before[c.Shard] || c.Articles == 0 {
			t.Errorf("compacted %+v, want %d segments merged into 1", c, before[c.Shard])
		}
	}
	if !slices.Equal(names, ended) {
		t.Errorf("compacted %v, want %v (the ended months of %d segments or more, newest first)", names, ended, compactMinSegments)
	}
	after := segmentsOf(idx)
	total := 0
	for _, n := range after {
		total += n
	}
	if idx.Segments() != total {
		t.Errorf("Segments() = %d, want %d, the shards' own", idx.Segments(), total)
	}
	for name, n := range before {
		switch {
		case slices.Contains(ended, name) && after[name] != 1:
			t.Errorf("shard %s: %d segments after compaction, want 1", name, after[name])
		case !slices.Contains(ended, name) && after[name] != n:
			t.Errorf("shard %s: %d segments, %d before; it should not have been compacted", name, after[name], n)
		}
	}
	if got := answers(t, idx, queries); !slices.Equal(got, want) {
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s after compaction:\n%s\nbefore:\n%s", queries[i], got[i], want[i])
			}
		}
	}
	if again, err := idx.Compact(context.Background(), time.Now(), 0); err != nil || len(again) != 0 {
		t.Errorf("compacted %v (%v) a second time, want nothing left", again, err)
	}
}

// TestCompactStopsWhenAsked: a cancelled compaction merges nothing and
// says why.
func TestCompactStopsWhenAsked(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	now := time.Now().UTC()
	commitInParts(t, idx, monthly(now, 2, 330), 3)
	before := segmentsOf(idx)
	if n := before[now.AddDate(0, -1, 0).Format("2006-01")]; n < compactMinSegments {
		t.Fatalf("last month holds %d segments, want at least %d for the test to mean anything", n, compactMinSegments)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err := idx.Compact(ctx, time.Now(), 0)
	if !errors.Is(err, context.Canceled) || len(got) != 0 {
		t.Errorf("Compact with a cancelled context: %v, %v; want context.Canceled and nothing merged", got, err)
	}
	if after := segmentsOf(idx); !maps.Equal(after, before) {
		t.Errorf("segments %v after a cancelled compaction, %v before", after, before)
	}
}

// TestCompactionInBackground: an index opened WithCompaction merges its
// ended months by itself while commits go on, and Close stops it; the
// index opens again whole.
func TestCompactionInBackground(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir, WithCompaction(time.Millisecond))
	now := time.Now().UTC()
	// Last month's 330 articles in three commits stay three segments
	// without compaction (see TestCompactMergesEndedMonths).
	arts := monthly(now, 2, 330)
	commitInParts(t, idx, arts, 3)
	month := now.AddDate(0, -1, 0).Format("2006-01")
	deadline := time.Now().Add(time.Minute)
	for segmentsOf(idx)[month] != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("shard %s still holds %d segments a minute after its last commit", month, segmentsOf(idx)[month])
		}
		time.Sleep(10 * time.Millisecond) // polling the condition
	}
	// Commits go on beside the loop, and Close stops it.
	late := monthsOfNews(now.AddDate(0, -4, 0), 2, 5)
	for _, a := range late {
		a.ID = "late-" + a.ID
	}
	put(t, idx, late...)
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	again := openTest(t, dir)
	defer again.Close()
	n, err := again.Count()
	if err != nil || n != uint64(len(arts)+10) {
		t.Errorf("reopened index holds %d articles (%v), want %d", n, err, len(arts)+10)
	}
}

// TestCompactPassesOverAClosedShard: a month closed while compaction looks
// at it (as retention closes one) is passed over without an error, and
// the other months are merged.
func TestCompactPassesOverAClosedShard(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	t.Cleanup(func() { idx.Close() })
	now := time.Now().UTC()
	commitInParts(t, idx, monthly(now, 3, 330), 3)
	closed := now.AddDate(0, -2, 0).Format("2006-01")
	open := now.AddDate(0, -1, 0).Format("2006-01")
	if n := segmentsOf(idx)[open]; n < compactMinSegments {
		t.Fatalf("shard %s holds %d segments, want at least %d for the test to mean anything", open, n, compactMinSegments)
	}
	idx.mu.RLock()
	err := idx.shards[closed].Close()
	idx.mu.RUnlock()
	if err != nil {
		t.Fatal(err)
	}
	got, err := idx.Compact(context.Background(), time.Now(), 0)
	idx.mu.Lock()
	delete(idx.shards, closed) // as retention does, so that Close leaves it be
	idx.mu.Unlock()
	if err != nil || len(got) != 1 || got[0].Shard != open || got[0].After != 1 {
		t.Errorf("Compact with %s closed: %+v, %v; want %s alone merged into one segment and no error", closed, got, err, open)
	}
}
