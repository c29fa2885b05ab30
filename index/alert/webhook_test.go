package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// webhookJetStream runs an in-process NATS server with JetStream in a temp
// dir and the alerts stream.
func webhookJetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	_, js := testJetStream(t)
	return js
}

// testJetStream runs an in-process NATS server with JetStream in a temp
// dir, with the streams and buckets the index stage uses.
func testJetStream(tb testing.TB) (*nats.Conn, jetstream.JetStream) {
	tb.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: tb.TempDir(), NoLog: true, NoSigs: true})
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
	js, err := jetstream.New(nc)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	for _, cfg := range []jetstream.StreamConfig{
		{Name: defwatch.StreamAlerts, Subjects: []string{defwatch.SubjectAlerts + ".>"}},
		{Name: defwatch.StreamDigest, Subjects: []string{defwatch.SubjectDigest + ".>"}, Retention: jetstream.WorkQueuePolicy},
		{Name: defwatch.StreamArticles, Subjects: []string{defwatch.SubjectArticles + ".>"}},
	} {
		if _, err := js.CreateStream(ctx, cfg); err != nil {
			tb.Fatal(err)
		}
	}
	for _, b := range []string{defwatch.KVRules, defwatch.KVAlerted, defwatch.KVAlerter} {
		if _, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: b}); err != nil {
			tb.Fatal(err)
		}
	}
	return nc, js
}

// publishAlert publishes an alert for rule with id as its Nats-Msg-Id and
// returns the body.
func publishAlert(t *testing.T, js jetstream.JetStream, rule, id string) []byte {
	t.Helper()
	body, err := json.Marshal(defwatch.Alert{Kind: defwatch.AlertMatch, Rule: rule, Query: "nation:UA",
		Summary: &defwatch.Summary{ID: id, Title: "Alert " + id, URL: "https://example.com/" + id},
		Sent:    time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	msg := &nats.Msg{Subject: defwatch.SubjectAlerts + "." + rule, Data: body,
		Header: nats.Header{jetstream.MsgIDHeader: []string{id}}}
	if _, err := js.PublishMsg(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	return body
}

// hookCall is one request a hookReceiver got.
type hookCall struct {
	at                      time.Time
	key, rule, ctype, agent string
	method                  string
	body                    []byte
	status                  int
}

// hang, as an answer, makes the receiver keep the request open until the
// client gives up on it.
const hang = -1

// hookReceiver is a webhook receiver whose answers the test sets.
type hookReceiver struct {
	srv *httptest.Server

	mu    sync.Mutex
	calls []hookCall
	// answer says what to answer to the n-th request (from 1) for an
	// alert, and may set headers. Nil answers 200.
	answer   func(key string, n int, h http.Header) int
	attempts map[string]int
}

func newHookReceiver(t *testing.T) *hookReceiver {
	r := &hookReceiver{attempts: map[string]int{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		key := req.Header.Get("Idempotency-Key")
		r.mu.Lock()
		r.attempts[key]++
		status := http.StatusOK
		if r.answer != nil {
			status = r.answer(key, r.attempts[key], w.Header())
		}
		r.calls = append(r.calls, hookCall{at: time.Now(), key: key, rule: req.Header.Get("Defwatch-Rule"),
			ctype: req.Header.Get("Content-Type"), agent: req.Header.Get("User-Agent"),
			method: req.Method, body: body, status: status})
		r.mu.Unlock()
		if status == hang {
			<-req.Context().Done()
			return
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *hookReceiver) setAnswer(f func(key string, n int, h http.Header) int) {
	r.mu.Lock()
	r.answer = f
	r.mu.Unlock()
}

// all returns every request so far.
func (r *hookReceiver) all() []hookCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]hookCall(nil), r.calls...)
}

// accepted returns the ids of the alerts answered with 2xx, in order.
func (r *hookReceiver) accepted() []string {
	var ids []string
	for _, c := range r.all() {
		if c.status >= 200 && c.status <= 299 {
			ids = append(ids, c.key)
		}
	}
	return ids
}

// tries returns the requests for one alert.
func (r *hookReceiver) tries(key string) []hookCall {
	var out []hookCall
	for _, c := range r.all() {
		if c.key == key {
			out = append(out, c)
		}
	}
	return out
}

// waitAccepted waits until n alerts were accepted and returns their ids.
func (r *hookReceiver) waitAccepted(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.Now().Add(8 * time.Second)
	for time.Now().Before(deadline) {
		if ids := r.accepted(); len(ids) >= n {
			return ids
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("receiver accepted %v, want %d alerts; requests: %d", r.accepted(), n, len(r.all()))
	return nil
}

// waitCalls waits until the receiver got n requests.
func (r *hookReceiver) waitCalls(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(8 * time.Second)
	for time.Now().Before(deadline) {
		if len(r.all()) >= n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("receiver got %d requests, want %d", len(r.all()), n)
}

// logBuffer collects what a logger writes, for the tests to read while
// the webhook is running.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newTestWebhook makes the webhook for rule with a fast backoff.
func newTestWebhook(t *testing.T, js jetstream.JetStream, rule defwatch.Rule, log *slog.Logger) *Webhook {
	t.Helper()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w, err := NewWebhook(context.Background(), js, rule, &http.Client{Timeout: 5 * time.Second}, log)
	if err != nil {
		t.Fatal(err)
	}
	w.backoff = func(uint64) time.Duration { return 50 * time.Millisecond }
	return w
}

// runWebhook runs w until the returned stop is called (or the test ends).
func runWebhook(t *testing.T, w *Webhook) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				err = errors.New("Run did not return within 5s of its context ending")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

func TestWebhookDelivers(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	// Published before the webhook exists: a new webhook starts with new alerts.
	publishAlert(t, js, "r1", "before")

	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL + "/hook"}, nil)
	runWebhook(t, w)
	bodies := map[string][]byte{}
	for _, id := range []string{"a1", "a2"} {
		bodies[id] = publishAlert(t, js, "r1", id)
	}
	publishAlert(t, js, "other", "o1")
	bodies["a3"] = publishAlert(t, js, "r1", "a3")

	recv.waitAccepted(t, 3)
	time.Sleep(300 * time.Millisecond) // room for anything that should not come
	calls := recv.all()
	var got []string
	for _, c := range calls {
		got = append(got, c.key)
	}
	if want := []string{"a1", "a2", "a3"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("receiver got %v, want %v", got, want)
	}
	for _, c := range calls {
		if c.method != http.MethodPost || c.rule != "r1" || c.ctype != "application/json" || c.agent != "defwatch-webhook" {
			t.Errorf("%s: method %q, Defwatch-Rule %q, Content-Type %q, User-Agent %q", c.key, c.method, c.rule, c.ctype, c.agent)
		}
		if !bytes.Equal(c.body, bodies[c.key]) {
			t.Errorf("%s: body %s, want %s", c.key, c.body, bodies[c.key])
		}
	}
}

func TestWebhookRetriesWithBackoff(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	recv.setAnswer(func(key string, n int, h http.Header) int {
		if n <= 2 {
			return http.StatusServiceUnavailable
		}
		return http.StatusOK
	})
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL}, nil)
	w.backoff = func(n uint64) time.Duration { return time.Duration(n) * 200 * time.Millisecond }
	runWebhook(t, w)
	publishAlert(t, js, "r1", "a1")
	publishAlert(t, js, "r1", "a2")

	if got := recv.waitAccepted(t, 2); fmt.Sprint(got) != "[a1 a2]" {
		t.Fatalf("accepted %v, want [a1 a2]", got)
	}
	tries := recv.tries("a1")
	if len(tries) != 3 {
		t.Fatalf("a1 was tried %d times, want 3", len(tries))
	}
	// The n-th failure waits n*200ms: a Nak without delay would retry at once.
	for i, want := range []time.Duration{200 * time.Millisecond, 400 * time.Millisecond} {
		if gap := tries[i+1].at.Sub(tries[i].at); gap < want-20*time.Millisecond {
			t.Errorf("attempt %d came %v after the one before, want at least %v", i+2, gap, want)
		}
	}
	// One alert at a time: a2 waits for a1 to be accepted.
	if a2 := recv.tries("a2"); len(a2) != 3 || a2[0].at.Before(tries[2].at) {
		t.Errorf("a2 was sent before a1 was accepted, or tried other than 3 times (%d)", len(a2))
	}
}

func TestWebhookHonoursRetryAfter(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	recv.setAnswer(func(key string, n int, h http.Header) int {
		if n == 1 {
			h.Set("Retry-After", "1")
			return http.StatusTooManyRequests
		}
		return http.StatusOK
	})
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL}, nil)
	runWebhook(t, w)
	publishAlert(t, js, "r1", "a1")

	recv.waitAccepted(t, 1)
	tries := recv.tries("a1")
	if len(tries) != 2 {
		t.Fatalf("a1 was tried %d times, want 2", len(tries))
	}
	if gap := tries[1].at.Sub(tries[0].at); gap < 950*time.Millisecond {
		t.Errorf("retried %v after a 429 with Retry-After: 1, want at least 1s", gap)
	}
}

func TestWebhookDropsRefusedAlert(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	recv.setAnswer(func(key string, n int, h http.Header) int {
		if key == "a1" {
			return http.StatusNotFound
		}
		return http.StatusOK
	})
	var logs logBuffer
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL},
		slog.New(slog.NewTextHandler(&logs, nil)))
	runWebhook(t, w)
	publishAlert(t, js, "r1", "a1")
	publishAlert(t, js, "r1", "a2")

	if got := recv.waitAccepted(t, 1); fmt.Sprint(got) != "[a2]" {
		t.Fatalf("accepted %v, want [a2]", got)
	}
	time.Sleep(300 * time.Millisecond) // several backoffs: a retry would show
	if n := len(recv.tries("a1")); n != 1 {
		t.Errorf("a1 answered 404 was tried %d times, want once", n)
	}
	if line := logs.String(); !strings.Contains(line, "level=ERROR") || !strings.Contains(line, "status=404") || !strings.Contains(line, "rule=r1") {
		t.Errorf("no error logged for the refused alert; log:\n%s", line)
	}
	info, err := w.cons.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.NumAckPending != 0 || info.NumPending != 0 {
		t.Errorf("consumer still holds alerts: %d pending ack, %d undelivered", info.NumAckPending, info.NumPending)
	}
}

func TestWebhookGivesUp(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	recv.setAnswer(func(key string, n int, h http.Header) int {
		if key == "a1" {
			return http.StatusBadGateway
		}
		return http.StatusOK
	})
	var logs logBuffer
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL},
		slog.New(slog.NewTextHandler(&logs, nil)))
	w.backoff = func(uint64) time.Duration { return 10 * time.Millisecond }
	runWebhook(t, w)
	publishAlert(t, js, "r1", "a1")
	publishAlert(t, js, "r1", "a2")

	if got := recv.waitAccepted(t, 1); fmt.Sprint(got) != "[a2]" {
		t.Fatalf("accepted %v, want [a2]", got)
	}
	if n := len(recv.tries("a1")); n != defwatch.MaxDeliveries {
		t.Errorf("a1 was tried %d times, want %d", n, defwatch.MaxDeliveries)
	}
	if line := logs.String(); !strings.Contains(line, "level=ERROR") || !strings.Contains(line, "status=502") ||
		!strings.Contains(line, fmt.Sprintf("attempt=%d", defwatch.MaxDeliveries)) {
		t.Errorf("giving up was not logged as an error; log:\n%s", line)
	}
}

func TestWebhookSurvivesRestart(t *testing.T) {
	js := webhookJetStream(t)
	recv := newHookReceiver(t)
	rule := defwatch.Rule{Name: "r1", Webhook: recv.srv.URL}
	w := newTestWebhook(t, js, rule, nil)
	stop := runWebhook(t, w)
	publishAlert(t, js, "r1", "a0")
	recv.waitAccepted(t, 1)

	// The receiver goes down, and the webhook is stopped in the middle of
	// its third try: a request it gave up on must not hold the alert back
	// until AckWait (minutes) has passed.
	var down sync.Mutex
	isDown := true
	recv.setAnswer(func(key string, n int, h http.Header) int {
		down.Lock()
		defer down.Unlock()
		switch {
		case !isDown:
			return http.StatusOK
		case n >= 3:
			return hang
		}
		return http.StatusInternalServerError
	})
	publishAlert(t, js, "r1", "a1")
	recv.waitCalls(t, 4) // a0, and a1 three times
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	publishAlert(t, js, "r1", "a2")
	publishAlert(t, js, "r1", "a3")
	down.Lock()
	isDown = false
	down.Unlock()

	w2 := newTestWebhook(t, js, rule, nil)
	runWebhook(t, w2)
	got := recv.waitAccepted(t, 4)
	time.Sleep(300 * time.Millisecond) // room for a repeat
	if got = recv.accepted(); fmt.Sprint(got) != "[a0 a1 a2 a3]" {
		t.Fatalf("accepted %v, want [a0 a1 a2 a3], each once", got)
	}
}

func TestWebhookNewURLStartsAfresh(t *testing.T) {
	js := webhookJetStream(t)
	oldRecv, newRecv := newHookReceiver(t), newHookReceiver(t)
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: oldRecv.srv.URL}, nil)
	stop := runWebhook(t, w)
	publishAlert(t, js, "r1", "a1")
	oldRecv.waitAccepted(t, 1)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	// Waiting for the old receiver when its URL changes: not for the new one.
	publishAlert(t, js, "r1", "a2")

	w2 := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: newRecv.srv.URL}, nil)
	runWebhook(t, w2)
	publishAlert(t, js, "r1", "a3")
	newRecv.waitAccepted(t, 1)
	time.Sleep(300 * time.Millisecond)
	if got := newRecv.accepted(); fmt.Sprint(got) != "[a3]" {
		t.Errorf("new URL got %v, want [a3]", got)
	}
	if got := oldRecv.accepted(); fmt.Sprint(got) != "[a1]" {
		t.Errorf("old URL got %v, want [a1]", got)
	}
	info, err := js.Consumer(context.Background(), defwatch.StreamAlerts, "webhook-r1")
	if err != nil {
		t.Fatal(err)
	}
	md := info.CachedInfo().Config.Metadata
	if u := md[webhookURLKey]; u != urlHash(newRecv.srv.URL) {
		t.Errorf("consumer made for URL hash %q, want the new URL's", u)
	}
	for k, v := range md {
		if strings.Contains(v, "127.0.0.1") {
			t.Errorf("consumer metadata %s shows the URL: %q", k, v)
		}
	}
}

func TestDeleteWebhook(t *testing.T) {
	js := webhookJetStream(t)
	ctx := context.Background()
	recv := newHookReceiver(t)
	w := newTestWebhook(t, js, defwatch.Rule{Name: "r1", Webhook: recv.srv.URL}, nil)
	ctxRun, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- w.Run(ctxRun) }()
	time.Sleep(100 * time.Millisecond) // let Run wait on a fetch

	if err := DeleteWebhook(ctx, js, "r1"); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Consumer(ctx, defwatch.StreamAlerts, "webhook-r1"); !errors.Is(err, jetstream.ErrConsumerNotFound) {
		t.Errorf("after DeleteWebhook the consumer lookup says %v, want not found", err)
	}
	if err := DeleteWebhook(ctx, js, "r1"); err != nil {
		t.Errorf("deleting a missing webhook: %v", err)
	}
	if err := DeleteWebhook(ctx, js, "never"); err != nil {
		t.Errorf("deleting a webhook never made: %v", err)
	}
	// A running webhook whose consumer is gone stops instead of spinning.
	select {
	case err := <-done:
		if err == nil {
			t.Error("Run returned nil after its consumer was deleted, want an error")
		}
	case <-time.After(5 * time.Second):
		t.Error("Run still running 5s after its consumer was deleted")
	}
}

func TestNewWebhookRejects(t *testing.T) {
	js := webhookJetStream(t)
	client := &http.Client{}
	for name, c := range map[string]struct {
		rule   defwatch.Rule
		client *http.Client
	}{
		"no URL":         {defwatch.Rule{Name: "r1"}, client},
		"relative URL":   {defwatch.Rule{Name: "r1", Webhook: "/hook"}, client},
		"ftp URL":        {defwatch.Rule{Name: "r1", Webhook: "ftp://example.com/"}, client},
		"bad rule name":  {defwatch.Rule{Name: "r.1", Webhook: "https://example.com/"}, client},
		"no HTTP client": {defwatch.Rule{Name: "r1", Webhook: "https://example.com/"}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := NewWebhook(context.Background(), js, c.rule, c.client, slog.New(slog.DiscardHandler)); err == nil {
				t.Error("NewWebhook accepted it")
			}
		})
	}
}

func TestWebhookRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 10, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"7200", time.Hour, true},
		{"99999999999999999", time.Hour, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
		{now.Add(48 * time.Hour).Format(http.TimeFormat), time.Hour, true},
	} {
		got, ok := retryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestWebhookStatuses(t *testing.T) {
	for _, s := range []int{408, 425, 429, 500, 502, 503, 504} {
		if !retryableStatus(s) {
			t.Errorf("%d is not retried", s)
		}
	}
	for _, s := range []int{400, 401, 403, 404, 405, 410, 413, 422} {
		if retryableStatus(s) {
			t.Errorf("%d is retried", s)
		}
	}
}
