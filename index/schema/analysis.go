package schema

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/defwatch/defwatch/index/internal/fasttok"
)

// An article's language picks the analysis of its title and text: the
// stop words left out and the stemmer that brings a word's forms to one
// term. Languages without an analysis of their own get Other's.
const (
	English   = "en"
	German    = "de"
	Russian   = "ru"
	Ukrainian = "uk"
	Other     = "xx"
)

// Analyses are every analysis, in a fixed order.
var Analyses = []string{English, German, Russian, Ukrainian, Other}

// AnalysisOf is the analysis of an article in lang (ISO 639-1).
func AnalysisOf(lang string) string {
	switch strings.ToLower(lang) {
	case "en":
		return English
	case "de":
		return German
	case "ru":
		return Russian
	case "uk":
		return Ukrainian
	}
	return Other
}

// LanguageName names an analysis for people: "English", "German", ….
func LanguageName(a string) string {
	switch a {
	case English:
		return "English"
	case German:
		return "German"
	case Russian:
		return "Russian"
	case Ukrainian:
		return "Ukrainian"
	}
	return "other languages"
}

// Names of the analysers in Bleve's registry, which a shard's stored
// mapping refers to.
const (
	textAnalyzerPrefix = "defwatch_text_"
	BylineAnalyzerName = "defwatch_byline"
)

// TextAnalyzerName is the registry name of the title and text analyser of
// an analysis.
func TextAnalyzerName(a string) string { return textAnalyzerPrefix + a }

var (
	words      = wordTokenizer{words: fasttok.New()}
	lower      = lowercase.NewLowerCaseFilter()
	normalise  = normalizer{}
	possessive = en.NewPossessiveFilter()

	// textAnalyzers are built on first use: their stop-word tables take
	// a millisecond to load, which every command (defwatch extract too)
	// would otherwise pay at start-up.
	textAnalyzers = sync.OnceValue(func() map[string]*analysis.DefaultAnalyzer {
		stopEN := stopMap(en.EnglishStopWords, nil, nil)
		stopDE := stopMap(de.GermanStopWords, notStopDE, nil)
		stopRU := stopMap(ru.RussianStopWords, notStopRU, nil)
		stopUKMap := stopMap(nil, nil, stopUK())
		return map[string]*analysis.DefaultAnalyzer{
			English: {Tokenizer: words, TokenFilters: []analysis.TokenFilter{
				lower, normalise, stop.NewStopTokensFilter(stopEN), possessive, pluralFilter{en.NewEnglishPluralStemmerFilter()}, spellingFilter{}}},
			German: {Tokenizer: words, TokenFilters: []analysis.TokenFilter{
				lower, normalise, stop.NewStopTokensFilter(stopDE), de.NewGermanNormalizeFilter(), de.NewGermanLightStemmerFilter()}},
			Russian: {Tokenizer: words, TokenFilters: []analysis.TokenFilter{
				lower, normalise, stop.NewStopTokensFilter(stopRU), ru.NewRussianStemmerFilter()}},
			Ukrainian: {Tokenizer: words, TokenFilters: []analysis.TokenFilter{
				lower, normalise, stop.NewStopTokensFilter(stopUKMap), ukStemmer{}}},
			// Articles of other languages keep every form of a word; English
			// stop words are left out, as most untagged text is English.
			Other: {Tokenizer: words, TokenFilters: []analysis.TokenFilter{
				lower, normalise, stop.NewStopTokensFilter(stopEN)}},
		}
	})
	// A byline is names: no stop words, no stems.
	bylineAnalyzer = &analysis.DefaultAnalyzer{Tokenizer: words, TokenFilters: []analysis.TokenFilter{lower, normalise}}

	// patternFilters normalise a wildcard's letters as each analysis
	// normalises a term, without stop words or stems.
	patternFilters = map[string][]analysis.TokenFilter{
		German: {normalise, de.NewGermanNormalizeFilter()},
	}
)

// pluralFilter hands Bleve's English plural stemmer only the terms it can
// change, those ending in s: it lower-cases and decodes every term it is
// given, which costs more than all the other English filters together.
type pluralFilter struct{ stemmer analysis.TokenFilter }

func (f pluralFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	var plurals analysis.TokenStream
	for _, t := range input {
		if len(t.Term) >= 3 && t.Term[len(t.Term)-1] == 's' {
			plurals = append(plurals, t)
		}
	}
	if len(plurals) > 0 {
		f.stemmer.Filter(plurals)
	}
	return input
}

func init() {
	for _, a := range Analyses {
		register(TextAnalyzerName(a), func() analysis.Analyzer { return textAnalyzers()[a] })
	}
	register(BylineAnalyzerName, func() analysis.Analyzer { return bylineAnalyzer })
}

func register(name string, an func() analysis.Analyzer) {
	err := registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return an(), nil
	})
	if err != nil {
		panic(err)
	}
}

// Analyzer is the analyser of field for articles of analysis a.
func Analyzer(field, a string) analysis.Analyzer {
	if field == "byline" {
		return bylineAnalyzer
	}
	if an, ok := textAnalyzers()[a]; ok {
		return an
	}
	return textAnalyzers()[Other]
}

// Words are the words of s before stop words and stems: what tells a query
// word that analyses to nothing because it is a stop word from one that
// has no letters or digits at all.
func Words(s string) int { return len(words.Tokenize([]byte(s))) }

// Pattern is a wildcard pattern (* and ?) written as terms of analysis a
// are: lower case, normalised, without hyphens (a hyphenated word's
// joined term is the one a pattern can match whole).
func Pattern(a, p string) string {
	p = strings.ToLower(p)
	p = strings.NewReplacer("-", "", "\u2010", "", "\u2011", "").Replace(p)
	filters, ok := patternFilters[a]
	if !ok {
		filters = []analysis.TokenFilter{normalise}
	}
	ts := analysis.TokenStream{{Term: []byte(p)}}
	for _, f := range filters {
		ts = f.Filter(ts)
	}
	return string(ts[0].Term)
}
