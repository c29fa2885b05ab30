package ingest

import (
	"container/heap"
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// lane does everything this process asks of one host, one request at a
// time and at most one per delay: the host's feed polls, due when their
// schedule says, before its article pages, taken from the host's subject
// of the fetch stream in order, with failed ones tried again when their
// backoff ends. Lanes of different hosts never wait for each other.
type lane struct {
	p       *partition
	key     string
	subject string
	wake    chan struct{}
	// stopping asks the lane to end after the task in hand.
	stopping atomic.Bool

	mu    sync.Mutex
	host  string
	feeds map[string]*feedEntry
	gen   uint64 // bumped by every notice of a new job
	// lookAt, when set, is when the lane reads its subject again though no
	// notice came: a notice that outran the job it announces, or the
	// partition's sweep.
	lookAt time.Time
	// queued holds the jobs waiting for their retry time, by sequence.
	queued map[uint64]time.Time

	// Owned by the lane's goroutine.
	seenGen   uint64
	more      bool   // the last read found a job: there may be more
	owed      uint64 // notices not yet matched by a job read
	looks     int    // reads again since a job was last found
	cursor    uint64 // the next stream sequence to read new jobs from
	pending   *job   // the next new job, read and waiting for its turn
	retries   retryHeap
	lastStart time.Time
	lastEnd   time.Time
	robots    map[string]*robotsEntry // by origin
}

func newLane(p *partition, key, host string) *lane {
	return &lane{p: p, key: key, host: host, wake: make(chan struct{}, 1),
		subject: p.prefix() + "." + key, feeds: map[string]*feedEntry{},
		queued: map[uint64]time.Time{}, cursor: 1, robots: map[string]*robotsEntry{}}
}

// notify says a job was published on the lane's subject.
func (l *lane) notify() {
	l.mu.Lock()
	l.gen++
	l.mu.Unlock()
	l.poke()
}

// lookAgain has the lane read its subject at the given time even without
// a new notice.
func (l *lane) lookAgain(at time.Time) {
	l.mu.Lock()
	if l.lookAt.IsZero() || at.Before(l.lookAt) {
		l.lookAt = at
	}
	l.mu.Unlock()
	l.poke()
}

func (l *lane) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *lane) setFeed(key string, f *defwatch.Feed) {
	l.mu.Lock()
	if f == nil {
		delete(l.feeds, key)
	} else {
		if l.host == "" {
			l.host = hostOf(f.URL)
		}
		fe, ok := l.feeds[key]
		if !ok {
			l.feeds[key] = &feedEntry{key: key, feed: *f}
		} else {
			was := fe.feed
			fe.feed = *f
			// A changed interval or a feed enabled again applies now, not
			// at the time the old setting chose.
			if fe.state != nil && (was.Disabled && !f.Disabled || was.Interval != f.Interval) {
				due := time.Now()
				if !was.Disabled && f.Interval > 0 && !fe.state.LastPoll.IsZero() {
					due = fe.state.LastPoll.Add(time.Duration(f.Interval))
				}
				if due.Before(fe.next) {
					fe.next = due
				}
			}
		}
	}
	l.mu.Unlock()
	l.poke()
}

// delay is the least time between two requests to the host.
func (l *lane) delay() time.Duration {
	d := l.p.w.cfg.HostDelay
	for _, r := range l.robots {
		d = max(d, r.crawlDelay)
	}
	return d
}

// gate is when the next request may start: one delay after the last one
// ended. Counting from its end rather than its start costs a response's
// time per request, but it is the only way the host can never see two
// requests closer than the delay: the host may take the previous request
// in at any moment until it answers.
func (l *lane) gate() time.Time {
	last := l.lastStart
	if l.lastEnd.After(last) {
		last = l.lastEnd
	}
	return last.Add(l.delay())
}

// get makes one request to the host, waiting for the gate first.
func (l *lane) get(ctx context.Context, r Request) (*Response, error) {
	if err := sleepUntil(ctx, l.gate()); err != nil {
		return nil, err
	}
	select {
	case l.p.w.reqSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-l.p.w.reqSlots }()
	r.Pace = l.delay()
	l.lastStart = time.Now()
	resp, err := l.p.w.fetch.Do(ctx, r)
	l.lastEnd = time.Now()
	return resp, err
}

func (l *lane) run(ctx context.Context) {
	// The host's previous lane, in this process or another, may have just
	// made a request.
	l.lastStart = time.Now()
	for ctx.Err() == nil && !l.stopping.Load() {
		l.readAhead(ctx)
		task, at := l.next()
		l.mu.Lock()
		look := l.lookAt
		l.mu.Unlock()
		if task == nil || time.Until(at) > 0 {
			var timer *time.Timer
			var fire <-chan time.Time
			wake := at
			if !look.IsZero() && (task == nil || look.Before(at)) {
				wake = look
			}
			if task != nil || !look.IsZero() {
				timer = time.NewTimer(time.Until(wake))
				fire = timer.C
			}
			select {
			case <-ctx.Done():
			case <-l.wake:
			case <-fire:
			}
			if timer != nil {
				timer.Stop()
			}
			continue
		}
		task(ctx)
	}
}

// lookWaits are the waits before the lane reads its subject again when a
// notice named a job the stream did not yet give: the notice reaches
// subscribers while the stream may still be storing the job. After the
// last, the partition's sweep finds what is left.
var lookWaits = [...]time.Duration{25 * time.Millisecond, 100 * time.Millisecond, 400 * time.Millisecond,
	1600 * time.Millisecond, 6400 * time.Millisecond}

// readAhead reads the next new job from the stream, if none is in hand,
// skipping those already done and setting aside retries not yet due.
// None of this asks the host anything, so it needs no gate.
func (l *lane) readAhead(ctx context.Context) {
	if l.pending != nil {
		return
	}
	l.mu.Lock()
	gen := l.gen
	look := !l.lookAt.IsZero() && !time.Now().Before(l.lookAt)
	if look {
		l.lookAt = time.Time{}
	}
	l.mu.Unlock()
	if gen == l.seenGen && !look && !l.more {
		return
	}
	l.owed += gen - l.seenGen
	l.seenGen = gen
	l.more = true
	for l.pending == nil && ctx.Err() == nil {
		msg, err := l.p.w.jobs.GetMsg(ctx, l.cursor, jetstream.WithGetMsgSubject(l.subject))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			l.more = false
			// A notice whose job is not in the stream yet: it reaches
			// subscribers while the stream may still be storing the job.
			// (Or the job was deleted as a duplicate: reading again costs
			// one request.)
			if l.owed == 0 || l.looks == len(lookWaits) {
				l.owed, l.looks = 0, 0
				return
			}
			l.lookAgain(time.Now().Add(lookWaits[l.looks]))
			l.looks++
			return
		}
		if err != nil {
			if ctx.Err() == nil {
				l.p.w.log.Warn("read page fetch queue", "host", l.host, "err", err)
				l.lookAgain(time.Now().Add(time.Second))
			}
			return
		}
		l.cursor = msg.Sequence + 1
		l.owed = max(l.owed, 1) - 1
		l.looks = 0
		j, err := readJob(msg)
		if err != nil {
			l.p.w.log.Error("dropping unreadable page fetch", "seq", msg.Sequence, "err", err)
			l.p.w.deleteJob(ctx, msg.Sequence)
			continue
		}
		if l.host == "" {
			l.mu.Lock()
			l.host = hostOf(j.URL)
			l.mu.Unlock()
		}
		if time.Until(j.NotBefore) > 0 {
			l.queue(j.seq, j.NotBefore)
			continue
		}
		l.mu.Lock()
		_, queued := l.queued[j.seq]
		l.mu.Unlock()
		if queued {
			continue
		}
		ok, later := l.p.w.claimOr(ctx, j)
		switch {
		case ok:
			l.pending = j
		case later && ctx.Err() == nil:
			l.queue(j.seq, time.Now().Add(10*time.Second))
		}
	}
}

func (l *lane) queue(seq uint64, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.queued[seq]; ok {
		return
	}
	l.queued[seq] = at
	heap.Push(&l.retries, retryAt{seq, at})
}

func (l *lane) unqueue(seq uint64) {
	l.mu.Lock()
	delete(l.queued, seq)
	l.mu.Unlock()
}

// next picks the lane's next task and when it may run: a due feed first,
// then a page whose retry time came, then the next new page.
func (l *lane) next() (func(context.Context), time.Time) {
	l.mu.Lock()
	var fe *feedEntry
	var feedDue time.Time
	for _, e := range l.feeds {
		if e.feed.Disabled {
			continue
		}
		if fe == nil || e.next.Before(feedDue) {
			fe, feedDue = e, e.next
		}
	}
	l.mu.Unlock()
	gate := l.gate()
	now := time.Now()
	type cand struct {
		due  time.Time
		task func(context.Context)
	}
	var best *cand
	consider := func(due time.Time, task func(context.Context)) {
		if due.Before(gate) {
			due = gate
		}
		if best == nil || due.Before(best.due) {
			best = &cand{due, task}
		}
	}
	if fe != nil {
		consider(feedDue, func(ctx context.Context) { l.p.w.pollFeed(ctx, l, fe) })
	}
	if len(l.retries) > 0 {
		r := l.retries[0]
		consider(r.at, func(ctx context.Context) {
			heap.Pop(&l.retries)
			l.p.w.retryJob(ctx, l, r.seq)
		})
	}
	if l.pending != nil {
		j := l.pending
		consider(now, func(ctx context.Context) {
			l.pending = nil
			l.p.w.fetchPage(ctx, l, j)
		})
	}
	if best == nil {
		return nil, time.Time{}
	}
	return best.task, best.due
}

func sleepUntil(ctx context.Context, at time.Time) error {
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

type retryAt struct {
	seq uint64
	at  time.Time
}

type retryHeap []retryAt

func (h retryHeap) Len() int           { return len(h) }
func (h retryHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h retryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *retryHeap) Push(x any)        { *h = append(*h, x.(retryAt)) }
func (h *retryHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
