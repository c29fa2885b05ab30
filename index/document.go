package index

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// document is what Bleve indexes for an article. Keyword values that
// people type are lower-cased here and in the query parser, so nation:ukraine
// and nation:Ukraine agree; nation codes stay upper case as ISO writes them.
func document(a *defwatch.Article, story string, sim uint64) (map[string]any, error) {
	head := *a
	head.Text = ""
	raw, err := json.Marshal(&head)
	if err != nil {
		return nil, err
	}
	var codes, names, orgs, has []string
	for _, n := range a.Nations {
		codes = append(codes, n.Code)
		names = append(names, strings.ToLower(n.Name))
	}
	for _, o := range a.Orgs {
		orgs = append(orgs, strings.ToLower(o.Name))
	}
	troops := make([]map[string]any, 0, len(a.Troops))
	for _, t := range a.Troops {
		troops = append(troops, map[string]any{"min": float64(t.Min), "max": float64(t.Max)})
	}
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
		"title":           a.Title,
		"text":            a.Text,
		"byline":          a.Byline,
		"nations":         codes,
		"nation_names":    names,
		"orgs":            orgs,
		"source":          strings.TrimPrefix(strings.ToLower(a.Source), "www."),
		"lang":            strings.ToLower(a.Lang),
		"has":             has,
		"troops":          troops,
		"meetings":        meetings,
		schema.StoryField: story,
		schema.BandField:  bands(sim),
		schema.SimField:   formatSim(sim),
		schema.RawField:   string(raw),
	}
	if !a.Published.IsZero() {
		d["published"] = a.Published
	}
	return d, nil
}
