package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

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
	cons, err := js.CreateOrUpdateConsumer(ctx, defwatch.StreamPages, jetstream.ConsumerConfig{
		Durable:        Durable,
		FilterSubjects: []string{defwatch.SubjectPages, defwatch.SubjectImport},
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        cfg.AckWait,
		MaxAckPending:  256,
		// A page that cannot be extracted is terminated at once; these
		// tries are for publishing, which fails only while NATS does.
		MaxDeliver: defwatch.MaxDeliveries,
	})
	if err != nil {
		return nil, fmt.Errorf("extract: consumer: %w", err)
	}
	return &Stage{js: js, cons: cons, cfg: cfg, log: log.With("stage", "extract")}, nil
}

// Run extracts until ctx ends, then drains: pages already delivered to this
// process are finished and acknowledged before Run returns.
func (s *Stage) Run(ctx context.Context) error {
	it, err := s.cons.Messages(jetstream.PullMaxMessages(s.cfg.Workers * 2))
	if err != nil {
		return fmt.Errorf("extract: consume: %w", err)
	}
	stop := context.AfterFunc(ctx, it.Drain)
	defer stop()
	s.log.Info("extracting", "workers", s.cfg.Workers)
	var wg sync.WaitGroup
	for range s.cfg.Workers {
		wg.Go(func() {
			for {
				m, err := it.Next()
				if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
					return
				}
				if err != nil {
					s.log.Warn("next page", "err", err)
					continue
				}
				s.handle(m)
			}
		})
	}
	wg.Wait()
	return nil
}

func (s *Stage) handle(m jetstream.Msg) {
	var p defwatch.Page
	if err := json.Unmarshal(m.Data(), &p); err != nil {
		s.log.Error("dropping unreadable page", "err", err)
		_ = m.Term()
		return
	}
	if m.Subject() == defwatch.SubjectImport {
		// Whoever may import may not pass a page off as fetched by ingest.
		p.Imported = true
	}
	log := s.log.With("article_id", p.ID, "url", p.URL)
	a, err := s.extract(&p)
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
	data, err := json.Marshal(a)
	if err == nil {
		// The publish must finish even while the stage shuts down, or the
		// page would be extracted twice.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err = s.js.Publish(ctx, defwatch.ArticleSubject(a.Lang), data, jetstream.WithMsgID(a.ID))
		cancel()
	}
	if err != nil {
		retry(m, log, "publish article failed", err)
		return
	}
	if err := m.Ack(); err != nil {
		log.Warn("ack failed", "err", err)
	}
	log.Debug("article extracted", "nations", len(a.Nations), "troops", len(a.Troops))
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
		log.Error(what+"; giving up, the page stays in the stream", "tries", n, "err", err)
		return
	}
	log.Warn(what+", will retry", "tries", n, "err", err)
	_ = m.NakWithDelay(defwatch.RetryDelay(n))
}
