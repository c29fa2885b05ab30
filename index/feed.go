package index

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	dwquery "github.com/defwatch/defwatch/index/query"
)

// Limits of a feed: the newest hits of its search.
const (
	DefaultFeedSize = 50
	MaxFeedSize     = MaxSize
)

// Atom 1.0 (RFC 4287), as much of it as a feed of search hits needs.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Authors    []atomPerson   `xml:"author"`
	Links      []atomLink     `xml:"link"`
	Summary    atomText       `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

// feed answers /feed?q=QUERY with the newest hits of the search as an Atom
// feed, so a feed reader (or another defwatch, whose ingest reads Atom)
// can follow a search. Copies of a wire story are one entry.
func (h *api) feed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name := range q {
		if name != "q" && name != "size" {
			h.fail(w, r, dwquery.BadQuery("unknown parameter %q (parameters: q, size)", name))
			return
		}
	}
	req := Request{Query: q.Get("q"), Sort: SortNewest, Size: DefaultFeedSize, NoFacets: true}
	if q.Has("size") {
		n, err := intParam("size", q.Get("size"), 1, MaxFeedSize)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		req.Size = n
	}
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	res, err := h.s.Search(ctx, req)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	base := baseURL(r)
	query := strings.TrimSpace(req.Query)
	title := "defwatch: " + query
	if query == "" || query == "*" {
		title = "defwatch: every article"
	}
	sum := sha256.Sum256([]byte(query))
	f := atomFeed{
		ID:        "urn:defwatch:search:" + hex.EncodeToString(sum[:16]),
		Title:     title,
		Author:    atomPerson{Name: "defwatch"},
		Generator: "defwatch",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + r.URL.RequestURI()},
			{Rel: "alternate", Type: "text/html", Href: base + "/?" + url.Values{"q": {query}, "sort": {SortNewest}}.Encode()},
		},
	}
	if len(res.Notes) > 0 {
		f.Subtitle = strings.Join(res.Notes, "; ")
	}
	var newest time.Time
	for _, hit := range res.Hits {
		e := feedEntry(&hit, base)
		f.Entries = append(f.Entries, e)
		if t := entryTime(&hit); t.After(newest) {
			newest = t
		}
	}
	if newest.IsZero() {
		newest = time.Now()
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
}

// entryTime is when a hit was published, else fetched.
func entryTime(h *Hit) time.Time {
	if !h.Published.IsZero() {
		return h.Published
	}
	return h.Fetched
}

func feedEntry(h *Hit, base string) atomEntry {
	page := base + "/article/" + url.PathEscape(h.ID)
	link := page
	if u, err := url.Parse(h.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		link = h.URL
	}
	updated := entryTime(h)
	if updated.IsZero() {
		updated = time.Unix(0, 0) // undated: the feed still needs a time
	}
	title := strings.TrimSpace(h.Title)
	if title == "" {
		title = strings.TrimSpace(plainText(h.Snippet))
		if r := []rune(title); len(r) > 90 {
			title = string(r[:90]) + "…"
		}
	}
	author := h.Byline
	if author == "" {
		author = cmp.Or(h.SiteName, h.Source, "unknown")
	}
	e := atomEntry{
		ID:      "urn:defwatch:article:" + h.ID,
		Title:   atomText{Type: "text", Text: title},
		Updated: updated.UTC().Format(time.RFC3339),
		Authors: []atomPerson{{Name: author}},
		Links: []atomLink{
			{Rel: "alternate", Type: "text/html", Href: link},
			{Rel: "related", Type: "text/html", Href: page},
		},
		Summary: atomText{Type: "text", Text: plainText(h.Snippet)},
	}
	if !h.Published.IsZero() {
		e.Published = h.Published.UTC().Format(time.RFC3339)
	}
	for _, n := range h.Nations {
		if !slices.ContainsFunc(e.Categories, func(c atomCategory) bool { return c.Term == n.Code }) {
			e.Categories = append(e.Categories, atomCategory{Term: n.Code, Label: n.Name})
		}
	}
	return e
}

// baseURL is the scheme and host the request came to, so the feed's links
// work from a reader elsewhere. Behind a proxy, X-Forwarded-Proto says the
// scheme.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme + "://" + r.Host
}
