package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"rss-parser/guardian.rss", "rss-parser/heise.atom", "rsparser-netnewswire/bio.rdf",
		"rsparser-netnewswire/inessential.json", "miniflux-v2/encoding_WINDOWS-1251.xml", "afmil-2016/RSS822e.ashx"} {
		f.Add(readGz(f, filepath.Join("testdata/feeds", name+".gz")), "")
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"tags":"a","url":"x"}]}`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		feed, err := ParseFeed(body, contentType)
		if err == nil && feed == nil {
			t.Fatal("nil feed without an error")
		}
	})
}

func FuzzCanonicalLink(f *testing.F) {
	f.Add(`<html><head><link rel="canonical" href="/a/b"></head><body></body></html>`)
	f.Add(`<link rel="Canonical alternate" href="https://x.example/y">`)
	f.Add(`<head><link rel=canonical href="javascript:alert(1)"></head>`)
	f.Fuzz(func(t *testing.T, page string) {
		got := canonicalLink([]byte(page), "https://example.com/news/story")
		if got != "" && !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Fatalf("canonical %q is not an http(s) URL", got)
		}
	})
}

func FuzzCompactHTML(f *testing.F) {
	f.Add("<html><script>var x = '</scr' + 'ipt>';</script><p>text</p><!-- c --><style>p{}</style></html>", 20)
	f.Add("<SCRIPT>é</SCRIPT>İİİ<p>ok</p>", 5)
	f.Add("<svg><path d='M0 0'/></svg><p>text</p>", 12)
	f.Fuzz(func(t *testing.T, page string, limit int) {
		if limit < 0 || limit > 1<<20 {
			return
		}
		got, cut := compactHTML(page, limit)
		if cut && len(got) >= len(page) {
			t.Fatalf("said it cut, but %d bytes became %d", len(page), len(got))
		}
		if len(got) > len(page) {
			t.Fatalf("grew from %d to %d bytes", len(page), len(got))
		}
		if len(page) > limit && limit > 0 && len(got) > limit {
			t.Fatalf("%d bytes, limit %d", len(got), limit)
		}
		if utf8.ValidString(page) && !utf8.ValidString(got) {
			t.Fatal("valid UTF-8 in, invalid out")
		}
	})
}

func FuzzReadFeedList(f *testing.F) {
	f.Add("https://a.example/rss\n# c\n\nhttps://b.example/atom\n")
	f.Add(`<?xml version="1.0"?><opml><body><outline xmlUrl="https://a.example/rss"><outline xmlUrl="http://b.example/x"/></outline></body></opml>`)
	f.Fuzz(func(t *testing.T, list string) {
		path := filepath.Join(t.TempDir(), "list")
		if err := os.WriteFile(path, []byte(list), 0o644); err != nil {
			t.Fatal(err)
		}
		urls, err := ReadFeedList(path)
		if err != nil {
			return
		}
		for _, u := range urls {
			if CheckFeedURL(u) != nil {
				t.Fatalf("accepted %q", u)
			}
		}
	})
}
