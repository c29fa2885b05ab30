package benchset

import (
	"math"
	"testing"
	"time"
)

// TestSnippetShares: a snippet counts when its words are in the text in
// order, whatever the line breaks and case; a boilerplate snippet counts
// only as whole words.
func TestSnippetShares(t *testing.T) {
	s := &Set{
		Pages: []Page{{ID: "a"}, {ID: "b"}},
		snippets: map[string]Snippets{
			"a": {With: []string{"Ministers met in Brussels.", "a force of 30,000"}, Without: []string{"Home", "Sign up"}},
			"b": {With: []string{"They will meet again"}, Without: []string{"Login"}},
		},
	}
	texts := map[string]string{
		"a": "Ministers met\nin BRUSSELS on Thursday. Homeowners were not asked.",
		"b": "They will meet again next month.\n\nLogin",
	}
	in, boiler := s.snippetShares(texts)
	if want := 2.0 / 3; math.Abs(in-want) > 1e-9 {
		t.Errorf("snippets in %.3f, want %.3f", in, want)
	}
	if want := 1.0 / 3; math.Abs(boiler-want) > 1e-9 {
		t.Errorf("boilerplate in %.3f, want %.3f (Home is not in Homeowners)", boiler, want)
	}
}

// TestGroup aggregates as evaluate.py does: precision over the pages with
// a prediction, recall over all of them.
func TestGroup(t *testing.T) {
	r := &Result{perPage: map[string]PageScore{
		"a": {Precision: 1, Recall: 0.5, HasPred: true},
		"b": {Precision: 0.5, Recall: 1, HasPred: true},
		"c": {HasPred: false},
		"d": {Precision: 1, Recall: 1, HasPred: true},
	}}
	got := r.Group(map[string]string{"a": "de", "b": "de", "c": "de", "d": "en"})
	if len(got) != 2 || got[0].Label != "de" || got[1].Label != "en" {
		t.Fatalf("groups %+v, want de then en", got)
	}
	de := got[0]
	if de.Pages != 3 || de.Empty != 1 || math.Abs(de.Precision-0.75) > 1e-9 || math.Abs(de.Recall-0.5) > 1e-9 {
		t.Errorf("de: %+v, want 3 pages, 1 empty, P 0.75, R 0.5", de)
	}
	if r := (&Result{}).Group(nil); len(r) != 0 {
		t.Errorf("a held-out result has no pages to group, got %+v", r)
	}
}

func TestPercentile(t *testing.T) {
	d := []time.Duration{5, 1, 4, 2, 3}
	if p := Percentile(d, 50); p != 3 {
		t.Errorf("p50 %v, want 3", p)
	}
	if p := Percentile(d, 95); p != 5 {
		t.Errorf("p95 %v, want 5", p)
	}
	if p := Percentile(nil, 50); p != 0 {
		t.Errorf("p50 of nothing %v, want 0", p)
	}
}
