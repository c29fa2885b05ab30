package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

	second := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	waitForTotal(t, second.api, "*", 201)
	second.stop(t)

	// An index replica that lost its index rebuilds it from the stream.
	if err := os.RemoveAll(filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	third := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	waitForTotal(t, third.api, "*", 201)
}
