package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/feedset"
)

// partition is the work of one partition of the host space while this
// process holds its lease: one lane per host, each polling that host's
// feeds and fetching its pages, one request at a time.
type partition struct {
	w      *Worker
	n      int
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	sub    *nats.Subscription
	halt   chan struct{} // closed when the partition stops: no more sweeps

	mu      sync.Mutex
	lanes   map[string]*lane // by host key
	closing bool             // no lane starts any more
}

func newPartition(parent context.Context, w *Worker, n int) *partition {
	ctx, cancel := context.WithCancel(parent)
	return &partition{w: w, n: n, ctx: ctx, cancel: cancel, halt: make(chan struct{}), lanes: map[string]*lane{}}
}

func (p *partition) prefix() string { return fmt.Sprintf("%s.%d", defwatch.SubjectFetch, p.n) }

func (p *partition) start(feeds map[string]defwatch.Feed) {
	log := p.w.log.With("partition", p.n)
	// Subscribed before the waiting jobs are listed, so a job published in
	// between is heard of one way or the other.
	if !p.w.cfg.deaf {
		sub, err := p.w.js.Conn().Subscribe(p.prefix()+".*", func(m *nats.Msg) {
			key := m.Subject[strings.LastIndexByte(m.Subject, '.')+1:]
			p.lane(key, "").notify()
		})
		if err != nil {
			log.Error("cannot hear of new page fetches; the partition's sweep finds them", "err", err, "sweep", p.w.cfg.jobSweep)
		} else {
			p.sub = sub
		}
	}
	for key, f := range feeds {
		p.setFeed(key, hostOf(f.URL), &f)
	}
	p.wg.Go(func() {
		// The jobs already waiting, then, now and then, any a lane has not
		// heard of: its notice can be lost (the connection dropped) or come
		// before the stream holds the job, which the lane looks for a few
		// seconds at most.
		t := time.NewTicker(p.w.cfg.jobSweep)
		defer t.Stop()
		for {
			p.sweep(log)
			select {
			case <-p.halt:
				return
			case <-p.ctx.Done():
				return
			case <-t.C:
			}
		}
	})
	log.Debug("partition taken", "feeds", len(feeds))
}

// sweep has the lane of every host with jobs waiting in the partition read
// its subject.
func (p *partition) sweep(log *slog.Logger) {
	info, err := p.w.jobs.Info(p.ctx, jetstream.WithSubjectFilter(p.prefix()+".>"))
	if err != nil {
		if p.ctx.Err() == nil {
			log.Warn("cannot list waiting page fetches", "err", err)
		}
		return
	}
	now := time.Now()
	for subj := range info.State.Subjects {
		p.lane(subj[strings.LastIndexByte(subj, '.')+1:], "").lookAgain(now)
	}
}

// stop ends the partition's work and waits for every lane to finish. A
// request under way is cancelled, or, graceful, awaited (for at most the
// fetch timeout).
func (p *partition) stop(graceful bool) {
	if p.sub != nil {
		_ = p.sub.Unsubscribe()
	}
	p.mu.Lock()
	p.closing = true
	p.mu.Unlock()
	close(p.halt)
	if graceful {
		p.mu.Lock()
		lanes := make([]*lane, 0, len(p.lanes))
		for _, l := range p.lanes {
			lanes = append(lanes, l)
		}
		p.mu.Unlock()
		for _, l := range lanes {
			l.stopping.Store(true)
			l.poke()
		}
		done := make(chan struct{})
		go func() { p.wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(45 * time.Second):
		}
	}
	p.cancel()
	p.wg.Wait()
}

// lane returns the lane of the host with key, starting it if need be.
// host may be "" when only the key is known (a job's subject); the lane
// learns the name from its first feed or job.
func (p *partition) lane(key, host string) *lane {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.lanes[key]
	if !ok {
		l = newLane(p, key, host)
		p.lanes[key] = l
		if p.ctx.Err() == nil && !p.closing {
			p.wg.Go(func() { l.run(p.ctx) })
		}
	}
	return l
}

// setFeed adds, changes or (f nil) removes one of the partition's feeds.
func (p *partition) setFeed(key, host string, f *defwatch.Feed) {
	l := p.lane(hostKey(host), host)
	l.setFeed(key, f)
}

// feedStates counts the partition's feeds by state, for the metrics.
func (p *partition) feedStates(into map[string]int) {
	p.mu.Lock()
	lanes := make([]*lane, 0, len(p.lanes))
	for _, l := range p.lanes {
		lanes = append(lanes, l)
	}
	p.mu.Unlock()
	for _, l := range lanes {
		l.mu.Lock()
		for _, fe := range l.feeds {
			h := defwatch.FeedHealth{}
			if fe.state != nil {
				h = fe.state.FeedHealth
			}
			into[defwatch.StateOf(fe.feed, h)]++
		}
		into["retrying_pages"] += len(l.queued)
		l.mu.Unlock()
	}
}

// feedEntry is one feed of a lane.
type feedEntry struct {
	key   string
	feed  defwatch.Feed
	state *feedset.State // nil until read from the bucket
	next  time.Time
}
