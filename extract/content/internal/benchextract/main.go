// Command benchextract runs the content extractor over the article-extraction
// benchmark: it writes one <id>.txt prediction per page for the benchmark's
// evaluate.py and prints the extraction time per page, measured in-process.
//
//	go run ./extract/content/internal/benchextract -bench /work/shared/bench/article-extraction -out /tmp/pred
//	python3 /work/shared/bench/article-extraction/evaluate.py /tmp/pred -v --sort f1
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch/extract/content"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		slog.Error("benchextract", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("benchextract", flag.ContinueOnError)
	bench := fs.String("bench", "/work/shared/bench/article-extraction", "benchmark directory (html/, ground-truth.json)")
	out := fs.String("out", "", "directory for the <id>.txt predictions (required)")
	runs := fs.Int("runs", 5, "timed runs per page")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("benchextract: -out is required: give a directory for the predictions")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("benchextract: %w", err)
	}
	urls, err := readURLs(filepath.Join(*bench, "ground-truth.json"))
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*bench, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("benchextract: no pages in %s/html: is -bench right?", *bench)
	}
	// Each page gets two times: the median of its runs, and the fastest,
	// which filters out what other processes on a shared machine cost us.
	var medians, fastest []time.Duration
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		page, err := readGzip(f)
		if err != nil {
			return err
		}
		var doc content.Document
		times := make([]time.Duration, 0, *runs)
		for range max(*runs, 1) {
			start := time.Now()
			doc, err = content.Parse(page, urls[id])
			times = append(times, time.Since(start))
			if err != nil {
				return fmt.Errorf("benchextract: %s: %w", id, err)
			}
		}
		slices.Sort(times)
		medians = append(medians, times[len(times)/2])
		fastest = append(fastest, times[0])
		if err := os.WriteFile(filepath.Join(*out, id+".txt"), []byte(doc.Text), 0o644); err != nil {
			return fmt.Errorf("benchextract: %w", err)
		}
	}
	report := func(label string, d []time.Duration) {
		slices.Sort(d)
		var sum time.Duration
		for _, x := range d {
			sum += x
		}
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Fprintf(stdout, "ms/page (%s): p50 %.2f  p95 %.2f  mean %.2f  max %.2f\n", label,
			ms(d[len(d)/2]), ms(d[len(d)*95/100]), ms(sum/time.Duration(len(d))), ms(d[len(d)-1]))
	}
	fmt.Fprintf(stdout, "pages: %d, runs per page: %d\n", len(medians), max(*runs, 1))
	report("median of runs", medians)
	report("fastest run", fastest)
	fmt.Fprintf(stdout, "score: python3 %s %s -v --sort f1\n", filepath.Join(*bench, "evaluate.py"), *out)
	return nil
}

func readURLs(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("benchextract: %w", err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("benchextract: %s: %w", path, err)
	}
	urls := make(map[string]string, len(truth))
	for id, t := range truth {
		urls[id] = t.URL
	}
	return urls, nil
}

func readGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("benchextract: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("benchextract: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("benchextract: %s: %w", path, err)
	}
	return string(b), nil
}
