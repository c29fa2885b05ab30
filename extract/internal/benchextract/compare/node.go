package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// runNode runs Readability.js over the pages in node, through
// readability/extract.mjs, which times each page itself.
func runNode(ctx context.Context, dir string, pages []page, runs int, out string, stderr io.Writer) (*result, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return nil, errors.New("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return nil, fmt.Errorf("no node_modules in %s: run npm ci there (make bench-extract-compare does)", dir)
	}
	pagesDir := filepath.Join(out, "pages")
	if err := writePages(pagesDir, pages); err != nil {
		return nil, err
	}
	predDir := filepath.Join(out, "readability-js-raw")
	timesFile := filepath.Join(out, "readability-js-times.json")
	cmd := exec.CommandContext(ctx, "node", filepath.Join(dir, "extract.mjs"), pagesDir, predDir, fmt.Sprint(runs), timesFile)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("node %s: %w", filepath.Join(dir, "extract.mjs"), err)
	}
	b, err := os.ReadFile(timesFile)
	if err != nil {
		return nil, err
	}
	var got struct {
		Versions map[string]string `json:"versions"`
		Pages    map[string]struct {
			MS    []float64 `json:"ms"`
			Error string    `json:"error"`
		} `json:"pages"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		return nil, fmt.Errorf("%s: %w", timesFile, err)
	}
	r := &result{
		name: fmt.Sprintf("Readability.js %s + jsdom %s (node %s)",
			got.Versions["@mozilla/readability"], got.Versions["jsdom"], got.Versions["node"]),
		texts:  map[string]string{},
		failed: map[string]string{},
	}
	for _, p := range pages {
		t, ok := got.Pages[p.ID]
		if !ok || len(t.MS) == 0 {
			return nil, fmt.Errorf("%s: no times for page %s", timesFile, p.ID)
		}
		times := make([]time.Duration, len(t.MS))
		for i, ms := range t.MS {
			times[i] = time.Duration(ms * float64(time.Millisecond))
		}
		r.medians = append(r.medians, median(times))
		if t.Error != "" {
			r.failed[p.ID] = t.Error
		}
		b, err := os.ReadFile(filepath.Join(predDir, p.ID+".txt"))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		r.texts[p.ID] = string(b)
	}
	// The pages and the raw predictions are scored and gone: the held-out
	// part keeps nothing page by page.
	os.RemoveAll(pagesDir)
	os.RemoveAll(predDir)
	os.Remove(timesFile)
	return r, nil
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
