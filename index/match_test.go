package index

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
)

// moreQueries are beside queryCases: corners of matching that the search
// table does not reach. Their answer is whatever search says.
var moreQueries = []string{
	`"the"`, "the", "the ukraine", `"defense ministers"`, `"ministers defense"`,
	`title:"Polish exercise"`, `"30,000 troops"`, `"10,000 to 30,000"`,
	"ukr?ine", "*", "* nation:PL", "-nation:UA", "NOT troops:*", "nation:UA -troops:>=20000",
	"troops:<=2500", "troops:<2500", "troops:>30000", "troops:>=30000", "troops:30001-40000",
	"meeting_before:2025-04-09", "meeting_after:2025-04", "nation:gb OR (lang:de grenze)",
	"source:example.*", "source:*", "lang:EN troops:2.5k", "byline:reuters", "org:NATO -org:nato",
	"last:1h", "after:2025-04-10T09:12:00Z", "before:2025-04-10T09:12:00Z",
	"NATO OR Україна OR truppen", "(ukraine OR poland) -(nato)", "soldiers border", "Soldiers BORDER",
	"id:seed OR id:undated", `nation:"united kingdom"`, "nation:Poland meeting:*", "meeting:talks",
}

// TestMatchAgreesWithSearch is the contract of saved searches: a rule
// matches an article exactly when a search with the same query finds it.
func TestMatchAgreesWithSearch(t *testing.T) {
	idx := filled(t)
	arts := testArticles()
	check := func(t *testing.T, q string, want []string) {
		res, err := idx.Search(context.Background(), Request{Query: q, AllCopies: true, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		searched := ids(res)
		slices.Sort(searched)
		f, err := NewFilter(q)
		if err != nil {
			t.Fatal(err)
		}
		var matched []string
		for _, a := range arts {
			if f.Match(a, time.Now()) {
				matched = append(matched, a.ID)
			}
		}
		slices.Sort(matched)
		if !slices.Equal(matched, searched) {
			t.Errorf("match %v, search %v", matched, searched)
		}
		if want != nil && !slices.Equal(matched, want) {
			t.Errorf("match %v, want %v", matched, want)
		}
	}
	for _, tc := range queryCases {
		t.Run(tc.q, func(t *testing.T) { check(t, tc.q, tc.want) })
	}
	for _, q := range moreQueries {
		t.Run(q, func(t *testing.T) { check(t, q, nil) })
	}
}

// TestPercolatorFindsWhatFiltersFind checks that filing rules by anchor
// loses no match: with every query as a rule, each article matches the
// same rules as checking every filter one by one.
func TestPercolatorFindsWhatFiltersFind(t *testing.T) {
	p := NewPercolator()
	queries := slices.Clone(moreQueries)
	for _, tc := range queryCases {
		queries = append(queries, tc.q)
	}
	for i, q := range queries {
		if err := p.Set(fmt.Sprintf("r%03d", i), q); err != nil {
			t.Fatal(err)
		}
	}
	checkPercolator(t, p, queries, testArticles())
}

func checkPercolator(t *testing.T, p *Percolator, queries []string, arts []*defwatch.Article) {
	t.Helper()
	now := time.Now()
	filters := make([]*Filter, len(queries))
	for i, q := range queries {
		filters[i] = mustFilter(t, q)
	}
	for _, a := range arts {
		var want []string
		d := newMatchDoc(a, now) // analysed once, as the percolator does
		for i, f := range filters {
			if f.root == nil || f.root.match(d) {
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
	arts := testArticles()
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
	arts := testArticles()
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
	// A long text is cut around the first match.
	long := &defwatch.Article{ID: "long", Text: strings.Repeat("filler words here. ", 60) + "The ceasefire held. " + strings.Repeat("more words. ", 60)}
	s := matchSnippet(mustFilter(t, "ceasefire").root, newMatchDoc(long, time.Now()))
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "The <mark>ceasefire</mark> held.") || len(s) > snippetLen+20 {
		t.Errorf("long snippet %q", s)
	}
}

func mustFilter(t testing.TB, q string) *Filter {
	t.Helper()
	f, err := NewFilter(q)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// corpus reads the repository's sample archive and tags each article as
// the pipeline does.
func corpus(t testing.TB) []*defwatch.Article {
	t.Helper()
	f, err := os.Open("../testdata/articles.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []*defwatch.Article
	for sc.Scan() {
		var r struct{ ID, URL, Source, Title, Published, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		p := &defwatch.Page{ID: r.ID, URL: r.URL, Source: r.Source, Title: r.Title, Text: r.Text, Imported: true, Lang: r.Lang, LangFrom: "archive"}
		if ts, err := time.Parse(time.RFC3339, r.Published); err == nil {
			p.Published = ts
		}
		a, err := extract.FromPage(p)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		out = append(out, a)
	}
	return out
}

// ruleQueries makes n varied saved searches from the corpus's own
// vocabulary and tags, as analysts would write them: nations with troop
// thresholds, words and phrases, meetings, outlets, languages, windows,
// alternatives and exclusions.
func ruleQueries(arts []*defwatch.Article, n int) []string {
	rng := rand.New(rand.NewPCG(6, 1000))
	var nations, orgs, sources, words, phrases []string
	seen := map[string]bool{}
	addOnce := func(list *[]string, v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, a := range arts {
		for _, x := range a.Nations {
			addOnce(&nations, x.Code)
		}
		for _, o := range a.Orgs {
			if !strings.ContainsAny(o.Name, `"`) {
				addOnce(&orgs, o.Name)
			}
		}
		addOnce(&sources, a.Source)
		fields := strings.Fields(a.Text)
		for i := 0; i+2 < len(fields); i += 37 {
			w := strings.Trim(fields[i], `.,;:!?"'()[]«»“”„`)
			if len([]rune(w)) >= 5 && !strings.ContainsAny(w, `"*?()-+:`) {
				addOnce(&words, strings.ToLower(w))
				w2 := strings.Trim(fields[i+1], `.,;:!?"'()[]«»“”„`)
				if len(w2) > 2 && !strings.ContainsAny(w2, `"*?()-+:`) {
					addOnce(&phrases, w+" "+w2)
				}
			}
		}
	}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	kinds := []string{"summit", "ministerial", "talks", "conference", "call", "meeting", "*"}
	langs := []string{"en", "uk", "de"}
	clause := func() string {
		switch rng.IntN(12) {
		case 0, 1:
			return "nation:" + pick(nations)
		case 2:
			return fmt.Sprintf("troops:>=%d", []int{100, 1000, 5000, 10000, 50000}[rng.IntN(5)])
		case 3, 4, 5:
			return pick(words)
		case 6:
			return `"` + pick(phrases) + `"`
		case 7:
			return "meeting:" + pick(kinds)
		case 8:
			return `org:"` + pick(orgs) + `"`
		case 9:
			return "source:" + pick(sources)
		case 10:
			return "lang:" + pick(langs)
		default:
			w := pick(words)
			return string([]rune(w)[:4]) + "*"
		}
	}
	out := make([]string, n)
	for i := range out {
		var parts []string
		for range 1 + rng.IntN(3) {
			parts = append(parts, clause())
		}
		switch rng.IntN(6) {
		case 0:
			parts = append(parts, "("+clause()+" OR "+clause()+")")
		case 1:
			parts = append(parts, "-"+clause())
		case 2:
			parts = append(parts, "last:3650d")
		}
		out[i] = strings.Join(parts, " ")
	}
	return out
}

// TestCorpusRulesAgreeWithSearch runs generated saved searches over the
// tagged sample corpus both ways.
func TestCorpusRulesAgreeWithSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the sample corpus")
	}
	arts := corpus(t)
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	indexed, err := idx.Put(arts)
	if err != nil {
		t.Fatal(err)
	}
	queries := ruleQueries(arts, 300)
	now := time.Now()
	docs := make([]*matchDoc, len(arts))
	for i, a := range arts {
		docs[i] = newMatchDoc(a, now)
	}
	matchedSome := 0
	for _, q := range queries {
		res, err := idx.Search(context.Background(), Request{Query: q, AllCopies: true, Size: MaxSize, NoFacets: true})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		searched := ids(res)
		slices.Sort(searched)
		f := mustFilter(t, q)
		var matched []string
		for _, d := range docs {
			if f.root == nil || f.root.match(d) {
				matched = append(matched, d.a.ID)
			}
		}
		slices.Sort(matched)
		if !slices.Equal(matched, searched) {
			t.Errorf("%s: match %v, search %v", q, matched, searched)
		}
		if len(matched) > 0 {
			matchedSome++
		}
	}
	// Rules that match nothing would make this test say little.
	if matchedSome < len(queries)/4 {
		t.Errorf("only %d of %d generated rules match anything", matchedSome, len(queries))
	}
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
		if !it.New || it.Story == "" || len(it.analysed) == 0 {
			t.Fatalf("%s: New %v, story %q, %d analysed fields", it.Article.ID, it.New, it.Story, len(it.analysed))
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

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  a  b\t\nc  ", "x\u00a0\u2003y\u3000z\u0085", "<mark>a</mark> \n b",
		"\xff bad \xfe", "\xe2\x80", "Київ — «так» ", "\v\f\r"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add("  a \u00a0 b\u2028c ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzSnippetWriter holds the one-pass snippet writer to what escaping,
// dropping bytes that are not UTF-8 and collapsing white space give.
func FuzzSnippetWriter(f *testing.F) {
	for _, s := range []string{"a <b> & \"c\" 'd'", "  x\u00a0\n y  ", "\xff Київ \xe2\x80", "…<mark>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w snippetWriter
		w.text(s)
		want := strings.Join(strings.Fields(strings.ToValidUTF8(html.EscapeString(s), "")), " ")
		if string(w.b) != want {
			t.Errorf("snippet of %q = %q, want %q", s, w.b, want)
		}
	})
}
