// Command benchsearch measures the index stage and search at scale: it
// builds an index of copies of the shared news corpus (tagged by the real
// taggers, dated over the last three years, a share of them near-identical
// wire copies), timing Index.Put alone, then times the searches analysts
// run most, wall and CPU per query, beside Bleve alone answering the same
// query over the same shards, and reports the index's size.
//
// Building a million articles takes a long while on a small machine, so
// -index keeps the built index and a later run with the same articles
// (count, days, seed, corpus, schema) searches it again without building.
//
//	make bench-search ARTICLES=1000000
//	go run ./index/internal/benchsearch -n 20000 -index /tmp/bs20k -cpuprofile /tmp/bs
//	go tool pprof -top -tagfocus "row=keyword, faceted, new" /tmp/bs.search.pprof
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch/index"
	dwquery "github.com/defwatch/defwatch/index/query"
	"github.com/defwatch/defwatch/index/schema"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("benchsearch", "err", err)
		os.Exit(1)
	}
}

// queries are what the benchmark times: a word with every facet, the
// analyst's standing question, a phrase, and everything (the worst case
// for facets). target is the p99 wall and CPU a query should stay within
// at a million articles (0: none set).
//
// Facet counts of shards that have not changed are kept per query, so a
// query asked again counts only what moved. fresh asks it each run with
// a different outlet left out (one no article has), so nothing is kept:
// the cost of a question asked for the first time.
//
// words asks a different word each run instead of q, none asked before in
// the run: what a word costs the first time anyone asks it, the terms'
// figures kept per segment (see index/impact.go) not yet read.
type benchQuery struct {
	name, q string
	target  time.Duration
	fresh   bool
	words   []string
}

// newWords are common words of defense coverage, each in many articles.
var newWords = strings.Fields(`russia nato missile drone army china tank navy ceasefire sanctions
	soldiers pentagon brigade artillery kyiv moscow putin zelensky border attack defense military
	forces war peace weapons aircraft summit minister president talks security nuclear iran israel
	taiwan germany france britain poland exercise deployment budget strike offensive frontline
	ammunition air general`)

var queries = []benchQuery{
	{"keyword, faceted", "ukraine", 50 * time.Millisecond, false, nil},
	{"keyword, faceted, new", "ukraine", 0, true, nil},
	{"keyword, faceted, new word", "a new word a run", 0, false, newWords},
	{"faceted 30d", "nation:UA troops:>=1000 last:30d", 0, false, nil},
	{"phrase, faceted", `"peace talks"`, 0, false, nil},
	{"phrase, faceted, new", `"peace talks"`, 0, true, nil},
	{"all, faceted", "*", 100 * time.Millisecond, false, nil},
	// A filter has no words to weigh: newest first, the web page's and
	// the alerts' usual order.
	{"nation, faceted, new", "nation:UA", 0, true, nil},
	// A last: window counts back from the moment of the search, so its
	// counts are never kept: everything, counted afresh each time.
	{"all, faceted, new", "last:2000d", 0, false, nil},
}

type config struct {
	n         int
	corpus    string
	batches   []int
	runs      int
	warmup    int
	rawRuns   int
	dir       string
	keep      bool
	profile   string
	wireRate  float64
	spanDays  int
	seed      uint64
	skipQuery bool
	skip      map[string]bool // query texts left out
	rows      *regexp.Regexp  // the rows to run, by name; nil: all
	compact   bool
	// compactAfter, when set, compacts the months the build has left
	// behind as it goes, as defwatch run does with --compact-after.
	compactAfter time.Duration
	asIs         bool
}

// picks says whether the row named name runs (see -rows).
func (c config) picks(name string) bool {
	return c.rows == nil || c.rows.MatchString(name)
}

// built describes an index benchsearch made, kept beside it so a later run
// can tell whether it holds the articles asked for.
type built struct {
	Schema   string  `json:"schema"`
	N        int     `json:"n"`
	Days     int     `json:"days"`
	Wire     float64 `json:"wire"`
	Seed     uint64  `json:"seed"`
	Batch    int     `json:"batch"`
	Corpus   string  `json:"corpus_sha256"`
	Articles int     `json:"corpus_articles"`
	// CompactAfter is -compact-after of the build (0: months compacted
	// only at its end).
	CompactAfter time.Duration `json:"compact_after,omitempty"`
	// How the build went.
	Took  time.Duration `json:"took"`
	CPU   time.Duration `json:"cpu"`
	Total time.Duration `json:"total"` // with tagging the corpus and making the articles
	At    time.Time     `json:"at"`
	Load  string        `json:"load"`
}

func (b built) same(o built) bool {
	return b.Schema == o.Schema && b.N == o.N && b.Days == o.Days && b.Wire == o.Wire &&
		b.Seed == o.Seed && b.Batch == o.Batch && b.Corpus == o.Corpus && b.CompactAfter == o.CompactAfter
}

const builtFile = "benchsearch.json"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	index.TuneGC() // as defwatch run's index stage does
	fl := flag.NewFlagSet("benchsearch", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg config
	var batches string
	fl.IntVar(&cfg.n, "n", 100000, "articles to index")
	fl.StringVar(&cfg.corpus, "corpus", filepath.Join("..", "shared", "corpus", "news", "articles.jsonl.gz"),
		"corpus of articles (JSON lines, gzip); the default is relative to the repository root")
	fl.StringVar(&batches, "batches", "1000", "Put batch sizes to time, comma-separated; the first one's index is searched (and kept with -index)")
	fl.IntVar(&cfg.runs, "runs", 300, "timed runs per query")
	fl.IntVar(&cfg.warmup, "warmup", 20, "untimed runs per query first")
	fl.IntVar(&cfg.rawRuns, "rawruns", 0, "timed runs per query of Bleve alone with facets (default: runs/10, at least 5)")
	fl.StringVar(&cfg.dir, "index", "", "keep the searched index in this directory, and search the one there when it holds the same articles (default: build in a temporary directory, removed after)")
	fl.StringVar(&cfg.profile, "cpuprofile", "", "write CPU profiles to PREFIX.put.pprof and PREFIX.search.pprof, and what was allocated to PREFIX.allocs.pprof")
	fl.Float64Var(&cfg.wireRate, "wire", 0.2, "share of articles that are wire copies of a recent one")
	fl.IntVar(&cfg.spanDays, "days", 1096, "days the publication dates spread over, up to the build")
	fl.Uint64Var(&cfg.seed, "seed", 1, "generator seed; the same seed gives the same articles")
	fl.BoolVar(&cfg.skipQuery, "noquery", false, "only build (and time) the index")
	var skip string
	fl.StringVar(&skip, "skip", "", "queries to leave out, their text comma-separated (e.g. last:2000d, which counts everything afresh each run: minutes at a million articles)")
	fl.BoolVar(&cfg.compact, "compact", true, "before the queries, merge each month that has ended into one segment, as defwatch run does once a month has had no new article for --compact-after")
	fl.DurationVar(&cfg.compactAfter, "compact-after", 0, "while building, merge each month that has had no article for this long into one segment, as defwatch run does (0: only before the queries, see -compact)")
	var rows string
	fl.StringVar(&rows, "rows", "", "run only the rows whose name this regular expression matches (e.g. '^keyword, faceted, new$'), Bleve alone's included")
	fl.BoolVar(&cfg.asIs, "asis", false, "search the index kept in -index as it is, whatever it holds (a build cut short); -n is then its count")
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
	cfg.skip = map[string]bool{}
	for f := range strings.SplitSeq(skip, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !slices.ContainsFunc(queries, func(q benchQuery) bool { return q.q == f }) {
			return fmt.Errorf("benchsearch: -skip %q: no query is %q; give a query's text as the table prints it", skip, f)
		}
		cfg.skip[f] = true
	}
	if rows != "" {
		re, err := regexp.Compile(rows)
		if err != nil {
			return fmt.Errorf("benchsearch: -rows: %w", err)
		}
		cfg.rows = re
	}
	if cfg.n < 1 || cfg.runs < 1 {
		return errors.New("benchsearch: -n and -runs must be at least 1")
	}
	if cfg.rawRuns <= 0 {
		cfg.rawRuns = max(5, cfg.runs/10)
	}
	work, err := os.MkdirTemp("", "benchsearch-")
	if err != nil {
		return fmt.Errorf("benchsearch: %w", err)
	}
	defer os.RemoveAll(work)
	searchedDir := cfg.dir
	if searchedDir == "" {
		searchedDir = filepath.Join(work, "searched")
	}

	loadBefore := loadAvg()
	sum, err := fileSHA256(cfg.corpus)
	if err != nil {
		return err
	}
	want := built{Schema: schema.Version, N: cfg.n, Days: cfg.spanDays, Wire: cfg.wireRate, Seed: cfg.seed, Batch: cfg.batches[0], Corpus: sum, CompactAfter: cfg.compactAfter}

	// The index searched: the one kept from an earlier run when it holds
	// the same articles, else built now.
	var searched *index.Index
	var made built
	reused := false
	switch {
	case cfg.asIs && cfg.dir == "":
		return errors.New("benchsearch: -asis searches the index in -index; give its directory")
	case cfg.asIs:
		if searched, made, err = openAsIs(cfg.dir, want); err != nil {
			return err
		}
		cfg.n, reused = made.N, true
	case cfg.dir != "":
		searched, made, reused, err = reuse(cfg.dir, want)
		if err != nil {
			return err
		}
	}
	var bases []base
	now := time.Now().UTC()
	corpus := func() error {
		if bases != nil {
			return nil
		}
		start := time.Now()
		bases, err = loadCorpus(cfg.corpus, now)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "tagged %d corpus articles in %s\n", len(bases), time.Since(start).Round(time.Millisecond))
		return nil
	}
	if !reused {
		if err := os.RemoveAll(searchedDir); err != nil {
			return fmt.Errorf("benchsearch: %w", err)
		}
		if err := corpus(); err != nil {
			return err
		}
		start := time.Now()
		stopProfile, err := startProfile(cfg.profile, true, "put")
		if err != nil {
			return err
		}
		cpu0 := cpuTime()
		idx, took, err := build(ctx, searchedDir, newGenerator(bases, cfg.n, now, time.Duration(cfg.spanDays)*24*time.Hour, cfg.wireRate, cfg.seed), cfg.batches[0], cfg.compactAfter, stderr)
		stopProfile()
		if err != nil {
			return err
		}
		made = want
		made.Articles, made.Took, made.CPU, made.Total, made.At, made.Load = len(bases), took, cpuTime()-cpu0, time.Since(start), now, loadAvg()
		if cfg.dir != "" {
			// The index was opened empty, so it marked itself for a rebuild
			// from the articles stream; it holds every article now.
			if err := os.Remove(filepath.Join(cfg.dir, "REPLAY")); err != nil && !errors.Is(err, fs.ErrNotExist) {
				idx.Close()
				return fmt.Errorf("benchsearch: %w", err)
			}
			data, _ := json.MarshalIndent(made, "", "  ") // a plain struct always marshals
			if err := os.WriteFile(filepath.Join(cfg.dir, builtFile), data, 0o644); err != nil {
				idx.Close()
				return fmt.Errorf("benchsearch: %w", err)
			}
		}
		searched = idx
	}
	defer searched.Close()
	compaction, err := compact(ctx, searched, cfg.compact)
	if err != nil {
		return err
	}

	type indexing struct {
		batch int
		took  time.Duration
		cpu   time.Duration // the process's, merging included
	}
	var puts []indexing
	if made.Took > 0 { // not known of a build cut short
		puts = append(puts, indexing{made.Batch, made.Took, made.CPU})
	}
	for _, bs := range cfg.batches[1:] {
		if err := corpus(); err != nil {
			return err
		}
		cpu0 := cpuTime()
		dir := filepath.Join(work, fmt.Sprintf("batch%d", bs))
		idx, took, err := build(ctx, dir, newGenerator(bases, cfg.n, now, time.Duration(cfg.spanDays)*24*time.Hour, cfg.wireRate, cfg.seed), bs, cfg.compactAfter, stderr)
		if err != nil {
			return err
		}
		puts = append(puts, indexing{bs, took, cpuTime() - cpu0})
		if err := idx.Close(); err != nil {
			return err
		}
		os.RemoveAll(dir)
	}

	var times []timing
	if !cfg.skipQuery {
		stopProfile, err := startProfile(cfg.profile, true, "search")
		if err != nil {
			return err
		}
		times, err = timeQueries(ctx, searched, cfg, stderr)
		stopProfile()
		if err != nil {
			return err
		}
		if err := writeAllocs(cfg.profile); err != nil {
			return err
		}
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
		cfg.n, made.Articles, cfg.wireRate*100, cfg.spanDays, environment(), loadBefore, loadAvg())
	if reused {
		fmt.Fprintf(stdout, "index: reused from %s, built %s (load then %s)\n", cfg.dir, made.At.Format(time.RFC3339), made.Load)
	}
	fmt.Fprintf(stdout, "index: built in %s all told (tagging the corpus and making the articles included)\n", made.Total.Round(time.Second))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "indexing (Index.Put)\tbatch\tarticles/s\ttook\tCPU ms/article\t")
	for _, p := range puts {
		fmt.Fprintf(tw, "\t%d\t%.0f\t%s\t%.2f\t\n", p.batch, float64(cfg.n)/p.took.Seconds(), p.took.Round(100*time.Millisecond), float64(p.cpu)/1e6/float64(cfg.n))
	}
	tw.Flush()
	if compaction != "" {
		fmt.Fprintln(stdout, compaction)
	}
	if len(times) > 0 {
		tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "query\tq\truns\tp50\tp99\tCPU p50\tCPU p99\tCPU mean\thits\tfolded on page 1\tfacets\ttarget (p99 wall and CPU)\n")
		for _, t := range times {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", t.name, t.q, t.runs, ms(t.p50), ms(t.p99),
				ms(t.cpu50), ms(t.cpu99), ms(t.cpuMean), t.total, t.folded, t.facets, t.verdict())
		}
		tw.Flush()
	}
	fmt.Fprintf(stdout, "index: %d articles, %.1f MiB on disk (batch %d)\n", count, float64(size)/(1<<20), made.Batch)
	fmt.Fprintf(stdout, "columns kept after the queries: publication times %.1f MiB, facets %.1f MiB\n",
		float64(searched.TimeColumnBytes())/(1<<20), float64(searched.FacetColumnBytes())/(1<<20))
	return nil
}

// reuse opens the index kept in dir when its description matches want.
func reuse(dir string, want built) (*index.Index, built, bool, error) {
	var have built
	data, err := os.ReadFile(filepath.Join(dir, builtFile))
	if err != nil || json.Unmarshal(data, &have) != nil || !have.same(want) {
		return nil, built{}, false, nil
	}
	idx, err := index.Open(dir)
	if err != nil {
		return nil, built{}, false, err
	}
	if n, err := idx.Count(); err != nil || n != uint64(want.N) || idx.Replaying() {
		// Cut short, or opened by a defwatch that replaced its shards.
		idx.Close()
		return nil, built{}, false, nil
	}
	return idx, have, true, nil
}

// openAsIs opens the index in dir whatever it holds: a build stopped
// part way leaves every committed batch searchable, and the mark that asks
// for a rebuild from the articles stream, which is dropped.
func openAsIs(dir string, want built) (*index.Index, built, error) {
	if err := os.Remove(filepath.Join(dir, "REPLAY")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, built{}, fmt.Errorf("benchsearch: %w", err)
	}
	idx, err := index.Open(dir)
	if err != nil {
		return nil, built{}, err
	}
	n, err := idx.Count()
	if err != nil || n == 0 {
		idx.Close()
		return nil, built{}, fmt.Errorf("benchsearch: %s holds no articles (%v); build one with -index first", dir, err)
	}
	var have built
	if data, err := os.ReadFile(filepath.Join(dir, builtFile)); err == nil {
		json.Unmarshal(data, &have) // what it says of the build, if anything
	}
	have.N = int(n)
	if have.Batch == 0 {
		have.Batch, have.Days, have.Wire = want.Batch, want.Days, want.Wire
	}
	return idx, have, nil
}

type timing struct {
	name, q               string
	runs                  int
	total                 string
	folded                int
	facets                string // exact, approximate (estimated past the sample), or both across runs
	p50, p99              time.Duration
	cpu50, cpu99, cpuMean time.Duration
	target                time.Duration
	raw                   bool
}

func (t timing) verdict() string {
	switch {
	case t.raw:
		return "(Bleve alone)"
	case t.target == 0:
		return ""
	case t.p99 <= t.target && t.cpu99 <= t.target:
		return fmt.Sprintf("%s: met", ms(t.target))
	}
	return fmt.Sprintf("%s: NOT met", ms(t.target))
}

// timeQueries times each query through Search, then Bleve alone on the
// same query over the same shards: plain (the first page by score, as
// Bleve ranks it) and with the same facets.
func timeQueries(ctx context.Context, idx *index.Index, cfg config, stderr io.Writer) ([]timing, error) {
	var out []timing
	for _, q := range queries {
		if !cfg.picks(q.name) || cfg.skip[q.q] {
			continue
		}
		t := timing{name: q.name, q: q.q, target: q.target}
		if q.fresh {
			t.q += " -source:zzfreshN"
		}
		run := 0
		warmup, runs := cfg.warmup, cfg.runs
		if len(q.words) > 0 {
			// Each word once: as many runs as there are words.
			warmup = min(warmup, len(q.words)/4)
			runs = min(runs, len(q.words)-warmup)
		}
		err := measureLabelled(ctx, &t, warmup, runs, func() error {
			text := q.q
			if q.fresh {
				run++
				text += fmt.Sprintf(" -source:zzfresh%d", run)
			}
			if len(q.words) > 0 {
				text = q.words[run]
				run++
			}
			res, err := idx.Search(ctx, index.Request{Query: text})
			if err != nil {
				return fmt.Errorf("benchsearch: %s: %w", q.q, err)
			}
			t.total = strconv.FormatUint(res.Total, 10)
			kind := "exact"
			if res.Facets != nil && res.Facets.Approximate {
				kind = "approximate"
			}
			if t.facets != "" && t.facets != kind {
				kind = "both"
			}
			t.facets = kind
			t.folded = 0
			for _, h := range res.Hits {
				t.folded += len(h.Also)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		fmt.Fprintf(stderr, "%s: p50 %s, p99 %s, CPU p50 %s\n", q.q, ms(t.p50), ms(t.p99), ms(t.cpu50))
	}
	for _, q := range queries {
		if q.fresh || len(q.words) > 0 || cfg.skip[q.q] {
			continue // Bleve alone keeps nothing: the same rows as the query's
		}
		pq, err := dwquery.Parse(q.q, time.Now())
		if err != nil {
			return nil, err
		}
		var bq query.Query = bleve.NewMatchAllQuery()
		if b := pq.Bleve(); b != nil {
			bq = b
		}
		for _, faceted := range []bool{false, true} {
			t := timing{name: "Bleve alone", q: q.q, raw: true}
			runs := cfg.runs
			if faceted {
				t.name, runs = "Bleve alone, faceted", cfg.rawRuns
			}
			if !cfg.picks(t.name) {
				continue
			}
			err := measureLabelled(ctx, &t, min(cfg.warmup, runs), runs, func() error {
				sr := bleve.NewSearchRequestOptions(bq, index.DefaultSize, 0, false)
				if faceted {
					addFacets(sr)
				}
				res, err := idx.RawSearch(ctx, sr)
				if err != nil {
					return fmt.Errorf("benchsearch: Bleve alone: %s: %w", q.q, err)
				}
				t.total = strconv.FormatUint(res.Total, 10)
				return nil
			})
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// measureLabelled is measure with the row's name as the "row" label of
// CPU profile samples, goroutines started within included: go tool pprof
// -tagfocus 'row=keyword, faceted, new' shows that row alone.
func measureLabelled(ctx context.Context, t *timing, warmup, runs int, fn func() error) error {
	var err error
	pprof.Do(ctx, pprof.Labels("row", t.name), func(context.Context) {
		err = measure(ctx, t, warmup, runs, fn)
	})
	return err
}

// measure runs fn warmup times untimed, then runs times, and sets t's
// wall and CPU percentiles.
func measure(ctx context.Context, t *timing, warmup, runs int, fn func() error) error {
	var walls, cpus []time.Duration
	var cpuSum time.Duration
	for r := range warmup + runs {
		if err := ctx.Err(); err != nil {
			return err
		}
		c0, t0 := cpuTime(), time.Now()
		if err := fn(); err != nil {
			return err
		}
		d, c := time.Since(t0), cpuTime()-c0
		if r >= warmup {
			walls, cpus = append(walls, d), append(cpus, c)
			cpuSum += c
		}
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	t.runs = runs
	t.p50, t.p99 = percentile(walls, 50), percentile(walls, 99)
	t.cpu50, t.cpu99, t.cpuMean = percentile(cpus, 50), percentile(cpus, 99), cpuSum/time.Duration(runs)
	return nil
}

// addFacets asks Bleve for the facets Search counts: nations, outlets,
// languages, meeting kinds, troop ranges and publication by month over
// the last three years.
func addFacets(sr *bleve.SearchRequest) {
	sr.AddFacet("nations", bleve.NewFacetRequest("nations", 30))
	sr.AddFacet("sources", bleve.NewFacetRequest(schema.OutletField, 60))
	sr.AddFacet("lang", bleve.NewFacetRequest("lang", 12))
	sr.AddFacet("meetings", bleve.NewFacetRequest("meetings.kind", 8))
	troops := bleve.NewFacetRequest(schema.PeakField, 4)
	for _, r := range [][2]float64{{1, 1000}, {1000, 10000}, {10000, 100000}} {
		troops.AddNumericRange(fmt.Sprint(r[0]), &r[0], &r[1])
	}
	big := 100000.0
	troops.AddNumericRange("100000+", &big, nil)
	sr.AddFacet("troops", troops)
	end := time.Now().UTC()
	start := time.Date(end.Year()-3, end.Month(), 1, 0, 0, 0, 0, time.UTC)
	pub := bleve.NewFacetRequest("published", 40)
	for t := start; t.Before(end); t = t.AddDate(0, 1, 0) {
		pub.AddDateTimeRange(t.Format(time.DateOnly), t, t.AddDate(0, 1, 0))
	}
	sr.AddFacet("published", pub)
}

// build indexes the generator's articles into a fresh index in batches of
// size, timing only Put: making the articles is the benchmark's own work.
func build(ctx context.Context, dir string, g *generator, size int, compactAfter time.Duration, stderr io.Writer) (*index.Index, time.Duration, error) {
	idx, err := index.Open(dir)
	if err != nil {
		return nil, 0, err
	}
	var took time.Duration
	step := max(10000, g.n/10)
	next := step
	// CPU per article over each stretch shows whether indexing slows as
	// the index grows (merges included, as they run in this process).
	cpu0, at0, wall0, took0 := cpuTime(), 0, time.Now(), time.Duration(0)
	compacted := 0
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
		if compactAfter > 0 {
			// Months the build has moved past go quiet and are merged, in
			// this process: their cost is in the stretch's CPU.
			done, err := idx.Compact(ctx, time.Now(), compactAfter)
			if err != nil {
				idx.Close()
				return nil, 0, fmt.Errorf("benchsearch: compaction: %w", err)
			}
			compacted += len(done)
		}
		if g.i >= next {
			// The stretch's own figures, beside the running rate: a
			// slowdown as the index grows shows in the last stretch first.
			cpu, wall := cpuTime(), time.Now()
			fmt.Fprintf(stderr, "batch %d: %d articles, %.0f/s; since %d: %.2f CPU ms/article, %.0f/s in Put, %s wall, %d months compacted (load %s)\n", size, g.i,
				float64(g.i)/took.Seconds(), at0, float64(cpu-cpu0)/1e6/float64(g.i-at0), float64(g.i-at0)/(took-took0).Seconds(),
				wall.Sub(wall0).Round(time.Second), compacted, loadAvg())
			cpu0, at0, wall0, took0 = cpu, g.i, wall, took
			next += step
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

// compact merges the months of idx that have ended into one segment each
// (see index.Compact), when on, and says what it did and cost.
func compact(ctx context.Context, idx *index.Index, on bool) (string, error) {
	if !on {
		return "compaction: not asked for (-compact=false); months keep the segments their merges left", nil
	}
	cpu0, start := cpuTime(), time.Now()
	done, err := idx.Compact(ctx, time.Now(), 0)
	if err != nil {
		return "", fmt.Errorf("benchsearch: compaction: %w", err)
	}
	if len(done) == 0 {
		return "compaction: every month that has ended is one segment already", nil
	}
	var segments int
	var articles uint64
	for _, c := range done {
		segments += c.Segments
		articles += c.Articles
	}
	cpu := cpuTime() - cpu0
	return fmt.Sprintf("compaction: %d months that have ended merged from %d segments into one each, %d articles, %s CPU (%.2f ms/article), %s wall",
		len(done), segments, articles, cpu.Round(time.Millisecond), float64(cpu)/1e6/float64(articles), time.Since(start).Round(time.Millisecond)), nil
}

// writeAllocs writes what the process has allocated so far, by where, to
// PREFIX.allocs.pprof: with -rows leaving one row in, what its runs
// allocate (go tool pprof -sample_index alloc_space), beside opening the
// index.
func writeAllocs(prefix string) error {
	if prefix == "" {
		return nil
	}
	f, err := os.Create(prefix + ".allocs.pprof")
	if err != nil {
		return fmt.Errorf("benchsearch: %w", err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("benchsearch: %w", err)
	}
	return f.Close()
}

// percentile of sorted durations, by the nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(len(sorted)-1, i-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("benchsearch: corpus: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("benchsearch: corpus: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

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
// wall clock it says how much work a query took when other processes
// share the cores. Linux adds it up from the scheduler's own count, to
// the microsecond.
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
