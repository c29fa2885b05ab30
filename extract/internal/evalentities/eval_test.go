package main

import "testing"

// TestTargets holds the tagging targets on the hand-labelled set: nations
// F1 0.97, troop figures F1 0.92, meetings precision and recall 0.85 with
// 95% of their dates right.
func TestTargets(t *testing.T) {
	labels, err := loadLabels("../../entity/testdata/labels")
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) < 61 {
		t.Fatalf("%d labelled articles, want at least 61", len(labels))
	}
	r, err := evaluate(labels)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"nations F1", r.nations.f1(), 0.97},
		{"troop figures F1", r.troops.f1(), 0.92},
		{"meetings precision", r.meetings.precision(), 0.85},
		{"meetings recall", r.meetings.recall(), 0.85},
		{"meeting dates right", ratio(r.datesRight, r.dated), 0.95},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want at least %.2f", c.name, c.got, c.want)
		}
	}
}
