package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract/entity"
)

// The troop census (extract/entity/testdata/census/troops.tsv) is 200
// sentences drawn by extract/internal/troopcensus from corpus articles in
// no labelled part, labelled by the guideline before the tagger was run on
// them, and split once into a tune half and a check half. Each sentence is
// tagged on its own: the label's owner is what the sentence itself says.
// Only the tune half's disagreements are ever listed.
const (
	halfTune  = "tune"
	halfCheck = "check"

	maxCensusBytes = 4 << 20 // the census is about 40 kB
	maxSentence    = 4 << 10 // a longer field is not one sentence
)

// censusSentence is one labelled sentence of the census.
type censusSentence struct {
	half, article, lang, text string
	troops                    []labelTroop
}

// loadTroopCensus reads the census TSV: half, article, lang, sentence and
// figures, each figure "min..max/category/nation", several joined by "; ",
// an empty field for a sentence that states none.
func loadTroopCensus(path string) ([]censusSentence, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("census: %w (pass -census-file)", err)
	}
	if fi.Size() > maxCensusBytes {
		return nil, fmt.Errorf("census: %s is %d bytes, over %d: not a census file", path, fi.Size(), maxCensusBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("census: %w", err)
	}
	var out []censusSentence
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
		s := censusSentence{half: f[0], article: f[1], lang: f[2], text: f[3]}
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

// scoreTroopCensus tags each sentence on its own and scores its figures,
// one scored entry per sentence with the half as its part.
func scoreTroopCensus(sents []censusSentence) []scored {
	out := make([]scored, 0, len(sents))
	for i, s := range sents {
		sc := scored{id: fmt.Sprintf("%s#%d", s.article, i+1), lang: s.lang, part: s.half}
		sc.matchTroops(s.troops, entity.Troops(s.text))
		if s.half == halfCheck {
			sc.misses = nil // the check half is read as a whole only
		}
		out = append(out, sc)
	}
	return out
}

// printTroopCensus prints figure precision, recall and F1, owners right
// and figures found by category for each half, and with verbose the tune
// half's disagreements (never the check half's).
func printTroopCensus(w io.Writer, all []scored, verbose bool) {
	for _, half := range []string{halfTune, halfCheck} {
		var s score
		n, withFig := 0, 0
		for i := range all {
			if all[i].part != half {
				continue
			}
			n++
			if all[i].troops.tp+all[i].troops.fn > 0 {
				withFig++
			}
			s.add(&all[i].score)
		}
		t := s.troops
		fmt.Fprintf(w, "census %s half: %d sentences, %d with figures, %d figures\n", half, n, withFig, t.tp+t.fn)
		fmt.Fprintf(w, "  troop figures  P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", t.precision(), t.recall(), t.f1(), t.tp, t.fp, t.fn)
		fmt.Fprintf(w, "  owners right %.3f (%d/%d)  found: strength %.3f (%d/%d)  casualties %.3f (%d/%d)  other %.3f (%d/%d)\n",
			s.troopOwner.value(), s.troopOwner.right, s.troopOwner.of,
			s.foundStrength.value(), s.foundStrength.right, s.foundStrength.of,
			s.foundCasualties.value(), s.foundCasualties.right, s.foundCasualties.of,
			s.foundOther.value(), s.foundOther.right, s.foundOther.of)
	}
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
