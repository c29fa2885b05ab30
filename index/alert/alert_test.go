package alert

import (
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// TestAlertResumesPendingClaim covers a stage that stopped between
// claiming an alert and storing it: the article's redelivery sends the
// alert; a claim marked sent, or a first delivery that finds a claim,
// sends nothing.
func TestAlertResumesPendingClaim(t *testing.T) {
	nc, js := testJetStream(t)
	ctx := context.Background()
	rules, err := js.KeyValue(ctx, defwatch.KVRules)
	if err != nil {
		t.Fatal(err)
	}
	rule, _ := json.Marshal(defwatch.Rule{Query: "nation:UA troops:>=1000"})
	if _, err := rules.Put(ctx, "ua", rule); err != nil {
		t.Fatal(err)
	}
	al, err := New(ctx, nc, js, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	idx, err := index.Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	indexed, err := idx.Put(fixture.Articles()[:1])
	if err != nil {
		t.Fatal(err)
	}
	it := indexed[0]
	got := make(chan *nats.Msg, 10)
	if _, err := nc.ChanSubscribe(defwatch.SubjectAlerts+".>", got); err != nil {
		t.Fatal(err)
	}
	alerted, err := js.KeyValue(ctx, defwatch.KVAlerted)
	if err != nil {
		t.Fatal(err)
	}
	key := alertedKey("ua", it.Story)
	count := func() int {
		nc.Flush()
		time.Sleep(100 * time.Millisecond)
		return len(got)
	}

	// A pending claim and a first delivery: another replica is sending it.
	if _, err := alerted.Create(ctx, key, []byte(claimPending)); err != nil {
		t.Fatal(err)
	}
	if err := al.OnCommit(ctx, []index.Committed{{Indexed: it, Seq: 1}}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("%d alerts for a story claimed elsewhere", n)
	}
	// The redelivery of an article whose alert stayed pending sends it,
	// and marks the claim sent.
	al.seen = keyMemory{max: 10}
	if err := al.OnCommit(ctx, []index.Committed{{Indexed: it, Seq: 1, Redelivered: true}}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d alerts after the redelivery, want 1", n)
	}
	if e, err := alerted.Get(ctx, key); err != nil || string(e.Value()) != claimSent {
		t.Errorf("claim after sending: %v %q", err, e.Value())
	}
	// Once sent, a further redelivery sends nothing.
	al.seen = keyMemory{max: 10}
	if err := al.OnCommit(ctx, []index.Committed{{Indexed: it, Seq: 1, Redelivered: true}}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("%d alerts after a second redelivery, want still 1", n)
	}
}

// TestAnnouncedAfterAStopBetweenCommitAndAnnouncement: a stage that
// committed an article and stopped before announcing it leaves an article
// that is no longer new to the index; its redelivery announces it, once.
func TestAnnouncedAfterAStopBetweenCommitAndAnnouncement(t *testing.T) {
	ctx := context.Background()
	nc, js, al, idx := newAnnouncer(t)
	if _, err := idx.Put(fixture.Articles()[:2]); err != nil {
		t.Fatal(err)
	}
	// The redelivery finds both in the index already.
	again, err := idx.Put(fixture.Articles()[:2])
	if err != nil {
		t.Fatal(err)
	}
	if again[0].New || again[1].New {
		t.Fatal("a second Put calls the articles new")
	}
	announced := announcedSince(t, nc)
	alerted, err := js.KeyValue(ctx, defwatch.KVAlerted)
	if err != nil {
		t.Fatal(err)
	}
	// The second article's earlier try claimed its announcement and
	// stopped before sending it.
	if _, err := alerted.Create(ctx, announcedKey(again[1].Article.ID), []byte(claimPending)); err != nil {
		t.Fatal(err)
	}

	batch := []index.Committed{{Indexed: again[0], Seq: 1, Redelivered: true}, {Indexed: again[1], Seq: 2, Redelivered: true}}
	if err := al.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if ids := announced(); len(ids) != 2 || ids[0] != "seed" || ids[1] != "copy" {
		t.Errorf("after the redelivery: announced %v, want [seed copy]", ids)
	}
	for _, it := range again {
		if e, err := alerted.Get(ctx, announcedKey(it.Article.ID)); err != nil || string(e.Value()) != claimSent {
			t.Errorf("%s: claim %v %q, want sent", it.Article.ID, err, e.Value())
		}
	}
	// Delivered yet again, or re-extracted: nothing more.
	if err := al.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	batch[0].Redelivered, batch[1].Redelivered = false, false
	if err := al.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if ids := announced(); len(ids) != 0 {
		t.Errorf("announced again: %v", ids)
	}
}

// TestAnnouncedOnceWhenSettlingFails: a batch whose announcements went out
// and whose claims stayed pending (the server away while they were
// settled), then retried because a later step failed, is not announced
// again by the process that announced it. Another process, which cannot
// know, still announces a pending claim's article on its redelivery.
func TestAnnouncedOnceWhenSettlingFails(t *testing.T) {
	ctx := context.Background()
	nc, js, al, idx := newAnnouncer(t)
	indexed, err := idx.Put(fixture.Articles()[:1])
	if err != nil {
		t.Fatal(err)
	}
	since := announcedSince(t, nc)
	announced := func() int { return len(since()) }
	alerted, err := js.KeyValue(ctx, defwatch.KVAlerted)
	if err != nil {
		t.Fatal(err)
	}
	key := announcedKey(indexed[0].Article.ID)
	batch := []index.Committed{{Indexed: indexed[0], Seq: 1}}
	if err := al.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := announced(); n != 1 {
		t.Fatalf("%d announcements of a new article, want 1", n)
	}
	// Its claim stayed pending, and the batch comes again.
	if _, err := alerted.Put(ctx, key, []byte(claimPending)); err != nil {
		t.Fatal(err)
	}
	batch[0].Redelivered = true
	if err := al.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := announced(); n != 0 {
		t.Errorf("%d announcements by the same process on the retry, want none", n)
	}
	// Another process finds the claim pending and announces it.
	other, err := New(ctx, nc, js, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.OnCommit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := announced(); n != 1 {
		t.Errorf("%d announcements by another process of a pending claim, want 1", n)
	}
}

// newAnnouncer is an alerter on a JetStream server of its own, and an
// index to commit articles to, closed when the test ends.
func newAnnouncer(t *testing.T) (*nats.Conn, jetstream.JetStream, *Alerter, *index.Index) {
	t.Helper()
	nc, js := testJetStream(t)
	al, err := New(context.Background(), nc, js, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	idx, err := index.Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return nc, js, al, idx
}

// announcedSince subscribes to the announcements and returns a function
// that gives the ids announced since its last call: a marker published
// after them on the same connection comes after them.
func announcedSince(t *testing.T, nc *nats.Conn) func() []string {
	t.Helper()
	sub, err := nc.SubscribeSync(defwatch.SubjectIndexed)
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		t.Helper()
		if err := nc.Publish(defwatch.SubjectIndexed, []byte(`{"id": "marker"}`)); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for {
			m, err := sub.NextMsg(10 * time.Second)
			if err != nil {
				t.Fatalf("the marker never came: %v", err)
			}
			var s defwatch.Summary
			if err := json.Unmarshal(m.Data, &s); err != nil {
				t.Fatal(err)
			}
			if s.ID == "marker" {
				return ids
			}
			ids = append(ids, s.ID)
		}
	}
}
