// Package ingest polls news feeds, fetches the pages of new items, decodes
// them to UTF-8 and publishes one defwatch.Page per new article to JetStream.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/charset"
)

// Config says what to poll and how politely.
type Config struct {
	Feeds     []string
	Interval  time.Duration // between two polls of one feed
	HostDelay time.Duration // between two requests to one host
	Workers   int           // feeds polled at once
	MaxTries  int           // page fetches before an item is given up
	// MaxPage is the largest Page message the NATS server accepts, in bytes.
	MaxPage int
}

// Poller is the ingest stage.
type Poller struct {
	cfg   Config
	fetch *Fetcher
	js    jetstream.JetStream
	feeds jetstream.KeyValue // feed URL hash → feedState
	seen  jetstream.KeyValue // item id → seenItem
	gate  *hostGate
	log   *slog.Logger
}

// NewPoller returns the ingest stage. feeds and seen are the KV buckets
// defwatch.KVFeeds and defwatch.KVSeen; keeping them in JetStream rather than
// on local disk lets a poller move to another machine without fetching every
// feed's history again.
func NewPoller(cfg Config, f *Fetcher, js jetstream.JetStream, feeds, seen jetstream.KeyValue, log *slog.Logger) *Poller {
	if cfg.Interval <= 0 {
		cfg.Interval = 5 * time.Minute
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.MaxTries <= 0 {
		cfg.MaxTries = 3
	}
	if cfg.MaxPage <= 0 {
		cfg.MaxPage = 1 << 20
	}
	return &Poller{cfg: cfg, fetch: f, js: js, feeds: feeds, seen: seen,
		gate: newHostGate(cfg.HostDelay), log: log.With("stage", "ingest")}
}

// Run polls every feed at once, then again each interval, until ctx ends.
func (p *Poller) Run(ctx context.Context) error {
	p.log.Info("polling feeds", "feeds", len(p.cfg.Feeds), "interval", p.cfg.Interval)
	t := time.NewTicker(p.cfg.Interval)
	defer t.Stop()
	for {
		p.PollAll(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// PollAll polls every feed once. A feed that fails is logged and does not
// stop the others.
func (p *Poller) PollAll(ctx context.Context) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.cfg.Workers)
	for _, feed := range p.cfg.Feeds {
		g.Go(func() error {
			n, err := p.PollFeed(gctx, feed)
			switch {
			case err != nil && ctx.Err() == nil:
				p.log.Warn("feed failed", "feed_url", feed, "err", err)
			case n > 0:
				p.log.Info("feed polled", "feed_url", feed, "new", n)
			}
			return nil
		})
	}
	_ = g.Wait() // the goroutines never return errors
}

// feedState is what is remembered of a feed between polls.
type feedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Polled       time.Time `json:"polled"`
}

// seenItem is what is remembered of a feed item.
type seenItem struct {
	URL       string    `json:"url"`
	Feed      string    `json:"feed"`
	ArticleID string    `json:"article_id,omitempty"`
	Published time.Time `json:"published,omitzero"` // when the Page went out
	Tries     int       `json:"tries,omitempty"`
	Error     string    `json:"error,omitempty"`
}

func (s seenItem) done(maxTries int) bool { return !s.Published.IsZero() || s.Tries >= maxTries }

// PollFeed polls one feed and publishes its new items; it returns how many
// Pages it published.
func (p *Poller) PollFeed(ctx context.Context, feedURL string) (int, error) {
	key := hashKey(feedURL)
	var st feedState
	if e, err := p.feeds.Get(ctx, key); err == nil {
		_ = json.Unmarshal(e.Value(), &st) // a bad record only costs an unconditional GET
	} else if !errors.Is(err, jetstream.ErrKeyNotFound) {
		return 0, fmt.Errorf("read feed state: %w", err)
	}
	if err := p.gate.wait(ctx, feedURL); err != nil {
		return 0, err
	}
	resp, err := p.fetch.Get(ctx, feedURL, st.ETag, st.LastModified)
	if err != nil {
		return 0, fmt.Errorf("fetch: %w", err)
	}
	if resp.NotModified() {
		p.log.Debug("feed not modified", "feed_url", feedURL)
		return 0, nil
	}
	feed, err := ParseFeed(resp.Body, resp.ContentType)
	if err != nil {
		return 0, err
	}
	published := 0
	// Feeds list newest first; publishing oldest first keeps the stream in
	// the order the outlet wrote.
	items := slices.Clone(feed.Items)
	slices.Reverse(items)
	for _, it := range items {
		if ctx.Err() != nil {
			return published, ctx.Err()
		}
		ok, err := p.item(ctx, feedURL, feed, it)
		if err != nil {
			p.log.Warn("item failed", "feed_url", feedURL, "item_url", itemLink(it), "err", err)
			continue
		}
		if ok {
			published++
		}
	}
	// The validators are saved only after every item was handled, so a crash
	// in between costs one unconditional GET, never a lost item.
	st = feedState{URL: feedURL, ETag: resp.ETag, LastModified: resp.LastModified, Polled: time.Now().UTC()}
	if data, err := json.Marshal(st); err == nil {
		if _, err := p.feeds.Put(ctx, key, data); err != nil {
			return published, fmt.Errorf("save feed state: %w", err)
		}
	}
	return published, nil
}

// item publishes one feed item's page unless it was handled before. It
// reports whether it published.
func (p *Poller) item(ctx context.Context, feedURL string, feed *gofeed.Feed, it *gofeed.Item) (bool, error) {
	link := itemLink(it)
	if link == "" {
		return false, nil
	}
	if base, err := url.Parse(feedURL); err == nil {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	key := defwatch.ArticleID(link)
	var seen seenItem
	entry, err := p.seen.Get(ctx, key)
	switch {
	case err == nil:
		if json.Unmarshal(entry.Value(), &seen) == nil && seen.done(p.cfg.MaxTries) {
			return false, nil
		}
	case !errors.Is(err, jetstream.ErrKeyNotFound):
		return false, fmt.Errorf("read seen: %w", err)
	}
	seen.URL, seen.Feed = link, feedURL

	page, err := p.fetchPage(ctx, link)
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		seen.Tries++
		seen.Error = err.Error()
		p.remember(ctx, key, seen)
		return false, fmt.Errorf("fetch page (try %d of %d): %w", seen.Tries, p.cfg.MaxTries, err)
	}
	page.Feed = feedURL
	page.Title = strings.TrimSpace(it.Title)
	if t := it.PublishedParsed; t != nil {
		page.Published = t.UTC()
	} else if t := it.UpdatedParsed; t != nil {
		page.Published = t.UTC()
	}
	if it.Author != nil {
		page.Byline = strings.TrimSpace(it.Author.Name)
	}
	if page.Lang == "" && strings.TrimSpace(feed.Language) != "" {
		page.Lang, page.LangFrom = strings.TrimSpace(feed.Language), "feed"
	}
	if err := p.publish(ctx, page); err != nil {
		return false, err
	}
	seen.ArticleID, seen.Published, seen.Error = page.ID, time.Now().UTC(), ""
	p.remember(ctx, key, seen)
	p.log.Debug("page published", "article_id", page.ID, "url", page.URL)
	return true, nil
}

func (p *Poller) remember(ctx context.Context, key string, s seenItem) {
	data, err := json.Marshal(s)
	if err == nil {
		_, err = p.seen.Put(ctx, key, data)
	}
	if err != nil {
		// The worst outcome is that the item is fetched again next poll;
		// the article id keeps the index free of duplicates.
		p.log.Warn("could not remember item", "item_url", s.URL, "err", err)
	}
}

func (p *Poller) fetchPage(ctx context.Context, link string) (*defwatch.Page, error) {
	if err := p.gate.wait(ctx, link); err != nil {
		return nil, err
	}
	resp, err := p.fetch.Get(ctx, link, "", "")
	if err != nil {
		return nil, err
	}
	body, enc, err := charset.Decode(resp.Body, resp.ContentType)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	html := string(body)
	canonical := canonicalLink(html, resp.URL)
	if canonical == "" {
		canonical = resp.URL
	}
	page := &defwatch.Page{
		ID:      defwatch.ArticleID(canonical),
		URL:     canonical,
		Source:  defwatch.SourceOf(canonical),
		Fetched: time.Now().UTC(),
		Charset: enc,
		HTML:    html,
	}
	if lang := strings.TrimSpace(resp.Language); lang != "" {
		page.Lang, page.LangFrom = lang, "header"
	}
	return page, nil
}

// publish sends page to the pages stream. Pages over the server's message
// size limit are shrunk (scripts, styles and comments carry no article text)
// rather than lost.
func (p *Poller) publish(ctx context.Context, page *defwatch.Page) error {
	data, err := json.Marshal(page)
	if err != nil {
		return err
	}
	if len(data) > p.cfg.MaxPage {
		page.HTML = compactHTML(page.HTML, p.cfg.MaxPage-(len(data)-len(page.HTML))-1024)
		if data, err = json.Marshal(page); err != nil {
			return err
		}
	}
	if _, err := p.js.Publish(ctx, defwatch.SubjectPages, data, jetstream.WithMsgID(page.ID)); err != nil {
		return fmt.Errorf("publish page: %w", err)
	}
	return nil
}

// ParseFeed decodes a feed body in whatever charset to UTF-8 and parses it
// as RSS 0.9x/1.0/2.0, Atom or JSON Feed.
func ParseFeed(body []byte, contentType string) (*gofeed.Feed, error) {
	utf8Body, enc, err := charset.DecodeXML(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if isJSON(utf8Body) && !isJSONFeed(utf8Body) {
		return nil, errors.New("parse feed: a JSON document that is not a JSON Feed (no jsonfeed.org version)")
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(utf8Body))
	if err != nil {
		if lenient, ok := lenientJSONFeed(utf8Body); ok && len(lenient.Items) > 0 {
			return lenient, nil
		}
		return nil, fmt.Errorf("parse feed (read as %s): %w", enc, err)
	}
	return feed, nil
}

func itemLink(it *gofeed.Item) string {
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	// Some feeds put the permalink only in the GUID.
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

func hashKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// hostGate spaces requests to one host by at least delay, so polling many
// feeds of one outlet never hammers it.
type hostGate struct {
	delay time.Duration
	mu    sync.Mutex
	next  map[string]time.Time
}

func newHostGate(delay time.Duration) *hostGate {
	return &hostGate{delay: delay, next: map[string]time.Time{}}
}

func (g *hostGate) wait(ctx context.Context, rawURL string) error {
	if g.delay <= 0 {
		return nil
	}
	host := defwatch.SourceOf(rawURL)
	g.mu.Lock()
	now := time.Now()
	at := g.next[host]
	if at.Before(now) {
		at = now
	}
	g.next[host] = at.Add(g.delay)
	g.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
