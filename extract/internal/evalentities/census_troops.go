package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract/entity"
)

// The troop census (extract/entity/testdata/census/troops.tsv) is 200
// sentences drawn by extract/internal/troopcensus from corpus articles in
// no labelled part, labelled by the guideline before the tagger was run on
// them, and split once into a tune half and a check half. Each sentence is
// tagged in its article (troops-articles.jsonl.gz beside the census), as
// the pipeline tags it: a figure counts when it starts in the sentence,
// and its owner may come from the text around it, as the guideline says.
// Only the tune half's disagreements are ever listed.
const (
	halfTune  = "tune"
	halfCheck = "check"

	maxCensusBytes = 4 << 20  // the census is about 40 kB
	maxSentence    = 4 << 10  // a longer field is not one sentence
	maxArticles    = 64 << 20 // uncompressed bytes of the census's articles
	maxArticle     = 4 << 20  // one article's JSON line
)

// loadCensusArticles reads the census's articles (gzipped JSON lines of id
// and text) and returns each text with every line's spaces collapsed, as
// the census's sentences were written.
func loadCensusArticles(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("census articles: %w (they sit beside the census file)", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("census articles: %w", err)
	}
	lr := &io.LimitedReader{R: z, N: maxArticles + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 64<<10), maxArticle)
	out := map[string]string{}
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("census articles: %w", err)
		}
		lines := strings.Split(a.Text, "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		out[a.ID] = strings.Join(lines, "\n")
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("census articles: %w (an article over %d bytes?)", err, maxArticle)
	}
	if lr.N <= 0 {
		return nil, fmt.Errorf("census articles: over %d bytes uncompressed: not the census's articles", maxArticles)
	}
	return out, nil
}

// troopCensusSentence is one labelled sentence of the census.
type troopCensusSentence struct {
	half, article, lang, text string
	troops                    []labelTroop
}

// loadTroopCensus reads the census TSV: half, article, lang, sentence and
// figures, each figure "min..max/category/nation", several joined by "; ",
// an empty field for a sentence that states none.
func loadTroopCensus(path string) ([]troopCensusSentence, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("census: %w (pass -census-troops-file)", err)
	}
	if fi.Size() > maxCensusBytes {
		return nil, fmt.Errorf("census: %s is %d bytes, over %d: not a census file", path, fi.Size(), maxCensusBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("census: %w", err)
	}
	var out []troopCensusSentence
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("census: line %d has %d fields, want 5 (half, article, lang, sentence, figures)", i+1, len(f))
		}
		if f[0] != halfTune && f[0] != halfCheck {
			return nil, fmt.Errorf("census: line %d: half %q, want tune or check", i+1, f[0])
		}
		if len(f[3]) > maxSentence {
			return nil, fmt.Errorf("census: line %d: sentence of %d bytes, over %d", i+1, len(f[3]), maxSentence)
		}
		s := troopCensusSentence{half: f[0], article: f[1], lang: f[2], text: f[3]}
		if f[4] != "" {
			for _, fig := range strings.Split(f[4], "; ") {
				t, err := parseCensusFigure(fig)
				if err != nil {
					return nil, fmt.Errorf("census: line %d: %w", i+1, err)
				}
				s.troops = append(s.troops, t)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// parseCensusFigure reads "min..max/category/nation".
func parseCensusFigure(s string) (labelTroop, error) {
	var t labelTroop
	p := strings.Split(s, "/")
	if len(p) != 3 {
		return t, fmt.Errorf("figure %q: want min..max/category/nation", s)
	}
	lo, hi, ok := strings.Cut(p[0], "..")
	if !ok {
		return t, fmt.Errorf("figure %q: want min..max", s)
	}
	var err1, err2 error
	t.Min, err1 = strconv.ParseInt(lo, 10, 64)
	t.Max, err2 = strconv.ParseInt(hi, 10, 64)
	if err1 != nil || err2 != nil || t.Min <= 0 || t.Max < t.Min {
		return t, fmt.Errorf("figure %q: min and max must be whole numbers, 0 < min <= max", s)
	}
	switch p[1] {
	case defwatch.TroopStrength, defwatch.TroopCasualties, defwatch.TroopOther:
	default:
		return t, fmt.Errorf("figure %q: category %q, want strength, casualties or other", s, p[1])
	}
	t.Category, t.Nation, t.Text = p[1], p[2], p[0]
	return t, nil
}

// scoreTroopCensus tags each sentence in its article and scores its
// figures, one scored entry per sentence with the half as its part. A
// sentence whose article is missing or does not hold it is an error: the
// census and its articles have come apart.
func scoreTroopCensus(sents []troopCensusSentence, articles map[string]string) ([]scored, error) {
	out := make([]scored, 0, len(sents))
	for i, s := range sents {
		text, ok := articles[s.article]
		if !ok {
			return nil, fmt.Errorf("census sentence %d: article %s is not in the census's articles", i+1, s.article)
		}
		at := strings.Index(text, s.text)
		if at < 0 {
			return nil, fmt.Errorf("census sentence %d: article %s does not hold the sentence %q", i+1, s.article, clip(s.text))
		}
		sc := scored{id: fmt.Sprintf("%s#%d", s.article, i+1), lang: s.lang, part: s.half}
		sc.matchTroops(s.troops, entity.TroopsIn(text, at, at+len(s.text)))
		if s.half == halfCheck {
			sc.misses = nil // the check half is read as a whole only
		}
		out = append(out, sc)
	}
	return out, nil
}

// printTroopCensus prints figure precision, recall and F1, owners right
// and figures found by category for each half, and with verbose the tune
// half's disagreements (never the check half's).
func printTroopCensus(w io.Writer, all []scored, verbose bool, resamples int, seed uint64) {
	for _, half := range []string{halfTune, halfCheck} {
		var s score
		n, withFig := 0, 0
		byArticle := map[string]*score{}
		var articles []*score
		for i := range all {
			if all[i].part != half {
				continue
			}
			n++
			if all[i].troops.tp+all[i].troops.fn > 0 {
				withFig++
			}
			s.add(&all[i].score)
			id, _, _ := strings.Cut(all[i].id, "#")
			if byArticle[id] == nil {
				byArticle[id] = &score{}
				articles = append(articles, byArticle[id])
			}
			byArticle[id].add(&all[i].score)
		}
		t := s.troops
		fmt.Fprintf(w, "census %s half: %d sentences, %d with figures, %d figures\n", half, n, withFig, t.tp+t.fn)
		fmt.Fprintf(w, "  troop figures  P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", t.precision(), t.recall(), t.f1(), t.tp, t.fp, t.fn)
		fmt.Fprintf(w, "  owners right %.3f (%d/%d)  found: strength %.3f (%d/%d)  casualties %.3f (%d/%d)  other %.3f (%d/%d)\n",
			s.troopOwner.value(), s.troopOwner.right, s.troopOwner.of,
			s.foundStrength.value(), s.foundStrength.right, s.foundStrength.of,
			s.foundCasualties.value(), s.foundCasualties.right, s.foundCasualties.of,
			s.foundOther.value(), s.foundOther.right, s.foundOther.of)
		// Sentences of one article stand or fall together: resample
		// articles.
		iv := bootstrap(articles, censusMetrics, resamples, seed)
		fmt.Fprintf(w, "  95%% intervals (%d resamples of its %d articles): P %s  R %s  F1 %s  owners %s\n",
			resamples, len(articles), iv[0], iv[1], iv[2], iv[3])
	}
	printCensusSources(w, all)
	if !verbose {
		return
	}
	fmt.Fprintln(w, "census tune half disagreements:")
	for _, a := range all {
		if a.part != halfTune {
			continue
		}
		for _, m := range a.misses {
			fmt.Fprintf(w, "  %s  %s: %s\n", a.id, m.kind, m.what)
		}
	}
}

// censusMetrics are the census's figures with intervals.
var censusMetrics = []metric{
	{"precision", func(s *score) float64 { return s.troops.precision() }},
	{"recall", func(s *score) float64 { return s.troops.recall() }},
	{"F1", func(s *score) float64 { return s.troops.f1() }},
	{"owners right", func(s *score) float64 { return s.troopOwner.value() }},
}

// printCensusSources prints each half's figure and owner totals by the
// source of the articles (the id's prefix: afmil, gdelt, rua-en, rua-uk
// ...): where a half loses ground, read as totals only.
func printCensusSources(w io.Writer, all []scored) {
	fmt.Fprintln(w, "by source     half   figures  found  extra  owners right")
	for _, half := range []string{halfTune, halfCheck} {
		by := map[string]*score{}
		var names []string
		for i := range all {
			if all[i].part != half {
				continue
			}
			src := censusSource(all[i].id)
			if by[src] == nil {
				by[src] = &score{}
				names = append(names, src)
			}
			by[src].add(&all[i].score)
		}
		slices.Sort(names)
		for _, n := range names {
			s := by[n]
			fmt.Fprintf(w, "%-13s %-6s %-8d %-6d %-6d %d/%d\n", n, half, s.troops.tp+s.troops.fn, s.troops.tp, s.troops.fp, s.troopOwner.right, s.troopOwner.of)
		}
	}
}

// censusSource is an article id's source: its first part, and the
// language too for the presidential addresses (rua-en, rua-uk).
func censusSource(id string) string {
	p := strings.SplitN(id, "-", 3)
	if p[0] == "rua" && len(p) > 1 {
		return p[0] + "-" + p[1]
	}
	return p[0]
}
