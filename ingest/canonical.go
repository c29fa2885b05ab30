package ingest

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// canonicalLink returns the absolute URL of the page's <link rel=canonical>,
// or "" when it has none. Only the head is scanned: the article id must be
// known before the page is handed on, and the body can be megabytes.
func canonicalLink(page []byte, base string) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Link:
				if !hasAttr {
					continue
				}
				var rel, href string
				for {
					k, v, more := z.TagAttr()
					switch string(k) {
					case "rel":
						rel = strings.ToLower(string(v))
					case "href":
						href = strings.TrimSpace(string(v))
					}
					if !more {
						break
					}
				}
				if href != "" && hasToken(rel, "canonical") {
					return resolve(base, href)
				}
			}
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// compactHTML shrinks page below limit bytes: first by dropping scripts,
// styles, SVG drawings and comments, which carry no article text, then, if
// that is not enough, by cutting the tail (HTML parsers close what a cut
// leaves open). It reports whether it had to cut.
func compactHTML(page string, limit int) (string, bool) {
	if len(page) <= limit {
		return page, false
	}
	page = dropBetween(page, "<script", "</script>")
	page = dropBetween(page, "<style", "</style>")
	page = dropBetween(page, "<svg", "</svg>")
	page = dropBetween(page, "<!--", "-->")
	if len(page) > limit && limit > 0 {
		return strings.ToValidUTF8(clip(page, limit), ""), true
	}
	return page, false
}

// dropBetween removes every stretch from open to the next close, matching
// tag names case-insensitively.
func dropBetween(s, open, close string) string {
	lower := asciiLower(s)
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for {
		j := strings.Index(lower[i:], open)
		if j < 0 {
			break
		}
		j += i
		k := strings.Index(lower[j:], close)
		if k < 0 {
			break
		}
		b.WriteString(s[i:j])
		i = j + k + len(close)
	}
	b.WriteString(s[i:])
	return b.String()
}

// asciiLower lower-cases ASCII letters only, so byte offsets in the result
// are offsets in s (strings.ToLower can change the length of some runes).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
