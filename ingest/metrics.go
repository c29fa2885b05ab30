package ingest

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/defwatch/defwatch"
)

// Metrics are ingest's counters, and the gauges read from its workers at
// scrape time. They are written in the Prometheus text format by hand:
// the client libraries' package initialisation (registries, runtime
// metric tables, /proc and cgroup reads) would cost every command that
// links them, `defwatch extract` included, a few milliseconds at start.
type Metrics struct {
	polls     *CounterVec
	failures  *CounterVec
	requests  *CounterVec
	bytes     *CounterVec
	pages     *CounterVec
	newItems  *CounterVec
	published *CounterVec
	compacted *CounterVec

	mu      sync.Mutex
	workers []*Worker
}

// NewMetrics makes ingest's metrics, all at zero.
func NewMetrics() *Metrics {
	return &Metrics{
		polls: NewCounterVec("defwatch_ingest_polls_total",
			"Feed polls, by result: new (new items found), unchanged (read, nothing new), not_modified (304), failed.", "result"),
		failures: NewCounterVec("defwatch_ingest_failures_total",
			"Failed feed polls and page fetches, by what was fetched, the kind of error, and (for feeds) the feed's state before the poll: new, ok or failing.", "what", "kind", "state"),
		requests: NewCounterVec("defwatch_ingest_requests_total",
			"HTTP requests made, by what for: feed, page, robots.", "what"),
		bytes: NewCounterVec("defwatch_ingest_fetched_bytes_total",
			"Body bytes received (after transport decompression), by what for: feed, page, robots.", "what"),
		pages: NewCounterVec("defwatch_ingest_pages_total",
			"Article page fetches, by result: fetched, failed (will be tried again unless given up), given_up.", "result"),
		newItems: NewCounterVec("defwatch_ingest_new_items_total",
			"New feed items found and queued for fetching (an item in several feeds counts once)."),
		published: NewCounterVec("defwatch_ingest_items_published_total",
			"Pages published to defwatch.pages, by where the text came from: page, or feed when the page could not be fetched.", "from"),
		compacted: NewCounterVec("defwatch_ingest_pages_shrunk_total",
			"Pages over the NATS message limit, by what was done: compacted (scripts and styles dropped) or cut.", "how"),
	}
}

// WritePrometheus writes ingest's metrics in the Prometheus text format.
func (m *Metrics) WritePrometheus(w io.Writer) {
	for _, c := range []*CounterVec{m.polls, m.failures, m.requests, m.bytes, m.pages, m.newItems, m.published, m.compacted} {
		c.WritePrometheus(w)
	}
	m.mu.Lock()
	workers := append([]*Worker(nil), m.workers...)
	m.mu.Unlock()
	counts := map[string]int{}
	parts := 0
	for _, wk := range workers {
		for _, p := range wk.held() {
			parts++
			p.feedStates(counts)
		}
	}
	feeds := Gauge{Name: "defwatch_ingest_feeds", Help: "Feeds this process polls now, by state: new, ok, failing, disabled.", Labels: []string{"state"}}
	for _, state := range []string{defwatch.FeedNew, defwatch.FeedOK, defwatch.FeedFailing, defwatch.FeedDisabled} {
		feeds.Add(float64(counts[state]), state)
	}
	feeds.WritePrometheus(w)
	(&Gauge{Name: "defwatch_ingest_partitions", Help: "Partitions of the host space this process holds."}).Add(float64(parts)).WritePrometheus(w)
	(&Gauge{Name: "defwatch_ingest_pages_retrying", Help: "Article pages waiting for their next try in this process."}).Add(float64(counts["retrying_pages"])).WritePrometheus(w)
}

func (m *Metrics) worker(w *Worker) {
	m.mu.Lock()
	m.workers = append(m.workers, w)
	m.mu.Unlock()
}

// request counts one request and its body.
func (m *Metrics) request(what string, resp *Response) {
	m.requests.With(what).Add(1)
	if resp != nil {
		m.bytes.With(what).Add(uint64(len(resp.Body)))
	}
}

// CounterVec is a counter family: one series for each set of label
// values, made the first time it is counted.
type CounterVec struct {
	name, help string
	labels     []string
	mu         sync.Mutex
	series     map[string]*atomic.Uint64 // by the label values, joined by NUL
}

// NewCounterVec makes a counter family with these labels (none for a
// single counter).
func NewCounterVec(name, help string, labels ...string) *CounterVec {
	return &CounterVec{name: name, help: help, labels: labels, series: map[string]*atomic.Uint64{}}
}

// With is the counter of these label values, one for each label.
func (c *CounterVec) With(values ...string) *atomic.Uint64 {
	if len(values) != len(c.labels) {
		panic(fmt.Sprintf("metrics: %s has labels %v, counted with %d values", c.name, c.labels, len(values)))
	}
	key := strings.Join(values, "\x00")
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.series[key]
	if n == nil {
		n = new(atomic.Uint64)
		c.series[key] = n
	}
	return n
}

// WritePrometheus writes the family, its series in the order of their
// label values.
func (c *CounterVec) WritePrometheus(w io.Writer) {
	c.mu.Lock()
	keys := make([]string, 0, len(c.series))
	for k := range c.series {
		keys = append(keys, k)
	}
	values := make(map[string]uint64, len(keys))
	for _, k := range keys {
		values[k] = c.series[k].Load()
	}
	c.mu.Unlock()
	slices.Sort(keys)
	WriteFamily(w, c.name, c.help, "counter")
	if len(c.labels) == 0 && len(keys) == 0 {
		fmt.Fprintf(w, "%s 0\n", c.name)
	}
	for _, k := range keys {
		var lv []string
		if len(c.labels) > 0 {
			lv = strings.Split(k, "\x00")
		}
		fmt.Fprintf(w, "%s %d\n", SeriesName(c.name, c.labels, lv), values[k])
	}
}

// Gauge is a gauge family read at scrape time: its series as gathered.
type Gauge struct {
	Name, Help  string
	Labels      []string
	labelValues [][]string
	values      []float64
}

// Add adds a series with these label values, one for each label.
func (g *Gauge) Add(v float64, labelValues ...string) *Gauge {
	g.labelValues = append(g.labelValues, labelValues)
	g.values = append(g.values, v)
	return g
}

// WritePrometheus writes the family; one with no series is left out.
func (g *Gauge) WritePrometheus(w io.Writer) {
	if len(g.values) == 0 {
		return
	}
	WriteFamily(w, g.Name, g.Help, "gauge")
	for i, v := range g.values {
		fmt.Fprintf(w, "%s %g\n", SeriesName(g.Name, g.Labels, g.labelValues[i]), v)
	}
}

// WriteFamily writes a metric family's HELP and TYPE lines.
func WriteFamily(w io.Writer, name, help, kind string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, helpEscaper.Replace(help), name, kind)
}

// SeriesName is a series' name in the Prometheus text format: the family
// and its labels, each value quoted and escaped.
func SeriesName(family string, labels, values []string) string {
	if len(labels) == 0 {
		return family
	}
	var b strings.Builder
	b.WriteString(family)
	for i, l := range labels {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(l)
		b.WriteString(`="`)
		labelEscaper.WriteString(&b, values[i])
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// The text format escapes a backslash and a line break in help text, and
// a double quote too in a label value.
var (
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
	labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
)
