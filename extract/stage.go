package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// StageConfig says how the extract stage runs.
type StageConfig struct {
	// Workers is how many pages are extracted at once.
	Workers int
	// AckWait is how long a page delivered to a process that died waits
	// before another gets it; 0 is a minute.
	AckWait time.Duration
}

// Stage consumes Pages from the pages stream and publishes Articles, but
// not listings (see handle). All
// extract processes share one durable consumer, so adding processes spreads
// the pages over them.
type Stage struct {
	js   jetstream.JetStream
	cons jetstream.Consumer
	cfg  StageConfig
	log  *slog.Logger
}

// Durable is the extract stage's consumer on the pages stream.
const Durable = "extract"

// NewStage creates or resumes the extract stage's durable consumer.
func NewStage(ctx context.Context, js jetstream.JetStream, cfg StageConfig, log *slog.Logger) (*Stage, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.AckWait <= 0 {
		cfg.AckWait = time.Minute
	}
	s := &Stage{js: js, cfg: cfg, log: log.With("stage", "extract")}
	if err := s.createConsumer(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Stage) createConsumer(ctx context.Context) error {
	cons, err := s.js.CreateOrUpdateConsumer(ctx, defwatch.StreamPages, jetstream.ConsumerConfig{
		Durable:        Durable,
		FilterSubjects: []string{defwatch.SubjectPages, defwatch.SubjectImport},
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        s.cfg.AckWait,
		MaxAckPending:  256,
		// A page that cannot be extracted is terminated at once; these
		// tries are for publishing, which fails only while NATS does.
		MaxDeliver: defwatch.MaxDeliveries,
	})
	if err != nil {
		return fmt.Errorf("extract: consumer: %w", err)
	}
	s.cons = cons
	return nil
}

// Run extracts until ctx ends, then drains: pages already delivered to this
// process are finished and acknowledged before Run returns. A consumer
// that disappears (the pages stream deleted and created again) is created
// again.
func (s *Stage) Run(ctx context.Context) error {
	s.log.Info("extracting", "workers", s.cfg.Workers)
	swept := make(chan struct{})
	go func() {
		defer close(swept)
		s.sweepEvery(ctx, sweepInterval)
	}()
	defer func() { <-swept }()
	for {
		gone, err := s.consume(ctx)
		if err != nil {
			return err
		}
		if !gone || ctx.Err() != nil {
			return nil
		}
		s.log.Warn("the pages consumer is gone (stream or consumer deleted); creating it again")
		for ctx.Err() == nil {
			err := s.createConsumer(ctx)
			if err == nil {
				break
			}
			s.log.Warn("creating the pages consumer failed, will retry", "err", err)
			t := time.NewTimer(time.Second)
			select {
			case <-ctx.Done():
			case <-t.C:
			}
			t.Stop()
		}
	}
}

// sweepInterval is how often the stage looks for pages left behind.
const sweepInterval = time.Minute

func (s *Stage) sweepEvery(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := s.sweep(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("looking for pages left in the work queue", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sweep removes the pages the consumer has acknowledged that are still in
// the work queue. Acknowledging a page removes it, but a NATS server
// stopped hard (kill -9, a power cut) can come back with its record of the
// acknowledgement and without the removal: such a page would stay in the
// queue for good, since nothing delivers a page below the consumer's
// acknowledgement floor again.
func (s *Stage) sweep(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	info, err := s.cons.Info(ctx)
	if err != nil {
		return err
	}
	floor := info.AckFloor.Stream
	stream, err := s.js.Stream(ctx, defwatch.StreamPages)
	if err != nil {
		return err
	}
	before, err := stream.Info(ctx)
	if err != nil {
		return err
	}
	if before.State.Msgs == 0 || before.State.FirstSeq > floor {
		return nil
	}
	if err := stream.Purge(ctx, jetstream.WithPurgeSequence(floor+1)); err != nil {
		return err
	}
	after, err := stream.Info(ctx)
	if err != nil {
		return err
	}
	s.log.Warn("removed pages already extracted that a hard stop had left in the work queue",
		"pages", before.State.Msgs-after.State.Msgs, "through_seq", floor)
	return nil
}

// consume extracts pages from the consumer until ctx ends, or until the
// consumer is gone, which it reports.
func (s *Stage) consume(ctx context.Context) (gone bool, err error) {
	// Each worker keeps a few pages in hand, so one does not wait on the
	// server for the next, and the pages of a deep queue still spread over
	// all the extract processes that share it.
	it, err := s.cons.Messages(jetstream.PullMaxMessages(s.cfg.Workers*16), jetstream.PullHeartbeat(pageHeartbeat))
	if err != nil {
		return false, fmt.Errorf("extract: consume: %w", err)
	}
	stop := context.AfterFunc(ctx, it.Drain)
	defer stop()
	var lost atomic.Bool
	var wg, published sync.WaitGroup
	for range s.cfg.Workers {
		wg.Go(func() {
			for {
				m, err := it.Next()
				if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
					return
				}
				if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
					lost.Store(true)
					it.Stop()
					return
				}
				if errors.Is(err, jetstream.ErrNoHeartbeat) {
					// See pageHeartbeat: the iterator asks again by itself.
					s.log.Info("no heartbeat while waiting for pages; asking the server again")
					continue
				}
				if err != nil {
					s.log.Warn("next page", "err", err)
					continue
				}
				s.handle(m, &published)
			}
		})
	}
	wg.Wait()
	// Every page's article is stored, or the page given back, before the
	// stage says it has stopped.
	published.Wait()
	return lost.Load(), nil
}

// pageHeartbeat is how often the server tells a waiting worker it is
// still there. The page iterator asks the server for more pages only as a
// call to Next begins; when a worker took the last page it had asked for
// while its previous request was still being sent (that goroutine waiting
// for a core behind two busy taggers), the call waited for pages nobody
// had asked for until the heartbeats were missed, twice the heartbeat
// later: with the library's 15 seconds, a backfill of 20,000 pages stood
// still for half a minute, often twice. Missed heartbeats are also how a
// request lost with a server is noticed, so the wait stays the iterator's.
const pageHeartbeat = 5 * time.Second

// publishWait is the longest an article's publication may take before its
// page is given back to be extracted again.
const publishWait = 30 * time.Second

func (s *Stage) handle(m jetstream.Msg, published *sync.WaitGroup) {
	p, err := readPage(m)
	if err != nil {
		s.log.Error("dropping unreadable page", "err", err)
		_ = m.Term()
		return
	}
	if m.Subject() == defwatch.SubjectImport {
		// Whoever may import may not pass a page off as fetched by ingest.
		p.Imported = true
	}
	log := s.log.With("article_id", p.ID, "url", p.URL)
	a, err := s.extract(p)
	if err != nil {
		log.Warn("extract failed", "err", err)
		_ = m.Term()
		return
	}
	// A listing (a home page, a section front, a tag page) is teasers of
	// stories the feeds bring on their own; indexed, it would answer
	// searches and fire alerts with other articles' first lines. It is
	// acknowledged and not published. Pages of kind "other" are published
	// with their kind, for the index and consumers to judge.
	if a.Kind == defwatch.KindListing {
		log.Info("skipping a listing page", "title", a.Title)
		if err := m.Ack(); err != nil {
			log.Warn("ack failed", "err", err)
		}
		return
	}
	a.TextFrom = p.TextFrom
	// An article made from its feed's words is replaced when its page is
	// fetched later, maybe within the stream's duplicate window: the two
	// must not share a message id.
	msgID := a.ID
	if a.TextFrom != "" {
		msgID += "." + a.TextFrom
	}
	data, err := json.Marshal(a)
	var pub jetstream.PubAckFuture
	if err == nil {
		// Published without waiting for the server's answer, which a
		// goroutine of its own awaits: the worker goes on to the next page,
		// and the server takes the articles of many at a time instead of
		// one round trip each (about a third of the stage's and the
		// server's CPU per article). Run waits for every answer before it
		// returns, so a stop does not leave a page extracted twice.
		pub, err = s.js.PublishAsync(defwatch.ArticleSubject(a.Lang), data, jetstream.WithMsgID(msgID))
	}
	if err != nil {
		retry(m, log, "publish article failed", err)
		return
	}
	published.Go(func() {
		t := time.NewTimer(publishWait)
		defer t.Stop()
		select {
		case <-pub.Ok():
			ack(m, log)
			log.Debug("article extracted", "nations", len(a.Nations), "troops", len(a.Troops))
		case err := <-pub.Err():
			retry(m, log, "publish article failed", err)
		case <-t.C:
			retry(m, log, "publish article failed", fmt.Errorf("no answer from the server in %s", publishWait))
		}
	})
}

// readPage reads a Page message: the body raw with the metadata in a
// header, or, from before the header existed, the whole Page as JSON.
func readPage(m jetstream.Msg) (*defwatch.Page, error) {
	if meta := m.Headers().Get(defwatch.HeaderPage); meta != "" {
		return defwatch.DecodePage([]byte(meta), m.Headers().Get(defwatch.HeaderBody), m.Data())
	}
	var p defwatch.Page
	if err := json.Unmarshal(m.Data(), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ack acknowledges a page and waits for the server to confirm it: a plain
// ack is a message that a disconnect, a failover or a stop can lose, which
// leaves a page already extracted in the work queue for another try. A
// few tries cover a server that is briefly away.
func ack(m jetstream.Msg, log *slog.Logger) {
	var err error
	for try := range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = m.DoubleAck(ctx)
		cancel()
		if err == nil || errors.Is(err, nats.ErrConnectionClosed) {
			break
		}
		time.Sleep(time.Duration(try+1) * 200 * time.Millisecond)
	}
	if err != nil {
		// The page comes again after the ack wait; extracting it twice
		// only overwrites the article.
		log.Warn("ack not confirmed", "err", err)
	}
}

// extract runs FromPage, turning a panic on a hostile page into an error so
// one page cannot stop the stage.
func (s *Stage) extract(p *defwatch.Page) (a *defwatch.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: panic: %v", r)
		}
	}()
	return FromPage(p)
}

// retry hands m back to JetStream for a later try, waiting longer after
// each failure, and says in the log when it was the last.
func retry(m jetstream.Msg, log *slog.Logger, what string, err error) {
	var n uint64 = 1
	if md, mdErr := m.Metadata(); mdErr == nil {
		n = md.NumDelivered
	}
	if n >= defwatch.MaxDeliveries {
		// The server delivers it no more: left in the work queue it
		// would only sit there until the stream's age limit.
		log.Error(what+"; giving up on the page and removing it", "tries", n, "err", err)
		_ = m.Term()
		return
	}
	log.Warn(what+", will retry", "tries", n, "err", err)
	_ = m.NakWithDelay(defwatch.RetryDelay(n))
}
