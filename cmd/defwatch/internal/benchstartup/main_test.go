package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseInitTrace(t *testing.T) {
	trace := `init internal/bytealg @0.010 ms, 0.002 ms clock, 0 bytes, 0 allocs
init runtime @0.05 ms, 0.98 ms clock, 0 bytes, 0 allocs
some other line the program printed
init github.com/blevesearch/bleve/v2/index/scorch @32 ms, 6.7 ms clock, 1088856 bytes, 25782 allocs
init main @40.5 ms, 0.060 ms clock, 1528 bytes, 42 allocs
`
	clock, sum, end, err := parseInitTrace([]byte(trace))
	if err != nil {
		t.Fatal(err)
	}
	if len(clock) != 4 || clock["github.com/blevesearch/bleve/v2/index/scorch"] != 6.7 {
		t.Errorf("clock = %v, want 4 packages, scorch 6.7 ms", clock)
	}
	if want := 0.002 + 0.98 + 6.7 + 0.060; abs(sum-want) > 1e-9 {
		t.Errorf("sum = %v, want %v", sum, want)
	}
	if end != 40.56 {
		t.Errorf("end = %v, want 40.56 (the last init's start and clock)", end)
	}

	if _, _, _, err := parseInitTrace([]byte("init runtime @x ms, 1 ms clock\n")); err == nil {
		t.Error("a malformed start time was read without an error")
	}
	if _, _, _, err := parseInitTrace([]byte("no trace at all\n")); err == nil || !strings.Contains(err.Error(), "inittrace") {
		t.Errorf("output without a trace: err = %v, want one naming inittrace", err)
	}
}

func TestQuantiles(t *testing.T) {
	var s []sample
	for i := 10; i >= 1; i-- { // out of order on purpose
		s = append(s, sample{wall: time.Duration(i) * time.Millisecond, cpu: time.Duration(2*i) * time.Millisecond})
	}
	q := quantiles(s, func(x sample) time.Duration { return x.wall })
	if q != [3]time.Duration{2 * time.Millisecond, 6 * time.Millisecond, 9 * time.Millisecond} {
		t.Errorf("wall quantiles = %v, want 2ms 6ms 9ms", q)
	}
	if got := median([]float64{3, 1, 2, 10}); got != 2.5 {
		t.Errorf("median = %v, want 2.5", got)
	}
}

func TestCostliestInits(t *testing.T) {
	clocks := []map[string][]float64{
		{"scorch": {6, 7, 8}, "entity": {2.7, 2.5, 3}, "gob": {1, 1, 1}},
		{"scorch": {6, 6, 9}, "entity": {0.7, 0.8, 0.9}, "gob": {1, 1.2, 1}, "new": {0.5, 0.5, 0.5}},
	}
	rows := costliestInits(clocks, 3)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %v", r.name, r.ms))
	}
	want := []string{"scorch [7 6]", "entity [2.7 0.8]", "gob [1 1]"}
	if !slices.Equal(got, want) {
		t.Errorf("costliestInits = %q, want %q", got, want)
	}
	if rows := costliestInits(clocks, 10); len(rows) != 4 || rows[3].name != "new" || rows[3].ms[0] != 0 {
		t.Errorf("all rows = %v, want 4 with new last, absent from the first build", rows)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
