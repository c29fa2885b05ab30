// Command evalrecall measures how well a query finds the same addresses in
// Ukrainian as its English translation does, on the shared corpus's
// parallel addresses (rua-uk-<videoId> and rua-en-<videoId> are one address
// in two languages).
//
// The query words are chosen by a fixed rule, not by how they score: the
// English words of four letters or more, not stop words, that occur in
// between 10% and 50% of the English addresses, the most frequent first.
// words.tsv gives each its query in dictionary form in both languages (a
// noun's nominative singular, a verb's infinitive), the usual translation
// in a defence context. A fixed seed splits the words into a dev half, the
// one looked at while tuning the analysis, and a held-out half.
//
// For each pair of queries, U is the set of addresses whose Ukrainian text
// the Ukrainian query finds, E the set whose English text the English
// query finds; the overlap is |U∩E| / |U∪E|. It is measured before (Bleve's
// standard analysis, as the index had it) and after (the index and query
// language as they are), and reported per half.
//
//	make eval-recall
//	go run ./index/internal/evalrecall -v
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

//go:embed words.tsv
var wordsTSV string

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "evalrecall:", err)
		os.Exit(1)
	}
}

// Fixed: changing them changes which words are measured.
const (
	seed     = 11
	minShare = 0.10
	maxShare = 0.50
	maxWords = 80
)

type address struct{ uk, en *defwatch.Article }

type pair struct {
	corpusWord, en, uk string
	dev                bool
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("evalrecall", flag.ContinueOnError)
	corpus := fl.String("corpus", filepath.Join("..", "shared", "corpus", "news", "articles.jsonl.gz"),
		"the shared news corpus; the default is relative to the repository root")
	candidates := fl.Bool("candidates", false, "print the words the rule picks and stop")
	verbose := fl.Bool("v", false, "print each pair's sets")
	if err := fl.Parse(args); err != nil {
		return err
	}
	addrs, err := readAddresses(*corpus)
	if err != nil {
		return err
	}
	picked := pickWords(addrs)
	if *candidates {
		for _, w := range picked {
			fmt.Fprintln(stdout, w)
		}
		return nil
	}
	pairs, err := readPairs(picked)
	if err != nil {
		return err
	}
	before := newStandard(addrs)
	after, cleanup, err := newIndexed(addrs)
	if err != nil {
		return err
	}
	defer cleanup()

	type result struct {
		p             pair
		before, after overlap
	}
	var results []result
	for _, p := range pairs {
		b := measure(addrs, before.find, p)
		a := measure(addrs, after.find, p)
		results = append(results, result{p, b, a})
	}
	fmt.Fprintf(stdout, "%d parallel addresses; %d word pairs (%d dev, %d held out), seed %d\n\n",
		len(addrs), len(pairs), countDev(pairs, true), countDev(pairs, false), seed)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "half\tpairs\tbefore: mean overlap\tpooled\tuk found\ten found\tafter: mean overlap\tpooled\tuk found\ten found\t")
	for _, dev := range []bool{true, false} {
		var b, a []overlap
		for _, r := range results {
			if r.p.dev == dev {
				b, a = append(b, r.before), append(a, r.after)
			}
		}
		name := "held out"
		if dev {
			name = "dev"
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.1f\t%.1f\t%.3f\t%.3f\t%.1f\t%.1f\t\n", name, len(b),
			mean(b), pooled(b), meanFound(b, true), meanFound(b, false),
			mean(a), pooled(a), meanFound(a, true), meanFound(a, false))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\noverlap = |U∩E| / |U∪E| of the addresses the Ukrainian (U) and the English (E) query find;")
	fmt.Fprintln(stdout, "mean over the pairs, and pooled (Σ|U∩E| / Σ|U∪E|); found = mean |U|, |E|.")
	if *verbose {
		fmt.Fprintln(stdout)
		tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "half\tenglish\tukrainian\tbefore U E U∩E\tafter U E U∩E")
		for _, r := range results {
			half := "held out"
			if r.p.dev {
				half = "dev"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d %d %d\t%d %d %d\n", half, r.p.en, r.p.uk,
				r.before.u, r.before.e, r.before.both, r.after.u, r.after.e, r.after.both)
		}
		return tw.Flush()
	}
	return nil
}

// readAddresses reads the addresses found in both languages, by videoId.
func readAddresses(path string) ([]address, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w (give -corpus)", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	byID := map[string]*defwatch.Article{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ ID, Title, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		if strings.HasPrefix(r.ID, "rua-uk-") || strings.HasPrefix(r.ID, "rua-en-") {
			byID[r.ID] = &defwatch.Article{ID: r.ID, Title: r.Title, Lang: r.Lang, Text: r.Text}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []address
	for id, a := range byID {
		if video, ok := strings.CutPrefix(id, "rua-uk-"); ok {
			if en, ok := byID["rua-en-"+video]; ok {
				out = append(out, address{uk: a, en: en})
			}
		}
	}
	slices.SortFunc(out, func(a, b address) int { return strings.Compare(a.uk.ID, b.uk.ID) })
	return out, nil
}

// pickWords applies the rule: English words of four letters or more, not
// stop words, in between minShare and maxShare of the English addresses,
// the most frequent first, at most maxWords.
func pickWords(addrs []address) []string {
	stop := englishStopWords()
	df := map[string]int{}
	for _, a := range addrs {
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.en.Title+" "+a.en.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(w)) >= 4 && !stop[w] && !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	var words []string
	for w, n := range df {
		share := float64(n) / float64(len(addrs))
		if share >= minShare && share <= maxShare {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
	return words[:min(len(words), maxWords)]
}

func englishStopWords() map[string]bool {
	cache := registry.NewCache()
	m, err := cache.TokenMapNamed("stop_en")
	if err != nil {
		panic(err)
	}
	out := map[string]bool{}
	for w := range m {
		out[w] = true
	}
	return out
}

// readPairs reads words.tsv (corpus word, English query, Ukrainian query)
// and checks it covers exactly the words the rule picks, so the list
// cannot be chosen by its scores; then splits it by the seed.
func readPairs(picked []string) ([]pair, error) {
	byWord := map[string]pair{}
	for line := range strings.Lines(wordsTSV) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("words.tsv: %q: want corpus word, English query, Ukrainian query", line)
		}
		byWord[f[0]] = pair{corpusWord: f[0], en: f[1], uk: f[2]}
	}
	var pairs []pair
	for _, w := range picked {
		p, ok := byWord[w]
		if !ok {
			return nil, fmt.Errorf("words.tsv has no translation of %q, which the rule picks", w)
		}
		pairs = append(pairs, p)
		delete(byWord, w)
	}
	for w := range byWord {
		return nil, fmt.Errorf("words.tsv translates %q, which the rule does not pick", w)
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	for i := range pairs[:len(pairs)/2] {
		pairs[i].dev = true
	}
	return pairs, nil
}

func countDev(pairs []pair, dev bool) int {
	n := 0
	for _, p := range pairs {
		if p.dev == dev {
			n++
		}
	}
	return n
}

// finder finds the articles a one-word query matches, by id.
type finder func(q, lang string) map[string]bool

type overlap struct{ u, e, both, union int }

func measure(addrs []address, find finder, p pair) overlap {
	u, e := find(p.uk, "uk"), find(p.en, "en")
	var o overlap
	for _, a := range addrs {
		inU, inE := u[a.uk.ID], e[a.en.ID]
		if inU {
			o.u++
		}
		if inE {
			o.e++
		}
		if inU && inE {
			o.both++
		}
		if inU || inE {
			o.union++
		}
	}
	return o
}

func mean(os []overlap) float64 {
	sum, n := 0.0, 0
	for _, o := range os {
		if o.union > 0 {
			sum += float64(o.both) / float64(o.union)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func pooled(os []overlap) float64 {
	both, union := 0, 0
	for _, o := range os {
		both, union = both+o.both, union+o.union
	}
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

func meanFound(os []overlap, uk bool) float64 {
	sum := 0
	for _, o := range os {
		if uk {
			sum += o.u
		} else {
			sum += o.e
		}
	}
	return float64(sum) / float64(max(1, len(os)))
}

// standardIndex is the index before this analysis: Bleve's standard
// analyser (Unicode words, lower case, English stop words) for every
// language, and a word query that asks for all of its terms in the title
// or in the text.
type standardIndex struct {
	an    analysis.Analyzer
	terms map[string]map[string]bool // article id → terms of title and of text
	langs map[string]string
}

func newStandard(addrs []address) *standardIndex {
	an, err := registry.NewCache().AnalyzerNamed(standard.Name)
	if err != nil {
		panic(err)
	}
	s := &standardIndex{an: an, terms: map[string]map[string]bool{}, langs: map[string]string{}}
	for _, a := range addrs {
		for _, art := range []*defwatch.Article{a.uk, a.en} {
			s.langs[art.ID] = art.Lang
			s.terms[art.ID+"\x00title"] = s.termSet(art.Title)
			s.terms[art.ID+"\x00text"] = s.termSet(art.Text)
		}
	}
	return s
}

func (s *standardIndex) termSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range s.an.Analyze([]byte(text)) {
		out[string(t.Term)] = true
	}
	return out
}

func (s *standardIndex) find(q, lang string) map[string]bool {
	var want []string
	for _, t := range s.an.Analyze([]byte(q)) {
		want = append(want, string(t.Term))
	}
	out := map[string]bool{}
	if len(want) == 0 {
		return out
	}
	for id, l := range s.langs {
		if l != lang {
			continue
		}
		for _, field := range []string{"title", "text"} {
			set := s.terms[id+"\x00"+field]
			all := true
			for _, w := range want {
				all = all && set[w]
			}
			if all {
				out[id] = true
			}
		}
	}
	return out
}

// indexed is the index and query language as they are.
type indexed struct{ idx *index.Index }

func newIndexed(addrs []address) (*indexed, func(), error) {
	dir, err := os.MkdirTemp("", "evalrecall")
	if err != nil {
		return nil, nil, err
	}
	idx, err := index.Open(filepath.Join(dir, "idx"))
	if err != nil {
		return nil, nil, err
	}
	var arts []*defwatch.Article
	for _, a := range addrs {
		arts = append(arts, a.uk, a.en)
	}
	if _, err := idx.Put(arts); err != nil {
		return nil, nil, err
	}
	return &indexed{idx}, func() { idx.Close(); os.RemoveAll(dir) }, nil
}

func (x *indexed) find(q, lang string) map[string]bool {
	out := map[string]bool{}
	req := index.Request{Query: q + " lang:" + lang, Size: index.MaxSize, AllCopies: true, NoFacets: true}
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		res, err := x.idx.Search(ctx, req)
		cancel()
		if err != nil {
			panic(fmt.Sprintf("%s: %v", q, err))
		}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		if res.Next == "" {
			return out
		}
		req.After = res.Next
	}
}
