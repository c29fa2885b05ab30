package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

func runCmd(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := Run(t.Context(), args, strings.NewReader(stdin), &out, t.Output())
	return out.String(), err
}

func TestExtractCommand(t *testing.T) {
	site := newTestSite(t) // only to fill in the pages' {{BASE}}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	seedPage := write("seed.html", site.file(t, seedHTML))
	afmil := write("afmil.html", site.file(t, "Print0cc1.html.gz"))
	seedText, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	parse := func(t *testing.T, out string) *defwatch.Article {
		t.Helper()
		if strings.Count(out, "\n") != 1 {
			t.Errorf("want one JSON line, got %d lines", strings.Count(out, "\n"))
		}
		var a defwatch.Article
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("output is not an Article: %v", err)
		}
		return &a
	}

	t.Run("seed page", func(t *testing.T) {
		out, err := runCmd(t, "", "extract", "--url", site.URL+seedPath, seedPage)
		if err != nil {
			t.Fatal(err)
		}
		checkSeedArticle(t, parse(t, out))
	})
	t.Run("seed text from stdin", func(t *testing.T) {
		out, err := runCmd(t, string(seedText), "extract", "--text", "--published", "2025-04-10", "-")
		if err != nil {
			t.Fatal(err)
		}
		a := parse(t, out)
		if a.Published.Format("2006-01-02") != "2025-04-10" || a.PublishedFrom != "given" {
			t.Errorf("published %s from %q", a.Published, a.PublishedFrom)
		}
		if len(a.Nations) < 6 || len(a.Troops) == 0 {
			t.Errorf("untagged: %v %v", a.Nations, a.Troops)
		}
	})
	t.Run("af.mil page without a charset", func(t *testing.T) {
		out, err := runCmd(t, "", "extract", afmil)
		if err != nil {
			t.Fatal(err)
		}
		a := parse(t, out)
		if !strings.Contains(a.Text, "Air Force’s") || strings.Contains(a.Text, "â€") {
			t.Errorf("not read as UTF-8: %.200q", a.Text)
		}
		if a.Title != "AF leaders cite Airmen as bedrock in new core mission document" {
			t.Errorf("title %q", a.Title)
		}
	})
	t.Run("errors", func(t *testing.T) {
		if _, err := runCmd(t, "", "extract", filepath.Join(dir, "missing.html")); err == nil {
			t.Error("missing file: no error")
		}
		if _, err := runCmd(t, "x", "extract", "--published", "last week", "-"); err == nil || !strings.Contains(err.Error(), "--published") {
			t.Errorf("bad --published: %v", err)
		}
		if _, err := runCmd(t, "", "extract"); err != errUsage {
			t.Errorf("no file: %v, want usage", err)
		}
	})
}

func TestSearchAndFeedsCommands(t *testing.T) {
	site := newTestSite(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", freeAddr(t), "--listen", freeAddr(t),
		"--feed", site.URL+"/feed.xml", "--allow-private", "--host-delay", "0")
	waitForTotal(t, r.api, "*", 3)

	t.Run("table", func(t *testing.T) {
		out, err := runCmd(t, "", "search", "--server", r.api, "nation:UA")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"1 articles", "PUBLISHED", "2025-04-10", "NATO to host defense leaders", "10000-30000", "UA"} {
			if !strings.Contains(out, want) {
				t.Errorf("table lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		out, err := runCmd(t, "", "search", "--server", r.api, "--json", "*")
		if err != nil {
			t.Fatal(err)
		}
		var res index.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != 3 {
			t.Errorf("json: %v, total %d", err, res.Total)
		}
	})
	t.Run("bad query", func(t *testing.T) {
		_, err := runCmd(t, "", "search", "--server", r.api, `title:"unclosed`)
		if err == nil || !strings.Contains(err.Error(), "unterminated quote") {
			t.Errorf("got %v, want the parser's reason", err)
		}
	})
	t.Run("no server", func(t *testing.T) {
		_, err := runCmd(t, "", "search", "--server", "http://"+freeAddr(t), "x")
		if err == nil || !strings.Contains(err.Error(), "defwatch run") {
			t.Errorf("got %v, want a hint to start defwatch run", err)
		}
	})
	t.Run("feeds", func(t *testing.T) {
		out, err := runCmd(t, "", "feeds", "check", "--allow-private", site.URL+"/feed.xml", site.URL+"/missing.xml")
		if err == nil || !strings.Contains(err.Error(), "1 of 2 feeds") {
			t.Errorf("got %v, want 1 of 2 feeds failing", err)
		}
		if !strings.Contains(out, "rss 2.0") || !strings.Contains(out, "Air Force Link News") || !strings.Contains(out, "404") {
			t.Errorf("feeds output:\n%s", out)
		}
	})
	t.Run("feeds check reads a sitemap and a page naming its feed", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/news-sitemap.xml":
				fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+
					`<url><loc>https://example.com/a</loc></url><url><loc>https://example.com/b</loc></url></urlset>`)
			default:
				fmt.Fprint(w, `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`)
			}
		}))
		defer srv.Close()
		out, err := runCmd(t, "", "feeds", "check", "--allow-private", srv.URL+"/news-sitemap.xml", srv.URL+"/")
		if err != nil || !strings.Contains(out, "2 article URLs") ||
			!strings.Contains(out, "names its feed: "+srv.URL+"/rss") {
			t.Errorf("got %v and\n%s", err, out)
		}
	})
	t.Run("feeds refuses loopback by default", func(t *testing.T) {
		out, err := runCmd(t, "", "feeds", "check", site.URL+"/feed.xml")
		if err == nil || !strings.Contains(out, "--allow-private") {
			t.Errorf("got %v and\n%s", err, out)
		}
	})
}
