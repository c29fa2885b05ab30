package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	f.Add(`<html><head><title>T | Site</title></head><body><article><h1>T</h1><p>Text, with commas, here.</p></article></body></html>`, "https://example.com/2025/04/10/a")
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-04-10","author":[{"name":"A"}]}]}</script>`, "")
	f.Add(`<div class="share">0</div><div class="article-body share-enabled"><p>x</p></div>`, "http://a/b")
	f.Add(strings.Repeat("<div><span>", 300)+"deep", "")
	f.Add(`<table><tr><td>1<td>Kyle<tr><td>2`, "")
	f.Add(`<time datetime="9999-99-99">x</time><meta name="date" content="Mon, 02 Jan 2006 15:04:05 XYZ">`, "")
	if b, err := os.ReadFile(filepath.Join("testdata", "seed", "article.html")); err == nil {
		f.Add(string(b), "https://defensewire.example/x")
	}
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		start := time.Now()
		d, err := parse(page, pageURL, fixedNow)
		if el := time.Since(start); el > 5*time.Second {
			t.Fatalf("took %v on %d bytes", el, len(page))
		}
		if err != nil {
			return
		}
		if utf8.ValidString(page) && !utf8.ValidString(d.Text) {
			t.Errorf("valid UTF-8 in, invalid text out: %q", d.Text)
		}
		if !d.Published.IsZero() && (d.Published.Before(earliest) || d.Published.After(fixedNow.Add(24*time.Hour))) {
			t.Errorf("impossible date %v", d.Published)
		}
		if strings.Contains(d.Text, "\n\n\n") {
			t.Errorf("paragraphs separated by more than one blank line: %q", d.Text)
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add("Title\n\n    0\n    0\n\n    Body.")
	f.Add("a\r\nb\u00a0c")
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanText(s)
		if got != strings.TrimSpace(got) || strings.Contains(got, "\n\n\n") {
			t.Errorf("untidy result %q", got)
		}
		if CleanText(got) != got {
			t.Errorf("not idempotent: %q -> %q", got, CleanText(got))
		}
	})
}
