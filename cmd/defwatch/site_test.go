package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// testSite serves testdata/site: a real af.mil RSS feed cut to three items
// whose links point back here, two real af.mil print pages (one declares no
// charset at all), and the seed article as a news page (shared with other
// packages' tests in the repository's testdata/).
type testSite struct {
	*httptest.Server
	feedHits    atomic.Int64
	notModified atomic.Int64
	// conditional makes the feed honour If-None-Match; off, it always
	// answers 200, so only defwatch's memory of items avoids refetching.
	conditional atomic.Bool
	mu          sync.Mutex
	pageHits    map[string]int
}

const (
	seedPath = "/world/nato-ukraine-force-ministers.html"
	seedHTML = "../../testdata/seed.html" // relative to the package, not the site
)

func newTestSite(t *testing.T) *testSite {
	t.Helper()
	s := &testSite{pageHits: map[string]int{}}
	s.conditional.Store(true)
	pages := map[string]struct{ file, contentType string }{
		seedPath:                                 {seedHTML, "text/html; charset=utf-8"},
		"/news/643334/secaf-speaks-at-csis.aspx": {"Print9e4f.html.gz", "text/html"},
		"/news/core-missions.aspx":               {"Print0cc1.html.gz", "text/html"},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		const etag = `"feed-v1"`
		if s.conditional.Load() && r.Header.Get("If-None-Match") == etag {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(s.file(t, "feed.xml"))
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		s.pageHits[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", p.contentType)
		w.Write(s.file(t, p.file))
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// file reads a site file, unzipped, with {{BASE}} set to the server's URL.
// A bare name is a file of testdata/site.
func (s *testSite) file(t *testing.T, name string) []byte {
	if !strings.Contains(name, "/") {
		name = filepath.Join("testdata", "site", name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Errorf("site: %v", err)
		return nil
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Errorf("site: %v", err)
			return nil
		}
		if data, err = io.ReadAll(zr); err != nil {
			t.Errorf("site: %v", err)
		}
	}
	return bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(s.URL))
}

func (s *testSite) hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.pageHits))
	for k, v := range s.pageHits {
		out[k] = v
	}
	return out
}

// freeAddr returns a loopback address nothing listens on right now, for a
// server the test starts in a moment. Its port is picked at random below
// the ports the kernel gives outgoing connections (32768 and up on Linux,
// 49152 and up elsewhere): a port of that range, once let go, is soon
// taken again as the source port of some client's connection (another
// test process's, say), and the server's listen then fails.
func freeAddr(t testing.TB) string {
	t.Helper()
	for range 1000 {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 20000+rand.IntN(12000)))
		if err != nil {
			continue // taken
		}
		addr := ln.Addr().String()
		if err := ln.Close(); err != nil {
			t.Fatal(err)
		}
		return addr
	}
	t.Fatal("no free port between 20000 and 32000 on 127.0.0.1")
	return ""
}

// running is one `defwatch run` in this process.
type running struct {
	cancel context.CancelFunc
	done   chan error
	api    string // http://host:port, when it serves
}

// embedded maps the address of each embedded NATS server a test started
// to its data directory, so that test clients and commands log in the way
// they would on the same machine: with the passwords kept there.
var embedded sync.Map // "host:port" → data directory

// argValue is the value of flag in args, "" when it is not there.
func argValue(args []string, flag string) string {
	for i, a := range args {
		if a == flag && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// embeddedData is the data directory of the embedded server at url (or
// host:port), as startRun recorded it.
func embeddedData(tb testing.TB, url string) string {
	tb.Helper()
	addr := strings.TrimPrefix(strings.Split(url, ",")[0], "nats://")
	d, ok := embedded.Load(addr)
	if !ok {
		tb.Fatalf("no embedded NATS server started at %s in this test", addr)
	}
	return d.(string)
}

// natsPassword is user's password on the embedded server at url.
func natsPassword(tb testing.TB, url, user string) string {
	tb.Helper()
	u, err := loadNATSUsers(embeddedData(tb, url))
	if err != nil {
		tb.Fatalf("users of the embedded server at %s: %v", url, err)
	}
	return u[user]
}

// startRun starts `defwatch run args...` and, when it serves HTTP, waits
// until it is ready. A run with --nats pointing at an embedded server of
// this test logs in as the stages' user.
func startRun(t testing.TB, args ...string) *running {
	t.Helper()
	return startRunOut(t, t.Output(), args...)
}

// startRunOut is startRun with the run's standard error going to stderr.
func startRunOut(t testing.TB, stderr io.Writer, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{cancel: cancel, done: make(chan error, 1)}
	if listen, data := argValue(args, "--nats-listen"), argValue(args, "--data"); listen != "" && data != "" && argValue(args, "--nats") == "" {
		embedded.Store(listen, data)
	}
	if url := argValue(args, "--nats"); url != "" && argValue(args, "--nats-user") == "" {
		args = append(args, "--nats-user", natsUserStages, "--nats-password", natsPassword(t, url, natsUserStages))
	}
	args = append([]string{"run", "--log-level", "warn"}, args...)
	if l := argValue(args, "--listen"); l != "" {
		r.api = "http://" + l
		if argValue(args, "--tls-cert") != "" {
			r.api = "https://" + l
		}
	}
	go func() { r.done <- Run(ctx, args, nil, io.Discard, stderr) }()
	t.Cleanup(func() { r.stop(t) })
	if r.api != "" {
		waitFor(t, 20*time.Second, "HTTP server ready", func() bool {
			select {
			case err := <-r.done:
				r.done <- err
				t.Fatalf("defwatch run ended early: %v", err)
			default:
			}
			resp, err := readyClient.Get(r.api + "/readyz")
			if err != nil {
				return false
			}
			resp.Body.Close()
			return resp.StatusCode == http.StatusOK
		})
	}
	return r
}

// readyClient asks /readyz, over HTTPS too: a probe has no need to check
// whose certificate it is.
var readyClient = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

// stop shuts the run down and checks it ended cleanly.
func (r *running) stop(t testing.TB) {
	t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("defwatch run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("defwatch run did not shut down within 30s")
	}
}

func waitFor(t testing.TB, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func getJSON(t testing.TB, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", u, err, body)
		}
	}
	return resp.StatusCode
}

func search(t testing.TB, api, q string) *index.Result {
	t.Helper()
	var res index.Result
	u := fmt.Sprintf("%s/api/search?q=%s&size=50", api, url.QueryEscape(q))
	if code := getJSON(t, u, &res); code != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, code)
	}
	return &res
}

// waitForTotal waits until q matches exactly n articles.
func waitForTotal(t testing.TB, api, q string, n uint64) *index.Result {
	t.Helper()
	var res *index.Result
	// Generous: the whole pipeline under -race on a busy two-core machine
	// has taken over 30 s for the 201-article archive.
	// A search the busy machine could not finish in time (504) or had no
	// turn for (503) says so; the wait asks again.
	u := fmt.Sprintf("%s/api/search?q=%s&size=50", api, url.QueryEscape(q))
	waitFor(t, 90*time.Second, fmt.Sprintf("%d articles for %q", n, q), func() bool {
		var r index.Result
		switch code := getJSON(t, u, &r); code {
		case http.StatusOK:
			res = &r
			return res.Total == n
		case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return false
		default:
			t.Fatalf("GET %s: status %d", u, code)
			return false
		}
	})
	return res
}

func hitByTitle(t *testing.T, res *index.Result, prefix string) index.Hit {
	t.Helper()
	for _, h := range res.Hits {
		if strings.HasPrefix(h.Title, prefix) {
			return h
		}
	}
	t.Fatalf("no hit titled %q in %d hits", prefix, len(res.Hits))
	return index.Hit{}
}

// checkSeed asserts what an analyst must see of the seed article, in a
// search hit and in the whole article the API returns for it.
func checkSeed(t *testing.T, api string, h index.Hit) {
	t.Helper()
	checkSeedTags(t, &h.Article)
	var a defwatch.Article
	if code := getJSON(t, api+"/api/articles/"+h.ID, &a); code != http.StatusOK {
		t.Fatalf("GET /api/articles/%s: status %d", h.ID, code)
	}
	checkSeedArticle(t, &a)
}

func checkSeedTags(t *testing.T, a *defwatch.Article) {
	t.Helper()
	codes := map[string]bool{}
	for _, n := range a.Nations {
		codes[n.Code] = true
	}
	for _, want := range []string{"GB", "FR", "UA", "RU", "US", "DE"} {
		if !codes[want] {
			t.Errorf("seed nations %v: missing %s", a.Nations, want)
		}
	}
	var force bool
	for _, tr := range a.Troops {
		if tr.Min == 10000 && tr.Max == 30000 {
			force = true
		}
	}
	if !force {
		t.Errorf("seed troops %+v: want a 10,000-30,000 figure", a.Troops)
	}
}

func checkSeedArticle(t *testing.T, a *defwatch.Article) {
	t.Helper()
	checkSeedTags(t, a)
	if !strings.Contains(a.Text, "peacekeeping force remains contingent") {
		t.Errorf("seed text lacks its body: %.200q", a.Text)
	}
	if strings.Contains(a.Text, "Most read") || strings.Contains(a.Text, "All rights reserved") {
		t.Errorf("seed text kept boilerplate: %q", a.Text)
	}
	for _, want := range []string{"BRUSSELS – The defense ministers", "NATO’s headquarters", "Europe’s capability"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("seed text lacks the repaired %q", want)
		}
	}
	if strings.Contains(a.Text, "โ€") {
		t.Errorf("seed text keeps mojibake: %.300q", a.Text)
	}
	if want := time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("seed published %s, want %s", a.Published, want)
	}
}
