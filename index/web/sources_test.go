package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// fakeSources is a feed set in memory.
type fakeSources struct {
	mu    sync.Mutex
	feeds []defwatch.FeedStatus
}

func (f *fakeSources) List(context.Context) ([]defwatch.FeedStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := slices.Clone(f.feeds)
	defwatch.SortFeeds(out)
	return out, nil
}

func (f *fakeSources) Add(_ context.Context, feed defwatch.Feed) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !strings.HasPrefix(feed.URL, "https://") {
		return false, fmt.Errorf("%q is not an http(s) URL", feed.URL)
	}
	for _, g := range f.feeds {
		if g.URL == feed.URL {
			return false, nil
		}
	}
	f.feeds = append(f.feeds, defwatch.FeedStatus{Feed: feed, State: defwatch.FeedNew})
	return true, nil
}

func (f *fakeSources) SetEnabled(_ context.Context, u string, enabled bool, why string) (*defwatch.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.feeds {
		if f.feeds[i].URL == u {
			f.feeds[i].Disabled, f.feeds[i].DisabledBecause = !enabled, why
			f.feeds[i].State = defwatch.StateOf(f.feeds[i].Feed, f.feeds[i].Health)
			return &f.feeds[i].Feed, nil
		}
	}
	return nil, fmt.Errorf("%s: no such feed", u)
}

func (f *fakeSources) Remove(_ context.Context, u string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.feeds = slices.DeleteFunc(f.feeds, func(g defwatch.FeedStatus) bool { return g.URL == u })
	return nil
}

func TestSourcesPage(t *testing.T) {
	src := &fakeSources{}
	ok := defwatch.FeedHealth{LastPoll: testNow.Add(-3 * time.Minute), Status: 200, Items: 20, Seen: 40, NewDay: 4, NewWeek: 12,
		NextPoll: testNow.Add(7 * time.Minute), Title: "Ministry of Defence"}
	failing := defwatch.FeedHealth{LastPoll: testNow.Add(-time.Minute), Status: 404, LastError: "unexpected HTTP status 404 Not Found",
		LastErrorAt: testNow.Add(-time.Minute), Failures: 3, FailingSince: testNow.Add(-time.Hour), NextPoll: testNow.Add(8 * time.Minute)}
	src.feeds = []defwatch.FeedStatus{
		{Feed: defwatch.Feed{URL: "https://mod.example/rss", Tags: []string{"UA"}}, Health: ok, State: defwatch.FeedOK},
		{Feed: defwatch.Feed{URL: "https://gone.example/rss"}, Health: failing, State: defwatch.FeedFailing},
		{Feed: defwatch.Feed{URL: "javascript:alert(1)", Disabled: true, DisabledBecause: "<b>failing for days</b>"}, State: defwatch.FeedDisabled},
	}
	h := newServer(&fakeSearcher{}, slog.New(slog.DiscardHandler), func() time.Time { return testNow })
	WithSources(src)(h)

	code, body, doc := get(t, h, "/sources")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	checkNoLiveMarkup(t, body)
	rows := doc.Find("tr.source")
	if rows.Length() != 3 {
		t.Fatalf("%d rows, want 3", rows.Length())
	}
	if first := rows.First(); !strings.Contains(first.Text(), "gone.example") || !strings.Contains(first.Text(), "404") ||
		!strings.Contains(first.Text(), "in 8m") || !strings.Contains(first.Text(), "1m ago") {
		t.Errorf("the failing feed is not first with its status and times: %q", first.Text())
	}
	if got := doc.Find(`.places a[href="/sources"]`).AttrOr("aria-current", ""); got != "page" {
		t.Errorf("nav link aria-current %q", got)
	}
	if doc.Find(`a[href^="javascript:"]`).Length() != 0 {
		t.Error("a javascript: feed URL became a link")
	}
	if !strings.Contains(body, "4 / 12") || !strings.Contains(body, "Ministry of Defence") {
		t.Error("the ok feed's new items or title are missing")
	}

	t.Run("filter", func(t *testing.T) {
		_, _, doc := get(t, h, "/sources?state=failing")
		if n := doc.Find("tr.source").Length(); n != 1 {
			t.Errorf("%d failing rows, want 1", n)
		}
	})
	post := func(form url.Values, site string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/sources", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if site != "" {
			req.Header.Set("Sec-Fetch-Site", site)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	t.Run("add, disable, remove", func(t *testing.T) {
		rec := post(url.Values{"action": {"add"}, "url": {"https://new.example/feed"}, "tags": {"GB, NATO"}, "interval": {"30m"}}, "same-origin")
		if rec.Code != http.StatusSeeOther || !strings.Contains(rec.Header().Get("Location"), "done=") {
			t.Fatalf("add: %d %s", rec.Code, rec.Header().Get("Location"))
		}
		feeds, _ := src.List(context.Background())
		i := slices.IndexFunc(feeds, func(f defwatch.FeedStatus) bool { return f.URL == "https://new.example/feed" })
		if i < 0 || !slices.Equal(feeds[i].Tags, []string{"GB", "NATO"}) || time.Duration(feeds[i].Interval) != 30*time.Minute {
			t.Fatalf("added feed: %+v", feeds)
		}
		if rec := post(url.Values{"action": {"disable"}, "url": {"https://new.example/feed"}}, ""); rec.Code != http.StatusSeeOther {
			t.Errorf("disable: %d", rec.Code)
		}
		if rec := post(url.Values{"action": {"remove"}, "url": {"https://new.example/feed"}}, ""); rec.Code != http.StatusSeeOther {
			t.Errorf("remove: %d", rec.Code)
		}
		if feeds, _ := src.List(context.Background()); len(feeds) != 3 {
			t.Errorf("%d feeds after remove, want 3", len(feeds))
		}
	})
	t.Run("bad input says why", func(t *testing.T) {
		rec := post(url.Values{"action": {"add"}, "url": {"ftp://x.example/"}}, "")
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "not an http(s) URL") {
			t.Errorf("%d %s", rec.Code, rec.Body.String())
		}
		rec = post(url.Values{"action": {"add"}, "url": {"https://x.example/"}, "interval": {"soon"}}, "")
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "30m") {
			t.Errorf("%d", rec.Code)
		}
	})
	t.Run("another site's form is refused", func(t *testing.T) {
		if rec := post(url.Values{"action": {"remove"}, "url": {"https://mod.example/rss"}}, "cross-site"); rec.Code != http.StatusForbidden {
			t.Errorf("cross-site POST: %d, want 403", rec.Code)
		}
		if feeds, _ := src.List(context.Background()); len(feeds) != 3 {
			t.Error("a cross-site form removed a feed")
		}
	})
	t.Run("no feed set", func(t *testing.T) {
		if code, _, _ := get(t, newTestServer(&fakeSearcher{}), "/sources"); code != http.StatusNotFound {
			t.Errorf("status %d, want 404", code)
		}
	})
}
