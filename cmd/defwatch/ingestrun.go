package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/feedset"
)

// newIngest adds the feeds named at start-up to the feed set (those
// already there keep their settings) and returns the ingest stage.
func newIngest(ctx context.Context, cfg *runConfig, nc *nats.Conn, js jetstream.JetStream, reg *registry, log *slog.Logger) (*ingest.Worker, error) {
	feeds, err := cfg.feedURLs()
	if err != nil {
		return nil, err
	}
	set, err := feedset.Open(ctx, js)
	if err != nil {
		return nil, err
	}
	added := 0
	for _, u := range feeds {
		ok, err := set.Add(ctx, defwatch.Feed{URL: u})
		if err != nil {
			return nil, fmt.Errorf("add --feed %s: %w", u, err)
		}
		if ok {
			added++
		}
	}
	if len(feeds) > 0 {
		log.Info("feeds named at start-up added to the feed set", "named", len(feeds), "new", added)
	}
	fetcher := ingest.NewFetcher(ingest.FetcherConfig{AllowPrivate: cfg.AllowPrivate})
	return ingest.NewWorker(ctx, ingest.Config{
		Schedule:     ingest.Schedule{Min: cfg.PollMin, Max: cfg.PollMax, Every: cfg.PollInterval},
		HostDelay:    cfg.HostDelay,
		DisableAfter: cfg.DisableAfter,
		PageTries:    cfg.PageTries,
		PageRetry:    cfg.PageRetry,
		MaxRequests:  cfg.MaxRequests,
		IgnoreRobots: cfg.IgnoreRobots,
		MaxMsg:       int(nc.MaxPayload()),
	}, fetcher, js, reg.addIngest(), log)
}
