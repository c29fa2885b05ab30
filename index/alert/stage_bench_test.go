package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// BenchmarkIndexStageRules measures the index stage as it runs, from the
// articles stream to acknowledged batches, with no saved searches and with
// 1,000 (the generated rules of BenchmarkPercolate), side by side: each
// iteration runs both, in turns, and the medians are reported. Every
// article is announced in both.
func BenchmarkIndexStageRules(b *testing.B) {
	arts := fixture.Corpus(b)
	queries := fixture.RuleQueries(arts, 1000)
	const n = 5000
	var without, with []float64
	for i := range b.N {
		for j := range 2 {
			rules := 1000 * ((i + j) % 2)
			rate := float64(n) / indexStageRun(b, arts, queries[:rules], n).Seconds()
			if rules == 0 {
				without = append(without, rate)
			} else {
				with = append(with, rate)
			}
		}
	}
	slices.Sort(without)
	slices.Sort(with)
	w, r := without[len(without)/2], with[len(with)/2]
	b.ReportMetric(w, "articles/s-0-rules")
	b.ReportMetric(r, "articles/s-1000-rules")
	b.ReportMetric(100*(w-r)/w, "slowdown-%")
}

// indexStageRun fills a fresh articles stream with n copies of arts, then
// times an index stage with the rules until every copy is acknowledged.
func indexStageRun(b *testing.B, arts []*defwatch.Article, rules []string, n int) time.Duration {
	b.StopTimer()
	defer b.StartTimer()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nc, js := testJetStream(b)
	kv, err := js.KeyValue(ctx, defwatch.KVRules)
	if err != nil {
		b.Fatal(err)
	}
	for i, q := range rules {
		data, _ := json.Marshal(defwatch.Rule{Query: q})
		if _, err := kv.Put(ctx, fmt.Sprintf("r%04d", i), data); err != nil {
			b.Fatal(err)
		}
	}
	var acks []jetstream.PubAckFuture
	for i := range n {
		c := *arts[i%len(arts)]
		c.ID = fmt.Sprintf("%s-%d", c.ID, i)
		if !c.Published.IsZero() {
			c.Published = c.Published.AddDate(0, 0, -(i/len(arts))%90)
		}
		data, _ := json.Marshal(&c)
		f, err := js.PublishAsync(defwatch.ArticleSubject(c.Lang), data)
		if err != nil {
			b.Fatal(err)
		}
		acks = append(acks, f)
	}
	for _, f := range acks {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			b.Fatal(err)
		}
	}
	idx, err := index.Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	log := slog.New(slog.DiscardHandler)
	al, err := New(ctx, nc, js, nil, log)
	if err != nil {
		b.Fatal(err)
	}
	if al.Rules() != len(rules) {
		b.Fatalf("%d rules in force, want %d", al.Rules(), len(rules))
	}
	go al.Run(ctx)
	ix, err := index.NewIndexer(ctx, js, idx, index.IndexerConfig{Durable: "bench", OnCommit: al.OnCommit}, log)
	if err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
	start := time.Now()
	stopped := make(chan struct{})
	runCtx, stop := context.WithCancel(ctx)
	go func() { _ = ix.Run(runCtx); close(stopped) }()
	for {
		info, err := js.Consumer(ctx, defwatch.StreamArticles, "bench")
		if err != nil {
			b.Fatal(err)
		}
		if ci := info.CachedInfo(); ci.AckFloor.Consumer >= uint64(n) && ci.NumAckPending == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	took := time.Since(start)
	b.StopTimer()
	stop()
	<-stopped
	return took
}
