package jsconfig_test

import (
	"context"
	"testing"
	"time"

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
	// A synchronous subscription on the same connection: the server sends
	// it each request before the request's answer, and the connection
	// reads the messages in order into its queue, so after a flush every
	// request made so far is queued there. (A callback would run on a
	// goroutine of its own, maybe after the count was read.)
	sub, err := nc.SubscribeSync("$JS.API.STREAM.UPDATE.>")
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var updates int
	count := func() int {
		t.Helper()
		if err := nc.Flush(); err != nil {
			t.Fatal(err)
		}
		for {
			n, _, err := sub.Pending()
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				return updates
			}
			if _, err := sub.NextMsg(time.Second); err != nil {
				t.Fatal(err)
			}
			updates++
		}
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
