package ingest

import (
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// Schedule says when each feed is polled: from its own rhythm, between Min
// and Max, never sooner than the server or the feed asks, and further
// apart while it fails.
type Schedule struct {
	Min, Max time.Duration
	// Every, when set, polls every feed at this fixed interval instead of
	// its rhythm (failures still back off).
	Every time.Duration
	// Jitter spreads polls by up to this share of the interval either way,
	// so feeds added together do not stay in step.
	Jitter float64
}

// maxFloor caps what a server can ask for: a feed that says max-age of a
// year is still looked at daily.
const maxFloor = 24 * time.Hour

// defaultRhythm is the interval of a feed whose items carry no dates.
const defaultRhythm = time.Hour

func (s Schedule) withDefaults() Schedule {
	if s.Min <= 0 {
		s.Min = 2 * time.Minute
	}
	if s.Max <= 0 {
		s.Max = 6 * time.Hour
	}
	if s.Max < s.Min {
		s.Max = s.Min
	}
	if s.Jitter <= 0 || s.Jitter > 0.5 {
		s.Jitter = 0.1
	}
	return s
}

// rhythm is the interval a feed's own items suggest: the time the newest
// of them (up to ten) span up to now, divided by their number. A feed
// that posts every few minutes is polled every few minutes; one that fell
// silent drifts towards Max.
func rhythm(dates []time.Time, now time.Time) time.Duration {
	n := min(len(dates), 10)
	if n < 2 {
		return defaultRhythm
	}
	oldest := dates[n-1]
	if oldest.After(now) {
		return defaultRhythm // a feed from the future tells us nothing
	}
	return now.Sub(oldest) / time.Duration(n)
}

// interval is how long to wait after a poll that worked. override is the
// feed's own setting (0 for none); floor is what the server or feed asked.
func (s Schedule) interval(dates []time.Time, override, floor time.Duration, now time.Time) time.Duration {
	var d time.Duration
	switch {
	case s.Every > 0:
		d = s.Every
	case override > 0:
		d = override
	default:
		d = min(max(rhythm(dates, now), s.Min), s.Max)
	}
	d = s.jitter(d)
	return max(d, min(floor, maxFloor))
}

// backoff is how long to wait after the failures-th failure in a row:
// doubling from the shortest interval, at most Max, and never sooner than
// the server's Retry-After.
func (s Schedule) backoff(failures int, override, retryAfter time.Duration) time.Duration {
	base := s.Min
	switch {
	case s.Every > 0:
		base = s.Every
	case override > 0:
		base = min(override, s.Min)
	}
	d := base
	for i := 1; i < failures && d < s.Max; i++ {
		d *= 2
	}
	d = s.jitter(min(d, max(s.Max, base)))
	return max(d, min(retryAfter, maxFloor))
}

func (s Schedule) jitter(d time.Duration) time.Duration {
	f := 1 + s.Jitter*(2*rand.Float64()-1)
	return time.Duration(float64(d) * f)
}

// serverFloor is the soonest the server's answer allows asking again:
// Retry-After, Cache-Control max-age or s-maxage, or Expires.
func serverFloor(r *Response, now time.Time) time.Duration {
	if r == nil {
		return 0
	}
	floor := retryAfter(r.RetryAfter, now)
	for _, part := range strings.Split(r.CacheControl, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		k = strings.ToLower(k)
		if k == "max-age" || k == "s-maxage" {
			if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
				floor = max(floor, time.Duration(n)*time.Second)
			}
		}
	}
	if r.Expires != "" && !strings.Contains(r.CacheControl, "max-age") {
		if t, err := http.ParseTime(r.Expires); err == nil {
			// Measured against the server's own clock when it sent one, so
			// a skewed clock on either side does not matter.
			ref := now
			if d, err := http.ParseTime(r.Date); err == nil {
				ref = d
			}
			floor = max(floor, t.Sub(ref))
		}
	}
	return floor
}

// retryAfter reads a Retry-After value: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// feedFloor is the soonest the feed itself says it changes: RSS <ttl> (in
// minutes) and the syndication module's updatePeriod/updateFrequency.
func feedFloor(f *gofeed.Feed) time.Duration {
	var floor time.Duration
	if f == nil {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.Custom["ttl"])); err == nil && n > 0 {
		floor = time.Duration(n) * time.Minute
	}
	if sy, ok := f.Extensions["sy"]; ok {
		period := map[string]time.Duration{
			"hourly": time.Hour, "daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour,
			"monthly": 30 * 24 * time.Hour, "yearly": 365 * 24 * time.Hour,
		}[strings.ToLower(strings.TrimSpace(extValue(sy, "updatePeriod")))]
		if period > 0 {
			freq := 1
			if n, err := strconv.Atoi(strings.TrimSpace(extValue(sy, "updateFrequency"))); err == nil && n > 0 {
				freq = n
			}
			floor = max(floor, period/time.Duration(freq))
		}
	}
	return floor
}

func extValue(m map[string][]ext.Extension, name string) string {
	if v := m[name]; len(v) > 0 {
		return v[0].Value
	}
	return ""
}

// itemDates are the dates of a feed's items, newest first.
func itemDates(items []*gofeed.Item, now time.Time) []time.Time {
	var dates []time.Time
	for _, it := range items {
		t := it.PublishedParsed
		if t == nil {
			t = it.UpdatedParsed
		}
		if t != nil && !t.After(now.Add(time.Hour)) {
			dates = append(dates, t.UTC())
		}
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) })
	return dates[:min(len(dates), 20)]
}
