package content

import (
	"slices"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paraTags hold one paragraph each; their text credits the container they
// sit in. Other blocks with text of their own (a <div> of text and <br>s)
// are containers and credit themselves.
var paraTags = map[atom.Atom]bool{
	atom.P: true, atom.Pre: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Blockquote: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Address: true, atom.Th: true,
}

// tagPrior says how likely each kind of element is to be the article's
// container before its text is looked at.
func tagPrior(a atom.Atom) float64 {
	switch a {
	case atom.Div, atom.Article, atom.Section, atom.Main:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// score gives every container credit for the prose blocks below it, nearer
// ancestors more, and returns the containers that got any.
func (p *page) score() []*html.Node {
	var cands []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				walk(c)
			}
		}
		in := p.info[n]
		if in == nil || !blockTags[n.DataAtom] || in.own < minPara {
			return
		}
		w := 1 + float64(in.ownCommas) + min(float64(in.own)/100, 3)
		w *= 1 - float64(in.ownLink)/float64(in.own)
		start := n
		if paraTags[n.DataAtom] {
			start = n.Parent
		}
		level := 0
		for a := start; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
			ai := p.info[a]
			if ai == nil {
				break
			}
			if !ai.scored {
				ai.scored = true
				ai.prior = tagPrior(a.DataAtom) + p.classPrior(a)
				cands = append(cands, a)
			}
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level) * 3
			}
			ai.score += w / div
			// An <article> is one story: its prose says nothing about the
			// page around it, which may be a list of stories.
			if a == p.body || a.DataAtom == atom.Article {
				break
			}
			level++
		}
	}
	walk(p.body)
	for _, c := range cands {
		in := p.info[c]
		// A content class is a tie-breaker between containers of prose, not
		// a reason to pick a box with one line in it.
		in.score += min(in.prior, in.score)
		if in.text > 0 {
			in.score *= 1 - float64(in.link)/float64(in.text)
		}
	}
	return cands
}

func (p *page) classPrior(n *html.Node) float64 {
	sig := p.readClass(n)
	s := 0.0
	if sig.negative() {
		s -= 25
	}
	if sig.pos {
		s += 25
	}
	return s
}

// selectContent picks the container that holds the article and the
// siblings that continue it, in document order.
func (p *page) selectContent(cands []*html.Node) []*html.Node {
	if len(cands) == 0 {
		return []*html.Node{p.body}
	}
	sort.SliceStable(cands, func(i, j int) bool { return p.info[cands[i]].score > p.info[cands[j]].score })
	top := cands[0]
	topScore := p.info[top].score

	// When several strong candidates share an ancestor, the article is split
	// into blocks (by ads, by pull quotes) and the ancestor is the article.
	var alts []*html.Node
	for _, c := range cands[1:min(len(cands), 5)] {
		if p.info[c].score >= topScore*0.75 {
			alts = append(alts, c)
		}
	}
	if len(alts) >= 2 {
		for a := top.Parent; a != nil && a != p.body; a = a.Parent {
			n := 0
			for _, alt := range alts {
				if contains(a, alt) {
					n++
				}
			}
			if n >= 2 {
				top = a
				break
			}
		}
	}
	// Climb while the parent scores about as well: the top candidate is then
	// only one part of the article.
	last := p.info[top].score
	for a := top.Parent; a != nil && a != p.body; a = a.Parent {
		ai := p.info[a]
		if !ai.scored {
			continue
		}
		if ai.score < last/3 {
			break
		}
		if ai.score > last {
			top = a
			break
		}
		last = ai.score
	}
	// The <article> that holds the headline is the page's story; a list of
	// other stories elsewhere can outscore it when the story is short.
	if a := p.headlineArticle(); a != nil && !contains(a, top) && !contains(top, a) && p.info[a].good >= 2*minPara {
		top = p.bestWithin(cands, a)
	}
	// A lone child adds nothing its parent would not.
	for top.Parent != nil && top.Parent != p.body && p.onlyTextChild(top) {
		top = top.Parent
	}
	top = p.widen(top)
	if top == p.body || top.Parent == nil {
		return []*html.Node{top}
	}

	ti := p.info[top]
	threshold := max(10, ti.score*0.2)
	topClass := attr(top, "class")
	var deep map[*html.Node]float64 // made when first needed: few pages need it
	var out []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if s == top {
			out = append(out, s)
			continue
		}
		if s.DataAtom == atom.Article && top.DataAtom == atom.Article {
			continue // the next story, not more of this one
		}
		si := p.info[s]
		if si == nil {
			continue
		}
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = ti.score * 0.2
		}
		if si.scored && si.score+bonus >= threshold && !p.listsStories(s, nil) {
			out = append(out, s)
			continue
		}
		// A block built from the same template as the container that
		// holds prose of its own is another section of the article: page
		// builders and multi-part stories put each section in a box of
		// its own, too small alone to pass the threshold.
		if s.DataAtom == top.DataAtom && si.good >= 2*minPara && si.link*4 < si.text && sameTemplate(s, top) {
			out = append(out, s)
			continue
		}
		// A block of the same template as the container whose prose sits
		// too deep to have credited it (wrappers for a sidebar, a drop cap)
		// is another part of the article, often its first.
		if !si.scored && topClass != "" && s.DataAtom == top.DataAtom && attr(s, "class") == topClass {
			if deep == nil {
				deep = p.deepScores(cands, top.Parent)
			}
			if deep[s] >= threshold {
				out = append(out, s)
				continue
			}
		}
		if paraTags[s.DataAtom] || s.DataAtom == atom.Div && si.own == si.text {
			ld := 0.0
			if si.text > 0 {
				ld = float64(si.link) / float64(si.text)
			}
			if si.text > 80 && ld < 0.25 || si.text > 0 && si.text <= 80 && si.link == 0 && endsSentence(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// widen climbs from the chosen container to the ancestors whose other
// text is prose too: sections of a long page (each under its heading, in a
// box of its own), a lead above the body, a list that belongs to the text.
// The climb stops at the first ancestor that adds links, text outside
// paragraphs (menus, cards, labels) or a list of other stories, and at an
// <article>, which is one story.
func (p *page) widen(top *html.Node) *html.Node {
	ti := p.info[top]
	if ti == nil {
		return top
	}
	best, prev := top, ti
	for a := top.Parent; a != nil && a != p.body; a = a.Parent {
		ai := p.info[a]
		if ai == nil {
			break
		}
		// What this level adds to the one below: prose with few links,
		// or a label (a heading, a date) with none. A level that adds
		// only a label is passed through, and taken only if a level
		// above adds real prose.
		text, good, link := ai.text-prev.text, ai.good-prev.good, ai.link-prev.link
		label := text < 3*minPara && link == 0
		if text > 0 && !label && (good*10 < text*7 || link*10 > text) || p.listsStories(a, top) {
			break
		}
		if ai.good-ti.good >= 3*minPara || ai.text == ti.text {
			best = a
		}
		prev = ai
		if a.DataAtom == atom.Article {
			break
		}
	}
	return best
}

// listsStories reports whether n, outside skip, holds what lists other
// stories: another <article>, a heading that is a link, or two blocks that
// open with a linked title and go on with a blurb.
func (p *page) listsStories(n, skip *html.Node) bool {
	items := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c == skip {
				continue
			}
			ci := p.info[c]
			if ci == nil || ci.link == 0 {
				continue
			}
			if c.DataAtom == atom.Article || isHeading(c.DataAtom) && ci.link*2 > ci.text {
				return true
			}
			if blockTags[c.DataAtom] && ci.link >= minPara && ci.text-ci.link >= minPara && ci.text < 600 && opensWithLink(c) {
				if items++; items >= 2 {
					return true
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// sameTemplate reports whether two elements share most of their class
// names: the sections of one page builder differ by an id-like name or two
// ("elementor-element-fa89") and agree on the rest.
func sameTemplate(a, b *html.Node) bool {
	ca, cb := strings.Fields(attr(a, "class")), strings.Fields(attr(b, "class"))
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	shared := 0
	for _, x := range ca {
		if slices.Contains(cb, x) {
			shared++
		}
	}
	return shared*2 >= len(ca)+len(cb)-shared
}

// deepScores gives each child of parent the best score of a candidate
// inside it.
func (p *page) deepScores(cands []*html.Node, parent *html.Node) map[*html.Node]float64 {
	best := map[*html.Node]float64{}
	for _, c := range cands {
		child := c
		for child != nil && child.Parent != parent {
			child = child.Parent
		}
		if child == nil || child == c {
			continue
		}
		if sc := p.info[c].score; sc > best[child] {
			best[child] = sc
		}
	}
	return best
}

func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// onlyTextChild reports whether n holds all the text of its parent. Empty
// siblings do not count: they are the shells of ads and widgets that
// pruning emptied, and they would otherwise stop the climb to the block
// that holds the rest of the story.
func (p *page) onlyTextChild(n *html.Node) bool {
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == n {
			continue
		}
		switch s.Type {
		case html.TextNode:
			if !blank(s.Data) {
				return false
			}
		case html.ElementNode:
			if si := p.info[s]; si == nil || si.text > 0 {
				return false
			}
		}
	}
	return true
}

func blank(s string) bool {
	r, _ := countText(s)
	return r == 0
}

// endsSentence reports whether a short block reads as a sentence (ends with
// a full stop), not as a label or a teaser.
func endsSentence(n *html.Node) bool {
	t := normalizeSpace(textOf(n))
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', '"':
		return true
	}
	return false
}

// headlineArticle returns the <article> element around the page's
// headline, if there is one.
func (p *page) headlineArticle() *html.Node {
	h := p.headline()
	if h == nil {
		return nil
	}
	for a := h.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Article {
			return a
		}
		if a == p.body {
			break
		}
	}
	return nil
}

// bestWithin returns the best-scoring candidate inside root (cands are
// sorted best first), or root itself.
func (p *page) bestWithin(cands []*html.Node, root *html.Node) *html.Node {
	for _, c := range cands {
		if contains(root, c) {
			return c
		}
	}
	return root
}

// headline returns the <h1> that carries the page's title. A page's first
// <h1> is often a logo or a teaser, so it must match the title metadata.
func (p *page) headline() *html.Node {
	for _, h := range p.h1s {
		t := squash(textOf(h))
		if len(t) < 8 {
			continue
		}
		for _, title := range p.titles {
			// One may carry a site name or a kicker the other lacks.
			if strings.Contains(title, t) || strings.Contains(t, title) {
				return h
			}
		}
	}
	return nil
}
