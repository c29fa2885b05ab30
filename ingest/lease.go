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
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// leases keeps this process's share of the partitions. Every process
// writes a heartbeat (w.<id>) and holds partitions as keys p.<n> in a
// bucket whose entries expire LeaseTime after their last write. A round,
// three times per LeaseTime, renews what is held (compare-and-set on the
// revision, so a lease taken by another is noticed), counts the live
// processes, gives back partitions beyond a fair share, and takes free
// ones up to it. A process that dies stops renewing; its keys expire and
// the others take its partitions in their next round.
type leases struct {
	w    *Worker
	kv   jetstream.KeyValue
	id   string
	log  *slog.Logger
	ttl  time.Duration
	held map[int]uint64 // partition → revision of our lease
	// renewed is when every lease was last confirmed; past ttl*2/3 of
	// silence (NATS unreachable) the work stops, before another process
	// may take it.
	renewed time.Time
}

type heartbeat struct {
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Held    int       `json:"held"`
}

func (l *leases) run(ctx context.Context) error {
	l.held = map[int]uint64{}
	l.ttl = 15 * time.Second
	if st, err := l.kv.Status(ctx); err == nil && st.TTL() > 0 {
		l.ttl = st.TTL()
	}
	tick := l.ttl / 3
	host, _ := os.Hostname()
	hb := heartbeat{Host: host, PID: os.Getpid(), Started: time.Now().UTC()}
	l.renewed = time.Now()
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			l.releaseAll()
			return nil
		case <-t.C:
		}
		rctx, cancel := context.WithTimeout(ctx, tick)
		hb.Held = len(l.held)
		l.round(rctx, hb)
		cancel()
		t.Reset(tick)
	}
}

func (l *leases) round(ctx context.Context, hb heartbeat) {
	data, _ := json.Marshal(hb)
	if _, err := l.kv.Put(ctx, "w."+l.id, data); err != nil {
		l.log.Warn("ingest heartbeat failed", "err", err)
	}
	ok := true
	for p, rev := range l.held {
		nrev, err := l.kv.Update(ctx, leaseKey(p), []byte(l.id), rev)
		switch {
		case err == nil:
			l.held[p] = nrev
		case errors.Is(err, jetstream.ErrKeyRevisionMismatch), errors.Is(err, jetstream.ErrKeyNotFound), errors.Is(err, jetstream.ErrKeyDeleted):
			l.log.Warn("partition lease lost; another process holds it now", "partition", p)
			l.w.stopPartition(p)
			delete(l.held, p)
		default:
			ok = false
		}
	}
	if ok {
		l.renewed = time.Now()
	} else if time.Since(l.renewed) > l.ttl*2/3 && len(l.held) > 0 {
		// Unconfirmed for most of the lease time: another process may take
		// the partitions soon, so this one stops first.
		l.log.Error("cannot renew partition leases; stopping their work until NATS answers", "partitions", len(l.held))
		for p := range l.held {
			l.w.stopPartition(p)
		}
		clear(l.held)
	}

	workers, taken, err := l.survey(ctx)
	if err != nil {
		l.log.Warn("cannot list ingest leases", "err", err)
		return
	}
	if !slices.Contains(workers, l.id) {
		workers = append(workers, l.id)
		slices.Sort(workers)
	}
	share := fairShare(workers, l.id)
	// Give back the partitions beyond our share, so a process that
	// joined gets its part.
	if extra := len(l.held) - share; extra > 0 {
		mine := make([]int, 0, len(l.held))
		for p := range l.held {
			mine = append(mine, p)
		}
		slices.Sort(mine)
		for _, p := range mine[len(mine)-extra:] {
			l.w.stopPartition(p)
			if err := l.kv.Delete(ctx, leaseKey(p), jetstream.LastRevision(l.held[p])); err != nil {
				l.log.Debug("give back partition", "partition", p, "err", err)
			}
			delete(l.held, p)
		}
	}
	// Take free partitions up to the share, starting at a place of our
	// own so processes starting together do not all try the same ones.
	start := int(hashString(l.id) % Partitions)
	for i := 0; i < Partitions && len(l.held) < share; i++ {
		p := (start + i) % Partitions
		if _, ok := l.held[p]; ok || taken[p] {
			continue
		}
		rev, err := l.kv.Create(ctx, leaseKey(p), []byte(l.id))
		if err != nil {
			continue // another process was quicker
		}
		l.held[p] = rev
		l.w.startPartition(p)
	}
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
	for p := range l.held {
		l.w.stopPartition(p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for p, rev := range l.held {
		_ = l.kv.Delete(ctx, leaseKey(p), jetstream.LastRevision(rev))
	}
	_ = l.kv.Delete(ctx, "w."+l.id)
	clear(l.held)
}

func leaseKey(p int) string { return "p." + strconv.Itoa(p) }

func hashString(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
