package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestCorpus runs both taggers over real articles (gzip JSONL with a
// "text" field) and checks what must hold for any article. It reads the
// repository's 200-article sample; DEFWATCH_CORPUS points it at another
// file, such as the whole corpus.
func TestCorpus(t *testing.T) {
	path := os.Getenv("DEFWATCH_CORPUS")
	if path == "" {
		path = "../../testdata/articles.jsonl.gz"
	}
	var articles, troops int
	eachSampleArticle(t, path, func(id, _, text string) {
		articles++
		for _, n := range Nations(text) {
			if n.Count < 1 || n.Name == "" {
				t.Errorf("%s: bad nation %+v", id, n)
			}
		}
		for _, tr := range Troops(text) {
			troops++
			if tr.Min > tr.Max || tr.Min < 1 || !strings.Contains(text, tr.Text) || tr.Unit == "" {
				t.Errorf("%s: bad troop figure %+v", id, tr)
			}
		}
	})
	if articles == 0 || troops == 0 {
		t.Errorf("read %d articles and %d troop figures; want some of each", articles, troops)
	}
}

// eachSampleArticle calls fn with the id, title and text of each article
// of a gzipped JSON-lines file, such as the repository's sample.
func eachSampleArticle(t *testing.T, path string, fn func(id, title, text string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		var a struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s line %d: %v", path, line, err)
		}
		fn(a.ID, a.Title, a.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
