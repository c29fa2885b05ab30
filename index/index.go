// Package index keeps the searchable Bleve index of articles: it consumes
// Articles from JetStream in batches into month shards and answers searches
// locally, over HTTP and over NATS request/reply. The query language is
// index/query, saved searches and alerts index/alert, the web page
// index/web.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// Index is the article index on disk: one Bleve index per month of
// publication (a shard), searched together through an alias. Recent
// coverage, what analysts ask for most, then touches a shard or two, and
// retention drops whole months at once.
type Index struct {
	dir       string
	retention time.Duration // 0 keeps everything
	log       *slog.Logger

	mu         sync.RWMutex
	shards     map[string]bleve.Index // "2025-04", or undatedShard
	lastPruned time.Time

	// writeMu makes one writer at a time: staging and committing.
	writeMu     sync.Mutex
	stories     *storyTable
	lastEvicted time.Time

	// created says the index was empty when opened, or lost shards of an
	// older layout, so whatever consumer fed a previous index at this path
	// must start again from the stream's beginning.
	created bool
}

// undatedShard holds articles with no publication or fetch time.
const undatedShard = "undated"

var shardName = regexp.MustCompile(`^(\d{4}-\d{2}|undated)$`)

// Option configures Open.
type Option func(*Index)

// WithRetention drops articles published more than d ago: their month's
// shard is deleted once the whole month is older than d.
func WithRetention(d time.Duration) Option { return func(x *Index) { x.retention = d } }

// WithLogger logs shard creation and pruning.
func WithLogger(l *slog.Logger) Option { return func(x *Index) { x.log = l } }

// Open opens the index in dir, creating it when there is none.
func Open(dir string, opts ...Option) (*Index, error) {
	x := &Index{dir: dir, shards: map[string]bleve.Index{}, stories: newStoryTable(), log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(x)
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		// A single unsharded index from an earlier version: it is derived
		// data, rebuilt from the articles stream, so it makes way.
		x.log.Warn("replacing an index of an older layout; it is rebuilt from the articles stream", "dir", dir)
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var stale []string
	for _, e := range entries {
		if !e.IsDir() || !shardName.MatchString(e.Name()) {
			continue
		}
		b, err := bleve.OpenUsing(filepath.Join(dir, e.Name()), shardConfig())
		if err != nil {
			x.Close()
			return nil, fmt.Errorf("index: open shard %s: %w", e.Name(), err)
		}
		if v, err := b.GetInternal(schema.VersionKey); err != nil || string(v) != schema.Version {
			// Written before a field was added: searches would count
			// its articles wrong. The index is derived data; the
			// shard makes way and the stream rebuilds it.
			if err := errors.Join(b.Close(), os.RemoveAll(filepath.Join(dir, e.Name()))); err != nil {
				x.Close()
				return nil, fmt.Errorf("index: replace shard %s of an older layout: %w (remove %s by hand)", e.Name(), err, dir)
			}
			stale = append(stale, e.Name())
			continue
		}
		x.shards[e.Name()] = b
	}
	if len(stale) > 0 {
		x.log.Warn("replaced index shards of an older layout; they are rebuilt from the articles stream",
			"shards", len(stale), "first", stale[0], "layout", schema.Version)
	}
	x.created = len(x.shards) == 0 || len(stale) > 0
	return x, nil
}

// Close closes every shard.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	var errs []error
	for name, b := range x.shards {
		if err := b.Close(); err != nil {
			errs = append(errs, fmt.Errorf("index: close shard %s: %w", name, err))
		}
	}
	x.shards = map[string]bleve.Index{}
	return errors.Join(errs...)
}

// Count is the number of articles in the index.
func (x *Index) Count() (uint64, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	var n uint64
	for _, b := range x.shards {
		c, err := b.DocCount()
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// shardOf is the month an article is filed under: its publication, else
// when it was fetched.
func shardOf(a *defwatch.Article) string {
	switch {
	case !a.Published.IsZero():
		return a.Published.UTC().Format("2006-01")
	case !a.Fetched.IsZero():
		return a.Fetched.UTC().Format("2006-01")
	}
	return undatedShard
}

// shardSpan is the time a shard covers.
func shardSpan(name string) (from, to time.Time, ok bool) {
	t, err := time.Parse("2006-01", name)
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	return t, t.AddDate(0, 1, 0), true
}

// alias returns the shards covering [from, to) (zero for open ends) as one
// searchable index, and false when there are none. The undated shard joins
// only unbounded searches, since its articles have no date to match.
func (x *Index) alias(from, to time.Time) (bleve.IndexAlias, bool) {
	var picked []bleve.Index
	for name, b := range x.shards {
		sFrom, sTo, dated := shardSpan(name)
		if !dated {
			if from.IsZero() && to.IsZero() {
				picked = append(picked, b)
			}
			continue
		}
		if (!to.IsZero() && !sFrom.Before(to)) || (!from.IsZero() && !sTo.After(from)) {
			continue
		}
		picked = append(picked, b)
	}
	if len(picked) == 0 {
		return nil, false
	}
	// NewIndexAlias keeps the slice it is given; this one is ours alone.
	return bleve.NewIndexAlias(slices.Clone(picked)...), true
}

// shard returns the named shard, creating it. x.mu must be held for writing.
func (x *Index) shard(name string) (bleve.Index, error) {
	if b, ok := x.shards[name]; ok {
		return b, nil
	}
	b, err := bleve.NewUsing(filepath.Join(x.dir, name), schema.Mapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, shardConfig())
	if err != nil {
		return nil, fmt.Errorf("index: create shard %s: %w", name, err)
	}
	if err := b.SetInternal(schema.VersionKey, []byte(schema.Version)); err != nil {
		return nil, errors.Join(fmt.Errorf("index: create shard %s: %w", name, err), b.Close())
	}
	x.shards[name] = b
	x.log.Info("index shard created", "shard", name)
	return b, nil
}

// pruneLocked deletes the shards wholly older than the retention, at most
// once an hour. x.mu must be held for writing.
func (x *Index) pruneLocked(now time.Time) {
	if x.retention <= 0 || now.Sub(x.lastPruned) < time.Hour {
		return
	}
	x.lastPruned = now
	cutoff := now.Add(-x.retention)
	for name, b := range x.shards {
		if _, to, ok := shardSpan(name); ok && !to.After(cutoff) {
			if err := b.Close(); err != nil {
				x.log.Warn("close old shard", "shard", name, "err", err)
			}
			if err := os.RemoveAll(filepath.Join(x.dir, name)); err != nil {
				x.log.Warn("delete old shard", "shard", name, "err", err)
			}
			delete(x.shards, name)
			x.stories.drop(name)
			x.log.Info("index shard dropped by retention", "shard", name, "retention", x.retention)
		}
	}
}

// Article returns the whole article with that id.
func (x *Index) Article(ctx context.Context, id string) (*defwatch.Article, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	all, ok := x.alias(time.Time{}, time.Time{})
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, defwatch.ErrNotFound)
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = []string{schema.RawField, "text", schema.StoryField}
	res, err := all.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("index: article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("article %s: %w", id, defwatch.ErrNotFound)
	}
	a, err := fromRaw(res.Hits[0].Fields[schema.RawField])
	if err != nil {
		return nil, fmt.Errorf("index: article %s: %w", id, err)
	}
	a.Text, _ = res.Hits[0].Fields["text"].(string)
	return a, nil
}

func fromRaw(v any) (*defwatch.Article, error) {
	s, ok := v.(string)
	if !ok {
		return nil, errors.New("stored article missing")
	}
	var a defwatch.Article
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// shardConfig is scorch's runtime configuration of every shard, new or
// opened: its merge policy. By scorch's default a segment under 2,000
// articles counts as 2,000 and a shard under 20,000 wants a single
// segment, so each commit to a month shard was merged at once with
// everything the shard held: a backfill rewrote every month it touched
// again with every batch. Counting small segments as the 100 articles a
// segment has at the least lets them gather in tiers of ten first, so an
// article is rewritten about once per tenfold growth of its shard.
func shardConfig() map[string]any {
	return map[string]any{"scorchMergePlanOptions": map[string]any{"FloorSegmentSize": 100}}
}
