package main

import (
	"testing"
	"time"
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
