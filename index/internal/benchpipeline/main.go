// Command benchpipeline measures the whole pipeline: an archive generated
// from the news corpus goes through `defwatch import`, the extract stage
// and the index stage (each a `defwatch run` process of its own, on a real
// JetStream server), once with publication dates in random order, as a
// backfill of many sources or a many-feed ingest arrives, and once in date
// order. Each stage's CPU per article is read from the kernel's count of
// its process, and set beside the raw parts measured in the same run:
// tagging, JSON, the two JetStream hops and plain Bleve indexing of the
// same documents.
//
//	make bench-pipeline
//	go run ./index/internal/benchpipeline -bin bin/defwatch -n 5000 -runs 1
//	go run ./index/internal/benchpipeline -base /tmp/defwatch-main   # before and after, run by run
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("benchpipeline", "err", err)
		os.Exit(1)
	}
}

// Targets of the pipeline on the random-date archive.
const (
	targetCPU   = 3.0 // CPU ms per article
	targetRatio = 1.2 // of the raw parts
)

type config struct {
	bin, base, corpus, part, dir string
	n, runs                      int
	seed                         uint64
	wire                         float64
	keep, noRaw, onlyWrite       bool
	orders                       []string
}

const (
	orderRandom = "random-date"
	orderDated  = "date-order"
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("benchpipeline", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg config
	var orders string
	fl.StringVar(&cfg.bin, "bin", filepath.Join("bin", "defwatch"), "the defwatch binary to run (make build)")
	fl.StringVar(&cfg.base, "base", "", "another defwatch binary (an older build) to run in each run right before -bin, shown beside it")
	fl.StringVar(&cfg.corpus, "corpus", "", "corpus the archive is made from (JSON lines, gzip; default: the shared news\ncorpus at ../shared/corpus/news/articles.jsonl.gz if there, else the repository's testdata/articles.jsonl.gz)")
	fl.StringVar(&cfg.part, "part", partHeldOut, "corpus part to make the archive from: dev (for tuning), held-out (for quoting) or all")
	fl.IntVar(&cfg.n, "n", 20000, "articles in the archive")
	fl.IntVar(&cfg.runs, "runs", 3, "runs of each archive; the table shows medians")
	fl.Uint64Var(&cfg.seed, "seed", 1, "generator seed; the same seed makes the same archive")
	fl.Float64Var(&cfg.wire, "wire", 0.2, "share of articles that are another outlet's copy of a story")
	fl.StringVar(&orders, "orders", orderRandom+","+orderDated, "archives to run: random-date, date-order or both")
	fl.StringVar(&cfg.dir, "dir", "", "working directory (default: a new temporary one, removed after)")
	fl.BoolVar(&cfg.keep, "keep", false, "keep the working directory, with the archives and each run's log")
	fl.BoolVar(&cfg.noRaw, "noraw", false, "skip the raw parts")
	fl.BoolVar(&cfg.onlyWrite, "write", false, "only write the archives into -dir (ORDER.jsonl), then stop")
	if err := fl.Parse(args); err != nil {
		return err
	}
	for o := range strings.SplitSeq(orders, ",") {
		if o = strings.TrimSpace(o); o != orderRandom && o != orderDated {
			return fmt.Errorf("-orders %q: use %s, %s or both", orders, orderRandom, orderDated)
		}
		cfg.orders = append(cfg.orders, o)
	}
	if cfg.n < 1 || cfg.runs < 1 || cfg.wire < 0 || cfg.wire >= 1 {
		return errors.New("-n and -runs must be at least 1, -wire from 0 to below 1")
	}
	if cfg.part != partDev && cfg.part != partHeldOut && cfg.part != partAll {
		return fmt.Errorf("-part %q: use dev, held-out or all", cfg.part)
	}
	bin, err := filepath.Abs(cfg.bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("-bin: %w (build it with make build)", err)
	}
	// Each column of the table is one binary on one archive; with -base
	// the older build runs right before the newer one on the same archive,
	// so both see nearly the same load.
	var cols []column
	for _, o := range cfg.orders {
		if cfg.base != "" {
			base, err := filepath.Abs(cfg.base)
			if err != nil {
				return err
			}
			if _, err := os.Stat(base); err != nil {
				return fmt.Errorf("-base: %w", err)
			}
			cols = append(cols, column{name: o + " before", order: o, bin: base})
		}
		name := o
		if cfg.base != "" {
			name = o + " after"
		}
		cols = append(cols, column{name: name, order: o, bin: bin})
	}
	if cfg.dir == "" {
		if cfg.dir, err = os.MkdirTemp("", "benchpipeline-"); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(cfg.dir, 0o755); err != nil {
		return err
	}
	if !cfg.keep && !cfg.onlyWrite {
		defer os.RemoveAll(cfg.dir)
	}

	if cfg.corpus == "" {
		cfg.corpus = filepath.Join("..", "shared", "corpus", "news", "articles.jsonl.gz")
		if _, err := os.Stat(cfg.corpus); err != nil {
			cfg.corpus = filepath.Join("testdata", "articles.jsonl.gz")
		}
	}
	corpus, err := readCorpus(cfg.corpus, cfg.part)
	if err != nil {
		return err
	}
	spec := archiveSpec{n: cfg.n, seed: cfg.seed, end: time.Date(2025, 6, 30, 23, 0, 0, 0, time.UTC),
		span: 548 * 24 * time.Hour, wireRate: cfg.wire}
	dated := makeArchive(corpus, spec)
	archives := map[string][]record{orderDated: dated, orderRandom: shuffled(dated, cfg.seed)}
	paths := map[string]string{}
	for _, o := range cfg.orders {
		paths[o] = filepath.Join(cfg.dir, o+".jsonl")
		if err := writeArchive(paths[o], archives[o]); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "archive: %d articles from %d corpus articles (%s part) in %s\n", cfg.n, len(corpus), cfg.part, cfg.dir)
	if cfg.onlyWrite {
		return nil
	}

	loadBefore := loadAvg()
	pipes := map[string][]*pipelineRun{}
	var raws []*rawRun
	for r := range cfg.runs {
		for _, c := range cols {
			dir := filepath.Join(cfg.dir, fmt.Sprintf("run%d-%s", r, strings.ReplaceAll(c.name, " ", "-")))
			logs, err := os.Create(dir + ".log")
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "run %d: %s pipeline…\n", r+1, c.name)
			p, err := runPipeline(ctx, c.bin, paths[c.order], dir, logs)
			logs.Close()
			if err != nil {
				return fmt.Errorf("%s pipeline (logs in %s.log, kept with -keep): %w", c.name, dir, err)
			}
			if !cfg.keep {
				os.RemoveAll(dir)
			}
			fmt.Fprintf(stderr, "run %d: %s: %.2f CPU ms/article, %s wall\n", r+1, c.name, perArticle(p.total(), cfg.n), p.wall.Round(100*time.Millisecond))
			pipes[c.name] = append(pipes[c.name], p)
		}
		if !cfg.noRaw {
			fmt.Fprintf(stderr, "run %d: raw parts…\n", r+1)
			raw, err := runRaw(ctx, archives[cfg.orders[0]], filepath.Join(cfg.dir, fmt.Sprintf("run%d-raw", r)))
			if err != nil {
				return fmt.Errorf("raw parts: %w", err)
			}
			raws = append(raws, raw)
		}
	}
	report(stdout, cfg, cols, len(corpus), loadBefore, pipes, raws)
	return nil
}

// column is one binary's runs on one archive.
type column struct {
	name, order, bin string
}

func (p *pipelineRun) total() time.Duration {
	var t time.Duration
	for _, d := range p.cpu {
		t += d
	}
	return t
}

func (r *rawRun) total() time.Duration {
	var t time.Duration
	for _, d := range r.cpu {
		t += d
	}
	return t
}

func report(w io.Writer, cfg config, cols []column, corpusN int, loadBefore string, pipes map[string][]*pipelineRun, raws []*rawRun) {
	n := cfg.n
	fmt.Fprintf(w, "bench-pipeline: %d articles from %d articles of %s (%s part), %.0f%% wire copies, dates over 18 months; %d runs, medians\n",
		n, corpusN, cfg.corpus, cfg.part, cfg.wire*100, cfg.runs)
	fmt.Fprintf(w, "%d cores (GOMAXPROCS %d), %s; load %s before, %s after\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), loadBefore, loadAvg())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "CPU ms/article\t")
	for _, c := range cols {
		fmt.Fprintf(tw, "%s\t", c.name)
	}
	fmt.Fprintln(tw, "\t")
	for _, s := range append(slices.Clone(stageNames), "total") {
		fmt.Fprintf(tw, "%s\t", s)
		for _, c := range cols {
			fmt.Fprintf(tw, "%.2f\t", perArticle(median(pipes[c.name], func(p *pipelineRun) time.Duration {
				if s == "total" {
					return p.total()
				}
				return p.cpu[s]
			}), n))
		}
		fmt.Fprintln(tw, "\t")
	}
	fmt.Fprint(tw, "wall\t")
	for _, c := range cols {
		fmt.Fprintf(tw, "%s\t", median(pipes[c.name], func(p *pipelineRun) time.Duration { return p.wall }).Round(100*time.Millisecond))
	}
	fmt.Fprintln(tw, "\t")
	fmt.Fprint(tw, "articles/s\t")
	for _, c := range cols {
		fmt.Fprintf(tw, "%.0f\t", float64(n)/median(pipes[c.name], func(p *pipelineRun) time.Duration { return p.wall }).Seconds())
	}
	fmt.Fprintln(tw, "\t")
	for _, s := range serving {
		fmt.Fprintf(tw, "%s peak MiB\t", s)
		for _, c := range cols {
			fmt.Fprintf(tw, "%.0f\t", float64(median(pipes[c.name], func(p *pipelineRun) int64 { return p.peak[s] }))/(1<<20))
		}
		fmt.Fprintln(tw, "\t")
	}
	fmt.Fprint(tw, "each run's total\t")
	for _, c := range cols {
		var s []string
		for _, p := range pipes[c.name] {
			s = append(s, fmt.Sprintf("%.2f", perArticle(p.total(), n)))
		}
		fmt.Fprintf(tw, "%s\t", strings.Join(s, " "))
	}
	fmt.Fprintln(tw, "\t")
	tw.Flush()
	if len(raws) == 0 {
		return
	}

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "raw parts\tCPU ms/article\twall\t")
	for _, s := range rawNames {
		fmt.Fprintf(tw, "%s\t%.2f\t%s\t\n", s, perArticle(median(raws, func(r *rawRun) time.Duration { return r.cpu[s] }), n),
			median(raws, func(r *rawRun) time.Duration { return r.wall[s] }).Round(100*time.Millisecond))
	}
	rawTotal := median(raws, (*rawRun).total)
	fmt.Fprintf(tw, "total\t%.2f\t\t\n", perArticle(rawTotal, n))
	tw.Flush()

	// Ratios are of each run's pipeline to the same run's raw parts, then
	// the median, so the machine's load in one run moves both.
	for _, c := range cols {
		var ratios []float64
		for i, p := range pipes[c.name] {
			if i < len(raws) {
				ratios = append(ratios, float64(p.total())/float64(raws[i].total()))
			}
		}
		slices.Sort(ratios)
		ratio := ratios[len(ratios)/2]
		total := perArticle(median(pipes[c.name], (*pipelineRun).total), n)
		fmt.Fprintf(w, "%s: %.2f CPU ms/article, %.2f× the raw parts", c.name, total, ratio)
		if c.order == orderRandom && c.bin == cols[len(cols)-1].bin {
			fmt.Fprintf(w, " (targets ≤ %.1f ms: %s; ≤ %.1f×: %s)", targetCPU, met(total <= targetCPU), targetRatio, met(ratio <= targetRatio))
		}
		fmt.Fprintln(w)
	}
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

func median[T any, V cmp.Ordered](xs []T, f func(T) V) V {
	if len(xs) == 0 {
		var zero V
		return zero
	}
	ds := make([]V, len(xs))
	for i, x := range xs {
		ds[i] = f(x)
	}
	slices.SortFunc(ds, cmp.Compare)
	return ds[len(ds)/2]
}

func perArticle(d time.Duration, n int) float64 { return float64(d) / 1e6 / float64(n) }

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
