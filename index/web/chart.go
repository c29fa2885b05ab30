package web

import (
	"strconv"
	"time"

	"github.com/defwatch/defwatch/index"
)

// The publication histogram is drawn on the server as inline SVG: no
// script, nothing the content policy has to allow, and it prints.

// Chart geometry, in the SVG's own units; the browser scales it to the
// column's width.
const (
	chartWidth  = 800
	chartTop    = 14 // room for the scale's label
	chartBars   = 72 // height of the tallest bar
	chartBase   = chartTop + chartBars
	chartLabelY = chartBase + 14 // baseline of the day labels
	chartHeight = chartLabelY + 4
	maxBarWidth = 40 // a few wide bars read as blocks, not as a histogram
	maxLabels   = 8
)

type chart struct {
	Width, Height int
	Top           int // y of the tallest bar's top, where the scale is
	Base          int // y of the bars' foot
	LabelY        int
	Max           string
	Interval      string
	From, To      string // the span, for the caption
	Bars          []bar
	Labels        []chartLabel
}

type bar struct {
	X, Y, W, H string
	SlotX      string // the clickable slot, full height, so thin bars are easy to hit
	SlotW      string
	Title      string
	Href       string // "" when the bar has no articles
}

type chartLabel struct {
	X, Text string
}

func newChart(days []index.Day, interval, query, sort string) *chart {
	if len(days) == 0 {
		return nil
	}
	c := &chart{Width: chartWidth, Height: chartHeight, Top: chartTop, Base: chartBase, LabelY: chartLabelY, Interval: interval}
	peak := 0
	for _, d := range days {
		peak = max(peak, d.Count)
	}
	c.Max = thousands(peak)
	slot := float64(chartWidth) / float64(len(days))
	w := min(slot-min(slot*0.2, 4), maxBarWidth)
	labels := labelled(days, interval)
	for i, d := range days {
		start, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			continue // not a date: nothing to draw or filter by
		}
		last := lastDay(start, interval)
		h := 0.0
		if peak > 0 {
			h = float64(d.Count) / float64(peak) * chartBars
		}
		if d.Count > 0 {
			h = max(h, 1.5) // one article must still show
		}
		x := float64(i) * slot
		b := bar{
			X: f1(x + (slot-w)/2), W: f1(w), Y: f1(float64(c.Base) - h), H: f1(h),
			SlotX: f1(x), SlotW: f1(slot),
			Title: spanName(start, last, interval) + ": " + thousands(d.Count) + plural(d.Count, " article", " articles"),
		}
		if d.Count > 0 {
			b.Href = searchHref(withWindow(query, start.Format(time.DateOnly), last.Format(time.DateOnly)), sort)
		}
		c.Bars = append(c.Bars, b)
		if labels[i] {
			c.Labels = append(c.Labels, chartLabel{X: f1(x + slot/2), Text: shortDate(start, interval)})
		}
		if i == 0 {
			c.From = start.Format("2 Jan 2006")
		}
		c.To = last.Format("2 Jan 2006")
	}
	return c
}

// lastDay is the last day a bar starting at start covers: before: takes
// the day it names in.
func lastDay(start time.Time, interval string) time.Time {
	switch interval {
	case "week":
		return start.AddDate(0, 0, 6)
	case "month":
		return start.AddDate(0, 1, -1)
	case "year":
		return start.AddDate(1, 0, -1)
	}
	return start
}

func spanName(start, last time.Time, interval string) string {
	switch interval {
	case "week":
		return start.Format(time.DateOnly) + " to " + last.Format(time.DateOnly)
	case "month":
		return start.Format("January 2006")
	case "year":
		return start.Format("2006")
	}
	return start.Format("Mon 2006-01-02")
}

// shortDate labels a bar: by the larger unit it begins where labelled
// picked it for that (a year, a month), else by its first day.
func shortDate(t time.Time, interval string) string {
	switch {
	case interval == "year", interval == "month" && t.Month() == time.January:
		return t.Format("2006")
	case interval == "month", interval == "week" && t.Day() <= 7:
		return t.Format("Jan 2006")
	case interval == "week":
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}

// labelled picks the bars that get a date under them: those that begin a
// larger unit (a year of month bars, a month of week bars, a week of day
// bars), or every bar when few do, thinned at a regular step to at most
// maxLabels, so the dates under a chart read as a calendar.
func labelled(days []index.Day, interval string) []bool {
	var all, starts []int
	for i, d := range days {
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			continue
		}
		all = append(all, i)
		switch {
		case interval == "year",
			interval == "month" && t.Month() == time.January,
			interval == "week" && t.Day() <= 7,
			interval == "day" && t.Weekday() == time.Monday:
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 || interval == "day" && len(days) <= 14 {
		starts = all
	}
	out := make([]bool, len(days))
	step := (len(starts) + maxLabels - 1) / maxLabels
	for k := 0; k < len(starts); k += max(step, 1) {
		out[starts[k]] = true
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
