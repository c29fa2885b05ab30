package alert

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/internal/fixture"
	"github.com/defwatch/defwatch/index/query"
)

// TestPercolatorFindsWhatFiltersFind checks that filing rules by anchor
// loses no match: with every query as a rule, each article matches the
// same rules as checking every filter one by one.
func TestPercolatorFindsWhatFiltersFind(t *testing.T) {
	p := NewPercolator()
	queries := slices.Clone(fixture.MoreQueries)
	for _, tc := range fixture.QueryCases {
		queries = append(queries, tc.Q)
	}
	for i, q := range queries {
		if err := p.Set(fmt.Sprintf("r%03d", i), q); err != nil {
			t.Fatal(err)
		}
	}
	checkPercolator(t, p, queries, fixture.Articles())
}

func checkPercolator(t *testing.T, p *Percolator, queries []string, arts []*defwatch.Article) {
	t.Helper()
	now := time.Now()
	filters := make([]*query.Query, len(queries))
	for i, q := range queries {
		filters[i] = mustParse(t, q)
	}
	for _, a := range arts {
		var want []string
		d := query.NewDoc(a, now) // analysed once, as the percolator does
		for i, f := range filters {
			if f.Matches(d) {
				want = append(want, fmt.Sprintf("r%03d", i))
			}
		}
		var got []string
		for _, m := range p.Match(a, now) {
			got = append(got, m.Rule)
			if m.Query != queries[mustAtoi(t, m.Rule[1:])] {
				t.Errorf("rule %s carries query %q", m.Rule, m.Query)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: percolator %v, filters %v", a.ID, got, want)
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPercolatorRules(t *testing.T) {
	p := NewPercolator()
	if err := p.Set("ua-troops", "nation:UA troops:>=1000"); err != nil {
		t.Fatal(err)
	}
	err := p.Set("ua-troops", "troops:>=lots")
	if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), "not a number") {
		t.Errorf("bad query: %v", err)
	}
	arts := fixture.Articles()
	if m := p.Match(arts[0], time.Now()); len(m) != 1 || m[0].Rule != "ua-troops" || m[0].Query != "nation:UA troops:>=1000" {
		t.Errorf("seed: %+v (a refused change must keep the old query)", m)
	}
	if m := p.Match(arts[2], time.Now()); len(m) != 0 {
		t.Errorf("Polish drill matched %+v", m)
	}
	p.Delete("ua-troops")
	if m := p.Match(arts[0], time.Now()); len(m) != 0 || p.Len() != 0 {
		t.Errorf("after delete: %+v", m)
	}

	// Changes made while held take effect together on Release.
	p.Hold()
	for _, name := range []string{"a", "b", "c"} {
		if err := p.Set(name, "nation:UA"); err != nil {
			t.Fatal(err)
		}
	}
	if p.Len() != 0 {
		t.Errorf("%d rules in effect while held", p.Len())
	}
	p.Release()
	if m := p.Match(arts[0], time.Now()); p.Len() != 3 || len(m) != 3 {
		t.Errorf("after release: %d rules, matches %+v", p.Len(), m)
	}
}

func TestMatchSnippet(t *testing.T) {
	arts := fixture.Articles()
	p := NewPercolator()
	for name, q := range map[string]string{"words": "soldiers border", "wild": "exerc*", "fields": "nation:PL"} {
		if err := p.Set(name, q); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]string{}
	for _, m := range p.Match(arts[2], time.Now()) {
		got[m.Rule] = m.Snippet()
	}
	for rule, want := range map[string]string{
		"words":  "About 2,500 <mark>soldiers</mark> took part in the exercise near the <mark>border</mark>. &lt;script&gt;alert(1)&lt;/script&gt;",
		"wild":   "About 2,500 soldiers took part in the <mark>exercise</mark> near the border. &lt;script&gt;alert(1)&lt;/script&gt;",
		"fields": "About 2,500 soldiers took part in the exercise near the border. &lt;script&gt;alert(1)&lt;/script&gt;",
	} {
		if got[rule] != want {
			t.Errorf("%s: snippet %q, want %q", rule, got[rule], want)
		}
	}
}

func mustParse(t testing.TB, q string) *query.Query {
	t.Helper()
	f, err := query.Parse(q, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCorpusPercolator files generated saved searches over the tagged
// sample corpus and checks the percolator against each query on its own,
// from a fresh analysis and from the analysis the commit made.
func TestCorpusPercolator(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the sample corpus")
	}
	arts := fixture.Corpus(t)
	idx, err := index.Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	indexed, err := idx.Put(arts)
	if err != nil {
		t.Fatal(err)
	}
	queries := fixture.RuleQueries(arts, 300)
	now := time.Now()
	p := NewPercolator()
	for i, q := range queries {
		if err := p.Set(fmt.Sprintf("r%03d", i), q); err != nil {
			t.Fatal(err)
		}
	}
	checkPercolator(t, p, queries, arts)

	// The analysis kept from the commit gives the same matches and
	// snippets as analysing again.
	if len(indexed) != len(arts) {
		t.Fatalf("Put returned %d of %d articles", len(indexed), len(arts))
	}
	for _, it := range indexed {
		if !it.New || it.Story == "" || len(it.Analysed) == 0 {
			t.Fatalf("%s: New %v, story %q, %d analysed fields", it.Article.ID, it.New, it.Story, len(it.Analysed))
		}
		got, want := p.MatchIndexed(it, now), p.Match(it.Article, now)
		if !slices.EqualFunc(got, want, func(a, b RuleMatch) bool {
			return a.Rule == b.Rule && a.Query == b.Query && a.Snippet() == b.Snippet()
		}) {
			t.Errorf("%s: from the commit %v, analysed again %v", it.Article.ID, got, want)
		}
	}
	again, err := idx.Put(arts[:3])
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range again {
		if it.New {
			t.Errorf("%s: indexed again but New", it.Article.ID)
		}
	}
}

// Analyses are kept while there are saved searches, for news only.
func TestWantsAnalysis(t *testing.T) {
	al := &Alerter{perc: NewPercolator()}
	news := &defwatch.Article{ID: "n", Published: time.Now().Add(-time.Hour)}
	old := &defwatch.Article{ID: "o", Published: time.Now().AddDate(0, -2, 0)}
	if al.WantsAnalysis(news) {
		t.Error("analysis wanted with no saved search")
	}
	if err := al.perc.Set("r", "ukraine"); err != nil {
		t.Fatal(err)
	}
	if !al.WantsAnalysis(news) || al.WantsAnalysis(old) {
		t.Errorf("with a saved search: news %v, old %v; want true, false", al.WantsAnalysis(news), al.WantsAnalysis(old))
	}
}
