package index

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"time"
)

// ErrBusy: the index is running as many searches as it may and its queue
// is full, so this one was turned away at once rather than left to time
// out with everyone else's. Callers answer 503 with Retry-After.
var ErrBusy = errors.New("index: too many searches at once; try again in a second")

// SearchTimeout is how long a search may take, from its arrival at any
// entry point (HTTP, the web page, NATS) to its answer.
const SearchTimeout = 10 * time.Second

// RetryAfter is what a busy index asks callers to wait before trying again.
const RetryAfter = time.Second

// gate bounds the searches running at once. Searching is CPU work: past
// about one search per core, more at once only makes each slower, and
// under a flood every one of them would reach its deadline and answer
// nothing. A few wait in a short queue; the rest are shed.
type gate struct {
	slots   chan struct{}
	queued  atomic.Int64
	queue   int
	maxWait time.Duration
}

// SearchLimits bound the searches an index runs at once.
type SearchLimits struct {
	// Concurrent is how many searches run at once (default: one per
	// core, at least two).
	Concurrent int
	// Queue is how many more may wait for a turn (default: twice
	// Concurrent); past it a search fails with ErrBusy at once.
	Queue int
	// MaxWait is the longest a search waits in the queue (default 2s).
	MaxWait time.Duration
}

func (l SearchLimits) withDefaults() SearchLimits {
	if l.Concurrent <= 0 {
		l.Concurrent = max(2, runtime.GOMAXPROCS(0))
	}
	if l.Queue < 0 {
		l.Queue = 0
	} else if l.Queue == 0 {
		l.Queue = 2 * l.Concurrent
	}
	if l.MaxWait <= 0 {
		l.MaxWait = 2 * time.Second
	}
	return l
}

func newGate(l SearchLimits) *gate {
	l = l.withDefaults()
	return &gate{slots: make(chan struct{}, l.Concurrent), queue: l.Queue, maxWait: l.MaxWait}
}

// enter waits for a turn; the caller calls release when done.
func (g *gate) enter(ctx context.Context) (release func(), err error) {
	release = func() { <-g.slots }
	select {
	case g.slots <- struct{}{}:
		return release, nil
	default:
	}
	if g.queued.Add(1) > int64(g.queue) {
		g.queued.Add(-1)
		return nil, ErrBusy
	}
	defer g.queued.Add(-1)
	t := time.NewTimer(g.maxWait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
