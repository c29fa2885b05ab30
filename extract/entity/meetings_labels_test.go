package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestMeetingsLabels scores Meetings against the dev part of the
// hand-labelled articles the way the entity evaluation does: a found
// meeting matches a labelled one when their sentences overlap (or, failing
// that, kind and date agree), each labelled one used once. It fails below
// the quality the extract stage promises; -v lists every disagreement.
// The test part is left to the evaluation (make eval-entities), which
// scores it only as a whole.
func TestMeetingsLabels(t *testing.T) {
	dev := devLabels(t)
	var tp, fp, fn, dated, right int
	for _, f := range dev {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l struct {
			ID, Published, Title, Text string
			Meetings                   []defwatch.Meeting
		}
		if err := json.Unmarshal(data, &l); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text := l.Title + "\n\n" + l.Text
		got := Meetings(text, labelTime(l.Published))
		span := func(s string) (int, int) {
			i := strings.Index(text, s)
			if i < 0 || s == "" {
				return -1, -1
			}
			return i, i + len(s)
		}
		used := make([]bool, len(l.Meetings))
		for _, g := range got {
			gs, ge := span(g.Text)
			if gs < 0 {
				t.Errorf("%s: meeting text %q is not in the article", l.ID, g.Text)
			}
			match := -1
			for i, w := range l.Meetings {
				ws, we := span(w.Text)
				if !used[i] && gs >= 0 && ws >= 0 && gs < we && ws < ge {
					match = i
					break
				}
			}
			if match < 0 {
				for i, w := range l.Meetings {
					if !used[i] && w.Kind == g.Kind && w.Date == g.Date && w.Date != "" {
						match = i
						break
					}
				}
			}
			if match < 0 {
				fp++
				t.Logf("%-24s extra   %-11s %-10s %q", l.ID, g.Kind, g.Date, clipText(g.Text))
				continue
			}
			used[match] = true
			tp++
			dated++
			if g.Date == l.Meetings[match].Date {
				right++
			} else {
				t.Logf("%-24s date    %q, want %q: %q", l.ID, g.Date, l.Meetings[match].Date, clipText(g.Text))
			}
		}
		for i, w := range l.Meetings {
			if !used[i] {
				fn++
				t.Logf("%-24s missed  %-11s %-10s %q", l.ID, w.Kind, w.Date, clipText(w.Text))
			}
		}
	}
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("meetings: %d labelled, %d found, %d matched: precision %.3f, recall %.3f; dates right %d of %d", tp+fn, tp+fp, tp, p, r, right, dated)
	// The floor sits below the current score, so that a change that loses
	// ground fails while the labelled set is still growing.
	if p < 0.70 || r < 0.70 || ratio(right, dated) < 0.85 {
		t.Errorf("meetings precision %.3f, recall %.3f, dates %.3f: below the floor", p, r, ratio(right, dated))
	}
}

// devLabels returns the files of the labelled articles SPLIT.tsv puts in
// the dev part.
func devLabels(t *testing.T) []string {
	t.Helper()
	split, err := os.ReadFile("testdata/labels/SPLIT.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, line := range strings.Split(string(split), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[1] != "dev" {
			continue
		}
		path := filepath.Join("testdata/labels", f[0]+".json")
		if _, err := os.Stat(path); err == nil {
			files = append(files, path)
		}
	}
	if len(files) < 78 {
		t.Fatalf("%d dev labels, want at least the 78 of the first batch", len(files))
	}
	return files
}

func labelTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func clipText(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}
