package index

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/defwatch/defwatch"
)

func TestGateShedsPastItsQueue(t *testing.T) {
	ctx := context.Background()
	g := newGate(SearchLimits{Concurrent: 1, Queue: 1, MaxWait: time.Hour})
	release, err := g.enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// One waits in the queue; the next is shed at once.
	queued := make(chan error, 1)
	go func() {
		r, err := g.enter(ctx)
		if err == nil {
			r()
		}
		queued <- err
	}()
	waitUntil(t, "a search in the queue", func() bool { return g.queued.Load() == 1 })
	if _, err := g.enter(ctx); !errors.Is(err, ErrBusy) {
		t.Errorf("past the queue: %v, want ErrBusy", err)
	}
	release()
	if err := <-queued; err != nil {
		t.Errorf("the queued search: %v, want its turn", err)
	}

	t.Run("a queued search gives up after MaxWait", func(t *testing.T) {
		g := newGate(SearchLimits{Concurrent: 1, Queue: 4, MaxWait: 20 * time.Millisecond})
		release, err := g.enter(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		if _, err := g.enter(ctx); !errors.Is(err, ErrBusy) {
			t.Errorf("after waiting: %v, want ErrBusy", err)
		}
	})
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// stubSearcher answers "slow" only when released, "busy" with ErrBusy,
// and anything else at once.
type stubSearcher struct {
	release chan struct{}
	started chan struct{}
}

func (s *stubSearcher) Search(ctx context.Context, req Request) (*Result, error) {
	if err := req.Normalize(); err != nil {
		return nil, err
	}
	switch req.Query {
	case "slow":
		s.started <- struct{}{}
		select {
		case <-s.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	case "busy":
		return nil, ErrBusy
	}
	return &Result{Total: 1, Hits: []Hit{}}, nil
}

func (s *stubSearcher) Article(context.Context, string) (*defwatch.Article, error) {
	return nil, defwatch.ErrNotFound
}

func TestBusyIs503WithRetryAfter(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&stubSearcher{}, func(context.Context) error { return nil }, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/search?q=busy")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" {
		t.Errorf("status %d, Retry-After %q; want 503 and 1", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}

func TestQueryLengthIsBounded(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&stubSearcher{}, func(context.Context) error { return nil }, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/search?q=" + strings.Repeat("ukraine+", 110_000))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct{ Error string }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body.Error, "880000 bytes") || !strings.Contains(body.Error, "4096") {
		t.Errorf("880 KB query: %d %q; want 400 naming the length and the limit", resp.StatusCode, body.Error)
	}
}

// TestNATSSearchesRunSideBySide: a quick search is answered while a slow
// one is still running, and requests too large or too many are refused
// at once.
func TestNATSSearchesRunSideBySide(t *testing.T) {
	nc := testNATS(t)
	s := &stubSearcher{release: make(chan struct{}), started: make(chan struct{}, 1)}
	stop, err := ServeNATS(nc, s, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	remote := NewRemote(nc)
	ctx := context.Background()

	slow := make(chan error, 1)
	go func() {
		_, err := remote.Search(ctx, Request{Query: "slow"})
		slow <- err
	}()
	<-s.started
	start := time.Now()
	if _, err := remote.Search(ctx, Request{Query: "quick"}); err != nil {
		t.Fatalf("quick search beside a slow one: %v", err)
	}
	quick := time.Since(start)
	select {
	case err := <-slow:
		t.Fatalf("the slow search ended before it was released: %v", err)
	default:
	}
	close(s.release)
	if err := <-slow; err != nil {
		t.Errorf("slow search: %v", err)
	}
	t.Logf("quick search answered in %s beside a running slow one", quick)

	t.Run("busy", func(t *testing.T) {
		if _, err := remote.Search(ctx, Request{Query: "busy"}); !errors.Is(err, ErrBusy) {
			t.Errorf("got %v, want ErrBusy", err)
		}
	})
	t.Run("a request too large is refused unread", func(t *testing.T) {
		big := `{"q": "` + strings.Repeat("ukraine ", int(nc.MaxPayload()-64)/8) + `"}`
		m, err := nc.Request(defwatch.SubjectSearch, []byte(big), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		var rep reply
		if err := json.Unmarshal(m.Data, &rep); err != nil {
			t.Fatal(err)
		}
		if rep.Kind != "bad_query" || !strings.Contains(rep.Error, "limit is 65536") {
			t.Errorf("%d-byte request: %+v; want bad_query naming the limit", len(big), rep)
		}
	})
	t.Run("many at once are shed, not queued without end", func(t *testing.T) {
		blocker := &stubSearcher{release: make(chan struct{}), started: make(chan struct{}, natsInFlight+1)}
		nc2 := testNATS(t)
		stop2, err := ServeNATS(nc2, blocker, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		defer stop2()
		data, _ := json.Marshal(Request{Query: "slow"})
		var wg sync.WaitGroup
		var mu sync.Mutex
		kinds := map[string]int{}
		for range natsInFlight + 8 {
			wg.Go(func() {
				m, err := nc2.Request(defwatch.SubjectSearch, data, 10*time.Second)
				kind := "error"
				if err == nil {
					var rep reply
					if json.Unmarshal(m.Data, &rep) == nil {
						kind = rep.Kind
					}
				}
				mu.Lock()
				kinds[kind]++
				mu.Unlock()
			})
		}
		waitUntil(t, "every request answered or running", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return kinds["busy"] >= 8 && len(blocker.started) == natsInFlight
		})
		close(blocker.release)
		wg.Wait()
		if kinds["busy"] != 8 || kinds[""] != natsInFlight {
			t.Errorf("answers by kind %v; want %d busy and %d results", kinds, 8, natsInFlight)
		}
	})
}

// testNATS runs an in-process NATS server (no JetStream: request and
// reply is all the search API needs) with a connection to it.
func testNATS(tb testing.TB) *nats.Conn {
	tb.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, NoLog: true, NoSigs: true})
	if err != nil {
		tb.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		tb.Fatal("nats not ready")
	}
	tb.Cleanup(ns.Shutdown)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(nc.Close)
	return nc
}
