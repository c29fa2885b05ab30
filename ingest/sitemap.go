package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch/ingest/charset"
)

// maxSitemapChildren is how many sitemaps of an index one poll reads: a
// news site's index lists its newest sitemaps first or dates them.
const maxSitemapChildren = 3

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		Title       string `xml:"title"`
		Published   string `xml:"publication_date"`
		Publication struct {
			Language string `xml:"language"`
		} `xml:"publication"`
	} `xml:"news"`
}

type sitemapDoc struct {
	XMLName  xml.Name
	URLs     []sitemapURL `xml:"url"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// parseSitemap reads a sitemap (urlset) or a sitemap index.
func parseSitemap(body []byte, contentType string) (*sitemapDoc, error) {
	utf8Body, _, err := charset.DecodeXML(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	dec := xml.NewDecoder(bytes.NewReader(utf8Body))
	dec.Strict = false
	// Already UTF-8, whatever the prolog says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var doc sitemapDoc
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%w: sitemap: %w", errParse, err)
	}
	switch strings.ToLower(doc.XMLName.Local) {
	case "urlset", "sitemapindex":
		return &doc, nil
	}
	return nil, fmt.Errorf("%w: <%s> is not a sitemap", errParse, doc.XMLName.Local)
}

// CheckSitemap reads body as a sitemap and says how many article URLs it
// lists and how many sitemaps (when it is a sitemap index); for `defwatch
// feeds check`.
func CheckSitemap(body []byte, contentType string) (urls, sitemaps int, err error) {
	doc, err := parseSitemap(body, contentType)
	if err != nil {
		return 0, 0, err
	}
	return len(sitemapItems(doc)), len(doc.Sitemaps), nil
}

// readSitemap reads the items of a sitemap, following an index to its
// newest few sitemaps on the same host.
func (w *Worker) readSitemap(ctx context.Context, l *lane, resp *Response) ([]item, error) {
	doc, err := parseSitemap(resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	items := sitemapItems(doc)
	if len(doc.Sitemaps) == 0 {
		return items, nil
	}
	children := doc.Sitemaps
	slices.SortStableFunc(children, func(a, b struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	}) int {
		return parseW3CDate(b.LastMod).Compare(parseW3CDate(a.LastMod))
	})
	read := 0
	for _, c := range children {
		if read >= maxSitemapChildren || len(items) >= w.cfg.MaxItems {
			break
		}
		loc := resolve(resp.URL, strings.TrimSpace(c.Loc))
		if loc == "" || hostOf(loc) != hostOf(resp.URL) {
			continue
		}
		read++
		r, err := l.get(ctx, Request{URL: loc})
		w.m.request("feed", r)
		if err != nil {
			return nil, fmt.Errorf("sitemap %s: %w", loc, err)
		}
		child, err := parseSitemap(r.Body, r.ContentType)
		if err != nil {
			return nil, fmt.Errorf("sitemap %s: %w", loc, err)
		}
		items = append(items, sitemapItems(child)...)
	}
	return items, nil
}

func sitemapItems(doc *sitemapDoc) []item {
	out := make([]item, 0, len(doc.URLs))
	for _, u := range doc.URLs {
		loc := strings.TrimSpace(u.Loc)
		if CheckFeedURL(loc) != nil {
			continue
		}
		it := item{Link: loc, Title: strings.TrimSpace(u.News.Title), Lang: strings.TrimSpace(u.News.Publication.Language)}
		it.Published = parseW3CDate(u.News.Published)
		if it.Published.IsZero() {
			it.Published = parseW3CDate(u.LastMod)
		}
		out = append(out, it)
	}
	return out
}

// parseW3CDate reads the W3C datetime forms sitemaps use.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
