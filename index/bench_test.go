package index

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// sampleArticles reads the repository's 200-article sample as Articles.
func sampleArticles(b *testing.B) []*defwatch.Article {
	f, err := os.Open("../testdata/articles.jsonl.gz")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []*defwatch.Article
	for sc.Scan() {
		var r struct{ ID, URL, Source, Title, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		out = append(out, &defwatch.Article{ID: r.ID, URL: r.URL, Source: r.Source, Title: r.Title, Lang: r.Lang, Text: r.Text,
			Published: time.Date(2025, 4, 10, 9, 0, 0, 0, time.UTC), Nations: []defwatch.Nation{{Code: "UA", Count: 1}}})
	}
	return out
}

// BenchmarkPut measures the index stage's commit path: batches of 200
// articles into a fresh index on disk.
func BenchmarkPut(b *testing.B) {
	arts := sampleArticles(b)
	idx, err := Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	n := 0
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		batch := make([]*defwatch.Article, len(arts))
		for j, a := range arts {
			c := *a
			c.ID = a.ID + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
			batch[j] = &c
		}
		if _, err := idx.Put(batch); err != nil {
			b.Fatal(err)
		}
		n += len(batch)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
}

// searchIndex builds an index of n articles from the sample for the search
// benchmarks: two sample texts spliced per article so that copies are rare,
// every tenth article a wire copy of the one before, dates spread over the
// last half year, and entities in every facet.
func searchIndex(b *testing.B, n int) *Index {
	arts := sampleArticles(b)
	idx, err := Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	nations := []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 3}, {Code: "PL", Name: "Poland", Count: 2},
		{Code: "GB", Name: "United Kingdom", Count: 1}, {Code: "RU", Name: "Russia", Count: 2}, {Code: "DE", Name: "Germany", Count: 1}}
	sources := []string{"reuters.com", "apnews.com", "kyivindependent.com", "bbc.co.uk", "dw.com", "defensenews.com", "tvn24.pl"}
	now := time.Now().UTC()
	var batch []*defwatch.Article
	var prev *defwatch.Article
	for i := range n {
		a := *arts[i%len(arts)]
		if i%10 == 9 && prev != nil {
			a = *prev
			a.Text += "\n\n(Reporting by the wire; editing by the desk)"
		} else {
			other := arts[(i/len(arts)+i+1)%len(arts)].Text
			a.Text = a.Text[:len(a.Text)/2] + " " + other[len(other)/2:]
		}
		a.ID = fmt.Sprintf("art-%05d", i)
		a.Source = sources[i%len(sources)]
		a.Published = now.Add(-time.Duration(n-i) * 180 * 24 * time.Hour / time.Duration(n))
		a.Nations = []defwatch.Nation{nations[i%len(nations)], nations[(i/3)%len(nations)]}
		a.Troops, a.Meetings = nil, nil
		if i%3 == 0 {
			a.Troops = []defwatch.Troop{{Min: int64(500 * (i % 40)), Max: int64(1000 * (i % 40)), Unit: "troops", Category: defwatch.TroopStrength}}
		}
		if i%7 == 0 {
			a.Meetings = []defwatch.Meeting{{Kind: defwatch.MeetingTalks, Date: a.Published.Format(time.DateOnly)}}
		}
		prev = &a
		if batch = append(batch, &a); len(batch) == 256 || i == n-1 {
			if _, err := idx.Put(batch); err != nil {
				b.Fatal(err)
			}
			batch = nil
		}
	}
	return idx
}

// BenchmarkSearch times the searches `make bench-search` times at scale,
// on a small index: a word, the analyst's standing question with every
// facet, a phrase, and everything.
func BenchmarkSearch(b *testing.B) {
	idx := searchIndex(b, 5000)
	for _, q := range []struct{ name, q string }{
		{"keyword", "ukraine"},
		{"faceted-30d", "nation:UA troops:>=1000 last:30d"},
		{"phrase", `"peace talks"`},
		{"all", "*"},
	} {
		b.Run(q.name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				res, err := idx.Search(ctx, Request{Query: q.q})
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 {
					b.Fatalf("%s matches nothing", q.q)
				}
			}
		})
	}
}

// BenchmarkDeepPage compares the two ways the web page's numbered pages
// reach page 300 (articles 7,476 to 7,500): by its number (From), which
// ranks every article before it again, and by the token of the page before
// (After), which ranks only what follows. Facets are left out: both ways
// count them alike.
func BenchmarkDeepPage(b *testing.B) {
	const size, page = 25, 300
	idx := searchIndex(b, 20000)
	ctx := context.Background()
	for _, sort := range []struct{ name, q, sort string }{
		{"newest", "*", SortNewest},
		{"relevance", "ukraine OR troops", SortRelevance},
	} {
		// The token of page 299, walked to once.
		req := Request{Query: sort.q, Sort: sort.sort, Size: size, Numbered: true, NoFacets: true, From: (page - 2) * size}
		res, err := idx.Search(ctx, req)
		if err != nil || res.Next == "" {
			b.Fatalf("page %d: %v", page-1, err)
		}
		after := res.Next
		for _, way := range []struct {
			name string
			req  Request
		}{
			{"from", Request{Query: sort.q, Sort: sort.sort, Size: size, Numbered: true, NoFacets: true, From: (page - 1) * size}},
			{"after", Request{Query: sort.q, Sort: sort.sort, Size: size, Numbered: true, NoFacets: true, After: after}},
		} {
			b.Run(sort.name+"/"+way.name, func(b *testing.B) {
				for b.Loop() {
					res, err := idx.Search(ctx, way.req)
					if err != nil || len(res.Hits) == 0 {
						b.Fatalf("%v, %d hits", err, len(res.Hits))
					}
				}
			})
		}
	}
}
