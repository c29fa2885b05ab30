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
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	limits    SearchLimits
	gate      *gate

	mu         sync.RWMutex
	shards     map[string]bleve.Index // "2025-04", or undatedShard
	lastPruned time.Time

	// replay is the state of a rebuild from the articles stream, kept in
	// the file replayFile so that a rebuild cut short by a crash is still
	// known for one after the restart.
	replayMu sync.Mutex
	replay   replayState

	// writeMu makes one writer at a time: staging and committing.
	writeMu      sync.Mutex
	stories      *storyTable
	lastEvicted  time.Time
	wantAnalysed func(*defwatch.Article) bool // see KeepAnalysed

	facetCache facetCache // counts of shards that have not changed since
	stats      statCache  // each shard's best relevance, matches and edges per query, the same way
	// facetSample is how many matches facets are counted over at most,
	// newest months first, before the rest are estimated (see
	// sampleShards); tests lower it.
	facetSample uint64
	times       *timeColumns  // publication times of live segments, for the recency blend and the page's bound
	facetCols   *facetColumns // facet fields of live segments, for counting a query of terms
	impacts     *impacts      // terms' largest impacts in live segments, to bound shards unread (see shardBound)
	compaction  compaction    // months that ended merged into one segment (see WithCompaction)
}

// replayState says whether the index is being rebuilt from the articles
// stream.
type replayState string

const (
	replayNone replayState = ""
	// replayPending: the index was found empty, or a shard was set aside;
	// whatever consumer fed it must start again from the stream's
	// beginning.
	replayPending replayState = "pending"
	// replayStarted: the consumer started again from the beginning and
	// has not caught up yet.
	replayStarted replayState = "started"
)

// replayFile marks an index being rebuilt from the articles stream.
const replayFile = "REPLAY"

// newShardPrefix names a shard being built aside; it is renamed into place
// once whole, so a crash never leaves a half-made shard under a shard's
// name.
const newShardPrefix = ".new-"

// undatedShard holds articles with no publication or fetch time.
const undatedShard = "undated"

// shardName is compiled when an index is first opened, not when a command
// that never opens one starts.
var shardName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4}-\d{2}|undated)$`) })

// Option configures Open.
type Option func(*Index)

// WithRetention drops articles published more than d ago: their month's
// shard is deleted once the whole month is older than d.
func WithRetention(d time.Duration) Option { return func(x *Index) { x.retention = d } }

// WithSearchLimits bounds the searches run at once and queued; the
// defaults suit the machine's cores.
func WithSearchLimits(l SearchLimits) Option { return func(x *Index) { x.limits = l } }

// WithLogger logs shard creation and pruning.
func WithLogger(l *slog.Logger) Option { return func(x *Index) { x.log = l } }

// Open opens the index in dir, creating it when there is none.
func Open(dir string, opts ...Option) (*Index, error) {
	x := &Index{dir: dir, shards: map[string]bleve.Index{}, stories: newStoryTable(), log: slog.New(slog.DiscardHandler), facetSample: facetSampleHits, times: newTimeColumns(timeColumnBytes), facetCols: newFacetColumns(facetColumnBytes), impacts: newImpacts(impactBytes)}
	for _, o := range opts {
		o(x)
	}
	x.gate = newGate(x.limits)
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
	var setAside, stale []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, newShardPrefix) {
			// Built aside when the process stopped: never in use.
			x.log.Warn("removing a shard left half-made by a crash", "dir", name)
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				x.Close()
				return nil, fmt.Errorf("index: remove %s: %w (remove it by hand)", filepath.Join(dir, name), err)
			}
			continue
		}
		if !e.IsDir() || !shardName().MatchString(name) {
			continue
		}
		b, err := bleve.OpenUsing(filepath.Join(dir, name), shardConfig())
		if err != nil {
			// The index is derived data: a shard that cannot be read is
			// kept for inspection under another name and rebuilt from
			// the articles stream, rather than stopping every start.
			aside := name + ".broken-" + time.Now().UTC().Format("20060102T150405")
			if rerr := os.Rename(filepath.Join(dir, name), filepath.Join(dir, aside)); rerr != nil {
				x.Close()
				return nil, fmt.Errorf("index: open shard %s: %w; setting it aside failed too: %w", name, err, rerr)
			}
			x.log.Warn("index shard cannot be opened: set aside, and the index is rebuilt from the articles stream",
				"shard", name, "set_aside_as", filepath.Join(dir, aside), "err", err)
			setAside = append(setAside, name)
			continue
		}
		if v, err := b.GetInternal(schema.VersionKey); err != nil || string(v) != schema.Version {
			// Written before a field was added or the text analysed as
			// it now is: searches would count its articles wrong or miss
			// its words. The index is derived data; the shard makes way
			// and the stream rebuilds it.
			if err := errors.Join(b.Close(), os.RemoveAll(filepath.Join(dir, name))); err != nil {
				x.Close()
				return nil, fmt.Errorf("index: replace shard %s of an older layout: %w (remove %s by hand)", name, err, dir)
			}
			stale = append(stale, name)
			continue
		}
		x.shards[name] = b
	}
	if len(stale) > 0 {
		x.log.Warn("replaced index shards of an older layout; they are rebuilt from the articles stream",
			"shards", len(stale), "first", stale[0], "layout", schema.Version)
	}
	if err := x.loadReplay(len(x.shards) == 0 || len(setAside) > 0 || len(stale) > 0); err != nil {
		x.Close()
		return nil, err
	}
	x.startCompaction()
	return x, nil
}

// loadReplay reads the replay marker, or with restart writes a new one
// that asks for the whole stream again.
func (x *Index) loadReplay(restart bool) error {
	path := filepath.Join(x.dir, replayFile)
	if restart {
		x.replay = replayPending
		return writeFileSync(path, []byte(replayPending))
	}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		x.replay = replayNone
		return nil
	case err != nil:
		return fmt.Errorf("index: %w", err)
	}
	switch st := replayState(strings.TrimSpace(string(b))); st {
	case replayPending, replayStarted:
		x.replay = st
	default:
		// Unreadable: rebuilding again is always safe.
		x.replay = replayPending
	}
	return nil
}

// replayState is where a rebuild from the stream stands.
func (x *Index) replayState() replayState {
	x.replayMu.Lock()
	defer x.replayMu.Unlock()
	return x.replay
}

// Replaying says the index is being rebuilt from the articles stream: what
// the index stage commits now was very likely announced and alerted before.
func (x *Index) Replaying() bool { return x.replayState() != replayNone }

// setReplay records a rebuild's progress: replayStarted once the consumer
// begins again from the stream's start, replayNone once it has caught up.
func (x *Index) setReplay(st replayState) error {
	x.replayMu.Lock()
	defer x.replayMu.Unlock()
	path := filepath.Join(x.dir, replayFile)
	var err error
	if st == replayNone {
		if err = os.Remove(path); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	} else {
		err = writeFileSync(path, []byte(st))
	}
	if err != nil {
		return fmt.Errorf("index: replay marker: %w", err)
	}
	x.replay = st
	return nil
}

// writeFileSync replaces path with data durably: written aside, synced,
// renamed into place, and the directory synced.
func writeFileSync(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir survive a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Close stops compaction and closes every shard.
func (x *Index) Close() error {
	x.stopCompaction()
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
	picked := x.pick(from, to)
	if len(picked) == 0 {
		return nil, false
	}
	return bleve.NewIndexAlias(picked...), true
}

// pick returns the shards alias searches, in a slice of the caller's own.
func (x *Index) pick(from, to time.Time) []bleve.Index {
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
	return picked
}

// shard returns the named shard, creating it. x.mu must be held for writing.
func (x *Index) shard(name string) (bleve.Index, error) {
	if b, ok := x.shards[name]; ok {
		return b, nil
	}
	b, err := createShard(x.dir, name)
	if err != nil {
		return nil, fmt.Errorf("index: create shard %s: %w", name, err)
	}
	x.shards[name] = b
	x.log.Info("index shard created", "shard", name)
	return b, nil
}

// createShard builds an empty shard aside and renames it into place, so a
// crash at any point leaves either no shard of that name or a whole one
// (Bleve writes a new index's files one after another, and a shard cut
// off between them cannot be opened again).
func createShard(dir, name string) (bleve.Index, error) {
	final := filepath.Join(dir, name)
	aside, err := os.MkdirTemp(dir, newShardPrefix+name+"-")
	if err != nil {
		return nil, err
	}
	built := filepath.Join(aside, name)
	b, err := bleve.NewUsing(built, schema.Mapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, shardConfig())
	if err == nil {
		// Marked with its layout before it is in place: a shard without
		// the mark is one of an older layout, replaced at the next start.
		err = errors.Join(b.SetInternal(schema.VersionKey, []byte(schema.Version)), b.Close())
	}
	if err == nil {
		err = syncTree(built)
	}
	if err == nil {
		err = os.Rename(built, final)
	}
	if err == nil {
		err = syncDir(dir)
	}
	if rerr := os.RemoveAll(aside); err == nil {
		err = rerr
	}
	if err != nil {
		return nil, err
	}
	return bleve.OpenUsing(final, shardConfig())
}

// syncTree syncs every file and directory under root.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
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
	res, err := wholeResult(all.SearchInContext(ctx, sr))
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
