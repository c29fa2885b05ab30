package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/cmd/defwatch/internal/memlimit"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/alert"
	"github.com/defwatch/defwatch/index/web"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/feedset"
)

// Bounds on an HTTP request: a 1 MB header lets an over-long query reach
// the handler, which says what the limit is, where a smaller one would
// answer with a bare 431.
const (
	maxHeaderBytes = 1 << 20
	maxRequestBody = 1 << 20
)

func runCommand(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch run", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: defwatch run [flags]\n\nRuns an embedded NATS server (unless --nats is given), the pipeline's stages and the HTTP server.\n\n")
		fs.PrintDefaults()
	}
	cfg, err := parseRunConfig(args, fs, stderr)
	if err != nil {
		return err
	}
	log, err := cfg.Log.logger(stderr)
	if err != nil {
		return err
	}
	err = run(ctx, cfg, log, stderr)
	if err != nil && ctx.Err() != nil && errors.Is(err, context.Canceled) {
		// Asked to stop while still starting: whatever the start-up was
		// waiting for was cut short by that, and nothing was lost.
		log.Info("stopped during start-up", "err", err)
		return nil
	}
	return err
}

// run runs the stages cfg names until ctx ends, then shuts down in order:
// intake stops, HTTP finishes its requests, consumers drain, the index
// closes, and last the NATS connection and server.
func run(ctx context.Context, cfg *runConfig, log *slog.Logger, stderr io.Writer) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	if cfg.has(stageIngest) {
		if _, err := cfg.feedURLs(); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(cfg.Data, 0o700); err != nil {
		return fmt.Errorf("--data %s: %w", cfg.Data, err)
	}
	if cfg.NATS == "" || cfg.has(stageIndex) {
		// The NATS store and the index are one process's each.
		unlock, err := lockData(cfg.Data)
		if err != nil {
			return err
		}
		defer unlock()
	}

	// Who may use HTTP is settled first: a public address with no tokens
	// is refused before anything starts.
	var access *httpAccess
	if cfg.has(stageServe) {
		var err error
		if access, err = newHTTPAccess(cfg, log, stderr); err != nil {
			return err
		}
	}

	// The HTTP port is taken before anything starts, so a clash is reported
	// at once and names the flag.
	var httpLn net.Listener
	if cfg.has(stageServe) {
		var err error
		if httpLn, err = net.Listen("tcp", cfg.Listen); err != nil {
			return fmt.Errorf("--listen %s: %w (is another defwatch running? stop it or pick another address)", cfg.Listen, err)
		}
		defer httpLn.Close()
	}

	// Set before the server starts, so its heap is bounded from the first
	// page on.
	if limit, err := memlimit.Apply(cfg.memoryLimit()); err != nil {
		log.Info("memory limit from GOMEMLIMIT", "limit_mib", limit>>20)
	} else if limit != memlimit.Off {
		log.Info("memory limit", "limit_mib", limit>>20)
	}
	ns, natsURL, connOpts, err := stagesNATS(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	if ns != nil {
		defer func() {
			ns.Shutdown()
			ns.WaitForShutdown()
		}()
	}
	nc, err := connect(ctx, natsURL, "defwatch "+strings.Join(cfg.Stages, ","), log, connOpts...)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	setupCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := setupStreams(setupCtx, js, cfg.Replicas); err != nil {
		return fmt.Errorf("set up JetStream: %w (with an external NATS server, JetStream must be enabled)", err)
	}

	// Each group is one shutdown step; they end in this order.
	intake, intakeCtx := errgroup.WithContext(ctx)
	consumers, consumeCtx := errgroup.WithContext(ctx)

	reg := newRegistry(js, log)
	var idx *index.Index
	var al *alert.Alerter
	var stopSearch func()
	// Indexing and extraction (page parsing, tagging, JSON) make short-lived
	// garbage by the megabyte: both collect less often, under the memory
	// limit that still bounds the heap.
	if cfg.has(stageIndex) || cfg.has(stageExtract) {
		index.TuneGC()
	}
	if cfg.has(stageIndex) {
		if idx, err = index.Open(cfg.indexPath(), index.WithRetention(cfg.Retention), index.WithCompaction(cfg.CompactAfter), index.WithLogger(log),
			index.WithSearchLimits(index.SearchLimits{Concurrent: cfg.SearchConcurrency, Queue: cfg.SearchQueue})); err != nil {
			return err
		}
		defer func() {
			if err := idx.Close(); err != nil {
				log.Error("close index", "err", err)
			}
		}()
		icfg := index.IndexerConfig{Durable: "index-" + cfg.IndexName, FlushAfter: cfg.FlushAfter, AckWait: cfg.AckWait}
		if cfg.Alerts {
			webhooks := ingest.NewFetcher(ingest.FetcherConfig{AllowPrivate: cfg.AllowPrivate}).Client()
			al, err = alert.New(setupCtx, nc, js, webhooks, log)
			if err != nil {
				return err
			}
			// `alerts add` reads it to refuse a private webhook early.
			if state, err := js.KeyValue(setupCtx, defwatch.KVAlerter); err == nil {
				_, err = state.PutString(setupCtx, allowPrivateKey, strconv.FormatBool(cfg.AllowPrivate))
				if err != nil {
					log.Warn("could not record --allow-private for alerts add", "err", err)
				}
			}
			icfg.OnCommit = al.OnCommit
			idx.KeepAnalysed(al.WantsAnalysis)
			consumers.Go(func() error { return al.Run(consumeCtx) })
		} else {
			idx.KeepAnalysed(func(*defwatch.Article) bool { return false })
		}
		ix, err := index.NewIndexer(setupCtx, js, idx, icfg, log)
		if err != nil {
			return err
		}
		consumers.Go(func() error { return ix.Run(consumeCtx) })
		registerIndex(reg, idx, cfg.indexPath())
		if stopSearch, err = index.ServeNATS(nc, timedSearcher{idx, reg, "nats"}, log); err != nil {
			return err
		}
	}
	if cfg.has(stageExtract) {
		st, err := extract.NewStage(setupCtx, js, extract.StageConfig{Workers: cfg.Workers, AckWait: cfg.AckWait}, log)
		if err != nil {
			return err
		}
		consumers.Go(func() error { return st.Run(consumeCtx) })
	}
	if cfg.has(stageIngest) {
		w, err := newIngest(setupCtx, cfg, nc, js, reg, log)
		if err != nil {
			return err
		}
		intake.Go(func() error { return w.Run(intakeCtx) })
	}

	keep := &keeper{js: js, needs: cfg.neededStreams(), replicas: cfg.Replicas, log: log}
	kept := make(chan struct{})
	go func() {
		defer close(kept)
		keep.run(ctx)
	}()
	defer func() {
		stop()
		<-kept
	}()

	var srv *http.Server
	serveErr := make(chan error, 1)
	if cfg.has(stageServe) {
		var s index.Searcher = idx
		if idx == nil {
			s = index.NewRemote(nc)
		}
		ready := func(ctx context.Context) error {
			if !nc.IsConnected() {
				return errNotConnected
			}
			if err := keep.check(ctx); err != nil {
				return err
			}
			if al != nil {
				if err := al.Ready(ctx); err != nil {
					return err
				}
			}
			if idx == nil {
				_, err := s.Search(ctx, index.Request{Query: "*", Size: 1})
				return err
			}
			return nil
		}
		s = timedSearcher{s, reg, "http"}
		mux := index.NewHandler(s, ready, log)
		rulesKV, err := js.KeyValue(setupCtx, defwatch.KVRules)
		if err != nil {
			return fmt.Errorf("saved searches (KV %s): %w", defwatch.KVRules, err)
		}
		// Saved searches change under /alerts and /api/alerts alone, so
		// access to them can be granted apart from searching.
		rules := alert.NewRuleStore(rulesKV)
		rules.CheckWebhook = func(ctx context.Context, raw string) error {
			_, err := checkWebhookAddr(ctx, raw, cfg.AllowPrivate)
			return err
		}
		rulesAPI := alert.NewHandler(rules, log)
		mux.Handle("/api/alerts", rulesAPI)
		mux.Handle("/api/alerts/", rulesAPI)
		feeds, err := feedset.Open(setupCtx, js)
		if err != nil {
			return err
		}
		mux.Handle("/api/feeds", feeds.Handler(log))
		mux.Handle("GET /metrics", metricsHandler(reg))
		mux.Handle("/", web.New(s, log, web.WithRules(rules), web.WithSources(feeds)))
		srv = &http.Server{
			// No request defwatch serves needs a big body (a saved search
			// is a few KB); a query is bounded far below the header
			// limit, and refused with a reason, not cut off.
			Handler:           access.handler(http.MaxBytesHandler(mux, maxRequestBody)),
			MaxHeaderBytes:    maxHeaderBytes,
			TLSConfig:         access.tls,
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       30 * time.Second,
			WriteTimeout:      60 * time.Second,
			IdleTimeout:       2 * time.Minute,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		}
		scheme := "http"
		if access.tls != nil {
			scheme = "https"
			go func() { serveErr <- srv.ServeTLS(httpLn, "", "") }()
		} else {
			go func() { serveErr <- srv.Serve(httpLn) }()
		}
		log.Info("serving HTTP", "url", scheme+"://"+httpLn.Addr().String())
	}
	log.Info("defwatch running", "stages", strings.Join(cfg.Stages, ","), "nats", natsURL)

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		if !errors.Is(err, http.ErrServerClosed) {
			runErr = fmt.Errorf("http: %w", err)
		}
	}
	log.Info("shutting down")
	stop()
	_ = intake.Wait()
	if srv != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := srv.Shutdown(sctx); err != nil {
			log.Warn("http shutdown", "err", err)
		}
		cancel()
	}
	if stopSearch != nil {
		stopSearch()
	}
	if err := consumers.Wait(); err != nil && runErr == nil {
		runErr = err
	}
	// Everything acknowledged is already acknowledged to the server; this
	// only pushes out what the client still buffers.
	if err := nc.FlushTimeout(5 * time.Second); err != nil && nc.IsConnected() {
		log.Warn("nats flush", "err", err)
	}
	log.Info("stopped")
	return runErr
}
