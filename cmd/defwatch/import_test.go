package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// archive holds 200 corpus articles (en, uk, de) and the seed.
const archive = "../../testdata/articles.jsonl.gz"

func importFile(t testing.TB, natsAddr, file string) string {
	t.Helper()
	var out bytes.Buffer
	if err := Run(t.Context(), []string{"import", "--nats", "nats://" + natsAddr, "--data", embeddedData(t, natsAddr), "--log-level", "warn", file}, nil, &out, t.Output()); err != nil {
		t.Fatalf("import %s: %v", file, err)
	}
	return out.String()
}

func TestImport(t *testing.T) {
	natsAddr := freeAddr(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(t))

	if out := importFile(t, natsAddr, archive); !strings.HasPrefix(out, "imported 201 articles, skipped 0") {
		t.Errorf("import said %q", out)
	}
	waitForTotal(t, r.api, "*", 201)
	res := search(t, r.api, `nation:UA title:"NATO to host defense leaders"`)
	var seed bool
	for _, h := range res.Hits {
		if h.ID == "seed-9780abf448872f11" {
			seed = true
			checkSeed(t, r.api, h)
			if h.PublishedFrom != "archive" {
				t.Errorf("seed published_from %q, want archive", h.PublishedFrom)
			}
		}
	}
	if !seed {
		t.Errorf("the seed is not among the %d hits for nation:UA", res.Total)
	}
	for lang, min := range map[string]uint64{"en": 100, "uk": 20, "de": 10} {
		if got := search(t, r.api, "lang:"+lang).Total; got < min {
			t.Errorf("lang:%s: %d articles, want at least %d", lang, got, min)
		}
	}

	t.Run("again leaves one copy", func(t *testing.T) {
		importFile(t, natsAddr, archive)
		waitForTotal(t, r.api, "*", 201)
	})
	t.Run("bad lines are skipped and named", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.jsonl")
		body := `{"id": "ok-1", "title": "Ukraine talks", "text": "Talks on Ukraine resumed in Geneva."}
not json
{"title": "no id or url", "text": "x"}
{"id": "no-text"}
`
		if err := os.WriteFile(bad, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := importFile(t, natsAddr, bad); !strings.HasPrefix(out, "imported 1 articles, skipped 3") {
			t.Errorf("import said %q", out)
		}
		waitForTotal(t, r.api, "*", 202)
	})
	t.Run("no pipeline", func(t *testing.T) {
		err := Run(t.Context(), []string{"import", "--nats", "nats://" + freeAddr(t), archive}, nil, &bytes.Buffer{}, t.Output())
		if err == nil || !strings.Contains(err.Error(), "defwatch run") {
			t.Errorf("got %v, want an error that says to start defwatch run", err)
		}
	})
}

// TestShutdownLosesNothing stops the pipeline while it is still working
// through an import; a restart on the same data finishes the work, with
// nothing lost and nothing twice. Then the index is deleted, and the next
// start rebuilds it from the articles stream.
func TestShutdownLosesNothing(t *testing.T) {
	data := t.TempDir()
	natsAddr := freeAddr(t)
	first := startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t))
	importFile(t, natsAddr, archive)
	first.stop(t)

	natsAddr = freeAddr(t)
	second := startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t))
	waitForTotal(t, second.api, "*", 201)
	// Every page extracted has left the work queue.
	_, js := natsClient(t, "nats://"+natsAddr)
	waitFor(t, 30*time.Second, "an empty pages work queue", func() bool {
		s, err := js.Stream(t.Context(), defwatch.StreamPages)
		if err != nil {
			t.Fatal(err)
		}
		info, err := s.Info(t.Context())
		return err == nil && info.State.Msgs == 0
	})
	second.stop(t)

	// An index replica that lost its index rebuilds it from the stream.
	if err := os.RemoveAll(filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	third := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	waitForTotal(t, third.api, "*", 201)
	third.stop(t)

	// A shard that cannot be read any more is set aside and rebuilt.
	shards, err := filepath.Glob(filepath.Join(data, "index", "main", "20[0-9][0-9]-[0-9][0-9]"))
	if err != nil || len(shards) == 0 {
		t.Fatalf("no month shards: %v", err)
	}
	if err := os.WriteFile(filepath.Join(shards[0], "index_meta.json"), []byte(`{"storage":`), 0o644); err != nil {
		t.Fatal(err)
	}
	fourth := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	waitForTotal(t, fourth.api, "*", 201)
	if aside, _ := filepath.Glob(shards[0] + ".broken-*"); len(aside) != 1 {
		t.Errorf("the unreadable shard was not kept aside: %v", aside)
	}
}

// pausedReader hands out first, then waits for resume before the rest.
type pausedReader struct {
	first, rest []byte
	paused      chan struct{} // closed when first is all read
	resume      chan struct{}
	waited      bool
}

func (r *pausedReader) Read(p []byte) (int, error) {
	if len(r.first) > 0 {
		n := copy(p, r.first)
		r.first = r.first[n:]
		return n, nil
	}
	if !r.waited {
		r.waited = true
		close(r.paused)
		<-r.resume
	}
	if len(r.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

// TestImportSurvivesServerRestart restarts the NATS server in the middle
// of an import: the import reconnects and carries on, and the stream holds
// every line once.
func TestImportSurvivesServerRestart(t *testing.T) {
	lines := archiveLines(t)
	addr, store := freeAddr(t), t.TempDir()
	log := slog.New(slog.DiscardHandler)
	ns, err := startNATS(t.Context(), addr, store, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown() })
	nc, err := connect(t.Context(), "nats://"+addr, "test import", log, nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := setupStreams(t.Context(), js, 1); err != nil {
		t.Fatal(err)
	}
	half := len(lines) / 2
	paused, resume := make(chan struct{}), make(chan struct{})
	r := &pausedReader{first: append(bytes.Join(lines[:half], []byte("\n")), '\n'), rest: bytes.Join(lines[half:], []byte("\n")),
		paused: paused, resume: resume}
	type result struct {
		imported, skipped int
		err               error
	}
	done := make(chan result, 1)
	go func() {
		n, skipped, err := importArchive(t.Context(), js, r, new(atomic.Int64), log)
		done <- result{n, skipped, err}
	}()
	<-paused
	// The first half is published, some of it perhaps unconfirmed: the
	// server goes down and comes back on the same store.
	ns.Shutdown()
	ns.WaitForShutdown()
	if ns, err = startNATS(t.Context(), addr, store, nil, log); err != nil {
		t.Fatal(err)
	}
	close(resume)
	res := <-done
	if res.err != nil || res.imported != len(lines) || res.skipped != 0 {
		t.Fatalf("import: %d imported, %d skipped, %v; want %d, 0, nil", res.imported, res.skipped, res.err, len(lines))
	}
	s, err := js.Stream(t.Context(), defwatch.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != uint64(len(lines)) {
		t.Errorf("the pages stream holds %d messages, want one a line: %d", info.State.Msgs, len(lines))
	}
}

func TestCountLines(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(plain, []byte("{}\n\n{}\n  \n{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("{\"text\": \"x\"}\n", 1000)))
	zw.Close()
	zipped := filepath.Join(dir, "b.jsonl.gz")
	if err := os.WriteFile(zipped, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int64{plain: 3, zipped: 1000} {
		if n, err := countLines(path); err != nil || n != want {
			t.Errorf("%s: %d, %v; want %d", filepath.Base(path), n, err, want)
		}
	}
}
