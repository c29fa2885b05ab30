package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/index/internal/synth"
)

// base is one corpus article, tagged once, that the generator copies.
type base struct {
	article   *defwatch.Article // tagged; Text is the whole text
	sentences []string
	tagged    time.Time // the date the taggers resolved against
}

// loadCorpus reads the corpus and runs the real taggers once per article:
// tagging 100,000 copies would measure the taggers, not the index.
func loadCorpus(path string, now time.Time) ([]base, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("benchsearch: corpus: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("benchsearch: corpus %s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []base
	for sc.Scan() {
		var r struct{ ID, URL, Source, Title, Published, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("benchsearch: corpus %s: %w", path, err)
		}
		// Corpus dates are as vague as "2015-11"; the copies get dates of
		// their own, so the taggers only need one to resolve meeting dates
		// against, and each copy's are moved with its date.
		pub := now.AddDate(0, -1, 0)
		a, err := extract.FromPage(&defwatch.Page{ID: r.ID, URL: r.URL, Title: r.Title, Text: r.Text, Lang: r.Lang, Imported: true, Published: pub})
		if err != nil {
			continue // empty after cleaning: nothing to index
		}
		out = append(out, base{article: a, sentences: synth.Sentences(a.Text), tagged: pub})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("benchsearch: corpus %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("benchsearch: corpus %s has no articles", path)
	}
	return out, nil
}

// text is what synth cuts a copy from.
func (b base) text() synth.Text {
	return synth.Text{ID: b.article.ID, Lang: b.article.Lang, Sentences: b.sentences}
}

// generator makes the benchmark's articles: copies of the corpus with
// dates spread evenly over span up to now, oldest first as the articles
// stream delivers them, each a different cut of its corpus article so that
// only the wire copies among them are near-identical.
type generator struct {
	bases    []base
	rng      *rand.Rand
	n, i     int
	now      time.Time
	span     time.Duration
	wireRate float64
	recent   []*defwatch.Article // originals a wire copy may copy
}

func newGenerator(bases []base, n int, now time.Time, span time.Duration, wireRate float64, seed uint64) *generator {
	return &generator{bases: bases, rng: rand.New(rand.NewPCG(seed, 7)), n: n, now: now, span: span, wireRate: wireRate}
}

// batch returns the next size articles, fewer at the end.
func (g *generator) batch(size int) []*defwatch.Article {
	var out []*defwatch.Article
	for len(out) < size && g.i < g.n {
		out = append(out, g.next())
	}
	return out
}

func (g *generator) next() *defwatch.Article {
	i := g.i
	g.i++
	jitter := time.Duration(g.rng.Int64N(int64(6 * time.Hour)))
	pub := g.now.Add(-g.span + time.Duration(float64(g.span)*float64(i)/float64(g.n)) + jitter).Truncate(time.Second)
	if pub.After(g.now) {
		pub = g.now
	}
	if len(g.recent) > 0 && g.rng.Float64() < g.wireRate {
		return g.wireCopy(i, pub)
	}
	b := g.bases[g.rng.IntN(len(g.bases))]
	a := g.clone(b.article, i, pub, synth.Outlets[g.rng.IntN(len(synth.Outlets))])
	a.Text = synth.Cut(g.rng, g.bases, b, base.text)
	shift := pub.Sub(b.tagged)
	for j := range a.Meetings {
		if d, err := time.Parse(time.DateOnly, a.Meetings[j].Date); err == nil {
			a.Meetings[j].Date = d.Add(shift).Format(time.DateOnly)
		}
	}
	if len(g.recent) == 64 {
		g.recent = g.recent[1:]
	}
	g.recent = append(g.recent, a)
	return a
}

// wireCopy is another outlet running a recent story with small edits.
func (g *generator) wireCopy(i int, pub time.Time) *defwatch.Article {
	orig := g.recent[g.rng.IntN(len(g.recent))]
	source := synth.Outlets[g.rng.IntN(len(synth.Outlets))]
	if source == orig.Source {
		source = synth.Outlets[(g.rng.IntN(len(synth.Outlets)-1)+1+indexOf(synth.Outlets, source))%len(synth.Outlets)]
	}
	a := g.clone(orig, i, pub, source)
	a.Text = orig.Text
	if g.rng.IntN(2) == 0 {
		a.Text = strings.Replace(a.Text, " said ", " told reporters ", 1)
	}
	a.Text += "\n\n" + synth.WireCredits[g.rng.IntN(len(synth.WireCredits))]
	if g.rng.IntN(3) == 0 {
		a.Title = "UPDATE 1-" + a.Title
	}
	return a
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return 0
}

func (g *generator) clone(src *defwatch.Article, i int, pub time.Time, source string) *defwatch.Article {
	a := *src
	a.Source = source
	a.URL = fmt.Sprintf("https://%s/news/%d/%s", source, pub.Year(), slug(src.Title, i))
	a.ID = defwatch.ArticleID(a.URL)
	a.Published = pub
	a.PublishedFrom = "archive"
	a.Fetched = pub.Add(time.Duration(g.rng.Int64N(int64(2 * time.Hour))))
	a.Meetings = append([]defwatch.Meeting(nil), src.Meetings...)
	return &a
}

func slug(title string, i int) string {
	f := strings.Fields(strings.ToLower(title))
	return fmt.Sprintf("%s-%d", strings.Join(f[:min(len(f), 6)], "-"), i)
}
