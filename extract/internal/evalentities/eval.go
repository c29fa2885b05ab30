package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
)

// label is one hand-labelled article (extract/entity/testdata/labels).
type label struct {
	ID        string             `json:"id"`
	Lang      string             `json:"lang"`
	Published string             `json:"published"`
	Title     string             `json:"title"`
	Text      string             `json:"text"`
	Nations   []string           `json:"nations"`
	Troops    []defwatch.Troop   `json:"troops"`
	Meetings  []defwatch.Meeting `json:"meetings"`
}

func loadLabels(dir string) ([]label, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no labels (*.json) in %s", dir)
	}
	var out []label
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var l label
		if err := json.Unmarshal(data, &l); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// tag runs the same path as the extract stage on a labelled article.
func tag(l label) (*defwatch.Article, error) {
	p := &defwatch.Page{ID: l.ID, Title: l.Title, Text: l.Text, Lang: l.Lang, Imported: true}
	if l.Published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02", "2006-01"} {
			if t, err := time.Parse(layout, l.Published); err == nil {
				p.Published = t
				break
			}
		}
	}
	return extract.FromPage(p)
}

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// miss records one disagreement, for the report.
type miss struct {
	article, kind, what string
}

// report is the evaluation of a tagger over the labelled set.
type report struct {
	articles          int
	byLang            map[string]int
	nations, troops   counts
	meetings          counts
	datesRight, dated int // of matched meetings
	misses            []miss
	nationsByLang     map[string]*counts
}

func evaluate(labels []label) (*report, error) {
	r := &report{byLang: map[string]int{}, nationsByLang: map[string]*counts{}}
	for _, l := range labels {
		a, err := tag(l)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.ID, err)
		}
		r.articles++
		r.byLang[l.Lang]++
		var got []string
		for _, n := range a.Nations {
			got = append(got, n.Code)
		}
		c := r.matchSets(l.ID, "nation", l.Nations, got)
		r.nations.add(c)
		if r.nationsByLang[l.Lang] == nil {
			r.nationsByLang[l.Lang] = &counts{}
		}
		r.nationsByLang[l.Lang].add(c)
		r.troops.add(r.matchTroops(l.ID, l.Troops, a.Troops))
		r.matchMeetings(l, a.Meetings)
	}
	return r, nil
}

func (r *report) matchSets(id, kind string, want, got []string) counts {
	var c counts
	for _, g := range got {
		if slices.Contains(want, g) {
			c.tp++
		} else {
			c.fp++
			r.misses = append(r.misses, miss{id, kind, "extra " + g})
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.fn++
			r.misses = append(r.misses, miss{id, kind, "missed " + w})
		}
	}
	return c
}

// matchTroops pairs figures with the same min and max, each used once.
func (r *report) matchTroops(id string, want, got []defwatch.Troop) counts {
	var c counts
	used := make([]bool, len(want))
	for _, g := range got {
		found := false
		for i, w := range want {
			if !used[i] && w.Min == g.Min && w.Max == g.Max {
				used[i], found = true, true
				break
			}
		}
		if found {
			c.tp++
		} else {
			c.fp++
			r.misses = append(r.misses, miss{id, "troops", fmt.Sprintf("extra %d-%d %q", g.Min, g.Max, g.Text)})
		}
	}
	for i, w := range want {
		if !used[i] {
			c.fn++
			r.misses = append(r.misses, miss{id, "troops", fmt.Sprintf("missed %d-%d %q", w.Min, w.Max, w.Text)})
		}
	}
	return c
}

// matchMeetings pairs a found meeting with a labelled one when their
// sentences overlap in the article, or, failing that, when kind and date
// agree; then counts how many matched meetings have the right date.
func (r *report) matchMeetings(l label, got []defwatch.Meeting) {
	text := l.Title + "\n\n" + l.Text
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 || s == "" {
			return -1, -1
		}
		return i, i + len(s)
	}
	used := make([]bool, len(l.Meetings))
	for _, g := range got {
		gs, ge := span(g.Text)
		match := -1
		for i, w := range l.Meetings {
			if used[i] {
				continue
			}
			ws, we := span(w.Text)
			if gs >= 0 && ws >= 0 && gs < we && ws < ge {
				match = i
				break
			}
		}
		if match < 0 {
			for i, w := range l.Meetings {
				if !used[i] && w.Kind == g.Kind && w.Date == g.Date && w.Date != "" {
					match = i
					break
				}
			}
		}
		if match < 0 {
			r.meetings.fp++
			r.misses = append(r.misses, miss{l.ID, "meeting", fmt.Sprintf("extra %s %s %q", g.Kind, g.Date, clip(g.Text))})
			continue
		}
		used[match] = true
		r.meetings.tp++
		r.dated++
		if g.Date == l.Meetings[match].Date {
			r.datesRight++
		} else {
			r.misses = append(r.misses, miss{l.ID, "meeting date", fmt.Sprintf("%q, want %q: %q", g.Date, l.Meetings[match].Date, clip(g.Text))})
		}
	}
	for i, w := range l.Meetings {
		if !used[i] {
			r.meetings.fn++
			r.misses = append(r.misses, miss{l.ID, "meeting", fmt.Sprintf("missed %s %s %q", w.Kind, w.Date, clip(w.Text))})
		}
	}
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "…"
	}
	return s
}

func (r *report) print(w io.Writer, verbose bool) {
	langs := make([]string, 0, len(r.byLang))
	for l := range r.byLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	fmt.Fprintf(w, "%d labelled articles:", r.articles)
	for _, l := range langs {
		fmt.Fprintf(w, " %s %d", l, r.byLang[l])
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tlabelled\tfound\tprecision\trecall\tF1\t")
	row := func(name string, c counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, c.tp+c.fn, c.tp+c.fp, c.precision(), c.recall(), c.f1())
	}
	row("nations", r.nations)
	for _, l := range langs {
		if c := r.nationsByLang[l]; c != nil {
			row("  nations ("+l+")", *c)
		}
	}
	row("troop figures", r.troops)
	row("meetings", r.meetings)
	tw.Flush()
	fmt.Fprintf(w, "meeting dates right: %d of %d matched (%.1f%%)\n", r.datesRight, r.dated, 100*ratio(r.datesRight, r.dated))
	if verbose {
		for _, m := range r.misses {
			fmt.Fprintf(w, "  %-20s %-13s %s\n", m.article, m.kind, m.what)
		}
	}
}
