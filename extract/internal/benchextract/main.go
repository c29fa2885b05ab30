// Command benchextract scores defwatch's extractor on the extraction
// benchmarks: article-extraction (181 news pages, the set the extractor was
// built against) and extraction-dev (750 English article pages), the
// latter in its dev part and its held-out part (see
// extract/internal/benchset/split.go). Each page takes the path `defwatch
// extract` takes (charset.Decode, then extract.FromPage), timed in-process
// (the median of -runs runs per page, then p50 and p95 over the pages), and
// the predictions are scored by the benchmark's evaluate.py. The held-out
// part prints one row and nothing page by page.
//
//	make bench-extract
//	go run ./extract/internal/benchextract -runs 1 -out /tmp/pred
//	../shared/bench/extraction-dev/evaluate.sh /tmp/pred/extraction-dev-dev -v --sort f1
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/extract/internal/benchset"
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
	shared := fs.String("shared", "", "the shared folder that holds bench/ (default: ../shared or ../../shared)")
	split := fs.String("split", filepath.Join("extract", "internal", "benchset", "split.tsv"), "extraction-dev's split into dev and held-out pages")
	out := fs.String("out", "", "directory for the predictions, one folder per set (default: a new temporary directory)")
	runs := fs.Int("runs", 5, "timed runs per page; each page counts with the median of its runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("benchextract: -runs is %d: give at least 1", *runs)
	}
	dir, err := benchset.Find(*shared)
	if err != nil {
		return err
	}
	sets, err := benchset.Load(dir, *split)
	if err != nil {
		return err
	}
	if *out == "" {
		if *out, err = os.MkdirTemp("", "benchextract-"); err != nil {
			return fmt.Errorf("benchextract: %w", err)
		}
	}
	load := loadAverage()
	var results []*benchset.Result
	langs := map[string]map[string]string{}
	kinds := map[string]map[string]int{}
	for _, s := range sets {
		texts, lang, kind, times, cpu, err := extractSet(ctx, s, *runs)
		if err != nil {
			return err
		}
		r, err := s.Score(ctx, filepath.Join(*out, slug(s.Name)), texts, times, cpu)
		if err != nil {
			return err
		}
		results = append(results, r)
		langs[s.Name], kinds[s.Name] = lang, kind
	}

	fmt.Fprintf(stdout, "defwatch extract (charset.Decode + extract.FromPage), %d timed runs per page; load average before %s, after %s\n",
		*runs, load, loadAverage())
	fmt.Fprintf(stdout, "ms/page: the median of the runs of each page, then p50 and p95 over the pages, wall clock and the CPU time of the thread\n")
	fmt.Fprintf(stdout, "snip-in: share of the gold-meta snippets the text must hold that it holds; boiler: share of those it must not hold that it holds\n\n")
	benchset.PrintHeader(stdout, "extractor")
	for _, r := range results {
		benchset.PrintRow(stdout, "defwatch", r)
	}
	fmt.Fprintf(stdout, "\nby language of the page (as defwatch reads it), pages that are not held out\n")
	fmt.Fprintf(stdout, "%-24s %-6s %5s %6s %6s %6s %5s\n", "set", "lang", "pages", "F1", "P", "R", "empty")
	for _, r := range results {
		for _, g := range r.Group(langs[r.Set]) {
			fmt.Fprintf(stdout, "%-24s %-6s %5d %6.3f %6.3f %6.3f %5d\n", r.Set, g.Label, g.Pages, g.F1, g.Precision, g.Recall, g.Empty)
		}
	}
	fmt.Fprintf(stdout, "\nkind of page (every page of these sets is an article by the benchmarks' choice)\n")
	for _, r := range results {
		k := kinds[r.Set]
		fmt.Fprintf(stdout, "%-24s article %d, listing %d, other %d\n", r.Set,
			k[defwatch.KindArticle], k[defwatch.KindListing], k[defwatch.KindOther])
	}
	fmt.Fprintf(stdout, "\npredictions in %s\n", *out)
	return nil
}

// extractSet runs the extractor over every page of s.
func extractSet(ctx context.Context, s *benchset.Set, runs int) (texts, lang map[string]string, kinds map[string]int, times, cpu []time.Duration, err error) {
	texts, lang, kinds = map[string]string{}, map[string]string{}, map[string]int{}
	for _, p := range s.Pages {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, nil, nil, err
		}
		var a *defwatch.Article
		d, c, err := benchset.Measure(runs, func() error {
			var err error
			a, err = fromBytes(p)
			if errors.Is(err, extract.ErrEmpty) {
				a, err = &defwatch.Article{}, nil
			}
			return err
		})
		if err != nil {
			return nil, nil, nil, nil, nil, fmt.Errorf("benchextract: %s page %s: %w", s.Name, p.ID, err)
		}
		times, cpu = append(times, d), append(cpu, c)
		texts[p.ID] = a.Text
		if !s.HeldOut {
			lang[p.ID] = a.Lang
		}
		kinds[a.Kind]++
	}
	return texts, lang, kinds, times, cpu, nil
}

// fromBytes is what `defwatch extract --url URL FILE` does with a page.
func fromBytes(p benchset.Page) (*defwatch.Article, error) {
	html, enc, err := charset.Decode(p.Raw, "")
	if err != nil {
		return nil, err
	}
	return extract.FromPage(&defwatch.Page{URL: p.URL, HTML: string(html), Charset: enc})
}

func slug(name string) string { return strings.ReplaceAll(name, " ", "-") }

// loadAverage tells the reader whether something else ran during the
// timing, which the times alone cannot show.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
