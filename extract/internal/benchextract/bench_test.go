package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/defwatch/defwatch/extract"
)

// BenchmarkFromPage times what `defwatch extract` does with a fetched page,
// bytes to tagged Article, over the article-extraction benchmark's pages
// (DEFWATCH_BENCH_DIR, or the shared checkout beside the repository).
// content.BenchmarkParse times the text extraction alone.
//
//	go test -run '^$' -bench FromPage ./extract/internal/benchextract/
func BenchmarkFromPage(b *testing.B) {
	dir := os.Getenv("DEFWATCH_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "bench", "article-extraction")
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no benchmark pages: %v", err)
	}
	pages, err := loadPages(dir)
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, p := range pages {
		size += len(p.Raw)
	}
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := fromBytes(pages[i%len(pages)]); err != nil && !errors.Is(err, extract.ErrEmpty) {
			b.Fatal(err)
		}
	}
}
