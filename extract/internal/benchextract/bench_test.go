package main

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/extract/internal/benchset"
)

// BenchmarkFromPage times what `defwatch extract` does with a fetched page,
// bytes to tagged Article, over the pages of the extraction benchmarks that
// are not held out (the shared folder beside the repository).
// content.BenchmarkParse times the text extraction alone.
//
//	go test -run '^$' -bench FromPage ./extract/internal/benchextract/
func BenchmarkFromPage(b *testing.B) {
	dir, err := benchset.Find(filepath.Join("..", "..", "..", "..", "shared"))
	if err != nil {
		if dir, err = benchset.Find(filepath.Join("..", "..", "..", "..", "..", "shared")); err != nil {
			b.Skipf("no benchmark pages: %v", err)
		}
	}
	sets, err := benchset.Load(dir, filepath.Join("..", "benchset", "split.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []benchset.Page
	for _, s := range sets {
		if !s.HeldOut {
			pages = append(pages, s.Pages...)
		}
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
