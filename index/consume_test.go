package index

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// fakeMsg is an articles-stream message that remembers what was done to it.
type fakeMsg struct {
	jetstream.Msg // the methods the indexer does not call panic
	data          []byte
	seq           uint64

	mu           sync.Mutex
	acks, naks   int
	terminations int
}

func (m *fakeMsg) Data() []byte         { return m.data }
func (m *fakeMsg) Subject() string      { return defwatch.ArticleSubject("en") }
func (m *fakeMsg) Headers() nats.Header { return nil }
func (m *fakeMsg) Metadata() (*jetstream.MsgMetadata, error) {
	return &jetstream.MsgMetadata{Sequence: jetstream.SequencePair{Stream: m.seq}, NumDelivered: 1}, nil
}
func (m *fakeMsg) Ack() error { m.mu.Lock(); m.acks++; m.mu.Unlock(); return nil }
func (m *fakeMsg) NakWithDelay(time.Duration) error {
	m.mu.Lock()
	m.naks++
	m.mu.Unlock()
	return nil
}
func (m *fakeMsg) Term() error { m.mu.Lock(); m.terminations++; m.mu.Unlock(); return nil }

// TestIndexerCommitsByShard drives the index stage's buffers with batches
// of a backfill: each shard is committed when it has a full batch, the
// fullest when too many wait, news at once, and all when the stream is
// idle; batches are finished (OnCommit, then acks) whole and in order.
func TestIndexerCommitsByShard(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	var heard [][]uint64
	ix := &Indexer{idx: idx, log: slog.New(slog.DiscardHandler), bufs: map[string]*shardBuf{},
		cfg: IndexerConfig{BatchSize: 100, FlushAfter: 250 * time.Millisecond, BackfillAfter: time.Minute, MaxBuffered: 150,
			OnCommit: func(_ context.Context, batch []Committed) error {
				var seqs []uint64
				for _, c := range batch {
					seqs = append(seqs, c.Seq)
				}
				heard = append(heard, seqs)
				return nil
			}}}
	var all []*fakeMsg
	fetch := func(months ...string) []jetstream.Msg {
		var out []jetstream.Msg
		for _, m := range months {
			seq := uint64(len(all) + 1)
			a := defwatch.Article{ID: fmt.Sprintf("a%03d", seq), Text: "Troops at the border.", Lang: "en"}
			if m == "now" {
				a.Published = time.Now().UTC()
			} else {
				a.Published = fixtureMonth(t, m).Add(time.Duration(seq) * time.Hour)
			}
			data, err := json.Marshal(&a)
			if err != nil {
				t.Fatal(err)
			}
			msg := &fakeMsg{data: data, seq: seq}
			all = append(all, msg)
			out = append(out, msg)
		}
		return out
	}
	finish := make(chan done, 100)
	step := func(msgs []jetstream.Msg, now time.Time, idle bool) {
		t.Helper()
		if len(msgs) > 0 {
			ix.add(msgs)
		}
		ix.flush(now, idle, finish)
		for len(finish) > 0 {
			ix.finish(context.Background(), <-finish)
		}
	}
	count := func(want uint64) {
		t.Helper()
		if n, err := idx.Count(); err != nil || n != want {
			t.Fatalf("%d articles committed (%v), want %d", n, err, want)
		}
	}
	repeat := func(month string, n int) []string { return slices.Repeat([]string{month}, n) }
	var seqs [][]uint64
	batch := func(msgs []jetstream.Msg) []jetstream.Msg {
		var s []uint64
		for _, m := range msgs {
			s = append(s, m.(*fakeMsg).seq)
		}
		seqs = append(seqs, s)
		return msgs
	}

	// A backfill's batch, its months mixed: it waits.
	step(batch(fetch(slices.Concat(repeat("2024-01", 20), repeat("2024-02", 20), repeat("2024-03", 20))...)), time.Now(), false)
	count(0)
	// February fills a batch: February alone is committed.
	step(batch(fetch(repeat("2024-02", 90)...)), time.Now(), false)
	count(110)
	// Too many wait: the fullest month goes.
	step(batch(fetch(slices.Concat(repeat("2024-01", 40), repeat("2024-03", 30), repeat("2024-04", 40), repeat("2024-02", 10))...)), time.Now(), false)
	count(170)
	if len(heard) != 0 {
		t.Fatalf("batches finished before all their articles were committed: %v", heard)
	}
	// News does not wait, nor does what waited BackfillAfter.
	step(batch(fetch("now")), time.Now().Add(time.Second), false)
	count(171)
	step(nil, time.Now().Add(2*time.Minute), false)
	count(uint64(len(all)))
	if !slices.EqualFunc(heard, seqs, slices.Equal) {
		t.Errorf("OnCommit heard %v, want the batches in order %v", heard, seqs)
	}
	for _, m := range all {
		if m.acks != 1 || m.naks != 0 {
			t.Errorf("message %d: %d acks, %d naks", m.seq, m.acks, m.naks)
		}
	}

	// An idle stream commits whatever waits.
	heard, seqs = nil, nil
	step(batch(fetch(repeat("2023-06", 5)...)), time.Now(), false)
	count(uint64(len(all) - 5))
	step(nil, time.Now(), true)
	count(uint64(len(all)))
	if len(heard) != 1 || len(heard[0]) != 5 {
		t.Errorf("after idle: heard %v", heard)
	}
}

func fixtureMonth(t *testing.T, m string) time.Time {
	t.Helper()
	ts, err := time.Parse("2006-01", m)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}
