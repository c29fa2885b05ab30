package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/schema"
)

// The raw parts are what the pipeline is made of, each done alone in this
// process on the same messages, without a stage around it: the floor the
// pipeline is measured against. The CPU of each is this process's, from
// getrusage, with the garbage of the part before collected first and its
// own collected inside its time.
var rawNames = []string{"tagging", "JSON", "JetStream", "Bleve"}

type rawRun struct {
	cpu  map[string]time.Duration
	wall map[string]time.Duration
}

// pageOf is the Page `defwatch import` publishes for an archive record.
func pageOf(r record) *defwatch.Page {
	return &defwatch.Page{ID: r.ID, URL: r.URL, Source: r.Source, Title: r.Title, Text: r.Text,
		Imported: true, Lang: r.Lang, LangFrom: "archive", Published: r.at}
}

func runRaw(ctx context.Context, recs []record, dir string) (*rawRun, error) {
	out := &rawRun{cpu: map[string]time.Duration{}, wall: map[string]time.Duration{}}
	measure := func(name string, gcPercent int, f func() error) error {
		runtime.GC()
		old := debug.SetGCPercent(gcPercent)
		defer debug.SetGCPercent(old)
		c0, t0 := cpuTime(), time.Now()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		runtime.GC()
		out.cpu[name], out.wall[name] = cpuTime()-c0, time.Since(t0)
		return nil
	}
	pages := make([]*defwatch.Page, len(recs))
	for i, r := range recs {
		pages[i] = pageOf(r)
	}

	// Tagging: what extract does to a page, on every core.
	articles := make([]*defwatch.Article, len(pages))
	err := measure("tagging", 100, func() error {
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					articles[i], _ = extract.FromPage(pages[i]) // an empty page is dropped, as extract drops it
				}
			})
		}
		for i := range pages {
			next <- i
		}
		close(next)
		wg.Wait()
		return nil
	})
	if err != nil {
		return nil, err
	}
	kept := articles[:0]
	for _, a := range articles {
		if a != nil {
			kept = append(kept, a)
		}
	}
	articles = kept

	// JSON: what the pipeline encodes and decodes. A page travels as its
	// metadata in JSON (a header) beside its body as it is, an article as
	// JSON.
	var pageMsgs, articleMsgs []*nats.Msg
	var pageIDs, articleIDs []string
	for _, p := range pages {
		pageIDs = append(pageIDs, p.ID)
	}
	for _, a := range articles {
		articleIDs = append(articleIDs, a.ID)
	}
	err = measure("JSON", 100, func() error {
		for _, p := range pages {
			meta, kind, body, err := defwatch.EncodePage(p)
			if err != nil {
				return err
			}
			if _, err := defwatch.DecodePage(meta, kind, body); err != nil {
				return err
			}
			m := nats.NewMsg("pages")
			m.Header.Set(defwatch.HeaderPage, string(meta))
			m.Header.Set(defwatch.HeaderBody, kind)
			m.Data = body
			pageMsgs = append(pageMsgs, m)
		}
		for _, a := range articles {
			data, err := json.Marshal(a)
			if err != nil {
				return err
			}
			var back defwatch.Article
			if err := json.Unmarshal(data, &back); err != nil {
				return err
			}
			articleMsgs = append(articleMsgs, &nats.Msg{Subject: "articles", Data: data})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// JetStream: the two hops, each message published with its id and
	// consumed with an acknowledgement, through a server in this process
	// over loopback TCP.
	ns, err := startServer(filepath.Join(dir, "nats"))
	if err != nil {
		return nil, err
	}
	defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
	err = measure("JetStream", 100, func() error {
		nc, err := nats.Connect(ns.ClientURL())
		if err != nil {
			return err
		}
		defer nc.Close()
		js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(512))
		if err != nil {
			return err
		}
		if err := hop(ctx, js, jetstream.StreamConfig{Name: "PAGES", Subjects: []string{"pages"}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute}, pageIDs, pageMsgs); err != nil {
			return err
		}
		return hop(ctx, js, jetstream.StreamConfig{Name: "ARTICLES", Subjects: []string{"articles"}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute}, articleIDs, articleMsgs)
	})
	if err != nil {
		return nil, err
	}

	// Bleve: the index stage's documents into one index with the index's
	// mapping, 1,000 a batch, in the archive's order.
	err = measure("Bleve", 200, func() error {
		b, err := bleve.New(filepath.Join(dir, "bleve"), schema.Mapping())
		if err != nil {
			return err
		}
		batch := b.NewBatch()
		for i, a := range articles {
			d, err := index.Document(a)
			if err != nil {
				return err
			}
			if err := batch.Index(a.ID, d); err != nil {
				return err
			}
			if batch.Size() == 1000 || i == len(articles)-1 {
				if err := b.Batch(batch); err != nil {
					return err
				}
				batch.Reset()
			}
		}
		if n, err := b.DocCount(); err != nil || int(n) != len(articles) {
			return fmt.Errorf("%d documents in the index (%v), want %d", n, err, len(articles))
		}
		return b.Close()
	})
	if err != nil {
		return nil, err
	}
	return out, os.RemoveAll(dir)
}

// hop publishes msgs to a new stream and consumes them all.
func hop(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig, ids []string, msgs []*nats.Msg) error {
	s, err := js.CreateStream(ctx, cfg)
	if err != nil {
		return err
	}
	var pending []jetstream.PubAckFuture
	settle := func() error {
		for _, f := range pending {
			select {
			case <-f.Ok():
			case err := <-f.Err():
				return err
			}
		}
		pending = pending[:0]
		return nil
	}
	for i, m := range msgs {
		f, err := js.PublishMsgAsync(m, jetstream.WithMsgID(ids[i]))
		if err != nil {
			return err
		}
		if pending = append(pending, f); len(pending) == 256 {
			if err := settle(); err != nil {
				return err
			}
		}
	}
	if err := settle(); err != nil {
		return err
	}
	c, err := s.CreateConsumer(ctx, jetstream.ConsumerConfig{Durable: "c", AckPolicy: jetstream.AckExplicitPolicy, MaxAckPending: 4000})
	if err != nil {
		return err
	}
	it, err := c.Messages(jetstream.PullMaxMessages(500))
	if err != nil {
		return err
	}
	defer it.Stop()
	for range msgs {
		m, err := it.Next()
		if err != nil {
			return err
		}
		if err := m.Ack(); err != nil {
			return err
		}
	}
	// The last acks must reach the server before the time stops.
	for {
		info, err := c.Info(ctx)
		if err != nil {
			return err
		}
		if info.NumAckPending == 0 {
			return nil
		}
		if err := sleep(ctx, 5*time.Millisecond); err != nil {
			return err
		}
	}
}

func startServer(storeDir string) (*server.Server, error) {
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: storeDir, MaxPayload: 8 << 20, NoSigs: true, NoLog: true})
	if err != nil {
		return nil, err
	}
	s.Start()
	if !s.ReadyForConnections(15 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("nats server did not start")
	}
	return s, nil
}
