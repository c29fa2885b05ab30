package main

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2025-04-10T09:12:00Z":      time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC),
		"2022-05-17T11:03:51+03:00": time.Date(2022, 5, 17, 8, 3, 51, 0, time.UTC),
		"2022-03-11T24:04:30+02:00": time.Date(2022, 3, 11, 22, 4, 30, 0, time.UTC), // hour 24: next day 00:04 at +02:00
		"2025-04-10":                time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC),
		"2015-07":                   time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC),
		"2025-04-10 09:12:00":       time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC),
	} {
		got, err := parseTime(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseTime(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "10/04/2025", "2025-13-01"} {
		if _, err := parseTime(bad); err == nil {
			t.Errorf("parseTime(%q): no error", bad)
		}
	}
}
