package ingest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/defwatch/defwatch/ingest/feedset"
	"golang.org/x/net/html/charset"
)

// ReadFeedList reads the feeds named in the file at path: either an OPML
// subscription list (every outline with an xmlUrl, however deeply nested) or
// plain text with one URL a line, where blank lines and lines starting with
// '#' are skipped. Duplicates are dropped. A line that is not an http(s) URL
// is an error that names the line, so a typo does not silently drop a feed.
func ReadFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFeedList+1))
	if err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	if len(data) > MaxFeedList {
		return nil, fmt.Errorf("feed list %s: over %d MB; split it and import the parts one by one", path, MaxFeedList>>20)
	}
	var urls []string
	if looksLikeOPML(data) {
		urls, err = parseOPML(data)
		if err != nil {
			return nil, fmt.Errorf("feed list %s: %w", path, err)
		}
	} else {
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if err := CheckFeedURL(line); err != nil {
				return nil, fmt.Errorf("feed list %s line %d: %w", path, i+1, err)
			}
			urls = append(urls, line)
		}
	}
	urls = dedupe(urls)
	if len(urls) > MaxFeedListURLs {
		return nil, fmt.Errorf("feed list %s: %d feeds, over %d; split it and import the parts one by one", path, len(urls), MaxFeedListURLs)
	}
	return urls, nil
}

// Bounds on a feed list file: a few hundred bytes a feed leaves room for
// far more feeds than one defwatch polls.
const (
	MaxFeedList     = 32 << 20
	MaxFeedListURLs = 100000
)

// CheckFeedURL says what is wrong with a feed URL, if anything.
func CheckFeedURL(s string) error { return feedset.CheckURL(s) }

func looksLikeOPML(data []byte) bool {
	head := data[:min(len(data), 2048)]
	return bytes.Contains(bytes.ToLower(head), []byte("<opml"))
}

type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	Children []opmlOutline `xml:"outline"`
}

func parseOPML(data []byte) ([]string, error) {
	var doc struct {
		Body struct {
			Outlines []opmlOutline `xml:"outline"`
		} `xml:"body"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, fmt.Errorf("not a readable OPML file: %w", err)
	}
	var urls []string
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && CheckFeedURL(u) == nil {
				urls = append(urls, u)
			}
			walk(o.Children)
		}
	}
	walk(doc.Body.Outlines)
	if len(urls) == 0 {
		return nil, fmt.Errorf("no outline with an http(s) xmlUrl")
	}
	return urls, nil
}

func dedupe(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
