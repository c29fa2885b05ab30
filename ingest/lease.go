package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"hash/fnv"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// leases keeps this process's share of the partitions. Every process
// writes a heartbeat (w.<id>) and holds partitions as keys p.<n> in a
// bucket whose entries expire LeaseTime after their last write.
//
// Two loops share the work. The renewing loop, four times per LeaseTime,
// writes the heartbeat and renews every lease held (compare-and-set on its
// revision, so a lease taken by another is noticed); it does nothing else,
// so no slow step can let a lease lapse. The balancing loop, three times
// per LeaseTime, counts the live processes, hands back partitions beyond a
// fair share (after their lanes finish the request in hand) and takes free
// ones up to it. A process that dies stops renewing; its keys expire and
// the others take its partitions in their next round.
type leases struct {
	w   *Worker
	kv  jetstream.KeyValue
	id  string
	log *slog.Logger
	ttl time.Duration

	mu   sync.Mutex
	held map[int]*lease
}

type lease struct {
	rev       uint64
	confirmed time.Time // when the server last took our renewal
	releasing bool      // being handed back: renewed until its lanes are done
}

type heartbeat struct {
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
}

func (l *leases) run(ctx context.Context) error {
	l.held = map[int]*lease{}
	l.ttl = 15 * time.Second
	if st, err := l.kv.Status(ctx); err == nil && st.TTL() > 0 {
		l.ttl = st.TTL()
	}
	host, _ := os.Hostname()
	hb, _ := json.Marshal(heartbeat{Host: host, PID: os.Getpid(), Started: time.Now().UTC()})
	// The heartbeat goes first, so the first balancing round counts us.
	if _, err := l.kv.Put(ctx, "w."+l.id, hb); err != nil && ctx.Err() == nil {
		l.log.Warn("ingest heartbeat failed", "err", err)
	}
	var wg sync.WaitGroup
	wg.Go(func() { l.renewing(ctx, hb) })
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			wg.Wait()
			l.releaseAll()
			return nil
		case <-t.C:
		}
		rctx, cancel := context.WithTimeout(ctx, l.ttl/3)
		l.balance(rctx)
		cancel()
		t.Reset(l.ttl / 3)
	}
}

func (l *leases) renewing(ctx context.Context, hb []byte) {
	tick := time.NewTicker(l.ttl / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		rctx, cancel := context.WithTimeout(ctx, l.ttl/3)
		l.renew(rctx, hb)
		cancel()
	}
}

func (l *leases) renew(ctx context.Context, hb []byte) {
	if _, err := l.kv.Put(ctx, "w."+l.id, hb); err != nil && ctx.Err() == nil {
		l.log.Warn("ingest heartbeat failed", "err", err)
	}
	l.mu.Lock()
	held := make(map[int]uint64, len(l.held))
	for p, ls := range l.held {
		held[p] = ls.rev
	}
	l.mu.Unlock()
	// All at once: one round trip, however many partitions are held.
	var wg sync.WaitGroup
	var lost []int
	for p, rev := range held {
		wg.Go(func() {
			nrev, err := l.kv.Update(ctx, leaseKey(p), []byte(l.id), rev)
			if errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
				// An earlier renewal may have gone through after its caller
				// stopped waiting: the lease is still ours if it says so.
				if e, gerr := l.kv.Get(ctx, leaseKey(p)); gerr == nil && string(e.Value()) == l.id {
					nrev, err = e.Revision(), nil
				}
			}
			l.mu.Lock()
			defer l.mu.Unlock()
			ls := l.held[p]
			switch {
			case ls == nil || ls.rev != rev:
				// Handed back meanwhile.
			case err == nil:
				ls.rev, ls.confirmed = nrev, time.Now()
			case errors.Is(err, jetstream.ErrKeyRevisionMismatch), errors.Is(err, jetstream.ErrKeyNotFound), errors.Is(err, jetstream.ErrKeyDeleted):
				delete(l.held, p)
				lost = append(lost, p)
			}
		})
	}
	wg.Wait()
	for _, p := range lost {
		l.log.Warn("partition lease lost; another process may hold it now", "partition", p)
		l.w.stopPartition(p, false)
	}
	// A lease unconfirmed for most of the lease time may be taken by
	// another process soon: its work stops first.
	var stale []int
	l.mu.Lock()
	for p, ls := range l.held {
		if time.Since(ls.confirmed) > l.ttl*2/3 {
			stale = append(stale, p)
			delete(l.held, p)
		}
	}
	l.mu.Unlock()
	if len(stale) > 0 {
		l.log.Error("cannot renew partition leases; their work stops until NATS answers", "partitions", len(stale))
		for _, p := range stale {
			l.w.stopPartition(p, false)
		}
	}
}

func (l *leases) balance(ctx context.Context) {
	workers, taken, err := l.survey(ctx)
	if err != nil {
		if ctx.Err() == nil {
			l.log.Warn("cannot list ingest leases", "err", err)
		}
		return
	}
	if !slices.Contains(workers, l.id) {
		workers = append(workers, l.id)
		slices.Sort(workers)
	}
	share := fairShare(workers, l.id)
	l.mu.Lock()
	var mine []int
	for p, ls := range l.held {
		if !ls.releasing {
			mine = append(mine, p)
		}
	}
	l.mu.Unlock()
	slices.Sort(mine)
	// Hand back the partitions beyond our share, so a process that joined
	// gets its part.
	if extra := len(mine) - share; extra > 0 {
		for _, p := range mine[len(mine)-extra:] {
			l.release(p)
		}
		return
	}
	// Take free partitions up to the share, starting at a place of our
	// own so processes starting together do not all try the same ones.
	start := int(hashString(l.id) % Partitions)
	have := len(mine)
	for i := 0; i < Partitions && have < share; i++ {
		p := (start + i) % Partitions
		l.mu.Lock()
		_, ours := l.held[p]
		l.mu.Unlock()
		if ours || taken[p] {
			continue
		}
		rev, err := l.kv.Create(ctx, leaseKey(p), []byte(l.id))
		if err != nil {
			continue // another process was quicker
		}
		l.mu.Lock()
		l.held[p] = &lease{rev: rev, confirmed: time.Now()}
		l.mu.Unlock()
		have++
		l.w.startPartition(p)
	}
}

// release hands partition p back once its lanes have finished the request
// in hand; the lease is renewed until then.
func (l *leases) release(p int) {
	l.mu.Lock()
	ls := l.held[p]
	if ls == nil || ls.releasing {
		l.mu.Unlock()
		return
	}
	ls.releasing = true
	l.mu.Unlock()
	go func() {
		l.w.stopPartition(p, true)
		l.mu.Lock()
		ls := l.held[p]
		delete(l.held, p)
		l.mu.Unlock()
		if ls != nil {
			ctx, cancel := context.WithTimeout(context.Background(), l.ttl)
			defer cancel()
			if err := l.kv.Delete(ctx, leaseKey(p), jetstream.LastRevision(ls.rev)); err != nil {
				l.log.Debug("hand back partition", "partition", p, "err", err)
			}
		}
	}()
}

// survey lists the live processes and the partitions someone holds.
func (l *leases) survey(ctx context.Context) ([]string, map[int]bool, error) {
	lister, err := l.kv.ListKeys(ctx)
	if err != nil {
		if errors.Is(err, jetstream.ErrNoKeysFound) {
			return nil, map[int]bool{}, nil
		}
		return nil, nil, err
	}
	defer func() { _ = lister.Stop() }()
	var workers []string
	taken := map[int]bool{}
	for k := range lister.Keys() {
		switch {
		case strings.HasPrefix(k, "w."):
			workers = append(workers, k[2:])
		case strings.HasPrefix(k, "p."):
			if n, err := strconv.Atoi(k[2:]); err == nil {
				taken[n] = true
			}
		}
	}
	slices.Sort(workers)
	return workers, taken, nil
}

// fairShare is how many partitions id should hold among workers (sorted):
// the same split in every process that sees the same workers.
func fairShare(workers []string, id string) int {
	n := len(workers)
	i := slices.Index(workers, id)
	share := Partitions / n
	if i < Partitions%n {
		share++
	}
	return share
}

// releaseAll stops every partition and gives its lease back, on an orderly
// shutdown.
func (l *leases) releaseAll() {
	l.mu.Lock()
	held := l.held
	l.held = map[int]*lease{}
	l.mu.Unlock()
	var wg sync.WaitGroup
	for p := range held {
		wg.Go(func() { l.w.stopPartition(p, true) })
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for p, ls := range held {
		_ = l.kv.Delete(ctx, leaseKey(p), jetstream.LastRevision(ls.rev))
	}
	_ = l.kv.Delete(ctx, "w."+l.id)
}

func leaseKey(p int) string { return "p." + strconv.Itoa(p) }

func hashString(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
