package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// The search must answer as the search before it did (reference_test.go)
// on the same index: the same total, hits in the same order with the same
// scores, snippets and folded copies, the same facets and paging tokens,
// the same errors. Only where it says an answer is approximate may it
// differ, and then only in what it says is approximate.

// equivalenceArchive is the tagged sample corpus spread over three years
// up to now: copies under other outlets, every seventh a wire copy of the
// one before, some without a publication date (filed by their fetch
// time), two with no date at all, pairs alike in every word and moment
// (so that scores tie and the id decides), put in small batches so that
// shards hold several segments, then some articles put again: moved to
// another month, or changed in place, which leaves deleted documents in
// the segments.
func equivalenceArchive(t *testing.T, now time.Time) (first, again []*defwatch.Article) {
	base := fixture.Corpus(t)
	outlets := []string{"reuters.com", "apnews.com", "www.bbc.co.uk", "kyivindependent.com", "pravda.com.ua",
		"defensenews.com", "dw.com", "spiegel.de", "tvn24.pl", "nato.int", "Defense.gov", "ukrinform.ua"}
	const n = 480
	span := 3 * 365 * 24 * time.Hour
	var prev *defwatch.Article
	for i := range n {
		a := *base[i%len(base)]
		pub := now.Add(-span + time.Duration(i)*span/n + time.Duration(i%13)*time.Hour).Truncate(time.Second)
		switch {
		case i%7 == 6 && prev != nil: // a wire copy
			a = *prev
			a.Text += "\n\n(Reporting by the wire desk)"
		case i%97 == 5 && prev != nil: // the same words at the same moment
			a = *prev
			pub = prev.Published
		}
		a.ID = fmt.Sprintf("eq-%04d", i)
		a.URL = "https://example.com/eq/" + a.ID
		a.Source = outlets[(i*5)%len(outlets)]
		a.Published, a.Fetched = pub, pub.Add(time.Hour)
		switch {
		case i == 401 || i == 203:
			a.Published, a.Fetched = time.Time{}, time.Time{}
		case i%50 == 17:
			a.Published = time.Time{}
		}
		first = append(first, &a)
		prev = &a
	}
	for i := 3; i < n; i += 17 {
		a := *first[i]
		if i%2 == 0 {
			a.Published = a.Published.AddDate(0, -5, 0) // moves to another month's shard
		} else {
			a.Title += " (updated)"
		}
		again = append(again, &a)
	}
	return first, again
}

var equivalence struct {
	once  sync.Once
	idx   *Index
	first []*defwatch.Article
	now   time.Time
	err   error
}

// equivalenceIndex builds the archive's index once for the tests that
// compare the search with the reference.
func equivalenceIndex(t *testing.T) (*Index, []*defwatch.Article, time.Time) {
	t.Helper()
	if testing.Short() {
		t.Skip("indexes the sample corpus over three years")
	}
	e := &equivalence
	e.once.Do(func() {
		e.now = time.Now().UTC()
		first, again := equivalenceArchive(t, e.now)
		e.first = first
		dir, err := os.MkdirTemp("", "defwatch-equivalence-")
		if err != nil {
			e.err = err
			return
		}
		e.idx, e.err = Open(filepath.Join(dir, "idx"))
		if e.err != nil {
			return
		}
		for i := 0; i < len(first) && e.err == nil; i += 60 {
			_, e.err = e.idx.Put(first[i:min(len(first), i+60)])
		}
		if e.err == nil {
			_, e.err = e.idx.Put(again)
		}
	})
	if e.err != nil {
		t.Fatal(e.err)
	}
	return e.idx, e.first, e.now
}

func TestMain(m *testing.M) {
	code := m.Run()
	if e := &equivalence; e.idx != nil {
		dir := filepath.Dir(e.idx.dir)
		e.idx.Close()
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// equivalenceQueries are the queries both searches answer: the fixture's,
// the data-driven query cases', generated saved searches, windows over the
// archive's years, and what the benchmark times.
func equivalenceQueries(t *testing.T, arts []*defwatch.Article, now time.Time) []string {
	var qs []string
	for _, c := range fixture.QueryCases {
		qs = append(qs, c.Q)
	}
	qs = append(qs, fixture.MoreQueries...)
	dirs, err := filepath.Glob(filepath.Join("testdata", "querycases", "*", "queries.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no query cases: %v", err)
	}
	for _, path := range dirs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var f struct{ Queries []struct{ Q string } }
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, c := range f.Queries {
			qs = append(qs, c.Q)
		}
	}
	qs = append(qs, fixture.RuleQueries(arts, 40)...)
	day := func(d time.Duration) string { return now.Add(-d).Format(time.DateOnly) }
	qs = append(qs,
		"ukraine", `"peace talks"`, "*", "nation:UA troops:>=1000 last:30d", "nation:UA troops:>=1000 last:400d",
		"last:7d", "last:60d ukraine", "last:3y", "after:"+day(500*24*time.Hour), "before:"+day(700*24*time.Hour)+" nato",
		"after:"+day(400*24*time.Hour)+" before:"+day(300*24*time.Hour), "after:"+day(30*24*time.Hour)+" -nation:UA",
		"ukraine OR russia", "troops", "nato -ukraine", "-ukraine", "NOT *", "zzzqqq", "zzzq* -nation:RU", "ukr* russ*",
		"source:reuters.com", "source:bbc.co.uk ukraine", "nation:* -troops:*", "meeting:* OR troops:>=100000",
		"title:ukraine text:russia", "byline:*", "id:eq-0005 OR id:eq-0006", "id:eq-0401", `"the war" ukraine`)
	seen := map[string]bool{}
	out := qs[:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// variants are the requests each query is asked in: the first page with
// facets, walks by token in every order, numbered pages forward and back,
// deep pages by number, and an export's pages of every copy.
type variant struct {
	name  string
	req   Request
	walks int // follow Next this many times
	back  int // then Prev this many times
}

func variants(q string) []variant {
	return []variant{
		{name: "page 1", req: Request{Query: q}},
		{name: "newest by token", req: Request{Query: q, Sort: SortNewest, Size: 7, NoFacets: true}, walks: 2},
		{name: "oldest from 3", req: Request{Query: q, Sort: SortOldest, Size: 5, From: 3, NoFacets: true}, walks: 1},
		{name: "relevance by token", req: Request{Query: q, Size: 3, NoFacets: true}, walks: 2},
		{name: "numbered", req: Request{Query: q, Numbered: true, Size: 4, From: 8}, walks: 1, back: 2},
		{name: "numbered newest", req: Request{Query: q, Numbered: true, Sort: SortNewest, Size: 6, From: 30, NoFacets: true}, walks: 1, back: 1},
		{name: "export", req: Request{Query: q, AllCopies: true, Size: MaxSize, NoFacets: true}, walks: 1},
	}
}

func TestSearchAgreesWithReference(t *testing.T) {
	idx, first, now := equivalenceIndex(t)
	ctx := context.Background()
	compared, nonEmpty := 0, 0
	for qi, q := range equivalenceQueries(t, first, now) {
		// The first page with facets, and for every third query one other
		// way of asking, by turns.
		vs := variants(q)
		asked := vs[:1]
		if qi%3 == 0 {
			asked = append(asked, vs[1+qi/3%(len(vs)-1)])
		}
		for _, v := range asked {
			name := fmt.Sprintf("%s/%s", q, v.name)
			req := v.req
			for step := 0; step <= v.walks+v.back; step++ {
				want, werr := idx.refSearch(ctx, req, now)
				got, gerr := idx.search(ctx, req, now)
				compared++
				if d := resultDiff(want, werr, got, gerr); d != "" {
					t.Errorf("%s (step %d, %+v): %s", name, step, req, d)
					break
				}
				// Asked again, the search by relevance knows each month's
				// best and leaves out those that cannot place a hit.
				got, gerr = idx.search(ctx, req, now)
				if d := resultDiff(want, werr, got, gerr); d != "" {
					t.Errorf("%s (step %d, asked again, %+v): %s", name, step, req, d)
					break
				}
				if werr != nil {
					break
				}
				if want.Total > 0 {
					nonEmpty++
				}
				switch {
				case step < v.walks && want.Next != "":
					req.After, req.Before = want.Next, ""
				case step >= v.walks && want.Prev != "" && req.Numbered:
					req.Before, req.After = want.Prev, ""
				default:
					step = v.walks + v.back
				}
				req.From = 0
			}
		}
	}
	// A comparison of searches that read every month says little of
	// leaving months out.
	if idx.stats.skipped() == 0 {
		t.Errorf("no search by relevance left out a month shard")
	}
	t.Logf("month shards left out: %d", idx.stats.skipped())
	// A comparison of empty answers says little.
	if nonEmpty < compared/2 {
		t.Errorf("only %d of %d compared answers found anything", nonEmpty, compared)
	}
	t.Logf("%d answers compared, %d with hits", compared, nonEmpty)
}

// resultDiff says how got differs from want, or "" when it does not:
// everything but the time taken, where the answer says what is
// approximate, the rest exact.
func resultDiff(want *Result, werr error, got *Result, gerr error) string {
	switch {
	case werr != nil || gerr != nil:
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			return fmt.Sprintf("error %v, want %v", gerr, werr)
		}
		return ""
	}
	if got.Total != want.Total {
		return fmt.Sprintf("total %d, want %d", got.Total, want.Total)
	}
	if !reflect.DeepEqual(got.Notes, want.Notes) {
		return fmt.Sprintf("notes %q, want %q", got.Notes, want.Notes)
	}
	if len(got.Hits) != len(want.Hits) {
		return fmt.Sprintf("%d hits %v, want %d %v", len(got.Hits), ids(got), len(want.Hits), ids(want))
	}
	for i := range want.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.ID != w.ID || g.Score != w.Score {
			return fmt.Sprintf("hit %d is %s (score %v), want %s (score %v); hits %v, want %v", i, g.ID, g.Score, w.ID, w.Score, ids(got), ids(want))
		}
		if marksOverlap(g.Snippet, w.Snippet) && marksOverlap(g.TitleHTML, w.TitleHTML) {
			g.Snippet, g.TitleHTML = w.Snippet, w.TitleHTML
		}
		if !reflect.DeepEqual(g, w) {
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(w)
			return fmt.Sprintf("hit %d (%s):\n got %s\nwant %s", i, g.ID, firstDiff(string(gj), string(wj)), firstDiff(string(wj), string(gj)))
		}
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		gj, _ := json.Marshal(got.Facets)
		wj, _ := json.Marshal(want.Facets)
		return fmt.Sprintf("facets:\n got %s\nwant %s", firstDiff(string(gj), string(wj)), firstDiff(string(wj), string(gj)))
	}
	if got.Next != want.Next || got.Prev != want.Prev {
		return fmt.Sprintf("next %q prev %q, want %q %q", got.Next, got.Prev, want.Next, want.Prev)
	}
	if got.Partial != want.Partial || !reflect.DeepEqual(got.MissedShards, want.MissedShards) {
		return fmt.Sprintf("partial %v %v, want %v %v", got.Partial, got.MissedShards, want.Partial, want.MissedShards)
	}
	return ""
}

// marksOverlap says two highlighted snippets differ at most in how
// overlapping matches are marked: the same text, and every mark of each
// over text a mark of the other covers too. Where two matched terms
// overlap ("Ukrainian" and the joined "Ukrainian-Russian"), Bleve's
// highlighter merges them in the order its map of terms gives, which
// changes from one run to the next: one mark, or two side by side. The
// fragment is centred on the marks, so a longer mark can shift it: then
// the texts need only share a stretch, and the marked words agree.
func marksOverlap(a, b string) bool {
	if a == b {
		return true
	}
	ta, ma := markSpans(a)
	tb, mb := markSpans(b)
	if ta != tb {
		return shareStretch(ta, tb, 40) && markedAlike(a, b) && markedAlike(b, a)
	}
	covered := func(x [2]int, in [][2]int) bool {
		for _, y := range in {
			if x[0] < y[1] && y[0] < x[1] {
				return true
			}
		}
		return false
	}
	for _, x := range ma {
		if !covered(x, mb) {
			return false
		}
	}
	for _, x := range mb {
		if !covered(x, ma) {
			return false
		}
	}
	return true
}

// markSpans is s without its marks, and where each mark was in it.
func markSpans(s string) (string, [][2]int) {
	var text strings.Builder
	var spans [][2]int
	for {
		i := strings.Index(s, "<mark>")
		if i < 0 {
			text.WriteString(s)
			return text.String(), spans
		}
		text.WriteString(s[:i])
		s = s[i+len("<mark>"):]
		j := strings.Index(s, "</mark>")
		if j < 0 {
			j = len(s)
		}
		start := text.Len()
		text.WriteString(s[:j])
		spans = append(spans, [2]int{start, text.Len()})
		s = s[min(len(s), j+len("</mark>")):]
	}
}

// firstDiff is a from where it starts to differ from b, shortened.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-60)
	end := min(len(a), i+100)
	return strings.ToValidUTF8("…"+a[start:end]+"…", "")
}

// shareStretch says a and b hold a common run of n bytes.
func shareStretch(a, b string, n int) bool {
	if len(a) < n || len(b) < n {
		return a == b
	}
	for i := 0; i+n <= len(a); i++ {
		if strings.Contains(b, a[i:i+n]) {
			return true
		}
	}
	return false
}

// markedAlike says every word marked in a is, or is part of, or holds,
// a word marked in b.
func markedAlike(a, b string) bool {
	ta, ma := markSpans(a)
	tb, mb := markSpans(b)
	for _, x := range ma {
		wx := ta[x[0]:x[1]]
		found := false
		for _, y := range mb {
			wy := tb[y[0]:y[1]]
			if strings.Contains(wx, wy) || strings.Contains(wy, wx) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
