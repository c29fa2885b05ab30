package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// TestStageSkipsListings runs the stage against an embedded JetStream: a
// story page comes out as an article, a home page of teasers does not, and
// both pages leave the work queue.
func TestStageSkipsListings(t *testing.T) {
	js := testJetStream(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pages, articles := stageStreams(ctx, t, js)

	para := func(s string) string {
		return "<p>" + s + ", the defense ministers said on Thursday, after talks at NATO headquarters in Brussels that ran late into the evening.</p>"
	}
	var teasers strings.Builder
	for _, s := range []string{"a", "b", "c", "d", "e", "f"} {
		teasers.WriteString(`<div class="card"><h2><a href="/2025/04/` + s + `">Ministers agree on a force for Ukraine, story ` + s + `</a></h2><p>The coalition met in Brussels on Thursday.</p></div>`)
	}
	for _, p := range []defwatch.Page{
		{ID: "story", URL: "https://news.example/2025/04/10/ministers-meet", HTML: `<html lang="en"><head><title>Ministers meet</title></head><body><article>` + para("First") + para("Second") + para("Third") + `</article></body></html>`},
		{ID: "home", URL: "https://news.example/", HTML: `<html lang="en"><head><title>News</title></head><body><main>` + teasers.String() + `</main></body></html>`},
	} {
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := js.Publish(ctx, defwatch.SubjectPages, data); err != nil {
			t.Fatal(err)
		}
	}

	runStage(ctx, t, js, slog.New(slog.NewTextHandler(io.Discard, nil)))

	// Both pages are acknowledged: the work queue empties.
	waitQueueEmpty(ctx, t, pages)
	info, err := articles.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 1 {
		t.Fatalf("%d articles published, want 1 (the story, not the home page)", info.State.Msgs)
	}
	msg, err := articles.GetLastMsgForSubject(ctx, defwatch.ArticleSubject("en"))
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		t.Fatal("no English article published")
	}
	if err != nil {
		t.Fatal(err)
	}
	var a defwatch.Article
	if err := json.Unmarshal(msg.Data, &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != "story" || a.Kind != defwatch.KindArticle {
		t.Errorf("published %q of kind %q, want the story as an article", a.ID, a.Kind)
	}
}

// TestStageTrickleAndBurst runs the stage through a trickle of pages,
// each published once the one before it is extracted, so the workers wait
// on the server between them, and then a burst: every page is extracted
// and nothing is logged as a warning.
func TestStageTrickleAndBurst(t *testing.T) {
	js := testJetStream(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pages, articles := stageStreams(ctx, t, js)
	var logged lockedLog
	runStage(ctx, t, js, slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelWarn})))

	publish := func(i int) {
		p := defwatch.Page{ID: fmt.Sprintf("p%03d", i), URL: fmt.Sprintf("https://news.example/2025/04/10/story-%d", i), Lang: "en",
			Title: "Ministers meet", Text: strings.Repeat(fmt.Sprintf("Defence ministers met in Brussels on Thursday, story %d. ", i), 12)}
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := js.Publish(ctx, defwatch.SubjectPages, data); err != nil {
			t.Fatal(err)
		}
	}
	const trickle, burst = 5, 200
	for i := range trickle {
		publish(i)
		waitQueueEmpty(ctx, t, pages)
	}
	for i := range burst {
		publish(trickle + i)
	}
	waitQueueEmpty(ctx, t, pages)
	info, err := articles.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != trickle+burst {
		t.Errorf("%d articles published, want %d", info.State.Msgs, trickle+burst)
	}
	if s := logged.String(); s != "" {
		t.Errorf("warnings logged:\n%s", s)
	}
}

// stageStreams creates the pages and articles streams the stage reads and
// writes.
func stageStreams(ctx context.Context, t *testing.T, js jetstream.JetStream) (pages, articles jetstream.Stream) {
	t.Helper()
	pages, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamPages, Subjects: []string{defwatch.SubjectPages}, Retention: jetstream.WorkQueuePolicy})
	if err != nil {
		t.Fatal(err)
	}
	articles, err = js.CreateStream(ctx, jetstream.StreamConfig{Name: defwatch.StreamArticles, Subjects: []string{defwatch.SubjectArticles + ".>"}})
	if err != nil {
		t.Fatal(err)
	}
	return pages, articles
}

// runStage runs an extract stage with two workers until the test ends, and
// fails the test if it stops with an error.
func runStage(ctx context.Context, t *testing.T, js jetstream.JetStream, log *slog.Logger) {
	t.Helper()
	st, err := NewStage(ctx, js, StageConfig{Workers: 2}, log)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- st.Run(runCtx) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
}

// waitQueueEmpty waits until every page in the work queue is acknowledged.
func waitQueueEmpty(ctx context.Context, t *testing.T, pages jetstream.Stream) {
	t.Helper()
	for {
		info, err := pages.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs == 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d pages still waiting", info.State.Msgs)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// lockedLog is a log the stage's goroutines write while a test reads it.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testJetStream runs an embedded NATS server with JetStream in a temp dir
// and connects to it; both go when the test ends.
func testJetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(30 * time.Second) {
		t.Fatal("nats server not ready")
	}
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}
