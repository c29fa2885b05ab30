package main

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// registry is the process's one metrics registry: the Go runtime and the
// process, JetStream's view of every stage, and what each stage adds.
type registry struct {
	*prometheus.Registry
	search *prometheus.HistogramVec
}

func newRegistry(js jetstream.JetStream, log *slog.Logger) *registry {
	r := &registry{Registry: prometheus.NewRegistry()}
	r.search = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "defwatch_search_duration_seconds",
		Help:    "Time to answer a search, by where it came from: http (API and web page) or nats.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"via"})
	r.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		r.search,
		&streamCollector{js: js, log: log},
	)
	return r
}

// metricsHandler serves /metrics in the Prometheus text format.
func metricsHandler(r *registry, log *slog.Logger) http.Handler {
	return promhttp.HandlerFor(r.Registry, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ErrorHandling: promhttp.ContinueOnError,
		Timeout:       10 * time.Second,
	})
}

// timedSearcher times every search for the latency histogram.
type timedSearcher struct {
	index.Searcher
	r   *registry
	via string
}

func (t timedSearcher) Search(ctx context.Context, req index.Request) (*index.Result, error) {
	start := time.Now()
	res, err := t.Searcher.Search(ctx, req)
	t.r.search.WithLabelValues(t.via).Observe(time.Since(start).Seconds())
	return res, err
}

var (
	streamMsgs = prometheus.NewDesc("defwatch_stream_messages",
		"Messages held in a JetStream stream of the pipeline.", []string{"stream"}, nil)
	streamBytes = prometheus.NewDesc("defwatch_stream_bytes",
		"Bytes held in a JetStream stream of the pipeline.", []string{"stream"}, nil)
	consumerPending = prometheus.NewDesc("defwatch_consumer_pending",
		"Messages a stage's consumer has not been delivered yet: its lag.", []string{"stream", "consumer"}, nil)
	consumerAckPending = prometheus.NewDesc("defwatch_consumer_ack_pending",
		"Messages delivered to a stage's consumer and not yet acknowledged.", []string{"stream", "consumer"}, nil)
	consumerRedelivered = prometheus.NewDesc("defwatch_consumer_redelivered",
		"Messages delivered more than once to a stage's consumer and not yet acknowledged.", []string{"stream", "consumer"}, nil)
	alertsStored = prometheus.NewDesc("defwatch_alerts_stored",
		"Alerts and digests kept in DEFWATCH_ALERTS, by saved search.", []string{"rule"}, nil)
	scrapeErrors = prometheus.NewDesc("defwatch_metrics_scrape_errors",
		"Figures that could not be read from JetStream during this scrape.", nil, nil)
)

// streamCollector reads the streams and consumers at scrape time, so every
// stage's lag and redeliveries show wherever /metrics is served, from the
// one place that counts them: the NATS server.
type streamCollector struct {
	js  jetstream.JetStream
	log *slog.Logger
}

func (c *streamCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{streamMsgs, streamBytes, consumerPending, consumerAckPending, consumerRedelivered, alertsStored, scrapeErrors} {
		ch <- d
	}
}

func (c *streamCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	failed := 0
	for _, name := range []string{defwatch.StreamPages, defwatch.StreamArticles, defwatch.StreamAlerts, defwatch.StreamDigest, defwatch.StreamFetch} {
		st, err := c.js.Stream(ctx, name)
		if err != nil {
			if !errors.Is(err, jetstream.ErrStreamNotFound) {
				failed++
			}
			continue
		}
		var opts []jetstream.StreamInfoOpt
		if name == defwatch.StreamAlerts {
			opts = append(opts, jetstream.WithSubjectFilter(defwatch.SubjectAlerts+".>"))
		}
		info, err := st.Info(ctx, opts...)
		if err != nil {
			failed++
			continue
		}
		ch <- prometheus.MustNewConstMetric(streamMsgs, prometheus.GaugeValue, float64(info.State.Msgs), name)
		ch <- prometheus.MustNewConstMetric(streamBytes, prometheus.GaugeValue, float64(info.State.Bytes), name)
		for subj, n := range info.State.Subjects {
			ch <- prometheus.MustNewConstMetric(alertsStored, prometheus.GaugeValue, float64(n),
				strings.TrimPrefix(subj, defwatch.SubjectAlerts+"."))
		}
		consumers := st.ListConsumers(ctx)
		for ci := range consumers.Info() {
			ch <- prometheus.MustNewConstMetric(consumerPending, prometheus.GaugeValue, float64(ci.NumPending), name, ci.Name)
			ch <- prometheus.MustNewConstMetric(consumerAckPending, prometheus.GaugeValue, float64(ci.NumAckPending), name, ci.Name)
			ch <- prometheus.MustNewConstMetric(consumerRedelivered, prometheus.GaugeValue, float64(ci.NumRedelivered), name, ci.Name)
		}
		if err := consumers.Err(); err != nil {
			failed++
		}
	}
	if failed > 0 {
		c.log.Debug("metrics: some JetStream figures unread", "failed", failed)
	}
	ch <- prometheus.MustNewConstMetric(scrapeErrors, prometheus.GaugeValue, float64(failed))
}

// registerIndex adds the index's document count and size on disk. The
// size walks the index directory, so it is read at most twice a minute.
func registerIndex(r *registry, idx *index.Index, dir string) {
	r.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "defwatch_index_documents",
		Help: "Articles in this process's index.",
	}, func() float64 {
		n, err := idx.Count()
		if err != nil {
			return -1
		}
		return float64(n)
	}))
	var mu sync.Mutex
	var size int64
	var at time.Time
	r.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "defwatch_index_size_bytes",
		Help: "Bytes the index takes on disk.",
	}, func() float64 {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(at) > 30*time.Second {
			size, at = dirSize(dir), time.Now()
		}
		return float64(size)
	}))
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a segment merged away while we walk: skip it
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}
