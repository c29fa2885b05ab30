// Package extract turns a fetched Page into a tagged Article: main text and
// metadata from the HTML, then the entities analysts look for. The stage in
// stage.go runs it over the pages stream.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract/content"
	"github.com/defwatch/defwatch/extract/entity"
	"github.com/defwatch/defwatch/extract/mojibake"
)

// Bounds on one article, so that a hostile or broken page cannot make a
// message the NATS server refuses (its limit is 8 MB) or an index
// document nobody can read. Real articles are far below both.
const (
	maxText     = 1 << 20 // bytes of main text
	maxEntities = 200     // items in each entity list
)

// ErrEmpty: the page has no text to extract.
var ErrEmpty = errors.New("extract: page has no article text")

// Where a publication date came from, beside the page's own sources that
// content.Parse reports.
const (
	FromFeed    = "feed"    // the feed item's date
	FromArchive = "archive" // the archive record's date (defwatch import)
	FromGiven   = "given"   // the caller's --published
)

// Where the language came from, beside the Page's own LangFrom.
const (
	LangFromPage     = "page"     // <html lang>, content-language meta, og:locale
	LangFromDetected = "detected" // guessed from the text
)

// FromPage extracts and tags the article in p.
func FromPage(p *defwatch.Page) (*defwatch.Article, error) {
	a := &defwatch.Article{
		ID:       p.ID,
		URL:      p.URL,
		Source:   p.Source,
		Feed:     p.Feed,
		Title:    p.Title,
		Byline:   p.Byline,
		Fetched:  p.Fetched,
		Lang:     p.Lang,
		LangFrom: p.LangFrom,
	}
	if a.Title != "" {
		a.TitleFrom = FromFeed
		if p.Imported {
			a.TitleFrom = FromArchive
		}
	}
	// local is the publication time in the zone the source gave it:
	// "today" in an address published at 00:32 Kyiv time is that Kyiv day,
	// which UTC would put a day earlier.
	var local time.Time
	if p.HTML != "" {
		doc, err := content.Parse(p.HTML, p.URL)
		if err != nil {
			return nil, err
		}
		a.Text, a.Kind = doc.Text, doc.Kind
		// The page's own headline beats the feed's, which some outlets
		// shorten; the <title> element does not, it carries the site name.
		if doc.Title != "" && (a.Title == "" || doc.TitleFrom != "title") {
			a.Title, a.TitleFrom = doc.Title, doc.TitleFrom
		}
		if doc.Byline != "" {
			a.Byline = doc.Byline
		}
		if !doc.Published.IsZero() {
			a.Published, a.PublishedFrom = doc.Published.UTC(), doc.PublishedFrom
			local = doc.Published
		}
		if !doc.Modified.IsZero() {
			a.Modified = doc.Modified.UTC()
		}
		if doc.Lang != "" {
			a.Lang, a.LangFrom = doc.Lang, LangFromPage
		}
		if a.URL == "" && doc.Canonical != "" {
			a.URL = doc.Canonical
		}
		a.SiteName, a.Image = doc.SiteName, doc.Image
	} else {
		// Archives hold articles: there is no page to say otherwise.
		a.Text, a.Kind = content.CleanText(p.Text), defwatch.KindArticle
	}
	a.Text = clip(a.Text, maxText)
	// Text broken upstream (UTF-8 read through windows-1252 or a Thai code
	// page, or sent through GBK) is mended before anything reads it.
	a.Title = mojibake.Repair(a.Title)
	a.Text = mojibake.Repair(a.Text)
	a.Byline = mojibake.Repair(a.Byline)
	a.SiteName = mojibake.Repair(a.SiteName)
	if a.Published.IsZero() && possibleDate(p.Published, time.Now()) {
		a.Published, local = p.Published.UTC(), p.Published
		switch {
		case p.Imported:
			a.PublishedFrom = FromArchive
		case p.Feed != "":
			a.PublishedFrom = FromFeed
		default:
			a.PublishedFrom = FromGiven
		}
	}
	if a.Text == "" && a.Title == "" {
		return nil, ErrEmpty
	}
	if a.Source == "" {
		a.Source = defwatch.SourceOf(a.URL)
	}
	if a.ID == "" {
		a.ID = idOf(a)
	}
	a.Lang = primaryLang(a.Lang)
	if a.Lang == "" {
		a.Lang, a.LangFrom = DetectLang(a.Title+"\n"+a.Text), LangFromDetected
		if a.Lang == "" {
			a.LangFrom = ""
		}
	}
	tag(a, local)
	return a, nil
}

// Tag fills the entity fields of a from its title and text, resolving
// meeting dates against a.Published.
func Tag(a *defwatch.Article) { tag(a, a.Published) }

// tag is Tag with the publication time in its source's own zone.
func tag(a *defwatch.Article, published time.Time) {
	text := a.Title + "\n\n" + a.Text
	a.Nations = nonNil(capList(entity.Nations(text)))
	a.Troops = nonNil(capList(entity.Troops(text)))
	// Meeting dates ("on Thursday") are resolved against the publication.
	a.Meetings = nonNil(capList(entity.Meetings(text, published)))
	a.Orgs = nonNil(capList(entity.Orgs(text)))
	a.People = nonNil(capList(entity.People(text)))
	a.Places = nonNil(capList(entity.Places(text)))
}

// possibleDate rejects the dates broken feeds give: none at all, the zero
// years of unset fields, and the future beyond a day of clock skew.
func possibleDate(t, now time.Time) bool {
	return !t.IsZero() && t.Year() >= 1970 && t.Before(now.Add(24*time.Hour))
}

// capList keeps the first maxEntities items: the most-named nations, the
// earliest figures.
func capList[T any](s []T) []T { return s[:min(len(s), maxEntities)] }

// clip cuts text longer than n bytes at the last paragraph break before n
// (or the last space, or n itself), keeping whole UTF-8 characters.
func clip(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := text[:n]
	if i := strings.LastIndex(cut, "\n\n"); i > n/2 {
		return cut[:i]
	}
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		return cut[:i]
	}
	return strings.ToValidUTF8(cut, "")
}

// nonNil makes empty lists JSON arrays rather than null, so consumers can
// iterate without a check.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// idOf gives an article without a URL an id from its content, so the same
// text imported twice is one article.
func idOf(a *defwatch.Article) string {
	if a.URL != "" {
		return defwatch.ArticleID(a.URL)
	}
	sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Published.Format(time.RFC3339) + "\x00" + a.Text))
	return hex.EncodeToString(sum[:8])
}
