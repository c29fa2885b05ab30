package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	dwquery "github.com/defwatch/defwatch/index/query"
)

// MaxTimelineArticles bounds the articles one timeline reads: ten pages of
// the largest size. A query whose articles with figures are more says so
// (Truncated) and shows the newest.
const MaxTimelineArticles = 10 * MaxSize

// TimelineRequest asks for the troop figures of a query's articles.
type TimelineRequest struct {
	Query string `json:"q"`
	// Category keeps the figures of one category (strength, casualties,
	// other); empty keeps all.
	Category string `json:"category,omitempty"`
}

// Timeline is the troop figures a query's articles report, by the nation
// whose troops they are and by day of publication: how many troops,
// according to whom, and when.
type Timeline struct {
	Query    string `json:"q"`
	Category string `json:"category,omitempty"`
	// Total is the number of matching articles with troop figures (wire
	// copies counted apart), Read the number of stories read: at most
	// MaxTimelineArticles, the newest, when Truncated.
	Total     uint64 `json:"total"`
	Read      int    `json:"read"`
	Truncated bool   `json:"truncated"`
	// Figures is the number of figures in the series; Undated the figures
	// left out because their article has no date.
	Figures int           `json:"figures"`
	Undated int           `json:"undated"`
	From    string        `json:"from,omitempty"` // the first day with a figure
	To      string        `json:"to,omitempty"`   // the last
	Series  []TroopSeries `json:"series"`         // most figures first
	TookMs  int64         `json:"took_ms"`
}

// TroopSeries is one nation's figures, day by day. Nation is "" for the
// figures whose text does not say whose troops they are.
type TroopSeries struct {
	Nation  string     `json:"nation"`
	Name    string     `json:"name"`
	Figures int        `json:"figures"`
	Days    []TroopDay `json:"days"` // oldest first
}

// TroopDay is the figures of one nation reported on one day.
type TroopDay struct {
	Date    string   `json:"date"`
	Max     int64    `json:"max"` // the largest figure's maximum
	Figures []Figure `json:"figures"`
}

// Figure is one troop figure with the article that reports it.
type Figure struct {
	defwatch.Troop
	Article   string    `json:"article"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet"` // who published it
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published"`
	// Also is the number of other outlets that ran the same wire story.
	Also int `json:"also,omitempty"`
}

// troopCategories are the categories a timeline can keep.
var troopCategories = []string{defwatch.TroopStrength, defwatch.TroopCasualties, defwatch.TroopOther}

// Troops reads the troop figures of the articles req.Query finds, through
// s (a local index or one over NATS), newest first, and arranges them by
// nation and day.
func Troops(ctx context.Context, s Searcher, req TimelineRequest) (*Timeline, error) {
	start := time.Now()
	req.Query = strings.TrimSpace(req.Query)
	req.Category = strings.ToLower(strings.TrimSpace(req.Category))
	if req.Category != "" && !slices.Contains(troopCategories, req.Category) {
		return nil, dwquery.BadQuery("category %q: want strength, casualties or other (or none, for all)", req.Category)
	}
	q := "troops:*"
	if req.Query != "" && req.Query != "*" {
		// Read alone first, so a mistake is told in the analyst's words,
		// not those of the query wrapped around it.
		if _, err := dwquery.Parse(req.Query, start); err != nil {
			return nil, err
		}
		q = "(" + req.Query + ") troops:*"
	}
	out := &Timeline{Query: req.Query, Category: req.Category, Series: []TroopSeries{}}
	b := &timelineBuilder{tl: out, byNation: map[string]*TroopSeries{}, days: map[string]int{}}
	sr := Request{Query: q, Sort: SortNewest, Size: MaxSize, NoFacets: true}
	for {
		res, err := s.Search(ctx, sr)
		if err != nil {
			return nil, err
		}
		out.Total = res.Total
		for _, h := range res.Hits {
			if out.Read == MaxTimelineArticles {
				break
			}
			out.Read++
			b.add(h)
		}
		if res.Next == "" || len(res.Hits) == 0 {
			break
		}
		if out.Read == MaxTimelineArticles {
			out.Truncated = true
			break
		}
		sr.After = res.Next
	}
	for _, s := range b.byNation {
		slices.SortFunc(s.Days, func(a, b TroopDay) int { return strings.Compare(a.Date, b.Date) })
		for i := range s.Days {
			slices.SortStableFunc(s.Days[i].Figures, func(a, b Figure) int { return a.Published.Compare(b.Published) })
		}
		out.Series = append(out.Series, *s)
		if d := s.Days[0].Date; out.From == "" || d < out.From {
			out.From = d
		}
		if d := s.Days[len(s.Days)-1].Date; d > out.To {
			out.To = d
		}
	}
	slices.SortFunc(out.Series, func(a, b TroopSeries) int {
		// The figures whose owner the text does not say go last.
		return cmp.Or(cmp.Compare(boolInt(a.Nation == ""), boolInt(b.Nation == "")), b.Figures-a.Figures, strings.Compare(a.Nation, b.Nation))
	})
	out.TookMs = time.Since(start).Milliseconds()
	return out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// timelineBuilder files figures as the pages of hits come.
type timelineBuilder struct {
	tl       *Timeline
	byNation map[string]*TroopSeries
	days     map[string]int // nation and day → index in the series' Days
}

// add files the figures of one hit under their nations and its day.
func (b *timelineBuilder) add(h Hit) {
	tl := b.tl
	names := map[string]string{}
	for _, n := range h.Nations {
		names[n.Code] = n.Name
	}
	for _, t := range h.Troops {
		if tl.Category != "" && t.Category != tl.Category {
			continue
		}
		if h.Published.IsZero() {
			tl.Undated++
			continue
		}
		code := strings.ToUpper(t.Nation)
		s, ok := b.byNation[code]
		if !ok {
			s = &TroopSeries{Nation: code, Name: cmp.Or(names[code], code)}
			if code == "" {
				s.Name = "not said"
			}
			b.byNation[code] = s
		}
		day := h.Published.UTC().Format(time.DateOnly)
		i, ok := b.days[code+"\x00"+day]
		if !ok {
			s.Days = append(s.Days, TroopDay{Date: day})
			i = len(s.Days) - 1
			b.days[code+"\x00"+day] = i
		}
		d := &s.Days[i]
		d.Figures = append(d.Figures, Figure{Troop: t, Article: h.ID, Title: h.Title, Outlet: OutletName(&h.Article),
			URL: h.URL, Published: h.Published, Also: len(h.Also)})
		d.Max = max(d.Max, t.Max)
		s.Figures++
		tl.Figures++
	}
}
