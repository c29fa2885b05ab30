// Command heldout scores the content extractor on pages it was not tuned on:
// Mozilla Readability's news test pages against the text of Readability's
// expected output, and af.mil print pages against the article text the
// corpus keeps for them. It prints the benchmark's metric (4-token shingles,
// see evaluate.py) for the extractor and for a naive <p> baseline, and the
// worst pages of each set.
//
//	go run ./extract/internal/heldout -corpus ../shared/corpus
//	go run ./extract/internal/heldout -out /tmp/heldout
//	python3 ../shared/bench/article-extraction/evaluate.py /tmp/heldout/afmil-2016-print/defwatch \
//	    --truth /tmp/heldout/afmil-2016-print/truth.json -v --sort f1
//
// Pages copied into extract/content/testdata have tests tuned on them, so
// each set is also scored without them ("unseen").
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/defwatch/defwatch/extract/content"
	"github.com/defwatch/defwatch/ingest/charset"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("heldout", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("heldout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", filepath.Join("..", "shared", "corpus"),
		"corpus directory (html/, news/articles.jsonl.gz); the default is relative to the repository root")
	fixtures := fs.String("fixtures", filepath.Join("extract", "content", "testdata"),
		"the extractor's test fixtures, to tell the pages its tests have seen")
	out := fs.String("out", "", "if set, write <set>/{defwatch,naive}/<id>.txt and <set>/truth.json here for evaluate.py")
	worst := fs.Int("worst", 10, "how many of the worst pages of each set to list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	mozilla, err := loadMozilla(*corpus, *fixtures)
	if err != nil {
		return err
	}
	afmil, err := loadAirForce(*corpus, *fixtures)
	if err != nil {
		return err
	}

	var results []setResult
	for _, set := range []heldSet{mozilla, afmil} {
		res, err := runSet(ctx, set)
		if err != nil {
			return err
		}
		if *out != "" {
			if err := writeSet(filepath.Join(*out, set.name), set, res); err != nil {
				return err
			}
		}
		results = append(results, res)
	}
	report(stdout, results, *worst)
	return nil
}

// setResult holds what the extractor and the baseline made of one set.
type setResult struct {
	set         heldSet
	ours, naive []pageScore
	texts       map[string][2]string // id: ours, naive
	parse       []time.Duration
}

func runSet(ctx context.Context, set heldSet) (setResult, error) {
	res := setResult{set: set, texts: map[string][2]string{}}
	for _, p := range set.pages {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		page, _, err := charset.Decode(p.raw, p.contentType)
		if err != nil {
			return res, fmt.Errorf("heldout: %s/%s: %w", set.name, p.id, err)
		}
		s := string(page)
		start := time.Now()
		doc, err := content.Parse(s, p.url)
		res.parse = append(res.parse, time.Since(start))
		if err != nil {
			return res, fmt.Errorf("heldout: %s/%s: %w", set.name, p.id, err)
		}
		root, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return res, fmt.Errorf("heldout: %s/%s: %w", set.name, p.id, err)
		}
		naive := naiveText(root)
		res.ours = append(res.ours, scorePage(p.id, p.truth, doc.Text))
		res.naive = append(res.naive, scorePage(p.id, p.truth, naive))
		res.texts[p.id] = [2]string{doc.Text, naive}
	}
	return res, nil
}

func report(w io.Writer, results []setResult, worst int) {
	fmt.Fprintf(w, "%-30s %5s   %-21s   %-21s %8s\n", "", "", "defwatch", "naive <p>", "ms p50")
	fmt.Fprintf(w, "%-30s %5s   %6s %6s %6s   %6s %6s %6s %8s\n", "set", "pages", "F1", "P", "R", "F1", "P", "R", "")
	for _, r := range results {
		row := func(label string, keep func(heldPage) bool) {
			var ours, naive []pageScore
			for i, p := range r.set.pages {
				if keep(p) {
					ours = append(ours, r.ours[i])
					naive = append(naive, r.naive[i])
				}
			}
			o, n := summarize(ours), summarize(naive)
			fmt.Fprintf(w, "%-30s %5d   %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f", label, o.pages,
				o.f1, o.precision, o.recall, n.f1, n.precision, n.recall)
			if label == r.set.name {
				fmt.Fprintf(w, " %8.2f", ms(median(r.parse)))
			}
			fmt.Fprintln(w)
		}
		row(r.set.name, func(heldPage) bool { return true })
		row("  unseen (not in testdata)", func(p heldPage) bool { return !p.fixture })
	}
	for _, r := range results {
		fmt.Fprintf(w, "\nworst %d of %s (%d pages, %d without a reference left out)\n",
			min(worst, len(r.ours)), r.set.name, len(r.ours), r.set.skipped)
		fmt.Fprintf(w, "  %-16s %6s %6s %6s %8s %8s %9s\n", "page", "P", "R", "F1", "true_tok", "pred_tok", "naive F1")
		idx := make([]int, len(r.ours))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			fa, fb := r.ours[a].f1(), r.ours[b].f1()
			switch {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			}
			return 0
		})
		for _, i := range idx[:min(worst, len(idx))] {
			s := r.ours[i]
			mark := ""
			if r.set.pages[i].fixture {
				mark = " (fixture)"
			}
			fmt.Fprintf(w, "  %-16s %6.3f %6.3f %6.3f %8d %8d %9.3f%s\n", s.id, s.precision, s.recall,
				s.f1(), s.truthToks, s.predToks, r.naive[i].f1(), mark)
		}
	}
}

// writeSet leaves the predictions and references in evaluate.py's layout,
// so a page can be read side by side with its reference.
func writeSet(dir string, set heldSet, res setResult) error {
	truth := map[string]map[string]string{}
	for _, p := range set.pages {
		truth[p.id] = map[string]string{"articleBody": p.truth, "url": p.url}
		for k, name := range []string{"defwatch", "naive"} {
			d := filepath.Join(dir, name)
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("heldout: %w", err)
			}
			if err := os.WriteFile(filepath.Join(d, p.id+".txt"), []byte(res.texts[p.id][k]), 0o644); err != nil {
				return fmt.Errorf("heldout: %w", err)
			}
		}
	}
	b, err := json.MarshalIndent(truth, "", " ")
	if err != nil {
		return fmt.Errorf("heldout: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), b, 0o644); err != nil {
		return fmt.Errorf("heldout: %w", err)
	}
	return nil
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(d))
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
