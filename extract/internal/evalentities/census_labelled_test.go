package main

import "testing"

// TestCensusLeavesLabelledOut holds that a census scores no sentence of an
// article the labelled set holds, and counts those it left out.
func TestCensusLeavesLabelledOut(t *testing.T) {
	sents := []censusSentence{{id: "a", text: "one"}, {id: "b", text: "two"}, {id: "a", text: "three"}, {id: "c", text: "four"}}
	got, left := unlabelled(sents, func(s censusSentence) string { return s.id }, map[string]bool{"a": true})
	if left != 2 || len(got) != 2 || got[0].id != "b" || got[1].id != "c" {
		t.Fatalf("got %+v, %d left out; want b and c, 2 left out", got, left)
	}
	kept, left, labelled := unlabelledMeetingCensus(t)
	if left == 0 {
		t.Error("no census sentence left out, though later batches labelled articles the census drew from")
	}
	for _, s := range kept {
		if labelled[s.id] {
			t.Errorf("census sentence of labelled article %s kept", s.id)
		}
	}
}
