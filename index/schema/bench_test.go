package schema

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"github.com/defwatch/defwatch/index/internal/fasttok"
)

// BenchmarkAnalyze is the analysis of the sample archive's texts, the
// bulk of indexing's work, by the analysis of each text's language, beside
// the language-blind analyser shards of schema version 1 used. Its
// ns/op is per text; MB/s over the texts' bytes.
func BenchmarkAnalyze(b *testing.B) {
	f, err := os.Open("../../testdata/articles.jsonl.gz")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	type text struct{ lang, body string }
	var texts []text
	size := 0
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, text{r.Lang, r.Text})
		size += len(r.Text)
	}
	old, err := registry.NewCache().AnalyzerNamed(fasttok.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("v1-standard", func(b *testing.B) {
		b.SetBytes(int64(size / len(texts)))
		for i := 0; b.Loop(); i++ {
			old.Analyze([]byte(texts[i%len(texts)].body))
		}
	})
	b.Run("v2-by-language", func(b *testing.B) {
		b.SetBytes(int64(size / len(texts)))
		for i := 0; b.Loop(); i++ {
			t := texts[i%len(texts)]
			Analyzer("text", AnalysisOf(t.lang)).Analyze([]byte(t.body))
		}
	})
}
