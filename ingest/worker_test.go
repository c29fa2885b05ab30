package ingest

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/feedset"
)

// feedSite serves corpus feeds with their item links pointed at itself,
// and a small article page at every other path.
type feedSite struct {
	url   string
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
			w.Write(itemLinkRE.ReplaceAll(body, []byte("${1}"+s.url)))
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
	s.url = newHost(t, mux).URL
	return s
}

func (s *feedSite) fetches(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages[path]
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

func TestWorker(t *testing.T) {
	tn := startNATS(t)
	site := newFeedSite(t)
	tn.add(t, site.url+"/partial.json", site.url+"/missing.xml", site.url+"/guardian.rss", site.url+"/ibash.xml")
	cfg := testConfig()
	cfg.PageTries = 3
	cfg.Schedule = Schedule{Every: time.Hour} // one poll each, unless the test asks
	wk := startWorker(t, tn, cfg, FetcherConfig{})

	// 55 Guardian items and 50 iBash quotes; the one whose page is down
	// goes out from its feed's text after its second failure.
	const want = 55 + 50
	waitFor(t, 30*time.Second, fmt.Sprintf("%d pages", want), func() bool { return tn.pageCount(t) >= want })
	down := "/quote.php?id=17703"
	waitFor(t, 10*time.Second, "the failing page given up", func() bool { return site.fetches(down) == cfg.PageTries })

	pages := tn.pages(t)
	if len(pages) != want {
		t.Errorf("%d pages published, want %d", len(pages), want)
	}
	ids := map[string]bool{}
	var cyrillic, fromFeed bool
	for _, p := range pages {
		if ids[p.ID] {
			t.Errorf("page %s published twice", p.URL)
		}
		ids[p.ID] = true
		if strings.HasPrefix(p.Title, "Цитата #") {
			cyrillic = true
		}
		if p.TextFrom == defwatch.TextFromFeed {
			fromFeed = true
			if !strings.Contains(p.URL, "17703") || p.Text == "" || p.HTML != "" {
				t.Errorf("page from the feed: %+v", p)
			}
			continue
		}
		if !strings.HasPrefix(p.HTML, "<html>") || p.Fetched.IsZero() || p.Feed == "" {
			t.Errorf("page %s lacks fields: %+v", p.URL, p)
		}
	}
	if !cyrillic {
		t.Error("no windows-1251 title came out as Cyrillic")
	}
	if !fromFeed {
		t.Error("the page that stayed down did not go out from its feed's text")
	}

	t.Run("health", func(t *testing.T) {
		missing := tn.feed(t, site.url+"/missing.xml")
		if missing.State != defwatch.FeedFailing || missing.Health.Status != 404 || missing.Health.NextPoll.IsZero() ||
			!strings.Contains(missing.Health.LastError, "404") {
			t.Errorf("missing feed: %+v", missing)
		}
		partial := tn.feed(t, site.url+"/partial.json")
		if partial.State != defwatch.FeedFailing || !strings.Contains(partial.Health.LastError, "parse") {
			t.Errorf("truncated feed: %+v", partial)
		}
		g := tn.feed(t, site.url+"/guardian.rss")
		if g.State != defwatch.FeedOK || g.Health.Items != 55 || g.Health.Seen != 55 || g.Health.NewDay != 55 || g.Health.Title == "" {
			t.Errorf("guardian feed: %+v", g.Health)
		}
		for _, f := range []string{"/missing.xml", "/partial.json"} {
			if n := wk.logs.count("feed_url=" + site.url + f); n != 1 {
				t.Errorf("%s: %d log lines, want one when it started failing:\n%s", f, n, wk.logs.String())
			}
		}
	})

	t.Run("polled again: 304, no page fetched", func(t *testing.T) {
		fetched := site.pageFetches()
		n304 := site.n304.Load()
		// A setting changed at run time applies at once: the feeds are due
		// again within a second.
		for _, f := range []string{"/guardian.rss", "/ibash.xml"} {
			iv := defwatch.Duration(time.Minute)
			if _, err := tn.set.Update(context.Background(), site.url+f, func(f *defwatch.Feed, ok bool) error {
				f.Interval = iv
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := tn.set.SetEnabled(context.Background(), site.url+f, false, "test"); err != nil {
				t.Fatal(err)
			}
			// The set's watcher may skip a revision overwritten before it
			// was read; enabled again unseen, the feed would keep its
			// schedule. The test is of a feed seen disabled, then enabled.
			key := defwatch.FeedKey(site.url + f)
			waitFor(t, 10*time.Second, f+" seen disabled", func() bool {
				wk.w.mu.Lock()
				defer wk.w.mu.Unlock()
				return wk.w.feeds[key].Disabled
			})
			if _, err := tn.set.SetEnabled(context.Background(), site.url+f, true, ""); err != nil {
				t.Fatal(err)
			}
		}
		waitFor(t, 10*time.Second, "two 304s", func() bool { return site.n304.Load() >= n304+2 })
		if got := site.pageFetches(); got != fetched {
			t.Errorf("%d pages fetched again", got-fetched)
		}
		if got := tn.pageCount(t); got != want {
			t.Errorf("%d pages, want still %d", got, want)
		}
	})
}

// TestFeedSetMadeAgain deletes the feed set's bucket under a running
// worker and makes it again: the feeds it held stop, and a feed added to
// the new bucket is polled, without a restart.
func TestFeedSetMadeAgain(t *testing.T) {
	tn := startNATS(t)
	var mu sync.Mutex
	polls := map[string]int{}
	base := newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		polls[r.URL.Path]++
		mu.Unlock()
		fmt.Fprint(w, rssOf())
	})).URL
	count := func(path string) int {
		mu.Lock()
		defer mu.Unlock()
		return polls[path]
	}
	tn.add(t, base+"/old.xml")
	cfg := testConfig()
	cfg.Schedule = Schedule{Every: 100 * time.Millisecond}
	startWorker(t, tn, cfg, FetcherConfig{})
	waitFor(t, 20*time.Second, "the old feed polled", func() bool { return count("/old.xml") > 0 })

	ctx := context.Background()
	if err := tn.js.DeleteKeyValue(ctx, defwatch.KVFeeds); err != nil {
		t.Fatal(err)
	}
	if err := Setup(ctx, tn.js, SetupConfig{}); err != nil {
		t.Fatal(err)
	}
	set, err := feedset.Open(ctx, tn.js)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := set.Add(ctx, defwatch.Feed{URL: base + "/new.xml"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the new feed polled", func() bool { return count("/new.xml") > 0 })
	// The old feed went with its bucket: a poll in flight may finish, then
	// no more, over many of its intervals.
	old := count("/old.xml")
	n := count("/new.xml")
	waitFor(t, 30*time.Second, "the new feed polled ten times more", func() bool { return count("/new.xml") >= n+10 })
	if got := count("/old.xml"); got > old+1 {
		t.Errorf("the feed of the deleted bucket was polled %d more times", got-old)
	}
}
