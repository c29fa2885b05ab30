// Package benchset loads the extraction benchmarks the way the benchmark
// commands use them (article-extraction whole, extraction-dev in its dev
// and held-out parts), scores predictions with the benchmark's own
// evaluate.py, and prints the rows both commands share.
package benchset

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Names of the sets, as the tables print them.
const (
	ArticleExtraction = "article-extraction"
	ExtractionDev     = "extraction-dev dev"
	ExtractionHeldOut = "extraction-dev held-out"
)

// Page is one benchmark page as the bytes a fetch would give.
type Page struct {
	ID, URL string
	Raw     []byte
}

// Set is a benchmark, or a part of one, with what scoring it needs.
type Set struct {
	Name  string
	Dir   string // the benchmark's folder: html/, ground-truth.json
	Eval  string // evaluate.py
	Pages []Page
	// HeldOut sets are scored only as a whole: nothing prints or keeps
	// their pages one by one.
	HeldOut bool

	truth    map[string]json.RawMessage // the pages' ground-truth entries
	snippets map[string]Snippets
}

// Snippets are short texts a page's main text must hold (With) or must not
// (Without), where the benchmark lists them.
type Snippets struct {
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// Find returns the shared folder: dir if given, else ../shared or
// ../../shared from the working directory (a clone, or a worktree beside
// others).
func Find(dir string) (string, error) {
	cands := []string{dir}
	if dir == "" {
		cands = []string{filepath.Join("..", "shared"), filepath.Join("..", "..", "shared")}
	}
	for _, c := range cands {
		if _, err := os.Stat(filepath.Join(c, "bench", "article-extraction", "evaluate.py")); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("benchset: no bench/article-extraction/evaluate.py under %s: give -shared the folder that holds bench/", strings.Join(cands, " or "))
}

// Load reads the three sets from the shared folder: article-extraction,
// and extraction-dev split by split.tsv (splitPath) into dev and held out.
func Load(shared, splitPath string) ([]*Set, error) {
	ae := filepath.Join(shared, "bench", "article-extraction")
	ed := filepath.Join(shared, "bench", "extraction-dev")
	eval := filepath.Join(ae, "evaluate.py")
	a, err := loadSet(ArticleExtraction, ae, eval, nil)
	if err != nil {
		return nil, err
	}
	parts, err := readSplit(splitPath)
	if err != nil {
		return nil, err
	}
	dev, err := loadSet(ExtractionDev, ed, eval, func(id string) bool { return parts[id] == partDev })
	if err != nil {
		return nil, err
	}
	held, err := loadSet(ExtractionHeldOut, ed, eval, func(id string) bool { return parts[id] == partHeldOut })
	if err != nil {
		return nil, err
	}
	held.HeldOut = true
	if n := len(dev.Pages) + len(held.Pages); n != len(parts) {
		return nil, fmt.Errorf("benchset: split.tsv names %d pages, %s has %d of them: the split and the benchmark disagree", len(parts), ed, n)
	}
	for _, s := range []*Set{dev, held} {
		if err := s.loadSnippets(filepath.Join(ed, "gold-meta.json")); err != nil {
			return nil, err
		}
	}
	return []*Set{a, dev, held}, nil
}

func loadSet(name, dir, eval string, keep func(string) bool) (*Set, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("benchset: %w (give -shared the folder that holds bench/)", err)
	}
	var truth map[string]json.RawMessage
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("benchset: %s: %w", dir, err)
	}
	s := &Set{Name: name, Dir: dir, Eval: eval, truth: map[string]json.RawMessage{}}
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range truth {
			if !yield(id) {
				return
			}
		}
	})
	for _, id := range ids {
		if keep != nil && !keep(id) {
			continue
		}
		var t struct {
			URL string `json:"url"`
		}
		if err := json.Unmarshal(truth[id], &t); err != nil {
			return nil, fmt.Errorf("benchset: %s: page %s: %w", dir, id, err)
		}
		raw, err := gunzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		s.truth[id] = truth[id]
		s.Pages = append(s.Pages, Page{ID: id, URL: t.URL, Raw: raw})
	}
	if len(s.Pages) == 0 {
		return nil, fmt.Errorf("benchset: no pages in %s", dir)
	}
	return s, nil
}

func (s *Set) loadSnippets(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("benchset: %w", err)
	}
	var all map[string]Snippets
	if err := json.Unmarshal(b, &all); err != nil {
		return fmt.Errorf("benchset: %s: %w", path, err)
	}
	s.snippets = map[string]Snippets{}
	for _, p := range s.Pages {
		s.snippets[p.ID] = all[p.ID]
	}
	return nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("benchset: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("benchset: %s: %w", path, err)
	}
	return b, nil
}
