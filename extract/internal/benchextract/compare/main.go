// Command compare puts defwatch's extractor next to other article extractors
// on the article-extraction benchmark, in one run on one machine: every
// extractor gets the same pages as the same decoded string, is timed
// in-process (the median of several runs per page, then p50 and p95 over the
// pages), and is scored by the benchmark's evaluate.py.
//
// It is a module of its own so that the libraries it compares against never
// enter defwatch's go.mod. Readability.js runs in node, from readability/.
//
//	make bench-extract-compare
//	cd extract/internal/benchextract/compare && go run . -runs 7 -out /tmp/compare
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
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("compare", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bench := fs.String("bench", filepath.Join("..", "..", "..", "..", "..", "shared", "bench", "article-extraction"),
		"benchmark directory (html/, ground-truth.json, evaluate.py); the default is relative to this module's directory")
	out := fs.String("out", "", "directory for one folder of predictions per extractor (default: a new temporary directory)")
	runs := fs.Int("runs", 5, "timed runs per page; each page counts with the median of its runs")
	readabilityDir := fs.String("readability", "readability", "folder of the Readability.js script, with its node_modules installed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("compare: -runs is %d: give at least 1", *runs)
	}
	pages, err := loadPages(*bench)
	if err != nil {
		return err
	}
	if *out == "" {
		if *out, err = os.MkdirTemp("", "benchextract-compare-"); err != nil {
			return fmt.Errorf("compare: %w", err)
		}
	}
	loadBefore := loadAverage()

	var results []*result
	for _, x := range goExtractors() {
		fmt.Fprintf(stderr, "timing %s...\n", x.name)
		// Each extractor starts on a clean heap, so none pays for the
		// garbage of the one before it.
		runtime.GC()
		r, err := runGo(ctx, x, pages, *runs, filepath.Join(*out, x.slug))
		if err != nil {
			return err
		}
		results = append(results, r)
	}

	var notes []string
	fmt.Fprintf(stderr, "timing Readability.js in node...\n")
	if r, err := runNode(ctx, *readabilityDir, pages, *runs, *out, stderr); err != nil {
		notes = append(notes, fmt.Sprintf("Readability.js is left out: %v", err))
	} else {
		results = append(results, r)
	}
	loadAfter := loadAverage()

	for _, r := range results {
		if err := r.evaluate(ctx, *bench, stdout, stderr); err != nil {
			return err
		}
	}

	fmt.Fprintf(stdout, "\n%d pages, %d timed runs per page, %s/%s, %d CPUs, %s; load average before %s, after %s\n",
		len(pages), *runs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), loadBefore, loadAfter)
	fmt.Fprintf(stdout, "predictions in %s\n\n", *out)
	printTable(stdout, results)
	for _, r := range results {
		if len(r.failed) > 0 {
			notes = append(notes, fmt.Sprintf("%s gave an error on %d of %d pages, scored as empty: %s", r.name, len(r.failed), len(pages), r.failures()))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(stdout)
		for _, n := range notes {
			fmt.Fprintf(stdout, "- %s\n", n)
		}
	}
	return nil
}

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
