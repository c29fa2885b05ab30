// Command benchsearch measures the index stage and search at the scale of a
// year and a half of coverage: it builds an index of copies of the shared
// news corpus (tagged by the real taggers, dated over the last 18 months,
// a share of them near-identical wire copies), timing Index.Put alone, then
// times the searches analysts run most and reports the index's size.
//
//	make bench-search
//	go run ./index/internal/benchsearch -n 20000 -batches 256 -cpuprofile /tmp/bs
//	go tool pprof -top /tmp/bs.put.pprof
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/defwatch/defwatch/index"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("benchsearch", "err", err)
		os.Exit(1)
	}
}

// queries are what the benchmark times: a word, the analyst's standing
// question, a phrase, and everything (the worst case for facets).
var queries = []struct{ name, q string }{
	{"keyword", "ukraine"},
	{"faceted 30d", "nation:UA troops:>=1000 last:30d"},
	{"phrase", `"peace talks"`},
	{"all, faceted", "*"},
}

type config struct {
	n         int
	corpus    string
	batches   []int
	runs      int
	warmup    int
	dir       string
	keep      bool
	profile   string
	wireRate  float64
	spanDays  int
	seed      uint64
	skipQuery bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	index.TuneGC() // as defwatch run's index stage does
	fl := flag.NewFlagSet("benchsearch", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg config
	var batches string
	fl.IntVar(&cfg.n, "n", 100000, "articles to index")
	fl.StringVar(&cfg.corpus, "corpus", filepath.Join("..", "shared", "corpus", "news", "articles.jsonl.gz"),
		"corpus of articles (JSON lines, gzip); the default is relative to the repository root")
	fl.StringVar(&batches, "batches", "256,1000", "Put batch sizes to time, comma-separated; the first one's index is searched")
	fl.IntVar(&cfg.runs, "runs", 300, "timed runs per query")
	fl.IntVar(&cfg.warmup, "warmup", 20, "untimed runs per query first")
	fl.StringVar(&cfg.dir, "dir", "", "where to build the indexes (default: a new temporary directory, removed after)")
	fl.BoolVar(&cfg.keep, "keep", false, "keep the indexes built")
	fl.StringVar(&cfg.profile, "cpuprofile", "", "write CPU profiles to PREFIX.put.pprof and PREFIX.search.pprof")
	fl.Float64Var(&cfg.wireRate, "wire", 0.2, "share of articles that are wire copies of a recent one")
	fl.IntVar(&cfg.spanDays, "days", 548, "days the publication dates spread over, up to now")
	fl.Uint64Var(&cfg.seed, "seed", 1, "generator seed; the same seed gives the same articles")
	fl.BoolVar(&cfg.skipQuery, "noquery", false, "only time indexing")
	if err := fl.Parse(args); err != nil {
		return err
	}
	for f := range strings.SplitSeq(batches, ",") {
		b, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || b < 1 {
			return fmt.Errorf("benchsearch: -batches %q: give sizes like 256,1000", batches)
		}
		cfg.batches = append(cfg.batches, b)
	}
	if cfg.n < 1 || cfg.runs < 1 {
		return errors.New("benchsearch: -n and -runs must be at least 1")
	}
	if cfg.dir == "" {
		d, err := os.MkdirTemp("", "benchsearch-")
		if err != nil {
			return fmt.Errorf("benchsearch: %w", err)
		}
		cfg.dir = d
	}
	if !cfg.keep {
		defer os.RemoveAll(cfg.dir)
	}

	loadBefore := loadAvg()
	now := time.Now().UTC()
	start := time.Now()
	bases, err := loadCorpus(cfg.corpus, now)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "tagged %d corpus articles in %s\n", len(bases), time.Since(start).Round(time.Millisecond))

	type indexing struct {
		batch int
		rate  float64
		took  time.Duration
		cpu   time.Duration // the process's, merging included
	}
	var puts []indexing
	var searched *index.Index
	var searchedDir string
	for k, bs := range cfg.batches {
		dir := filepath.Join(cfg.dir, fmt.Sprintf("batch%d", bs))
		stopProfile, err := startProfile(cfg.profile, k == 0, "put")
		if err != nil {
			return err
		}
		cpu0 := cpuTime()
		idx, took, err := build(ctx, dir, newGenerator(bases, cfg.n, now, time.Duration(cfg.spanDays)*24*time.Hour, cfg.wireRate, cfg.seed), bs, stderr)
		stopProfile()
		if err != nil {
			return err
		}
		puts = append(puts, indexing{bs, float64(cfg.n) / took.Seconds(), took, cpuTime() - cpu0})
		if k == 0 {
			searched, searchedDir = idx, dir
			continue
		}
		if err := idx.Close(); err != nil {
			return err
		}
		if !cfg.keep {
			os.RemoveAll(dir)
		}
	}
	defer searched.Close()

	type timing struct {
		name, q  string
		total    uint64
		folded   int
		p50, p99 time.Duration
	}
	var times []timing
	if !cfg.skipQuery {
		stopProfile, err := startProfile(cfg.profile, true, "search")
		if err != nil {
			return err
		}
		for _, q := range queries {
			t := timing{name: q.name, q: q.q}
			var ds []time.Duration
			for r := range cfg.warmup + cfg.runs {
				if err := ctx.Err(); err != nil {
					return err
				}
				t0 := time.Now()
				res, err := searched.Search(ctx, index.Request{Query: q.q})
				d := time.Since(t0)
				if err != nil {
					return fmt.Errorf("benchsearch: %s: %w", q.q, err)
				}
				if r >= cfg.warmup {
					ds = append(ds, d)
				}
				t.total = res.Total
				t.folded = 0
				for _, h := range res.Hits {
					t.folded += len(h.Also)
				}
			}
			slices.Sort(ds)
			t.p50, t.p99 = percentile(ds, 50), percentile(ds, 99)
			times = append(times, t)
		}
		stopProfile()
	}
	size, err := dirSize(searchedDir)
	if err != nil {
		return err
	}
	count, err := searched.Count()
	if err != nil {
		return err
	}

	fmt.Fprintf(stdout, "benchsearch: %d articles (%d corpus articles, %.0f%% wire copies, %d days)\n%s, load %s before, %s after\n",
		cfg.n, len(bases), cfg.wireRate*100, cfg.spanDays, environment(), loadBefore, loadAvg())
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "indexing (Index.Put)\tbatch\tarticles/s\ttook\tCPU ms/article\t")
	for _, p := range puts {
		fmt.Fprintf(tw, "\t%d\t%.0f\t%s\t%.2f\t\n", p.batch, p.rate, p.took.Round(100*time.Millisecond), float64(p.cpu)/1e6/float64(cfg.n))
	}
	tw.Flush()
	if len(times) > 0 {
		tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "query (%d runs)\tq\tp50\tp99\thits\tfolded on page 1\n", cfg.runs)
		for _, t := range times {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\n", t.name, t.q, ms(t.p50), ms(t.p99), t.total, t.folded)
		}
		tw.Flush()
	}
	fmt.Fprintf(stdout, "index: %d articles, %.1f MiB on disk (batch %d)\n", count, float64(size)/(1<<20), cfg.batches[0])
	return nil
}

// build indexes the generator's articles into a fresh index in batches of
// size, timing only Put: making the articles is the benchmark's own work.
func build(ctx context.Context, dir string, g *generator, size int, stderr io.Writer) (*index.Index, time.Duration, error) {
	idx, err := index.Open(dir)
	if err != nil {
		return nil, 0, err
	}
	var took time.Duration
	next := 10000
	for {
		if err := ctx.Err(); err != nil {
			idx.Close()
			return nil, 0, err
		}
		b := g.batch(size)
		if len(b) == 0 {
			break
		}
		t0 := time.Now()
		if _, err := idx.Put(b); err != nil {
			idx.Close()
			return nil, 0, err
		}
		took += time.Since(t0)
		if g.i >= next {
			fmt.Fprintf(stderr, "batch %d: %d articles, %.0f/s\n", size, g.i, float64(g.i)/took.Seconds())
			next += 10000
		}
	}
	return idx, took, nil
}

func startProfile(prefix string, on bool, what string) (func(), error) {
	if prefix == "" || !on {
		return func() {}, nil
	}
	f, err := os.Create(prefix + "." + what + ".pprof")
	if err != nil {
		return nil, fmt.Errorf("benchsearch: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("benchsearch: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// percentile of sorted durations, by the nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(len(sorted)-1, i-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("benchsearch: size of %s: %w", dir, err)
	}
	return n, nil
}

// environment says what the numbers were measured on: they mean little
// without the cores and what else was running.
func environment() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v) + ", "
				break
			}
		}
	}
	return fmt.Sprintf("%s%d cores (GOMAXPROCS %d), %s %s/%s",
		cpu, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// cpuTime is the CPU the process has used, user and system: unlike the
// wall clock it says how much work indexing took when other processes
// share the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
