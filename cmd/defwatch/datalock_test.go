//go:build unix

package main

import (
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSecondRunOnOneDataDirStops: a second `defwatch run` on the data of a
// running one stops at once and names the other process.
func TestSecondRunOnOneDataDirStops(t *testing.T) {
	data := t.TempDir()
	first := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	start := time.Now()
	err := Run(t.Context(), []string{"run", "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t)}, nil, io.Discard, io.Discard)
	if !errors.Is(err, errDataInUse) || !strings.Contains(err.Error(), "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("second run: %v; want it refused, naming pid %d", err, os.Getpid())
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the second run took %s to stop", took)
	}
	// Once the first stops, the data is free again.
	first.stop(t)
	startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
}

// TestStopWhileStarting: a run told to stop at any point of its start
// stops, cleanly and soon.
func TestStopWhileStarting(t *testing.T) {
	data := t.TempDir()
	for _, after := range []time.Duration{0, time.Millisecond, 10 * time.Millisecond, 50 * time.Millisecond, 200 * time.Millisecond} {
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, []string{"run", "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t), "--log-level", "error"}, nil, io.Discard, t.Output())
		}()
		time.Sleep(after)
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("stopped %s into its start: %v, want a clean stop", after, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("stopped %s into its start: still running 30s later", after)
		}
	}
}
