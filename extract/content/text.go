package content

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mainText finds the article's container and writes out its prose.
func (p *page) mainText(title string) string {
	if p.body == nil {
		return ""
	}
	w := writer{p: p, title: strings.ToLower(normalizeSpace(title))}
	p.selected = p.selectContent(p.score())
	for _, n := range p.lead() {
		w.block(n, false)
	}
	for _, n := range p.selected {
		w.block(n, true)
	}
	paras, kinds := dropTimestamps(w.paras, w.kinds)
	// A heading with nothing after it introduces what we cut (comments,
	// tags, "more on this"), not the article.
	for len(paras) > 1 && kinds[len(paras)-1] == headingPara {
		paras, kinds = paras[:len(paras)-1], kinds[:len(kinds)-1]
	}
	return strings.Join(paras, "\n\n")
}

// Bounds on the standfirst: how many blocks, how much text, and how far
// past the headline (in elements) it may start.
const (
	maxLeadBlocks = 2
	maxLeadRunes  = 800
	maxLeadWalk   = 60
)

// lead returns the standfirst: the prose between the headline and the
// chosen content, which templates often set apart (a hero box, a dek
// under the title) from the body. It is only looked for when the headline
// is outside the content and comes before it.
func (p *page) lead() []*html.Node {
	if len(p.selected) == 0 {
		return nil
	}
	h := p.headline()
	if h == nil || !attached(h, p.body) {
		return nil
	}
	first := p.selected[0]
	for _, s := range p.selected {
		if contains(s, h) {
			return nil
		}
	}
	var out []*html.Node
	runes := 0
	next := nextSkipping(h)
	for steps := 0; ; steps++ {
		n := next
		if n == nil || steps >= maxLeadWalk {
			return nil // the content does not follow closely: nothing seen is its lead
		}
		if n == first {
			return out
		}
		next = nextSkipping(n)
		if n.Type != html.ElementNode {
			continue
		}
		in := p.info[n]
		switch {
		case contains(n, first):
			next = n.FirstChild // an ancestor of the content: look inside it
		case in == nil || in.text == 0:
		case isHeading(n.DataAtom):
			return nil // another section starts: no lead here
		case blockTags[n.DataAtom] && in.own >= 3*minPara && in.own == in.text:
			if len(out) < maxLeadBlocks && runes < maxLeadRunes && in.ownLink*5 <= in.own && endsSentence(n) {
				out = append(out, n)
				runes += in.own
			}
		case in.own < in.text:
			next = n.FirstChild // a wrapper: its blocks are read one by one
		}
	}
}

// nextSkipping is the node after n in document order, not entering n.
func nextSkipping(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// attached reports whether n is still in the tree under root (pruning
// detaches what it drops).
func attached(n, root *html.Node) bool {
	return contains(root, n)
}

// paraKind tells the paragraphs the writer may yet drop from the others.
type paraKind uint8

const (
	prosePara   paraKind = iota
	headingPara          // h1-h6
	datePara             // a date and a few words, as dateLine reads it
)

// minChronology is the fewest date lines in a row that make a list of dates
// (ranks and the dates they were reached, a season's fixtures) rather than a
// timestamp, which a page prints once, or twice with an update.
const minChronology = 3

// dropTimestamps removes the date lines that stand alone or in pairs.
func dropTimestamps(paras []string, kinds []paraKind) ([]string, []paraKind) {
	outP, outK := paras[:0:0], kinds[:0:0]
	for i := 0; i < len(paras); {
		j := i + 1
		if kinds[i] == datePara {
			for j < len(paras) && kinds[j] == datePara {
				j++
			}
			if j-i < minChronology {
				i = j
				continue
			}
		}
		outP, outK = append(outP, paras[i:j]...), append(outK, kinds[i:j]...)
		i = j
	}
	return outP, outK
}

// writer turns a subtree into paragraphs.
type writer struct {
	p      *page
	title  string
	paras  []string
	kinds  []paraKind // one for each of paras
	buf    strings.Builder
	runes  int // non-space runes in buf
	linked int // of which inside links
	lead   int // of which in links before any unlinked text
	inLink int
	// keepLinked is above zero while the writer is inside blocks whose
	// linked lines are text: a heading kept by skip, an announced list.
	keepLinked int
}

// block writes an element that starts paragraphs of its own. root is set for
// the selected containers themselves, which are never second-guessed.
func (w *writer) block(n *html.Node, root bool) {
	if !root && w.skip(n) {
		return
	}
	w.flush(nil)
	// The items of a list the text announces are kept even if they are
	// all link, and so is a heading that passed skip.
	intro := introducedList(n)
	if intro {
		w.keepLinked++
	}
	w.children(n)
	if isHeading(n.DataAtom) {
		w.keepLinked++
	}
	w.flush(n)
	if isHeading(n.DataAtom) {
		w.keepLinked--
	}
	if intro {
		w.keepLinked--
	}
}

func (w *writer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.buf.WriteString(c.Data)
			r, _ := countText(c.Data)
			w.runes += r
			if w.inLink > 0 {
				if w.linked+r == w.runes {
					w.lead += r
				}
				w.linked += r
			}
		case html.ElementNode:
			switch {
			case c.DataAtom == atom.Br:
				w.flush(nil)
			case c.DataAtom == atom.Td || c.DataAtom == atom.Th:
				// A table row reads as one line: "1 Kyle Busch 5040".
				w.buf.WriteByte(' ')
				w.children(c)
			case blockTags[c.DataAtom]:
				w.block(c, false)
			case c.DataAtom == atom.A:
				w.inLink++
				w.children(c)
				w.inLink--
			default:
				w.children(c)
			}
		}
	}
}

// skip is the second look at a block inside the chosen container: lists of
// links, link-heavy boxes and empty shells are widgets that sit between the
// article's paragraphs.
func (w *writer) skip(n *html.Node) bool {
	in := w.p.info[n]
	if in == nil || in.text == 0 {
		return true
	}
	a := n.DataAtom
	// A figure is a picture and its caption, unless it holds prose of
	// its own: a pull quote set as a figure.
	if a == atom.Figure && in.good < minPara {
		return true
	}
	ld := float64(in.link) / float64(in.text)
	switch a {
	case atom.Table:
		// Data tables link their row names (players, companies) and are
		// still content; a table that is nearly all links is a menu.
		if ld > 0.75 {
			return true
		}
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Dl, atom.Aside, atom.Header, atom.Form:
		if in.commas < 10 && !w.summaryList(n) && !introducedList(n) {
			if ld > 0.5 {
				return true
			}
			if (a == atom.Ul || a == atom.Ol) && ld > 0.3 {
				return true
			}
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if ld > 0.5 && !w.p.introducesProse(n) {
			return true
		}
	}
	return false
}

// introducesProse reports whether the block after n is prose with few
// links: a linked heading above it names a section of the article (the
// product or the place the section is about), not another story.
func (p *page) introducesProse(n *html.Node) bool {
	s := n.NextSibling
	for s != nil && s.Type != html.ElementNode {
		s = s.NextSibling
	}
	if s == nil || isHeading(s.DataAtom) {
		return false
	}
	si := p.info[s]
	return si != nil && si.good >= 2*minPara && si.link*5 < si.text
}

// introducedList reports whether n is a list that the paragraph before it
// announces with a colon ("Sources:", "You will need:"): part of the text,
// however many of its items are links.
func introducedList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	s := n.PrevSibling
	for s != nil && (s.Type != html.ElementNode && blank(s.Data) || s.Type == html.CommentNode) {
		s = s.PrevSibling
	}
	if s == nil {
		return false
	}
	var t string
	if s.Type == html.TextNode {
		t = strings.TrimSpace(s.Data)
	} else if s.DataAtom == atom.P || isHeading(s.DataAtom) {
		t = normalizeSpace(textOf(s))
	}
	return strings.HasSuffix(t, ":")
}

// summaryList reports whether n is a list whose items mostly open with a
// linked headline and go on to say something of their own: a bulleted
// summary of stories. A list of links has nothing but the links, and a list
// of related stories links the tail of each title, not its head.
func (w *writer) summaryList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items, told := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Li {
			continue
		}
		items++
		if ci := w.p.info[c]; ci != nil && ci.text-ci.link >= minPara && opensWithLink(c) {
			told++
		}
	}
	return items >= 2 && told*4 >= items*3
}

// opensWithLink reports whether the first text in n is the text of a link.
func opensWithLink(n *html.Node) bool {
	inLink := false
	var first func(n *html.Node) (found, linked bool)
	first = func(n *html.Node) (bool, bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if !blank(c.Data) {
					return true, inLink
				}
			case html.ElementNode:
				if skipText[c.DataAtom] {
					continue
				}
				was := inLink
				inLink = inLink || c.DataAtom == atom.A
				found, linked := first(c)
				inLink = was
				if found {
					return true, linked
				}
			}
		}
		return false, false
	}
	_, linked := first(n)
	return linked
}

// flush ends the paragraph being written. n is the block that ends, if any.
func (w *writer) flush(n *html.Node) {
	if w.runes == 0 {
		w.reset()
		return
	}
	s := normalizeSpace(w.buf.String())
	linkHeavy := w.linked*2 > w.runes && !w.headlineSummary(s) && w.keepLinked == 0
	w.reset()
	if s == "" || linkHeavy {
		return
	}
	if n != nil && n.DataAtom == atom.H1 && (strings.ToLower(s) == w.title || w.p.isTitle(s)) {
		return // the headline is metadata, not body text
	}
	if junkLine(s) {
		return
	}
	kind := prosePara
	switch {
	case dateLine(s) || bylineLine(s):
		kind = datePara
	case n != nil && isHeading(n.DataAtom):
		kind = headingPara
	}
	w.paras = append(w.paras, s)
	w.kinds = append(w.kinds, kind)
}

// isTitle reports whether s is the page's title, give or take a site name
// or a kicker that one of them carries.
func (p *page) isTitle(s string) bool {
	t := squash(s)
	if len(t) < 8 {
		return false
	}
	for _, title := range p.titles {
		if strings.Contains(title, t) || strings.Contains(t, title) {
			return true
		}
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func (w *writer) reset() {
	w.buf.Reset()
	w.runes, w.linked, w.lead = 0, 0, 0
}

// headlineSummary reports whether the paragraph s is a linked headline
// followed by a sentence or more of its own, as in a bulleted summary of
// stories. Prose that only links names along the way does not start with a
// link, and a teaser's own text is a time, a byline or a label, not a
// sentence.
func (w *writer) headlineSummary(s string) bool {
	own := w.runes - w.linked
	if w.lead == 0 || own < minPara || (w.linked-w.lead)*2 > own {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?。！？\"”", r)
}

// junkPhrases are whole paragraphs that are page furniture in every language
// we read: ad labels and reading prompts.
var junkPhrases = map[string]bool{
	"advertisement": true, "advertisements": true, "advertising": true, "ad": true,
	"sponsored": true, "sponsored content": true, "continue reading": true,
	"continue reading below": true, "story continues below": true,
	"story continues below advertisement": true, "article continues below": true,
	"read more": true, "read more:": true, "share": true, "share this": true,
	"share this article": true, "anzeige": true, "werbung": true, "publicité": true,
	"publicidad": true, "publicidade": true, "pubblicità": true, "реклама": true,
	"scroll to continue with content": true, "skip advertisement": true,
	"advert": true, "comments": true, "comment": true, "leave a comment": true,
	"related": true, "related articles": true, "related stories": true, "tags": true,
}

func junkLine(s string) bool {
	return len(s) <= 60 && (junkPhrases[strings.ToLower(strings.TrimRight(s, " .…:"))] || isCounter(s))
}

// dateLine reports whether a short paragraph is a timestamp ("Posted: Fri
// 6:45 PM, Feb 16, 2018", "22 de outubro de 2010 às 20:13"): the date is
// metadata, and a sentence that mentions a date is longer or ends like one.
func dateLine(s string) bool {
	if utf8.RuneCountInString(s) > 80 || words(s) > 10 || !hasDigit(s) {
		return false
	}
	if strings.HasPrefix(s, "—") || strings.Contains(s, "(@") {
		return false // the signature of an embedded post: "— Name (@name) May 1, 2019"
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?。！？\"”", r) {
		return false
	}
	_, ok := parseTextDate(s)
	return ok
}

// bylineLine reports whether a paragraph is the byline printed with the
// date ("By Jane Doe, 52nd Fighter Wing Public Affairs / Published May 26,
// 2015"): metadata, longer than dateLine allows for the name and the unit.
func bylineLine(s string) bool {
	if !bylinePrefix(s) && !publishedWord(s) || utf8.RuneCountInString(s) > 160 || words(s) > 24 || !hasDigit(s) {
		return false
	}
	// "By March 2026, the army will field 12 new brigades." is a sentence.
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?。！？\"”", r) {
		return false
	}
	if _, ok := parseTextDate(s); ok {
		return true
	}
	// The date closes the line, after more words than parseTextDate reads.
	f := strings.Fields(s)
	for k := min(len(f), 6); k >= 2; k-- {
		if _, ok := parseTextDate(strings.Join(f[len(f)-k:], " ")); ok {
			return true
		}
	}
	return false
}

// publishedWords announce a timestamp in a byline that does not start
// with "By": "Public Affairs / Published October 13, 2015".
var publishedWords = []string{
	"published", "updated", "posted", "veröffentlicht", "aktualisiert", "publié",
	"mis à jour", "опубликовано", "обновлено", "опубліковано", "оновлено",
}

func publishedWord(s string) bool {
	l := strings.ToLower(s)
	for _, w := range publishedWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// textOf is the raw text of a subtree, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if skipText[c.DataAtom] {
					continue
				}
				if c.DataAtom == atom.Br || blockTags[c.DataAtom] {
					b.WriteByte(' ')
				}
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return b.String()
}

// mediaClass reports whether a block's class names it as a picture or a
// video box, whose text is a caption.
func mediaClass(n *html.Node) bool {
	c := strings.ToLower(attr(n, "class"))
	if c == "" {
		return false
	}
	for _, w := range []string{"image", "img", "photo", "picture", "media", "figure", "video", "gallery", "slide"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}
