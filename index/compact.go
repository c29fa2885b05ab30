package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// A month shard is written while its month lasts and, afterwards, by
// backfills and late copies. Scorch's merge policy keeps it as ten to
// twenty segments, gathered in tiers as it grew; once nothing more comes,
// those segments only cost: a question asked the first time reads each
// one's dictionaries and postings, builds a searcher per segment and term,
// and keeps a column per segment. Compaction merges a month that has
// ended and had no commit for a while into one segment, once: at a
// million articles about 2.3 seconds of CPU a month (0.09 ms an
// article), after which a word searched for the first time costs about
// half the CPU (see the README's "Searching at scale").

// compactMinSegments is the fewest segments a shard is compacted with: a
// month compacted once and then given a late copy or two is left as it
// is, and is merged again only once they add up.
const compactMinSegments = 3

// compactPlan is scorch's plan for merging a whole shard into one
// segment, in as few passes as it can.
var compactPlan = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 64
	return o
}()

// compactPasses bounds the merges asked of one shard in one compaction
// (a pass merges up to compactPlan's 64 segments into one).
const compactPasses = 8

// WithCompaction merges each month shard that has ended and had no
// commit for quiet into one segment, in the background, one shard at a
// time (see Compact). Close stops a merge under way; it resumes after the
// next start's quiet period.
func WithCompaction(quiet time.Duration) Option {
	return func(x *Index) { x.compaction.quiet = quiet }
}

// compaction is the background compaction's state.
type compaction struct {
	quiet time.Duration // 0: none in the background

	mu      sync.Mutex
	written map[string]time.Time // the last commit to each shard, or the index's opening
	opened  time.Time
	stop    context.CancelFunc
	done    chan struct{}
}

// wrote notes a commit to shards.
func (c *compaction) wrote(now time.Time, shards ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.written == nil {
		c.written = map[string]time.Time{}
	}
	for _, s := range shards {
		c.written[s] = now
	}
}

// lastWrite is when shard was last committed to, or the index opened.
func (c *compaction) lastWrite(shard string) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.written[shard]; ok {
		return t
	}
	return c.opened
}

// startCompaction runs Compact every so often until Close, when the index
// was opened WithCompaction.
func (x *Index) startCompaction() {
	x.compaction.opened = time.Now()
	if x.compaction.quiet <= 0 {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	x.compaction.stop, x.compaction.done = stop, make(chan struct{})
	every := min(x.compaction.quiet, time.Minute)
	go func() {
		defer close(x.compaction.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				if _, err := x.Compact(ctx, now, x.compaction.quiet); err != nil && ctx.Err() == nil {
					x.log.Warn("index compaction failed; it is tried again later", "err", err)
				}
			}
		}
	}()
}

// stopCompaction stops the background compaction and waits for it.
func (x *Index) stopCompaction() {
	if x.compaction.stop != nil {
		x.compaction.stop()
		<-x.compaction.done
		x.compaction.stop = nil
	}
}

// Compacted is one shard Compact merged.
type Compacted struct {
	Shard           string
	Segments, After int // before and after
	Articles        uint64
	Took            time.Duration
}

// Compact merges into one segment each month shard that ended by now, has
// had no commit for quiet (since the index opened, for one not written
// since) and holds at least three segments, newest month first, and says
// which it merged. A merge runs beside searches and commits: a commit to
// the shard meanwhile adds its segment after it. A shard that fails does
// not stop the others; the error names it. ctx stops it between merges
// and within one (the shard keeps its segments).
func (x *Index) Compact(ctx context.Context, now time.Time, quiet time.Duration) ([]Compacted, error) {
	type due struct {
		name string
		b    bleve.Index
	}
	var todo []due
	func() {
		x.mu.RLock()
		defer x.mu.RUnlock()
		for name, b := range x.shards {
			_, end, ok := shardSpan(name)
			if !ok || end.After(now) || now.Sub(x.compaction.lastWrite(name)) < quiet {
				continue
			}
			if segmentCount(b) >= compactMinSegments {
				todo = append(todo, due{name, b})
			}
		}
	}()
	slices.SortFunc(todo, func(a, b due) int { return cmp.Compare(b.name, a.name) })
	var out []Compacted
	var errs []error
	for _, d := range todo {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		// Retention may close the shard meanwhile: scorch then ends the
		// merge, and the shard is gone.
		c, err := x.compactShard(ctx, d.name, d.b)
		switch {
		case ctx.Err() != nil:
			return out, ctx.Err()
		case err != nil:
			errs = append(errs, err) // the other months still go on
		case c.Segments > 0:
			out = append(out, c)
			x.log.Info("index shard compacted", "shard", c.Shard, "segments", c.Segments, "after", c.After,
				"articles", c.Articles, "took", c.Took.Round(time.Millisecond))
		}
	}
	return out, errors.Join(errs...)
}

// compactShard merges shard b into one segment.
func (x *Index) compactShard(ctx context.Context, name string, b bleve.Index) (Compacted, error) {
	engine, _ := shardState(b)
	if engine == nil {
		return Compacted{}, nil // not a scorch index: nothing to merge
	}
	c := Compacted{Shard: name, Segments: segmentCount(b)}
	start := time.Now()
	for range compactPasses {
		if segmentCount(b) <= 1 {
			break
		}
		plan := compactPlan
		if err := engine.ForceMerge(ctx, &plan); err != nil {
			if ctx.Err() != nil {
				return c, ctx.Err()
			}
			return c, fmt.Errorf("index: compact shard %s: %w", name, err)
		}
		if ctx.Err() != nil {
			return c, ctx.Err()
		}
	}
	c.After, c.Took = segmentCount(b), time.Since(start)
	n, err := b.DocCount()
	switch {
	case errors.Is(err, bleve.ErrorIndexClosed):
		return Compacted{}, nil // closed meanwhile (retention): nothing to say
	case err != nil:
		return c, fmt.Errorf("index: compact shard %s: %w", name, err)
	}
	c.Articles = n
	return c, nil
}

// Segments is how many segments the index's shards hold together: about
// one a month for months compacted, up to a few tens for a month still
// written.
func (x *Index) Segments() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	n := 0
	for _, b := range x.shards {
		n += segmentCount(b)
	}
	return n
}

// segmentCount is how many segments shard b's current snapshot holds, 0
// when it cannot be read.
func segmentCount(b bleve.Index) int {
	snap, done, ok := snapshotOf(b)
	if !ok {
		return 0
	}
	defer done()
	return len(snap.Segments())
}
