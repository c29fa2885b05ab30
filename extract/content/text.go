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
	for _, n := range p.selected {
		w.block(n, true)
	}
	// A heading with nothing after it introduces what we cut (comments,
	// tags, "more on this"), not the article.
	for len(w.paras) > 1 && w.heading[len(w.paras)-1] {
		w.paras = w.paras[:len(w.paras)-1]
		w.heading = w.heading[:len(w.heading)-1]
	}
	return strings.Join(w.paras, "\n\n")
}

// writer turns a subtree into paragraphs.
type writer struct {
	p       *page
	title   string
	paras   []string
	heading []bool // whether each of paras is a heading
	buf     strings.Builder
	runes   int // non-space runes in buf
	linked  int // of which inside links
	inLink  int
}

// block writes an element that starts paragraphs of its own. root is set for
// the selected containers themselves, which are never second-guessed.
func (w *writer) block(n *html.Node, root bool) {
	if !root && w.skip(n) {
		return
	}
	w.flush(nil)
	w.children(n)
	w.flush(n)
}

func (w *writer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.buf.WriteString(c.Data)
			r, _ := countText(c.Data)
			w.runes += r
			if w.inLink > 0 {
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
	if a == atom.Figure {
		return true
	}
	if in.imgs > 0 && in.text < 300 && in.paras <= 1 && mediaClass(n) {
		return true // a photo with its caption and credit
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
		if in.commas < 10 {
			if ld > 0.5 {
				return true
			}
			if (a == atom.Ul || a == atom.Ol) && ld > 0.3 {
				return true
			}
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if ld > 0.5 {
			return true
		}
	}
	return false
}

// flush ends the paragraph being written. n is the block that ends, if any.
func (w *writer) flush(n *html.Node) {
	if w.runes == 0 {
		w.reset()
		return
	}
	s := normalizeSpace(w.buf.String())
	linkHeavy := w.linked*2 > w.runes
	w.reset()
	if s == "" || linkHeavy {
		return
	}
	if n != nil && n.DataAtom == atom.H1 && strings.ToLower(s) == w.title {
		return // the headline is metadata, not body text
	}
	if junkLine(s) {
		return
	}
	w.paras = append(w.paras, s)
	w.heading = append(w.heading, n != nil && isHeading(n.DataAtom))
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
	w.runes, w.linked = 0, 0
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
	if len(s) <= 60 && (junkPhrases[strings.ToLower(strings.TrimRight(s, " .…:"))] || isCounter(s)) {
		return true
	}
	return dateLine(s)
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
