package main

import (
	"bytes"
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
)

// score is what evaluate.py --json reports that the table shows.
type score struct {
	F1        float64 `json:"f1"`
	F1Std     float64 `json:"f1_std"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
}

// evaluate scores r's predictions with the benchmark's own scorer, so the
// figures are the ones its README and other extractors report, and prints
// the scorer's summary.
func (r *result) evaluate(ctx context.Context, bench string, stdout, stderr io.Writer) error {
	jsonFile := r.dir + ".score.json"
	var summary bytes.Buffer
	cmd := exec.CommandContext(ctx, "python3", filepath.Join(bench, "evaluate.py"), "--name", filepath.Base(r.dir), "--json", jsonFile, r.dir)
	cmd.Stdout, cmd.Stderr = &summary, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("compare: %s: %w (is python3 installed?)", strings.Join(cmd.Args, " "), err)
	}
	fmt.Fprintf(stdout, "%s\n%s\n", r.name, strings.TrimRight(summary.String(), "\n"))
	b, err := os.ReadFile(jsonFile)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	if err := json.Unmarshal(b, &r.score); err != nil {
		return fmt.Errorf("compare: %s: %w", jsonFile, err)
	}
	return nil
}

func printTable(w io.Writer, results []*result) {
	fmt.Fprintln(w, "| extractor | F1 | precision | recall | accuracy | p50 ms/page | p95 ms/page |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %.3f ± %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |\n",
			strings.ReplaceAll(r.name, "|", `\|`), r.score.F1, r.score.F1Std, r.score.Precision, r.score.Recall, r.score.Accuracy,
			ms(percentile(r.medians, 50)), ms(percentile(r.medians, 95)))
	}
}

// percentile is the nearest-rank percentile: a time one of the pages took.
func percentile(d []time.Duration, p float64) time.Duration {
	s := slices.Sorted(slices.Values(d))
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
