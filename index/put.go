package index

import (
	"fmt"
	"hash/crc32"
	"math/bits"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// Indexed is one article as Put committed it.
type Indexed struct {
	Article *defwatch.Article
	// Story is the id of the story's first copy (the article's own id when
	// it is the first).
	Story string
	// New says the index did not hold the article before: false for a
	// redelivery or a re-extraction of the same page.
	New bool
	// Analysed is Bleve's analysis of title, text and byline, kept from
	// the commit so saved searches match without analysing again; nil
	// when none is kept (see KeepAnalysed), and matching analyses anew.
	Analysed map[string]bleveindex.TokenFrequencies
}

// Put indexes articles. It returns once every change is on disk, so a
// caller may acknowledge the messages they came from, with the articles
// it kept in their order. Articles older than the retention are skipped;
// an article whose month changed since it was last indexed moves to its
// new shard.
func (x *Index) Put(articles []*defwatch.Article) ([]Indexed, error) {
	items, err := x.stage(articles)
	if err != nil {
		return nil, err
	}
	if err := x.commit(items); err != nil {
		return nil, err
	}
	out := make([]Indexed, 0, len(items))
	for _, it := range items {
		if it.indexed.Article != nil {
			out = append(out, it.indexed)
		}
	}
	return out, nil
}

// staged is an article on its way into the index: its story is found and
// its shard known, and it waits for a commit to that shard. Writing is two
// steps so that the index stage can gather each shard's articles from many
// batches into one commit: Bleve makes a segment per shard per commit, and
// a batch of articles from many months had made many tiny segments that
// Bleve then merged again and again.
type staged struct {
	entry   *storyEntry // id, story, shard and simhash
	article *defwatch.Article
	from    string // the shard that holds an older copy, when it is another
	known   bool   // the index held the article, or a staged copy of it

	done    bool // committed, or made needless by a later copy in another shard
	indexed Indexed
}

// Shard is the shard the article goes to.
func (s *staged) shard() string { return s.entry.shard }

// stage finds the stories of articles, in order, as if every article
// staged before had been committed, and returns them ready to commit.
// Articles older than the retention are left out.
func (x *Index) stage(articles []*defwatch.Article) ([]*staged, error) {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	now := time.Now()
	kept := articles[:0:0]
	for _, a := range articles {
		if x.retention > 0 && !a.Published.IsZero() && a.Published.Before(now.Add(-x.retention)) {
			continue
		}
		kept = append(kept, a)
	}
	// Only pruning and creating shards change the set of shards; the
	// commit itself runs beside searches.
	x.mu.Lock()
	x.pruneLocked(now)
	for _, a := range kept {
		if _, err := x.shard(shardOf(a)); err != nil {
			x.mu.Unlock()
			return nil, err
		}
	}
	x.mu.Unlock()
	if len(kept) == 0 {
		return nil, nil
	}
	if now.Sub(x.lastEvicted) > time.Minute {
		x.stories.evict(now.Add(-storyIdle))
		x.lastEvicted = now
	}

	x.mu.RLock()
	defer x.mu.RUnlock()
	committedAt, err := x.locate(kept)
	if err != nil {
		return nil, err
	}
	// Where each article is as far as stories go: a staged copy counts as
	// committed.
	where := make(map[string]string, len(committedAt))
	for id, s := range committedAt {
		where[id] = s
	}
	for _, a := range kept {
		if s, ok := x.stories.pendingShard(a.ID); ok {
			where[a.ID] = s
		}
	}
	stories, sims, err := x.assignStories(kept, where, now)
	if err != nil {
		return nil, err
	}
	items := make([]*staged, len(kept))
	entries := make([]*storyEntry, len(kept))
	for i, a := range kept {
		_, known := where[a.ID]
		e := &storyEntry{id: a.ID, story: stories[i], shard: shardOf(a), sim: sims[i]}
		from := committedAt[a.ID]
		if from == e.shard {
			from = ""
		}
		items[i] = &staged{entry: e, article: a, from: from, known: known}
		entries[i] = e
	}
	x.stories.stage(entries)
	return items, nil
}

// commit writes staged articles to their shards and returns once they are
// on disk. An article a later staged copy has moved to another shard is
// not written, and counts as done.
func (x *Index) commit(items []*staged) error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	var live []*staged
	for _, it := range items {
		if x.stories.superseded(it.entry) {
			it.done = true
			continue
		}
		live = append(live, it)
	}
	if len(live) == 0 {
		return nil
	}
	// Retention may have dropped a shard since the articles were staged;
	// it comes back for them.
	x.mu.Lock()
	for _, it := range live {
		if _, err := x.shard(it.shard()); err != nil {
			x.mu.Unlock()
			return err
		}
	}
	x.mu.Unlock()

	x.mu.RLock()
	defer x.mu.RUnlock()
	// Bleve builds a batch's segment on the calling goroutine, one core's
	// work; a big batch for one shard is split into a part per core (by
	// id, so every change to one article stays in one part) and the parts
	// are committed at once.
	perShard := map[string]int{}
	for _, it := range live {
		perShard[it.shard()]++
	}
	type part struct {
		shard string
		n     int
	}
	batches := map[part]*bleve.Batch{}
	batchFor := func(name, id string) *bleve.Batch {
		k := part{name, 0}
		if parts := min(runtime.GOMAXPROCS(0), perShard[name]/minPart); parts > 1 {
			k.n = int(crc32.ChecksumIEEE([]byte(id)) % uint32(parts))
		}
		if b, ok := batches[k]; ok {
			return b
		}
		batches[k] = x.shards[k.shard].NewBatch()
		return batches[k]
	}
	docs := make([]*bdoc.Document, len(live))
	for i, it := range live {
		a, name := it.article, it.shard()
		if it.from != "" && x.shards[it.from] != nil {
			batchFor(it.from, a.ID).Delete(a.ID)
		}
		d, err := document(a, it.entry.story, it.entry.sim)
		if err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
		// Mapping the document here rather than in Batch.Index keeps hold
		// of it, and so of the analysis the commit makes.
		docs[i] = bdoc.NewDocument(a.ID)
		if err := x.shards[name].Mapping().MapDocument(docs[i], d); err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
		if err := batchFor(name, a.ID).IndexAdvanced(docs[i]); err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k, b := range batches {
		g.Go(func() error {
			if err := x.shards[k.shard].Batch(b); err != nil {
				return fmt.Errorf("index: commit to shard %s: %w", k.shard, err)
			}
			return nil
		})
	}
	entries := make([]*storyEntry, len(live))
	froms := make([]string, len(live))
	for i, it := range live {
		entries[i], froms[i] = it.entry, it.from
	}
	err := g.Wait()
	written := make([]string, 0, len(batches))
	for k := range batches {
		written = append(written, k.shard)
	}
	x.compaction.wrote(time.Now(), written...)
	if err != nil {
		x.stories.failed(entries, froms)
		return err
	}
	x.stories.committed(entries, froms)
	for i, it := range live {
		it.done = true
		it.indexed = Indexed{Article: it.article, Story: it.entry.story, New: !it.known}
		if x.wantAnalysed == nil || x.wantAnalysed(it.article) {
			it.indexed.Analysed = analysedText(docs[i])
		}
	}
	return nil
}

// KeepAnalysed says which articles a commit keeps the analysis of in
// Indexed.Analysed: those keep says so of (all, without this). An
// analysis, with every term's positions, is tens of kilobytes an article,
// held until the article's whole fetched batch is committed; a backfill's
// batch waits for each of its months (BackfillAfter), and analyses kept
// for no saved search made most of the index stage's heap.
func (x *Index) KeepAnalysed(keep func(*defwatch.Article) bool) {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	x.wantAnalysed = keep
}

// TuneGC sets the garbage collector for indexing (and the extract stage),
// unless GOGC is set in the environment: collecting at 200% heap growth
// instead of Go's 100% spends about a tenth less CPU per article (measured
// with benchsearch) for a larger heap between collections.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}

// minPart is the fewest articles worth a part of their own in a commit:
// smaller parts make more segments for Bleve to merge later.
const minPart = 200

// analysedText collects the term frequencies the commit computed for the
// text fields of doc.
func analysedText(doc *bdoc.Document) map[string]bleveindex.TokenFrequencies {
	out := make(map[string]bleveindex.TokenFrequencies, len(schema.TextFields))
	doc.VisitFields(func(f bleveindex.Field) {
		if slices.Contains(schema.TextFields, f.Name()) && f.Options().IncludeTermVectors() {
			if tf := f.AnalyzedTokenFrequencies(); tf != nil {
				out[f.Name()] = tf
			}
		}
	})
	return out
}

// locate finds which shard already holds each article. x.mu must be held
// for reading.
func (x *Index) locate(articles []*defwatch.Article) (map[string]string, error) {
	where := map[string]string{}
	if len(x.shards) == 0 {
		return where, nil
	}
	ids := make([]string, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	byName := map[string]string{}
	for name, b := range x.shards {
		byName[b.Name()] = name
	}
	all, _ := x.alias(time.Time{}, time.Time{})
	res, err := wholeResult(all.Search(bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids)*2, 0, false)))
	if err != nil {
		return nil, fmt.Errorf("index: locate articles: %w", err)
	}
	for _, h := range res.Hits {
		where[h.ID] = byName[h.Index]
	}
	return where, nil
}

// storyWindow is how far apart in publication Put looks for copies of a
// story. Outlets run a wire story within days of each other; looking only
// in the shards near a batch's dates keeps the lookup from growing with
// the archive, and keeps the chance matches of a band, which grow with
// every shard searched, few.
const storyWindow = 14 * 24 * time.Hour

// assignStories gives each article the story of an earlier near-identical
// copy (in the index, staged, or earlier in the batch), or its own id. A
// redelivered article keeps the story it had. where says which shard holds
// each article already. x.mu must be held for reading.
func (x *Index) assignStories(articles []*defwatch.Article, where map[string]string, now time.Time) ([]string, []uint64, error) {
	stories := make([]string, len(articles))
	sims := make([]uint64, len(articles))
	for i, a := range articles {
		sims[i] = simhash(a.Text)
	}
	open := func(name string) bleve.Index { return x.shards[name] }
	candidates, err := x.stories.candidates(x.storyShards(articles, where), sims, open, now)
	if err != nil {
		return nil, nil, err
	}
	// Copies earlier in the batch come after those in the index, in the
	// batch's order; the first of the nearest wins.
	type known struct {
		id, story string
		sim       uint64
	}
	batch := make([]known, 0, len(articles))
	for i, a := range articles {
		stories[i] = a.ID
		best := maxStoryDistance + 1
		found := false
		for _, c := range candidates {
			if c.id == a.ID && c.story != "" {
				stories[i], best, found = c.story, -1, true // a redelivery keeps its story
				break
			}
			if d := distance(sims[i], c.sim); d < best && c.story != "" {
				stories[i], best = c.story, d
			}
		}
		for _, c := range batch {
			if found {
				break
			}
			if c.id == a.ID && c.story != "" {
				stories[i], best = c.story, -1
				break
			}
			if d := distance(sims[i], c.sim); d < best && c.story != "" {
				stories[i], best = c.story, d
			}
		}
		batch = append(batch, known{a.ID, stories[i], sims[i]})
	}
	return stories, sims, nil
}

// storyShards names the shards that may hold copies of the articles:
// those within storyWindow of their dates, and those the articles are in
// now. An undated article may be a copy of anything, so it reaches them
// all. x.mu must be held for reading.
func (x *Index) storyShards(articles []*defwatch.Article, where map[string]string) []string {
	var from, to time.Time
	all := false
	for _, a := range articles {
		t := a.Published
		if t.IsZero() {
			t = a.Fetched
		}
		if t.IsZero() {
			all = true
			break
		}
		if from.IsZero() || t.Before(from) {
			from = t
		}
		if to.IsZero() || t.After(to) {
			to = t
		}
	}
	picked := map[string]bool{}
	for name := range x.shards {
		if all {
			picked[name] = true
		} else if sFrom, sTo, ok := shardSpan(name); ok && sFrom.Before(to.Add(storyWindow)) && sTo.After(from.Add(-storyWindow)) {
			picked[name] = true
		}
	}
	for _, name := range where {
		if x.shards[name] != nil {
			picked[name] = true
		}
	}
	names := make([]string, 0, len(picked))
	for name := range picked {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// distance is the number of bits two hashes differ in, or more than
// maxStoryDistance when either is missing.
func distance(a, b uint64) int {
	if a == 0 || b == 0 {
		return maxStoryDistance + 1
	}
	return bits.OnesCount64(a ^ b)
}
