package ingest

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestPageRetriedWhileFeedAnswers304: a page that fails twice and then
// answers is fetched on its own schedule while its feed answers 304; the
// item goes out from the feed's text after the second failure, and the
// page replaces it under the same article id.
func TestPageRetriedWhileFeedAnswers304(t *testing.T) {
	tn := startNATS(t)
	var mu sync.Mutex
	var pageTries []time.Time
	feedPolls, n304 := 0, 0
	var base string
	base = newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/feed.xml":
			feedPolls++
			if r.Header.Get("If-None-Match") == `"1"` {
				n304++
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>f</title>
<item><title>Troops at the border</title><link>%s/story</link><author>desk@example.com (Jane Desk)</author>
<pubDate>Thu, 10 Apr 2025 09:00:00 GMT</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>About <b>10,000 troops</b> gathered near the border.</p><script>track()</script>]]></content:encoded></item>
</channel></rss>`, base)
		case "/story":
			pageTries = append(pageTries, time.Now())
			if len(pageTries) <= 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, `<html><head><title>Troops at the border</title></head><body><article><p>The whole story of the troops.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	})).URL
	tn.add(t, base+"/feed.xml")
	cfg := testConfig()
	cfg.Schedule = Schedule{Every: 100 * time.Millisecond}
	cfg.PageRetry = 400 * time.Millisecond
	startWorker(t, tn, cfg, FetcherConfig{})

	waitFor(t, 30*time.Second, "the page fetched on its third try", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(pageTries) >= 3
	})
	waitFor(t, 10*time.Second, "two pages out: the feed's text, then the page", func() bool { return tn.pageCount(t) == 2 })
	pages := tn.pages(t)
	feedText, page := pages[0], pages[1]
	if feedText.TextFrom != defwatch.TextFromFeed || feedText.HTML != "" ||
		feedText.Text != "About 10,000 troops gathered near the border." || feedText.Title != "Troops at the border" ||
		feedText.Published.IsZero() || feedText.Byline == "" {
		t.Errorf("the item from its feed: %+v", feedText)
	}
	if page.TextFrom != "" || !strings.Contains(page.HTML, "The whole story") {
		t.Errorf("the page: %+v", page)
	}
	if page.ID != feedText.ID {
		t.Errorf("the page went out as %s, not in place of the feed's version %s", page.ID, feedText.ID)
	}

	mu.Lock()
	defer mu.Unlock()
	// The feed answered 304 all along: the page was tried on its own
	// schedule, its waits doubling.
	if n304 < feedPolls-1 || n304 < 3 {
		t.Errorf("%d polls, %d answered 304", feedPolls, n304)
	}
	first, second := pageTries[1].Sub(pageTries[0]), pageTries[2].Sub(pageTries[1])
	if first < cfg.PageRetry || second < 2*cfg.PageRetry {
		t.Errorf("retries after %s and %s, want at least %s and %s", first, second, cfg.PageRetry, 2*cfg.PageRetry)
	}
	if len(pageTries) != 3 {
		t.Errorf("page fetched %d times, want 3", len(pageTries))
	}
}

// TestManyLanesQueueAtOnce: many hosts' polls queue their items at the
// same moment with few publish slots to share; none may wait on another.
func TestManyLanesQueueAtOnce(t *testing.T) {
	tn := startNATS(t)
	const hosts, items = 12, 30
	for range hosts {
		var base string
		base = newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/feed.xml" {
				links := make([]string, items)
				for i := range links {
					links[i] = fmt.Sprintf("%s/story/%d", base, i)
				}
				fmt.Fprint(w, rssOf(links...))
				return
			}
			fmt.Fprint(w, "<html><body><p>A story.</p></body></html>")
		})).URL
		tn.add(t, base+"/feed.xml")
	}
	cfg := testConfig()
	cfg.Schedule = Schedule{Every: time.Hour}
	cfg.inFlight = 4
	startWorker(t, tn, cfg, FetcherConfig{})
	waitFor(t, 60*time.Second, "every item's page out", func() bool { return tn.pageCount(t) == hosts*items })
}
