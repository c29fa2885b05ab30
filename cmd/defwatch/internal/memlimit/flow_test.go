package memlimit

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A NATS server held to a memory limit well below what passes through it
// still delivers every page: the limit makes the collector work harder,
// it never makes the server drop anything.
func TestLimitLosesNoPages(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	t.Setenv("GOMEMLIMIT", "")
	if _, err := Apply(Min); err != nil {
		t.Fatal(err)
	}

	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), MaxPayload: 8 << 20, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	ns.Start()
	t.Cleanup(ns.Shutdown)
	if !ns.ReadyForConnections(30 * time.Second) {
		t.Fatal("nats server not ready")
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// As defwatch makes the pages stream and the extract stage its consumer.
	stream, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: "PAGES", Subjects: []string{"pages"},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "extract",
		AckPolicy: jetstream.AckExplicitPolicy, MaxAckPending: 256})
	if err != nil {
		t.Fatal(err)
	}

	// Half as much again as the limit, in pages of 256 KiB.
	const pages, size = 3 * Min / 2 / (256 << 10), 256 << 10
	var mu sync.Mutex
	got := map[string]bool{}
	all := make(chan struct{})
	cc, err := cons.Consume(func(m jetstream.Msg) {
		id := m.Headers().Get(jetstream.MsgIDHeader)
		if len(m.Data()) != size {
			t.Errorf("page %s: %d bytes, want %d", id, len(m.Data()), size)
		}
		if err := m.Ack(); err != nil {
			t.Errorf("ack %s: %v", id, err)
		}
		mu.Lock()
		defer mu.Unlock()
		// A page delivered again (its ack lost or late) is counted once,
		// and all is closed once.
		if !got[id] {
			got[id] = true
			if len(got) == pages {
				close(all)
			}
		}
	}, jetstream.PullMaxMessages(32))
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Stop()

	body := make([]byte, size)
	for i := range pages {
		body[0] = byte(i)
		if _, err := js.Publish(ctx, "pages", body, jetstream.WithMsgID(fmt.Sprint("page-", i))); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-all:
	case <-ctx.Done():
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("%d of %d pages delivered", len(got), pages)
	}
	// Every page acknowledged is gone from the work queue.
	for {
		info, err := stream.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs == 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d pages left in the stream after all were acknowledged", info.State.Msgs)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
