package content

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// info holds what the extractor knows about one element. Text amounts are
// counted in non-space runes, so that layout white space and the byte width
// of a script weigh nothing.
type info struct {
	text, link, commas      int // whole subtree
	own, ownLink, ownCommas int // text the element holds outside nested blocks
	good                    int // text of prose blocks in the subtree
	paras, imgs, items      int // prose blocks, images and list items in the subtree
	score, prior            float64
	scored                  bool
}

// page is one parse in progress: the tree, per-element facts, and the nodes
// metadata is read from.
type page struct {
	gq   *goquery.Document
	body *html.Node
	base *url.URL
	now  time.Time

	info map[*html.Node]*info
	slab []info

	htmlLang  string
	meta      map[string]string
	title     string
	ld        []string
	canonical string
	imageSrc  string
	h1s       []*html.Node
	times     []timeNode
	authors   []*html.Node // rel=author links and itemprop=author elements
	itemDates []*html.Node // itemprop=datePublished elements other than <meta>

	titles       []string     // the title metadata, squashed, to recognise the headline
	headlineDate time.Time    // a date printed near the headline, read before pruning
	selected     []*html.Node // the main text's containers
	// relaxed is the second pass over a page whose first left little:
	// hidden blocks and weak class names no longer drop anything.
	relaxed       bool
	ldInfo        ldArticle       // what the page's JSON-LD says
	stories       storyCount      // what lists other pages, before pruning
	cards         int             // teaser cards pruning noted
	bodyText      int             // the body's text before pruning, non-space runes
	bodyLink      int             // of which inside links
	templateWords map[string]bool // weak class words the page's prose blocks share
	scripts       []string        // the text of inline JSON scripts: framework state
}

// timeNode keeps a <time> element with the ancestors it had before pruning,
// so we can still tell after pruning whether it sat in the article.
type timeNode struct {
	n         *html.Node
	ancestors []*html.Node
}

func newPage(gq *goquery.Document, base *url.URL, now time.Time) *page {
	return &page{gq: gq, base: base, now: now, meta: map[string]string{},
		info: make(map[*html.Node]*info, 1024)}
}

func (p *page) get(n *html.Node) *info {
	if in, ok := p.info[n]; ok {
		return in
	}
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]info, 0, 512)
	}
	p.slab = append(p.slab, info{})
	in := &p.slab[len(p.slab)-1]
	p.info[n] = in
	return in
}

// collect walks the whole tree once: it counts text for every element and
// gathers the nodes that metadata comes from. Everything after works from
// these counts, which keeps the extractor linear in the size of the page.
func (p *page) collect() {
	var stack []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		in := p.get(n)
		a := n.DataAtom
		p.note(n, a, stack)
		if a == atom.Body && p.body == nil {
			p.body = n
		}
		if skipText[a] {
			return
		}
		stack = append(stack, n)
		isA := a == atom.A
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.TextNode:
				runes, commas := countText(c.Data)
				in.text += runes
				in.own += runes
				in.commas += commas
				in.ownCommas += commas
			case html.ElementNode:
				if depth >= maxDepth {
					n.RemoveChild(c)
					break
				}
				walk(c, depth+1)
				ci := p.info[c]
				in.text += ci.text
				in.link += ci.link
				in.commas += ci.commas
				in.good += ci.good
				in.paras += ci.paras
				in.imgs += ci.imgs
				in.items += ci.items
				if !blockTags[c.DataAtom] {
					in.own += ci.own
					in.ownLink += ci.ownLink
					in.ownCommas += ci.ownCommas
				}
			}
			c = next
		}
		stack = stack[:len(stack)-1]
		if isA {
			in.link = in.text
			in.ownLink = in.own
		}
		switch a {
		case atom.Img:
			in.imgs++
		case atom.Li:
			in.items++
		}
		if blockTags[a] && in.own >= minPara && in.ownLink*10 < in.own*3 {
			in.good += in.own
			in.paras++
		}
	}
	walk(p.gq.Nodes[0], 0)
	if p.body == nil {
		p.body = p.gq.Nodes[0]
	}
}

// minPara is the least text, in non-space runes, that counts as a sentence
// rather than a label.
const minPara = 20

// note records the nodes that carry metadata.
func (p *page) note(n *html.Node, a atom.Atom, stack []*html.Node) {
	switch a {
	case atom.Html:
		if p.htmlLang == "" {
			p.htmlLang = attr(n, "lang")
			if p.htmlLang == "" {
				p.htmlLang = attr(n, "xml:lang")
			}
		}
	case atom.Title:
		if p.title == "" && n.FirstChild != nil && len(stack) > 0 && stack[len(stack)-1].DataAtom == atom.Head {
			p.title = normalizeSpace(n.FirstChild.Data)
		}
	case atom.Meta:
		key := attr(n, "property")
		if key == "" {
			key = attr(n, "name")
		}
		if key == "" {
			key = attr(n, "itemprop")
		}
		if key == "" {
			key = attr(n, "http-equiv")
		}
		content := strings.TrimSpace(attr(n, "content"))
		if key != "" && content != "" {
			key = strings.ToLower(key)
			if _, ok := p.meta[key]; !ok {
				p.meta[key] = content
			}
		}
	case atom.Link:
		rel := strings.ToLower(attr(n, "rel"))
		switch {
		case hasWord(rel, "canonical") && p.canonical == "":
			p.canonical = attr(n, "href")
		case hasWord(rel, "image_src") && p.imageSrc == "":
			p.imageSrc = attr(n, "href")
		}
	case atom.Script:
		typ := strings.ToLower(attr(n, "type"))
		switch {
		case n.FirstChild == nil:
		case strings.Contains(typ, "ld+json"):
			p.ld = append(p.ld, n.FirstChild.Data)
		case strings.Contains(typ, "json") || strings.Contains(n.FirstChild.Data, "__next_f.push") || strings.HasPrefix(strings.TrimSpace(n.FirstChild.Data), "window.__NUXT__"):
			p.scripts = append(p.scripts, n.FirstChild.Data)
		}
	case atom.H1:
		p.h1s = append(p.h1s, n)
	case atom.Time:
		p.times = append(p.times, timeNode{n: n, ancestors: append([]*html.Node(nil), stack...)})
	case atom.A:
		if hasWord(strings.ToLower(attr(n, "rel")), "author") {
			p.authors = append(p.authors, n)
		}
	}
	if n.Type == html.ElementNode && a != atom.Meta && len(n.Attr) > 0 {
		switch attr(n, "itemprop") {
		case "author", "creator":
			p.authors = append(p.authors, n)
		case "datePublished":
			p.itemDates = append(p.itemDates, n)
		}
	}
}

// skipText are elements whose children are code or data, never text a reader
// sees.
var skipText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Textarea: true, atom.Select: true, atom.Canvas: true,
}

// blockTags start a new paragraph of text; everything else flows inline.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Caption: true, atom.Legend: true,
	atom.Head: true, atom.Title: true,
}

// countText counts the non-space runes and the commas of a text node. Commas
// of CJK and Arabic scripts count too: they mark clauses as ours do.
func countText(s string) (runes, commas int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\n', '\t', '\r', '\f':
			case ',':
				runes++
				commas++
			default:
				runes++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '，' || r == '、' || r == '،':
			runes++
			commas++
		case unicode.IsSpace(r):
		default:
			runes++
		}
	}
	return runes, commas
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasWord reports whether the space-separated list s holds w.
func hasWord(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == w {
			return true
		}
	}
	return false
}

// resolve makes a link absolute against the page URL.
func (p *page) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if p.base != nil {
		u = p.base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return ""
	}
	return u.String()
}
