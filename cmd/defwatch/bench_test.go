package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// BenchmarkPipelineImport measures the whole pipeline: archived articles
// imported into defwatch.pages, extracted, tagged, indexed, searchable.
func BenchmarkPipelineImport(b *testing.B) {
	var total time.Duration
	var articles int
	for b.Loop() {
		b.StopTimer()
		natsAddr := freeAddr(b)
		r := startRun(b, "--data", b.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(b))
		b.StartTimer()
		start := time.Now()
		importFile(b, natsAddr, archive)
		waitForTotal(b, r.api, "*", 201)
		total += time.Since(start)
		articles += 201
		b.StopTimer()
		r.stop(b)
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/total.Seconds(), "articles/s")
}

// BenchmarkAlertLatency measures how soon an alert follows its article,
// with 1,000 saved searches in force. The 201 archived articles go into a
// running pipeline one every 50 ms (a busy news day is far slower); a rule
// that every article matches (`*`) makes each new story an alert, and 999
// others make the matching work. Reported: from the article indexed (the
// alert's "indexed") to the alert received by a plain subscriber, and
// from the page published to the alert received (extraction, the index
// stage's batching and the commit included).
func BenchmarkAlertLatency(b *testing.B) {
	for range b.N {
		b.StopTimer()
		natsAddr := freeAddr(b)
		startRun(b, "--data", b.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(b))
		nc, js := natsClient(b, "nats://"+natsAddr)
		kv, err := js.KeyValue(b.Context(), defwatch.KVRules)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			r := defwatch.Rule{Query: "*"}
			if i > 0 {
				r.Query = fmt.Sprintf(`nation:%s (troops:>=%d OR "%s")`, []string{"UA", "RU", "FR", "DE", "PL"}[i%5], 100*i, benchWords[i%len(benchWords)])
			}
			data, _ := json.Marshal(r)
			if _, err := kv.Put(b.Context(), fmt.Sprintf("r%04d", i), data); err != nil {
				b.Fatal(err)
			}
		}
		var mu sync.Mutex
		var fromIndexed, fromPublished []time.Duration
		published := map[string]time.Time{}
		_, err = nc.Subscribe(defwatch.SubjectAlerts+".r0000", func(m *nats.Msg) {
			got := time.Now()
			var a defwatch.Alert
			if json.Unmarshal(m.Data, &a) != nil || a.Summary == nil {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			fromIndexed = append(fromIndexed, got.Sub(a.Indexed))
			if t, ok := published[a.ID]; ok {
				fromPublished = append(fromPublished, got.Sub(t))
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		time.Sleep(time.Second) // for the alerter to read the rules
		b.StartTimer()

		pages := archivePages(b)
		for _, p := range pages {
			data, _ := json.Marshal(p)
			mu.Lock()
			published[p.ID] = time.Now()
			mu.Unlock()
			if _, err := js.Publish(b.Context(), defwatch.SubjectPages, data, jetstream.WithMsgID(p.ID)); err != nil {
				b.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(2 * time.Second)
		b.StopTimer()
		mu.Lock()
		if len(fromIndexed) < len(pages)/2 {
			b.Fatalf("%d alerts for %d articles", len(fromIndexed), len(pages))
		}
		b.ReportMetric(float64(len(fromIndexed)), "alerts")
		for _, q := range []struct {
			name string
			d    []time.Duration
		}{{"indexed", fromIndexed}, {"published", fromPublished}} {
			slices.Sort(q.d)
			b.ReportMetric(float64(q.d[len(q.d)/2].Microseconds())/1000, q.name+"-p50-ms")
			b.ReportMetric(float64(q.d[len(q.d)*99/100].Microseconds())/1000, q.name+"-p99-ms")
		}
		mu.Unlock()
	}
}

var benchWords = []string{"brigade", "ceasefire", "artillery", "drone", "summit", "sanctions", "frigate", "exercise", "mobilisation", "air defence"}

// archivePages reads the archive as the pages import would publish.
func archivePages(b *testing.B) []*defwatch.Page {
	var out []*defwatch.Page
	for _, line := range archiveLines(b) {
		p, err := pageOf(line)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}
