package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/defwatch/defwatch"
)

// feedTypes are the <link rel="alternate"> types that name a feed, best
// first.
var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"}

// FeedLinks returns the feeds an HTML page names with <link
// rel="alternate" type="…">, absolute, best type first. Only the first
// 256 KB are read: the links live in the head.
func FeedLinks(page []byte, base string) []string {
	type found struct {
		rank int
		href string
	}
	var links []found
	z := html.NewTokenizer(bytes.NewReader(page[:min(len(page), 256<<10)]))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.EndTagToken {
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				break
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if atom.Lookup(name) != atom.Link || !hasAttr {
			continue
		}
		var rel, typ, href string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "rel":
				rel = strings.ToLower(string(v))
			case "type":
				typ = strings.ToLower(strings.TrimSpace(string(v)))
			case "href":
				href = strings.TrimSpace(string(v))
			}
			if !more {
				break
			}
		}
		rank := slices.Index(feedTypes, typ)
		if href == "" || rank < 0 || !hasToken(rel, "alternate") {
			continue
		}
		if abs := resolve(base, href); abs != "" {
			links = append(links, found{rank, abs})
		}
	}
	slices.SortStableFunc(links, func(a, b found) int { return a.rank - b.rank })
	var out []string
	for _, l := range links {
		if !slices.Contains(out, l.href) {
			out = append(out, l.href)
		}
	}
	return out
}

// discover handles a feed URL that answered with an HTML page: the feed
// the page names replaces it in the set, or else the news sitemap its
// site's robots.txt lists. The operator sees the new feed with a note
// saying where it came from.
func (w *Worker) discover(ctx context.Context, l *lane, f defwatch.Feed, resp *Response) error {
	var found defwatch.Feed
	if links := FeedLinks(resp.Body, resp.URL); len(links) > 0 {
		found = defwatch.Feed{URL: links[0], Kind: defwatch.FeedKindFeed,
			Note: fmt.Sprintf(`found on %s (<link rel="alternate">)`, f.URL)}
	} else if u, err := url.Parse(resp.URL); err == nil {
		r := l.robotsFor(ctx, u.Scheme+"://"+u.Host)
		if sm := pickSitemap(r.sitemaps); sm != "" {
			found = defwatch.Feed{URL: sm, Kind: defwatch.FeedKindSitemap,
				Note: fmt.Sprintf("found in the robots.txt of %s://%s for %s", u.Scheme, u.Host, f.URL)}
		}
	}
	if found.URL == "" || found.URL == f.URL {
		return fmt.Errorf(`%w: it names no feed (<link rel="alternate">) and its site's robots.txt lists no sitemap; add the feed's own URL`, errHTMLPage)
	}
	found.Added = time.Now().UTC()
	if err := w.set.Replace(ctx, f.URL, found); err != nil {
		return fmt.Errorf("%w; adding the feed it names (%s) failed: %w", errHTMLPage, found.URL, err)
	}
	w.log.Info("feed found for a page in the set; it takes the page's place", "page_url", f.URL, "feed_url", found.URL, "kind", found.Kind)
	return errReplaced
}

// pickSitemap prefers a news sitemap among those robots.txt lists.
func pickSitemap(sitemaps []string) string {
	var first string
	for _, s := range sitemaps {
		if CheckFeedURL(s) != nil {
			continue
		}
		if strings.Contains(strings.ToLower(s), "news") {
			return s
		}
		if first == "" {
			first = s
		}
	}
	return first
}
