package index

import (
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// document is what Bleve indexes for an article: only what a query,
// facet, sort, highlight or the story table reads. A nation's name (in
// the stored article), the simhash and the story id (stored fields of
// their own) are never searched, so none is indexed as a term. Keyword values that people type are lower-cased here
// and in the query parser, so org:nato and org:NATO agree; nation codes
// stay upper case as ISO writes them.
func document(a *defwatch.Article, story string, sim uint64) (map[string]any, error) {
	head := *a
	head.Text = ""
	raw, err := json.Marshal(&head)
	if err != nil {
		return nil, err
	}
	var codes, orgs, has []string
	for _, n := range a.Nations {
		codes = append(codes, n.Code)
	}
	for _, o := range a.Orgs {
		orgs = append(orgs, strings.ToLower(o.Name))
	}
	troops := make([]map[string]any, 0, len(a.Troops))
	var peak int64
	for _, t := range a.Troops {
		troops = append(troops, map[string]any{"min": float64(t.Min), "max": float64(t.Max)})
		peak = max(peak, t.Max)
	}
	source := SourceKey(a.Source)
	meetings := make([]map[string]any, 0, len(a.Meetings))
	for _, m := range a.Meetings {
		mt := map[string]any{"kind": strings.ToLower(m.Kind)}
		if d, err := time.Parse(time.DateOnly, m.Date); err == nil {
			mt["date"] = d
		}
		meetings = append(meetings, mt)
	}
	if len(a.Troops) > 0 {
		has = append(has, "troops")
	}
	if len(a.Meetings) > 0 {
		has = append(has, "meetings")
	}
	d := map[string]any{
		"title":              a.Title,
		"text":               a.Text,
		"byline":             a.Byline,
		"nations":            codes,
		"orgs":               orgs,
		"source":             source,
		schema.OutletField:   source + schema.OutletSep + OutletName(a),
		"lang":               strings.ToLower(a.Lang),
		schema.AnalysisField: schema.AnalysisOf(a.Lang),
		"has":                has,
		"troops":             troops,
		"meetings":           meetings,
		schema.StoryField:    story,
		schema.SimField:      formatSim(sim),
		schema.RawField:      string(raw),
	}
	if len(a.Troops) > 0 {
		d[schema.PeakField] = float64(peak)
	}
	if !a.Published.IsZero() {
		d["published"] = a.Published
		d[schema.TimeField] = schema.TimeTerm(a.Published)
	}
	return d, nil
}

// Document is the Bleve document Put writes for an article that begins a
// story of its own: for tools that index the same documents with Bleve
// alone, to compare the index stage with it.
func Document(a *defwatch.Article) (map[string]any, error) {
	return document(a, a.ID, simhash(a.Text))
}

// SourceKey is how source: names an outlet: its source in lower case,
// without "www.".
func SourceKey(source string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(source)), "www.")
}

// OutletName is the name an outlet goes by: its own (og:site_name, the
// JSON-LD publisher), else its source as the feed or archive wrote it,
// without "www.".
func OutletName(a *defwatch.Article) string {
	if n := strings.Join(strings.Fields(a.SiteName), " "); n != "" {
		return clipName(n)
	}
	s := strings.TrimSpace(a.Source)
	if len(s) > 4 && strings.EqualFold(s[:4], "www.") {
		s = s[4:]
	}
	return clipName(s)
}

// maxName bounds an outlet's name: a page can say anything in its
// og:site_name, and a facet term is no place for a paragraph.
const maxName = 100

func clipName(s string) string {
	if utf8.RuneCountInString(s) <= maxName {
		return s
	}
	return string([]rune(s)[:maxName]) + "…"
}
