package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch/cmd/defwatch/internal/memlimit"
	"github.com/defwatch/defwatch/ingest"
)

// Stages a process can run.
const (
	stageIngest  = "ingest"
	stageExtract = "extract"
	stageIndex   = "index"
	stageServe   = "serve"
)

var allStages = []string{stageIngest, stageExtract, stageIndex, stageServe}

// runConfig is every setting of `defwatch run`.
type runConfig struct {
	Data         string
	NATS         string // external server URL(s); "" starts the embedded one
	NATSListen   string
	Listen       string
	Stages       listFlag
	Feeds        listFlag
	FeedsFile    string
	PollInterval time.Duration
	PollMin      time.Duration
	PollMax      time.Duration
	HostDelay    time.Duration
	DisableAfter time.Duration
	PageTries    int
	PageRetry    time.Duration
	MaxRequests  int
	IgnoreRobots bool
	AllowPrivate bool
	Replicas     int
	IndexName    string
	Alerts       bool
	Retention    time.Duration
	CompactAfter time.Duration
	FlushAfter   time.Duration
	Workers      int
	AckWait      time.Duration
	// SearchConcurrency and SearchQueue bound the searches the index
	// stage runs at once and keeps waiting; 0 picks from the cores.
	SearchConcurrency int
	SearchQueue       int
	// MemoryLimit is the process's Go memory limit: "auto", "off" or a
	// size (memlimit.Parse).
	MemoryLimit string
	Log         logFlags
	HTTPAuth    httpAuthFlags
	NATSAuth    natsAuthFlags
}

func (c *runConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.Data, "data", "./defwatch-data", "directory for the embedded NATS store and the index")
	fs.StringVar(&c.NATS, "nats", "", "external NATS server URL(s), comma-separated; empty starts an embedded server")
	fs.StringVar(&c.NATSListen, "nats-listen", "127.0.0.1:4222", "where the embedded NATS server accepts clients")
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8080", "HTTP address of the serve stage")
	fs.Var(&c.Stages, "stages", "stages to run, comma-separated: ingest,extract,index,serve (default all)")
	fs.Var(&c.Feeds, "feed", "feed URL to poll (repeatable)")
	fs.StringVar(&c.FeedsFile, "feeds", "", "file of feeds: one URL a line, or OPML")
	fs.DurationVar(&c.PollInterval, "poll-interval", 0, "poll every feed at this fixed interval (default: each feed's own rhythm, between --poll-min and --poll-max)")
	fs.DurationVar(&c.PollMin, "poll-min", 2*time.Minute, "shortest time between two polls of a feed")
	fs.DurationVar(&c.PollMax, "poll-max", 6*time.Hour, "longest time between two polls of a feed")
	fs.DurationVar(&c.HostDelay, "host-delay", time.Second, "least time between two requests to one host, across all ingest processes")
	fs.DurationVar(&c.DisableAfter, "disable-after", 72*time.Hour, "disable a feed that has failed for this long")
	fs.IntVar(&c.PageTries, "page-tries", 6, "fetches of an article page before it is given up (its feed's text is published after the second)")
	fs.DurationVar(&c.PageRetry, "page-retry", time.Minute, "wait after an article page's first failed fetch; it doubles after each")
	fs.IntVar(&c.MaxRequests, "max-requests", 256, "requests ingest has in flight at most, all hosts together (each body up to 8 MB)")
	fs.BoolVar(&c.IgnoreRobots, "ignore-robots", false, "fetch article pages that robots.txt refuses (only for sites that allow you)")
	fs.BoolVar(&c.AllowPrivate, "allow-private", false, "allow fetching (and webhooks to) loopback, private and link-local addresses")
	fs.BoolVar(&c.Alerts, "alerts", true, "with the index stage: announce new articles and send the alerts of saved searches (replicas that all do it still send each once)")
	fs.IntVar(&c.Replicas, "replicas", 1, "JetStream replicas of defwatch's streams (3 on a 3-node cluster)")
	fs.StringVar(&c.IndexName, "index-name", "main", "this index replica's name; each replica keeps its own consumer")
	fs.DurationVar(&c.Retention, "retention", 0, "drop articles published longer ago than this, e.g. 8760h for a year (0 keeps all)")
	fs.DurationVar(&c.CompactAfter, "compact-after", 10*time.Minute, "merge a month of the index that has ended into one segment once it has had no new article for this long (0: never)")
	fs.DurationVar(&c.FlushAfter, "flush-after", 250*time.Millisecond, "longest an article waits to be committed to the index")
	fs.IntVar(&c.Workers, "workers", 0, "pages extracted at once (default: one per CPU)")
	fs.DurationVar(&c.AckWait, "ack-wait", 0, "how long work held by a stage process that died waits before another gets it (default: extract 1m, index 2m); shorter recovers sooner, but must exceed the longest index commit")
	fs.IntVar(&c.SearchConcurrency, "search-concurrency", 0, "searches the index stage runs at once (default: one per CPU, at least 2)")
	fs.IntVar(&c.SearchQueue, "search-queue", 0, "searches that may wait for a turn; more are answered 503 at once (default: twice --search-concurrency)")
	fs.StringVar(&c.MemoryLimit, "memory-limit", "auto", "Go memory limit of this process, e.g. 1GiB, or off; auto is 512MiB for the embedded NATS server plus 512MiB per ingest, extract or index stage beside it, and none without the embedded server (GOMEMLIMIT, if set, wins)")
	c.Log.register(fs)
	c.HTTPAuth.register(fs)
	c.NATSAuth.register(fs)
}

// parseRunConfig reads `defwatch run`'s flags and environment.
func parseRunConfig(args []string, fs *flag.FlagSet, stderr io.Writer) (*runConfig, error) {
	c := &runConfig{}
	c.flags(fs)
	if err := parseFlags(fs, args, stderr); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("run takes no arguments, got %q (feeds go in --feed URL or --feeds FILE)", fs.Args())
	}
	if len(c.Stages) == 0 {
		c.Stages = slices.Clone(allStages)
	}
	return c, c.Validate()
}

// Validate says which setting is wrong and why.
func (c *runConfig) Validate() error {
	var errs []error
	for _, s := range c.Stages {
		if !slices.Contains(allStages, s) {
			errs = append(errs, fmt.Errorf("--stages: unknown stage %q (use %s)", s, strings.Join(allStages, ",")))
		}
	}
	if c.Data == "" {
		errs = append(errs, errors.New("--data: must name a directory"))
	}
	if c.NATS == "" {
		if _, _, err := net.SplitHostPort(c.NATSListen); err != nil {
			errs = append(errs, fmt.Errorf("--nats-listen %q: want HOST:PORT, e.g. 127.0.0.1:4222", c.NATSListen))
		}
	} else {
		for _, u := range strings.Split(c.NATS, ",") {
			if p, err := url.Parse(strings.TrimSpace(u)); err != nil || p.Host == "" {
				errs = append(errs, fmt.Errorf("--nats %q: want nats://HOST:PORT", u))
			}
		}
	}
	if c.has(stageServe) {
		if _, _, err := net.SplitHostPort(c.Listen); err != nil {
			errs = append(errs, fmt.Errorf("--listen %q: want HOST:PORT, e.g. 127.0.0.1:8080", c.Listen))
		}
	}
	for _, f := range c.Feeds {
		if err := ingest.CheckFeedURL(f); err != nil {
			errs = append(errs, fmt.Errorf("--feed: %w", err))
		}
	}
	if c.PollInterval != 0 && c.PollInterval < time.Second {
		errs = append(errs, fmt.Errorf("--poll-interval %s: must be at least 1s (or 0 for each feed's own rhythm)", c.PollInterval))
	}
	if c.PollMin < time.Second || c.PollMax < c.PollMin {
		errs = append(errs, fmt.Errorf("--poll-min %s, --poll-max %s: want 1s ≤ min ≤ max", c.PollMin, c.PollMax))
	}
	if c.DisableAfter < time.Hour {
		errs = append(errs, fmt.Errorf("--disable-after %s: must be at least 1h", c.DisableAfter))
	}
	if c.PageRetry < 10*time.Millisecond || c.PageRetry > 24*time.Hour {
		errs = append(errs, fmt.Errorf("--page-retry %s: must be between 10ms and 24h", c.PageRetry))
	}
	if c.MaxRequests < 1 || c.MaxRequests > 10000 {
		errs = append(errs, fmt.Errorf("--max-requests %d: must be between 1 and 10000", c.MaxRequests))
	}
	if c.PageTries < 1 || c.PageTries > 20 {
		errs = append(errs, fmt.Errorf("--page-tries %d: must be between 1 and 20", c.PageTries))
	}
	if c.HostDelay < 0 {
		errs = append(errs, fmt.Errorf("--host-delay %s: must not be negative", c.HostDelay))
	}
	if c.Replicas < 1 || c.Replicas > 5 {
		errs = append(errs, fmt.Errorf("--replicas %d: JetStream allows 1 to 5", c.Replicas))
	}
	if c.IndexName == "" || strings.ContainsAny(c.IndexName, " .*>\t") {
		errs = append(errs, fmt.Errorf("--index-name %q: must be a non-empty name without spaces, dots, * or >", c.IndexName))
	}
	if c.Retention < 0 || c.Retention > 0 && c.Retention < 24*time.Hour {
		errs = append(errs, fmt.Errorf("--retention %s: must be 0 (keep all) or at least 24h", c.Retention))
	}
	if c.CompactAfter < 0 || c.CompactAfter > 0 && c.CompactAfter < time.Minute {
		errs = append(errs, fmt.Errorf("--compact-after %s: must be 0 (never) or at least 1m", c.CompactAfter))
	}
	if c.FlushAfter < 10*time.Millisecond || c.FlushAfter > time.Minute {
		errs = append(errs, fmt.Errorf("--flush-after %s: must be between 10ms and 1m", c.FlushAfter))
	}
	if c.AckWait != 0 && (c.AckWait < 5*time.Second || c.AckWait > time.Hour) {
		errs = append(errs, fmt.Errorf("--ack-wait %s: must be between 5s and 1h (or 0 for each stage's own)", c.AckWait))
	}
	if c.SearchConcurrency < 0 || c.SearchConcurrency > 1024 {
		errs = append(errs, fmt.Errorf("--search-concurrency %d: must be between 0 (one per CPU) and 1024", c.SearchConcurrency))
	}
	if c.SearchQueue < 0 || c.SearchQueue > 10000 {
		errs = append(errs, fmt.Errorf("--search-queue %d: must be between 0 (twice --search-concurrency) and 10000", c.SearchQueue))
	}
	if c.Workers < 0 {
		errs = append(errs, fmt.Errorf("--workers %d: must not be negative", c.Workers))
	}
	if c.MemoryLimit != "auto" {
		if _, err := memlimit.Parse(c.MemoryLimit); err != nil {
			errs = append(errs, fmt.Errorf("--memory-limit: %w", err))
		}
	}
	if c.has(stageServe) {
		errs = append(errs, c.HTTPAuth.validate()...)
	}
	errs = append(errs, c.NATSAuth.validate()...)
	return errors.Join(errs...)
}

// memoryLimit is the Go memory limit the process sets: with auto, the
// embedded server's share and each stage's beside it, or none when the
// server runs elsewhere (a stage alone has no heap that grows with the
// traffic). Validate has checked the setting.
func (c *runConfig) memoryLimit() int64 {
	if c.MemoryLimit != "auto" {
		n, _ := memlimit.Parse(c.MemoryLimit)
		return n
	}
	if c.NATS != "" {
		return memlimit.Off
	}
	n := memlimit.Server
	for _, s := range []string{stageIngest, stageExtract, stageIndex} {
		if c.has(s) {
			n += memlimit.Stage
		}
	}
	return n
}

func (c *runConfig) has(stage string) bool { return slices.Contains(c.Stages, stage) }

func (c *runConfig) indexPath() string { return filepath.Join(c.Data, "index", c.IndexName) }

func (c *runConfig) natsStore() string { return filepath.Join(c.Data, "nats") }

// feedURLs is every feed of --feed and --feeds.
func (c *runConfig) feedURLs() ([]string, error) {
	feeds := slices.Clone([]string(c.Feeds))
	if c.FeedsFile != "" {
		more, err := ingest.ReadFeedList(c.FeedsFile)
		if err != nil {
			return nil, fmt.Errorf("--feeds: %w", err)
		}
		feeds = append(feeds, more...)
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(feeds, func(f string) bool {
		dup := seen[f]
		seen[f] = true
		return dup
	}), nil
}
