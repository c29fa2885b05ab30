package web

import (
	"cmp"
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// pageSize is a screenful or two of hits: enough to scan, few enough that
// facets and the chart stay in view.
const pageSize = 25

// searchPage is the search page's own data.
type searchPage struct {
	Ran      bool // a search ran (false for a bad query)
	Total    string
	Notes    []string // what the query left out or read otherwise
	TookMs   int64
	Hits     []hitView
	More     string // the next page's address, or ""
	Paged    bool   // this is a later page
	First    string // the first page's address
	Filters  []filter
	Facets   []facetGroup
	Chart    *chart
	Examples []example
}

type example struct{ Query, Href string }

type hitView struct {
	Href     string
	Title    template.HTML
	Untitled bool
	Snippet  template.HTML
	Source   string
	SiteName string
	Date     string
	DateNote string // the full time and where it came from
	Lang     string
	URL      string // the original, or "" when it is not http(s)
	Nations  []chip
	MoreNats int
	Troops   []chip
	Meetings []chip
	Also     []link
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
	req := index.Request{Query: strings.TrimSpace(q.Get("q")), Sort: q.Get("sort"), After: q.Get("after"), Size: pageSize}
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
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	res, err := h.s.Search(ctx, req)
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
	data.Notes = res.Notes
	data.TookMs = res.TookMs
	data.Filters = filters(req.Query, p.Sort)
	data.Paged = req.After != ""
	data.First = searchHref(req.Query, p.Sort)
	names := map[string]string{} // nation codes to names, from the hits, for the facet
	for _, h := range res.Hits {
		data.Hits = append(data.Hits, hitOf(h, req.Query, p.Sort))
		for _, n := range h.Nations {
			names[n.Code] = n.Name
		}
	}
	if res.Next != "" {
		v := url.Values{"after": {res.Next}}
		if req.Query != "" {
			v.Set("q", req.Query)
		}
		if p.Sort != index.SortRelevance {
			v.Set("sort", p.Sort)
		}
		data.More = "/?" + v.Encode()
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
		Href:     articleHref(h.ID),
		Snippet:  marked(h.Snippet),
		Source:   h.Source,
		SiteName: h.SiteName,
		Date:     day(h.Published),
		Lang:     h.Lang,
		URL:      externalURL(h.URL),
	}
	switch {
	case h.TitleHTML != "":
		v.Title = marked(h.TitleHTML)
	case h.Title != "":
		v.Title = template.HTML(template.HTMLEscapeString(h.Title))
	default:
		v.Title, v.Untitled = "(untitled)", true
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
	Class string
	Items []facetItem
	Shown int // items shown before "more"
}

type facetItem struct {
	Label  string
	Note   string
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
		name := cmp.Or(b.Label, names[b.Value], nationNames[strings.ToUpper(b.Value)])
		return item(b, "nation:"+quoteValue(b.Value), b.Value, name)
	})
	add("Troop figures", "troops", 10, f.Troops, func(b index.Bucket) facetItem {
		return item(b, troopClause(b.Value), b.Value, "")
	})
	add("Meetings", "meetings", 10, f.Meetings, func(b index.Bucket) facetItem {
		return item(b, "meeting:"+quoteValue(b.Value), b.Value, "")
	})
	add("Sources", "sources", 10, f.Sources, func(b index.Bucket) facetItem {
		return item(b, "source:"+quoteValue(b.Value), b.Value, "")
	})
	add("Languages", "langs", 10, f.Lang, func(b index.Bucket) facetItem {
		return item(b, "lang:"+quoteValue(b.Value), langName(b.Value), b.Value)
	})
	return out
}

// troopClause turns a troop-figure bucket ("1,000–9,999", "100,000+") into
// the query that asks for it, or "" for a label it cannot read.
func troopClause(label string) string {
	s := strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(label)
	if lo, ok := strings.CutSuffix(s, "+"); ok && isDigits(lo) {
		return "troops:>=" + lo
	}
	for _, dash := range []string{"–", "-", "—"} {
		if lo, hi, ok := strings.Cut(s, dash); ok && isDigits(lo) && isDigits(hi) {
			return "troops:" + lo + "-" + hi
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
