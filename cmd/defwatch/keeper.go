package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// keeperInterval is how often a running defwatch looks for its streams
// and buckets, and puts back any that went missing.
const keeperInterval = 2 * time.Second

// neededStreams are the streams (a KV bucket is the stream KV_<bucket>)
// the stages this process runs read or write.
func (c *runConfig) neededStreams() []string {
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	if c.has(stageIngest) {
		add(defwatch.StreamPages, defwatch.StreamFetch, kvStream(defwatch.KVFeeds), kvStream(defwatch.KVFeedState),
			kvStream(defwatch.KVSeen), kvStream(defwatch.KVIngest))
	}
	if c.has(stageExtract) {
		add(defwatch.StreamPages, defwatch.StreamArticles)
	}
	if c.has(stageIndex) {
		add(defwatch.StreamArticles)
		if c.Alerts {
			add(defwatch.StreamAlerts, defwatch.StreamDigest, kvStream(defwatch.KVRules), kvStream(defwatch.KVAlerted), kvStream(defwatch.KVAlerter))
		}
	}
	return out
}

func kvStream(bucket string) string { return "KV_" + bucket }

// missingStreams names the streams of names that are not on the server.
func missingStreams(ctx context.Context, js jetstream.JetStream, names []string) ([]string, error) {
	var missing []string
	for _, n := range names {
		_, err := js.Stream(ctx, n)
		switch {
		case errors.Is(err, jetstream.ErrStreamNotFound):
			missing = append(missing, n)
		case err != nil:
			return nil, fmt.Errorf("stream %s: %w", n, err)
		}
	}
	return missing, nil
}

// describe names streams as a person knows them: KV buckets by bucket.
func describe(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		if b, ok := strings.CutPrefix(n, "KV_"); ok {
			parts[i] = "KV bucket " + b
		} else {
			parts[i] = "stream " + n
		}
	}
	return strings.Join(parts, ", ")
}

// keeper watches the streams and buckets the stages need. One that went
// missing (deleted by hand, or lost with a NATS server's store) makes the
// process unready, and is created again, with a warning: the stages'
// consumers then start over on it.
type keeper struct {
	js       jetstream.JetStream
	needs    []string
	replicas int
	log      *slog.Logger
}

// check says what is missing now.
func (k *keeper) check(ctx context.Context) error {
	missing, err := missingStreams(ctx, k.js, k.needs)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s missing (deleted?); defwatch creates it again within seconds", describe(missing))
	}
	return nil
}

// run looks every keeperInterval until ctx ends.
func (k *keeper) run(ctx context.Context) {
	t := time.NewTicker(keeperInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		missing, err := missingStreams(cctx, k.js, k.needs)
		if err == nil && len(missing) > 0 {
			k.log.Warn("streams or buckets are missing; creating them again (what they held is gone; consumers start over)", "missing", describe(missing))
			if err = setupStreams(cctx, k.js, k.replicas); err == nil {
				k.log.Warn("streams and buckets created again", "created", describe(missing))
			}
		}
		cancel()
		if err != nil && ctx.Err() == nil {
			k.log.Warn("checking streams failed", "err", err)
		}
	}
}
