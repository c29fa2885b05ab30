package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func readGz(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// brokenFeeds are the corpus files that are not feeds a parser can read,
// with a word the error must contain so the log says what is wrong.
var brokenFeeds = map[string]string{
	"rsparser-netnewswire/allthis-partial.json": "parse feed",      // truncated on purpose
	"rsparser-netnewswire/ScriptingNews.json":   "not a JSON Feed", // RSS 2.0 written as JSON
}

// TestCorpusFeeds parses every real feed of the corpus: RSS 0.9x, 1.0 and
// 2.0, Atom, JSON Feed, in UTF-8, windows-1251, ISO-8859-1/2, GB2312,
// KOI8-R, with and without a prolog, with lying extensions and a broken one.
func TestCorpusFeeds(t *testing.T) {
	files, err := filepath.Glob("testdata/feeds/*/*.gz")
	if err != nil || len(files) < 100 {
		t.Fatalf("corpus feeds: %d files, %v", len(files), err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "testdata/feeds/"), ".gz")
		if strings.HasSuffix(name, ".html") {
			continue // charset fixtures, not feeds
		}
		t.Run(name, func(t *testing.T) {
			feed, err := ParseFeed(readGz(t, path), "")
			if want, broken := brokenFeeds[name]; broken {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %v, want an error about %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if len(feed.Items) == 0 {
				t.Fatalf("no items")
			}
			for _, it := range feed.Items {
				if !utf8.ValidString(it.Title) || strings.ContainsRune(it.Title, utf8.RuneError) {
					t.Errorf("title not clean UTF-8: %q", it.Title)
				}
			}
		})
	}
}

// TestCorpusFeedText checks that feeds in legacy encodings come out as the
// words their authors wrote.
func TestCorpusFeedText(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{"miniflux-v2/encoding_WINDOWS-1251.xml", "ibash.org.ru"},
		{"miniflux-v2/encoding_ISO-8859-1.xml", "Golem.de"},
		{"rss-parser/latin2.rss", ""},
		{"rss-parser/encoding-gb2312.xml", ""},
		{"rss-parser/uolNoticias.rss", "simulações"},
		{"rss-parser/encoding.rss", "Notícias"},
		{"miniflux-v2/urdu_UTF8.xml", "BBC"},
		{"rsparser-netnewswire/donthitsave.xml", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			feed, err := ParseFeed(readGz(t, "testdata/feeds/"+tc.file+".gz"), "")
			if err != nil {
				t.Fatal(err)
			}
			var all bytes.Buffer
			all.WriteString(feed.Title + "\n" + feed.Link + "\n")
			for _, it := range feed.Items {
				all.WriteString(it.Title + "\n" + it.Description + "\n")
			}
			if s := all.String(); strings.ContainsRune(s, utf8.RuneError) || strings.Contains(s, "Ã") {
				t.Errorf("mis-decoded text: %.300q", s)
			}
			if tc.want != "" && !strings.Contains(all.String(), tc.want) {
				t.Errorf("feed text lacks %q: %.300q", tc.want, all.String())
			}
		})
	}
}

func TestReadFeedList(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("lines", func(t *testing.T) {
		got, err := ReadFeedList(write("list.txt", "# defense feeds\nhttps://a.example/rss\n\n  https://b.example/atom  \nhttps://a.example/rss\n"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != "https://a.example/rss https://b.example/atom" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("bad line names its number", func(t *testing.T) {
		_, err := ReadFeedList(write("bad.txt", "https://a.example/rss\nb.example/atom\n"))
		if err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("got %v, want an error naming line 2", err)
		}
	})
	t.Run("real OPML, nested", func(t *testing.T) {
		got, err := ReadFeedList("testdata/opml/Subs.opml")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 150 {
			t.Errorf("%d feeds from Subs.opml, want about 200", len(got))
		}
	})
	t.Run("OPML with Cyrillic titles", func(t *testing.T) {
		got, err := ReadFeedList("testdata/opml/country_Ukraine.opml")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 12 {
			t.Errorf("%d feeds from the Ukraine list, want 12: %v", len(got), got)
		}
	})
	t.Run("OPML without feeds", func(t *testing.T) {
		_, err := ReadFeedList(write("empty.opml", `<?xml version="1.0"?><opml version="1.0"><body><outline text="x"/></body></opml>`))
		if err == nil || !strings.Contains(err.Error(), "xmlUrl") {
			t.Errorf("got %v, want an error about xmlUrl", err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		big := strings.Repeat("# a comment line that pads the file out\n", MaxFeedList/40+1)
		if _, err := ReadFeedList(write("big.txt", big)); err == nil || !strings.Contains(err.Error(), "split it") {
			t.Errorf("a %d MB list: got %v, want an error saying to split it", len(big)>>20, err)
		}
		var b strings.Builder
		for i := range MaxFeedListURLs + 1 {
			fmt.Fprintf(&b, "https://e.example/%d.xml\n", i)
		}
		if _, err := ReadFeedList(write("many.txt", b.String())); err == nil || !strings.Contains(err.Error(), "split it") {
			t.Errorf("%d feeds: got %v, want an error saying to split it", MaxFeedListURLs+1, err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		if _, err := ReadFeedList(filepath.Join(dir, "nope.txt")); err == nil {
			t.Error("no error for a missing file")
		}
	})
}
