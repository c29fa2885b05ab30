package ingest

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are ingest's counters, registered with the process's one
// registry.
type Metrics struct {
	polls     *prometheus.CounterVec
	failures  *prometheus.CounterVec
	requests  *prometheus.CounterVec
	bytes     *prometheus.CounterVec
	pages     *prometheus.CounterVec
	newItems  prometheus.Counter
	published *prometheus.CounterVec
	compacted *prometheus.CounterVec

	mu      sync.Mutex
	workers []*Worker
}

// NewMetrics makes ingest's metrics and registers them with reg (nil
// keeps them unregistered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_polls_total",
			Help: "Feed polls, by result: new (new items found), unchanged (read, nothing new), not_modified (304), failed.",
		}, []string{"result"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_failures_total",
			Help: "Failed feed polls and page fetches, by what was fetched, the kind of error, and (for feeds) the feed's state before the poll: new, ok or failing.",
		}, []string{"what", "kind", "state"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_requests_total",
			Help: "HTTP requests made, by what for: feed, page, robots.",
		}, []string{"what"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_fetched_bytes_total",
			Help: "Body bytes received (after transport decompression), by what for: feed, page, robots.",
		}, []string{"what"}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_pages_total",
			Help: "Article page fetches, by result: fetched, failed (will be tried again unless given up), given_up.",
		}, []string{"result"}),
		newItems: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "defwatch_ingest_new_items_total",
			Help: "New feed items found and queued for fetching (an item in several feeds counts once).",
		}),
		published: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_items_published_total",
			Help: "Pages published to defwatch.pages, by where the text came from: page, or feed when the page could not be fetched.",
		}, []string{"from"}),
		compacted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "defwatch_ingest_pages_shrunk_total",
			Help: "Pages over the NATS message limit, by what was done: compacted (scripts and styles dropped) or cut.",
		}, []string{"how"}),
	}
	if reg != nil {
		reg.MustRegister(m.polls, m.failures, m.requests, m.bytes, m.pages, m.newItems, m.published, m.compacted, m)
	}
	return m
}

var (
	feedsDesc = prometheus.NewDesc("defwatch_ingest_feeds",
		"Feeds this process polls now, by state: new, ok, failing, disabled.", []string{"state"}, nil)
	partitionsDesc = prometheus.NewDesc("defwatch_ingest_partitions",
		"Partitions of the host space this process holds.", nil, nil)
	retryingDesc = prometheus.NewDesc("defwatch_ingest_pages_retrying",
		"Article pages waiting for their next try in this process.", nil, nil)
)

// Describe and Collect report the gauges read from the workers at scrape
// time.
func (m *Metrics) Describe(ch chan<- *prometheus.Desc) {
	ch <- feedsDesc
	ch <- partitionsDesc
	ch <- retryingDesc
}

func (m *Metrics) Collect(ch chan<- prometheus.Metric) {
	m.mu.Lock()
	workers := append([]*Worker(nil), m.workers...)
	m.mu.Unlock()
	counts := map[string]int{"new": 0, "ok": 0, "failing": 0, "disabled": 0}
	parts := 0
	for _, w := range workers {
		for _, p := range w.held() {
			parts++
			p.feedStates(counts)
		}
	}
	retrying := counts["retrying_pages"]
	delete(counts, "retrying_pages")
	for state, n := range counts {
		ch <- prometheus.MustNewConstMetric(feedsDesc, prometheus.GaugeValue, float64(n), state)
	}
	ch <- prometheus.MustNewConstMetric(partitionsDesc, prometheus.GaugeValue, float64(parts))
	ch <- prometheus.MustNewConstMetric(retryingDesc, prometheus.GaugeValue, float64(retrying))
}

func (m *Metrics) worker(w *Worker) {
	m.mu.Lock()
	m.workers = append(m.workers, w)
	m.mu.Unlock()
}

// request counts one request and its body.
func (m *Metrics) request(what string, resp *Response) {
	m.requests.WithLabelValues(what).Inc()
	if resp != nil {
		m.bytes.WithLabelValues(what).Add(float64(len(resp.Body)))
	}
}
