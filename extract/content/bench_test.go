package content

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse runs over the article-extraction benchmark's pages when they
// are present (DEFWATCH_BENCH_DIR or the shared checkout), else over the
// benchmark pages kept in testdata.
func BenchmarkParse(b *testing.B) {
	dir := os.Getenv("DEFWATCH_BENCH_DIR")
	if dir == "" {
		dir = "/work/shared/bench/article-extraction"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "bench", "*.html.gz"))
	}
	if len(files) == 0 {
		b.Skip("no benchmark pages")
	}
	pages := make([]string, len(files))
	size := 0
	for i, f := range files {
		pages[i] = readFixture(b, f)
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(pages[i%len(pages)], "https://example.com/news/story"); err != nil {
			b.Fatal(err)
		}
	}
}
