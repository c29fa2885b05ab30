package index

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// searchedStories is how Put found stories before it kept them in
// memory: every article of the shards near its dates that shares a
// simhash band with the batch a candidate, its story and simhash read
// from its stored fields (the bands were once searched as terms), the
// candidates in id order and then the batch's own articles in order. The
// index must give every article the story this gives it.
func searchedStories(t *testing.T, x *Index, articles []*defwatch.Article) []string {
	t.Helper()
	x.mu.RLock()
	defer x.mu.RUnlock()
	where, err := x.locate(articles)
	if err != nil {
		t.Fatal(err)
	}
	type known struct {
		id, story string
		sim       uint64
	}
	sims := make([]uint64, len(articles))
	want := map[[2]uint16]bool{} // band number and value
	for i, a := range articles {
		sims[i] = simhash(a.Text)
		if sims[i] == 0 {
			continue
		}
		for k := range 4 {
			want[[2]uint16{uint16(k), band(sims[i], k)}] = true
		}
	}
	var candidates []known
	var shards []bleve.Index
	for _, name := range x.storyShards(articles, where) {
		shards = append(shards, x.shards[name])
	}
	if len(shards) > 0 && len(want) > 0 {
		// Every stored article of the shards, kept when a band matches:
		// what the search of the indexed bands found.
		sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 100000, 0, false)
		sr.Fields = []string{schema.StoryField, schema.SimField}
		sr.SortBy([]string{"_id"})
		res, err := bleve.NewIndexAlias(shards...).Search(sr)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			story, _ := h.Fields[schema.StoryField].(string)
			sim, _ := h.Fields[schema.SimField].(string)
			c := known{h.ID, story, parseSim(sim)}
			if c.sim != 0 && slices.ContainsFunc([]int{0, 1, 2, 3}, func(k int) bool { return want[[2]uint16{uint16(k), band(c.sim, k)}] }) {
				candidates = append(candidates, c)
			}
		}
	}
	stories := make([]string, len(articles))
	for i, a := range articles {
		stories[i] = a.ID
		best := maxStoryDistance + 1
		for _, c := range candidates {
			if c.id == a.ID && c.story != "" {
				stories[i], best = c.story, -1
				break
			}
			if d := distance(sims[i], c.sim); d < best && c.story != "" {
				stories[i], best = c.story, d
			}
		}
		candidates = append(candidates, known{a.ID, stories[i], sims[i]})
	}
	return stories
}

// storyStream makes a stream of articles from the sample archive with
// what stories meet in a real one: wire copies of a report within days of
// it (some across a month's end, some weeks later), redeliveries, articles
// re-dated into another month, and undated ones; in date order or not.
func storyStream(t *testing.T, n int, seed uint64, dated bool) []*defwatch.Article {
	texts := sampleTexts(t)
	rng := rand.New(rand.NewPCG(seed, 11))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []*defwatch.Article
	for i := 0; len(out) < n; i++ {
		a := &defwatch.Article{ID: fmt.Sprintf("a%04d", i), Source: "example.com", Lang: "en"}
		switch r := rng.Float64(); {
		case r < 0.25 && len(out) > 0: // a wire copy, days or weeks on
			orig := out[rng.IntN(len(out))]
			a.Text = orig.Text + "\n\n(Reporting by the wire)"
			if rng.IntN(2) == 0 {
				a.Text = strings.Replace(a.Text, " said ", " told reporters ", 1)
			}
			days := rng.IntN(5)
			if rng.IntN(8) == 0 {
				days = 10 + rng.IntN(40)
			}
			a.Published = orig.Published.Add(time.Duration(days)*24*time.Hour + time.Hour)
		case r < 0.30 && len(out) > 0: // the same message again
			c := *out[rng.IntN(len(out))]
			out = append(out, &c)
			continue
		case r < 0.33 && len(out) > 0: // re-extracted with another date
			c := *out[rng.IntN(len(out))]
			c.Published = start.Add(time.Duration(rng.Int64N(int64(150 * 24 * time.Hour))))
			out = append(out, &c)
			continue
		default:
			a.Text = texts[rng.IntN(len(texts))]
			a.Published = start.Add(time.Duration(rng.Int64N(int64(150 * 24 * time.Hour))))
		}
		if rng.IntN(60) == 0 {
			a.Published = time.Time{}
		}
		out = append(out, a)
	}
	if dated {
		slices.SortStableFunc(out, func(a, b *defwatch.Article) int { return a.Published.Compare(b.Published) })
	}
	return out
}

// batches cuts articles into batches of varied sizes.
func batches(articles []*defwatch.Article, seed uint64) [][]*defwatch.Article {
	rng := rand.New(rand.NewPCG(seed, 12))
	var out [][]*defwatch.Article
	for len(articles) > 0 {
		n := min(len(articles), 1+rng.IntN(150))
		out = append(out, articles[:n])
		articles = articles[n:]
	}
	return out
}

func TestStoriesAsSearched(t *testing.T) {
	for _, dated := range []bool{true, false} {
		t.Run(fmt.Sprintf("dated=%v", dated), func(t *testing.T) {
			idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
			defer idx.Close()
			folded := 0
			for _, b := range batches(storyStream(t, 600, 3, dated), 4) {
				searched := searchedStories(t, idx, b)
				want := map[*defwatch.Article]string{}
				for i, a := range b {
					want[a] = searched[i]
				}
				got, err := idx.Put(b)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range got {
					if it.Story != want[it.Article] {
						t.Errorf("%s: story %s, searched %s", it.Article.ID, it.Story, want[it.Article])
					}
					if it.Story != it.Article.ID {
						folded++
					}
				}
			}
			if folded < 60 {
				t.Errorf("only %d copies folded: the stream does not test stories", folded)
			}
		})
	}
}

// TestStagedBatchesFoldAsCommitted stages batches and commits them per
// shard, in a different order, as the index stage does: stories, and what
// the index holds after, must be as if each batch had been committed
// before the next was staged.
func TestStagedBatchesFoldAsCommitted(t *testing.T) {
	for _, dated := range []bool{true, false} {
		t.Run(fmt.Sprintf("dated=%v", dated), func(t *testing.T) {
			stream := storyStream(t, 600, 5, dated)
			plain := openTest(t, filepath.Join(t.TempDir(), "plain"))
			defer plain.Close()
			var want []*staged
			for _, b := range batches(stream, 6) {
				items, err := plain.stage(b) // Put, keeping what it staged
				if err == nil {
					err = plain.commit(items)
				}
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, items...)
			}

			idx := openTest(t, filepath.Join(t.TempDir(), "staged"))
			defer idx.Close()
			rng := rand.New(rand.NewPCG(7, 7))
			var all []*staged
			byShard := map[string][]*staged{}
			flush := func(name string) {
				if err := idx.commit(byShard[name]); err != nil {
					t.Fatal(err)
				}
				delete(byShard, name)
			}
			for _, b := range batches(stream, 6) {
				items, err := idx.stage(b)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range items {
					byShard[it.shard()] = append(byShard[it.shard()], it)
				}
				all = append(all, items...)
				// Now and then some shard is committed, most wait.
				for name := range byShard {
					if rng.IntN(6) == 0 {
						flush(name)
					}
				}
			}
			for name := range byShard {
				flush(name)
			}
			if len(all) != len(want) {
				t.Fatalf("%d staged, %d put", len(all), len(want))
			}
			for i, it := range all {
				if !it.done {
					t.Errorf("%s: not done", it.entry.id)
				}
				if it.entry.story != want[i].entry.story || it.known != want[i].known {
					t.Errorf("%s: story %s known %v, committed one by one %s known %v", it.entry.id, it.entry.story, it.known, want[i].entry.story, want[i].known)
				}
			}
			want2, got2 := contents(t, plain), contents(t, idx)
			if len(want2) != len(uniqueIDs(stream)) {
				t.Errorf("%d articles committed one by one, want %d", len(want2), len(uniqueIDs(stream)))
			}
			if !maps.Equal(got2, want2) {
				for id, w := range want2 {
					if got2[id] != w {
						t.Errorf("%s: %q, committed one by one %q", id, got2[id], w)
					}
				}
				t.Errorf("%d articles, %d committed one by one", len(got2), len(want2))
			}
		})
	}
}

// contents is each article's shard and story in x.
func contents(t *testing.T, x *Index) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, b := range x.shards {
		sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 100000, 0, false)
		sr.Fields = []string{schema.StoryField}
		res, err := b.Search(sr)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if prev, ok := out[h.ID]; ok {
				t.Errorf("%s in two shards: %s and %s", h.ID, prev, name)
			}
			out[h.ID] = name + " " + fmt.Sprint(h.Fields[schema.StoryField])
		}
	}
	return out
}

func uniqueIDs(arts []*defwatch.Article) []string {
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// A commit keeps the analysis of the articles KeepAnalysed names, and of
// every article without it.
func TestKeepAnalysed(t *testing.T) {
	texts := sampleTexts(t)
	var stream []*defwatch.Article
	for i := range 12 {
		stream = append(stream, &defwatch.Article{ID: fmt.Sprintf("k%02d", i), Source: "example.com", Lang: "en",
			Text: texts[i%len(texts)] + fmt.Sprintf(" Report %d.", i), Published: time.Date(2025, 3, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	all, err := idx.Put(stream[:6])
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range all {
		if len(it.Analysed) == 0 {
			t.Errorf("%s: no analysis kept by default", it.Article.ID)
		}
	}
	if len(all) != 6 {
		t.Fatalf("Put kept %d of 6 articles", len(all))
	}
	idx.KeepAnalysed(func(a *defwatch.Article) bool { return a.ID == stream[8].ID })
	some, err := idx.Put(stream[6:])
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, it := range some {
		if len(it.Analysed) > 0 {
			kept++
			if it.Article.ID != stream[8].ID {
				t.Errorf("%s: analysis kept, want none", it.Article.ID)
			}
		}
	}
	if kept != 1 {
		t.Errorf("%d analyses kept, want the one named", kept)
	}
}
