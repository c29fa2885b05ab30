package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/defwatch/defwatch/ingest"
)

// processStart is when the process started, near enough: package
// variables are set before main runs.
var processStart = time.Now()

// writeRuntimeMetrics writes the Go runtime's and the process's figures
// under the names Prometheus' own Go client gives them, so dashboards
// made for Go programs read them.
func writeRuntimeMetrics(w io.Writer) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge := func(name, help string, v float64) {
		g := ingest.Gauge{Name: name, Help: help}
		g.Add(v).WritePrometheus(w)
	}
	counter := func(name, help string, v float64) {
		ingest.WriteFamily(w, name, help, "counter")
		fmt.Fprintf(w, "%s %g\n", name, v)
	}
	gauge("go_goroutines", "Goroutines that currently exist.", float64(runtime.NumGoroutine()))
	gauge("go_memstats_alloc_bytes", "Bytes of allocated heap objects.", float64(ms.HeapAlloc))
	gauge("go_memstats_heap_inuse_bytes", "Bytes in in-use heap spans.", float64(ms.HeapInuse))
	gauge("go_memstats_heap_idle_bytes", "Bytes in idle (unused) heap spans.", float64(ms.HeapIdle))
	gauge("go_memstats_heap_released_bytes", "Bytes of heap memory returned to the OS.", float64(ms.HeapReleased))
	gauge("go_memstats_sys_bytes", "Bytes of memory obtained from the OS.", float64(ms.Sys))
	gauge("go_memstats_heap_objects", "Allocated heap objects.", float64(ms.HeapObjects))
	gauge("go_memstats_next_gc_bytes", "Heap size at which the next collection starts.", float64(ms.NextGC))
	counter("go_memstats_alloc_bytes_total", "Bytes allocated on the heap, even if freed since.", float64(ms.TotalAlloc))
	counter("go_gc_cycles_total", "Completed garbage collection cycles.", float64(ms.NumGC))
	counter("go_gc_pause_seconds_total", "Time the world was stopped for garbage collection.", float64(ms.PauseTotalNs)/1e9)
	g := ingest.Gauge{Name: "go_info", Help: "The Go version the program was built with.", Labels: []string{"version"}}
	g.Add(1, runtime.Version()).WritePrometheus(w)
	gauge("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.", float64(processStart.UnixNano())/1e9)
	writeProcessMetrics(gauge, counter)
}
