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
