package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/feedset"
	"github.com/defwatch/defwatch/ingest/jsconfig"
)

// Partitions is how many parts the space of hosts is cut into. Each host
// belongs to one part, each part to at most one ingest process at a time
// (a lease in KVIngest), so per-host politeness holds across processes
// without any per-request coordination. It is part of the subjects of
// waiting page fetches, so it never changes; more processes than
// partitions wait as standbys.
const Partitions = 64

// Config says how an ingest process polls and fetches.
type Config struct {
	Schedule Schedule
	// HostDelay is the least time between two requests to one host; a
	// robots.txt Crawl-delay can ask for more.
	HostDelay time.Duration
	// DisableAfter: a feed that has failed for this long is disabled.
	DisableAfter time.Duration
	// PageTries is how often an article page is tried before it is given
	// up; after FallbackAfter failed tries the item goes out with its
	// feed's own text meanwhile. PageRetry is the wait after the first
	// failure, doubling after each.
	PageTries     int
	FallbackAfter int
	PageRetry     time.Duration
	// MaxItems is the most items read from one poll of one feed.
	MaxItems int
	// MaxMsg is the largest message the NATS server takes, in bytes.
	MaxMsg int
	// MaxRequests bounds the requests this process has in flight, all
	// hosts together, and with it the memory their bodies take.
	MaxRequests int
	// IgnoreRobots skips robots.txt for article pages (tests, or sites the
	// operator has permission for).
	IgnoreRobots bool
	// ID names this process in KVIngest; empty picks host-pid-random.
	ID string

	// inFlight bounds the job publishes awaiting their acks (tests make it
	// tiny).
	inFlight int
	// jobSweep is how often each partition looks for waiting jobs its
	// lanes have not heard of; deaf (tests) leaves the sweep alone to find
	// them.
	jobSweep time.Duration
	deaf     bool
}

func (c Config) withDefaults() Config {
	c.Schedule = c.Schedule.withDefaults()
	if c.HostDelay < 0 {
		c.HostDelay = 0
	}
	if c.DisableAfter <= 0 {
		c.DisableAfter = 72 * time.Hour
	}
	if c.PageTries <= 0 {
		c.PageTries = 6
	}
	if c.FallbackAfter <= 0 {
		c.FallbackAfter = 2
	}
	if c.PageRetry <= 0 {
		c.PageRetry = time.Minute
	}
	if c.MaxItems <= 0 {
		c.MaxItems = 1000
	}
	if c.MaxMsg <= 0 {
		c.MaxMsg = 1 << 20
	}
	if c.MaxRequests <= 0 {
		c.MaxRequests = 256
	}
	if c.inFlight <= 0 {
		c.inFlight = 1024
	}
	if c.jobSweep <= 0 {
		c.jobSweep = time.Minute
	}
	if c.ID == "" {
		host, _ := os.Hostname()
		var b [3]byte
		_, _ = rand.Read(b[:])
		c.ID = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
	}
	// The id is part of a KV key: letters, digits, '-' and '_' only.
	c.ID = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, c.ID)
	return c
}

// Worker is one ingest process. Any number share the feed set: each polls
// the feeds and fetches the pages of the hosts in the partitions it holds.
type Worker struct {
	cfg     Config
	fetch   *Fetcher
	js      jetstream.JetStream
	set     *feedset.Store
	seen    jetstream.KeyValue
	leaseKV jetstream.KeyValue
	jobs    jetstream.Stream
	log     *slog.Logger
	m       *Metrics
	// pubSlots bounds the jobs published and not yet acknowledged, below
	// the client's own limit (4,000), past which it refuses them.
	pubSlots chan struct{}
	// reqSlots bounds the requests in flight (Config.MaxRequests).
	reqSlots chan struct{}

	mu    sync.Mutex
	feeds map[string]defwatch.Feed // the whole set, by FeedKey
	parts map[int]*partition       // the partitions held now
	ctx   context.Context          // Run's, for partitions started by the lease loop
}

// NewWorker returns an ingest process over the streams and buckets Setup
// made. m may be nil.
func NewWorker(ctx context.Context, cfg Config, f *Fetcher, js jetstream.JetStream, m *Metrics, log *slog.Logger) (*Worker, error) {
	set, err := feedset.Open(ctx, js)
	if err != nil {
		return nil, err
	}
	seen, err := js.KeyValue(ctx, defwatch.KVSeen)
	if err != nil {
		return nil, fmt.Errorf("ingest: kv %s: %w", defwatch.KVSeen, err)
	}
	leases, err := js.KeyValue(ctx, defwatch.KVIngest)
	if err != nil {
		return nil, fmt.Errorf("ingest: kv %s: %w", defwatch.KVIngest, err)
	}
	jobs, err := js.Stream(ctx, defwatch.StreamFetch)
	if err != nil {
		return nil, fmt.Errorf("ingest: stream %s: %w", defwatch.StreamFetch, err)
	}
	if m == nil {
		m = NewMetrics()
	}
	cfg = cfg.withDefaults()
	w := &Worker{cfg: cfg, fetch: f, js: js, set: set, seen: seen, leaseKV: leases, jobs: jobs,
		log: log.With("stage", "ingest", "worker", cfg.ID), m: m,
		feeds: map[string]defwatch.Feed{}, parts: map[int]*partition{}, pubSlots: make(chan struct{}, cfg.inFlight), reqSlots: make(chan struct{}, cfg.MaxRequests)}
	m.worker(w)
	return w, nil
}

// Run polls and fetches until ctx ends. On the way out it stops every
// partition, then gives up its leases so the other processes take them
// over at once instead of after the lease time.
func (w *Worker) Run(ctx context.Context) error {
	w.mu.Lock()
	w.ctx = ctx
	w.mu.Unlock()
	created, err := bucketCreated(ctx, w.set.Feeds())
	if err != nil {
		return fmt.Errorf("ingest: feed set: %w", err)
	}
	watcher, err := w.set.Feeds().WatchAll(ctx)
	if err != nil {
		return fmt.Errorf("ingest: watch feed set: %w", err)
	}
	// The whole set is read before any partition starts, so a partition
	// begins with all its feeds.
	if err := w.readFeeds(ctx, watcher, nil); err != nil {
		_ = watcher.Stop()
		return err
	}
	w.log.Info("ingest started", "feeds", w.feedCount(), "host_delay", w.cfg.HostDelay,
		"poll_min", w.cfg.Schedule.Min, "poll_max", w.cfg.Schedule.Max)
	followed := make(chan struct{})
	go func() {
		defer close(followed)
		w.followFeeds(ctx, watcher, created)
	}()
	defer func() { <-followed }()
	l := &leases{w: w, kv: w.leaseKV, id: w.cfg.ID, log: w.log}
	return l.run(ctx)
}

// FeedsCheck is how often a worker makes sure the feed set's bucket is the
// one it watches.
var FeedsCheck = 2 * time.Second

// followFeeds applies the feed set's changes as they come until ctx ends.
// A watch of a bucket that was deleted hears nothing more, so when the
// bucket is made again (by hand, or by the stream keeper after a loss) the
// set is watched and read again, and the feeds it no longer holds stop.
func (w *Worker) followFeeds(ctx context.Context, watcher jetstream.KeyWatcher, created time.Time) {
	defer func() { _ = watcher.Stop() }()
	check := time.NewTicker(FeedsCheck)
	defer check.Stop()
	var resync map[string]bool // the keys a new watch listed, while it lists them
	for {
		select {
		case <-ctx.Done():
			return
		case <-check.C:
			cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			now, err := bucketCreated(cctx, w.set.Feeds())
			cancel()
			if err != nil || now.Equal(created) {
				continue
			}
			nw, err := w.set.Feeds().WatchAll(ctx)
			if err != nil {
				w.log.Warn("watch the feed set again", "err", err)
				continue
			}
			_ = watcher.Stop()
			watcher, created, resync = nw, now, map[string]bool{}
			w.log.Warn("the feed set's bucket was made again; reading the feed set again")
		case e, ok := <-watcher.Updates():
			if !ok {
				if ctx.Err() == nil {
					w.log.Error("feed set watch ended; changes to the set will not be seen until restart")
				}
				return
			}
			switch {
			case e != nil:
				if resync != nil {
					resync[e.Key()] = true
				}
				w.applyFeed(e)
			case resync != nil:
				w.dropFeedsBut(resync)
				resync = nil
			}
		}
	}
}

// readFeeds applies the feed set's entries until the watch has delivered
// every one present when it began, noting their keys in listed.
func (w *Worker) readFeeds(ctx context.Context, watcher jetstream.KeyWatcher, listed map[string]bool) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-watcher.Updates():
			if !ok {
				return errors.New("ingest: the feed set watch ended while reading the set")
			}
			if e == nil {
				return nil
			}
			if listed != nil {
				listed[e.Key()] = true
			}
			w.applyFeed(e)
		}
	}
}

// dropFeedsBut stops the feeds whose keys are not in keep: they went with
// a deleted bucket.
func (w *Worker) dropFeedsBut(keep map[string]bool) {
	w.mu.Lock()
	var gone []string
	for k := range w.feeds {
		if !keep[k] {
			gone = append(gone, k)
		}
	}
	w.mu.Unlock()
	for _, k := range gone {
		w.removeFeed(k)
	}
	if len(gone) > 0 {
		w.log.Warn("feeds no longer in the set stopped", "feeds", len(gone))
	}
}

// bucketCreated is when a bucket's stream was created.
func bucketCreated(ctx context.Context, kv jetstream.KeyValue) (time.Time, error) {
	st, err := kv.Status(ctx)
	if err != nil {
		return time.Time{}, err
	}
	if s, ok := st.(*jetstream.KeyValueBucketStatus); ok && s.StreamInfo() != nil {
		return s.StreamInfo().Created, nil
	}
	return time.Time{}, nil
}

func (w *Worker) applyFeed(e jetstream.KeyValueEntry) {
	key := e.Key()
	var f *defwatch.Feed
	if e.Operation() == jetstream.KeyValuePut {
		var v defwatch.Feed
		if err := json.Unmarshal(e.Value(), &v); err != nil || v.URL == "" {
			w.log.Warn("unreadable feed record skipped", "key", key, "err", err)
			return
		}
		f = &v
	}
	if f == nil {
		w.removeFeed(key)
		return
	}
	w.mu.Lock()
	w.feeds[key] = *f
	host := hostOf(f.URL)
	part := w.parts[partitionOf(host)]
	w.mu.Unlock()
	if part != nil {
		part.setFeed(key, host, f)
	}
}

// removeFeed stops the feed with key.
func (w *Worker) removeFeed(key string) {
	w.mu.Lock()
	old, ok := w.feeds[key]
	delete(w.feeds, key)
	var part *partition
	host := hostOf(old.URL)
	if ok {
		part = w.parts[partitionOf(host)]
	}
	w.mu.Unlock()
	if part != nil {
		part.setFeed(key, host, nil)
	}
}

func (w *Worker) feedCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.feeds)
}

// feedsOf returns the feeds whose host is in partition n.
func (w *Worker) feedsOf(n int) map[string]defwatch.Feed {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := map[string]defwatch.Feed{}
	for k, f := range w.feeds {
		if partitionOf(hostOf(f.URL)) == n {
			out[k] = f
		}
	}
	return out
}

// startPartition begins the work of partition n, whose lease was just
// taken.
func (w *Worker) startPartition(n int) {
	w.mu.Lock()
	ctx := w.ctx
	if _, ok := w.parts[n]; ok || ctx == nil || ctx.Err() != nil {
		w.mu.Unlock()
		return
	}
	p := newPartition(ctx, w, n)
	w.parts[n] = p
	w.mu.Unlock()
	p.start(w.feedsOf(n))
}

// stopPartition ends the work of partition n and waits for its lanes to
// end, before the lease is given up or lost. Handing a partition over
// (graceful) lets each lane finish the request it is making, so the host
// never sees this process and the next holder at once; a lost lease stops
// everything at once.
func (w *Worker) stopPartition(n int, graceful bool) {
	w.mu.Lock()
	p := w.parts[n]
	delete(w.parts, n)
	w.mu.Unlock()
	if p != nil {
		p.stop(graceful)
	}
}

func (w *Worker) held() []*partition {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]*partition, 0, len(w.parts))
	for _, p := range w.parts {
		out = append(out, p)
	}
	return out
}

// hostOf is the politeness key of a URL: its host, lower case, without
// "www.".
func hostOf(rawURL string) string { return defwatch.SourceOf(rawURL) }

// hostKey is a host's token in subjects.
func hostKey(host string) string {
	sum := sha256.Sum256([]byte(host))
	return hex.EncodeToString(sum[:8])
}

func partitionOf(host string) int {
	sum := sha256.Sum256([]byte(host))
	return int(binary.BigEndian.Uint32(sum[:4]) % Partitions)
}

// jobSubject is where the pages of host wait to be fetched.
func jobSubject(host string) string {
	return fmt.Sprintf("%s.%d.%s", defwatch.SubjectFetch, partitionOf(host), hostKey(host))
}

// SetupConfig says how Setup makes ingest's streams and buckets.
type SetupConfig struct {
	Replicas int
	// LeaseTime is how long a process's leases outlive its last renewal:
	// a process that dies has its partitions taken over this long after.
	LeaseTime time.Duration
}

// Setup creates or updates everything ingest keeps in JetStream: the feed
// set, the memory of items, the leases and the pages waiting to be
// fetched.
func Setup(ctx context.Context, js jetstream.JetStream, cfg SetupConfig) error {
	if cfg.Replicas <= 0 {
		cfg.Replicas = 1
	}
	if cfg.LeaseTime <= 0 {
		cfg.LeaseTime = 15 * time.Second
	}
	if err := feedset.Setup(ctx, js, cfg.Replicas); err != nil {
		return err
	}
	for _, kv := range []jetstream.KeyValueConfig{{
		Bucket:      defwatch.KVSeen,
		Description: "every feed item: queued, published or given up",
		Replicas:    cfg.Replicas,
		Storage:     jetstream.FileStorage,
		// An item still in a feed after this long is a rare thing;
		// forgetting it costs one fetch, and the index keeps one copy
		// regardless.
		TTL: 180 * 24 * time.Hour,
	}, {
		Bucket:      defwatch.KVIngest,
		Description: "ingest processes' heartbeats and partition leases",
		Replicas:    cfg.Replicas,
		Storage:     jetstream.FileStorage,
		TTL:         cfg.LeaseTime,
	}} {
		if err := jsconfig.KeyValue(ctx, js, kv); err != nil {
			return fmt.Errorf("kv %s: %w", kv.Bucket, err)
		}
	}
	err := jsconfig.Stream(ctx, js, jetstream.StreamConfig{
		Name:        defwatch.StreamFetch,
		Description: "article pages waiting to be fetched, one subject per host",
		Subjects:    []string{defwatch.SubjectFetch + ".>"},
		// Each job is deleted when done; none is read by a consumer.
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		MaxAge:      30 * 24 * time.Hour,
		MaxMsgSize:  maxJob,
		Duplicates:  10 * time.Minute,
		AllowDirect: true,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", defwatch.StreamFetch, err)
	}
	return nil
}
