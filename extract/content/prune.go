package content

import (
	"strings"
	"unicode"

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
		"comment", "disqus", "newsletter", "subscri", "cookie",
		"outbrain", "taboola", "breadcrumb", "sidebar",
		"footer", "modal", "popup", "signup", "sign-up", "login", "caption", "credit",
		"byline", "author-bio", "authorbio", "author-info", "consent", "gdpr",
		"skip-link", "skiplink", "sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader", "screenreader", "a11y", "tooltip", "copyright",
	}
	// linkListWords name lists of links to other stories. They are as strong
	// as strongNegative, except that a block so named which holds plain prose
	// is not such a list: "read-more" also names the folded rest of a story.
	linkListWords = []string{
		"related", "mostread", "most-read", "most_read", "mostpopular", "most-popular",
		"popular", "trending", "recommend", "more-stories", "morestories", "read-more",
		"readmore", "also-read", "further-reading", "recent-post", "recent-article",
		"recentpost", "recent-blog", "latest-post", "more-from",
	}
	weakNegative = []string{
		"share", "social", "promo", "advert", "menu", "sponsor", "widget", "banner",
		"toolbar", "pagination", "pager", "masthead", "overlay", "lightbox",
		"navigation", "navbar", "subnav", "teaser", "timestamp", "dateline", "print",
		"reaction", "rating", "bookmark", "follow", "tag-list", "taglist", "tags-",
		"carousel",
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
	linkList          bool   // a linkListWords match, and no strongNegative one
	weakWord          string // the weak word or token that matched
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
				sig.weak, sig.weakWord = true, "role="+r
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
	if !sig.strong {
		for _, w := range linkListWords {
			if strings.Contains(s, w) {
				sig.strong, sig.linkList = true, true
				break
			}
		}
	}
	for _, w := range weakNegative {
		if strings.Contains(s, w) {
			sig.weak, sig.weakWord = true, w
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
				sig.weak, sig.weakWord = true, tok
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
	p.templateWords = p.findTemplateWords(total)
	var cards []*html.Node
	walk(p.body, false, func(n *html.Node, _ bool) bool {
		if p.dropClass(n, total) {
			return true
		}
		// Cards are only noted here: whether they go depends on how much of
		// the page they are, known once the walk is over.
		if (len(cards) == 0 || !contains(cards[len(cards)-1], n)) && p.teaser(n) {
			cards = append(cards, n)
		}
		return false
	})
	p.cards = len(cards)
	p.dropTeasers(cards)
}

// findTemplateWords returns the weak class words that name blocks holding
// most of the page's prose between them. A page builder names every block
// of the article a "widget" or a "module"; on such a page the word says how
// the page was built, not what the block is.
func (p *page) findTemplateWords(total int) map[string]bool {
	if total == 0 {
		return nil
	}
	sums := map[string]int{}
	open := map[string]int{} // words of the enclosing blocks, counted once
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			sig := readClass(c)
			w := ""
			if sig.weak && !sig.strong {
				w = sig.weakWord
				if open[w] == 0 {
					sums[w] += p.info[c].good
				}
				open[w]++
			}
			walk(c)
			if w != "" {
				open[w]--
			}
		}
	}
	walk(p.body)
	var words map[string]bool
	for w, n := range sums {
		if n*2 >= total {
			if words == nil {
				words = map[string]bool{}
			}
			words[w] = true
		}
	}
	return words
}

// readClass is readClass with the page's template words taken out of the
// weak signals.
func (p *page) readClass(n *html.Node) classSignal {
	sig := readClass(n)
	if sig.weak && p.templateWords[sig.weakWord] {
		sig.weak = false
	}
	return sig
}

// dropTeasers removes the cards that promote other pages, unless they hold
// most of the prose left: then the page is a list of stories, not an
// article, and the cards are all there is to read.
func (p *page) dropTeasers(cards []*html.Node) {
	good := 0
	for _, c := range cards {
		good += p.info[c].good
	}
	if good*2 > p.info[p.body].good {
		return
	}
	for _, c := range cards {
		p.remove(c)
	}
}

// dropMarkup judges an element by its tag and visibility.
func (p *page) dropMarkup(n *html.Node, inArticle bool, total int) bool {
	a := n.DataAtom
	if dropTags[a] || hidden(n) && !p.relaxed {
		return true
	}
	if !pageChrome[a] {
		return false
	}
	// A template may wrap the whole page in one <form> or <header>;
	// dropping that would leave nothing to extract. Broken markup does
	// the same with an <aside> left open above the article.
	holdsPage := total > 0 && p.info[n].good*10 >= total*6
	if p.relaxed && holdsPage {
		return false
	}
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
	if p.photoBox(n) {
		return true
	}
	sig := p.readClass(n)
	if !sig.negative() || p.relaxed && !sig.strong {
		return false
	}
	if midSentence(n) {
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
		if sig.linkList && p.plainProse(in) {
			return false
		}
		return !(sig.pos && in.good*10 >= total*3)
	}
	return !(sig.pos && in.good*5 >= total || in.good*10 >= total*4)
}

// photoBox reports whether n is a picture or a video with its caption: a
// box named for media that holds an image and at most one paragraph. A
// caption describes the picture, not the story, however long it runs, and a
// gallery of them would otherwise outscore a short story above it.
func (p *page) photoBox(n *html.Node) bool {
	in := p.info[n]
	return in.imgs > 0 && in.paras <= 1 && in.text < 1000 && mediaClass(n)
}

// teaser reports whether n is a card that promotes another page: a picture
// and a title that both link to it, and perhaps a line of blurb. Cards are
// how sites list their other stories ("most popular", "more from"), named
// or not, and a blurb without links keeps a card's link density low.
//
// A card has one destination: a row of tags with icons links to several,
// and a lone link is judged as part of its card, not as one.
func (p *page) teaser(n *html.Node) bool {
	in := p.info[n]
	if n.DataAtom == atom.A || in.imgs == 0 || in.link == 0 || in.text >= 300 || in.paras > 1 {
		return false
	}
	target := ""
	pictured, titled, one := false, false, true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && one; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				href := attr(c, "href")
				if href == "" || href == "#" {
					continue
				}
				if target != "" && href != target {
					one = false
					return
				}
				target = href
				ci := p.info[c]
				pictured = pictured || ci.imgs > 0
				titled = titled || ci.text > 0
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return one && pictured && titled
}

// plainProse reports whether a block is paragraphs of text with next to no
// links, which no list of other stories is.
func (p *page) plainProse(in *info) bool {
	return in.paras >= 3 && in.good*10 >= in.text*8 && in.link*10 < in.text
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

// midSentence reports whether n is an inline element with words of the same
// sentence on both sides ("the <a class=recommendation-link>best
// toasters</a> for small kitchens"). Its class names a feature of the link,
// not a block of boilerplate, and dropping it would cut the sentence. A
// "read more" link ends its paragraph, so it has no text after it.
func midSentence(n *html.Node) bool {
	if blockTags[n.DataAtom] {
		return false
	}
	before, after := n.PrevSibling, n.NextSibling
	if before == nil || after == nil || before.Type != html.TextNode || after.Type != html.TextNode {
		return false
	}
	return strings.IndexFunc(before.Data, unicode.IsLetter) >= 0 && strings.TrimSpace(after.Data) != ""
}
