package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

func TestKeeperNamesWhatIsMissing(t *testing.T) {
	ns, err := startNATS(t.Context(), freeAddr(t), t.TempDir(), nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	nc, err := nats.Connect(ns.ClientURL()) // a server of the test's own, with no users
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := setupStreams(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	cfg := &runConfig{Stages: allStages, Alerts: true}
	k := &keeper{js: js, needs: cfg.neededStreams(), replicas: 1, log: slog.New(slog.DiscardHandler)}
	if err := k.check(ctx); err != nil {
		t.Fatalf("all there: %v", err)
	}
	for _, name := range []string{defwatch.StreamArticles, "KV_" + defwatch.KVRules} {
		if err := js.DeleteStream(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	err = k.check(ctx)
	if err == nil || !strings.Contains(err.Error(), "stream "+defwatch.StreamArticles) || !strings.Contains(err.Error(), "KV bucket "+defwatch.KVRules) {
		t.Errorf("with two missing: %v; want both named", err)
	}
	// An extract-only process needs neither the rules nor the feeds.
	extract := &runConfig{Stages: []string{stageExtract}}
	if got := strings.Join(extract.neededStreams(), " "); got != defwatch.StreamPages+" "+defwatch.StreamArticles {
		t.Errorf("extract needs %q", got)
	}
	if err := setupStreams(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	if err := k.check(ctx); err != nil {
		t.Errorf("after creating them again: %v", err)
	}
}

// TestDeletedStreamsComeBack deletes the articles stream, the pages stream
// and the rules bucket under a running defwatch: each is created again, the
// process is ready again, and articles and alerts flow as before.
func TestDeletedStreamsComeBack(t *testing.T) {
	natsAddr := freeAddr(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(t))
	nc, js := natsClient(t, "nats://"+natsAddr)
	importFile(t, natsAddr, writeArchive(t, polish))
	waitForTotal(t, r.api, "*", 1)

	for _, name := range []string{defwatch.StreamArticles, defwatch.StreamPages, "KV_" + defwatch.KVRules} {
		if err := js.DeleteStream(t.Context(), name); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, 30*time.Second, "the streams back and /readyz ready", func() bool {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		missing, err := missingStreams(ctx, js, []string{defwatch.StreamArticles, defwatch.StreamPages, "KV_" + defwatch.KVRules})
		if err != nil || len(missing) > 0 {
			return false
		}
		resp, err := http.Get(r.api + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	alerts := subscribe(t, nc, "defwatch.alerts.>")
	if out, err := alertsCmd(t, natsAddr, "add", "ua-troops", "nation:UA troops:>=1000"); err != nil {
		t.Fatalf("add after the bucket came back: %v %q", err, out)
	}
	importFile(t, natsAddr, writeArchive(t, uaTroops))
	waitForTotal(t, r.api, "*", 2)
	waitFor(t, 30*time.Second, "the alert for "+uaTroops.ID, func() bool {
		for _, a := range alerts.alerts(t) {
			if a.Rule == "ua-troops" && a.ID == uaTroops.ID {
				return true
			}
		}
		return false
	})
}
