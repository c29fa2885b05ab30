package main

import (
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch/cmd/defwatch/internal/memlimit"
)

func TestRunConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string // in the error; "" for none
	}{
		{"defaults", nil, ""},
		{"all flags", []string{"--data", "/tmp/x", "--nats", "nats://a:4222,nats://b:4222", "--stages", "ingest,extract",
			"--feed", "https://example.com/rss", "--poll-interval", "10m", "--replicas", "3"}, ""},
		{"unknown stage", []string{"--stages", "ingest,crawl"}, `--stages: unknown stage "crawl"`},
		{"feed not a URL", []string{"--feed", "example.com/rss"}, "--feed"},
		{"feed not http", []string{"--feed", "ftp://example.com/rss"}, "not an http(s) URL"},
		{"bad nats listen", []string{"--nats-listen", "4222"}, "--nats-listen"},
		{"bad listen", []string{"--listen", "localhost"}, "--listen"},
		{"bad nats url", []string{"--nats", "nats://"}, "--nats"},
		{"poll too fast", []string{"--poll-interval", "10ms"}, "--poll-interval"},
		{"replicas", []string{"--replicas", "7"}, "--replicas 7"},
		{"index name", []string{"--index-name", "a.b"}, "--index-name"},
		{"compaction off", []string{"--compact-after", "0"}, ""},
		{"compaction too eager", []string{"--compact-after", "5s"}, "--compact-after 5s: must be 0 (never) or at least 1m"},
		{"compaction negative", []string{"--compact-after", "-1m"}, "--compact-after"},
		{"arguments", []string{"https://example.com/rss"}, "run takes no arguments"},
		{"memory limit", []string{"--memory-limit", "1GiB"}, ""},
		{"memory limit unit", []string{"--memory-limit", "1GB"}, "--memory-limit: memory limit \"1GB\": want a whole number"},
		{"memory limit small", []string{"--memory-limit", "1MiB"}, "below the least of 64MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseRunConfig(tc.args, flag.NewFlagSet("run", flag.ContinueOnError), io.Discard)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// The limit auto sets covers the embedded server and each stage beside it
// in the process, and none without the embedded server.
func TestRunConfigMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want int64
	}{
		{"all stages, embedded server", nil, 2048 << 20},
		{"server and serve alone", []string{"--stages", "serve"}, 512 << 20},
		{"ingest beside the server", []string{"--stages", "ingest,serve"}, 1024 << 20},
		{"external server", []string{"--nats", "nats://a:4222"}, memlimit.Off},
		{"given", []string{"--memory-limit", "3GiB"}, 3 << 30},
		{"off", []string{"--memory-limit", "off"}, memlimit.Off},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseRunConfig(tc.args, flag.NewFlagSet("run", flag.ContinueOnError), io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.memoryLimit(); got != tc.want {
				t.Errorf("memory limit %d MiB, want %d MiB", got>>20, tc.want>>20)
			}
		})
	}
}

func TestRunConfigEnvironment(t *testing.T) {
	t.Setenv("DEFWATCH_STAGES", "index,serve")
	t.Setenv("DEFWATCH_POLL_INTERVAL", "2m")
	t.Setenv("DEFWATCH_FEED", "https://a.example/rss, https://b.example/atom")
	t.Setenv("DEFWATCH_LISTEN", "127.0.0.1:9999")
	c, err := parseRunConfig([]string{"--listen", "127.0.0.1:8081"}, flag.NewFlagSet("run", flag.ContinueOnError), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Stages, []string{"index", "serve"}) {
		t.Errorf("stages %v from DEFWATCH_STAGES", c.Stages)
	}
	if c.PollInterval != 2*time.Minute {
		t.Errorf("poll interval %s from DEFWATCH_POLL_INTERVAL", c.PollInterval)
	}
	if !slices.Equal(c.Feeds, []string{"https://a.example/rss", "https://b.example/atom"}) {
		t.Errorf("feeds %v from DEFWATCH_FEED", c.Feeds)
	}
	if c.Listen != "127.0.0.1:8081" {
		t.Errorf("listen %s: the flag must win over DEFWATCH_LISTEN", c.Listen)
	}

	t.Setenv("DEFWATCH_REPLICAS", "many")
	_, err = parseRunConfig(nil, flag.NewFlagSet("run", flag.ContinueOnError), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "DEFWATCH_REPLICAS") {
		t.Errorf("got %v, want an error naming DEFWATCH_REPLICAS", err)
	}
}
