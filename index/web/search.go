package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// pageSize is a screenful or two of hits: enough to scan, few enough that
// facets and the chart stay in view.
const pageSize = 25

// searchPage is the search page's own data.
type searchPage struct {
	Ran   bool // a search ran (false for a bad query)
	Total string
	// Missed lists the months a partial answer left out; the page says
	// so above the results, since its counts leave them out too.
	Missed   []string
	Notes    []string // what the query left out or read otherwise
	TookMs   int64
	Hits     []hitView
	Pager    *pager
	Alert    string // the alerts page with this query in its form
	Troops   string // this query's troop figures over time
	Filters  []filter
	Facets   []facetGroup
	Chart    *chart
	Examples []example
}

type example struct{ Query, Href string }

type hitView struct {
	Href      string
	Title     template.HTML
	TitleFrom string // "text" when the title is the text's first sentence
	Untitled  bool
	Snippet   template.HTML
	Outlet    string // the outlet's own name
	Source    string // its host, when the name differs
	Date      string
	DateNote  string // the full time and where it came from
	Lang      string
	URL       string // the original, or "" when it is not http(s)
	Nations   []chip
	MoreNats  int
	Troops    []chip
	Meetings  []chip
	Also      []link
}

type chip struct {
	Label string
	Note  string // a tooltip: the name, the text the figure was read from
	Href  string
	Kind  string // for the style: "nation", "troops", "meeting"
}

type link struct{ Label, Href string }

var examples = []string{
	`nation:UA troops:>=10000 last:30d`,
	`"peacekeeping force" (nation:GB OR nation:FR)`,
	`meeting:ministerial org:NATO -source:example.com`,
}

func (h *server) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	// Pages hold 25 articles each, so page n starts at article 25(n-1)+1
	// however the copies of wire stories fold, and the next and previous
	// pages are reached by search_after and search_before from this one:
	// cheap at any depth.
	req := index.Request{Query: strings.TrimSpace(q.Get("q")), Sort: q.Get("sort"), After: q.Get("after"),
		Before: q.Get("before"), Size: pageSize, Numbered: true}
	p := page{Title: "Search", Nav: "search", Query: req.Query, Sort: req.Sort}
	if p.Sort == "" {
		p.Sort = index.SortRelevance
	}
	data := searchPage{}
	for _, e := range examples {
		data.Examples = append(data.Examples, example{e, searchHref(e, "")})
	}
	if req.Query != "" {
		p.Title = req.Query
	}
	num, err := pageNumber(q.Get("page"))
	if err == nil && req.After == "" && req.Before == "" {
		req.From = (num - 1) * pageSize
		if req.From > index.MaxFrom {
			err = fmt.Errorf("%w: page %d is beyond page %d, the last one reached by number: walk on with Next from there", defwatch.ErrBadQuery, num, lastByNumber)
		}
	}
	var res *index.Result
	if err == nil {
		ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
		defer cancel()
		res, err = h.s.Search(ctx, req)
	}
	if errors.Is(err, defwatch.ErrBadQuery) {
		p.Error = badQueryReason(err)
		p.Data = data
		h.render(rw, r, http.StatusBadRequest, "search", p)
		return
	}
	if err != nil {
		h.searchFailed(rw, r, err)
		return
	}
	data.Ran = true
	data.Total = thousands(res.Total)
	if res.Partial {
		data.Missed = res.MissedShards
		if len(data.Missed) == 0 {
			data.Missed = []string{"some months"}
		}
	}
	data.Notes = res.Notes
	data.TookMs = res.TookMs
	data.Filters = filters(req.Query, p.Sort)
	data.Pager = newPager(req.Query, p.Sort, num, res)
	data.Troops = troopsHref(req.Query, "")
	if h.rules != nil && req.Query != "" {
		data.Alert = "/alerts?" + url.Values{"q": {req.Query}}.Encode() + "#add"
	}
	names := map[string]string{} // nation codes to names, from the hits, for the facet
	for _, h := range res.Hits {
		data.Hits = append(data.Hits, hitOf(h, req.Query, p.Sort))
		for _, n := range h.Nations {
			names[n.Code] = n.Name
		}
	}
	if res.Facets != nil {
		data.Facets = facetGroups(res.Facets, req.Query, p.Sort, names)
		data.Chart = newChart(res.Facets.Published, res.Facets.Interval, req.Query, p.Sort)
	}
	p.Data = data
	h.render(rw, r, http.StatusOK, "search", p)
}

// badQueryReason is the part of a bad-query error a person needs: the
// index wraps it as "bad query: REASON".
func badQueryReason(err error) string {
	msg := err.Error()
	prefix := defwatch.ErrBadQuery.Error() + ": "
	if i := strings.Index(msg, prefix); i >= 0 {
		return msg[i+len(prefix):]
	}
	return msg
}

func hitOf(h index.Hit, query, sort string) hitView {
	v := hitView{
		Href:      articleHref(h.ID),
		Snippet:   marked(h.Snippet),
		Outlet:    index.OutletName(&h.Article),
		TitleFrom: h.TitleFrom,
		Date:      day(h.Published),
		Lang:      h.Lang,
		URL:       externalURL(h.URL),
	}
	if !strings.EqualFold(v.Outlet, h.Source) {
		v.Source = h.Source
	}
	switch {
	case h.TitleHTML != "":
		v.Title = marked(h.TitleHTML)
	case h.Title != "":
		v.Title = template.HTML(template.HTMLEscapeString(h.Title))
	default:
		// Indexed before titles were made from the text: the snippet's
		// opening stands in.
		v.Title, v.Untitled = template.HTML(template.HTMLEscapeString(openingOf(h.Snippet))), true
	}
	if !h.Published.IsZero() {
		v.DateNote = dateTime(h.Published)
		if h.PublishedFrom != "" {
			v.DateNote += ", from " + h.PublishedFrom
		}
	}
	const maxNations = 8
	for i, n := range h.Nations {
		if i == maxNations {
			v.MoreNats = len(h.Nations) - maxNations
			break
		}
		v.Nations = append(v.Nations, chip{Label: n.Code, Note: n.Name + ", named " + itoa(n.Count) + "×",
			Href: searchHref(addClause(query, "nation:"+n.Code), sort), Kind: "nation"})
	}
	for _, t := range h.Troops {
		label := troopLabel(t)
		if t.Category != "" {
			label += " · " + t.Category
		}
		v.Troops = append(v.Troops, chip{Label: label, Note: "“" + t.Text + "”", Kind: "troops"})
	}
	for _, m := range h.Meetings {
		v.Meetings = append(v.Meetings, chip{Label: meetingLabel(m), Note: m.Text, Kind: "meeting"})
	}
	for _, c := range h.Also {
		label := c.Source
		if label == "" {
			label = c.ID
		}
		v.Also = append(v.Also, link{Label: label, Href: articleHref(c.ID)})
	}
	return v
}

// facetGroup is one facet in the sidebar.
type facetGroup struct {
	Title string
	Note  string // what the counts count, where it is not plain
	Class string
	Items []facetItem
	Shown int // items shown before "more"
}

type facetItem struct {
	Label  string
	Note   string
	Title  string // a tooltip beside Label and Note
	Count  string
	Href   string // adds the clause, or takes it out when Active
	Active bool
	Empty  bool
}

func (g facetGroup) Head() []facetItem { return g.Items[:min(g.Shown, len(g.Items))] }
func (g facetGroup) Tail() []facetItem { return g.Items[min(g.Shown, len(g.Items)):] }

func facetGroups(f *index.Facets, query, sort string, names map[string]string) []facetGroup {
	item := func(b index.Bucket, clause, label, note string) facetItem {
		it := facetItem{Label: label, Note: note, Count: thousands(b.Count), Empty: b.Count == 0}
		if f.Approximate && b.Count > 0 {
			// Counted over some months, estimated for the others.
			it.Count = "about " + it.Count
		}
		if clause == "" {
			return it
		}
		if hasClause(query, clause) {
			it.Active = true
			it.Href = searchHref(removeClause(query, clause), sort)
		} else if b.Count > 0 {
			it.Href = searchHref(addClause(query, clause), sort)
		}
		return it
	}
	var out []facetGroup
	add := func(title, class string, shown int, bs []index.Bucket, each func(index.Bucket) facetItem) {
		g := facetGroup{Title: title, Class: class, Shown: shown}
		for _, b := range bs {
			g.Items = append(g.Items, each(b))
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	add("Nations", "nations", 12, f.Nations, func(b index.Bucket) facetItem {
		name := cmp.Or(b.Label, names[b.Value], nationNames()[strings.ToUpper(b.Value)])
		return item(b, "nation:"+quoteValue(b.Value), b.Value, name)
	})
	add("Troop figures", "troops", 10, f.Troops, func(b index.Bucket) facetItem {
		return item(b, troopClause(b.Value), b.Value, "")
	})
	for i := range out {
		if out[i].Class == "troops" {
			out[i].Note = "Articles by their largest figure"
		}
	}
	add("Meetings", "meetings", 10, f.Meetings, func(b index.Bucket) facetItem {
		return item(b, "meeting:"+quoteValue(b.Value), b.Value, "")
	})
	add("Sources", "sources", 10, f.Sources, func(b index.Bucket) facetItem {
		it := item(b, "source:"+quoteValue(b.Value), cmp.Or(b.Label, b.Value), "")
		if !strings.EqualFold(it.Label, b.Value) {
			it.Title = b.Value // the host source: filters by
		}
		return it
	})
	add("Languages", "langs", 10, f.Lang, func(b index.Bucket) facetItem {
		return item(b, "lang:"+quoteValue(b.Value), langName(b.Value), b.Value)
	})
	return out
}

// troopClause turns a troop-figure bucket ("1,000–9,999", "100,000+") into
// the query that asks for it, or "" for a label it cannot read. A bucket
// counts articles by their largest figure, so its query is "a figure of
// at least the bucket's floor, and none reaching the next": it finds
// exactly the articles the bucket counts.
func troopClause(label string) string {
	s := strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(label)
	if lo, ok := strings.CutSuffix(s, "+"); ok && isDigits(lo) {
		return "troops:>=" + lo
	}
	for _, dash := range []string{"–", "-", "—"} {
		if lo, hi, ok := strings.Cut(s, dash); ok && isDigits(lo) && isDigits(hi) {
			next, err := strconv.ParseInt(hi, 10, 64)
			if err != nil {
				return ""
			}
			return "(troops:>=" + lo + " -troops:>=" + strconv.FormatInt(next+1, 10) + ")"
		}
	}
	return ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// openingOf is the opening words of a snippet as plain text.
func openingOf(snippet string) string {
	return opening(html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(snippet)))
}

// opening is the first hundred characters of text or so, cut on a word: a
// stand-in for a title articles indexed before titles were made from the
// text lack.
func opening(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	if s == "" {
		return "No title or text"
	}
	if utf8.RuneCountInString(s) <= 100 {
		return s
	}
	r := []rune(s)[:100]
	cut := strings.LastIndexByte(string(r), ' ')
	if cut < 40 {
		return string(r) + "…"
	}
	return string(r)[:cut] + "…"
}

// lastByNumber is the deepest page a link can reach by its number: beyond
// it the index would rank every article before it again for each request.
const lastByNumber = index.MaxFrom/pageSize + 1

func pageNumber(s string) (int, error) {
	if s == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1, fmt.Errorf("%w: page %q is not a page number (1, 2, …)", defwatch.ErrBadQuery, s)
	}
	return n, nil
}

// pager is the row of links under the results: previous, the pages by
// number around this one, next.
type pager struct {
	Page, Pages int
	First, Last int // the articles this page covers, counted from 1
	Prev, Next  string
	Links       []pageLink
}

type pageLink struct {
	Number  int
	Href    string // "" for the current page, or one out of reach by number
	Current bool
	Gap     bool // pages left out before this one
}

func newPager(query, sort string, num int, res *index.Result) *pager {
	pages := int((res.Total + pageSize - 1) / pageSize)
	if res.Total == 0 {
		return nil
	}
	// A page walked to by tokens keeps its number; one whose articles have
	// all gone (the index shrank) still says where it is.
	pg := &pager{Page: num, Pages: max(pages, num), First: (num-1)*pageSize + 1}
	pg.Last = pg.First - 1
	for _, h := range res.Hits {
		pg.Last += 1 + len(h.Also)
	}
	href := func(n int, key, token string) string {
		v := url.Values{}
		if query != "" {
			v.Set("q", query)
		}
		if sort != "" && sort != index.SortRelevance {
			v.Set("sort", sort)
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if token != "" {
			v.Set(key, token)
		}
		if len(v) == 0 {
			return "/"
		}
		return "/?" + v.Encode()
	}
	if res.Prev != "" && num > 1 {
		pg.Prev = href(num-1, "before", res.Prev)
	}
	if res.Next != "" {
		pg.Next = href(num+1, "after", res.Next)
	}
	prev := 0
	for n := 1; n <= pg.Pages; n++ {
		if n != 1 && n != pg.Pages && (n < num-2 || n > num+2) {
			continue
		}
		l := pageLink{Number: n, Current: n == num, Gap: prev != 0 && n > prev+1}
		switch {
		case n == num:
		case n == num-1 && pg.Prev != "":
			l.Href = pg.Prev
		case n == num+1 && pg.Next != "":
			l.Href = pg.Next
		case n <= lastByNumber:
			l.Href = href(n, "", "")
		}
		pg.Links = append(pg.Links, l)
		prev = n
	}
	return pg
}
