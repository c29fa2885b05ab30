package content

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags never hold article prose, whatever their class says.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Map: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Label: true, atom.Link: true, atom.Meta: true, atom.Dialog: true,
	atom.Figcaption: true,
}

// pageChrome are elements that usually hold a site's frame around the
// article. They are dropped unless they hold most of the page's prose, which
// happens when a template wraps everything in one <form> or <header>.
var pageChrome = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Header: true, atom.Menu: true,
}

// chromeRoles are ARIA landmarks of the same kind.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"search": true, "toolbar": true, "tablist": true, "button": true,
}

// Class and id words. A strong signal drops an element whatever else its
// class says; a weak one can be outweighed by a content signal on the same
// element ("article-body share-enabled" is the article, not a share bar).
var (
	strongNegative = []string{
		"comment", "disqus", "related", "newsletter", "subscri", "cookie",
		"outbrain", "taboola", "mostread", "most-read", "most_read", "mostpopular",
		"most-popular", "popular", "trending", "recommend", "breadcrumb", "sidebar",
		"footer", "modal", "popup", "signup", "sign-up", "login", "caption", "credit",
		"byline", "more-stories", "morestories", "read-more", "readmore", "also-read",
		"further-reading", "author-bio", "authorbio", "author-info", "consent", "gdpr",
		"skip-link", "skiplink", "sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader", "screenreader", "a11y", "tooltip", "copyright",
	}
	weakNegative = []string{
		"share", "social", "promo", "advert", "menu", "sponsor", "widget", "banner",
		"toolbar", "pagination", "pager", "masthead", "overlay", "lightbox",
		"navigation", "navbar", "subnav", "teaser", "timestamp", "dateline", "print",
		"reaction", "rating", "bookmark", "follow", "tag-list", "taglist", "tags-",
	}
	negativeTokens = map[string]bool{
		"ad": true, "ads": true, "adv": true, "advert": true, "dfp": true, "tags": true,
		"tag": true, "meta": true, "rail": true, "nav": true, "author": true,
		"hide": true, "hidden": true, "email": true, "bio": true, "keywords": true,
		"topics": true, "logo": true, "search": true, "icons": true, "date": true,
		"time": true, "published": true, "updated": true, "nocontent": true,
	}
	positive = []string{
		"article", "content", "entry", "main", "post", "story", "text", "body",
		"prose", "blog", "hentry", "column",
	}
)

// classSignal says how an element's class, id and role read.
type classSignal struct {
	strong, weak, pos bool
}

func (s classSignal) negative() bool { return s.strong || s.weak }

func readClass(n *html.Node) classSignal {
	var sig classSignal
	var b strings.Builder
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			b.WriteString(a.Val)
			b.WriteByte(' ')
		case "role":
			r := strings.ToLower(a.Val)
			if chromeRoles[r] {
				sig.weak = true
			}
			if r == "main" || r == "article" {
				sig.pos = true
			}
		case "itemprop":
			if a.Val == "articleBody" || a.Val == "text" {
				sig.pos = true
			}
		}
	}
	if b.Len() == 0 {
		return sig
	}
	s := strings.ToLower(b.String())
	for _, w := range strongNegative {
		if strings.Contains(s, w) {
			// A commentary is an opinion piece, not a comment thread.
			if w == "comment" && strings.Contains(s, "commentary") && !strings.Contains(s, "comments") {
				continue
			}
			sig.strong = true
			break
		}
	}
	for _, w := range weakNegative {
		if strings.Contains(s, w) {
			sig.weak = true
			break
		}
	}
	for _, w := range positive {
		if strings.Contains(s, w) {
			sig.pos = true
			break
		}
	}
	if !sig.weak {
		for tok := range strings.FieldsFuncSeq(s, notAlnum) {
			if negativeTokens[tok] {
				sig.weak = true
				break
			}
		}
	}
	return sig
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

// hidden reports whether the page hides an element from readers. Pages
// fetched without JavaScript keep such blocks hidden too: they are menus,
// templates and duplicate mobile variants.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(a.Val)
			if strings.Contains(s, "display") && (strings.Contains(s, "display:none") || strings.Contains(s, "display: none")) {
				return true
			}
			if strings.Contains(s, "visibility:hidden") || strings.Contains(s, "visibility: hidden") {
				return true
			}
		}
	}
	return false
}

// prune removes the page's frame and widgets from the tree, keeping the
// counts of every remaining ancestor in step. It runs in two rounds: markup
// first (scripts, navigation, hidden blocks), then class names, judged
// against the prose that is left, so a mega-menu full of teasers cannot make
// the article look small.
func (p *page) prune() {
	var walk func(n *html.Node, inArticle bool, drop func(*html.Node, bool) bool)
	walk = func(n *html.Node, inArticle bool, drop func(*html.Node, bool) bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.CommentNode {
				n.RemoveChild(c)
			} else if c.Type == html.ElementNode {
				if drop(c, inArticle) {
					p.remove(c)
				} else {
					walk(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main, drop)
				}
			}
			c = next
		}
	}
	total := p.info[p.body].good
	walk(p.body, false, func(n *html.Node, inArticle bool) bool {
		return p.dropMarkup(n, inArticle, total)
	})
	total = p.info[p.body].good
	walk(p.body, false, func(n *html.Node, _ bool) bool {
		return p.dropClass(n, total)
	})
}

// dropMarkup judges an element by its tag and visibility.
func (p *page) dropMarkup(n *html.Node, inArticle bool, total int) bool {
	a := n.DataAtom
	if dropTags[a] || hidden(n) {
		return true
	}
	if !pageChrome[a] {
		return false
	}
	// A template may wrap the whole page in one <form> or <header>;
	// dropping that would leave nothing to extract.
	holdsPage := total > 0 && p.info[n].good*10 >= total*6
	switch a {
	case atom.Header:
		return !inArticle && !holdsPage // an article's header has its standfirst
	case atom.Form:
		return !holdsPage
	}
	return true
}

// dropClass judges an element by its class, id and role.
func (p *page) dropClass(n *html.Node, total int) bool {
	sig := readClass(n)
	if !sig.negative() {
		return false
	}
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Body, atom.Html:
		return false
	}
	if attr(n, "itemprop") == "articleBody" {
		return false
	}
	in := p.info[n]
	if total > 0 && in.good*10 >= total*6 {
		return false
	}
	// A boilerplate word next to a content word ("box article
	// modal-enabled", "article-body share-enabled") is a state or a feature
	// of the article, when the element holds a real share of the prose.
	if sig.strong {
		return !(sig.pos && in.good*10 >= total*3)
	}
	return !(sig.pos && in.good*5 >= total || in.good*10 >= total*4)
}

// remove detaches n and takes its counts off its ancestors.
func (p *page) remove(n *html.Node) {
	in := p.info[n]
	// Own text flows up through inline ancestors to the first block.
	ownChain := !blockTags[n.DataAtom]
	for a := n.Parent; a != nil; a = a.Parent {
		ai := p.info[a]
		if ai == nil {
			break
		}
		ai.text -= in.text
		ai.link -= in.link
		ai.commas -= in.commas
		ai.good -= in.good
		ai.paras -= in.paras
		ai.imgs -= in.imgs
		ai.items -= in.items
		if ownChain {
			ai.own -= in.own
			ai.ownLink -= in.ownLink
			ai.ownCommas -= in.ownCommas
			ownChain = !blockTags[a.DataAtom]
		}
	}
	n.Parent.RemoveChild(n)
}
