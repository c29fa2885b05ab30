package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/ingest"
)

// registry is the process's one set of metrics, written in the
// Prometheus text format: the Go runtime and the process, what each stage
// adds, and JetStream's view of every stage, read at scrape time.
type registry struct {
	search  map[string]*histogram // by where the search came from
	streams *streamCollector

	mu     sync.Mutex
	ingest *ingest.Metrics       // nil when this process runs no ingest stage
	gauges []func() ingest.Gauge // read at each scrape
}

func newRegistry(js jetstream.JetStream, log *slog.Logger) *registry {
	r := &registry{search: map[string]*histogram{}, streams: &streamCollector{js: js, log: log}}
	for _, via := range []string{"http", "nats"} {
		r.search[via] = newHistogram(searchBuckets)
	}
	return r
}

// searchBuckets are the search latency histogram's upper bounds, in seconds.
var searchBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// metricsHandler serves /metrics in the Prometheus text format.
func metricsHandler(r *registry) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		var b bytes.Buffer
		r.writePrometheus(&b)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_, _ = w.Write(b.Bytes())
	})
}

func (r *registry) writePrometheus(w io.Writer) {
	writeRuntimeMetrics(w)
	ingest.WriteFamily(w, "defwatch_search_duration_seconds",
		"Time to answer a search, by where it came from: http (API and web page) or nats.", "histogram")
	for _, via := range []string{"http", "nats"} {
		r.search[via].write(w, "defwatch_search_duration_seconds", "via", via)
	}
	r.mu.Lock()
	m, gauges := r.ingest, slices.Clone(r.gauges)
	r.mu.Unlock()
	for _, read := range gauges {
		g := read()
		g.WritePrometheus(w)
	}
	if m != nil {
		m.WritePrometheus(w)
	}
	r.streams.write(w)
}

// histogram counts observations into cumulative buckets.
type histogram struct {
	bounds []float64
	mu     sync.Mutex
	counts []uint64 // by bucket, not yet cumulative; the last is +Inf
	sum    float64
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]uint64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	i, _ := slices.BinarySearch(h.bounds, v) // the first bound at or above v
	h.mu.Lock()
	h.counts[i]++
	h.sum += v
	h.mu.Unlock()
}

func (h *histogram) write(w io.Writer, name, label, value string) {
	h.mu.Lock()
	counts, sum := slices.Clone(h.counts), h.sum
	h.mu.Unlock()
	var n uint64
	for i, c := range counts {
		n += c
		le := "+Inf"
		if i < len(h.bounds) {
			le = strconv.FormatFloat(h.bounds[i], 'g', -1, 64)
		}
		fmt.Fprintf(w, "%s %d\n", ingest.SeriesName(name+"_bucket", []string{label, "le"}, []string{value, le}), n)
	}
	fmt.Fprintf(w, "%s %g\n", ingest.SeriesName(name+"_sum", []string{label}, []string{value}), sum)
	fmt.Fprintf(w, "%s %d\n", ingest.SeriesName(name+"_count", []string{label}, []string{value}), n)
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
	t.r.search[t.via].observe(time.Since(start).Seconds())
	return res, err
}

// streamCollector reads the streams and consumers at scrape time, so every
// stage's lag and redeliveries show wherever /metrics is served, from the
// one place that counts them: the NATS server.
type streamCollector struct {
	js  jetstream.JetStream
	log *slog.Logger
}

func (c *streamCollector) write(w io.Writer) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	byStream := []string{"stream"}
	byConsumer := []string{"stream", "consumer"}
	msgs := ingest.Gauge{Name: "defwatch_stream_messages", Help: "Messages held in a JetStream stream of the pipeline.", Labels: byStream}
	size := ingest.Gauge{Name: "defwatch_stream_bytes", Help: "Bytes held in a JetStream stream of the pipeline.", Labels: byStream}
	alerts := ingest.Gauge{Name: "defwatch_alerts_stored", Help: "Alerts and digests kept in DEFWATCH_ALERTS, by saved search.", Labels: []string{"rule"}}
	pending := ingest.Gauge{Name: "defwatch_consumer_pending", Help: "Messages a stage's consumer has not been delivered yet: its lag.", Labels: byConsumer}
	ackPending := ingest.Gauge{Name: "defwatch_consumer_ack_pending", Help: "Messages delivered to a stage's consumer and not yet acknowledged.", Labels: byConsumer}
	redelivered := ingest.Gauge{Name: "defwatch_consumer_redelivered", Help: "Messages delivered more than once to a stage's consumer and not yet acknowledged.", Labels: byConsumer}
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
		msgs.Add(float64(info.State.Msgs), name)
		size.Add(float64(info.State.Bytes), name)
		for subj, n := range info.State.Subjects {
			alerts.Add(float64(n), strings.TrimPrefix(subj, defwatch.SubjectAlerts+"."))
		}
		consumers := st.ListConsumers(ctx)
		for ci := range consumers.Info() {
			pending.Add(float64(ci.NumPending), name, ci.Name)
			ackPending.Add(float64(ci.NumAckPending), name, ci.Name)
			redelivered.Add(float64(ci.NumRedelivered), name, ci.Name)
		}
		if err := consumers.Err(); err != nil {
			failed++
		}
	}
	if failed > 0 {
		c.log.Debug("metrics: some JetStream figures unread", "failed", failed)
	}
	for _, g := range []*ingest.Gauge{&msgs, &size, &alerts, &pending, &ackPending, &redelivered} {
		g.WritePrometheus(w)
	}
	(&ingest.Gauge{Name: "defwatch_metrics_scrape_errors", Help: "Figures that could not be read from JetStream during this scrape."}).Add(float64(failed)).WritePrometheus(w)
}

// addGauge adds a gauge read at each scrape.
func (r *registry) addGauge(name, help string, read func() float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gauges = append(r.gauges, func() ingest.Gauge {
		g := ingest.Gauge{Name: name, Help: help}
		g.Add(read())
		return g
	})
}

// registerIndex adds the index's document count, its columns' memory
// and its size on disk. The size walks the index directory, so it is read
// at most twice a minute.
func registerIndex(r *registry, idx *index.Index, dir string) {
	r.addGauge("defwatch_index_documents", "Articles in this process's index.", func() float64 {
		n, err := idx.Count()
		if err != nil {
			return -1
		}
		return float64(n)
	})
	r.addGauge("defwatch_index_segments", "Segments the index's month shards hold together (a month that has ended is merged into one; see --compact-after).", func() float64 {
		return float64(idx.Segments())
	})
	r.addGauge("defwatch_index_time_columns_bytes", "Memory the publication-time columns of the index's live segments take (at most 128 MiB).", func() float64 {
		return float64(idx.TimeColumnBytes())
	})
	r.addGauge("defwatch_index_facet_columns_bytes", "Memory the facet columns of the index's live segments take (at most 256 MiB).", func() float64 {
		return float64(idx.FacetColumnBytes())
	})
	var mu sync.Mutex
	var size int64
	var at time.Time
	r.addGauge("defwatch_index_size_bytes", "Bytes the index takes on disk.", func() float64 {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(at) > 30*time.Second {
			size, at = dirSize(dir), time.Now()
		}
		return float64(size)
	})
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

// addIngest makes the ingest stage's metrics, written with the process's.
func (r *registry) addIngest() *ingest.Metrics {
	m := ingest.NewMetrics()
	r.mu.Lock()
	r.ingest = m
	r.mu.Unlock()
	return m
}
