package index

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
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
		if err := idx.Put(batch); err != nil {
			b.Fatal(err)
		}
		n += len(batch)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
}
