package content

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kinds of page, as Document.Kind gives them (the same words as the
// root package's KindArticle, KindListing and KindOther).
const (
	KindArticle = "article"
	KindListing = "listing"
	KindOther   = "other"
)

// storyCount counts what lists other pages, on the tree before pruning:
// <article> elements that hold a story each, and headings that are links.
// Pruning's teaser cards are counted when pruning notes them.
type storyCount struct {
	articles, linkedHeadings, cards int
}

func (s storyCount) max() int { return max(s.articles, s.linkedHeadings, s.cards) }

// countStories counts the stories listed under the roots.
func (p *page) countStories(roots ...*html.Node) storyCount {
	var c storyCount
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		for e := n.FirstChild; e != nil; e = e.NextSibling {
			if e.Type != html.ElementNode {
				continue
			}
			in := p.info[e]
			if in == nil || in.text == 0 {
				continue
			}
			switch {
			case e.DataAtom == atom.Article && !inArticle && in.text >= minPara && in.link >= 15:
				c.articles++
				walk(e, true)
				continue
			case (e.DataAtom == atom.H1 || e.DataAtom == atom.H2 || e.DataAtom == atom.H3 || e.DataAtom == atom.H4) && in.text >= 10 && in.link*2 > in.text:
				c.linkedHeadings++
				continue
			}
			walk(e, inArticle)
		}
	}
	for _, r := range roots {
		if r.DataAtom == atom.Article {
			c.articles++
		}
		walk(r, r.DataAtom == atom.Article)
	}
	return c
}

// kind says what the page is, from its markup (schema.org types,
// og:type), where it sits on its site (a home page, a tag or section
// page), how much of it lists other pages, and how much text the article
// has. A listing is told only on strong evidence: an article taken for a
// listing is lost to the pipeline, a listing taken for an article is one
// extra result.
func (p *page) kind(text string) string {
	og := strings.ToLower(p.meta["og:type"])
	articleMarkup := p.ldInfo.pageType == "article" || og == "article"
	// On the page as a whole, before pruning: sidebars and menus of
	// headlines count, so this only decides with the page's address.
	all := p.stories
	all.cards = p.cards
	// In the text chosen as the article: a list of stories there is what
	// the page is about.
	// A listicle links the heading of each of its sections too, but its
	// sections are long; a listing's teasers are a few lines each.
	in := p.countStories(p.selected...).max()
	runes := runeCount(text)
	perStory := runes / max(in, 1)
	home, section := p.placeOnSite()
	switch {
	case home && all.max() >= 3:
		return KindListing
	case articleMarkup:
		// The publisher says it is an article; a story page lists
		// other stories around it, in numbers.
	case section && in >= 3,
		p.ldInfo.pageType == "listing" && in >= 3,
		in >= 5 && perStory < 400:
		return KindListing
	case p.ldInfo.pageType == "product" && !articleMarkup || og == "product":
		return KindOther
	case runes < minArticleRunes:
		return KindOther
	}
	return KindArticle
}

// minArticleRunes is the least text, in non-space runes, that makes a
// page an article: two or three sentences.
const minArticleRunes = 250

// sectionSegments are path segments of pages that list a site's stories.
var sectionSegments = map[string]bool{
	"tag": true, "tags": true, "category": true, "categories": true, "topic": true,
	"topics": true, "section": true, "sections": true, "author": true, "authors": true,
	"archive": true, "archives": true, "page": true, "search": true, "rubrik": true,
	"thema": true, "themen": true, "rubrique": true, "tema": true, "temy": true,
}

// placeOnSite reads the page's address: a home page ("/", "/index.html",
// a language root like "/en/") or a page under a listing's path segment.
func (p *page) placeOnSite() (home, section bool) {
	if p.base == nil {
		return false, false
	}
	path := strings.Trim(p.base.EscapedPath(), "/")
	if u, err := url.PathUnescape(path); err == nil {
		path = u
	}
	segs := strings.Split(strings.ToLower(path), "/")
	switch {
	case path == "", len(segs) == 1 && (strings.HasPrefix(segs[0], "index.") || strings.HasPrefix(segs[0], "home")),
		len(segs) == 1 && len(segs[0]) == 2: // a language root: /en/, /de/
		return true, false
	}
	for _, s := range segs[:len(segs)-1] {
		if sectionSegments[s] {
			return false, true
		}
	}
	return false, false
}
