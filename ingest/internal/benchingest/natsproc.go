package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
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
func runNATS(store string) error {
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
	// Memory storage: at 500 pages a second the pages would otherwise cost
	// this machine's disk more than ingest costs its CPU.
	stream, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages,
		Subjects: []string{defwatch.SubjectPages}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.MemoryStorage, Duplicates: 10 * time.Minute})
	if err != nil {
		return err
	}
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "sink", AckPolicy: jetstream.AckExplicitPolicy,
		MaxAckPending: 1024})
	if err != nil {
		return err
	}
	if _, err := cons.Consume(func(m jetstream.Msg) {
		if m.Headers().Get(defwatch.HeaderPage) == "" {
			fmt.Fprintln(os.Stderr, "sink: a page without its metadata header")
		}
		_ = m.Ack()
	}); err != nil {
		return err
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]string{"url": ns.ClientURL()}); err != nil {
		return err
	}
	select {}
}
