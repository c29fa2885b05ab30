package defwatch

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// Feed is one source in the feed set that every ingest process shares: what
// the operator said about it (defwatch feeds, /api/feeds, the Sources page).
// Its key in KVFeeds is FeedKey(URL).
type Feed struct {
	URL string `json:"url"`
	// Kind is FeedKindFeed (RSS, Atom, JSON Feed, or a page that names
	// one) or FeedKindSitemap (a news sitemap).
	Kind string `json:"kind,omitempty"`
	// Interval, when set, replaces the schedule ingest reads from the
	// feed's rhythm; what the server asks for (Retry-After, max-age, <ttl>)
	// still comes first.
	Interval Duration  `json:"interval,omitzero"`
	Tags     []string  `json:"tags,omitempty"`
	Added    time.Time `json:"added,omitzero"`
	// Note says where the feed came from when ingest found it for the
	// operator (a page's <link rel="alternate">, a site's robots.txt).
	Note string `json:"note,omitempty"`
	// Disabled feeds are kept with their history but not polled.
	// DisabledBecause says why: the operator, or ingest after days of
	// failures.
	Disabled        bool      `json:"disabled,omitempty"`
	DisabledBecause string    `json:"disabled_because,omitempty"`
	DisabledAt      time.Time `json:"disabled_at,omitzero"`
}

// Feed kinds.
const (
	FeedKindFeed    = "feed"
	FeedKindSitemap = "sitemap"
)

// FeedHealth is what ingest last saw of a feed, kept in KVFeedState by the
// process that polls it.
type FeedHealth struct {
	LastPoll time.Time `json:"last_poll,omitzero"`
	// Status is the last poll's HTTP status (0 when no answer came).
	Status      int       `json:"status,omitempty"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// Failures counts the polls that failed in a row; FailingSince is
	// when the first of them was.
	Failures     int       `json:"failures,omitempty"`
	FailingSince time.Time `json:"failing_since,omitzero"`
	// Items is how many items the feed held at its last full read; Seen
	// is how many new ones ingest has found in it in all.
	Items   int `json:"items"`
	Seen    int `json:"seen"`
	NewDay  int `json:"new_day"`
	NewWeek int `json:"new_week"`
	// NextPoll is when the feed is due again.
	NextPoll time.Time `json:"next_poll,omitzero"`
	// Title is the feed's own title.
	Title string `json:"title,omitempty"`
}

// FeedStatus is a feed with its health, as `defwatch feeds list`,
// GET /api/feeds and the Sources page show it.
type FeedStatus struct {
	Feed
	Health FeedHealth `json:"health"`
	// State is FeedNew, FeedOK, FeedFailing or FeedDisabled.
	State string `json:"state"`
}

// Feed states.
const (
	FeedNew      = "new"      // not polled yet
	FeedOK       = "ok"       // the last poll worked
	FeedFailing  = "failing"  // the last poll failed
	FeedDisabled = "disabled" // not polled (Feed.DisabledBecause says why)
)

// StateOf says which state a feed with this health is in.
func StateOf(f Feed, h FeedHealth) string {
	switch {
	case f.Disabled:
		return FeedDisabled
	case h.Failures > 0:
		return FeedFailing
	case h.LastPoll.IsZero():
		return FeedNew
	default:
		return FeedOK
	}
}

// SortFeeds orders feeds as an operator reads them: failing first (longest
// failing first), then disabled, new and the rest, each by URL.
func SortFeeds(fs []FeedStatus) {
	rank := map[string]int{FeedFailing: 0, FeedDisabled: 1, FeedNew: 2, FeedOK: 3}
	slices.SortStableFunc(fs, func(a, b FeedStatus) int {
		if r := rank[a.State] - rank[b.State]; r != 0 {
			return r
		}
		if a.State == FeedFailing {
			if c := a.Health.FailingSince.Compare(b.Health.FailingSince); c != 0 {
				return c
			}
		}
		switch {
		case a.URL < b.URL:
			return -1
		case a.URL > b.URL:
			return 1
		}
		return 0
	})
}

// Feeds and the ingest stage's own state in JetStream.
const (
	// KVFeedState holds each feed's health, schedule and validators,
	// written only by the ingest process that holds the feed's partition.
	KVFeedState = "defwatch_feed_state"
	// KVIngest holds the ingest processes' heartbeats and their leases on
	// the partitions of the host space; keys expire when not renewed.
	KVIngest = "defwatch_ingest"
	// StreamFetch holds the article pages waiting to be fetched, one
	// subject per host: defwatch.ingest.fetch.<partition>.<host key>.
	StreamFetch  = "DEFWATCH_FETCH"
	SubjectFetch = "defwatch.ingest.fetch"
)

// FeedKey is the key of the feed at url in KVFeeds and KVFeedState.
func FeedKey(url string) string {
	sum := sha256.Sum256([]byte(url))
	return hex.EncodeToString(sum[:12])
}
