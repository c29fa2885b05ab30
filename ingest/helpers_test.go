package ingest

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/feedset"
	"github.com/defwatch/defwatch/ingest/internal/natstest"
)

// testNATS is an in-process NATS server with JetStream in a temp dir, set
// up as `defwatch run` sets it up for ingest, with a short lease time.
type testNATS struct {
	url string
	js  jetstream.JetStream
	set *feedset.Store
}

// startNATS is startNATSLease with the lease time of a deployment.
func startNATS(t *testing.T) *testNATS { return startNATSLease(t, 15*time.Second) }

func startNATSLease(t *testing.T, lease time.Duration) *testNATS {
	t.Helper()
	ns := natstest.Start(t, 8<<20)
	tn := &testNATS{url: ns.ClientURL()}
	tn.js = tn.connect(t)
	ctx := context.Background()
	if _, err := tn.js.CreateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages, Subjects: []string{defwatch.SubjectPages}}); err != nil {
		t.Fatal(err)
	}
	if err := Setup(ctx, tn.js, SetupConfig{LeaseTime: lease}); err != nil {
		t.Fatal(err)
	}
	set, err := feedset.Open(ctx, tn.js)
	if err != nil {
		t.Fatal(err)
	}
	tn.set = set
	return tn
}

func (tn *testNATS) connect(t *testing.T) jetstream.JetStream {
	_, js := natstest.Connect(t, tn.url)
	return js
}

func (tn *testNATS) add(t *testing.T, urls ...string) {
	t.Helper()
	for _, u := range urls {
		if _, err := tn.set.Add(context.Background(), defwatch.Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
}

// testConfig polls fast and waits little, for tests.
func testConfig() Config {
	return Config{
		Schedule:     Schedule{Every: 200 * time.Millisecond},
		PageRetry:    100 * time.Millisecond,
		MaxMsg:       8 << 20,
		IgnoreRobots: true,
	}
}

// worker is a running ingest process of a test.
type worker struct {
	w      *Worker
	cancel context.CancelFunc
	done   chan struct{}
	nc     *nats.Conn
	logs   *syncBuffer
}

func startWorker(t *testing.T, tn *testNATS, cfg Config, fc FetcherConfig) *worker {
	t.Helper()
	nc, err := nats.Connect(tn.url)
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	fc.AllowPrivate = true
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	w, err := NewWorker(context.Background(), cfg, NewFetcher(fc), js, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	wk := &worker{w: w, cancel: cancel, done: make(chan struct{}), nc: nc, logs: logs}
	go func() {
		defer close(wk.done)
		if err := w.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("worker: %v", err)
		}
	}()
	t.Cleanup(wk.stop)
	return wk
}

// stop shuts the worker down in order, giving its leases back.
func (wk *worker) stop() {
	wk.cancel()
	<-wk.done
	wk.nc.Close()
}

// kill stops the worker as a crash would: its NATS connection goes first,
// so it can neither finish what it was doing nor give its leases back.
func (wk *worker) kill() {
	wk.nc.Close()
	wk.cancel()
	<-wk.done
}

// pages reads every page in the pages stream.
func (tn *testNATS) pages(t *testing.T) []*defwatch.Page {
	t.Helper()
	ctx := context.Background()
	stream, err := tn.js.Stream(ctx, defwatch.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*defwatch.Page
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		p, err := defwatch.DecodePage([]byte(m.Header.Get(defwatch.HeaderPage)), m.Header.Get(defwatch.HeaderBody), m.Data)
		if err != nil {
			t.Fatalf("page message %d: %v", seq, err)
		}
		if id := m.Header.Get(jetstream.MsgIDHeader); id != p.ID && id != p.ID+".feed" {
			t.Errorf("page %s: message id %q", p.URL, id)
		}
		out = append(out, p)
	}
	return out
}

func (tn *testNATS) pageCount(t *testing.T) uint64 {
	t.Helper()
	stream, err := tn.js.Stream(context.Background(), defwatch.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func (tn *testNATS) feed(t *testing.T, u string) *defwatch.FeedStatus {
	t.Helper()
	f, err := tn.set.Get(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
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

func (s *syncBuffer) count(sub string) int { return strings.Count(s.String(), sub) }

// nextIP hands out loopback addresses, so each test host is a host of its
// own to ingest's politeness (which keys on the host name, not the port).
var (
	ipMu   sync.Mutex
	ipNext = 2
)

func loopbackIP() string {
	ipMu.Lock()
	defer ipMu.Unlock()
	ipNext++
	return fmt.Sprintf("127.0.%d.%d", 10+ipNext/250, ipNext%250+1)
}

// newHost serves h on a loopback address of its own.
func newHost(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", loopbackIP()+":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func slogTo(w *syncBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
