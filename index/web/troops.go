package web

import (
	"cmp"
	"context"
	"errors"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// The troop-figure timeline: how many troops, according to whom, and when.
// A scatter of every figure (a dot a figure, a bar for a range) over the
// days the articles came out, on a log scale, a colour a nation; then the
// same figures as a table, which is also what a screen reader reads.

const (
	tlWidth   = 800
	tlHeight  = 280
	tlLeft    = 46 // room for the scale's labels
	tlRight   = 10
	tlTop     = 10
	tlBottom  = 24 // room for the dates
	tlColours = 6  // nations with a colour of their own; the rest share one
	// maxTableRows bounds the table under the chart; the API has them all.
	maxTableRows = 500
)

type troopsPage struct {
	Query, Category string
	Categories      []struct{ Value, Label string }
	T               *index.Timeline
	Chart           *troopChart
	Legend          []legendItem
	Rows            []troopRow
	MoreRows        int
	Search          string // the articles behind it
	API             string
}

type legendItem struct {
	Class, Code, Name string
	Figures           string
	Href              string // the nation's own timeline
}

type troopRow struct {
	Date, Nation, NationName, Figure, Category, Outlet, Text string
	Also                                                     int
	Article                                                  link
}

type troopChart struct {
	Width, Height, Left, Right, Top, Base int
	TickEnd                               int // the foot of a date's tick
	Label                                 string
	Ticks                                 []tick
	Dates                                 []tick
	Points                                []point
}

type tick struct {
	Pos  string // y for a scale tick, x for a date
	Text string
}

type point struct {
	Class      string
	X, Y, Y2   string // Y2 is the top of a range's bar, "" for a single number
	Href, Note string
}

var troopCategories = []struct{ Value, Label string }{
	{"", "All figures"}, {defwatch.TroopStrength, "Strength (forces, deployments)"},
	{defwatch.TroopCasualties, "Casualties"}, {defwatch.TroopOther, "Other (trained, mobilised)"},
}

func (h *server) troops(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := index.TimelineRequest{Query: strings.TrimSpace(q.Get("q")), Category: q.Get("category")}
	p := page{Title: "Troop figures", Nav: "troops", Query: req.Query, Action: "/troops"}
	d := troopsPage{Query: req.Query, Category: req.Category, Categories: troopCategories,
		Search: searchHref(addClause(req.Query, "troops:*"), index.SortNewest)}
	api := url.Values{}
	if req.Query != "" {
		api.Set("q", req.Query)
		p.Title = "Troop figures: " + req.Query
	}
	if req.Category != "" {
		api.Set("category", req.Category)
	}
	d.API = "/api/troops"
	if len(api) > 0 {
		d.API += "?" + api.Encode()
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*searchTimeout)
	defer cancel()
	tl, err := index.Troops(ctx, h.s, req)
	if errors.Is(err, defwatch.ErrBadQuery) {
		p.Error = badQueryReason(err)
		p.Data = d
		h.render(rw, r, http.StatusBadRequest, "troops", p)
		return
	}
	if err != nil {
		h.searchFailed(rw, r, err)
		return
	}
	d.T = tl
	classes := map[string]string{}
	for i, s := range tl.Series {
		class := "s-other"
		switch {
		case s.Nation == "":
			class = "s-none"
		case i < tlColours:
			class = "s" + itoa(i)
		}
		classes[s.Nation] = class
		name := s.Name
		if s.Nation != "" && name == s.Nation {
			name = cmp.Or(nationNames()[s.Nation], s.Nation)
		}
		item := legendItem{Class: class, Code: cmp.Or(s.Nation, "?"), Name: name, Figures: thousands(s.Figures)}
		if s.Nation != "" {
			item.Href = troopsHref(addClause(req.Query, "nation:"+s.Nation), req.Category)
		}
		d.Legend = append(d.Legend, item)
	}
	d.Chart = newTroopChart(tl, classes)
	d.Rows, d.MoreRows = troopRows(tl)
	p.Data = d
	h.render(rw, r, http.StatusOK, "troops", p)
}

func troopsHref(q, category string) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if category != "" {
		v.Set("category", category)
	}
	if len(v) == 0 {
		return "/troops"
	}
	return "/troops?" + v.Encode()
}

// troopRows is the table: newest day first, the largest figures of a day
// first, at most maxTableRows.
func troopRows(tl *index.Timeline) ([]troopRow, int) {
	var rows []troopRow
	for _, s := range tl.Series {
		for _, d := range s.Days {
			for _, f := range d.Figures {
				rows = append(rows, troopRow{
					Date: d.Date, Nation: s.Nation, NationName: s.Name, Figure: figureLabel(f.Troop), Category: f.Category,
					Outlet: f.Outlet, Text: f.Text, Also: f.Also, Article: link{Label: f.Title, Href: articleHref(f.Article)},
				})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b troopRow) int { return strings.Compare(b.Date, a.Date) })
	if len(rows) > maxTableRows {
		return rows[:maxTableRows], len(rows) - maxTableRows
	}
	return rows, 0
}

// figureLabel is a troop label without its unit word: the column says it.
func figureLabel(t defwatch.Troop) string {
	return strings.TrimSuffix(troopLabel(t), " troops")
}

func newTroopChart(tl *index.Timeline, classes map[string]string) *troopChart {
	if tl.Figures == 0 {
		return nil
	}
	from, err1 := time.Parse(time.DateOnly, tl.From)
	to, err2 := time.Parse(time.DateOnly, tl.To)
	if err1 != nil || err2 != nil {
		return nil
	}
	to = to.AddDate(0, 0, 1) // the last day is drawn within the plot, not on its edge
	lo, hi := int64(math.MaxInt64), int64(1)
	for _, s := range tl.Series {
		for _, d := range s.Days {
			for _, f := range d.Figures {
				lo, hi = min(lo, max(f.Min, 1)), max(hi, f.Max)
			}
		}
	}
	// Whole powers of ten around the figures, at least one decade apart.
	yLo := math.Floor(math.Log10(float64(lo)))
	yHi := math.Max(math.Ceil(math.Log10(float64(hi))), yLo+1)
	c := &troopChart{Width: tlWidth, Height: tlHeight, Left: tlLeft, Right: tlWidth - tlRight, Top: tlTop, Base: tlHeight - tlBottom}
	c.TickEnd = c.Base + 4
	plotH := float64(c.Base - c.Top)
	plotW := float64(c.Right - c.Left)
	y := func(v int64) float64 {
		return float64(c.Base) - (math.Log10(float64(max(v, 1)))-yLo)/(yHi-yLo)*plotH
	}
	span := to.Sub(from).Hours()
	x := func(day string) float64 {
		t, _ := time.Parse(time.DateOnly, day)
		return float64(c.Left) + (t.Sub(from).Hours()+12)/span*plotW // the middle of its day
	}
	for e := yLo; e <= yHi; e++ {
		c.Ticks = append(c.Ticks, tick{Pos: f1(y(int64(math.Pow(10, e)))), Text: shortNumber(math.Pow(10, e))})
	}
	for _, t := range dateTicks(from, to) {
		c.Dates = append(c.Dates, tick{Pos: f1(float64(c.Left) + t.Sub(from).Hours()/span*plotW), Text: t.Format(dateTickFormat(from, to))})
	}
	// Drawn largest series last, so the nations with most figures are on top.
	for i := len(tl.Series) - 1; i >= 0; i-- {
		s := tl.Series[i]
		for _, d := range s.Days {
			for _, f := range d.Figures {
				p := point{Class: classes[s.Nation], X: f1(x(d.Date)), Y: f1(y(f.Min)), Href: articleHref(f.Article),
					Note: d.Date + " · " + cmp.Or(s.Nation, "whose not said") + " · " + troopLabel(f.Troop) + " · " + f.Category + " · " + f.Outlet}
				if f.Max > f.Min {
					p.Y2 = f1(y(f.Max))
				}
				c.Points = append(c.Points, p)
			}
		}
	}
	c.Label = "Troop figures from " + from.Format("2 Jan 2006") + " to " + to.AddDate(0, 0, -1).Format("2 Jan 2006") + ", on a log scale from " +
		shortNumber(math.Pow(10, yLo)) + " to " + shortNumber(math.Pow(10, yHi)) + "; the table below lists them"
	return c
}

// dateTicks are the days to label under a span: the firsts of years,
// months or weeks, whichever gives a handful.
func dateTicks(from, to time.Time) []time.Time {
	days := to.Sub(from).Hours() / 24
	var step func(time.Time) time.Time
	var first time.Time
	switch {
	case days > 3*366:
		first, step = time.Date(from.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC), func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }
	case days > 120:
		first, step = time.Date(from.Year(), from.Month()+1, 1, 0, 0, 0, 0, time.UTC), func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	case days > 14:
		first = from.AddDate(0, 0, (8-int(from.Weekday()))%7) // the next Monday
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	default:
		first, step = from, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	}
	var out []time.Time
	for t := first; t.Before(to); t = step(t) {
		out = append(out, t)
	}
	if n := len(out); n > maxLabels {
		every := (n + maxLabels - 1) / maxLabels
		var thin []time.Time
		for i := 0; i < n; i += every {
			thin = append(thin, out[i])
		}
		out = thin
	}
	return out
}

func dateTickFormat(from, to time.Time) string {
	switch days := to.Sub(from).Hours() / 24; {
	case days > 3*366:
		return "2006"
	case days > 120:
		return "Jan 2006"
	}
	return "2 Jan"
}

// shortNumber writes 1000 as 1k and 1000000 as 1M.
func shortNumber(v float64) string {
	switch {
	case v >= 1e6:
		return itoa(int(v/1e6)) + "M"
	case v >= 1e3:
		return itoa(int(v/1e3)) + "k"
	}
	return itoa(int(v))
}
