// Command troopcensus draws the troop-figure census: sentences from corpus
// articles that are in no labelled part (not in the labels' SPLIT.tsv),
// picked by a broad number-near-personnel pattern (pattern.go), sampled by
// a fixed seed and split by the same seed into a tune half and a check
// half. It writes a TSV with an empty figures column for a labeller to
// fill by the guideline; the labelled file lives in
// extract/entity/testdata/census/troops.tsv and is scored by
// `go run ./extract/internal/evalentities -census-troops`.
//
// Drawing again with the same corpus, split and seed gives the same
// sentences, so the sample can be checked and never quietly redrawn.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// The rule: candidate sentences in corpus order (article id, then position),
// shuffled by a PCG seeded with drawSeed; take sentences in that order,
// at most perArticle from one article, until blocks*blockSize; then, block
// by block, a permutation from the same PCG puts the first half of each
// block in the tune half. The first block of 200 held only 29 figures, too
// few to read kinds of error from, so the census was grown by further
// blocks; growing it again leaves the earlier blocks and halves as they are.
//
// Blocks after the third, drawn once the first three had been worked on,
// go on in the same shuffled order past the sentences already drawn with
// the cap raised to laterPerArticle, since the first cap ran out of
// candidates.
const (
	drawSeed        = 13_2026_12_06
	blockSize       = 200
	blocks          = 3
	perArticle      = 3
	laterBlocks     = 1
	laterPerArticle = 6
	maxText         = 1 << 20 // an article's text beyond this is not read
	maxLine         = 8 << 20
)

type article struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// drawn is one sampled sentence.
type drawn struct {
	half, article, lang, sentence string
}

func main() {
	corpus := flag.String("corpus", "/work/shared/corpus/news/articles.jsonl.gz", "corpus articles (gzipped JSON lines)")
	split := flag.String("split", "extract/entity/testdata/labels/SPLIT.tsv", "the labelled articles' split; its ids are left out")
	flag.Parse()
	labelled, err := readSplitIDs(*split)
	if err != nil {
		fmt.Fprintln(os.Stderr, "troopcensus:", err)
		os.Exit(1)
	}
	arts, err := readCorpus(*corpus, labelled)
	if err != nil {
		fmt.Fprintln(os.Stderr, "troopcensus:", err)
		os.Exit(1)
	}
	sample := draw(arts)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# half\tarticle\tlang\tsentence\tfigures")
	for _, d := range sample {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t\n", d.half, d.article, d.lang, d.sentence)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "troopcensus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d unlabelled articles, %d sentences drawn\n", len(arts), len(sample))
}

// draw applies the rule to the articles, sorted by id.
func draw(arts []article) []drawn {
	slices.SortFunc(arts, func(a, b article) int { return strings.Compare(a.ID, b.ID) })
	var cands []drawn
	for _, a := range arts {
		for _, s := range sentences(a.Text) {
			if candidate(s) {
				cands = append(cands, drawn{article: a.ID, lang: a.Lang, sentence: s})
			}
		}
	}
	r := rand.New(rand.NewPCG(drawSeed, drawSeed))
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	per := map[string]int{}
	var out []drawn
	taken := make([]bool, len(cands))
	for i, c := range cands {
		if len(out) == blocks*blockSize {
			break
		}
		if per[c.article] == perArticle {
			continue
		}
		per[c.article]++
		taken[i] = true
		out = append(out, c)
	}
	// The first blocks end where their candidates do; later ones start
	// on a block boundary of their own.
	first := len(out)
	for i, c := range cands {
		if len(out) == first+laterBlocks*blockSize {
			break
		}
		if taken[i] || per[c.article] >= laterPerArticle {
			continue
		}
		per[c.article]++
		out = append(out, c)
	}
	for b := 0; b*blockSize < first; b++ {
		halves(r, out[b*blockSize:min(first, (b+1)*blockSize)])
	}
	for b := first; b < len(out); b += blockSize {
		halves(r, out[b:min(len(out), b+blockSize)])
	}
	return out
}

// halves puts the first half of a permutation of block in the tune half.
func halves(r *rand.Rand, block []drawn) {
	for k, i := range r.Perm(len(block)) {
		if k < len(block)/2 {
			block[i].half = "tune"
		} else {
			block[i].half = "check"
		}
	}
}

// sentences splits text at line breaks and at ., ! or ? followed by a space
// and a capital letter, digit or quote, unless the word before the stop is
// a short abbreviation (U.S., Gen., Lt.). Tabs become spaces so a sentence
// fits in one TSV field.
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		rs := []rune(line)
		start := 0
		for i := 0; i < len(rs); i++ {
			if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune("\"'”’»)", rs[j]) {
				j++
			}
			if j+1 >= len(rs) || rs[j] != ' ' || !opens(rs[j+1]) {
				continue
			}
			if rs[i] == '.' && abbreviation(rs[start:i]) {
				continue
			}
			out = appendSentence(out, string(rs[start:j]))
			start = j + 1
		}
		out = appendSentence(out, string(rs[start:]))
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return out
	}
	return append(out, s)
}

func opens(r rune) bool {
	return strings.ContainsRune("\"'“‘«(", r) || (r >= '0' && r <= '9') || isUpper(r)
}

func isUpper(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// abbreviation reports whether the text before a full stop ends in a word of
// at most three letters that is capitalised or has a stop inside (U.S, Gen,
// Lt, Dr), or a single letter.
func abbreviation(before []rune) bool {
	i := len(before)
	for i > 0 && before[i-1] != ' ' {
		i--
	}
	w := before[i:]
	if len(w) == 0 {
		return false
	}
	if slices.Contains(w, '.') {
		return true
	}
	return len(w) <= 3 && isUpper(w[0]) && !slices.ContainsFunc(w, func(r rune) bool { return r >= '0' && r <= '9' })
}

func readSplitIDs(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("split: %w (run from the repository root or pass -split)", err)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, _, _ := strings.Cut(line, "\t")
		ids[id] = true
	}
	return ids, nil
}

func readCorpus(path string, skip map[string]bool) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w (pass -corpus)", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	sc := bufio.NewScanner(io.LimitReader(z, 1<<30))
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var out []article
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if skip[a.ID] {
			continue
		}
		if len(a.Text) > maxText {
			a.Text = a.Text[:maxText]
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus: %w (a line over %d bytes?)", err, maxLine)
	}
	return out, nil
}
