package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/defwatch/defwatch"
)

// newsSite is a site whose home page names its feed with <link
// rel="alternate">, with one story that fails twice before it answers.
type newsSite struct {
	*httptest.Server
	mu        sync.Mutex
	flaky     []time.Time
	feedPolls int
	n304      []time.Time
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Defence Daily</title>
<link rel="alternate" type="application/rss+xml" title="News" href="/news.rss"></head><body><h1>Defence Daily</h1></body></html>`)
	})
	mux.HandleFunc("GET /news.rss", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.feedPolls++
		if r.Header.Get("If-None-Match") == `"n1"` {
			s.n304 = append(s.n304, time.Now())
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.mu.Unlock()
		w.Header().Set("ETag", `"n1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Defence Daily</title>
<item><title>Polish brigade exercises</title><link>%[1]s/poland-brigade</link><pubDate>Mon, 07 Apr 2025 08:00:00 GMT</pubDate>
<description>A brigade of 5,000 troops exercised near the border.</description></item>
<item><title>Ministers meet on Ukraine force</title><link>%[1]s/ministers</link><pubDate>Tue, 08 Apr 2025 08:00:00 GMT</pubDate>
<description>Ministers met, the feed says.</description></item>
</channel></rss>`, s.URL)
	})
	mux.HandleFunc("GET /poland-brigade", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html lang="en"><head><title>Polish brigade exercises</title></head><body><article>
<p>WARSAW – A Polish brigade of about 5,000 troops exercised near the border with Belarus on Monday, the defence ministry said.</p>
<p>The drills, which the ministry described as routine, involved armoured vehicles and artillery units from three garrisons.</p></article></body></html>`)
	})
	mux.HandleFunc("GET /ministers", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.flaky = append(s.flaky, time.Now())
		n := len(s.flaky)
		s.mu.Unlock()
		if n <= 2 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `<html lang="en"><head><title>Ministers meet on Ukraine force</title></head><body><article>
<p>BRUSSELS – Defence ministers of about 30 nations met at NATO headquarters on Tuesday to discuss a force for Ukraine.</p>
<p>The page itself says the meeting ran late into the evening, which the feed did not.</p></article></body></html>`)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestFeedsManaged is the feed set at work: defwatch run starts with no
// feeds, and `defwatch feeds add` gives it a good feed, a 404 and an HTML
// page that names its feed.
func TestFeedsManaged(t *testing.T) {
	site := newTestSite(t)
	news := newNewsSite(t)
	natsAddr := freeAddr(t)
	natsURL := "nats://" + natsAddr
	data := t.TempDir() // feeds commands read the admin's NATS password from it
	r := startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t),
		"--allow-private", "--host-delay", "0", "--poll-interval", "1s", "--page-retry", "700ms")

	out, err := runCmd(t, "", "feeds", "add", "--nats", natsURL, "--data", data, "--tag", "test",
		site.URL+"/feed.xml", site.URL+"/missing.xml", news.URL+"/")
	if err != nil {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	if strings.Count(out, "\tadded") != 3 {
		t.Errorf("feeds add said:\n%s", out)
	}
	// Without the admin's password the feed set is out of reach.
	if out, err := runCmd(t, "", "feeds", "add", "--nats", natsURL, "--data", t.TempDir(), news.URL+"/other.xml"); err == nil || !strings.Contains(err.Error(), "refused the credentials") {
		t.Errorf("feeds add without credentials: %v %q, want refused", err, out)
	}
	// The good feed's three items, and the two the page's feed carries.
	res := waitForTotal(t, r.api, "*", 5)
	checkSeed(t, r.api, hitByTitle(t, res, "NATO to host defense leaders"))

	list := func() map[string]defwatch.FeedStatus {
		out, err := runCmd(t, "", "feeds", "list", "--nats", natsURL, "--data", data, "--json")
		if err != nil {
			t.Fatalf("feeds list: %v", err)
		}
		feeds := map[string]defwatch.FeedStatus{}
		sc := bufio.NewScanner(strings.NewReader(out))
		for sc.Scan() {
			var f defwatch.FeedStatus
			if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
				t.Fatalf("feeds list --json: %v in %q", err, sc.Text())
			}
			feeds[f.URL] = f
		}
		return feeds
	}
	t.Run("feeds list", func(t *testing.T) {
		feeds := list()
		missing := feeds[site.URL+"/missing.xml"]
		if missing.State != defwatch.FeedFailing || missing.Health.Status != 404 || missing.Health.NextPoll.IsZero() ||
			missing.Health.LastError == "" {
			t.Errorf("404 feed: %+v", missing)
		}
		found, ok := feeds[news.URL+"/news.rss"]
		if !ok || !strings.Contains(found.Note, "found on "+news.URL+"/") || found.Tags[0] != "test" {
			t.Errorf("the page's feed: %+v (listed %v)", found, ok)
		}
		if _, ok := feeds[news.URL+"/"]; ok {
			t.Error("the page itself is still in the set")
		}
		good := feeds[site.URL+"/feed.xml"]
		if good.State != defwatch.FeedOK || good.Health.Items != 3 || good.Health.Seen != 3 {
			t.Errorf("good feed: %+v", good)
		}
		table, err := runCmd(t, "", "feeds", "list", "--nats", natsURL, "--data", data)
		if err != nil || !strings.HasPrefix(table, "STATE") || !strings.Contains(strings.SplitN(table, "\n", 3)[1], "failing") {
			t.Errorf("feeds list table, failing first:\n%s", table)
		}
	})
	t.Run("a page that failed twice is fetched on its own schedule", func(t *testing.T) {
		waitFor(t, 60*time.Second, "the page's own text indexed", func() bool {
			return search(t, r.api, `"ran late into the evening"`).Total == 1
		})
		if n := search(t, r.api, `title:"Ministers meet on Ukraine force"`).Total; n != 1 {
			t.Errorf("%d copies of the story, want the page in place of the feed's version", n)
		}
		news.mu.Lock()
		defer news.mu.Unlock()
		// Between its first try and the one that worked (0.7 s, then 1.4 s
		// later) the feed, polled every second, answered 304.
		between := 0
		for _, at := range news.n304 {
			if len(news.flaky) == 3 && at.After(news.flaky[0]) && at.Before(news.flaky[2]) {
				between++
			}
		}
		if len(news.flaky) != 3 || between == 0 {
			t.Errorf("page fetched %d times, the feed answering 304 %d times between the first and the last", len(news.flaky), between)
		}
	})
	t.Run("metrics", func(t *testing.T) {
		search(t, r.api, "nation:UA") // one search for the histogram
		resp, err := http.Get(r.api + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		parser := expfmt.NewTextParser(model.UTF8Validation)
		fams, err := parser.TextToMetricFamilies(resp.Body)
		if err != nil {
			t.Fatalf("/metrics does not parse: %v", err)
		}
		value := func(name string, labels map[string]string) (float64, bool) {
			f, ok := fams[name]
			if !ok {
				return 0, false
			}
		next:
			for _, m := range f.GetMetric() {
				for k, v := range labels {
					found := false
					for _, l := range m.GetLabel() {
						if l.GetName() == k && l.GetValue() == v {
							found = true
						}
					}
					if !found {
						continue next
					}
				}
				switch {
				case m.Counter != nil:
					return m.Counter.GetValue(), true
				case m.Gauge != nil:
					return m.Gauge.GetValue(), true
				case m.Histogram != nil:
					return float64(m.Histogram.GetSampleCount()), true
				}
			}
			return 0, false
		}
		for _, c := range []struct {
			name   string
			labels map[string]string
			min    float64
		}{
			{"defwatch_ingest_polls_total", map[string]string{"result": "not_modified"}, 1},
			{"defwatch_ingest_failures_total", map[string]string{"what": "feed", "kind": "http_404"}, 1},
			{"defwatch_ingest_failures_total", map[string]string{"what": "page", "kind": "http_5xx"}, 2},
			{"defwatch_ingest_pages_total", map[string]string{"result": "fetched"}, 5},
			{"defwatch_ingest_items_published_total", map[string]string{"from": "page"}, 5},
			{"defwatch_ingest_items_published_total", map[string]string{"from": "feed"}, 1},
			{"defwatch_ingest_fetched_bytes_total", map[string]string{"what": "page"}, 1000},
			{"defwatch_ingest_feeds", map[string]string{"state": "failing"}, 1},
			{"defwatch_consumer_pending", map[string]string{"stream": defwatch.StreamPages, "consumer": "extract"}, 0},
			{"defwatch_consumer_redelivered", map[string]string{"stream": defwatch.StreamArticles, "consumer": "index-main"}, 0},
			{"defwatch_index_documents", nil, 5},
			{"defwatch_index_size_bytes", nil, 1},
			{"defwatch_index_segments", nil, 1},
			{"defwatch_index_time_columns_bytes", nil, 0},
			{"defwatch_index_facet_columns_bytes", nil, 0},
			{"defwatch_search_duration_seconds", map[string]string{"via": "http"}, 1},
			{"go_goroutines", nil, 1},
		} {
			v, ok := value(c.name, c.labels)
			if !ok || v < c.min {
				t.Errorf("%s%v = %v (present %v), want at least %v", c.name, c.labels, v, ok, c.min)
			}
		}
	})
	t.Run("api and web page", func(t *testing.T) {
		var body struct {
			Total  int
			States map[string]int
		}
		if code := getJSON(t, r.api+"/api/feeds", &body); code != http.StatusOK || body.Total != 3 || body.States["failing"] != 1 {
			t.Errorf("GET /api/feeds: %d %+v", code, body)
		}
		resp, err := http.Get(r.api + "/sources")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var page strings.Builder
		_, _ = bufio.NewReader(resp.Body).WriteTo(&page)
		if resp.StatusCode != http.StatusOK || !strings.Contains(page.String(), site.URL+"/missing.xml") {
			t.Errorf("GET /sources: %d", resp.StatusCode)
		}
	})
	t.Run("rm, disable, export", func(t *testing.T) {
		if out, err := runCmd(t, "", "feeds", "disable", "--nats", natsURL, "--data", data, site.URL+"/missing.xml"); err != nil || !strings.Contains(out, "disabled") {
			t.Errorf("disable: %v %s", err, out)
		}
		if out, err := runCmd(t, "", "feeds", "rm", "--nats", natsURL, "--data", data, site.URL+"/missing.xml"); err != nil || !strings.Contains(out, "removed") {
			t.Errorf("rm: %v %s", err, out)
		}
		if _, err := runCmd(t, "", "feeds", "rm", "--nats", natsURL, "--data", data, site.URL+"/missing.xml"); err == nil || !strings.Contains(err.Error(), "no such feed") {
			t.Errorf("rm twice: %v", err)
		}
		out, err := runCmd(t, "", "feeds", "export", "--nats", natsURL, "--data", data)
		if err != nil || !strings.Contains(out, "<opml") || !strings.Contains(out, news.URL+"/news.rss") || strings.Contains(out, "missing.xml") {
			t.Errorf("export: %v\n%s", err, out)
		}
	})
}
