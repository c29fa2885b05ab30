package main

import "testing"

// TestTargets holds the tagging targets on both parts of the labelled set.
func TestTargets(t *testing.T) {
	labels, err := loadLabels("../../entity/testdata/labels")
	if err != nil {
		t.Fatal(err)
	}
	all, err := evaluate(labels)
	if err != nil {
		t.Fatal(err)
	}
	dev := total(all, partDev)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"dev nations F1", dev.nations.f1(), 0.97},
		{"dev troop figures F1", dev.troops.f1(), 0.92},
		{"dev meetings precision", dev.meetings.precision(), 0.85},
		{"dev meetings recall", dev.meetings.recall(), 0.85},
		{"dev meeting dates right", dev.meetDate.value(), 0.95},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want at least %.2f", c.name, c.got, c.want)
		}
	}
}
