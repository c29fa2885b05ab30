package extract

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// TestSweepRemovesAcknowledgedPages: pages below the consumer's
// acknowledgement floor that are still in the work queue (as a NATS server
// stopped hard can leave them) are removed; the others stay.
func TestSweepRemovesAcknowledgedPages(t *testing.T) {
	js := testJetStream(t)
	ctx := context.Background()
	// A work queue takes only consumers that start at its beginning; a
	// stream that keeps its messages lets the test place the floor.
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages, Subjects: []string{defwatch.SubjectPages}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if _, err := js.Publish(ctx, defwatch.SubjectPages, fmt.Appendf(nil, `{"id": "p%d"}`, i)); err != nil {
			t.Fatal(err)
		}
	}
	// A consumer whose floor is past the first four pages, as a server
	// that kept the acknowledgements and lost the removals has it.
	cons, err := js.CreateOrUpdateConsumer(ctx, defwatch.StreamPages, jetstream.ConsumerConfig{Durable: Durable,
		AckPolicy: jetstream.AckExplicitPolicy, DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: 5})
	if err != nil {
		t.Fatal(err)
	}
	s := &Stage{js: js, cons: cons, log: slog.New(slog.DiscardHandler)}
	for range 2 {
		if err := s.sweep(ctx); err != nil {
			t.Fatal(err)
		}
		info, err := stream.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs != 6 || info.State.FirstSeq != 5 {
			t.Errorf("after the sweep: %d pages from %d; want 6 from 5", info.State.Msgs, info.State.FirstSeq)
		}
	}
}
