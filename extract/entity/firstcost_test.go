package entity

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// firstArticleEnv makes the test binary, run again as a child, tag one
// article twice in a fresh process and print what each time took.
const firstArticleEnv = "DEFWATCH_ENTITY_FIRST_ARTICLE"

// TestFirstArticleChild is the child's side of BenchmarkFirstArticle; it
// does nothing in an ordinary test run.
func TestFirstArticleChild(t *testing.T) {
	path := os.Getenv(firstArticleEnv)
	if path == "" {
		return
	}
	buf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(buf)
	var took [2]time.Duration
	for i := range took {
		start := time.Now()
		allTaggers(text)
		took[i] = time.Since(start)
	}
	fmt.Printf("first-article %d %d\n", took[0].Nanoseconds(), took[1].Nanoseconds())
}

// BenchmarkFirstArticle tags the wire article twice in each of b.N fresh
// processes and reports the first call and the second (ms, medians over
// the processes): whatever the taggers build on first use is paid by the
// first article of a `defwatch extract`.
func BenchmarkFirstArticle(b *testing.B) {
	var first, second []float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstArticleChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), firstArticleEnv+"="+wireArticle)
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var f, s int64
		for line := range strings.Lines(string(out)) {
			if rest, ok := strings.CutPrefix(line, "first-article "); ok {
				fs := strings.Fields(rest)
				f, _ = strconv.ParseInt(fs[0], 10, 64)
				s, _ = strconv.ParseInt(fs[1], 10, 64)
			}
		}
		if f == 0 || s == 0 {
			b.Fatalf("child printed no timings:\n%s", out)
		}
		first = append(first, float64(f)/1e6)
		second = append(second, float64(s)/1e6)
	}
	b.ReportMetric(median(first), "first-ms")
	b.ReportMetric(median(second), "second-ms")
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}
