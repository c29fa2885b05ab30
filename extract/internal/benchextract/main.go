// Command benchextract scores defwatch's extractor on the article-extraction
// benchmark. Each page takes the path `defwatch extract` takes (charset.Decode,
// then extract.FromPage); the command writes one <id>.txt prediction per page,
// times the extraction in-process, and prints the score of the benchmark's
// evaluate.py next to the times.
//
//	make bench-extract
//	go run ./extract/internal/benchextract -bench ../shared/bench/article-extraction -out /tmp/pred -runs 7
//	python3 ../shared/bench/article-extraction/evaluate.py /tmp/pred -v --sort f1
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/extract/content"
	"github.com/defwatch/defwatch/ingest/charset"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("benchextract", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchextract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bench := fs.String("bench", filepath.Join("..", "shared", "bench", "article-extraction"),
		"benchmark directory (html/, ground-truth.json, evaluate.py); the default is relative to the repository root")
	out := fs.String("out", "", "directory for the <id>.txt predictions (default: a new temporary directory)")
	runs := fs.Int("runs", 5, "timed runs per page; each page counts with the median of its runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("benchextract: -runs is %d: give at least 1", *runs)
	}
	pages, err := loadPages(*bench)
	if err != nil {
		return err
	}
	if *out == "" {
		if *out, err = os.MkdirTemp("", "benchextract-"); err != nil {
			return fmt.Errorf("benchextract: %w", err)
		}
	} else if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("benchextract: %w", err)
	}

	var full, parse []time.Duration
	empty := 0
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		var text string
		d, err := median(*runs, func() error {
			a, err := fromBytes(p)
			switch {
			case errors.Is(err, extract.ErrEmpty):
				text = ""
			case err != nil:
				return err
			default:
				text = a.Text
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("benchextract: page %s: %w", p.ID, err)
		}
		full = append(full, d)
		if text == "" {
			empty++
		}
		if err := os.WriteFile(filepath.Join(*out, p.ID+".txt"), []byte(text), 0o644); err != nil {
			return fmt.Errorf("benchextract: %w", err)
		}

		// content.Parse alone gets the decoded page, as FromPage does, so the
		// difference between the two lines is text repair and tagging.
		html, _, err := charset.Decode(p.Raw, "")
		if err != nil {
			return fmt.Errorf("benchextract: page %s: %w", p.ID, err)
		}
		s := string(html)
		d, err = median(*runs, func() error {
			_, err := content.Parse(s, p.URL)
			return err
		})
		if err != nil {
			return fmt.Errorf("benchextract: page %s: %w", p.ID, err)
		}
		parse = append(parse, d)
	}

	fmt.Fprintf(stdout, "pages: %d (%d with no text), runs per page: %d, predictions in %s\n\n",
		len(pages), empty, *runs, *out)
	fmt.Fprintf(stdout, "%-34s %8s %8s\n", "ms/page (median of runs per page)", "p50", "p95")
	for _, row := range []struct {
		label string
		times []time.Duration
	}{
		{"charset.Decode + extract.FromPage", full},
		{"content.Parse alone", parse},
	} {
		fmt.Fprintf(stdout, "%-34s %8.2f %8.2f\n", row.label, ms(percentile(row.times, 50)), ms(percentile(row.times, 95)))
	}
	fmt.Fprintln(stdout)
	return evaluate(ctx, *bench, *out, stdout, stderr)
}

// benchPage is one page of the benchmark, as the bytes a fetch would give.
type benchPage struct {
	ID, URL string
	Raw     []byte
}

// fromBytes is what `defwatch extract --url URL FILE` does with a page.
func fromBytes(p benchPage) (*defwatch.Article, error) {
	html, enc, err := charset.Decode(p.Raw, "")
	if err != nil {
		return nil, err
	}
	return extract.FromPage(&defwatch.Page{URL: p.URL, HTML: string(html), Charset: enc})
}

// loadPages reads every page of the benchmark in dir with its URL from
// ground-truth.json, which the extractor needs to resolve links and ids.
func loadPages(dir string) ([]benchPage, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("benchextract: %w (run from the repository root, or give -bench)", err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("benchextract: %s: %w", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("benchextract: no pages in %s: is -bench right?", filepath.Join(dir, "html"))
	}
	pages := make([]benchPage, 0, len(files))
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		t, ok := truth[id]
		if !ok {
			return nil, fmt.Errorf("benchextract: %s is not in ground-truth.json", f)
		}
		raw, err := gunzip(f)
		if err != nil {
			return nil, err
		}
		pages = append(pages, benchPage{ID: id, URL: t.URL, Raw: raw})
	}
	return pages, nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("benchextract: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("benchextract: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("benchextract: %s: %w", path, err)
	}
	return b, nil
}

// median runs f n times and returns its median time: a single run would
// also measure whatever else the machine did at that moment.
func median(n int, f func() error) (time.Duration, error) {
	times := make([]time.Duration, n)
	for i := range times {
		start := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		times[i] = time.Since(start)
	}
	slices.Sort(times)
	return times[n/2], nil
}

// percentile is the nearest-rank percentile: a time one of the pages took.
func percentile(d []time.Duration, p float64) time.Duration {
	s := slices.Sorted(slices.Values(d))
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// evaluate scores the predictions with the benchmark's own scorer, so the
// figures are the ones its README and other extractors report.
func evaluate(ctx context.Context, bench, out string, stdout, stderr io.Writer) error {
	cmd := exec.CommandContext(ctx, "python3", filepath.Join(bench, "evaluate.py"), "--name", "defwatch", out)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("benchextract: %s: %w (is python3 installed?)", strings.Join(cmd.Args, " "), err)
	}
	return nil
}
