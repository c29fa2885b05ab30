package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// runNATS is the benchmark's NATS server, in a process of its own so its
// CPU is not counted as ingest's, with a sink that takes every published
// page off the pages stream the way the extract stage would, acknowledging
// it without the extraction.
func runNATS(store, heapProfile string, sink bool) error {
	// The Go memory limit comes in GOMEMLIMIT, set by the parent (see
	// serverMemoryLimit), and the runtime applies it before this runs.
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: store, MaxPayload: 8 << 20, NoSigs: true})
	if err != nil {
		return err
	}
	ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		return errors.New("nats did not start")
	}
	nc, err := nats.Connect(ns.ClientURL(), nats.InProcessServer(ns))
	if err != nil {
		return err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	ctx := context.Background()
	// The pages stream as `defwatch run` makes it (cmd/defwatch's
	// setupStreams; keep the two alike), so the server's memory measured
	// here is the product's: file storage, work-queue retention.
	stream, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages,
		Subjects: []string{defwatch.SubjectPages, defwatch.SubjectImport}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute, MaxAge: 7 * 24 * time.Hour})
	if err != nil {
		return err
	}
	// With the real stages the extract stage is the work queue's one
	// consumer; else the sink stands in for it.
	if sink {
		if err := runSink(ctx, stream); err != nil {
			return err
		}
	}
	go watchNATS(ctx, js, heapProfile)
	if err := json.NewEncoder(os.Stdout).Encode(map[string]string{"url": ns.ClientURL()}); err != nil {
		return err
	}
	select {}
}

// runSink consumes the pages stream with a consumer made as the extract
// stage makes its own (extract.NewStage), acknowledging each page.
func runSink(ctx context.Context, stream jetstream.Stream) error {
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "sink", AckPolicy: jetstream.AckExplicitPolicy,
		MaxAckPending: 256})
	if err != nil {
		return err
	}
	_, err = cons.Consume(func(m jetstream.Msg) {
		if m.Headers().Get(defwatch.HeaderPage) == "" {
			fmt.Fprintln(os.Stderr, "sink: a page without its metadata header")
		}
		_ = m.Ack()
	}, jetstream.PullMaxMessages(16*runtime.GOMAXPROCS(0)))
	return err
}

// watchNATS says on stderr what the server holds each time its Go heap
// reaches a new peak (at most every 5 s): the heap, and the messages and
// bytes of the streams, so a peak can be put down to what caused it, and
// writes the heap profile to heapProfile if set.
func watchNATS(ctx context.Context, js jetstream.JetStream, heapProfile string) {
	var peak uint64
	for range time.Tick(5 * time.Second) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse <= peak {
			continue
		}
		peak = ms.HeapInuse
		line := fmt.Sprintf("nats: heap in use %d MiB (sys %d MiB)", ms.HeapInuse>>20, ms.Sys>>20)
		for _, name := range []string{defwatch.StreamFetch, defwatch.StreamPages, "KV_" + defwatch.KVSeen} {
			s, err := js.Stream(ctx, name)
			if err != nil {
				continue
			}
			st := s.CachedInfo().State
			line += fmt.Sprintf("; %s %d msgs %d MiB", name, st.Msgs, st.Bytes>>20)
		}
		fmt.Fprintln(os.Stderr, line)
		if heapProfile != "" {
			if f, err := os.Create(heapProfile); err == nil {
				_ = pprof.WriteHeapProfile(f)
				_ = f.Close()
			}
		}
	}
}
