package ingest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

func TestFeedLinks(t *testing.T) {
	page := `<!doctype html><html><head><title>News</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/atom+xml" href="/atom.xml" title="Atom">
<link rel="alternate" type="application/rss+xml" href="https://cdn.example.com/rss.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="ALTERNATE home" type="application/feed+json" href="feed.json">
</head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>`
	got := FeedLinks([]byte(page), "https://www.example.com/news/")
	want := []string{"https://cdn.example.com/rss.xml", "https://www.example.com/atom.xml", "https://www.example.com/news/feed.json"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := FeedLinks([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>`), "https://x.example/"); len(got) != 0 {
		t.Errorf("a javascript: link was taken for a feed: %q", got)
	}
}

// TestDiscovery adds pages to the feed set: one names its feed, one only
// has a news sitemap in its site's robots.txt, one has neither.
func TestDiscovery(t *testing.T) {
	tn := startNATS(t)
	var mu sync.Mutex
	fetched := map[string]int{}
	var site string
	site = newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fetched[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/", "/section/":
			fmt.Fprint(w, `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`)
		case "/feed.xml":
			fmt.Fprint(w, rssOf(site+"/a1"))
		case "/a1", "/n1", "/n2":
			fmt.Fprintf(w, "<html><body><p>Story %s.</p></body></html>", r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	})).URL
	var news string
	news = newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<!doctype html><html><head><title>No feed here</title></head><body>home</body></html>`)
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap.xml\nSitemap: %s/news-sitemap.xml\n", news, news)
		case "/news-sitemap.xml":
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%s/news-old.xml</loc><lastmod>2025-04-01</lastmod></sitemap>
<sitemap><loc>%s/news-today.xml</loc><lastmod>2025-04-10T10:00:00Z</lastmod></sitemap>
<sitemap><loc>https://elsewhere.example/news.xml</loc><lastmod>2025-04-11</lastmod></sitemap>
</sitemapindex>`, news, news)
		case "/news-today.xml", "/news-old.xml":
			n := map[string]string{"/news-today.xml": "n1", "/news-old.xml": "n2"}[r.URL.Path]
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%s/%s</loc><news:news><news:publication><news:name>News</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-04-10T09:12:00Z</news:publication_date><news:title>Ministers meet in Brussels</news:title></news:news></url>
</urlset>`, news, n)
		case "/n1", "/n2":
			fmt.Fprintf(w, "<html><body><p>Story %s.</p></body></html>", r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	})).URL
	bare := newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Nothing</title></head><body>no feed</body></html>`)
	})).URL
	if _, err := tn.set.Add(t.Context(), defwatch.Feed{URL: site + "/", Tags: []string{"UA"}}); err != nil {
		t.Fatal(err)
	}
	tn.add(t, news+"/", bare+"/")
	cfg := testConfig()
	cfg.Schedule = Schedule{Every: 200 * time.Millisecond}
	startWorker(t, tn, cfg, FetcherConfig{})

	waitFor(t, 30*time.Second, "the feed and the sitemap found, and their items out", func() bool {
		var urls []string
		for _, p := range tn.pages(t) {
			urls = append(urls, p.URL)
		}
		return slices.Contains(urls, site+"/a1") && slices.Contains(urls, news+"/n1") && slices.Contains(urls, news+"/n2")
	})
	feeds, err := tn.set.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]defwatch.FeedStatus{}
	for _, f := range feeds {
		byURL[f.URL] = f
	}
	if f, ok := byURL[site+"/feed.xml"]; !ok || !strings.Contains(f.Note, "found on "+site+"/") || !slices.Equal(f.Tags, []string{"UA"}) {
		t.Errorf("discovered feed: %+v (present %v)", f, ok)
	}
	if _, ok := byURL[site+"/"]; ok {
		t.Error("the page that named its feed is still in the set")
	}
	if f, ok := byURL[news+"/news-sitemap.xml"]; !ok || f.Kind != defwatch.FeedKindSitemap || !strings.Contains(f.Note, "robots.txt") {
		t.Errorf("news sitemap: %+v (present %v)", f, ok)
	}
	waitFor(t, 10*time.Second, "the bare page failing", func() bool { return tn.feed(t, bare+"/").State == defwatch.FeedFailing })
	if f := tn.feed(t, bare+"/"); !strings.Contains(f.Health.LastError, `names no feed`) {
		t.Errorf("page without a feed: %q", f.Health.LastError)
	}
	for _, p := range tn.pages(t) {
		if p.URL == news+"/n1" && (p.Title != "Ministers meet in Brussels" || p.Lang != "en" || p.Published.IsZero()) {
			t.Errorf("sitemap item: %+v", p)
		}
	}
}

// TestRobots: a page robots.txt refuses is not fetched (the item goes out
// from its feed), and the host's Crawl-delay spaces every request.
func TestRobots(t *testing.T) {
	tn := startNATS(t)
	var mu sync.Mutex
	var times []time.Time
	hits := map[string]int{}
	var base string
	base = newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		hits[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n\nUser-agent: defwatch\nDisallow: /private/\nCrawl-delay: 0.3\n")
		case "/feed.xml":
			fmt.Fprint(w, rssOf(base+"/private/secret", base+"/public/1", base+"/public/2", base+"/public/3"))
		default:
			fmt.Fprintf(w, "<html><body><p>Story %s.</p></body></html>", r.URL.Path)
		}
	})).URL
	tn.add(t, base+"/feed.xml")
	cfg := testConfig()
	cfg.IgnoreRobots = false
	cfg.Schedule = Schedule{Every: time.Hour}
	startWorker(t, tn, cfg, FetcherConfig{})
	waitFor(t, 20*time.Second, "four items out", func() bool { return tn.pageCount(t) == 4 })
	mu.Lock()
	defer mu.Unlock()
	if hits["/private/secret"] != 0 {
		t.Error("a page robots.txt refuses was fetched")
	}
	if hits["/robots.txt"] != 1 {
		t.Errorf("robots.txt read %d times, want once", hits["/robots.txt"])
	}
	for i := 1; i < len(times); i++ {
		// The delay starts when robots.txt has answered, so the feed
		// poll before it is the only one that may come sooner.
		if gap := times[i].Sub(times[i-1]); i > 1 && gap < 300*time.Millisecond {
			t.Errorf("requests %d and %d %s apart; Crawl-delay is 0.3s", i-1, i, gap)
		}
	}
	for _, p := range tn.pages(t) {
		if strings.Contains(p.URL, "/private/") && p.TextFrom != defwatch.TextFromFeed {
			t.Errorf("the refused page went out as %+v", p)
		}
	}
}
