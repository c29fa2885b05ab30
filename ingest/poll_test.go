package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// startJetStream runs an in-process NATS server with JetStream in a temp
// dir, with the pages stream and ingest's KV buckets.
func startJetStream(t *testing.T) (jetstream.JetStream, jetstream.KeyValue, jetstream.KeyValue) {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Port: server.RANDOM_PORT, Host: "127.0.0.1", JetStream: true,
		StoreDir: t.TempDir(), NoSigs: true, MaxPayload: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(ns.Shutdown)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages, Subjects: []string{defwatch.SubjectPages}}); err != nil {
		t.Fatal(err)
	}
	feeds, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: defwatch.KVFeeds})
	if err != nil {
		t.Fatal(err)
	}
	seen, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: defwatch.KVSeen})
	if err != nil {
		t.Fatal(err)
	}
	return js, feeds, seen
}

// feedSite serves corpus feeds with their item links pointed at itself,
// and a small article page at every other path.
type feedSite struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]int
	feeds atomic.Int64
	n304  atomic.Int64
}

var itemLinkRE = regexp.MustCompile(`(<link>|<guid>|<guid isPermaLink="true">)https?://[^/<]+`)

func newFeedSite(t *testing.T) *feedSite {
	s := &feedSite{pages: map[string]int{}}
	feeds := map[string]string{
		"/guardian.rss": "rss-parser/guardian.rss",                   // RSS 2.0, 55 items
		"/ibash.xml":    "miniflux-v2/encoding_WINDOWS-1251.xml",     // windows-1251, 50 items
		"/partial.json": "rsparser-netnewswire/allthis-partial.json", // truncated JSON Feed
	}
	mux := http.NewServeMux()
	for path, file := range feeds {
		body := readGz(t, "testdata/feeds/"+file+".gz")
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			s.feeds.Add(1)
			if r.Header.Get("If-None-Match") == `"1"` {
				s.n304.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			w.Write(itemLinkRE.ReplaceAll(body, []byte("${1}"+s.URL)))
		})
	}
	mux.HandleFunc("GET /missing.xml", http.NotFound)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.pages[r.URL.String()]++
		s.mu.Unlock()
		if strings.Contains(r.URL.RawQuery, "id=17703") {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintf(w, `<html><head><title>Story</title></head><body><p>Story at %s.</p></body></html>`, r.URL.Path)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *feedSite) pageFetches() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.pages {
		n += c
	}
	return n
}

// syncBuffer is a log sink several goroutines may write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestPollAll(t *testing.T) {
	js, feedsKV, seenKV := startJetStream(t)
	site := newFeedSite(t)
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	p := NewPoller(Config{
		Feeds:    []string{site.URL + "/partial.json", site.URL + "/missing.xml", site.URL + "/guardian.rss", site.URL + "/ibash.xml"},
		MaxTries: 2,
	}, NewFetcher(FetcherConfig{AllowPrivate: true}), js, feedsKV, seenKV, log)
	ctx := context.Background()
	stream, err := js.Stream(ctx, defwatch.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	msgs := func() uint64 {
		info, err := stream.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return info.State.Msgs
	}

	p.PollAll(ctx)
	// 55 Guardian items and 50 iBash quotes, less the one whose page is down.
	const want = 55 + 50 - 1
	if got := msgs(); got != want {
		t.Errorf("first poll published %d pages, want %d", got, want)
	}
	for _, broken := range []string{"/partial.json", "/missing.xml"} {
		if !strings.Contains(logs.String(), "feed_url="+site.URL+broken) {
			t.Errorf("no log line for the broken feed %s:\n%s", broken, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "404") {
		t.Errorf("the missing feed's log does not say 404:\n%s", logs.String())
	}

	t.Run("page carries the feed's words", func(t *testing.T) {
		cons, err := stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
		if err != nil {
			t.Fatal(err)
		}
		batch, err := cons.Fetch(want)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		var cyrillic bool
		for m := range batch.Messages() {
			var page defwatch.Page
			if err := json.Unmarshal(m.Data(), &page); err != nil {
				t.Fatal(err)
			}
			if page.ID != m.Headers().Get(jetstream.MsgIDHeader) || ids[page.ID] {
				t.Errorf("page %s: msg id %q, duplicate %v", page.URL, m.Headers().Get(jetstream.MsgIDHeader), ids[page.ID])
			}
			ids[page.ID] = true
			if strings.HasPrefix(page.Title, "Цитата #") {
				cyrillic = true
			}
			if page.HTML == "" || page.Fetched.IsZero() || page.Feed == "" {
				t.Errorf("page %s lacks fields: %+v", page.URL, page)
			}
		}
		if !cyrillic {
			t.Error("no windows-1251 title came out as Cyrillic")
		}
	})

	t.Run("second poll", func(t *testing.T) {
		fetched := site.pageFetches()
		p.PollAll(ctx)
		if got := msgs(); got != want {
			t.Errorf("second poll: %d pages, want still %d", got, want)
		}
		if site.n304.Load() != 2 {
			t.Errorf("%d feeds answered 304, want 2", site.n304.Load())
		}
		if got := site.pageFetches(); got != fetched {
			t.Errorf("second poll fetched %d pages, want none", got-fetched)
		}
	})

	t.Run("a failing page is given up after MaxTries", func(t *testing.T) {
		// Forget the feeds' validators before each poll, so the items are
		// read again rather than answered with 304.
		forget := func() {
			for _, f := range []string{"/guardian.rss", "/ibash.xml"} {
				if err := feedsKV.Delete(ctx, hashKey(site.URL+f)); err != nil {
					t.Fatal(err)
				}
			}
		}
		down := func() int {
			site.mu.Lock()
			defer site.mu.Unlock()
			return site.pages["/quote.php?id=17703"]
		}
		forget()
		p.PollAll(ctx) // second try
		forget()
		p.PollAll(ctx) // given up: no third
		if got := down(); got != 2 {
			t.Errorf("failing page fetched %d times, want MaxTries = 2", got)
		}
		if got := msgs(); got != want {
			t.Errorf("%d pages, want still %d", got, want)
		}
	})
}
