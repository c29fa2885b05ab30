package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The draw's rule, fixed before any sentence was read: every sentence of
// an unlabelled article that the broad pattern matches, deduplicated,
// ordered by article id and position, shuffled by a PCG seeded with
// drawSeed; the first sampleSize taken, at most perArticle from one
// article so that no long article fills the census. The sample's
// articles, sorted and shuffled by the same seed, go to the tune half
// until it holds half the sentences; the rest form the check half, so no
// article has sentences in both.
const (
	drawSeed   = 13_2026_12_06
	sampleSize = 200
	perArticle = 3

	// Sentences outside these lengths are headings, fragments or runs of
	// text the splitter could not cut; they are not drawn.
	minSentence = 25
	maxSentence = 600

	// Bounds on the corpus file: a line is one article.
	maxLine     = 4 << 20
	maxArticles = 100_000
)

// Halves of the census.
const (
	halfTune  = "tune"
	halfCheck = "check"
)

// broad is the pattern that picks candidate sentences: meeting verbs and
// nouns in every inflection, wider than any tagger's triggers on purpose,
// so that the census holds sentences that report no meeting as well as
// meetings told in words a tagger does not know. German nouns match
// inside compounds ("Außenministertreffen").
var broad = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` +
	// English
	`meet\p{L}*|met|talk\p{L}*|spoke\p{L}*|speak\p{L}*|call\p{L}*|summit\p{L}*|visit\p{L}*|host\p{L}*|receiv\p{L}*|negotiat\p{L}*|discuss\p{L}*|conferenc\p{L}*|ministerial\p{L}*|session\p{L}*` +
	// Ukrainian
	`|зустр\p{L}*|перемов\p{L}*|розмов\p{L}*|говори\p{L}*|саміт\p{L}*|візит\p{L}*|засідан\p{L}*` +
	// Russian
	`|встреч\p{L}*|переговор\p{L}*|разговор\p{L}*|саммит\p{L}*|визит\p{L}*|заседан\p{L}*` +
	// German
	`|\p{L}*treffen\p{L}*|traf\p{L}*|\p{L}*gespräch\p{L}*|\p{L}*gipfel\p{L}*|besuch\p{L}*|\p{L}*verhandl\p{L}*` +
	// French
	`|rencontr\p{L}*|entretien\p{L}*|sommet\p{L}*|visite\p{L}*|négociation\p{L}*` +
	`)(?:[^\p{L}]|$)`)

// article is one corpus article, the fields the census needs.
type article struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// row is one census sentence.
type row struct {
	half, id, published, lang, sentence string
	label                               string // empty until labelled
}

// readSplitIDs reads the ids of the labelled set: the census leaves them out.
func readSplitIDs(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("split: %w (give -split the labelled set's SPLIT.tsv)", err)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, _, _ := strings.Cut(line, "\t")
		ids[id] = true
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("split: %s lists no articles; is it the right file?", path)
	}
	return ids, nil
}

// readCorpus reads the gzipped JSON-lines corpus, leaving out the ids in skip.
func readCorpus(path string, skip map[string]bool) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w (give -corpus the news corpus's articles.jsonl.gz)", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", path, err)
	}
	return decodeCorpus(zr, skip)
}

func decodeCorpus(r io.Reader, skip map[string]bool) ([]article, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var out []article
	for n := 1; sc.Scan(); n++ {
		if len(out) >= maxArticles {
			return nil, fmt.Errorf("corpus: more than %d articles; the census draws from the news corpus, not a crawl", maxArticles)
		}
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("corpus: line %d: %w", n, err)
		}
		if a.ID == "" || skip[a.ID] {
			continue
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus: %w (a line longer than %d bytes is not an article)", err, maxLine)
	}
	return out, nil
}

// draw applies the rule to the articles.
func draw(arts []article) []row {
	arts = slices.Clone(arts)
	slices.SortFunc(arts, func(a, b article) int { return strings.Compare(a.ID, b.ID) })
	seen := map[string]bool{}
	var cands []row
	for _, a := range arts {
		for _, s := range sentences(a.Title + "\n" + a.Text) {
			n := utf8.RuneCountInString(s)
			if n < minSentence || n > maxSentence || seen[s] || !broad.MatchString(s) {
				continue
			}
			seen[s] = true
			cands = append(cands, row{id: a.ID, published: a.Published, lang: a.Lang, sentence: s})
		}
	}
	r := rand.New(rand.NewPCG(drawSeed, drawSeed))
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	per := map[string]int{}
	var out []row
	for _, c := range cands {
		if len(out) == sampleSize {
			break
		}
		if per[c.id] == perArticle {
			continue
		}
		per[c.id]++
		out = append(out, c)
	}
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range per {
			if !yield(id) {
				return
			}
		}
	})
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	half := map[string]string{}
	tune := 0
	for _, id := range ids {
		if tune < len(out)/2 {
			half[id] = halfTune
			tune += per[id]
		} else {
			half[id] = halfCheck
		}
	}
	for i := range out {
		out[i].half = half[out[i].id]
	}
	return out
}

// abbrevs end with a full stop that does not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "adm": true, "cmdr": true, "brig": true, "sen": true,
	"rep": true, "gov": true, "st": true, "no": true, "vs": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "u.s": true,
	"u.k": true, "u.n": true, "e.g": true, "i.e": true, "etc": true, "pres": true, "amb": true,
	"sec": true, "ст": true, "м": true, "р": true, "ім": true,
}

// sentences cuts a text into sentences: at line breaks, and after . ! ?
// (and a closing quote) followed by a space and a capital letter or an
// opening quote, unless the full stop ends an abbreviation or an initial.
func sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimSpace(para)
		start := 0
		for i, c := range para {
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < len(para) && strings.ContainsRune("\"”»'’)", rune(para[j])) {
				j++
			}
			if j < len(para) && (para[j] == 0xe2 || para[j] == 0xc2) { // ” » as UTF-8
				_, sz := utf8.DecodeRuneInString(para[j:])
				if r, _ := utf8.DecodeRuneInString(para[j:]); r == '”' || r == '»' {
					j += sz
				}
			}
			if j >= len(para) || para[j] != ' ' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(para[j+1:])
			if !unicode.IsUpper(next) && !strings.ContainsRune("\"“«'‘", next) {
				continue
			}
			if c == '.' && abbreviation(para[start:i]) {
				continue
			}
			out = append(out, strings.TrimSpace(para[start:j]))
			start = j + 1
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// abbreviation reports whether s ends with an abbreviation or an initial.
func abbreviation(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	w := strings.ToLower(s[i+1:])
	return utf8.RuneCountInString(w) == 1 || abbrevs[w]
}

// writeCensus writes the census as TSV: a header, then one sentence a line.
func writeCensus(path string, rows []row) error {
	var b strings.Builder
	b.WriteString("# half\tid\tpublished\tlang\tsentence\tlabel\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", r.half, r.id, r.published, r.lang, clean(r.sentence), r.label)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// clean keeps a sentence on one TSV field.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
}

// verifyCensus checks a labelled census against a fresh draw.
func verifyCensus(path string, rows []row) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			return fmt.Errorf("verify: %s: a line with %d fields, want 6: %.60q", path, len(f), line)
		}
		got = append(got, strings.Join(f[:5], "\t"))
	}
	if len(got) != len(rows) {
		return fmt.Errorf("verify: %s has %d sentences, a fresh draw %d: redraw, or check the corpus and the split", path, len(got), len(rows))
	}
	for i, r := range rows {
		want := strings.Join([]string{r.half, r.id, r.published, r.lang, clean(r.sentence)}, "\t")
		if got[i] != want {
			return fmt.Errorf("verify: %s line %d differs from a fresh draw:\n got %.100q\nwant %.100q", path, i+2, got[i], want)
		}
	}
	fmt.Printf("%s: %d sentences match a fresh draw\n", path, len(rows))
	return nil
}
