package ingest

import (
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

func TestSchedule(t *testing.T) {
	now := time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)
	every := func(d time.Duration, n int) []time.Time {
		var out []time.Time
		for i := range n {
			out = append(out, now.Add(-time.Duration(i+1)*d))
		}
		return out
	}
	s := Schedule{Min: 2 * time.Minute, Max: 6 * time.Hour, Jitter: 0.1}
	within := func(t *testing.T, got, want time.Duration) {
		t.Helper()
		if got < want*9/10-time.Second || got > want*11/10+time.Second {
			t.Errorf("got %s, want %s ± 10%%", got, want)
		}
	}
	t.Run("rhythm", func(t *testing.T) {
		within(t, s.interval(every(10*time.Minute, 20), 0, 0, now), 10*time.Minute) // the newest 10 span 100 min
		within(t, s.interval(every(time.Hour, 5), 0, 0, now), time.Hour)
	})
	t.Run("min and max", func(t *testing.T) {
		within(t, s.interval(every(10*time.Second, 20), 0, 0, now), 2*time.Minute)
		within(t, s.interval(every(24*time.Hour, 20), 0, 0, now), 6*time.Hour)
	})
	t.Run("a feed gone quiet drifts to max", func(t *testing.T) {
		old := []time.Time{now.Add(-30 * 24 * time.Hour), now.Add(-30*24*time.Hour - time.Minute)}
		within(t, s.interval(old, 0, 0, now), 6*time.Hour)
	})
	t.Run("no dates", func(t *testing.T) {
		within(t, s.interval(nil, 0, 0, now), time.Hour)
	})
	t.Run("the feed's own setting", func(t *testing.T) {
		within(t, s.interval(every(time.Minute, 20), 45*time.Minute, 0, now), 45*time.Minute)
	})
	t.Run("floors", func(t *testing.T) {
		if got := s.interval(every(time.Minute, 20), 0, 3*time.Hour, now); got != 3*time.Hour {
			t.Errorf("floor 3h: got %s", got)
		}
		if got := s.interval(every(time.Minute, 20), 0, 365*24*time.Hour, now); got != maxFloor {
			t.Errorf("a year's floor: got %s, want the cap %s", got, maxFloor)
		}
	})
	t.Run("backoff", func(t *testing.T) {
		within(t, s.backoff(1, 0, 0), 2*time.Minute)
		within(t, s.backoff(4, 0, 0), 16*time.Minute)
		within(t, s.backoff(30, 0, 0), 6*time.Hour)
		if got := s.backoff(1, 0, 2*time.Hour); got != 2*time.Hour {
			t.Errorf("Retry-After 2h: got %s", got)
		}
	})
	t.Run("server floor", func(t *testing.T) {
		for _, tc := range []struct {
			r    Response
			want time.Duration
		}{
			{Response{RetryAfter: "120"}, 2 * time.Minute},
			{Response{RetryAfter: now.Add(time.Hour).Format(http.TimeFormat)}, time.Hour},
			{Response{CacheControl: "public, max-age=1800"}, 30 * time.Minute},
			{Response{CacheControl: `s-maxage="600", max-age=60`}, 10 * time.Minute},
			{Response{Expires: now.Add(20 * time.Minute).Format(http.TimeFormat), Date: now.Format(http.TimeFormat)}, 20 * time.Minute},
			{Response{CacheControl: "max-age=60", Expires: now.Add(20 * time.Minute).Format(http.TimeFormat)}, time.Minute},
			{Response{CacheControl: "no-cache"}, 0},
			{Response{RetryAfter: "soon"}, 0},
		} {
			if got := serverFloor(&tc.r, now); got != tc.want {
				t.Errorf("%+v: got %s, want %s", tc.r, got, tc.want)
			}
		}
	})
	t.Run("feed floor", func(t *testing.T) {
		for _, tc := range []struct {
			extra string
			want  time.Duration
		}{
			{"<ttl>90</ttl>", 90 * time.Minute},
			{"<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>", 6 * time.Hour},
			{"<sy:updatePeriod>hourly</sy:updatePeriod>", time.Hour},
			{"<ttl>10</ttl><sy:updatePeriod>hourly</sy:updatePeriod>", time.Hour},
			{"<ttl>lots</ttl>", 0},
		} {
			body := `<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>x</title>` +
				tc.extra + `<item><title>a</title><link>https://e.example/a</link></item></channel></rss>`
			f, err := ParseFeed([]byte(body), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := feedFloor(f); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.extra, got, tc.want)
			}
		}
	})
}

// TestFailingFeed: a feed that fails logs once when it starts, backs off,
// and is disabled with its reason after DisableAfter; one that recovers
// says so once.
func TestFailingFeed(t *testing.T) {
	tn := startNATS(t)
	var polls, flakyPolls atomic.Int64
	base := newHost(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone.xml":
			polls.Add(1)
			http.NotFound(w, r)
		case "/flaky.xml":
			// Down for its first three polls, well within DisableAfter.
			if flakyPolls.Add(1) <= 3 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, rssOf())
		}
	})).URL
	tn.add(t, base+"/gone.xml", base+"/flaky.xml")
	cfg := testConfig()
	// Backing off from 50 ms to at most 800 ms: a busy machine that takes
	// long to disable the 404 feed cannot push the flaky feed's next poll
	// past the wait for its recovery.
	cfg.Schedule = Schedule{Every: 50 * time.Millisecond, Min: 50 * time.Millisecond, Max: 800 * time.Millisecond}
	cfg.DisableAfter = 1500 * time.Millisecond
	wk := startWorker(t, tn, cfg, FetcherConfig{})

	waitFor(t, 30*time.Second, "the 404 feed disabled", func() bool { return tn.feed(t, base+"/gone.xml").Disabled })
	f := tn.feed(t, base+"/gone.xml")
	if f.State != defwatch.FeedDisabled || !strings.Contains(f.DisabledBecause, "404") || f.Health.Failures < 3 {
		t.Errorf("disabled feed: %+v", f)
	}
	n := polls.Load()
	// Backing off: 50ms, 100ms, 200ms … over 1.5 s is a handful, not 30.
	if n > 8 {
		t.Errorf("%d polls in %s of failing; the schedule did not back off", n, cfg.DisableAfter)
	}
	defer func() {
		if t.Failed() {
			t.Logf("log:\n%s", wk.logs.String())
		}
	}()
	waitFor(t, 30*time.Second, "the flaky feed recovered", func() bool { return tn.feed(t, base+"/flaky.xml").State == defwatch.FeedOK })
	// The scheduler takes several more turns (the recovered feed is polled
	// three more times); a disabled feed polled on them would show now.
	after := flakyPolls.Load()
	waitFor(t, 30*time.Second, "three more polls of the recovered feed", func() bool { return flakyPolls.Load() >= after+3 })
	if polls.Load() != n {
		t.Errorf("a disabled feed was polled %d more times", polls.Load()-n)
	}
	logs := wk.logs.String()
	for _, want := range []struct {
		msg  string
		feed string
	}{
		{`msg="feed failing"`, "/gone.xml"}, {`msg="feed disabled`, "/gone.xml"},
		{`msg="feed failing"`, "/flaky.xml"}, {`msg="feed recovered"`, "/flaky.xml"},
	} {
		n := 0
		for _, line := range strings.Split(logs, "\n") {
			if strings.Contains(line, want.msg) && strings.Contains(line, base+want.feed+" ") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d lines %s for %s, want one:\n%s", n, want.msg, want.feed, logs)
		}
	}
}
