package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// What robots.txt may ask and how long its answer holds.
const (
	robotsMaxBody  = 512 << 10 // RFC 9309 asks crawlers to read at least 500 KiB
	robotsKeep     = 24 * time.Hour
	robotsRetry    = 10 * time.Minute
	maxCrawlDelay  = time.Minute
	robotsAgentTok = "defwatch"
)

// robotsEntry is one origin's robots.txt as it applies to defwatch.
type robotsEntry struct {
	group      *robotstxt.Group // nil: everything allowed
	disallow   error            // set while the file cannot be read: nothing is fetched
	crawlDelay time.Duration
	sitemaps   []string
	until      time.Time
}

// robotsFor returns the robots.txt rules of origin (scheme://host), read
// through the lane when not known or stale.
func (l *lane) robotsFor(ctx context.Context, origin string) *robotsEntry {
	if r, ok := l.robots[origin]; ok && time.Now().Before(r.until) {
		return r
	}
	r := &robotsEntry{until: time.Now().Add(robotsKeep)}
	resp, err := l.get(ctx, Request{URL: origin + "/robots.txt", MaxBody: robotsMaxBody, Accept: "text/plain"})
	if ctx.Err() != nil {
		return &robotsEntry{disallow: ctx.Err()}
	}
	l.p.w.m.request("robots", resp)
	switch {
	case err == nil:
		data, perr := robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
		if perr == nil && data != nil {
			r.group = data.FindGroup(robotsAgentTok)
			r.crawlDelay = min(r.group.CrawlDelay, maxCrawlDelay)
			r.sitemaps = data.Sitemaps
		}
		// A file that does not parse restricts nothing, as a missing one.
	case errors.Is(err, ErrStatus) && resp != nil && resp.Status >= 400 && resp.Status < 500:
		// No robots.txt (or one we may not see): no restrictions.
	default:
		// RFC 9309: a server error or no answer means assume nothing may be
		// fetched, and look again later.
		r.disallow = fmt.Errorf("robots.txt of %s unreadable: %w", origin, err)
		r.until = time.Now().Add(robotsRetry)
	}
	l.robots[origin] = r
	return r
}

// allowed says whether robots.txt lets defwatch fetch rawURL.
func (l *lane) allowed(ctx context.Context, rawURL string) (bool, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false, err
	}
	r := l.robotsFor(ctx, u.Scheme+"://"+u.Host)
	if r.disallow != nil {
		return false, r.disallow
	}
	if r.group == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return r.group.Test(path), nil
}
