package web

import (
	"slices"
	"testing"
	"time"

	"github.com/defwatch/defwatch/index"
)

// TestChartLabels: the dates under a chart fall where a calendar's would,
// a few of them whatever the span.
func TestChartLabels(t *testing.T) {
	bars := func(from string, n int, next func(time.Time) time.Time) []index.Day {
		t0, _ := time.Parse(time.DateOnly, from)
		var out []index.Day
		for range n {
			out = append(out, index.Day{Date: t0.Format(time.DateOnly), Count: 1})
			t0 = next(t0)
		}
		return out
	}
	month := func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	week := func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	day := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	year := func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }
	for _, tc := range []struct {
		name     string
		days     []index.Day
		interval string
		want     []string
	}{
		{"nine years of months", bars("2015-06-01", 108, month), "month", []string{"2016", "2018", "2020", "2022", "2024"}},
		{"a year of weeks", bars("2024-05-27", 46, week), "week", []string{"Jun 2024", "Aug 2024", "Oct 2024", "Dec 2024", "Feb 2025", "Apr 2025"}},
		{"two months of days", bars("2025-03-01", 61, day), "day", []string{"3 Mar", "17 Mar", "31 Mar", "14 Apr", "28 Apr"}},
		{"a week of days", bars("2025-04-09", 7, day), "day", []string{"9 Apr", "10 Apr", "11 Apr", "12 Apr", "13 Apr", "14 Apr", "15 Apr"}},
		{"forty-four years", bars("1982-01-01", 45, year), "year", []string{"1982", "1988", "1994", "2000", "2006", "2012", "2018", "2024"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range newChart(tc.days, tc.interval, "", "").Labels {
				got = append(got, l.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("labels %q, want %q", got, tc.want)
			}
		})
	}
}
