package benchset

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Result is one extractor's score on one set.
type Result struct {
	Set                  string
	Pages, Empty         int
	F1, F1Std, Precision float64
	Recall               float64
	SnippetsIn           float64              // share of the "with" snippets found, -1 when the set has none
	BoilerplateIn        float64              // share of the "without" snippets found, -1 when the set has none
	P50, P95             time.Duration        // wall clock, over the per-page medians
	CPUP50, CPUP95       time.Duration        // CPU time of the thread, over the per-page medians
	perPage              map[string]PageScore // nil for a held-out set
	evalSummary          string
}

// PageScore is one page's precision and recall, as evaluate.py gives them.
type PageScore struct {
	Precision, Recall float64
	HasPred           bool
}

// Score writes texts (page id: extracted text) into dir, scores them with
// evaluate.py against this set's pages only, and times from the per-page
// medians. A held-out set's predictions and per-page scores are deleted
// once scored, so nobody can read them page by page.
func (s *Set) Score(ctx context.Context, dir string, texts map[string]string, times, cpu []time.Duration) (*Result, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	for _, p := range s.Pages {
		if err := os.WriteFile(filepath.Join(dir, p.ID+".txt"), []byte(texts[p.ID]), 0o644); err != nil {
			return nil, fmt.Errorf("benchset: %w", err)
		}
	}
	truth, err := json.Marshal(s.truth)
	if err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	// The truth and the score go beside the predictions, not among them:
	// evaluate.py would read a .json there as a prediction.
	truthFile, jsonFile := dir+".truth.json", dir+".score.json"
	if err := os.WriteFile(truthFile, truth, 0o644); err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	var out strings.Builder
	cmd := exec.CommandContext(ctx, "python3", s.Eval, "--truth", truthFile, "--json", jsonFile, "--bootstrap", "200", dir)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("benchset: %s: %w: %s (is python3 installed?)", strings.Join(cmd.Args, " "), err, out.String())
	}
	b, err := os.ReadFile(jsonFile)
	if err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	var ev struct {
		F1, Precision, Recall float64
		F1Std                 float64 `json:"f1_std"`
		Empty                 int     `json:"empty_predictions"`
		PerPage               []struct {
			ID                string
			Precision, Recall float64
			PredTokens        int `json:"pred_tokens"`
		} `json:"per_page"`
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		return nil, fmt.Errorf("benchset: %s: %w", jsonFile, err)
	}
	r := &Result{Set: s.Name, Pages: len(s.Pages), Empty: ev.Empty, F1: ev.F1, F1Std: ev.F1Std,
		Precision: ev.Precision, Recall: ev.Recall, SnippetsIn: -1, BoilerplateIn: -1,
		P50: Percentile(times, 50), P95: Percentile(times, 95),
		CPUP50: Percentile(cpu, 50), CPUP95: Percentile(cpu, 95), evalSummary: out.String()}
	if s.snippets != nil {
		r.SnippetsIn, r.BoilerplateIn = s.snippetShares(texts)
	}
	if s.HeldOut {
		os.Remove(jsonFile)
		os.Remove(truthFile)
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("benchset: %w", err)
		}
		return r, nil
	}
	r.perPage = map[string]PageScore{}
	for _, p := range ev.PerPage {
		r.perPage[p.ID] = PageScore{Precision: p.Precision, Recall: p.Recall, HasPred: p.PredTokens > 0}
	}
	return r, nil
}

// snippetShares is the share of the "with" snippets that the texts hold and
// the share of the "without" snippets they hold, over all pages. Text is
// compared as lower-case words, so line breaks and punctuation at the
// edges do not matter, and a "without" snippet counts only as whole words
// ("Home" is not in "homeowners").
func (s *Set) snippetShares(texts map[string]string) (in, boiler float64) {
	with, withHit, without, withoutHit := 0, 0, 0, 0
	for _, p := range s.Pages {
		sn := s.snippets[p.ID]
		text := " " + wordsOf(texts[p.ID]) + " "
		for _, w := range sn.With {
			if k := wordsOf(w); k != "" {
				with++
				if strings.Contains(text, " "+k+" ") {
					withHit++
				}
			}
		}
		for _, w := range sn.Without {
			if k := wordsOf(w); k != "" {
				without++
				if strings.Contains(text, " "+k+" ") {
					withoutHit++
				}
			}
		}
	}
	return share(withHit, with), share(withoutHit, without)
}

func share(n, of int) float64 {
	if of == 0 {
		return -1
	}
	return float64(n) / float64(of)
}

// wordsOf is text as lower-case words separated by single spaces.
func wordsOf(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), " ")
}

// Group scores the pages of r by a label each page is given (a language),
// the way evaluate.py aggregates: precision over pages with a prediction,
// recall over all. Pages without a label are left out.
func (r *Result) Group(label map[string]string) []GroupScore {
	by := map[string]*GroupScore{}
	sums := map[string]*[3]float64{} // precision sum, predicted pages, recall sum
	for id, ps := range r.perPage {
		l := label[id]
		if l == "" {
			continue
		}
		g := by[l]
		if g == nil {
			g = &GroupScore{Label: l}
			by[l], sums[l] = g, &[3]float64{}
		}
		g.Pages++
		if ps.HasPred {
			sums[l][0] += ps.Precision
			sums[l][1]++
		} else {
			g.Empty++
		}
		sums[l][2] += ps.Recall
	}
	var out []GroupScore
	for l, g := range by {
		s := sums[l]
		if s[1] > 0 {
			g.Precision = s[0] / s[1]
		}
		g.Recall = s[2] / float64(g.Pages)
		if g.Precision+g.Recall > 0 {
			g.F1 = 2 * g.Precision * g.Recall / (g.Precision + g.Recall)
		}
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b GroupScore) int {
		if a.Pages != b.Pages {
			return b.Pages - a.Pages
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// GroupScore is the score of the pages that share a label.
type GroupScore struct {
	Label                 string
	Pages, Empty          int
	F1, Precision, Recall float64
}

// PrintHeader and PrintRow print the table both benchmark commands share.
func PrintHeader(w io.Writer, first string) {
	fmt.Fprintf(w, "%-44s %-24s %5s  %-13s %6s %6s %5s %8s %8s %7s %7s %7s %7s\n",
		first, "set", "pages", "F1", "P", "R", "empty", "snip-in", "boiler", "p50 ms", "p95 ms", "cpu p50", "cpu p95")
}

// PrintRow prints r under the label first (an extractor's name, or "").
func PrintRow(w io.Writer, first string, r *Result) {
	fmt.Fprintf(w, "%-44s %-24s %5d  %.3f ± %.3f %6.3f %6.3f %5d %8s %8s %7.2f %7.2f %7.2f %7.2f\n",
		first, r.Set, r.Pages, r.F1, r.F1Std, r.Precision, r.Recall, r.Empty,
		pct(r.SnippetsIn), pct(r.BoilerplateIn), ms(r.P50), ms(r.P95), ms(r.CPUP50), ms(r.CPUP95))
}

func pct(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

// Percentile is the nearest-rank percentile: a time one of the pages took.
func Percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(d))
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

// Median runs f n times and returns its median time: a single run would
// also measure whatever else the machine did at that moment.
func Median(n int, f func() error) (time.Duration, error) {
	times := make([]time.Duration, max(n, 1))
	for i := range times {
		start := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		times[i] = time.Since(start)
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
