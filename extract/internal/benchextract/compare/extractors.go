package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/extract/internal/benchset"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// goExtractor is an extractor that runs in this process: page in, plain text out.
type goExtractor struct {
	name    string // the table's label, with the version
	slug    string // its predictions' folder
	extract func(page) (string, error)
}

func goExtractors() []goExtractor {
	return []goExtractor{
		{"defwatch (this checkout)", "defwatch", defwatchText},
		{"go-trafilatura " + versionOf("github.com/markusmobius/go-trafilatura") + ", no fallback", "trafilatura", trafilaturaText(false)},
		{"go-trafilatura " + versionOf("github.com/markusmobius/go-trafilatura") + ", fallback", "trafilatura-fallback", trafilaturaText(true)},
		{"readeck go-readability " + versionOf("codeberg.org/readeck/go-readability/v2"), "go-readability", readabilityText},
		{"naive: visible `<p>` text (goquery " + versionOf("github.com/PuerkitoBio/goquery") + ")", "naive", naiveText},
	}
}

// defwatchText is what `defwatch extract` prints as the article's text, from
// the page it has decoded.
func defwatchText(p page) (string, error) {
	a, err := extract.FromPage(&defwatch.Page{URL: p.URL, HTML: p.HTML})
	if errors.Is(err, extract.ErrEmpty) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return a.Text, nil
}

// trafilaturaText runs go-trafilatura with or without its fallback, which
// runs two more extractors over the page and keeps the better text.
func trafilaturaText(fallback bool) func(page) (string, error) {
	return func(p page) (string, error) {
		u, err := url.Parse(p.URL)
		if err != nil {
			return "", err
		}
		res, err := trafilatura.Extract(strings.NewReader(p.HTML), trafilatura.Options{OriginalURL: u, EnableFallback: fallback})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

func readabilityText(p page) (string, error) {
	u, err := url.Parse(p.URL)
	if err != nil {
		return "", err
	}
	a, err := readability.FromReader(strings.NewReader(p.HTML), u)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// hidden matches what a browser does not show, or shows nobody but screen
// readers; a <p> inside it is not article text.
const hidden = `[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], template, script, style`

// naiveText is the floor any extractor should clear: the text of every
// visible paragraph, one paragraph a line.
func naiveText(p page) (string, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(p.HTML))
	if err != nil {
		return "", err
	}
	var paras []string
	doc.Find("p").Each(func(_ int, s *goquery.Selection) {
		if s.Closest(hidden).Length() > 0 {
			return
		}
		if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
			paras = append(paras, t)
		}
	})
	return strings.Join(paras, "\n"), nil
}

// versionOf is the version of a module this binary was built with, so the
// table names what was measured rather than what a comment once said.
func versionOf(path string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	for _, m := range info.Deps {
		if m.Path == path {
			if m.Replace != nil {
				return m.Replace.Version
			}
			return m.Version
		}
	}
	return "(unknown version)"
}

// result is one extractor's predictions and times on one set.
type result struct {
	name    string
	texts   map[string]string
	medians []time.Duration   // per page, the median of its runs
	cpu     []time.Duration   // per page, the median CPU time of its runs
	failed  map[string]string // page id: the error, for pages scored as empty
	score   *benchset.Result
}

func (r *result) failures() string {
	ids := slices.Sorted(maps.Keys(r.failed))
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s… (%s)", id[:min(12, len(id))], r.failed[id])
	}
	return b.String()
}

// runGo times x on every page.
func runGo(ctx context.Context, x goExtractor, pages []page, runs int) (*result, error) {
	r := &result{name: x.name, texts: map[string]string{}, failed: map[string]string{}}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var text string
		var xerr error
		wall, cpu, _ := benchset.Measure(runs, func() error {
			text, xerr = x.extract(p)
			return nil
		})
		// A page an extractor gives up on is an empty prediction: that is
		// what a pipeline built on it would get.
		if xerr != nil {
			text = ""
			r.failed[p.ID] = xerr.Error()
		}
		r.medians, r.cpu = append(r.medians, wall), append(r.cpu, cpu)
		r.texts[p.ID] = text
	}
	return r, nil
}

// median of a page's runs: one run alone would also measure whatever else
// the machine did at that moment.
func median(times []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(times))
	return s[len(s)/2]
}
