package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// realStages are the extract and index stages as an operator runs them,
// each a `defwatch run --stages …` process of its own against the
// benchmark's NATS server, so the kernel's count of each one's CPU and
// memory is that stage's alone.
type realStages struct {
	extract, index  *exec.Cmd
	pages, articles jetstream.Stream
}

// startStages starts the stages, keeping what they store under dir, and
// waits for their consumers.
func startStages(ctx context.Context, js jetstream.JetStream, bin, natsURL, dir string) (*realStages, error) {
	st := &realStages{}
	start := func(stage string) (*exec.Cmd, error) {
		c := exec.Command(bin, "run", "--stages", stage, "--nats", natsURL, "--data", filepath.Join(dir, stage))
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		c.Env = append(os.Environ(), "DEFWATCH_LOG_LEVEL=warn")
		if err := c.Start(); err != nil {
			return nil, fmt.Errorf("start the %s stage (%s; make bench-ingest builds it): %w", stage, bin, err)
		}
		return c, nil
	}
	var err error
	if st.index, err = start("index"); err != nil {
		return nil, err
	}
	if st.extract, err = start("extract"); err != nil {
		st.stop()
		return nil, err
	}
	// Each stage makes its consumer when it starts; the pages are
	// published only once both are there.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		st.pages, err = js.Stream(ctx, defwatch.StreamPages)
		if err == nil {
			st.articles, err = js.Stream(ctx, defwatch.StreamArticles)
		}
		if err == nil {
			var np, na int
			np, err = consumers(ctx, st.pages)
			if err == nil {
				na, err = consumers(ctx, st.articles)
			}
			if err == nil && np > 0 && na > 0 {
				return st, nil
			}
		}
		if time.Now().After(deadline) {
			st.stop()
			return nil, fmt.Errorf("the extract and index stages did not make their consumers within 2 minutes (%v); see their log above", err)
		}
		if err := sleep(ctx, 100*time.Millisecond); err != nil {
			st.stop()
			return nil, err
		}
	}
}

func consumers(ctx context.Context, s jetstream.Stream) (int, error) {
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Consumers, nil
}

// drained says whether every consumer of the pages and articles streams
// has had and acknowledged all there is: every page extracted, and every
// article indexed (and matched against the saved searches).
func (st *realStages) drained(ctx context.Context) (bool, error) {
	for _, s := range []jetstream.Stream{st.pages, st.articles} {
		names := s.ConsumerNames(ctx)
		for name := range names.Name() {
			c, err := s.Consumer(ctx, name)
			if err != nil {
				return false, err
			}
			info, err := c.Info(ctx)
			if err != nil {
				return false, err
			}
			if info.NumPending > 0 || info.NumAckPending > 0 {
				return false, nil
			}
		}
		if err := names.Err(); err != nil {
			return false, err
		}
	}
	return true, nil
}

// stop stops the stages as `defwatch run` is stopped, extract first.
func (st *realStages) stop() {
	for _, c := range []*exec.Cmd{st.extract, st.index} {
		if c != nil && c.ProcessState == nil {
			_ = c.Process.Signal(os.Interrupt)
			_ = c.Wait()
		}
	}
}
