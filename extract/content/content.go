// Package content pulls an article's main text and metadata (title, byline,
// dates, canonical URL, language, lead image) out of an HTML page.
package content

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Document is what one article page yields before entity tagging.
type Document struct {
	Title         string
	TitleFrom     string // "og", "json-ld", "h1", "title"
	Byline        string
	Published     time.Time
	PublishedFrom string // "json-ld", "meta", "microdata", "time", "text", "url"
	Modified      time.Time
	Canonical     string // absolute
	SiteName      string
	Lang          string // primary subtag, lower case ("en")
	Image         string // lead image, absolute
	Text          string // paragraphs, headings and list items separated by "\n\n"
	Kind          string // KindArticle, KindListing or KindOther
}

// ErrBadURL is returned when the page URL given to Parse is not an absolute
// URL; relative links and URL dates could not be resolved against it.
var ErrBadURL = errors.New("content: page URL is not absolute")

const (
	// maxPageBytes caps the work one page can cause. Real articles are far
	// smaller; anything beyond is an archive page or an attack, and the
	// article, if any, is near the top.
	maxPageBytes = 5 << 20
	// maxDepth bounds recursion on pathologically nested markup. Real pages
	// stay well under 60 levels.
	maxDepth = 200
)

// Parse extracts the main text and metadata of the page at pageURL, which is
// used to resolve relative links and to read a date from the path. html must
// be UTF-8. pageURL may be empty when the page's address is unknown.
func Parse(html, pageURL string) (Document, error) {
	return parse(html, pageURL, time.Now())
}

// parse is Parse with the clock passed in, so tests can pin "now" for the
// date plausibility checks.
func parse(page, pageURL string, now time.Time) (Document, error) {
	var base *url.URL
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil || !u.IsAbs() {
			return Document{}, fmt.Errorf("%w: %q", ErrBadURL, pageURL)
		}
		base = u
	}
	if len(page) > maxPageBytes {
		page = page[:maxPageBytes]
	}
	gq, err := readTree(page)
	if err != nil {
		return Document{}, err
	}
	p := newPage(gq, base, now)
	p.collect()
	doc := p.metadata()
	prose := p.info[p.body].good
	p.stories = p.countStories(p.body)
	p.bodyText, p.bodyLink = p.info[p.body].text, p.info[p.body].link
	p.prune()
	doc.Text = p.mainText(doc.Title)
	if doc.Published.IsZero() {
		p.lateDate(&doc)
	}
	if thin(doc.Text, prose) {
		// The first pass trusts the page's markup: what it hides and what
		// its class names call widgets. Page builders name every block a
		// widget, and script-driven pages hide their body until a script
		// shows it; when that left far less than the page's prose, a
		// second pass keeps all of it and lets the scoring choose.
		if gq, err := readTree(page); err == nil {
			r := newPage(gq, base, now)
			r.relaxed = true
			r.collect()
			r.stories, r.bodyText, r.bodyLink = p.stories, p.bodyText, p.bodyLink
			r.metadata()
			r.prune()
			if t := r.mainText(doc.Title); runeCount(t) > runeCount(doc.Text)*3/2 {
				doc.Text = t
				p = r
			}
		}
	}
	if runeCount(doc.Text) < minScriptText {
		// Some pages carry their body only in script data (JSON-LD
		// articleBody, a framework's state); a page that shows nothing
		// better uses it.
		if t := p.scriptText(); runeCount(t) > runeCount(doc.Text)*2 {
			doc.Text = t
		}
	}
	doc.Kind = p.kind(doc.Text)
	return doc, nil
}

// readTree parses the page into a tree.
func readTree(page string) (*goquery.Document, error) {
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		// The parser refuses markup nested more than 512 deep; such a page
		// is broken, not empty, so read it again with the excess flattened.
		gq, err = goquery.NewDocumentFromReader(strings.NewReader(flatten(page)))
		if err != nil {
			return nil, fmt.Errorf("content: parse html: %w", err)
		}
	}
	return gq, nil
}

// thin reports whether the text chosen is a small part of the prose the
// page holds (in non-space runes, before pruning): a sign that the first
// pass dropped the article's own blocks.
func thin(text string, prose int) bool {
	n := runeCount(text)
	return prose >= 400 && n*4 < prose
}

// minScriptText is the least text, in non-space runes, below which the
// page's script data is read for a body.
const minScriptText = 500

// runeCount counts the non-space runes of s, as the page's counts do.
func runeCount(s string) int {
	n, _ := countText(s)
	return n
}

// flattenDepth is how deep flatten lets tags nest, well under the parser's
// limit because the parser also opens elements the markup leaves implicit.
const flattenDepth = 128

// flatten drops the start and end tags that nest deeper than flattenDepth,
// keeping all text. Unclosed elements count as open until their parent
// closes, which overestimates depth: fine for a fallback on broken pages.
func flatten(page string) string {
	var b strings.Builder
	b.Grow(len(page))
	z := html.NewTokenizer(strings.NewReader(page))
	var open []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			if len(open) >= flattenDepth {
				continue
			}
			open = append(open, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			i := len(open) - 1
			for i >= 0 && open[i] != string(name) {
				i--
			}
			if i < 0 {
				continue // closes nothing we kept
			}
			open = open[:i]
		}
		b.Write(z.Raw())
	}
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true,
}
