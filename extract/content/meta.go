package content

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys are the <meta> names and properties that carry the
// publication date, most specific first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"published_time", "article.published", "article:published", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
	"dc.date.created", "pubdate", "publishdate", "publish-date", "publish_date",
	"publication_date", "date", "sailthru.date", "parsely-pub-date", "article_date_original",
	"original-publish-date", "displaydate", "live_date",
}

var modifiedKeys = []string{
	"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
	"dc.date.modified", "last-modified", "lastmod",
}

var authorKeys = []string{
	"author", "article:author", "dc.creator", "dcterms.creator", "byl",
	"parsely-author", "sailthru.author", "twitter:creator",
}

var imageKeys = []string{
	"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
}

// metadata reads everything but the main text. It runs before pruning,
// because bylines and dates live in exactly the elements pruning removes.
func (p *page) metadata() Document {
	var d Document
	ld := parseJSONLD(p.ld)
	p.ldInfo = ld

	d.SiteName = firstOf(p.meta["og:site_name"], ld.publisher)
	host := ""
	if p.base != nil {
		host = strings.TrimPrefix(strings.ToLower(p.base.Hostname()), "www.")
	}
	switch {
	case p.meta["og:title"] != "":
		d.Title, d.TitleFrom = cleanTitle(p.meta["og:title"], d.SiteName, host, false), "og"
	case ld.headline != "":
		d.Title, d.TitleFrom = cleanTitle(ld.headline, d.SiteName, host, false), "json-ld"
	case p.firstH1() != "":
		d.Title, d.TitleFrom = p.firstH1(), "h1"
	case p.title != "":
		d.Title, d.TitleFrom = cleanTitle(p.title, d.SiteName, host, true), "title"
	}

	for _, t := range []string{p.meta["og:title"], ld.headline, p.title, p.meta["twitter:title"]} {
		if t = squash(t); len(t) >= 8 {
			p.titles = append(p.titles, t)
		}
	}
	d.Byline = p.byline(ld)

	if t, ok := parseDate(ld.published, p.now); ok {
		d.Published, d.PublishedFrom = t, "json-ld"
	} else if t, ok := p.metaDate(publishedKeys); ok {
		d.Published, d.PublishedFrom = t, "meta"
	} else {
		for _, n := range p.itemDates {
			if t, ok := parseDate(firstOf(attr(n, "datetime"), attr(n, "content"), normalizeSpace(textOf(n))), p.now); ok {
				d.Published, d.PublishedFrom = t, "microdata"
				break
			}
		}
	}
	if t, ok := parseDate(ld.modified, p.now); ok {
		d.Modified = t
	} else if t, ok := p.metaDate(modifiedKeys); ok {
		d.Modified = t
	}
	if d.Published.IsZero() || d.Byline == "" {
		date, by := p.nearHeadline()
		if d.Published.IsZero() {
			p.headlineDate = date
		}
		if d.Byline == "" {
			d.Byline = by
		}
	}

	d.Canonical = p.resolve(p.canonical)
	if d.Canonical == "" {
		d.Canonical = p.resolve(p.meta["og:url"])
	}
	d.Lang = primaryLang(firstOf(p.htmlLang, p.meta["content-language"], p.meta["og:locale"], ld.lang))
	for _, k := range imageKeys {
		if d.Image = p.resolve(p.meta[k]); d.Image != "" {
			break
		}
	}
	if d.Image == "" {
		d.Image = p.resolve(firstOf(ld.image, p.imageSrc))
	}
	return d
}

func (p *page) metaDate(keys []string) (time.Time, bool) {
	for _, k := range keys {
		if v, ok := p.meta[k]; ok {
			if t, ok := parseDate(v, p.now); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// lateDate looks for a publication date in places that only make sense once
// the article's container is known: a <time> inside the article, then the
// URL, then a date printed under the headline.
func (p *page) lateDate(d *Document) {
	if t, ok := p.articleTime(); ok {
		d.Published, d.PublishedFrom = t, "time"
		return
	}
	var fromURL time.Time
	dayInURL := false
	if p.base != nil {
		if t, ok := dateFromURL(p.base.Path, p.now); ok {
			fromURL = t
			dayInURL = urlDate().FindStringSubmatch(p.base.Path)[3] != ""
		}
	}
	// A path with only year and month loses to a full date under the
	// headline; a full date in the path wins, being machine-written.
	switch {
	case dayInURL:
		d.Published, d.PublishedFrom = fromURL, "url"
	case !p.headlineDate.IsZero():
		d.Published, d.PublishedFrom = p.headlineDate, "text"
	case !fromURL.IsZero():
		d.Published, d.PublishedFrom = fromURL, "url"
	}
}

// articleTime returns the first <time> that marks itself as the publication
// date or that sits in the article: inside an <article> or the main text
// container's neighbourhood, where the dateline is.
func (p *page) articleTime() (time.Time, bool) {
	scope := map[*html.Node]bool{}
	for _, n := range p.selected {
		a := n
		for i := 0; i < 3 && a != nil && a != p.body; i++ {
			scope[a] = true
			a = a.Parent
		}
	}
	for _, pass := range []int{0, 1} {
		for _, tn := range p.times {
			in := pass == 0 && hasAttr(tn.n, "pubdate")
			if pass == 1 {
				for _, a := range tn.ancestors {
					if scope[a] || a.DataAtom == atom.Article {
						in = true
						break
					}
				}
			}
			if !in {
				continue
			}
			if t, ok := parseDate(firstOf(attr(tn.n, "datetime"), normalizeSpace(textOf(tn.n))), p.now); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// nearHeadline reads the date and the byline printed in the few lines after
// the headline ("By Jane Doe / Published May 27, 2015"), which is where
// pages without metadata put them.
func (p *page) nearHeadline() (date time.Time, byline string) {
	h := p.headline()
	if h == nil && len(p.h1s) > 0 {
		h = p.h1s[0]
	}
	if h == nil {
		return time.Time{}, ""
	}
	seen := 0
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		for ; n != nil; n = n.NextSibling {
			switch n.Type {
			case html.TextNode:
				s := normalizeSpace(n.Data)
				if s == "" {
					continue
				}
				seen++
				short := utf8.RuneCountInString(s) <= 120
				if short && byline == "" && (bylinePrefix(s) || bylinePrefix(s+" ")) {
					// "By" is often its own text node before a linked name.
					if t := normalizeSpace(textOf(n.Parent)); words(s) <= 2 && utf8.RuneCountInString(t) <= 120 {
						s = t
					}
					if words(s) <= 12 {
						byline = cleanByline(s)
					}
				}
				if short && date.IsZero() && hasDigit(s) {
					if t, ok := parseTextDate(s); ok && plausible(t, p.now) {
						date = t
					}
				}
				if seen > 12 || !date.IsZero() && byline != "" {
					return true
				}
			case html.ElementNode:
				if skipText[n.DataAtom] || n.DataAtom == atom.P && seen > 0 && utf8.RuneCountInString(textOf(n)) > 200 {
					// Prose has begun: the dateline area is over.
					return true
				}
				if visit(n.FirstChild) {
					return true
				}
			}
		}
		return false
	}
	// Walk forward in document order from the headline, climbing out of
	// its ancestors one at a time.
	for n := h; n != nil && n != p.body; n = n.Parent {
		if visit(n.NextSibling) {
			break
		}
	}
	return date, byline
}

func bylinePrefix(s string) bool {
	for _, pre := range []string{"By ", "by ", "BY ", "Von ", "Par ", "Por "} {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func (p *page) firstH1() string {
	for _, h := range p.h1s {
		if t := normalizeSpace(textOf(h)); t != "" {
			return t
		}
	}
	return ""
}

// byline names the authors: structured data first, then the elements pages
// mark as the author.
func (p *page) byline(ld ldArticle) string {
	if len(ld.authors) > 0 {
		return joinNames(ld.authors)
	}
	for _, k := range authorKeys {
		v := p.meta[k]
		if v != "" && !strings.Contains(v, "://") && !strings.HasPrefix(v, "@") {
			return cleanByline(v)
		}
	}
	var names []string
	for _, n := range p.authors {
		t := ""
		for c := range nodesByItemprop(n, "name") {
			t = firstOf(attr(c, "content"), normalizeSpace(textOf(c)))
			break
		}
		if t == "" {
			t = firstOf(attr(n, "content"), normalizeSpace(textOf(n)))
		}
		if t = cleanByline(t); t != "" && len(t) < 100 {
			names = append(names, t)
		}
	}
	return joinNames(names)
}

func nodesByItemprop(n *html.Node, prop string) func(func(*html.Node) bool) {
	return func(yield func(*html.Node) bool) {
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && attr(d, "itemprop") == prop {
				if !yield(d) {
					return
				}
			}
		}
	}
}

func joinNames(names []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = cleanByline(n)
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

// cleanByline strips the "By" that pages print before names.
func cleanByline(s string) string {
	s = normalizeSpace(s)
	for _, pre := range []string{"By ", "by ", "BY ", "Von ", "Par ", "Por "} {
		s = strings.TrimPrefix(s, pre)
	}
	return strings.TrimSpace(s)
}

// titleSeparators divide a headline from the site name in <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " ‹ ", " › "}

// cleanTitle removes a site name that pages add before or after the
// headline. The part cut must read as the site's name; for <title>, where
// such suffixes are the rule, a short trailing part after a long headline is
// cut too.
func cleanTitle(t, site, host string, loose bool) string {
	t = normalizeSpace(t)
	for range 2 {
		i, sep := lastSeparator(t)
		if i < 0 {
			break
		}
		head, tail := t[:i], t[i+len(sep):]
		switch {
		case isSiteName(tail, site, host):
			t = head
		case isSiteName(head, site, host):
			t = tail
		case loose && words(tail) <= 3 && words(head) >= 4:
			t = head
		default:
			return t
		}
	}
	return t
}

func lastSeparator(t string) (int, string) {
	best, bestSep := -1, ""
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > best {
			best, bestSep = i, sep
		}
	}
	return best, bestSep
}

// isSiteName compares a title part with the site name and the host,
// ignoring case, spaces and punctuation ("BBC News" ~ "bbc.com",
// "The Guardian" ~ "theguardian.com").
func isSiteName(part, site, host string) bool {
	k := squash(part)
	if k == "" || len(k) > 40 {
		return false
	}
	if s := squash(site); s != "" && (s == k || strings.HasPrefix(k, s) || strings.HasPrefix(s, k)) {
		return true
	}
	if host != "" {
		h := squash(host)
		label := host
		if i := strings.IndexByte(label, '.'); i > 0 {
			label = label[:i]
		}
		l := squash(label)
		return k == h || k == l || (len(l) >= 3 && strings.HasPrefix(k, l))
	}
	return false
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func words(s string) int {
	return len(strings.Fields(s))
}

// primaryLang returns the primary subtag of a language tag ("en-GB",
// "en_US", "pt-BR" → "en", "en", "pt"), or "" when it is not one.
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
