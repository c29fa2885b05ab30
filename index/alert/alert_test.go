package alert

import (
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

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
