package entity

import (
	"os"
	"strings"
	"testing"
	"time"
)

// benchTag runs every tagger, as the extract stage does, over one article.
func benchTag(b *testing.B, path string) {
	buf, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text := string(buf)
	b.ReportMetric(float64(len(strings.Fields(text))), "words")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	published := time.Date(2024, 5, 13, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		Nations(text)
		Troops(text)
		Meetings(text, published)
		Orgs(text)
		People(text)
		Places(text)
	}
}

// BenchmarkTag runs all six taggers over a 1,080-word English wire article
// from the corpus, the size the extract stage sees most.
func BenchmarkTag(b *testing.B) { benchTag(b, "testdata/gdelt-dc57ec8f01.txt") }

// BenchmarkTagUkrainian does the same over a Ukrainian address, where the
// stem tables and Cyrillic rules do their work.
func BenchmarkTagUkrainian(b *testing.B) {
	files, err := os.ReadDir("testdata/parallel")
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		if strings.Contains(f.Name(), "uk") {
			benchTag(b, "testdata/parallel/"+f.Name())
			return
		}
	}
	b.Fatal("no Ukrainian article in testdata/parallel")
}
