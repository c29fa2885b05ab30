package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

func repeat(s string, n int, sep string) string {
	return strings.Join(slices.Repeat([]string{s}, n), sep)
}

// TestLimits: every limit answers a bad query that names it and the
// query's own figure; a query at the limit still parses. Searches, the
// NATS API and saved searches all parse with Parse.
func TestLimits(t *testing.T) {
	for _, c := range []struct{ name, q, want string }{
		{"880 KB", repeat("ukraine", 110_000, " "), "879999 bytes long; the limit is 4096"},
		{"100,000 nested -(", strings.Repeat("-(", 100_000) + "ukraine" + strings.Repeat(")", 100_000), "300007 bytes long"},
		{"2,000 OR'ed *xy*", repeat("*xy*", 2000, " OR "), "15996 bytes long"},
		{"200 words", repeat("ukraine", 200, " "), "200 words and values; the limit is 128"},
		{"a long phrase", `"` + repeat("ukraine", 129, " ") + `"`, "129 words and values"},
		{"many fields", repeat("nation:UA", 129, " OR "), "129 words and values"},
		{"deep", strings.Repeat("-(", 17) + "ukraine" + strings.Repeat(")", 17), "nest 17 deep; the limit is 16"},
		{"nine wildcards", repeat("*xy*", 9, " OR "), "9 wildcards; the limit is 8"},
		{"a busy wildcard", "a*b*c?d*e*", "5 * and ? in one word; the limit is 4"},
		{"a busy source", "source:*.*.*.*.*.com", "5 * and ?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.q, time.Now())
			if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%.200v; want ErrBadQuery saying %q", err, c.want)
			}
		})
	}
	for _, q := range []string{
		repeat("ukraine", MaxTerms, " "),
		strings.Repeat("(", MaxDepth) + "ukraine" + strings.Repeat(")", MaxDepth),
		repeat("ukrain*", MaxWildcards, " OR "),
		"u*r?a*n*",
	} {
		if _, err := Parse(q, time.Now()); err != nil {
			t.Errorf("%.60s… at the limit: %v", q, err)
		}
	}
}

// FuzzParse feeds the parser anything: it must answer every input with a
// parsed query or a bad-query error (never a panic, never another error),
// within the limits, and a parsed query must match an article without
// trouble. testdata/fuzz/FuzzParse keeps inputs it made, one for each
// kind of answer it reached (a limit, each parse error, a wildcard, a
// phrase), so every run covers them.
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
	a := fixture.Articles()[0]
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s, now)
		if err != nil {
			if !errors.Is(err, defwatch.ErrBadQuery) {
				t.Fatalf("%q: %v is not a bad-query error", s, err)
			}
			return
		}
		if len(s) > MaxBytes {
			t.Fatalf("%d bytes parsed", len(s))
		}
		for _, g := range q.groups {
			if err := checkTree(g.root); err != nil {
				t.Fatalf("%q parsed beyond a limit: %v", s, err)
			}
		}
		if (len(q.groups) == 0) != (q.Bleve() == nil) {
			t.Fatalf("%q: a tree without its Bleve query, or the reverse", s)
		}
		q.Match(a, now)
		q.Snippet(NewDoc(a, now))
	})
}
