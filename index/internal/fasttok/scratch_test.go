package fasttok

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestScratchCorpora(t *testing.T) {
	var files []string
	filepath.Walk("/work/shared/corpus/news", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	unsafeRunes := map[rune]int{}
	total, fast := 0, 0
	for _, p := range files {
		f, _ := os.Open(p)
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			r, _ = gzip.NewReader(f)
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			line := sc.Bytes()
			total++
			if checkTokenize(t, line) {
				fast++
			} else {
				seen := map[rune]bool{}
				for _, c := range string(line) {
					if classOf(c) == unsafe && !seen[c] {
						seen[c] = true
						unsafeRunes[c]++
					}
				}
			}
		}
		f.Close()
	}
	t.Logf("%d files, %d lines, %d fast", len(files), total, fast)
	type kv struct{ r rune; n int }
	var l []kv
	for r, n := range unsafeRunes { l = append(l, kv{r, n}) }
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n })
	for i, x := range l { if i < 60 { t.Logf("%U %q %d", x.r, x.r, x.n) } }
}
