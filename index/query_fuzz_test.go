package index

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// FuzzParse feeds the query parser anything: it must answer every input
// with a parsed query or a bad-query error (never a panic, never another
// error), within the limits, and a parsed query must match an article
// without trouble. Findings are kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		"", "*", "ukraine", `"peace talks"`, "nation:UA troops:>=10000 last:7d",
		`"peacekeeping force" (nation:GB OR nation:FR) -source:example.com`,
		"meeting:* meeting_after:2025-04-10 org:NATO", "troops:5000-8000", "troops:>10k", "source:*.bbc.co.uk",
		"mobili* -ukr?ine", "NOT (a OR b) AND c", "title:\"coalition of the willing\"", "id:3f0c5b8e9d2a41c7",
		"before:2025-03 after:2025-01-02", "nation:\"United Kingdom\"", "+must -not", "((((x))))",
		strings.Repeat("-(", 40) + "ukraine" + strings.Repeat(")", 40), strings.Repeat("*xy* OR ", 20) + "*xy*",
		strings.Repeat("ukraine ", 130), "a*b*c*d*e*", `"unclosed`, "x:", "(", ")", "OR", "- x", "troops:9-2",
	} {
		f.Add(q)
	}
	now := time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)
	a := testArticles()[0]
	f.Fuzz(func(t *testing.T, q string) {
		pq, err := parseQuery(q, now)
		if err != nil {
			if !errors.Is(err, defwatch.ErrBadQuery) {
				t.Fatalf("%q: %v is not a bad-query error", q, err)
			}
			if len(err.Error()) > 2*MaxQueryBytes+300 {
				t.Fatalf("%q: an error of %d bytes", q, len(err.Error()))
			}
			return
		}
		if len(q) > MaxQueryBytes {
			t.Fatalf("%d bytes parsed", len(q))
		}
		if err := checkTree(pq.root); err != nil {
			t.Fatalf("%q parsed beyond a limit: %v", q, err)
		}
		if (pq.root == nil) != (pq.q == nil) {
			t.Fatalf("%q: a tree without its Bleve query, or the reverse", q)
		}
		flt, err := NewFilter(q)
		if err != nil {
			t.Fatalf("%q parses for a search but not for a saved search: %v", q, err)
		}
		flt.Match(a, now)
	})
}
