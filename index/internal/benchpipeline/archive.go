package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/synth"
)

// record is one line of an archive, as `defwatch import` reads it.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`

	at time.Time // Published, parsed
}

// corpusArticle is one article of the corpus the archive is made from.
type corpusArticle struct {
	id, title, lang string
	sentences       []string
}

// Corpus parts: the corpus is split once, by a fixed hash of each article's
// id, so that what the pipeline was tuned on (dev) and what its figures are
// quoted on (held-out) never share an article.
const (
	partDev     = "dev"
	partHeldOut = "held-out"
	partAll     = "all"
	splitSalt   = "defwatch-bench-pipeline-split-1"
)

func inPart(id, part string) bool {
	if part == partAll {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(splitSalt + id))
	dev := h.Sum32()%2 == 0
	return dev == (part == partDev)
}

// readCorpus reads the corpus articles of one part.
func readCorpus(path, part string) ([]corpusArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []corpusArticle
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("corpus %s: %w", path, err)
		}
		if r.Text == "" || !inPart(r.ID, part) {
			continue
		}
		out = append(out, corpusArticle{id: r.ID, title: r.Title, lang: r.Lang, sentences: synth.Sentences(r.Text)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	if len(out) < 10 {
		return nil, fmt.Errorf("corpus %s: only %d articles in part %s", path, len(out), part)
	}
	return out, nil
}

// archiveSpec says what archive to make. The same spec makes the same
// archive, byte for byte: dates are counted back from a fixed end, not
// from today.
type archiveSpec struct {
	n        int
	seed     uint64
	end      time.Time
	span     time.Duration
	wireRate float64 // share of articles that are another outlet's copy of a story
}

// makeArchive returns n articles in date order: reports cut from corpus
// articles at random dates over the span, and wire copies of a report run
// by other synth.Outlets within three days of it (near-identical texts, which the
// index folds into one story).
func makeArchive(corpus []corpusArticle, spec archiveSpec) []record {
	rng := rand.New(rand.NewPCG(spec.seed, 0x5eed))
	start := spec.end.Add(-spec.span)
	out := make([]record, 0, spec.n)
	for i := 0; len(out) < spec.n; i++ {
		if len(out) > 0 && rng.Float64() < spec.wireRate {
			orig := out[rng.IntN(len(out))]
			at := orig.at.Add(time.Duration(rng.Int64N(int64(72 * time.Hour)))).Truncate(time.Second)
			if at.After(spec.end) {
				at = spec.end
			}
			c := orig
			c.Source = synth.Outlets[rng.IntN(len(synth.Outlets))]
			if c.Source == orig.Source {
				c.Source = synth.Outlets[(slices.Index(synth.Outlets, c.Source)+1)%len(synth.Outlets)]
			}
			if rng.IntN(2) == 0 {
				c.Text = strings.Replace(c.Text, " said ", " told reporters ", 1)
			}
			c.Text += "\n\n" + synth.WireCredits[rng.IntN(len(synth.WireCredits))]
			if rng.IntN(3) == 0 {
				c.Title = "UPDATE 1-" + c.Title
			}
			out = append(out, c.dated(i, at))
			continue
		}
		b := corpus[rng.IntN(len(corpus))]
		at := start.Add(time.Duration(rng.Int64N(int64(spec.span)))).Truncate(time.Second)
		r := record{Source: synth.Outlets[rng.IntN(len(synth.Outlets))], Title: b.title, Lang: b.lang, Text: synth.Cut(rng, corpus, b, corpusArticle.text)}
		out = append(out, r.dated(i, at))
	}
	slices.SortStableFunc(out, func(a, b record) int { return a.at.Compare(b.at) })
	return out
}

// dated gives r its date and a URL and id of its own.
func (r record) dated(i int, at time.Time) record {
	f := strings.Fields(strings.ToLower(r.Title))
	if len(f) == 0 {
		f = []string{"story"}
	}
	r.URL = fmt.Sprintf("https://%s/news/%d/%s-%d", r.Source, at.Year(), strings.Join(f[:min(len(f), 6)], "-"), i)
	r.ID = defwatch.ArticleID(r.URL)
	r.at = at
	r.Published = at.UTC().Format(time.RFC3339)
	return r
}

// text is what synth cuts a copy from.
func (c corpusArticle) text() synth.Text {
	return synth.Text{ID: c.id, Lang: c.lang, Sentences: c.sentences}
}

// shuffled is the archive in an order unrelated to the dates, as a
// backfill of many sources or a many-feed ingest arrives.
func shuffled(recs []record, seed uint64) []record {
	out := slices.Clone(recs)
	rng := rand.New(rand.NewPCG(seed, 0x0de7))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// writeArchive writes recs as JSON lines.
func writeArchive(path string, recs []record) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := encodeArchive(w, recs); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func encodeArchive(w io.Writer, recs []record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}
