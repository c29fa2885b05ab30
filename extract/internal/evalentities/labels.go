package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
)

// Parts of the labelled set (SPLIT.tsv): the dev part is what the taggers
// are tuned on, the test part is only ever scored as a whole.
const (
	partDev  = "dev"
	partTest = "test"
)

// label is one hand-labelled article (extract/entity/testdata/labels).
type label struct {
	ID        string         `json:"id"`
	Lang      string         `json:"lang"`
	Published string         `json:"published"`
	Title     string         `json:"title"`
	Text      string         `json:"text"`
	Nations   []string       `json:"nations"`
	Troops    []labelTroop   `json:"troops"`
	Meetings  []labelMeeting `json:"meetings"`

	part, batch string // from SPLIT.tsv
}

// labelTroop is a labelled figure. Status and Source are nil in a label
// made before the guideline asked for them: such a figure is left out of
// the status and source scores, not counted wrong.
type labelTroop struct {
	defwatch.Troop
	Status *string `json:"status"`
	Source *string `json:"source"`
}

// labelMeeting is a labelled meeting; Status is nil in a label made before
// the guideline asked for it.
type labelMeeting struct {
	defwatch.Meeting
	Status *string `json:"status"`
}

// maxLabelBytes bounds one label file: the longest article labelled is
// under 10 kB, so anything near this is not a label.
const maxLabelBytes = 4 << 20

// loadLabels reads every *.json in dir and gives each its part from
// dir/SPLIT.tsv. A label the split does not list is an error: scoring it
// in either part would blur what the test part measures.
func loadLabels(dir string) ([]label, error) {
	split, err := loadSplit(filepath.Join(dir, "SPLIT.tsv"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no labels (*.json) in %s", dir)
	}
	var out []label
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return nil, err
		}
		if fi.Size() > maxLabelBytes {
			return nil, fmt.Errorf("%s: %d bytes, more than a label can be (%d); is it the right file?", f, fi.Size(), maxLabelBytes)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var l label
		if err := json.Unmarshal(data, &l); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		sp, ok := split[l.ID]
		if !ok {
			return nil, fmt.Errorf("%s: %q is not in SPLIT.tsv; add it to the dev or test part before scoring it", f, l.ID)
		}
		l.part, l.batch = sp.part, sp.batch
		out = append(out, l)
	}
	return out, nil
}

// splitEntry is one line of SPLIT.tsv.
type splitEntry struct{ part, batch string }

// loadSplit reads SPLIT.tsv: one "id<TAB>part<TAB>batch" a line, "#"
// lines are comments.
func loadSplit(path string) (map[string]splitEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("split: %w (every labelled article needs its part in SPLIT.tsv)", err)
	}
	defer f.Close()
	split := map[string]splitEntry{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || (fields[1] != partDev && fields[1] != partTest) {
			return nil, fmt.Errorf("split: %s line %d: want id, tab, dev or test", path, n)
		}
		if _, dup := split[fields[0]]; dup {
			return nil, fmt.Errorf("split: %s line %d: %s listed twice", path, n, fields[0])
		}
		e := splitEntry{part: fields[1]}
		if len(fields) > 2 {
			e.batch = fields[2]
		}
		split[fields[0]] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("split: %s: %w", path, err)
	}
	return split, nil
}

// tag runs the same path as the extract stage on a labelled article.
func tag(l label) (*defwatch.Article, error) {
	p := &defwatch.Page{ID: l.ID, Title: l.Title, Text: l.Text, Lang: l.Lang, Imported: true}
	if l.Published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02", "2006-01"} {
			if t, err := time.Parse(layout, l.Published); err == nil {
				p.Published = t
				break
			}
		}
	}
	return extract.FromPage(p)
}
