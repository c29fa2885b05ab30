package fasttok

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

const (
	// testdataArticles is checked in, so every machine compares on it.
	testdataArticles = "../../../testdata/articles.jsonl.gz"
	// sharedArticles is the larger corpus of development machines.
	sharedArticles = "/work/shared/corpus/news/articles.jsonl.gz"
)

var bleveTokenizer = unicode.NewUnicodeTokenizer()

// sameTokens describes the first difference between two token streams, or
// returns "" when they agree in every field of every token.
func sameTokens(got, want analysis.TokenStream) string {
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			return fmt.Sprintf("token %d missing, want %v", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("extra token %d: %v", i, got[i])
		}
		g, w := got[i], want[i]
		if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End ||
			g.Position != w.Position || g.Type != w.Type || g.KeyWord != w.KeyWord {
			return fmt.Sprintf("token %d: got %v, want %v", i, g, w)
		}
	}
	return ""
}

// checkTokenize fails t unless New().Tokenize agrees with Bleve's unicode
// tokenizer on input, and reports whether the fast path took it.
func checkTokenize(t testing.TB, input []byte) (fast bool) {
	t.Helper()
	want := bleveTokenizer.Tokenize(input)
	got := New().Tokenize(input)
	if d := sameTokens(got, want); d != "" {
		t.Fatalf("Tokenize(%q): %s", input, d)
	}
	_, fast = tokenizeFast(input)
	return fast
}

func terms(stream analysis.TokenStream) []string {
	out := make([]string, len(stream))
	for i, tok := range stream {
		out[i] = string(tok.Term)
		if tok.Type == analysis.Numeric {
			out[i] = "#" + out[i]
		}
	}
	return out
}

// handCases are the tricky spots of word segmentation in news text. Terms
// marks numeric tokens with a leading "#"; fast says whether the input stays
// on the fast path.
var handCases = []struct {
	name  string
	input string
	terms []string
	fast  bool
}{
	{"empty", "", []string{}, true},
	{"spaces only", " \t\r\n ", []string{}, true},
	{"abbreviation", "U.S.", []string{"U.S"}, true},
	{"abbreviation and hyphen", "U.S.-led", []string{"U.S", "led"}, true},
	{"curly apostrophe", "NATO’s", []string{"NATO’s"}, true},
	{"straight apostrophe", "don't", []string{"don't"}, true},
	{"modifier apostrophe", "м'ясо обʼєкт", []string{"м'ясо", "обʼєкт"}, true},
	{"thousands", "10,000", []string{"#10,000"}, true},
	{"decimal", "1.5", []string{"#1.5"}, true},
	{"decimal comma and Cyrillic", "3,5 млн", []string{"#3,5", "млн"}, true},
	{"Ukrainian number", "27 тисяч", []string{"#27", "тисяч"}, true},
	{"letters and digits", "a1b2", []string{"a1b2"}, true},
	{"digit then letter", "1a 2_ _3 _", []string{"1a", "#2_", "#_3", "_"}, true},
	{"e.g.", "e.g.", []string{"e.g"}, true},
	{"underscore", "foo_bar", []string{"foo_bar"}, true},
	{"colon between letters", "x:y", []string{"x:y"}, true},
	{"colon between digits", "12:30", []string{"#12", "#30"}, true},
	{"Cyrillic", "Київ", []string{"Київ"}, true},
	{"diaeresis", "naïve", []string{"naïve"}, true},
	{"decomposed accent", "nai\u0308ve", []string{"nai\u0308ve"}, true},
	{"hyphen", "co-operate", []string{"co", "operate"}, true},
	{"soft hyphen inside a word", "Verteidigungs\u00ADministerium", []string{"Verteidigungs\u00ADministerium"}, true},
	{"soft hyphen ends a word", "word\u00AD next", []string{"word\u00AD", "next"}, true},
	{"soft hyphen starts a word", "\u00ADword", []string{"word"}, true},
	{"soft hyphen after an apostrophe", "don'\u00ADt", []string{"don'\u00ADt"}, true},
	{"NBSP", "5\u00A0000 km", []string{"#5", "#000", "km"}, true},
	{"ellipsis", "wait… what…", []string{"wait", "what"}, true},
	{"dashes and quotes", "“Yes” — «так» – „ja“", []string{"Yes", "так", "ja"}, true},
	{"digits and trailing punctuation", "in 2024. In 2025, 3; 4: 5' 6’", []string{"in", "#2024", "In", "#2025", "#3", "#4", "#5", "#6"}, true},
	{"leading and trailing apostrophes", "'tis the boys' 'quote' ’90s", []string{"tis", "the", "boys", "quote", "90s"}, true},
	{"two joiners", "a..b 1,,2 a.'b", []string{"a", "b", "#1", "#2", "a", "b"}, true},
	{"joiner between letter and digit", "a.1 1.a a'1 1'a", []string{"a", "#1", "#1", "a", "a", "#1", "#1", "a"}, true},
	{"mixed word and number", "a1.2 1a.b v1.2.3", []string{"a1.2", "1a.b", "v1.2.3"}, true},
	{"underscore and joiner", "a_.b 1_,2", []string{"a_", "b", "#1_", "#2"}, true},
	{"CR LF", "one\r\ntwo\rthree\nfour", []string{"one", "two", "three", "four"}, true},
	{"zero width joiner", "ab\u200Dcd", []string{"ab\u200Dcd"}, true},
	{"byte order mark", "\uFEFFtext", []string{"text"}, true},
	{"Greek", "Ωμέγα·x", []string{"Ωμέγα·x"}, true},
	{"euro and numero", "€5 №3", []string{"#5", "#3"}, true},
	{"emoji", "Слава 🇺🇦 Україні 😀", []string{"Слава", "Україні"}, false},
	{"CJK", "北京 talks", []string{"北", "京", "talks"}, false},
	{"Arabic", "بغداد 2024", []string{"بغداد", "#2024"}, false},
	{"Hebrew", "צה\"ל", []string{"צה\"ל"}, false},
	{"invalid UTF-8", "ab\xffcd", []string{"ab", "cd"}, false},
	{"replacement character", "a\uFFFDb", []string{"a", "b"}, false},
	{"mojibake", "NATOโ€™s", []string{"NATO", "s"}, false},
}

func TestHandCases(t *testing.T) {
	for _, tc := range handCases {
		t.Run(tc.name, func(t *testing.T) {
			if fast := checkTokenize(t, []byte(tc.input)); fast != tc.fast {
				t.Errorf("fast path = %v, want %v", fast, tc.fast)
			}
			if got := terms(New().Tokenize([]byte(tc.input))); !slices.Equal(got, tc.terms) {
				t.Errorf("terms = %q, want %q", got, tc.terms)
			}
		})
	}
}

// TestEverySafeRune puts every character of the safe set into contexts that
// tell the classes apart, so that a wrong class shows up as a difference
// from Bleve even if no article holds that character.
func TestEverySafeRune(t *testing.T) {
	contexts := []string{
		"%c", "a%c", "%ca", "a%cb", "1%c2", "a%c1", "1%ca", "_%c_", "%c%c",
		"a%c%cb", "a%c\u00ADb", "1%c\u00AD2", "x %c\u0301y", "\n%cz",
	}
	n := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if classOf(r) == unsafe {
			continue
		}
		n++
		for _, c := range contexts {
			input := []byte(strings.ReplaceAll(c, "%c", string(r)))
			if !checkTokenize(t, input) {
				t.Fatalf("%q left the fast path", input)
			}
		}
	}
	t.Logf("%d characters in the safe set", n)
}

func ExampleTokenizer_Tokenize() {
	for _, tok := range New().Tokenize([]byte("NATO’s 10,000 troops, U.S.-led")) {
		fmt.Println(tok.Position, string(tok.Term), tok.Type == analysis.Numeric)
	}
	// Output:
	// 1 NATO’s false
	// 2 10,000 true
	// 3 troops false
	// 4 U.S false
	// 5 led false
}

// article is the part of a corpus line that gets indexed.
type article struct {
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// text is a title or the text of an article.
type text struct {
	lang, body string
}

// loadTexts returns the titles and texts of a gzipped JSON lines corpus.
func loadTexts(path string) ([]text, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var texts []text
	for dec := json.NewDecoder(gz); ; {
		var a article
		if err := dec.Decode(&a); err == io.EOF {
			return texts, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		texts = append(texts, text{a.Lang, a.Title}, text{a.Lang, a.Text})
	}
}

func TestArticles(t *testing.T) {
	cache := registry.NewCache()
	ours, err := cache.AnalyzerNamed(AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := cache.AnalyzerNamed(standard.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		minFast    float64 // the share of texts that must take the fast path
	}{
		{"testdata", testdataArticles, 0.95},
		{"shared corpus", sharedArticles, 0.95},
	} {
		t.Run(tc.name, func(t *testing.T) {
			texts, err := loadTexts(tc.path)
			if errors.Is(err, fs.ErrNotExist) && tc.path == sharedArticles {
				t.Skipf("no shared corpus: %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(texts) < 100 {
				t.Fatalf("only %d texts in %s", len(texts), tc.path)
			}
			fast := 0
			perLang := map[string][2]int{} // fast and all texts by language
			for _, tx := range texts {
				n := perLang[tx.lang]
				if checkTokenize(t, []byte(tx.body)) {
					fast++
					n[0]++
				}
				n[1]++
				perLang[tx.lang] = n
				// The lower-case filter rewrites terms in place, so each
				// analyzer gets its own copy of the text.
				got := ours.Analyze([]byte(tx.body))
				want := theirs.Analyze([]byte(tx.body))
				if d := sameTokens(got, want); d != "" {
					t.Fatalf("%s analyzer on %.60q…: %s", AnalyzerName, tx.body, d)
				}
			}
			share := float64(fast) / float64(len(texts))
			t.Logf("%d of %d titles and texts (%.2f%%) took the fast path", fast, len(texts), 100*share)
			for _, lang := range slices.Sorted(maps.Keys(perLang)) {
				t.Logf("  %s: %d of %d", lang, perLang[lang][0], perLang[lang][1])
			}
			if share < tc.minFast {
				t.Errorf("only %.1f%% of texts took the fast path, want at least %.0f%%", 100*share, 100*tc.minFast)
			}
		})
	}
}

// alphabet is what fuzzed bytes are mapped to in FuzzTokenizer: characters
// of every class of the safe set, and a few outside it.
var alphabet = []rune(
	"aZéжΩʼ09" + // letters and digits
		".'’‘\u2024" + // MidNumLet and Single_Quote
		":\u00B7\u0387\u02D7\u2027" + // MidLetter
		",;\u037E\u2044" + // MidNum
		"_\u203F\u2054" + // ExtendNumLet
		"\u00AD\u0301\u0483\u200D\u200E\uFEFF" + // Extend and Format
		" \n\r\u00A0\u200B\u2028\u202F\"-—…»҂€" + // Other
		"中😀")

// safeText maps each byte of data to a character of alphabet, so the fuzzer
// steers through the fast path instead of mostly leaving it.
func safeText(data []byte) []byte {
	var out []byte
	for _, b := range data {
		out = utf8.AppendRune(out, alphabet[int(b)%len(alphabet)])
	}
	return out
}

func TestLongInputs(t *testing.T) {
	for _, input := range []string{
		strings.Repeat("word ", 50_000),
		strings.Repeat("слово", 30_000), // one token of 300 KB
		strings.Repeat("1,", 40_000),
		strings.Repeat("a.", 40_000) + "😀",
	} {
		checkTokenize(t, []byte(input))
	}
}

func TestRandomText(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		data := make([]byte, rng.IntN(24))
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		checkTokenize(t, safeText(data))
	}
}

func FuzzTokenizer(f *testing.F) {
	for _, tc := range handCases {
		f.Add([]byte(tc.input))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkTokenize(t, data)
		checkTokenize(t, safeText(data))
	})
}

func BenchmarkTokenize(b *testing.B) {
	texts, err := loadTexts(testdataArticles)
	if err != nil {
		b.Fatal(err)
	}
	inputs := make([][]byte, len(texts))
	size := 0
	for i, tx := range texts {
		inputs[i] = []byte(tx.body)
		size += len(tx.body)
	}
	nsPerKB := map[string]float64{}
	for _, tc := range []struct {
		name      string
		tokenizer analysis.Tokenizer
	}{
		{"bleve", bleveTokenizer},
		{"fasttok", New()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range inputs {
					tc.tokenizer.Tokenize(in)
				}
			}
			nsPerKB[tc.name] = float64(b.Elapsed().Nanoseconds()) / float64(b.N) / (float64(size) / 1024)
			b.ReportMetric(nsPerKB[tc.name], "ns/KB")
			if bleve, ok := nsPerKB["bleve"]; ok && tc.name != "bleve" {
				b.ReportMetric(bleve/nsPerKB[tc.name], "x-bleve-speed")
			}
		})
	}
}
