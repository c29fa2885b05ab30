package ingest

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

func isJSON(body []byte) bool {
	body = bytes.TrimSpace(body)
	return len(body) > 0 && body[0] == '{'
}

// isJSONFeed reports whether a JSON document declares itself a JSON Feed.
func isJSONFeed(body []byte) bool {
	var doc struct {
		Version string `json:"version"`
	}
	// A truncated feed fails to decode; let the parser report why.
	return json.Unmarshal(body, &doc) != nil || strings.Contains(doc.Version, "jsonfeed.org")
}

// lenientJSONFeed reads a JSON Feed that a strict decoder rejects because
// some optional field has the wrong type (real feeds write "tags" as one
// string, or "author" as a string). Only what ingest uses is read; every
// other field is left alone, so its type cannot matter.
func lenientJSONFeed(body []byte) (*gofeed.Feed, bool) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return nil, false
	}
	var doc struct {
		Version  string            `json:"version"`
		Title    string            `json:"title"`
		HomePage string            `json:"home_page_url"`
		Language string            `json:"language"`
		Items    []json.RawMessage `json:"items"`
	}
	if json.Unmarshal(body, &doc) != nil || !strings.Contains(doc.Version, "jsonfeed.org") {
		return nil, false
	}
	feed := &gofeed.Feed{Title: doc.Title, Link: doc.HomePage, Language: doc.Language,
		FeedType: "json", FeedVersion: strings.TrimPrefix(strings.TrimPrefix(doc.Version, "https://jsonfeed.org/version/"), "http://jsonfeed.org/version/")}
	for _, raw := range doc.Items {
		var it struct {
			ID        any    `json:"id"`
			URL       string `json:"url"`
			Title     string `json:"title"`
			Published string `json:"date_published"`
			Modified  string `json:"date_modified"`
		}
		if json.Unmarshal(raw, &it) != nil {
			continue // one bad item does not cost the others
		}
		item := &gofeed.Item{Title: it.Title, Link: it.URL}
		if id, ok := it.ID.(string); ok {
			item.GUID = id
		}
		if t, err := time.Parse(time.RFC3339, it.Published); err == nil {
			item.PublishedParsed = &t
		}
		if t, err := time.Parse(time.RFC3339, it.Modified); err == nil {
			item.UpdatedParsed = &t
		}
		feed.Items = append(feed.Items, item)
	}
	return feed, true
}
