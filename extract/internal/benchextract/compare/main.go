// Command compare puts defwatch's extractor next to other article
// extractors on the extraction benchmarks (article-extraction, and
// extraction-dev in its dev and held-out parts, see
// extract/internal/benchset), in one run on one machine: every extractor
// gets the same pages as the same decoded string, is timed in-process (the
// median of several runs per page, then p50 and p95 over the pages), and is
// scored by the benchmark's evaluate.py.
//
// It is a module of its own so that the libraries it compares against never
// enter defwatch's go.mod. Readability.js runs in node, from readability/,
// when -node is given (it takes minutes).
//
//	make bench-extract-compare
//	cd extract/internal/benchextract/compare && go run . -runs 5 -out /tmp/compare
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/defwatch/defwatch/extract/internal/benchset"
	"github.com/defwatch/defwatch/ingest/charset"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("compare", "err", err)
		os.Exit(1)
	}
}

// page is one benchmark page, decoded once: every extractor parses this same
// string, so none is timed for decoding and none reads different text.
type page struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	HTML string `json:"-"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "", "the shared folder that holds bench/ (default: ../shared or ../../shared from the repository root)")
	split := fs.String("split", filepath.Join("..", "..", "benchset", "split.tsv"), "extraction-dev's split into dev and held-out pages")
	out := fs.String("out", "", "directory for one folder of predictions per extractor and set (default: a new temporary directory)")
	runs := fs.Int("runs", 3, "timed runs per page; each page counts with the median of its runs")
	node := fs.Bool("node", false, "also run Readability.js in node (needs npm ci in -readability)")
	readabilityDir := fs.String("readability", "readability", "folder of the Readability.js script, with its node_modules installed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("compare: -runs is %d: give at least 1", *runs)
	}
	if *shared == "" {
		root := filepath.Join("..", "..", "..", "..")
		for _, c := range []string{filepath.Join(root, "..", "shared"), filepath.Join(root, "..", "..", "shared")} {
			if _, err := os.Stat(c); err == nil {
				*shared = c
				break
			}
		}
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
		if *out, err = os.MkdirTemp("", "benchextract-compare-"); err != nil {
			return fmt.Errorf("compare: %w", err)
		}
	}
	loadBefore := loadAverage()

	type row struct {
		set *benchset.Set
		res []*result
	}
	var rows []row
	var notes []string
	for _, s := range sets {
		pages, err := decode(s)
		if err != nil {
			return err
		}
		rw := row{set: s}
		for _, x := range goExtractors() {
			fmt.Fprintf(stderr, "%s: timing %s...\n", s.Name, x.name)
			// Each extractor starts on a clean heap, so none pays for the
			// garbage of the one before it.
			runtime.GC()
			r, err := runGo(ctx, x, pages, *runs)
			if err != nil {
				return err
			}
			if r.score, err = s.Score(ctx, filepath.Join(*out, slug(s.Name), x.slug), r.texts, r.medians, r.cpu); err != nil {
				return err
			}
			rw.res = append(rw.res, r)
		}
		if *node {
			fmt.Fprintf(stderr, "%s: timing Readability.js in node...\n", s.Name)
			r, err := runNode(ctx, *readabilityDir, pages, *runs, filepath.Join(*out, slug(s.Name)), stderr)
			if err != nil {
				notes = append(notes, fmt.Sprintf("Readability.js is left out of %s: %v", s.Name, err))
			} else if r.score, err = s.Score(ctx, filepath.Join(*out, slug(s.Name), "readability-js"), r.texts, r.medians, nil); err != nil {
				return err
			} else {
				rw.res = append(rw.res, r)
			}
		}
		rows = append(rows, rw)
	}

	fmt.Fprintf(stdout, "%d timed runs per page, %s/%s, %d CPUs, %s; load average before %s, after %s\n",
		*runs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), loadBefore, loadAverage())
	fmt.Fprintf(stdout, "ms/page: the median of the runs of each page, then p50 and p95 over the pages, wall clock and the CPU time of the thread (none for node)\n")
	fmt.Fprintf(stdout, "snip-in: share of the gold-meta snippets the text must hold that it holds; boiler: share of those it must not hold that it holds\n")
	fmt.Fprintf(stdout, "predictions in %s (none for the held-out part)\n\n", *out)
	benchset.PrintHeader(stdout, "extractor")
	for _, rw := range rows {
		for _, r := range rw.res {
			benchset.PrintRow(stdout, r.name, r.score)
			if len(r.failed) > 0 {
				msg := fmt.Sprintf("%s gave an error on %d of %d pages of %s, scored as empty", r.name, len(r.failed), len(rw.set.Pages), rw.set.Name)
				if !rw.set.HeldOut {
					msg += ": " + r.failures()
				}
				notes = append(notes, msg)
			}
		}
		fmt.Fprintln(stdout)
	}
	for _, n := range notes {
		fmt.Fprintf(stdout, "- %s\n", n)
	}
	return nil
}

// decode turns a set's pages into the strings every extractor reads, the
// way defwatch's fetcher decodes them.
func decode(s *benchset.Set) ([]page, error) {
	pages := make([]page, 0, len(s.Pages))
	for _, p := range s.Pages {
		html, _, err := charset.Decode(p.Raw, "")
		if err != nil {
			return nil, fmt.Errorf("compare: %s page %s: %w", s.Name, p.ID, err)
		}
		pages = append(pages, page{ID: p.ID, URL: p.URL, HTML: string(html)})
	}
	return pages, nil
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
