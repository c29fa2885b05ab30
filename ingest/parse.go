// Package ingest polls news feeds, fetches the pages of new items, decodes
// them to UTF-8 and publishes one defwatch.Page per new article to
// JetStream. Any number of ingest processes share the feed set: the hosts
// are cut into partitions, each held by one process, so every host is
// asked one thing at a time however many processes run.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"github.com/defwatch/defwatch/ingest/charset"
)

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
	parser := gofeed.NewParser()
	parser.RSSTranslator = ttlTranslator{}
	feed, err := parser.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		if lenient, ok := lenientJSONFeed(utf8Body); ok && len(lenient.Items) > 0 {
			return lenient, nil
		}
		return nil, fmt.Errorf("parse feed (read as %s): %w", enc, err)
	}
	return feed, nil
}

// ttlTranslator keeps RSS <ttl>, which the universal feed drops, in
// Custom["ttl"]: it is a floor under the feed's schedule.
type ttlTranslator struct{}

func (ttlTranslator) Translate(feed any) (*gofeed.Feed, error) {
	f, err := (&gofeed.DefaultRSSTranslator{}).Translate(feed)
	if err != nil {
		return nil, err
	}
	if r, ok := feed.(*rss.Feed); ok && strings.TrimSpace(r.TTL) != "" {
		if f.Custom == nil {
			f.Custom = map[string]string{}
		}
		f.Custom["ttl"] = strings.TrimSpace(r.TTL)
	}
	return f, nil
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
