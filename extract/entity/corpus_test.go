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
	var articles, troops int
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", articles+1, err)
		}
		articles++
		for _, n := range Nations(a.Text) {
			if n.Count < 1 || n.Name == "" {
				t.Errorf("%s: bad nation %+v", a.ID, n)
			}
		}
		for _, tr := range Troops(a.Text) {
			troops++
			if tr.Min > tr.Max || tr.Min < 1 || !strings.Contains(a.Text, tr.Text) || tr.Unit == "" {
				t.Errorf("%s: bad troop figure %+v", a.ID, tr)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if articles == 0 || troops == 0 {
		t.Errorf("read %d articles and %d troop figures; want some of each", articles, troops)
	}
}
