package main

import (
	"strings"
	"testing"

	"github.com/defwatch/defwatch/index"
)

func TestSearchPrintsPartialAnswers(t *testing.T) {
	var b strings.Builder
	res := &index.Result{Total: 1871, Partial: true, MissedShards: []string{"2025-03", "2025-04"}}
	if err := printResult(&b, res, 0); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "PARTIAL") || !strings.Contains(out, "2025-03, 2025-04") {
		t.Errorf("a partial answer printed as %q", out)
	}
	b.Reset()
	if err := printResult(&b, &index.Result{Total: 16903}, 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "PARTIAL") {
		t.Errorf("a whole answer printed as partial: %q", b.String())
	}
}

// The nations line says "about" when the counts are estimates.
func TestSearchPrintsNations(t *testing.T) {
	for _, approx := range []bool{false, true} {
		var b strings.Builder
		res := &index.Result{Total: 90000, Facets: &index.Facets{Nations: []index.Bucket{{Value: "UA", Count: 52000}, {Value: "RU", Count: 31000}}, Approximate: approx}}
		if err := printResult(&b, res, 0); err != nil {
			t.Fatal(err)
		}
		want := "nations: UA 52000, RU 31000\n"
		if approx {
			want = "nations: UA about 52000, RU about 31000\n"
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("approximate %v: printed %q, want the line %q", approx, b.String(), want)
		}
	}
}
