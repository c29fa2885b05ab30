package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/defwatch/defwatch/ingest/charset"
)

// page is one benchmark page, decoded once: every extractor parses this same
// string, so none is timed for decoding and none reads different text.
type page struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	HTML string `json:"-"`
}

// loadPages reads the benchmark's pages and decodes each the way defwatch's
// fetcher does.
func loadPages(dir string) ([]page, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("compare: %w (run from this module's directory, or give -bench)", err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("compare: %s: %w", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("compare: no pages in %s: is -bench right?", filepath.Join(dir, "html"))
	}
	pages := make([]page, 0, len(files))
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		t, ok := truth[id]
		if !ok {
			return nil, fmt.Errorf("compare: %s is not in ground-truth.json", f)
		}
		raw, err := gunzip(f)
		if err != nil {
			return nil, err
		}
		html, _, err := charset.Decode(raw, "")
		if err != nil {
			return nil, fmt.Errorf("compare: %s: %w", f, err)
		}
		pages = append(pages, page{ID: id, URL: t.URL, HTML: string(html)})
	}
	return pages, nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("compare: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("compare: %s: %w", path, err)
	}
	return b, nil
}

// writePages hands the decoded pages to a program in another language:
// dir/<id>.html in UTF-8, and dir/index.json with every page's id and URL.
func writePages(dir string, pages []page) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p.ID+".html"), []byte(p.HTML), 0o644); err != nil {
			return fmt.Errorf("compare: %w", err)
		}
	}
	index, err := json.Marshal(pages)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.json"), index, 0o644); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	return nil
}
