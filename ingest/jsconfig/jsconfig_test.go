package jsconfig_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch/ingest/internal/natstest"
	"github.com/defwatch/defwatch/ingest/jsconfig"
)

// Setting up again what is already set up sends the server no update;
// a changed configuration still reaches it, and is what the server then
// holds. Updates are counted as the server's API sees them: requests on
// $JS.API.STREAM.UPDATE.
func TestUpdatesOnlyWhatChanged(t *testing.T) {
	nc, js := natstest.Connect(t, natstest.Start(t, 0).ClientURL())
	var updates atomic.Int64
	sub, err := nc.Subscribe("$JS.API.STREAM.UPDATE.>", func(*nats.Msg) { updates.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Each step's requests are in before its count is read: the client
	// waits for every answer, and the subscription sees the request first.
	count := func() int64 {
		t.Helper()
		if err := nc.Flush(); err != nil {
			t.Fatal(err)
		}
		return updates.Load()
	}

	stream := jetstream.StreamConfig{Name: "ARTS", Subjects: []string{"arts.>"}, Storage: jetstream.FileStorage, MaxAge: time.Hour}
	bucket := jetstream.KeyValueConfig{Bucket: "rules", History: 5, Storage: jetstream.FileStorage}
	setUp := func() {
		t.Helper()
		if err := jsconfig.Stream(ctx, js, stream); err != nil {
			t.Fatal(err)
		}
		if err := jsconfig.KeyValue(ctx, js, bucket); err != nil {
			t.Fatal(err)
		}
	}
	setUp()
	made := count()
	for range 3 {
		setUp()
	}
	if n := count() - made; n != 0 {
		t.Errorf("setting up what is set up sent %d updates, want none", n)
	}

	stream.MaxAge = 2 * time.Hour
	bucket.History = 7
	setUp()
	if n := count() - made; n != 2 {
		t.Errorf("changed configurations sent %d updates, want 2", n)
	}
	s, err := js.Stream(ctx, "ARTS")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.CachedInfo().Config.MaxAge; got != 2*time.Hour {
		t.Errorf("stream max age %v after the update, want 2h", got)
	}
	kv, err := js.KeyValue(ctx, "rules")
	if err != nil {
		t.Fatal(err)
	}
	st, err := kv.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.History() != 7 {
		t.Errorf("bucket history %d after the update, want 7", st.History())
	}
}
