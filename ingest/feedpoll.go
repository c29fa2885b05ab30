package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/feedset"
)

var (
	errParse    = errors.New("not a feed")
	errHTMLPage = errors.New("an HTML page, not a feed")
	errReplaced = errors.New("replaced by the feed it names")
)

// item is one entry of a feed or sitemap, as ingest uses it.
type item struct {
	Link, Title, Summary, Author, Lang string
	Published                          time.Time
}

// readResult is what one poll found.
type readResult struct {
	unchanged bool // 304, or the same body as last time
	items     []item
	dates     []time.Time
	floor     time.Duration // what the feed says of its own rhythm
	title     string
	hash      string
	replaced  bool // the URL was a page naming its feed, which took its place
}

// pollFeed polls one feed in its host's lane, queues its new items and
// saves its state and schedule.
func (w *Worker) pollFeed(ctx context.Context, l *lane, fe *feedEntry) {
	l.mu.Lock()
	f := fe.feed
	l.mu.Unlock()
	if fe.state == nil {
		st, _, err := w.set.LoadState(ctx, fe.key)
		if err != nil {
			if ctx.Err() == nil {
				w.log.Warn("read feed state", "feed_url", f.URL, "err", err)
				l.mu.Lock()
				fe.next = time.Now().Add(10 * time.Second)
				l.mu.Unlock()
			}
			return
		}
		l.mu.Lock()
		fe.state = &st
		fe.next = st.NextPoll
		l.mu.Unlock()
		if time.Until(st.NextPoll) > 0 {
			return // not due yet: the lane comes back at its time
		}
	}
	st := *fe.state
	before := defwatch.StateOf(f, st.FeedHealth)
	etag, lastMod := st.ETag, st.LastModified
	if f.URL != st.URL {
		etag, lastMod = "", "" // a record of another URL under this key cannot be
	}
	resp, err := l.get(ctx, Request{URL: f.URL, ETag: etag, LastModified: lastMod})
	if ctx.Err() != nil {
		return // the partition is going: the next holder polls it
	}
	w.m.request("feed", resp)
	now := time.Now()
	var res readResult
	if err == nil {
		res, err = w.readFeed(ctx, l, f, &st, resp, now)
	}
	if ctx.Err() != nil {
		return
	}
	if res.replaced {
		return // the feed set changed; the new feed has its own entry
	}
	st.URL = f.URL
	st.LastPoll = now.UTC()
	st.Status = 0
	if resp != nil {
		st.Status = resp.Status
	}
	override := time.Duration(f.Interval)
	if err != nil {
		w.m.polls.With("failed").Add(1)
		kind := errorKind(resp, err)
		w.m.failures.With("feed", kind, before).Add(1)
		st.Failures++
		if st.FailingSince.IsZero() {
			st.FailingSince = now.UTC()
		}
		st.LastError, st.LastErrorAt = err.Error(), now.UTC()
		st.NextPoll = now.Add(w.cfg.Schedule.backoff(st.Failures, override, retryAfter(respRetryAfter(resp), now))).UTC()
		if st.Failures == 1 {
			w.log.Warn("feed failing", "feed_url", f.URL, "status", st.Status, "kind", kind, "err", err, "next_poll", st.NextPoll)
		}
		if now.Sub(st.FailingSince) >= w.cfg.DisableAfter && st.Failures >= 3 {
			why := fmt.Sprintf("failing since %s: %s", st.FailingSince.Format(time.RFC3339), err)
			if _, derr := w.set.SetEnabled(ctx, f.URL, false, why); derr == nil {
				w.log.Warn("feed disabled after failing too long (enable it again with `defwatch feeds enable`)",
					"feed_url", f.URL, "failures", st.Failures, "failing_since", st.FailingSince, "err", err)
			}
		}
	} else {
		if st.Failures > 0 {
			w.log.Info("feed recovered", "feed_url", f.URL, "failures", st.Failures, "failing_for", now.Sub(st.FailingSince).Round(time.Second))
		}
		st.Failures, st.FailingSince = 0, time.Time{}
		if resp.Status != 304 {
			st.ETag, st.LastModified = resp.ETag, resp.LastModified
		}
		new := 0
		if !res.unchanged {
			st.BodyHash, st.Title, st.Items = res.hash, res.title, len(res.items)
			st.Dates = res.dates
			new = w.queueItems(ctx, f, &st, res.items, now)
			if ctx.Err() != nil {
				return
			}
		}
		switch {
		case resp.Status == 304:
			w.m.polls.With("not_modified").Add(1)
		case new > 0:
			w.m.polls.With("new").Add(1)
		default:
			w.m.polls.With("unchanged").Add(1)
		}
		floor := max(serverFloor(resp, now), res.floor)
		st.NextPoll = now.Add(w.cfg.Schedule.interval(st.Dates, override, floor, now)).UTC()
		w.log.Debug("feed polled", "feed_url", f.URL, "status", resp.Status, "new", new, "next_poll", st.NextPoll)
	}
	st.Found = slices.DeleteFunc(st.Found, func(t time.Time) bool { return now.Sub(t) > 7*24*time.Hour })
	st.NewDay, st.NewWeek = 0, len(st.Found)
	for _, t := range st.Found {
		if now.Sub(t) <= 24*time.Hour {
			st.NewDay++
		}
	}
	st.Polled = now.UTC()
	if err := w.set.SaveState(ctx, fe.key, &st); err != nil && ctx.Err() == nil {
		w.log.Warn("save feed state", "feed_url", f.URL, "err", err)
	}
	l.mu.Lock()
	fe.state = &st
	fe.next = st.NextPoll
	l.mu.Unlock()
}

// readFeed reads a fetched feed: RSS, Atom or JSON Feed, a news sitemap,
// or an HTML page, which is looked into for the feed it names.
func (w *Worker) readFeed(ctx context.Context, l *lane, f defwatch.Feed, st *feedset.State, resp *Response, now time.Time) (readResult, error) {
	var res readResult
	if resp.NotModified() {
		res.unchanged = true
		return res, nil
	}
	sum := sha256.Sum256(resp.Body)
	res.hash = hex.EncodeToString(sum[:12])
	if res.hash == st.BodyHash && st.URL == f.URL {
		res.unchanged = true
		return res, nil
	}
	switch sniffFeed(resp) {
	case "sitemap":
		items, err := w.readSitemap(ctx, l, resp)
		if err != nil {
			return res, err
		}
		res.items, res.title = items, "sitemap of "+hostOf(f.URL)
	case "html":
		err := w.discover(ctx, l, f, resp)
		if errors.Is(err, errReplaced) {
			res.replaced = true
			return res, nil
		}
		return res, err
	default:
		feed, err := ParseFeed(resp.Body, resp.ContentType)
		if err != nil {
			return res, fmt.Errorf("%w: %w", errParse, err)
		}
		res.items, res.title, res.floor = feedItems(feed, resp.URL), strings.TrimSpace(feed.Title), feedFloor(feed)
	}
	var dates []time.Time
	for _, it := range res.items {
		if !it.Published.IsZero() && !it.Published.After(now.Add(time.Hour)) {
			dates = append(dates, it.Published)
		}
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) })
	res.dates = dates[:min(len(dates), 20)]
	return res, nil
}

// sniffFeed tells a sitemap or an HTML page from a feed.
func sniffFeed(r *Response) string {
	head := bytes.ToLower(r.Body[:min(len(r.Body), 2048)])
	switch {
	case bytes.Contains(head, []byte("<urlset")) || bytes.Contains(head, []byte("<sitemapindex")):
		return "sitemap"
	case bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf")):
		return "feed"
	case bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")):
		return "html"
	}
	return "feed"
}

// feedItems turns a parsed feed's entries into items, links made
// absolute against the feed's own URL.
func feedItems(feed *gofeed.Feed, base string) []item {
	b, _ := url.Parse(base)
	lang := strings.TrimSpace(feed.Language)
	out := make([]item, 0, len(feed.Items))
	for _, it := range feed.Items {
		link := itemLink(it)
		if link == "" {
			continue
		}
		if b != nil {
			if u, err := b.Parse(link); err == nil {
				link = u.String()
			}
		}
		if CheckFeedURL(link) != nil {
			continue
		}
		x := item{Link: link, Title: strings.TrimSpace(it.Title), Lang: lang}
		x.Summary = it.Content
		if strings.TrimSpace(x.Summary) == "" {
			x.Summary = it.Description
		}
		if t := it.PublishedParsed; t != nil {
			x.Published = t.UTC()
		} else if t := it.UpdatedParsed; t != nil {
			x.Published = t.UTC()
		}
		if it.Author != nil {
			x.Author = strings.TrimSpace(it.Author.Name)
		}
		out = append(out, x)
	}
	return out
}

// queueItems queues the page of every new item (newest first, at most
// MaxItems) and returns how many were new.
func (w *Worker) queueItems(ctx context.Context, f defwatch.Feed, st *feedset.State, items []item, now time.Time) int {
	if len(items) > w.cfg.MaxItems {
		// Items with dates: the newest count; without, the feed's order.
		slices.SortStableFunc(items, func(a, b item) int { return b.Published.Compare(a.Published) })
		w.log.Info("feed holds more items than are read from one poll; the newest are read", "feed_url", f.URL,
			"items", len(items), "read", w.cfg.MaxItems)
		items = items[:w.cfg.MaxItems]
	}
	recent := make(map[string]bool, len(st.Recent))
	for _, id := range st.Recent {
		recent[id] = true
	}
	ids := make([]string, 0, len(items))
	var jobs []*job
	for _, it := range items {
		id := defwatch.ArticleID(it.Link)
		ids = append(ids, id)
		if recent[id] {
			continue
		}
		jobs = append(jobs, &job{ID: id, URL: it.Link, Feed: f.URL, Title: clip(it.Title, maxTitle), Author: clip(it.Author, maxAuthor),
			Summary: clip(it.Summary, maxSummary), Published: it.Published, Lang: it.Lang})
	}
	isNew, errs := w.enqueue(ctx, jobs)
	if ctx.Err() != nil {
		return 0
	}
	new := 0
	failed := map[string]bool{}
	for i, j := range jobs {
		if errs[i] != nil {
			// Left out of Recent, so the next poll tries it again.
			failed[j.ID] = true
			w.log.Warn("queue item", "feed_url", f.URL, "item_url", j.URL, "err", errs[i])
			continue
		}
		if isNew[i] {
			new++
			st.Found = append(st.Found, now.UTC())
			w.m.newItems.With().Add(1)
		}
	}
	if len(failed) > 0 {
		ids = slices.DeleteFunc(ids, func(id string) bool { return failed[id] })
	}
	if len(st.Found) > 1000 {
		st.Found = st.Found[len(st.Found)-1000:]
	}
	st.Seen += new
	st.Recent = ids
	return new
}
