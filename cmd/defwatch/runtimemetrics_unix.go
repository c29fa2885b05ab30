//go:build unix

package main

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// writeProcessMetrics writes the process's CPU time, memory and open
// files, each figure the system gives.
func writeProcessMetrics(gauge, counter func(name, help string, v float64)) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		cpu := float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
		counter("process_cpu_seconds_total", "User and system CPU time spent, in seconds.", cpu)
	}
	// /proc/self/statm holds the resident pages second (Linux).
	if statm, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := bytes.Fields(statm); len(f) > 1 {
			if pages, err := strconv.ParseUint(string(f[1]), 10, 64); err == nil {
				gauge("process_resident_memory_bytes", "Resident memory size in bytes.", float64(pages)*float64(os.Getpagesize()))
			}
		}
	}
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		gauge("process_open_fds", "Open file descriptors.", float64(len(fds)))
	}
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil {
		gauge("process_max_fds", "The most file descriptors the process may open.", float64(lim.Cur))
	}
}
