package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// IndexerConfig says how the index stage batches.
type IndexerConfig struct {
	// Durable names this replica's consumer. Every index replica builds its
	// own full index, so each needs a durable of its own.
	Durable string
	// BatchSize is the most articles fetched at once, and the most
	// committed to one shard at once.
	BatchSize int
	// FlushAfter is the longest a recent article (published in the last two
	// days, or undated) waits for company before it is committed, which
	// bounds how soon it is searchable.
	FlushAfter time.Duration
	// BackfillAfter is the longest an older article waits for more of its
	// month. Older articles come by the thousand from backfills and
	// archives, their months mixed; committed a batch at a time, each
	// month's share made a small segment that Bleve merged again and again.
	BackfillAfter time.Duration
	// MaxBuffered is the most articles waiting for their commit; past it,
	// the month with the most waiting is committed.
	MaxBuffered int
	// AckWait is how long the articles a process that died had in hand
	// wait before they are delivered again; 0 is two minutes. It must be
	// longer than an article waits in its month's buffer (BackfillAfter)
	// and its commit takes.
	AckWait time.Duration
	// OnCommit, when set, hears of each committed batch before its
	// messages are acknowledged. An error leaves them unacknowledged, to
	// come again after a delay (Put then overwrites them).
	OnCommit func(ctx context.Context, batch []Committed) error
}

// Committed is an article the index stage committed, with where it came
// from in the articles stream.
type Committed struct {
	Indexed
	// Seq is the article's sequence in the articles stream.
	Seq uint64
	// Redelivered says an earlier delivery of the message was not
	// acknowledged: it may have been indexed and announced already.
	Redelivered bool
	// Replay says the index is being rebuilt from the stream (it was new,
	// or lost a shard), so the article was most likely alerted before.
	Replay bool
}

// Indexer is the index stage: it consumes Articles and commits them to the
// Index, acknowledging each message only after the commit that holds its
// article is on disk, so a crash loses nothing that was acknowledged.
//
// Articles wait for their commit by month shard: each commit then writes
// few, large segments, where a fetched batch of a backfill, its months
// mixed, had made a small segment in every shard it touched. Fetched
// batches are still finished (OnCommit, then acks) whole and in the order
// they came, once every article of one is committed.
type Indexer struct {
	idx     *Index
	js      jetstream.JetStream
	cons    jetstream.Consumer
	consCfg jetstream.ConsumerConfig
	cfg     IndexerConfig
	log     *slog.Logger

	bufs     map[string]*shardBuf // articles waiting, by shard
	queue    []*fetched           // batches not yet finished, oldest first
	buffered int                  // articles in bufs
}

// shardBuf is the articles waiting for a commit to one shard.
type shardBuf struct {
	items    []waiting
	deadline time.Time // when the longest-waiting one must be committed
}

type waiting struct {
	item  *staged
	batch *fetched
}

// fetched is one fetched batch until it is finished.
type fetched struct {
	articles []*defwatch.Article
	msgs     []jetstream.Msg // the articles' messages
	items    []*staged       // what the index staged of the articles
	left     int             // items not yet committed
	failed   map[*defwatch.Article]bool
	start    time.Time
}

// liveAge: an article published less long ago than this is news, to be
// searchable soon; older ones are a backfill's, and wait for company.
const liveAge = 48 * time.Hour

// NewIndexer creates or resumes the durable consumer on the articles stream.
func NewIndexer(ctx context.Context, js jetstream.JetStream, idx *Index, cfg IndexerConfig, log *slog.Logger) (*Indexer, error) {
	if cfg.Durable == "" {
		cfg.Durable = "index-main"
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 1000 // bigger batches index faster (measured: 1,067 vs 629 articles/s at 256)
	}
	if cfg.FlushAfter <= 0 {
		cfg.FlushAfter = 250 * time.Millisecond
	}
	if cfg.BackfillAfter <= 0 {
		cfg.BackfillAfter = 10 * time.Second
	}
	if cfg.MaxBuffered <= 0 {
		cfg.MaxBuffered = 4 * cfg.BatchSize
	}
	if cfg.AckWait <= 0 {
		cfg.AckWait = 2 * time.Minute
	}
	rebuild := idx.replayState() == replayPending
	if rebuild {
		// A replica whose index was lost, or lost a shard, keeps its
		// consumer on the server; resuming it would skip everything indexed
		// before. Starting the consumer again replays the whole articles
		// stream: one month's articles are spread all over it, and Put
		// overwrites what is there already.
		err := js.DeleteConsumer(ctx, defwatch.StreamArticles, cfg.Durable)
		if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("index: reset consumer %s: %w", cfg.Durable, err)
		}
	}
	consCfg := jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		FilterSubject: defwatch.SubjectArticles + ".>",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		// What waits in the buffers, a batch being fetched, and two being
		// finished.
		MaxAckPending: cfg.MaxBuffered + 3*cfg.BatchSize,
		MaxDeliver:    defwatch.MaxDeliveries,
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, defwatch.StreamArticles, consCfg)
	if err != nil {
		return nil, fmt.Errorf("index: consumer %s: %w", cfg.Durable, err)
	}
	log = log.With("stage", "index", "durable", cfg.Durable)
	if rebuild {
		if err := idx.setReplay(replayStarted); err != nil {
			return nil, err
		}
		log.Info("indexing the articles stream from its start")
	}
	return &Indexer{idx: idx, js: js, cons: cons, consCfg: consCfg, cfg: cfg, log: log,
		bufs: map[string]*shardBuf{}}, nil
}

// Run indexes until ctx ends. The articles in hand when ctx ends are still
// committed and acknowledged before Run returns.
func (ix *Indexer) Run(ctx context.Context) error {
	ix.log.Info("indexing")
	// A committed batch is finished (OnCommit, then acks) beside the next
	// commit, so alerting takes little from indexing; one batch at a time
	// waits, which keeps their order and bounds memory.
	finish := make(chan done, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for d := range finish {
			ix.finish(ctx, d)
		}
	}()
	for ctx.Err() == nil {
		batch, err := ix.cons.Fetch(ix.cfg.BatchSize, jetstream.FetchMaxWait(ix.cfg.FlushAfter))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			ix.log.Warn("fetch failed", "err", err)
			ix.flush(time.Now(), true, finish)
			defwatch.Sleep(ctx, time.Second)
			ix.recover(ctx)
			continue
		}
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			ix.log.Debug("fetch ended early", "err", err)
			if len(msgs) == 0 {
				ix.recover(ctx)
			}
		}
		if len(msgs) > 0 {
			ix.add(msgs)
		}
		// Nothing came: the stream is caught up, and nothing waits longer.
		ix.flush(time.Now(), len(msgs) == 0, finish)
		if len(msgs) == 0 && ix.idx.Replaying() {
			// Everything delivered is committed by now.
			ix.caughtUp(ctx)
		}
	}
	ix.flush(time.Now(), true, finish)
	close(finish)
	<-finished
	return nil
}

// recover creates the consumer again when it is gone (the articles stream
// was deleted and created again, or the consumer removed by hand), so the
// stage carries on with what arrives; otherwise it waits a moment.
func (ix *Indexer) recover(ctx context.Context) {
	_, err := ix.cons.Info(ctx)
	if !errors.Is(err, jetstream.ErrConsumerNotFound) && !errors.Is(err, jetstream.ErrStreamNotFound) {
		defwatch.Sleep(ctx, 100*time.Millisecond)
		return
	}
	cons, err := ix.js.CreateOrUpdateConsumer(ctx, defwatch.StreamArticles, ix.consCfg)
	if err != nil {
		if ctx.Err() == nil {
			ix.log.Warn("articles consumer gone; creating it again failed, will retry", "err", err)
		}
		defwatch.Sleep(ctx, time.Second)
		return
	}
	ix.cons = cons
	ix.log.Warn("articles consumer was gone (stream or consumer deleted); created it again")
}

// caughtUp ends a rebuild once the consumer has delivered the whole
// stream: what comes later is new. (A batch still being finished keeps
// the replay mark it was committed with.)
func (ix *Indexer) caughtUp(ctx context.Context) {
	info, err := ix.cons.Info(ctx)
	if err != nil || info.NumPending > 0 {
		return
	}
	if err := ix.idx.setReplay(replayNone); err != nil {
		ix.log.Warn("index rebuilt, but not recorded; it will be rebuilt again on the next start", "err", err)
		return
	}
	ix.log.Info("index rebuilt from the articles stream", "through_seq", info.AckFloor.Stream)
}

// done is a committed batch on its way to OnCommit and its acks.
type done struct {
	indexed  []Indexed
	articles []*defwatch.Article
	msgs     []jetstream.Msg
	start    time.Time
	// replay is the index's replay mark when the batch was committed.
	replay bool
}

// add stages a fetched batch and puts its articles in their shards'
// buffers.
func (ix *Indexer) add(msgs []jetstream.Msg) {
	articles := make([]*defwatch.Article, 0, len(msgs))
	good := make([]jetstream.Msg, 0, len(msgs))
	for _, m := range msgs {
		var a defwatch.Article
		if err := json.Unmarshal(m.Data(), &a); err != nil || a.ID == "" {
			// Redelivering a message that cannot be read would never help.
			ix.log.Error("dropping unreadable article", "subject", m.Subject(), "err", err)
			_ = m.Term()
			continue
		}
		articles = append(articles, &a)
		good = append(good, m)
	}
	if len(articles) == 0 {
		return
	}
	now := time.Now()
	items, err := ix.idx.stage(articles)
	if err != nil {
		ix.retry(good, err)
		return
	}
	f := &fetched{articles: articles, msgs: good, items: items, left: len(items), start: now}
	ix.queue = append(ix.queue, f)
	for _, it := range items {
		b := ix.bufs[it.shard()]
		if b == nil {
			b = &shardBuf{}
			ix.bufs[it.shard()] = b
		}
		// News is committed after the fetch that brought it, as soon as
		// it would be without the buffers.
		deadline := now
		if !IsNews(it.article, now) {
			deadline = now.Add(ix.cfg.BackfillAfter)
		}
		if len(b.items) == 0 || deadline.Before(b.deadline) {
			b.deadline = deadline
		}
		b.items = append(b.items, waiting{it, f})
	}
	ix.buffered += len(items)
}

// IsNews says a is news: published (or, without a date, fetched) in the
// last two days, or of no known date.
func IsNews(a *defwatch.Article, now time.Time) bool {
	t := a.Published
	if t.IsZero() {
		t = a.Fetched
	}
	return t.IsZero() || now.Sub(t) < liveAge
}

// flush commits the shards whose articles are due: those with a full
// batch, those whose longest-waiting article has waited long enough, and,
// while too many wait, the fullest. With all set every shard is committed.
// Then the batches whose articles are all committed are finished.
func (ix *Indexer) flush(now time.Time, all bool, finish chan<- done) {
	var due, rest []string
	n := 0
	for name, b := range ix.bufs {
		if all || len(b.items) >= ix.cfg.BatchSize || !now.Before(b.deadline) {
			due = append(due, name)
			n += len(b.items)
		} else {
			rest = append(rest, name)
		}
	}
	slices.SortFunc(rest, func(a, b string) int { return len(ix.bufs[b].items) - len(ix.bufs[a].items) })
	for _, name := range rest {
		if ix.buffered-n <= ix.cfg.MaxBuffered {
			break
		}
		due = append(due, name)
		n += len(ix.bufs[name].items)
	}
	if len(due) > 0 {
		var ws []waiting
		for _, name := range due {
			ws = append(ws, ix.bufs[name].items...)
			delete(ix.bufs, name)
		}
		ix.buffered -= len(ws)
		items := make([]*staged, len(ws))
		for i, w := range ws {
			items[i] = w.item
		}
		start := time.Now()
		if err := ix.idx.commit(items); err != nil {
			// These articles come again; the rest of their batches go on.
			msgs := make([]jetstream.Msg, 0, len(ws))
			for _, w := range ws {
				if w.batch.failed == nil {
					w.batch.failed = map[*defwatch.Article]bool{}
				}
				w.batch.failed[w.item.article] = true
				msgs = append(msgs, w.batch.msgOf(w.item.article))
			}
			ix.retry(msgs, err)
		} else {
			ix.log.Debug("committed", "articles", len(ws), "shards", len(due), "took", time.Since(start))
		}
		for _, w := range ws {
			w.batch.left--
		}
	}
	for len(ix.queue) > 0 && ix.queue[0].left == 0 {
		f := ix.queue[0]
		ix.queue = ix.queue[1:]
		d := done{start: f.start, replay: ix.idx.Replaying()}
		for i, a := range f.articles {
			if !f.failed[a] {
				d.articles = append(d.articles, a)
				d.msgs = append(d.msgs, f.msgs[i])
			}
		}
		for _, it := range f.items {
			if it.indexed.Article != nil && !f.failed[it.article] {
				d.indexed = append(d.indexed, it.indexed)
			}
		}
		if len(d.msgs) > 0 {
			finish <- d
		}
	}
}

// msgOf is the message article a came in.
func (f *fetched) msgOf(a *defwatch.Article) jetstream.Msg {
	return f.msgs[slices.Index(f.articles, a)]
}

// finish runs OnCommit for a committed batch, then acknowledges it.
func (ix *Indexer) finish(ctx context.Context, d done) {
	if ix.cfg.OnCommit != nil {
		if err := ix.cfg.OnCommit(ctx, ix.committed(d)); err != nil {
			ix.retry(d.msgs, err)
			return
		}
	}
	for _, m := range d.msgs {
		if err := m.Ack(); err != nil {
			// The article is indexed; a redelivery only overwrites it.
			ix.log.Warn("ack failed", "err", err)
		}
	}
	ix.log.Debug("batch indexed", "articles", len(d.msgs), "took", time.Since(d.start))
}

// retry gives a failed batch back, to come again after a delay.
func (ix *Indexer) retry(msgs []jetstream.Msg, err error) {
	ix.log.Error("batch failed, will retry", "articles", len(msgs), "err", err)
	for _, m := range msgs {
		_ = m.NakWithDelay(defwatch.RetryDelay(delivered(m)))
	}
}

// committed pairs what Put kept with the messages the articles came from.
func (ix *Indexer) committed(d done) []Committed {
	from := make(map[*defwatch.Article]jetstream.Msg, len(d.articles))
	for i, a := range d.articles {
		from[a] = d.msgs[i]
	}
	out := make([]Committed, len(d.indexed))
	for i, it := range d.indexed {
		c := Committed{Indexed: it, Redelivered: true, Replay: d.replay}
		if md, err := from[it.Article].Metadata(); err == nil {
			c.Seq, c.Redelivered = md.Sequence.Stream, md.NumDelivered > 1
		}
		out[i] = c
	}
	return out
}

// delivered is how often m has been delivered, counting this time.
func delivered(m jetstream.Msg) uint64 {
	if md, err := m.Metadata(); err == nil {
		return md.NumDelivered
	}
	return 1
}
