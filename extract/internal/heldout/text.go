package main

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// breaks are the elements a reader sees as separate lines. Only the token
// sequence counts in the metric, but a break keeps two blocks' words from
// gluing into one token ("end.Next").
var breaks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Ul: true,
}

// invisible elements hold code or data, not text a reader sees.
var invisible = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true,
}

// blockText is the visible text of a parsed fragment, a blank line between
// blocks.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if invisible[c.DataAtom] {
					continue
				}
				br := breaks[c.DataAtom]
				if br {
					b.WriteString("\n\n")
				}
				walk(c)
				if br {
					b.WriteString("\n\n")
				}
			}
		}
	}
	walk(n)
	var paras []string
	for p := range strings.SplitSeq(b.String(), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// naiveText is the floor any extractor should clear: the text of every
// visible <p>, as the benchmark's anchor table measures it.
func naiveText(doc *html.Node) string {
	var paras []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || invisible[c.DataAtom] || hiddenNode(c) {
				continue
			}
			if c.DataAtom == atom.P {
				if t := strings.Join(strings.Fields(plainText(c)), " "); t != "" {
					paras = append(paras, t)
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return strings.Join(paras, "\n")
}

// plainText is all text under n, as the DOM's textContent gives it.
func plainText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !invisible[c.DataAtom]:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func hiddenNode(n *html.Node) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden":
			return true
		case a.Key == "aria-hidden" && a.Val == "true":
			return true
		case a.Key == "style" && (strings.Contains(a.Val, "display:none") || strings.Contains(a.Val, "display: none")):
			return true
		}
	}
	return false
}
